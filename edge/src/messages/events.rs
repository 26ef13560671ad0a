//! The delivery state read back from Suomi.fi Messages' events feed: sent, read, printed,
//! delivered or returned, from where the last run stopped.

use super::client::{CallError, MessagesClient};
use crate::db::{outbox, service_state, Database, DbError};
use crate::outbound::Outbound;
use seteli_domain::delivery::{status_for_event, MessageStatus};
use seteli_domain::ids::MessageId;

/// The events feed's continuation token in `service_state`.
const FEED_KEY: &str = "messages.events";

/// At most this many pages of the events feed a run.
const FEED_PAGES: usize = 20;

/// Reads the events feed from where the last run stopped and moves the messages it names
/// forward; how many changed.
pub(super) async fn read_events<D: Database, H: Outbound>(
    client: &MessagesClient<'_, D, H>,
    at: &str,
) -> Result<usize, CallError> {
    let store = |e: DbError| CallError::Retry(e.0);
    let mut cursor = service_state::get(client.db, FEED_KEY, client.now)
        .await
        .map_err(store)?;
    let mut updated = 0;
    for _ in 0..FEED_PAGES {
        let page = match client.events(cursor.as_deref()).await {
            Ok(page) => page,
            // The service no longer knows the token (kept 60 days; a mock restarted): the
            // next run reads from the start, and states only move forward, so nothing repeats.
            Err(CallError::Refused(e)) if cursor.is_some() => {
                service_state::put(client.db, FEED_KEY, "", Some(0))
                    .await
                    .map_err(store)?;
                return Err(CallError::Refused(e));
            }
            Err(e) => return Err(e),
        };
        let reported: Vec<(MessageId, MessageStatus)> = page
            .events
            .iter()
            .filter_map(|e| {
                let id = MessageId::parse(e.external_id.as_deref()?)?;
                Some((id, status_for_event(&e.event_type)?))
            })
            .collect();
        updated += outbox::apply_events(client.db, &reported, at)
            .await
            .map_err(store)?;
        if let Some(token) = &page.continuation_token {
            service_state::put(client.db, FEED_KEY, token, None)
                .await
                .map_err(store)?;
        }
        if page.events.is_empty() || page.continuation_token.is_none() {
            break;
        }
        cursor = page.continuation_token;
    }
    Ok(updated)
}
