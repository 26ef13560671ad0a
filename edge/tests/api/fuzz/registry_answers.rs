//! PRH's open data (YTJ API v3) answers: none panics, and only a 200 is read as an answer
//! (found or not found); everything else is "unavailable".

use super::*;

/// What the API's lookup answers hold.
const YTJ_FIELDS: &[&str] = &[
    "totalResults",
    "companies",
    "businessId",
    "value",
    "names",
    "name",
    "type",
    "endDate",
    "companySituations",
    "registeredEntries",
    "register",
    "tradeRegisterStatus",
    "lastModified",
];

#[test]
fn registry_answers_never_panic_and_only_a_200_is_an_answer() {
    let rt = runtime();
    let config = YtjConfig {
        base_url: "https://avoindata.prh.fi".into(),
    };
    let business_id = seteli_domain::BusinessId::parse("1357924-2").expect("a valid id");
    fuzz(CASES, answer(YTJ_FIELDS), |answer| {
        rt.block_on(async {
            let http = Scripted::new(vec![answer.clone()]);
            let result = registry::check_company(
                &http,
                &config,
                &business_id,
                time::macros::date!(2026 - 11 - 21),
            )
            .await;
            if result.is_ok() {
                prop_assert!(
                    answer.as_ref().is_some_and(|(status, _)| *status == 200),
                    "{:?} was read as an answer",
                    answer
                );
            }
            Ok(())
        })
    });
}
