use crate::helpers::{TestApp, TODAY};

#[tokio::test]
async fn a_producer_profile_lists_only_approved_services_at_todays_price() {
    let app = TestApp::new();
    app.approved_home_care(1, "Monipalvelu Oy", 2900);
    app.price(1, "638", "home-care", "2027-01-01", 3300);
    app.approval(1, "091", "home-care", "approved");
    app.price(1, "091", "home-care", TODAY, 3100);
    app.approval(1, "638", "cleaning", "pending");
    app.price(1, "638", "cleaning", "2026-01-01", 2500);

    let res = app.get_producer("1", "").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.json["name"], "Monipalvelu Oy");
    let services = res.json["services"].as_array().unwrap();
    let seen: Vec<(String, i64)> = services
        .iter()
        .map(|s| {
            (
                format!(
                    "{}/{}",
                    s["municipality_code"].as_str().unwrap(),
                    s["service_code"].as_str().unwrap()
                ),
                s["price_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("091/home-care".to_owned(), 3100),
            ("638/home-care".to_owned(), 2900)
        ]
    );
}

#[tokio::test]
async fn the_profile_speaks_swedish_when_asked() {
    let app = TestApp::new();
    app.approved_home_care(1, "Tvåspråkig Ab", 2900);

    let res = app.get_producer("1", "?lang=sv").await;

    assert_eq!(res.json["description"], "Beskrivning 1");
    assert_eq!(res.json["services"][0]["municipality_name"], "Borgå");
    assert_eq!(res.json["services"][0]["service_name"], "Hemvård");
    assert_eq!(res.json["languages"], serde_json::json!(["fi", "sv"]));
}

#[tokio::test]
async fn unknown_malformed_and_unapproved_producers_are_all_not_found() {
    let app = TestApp::new();
    app.porvoo_home_care_producer(2, "Pending Oy", &["fi"], "pending");
    app.porvoo_home_care_producer(3, "Withdrawn Oy", &["fi"], "withdrawn");

    for id in ["2", "3", "999", "abc", "0", "-1"] {
        let res = app.get_producer(id, "").await;
        assert_eq!(res.status, 404, "{id}");
        assert_eq!(res.code(), "producer_not_found", "{id}");
    }
}
