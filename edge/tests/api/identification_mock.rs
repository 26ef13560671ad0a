//! The identification mock (`seteli-mocks`), called in-process through its router: the edge
//! logs in against it exactly as over HTTP, with the claims in the ID token or only in
//! `userinfo`.

use crate::helpers::{test_config, TestApp, TestResponse};
use axum::body::Body;
use axum::Router;
use seteli_edge::http::Method;
use seteli_edge::oidc::OidcConfig;
use seteli_edge::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse};
use seteli_edge::Ctx;
use seteli_mocks::identification::{self as mock, ClaimsIn, Issuer};
use tower::ServiceExt;

/// Where the edge believes the identity provider is.
const BASE_URL: &str = "http://identification.test";

struct IdentificationMock {
    router: Router,
}

impl IdentificationMock {
    async fn call(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &[(String, String)],
        body: String,
    ) -> (u16, Option<String>, String) {
        let mut request = axum::http::Request::builder()
            .method(method)
            .uri(path_and_query);
        for (name, value) in headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let request = request.body(Body::from(body)).expect("a valid request");
        let response = match self.router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("a body");
        (
            status,
            location,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }
}

impl Outbound for IdentificationMock {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        let path = request.url.strip_prefix(BASE_URL).unwrap_or("/");
        let method = match request.method {
            Method::Post => "POST",
            _ => "GET",
        };
        let (status, _, body) = self
            .call(
                method,
                path,
                &request.headers,
                request.body.unwrap_or_default(),
            )
            .await;
        Ok(OutboundResponse { status, body })
    }
}

/// Seteli with both audiences at the mock, on the real clock (the mock signs with it).
fn app(claims_in: ClaimsIn) -> TestApp<IdentificationMock> {
    let router = mock::router(
        BASE_URL,
        mock::Config {
            claims_in,
            ..mock::Config::default()
        },
    )
    .expect("the mock starts");
    let oidc = |issuer: Issuer| OidcConfig {
        issuer: format!("{BASE_URL}/{}", issuer.path()),
        client_id: issuer.client_id().into(),
        client_secret: issuer.client_secret().into(),
    };
    let mut config = test_config();
    config.citizen_oidc = Some(oidc(Issuer::Citizen));
    config.staff_oidc = Some(oidc(Issuer::Staff));
    let base = TestApp::new();
    TestApp {
        ctx: Ctx {
            db: base.ctx.db,
            http: IdentificationMock { router },
            config,
            now: time::OffsetDateTime::now_utc(),
        },
    }
}

/// The whole code flow: the edge's login, the person's choice on the mock's page
/// (`choice` is the page's button, e.g. `("person", hetu)`), the callback.
async fn log_in(
    app: &TestApp<IdentificationMock>,
    login: &str,
    choice: (&str, &str),
) -> TestResponse {
    let start = app.get(login).await;
    assert_eq!(start.status, 303, "login redirects to the provider");
    let login_cookie = start.cookie("seteli_login").expect("a login cookie");
    let authorize =
        url::Url::parse(start.header("location").expect("a location")).expect("an absolute URL");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in authorize.query_pairs() {
        form.append_pair(&name, &value);
    }
    form.append_pair(choice.0, choice.1);
    let (status, location, _) = app
        .ctx
        .http
        .call(
            "POST",
            authorize.path(),
            &[(
                "content-type".into(),
                "application/x-www-form-urlencoded".into(),
            )],
            form.finish(),
        )
        .await;
    assert_eq!(status, 303, "the login page redirects back");
    let back = url::Url::parse(&location.expect("a location")).expect("an absolute URL");
    let callback = format!("{}?{}", back.path(), back.query().unwrap_or_default());
    app.request_with(
        Method::Get,
        &callback,
        &[("cookie", &format!("seteli_login={login_cookie}"))],
    )
    .await
}

#[tokio::test]
async fn a_citizen_logs_in_at_the_mock_with_the_claims_in_the_id_token_or_only_in_userinfo() {
    for claims_in in [ClaimsIn::IdToken, ClaimsIn::Userinfo] {
        let app = app(claims_in);

        let res = log_in(
            &app,
            "/api/auth/login?return_to=/omat",
            ("person", "140334-912M"),
        )
        .await;

        assert_eq!(res.header("location"), Some("/omat"), "{claims_in:?}");
        let session = res.cookie("seteli_session").expect("a session");
        let me = app.get_me(&session).await;
        assert_eq!(me.json["audience"], "citizen");
        assert_eq!(me.json["family_name"], "Kinnunen", "{claims_in:?}");
        let stored = app
            .ctx
            .db
            .scalar("SELECT COUNT(*) FROM sessions WHERE hetu = '140334-912M'")
            .unwrap();
        assert_eq!(stored, 1, "{claims_in:?}");
    }
}

#[tokio::test]
async fn staff_log_in_at_the_mock_with_the_claims_in_the_id_token_or_only_in_userinfo() {
    for claims_in in [ClaimsIn::IdToken, ClaimsIn::Userinfo] {
        let app = app(claims_in);

        let res = log_in(
            &app,
            "/api/auth/login?audience=staff",
            ("user", "valtuushallinnoija"),
        )
        .await;

        let session = res.cookie("seteli_session").expect("a staff session");
        let me = app.get_me(&session).await;
        assert_eq!(me.json["audience"], "staff", "{claims_in:?}");
        assert_eq!(me.json["municipality_code"], "638", "{claims_in:?}");
        assert_eq!(
            me.json["roles"],
            serde_json::json!(["customer_service", "authorisation_admin"]),
            "{claims_in:?}"
        );
    }
}
