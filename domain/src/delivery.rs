//! Delivering the outbox through Suomi.fi Messages: a message's delivery states, the retry
//! schedule, what the service's events mean for a message, and the letters' texts
//! ([`texts`]). The edge does the I/O; every rule about it lives here.

pub mod texts;

use crate::ids::MessageId;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What a message in the principal's Suomi.fi Messages outbox is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    FeedbackGiven,
    SurveyAnswered,
    /// A voucher decision was made (or amended).
    VoucherDecided,
    /// The organiser registered a proxy for the customer.
    ProxyRegistered,
    /// The organiser ended the customer's registered proxy.
    ProxyEnded,
    /// A voucher was ended early.
    VoucherEnded,
    /// A voucher decision was annulled.
    VoucherAnnulled,
    /// The producer serving the customer may no longer serve under the voucher (its
    /// approval was suspended or withdrawn): choose another.
    ProducerUnavailable,
    /// To a company: its application changed state.
    ApplicationChanged,
    /// To a company: a deadline for more information is near.
    ApplicationReminder,
    /// To a company: an approval was suspended.
    ApprovalSuspended,
    /// To a company: an approval was withdrawn.
    ApprovalWithdrawn,
    /// To a named guardian (by identity code): another guardian applied for a voucher for
    /// their child and asks for their consent (DVV scenario B).
    ConsentRequested,
    /// To a named guardian: another guardian applied for their child declaring they may
    /// act alone (DVV scenario C).
    GuardianInformed,
    /// To the applicant's principal: a resident's voucher application changed state.
    VoucherApplicationChanged,
    /// A kind this build does not know.
    #[serde(other)]
    Unknown,
}

impl MessageKind {
    /// Every kind this build knows.
    pub const ALL: [MessageKind; 15] = [
        MessageKind::FeedbackGiven,
        MessageKind::SurveyAnswered,
        MessageKind::VoucherDecided,
        MessageKind::ProxyRegistered,
        MessageKind::ProxyEnded,
        MessageKind::VoucherEnded,
        MessageKind::VoucherAnnulled,
        MessageKind::ProducerUnavailable,
        MessageKind::ApplicationChanged,
        MessageKind::ApplicationReminder,
        MessageKind::ApprovalSuspended,
        MessageKind::ApprovalWithdrawn,
        MessageKind::ConsentRequested,
        MessageKind::GuardianInformed,
        MessageKind::VoucherApplicationChanged,
    ];

    /// The stored name (`snake_case`, as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::FeedbackGiven => "feedback_given",
            MessageKind::SurveyAnswered => "survey_answered",
            MessageKind::VoucherDecided => "voucher_decided",
            MessageKind::ProxyRegistered => "proxy_registered",
            MessageKind::ProxyEnded => "proxy_ended",
            MessageKind::VoucherEnded => "voucher_ended",
            MessageKind::VoucherAnnulled => "voucher_annulled",
            MessageKind::ProducerUnavailable => "producer_unavailable",
            MessageKind::ApplicationChanged => "application_changed",
            MessageKind::ApplicationReminder => "application_reminder",
            MessageKind::ApprovalSuspended => "approval_suspended",
            MessageKind::ApprovalWithdrawn => "approval_withdrawn",
            MessageKind::ConsentRequested => "consent_requested",
            MessageKind::GuardianInformed => "guardian_informed",
            MessageKind::VoucherApplicationChanged => "voucher_application_changed",
            MessageKind::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a queued message stands. A message moves forward only: `queued` → `sent` or
/// `paper` → (`read` | `printed` → `delivered` | `returned`); `held` waits for staff,
/// `failed` for nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Waiting for the next delivery attempt.
    Queued,
    /// Needs an employee's review before it may go on paper (see [`HeldReason`]).
    Held,
    /// Taken by Suomi.fi Messages into an electronic mailbox.
    Sent,
    /// Taken by Suomi.fi Messages as paper mail.
    Paper,
    /// The recipient opened it in their mailbox.
    Read,
    /// Printed and enveloped for Posti.
    Printed,
    /// Posti confirmed the letter was received.
    Delivered,
    /// Posti returned the letter to the sender (or could not resolve the address).
    Returned,
    /// Not delivered within [`GIVE_UP_AFTER_SECS`], or refused by the service for good.
    Failed,
    #[serde(other)]
    Unknown,
}

impl MessageStatus {
    pub const ALL: [MessageStatus; 9] = [
        MessageStatus::Queued,
        MessageStatus::Held,
        MessageStatus::Sent,
        MessageStatus::Paper,
        MessageStatus::Read,
        MessageStatus::Printed,
        MessageStatus::Delivered,
        MessageStatus::Returned,
        MessageStatus::Failed,
    ];

    /// The name on the wire, in the database and in `data-status` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Queued => "queued",
            MessageStatus::Held => "held",
            MessageStatus::Sent => "sent",
            MessageStatus::Paper => "paper",
            MessageStatus::Read => "read",
            MessageStatus::Printed => "printed",
            MessageStatus::Delivered => "delivered",
            MessageStatus::Returned => "returned",
            MessageStatus::Failed => "failed",
            MessageStatus::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<MessageStatus> {
        MessageStatus::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// How far along delivery the state is; events only ever move a message to a higher
    /// rank (the feed may repeat or reorder them).
    fn rank(self) -> u8 {
        match self {
            MessageStatus::Queued | MessageStatus::Held | MessageStatus::Unknown => 0,
            MessageStatus::Failed => 1,
            MessageStatus::Sent | MessageStatus::Paper => 2,
            MessageStatus::Printed => 3,
            MessageStatus::Read | MessageStatus::Delivered | MessageStatus::Returned => 4,
        }
    }

    /// Whether Suomi.fi Messages has taken the message (nothing more to send).
    pub fn is_handed_over(self) -> bool {
        self.rank() >= 2
    }
}

/// Why a message waits for an employee instead of going out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeldReason {
    /// The person has a non-disclosure flag: paper mail to their address needs review.
    NonDisclosure,
    /// No electronic mailbox and no postal address on record.
    NoAddress,
    /// Nobody to send it to: a child's message with no guardian who acted in Seteli.
    NoRecipient,
    #[serde(other)]
    Unknown,
}

impl HeldReason {
    pub fn as_str(self) -> &'static str {
        match self {
            HeldReason::NonDisclosure => "non_disclosure",
            HeldReason::NoAddress => "no_address",
            HeldReason::NoRecipient => "no_recipient",
            HeldReason::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<HeldReason> {
        [
            HeldReason::NonDisclosure,
            HeldReason::NoAddress,
            HeldReason::NoRecipient,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// A message an employee may need to act on (`GET /api/staff/deliveries`, newest first):
/// held for review, failed, or gone on paper (printed, returned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryItem {
    pub id: MessageId,
    /// When it was queued (RFC 3339, UTC).
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
    pub kind: MessageKind,
    /// The customer or company it is for, by name.
    pub recipient: String,
    /// Whether it is for a company (else a customer).
    pub to_company: bool,
    pub status: MessageStatus,
    /// Why it waits, when `status` is `held`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_reason: Option<HeldReason>,
    /// Why the last attempt failed: a status or error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    pub attempts: u32,
}

/// `GET /api/staff/deliveries`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliveries {
    pub items: Vec<DeliveryItem>,
}

/// The state an event of the Messages events feed (`type`) moves a message to, if any.
pub fn status_for_event(event_type: &str) -> Option<MessageStatus> {
    match event_type {
        "Electronic message created" => Some(MessageStatus::Sent),
        "Electronic message read" | "Receipt confirmed" => Some(MessageStatus::Read),
        "Paper mail created" => Some(MessageStatus::Paper),
        "Sent for printing and enveloping" => Some(MessageStatus::Printed),
        "Posti: receipt confirmed" => Some(MessageStatus::Delivered),
        "Posti: returned to sender" | "Posti: unresolved" => Some(MessageStatus::Returned),
        _ => None,
    }
}

/// The state after `next` is reported for a message in `current`: `next` if it is further
/// along, else `None` (nothing changes).
pub fn advance(current: MessageStatus, next: MessageStatus) -> Option<MessageStatus> {
    let forward = if current == MessageStatus::Failed {
        // A late "created" event for a message given up on means it did go out after all.
        next.is_handed_over()
    } else {
        next.rank() > current.rank()
    };
    forward.then_some(next)
}

/// A message still undelivered this long after it was queued is marked failed.
pub const GIVE_UP_AFTER_SECS: i64 = 24 * 60 * 60;

/// The first retry waits this long; each further one twice as long as the one before.
pub const FIRST_RETRY_SECS: i64 = 60;

/// No wait between retries is longer than this.
pub const LONGEST_RETRY_SECS: i64 = 2 * 60 * 60;

/// What to do after attempt number `attempts` (1 for the first) failed for a reason worth
/// retrying (a 5xx, a 429, no answer in time): when to try next (Unix seconds), or `None`
/// when the message has waited [`GIVE_UP_AFTER_SECS`] since `queued_at` and is failed.
pub fn retry_at(attempts: u32, queued_at: i64, now: i64) -> Option<i64> {
    if now.saturating_sub(queued_at) >= GIVE_UP_AFTER_SECS {
        return None;
    }
    let doublings = attempts.saturating_sub(1).min(20);
    let wait = FIRST_RETRY_SECS
        .saturating_mul(1_i64 << doublings)
        .min(LONGEST_RETRY_SECS);
    Some(now + wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_travel_as_their_names() {
        for status in MessageStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
            assert_eq!(MessageStatus::parse(status.as_str()), Some(status));
        }
        let later: MessageStatus = serde_json::from_str("\"archived\"").unwrap();
        assert_eq!(later, MessageStatus::Unknown);
        for reason in [
            HeldReason::NonDisclosure,
            HeldReason::NoAddress,
            HeldReason::NoRecipient,
        ] {
            assert_eq!(HeldReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(HeldReason::parse("unknown"), None);
    }

    #[test]
    fn events_move_a_message_forward_only() {
        use MessageStatus::*;
        let created = status_for_event("Electronic message created").unwrap();
        assert_eq!(advance(Queued, created), Some(Sent));
        let read = status_for_event("Electronic message read").unwrap();
        assert_eq!(advance(Sent, read), Some(Read));
        // The feed repeats or reorders: a created event after the read changes nothing.
        assert_eq!(advance(Read, created), None);
        assert_eq!(advance(Sent, created), None);
        let printed = status_for_event("Sent for printing and enveloping").unwrap();
        assert_eq!(advance(Paper, printed), Some(Printed));
        let returned = status_for_event("Posti: returned to sender").unwrap();
        assert_eq!(advance(Printed, returned), Some(Returned));
        assert_eq!(
            status_for_event("Posti: receipt confirmed"),
            Some(Delivered)
        );
        assert_eq!(status_for_event("Paper mail created"), Some(Paper));
        assert_eq!(status_for_event("Electronic message from end user"), None);
        // A message given up on that the service did take after all.
        assert_eq!(advance(Failed, Sent), Some(Sent));
        assert_eq!(advance(Held, Sent), Some(Sent));
        assert!(!Held.is_handed_over() && !Failed.is_handed_over() && Paper.is_handed_over());
    }

    #[test]
    fn retries_wait_twice_as_long_each_time_and_stop_after_a_day() {
        let queued = 1_000_000;
        assert_eq!(retry_at(1, queued, queued), Some(queued + 60));
        assert_eq!(retry_at(2, queued, queued + 60), Some(queued + 60 + 120));
        assert_eq!(retry_at(3, queued, queued), Some(queued + 240));
        // Never longer than two hours apart, however many attempts.
        assert_eq!(retry_at(40, queued, queued + 10), Some(queued + 10 + 7200));
        assert_eq!(retry_at(u32::MAX, queued, queued), Some(queued + 7200));
        assert_eq!(GIVE_UP_AFTER_SECS, 86_400, "a day");
        assert!(retry_at(5, queued, queued + GIVE_UP_AFTER_SECS - 1).is_some());
        assert_eq!(retry_at(5, queued, queued + GIVE_UP_AFTER_SECS), None);
    }
}
