//! Finding 1: No open redirect: `return_to` keeps only local paths of safe characters.

use crate::helpers::TestApp;
use crate::producer::person;
use proptest::prelude::*;
use seteli_edge::routes::auth::safe_return_to;

#[test]
fn return_to_keeps_only_local_paths_of_safe_characters() {
    for good in ["/", "/omat", "/my/vouchers?lang=sv&x=1", "/a-b_c.d~e/%20f"] {
        assert_eq!(safe_return_to(Some(good)), good);
    }
    for bad in [
        "/\t/evil.example",
        "/\r\nSet-Cookie: x=1",
        "/\n/evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "//evil.example",
        "/a//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "/x:y",
        "evil.example",
        "/#fragment",
        "/ space",
        "/ääkköset",
        "",
    ] {
        assert_eq!(safe_return_to(Some(bad)), "/", "{bad:?}");
    }
    assert_eq!(safe_return_to(None), "/");
    assert_eq!(safe_return_to(Some(&format!("/{}", "a".repeat(600)))), "/");
}

#[tokio::test]
async fn a_login_with_a_tab_in_return_to_comes_back_to_the_front_page() {
    let app = TestApp::with_identification();
    for bad in [
        "/%09/evil.example",
        "/%0D%0A/evil.example",
        "/%5C/evil.example",
    ] {
        let res = app
            .login_at(
                &format!("/api/auth/login?return_to={bad}"),
                ("hetu", person("Eeva-Liisa").code()),
                None,
            )
            .await;
        assert_eq!(res.status, 303, "{bad}: {:?}", res.json);
        assert_eq!(res.header("location"), Some("/"), "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn no_return_to_leads_to_another_origin(requested in "\\PC{0,40}|/[\\t\\r\\n\\\\/:@.a-z%0-9?#&=~_-]{0,30}") {
        let location = safe_return_to(Some(&requested));
        let base = url::Url::parse("https://seteli.example.fi/some/page").unwrap();
        let resolved = base.join(&location).expect("a Location a browser can follow");
        prop_assert_eq!(resolved.origin(), base.origin());
        prop_assert!(location.starts_with('/'));
        prop_assert!(!location.chars().any(|c| c.is_control() || c == '\\'));
    }
}
