//! Notifications that arrive: the outbox delivered through Suomi.fi Messages — electronic
//! when the recipient's mailbox is active, else paper mail printed from a PDF letter —
//! and the delivery state read back from the service's events feed.

pub mod client;
pub mod delivery;
mod events;
mod letter;

/// Suomi.fi Messages (wrangler vars `MESSAGES_BASE_URL`, `MESSAGES_SERVICE_ID`, secrets
/// `MESSAGES_USERNAME`, `MESSAGES_PASSWORD`; see README).
#[derive(Debug, Clone)]
pub struct MessagesConfig {
    /// `https://api.messages.suomi.fi` in production.
    pub base_url: String,
    pub username: String,
    pub password: String,
    /// The sending service's id (`sender.serviceId`).
    pub service_id: String,
    /// The printing and enveloping service; `None`: no paper mail (a message to someone
    /// without a mailbox then fails and is shown to staff).
    pub posti: Option<PostiConfig>,
}

/// Posti's printing and enveloping service (`POSTI_USERNAME`, `POSTI_PASSWORD`,
/// `POSTI_EMAIL`, optional `POSTI_COST_POOL`).
#[derive(Debug, Clone)]
pub struct PostiConfig {
    pub username: String,
    pub password: String,
    /// Where Posti writes about problems with the mail.
    pub email: String,
    pub cost_pool: Option<String>,
}
