//! Every API answer carries the security headers, whatever its route, status or body.

use crate::helpers::TestApp;

/// The answers of one deployment: a success, an error, a refusal of a method, a redirect
/// and an empty success.
async fn sample_answers(
    app: &TestApp<crate::helpers::Mocks>,
) -> Vec<(String, crate::helpers::TestResponse)> {
    app.answers(&[
        "GET /api/public/services",
        "GET /api/public/nothing-here",
        "POST /api/public/offers",
        "GET /api/auth/login?return_to=/omat",
        "GET /api/auth/me",
        "POST /api/auth/logout",
    ])
    .await
}

#[tokio::test]
async fn every_api_answer_carries_the_security_headers() {
    let app = TestApp::with_identification();

    let answers = sample_answers(&app).await;

    let statuses: Vec<u16> = answers.iter().map(|(_, r)| r.status).collect();
    assert!(
        [200, 204, 303, 401, 404, 405]
            .iter()
            .all(|s| statuses.contains(s)),
        "the sample covers successes, redirects and errors: {statuses:?}"
    );
    for (what, res) in &answers {
        let csp = res
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{what}: no CSP"));
        for directive in [
            "default-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(directive), "{what}: {csp}");
        }
        assert_eq!(res.header("referrer-policy"), Some("same-origin"), "{what}");
        assert_eq!(
            res.header("x-content-type-options"),
            Some("nosniff"),
            "{what}"
        );
        // The tests' deployment is plain http on 127.0.0.1.
        assert_eq!(res.header("strict-transport-security"), None, "{what}");
    }
}

#[tokio::test]
async fn an_https_deployment_answers_with_hsts() {
    let mut app = TestApp::with_identification();
    app.ctx.config.public_url = "https://seteli.porvoo.fi".into();

    let res = app
        .get_with(
            "/api/public/services",
            &[("origin", "https://seteli.porvoo.fi")],
        )
        .await;

    assert_eq!(res.status, 200);
    assert_eq!(
        res.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}
