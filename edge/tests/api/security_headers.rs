//! Every API answer carries the security headers, whatever its route, status or body.

use crate::helpers::TestApp;
use seteli_edge::http::Method;

/// The answers of one deployment: a success, an error, a refusal of a method, a redirect
/// and an empty success.
async fn sample_answers(
    app: &TestApp<crate::helpers::Mocks>,
) -> Vec<(String, crate::helpers::TestResponse)> {
    let mut answers = Vec::new();
    for (method, path) in [
        (Method::Get, "/api/public/services"),
        (Method::Get, "/api/public/nothing-here"),
        (Method::Post, "/api/public/offers"),
        (Method::Get, "/api/auth/login?return_to=/omat"),
        (Method::Get, "/api/auth/me"),
        (Method::Post, "/api/auth/logout"),
    ] {
        let res = app.request(method, path).await;
        answers.push((format!("{method:?} {path} ({})", res.status), res));
    }
    answers
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
        .request_with(
            Method::Get,
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
