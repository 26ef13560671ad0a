//! Municipal staff in the browser: logging in at the staff identity provider.

use crate::{press, text_of, url};
use fantoccini::Client;
use seteli_mocks::identification::people::StaffUser;

/// From the front page through the staff login, picking `user` on the mock's page; the name
/// the header then shows.
pub async fn log_in(client: &Client, user: &StaffUser) -> String {
    client.goto(&url("/")).await.unwrap();
    press(client, "staff-login").await;
    press(client, &format!("staff-{}", user.username)).await;
    text_of(client, "account-name").await
}
