//! Arrange and act helpers: a fresh database per test, data added explicitly, one helper per
//! endpoint, and one [`Session`] per person's browser. The outside world is the real mocks
//! (`seteli-mocks`), called in-process on one test clock; test persons, staff users and
//! companies come from the mocks' data files through [`seteli_mocks::cast`].

mod app;
mod arrange;
pub mod authorisations;
mod identification;
mod messages;
mod mocks;
mod response;
mod session;
mod valtuudet;
mod ytj;

pub use app::{test_config, TestApp, PUBLIC_URL, TODAY};
pub use arrange::{Voucher, PDF};
pub use identification::IdentificationMock;
pub use messages::MessagesMock;
pub use mocks::{Canned, Mocks};
pub use response::TestResponse;
pub use session::Session;
pub use seteli_mocks::cast;
pub use valtuudet::ValtuudetMock;
pub use ytj::YtjMock;

/// Asserts that no identity code of the cast is in `text` (a URL, a log line, an answer).
pub fn assert_no_identity_code(text: &str) {
    for person in cast::persons() {
        assert!(
            !text.contains(person.code()),
            "{}'s identity code in {text}",
            person.first_name()
        );
    }
}

/// Asserts that each case, `"METHOD path -> allowed methods"`, is answered 405 with that
/// `Allow` header (sent from Seteli's own pages, so that only the method is wrong).
pub async fn assert_method_not_allowed<H: seteli_edge::outbound::Outbound>(
    app: &TestApp<H>,
    cases: &[&str],
) {
    for case in cases {
        let (request, allow) = case.split_once(" -> ").expect("a request -> its Allow");
        let (method, path) = request.split_once(' ').expect("a method and a path");
        let res = app
            .request(seteli_edge::http::Method::parse(method), path)
            .await;
        assert_eq!(res.status, 405, "{request}");
        assert_eq!(res.header("allow"), Some(allow), "{request}");
    }
}
