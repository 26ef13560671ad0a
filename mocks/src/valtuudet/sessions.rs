//! The mock's mutable state: the register as tests have changed it, Web API sessions with
//! their pick and token, and outstanding authorization codes. All times are the mock's clock.

use super::register::{Principal, Register};
use super::{CODE_LIFETIME, SESSION_LIFETIME, TOKEN_EXPIRES_IN};
use seteli_domain::Hetu;
use std::collections::HashMap;
use std::fmt;
use time::{Duration, OffsetDateTime};

/// `hpa` (a person acts for a person) or `ypa` (a person acts for an organisation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Hpa,
    Ypa,
}

impl Mode {
    pub(super) fn parse(text: &str) -> Option<Mode> {
        match text {
            "hpa" => Some(Mode::Hpa),
            "ypa" => Some(Mode::Ypa),
            _ => None,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Hpa => "hpa",
            Mode::Ypa => "ypa",
        })
    }
}

/// An access token and when it was issued.
#[derive(Debug, Clone)]
pub(super) struct AccessToken {
    pub value: String,
    pub issued: OffsetDateTime,
}

/// One Web API session, from register to unregister or expiry.
#[derive(Debug, Clone)]
pub(super) struct Session {
    pub mode: Mode,
    /// The `user` parameter of the authorize redirect.
    pub user_id: String,
    /// The logged-in person.
    pub delegate: Hetu,
    pub created: OffsetDateTime,
    /// Whom the delegate picked, once a code for the pick has been exchanged.
    pub principal: Option<Principal>,
    /// The latest token; exchanging another code replaces it.
    pub token: Option<AccessToken>,
}

impl Session {
    pub(super) fn is_live(&self, now: OffsetDateTime) -> bool {
        now < self.created + SESSION_LIFETIME
    }

    /// Whether `bearer` is this session's current, unexpired token.
    pub(super) fn accepts(&self, bearer: &str, now: OffsetDateTime) -> bool {
        self.token.as_ref().is_some_and(|t| {
            t.value == bearer && now < t.issued + Duration::seconds(TOKEN_EXPIRES_IN)
        })
    }
}

/// What an authorization code stands for.
#[derive(Debug, Clone)]
pub(super) struct Grant {
    pub session_id: String,
    pub principal: Principal,
    /// The authorize request's `redirect_uri`, which the exchange must repeat.
    pub redirect_uri: String,
    pub created: OffsetDateTime,
}

impl Grant {
    fn is_live(&self, now: OffsetDateTime) -> bool {
        now < self.created + CODE_LIFETIME
    }
}

/// Everything that changes while the mock runs.
pub(super) struct State {
    pub register: Register,
    sessions: HashMap<String, Session>,
    codes: HashMap<String, Grant>,
}

impl State {
    pub(super) fn new(register: Register) -> Self {
        Self {
            register,
            sessions: HashMap::new(),
            codes: HashMap::new(),
        }
    }

    /// Back to `register` with no sessions or codes.
    pub(super) fn reset(&mut self, register: Register) {
        *self = Self::new(register);
    }

    /// Stores a new session, dropping expired ones so the map stays small.
    pub(super) fn insert_session(&mut self, id: String, session: Session, now: OffsetDateTime) {
        self.sessions.retain(|_, s| s.is_live(now));
        self.sessions.insert(id, session);
    }

    /// The live session `id` of `mode`.
    pub(super) fn session(&self, mode: Mode, id: &str, now: OffsetDateTime) -> Option<&Session> {
        self.sessions
            .get(id)
            .filter(|s| s.mode == mode && s.is_live(now))
    }

    /// The live session `id`, whatever its mode (a code knows its session, not the mode).
    pub(super) fn live_session_mut(
        &mut self,
        id: &str,
        now: OffsetDateTime,
    ) -> Option<&mut Session> {
        self.sessions.get_mut(id).filter(|s| s.is_live(now))
    }

    /// The live session whose authorize `user` is `user_id`, with its id.
    pub(super) fn session_by_user(
        &self,
        user_id: &str,
        now: OffsetDateTime,
    ) -> Option<(&String, &Session)> {
        self.sessions
            .iter()
            .find(|(_, s)| s.user_id == user_id && s.is_live(now))
    }

    /// Ends a session and forgets its codes.
    pub(super) fn remove_session(&mut self, id: &str) {
        self.sessions.remove(id);
        self.codes.retain(|_, g| g.session_id != id);
    }

    /// Stores a new code, dropping expired ones.
    pub(super) fn insert_code(&mut self, code: String, grant: Grant, now: OffsetDateTime) {
        self.codes.retain(|_, g| g.is_live(now));
        self.codes.insert(code, grant);
    }

    /// Removes the code and returns its grant if it has not expired: any exchange attempt
    /// uses the code up, even one that then fails.
    pub(super) fn take_code(&mut self, code: &str, now: OffsetDateTime) -> Option<Grant> {
        self.codes.remove(code).filter(|g| g.is_live(now))
    }
}
