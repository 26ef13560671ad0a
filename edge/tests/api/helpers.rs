//! Arrange and act helpers: a fresh database per test, data added explicitly, and one
//! helper per endpoint.

use seteli_domain::permissions::Actor;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::{handle, Ctx};

/// "Today" in every test, so that price validity is deterministic.
pub const TODAY: &str = "2026-11-21";

pub struct TestApp {
    pub ctx: Ctx<Sqlite>,
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
                today: TODAY.to_owned(),
                actor: Actor::Visitor,
            },
        }
    }

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

    fn sql(&self, sql: &str) {
        self.ctx.db.execute_script(sql).expect("test data");
    }

    pub async fn request(&self, method: Method, path_and_query: &str) -> TestResponse {
        let req = ApiRequest::new(method, path_and_query).expect("a valid test path");
        let res = handle(&req, &self.ctx).await;
        let json = serde_json::from_str(&res.body).expect("every answer is JSON");
        TestResponse {
            status: res.status,
            headers: res.headers,
            json,
        }
    }

    pub async fn get(&self, path_and_query: &str) -> TestResponse {
        self.request(Method::Get, path_and_query).await
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
