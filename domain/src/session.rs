//! How long a login lasts. A session ends 30 minutes after the last request (idle limit)
//! and 8 hours after login whatever happens (absolute limit). Times are Unix seconds from
//! an injected clock, so the limits are testable.

use serde::{Deserialize, Serialize};

/// Who a session or login is for: citizens and staff log in through different identity
/// providers and never share a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Citizen,
    Staff,
}

impl Audience {
    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Citizen => "citizen",
            Audience::Staff => "staff",
        }
    }
    /// The audience named `s`, if it is one.
    pub fn parse(s: &str) -> Option<Audience> {
        match s {
            "citizen" => Some(Audience::Citizen),
            "staff" => Some(Audience::Staff),
            _ => None,
        }
    }
}

/// Seconds a session may stay unused.
pub const IDLE_LIMIT_SECS: i64 = 30 * 60;
/// Seconds a session may last from login.
pub const ABSOLUTE_LIMIT_SECS: i64 = 8 * 60 * 60;
/// Seconds a started login (state, nonce, PKCE verifier) waits for the identity provider.
pub const LOGIN_ATTEMPT_LIMIT_SECS: i64 = 10 * 60;

/// Whether a session is still valid at `now`, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    Valid,
    IdleExpired,
    AbsoluteExpired,
}

/// The state of a session created at `created_at` and last used at `last_seen_at`.
pub fn session_state(created_at: i64, last_seen_at: i64, now: i64) -> SessionState {
    if now - created_at >= ABSOLUTE_LIMIT_SECS {
        SessionState::AbsoluteExpired
    } else if now - last_seen_at >= IDLE_LIMIT_SECS {
        SessionState::IdleExpired
    } else {
        SessionState::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audience_is_its_name_on_the_wire_and_in_the_database() {
        for (audience, name) in [(Audience::Citizen, "citizen"), (Audience::Staff, "staff")] {
            assert_eq!(audience.as_str(), name);
            assert_eq!(Audience::parse(name), Some(audience));
            assert_eq!(
                serde_json::to_string(&audience).unwrap(),
                format!("\"{name}\"")
            );
        }
        assert_eq!(Audience::parse("producer"), None);
    }

    #[test]
    fn a_session_used_within_half_an_hour_stays_valid() {
        assert_eq!(
            session_state(0, 0, IDLE_LIMIT_SECS - 1),
            SessionState::Valid
        );
    }

    #[test]
    fn a_session_unused_for_half_an_hour_expires() {
        assert_eq!(
            session_state(0, 0, IDLE_LIMIT_SECS),
            SessionState::IdleExpired
        );
    }

    #[test]
    fn a_session_in_constant_use_still_ends_after_eight_hours() {
        let now = ABSOLUTE_LIMIT_SECS;
        assert_eq!(
            session_state(0, now - 1, now),
            SessionState::AbsoluteExpired
        );
        assert_eq!(session_state(0, now - 2, now - 1), SessionState::Valid);
    }
}
