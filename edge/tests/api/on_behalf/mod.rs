//! Acting on another person's behalf, against the Valtuudet mock's real protocol: use case 1
//! and its three refusals, adults' mandates and their issues, re-checks before writes, a
//! revoked mandate, Valtuudet being down, the municipality's registered proxy, the trail and
//! the messages.

mod choosing;
mod guardians;
mod mandates;
mod registered;

use crate::helpers::{cast, Mocks, Session, TestApp};
use seteli_mocks::identification::people::Person;

/// The customers of the mock's register (Mikko and Oskar are not customers), each with a
/// voucher whose one event producer 1 logged; Eeva-Liisa's registered proxy is Karl-Johan.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_home_care(1, "Hoiva Oy", 3600);
    for (id, name) in [
        (1, "Eeva-Liisa"),
        (2, "Anni"),
        (3, "Eetu"),
        (4, "Ella"),
        (5, "Karl-Johan"),
    ] {
        app.customer_with_voucher(id, person(name));
    }
    app.registered_proxy(1, person("Karl-Johan"));
    app
}

fn person(first_name: &str) -> &'static Person {
    cast::person(first_name)
}

/// The name the trail and messages give the person who acted: as identification gave it.
fn full(first_name: &str) -> String {
    person(first_name).full_name()
}

/// The browser of the person `first_name`, logged in.
async fn browser<'a>(app: &'a TestApp<Mocks>, first_name: &str) -> Session<'a> {
    Session::citizen(app, person(first_name)).await
}

/// Where a granted choice lands: the principal's vouchers.
const GRANTED: &str = "/my/vouchers?lang=en";

/// Asserts that a choice landed on the on-behalf page's refusal `/on-behalf?refused={refusal}`
/// (e.g. `no_right&for=child&lang=en`) and left `session` acting for nobody.
async fn assert_refused(session: &Session<'_>, landed: String, refusal: &str) {
    assert_eq!(landed, format!("/on-behalf?refused={refusal}"));
    assert!(session.acting_for().await.is_null());
}

/// `guardian` logs in and chooses `child`, and is refused for `reason` (`no_right`, …).
async fn assert_child_refused(app: &TestApp<Mocks>, guardian: &str, child: &str, reason: &str) {
    let session = browser(app, guardian).await;
    let landed = session.act_for_child(person(child)).await;
    assert_refused(&session, landed, &format!("{reason}&for=child&lang=en")).await;
}

fn entry(actor: &str, action: &str, basis: &str, result: &str) -> (String, String, String, String) {
    (actor.into(), action.into(), basis.into(), result.into())
}
