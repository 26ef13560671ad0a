use crate::helpers::{TestApp, TestResponse, TODAY};

/// The offers of home care in Porvoo, with `more` of the query (`&sort=name`…).
async fn porvoo_home_care(app: &TestApp, more: &str) -> TestResponse {
    app.get_offers(&format!("municipality=638&service=home-care{more}"))
        .await
}

#[tokio::test]
async fn only_approved_producers_appear_in_the_comparison() {
    let app = TestApp::new();
    app.approved_home_care(1, "Approved Oy", 3000);
    for (id, status) in [(2, "pending"), (3, "withdrawn"), (4, "rejected")] {
        app.porvoo_home_care_producer(id, &format!("Hidden {status}"), &["fi"], status);
        app.price(id, "638", "home-care", "2026-01-01", 1000);
    }

    let res = porvoo_home_care(&app, "").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.producer_ids(), [1]);
    assert_eq!(res.json["total"], 1);
    assert!(!res.json.to_string().contains("Hidden"));
}

#[tokio::test]
async fn an_approval_elsewhere_does_not_show_a_producer_here() {
    let app = TestApp::new();
    app.add_producer(1, "Helsinki Only Oy", &["fi"]);
    app.approval(1, "091", "home-care", "approved");
    app.price(1, "638", "home-care", "2026-01-01", 3000);
    app.price(1, "091", "home-care", "2026-01-01", 3000);

    let porvoo = porvoo_home_care(&app, "").await;
    let helsinki = app.get_offers("municipality=091&service=home-care").await;

    assert!(porvoo.producer_ids().is_empty());
    assert_eq!(porvoo.json["total"], 0);
    assert_eq!(helsinki.producer_ids(), [1]);
}

#[tokio::test]
async fn the_price_shown_is_the_one_valid_today() {
    let app = TestApp::new();
    app.approved_home_care(1, "Hinta Oy", 2800);
    app.price(1, "638", "home-care", TODAY, 3100);
    app.price(1, "638", "home-care", "2026-12-01", 3500);

    let res = porvoo_home_care(&app, "").await;

    assert_eq!(res.json["offers"][0]["price_cents"], 3100);
    assert_eq!(res.json["offers"][0]["valid_from"], TODAY);
    assert_eq!(res.json["total"], 1);
}

#[tokio::test]
async fn a_producer_whose_first_price_starts_later_is_not_listed_yet() {
    let app = TestApp::new();
    app.porvoo_home_care_producer(1, "Tuleva Oy", &["fi"], "approved");
    app.price(1, "638", "home-care", "2027-01-01", 3000);

    let res = porvoo_home_care(&app, "").await;

    assert!(res.producer_ids().is_empty());
}

#[tokio::test]
async fn own_share_is_the_price_above_the_voucher_value_and_never_negative() {
    let app = TestApp::new();
    app.approved_home_care(1, "Kallis Oy", 3500);
    app.approved_home_care(2, "Halpa Oy", 2200);

    let with_voucher = porvoo_home_care(&app, "&voucher=2500").await;
    let without = porvoo_home_care(&app, "").await;

    let offers = with_voucher.json["offers"].as_array().unwrap();
    assert_eq!(offers[0]["producer_name"], "Halpa Oy");
    assert_eq!(offers[0]["own_share_cents"], 0);
    assert_eq!(offers[1]["own_share_cents"], 1000);
    assert!(without.json["offers"][0].get("own_share_cents").is_none());
}

#[tokio::test]
async fn offers_sort_by_price_own_share_or_name() {
    let app = TestApp::new();
    app.approved_home_care(1, "Cecilia Hoiva", 2400);
    app.approved_home_care(2, "Aamu Hoiva", 3000);
    app.approved_home_care(3, "Bertta Hoiva", 2200);

    let by_price = porvoo_home_care(&app, "").await;
    let by_name = porvoo_home_care(&app, "&sort=name").await;
    // Both 2200 and 2400 are fully covered by 2500: equal own share, cheaper first.
    let by_share = porvoo_home_care(&app, "&sort=own_share&voucher=2500").await;

    assert_eq!(by_price.producer_ids(), [3, 1, 2]);
    assert_eq!(by_name.producer_ids(), [2, 3, 1]);
    assert_eq!(by_share.producer_ids(), [3, 1, 2]);
}

#[tokio::test]
async fn results_are_paginated_with_the_total_count() {
    let app = TestApp::new();
    for id in 1..=25 {
        app.approved_home_care(id, &format!("Tuottaja {id:02}"), 2000 + id);
    }

    let first = porvoo_home_care(&app, "").await;
    let second = porvoo_home_care(&app, "&page=2").await;
    let beyond = porvoo_home_care(&app, "&page=9").await;

    assert_eq!(first.json["total"], 25);
    assert_eq!(first.json["page_size"], 20);
    assert_eq!(first.producer_ids(), (1..=20).collect::<Vec<_>>());
    assert_eq!(second.producer_ids(), (21..=25).collect::<Vec<_>>());
    assert_eq!(second.json["page"], 2);
    assert!(beyond.producer_ids().is_empty());
    assert_eq!(beyond.json["total"], 25);
}

#[tokio::test]
async fn offers_carry_languages_and_texts_in_the_requested_language() {
    let app = TestApp::new();
    app.porvoo_home_care_producer(1, "Språk Ab", &["sv", "fi", "en"], "approved");
    app.price(1, "638", "home-care", "2026-01-01", 3000);

    let res = porvoo_home_care(&app, "&lang=sv").await;

    let offer = &res.json["offers"][0];
    assert_eq!(offer["languages"], serde_json::json!(["en", "fi", "sv"]));
    assert_eq!(offer["summary"], "Kort om 1");
    assert_eq!(offer["unit"], "hour");
    assert_eq!(offer["post_office"], "Porvoo");
}

#[tokio::test]
async fn bad_parameters_are_refused_with_a_clear_code() {
    let app = TestApp::new();
    let cases = [
        ("municipality=999&service=home-care", "unknown_municipality"),
        ("municipality=638&service=astrology", "unknown_service"),
        (
            "municipality=Porvoo&service=home-care",
            "invalid_municipality",
        ),
        (
            "municipality=638&service=home-care&voucher=-100",
            "invalid_voucher_value",
        ),
        (
            "municipality=638&service=home-care&voucher=25e2",
            "invalid_voucher_value",
        ),
        (
            "municipality=638&service=home-care&sort=cheapest",
            "invalid_sort",
        ),
        ("municipality=638&service=home-care&page=0", "invalid_page"),
        ("service=home-care", "missing_parameter"),
        ("municipality=638", "missing_parameter"),
    ];
    for (query, code) in cases {
        let res = app.get_offers(query).await;
        assert_eq!(res.status, 400, "{query}");
        assert_eq!(res.code(), code, "{query}");
        assert!(!res.json["message"].as_str().unwrap().is_empty());
        assert_eq!(res.header("cache-control"), Some("no-store"));
    }
}

#[tokio::test]
async fn errors_are_told_in_the_requested_language() {
    let app = TestApp::new();

    let res = porvoo_home_care(&app, "&voucher=-1&lang=sv").await;

    assert_eq!(
        res.json["message"],
        "Ange sedelns värde i euro, till exempel 25 eller 25,50. Värdet kan inte vara negativt."
    );
}

#[tokio::test]
async fn satisfaction_is_published_from_five_answers_of_the_last_twelve_months() {
    let app = TestApp::new();
    app.approved_home_care(1, "Kysytty Oy", 3000);
    app.approved_home_care(2, "Uusi Oy", 3000);
    let number = seteli_domain::voucher::VoucherNumber::from_body(48_219_930_117).unwrap();
    app.sql(&format!(
        "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code)
             VALUES (1, '{}', 'Anni', 'K', '638');
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at)
             VALUES (1, '{}', 1, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2025-01-01', '2026-12-31', 'active', '2025-01-01');",
        crate::helpers::cast::person("Anni").code(),
        number.as_str()
    ));
    // Five answers in the last 12 months for producer 1 (mean 4.2) and one older, which
    // does not count; four for producer 2, too few to publish.
    let answers = [
        (1, "2026-11", 5),
        (1, "2026-10", 4),
        (1, "2026-06", 4),
        (1, "2026-01", 5),
        (1, "2025-12", 3),
        (1, "2025-11", 1),
        (2, "2026-11", 5),
        (2, "2026-10", 5),
        (2, "2026-09", 5),
        (2, "2026-08", 5),
    ];
    for (producer, period, overall) in answers {
        app.sql(&format!(
            "INSERT INTO survey_answers (customer_id, voucher_id, producer_id, period, overall, punctuality, staff,
                                         information, comment, created_at)
             VALUES (1, 1, {producer}, '{period}', {overall}, 3, 3, 3, '', '{period}-15T10:00:00Z');"
        ));
    }

    let res = porvoo_home_care(&app, "").await;
    let offer = |id: i64| {
        res.json["offers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["producer_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(offer(1)["satisfaction"]["average_x10"], 42);
    assert_eq!(offer(1)["satisfaction"]["answers"], 5);
    assert!(offer(2).get("satisfaction").is_none());
    let profile = app.get("/api/public/producers/1").await;
    assert_eq!(profile.json["satisfaction"]["average_x10"], 42);
}
