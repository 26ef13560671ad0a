use crate::helpers::TestApp;

#[tokio::test]
async fn municipalities_are_listed_with_names_in_the_requested_language() {
    let app = TestApp::new();

    let fi = app.get_municipalities("").await;
    let sv = app.get_municipalities("?lang=sv").await;

    assert_eq!(fi.status, 200);
    let names = |r: &crate::helpers::TestResponse| -> Vec<String> {
        r.json
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&fi), ["Helsinki", "Porvoo", "Tampere"]);
    assert_eq!(names(&sv), ["Borgå", "Helsingfors", "Tammerfors"]);
    let porvoo = fi
        .json
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "638")
        .unwrap();
    assert_eq!(porvoo["bilingual"], true);
    assert_eq!(fi.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn services_are_listed_in_catalogue_order_with_their_unit() {
    let app = TestApp::new();

    let res = app.get_services("?lang=en").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.json[0]["code"], "home-care");
    assert_eq!(res.json[0]["name"], "Home care");
    assert_eq!(res.json[0]["unit"], "hour");
    assert_eq!(res.json[1]["name"], "Cleaning");
}

#[tokio::test]
async fn an_unknown_language_is_refused() {
    let app = TestApp::new();

    for res in [
        app.get_municipalities("?lang=de").await,
        app.get_services("?lang=xx").await,
    ] {
        assert_eq!(res.status, 400);
        assert_eq!(res.code(), "invalid_language");
    }
}

#[tokio::test]
async fn the_browser_language_is_used_when_no_lang_is_given() {
    let app = TestApp::new();
    let mut req =
        seteli_edge::http::ApiRequest::new(seteli_edge::http::Method::Get, "/api/public/services")
            .unwrap();
    req.headers
        .push(("accept-language".into(), "sv-FI,sv;q=0.9".into()));

    let res = seteli_edge::handle(&req, &app.ctx).await;

    assert!(res.body.contains("Hemvård"), "{}", res.body);
}
