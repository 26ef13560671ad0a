//! The edge over a fresh database, its deployments (with identification, with Valtuudet),
//! the test clock, and requests as they reach the router.

use super::identification::IdentificationMock;
use super::mocks::Mocks;
use super::response::TestResponse;
use super::valtuudet::ValtuudetMock;
use super::ytj::YtjMock;
use seteli_edge::blobs::MemoryBlobs;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::outbound::{NoOutbound, Outbound};
use seteli_edge::{handle, Config, Ctx};
use seteli_mocks::identification::people::{Person, StaffUser};
use seteli_mocks::identification::Issuer;
use std::rc::Rc;
use time::macros::datetime;

/// "Today" in every test, so that price validity is deterministic.
pub const TODAY: &str = "2026-11-21";

/// Where the tests pretend Seteli is served.
pub const PUBLIC_URL: &str = "http://127.0.0.1:8787";

/// Where a citizen's login starts, coming back to their own pages.
pub const CITIZEN_LOGIN: &str = "/api/auth/login?return_to=/omat";

/// Where a staff user's login starts.
pub const STAFF_LOGIN: &str = "/api/auth/login?audience=staff";

/// The edge over a fresh database, with `H` as the outside world.
pub struct TestApp<H: Outbound = NoOutbound> {
    pub ctx: Ctx<Sqlite, H>,
    /// The attachments' store the edge writes to (the same one as `ctx.blobs`).
    pub blobs: Rc<MemoryBlobs>,
}

/// The configuration of a test deployment with no identity provider; the company registry
/// is the YTJ mock (reached when the deployment's outside world is [`Mocks`]).
pub fn test_config() -> Config {
    Config {
        public_url: PUBLIC_URL.into(),
        citizen_oidc: None,
        staff_oidc: None,
        hetu_claim: seteli_edge::context::DEFAULT_HETU_CLAIM.into(),
        valtuudet: None,
        rights_cache_secs: seteli_edge::context::MAX_RIGHTS_CACHE_SECS,
        ytj: Some(YtjMock::config()),
        identity_key_secret: Some("test-identity-key-secret".into()),
        messages: None,
    }
}

impl TestApp {
    /// Two municipalities (bilingual Porvoo – Borgå and Helsinki) and two services.
    pub fn new() -> Self {
        let db = Sqlite::in_memory().expect("in-memory database");
        db.execute_script(
            "INSERT INTO municipalities (code, name_fi, name_sv, bilingual) VALUES
                 ('638', 'Porvoo', 'Borgå', 1), ('091', 'Helsinki', 'Helsingfors', 1), ('837', 'Tampere', 'Tammerfors', 0);
             INSERT INTO services (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, unit, sort_order) VALUES
                 ('home-care', 'Kotihoito', 'Hemvård', 'Home care', 'Apua kotiin', 'Hjälp i hemmet', 'Help at home', 'hour', 1),
                 ('cleaning', 'Siivous', 'Städning', 'Cleaning', 'Kodin siivous', 'Hemstädning', 'Home cleaning', 'hour', 2);",
        )
        .expect("base catalogue");
        let blobs = Rc::new(MemoryBlobs::default());
        Self {
            ctx: Ctx {
                db,
                http: NoOutbound,
                blobs: blobs.clone(),
                config: test_config(),
                now: datetime!(2026-11-21 10:00 UTC),
            },
            blobs,
        }
    }
}

impl TestApp<Mocks> {
    /// A deployment whose citizens and staff log in at the identification mock; the clock
    /// starts at 2026-11-21 10:00 UTC and moves only when a test moves it.
    pub fn with_identification() -> Self {
        let base = TestApp::new();
        let mut config = test_config();
        config.citizen_oidc = Some(IdentificationMock::oidc_config(Issuer::Citizen));
        config.staff_oidc = Some(IdentificationMock::oidc_config(Issuer::Staff));
        config.messages = Some(super::MessagesMock::config());
        let now = base.ctx.now;
        Self {
            ctx: Ctx {
                db: base.ctx.db,
                http: Mocks::new(now),
                blobs: base.ctx.blobs,
                config,
                now,
            },
            blobs: base.blobs,
        }
    }

    /// A deployment with identification and Suomi.fi-valtuudet (the mock, with its default
    /// register).
    pub fn with_valtuudet() -> Self {
        let mut app = Self::with_identification();
        let callback = format!("{PUBLIC_URL}/api/valtuudet/callback");
        app.ctx.http.valtuudet = Some(ValtuudetMock::new(&callback, app.ctx.http.clock.clone()));
        app.ctx.config.valtuudet = Some(ValtuudetMock::config());
        app
    }

    /// The identification mock.
    pub fn identification(&self) -> &IdentificationMock {
        &self.ctx.http.identification
    }

    /// The Valtuudet mock of a [`TestApp::with_valtuudet`] deployment.
    pub fn valtuudet(&self) -> &ValtuudetMock {
        self.ctx
            .http
            .valtuudet
            .as_ref()
            .expect("a deployment with Valtuudet")
    }

    /// Moves the clock (for the edge and the mocks) by `seconds`.
    pub fn advance(&mut self, seconds: i64) {
        self.ctx.now += time::Duration::seconds(seconds);
        self.ctx.http.clock.set_now(self.ctx.now);
    }

    /// Starts a citizen's login; returns the login cookie and the provider's authorize URL.
    pub async fn start_login(&self) -> (String, url::Url) {
        self.start_login_at(CITIZEN_LOGIN).await
    }

    /// Starts a login at `path` (e.g. the staff login); returns the login cookie and the
    /// provider's authorize URL.
    pub async fn start_login_at(&self, path: &str) -> (String, url::Url) {
        let res = self.get(path).await;
        assert_eq!(res.status, 303, "login redirects to the provider");
        let login_cookie = res.cookie("seteli_login").expect("a login cookie");
        let location =
            url::Url::parse(res.header("location").expect("a location")).expect("an absolute URL");
        (login_cookie, location)
    }

    /// Logs `person` in as a citizen through the whole code flow; returns the callback's
    /// response (whose `seteli_session` cookie is the new session).
    pub async fn login_as(&self, person: &Person, previous_session: Option<&str>) -> TestResponse {
        self.login_at(CITIZEN_LOGIN, ("hetu", person.code()), previous_session)
            .await
    }

    /// The whole code flow from the login at `path`: the person's `choice` on the mock's
    /// login page (`("hetu", code)`, `("user", username)`), then the callback.
    pub async fn login_at(
        &self,
        path: &str,
        choice: (&str, &str),
        previous_session: Option<&str>,
    ) -> TestResponse {
        let (login_cookie, authorize) = self.start_login_at(path).await;
        let back = self.identification().choose(&authorize, choice).await;
        let mut cookies = format!("seteli_login={login_cookie}");
        if let Some(session) = previous_session {
            cookies.push_str(&format!("; seteli_session={session}"));
        }
        let callback = format!("{}?{}", back.path(), back.query().unwrap_or_default());
        self.get_with(&callback, &[("cookie", &cookies)]).await
    }

    /// Logs `user` in at the staff login; returns the callback's response.
    pub async fn staff_login(&self, user: &StaffUser) -> TestResponse {
        self.login_at(STAFF_LOGIN, ("user", &user.username), None)
            .await
    }
}

impl<H: Outbound> TestApp<H> {
    pub async fn request(&self, method: Method, path_and_query: &str) -> TestResponse {
        self.request_with(method, path_and_query, &[]).await
    }

    /// A request with extra headers. Unless a test sets its own, `Origin` is Seteli's own,
    /// as a browser on Seteli's pages sends it.
    pub async fn request_with(
        &self,
        method: Method,
        path_and_query: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.request_with_body(method, path_and_query, headers, "")
            .await
    }

    /// A request with headers and a body.
    pub async fn request_with_body(
        &self,
        method: Method,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> TestResponse {
        self.request_with_bytes(method, path_and_query, headers, body, Vec::new())
            .await
    }

    /// A request with headers and a body of text (JSON) or, for a file upload, of bytes.
    pub async fn request_with_bytes(
        &self,
        method: Method,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &str,
        bytes: Vec<u8>,
    ) -> TestResponse {
        let mut req = ApiRequest::new(method, path_and_query).expect("a valid test path");
        req.body = body.to_owned();
        req.bytes = bytes;
        req.headers = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if !headers.iter().any(|(k, _)| *k == "origin") {
            req.headers.push(("origin".into(), PUBLIC_URL.into()));
        }
        let res = handle(&req, &self.ctx).await;
        let json = if res.body.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&res.body).expect("every answer with a body is JSON")
        };
        TestResponse {
            status: res.status,
            headers: res.headers,
            json,
            bytes: res.bytes,
        }
    }

    /// A `GET` with extra headers (as [`Self::request_with`]).
    pub async fn get_with(&self, path_and_query: &str, headers: &[(&str, &str)]) -> TestResponse {
        self.request_with(Method::Get, path_and_query, headers)
            .await
    }

    /// The answer to each request (`"POST /api/x"`: a method and a path with query), labelled
    /// with the request and its status for assertion messages.
    pub async fn answers(&self, requests: &[&str]) -> Vec<(String, TestResponse)> {
        let mut answers = Vec::new();
        for request in requests {
            let (method, path) = request.split_once(' ').expect("a method and a path");
            let res = self.request(Method::parse(method), path).await;
            answers.push((format!("{request} ({})", res.status), res));
        }
        answers
    }

    /// Asserts that each request (as in [`Self::answers`]) is refused with `status` and the
    /// error `code`; returns the answers for what else a test checks.
    pub async fn assert_refused(
        &self,
        requests: &[&str],
        status: u16,
        code: &str,
    ) -> Vec<(String, TestResponse)> {
        let answers = self.answers(requests).await;
        for (what, res) in &answers {
            assert_eq!(res.status, status, "{what}");
            assert_eq!(res.code(), code, "{what}");
        }
        answers
    }

    pub async fn get(&self, path_and_query: &str) -> TestResponse {
        self.request(Method::Get, path_and_query).await
    }

    /// `GET /api/auth/me` with a session cookie.
    pub async fn get_me(&self, session: &str) -> TestResponse {
        self.request_with(
            Method::Get,
            "/api/auth/me",
            &[("cookie", &format!("seteli_session={session}"))],
        )
        .await
    }

    pub async fn get_municipalities(&self, query: &str) -> TestResponse {
        self.get(&format!("/api/public/municipalities{query}"))
            .await
    }

    pub async fn get_services(&self, query: &str) -> TestResponse {
        self.get(&format!("/api/public/services{query}")).await
    }

    pub async fn get_offers(&self, query: &str) -> TestResponse {
        self.get(&format!("/api/public/offers?{query}")).await
    }

    pub async fn get_producer(&self, id: &str, query: &str) -> TestResponse {
        self.get(&format!("/api/public/producers/{id}{query}"))
            .await
    }
}
