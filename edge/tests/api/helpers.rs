//! Arrange and act helpers: a fresh database per test, data added explicitly, and one
//! helper per endpoint.

use crate::fake_provider::{self, FakeProvider, Grant};
use crate::valtuudet_mock::ValtuudetMock;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::oidc::OidcConfig;
use seteli_edge::outbound::{NoOutbound, Outbound};
use seteli_edge::{handle, Config, Ctx};
use time::macros::datetime;

/// "Today" in every test, so that price validity is deterministic.
pub const TODAY: &str = "2026-11-21";

/// Where the tests pretend Seteli is served.
pub const PUBLIC_URL: &str = "http://127.0.0.1:8787";

/// The edge over a fresh database, with `H` as the outside world.
pub struct TestApp<H: Outbound = NoOutbound> {
    pub ctx: Ctx<Sqlite, H>,
}

/// The configuration of a test deployment with no identity provider.
pub fn test_config() -> Config {
    Config {
        public_url: PUBLIC_URL.into(),
        citizen_oidc: None,
        staff_oidc: None,
        hetu_claim: seteli_edge::context::DEFAULT_HETU_CLAIM.into(),
        valtuudet: None,
        rights_cache_secs: seteli_edge::context::MAX_RIGHTS_CACHE_SECS,
        identity_key_secret: Some("test-identity-key-secret".into()),
    }
}

/// The names the identity provider asserts for a test person: the mocks' persons by their
/// codes, "Anni Kumpulainen" for anyone else.
pub fn person_name(hetu: &str) -> (&'static str, &'static str) {
    match hetu {
        "140334-912M" => ("Eeva-Liisa", "Kinnunen"),
        "091182-931V" => ("Mikko", "Kumpulainen"),
        "280175-967D" => ("Karl-Johan", "Nyström"),
        _ => ("Anni", "Kumpulainen"),
    }
}

/// A response with its body parsed as JSON.
pub struct TestResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub json: serde_json::Value,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
    /// The value a `Set-Cookie` header gives the cookie `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies().into_iter().find_map(|c| {
            let value = c.strip_prefix(&format!("{name}="))?;
            Some(value.split(';').next().unwrap_or_default().to_owned())
        })
    }

    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(k, _)| *k == "set-cookie")
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The error code of an error answer.
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or("<no code>")
    }
    /// Producer ids of an offer page, in order.
    pub fn producer_ids(&self) -> Vec<i64> {
        self.json["offers"]
            .as_array()
            .map(|a| a.iter().filter_map(|o| o["producer_id"].as_i64()).collect())
            .unwrap_or_default()
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
        Self {
            ctx: Ctx {
                db,
                http: NoOutbound,
                config: test_config(),
                now: datetime!(2026-11-21 10:00 UTC),
            },
        }
    }
}

impl TestApp<FakeProvider> {
    /// A deployment whose citizens log in at the fake identity provider; the clock starts
    /// at 2026-11-21 10:00 UTC and moves only when a test moves it.
    pub fn with_identification() -> Self {
        let base = TestApp::new();
        let mut config = test_config();
        config.citizen_oidc = Some(OidcConfig {
            issuer: fake_provider::ISSUER.into(),
            client_id: fake_provider::CLIENT_ID.into(),
            client_secret: fake_provider::CLIENT_SECRET.into(),
        });
        let now = base.ctx.now;
        Self {
            ctx: Ctx {
                db: base.ctx.db,
                http: FakeProvider::new(now.unix_timestamp()),
                config,
                now,
            },
        }
    }

    /// A deployment with identification and Suomi.fi-valtuudet (the mock, in-process,
    /// with its default register).
    pub fn with_valtuudet() -> Self {
        let mut app = Self::with_identification();
        let callback = format!("{PUBLIC_URL}/api/valtuudet/callback");
        app.ctx.http.valtuudet = Some(ValtuudetMock::new(&callback, app.ctx.now.unix_timestamp()));
        app.ctx.config.valtuudet = Some(ValtuudetMock::config());
        app
    }

    /// The Valtuudet mock of a [`TestApp::with_valtuudet`] deployment.
    pub fn valtuudet(&self) -> &ValtuudetMock {
        self.ctx
            .http
            .valtuudet
            .as_ref()
            .expect("a deployment with Valtuudet")
    }

    /// Moves the clock (for the edge and the providers) by `seconds`.
    pub fn advance(&mut self, seconds: i64) {
        self.ctx.now += time::Duration::seconds(seconds);
        *self.ctx.http.now.lock().unwrap() = self.ctx.now.unix_timestamp();
        if let Some(valtuudet) = &self.ctx.http.valtuudet {
            valtuudet.set_now(self.ctx.now.unix_timestamp());
        }
    }

    /// Starts a login; returns the login cookie and the provider's authorize URL.
    pub async fn start_login(&self) -> (String, url::Url) {
        self.start_login_at("/api/auth/login?return_to=/omat").await
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

    /// Logs in as the person with `hetu` through the whole code flow; returns the callback's
    /// response (whose `seteli_session` cookie is the new session).
    pub async fn login_as(&self, hetu: &str, previous_session: Option<&str>) -> TestResponse {
        self.login_at("/api/auth/login?return_to=/omat", hetu, previous_session)
            .await
    }

    /// The whole code flow from the login at `path`.
    pub async fn login_at(
        &self,
        path: &str,
        hetu: &str,
        previous_session: Option<&str>,
    ) -> TestResponse {
        let (login_cookie, authorize) = self.start_login_at(path).await;
        let param = |name: &str| {
            authorize
                .query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap()
        };
        self.ctx.http.grant(
            "code-1",
            Grant {
                hetu: hetu.into(),
                given_name: person_name(hetu).0.into(),
                family_name: person_name(hetu).1.into(),
                nonce: param("nonce"),
                code_challenge: param("code_challenge"),
            },
        );
        let mut cookies = format!("seteli_login={login_cookie}");
        if let Some(session) = previous_session {
            cookies.push_str(&format!("; seteli_session={session}"));
        }
        let state = param("state");
        self.request_with(
            Method::Get,
            &format!("/api/auth/callback?code=code-1&state={state}"),
            &[("cookie", &cookies)],
        )
        .await
    }
}

impl<H: Outbound> TestApp<H> {
    /// Adds a producer with Finnish and Swedish texts, serving in `languages`.
    pub fn add_producer(&self, id: i64, name: &str, languages: &[&str]) {
        let business_id = seteli_domain::BusinessId::from_body(1_000_000 + id as u32 * 7)
            .or_else(|| seteli_domain::BusinessId::from_body(1_000_001 + id as u32 * 7))
            .expect("a valid business id near the body");
        let langs: String = languages
            .iter()
            .map(|l| format!("INSERT INTO producer_languages VALUES ({id}, '{l}');"))
            .collect();
        self.sql(&format!(
            "INSERT INTO producers (id, business_id, name, summary_fi, summary_sv, description_fi, description_sv,
                                    street_address, postal_code, post_office, phone, email)
             VALUES ({id}, '{business_id}', '{name}', 'Lyhyesti {id}', 'Kort om {id}', 'Kuvaus {id}', 'Beskrivning {id}',
                     'Katu 1', '06100', 'Porvoo', '+358 40 000 0000', 'info@example.fi');
             {langs}"
        ));
    }

    /// Sets the producer's approval for a service in a municipality.
    pub fn approval(&self, id: i64, municipality: &str, service: &str, status: &str) {
        self.sql(&format!(
            "INSERT OR REPLACE INTO approvals VALUES ({id}, '{municipality}', '{service}', '{status}', '2026-01-01T00:00:00Z');"
        ));
    }

    /// Adds a price valid from a date.
    pub fn price(&self, id: i64, municipality: &str, service: &str, valid_from: &str, cents: i64) {
        self.sql(&format!(
            "INSERT INTO offers VALUES ({id}, '{municipality}', '{service}', '{valid_from}', 'hour', {cents});"
        ));
    }

    /// An approved producer of home care in Porvoo at `cents` per hour.
    pub fn approved_home_care(&self, id: i64, name: &str, cents: i64) {
        self.add_producer(id, name, &["fi", "sv"]);
        self.approval(id, "638", "home-care", "approved");
        self.price(id, "638", "home-care", "2026-01-01", cents);
    }

    /// A customer of Porvoo with home-care voucher `{id}0` (32 € an hour, 288 € of 320 € left,
    /// number from body `48_219_930_000 + id`) and its one event `{id}00`, logged by producer 1
    /// on 2 November.
    pub fn customer_with_voucher(&self, id: i64, hetu: &str, given: &str, family: &str) {
        let number = seteli_domain::voucher::VoucherNumber::from_body(48_219_930_000 + id as u64)
            .expect("a voucher number");
        self.sql(&format!(
            "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES
                 ({id}, '{hetu}', '{given}', '{family}', '638');
             INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                                   granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES
                 ({id}0, '{}', {id}, '638', 'home-care', 'hour', 3200, 10, 32000, 28800, '2026-01-01', '2026-12-31', 'active', '2026-01-01');
             INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100, unit_price_cents,
                                         voucher_share_cents, own_share_cents, created_at) VALUES
                 ({id}00, {id}0, 1, '2026-11-02', 'Käynti', 100, 3600, 3200, 400, '2026-11-02T08:00:00Z');",
            number.as_str(),
        ));
    }

    /// Makes `proxy` (Karl-Johan's code and name) customer `customer`'s proxy registered by
    /// Porvoo, valid from 2026-01-01 to 2027-06-30.
    pub fn registered_proxy(&self, customer: i64, proxy: &str) {
        self.sql(&format!(
            "INSERT INTO registered_proxies (customer_id, proxy_hetu, proxy_given_name, proxy_family_name,
                                             valid_from, valid_until, registered_by, registered_at)
             VALUES ({customer}, '{proxy}', 'Karl-Johan', 'Nyström', '2026-01-01', '2027-06-30', 'asiakaspalvelu',
                     '2026-01-01T09:00:00Z');"
        ));
    }

    /// Runs arrangement SQL.
    pub fn sql(&self, sql: &str) {
        self.ctx.db.execute_script(sql).expect("test data");
    }

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
        let mut req = ApiRequest::new(method, path_and_query).expect("a valid test path");
        req.body = body.to_owned();
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
        }
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

/// One person's browser: keeps the session cookie and takes every new one the edge sets
/// (a new session id whenever the acting state changes), as a browser does. The one test
/// client for logged-in requests.
pub struct Client<'a, H: Outbound> {
    pub app: &'a TestApp<H>,
    session: std::cell::RefCell<String>,
}

impl<'a> Client<'a, FakeProvider> {
    /// Logs in as `hetu` through the whole code flow.
    pub async fn login(app: &'a TestApp<FakeProvider>, hetu: &str) -> Self {
        let session = app
            .login_as(hetu, None)
            .await
            .cookie("seteli_session")
            .expect("a session");
        Self::with_session(app, &session)
    }
}

impl<'a, H: Outbound> Client<'a, H> {
    /// A browser holding the session id `session`.
    pub fn with_session(app: &'a TestApp<H>, session: &str) -> Self {
        Self {
            app,
            session: std::cell::RefCell::new(session.to_owned()),
        }
    }

    /// The session id the browser holds now.
    pub fn session(&self) -> String {
        self.session.borrow().clone()
    }

    fn cookie(&self) -> String {
        format!("seteli_session={}", self.session.borrow())
    }

    fn remember(&self, res: TestResponse) -> TestResponse {
        if let Some(session) = res.cookie("seteli_session").filter(|s| !s.is_empty()) {
            *self.session.borrow_mut() = session;
        }
        res
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        let cookie = self.cookie();
        let res = self
            .app
            .request_with(Method::Get, path, &[("cookie", &cookie)])
            .await;
        self.remember(res)
    }

    /// A same-origin JSON POST, as Seteli's pages send it.
    pub async fn post(&self, path: &str, body: serde_json::Value) -> TestResponse {
        let cookie = self.cookie();
        let res = self
            .app
            .request_with_body(
                Method::Post,
                path,
                &[
                    ("cookie", &cookie),
                    ("origin", PUBLIC_URL),
                    ("content-type", "application/json"),
                ],
                &body.to_string(),
            )
            .await;
        self.remember(res)
    }
}
