//! Requests from any path, query and headers; cookies read and written.

use super::*;

pub(super) fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        4 => Just(Method::Get),
        4 => Just(Method::Post),
        1 => Just(Method::Head),
        1 => Just(Method::Put),
        1 => Just(Method::Delete),
        1 => Just(Method::Options),
        1 => Just(Method::Other),
    ]
}

/// Header names the edge reads, and a few it does not.
const HEADER_NAMES: &[&str] = &[
    "cookie",
    "origin",
    "content-type",
    "accept-language",
    "sec-fetch-site",
    "content-length",
    "Cookie",
    "ORIGIN",
    "x-other",
];

pub(super) fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        4 => proptest::sample::select(HEADER_NAMES).prop_map(str::to_owned),
        1 => any_text(),
    ];
    let value = text_near(
        "[a-z_]{1,15}=[A-Za-z0-9_-]{0,44}(; ?[a-z_]{1,15}=[^;]{0,10}){0,3}|[a-z/;= -]{0,30}",
        &[
            "application/json",
            "application/json; charset=utf-8",
            PUBLIC_URL,
            "same-origin",
            "cross-site",
            "sv-FI,sv;q=0.9",
        ],
    );
    proptest::collection::vec((name, value), 0..6)
}

#[test]
fn requests_from_any_path_query_and_headers_never_panic() {
    let path = text_near(
        "/api/[a-z/-]{0,30}(\\?([a-z_]{1,10}=[^&#]{0,12}&?){0,4})?|/[^ ]{0,40}",
        &["/api/public/offers?municipality=638&service=home-care&lang=sv"],
    );
    fuzz(
        CASES,
        (method(), path, headers(), body(&["number"])),
        |(method, path, headers, body)| {
            let Ok(mut req) = ApiRequest::new(method, &path) else {
                return Ok(());
            };
            req.headers = headers
                .into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v))
                .collect();
            req.body = body;
            let _ = req.lang();
            let _ = req.query_param("lang");
            let _ = req.json::<seteli_domain::api::VoucherLookup>();
            let _ = req.json::<seteli_domain::api::NewServiceEvent>();
            let _ = req.json::<serde_json::Value>();
            let _ = require_same_origin(&req, PUBLIC_URL);
            let _ = Method::parse(&path);
            // A request whose content type is not JSON never has its body read.
            if req.header("content-type").is_none() {
                prop_assert!(req.json::<serde_json::Value>().is_err());
            }
            Ok(())
        },
    );
}

#[test]
fn cookies_are_read_from_any_header_by_exact_name() {
    let header = text_near(
        "([a-z_]{1,16}=[A-Za-z0-9_=-]{0,44}; ?){0,3}seteli_session=[A-Za-z0-9_-]{0,44}(;.{0,10})?|[=; a-z]{0,20}",
        &["seteli_session=", "seteli_session", "=abc", ";;;", "seteli_session==x"],
    );
    let name = prop_oneof![
        Just(SESSION_COOKIE.to_owned()),
        Just("seteli_login".to_owned()),
        "[a-z_=; ]{0,16}",
    ];
    fuzz(CASES, (header, name), |(header, name)| {
        let mut req = ApiRequest::new(Method::Get, "/api/auth/me").expect("a valid path");
        req.headers = vec![("cookie".into(), header.clone())];
        if let Some(value) = cookie(&req, &name) {
            prop_assert!(!value.is_empty());
            let pair = format!("{name}={value}");
            prop_assert!(header.contains(&pair));
        }
        Ok(())
    });
}

#[test]
fn a_cookie_the_edge_sets_reads_back_as_itself() {
    fuzz(CASES, "[A-Za-z0-9_-]{1,64}", |value| {
        let set = set_cookie(SESSION_COOKIE, &value, "/", Some(60), true);
        // What a browser sends back: the name=value pair only.
        let pair = set.split(';').next().unwrap_or_default().to_owned();
        let mut req = ApiRequest::new(Method::Get, "/api/auth/me").expect("a valid path");
        req.headers = vec![("cookie".into(), format!("other=1; {pair}; x=y"))];
        prop_assert_eq!(cookie(&req, SESSION_COOKIE), Some(value));
        Ok(())
    });
}
