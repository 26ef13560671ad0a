//! Fuzz targets for the edge's readers of request and remote input: URLs and query strings,
//! headers and cookies, JSON bodies through the whole router (as a visitor, a citizen and a
//! company's agent), Suomi.fi-valtuudet's answers, and the identity provider's discovery
//! document, token response, key set and ID tokens. Each asserts that nothing panics, and
//! what it can about the answer: no input yields an internal error, every error is the API's
//! JSON error, only a clear ALLOWED grants anything, a token that verifies names our issuer,
//! audience and nonce.
//!
//! `cargo test` runs a small number of cases of each; `cargo xtask fuzz` runs them for a
//! time (see `harness`). What a run finds is kept at the end as a named regression test.

#[path = "../../../domain/tests/harness/mod.rs"]
mod harness;

use crate::fake_provider::{self, FakeProvider};
use crate::helpers::{Client, TestApp, PUBLIC_URL};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use harness::fuzz;
use harness::gen::{any_text, body, json_leaf, json_value, object_with, text_near, PLAUSIBLE};
use proptest::prelude::*;
use seteli_domain::routes::{RouteMethod, ROUTES};
use seteli_domain::voucher::VoucherNumber;
use seteli_edge::auth::{cookie, require_same_origin, set_cookie, SESSION_COOKIE};
use seteli_edge::handle;
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::oidc::{self, CodeExchange, Discovery, Jwk, Jwks, OidcConfig};
use seteli_edge::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse};
use seteli_edge::valtuudet::{self, CallContext, Decision, Mode, ValtuudetConfig};
use std::cell::RefCell;
use std::collections::VecDeque;

/// Cases per target in the normal suite.
const CASES: u32 = 256;
/// Cases for targets that run the router or RSA per case.
const SLOW_CASES: u32 = 48;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

fn method() -> impl Strategy<Value = Method> {
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

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
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

// ---- The router, end to end ----

/// Every query parameter a route reads.
const QUERY_KEYS: &[&str] = &[
    "lang",
    "municipality",
    "service",
    "voucher",
    "sort",
    "page",
    "return_to",
    "code",
    "state",
    "error",
    "for",
    "audience",
];

/// Every field of every request body.
const BODY_FIELDS: &[&str] = &[
    "number",
    "voucher_id",
    "producer_id",
    "event_id",
    "body",
    "overall",
    "punctuality",
    "staff",
    "information",
    "comment",
    "idempotency_key",
    "service_date",
    "units_x100",
    "description",
    "municipality_code",
    "service_code",
    "valid_from",
    "price_cents",
    "customer_id",
];

const EEVA_LIISA: &str = "140334-912M";
const KARL_JOHAN: &str = "280175-967D";
const AURINKO: &str = "2077474-0";

/// The number of Eeva-Liisa's voucher 10.
fn voucher_number() -> String {
    VoucherNumber::from_body(48_200_000_010)
        .expect("an 11-digit body")
        .as_str()
        .to_owned()
}

/// A request to `path` that its handler accepts (with the right caller): its query, the id
/// in its path and its body. The fuzzer starts from here and changes a few things, so that
/// requests get past the first check and reach the SQL behind it.
fn example(
    path: &str,
) -> (
    Vec<(String, String)>,
    &'static str,
    Option<serde_json::Value>,
) {
    use serde_json::json;
    let query = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let event = json!({"idempotency_key": "0b7c6c1e-2f43-4d5b-9b1a-000000000001",
        "service_date": "2026-11-20", "units_x100": 100, "description": "Aamukäynti"});
    match path {
        "/api/public/offers" => (
            query(&[
                ("municipality", "638"),
                ("service", "home-care"),
                ("voucher", "2500"),
                ("sort", "own_share"),
                ("page", "1"),
            ]),
            "",
            None,
        ),
        "/api/auth/login" => (query(&[("return_to", "/omat")]), "", None),
        "/api/on-behalf/start" => (query(&[("for", "company")]), "", None),
        "/api/citizen/feedback" => (
            vec![],
            "",
            Some(json!({"voucher_id": 10, "producer_id": 1, "event_id": 1, "body": "Kiitos"})),
        ),
        "/api/citizen/surveys" => (
            vec![],
            "",
            Some(
                json!({"voucher_id": 10, "producer_id": 1, "overall": 5, "punctuality": 4,
                "staff": 5, "information": 3, "comment": "Hyvä"}),
            ),
        ),
        "/api/on-behalf/registered" => (vec![], "", Some(json!({"customer_id": 1}))),
        "/api/producer/prices" => (
            vec![],
            "",
            Some(
                json!({"municipality_code": "638", "service_code": "home-care",
                "valid_from": "2026-12-01", "price_cents": 3700}),
            ),
        ),
        "/api/producer/vouchers/lookup" => (vec![], "", Some(json!({"number": voucher_number()}))),
        "/api/producer/events" => {
            let mut event = event;
            event["voucher_id"] = json!(10);
            (vec![], "", Some(event))
        }
        "/api/producer/events/{id}/correct" => (vec![], "1", Some(event)),
        "/api/producer/feedback/{id}/reply" => {
            (vec![], "1", Some(json!({"body": "Kiitos palautteesta"})))
        }
        "/api/public/producers/{id}" | "/api/producer/events/{id}/cancel" => (vec![], "1", None),
        "/api/citizen/vouchers/{id}" | "/api/producer/vouchers/{id}" => (vec![], "10", None),
        _ => (vec![], "1", None),
    }
}

/// Who sends the request: nobody, a citizen, a company's agent, or a cookie that is no session.
#[derive(Debug, Clone, Copy)]
enum Caller {
    Visitor,
    Citizen,
    Agent,
    Forged,
}

#[derive(Debug, Clone)]
struct FuzzRequest {
    method: Method,
    caller: Caller,
    /// A path of the route table, with `{id}` where an id goes.
    route: &'static str,
    id: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    /// Leave out `Origin` (a state-changing request is then refused before anything else).
    no_origin: bool,
    body: String,
}

/// Changes to an example: a key (of the example's or any) set to a value, or removed.
type Edits<V> = Vec<(String, Option<V>)>;

fn edits<V: std::fmt::Debug + Clone>(
    keys: &'static [&'static str],
    value: BoxedStrategy<V>,
) -> impl Strategy<Value = Edits<V>> {
    let key = prop_oneof![
        5 => proptest::sample::select(keys).prop_map(str::to_owned),
        1 => any_text(),
    ];
    proptest::collection::vec((key, proptest::option::weighted(0.85, value)), 0..3)
}

fn fuzz_request() -> impl Strategy<Value = FuzzRequest> {
    let id = text_near(
        "[0-9]{1,2}|-?[0-9]{1,21}|[^/?#]{0,8}",
        &["1", "10", "20", "0"],
    );
    let query_value = prop_oneof![
        3 => proptest::sample::select(PLAUSIBLE).prop_map(str::to_owned),
        1 => Just("/omat".to_owned()),
        1 => Just("child".to_owned()),
        1 => Just("company".to_owned()),
        2 => any_text(),
    ]
    .boxed();
    let body_value = prop_oneof![3 => json_leaf(), 1 => json_value(BODY_FIELDS)].boxed();
    let caller = prop_oneof![
        1 => Just(Caller::Visitor),
        2 => Just(Caller::Citizen),
        2 => Just(Caller::Agent),
        1 => Just(Caller::Forged),
    ];
    // Mostly the route's own method, so that requests get past the 405.
    let route_and_method = (
        proptest::sample::select(ROUTES),
        proptest::option::weighted(0.2, method()),
    )
        .prop_map(|(route, other)| {
            let own = match route.method {
                RouteMethod::Get => Method::Get,
                RouteMethod::Post => Method::Post,
            };
            (route.path, other.unwrap_or(own))
        });
    (
        route_and_method,
        caller,
        proptest::option::weighted(0.3, id),
        edits(QUERY_KEYS, query_value),
        headers(),
        proptest::bool::weighted(0.05),
        prop_oneof![
            3 => edits(BODY_FIELDS, body_value).prop_map(Ok),
            1 => body(BODY_FIELDS).prop_map(Err),
        ],
    )
        .prop_map(
            |((route, method), caller, id, query_edits, headers, no_origin, body)| {
                let (mut query, example_id, example_body) = example(route);
                for (key, value) in query_edits {
                    query.retain(|(k, _)| *k != key);
                    if let Some(value) = value {
                        query.push((key, value));
                    }
                }
                let body = match (body, example_body) {
                    (Ok(edits), Some(serde_json::Value::Object(mut object))) => {
                        for (key, value) in edits {
                            match value {
                                Some(value) => object.insert(key, value),
                                None => object.remove(&key),
                            };
                        }
                        serde_json::Value::Object(object).to_string()
                    }
                    (Ok(_), _) => String::new(),
                    (Err(text), _) => text,
                };
                FuzzRequest {
                    method,
                    caller,
                    route,
                    id: id.unwrap_or_else(|| example_id.to_owned()),
                    query,
                    headers,
                    no_origin,
                    body,
                }
            },
        )
}

/// A deployment with a producer, a customer, her voucher, an event under it and her
/// feedback on it, for requests to reach.
fn router_app() -> TestApp<FakeProvider> {
    let app = TestApp::with_valtuudet();
    app.approved_home_care(1, "Hoivapalvelu Aurinko Oy", 3600);
    app.sql(&format!(
        "UPDATE producers SET business_id = '{AURINKO}' WHERE id = 1;
         INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES
             (1, '{EEVA_LIISA}', 'Eeva-Liisa', 'Kinnunen', '638');
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES
             (10, '{}', 1, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2026-01-01', '2026-12-31', 'active', '2026-01-01');",
        voucher_number(),
    ));
    app
}

/// A session cookie for Eeva-Liisa, and one for Karl-Johan acting for Aurinko.
async fn sessions(app: &TestApp<FakeProvider>) -> (String, String) {
    let citizen = Client::login(app, EEVA_LIISA).await;
    let agent = Client::login(app, KARL_JOHAN).await;
    let start = agent.get("/api/on-behalf/start?for=company").await;
    let selection = start.header("location").expect("to the selection page");
    let back = app
        .valtuudet()
        .pick(selection, ("principal", AURINKO))
        .await;
    agent
        .get(back.strip_prefix(PUBLIC_URL).expect("back to Seteli"))
        .await;
    let home = agent.get("/api/producer/home").await;
    assert_eq!(home.status, 200, "Karl-Johan acts for Aurinko");
    let cookie = |client: &Client<FakeProvider>| format!("{SESSION_COOKIE}={}", client.session());
    (cookie(&citizen), cookie(&agent))
}

/// Event 1 under voucher 10 and feedback 1 on it, as the examples name them.
async fn first_event_and_feedback(
    app: &TestApp<FakeProvider>,
    (citizen, agent): &(String, String),
) {
    let post = |cookie: &str, path: &'static str, body: serde_json::Value| {
        let headers = [
            ("cookie", cookie.to_owned()),
            ("origin", PUBLIC_URL.to_owned()),
            ("content-type", "application/json".to_owned()),
        ];
        async move {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.request_with_body(Method::Post, path, &headers, &body.to_string())
                .await
                .status
        }
    };
    let (_, _, lookup) = example("/api/producer/vouchers/lookup");
    let (_, _, event) = example("/api/producer/events");
    let (_, _, feedback) = example("/api/citizen/feedback");
    assert_eq!(
        post(
            agent,
            "/api/producer/vouchers/lookup",
            lookup.expect("a body")
        )
        .await,
        200
    );
    assert_eq!(
        post(agent, "/api/producer/events", event.expect("a body")).await,
        201
    );
    assert_eq!(
        post(citizen, "/api/citizen/feedback", feedback.expect("a body")).await,
        201
    );
}

/// The status of the producer's home for the session in `cookie`.
async fn home_status(app: &TestApp<FakeProvider>, cookie: String) -> u16 {
    let url = url::Url::parse(&format!("{PUBLIC_URL}/api/producer/home")).expect("a URL");
    let req = ApiRequest::from_url(Method::Get, &url, vec![("cookie".into(), cookie)]);
    handle(&req, &app.ctx).await.status
}

#[test]
fn the_router_answers_any_request_with_json_and_never_an_internal_error() {
    let rt = runtime();
    let app = router_app();
    // Sessions are made again when a request ended them (logout, choosing someone else).
    let cookies = RefCell::new(rt.block_on(async {
        let cookies = sessions(&app).await;
        first_event_and_feedback(&app, &cookies).await;
        cookies
    }));
    fuzz(SLOW_CASES, fuzz_request(), |r| {
        rt.block_on(async {
            let (citizen, agent) = cookies.borrow().clone();
            let mut url = url::Url::parse(PUBLIC_URL).expect("the public URL");
            if let Ok(mut segments) = url.path_segments_mut() {
                segments.clear();
                for segment in r.route.trim_start_matches('/').split('/') {
                    segments.push(if segment == "{id}" { &r.id } else { segment });
                }
            }
            url.query_pairs_mut()
                .extend_pairs(r.query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            if r.query.is_empty() {
                url.set_query(None);
            }
            let mut headers = r.headers.clone();
            match r.caller {
                Caller::Visitor => {}
                Caller::Citizen => headers.push(("cookie".into(), citizen)),
                Caller::Agent => headers.push(("cookie".into(), agent)),
                Caller::Forged => {
                    headers.push(("cookie".into(), format!("{SESSION_COOKIE}=forged")))
                }
            }
            if !r.no_origin {
                headers.push(("origin".into(), PUBLIC_URL.into()));
            }
            if !r.body.is_empty() && !headers.iter().any(|(k, _)| k == "content-type") {
                headers.push(("content-type".into(), "application/json".into()));
            }
            let mut req = ApiRequest::from_url(r.method, &url, headers);
            req.body = r.body.clone();
            let res = handle(&req, &app.ctx).await;
            prop_assert!((200..600).contains(&res.status), "{}", res.status);
            prop_assert_ne!(res.status, 500, "{} gave {}", url, res.body);
            if !res.body.is_empty() {
                let json: serde_json::Value = serde_json::from_str(&res.body)
                    .map_err(|e| TestCaseError::fail(format!("not JSON ({e}): {}", res.body)))?;
                if res.status >= 400 {
                    prop_assert!(json["code"].is_string(), "{}", res.body);
                }
            }
            // Keep the voucher usable and the number guard open for the next request.
            app.sql(
                "UPDATE vouchers SET balance_cents = granted_cents; DELETE FROM voucher_lookups;",
            );
            let (citizen, agent) = cookies.borrow().clone();
            // The citizen is refused the producer's home (403) while her session lives.
            if home_status(&app, citizen).await == 401 || home_status(&app, agent).await != 200 {
                *cookies.borrow_mut() = sessions(&app).await;
            }
            Ok(())
        })
    });
}

// ---- Suomi.fi-valtuudet's answers ----

/// Answers each call with the next canned answer (the last one again when they run out).
struct Scripted {
    answers: RefCell<VecDeque<Result<OutboundResponse, OutboundError>>>,
}

impl Scripted {
    fn new(answers: Vec<Answer>) -> Self {
        Self {
            answers: RefCell::new(
                answers
                    .into_iter()
                    .map(|a| match a {
                        Some((status, body)) => Ok(OutboundResponse { status, body }),
                        None => Err(OutboundError("no answer within 3000 ms".into())),
                    })
                    .collect(),
            ),
        }
    }
}

impl Outbound for Scripted {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        let mut answers = self.answers.borrow_mut();
        match answers.len() {
            0 => Err(OutboundError("no answer scripted".into())),
            1 => answers[0].clone(),
            _ => answers.pop_front().expect("not empty"),
        }
    }
}

/// A status and a body, or no answer at all.
type Answer = Option<(u16, String)>;

fn answer(fields: &'static [&'static str]) -> impl Strategy<Value = Answer> {
    let status = prop_oneof![
        6 => Just(200u16),
        1 => proptest::sample::select(&[204u16, 301, 400, 401, 403, 404, 429, 500, 502][..]),
        1 => any::<u16>(),
    ];
    proptest::option::weighted(0.95, (status, body(fields)))
}

/// What Valtuudet's answers hold.
const VALTUUDET_FIELDS: &[&str] = &[
    "sessionId",
    "userId",
    "access_token",
    "personId",
    "name",
    "result",
    "reasons",
    "identifier",
    "complete",
    "roles",
];

fn valtuudet_config() -> ValtuudetConfig {
    ValtuudetConfig {
        base_url: "http://valtuudet.test".into(),
        client_id: "sete1i01".into(),
        api_key: "key".into(),
        oauth_password: "pw".into(),
    }
}

#[test]
fn valtuudet_answers_never_panic_and_only_a_clear_allowed_grants() {
    let rt = runtime();
    let call = CallContext {
        request_id: "req-1".into(),
        timestamp: "2026-11-21T10:00:00Z".into(),
    };
    let config = valtuudet_config();
    fuzz(CASES, answer(VALTUUDET_FIELDS), |answer| {
        rt.block_on(async {
            let http = Scripted::new(vec![answer.clone()]);
            let _ = valtuudet::register(&http, &config, Mode::Hpa, "010280-952L", &call).await;
            let _ = valtuudet::token(&http, &config, "code", "http://x/cb").await;
            let _ = valtuudet::delegate(&http, &config, "s", "t", &call).await;
            let _ = valtuudet::organization_roles(&http, &config, "s", "t", &call).await;
            let _ = valtuudet::unregister(&http, &config, Mode::Ypa, "s", &call).await;
            let decision =
                valtuudet::authorization(&http, &config, "s", "t", "010280-952L", &["i"], &call)
                    .await;
            // A grant needs a 200 whose `result` is ALLOWED (serde also reads a struct from
            // an array of its fields, so `["ALLOWED"]` is the same answer).
            let clearly_allowed = answer.as_ref().is_some_and(|(status, body)| {
                *status == 200
                    && serde_json::from_str::<serde_json::Value>(body).is_ok_and(|v| {
                        v["result"] == "ALLOWED" || v == serde_json::json!(["ALLOWED"])
                    })
            });
            if let Ok(d) = decision {
                prop_assert_eq!(d.grants_access(), d == Decision::Allowed);
                if d.grants_access() {
                    prop_assert!(clearly_allowed, "{:?} granted access", answer);
                }
            }
            Ok(())
        })
    });
}

// ---- The identity provider's answers ----

fn oidc_config() -> OidcConfig {
    OidcConfig {
        issuer: fake_provider::ISSUER.into(),
        client_id: fake_provider::CLIENT_ID.into(),
        client_secret: fake_provider::CLIENT_SECRET.into(),
    }
}

const OIDC_FIELDS: &[&str] = &[
    "issuer",
    "sub",
    "authorization_endpoint",
    "token_endpoint",
    "jwks_uri",
    "userinfo_endpoint",
    "id_token",
    "access_token",
    "token_type",
    "keys",
    "kty",
    "kid",
    "n",
    "e",
    "alg",
    "use",
];

/// "Now" for token checks: 2026-11-21 10:00 UTC, as in the other tests.
const NOW: i64 = 1_795_255_200;

#[test]
fn discovery_token_key_and_userinfo_answers_never_panic() {
    let rt = runtime();
    let config = oidc_config();
    let discovery: Discovery = serde_json::from_value(serde_json::json!({
        "issuer": config.issuer,
        "authorization_endpoint": format!("{}/authorize", config.issuer),
        "token_endpoint": format!("{}/token", config.issuer),
        "jwks_uri": format!("{}/jwks", config.issuer),
        "userinfo_endpoint": format!("{}/userinfo", config.issuer),
    }))
    .expect("a discovery document");
    let answers = (
        answer(OIDC_FIELDS),
        answer(OIDC_FIELDS),
        answer(OIDC_FIELDS),
    );
    fuzz(CASES, answers, |(first, second, third)| {
        rt.block_on(async {
            let http = Scripted::new(vec![first.clone()]);
            if let Ok(found) = oidc::discover(&http, &config).await {
                prop_assert_eq!(found.issuer, config.issuer.clone());
            }
            let http = Scripted::new(vec![first.clone()]);
            if let Ok(claims) = oidc::userinfo(&http, &discovery, "token", "subject-1").await {
                prop_assert_eq!(&claims["sub"], "subject-1");
            }
            let exchange = CodeExchange {
                code: "code-1",
                redirect_uri: "http://127.0.0.1:8787/api/auth/callback",
                code_verifier: "v",
                nonce: "n-1",
                now: NOW,
            };
            // No answer here is a token signed by the provider's key, so none may verify.
            let http = Scripted::new(vec![first.clone(), second.clone(), third.clone()]);
            prop_assert!(oidc::exchange_code(&http, &config, &discovery, &exchange)
                .await
                .is_err());
            let http = Scripted::new(vec![first, second, third]);
            prop_assert!(
                oidc::identify(&http, &config, &exchange, &["urn:oid:1.2.246.21"])
                    .await
                    .is_err()
            );
            Ok(())
        })
    });
}

fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A key set: keys of garbage, and sometimes the provider's real key.
fn jwks(real: Vec<Jwk>) -> impl Strategy<Value = Jwks> {
    let garbage_key = (
        prop_oneof![Just("RSA".to_owned()), any_text()],
        proptest::option::of(prop_oneof![Just("test".to_owned()), any_text()]),
        proptest::option::of(prop_oneof![
            any_text(),
            proptest::collection::vec(any::<u8>(), 0..600).prop_map(b64),
        ]),
        proptest::option::of(prop_oneof![
            any_text(),
            proptest::collection::vec(any::<u8>(), 0..12).prop_map(b64),
        ]),
    )
        .prop_map(|(kty, kid, n, e)| {
            serde_json::from_value::<Jwk>(
                serde_json::json!({"kty": kty, "kid": kid, "n": n, "e": e}),
            )
            .expect("a key of the set's shape")
        });
    (proptest::collection::vec(garbage_key, 0..3), any::<bool>()).prop_map(
        move |(mut keys, with_real)| {
            if with_real {
                keys.extend(real.iter().cloned());
            }
            Jwks { keys }
        },
    )
}

/// A token of garbage: any text, or three dot-separated parts of which each may be base64
/// of JSON, of bytes, or not base64 at all.
fn garbage_token() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        json_value(&["alg", "kid", "typ", "iss", "aud", "exp", "iat", "nonce"])
            .prop_map(|v| b64(v.to_string())),
        object_with(&["alg", "kid"]).prop_map(|v| b64(v.to_string())),
        Just(b64(r#"{"alg":"RS256","kid":"test"}"#)),
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(b64),
        any_text(),
    ];
    prop_oneof![
        1 => any_text(),
        4 => proptest::collection::vec(part, 1..5).prop_map(|parts| parts.join(".")),
    ]
}

#[test]
fn id_tokens_of_garbage_are_refused_without_panic() {
    let config = oidc_config();
    let real: Jwks =
        serde_json::from_value(FakeProvider::new(NOW).jwks()).expect("the provider's key set");
    fuzz(
        CASES,
        (garbage_token(), jwks(real.keys)),
        |(token, jwks)| {
            prop_assert!(oidc::verify_id_token(&token, &jwks, &config, "n-1", NOW).is_err());
            Ok(())
        },
    );
}

/// Claims near a valid ID token's, each one sometimes replaced with anything.
fn claims() -> impl Strategy<Value = serde_json::Value> {
    let maybe = |good: serde_json::Value| {
        prop_oneof![
            3 => Just(Some(good)),
            1 => json_leaf().prop_map(Some),
            1 => Just(None),
        ]
    };
    let instant = |good: i64| {
        prop_oneof![
            3 => Just(Some(serde_json::Value::from(good))),
            1 => prop_oneof![
                Just(i64::MAX),
                Just(i64::MIN),
                Just(i64::MAX - 59),
                Just(NOW - 60),
                Just(NOW + 60),
                Just(NOW + 61),
                any::<i64>(),
            ]
            .prop_map(|t| Some(serde_json::Value::from(t))),
            1 => json_leaf().prop_map(Some),
        ]
    };
    (
        maybe(fake_provider::ISSUER.into()),
        maybe(serde_json::json!([fake_provider::CLIENT_ID, "other"])),
        instant(NOW + 300),
        instant(NOW),
        maybe("n-1".into()),
        maybe("010280-952L".into()),
        maybe("subject-1".into()),
    )
        .prop_map(|(iss, aud, exp, iat, nonce, hetu, sub)| {
            let mut claims = serde_json::Map::new();
            for (name, value) in [
                ("iss", iss),
                ("aud", aud),
                ("exp", exp),
                ("iat", iat),
                ("nonce", nonce),
                ("urn:oid:1.2.246.21", hetu),
                ("sub", sub),
            ] {
                if let Some(value) = value {
                    claims.insert(name.into(), value);
                }
            }
            serde_json::Value::Object(claims)
        })
}

#[test]
fn signed_id_tokens_with_any_claims_verify_only_for_us() {
    let config = oidc_config();
    let provider = FakeProvider::new(NOW);
    let jwks: Jwks = serde_json::from_value(provider.jwks()).expect("the key set");
    fuzz(SLOW_CASES, claims(), |claims| {
        let token = provider.sign(&claims);
        if let Ok(verified) = oidc::verify_id_token(&token, &jwks, &config, "n-1", NOW) {
            prop_assert_eq!(&verified["iss"], fake_provider::ISSUER);
            prop_assert_eq!(&verified["nonce"], "n-1");
            let exp = verified["exp"].as_i64().expect("a number");
            prop_assert!(NOW < exp.saturating_add(60));
        }
        Ok(())
    });
}

// ---- What fuzzing found, kept as regression tests ----

#[test]
fn a_signed_token_that_expires_at_the_end_of_time_is_checked_without_overflow() {
    // Found by `signed_id_tokens_with_any_claims_verify_only_for_us`: `exp + 60 s` overflowed
    // an i64 and panicked in debug builds (in the Worker's release build it wrapped, and the
    // token was refused as expired). Only the provider's own key could sign such a token.
    let provider = FakeProvider::new(NOW);
    let jwks: Jwks = serde_json::from_value(provider.jwks()).expect("the key set");
    let token = provider.sign(&serde_json::json!({
        "iss": fake_provider::ISSUER,
        "aud": fake_provider::CLIENT_ID,
        "sub": "subject-1",
        "exp": i64::MAX - 59,
        "iat": NOW,
        "nonce": "n-1",
    }));
    let verified = oidc::verify_id_token(&token, &jwks, &oidc_config(), "n-1", NOW);
    assert_eq!(
        verified.map(|claims| claims["exp"].clone()),
        Ok(serde_json::json!(i64::MAX - 59))
    );
}
