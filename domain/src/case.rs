//! The one case engine for every case Seteli handles — a producer's application, a
//! resident's voucher application, an employee's e-authorisation order — as the Luvat ja
//! valvonta model has it (`../shared/docs/municipality.md` §2):
//!
//! ```text
//! draft ──submit──▶ submitted ──take──▶ in progress ──▶ approved | rejected
//!   │                   │                 │  ▲  ▲
//!   └─cancel            └─cancel          │  │  └─ handed over / released (another handler)
//!                                         ▼  │ the awaited party answers
//!                                waiting (on the applicant, a consent, or DVV)
//!                                         └─ deadline passes ──▶ back to the handler
//! ```
//!
//! [`CaseState::apply`] is the only way a case moves: it names who may take each step from
//! which state and refuses everything else, so a closed case never reopens (a new case is
//! made instead). Each step becomes a [`CaseEvent`] (who, when, a comment) in the case's
//! history, and every change of state is told to the applicant.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Whom a waiting case waits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Awaited {
    /// The applicant: more information needed, with a deadline and the missing items.
    Applicant,
    /// Another person's consent (a guardian in a shared matter).
    Consent,
    /// The Digital and Population Data Services Agency (an authorisation the organisation lacks).
    Dvv,
}

/// A case's state. A handler holds a case from "in progress" until it closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum CaseState {
    /// Being written by the applicant; nobody else sees it.
    Draft,
    /// Sent, in the organiser's queue, nobody handling it yet.
    Submitted,
    /// Sent, but waiting for the consent of the others who share the matter (a child's
    /// other guardians) before it reaches the queue; nobody handles it yet.
    Consenting,
    /// A handler works on it.
    InProgress {
        handler: String,
    },
    /// The handler waits on someone, until `deadline` when one is set.
    Waiting {
        handler: String,
        on: Awaited,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::clock::wire_date::option"
        )]
        deadline: Option<Date>,
        /// What is missing, as the handler listed it (for the applicant).
        missing: Vec<String>,
    },
    Approved,
    Rejected,
    /// Withdrawn by the applicant before a handler took it.
    Cancelled,
    /// Stopped before the queue: someone whose consent it needed declined.
    Declined,
}

/// The state's name, as stored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateName {
    Draft,
    Submitted,
    Consenting,
    InProgress,
    Waiting,
    Approved,
    Rejected,
    Cancelled,
    Declined,
}

impl StateName {
    /// The stored name (`in_progress`), as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            StateName::Draft => "draft",
            StateName::Submitted => "submitted",
            StateName::Consenting => "consenting",
            StateName::InProgress => "in_progress",
            StateName::Waiting => "waiting",
            StateName::Approved => "approved",
            StateName::Rejected => "rejected",
            StateName::Cancelled => "cancelled",
            StateName::Declined => "declined",
        }
    }
}

/// Who takes a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Party {
    /// The applicant (or a person acting for them).
    Applicant,
    /// One of the organiser's handlers, by username.
    Handler(String),
    /// Seteli itself: the scheduled job that keeps deadlines, or a consent that arrived.
    System,
}

/// A step someone takes on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseAction {
    /// The applicant sends the draft.
    Submit,
    /// The applicant sends a draft that needs others' consent first: it waits for them.
    AskConsent,
    /// Someone whose consent the case waits for declined (recorded by Seteli).
    Decline,
    /// The applicant withdraws a case nobody has taken yet.
    Cancel,
    /// A handler takes a case from the queue.
    Take,
    /// The handler gives the case to another handler.
    HandOver {
        to: String,
    },
    /// The handler puts the case back in the queue.
    Release,
    /// The handler waits on someone: for the applicant, the missing items and a deadline.
    Wait {
        on: Awaited,
        deadline: Option<Date>,
        missing: Vec<String>,
    },
    /// The awaited party answered (the applicant; for a consent or DVV, Seteli or the
    /// handler records it): back to the handler.
    Answer,
    /// The deadline passed without an answer: back to the handler, who decides.
    DeadlinePassed,
    Approve,
    Reject,
}

/// Why a step is refused; the case stays as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseError {
    /// The model has no such step from this state (including every step on a closed case).
    NotInThisState,
    /// This party may not take the step (another handler's case, an applicant deciding).
    NotYours,
    /// Waiting on the applicant needs the missing items and a deadline after today.
    WaitNeedsItemsAndDeadline,
    /// The deadline has not passed yet.
    DeadlineNotPassed,
    /// Handing over to oneself.
    SameHandler,
}

impl CaseState {
    /// The state's name.
    pub fn name(&self) -> StateName {
        match self {
            CaseState::Draft => StateName::Draft,
            CaseState::Submitted => StateName::Submitted,
            CaseState::Consenting => StateName::Consenting,
            CaseState::InProgress { .. } => StateName::InProgress,
            CaseState::Waiting { .. } => StateName::Waiting,
            CaseState::Approved => StateName::Approved,
            CaseState::Rejected => StateName::Rejected,
            CaseState::Cancelled => StateName::Cancelled,
            CaseState::Declined => StateName::Declined,
        }
    }

    /// Whether the case is closed: nothing moves it any more.
    pub fn is_closed(&self) -> bool {
        matches!(
            self,
            CaseState::Approved | CaseState::Rejected | CaseState::Cancelled | CaseState::Declined
        )
    }

    /// The handler holding the case, if one does.
    pub fn handler(&self) -> Option<&str> {
        match self {
            CaseState::InProgress { handler } | CaseState::Waiting { handler, .. } => Some(handler),
            _ => None,
        }
    }

    /// The state after `by` takes `action` on `today`, or why not.
    pub fn apply(
        &self,
        action: &CaseAction,
        by: &Party,
        today: Date,
    ) -> Result<CaseState, CaseError> {
        use CaseAction as A;
        use CaseState as S;
        let holder = |handler: &str| match by {
            Party::Handler(who) if who == handler => Ok(()),
            _ => Err(CaseError::NotYours),
        };
        let any_handler = || match by {
            Party::Handler(who) => Ok(who.clone()),
            _ => Err(CaseError::NotYours),
        };
        let applicant = || match by {
            Party::Applicant => Ok(()),
            _ => Err(CaseError::NotYours),
        };
        let system = || match by {
            Party::System => Ok(()),
            _ => Err(CaseError::NotYours),
        };
        match (self, action) {
            (S::Draft, A::Submit) => applicant().map(|()| S::Submitted),
            (S::Draft, A::AskConsent) => applicant().map(|()| S::Consenting),
            (S::Draft | S::Submitted | S::Consenting, A::Cancel) => {
                applicant().map(|()| S::Cancelled)
            }
            // Seteli records consents: the last one in sends the case to the queue, a decline
            // stops it.
            (S::Consenting, A::Answer) => system().map(|()| S::Submitted),
            (S::Consenting, A::Decline) => system().map(|()| S::Declined),
            (S::Submitted, A::Take) => any_handler().map(|handler| S::InProgress { handler }),
            (S::InProgress { handler } | S::Waiting { handler, .. }, A::HandOver { to }) => {
                // Any of the organiser's handlers may move a case on (a colleague's absence).
                any_handler()?;
                if to == handler {
                    return Err(CaseError::SameHandler);
                }
                Ok(match self {
                    S::Waiting {
                        on,
                        deadline,
                        missing,
                        ..
                    } => S::Waiting {
                        handler: to.clone(),
                        on: *on,
                        deadline: *deadline,
                        missing: missing.clone(),
                    },
                    _ => S::InProgress {
                        handler: to.clone(),
                    },
                })
            }
            (S::InProgress { handler }, A::Release) => holder(handler).map(|()| S::Submitted),
            (
                S::InProgress { handler },
                A::Wait {
                    on,
                    deadline,
                    missing,
                },
            ) => {
                holder(handler)?;
                // The applicant is told what is missing and by when; any deadline is ahead.
                let asks_applicant = *on == Awaited::Applicant;
                if asks_applicant && (missing.is_empty() || deadline.is_none()) {
                    return Err(CaseError::WaitNeedsItemsAndDeadline);
                }
                if deadline.is_some_and(|d| d <= today) {
                    return Err(CaseError::WaitNeedsItemsAndDeadline);
                }
                Ok(S::Waiting {
                    handler: handler.clone(),
                    on: *on,
                    deadline: *deadline,
                    missing: missing.clone(),
                })
            }
            (S::Waiting { handler, on, .. }, A::Answer) => {
                let allowed = match (on, by) {
                    (Awaited::Applicant, Party::Applicant) => true,
                    (Awaited::Consent, Party::System) => true,
                    (Awaited::Dvv, Party::Handler(who)) => who == handler,
                    _ => false,
                };
                if allowed {
                    Ok(S::InProgress {
                        handler: handler.clone(),
                    })
                } else {
                    Err(CaseError::NotYours)
                }
            }
            (
                S::Waiting {
                    handler, deadline, ..
                },
                A::DeadlinePassed,
            ) => {
                if *by != Party::System {
                    return Err(CaseError::NotYours);
                }
                match deadline {
                    Some(d) if *d < today => Ok(S::InProgress {
                        handler: handler.clone(),
                    }),
                    _ => Err(CaseError::DeadlineNotPassed),
                }
            }
            (S::InProgress { handler }, A::Approve) => holder(handler).map(|()| S::Approved),
            (S::InProgress { handler }, A::Reject) => holder(handler).map(|()| S::Rejected),
            _ => Err(CaseError::NotInThisState),
        }
    }
}

/// One step in a case's history: who took it, when, what it was and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    #[serde(with = "crate::clock::wire_time")]
    pub at: OffsetDateTime,
    pub by: Party,
    pub from: StateName,
    pub to: StateName,
    /// The handler's or applicant's words (a reason, a note); may be empty.
    pub comment: String,
}

/// A case: its state and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub state: CaseState,
    pub history: Vec<CaseEvent>,
}

impl Case {
    /// A new case, a draft.
    pub fn new() -> Case {
        Case {
            state: CaseState::Draft,
            history: Vec::new(),
        }
    }

    /// Takes a step: the new state and its event in the history, or the refusal with
    /// nothing changed. Returns whether the applicant is to be told (every change of
    /// state but the applicant's own submitting, cancelling and answering).
    pub fn step(
        &mut self,
        action: &CaseAction,
        by: Party,
        at: OffsetDateTime,
        comment: &str,
    ) -> Result<bool, CaseError> {
        let today = crate::clock::finnish_date(at);
        let next = self.state.apply(action, &by, today)?;
        let tell_applicant = by != Party::Applicant;
        self.history.push(CaseEvent {
            at,
            by,
            from: self.state.name(),
            to: next.name(),
            comment: comment.trim().to_owned(),
        });
        self.state = next;
        Ok(tell_applicant)
    }
}

impl Default for Case {
    fn default() -> Self {
        Case::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    const TODAY: Date = date!(2026 - 11 - 21);

    fn handler(name: &str) -> Party {
        Party::Handler(name.to_owned())
    }

    fn in_progress(name: &str) -> CaseState {
        CaseState::InProgress {
            handler: name.to_owned(),
        }
    }

    fn ask(deadline: Option<Date>, missing: &[&str]) -> CaseAction {
        CaseAction::Wait {
            on: Awaited::Applicant,
            deadline,
            missing: missing.iter().map(|m| (*m).to_owned()).collect(),
        }
    }

    #[test]
    fn the_happy_path_runs_from_draft_to_approved_with_a_question_on_the_way() {
        let mut case = Case::new();
        let at = datetime!(2026-11-21 10:00 UTC);
        let pekka = handler("tuottajahyvaksyja");
        assert!(!case
            .step(&CaseAction::Submit, Party::Applicant, at, "")
            .unwrap());
        assert!(case.step(&CaseAction::Take, pekka.clone(), at, "").unwrap());
        let question = ask(Some(date!(2026 - 12 - 05)), &["Omavalvontasuunnitelma"]);
        case.step(&question, pekka.clone(), at, "Liitä suunnitelma")
            .unwrap();
        assert_eq!(case.state.name(), StateName::Waiting);
        case.step(&CaseAction::Answer, Party::Applicant, at, "Liitetty")
            .unwrap();
        assert_eq!(case.state, in_progress("tuottajahyvaksyja"));
        case.step(&CaseAction::Approve, pekka, at, "Kunnossa")
            .unwrap();
        assert_eq!(case.state, CaseState::Approved);
        let names: Vec<(StateName, StateName)> =
            case.history.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(
            names,
            vec![
                (StateName::Draft, StateName::Submitted),
                (StateName::Submitted, StateName::InProgress),
                (StateName::InProgress, StateName::Waiting),
                (StateName::Waiting, StateName::InProgress),
                (StateName::InProgress, StateName::Approved),
            ]
        );
        assert_eq!(case.history[2].comment, "Liitä suunnitelma");
    }

    #[test]
    fn only_the_holder_decides_and_only_the_applicant_submits_or_cancels() {
        let held = in_progress("a");
        assert_eq!(
            held.apply(&CaseAction::Approve, &handler("b"), TODAY),
            Err(CaseError::NotYours)
        );
        assert_eq!(
            held.apply(&CaseAction::Reject, &Party::Applicant, TODAY),
            Err(CaseError::NotYours)
        );
        assert_eq!(
            CaseState::Draft.apply(&CaseAction::Submit, &handler("a"), TODAY),
            Err(CaseError::NotYours)
        );
        assert_eq!(
            CaseState::Submitted.apply(&CaseAction::Cancel, &Party::Applicant, TODAY),
            Ok(CaseState::Cancelled)
        );
        assert_eq!(
            held.apply(&CaseAction::Cancel, &Party::Applicant, TODAY),
            Err(CaseError::NotInThisState),
            "once taken, only the handler closes it"
        );
        assert_eq!(
            held.apply(&CaseAction::Release, &handler("a"), TODAY),
            Ok(CaseState::Submitted)
        );
        assert_eq!(
            held.apply(
                &CaseAction::HandOver { to: "b".into() },
                &handler("c"),
                TODAY
            ),
            Ok(in_progress("b"))
        );
        assert_eq!(
            held.apply(
                &CaseAction::HandOver { to: "a".into() },
                &handler("a"),
                TODAY
            ),
            Err(CaseError::SameHandler)
        );
    }

    #[test]
    fn asking_the_applicant_needs_items_and_a_deadline_after_today() {
        let held = in_progress("a");
        let by = handler("a");
        for bad in [
            ask(Some(date!(2026 - 12 - 01)), &[]),
            ask(None, &["Vakuutus"]),
            ask(Some(TODAY), &["Vakuutus"]),
        ] {
            assert_eq!(
                held.apply(&bad, &by, TODAY),
                Err(CaseError::WaitNeedsItemsAndDeadline)
            );
        }
        let tomorrow = ask(Some(date!(2026 - 11 - 22)), &["Vakuutus"]);
        assert!(held.apply(&tomorrow, &by, TODAY).is_ok());
        // DVV needs no deadline, but one set must be ahead.
        let dvv = CaseAction::Wait {
            on: Awaited::Dvv,
            deadline: None,
            missing: Vec::new(),
        };
        assert!(held.apply(&dvv, &by, TODAY).is_ok());
    }

    #[test]
    fn a_passed_deadline_returns_the_case_to_its_handler_only_after_the_day() {
        let waiting = CaseState::Waiting {
            handler: "a".into(),
            on: Awaited::Applicant,
            deadline: Some(TODAY),
            missing: vec!["Vakuutus".into()],
        };
        assert_eq!(
            waiting.apply(&CaseAction::DeadlinePassed, &Party::System, TODAY),
            Err(CaseError::DeadlineNotPassed)
        );
        assert_eq!(
            waiting.apply(
                &CaseAction::DeadlinePassed,
                &Party::System,
                date!(2026 - 11 - 22)
            ),
            Ok(in_progress("a"))
        );
        assert_eq!(
            waiting.apply(
                &CaseAction::DeadlinePassed,
                &handler("a"),
                date!(2026 - 11 - 22)
            ),
            Err(CaseError::NotYours)
        );
        // Only the awaited party answers.
        assert_eq!(
            waiting.apply(&CaseAction::Answer, &handler("a"), TODAY),
            Err(CaseError::NotYours)
        );
        let consent = CaseState::Waiting {
            handler: "a".into(),
            on: Awaited::Consent,
            deadline: None,
            missing: Vec::new(),
        };
        assert_eq!(
            consent.apply(&CaseAction::Answer, &Party::System, TODAY),
            Ok(in_progress("a"))
        );
        assert_eq!(
            consent.apply(&CaseAction::Answer, &Party::Applicant, TODAY),
            Err(CaseError::NotYours)
        );
    }

    #[test]
    fn states_travel_with_their_names() {
        let waiting = CaseState::Waiting {
            handler: "a".into(),
            on: Awaited::Dvv,
            deadline: Some(date!(2026 - 12 - 31)),
            missing: Vec::new(),
        };
        let json = serde_json::to_value(&waiting).unwrap();
        assert_eq!(json["state"], "waiting");
        assert_eq!(json["on"], "dvv");
        assert_eq!(json["deadline"], "2026-12-31");
        assert_eq!(serde_json::from_value::<CaseState>(json).unwrap(), waiting);
        assert_eq!(
            serde_json::to_value(handler("a")).unwrap(),
            serde_json::json!({"kind": "handler", "name": "a"})
        );
    }

    #[test]
    fn only_approved_rejected_and_cancelled_are_closed() {
        for closed in [
            CaseState::Approved,
            CaseState::Rejected,
            CaseState::Cancelled,
        ] {
            assert!(closed.is_closed(), "{closed:?}");
            assert_eq!(
                closed.apply(&CaseAction::Take, &handler("a"), TODAY),
                Err(CaseError::NotInThisState)
            );
        }
        for open in [CaseState::Draft, CaseState::Submitted, in_progress("a")] {
            assert!(!open.is_closed(), "{open:?}");
        }
    }

    #[test]
    fn a_waiting_case_handed_over_still_waits_and_dvvs_answer_is_its_handlers_to_record() {
        let dvv = CaseState::Waiting {
            handler: "a".into(),
            on: Awaited::Dvv,
            deadline: Some(date!(2027 - 01 - 15)),
            missing: vec!["Valtuutus".into()],
        };
        let handed = dvv
            .apply(
                &CaseAction::HandOver { to: "b".into() },
                &handler("a"),
                TODAY,
            )
            .unwrap();
        assert_eq!(
            handed,
            CaseState::Waiting {
                handler: "b".into(),
                on: Awaited::Dvv,
                deadline: Some(date!(2027 - 01 - 15)),
                missing: vec!["Valtuutus".into()],
            }
        );
        assert_eq!(
            handed.apply(&CaseAction::Answer, &handler("b"), TODAY),
            Ok(in_progress("b"))
        );
        for other in [handler("a"), Party::Applicant, Party::System] {
            assert_eq!(
                handed.apply(&CaseAction::Answer, &other, TODAY),
                Err(CaseError::NotYours),
                "{other:?}"
            );
        }
    }

    #[test]
    fn a_shared_matter_waits_for_consent_before_the_queue_and_a_decline_stops_it() {
        let at = datetime!(2026-11-21 10:00 UTC);
        // Every consent in: Seteli sends it to the queue.
        let mut case = Case::new();
        assert!(!case
            .step(&CaseAction::AskConsent, Party::Applicant, at, "")
            .unwrap());
        assert_eq!(case.state, CaseState::Consenting);
        assert_eq!(case.state.handler(), None);
        // Nobody takes it while it waits, and only Seteli records the consents.
        assert_eq!(
            case.state.apply(&CaseAction::Take, &handler("a"), TODAY),
            Err(CaseError::NotInThisState)
        );
        for other in [Party::Applicant, handler("a")] {
            for step in [CaseAction::Answer, CaseAction::Decline] {
                assert_eq!(
                    case.state.apply(&step, &other, TODAY),
                    Err(CaseError::NotYours)
                );
            }
        }
        assert!(case
            .step(&CaseAction::Answer, Party::System, at, "")
            .unwrap());
        assert_eq!(case.state, CaseState::Submitted);

        // A decline closes it, and the applicant is told.
        let mut declined = Case::new();
        declined
            .step(&CaseAction::AskConsent, Party::Applicant, at, "")
            .unwrap();
        assert!(declined
            .step(&CaseAction::Decline, Party::System, at, "Ei sovi meille")
            .unwrap());
        assert_eq!(declined.state, CaseState::Declined);
        assert!(declined.state.is_closed());
        // The applicant may withdraw while it waits.
        assert_eq!(
            CaseState::Consenting.apply(&CaseAction::Cancel, &Party::Applicant, TODAY),
            Ok(CaseState::Cancelled)
        );
        // Asking for consent is a draft's step only.
        assert_eq!(
            CaseState::Submitted.apply(&CaseAction::AskConsent, &Party::Applicant, TODAY),
            Err(CaseError::NotInThisState)
        );
    }

    fn any_party() -> impl Strategy<Value = Party> {
        prop_oneof![
            Just(Party::Applicant),
            Just(Party::System),
            "[ab]".prop_map(Party::Handler),
        ]
    }

    fn any_action() -> impl Strategy<Value = CaseAction> {
        let date = (0i64..40).prop_map(|d| TODAY + time::Duration::days(d - 10));
        prop_oneof![
            Just(CaseAction::Submit),
            Just(CaseAction::AskConsent),
            Just(CaseAction::Decline),
            Just(CaseAction::Cancel),
            Just(CaseAction::Take),
            "[ab]".prop_map(|to| CaseAction::HandOver { to }),
            Just(CaseAction::Release),
            (
                prop_oneof![
                    Just(Awaited::Applicant),
                    Just(Awaited::Consent),
                    Just(Awaited::Dvv)
                ],
                proptest::option::of(date),
                proptest::collection::vec("[a-z]{1,8}", 0..3),
            )
                .prop_map(|(on, deadline, missing)| CaseAction::Wait {
                    on,
                    deadline,
                    missing
                }),
            Just(CaseAction::Answer),
            Just(CaseAction::DeadlinePassed),
            Just(CaseAction::Approve),
            Just(CaseAction::Reject),
        ]
    }

    proptest! {
        #[test]
        fn no_sequence_of_steps_reopens_a_closed_case_or_loses_its_handler(
            steps in proptest::collection::vec((any_action(), any_party(), 0i64..30), 0..40)
        ) {
            let mut case = Case::new();
            let start = datetime!(2026-11-21 10:00 UTC);
            for (action, by, day) in steps {
                let before = case.clone();
                let at = start + time::Duration::days(day);
                match case.step(&action, by.clone(), at, " note ") {
                    Ok(told) => {
                        prop_assert!(!before.state.is_closed(), "a closed case moved: {before:?}");
                        prop_assert_eq!(case.history.len(), before.history.len() + 1);
                        prop_assert_eq!(told, by != Party::Applicant);
                        let event = case.history.last().unwrap();
                        prop_assert_eq!(event.from, before.state.name());
                        prop_assert_eq!(event.to, case.state.name());
                        prop_assert_eq!(event.comment.as_str(), "note");
                        // Holding states always name a handler; others never do.
                        let holds = matches!(
                            case.state.name(),
                            StateName::InProgress | StateName::Waiting
                        );
                        prop_assert_eq!(case.state.handler().is_some(), holds);
                    }
                    Err(_) => prop_assert_eq!(&case, &before, "a refusal changed the case"),
                }
            }
        }
    }

    #[test]
    fn a_states_stored_name_is_its_wire_name() {
        for state in [
            StateName::Draft,
            StateName::Submitted,
            StateName::Consenting,
            StateName::InProgress,
            StateName::Waiting,
            StateName::Approved,
            StateName::Rejected,
            StateName::Cancelled,
            StateName::Declined,
        ] {
            assert_eq!(
                serde_json::to_string(&state).unwrap(),
                format!("\"{}\"", state.as_str())
            );
        }
        assert_eq!(StateName::InProgress.as_str(), "in_progress");
    }
}
