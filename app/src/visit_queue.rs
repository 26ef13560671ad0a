//! The queue of visits logged without a connection, in `localStorage`: its entries, whose
//! they are, and what becomes of one after an attempt to send it. Pure functions over the
//! stored JSON, tested natively. The producer's pages send it
//! ([`pages::producer::queue`](crate::pages::producer::queue)); logging out deletes the
//! person's own entries ([`forget_person`]).

use crate::api;
use crate::dom;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use seteli_domain::api::{NewServiceEvent, ProducerEvent};
use seteli_domain::catalogue::Unit;
use seteli_domain::ids::ProducerId;
use seteli_domain::{ApiError, ErrorCode};

/// Where the queue is kept.
pub const QUEUE_KEY: &str = "seteli.event-queue";

/// Whose queue a session sees and sends: the logged-in person's, for the company they act
/// for now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueOwner {
    /// The person's opaque key (`Me::user_key`).
    pub user_key: String,
    pub producer_id: ProducerId,
}

/// One visit waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedEvent {
    /// Who queued it (`Me::user_key`); only their sessions send it.
    pub user_key: String,
    /// The company the visit was logged for; only that company's session sends it.
    pub producer_id: ProducerId,
    /// Whose voucher it is, for the queue's list.
    pub customer_name: String,
    /// The voucher's unit, for the queue's list.
    pub unit: Unit,
    /// The request itself, with the key it was given when the entry was made.
    pub event: NewServiceEvent,
}

impl QueuedEvent {
    /// The entry's idempotency key, which also identifies it in the queue.
    pub fn key(&self) -> &str {
        &self.event.idempotency_key
    }
}

/// The stored list as it is, entries of every company and of any version; an empty list
/// when nothing (or something that is not a JSON list) is stored.
pub fn stored_list(raw: Option<&str>) -> Vec<Value> {
    raw.and_then(|json| serde_json::from_str::<Vec<Value>>(json).ok())
        .unwrap_or_default()
}

/// The entries `owner` queued, oldest first.
pub fn company_entries(list: &[Value], owner: &QueueOwner) -> Vec<QueuedEvent> {
    list.iter()
        .filter_map(|value| serde_json::from_value::<QueuedEvent>(value.clone()).ok())
        .filter(|entry| entry.producer_id == owner.producer_id && entry.user_key == owner.user_key)
        .collect()
}

/// The list with `entry` at its end; unchanged if an entry with the same key is there.
pub fn with_entry(mut list: Vec<Value>, entry: &QueuedEvent) -> Vec<Value> {
    if list.iter().any(|value| key_of(value) == Some(entry.key())) {
        return list;
    }
    if let Ok(value) = serde_json::to_value(entry) {
        list.push(value);
    }
    list
}

/// The list without the entry whose key is `key`.
pub fn without_key(list: Vec<Value>, key: &str) -> Vec<Value> {
    list.into_iter()
        .filter(|value| key_of(value) != Some(key))
        .collect()
}

fn key_of(value: &Value) -> Option<&str> {
    value.get("event")?.get("idempotency_key")?.as_str()
}

/// What becomes of a queued entry after one attempt to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The server has it (201, or 200 for a key it had seen): it leaves the queue.
    Sent,
    /// The server refused it for good (4xx): it leaves the queue and the error is shown.
    Refused(ApiError),
    /// It may still succeed: no connection, a server failure, or a session that must be
    /// renewed first (log in again, choose the company again, wait out a limit). It stays,
    /// and so do the ones after it, so that the order is kept.
    Wait(ApiError),
}

/// The verdict on one attempt.
pub fn verdict(result: Result<ProducerEvent, ApiError>) -> Verdict {
    match result {
        Ok(_) => Verdict::Sent,
        Err(error) if api::is_transient(&error) => Verdict::Wait(error),
        // Refusals about the session, not the visit: a new login or choice makes them pass,
        // and dropping the visit would lose work.
        Err(error)
            if matches!(
                error.code,
                ErrorCode::Unauthorized
                    | ErrorCode::Forbidden
                    | ErrorCode::OnBehalfExpired
                    | ErrorCode::CompanyChoiceExpired
                    | ErrorCode::ProducerNotApproved
                    | ErrorCode::TooManyAttempts
                    | ErrorCode::CrossSiteRequest
            ) =>
        {
            Verdict::Wait(error)
        }
        Err(error) => Verdict::Refused(error),
    }
}

/// A queued visit the server refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFailure {
    pub entry: QueuedEvent,
    pub error: ApiError,
}

pub fn read_list() -> Vec<Value> {
    stored_list(dom::read_storage(QUEUE_KEY).as_deref())
}

/// How many of the stored entries `user_key` made (for any company).
pub fn person_entries(list: &[Value], user_key: &str) -> usize {
    list.iter()
        .filter(|value| owner_of(value) == Some(user_key))
        .count()
}

/// The list without `user_key`'s entries; other people's, and entries nobody can read, stay.
pub fn without_person(list: Vec<Value>, user_key: &str) -> Vec<Value> {
    list.into_iter()
        .filter(|value| owner_of(value) != Some(user_key))
        .collect()
}

fn owner_of(value: &Value) -> Option<&str> {
    value.get("user_key")?.as_str()
}

/// How many visits `user_key` queued on this device that are not sent yet.
pub fn unsent_by(user_key: &str) -> usize {
    person_entries(&read_list(), user_key)
}

/// Deletes `user_key`'s entries from this device (at logout).
pub fn forget_person(user_key: &str) {
    let list = without_person(read_list(), user_key);
    if let Ok(json) = serde_json::to_string(&list) {
        dom::write_storage(QUEUE_KEY, &json);
    }
}

/// Takes the entry whose key is `key` out of the stored list.
pub fn remove(key: &str) {
    let list = without_key(read_list(), key);
    if let Ok(json) = serde_json::to_string(&list) {
        // If storage refuses now, the entry is sent again later and its key makes the
        // server answer with the same event: nothing is logged twice.
        dom::write_storage(QUEUE_KEY, &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;
    use seteli_domain::Lang;

    fn owner(producer: i64) -> QueueOwner {
        QueueOwner {
            user_key: "person-a".to_owned(),
            producer_id: id(producer),
        }
    }

    fn entry(producer: i64, key: &str) -> QueuedEvent {
        QueuedEvent {
            user_key: "person-a".to_owned(),
            producer_id: id(producer),
            customer_name: "Maija Meikäläinen".to_owned(),
            unit: Unit::Hour,
            event: NewServiceEvent {
                voucher_id: id(7),
                idempotency_key: key.to_owned(),
                service_date: time::macros::date!(2026 - 11 - 21),
                units_x100: 150,
                description: "Siivous".to_owned(),
            },
        }
    }

    #[test]
    fn the_queue_survives_a_round_trip_through_storage_in_order() {
        let list = with_entry(
            with_entry(Vec::new(), &entry(1, "key-aaaa-1")),
            &entry(1, "key-bbbb-2"),
        );
        let json = serde_json::to_string(&list).unwrap();
        let back = company_entries(&stored_list(Some(&json)), &owner(1));
        assert_eq!(back, vec![entry(1, "key-aaaa-1"), entry(1, "key-bbbb-2")]);
    }

    #[test]
    fn each_company_sees_and_sends_only_its_own_entries() {
        let list = with_entry(
            with_entry(Vec::new(), &entry(1, "key-aaaa-1")),
            &entry(2, "key-bbbb-2"),
        );
        assert_eq!(
            company_entries(&list, &owner(2)),
            vec![entry(2, "key-bbbb-2")]
        );
        assert!(company_entries(&list, &owner(3)).is_empty());
    }

    #[test]
    fn another_persons_entries_are_never_sent_in_this_session() {
        let mut theirs = entry(1, "key-cccc-3");
        theirs.user_key = "person-b".to_owned();
        let list = with_entry(with_entry(Vec::new(), &entry(1, "key-aaaa-1")), &theirs);
        assert_eq!(
            company_entries(&list, &owner(1)),
            vec![entry(1, "key-aaaa-1")]
        );
        // Entries from before entries named their person are nobody's: kept, never sent.
        let old = r#"[{"producer_id":1,"customer_name":"M","unit":"hour","event":{"voucher_id":7,
            "idempotency_key":"key-dddd-4","service_date":"2026-11-21","units_x100":100,"description":"x"}}]"#;
        assert!(company_entries(&stored_list(Some(old)), &owner(1)).is_empty());
    }

    #[test]
    fn an_entry_is_queued_once_and_leaves_by_its_key() {
        let list = with_entry(Vec::new(), &entry(1, "key-aaaa-1"));
        let list = with_entry(list, &entry(1, "key-aaaa-1"));
        assert_eq!(list.len(), 1);
        let list = with_entry(list, &entry(1, "key-bbbb-2"));
        let list = without_key(list, "key-aaaa-1");
        assert_eq!(
            company_entries(&list, &owner(1)),
            vec![entry(1, "key-bbbb-2")]
        );
    }

    #[test]
    fn logging_out_forgets_only_the_person_s_own_entries() {
        let mut theirs = entry(1, "key-cccc-3");
        theirs.user_key = "person-b".to_owned();
        let list = with_entry(
            with_entry(
                with_entry(Vec::new(), &entry(1, "key-aaaa-1")),
                &entry(2, "key-bbbb-2"),
            ),
            &theirs,
        );
        let mut list = list;
        list.push(serde_json::json!({"something": "else"}));
        assert_eq!(person_entries(&list, "person-a"), 2);
        assert_eq!(person_entries(&list, "person-b"), 1);

        let left = without_person(list, "person-a");
        assert_eq!(person_entries(&left, "person-a"), 0);
        assert_eq!(
            left.len(),
            2,
            "the other person's entry and the unreadable one stay"
        );
    }

    #[test]
    fn unreadable_entries_are_kept_not_thrown_away() {
        let raw = r#"[{"something":"else"},{"event":{"idempotency_key":"x"}}]"#;
        let list = stored_list(Some(raw));
        assert_eq!(list.len(), 2);
        assert!(company_entries(&list, &owner(1)).is_empty());
        assert_eq!(with_entry(list, &entry(1, "key-aaaa-1")).len(), 3);
        assert!(stored_list(Some("not json")).is_empty());
        assert!(stored_list(None).is_empty());
    }

    #[test]
    fn refusals_drop_the_entry_but_failures_and_session_problems_keep_it() {
        let lang = Lang::Fi;
        let err = |code| Err(ApiError::new(code, lang));
        assert_eq!(
            verdict(err(ErrorCode::InsufficientBalance)),
            Verdict::Refused(ApiError::new(ErrorCode::InsufficientBalance, lang))
        );
        assert!(matches!(
            verdict(err(ErrorCode::InvalidEvent)),
            Verdict::Refused(_)
        ));
        assert!(matches!(
            verdict(err(ErrorCode::VoucherNotFound)),
            Verdict::Refused(_)
        ));
        for code in [
            ErrorCode::Network,
            ErrorCode::Internal,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::OnBehalfExpired,
            ErrorCode::CompanyChoiceExpired,
            ErrorCode::ProducerNotApproved,
        ] {
            assert!(matches!(verdict(err(code)), Verdict::Wait(_)), "{code:?}");
        }
    }
}
