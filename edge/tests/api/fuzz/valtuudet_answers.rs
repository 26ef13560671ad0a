//! Suomi.fi-valtuudet's answers: none panics, and only a clear ALLOWED grants anything.

use super::*;

/// What Valtuudet's answers hold.
const VALTUUDET_FIELDS: &[&str] = &[
    "sessionId",
    "userId",
    "access_token",
    "personId",
    "name",
    "result",
    "reasons",
    "identifier",
    "complete",
    "roles",
];

fn valtuudet_config() -> ValtuudetConfig {
    ValtuudetConfig {
        base_url: "http://valtuudet.test".into(),
        client_id: "sete1i01".into(),
        api_key: "key".into(),
        oauth_password: "pw".into(),
    }
}

#[test]
fn valtuudet_answers_never_panic_and_only_a_clear_allowed_grants() {
    let rt = runtime();
    let call = CallContext {
        request_id: "req-1".into(),
        timestamp: "2026-11-21T10:00:00Z".into(),
    };
    let config = valtuudet_config();
    fuzz(CASES, answer(VALTUUDET_FIELDS), |answer| {
        rt.block_on(async {
            let http = Scripted::new(vec![answer.clone()]);
            let _ = valtuudet::register(&http, &config, Mode::Hpa, "010280-952L", &call).await;
            let _ = valtuudet::token(&http, &config, "code", "http://x/cb").await;
            let _ = valtuudet::delegate(&http, &config, "s", "t", &call).await;
            let _ = valtuudet::organization_roles(&http, &config, "s", "t", &call).await;
            let _ = valtuudet::unregister(&http, &config, Mode::Ypa, "s", &call).await;
            let decision =
                valtuudet::authorization(&http, &config, "s", "t", "010280-952L", &["i"], &call)
                    .await;
            // A grant needs a 200 whose `result` is ALLOWED (serde also reads a struct from
            // an array of its fields, so `["ALLOWED"]` is the same answer).
            let clearly_allowed = answer.as_ref().is_some_and(|(status, body)| {
                *status == 200
                    && serde_json::from_str::<serde_json::Value>(body).is_ok_and(|v| {
                        v["result"] == "ALLOWED" || v == serde_json::json!(["ALLOWED"])
                    })
            });
            if let Ok(d) = decision {
                prop_assert_eq!(d.grants_access(), d == Decision::Allowed);
                if d.grants_access() {
                    prop_assert!(clearly_allowed, "{:?} granted access", answer);
                }
            }
            Ok(())
        })
    });
}
