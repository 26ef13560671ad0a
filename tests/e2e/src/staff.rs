//! Municipal staff in the browser: logging in at the staff identity provider and the steps
//! of the organiser's desk (finding and adding a customer, a need assessment, a decision, a
//! registered proxy).

use crate::{attr, press, select, text_of, type_into, url, wait_testid, wait_until};
use fantoccini::Client;
use seteli_mocks::identification::people::{Person, StaffUser};

/// From the front page through the staff login, picking `user` on the mock's page; the name
/// the header then shows.
pub async fn log_in(client: &Client, user: &StaffUser) -> String {
    client.goto(&url("/")).await.unwrap();
    press(client, "staff-login").await;
    press(client, &format!("staff-{}", user.username)).await;
    text_of(client, "account-name").await
}

/// On the desk's customer search, looks `person` up by identity code (typed into the form,
/// sent in the request's body).
pub async fn search_by_hetu(client: &Client, person: &Person) {
    press(client, "desk-find-customer").await;
    type_into(client, "search-hetu", person.code()).await;
    press(client, "hetu-search-submit").await;
}

/// After a search that found nobody: adds `person` as a customer of `municipality` with a
/// street address in Porvoo; the new customer's card opens.
pub async fn add_customer(client: &Client, person: &Person, municipality: &str) {
    wait_testid(client, "new-customer-form").await;
    type_into(client, "new-customer-given", person.first_name()).await;
    type_into(client, "new-customer-family", &person.family_name).await;
    wait_until(
        client,
        &format!(
            "!!document.querySelector('[data-testid=new-customer-municipality] option[value=\"{municipality}\"]')"
        ),
        "the municipalities to load",
    )
    .await;
    select(client, "new-customer-municipality", municipality).await;
    type_into(client, "new-customer-street", "Välikatu 4 A 2").await;
    type_into(client, "new-customer-postal-code", "06100").await;
    type_into(client, "new-customer-post-office", "Porvoo").await;
    press(client, "new-customer-submit").await;
    wait_testid(client, "customer-card").await;
}

/// The id of the customer whose card is open, from the page's address.
pub async fn card_customer_id(client: &Client) -> i64 {
    let url = client.current_url().await.unwrap();
    url.path()
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a customer card's address: {url}"))
}

/// On the customer card: records a need assessment for `service` that found a need for a
/// voucher.
pub async fn assess(client: &Client, service: &str, summary: &str) {
    press(client, "assessment-open").await;
    select(client, "assessment-service", service).await;
    type_into(client, "assessment-summary", summary).await;
    select(client, "assessment-outcome", "voucher").await;
    press(client, "assessment-submit").await;
    wait_testid(client, "assessment-done").await;
}

/// From the newest assessment on the card, drafts an income-related decision for a
/// household of `size` with `income` euros a month, `hours` hours; the value the preview
/// showed, in cents. The decision's page opens.
pub async fn draft_income_related(client: &Client, size: &str, income: &str, hours: &str) -> i64 {
    press(client, "assessment-draft-decision").await;
    wait_testid(client, "decision-income-related").await;
    type_into(client, "decision-household-size", size).await;
    type_into(client, "decision-income", income).await;
    type_into(client, "decision-units", hours).await;
    let value = wait_testid(client, "computation-value").await;
    let cents: i64 = attr(&value, "data-cents")
        .await
        .and_then(|c| c.parse().ok())
        .expect("the previewed value in cents");
    press(client, "decision-form-submit").await;
    wait_testid(client, "decision-document").await;
    cents
}

/// The status the decision page shows (`draft`, `decided`, `delivered`).
pub async fn decision_status(client: &Client) -> String {
    attr(
        &wait_testid(client, "decision-document").await,
        "data-status",
    )
    .await
    .unwrap_or_default()
}

/// On the customer card: registers `proxy` on a written power of attorney for reading the
/// customer's vouchers and who has looked at their data.
pub async fn register_proxy(client: &Client, proxy: &Person) {
    press(client, "proxy-register-open").await;
    type_into(client, "proxy-hetu", proxy.code()).await;
    type_into(client, "proxy-given", proxy.first_name()).await;
    type_into(client, "proxy-family", &proxy.family_name).await;
    select(client, "proxy-basis", "power_of_attorney").await;
    type_into(client, "proxy-evidence", "Kirjallinen valtakirja nähty").await;
    press(client, "proxy-scope-view_access_log").await;
    press(client, "proxy-submit").await;
    wait_testid(client, "proxy-current").await;
}

/// Sets the date input `id` to the day `days_ago` days before today (in the browser's
/// clock), as a date picker would, so that the page's own handler sees the change.
pub async fn set_date_days_ago(client: &Client, id: &str, days_ago: u32) {
    wait_testid(client, id).await;
    crate::js(
        client,
        &format!(
            "(() => {{
                const input = document.querySelector('[data-testid={id}]');
                const day = new Date(Date.now() - {days_ago} * 86400000);
                const pad = n => String(n).padStart(2, '0');
                input.value = `${{day.getFullYear()}}-${{pad(day.getMonth() + 1)}}-${{pad(day.getDate())}}`;
                input.dispatchEvent(new Event('input', {{ bubbles: true }}));
                return true;
            }})()"
        ),
    )
    .await;
}

/// On the desk's list of events: the row of event `id` (waits for it).
pub async fn event_row(client: &Client, id: i64) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=desk-event][data-event-id=\"{id}\"]"
        )))
        .await
        .unwrap_or_else(|e| panic!("no row of event {id} appeared: {e}"))
}

/// On the income tables: edits the table of `service`, typing `full_value` (euros) as its
/// full value, and saves; returns once the page says it is saved.
pub async fn set_full_value(client: &Client, service: &str, full_value: &str) {
    let section = wait_testid(client, "income-table").await;
    assert_eq!(
        attr(&section, "data-service").await.as_deref(),
        Some(service)
    );
    press(client, "income-table-edit").await;
    type_into(client, &format!("income-{service}-full"), full_value).await;
    press(client, "income-table-submit").await;
    wait_testid(client, "income-table-saved").await;
}
