//! One person's browser: the session cookie it holds, our `Origin` on what it sends, and how it
//! logs in and chooses whom to act for. The one test client for logged-in requests.

use super::app::{TestApp, PUBLIC_URL};
use super::assert_no_identity_code;
use super::mocks::Mocks;
use super::response::TestResponse;
use seteli_edge::http::Method;
use seteli_edge::outbound::Outbound;
use seteli_mocks::identification::people::{Person, StaffUser};
use seteli_mocks::valtuudet::register::Organisation;
use std::cell::RefCell;

/// A browser: keeps the session cookie and takes every new one the edge sets (a new session
/// id whenever the acting state changes), as a browser does. Every redirect it is given is
/// checked to carry no identity code.
pub struct Session<'a, H: Outbound = Mocks> {
    pub app: &'a TestApp<H>,
    id: RefCell<String>,
}

impl<'a> Session<'a, Mocks> {
    /// `person` logged in as a citizen through the whole code flow at the identification mock.
    pub async fn citizen(app: &'a TestApp<Mocks>, person: &Person) -> Self {
        let id = app
            .login_as(person, None)
            .await
            .cookie("seteli_session")
            .expect("a session");
        Self::with_id(app, &id)
    }

    /// `user` logged in at the staff login through the identification mock.
    pub async fn staff(app: &'a TestApp<Mocks>, user: &StaffUser) -> Self {
        let id = app
            .staff_login(user)
            .await
            .cookie("seteli_session")
            .expect("a staff session");
        Self::with_id(app, &id)
    }

    /// Starts choosing whom to act for at Valtuudet (`child`, `adult` or `company`); the
    /// URL of the selection page the browser is sent to.
    pub async fn start_choice(&self, kind: &str) -> String {
        let res = self
            .get(&format!("/api/on-behalf/start?for={kind}&lang=en"))
            .await;
        assert_eq!(res.status, 303, "{:?}", res.json);
        res.header("location").expect("a location").to_owned()
    }

    /// Follows Valtuudet's redirect back to Seteli; where Seteli then sends the browser.
    pub async fn come_back(&self, valtuudet_location: &str) -> String {
        let path = valtuudet_location
            .strip_prefix(PUBLIC_URL)
            .expect("back to Seteli's callback");
        let res = self.get(path).await;
        assert_eq!(res.status, 303, "{:?}", res.json);
        res.header("location").expect("a location").to_owned()
    }

    /// The whole choice at Valtuudet: `kind` (`child`, `adult`, `company`), then the button
    /// for `principal` (an identity code or a business id); where Seteli lands.
    pub async fn choose(&self, kind: &str, principal: &str) -> String {
        let back = self.pick_at_valtuudet(kind, ("principal", principal)).await;
        self.come_back(&back).await
    }

    /// Starts choosing `kind` and presses `button` on Valtuudet's selection page; the URL
    /// Valtuudet sends the browser back to (not followed yet).
    pub async fn pick_at_valtuudet(&self, kind: &str, button: (&str, &str)) -> String {
        let selection = self.start_choice(kind).await;
        self.app.valtuudet().pick(&selection, button).await
    }

    /// Acts for `child` as their guardian; where Seteli lands.
    pub async fn act_for_child(&self, child: &Person) -> String {
        self.choose("child", child.code()).await
    }

    /// Acts for the adult `principal` by their mandate; where Seteli lands.
    pub async fn act_for_adult(&self, principal: &Person) -> String {
        self.choose("adult", principal.code()).await
    }

    /// Acts for `company` by the person's role in it; where Seteli lands.
    pub async fn act_for_company(&self, company: &Organisation) -> String {
        self.choose("company", company.code()).await
    }
}

impl<'a, H: Outbound> Session<'a, H> {
    /// A browser holding the session id `id` (e.g. one a test stored itself).
    pub fn with_id(app: &'a TestApp<H>, id: &str) -> Self {
        Self {
            app,
            id: RefCell::new(id.to_owned()),
        }
    }

    /// The session id the browser holds now.
    pub fn id(&self) -> String {
        self.id.borrow().clone()
    }

    /// The `Cookie` header the browser sends.
    pub fn cookie(&self) -> String {
        format!("seteli_session={}", self.id.borrow())
    }

    fn remember(&self, res: TestResponse) -> TestResponse {
        if let Some(location) = res.header("location") {
            assert_no_identity_code(location);
        }
        if let Some(id) = res.cookie("seteli_session").filter(|s| !s.is_empty()) {
            *self.id.borrow_mut() = id;
        }
        res
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Method::Get, path, &[]).await
    }

    /// A request without a body carrying the session cookie and `headers` (e.g. another
    /// site's `Origin`, which no page of Seteli's sends).
    pub async fn send(&self, method: Method, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let cookie = self.cookie();
        let mut all = vec![("cookie", cookie.as_str())];
        all.extend_from_slice(headers);
        let res = self.app.request_with(method, path, &all).await;
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

    /// A file upload as the application page sends it: the bytes as the body.
    pub async fn upload(&self, path: &str, bytes: &[u8], content_type: &str) -> TestResponse {
        let cookie = self.cookie();
        let res = self
            .app
            .request_with_bytes(
                Method::Post,
                path,
                &[
                    ("cookie", &cookie),
                    ("origin", PUBLIC_URL),
                    ("content-type", content_type),
                ],
                "",
                bytes.to_vec(),
            )
            .await;
        self.remember(res)
    }

    /// `GET /api/auth/me`: who is logged in and whom they act for.
    pub async fn me(&self) -> serde_json::Value {
        self.get("/api/auth/me").await.json
    }

    /// Whom the session acts for (null: for oneself).
    pub async fn acting_for(&self) -> serde_json::Value {
        self.me().await["acting_for"].clone()
    }

    /// Back to acting for oneself.
    pub async fn stop_acting(&self) -> TestResponse {
        self.post("/api/on-behalf/stop", serde_json::json!({}))
            .await
    }

    /// Feedback to producer 1 about `voucher`.
    pub async fn give_feedback(&self, voucher: i64) -> TestResponse {
        self.post(
            "/api/citizen/feedback",
            serde_json::json!({"voucher_id": voucher, "producer_id": 1, "body": "Kiitos hyvästä hoidosta"}),
        )
        .await
    }

    /// The trail of what was done for the customer: `(actor, action, basis, result)`, newest
    /// first.
    pub async fn trail(&self) -> Vec<(String, String, String, String)> {
        let res = self.get("/api/citizen/trail").await;
        assert_eq!(res.status, 200, "{:?}", res.json);
        res.json
            .as_array()
            .expect("a list")
            .iter()
            .map(|e| {
                let s = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
                (s("actor_name"), s("action"), s("basis"), s("result"))
            })
            .collect()
    }

    /// Acts for registered customer `customer` as their proxy registered by the municipality.
    pub async fn act_for_registered(&self, customer: i64) -> TestResponse {
        self.post(
            "/api/on-behalf/registered",
            serde_json::json!({ "customer_id": customer }),
        )
        .await
    }

    /// A producer's look-up of a voucher number.
    pub async fn lookup(&self, number: &str) -> TestResponse {
        self.post(
            "/api/producer/vouchers/lookup",
            serde_json::json!({ "number": number }),
        )
        .await
    }

    /// A producer logs `units_x100` of service on `voucher` on 20 November, under `key`.
    pub async fn log_event(&self, voucher: i64, key: &str, units_x100: i64) -> TestResponse {
        self.post(
            "/api/producer/events",
            serde_json::json!({"voucher_id": voucher, "idempotency_key": key,
                "service_date": "2026-11-20", "units_x100": units_x100, "description": "Aamukäynti"}),
        )
        .await
    }

    /// A producer cancels event `event`.
    pub async fn cancel_event(&self, event: i64) -> TestResponse {
        self.post(
            &format!("/api/producer/events/{event}/cancel"),
            serde_json::json!({}),
        )
        .await
    }

    /// A producer corrects event `event` to `units_x100` on `date`, under `key`.
    pub async fn correct_event(
        &self,
        event: i64,
        key: &str,
        date: &str,
        units_x100: i64,
        description: &str,
    ) -> TestResponse {
        self.post(
            &format!("/api/producer/events/{event}/correct"),
            serde_json::json!({"idempotency_key": key, "service_date": date,
                "units_x100": units_x100, "description": description}),
        )
        .await
    }

    /// A producer replies `body` to feedback `feedback`.
    pub async fn reply(&self, feedback: i64, body: &str) -> TestResponse {
        self.post(
            &format!("/api/producer/feedback/{feedback}/reply"),
            serde_json::json!({ "body": body }),
        )
        .await
    }
}
