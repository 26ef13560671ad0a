//! The company registry client (PRH's open data YTJ API v3) against the YTJ mock in-process,
//! as the test deployment configures it, and against canned answers for what the mock does
//! not send: a found company's standing is read, an absent one is "not found", and nothing
//! the service can answer is a refusal or a panic.

use crate::helpers::{cast, Canned, Mocks, TestApp, YtjMock};
use seteli_domain::registry::{Finding, RegistryCheck};
use seteli_domain::BusinessId;
use seteli_edge::registry::{check_company, RegistryUnavailable, YtjConfig};
use time::macros::date;

/// Companies only the registry knows (`mocks/data/ytj.json`; the cast has the Valtuudet
/// register's companies).
const VANHA_HOIVA: &str = "1357924-2";
const LOPPUNUT_PALVELU: &str = "3692581-4";
/// A sole trader: valid, and absent from open data.
const SOLE_TRADER: &str = "2581470-5";

fn id(text: &str) -> BusinessId {
    BusinessId::parse(text).expect("a valid business id")
}

/// The check as a handler of the test deployment would make it.
async fn check(
    app: &TestApp<Mocks>,
    business_id: &BusinessId,
) -> Result<RegistryCheck, RegistryUnavailable> {
    let config = app
        .ctx
        .config
        .ytj
        .as_ref()
        .expect("the registry is configured");
    check_company(&app.ctx.http, config, business_id, app.ctx.today()).await
}

fn found(result: Result<RegistryCheck, RegistryUnavailable>) -> Finding {
    match result {
        Ok(RegistryCheck::Found(finding)) => finding,
        other => panic!("expected a company, got {other:?}"),
    }
}

#[tokio::test]
async fn rova_is_active_and_in_the_prepayment_register() {
    let app = TestApp::with_identification();

    let rova = found(check(&app, &cast::company("Rova").business_id).await);

    assert_eq!(rova.name, "Rova Oy");
    assert!(rova.active && rova.prepayment_register && rova.vat_register);
    assert!(!rova.needs_attention());
}

#[tokio::test]
async fn a_company_in_liquidation_is_found_and_needs_attention() {
    let app = TestApp::with_identification();

    let vanha = found(check(&app, &id(VANHA_HOIVA)).await);

    assert_eq!(vanha.name, "Vanha Hoiva Oy");
    assert!(vanha.in_liquidation);
    assert!(vanha.needs_attention());
}

#[tokio::test]
async fn a_ceased_company_is_found_inactive_and_out_of_the_prepayment_register() {
    let app = TestApp::with_identification();

    let ceased = found(check(&app, &id(LOPPUNUT_PALVELU)).await);

    assert_eq!(ceased.name, "Loppunut Palvelu Oy");
    assert!(!ceased.active && !ceased.prepayment_register);
    assert!(ceased.needs_attention());
}

#[tokio::test]
async fn a_company_absent_from_open_data_is_not_found_to_be_checked_by_hand() {
    let app = TestApp::with_identification();

    let result = check(&app, &id(SOLE_TRADER)).await;

    assert_eq!(result, Ok(RegistryCheck::NotFound));
}

#[tokio::test]
async fn a_registry_that_is_down_rate_limited_or_elsewhere_is_unavailable() {
    let mut app = TestApp::with_identification();
    let rova = &cast::company("Rova").business_id;

    *app.ctx.http.ytj.up.lock().unwrap() = false;
    let down = check(&app, rova).await;
    app.ctx.http.ytj = YtjMock::with_limit(app.ctx.http.clock.clone(), 0);
    let limited = check(&app, rova).await;
    app.ctx.config.ytj = Some(YtjConfig {
        base_url: "http://nowhere.test".into(),
    });
    let elsewhere = check(&app, rova).await;

    for result in [down, limited.clone(), elsewhere] {
        assert!(result.is_err(), "{result:?}");
    }
    assert_eq!(
        limited,
        Err(RegistryUnavailable("rate-limited (429)".into()))
    );
}

async fn canned_check(http: &Canned) -> Result<RegistryCheck, RegistryUnavailable> {
    let config = YtjConfig {
        base_url: "https://avoindata.prh.fi/".into(),
    };
    check_company(http, &config, &id(VANHA_HOIVA), date!(2026 - 11 - 21)).await
}

#[tokio::test]
async fn the_lookup_is_one_get_of_the_v3_companies_by_business_id() {
    let http = Canned::new(Ok((200, r#"{"totalResults":0,"companies":[]}"#)));

    let result = canned_check(&http).await;

    assert_eq!(result, Ok(RegistryCheck::NotFound));
    assert_eq!(
        http.seen
            .lock()
            .unwrap()
            .iter()
            .map(|r| r.url.clone())
            .collect::<Vec<_>>(),
        ["https://avoindata.prh.fi/opendata-ytj-api/v3/companies?businessId=1357924-2"]
    );
}

#[tokio::test]
async fn only_a_record_with_exactly_the_id_asked_is_the_company() {
    let other = r#"{"totalResults":1,"companies":[{"businessId":{"value":"7019376-8"},
        "names":[{"name":"Rova Oy","type":"1"}],"registeredEntries":[],
        "tradeRegisterStatus":"1","lastModified":"2026-08-19T10:04:06","extra":[1,2]}]}"#;

    let result = canned_check(&Canned::new(Ok((200, other)))).await;

    assert_eq!(result, Ok(RegistryCheck::NotFound));
}

#[tokio::test]
async fn errors_time_outs_and_garbage_are_unavailable_never_an_answer() {
    let error_body = r#"{"timestamp":"2026-11-21 10:00:00","message":"x","errorcode":500}"#;
    for answer in [
        Err("no answer within 3000 ms"),
        Ok((429, "Too many requests")),
        Ok((500, error_body)),
        Ok((503, error_body)),
        Ok((400, error_body)),
        // The API defines no 404: one means a wrong base URL, not a missing company.
        Ok((404, "")),
        Ok((301, "")),
        Ok((200, "<html>maintenance</html>")),
        Ok((200, "null")),
        Ok((200, r#"{"totalResults":1,"companies":[{"businessId":"#)),
        Ok((200, r#"{"companies":"none"}"#)),
        Ok((200, "")),
    ] {
        let result = canned_check(&Canned::new(answer)).await;

        assert!(
            matches!(result, Err(RegistryUnavailable(_))),
            "{answer:?} gave {result:?}"
        );
    }
}
