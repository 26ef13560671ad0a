//! The YTJ mock over real HTTP on 127.0.0.1, called as PRH's open data API v3 is called, and
//! its answers read by the domain's registry check.

// The redirect readers there are for the OAuth mocks; this one has no redirects.
#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;

use common::Mock;
use reqwest::StatusCode;
use serde_json::Value;
use seteli_domain::registry::{check, Companies, RegistryCheck};
use seteli_domain::BusinessId;
use seteli_mocks::ytj::{self, Config};

impl Mock {
    async fn start() -> Mock {
        Self::start_limited(300).await
    }

    async fn start_limited(limit_per_minute: u32) -> Mock {
        Mock::spawn(move |listener, clock| {
            ytj::serve(
                listener,
                Config {
                    clock,
                    limit_per_minute,
                },
            )
        })
        .await
    }

    /// `GET /companies?businessId=..`: the status and the JSON body.
    async fn lookup(&self, business_id: &str) -> (StatusCode, Value) {
        let res = self
            .get(&format!(
                "/opendata-ytj-api/v3/companies?businessId={business_id}"
            ))
            .await;
        let status = res.status();
        (status, res.json().await.unwrap())
    }

    /// The domain's check of `business_id` against the mock's answer.
    async fn checked(&self, business_id: &str) -> RegistryCheck {
        let (status, body) = self.lookup(business_id).await;
        assert_eq!(status, StatusCode::OK);
        let answer: Companies = serde_json::from_value(body).unwrap();
        let id = BusinessId::parse(business_id).unwrap();
        check(&answer, &id, self.clock.today())
    }
}

#[tokio::test]
async fn a_known_company_comes_in_v3s_envelope_and_an_unknown_one_as_an_empty_list() {
    let mock = Mock::start().await;

    let (status, aurinko) = mock.lookup("2077474-0").await;
    let (unknown_status, unknown) = mock.lookup("0112038-9").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(aurinko["totalResults"], 1);
    assert_eq!(
        aurinko["companies"][0]["names"][0]["name"],
        "Hoivapalvelu Aurinko Oy"
    );
    assert_eq!(unknown_status, StatusCode::OK, "no 404 is defined");
    assert_eq!(unknown["totalResults"], 0);
    assert_eq!(unknown["companies"], serde_json::json!([]));
}

#[tokio::test]
async fn the_registry_check_reads_each_demo_companys_standing() {
    let mock = Mock::start().await;
    let found = |check: RegistryCheck| match check {
        RegistryCheck::Found(found) => found,
        RegistryCheck::NotFound => panic!("not found"),
    };

    let new_producer = found(mock.checked("2468013-5").await);
    let liquidation = found(mock.checked("1357924-2").await);
    let ceased = found(mock.checked("3692581-4").await);

    assert_eq!(new_producer.name, "Kirkas Siivous Oy");
    assert!(!new_producer.needs_attention());
    assert!(liquidation.in_liquidation && liquidation.needs_attention());
    assert!(!ceased.active && !ceased.prepayment_register);
    // A sole trader is not in open data: check by hand.
    assert_eq!(mock.checked("2581470-5").await, RegistryCheck::NotFound);
}

#[tokio::test]
async fn a_malformed_id_is_400_with_the_apis_error_body_and_names_are_searched() {
    let mock = Mock::start().await;

    let (status, body) = mock.lookup("12345").await;
    let by_name: Value = mock
        .get("/opendata-ytj-api/v3/companies?name=siivous")
        .await
        .json()
        .await
        .unwrap();
    let codes = mock
        .get("/opendata-ytj-api/v3/description?code=REK&lang=fi")
        .await
        .text()
        .await
        .unwrap();

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errorcode"], 400);
    assert!(body["timestamp"].is_string() && body["message"].is_string());
    assert_eq!(by_name["totalResults"], 1);
    assert!(codes.contains("5\tEnnakkoperintärekisteri\n"), "{codes}");
}

#[tokio::test]
async fn past_the_minutes_limit_the_answer_is_a_plain_text_429() {
    let mock = Mock::start_limited(2).await;
    assert_eq!(mock.lookup("2077474-0").await.0, StatusCode::OK);
    assert_eq!(mock.lookup("2077474-0").await.0, StatusCode::OK);

    let refused = mock
        .get("/opendata-ytj-api/v3/companies?businessId=2077474-0")
        .await;

    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    // A minute later the calls are answered again.
    mock.clock
        .set_offset_seconds(mock.clock.offset_seconds() + 61);
    assert_eq!(mock.lookup("2077474-0").await.0, StatusCode::OK);
}
