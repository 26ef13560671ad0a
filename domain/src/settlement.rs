//! Paying producers: the monthly settlement per organiser × producer × month, in integer
//! cents. Nothing settled is ever rewritten: a settlement is the difference between what
//! each event should have earned by now (its voucher share, or nothing once cancelled) and
//! what confirmed settlements already paid for it. A visit of the month is a line of its
//! own; one logged after its month was settled is a late line; a settled visit corrected
//! or cancelled later is an adjustment (positive or negative) in the next open settlement.
//! A settlement whose sum is negative is never paid as negative: it carries over.

use crate::ids::EventId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, Month as CalendarMonth};

/// A calendar month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    month: CalendarMonth,
}

impl Month {
    /// The month `date` is in.
    pub fn of(date: Date) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parses `YYYY-MM` (years 2000–2999).
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4
            || month.len() != 2
            || !(year.bytes().chain(month.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        if !(2000..=2999).contains(&year) {
            return None;
        }
        Some(Self {
            year,
            month: CalendarMonth::try_from(month).ok()?,
        })
    }

    pub fn first_day(self) -> Date {
        // Day 1 exists in every month of a valid year.
        Date::from_calendar_date(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    pub fn last_day(self) -> Date {
        self.next().first_day().previous_day().unwrap_or(Date::MIN)
    }

    pub fn next(self) -> Self {
        let month = self.month.next();
        let year = if month == CalendarMonth::January {
            self.year + 1
        } else {
            self.year
        };
        Self { year, month }
    }

    pub fn previous(self) -> Self {
        let month = self.month.previous();
        let year = if month == CalendarMonth::December {
            self.year - 1
        } else {
            self.year
        };
        Self { year, month }
    }

    pub fn contains(self, date: Date) -> bool {
        Self::of(date) == self
    }

    /// How many months `later` is after this one (negative when it is before).
    pub fn months_to(self, later: Month) -> i32 {
        (later.year - self.year) * 12 + i32::from(u8::from(later.month))
            - i32::from(u8::from(self.month))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, u8::from(self.month))
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Month::parse(&text).ok_or_else(|| format!("not a month (YYYY-MM): {text}"))
    }
}

/// The month a settlement gathered on `today` is for: the previous month once the cut-off
/// day has come (`cutoff_day` of 1–28), otherwise the month before that is the latest.
pub fn month_to_gather(today: Date, cutoff_day: u8) -> Month {
    let this = Month::of(today);
    if today.day() >= cutoff_day {
        this.previous()
    } else {
        this.previous().previous()
    }
}

/// The default cut-off day: the month before is gathered on the 5th.
pub const DEFAULT_CUTOFF_DAY: u8 = 5;

/// A cut-off day a municipality may choose: 1–28, so that every month has it.
pub fn valid_cutoff_day(day: u8) -> bool {
    (1..=28).contains(&day)
}

/// An event as settlement sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventFacts {
    pub id: EventId,
    pub service_date: Date,
    /// The voucher's share of the event, in cents (≥ 0).
    pub share_cents: i64,
    /// Recorded, not cancelled (a corrected event is cancelled; its correction is an
    /// event of its own).
    pub live: bool,
}

impl EventFacts {
    /// What the event should have earned the producer by now.
    pub fn due_cents(&self) -> i64 {
        if self.live {
            self.share_cents
        } else {
            0
        }
    }
}

/// Why a line is in a settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A visit of the settlement's month.
    Event,
    /// A visit of an earlier month not settled before (logged late, or held then).
    Late,
    /// A settled visit cancelled (or corrected: the correction is a line of its own) since.
    Cancelled,
    /// A settled visit whose share changed since.
    Changed,
}

impl LineKind {
    pub const ALL: [LineKind; 4] = [
        LineKind::Event,
        LineKind::Late,
        LineKind::Cancelled,
        LineKind::Changed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Event => "event",
            LineKind::Late => "late",
            LineKind::Cancelled => "cancelled",
            LineKind::Changed => "changed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether the line adjusts what an earlier settlement paid.
    pub fn is_adjustment(self) -> bool {
        matches!(self, LineKind::Cancelled | LineKind::Changed)
    }
}

/// One line of a settlement: an event and the amount it adds (negative for an adjustment
/// that takes back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedLine {
    pub event: EventId,
    pub kind: LineKind,
    pub amount_cents: i64,
}

/// The lines of the settlement for `month`: every event up to the month's end whose due
/// differs from what confirmed settlements paid for it (`settled`: the sum of its lines in
/// them), except the `held` ones (disputed: they wait for the next month). Events after
/// the month are left for their own month.
pub fn plan(
    month: Month,
    events: &[EventFacts],
    settled: &BTreeMap<EventId, i64>,
    held: &BTreeSet<EventId>,
) -> Vec<PlannedLine> {
    let last = month.last_day();
    events
        .iter()
        .filter(|e| e.service_date <= last && !held.contains(&e.id))
        .filter_map(|e| {
            let paid = settled.get(&e.id).copied();
            let amount_cents = e.due_cents() - paid.unwrap_or(0);
            if amount_cents == 0 {
                return None;
            }
            let kind = match paid {
                None if month.contains(e.service_date) => LineKind::Event,
                None => LineKind::Late,
                Some(_) if !e.live => LineKind::Cancelled,
                Some(_) => LineKind::Changed,
            };
            Some(PlannedLine {
                event: e.id,
                kind,
                amount_cents,
            })
        })
        .collect()
}

/// A settlement's sums, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// The month's visits and late ones.
    pub events_cents: i64,
    /// Adjustments to earlier settlements (usually negative).
    pub adjustments_cents: i64,
    /// A negative balance carried in from the producer's previous settlement (≤ 0).
    pub carried_in_cents: i64,
    /// What is paid: the sum with the carried balance, never below zero.
    pub payable_cents: i64,
    /// What carries over to the next settlement when the sum is negative (≤ 0).
    pub carried_out_cents: i64,
}

/// The sums of `lines`, with `carried_in_cents` (≤ 0; anything positive counts as 0) from
/// the producer's previous settlement.
pub fn totals(lines: &[PlannedLine], carried_in_cents: i64) -> Totals {
    let (adjustments, events): (Vec<_>, Vec<_>) =
        lines.iter().partition(|l| l.kind.is_adjustment());
    let sum = |ls: &[&PlannedLine]| ls.iter().map(|l| l.amount_cents).sum::<i64>();
    let events_cents = sum(&events);
    let adjustments_cents = sum(&adjustments);
    let carried_in_cents = carried_in_cents.min(0);
    let net = events_cents + adjustments_cents + carried_in_cents;
    Totals {
        events_cents,
        adjustments_cents,
        carried_in_cents,
        payable_cents: net.max(0),
        carried_out_cents: net.min(0),
    }
}

/// Where a producer's bank account entry stands: waiting for an organiser's finance, in
/// effect, rejected, or replaced by a newer one (waiting or in effect).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Pending,
    Confirmed,
    Rejected,
    Replaced,
}

impl AccountStatus {
    /// The name stored in `producer_accounts.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Pending => "pending",
            AccountStatus::Confirmed => "confirmed",
            AccountStatus::Rejected => "rejected",
            AccountStatus::Replaced => "replaced",
        }
    }
}

/// The state of a settlement: gathered as a draft, confirmed by finance (its lines are
/// then what was settled), paid on a date with the bank's reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettlementState {
    Draft,
    Confirmed,
    Paid,
}

impl SettlementState {
    pub fn as_str(self) -> &'static str {
        match self {
            SettlementState::Draft => "draft",
            SettlementState::Confirmed => "confirmed",
            SettlementState::Paid => "paid",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Draft, Self::Confirmed, Self::Paid]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn id(n: i64) -> EventId {
        EventId::parse(&n.to_string()).unwrap()
    }

    #[test]
    fn months_read_and_write_as_year_dash_month() {
        let october = Month::parse("2026-10").unwrap();
        assert_eq!(october.to_string(), "2026-10");
        assert_eq!(october.first_day(), date!(2026 - 10 - 01));
        assert_eq!(october.last_day(), date!(2026 - 10 - 31));
        assert_eq!(
            Month::parse("2028-02").unwrap().last_day(),
            date!(2028 - 02 - 29)
        );
        assert_eq!(
            Month::parse("2026-12").unwrap().next().to_string(),
            "2027-01"
        );
        assert_eq!(
            Month::parse("2027-01").unwrap().previous().to_string(),
            "2026-12"
        );
        for bad in [
            "2026-13", "2026-00", "26-10", "2026-1", "2026/10", "", "1999-12", "2026-1a",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(october.months_to(Month::parse("2027-02").unwrap()), 4);
        assert_eq!(october.months_to(Month::parse("2024-11").unwrap()), -23);
        assert_eq!(october.months_to(october), 0);
        // On the wire a month is its text.
        assert_eq!(serde_json::to_string(&october).unwrap(), "\"2026-10\"");
        assert_eq!(
            serde_json::from_str::<Month>("\"2026-10\"").unwrap(),
            october
        );
        assert!(serde_json::from_str::<Month>("\"2026-13\"").is_err());
    }

    #[test]
    fn kinds_and_states_are_stored_by_name_and_read_back() {
        for kind in LineKind::ALL {
            assert_eq!(LineKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(LineKind::Late.as_str(), "late");
        assert_eq!(LineKind::parse("paid"), None);
        for state in [
            SettlementState::Draft,
            SettlementState::Confirmed,
            SettlementState::Paid,
        ] {
            assert_eq!(SettlementState::parse(state.as_str()), Some(state));
        }
        assert_eq!(SettlementState::Paid.as_str(), "paid");
        assert_eq!(SettlementState::parse("void"), None);
        assert_eq!(AccountStatus::Rejected.as_str(), "rejected");
        assert_eq!(
            serde_json::from_str::<AccountStatus>("\"replaced\"").unwrap(),
            AccountStatus::Replaced
        );
    }

    #[test]
    fn a_settled_visit_whose_share_changed_is_a_change_not_a_cancellation() {
        let november = Month::parse("2026-11").unwrap();
        let settled = BTreeMap::from([(id(1), 5000)]);
        let repriced = [EventFacts {
            id: id(1),
            service_date: date!(2026 - 10 - 03),
            share_cents: 4000,
            live: true,
        }];
        assert_eq!(
            plan(november, &repriced, &settled, &BTreeSet::new()),
            vec![PlannedLine {
                event: id(1),
                kind: LineKind::Changed,
                amount_cents: -1000
            }]
        );
    }

    #[test]
    fn the_month_gathered_is_the_previous_one_from_the_cutoff_day_on() {
        assert_eq!(
            month_to_gather(date!(2026 - 11 - 05), 5).to_string(),
            "2026-10"
        );
        assert_eq!(
            month_to_gather(date!(2026 - 11 - 04), 5).to_string(),
            "2026-09"
        );
        assert_eq!(
            month_to_gather(date!(2027 - 01 - 10), 5).to_string(),
            "2026-12"
        );
        assert!(valid_cutoff_day(28) && !valid_cutoff_day(29) && !valid_cutoff_day(0));
    }

    #[test]
    fn a_cancelled_settled_visit_is_a_negative_adjustment_and_a_late_one_is_late() {
        let october = Month::parse("2026-10").unwrap();
        let november = october.next();
        let settled = BTreeMap::from([(id(1), 5000), (id(2), 3000)]);
        let events = [
            // Settled in October, cancelled in November.
            EventFacts {
                id: id(1),
                service_date: date!(2026 - 10 - 03),
                share_cents: 5000,
                live: false,
            },
            // Settled and unchanged: nothing.
            EventFacts {
                id: id(2),
                service_date: date!(2026 - 10 - 04),
                share_cents: 3000,
                live: true,
            },
            // An October visit logged after October was settled.
            EventFacts {
                id: id(3),
                service_date: date!(2026 - 10 - 30),
                share_cents: 2000,
                live: true,
            },
            // November's own visit, and one cancelled before it was ever settled.
            EventFacts {
                id: id(4),
                service_date: date!(2026 - 11 - 02),
                share_cents: 4000,
                live: true,
            },
            EventFacts {
                id: id(5),
                service_date: date!(2026 - 11 - 03),
                share_cents: 4000,
                live: false,
            },
            // December's: not yet.
            EventFacts {
                id: id(6),
                service_date: date!(2026 - 12 - 01),
                share_cents: 4000,
                live: true,
            },
        ];
        let lines = plan(november, &events, &settled, &BTreeSet::new());
        assert_eq!(
            lines,
            vec![
                PlannedLine {
                    event: id(1),
                    kind: LineKind::Cancelled,
                    amount_cents: -5000
                },
                PlannedLine {
                    event: id(3),
                    kind: LineKind::Late,
                    amount_cents: 2000
                },
                PlannedLine {
                    event: id(4),
                    kind: LineKind::Event,
                    amount_cents: 4000
                },
            ]
        );
        let sums = totals(&lines, 0);
        assert_eq!(
            (
                sums.events_cents,
                sums.adjustments_cents,
                sums.payable_cents
            ),
            (6000, -5000, 1000)
        );
        // A held visit waits.
        let held = BTreeSet::from([id(4)]);
        assert_eq!(plan(november, &events, &settled, &held).len(), 2);
    }

    #[test]
    fn a_negative_settlement_carries_over_and_is_never_paid_as_negative() {
        let take_back = [PlannedLine {
            event: id(1),
            kind: LineKind::Cancelled,
            amount_cents: -5000,
        }];
        let first = totals(&take_back, 0);
        assert_eq!((first.payable_cents, first.carried_out_cents), (0, -5000));
        let next = [PlannedLine {
            event: id(2),
            kind: LineKind::Event,
            amount_cents: 7000,
        }];
        let second = totals(&next, first.carried_out_cents);
        assert_eq!((second.payable_cents, second.carried_out_cents), (2000, 0));
        // A positive "carry" is not a debt.
        assert_eq!(totals(&next, 300).payable_cents, 7000);
    }

    /// What can happen to a producer's visits between two settlements.
    #[derive(Debug, Clone)]
    enum Change {
        /// A visit on day `day` of the month `back` months before the one being settled.
        Log { back: u8, day: u8, share: i64 },
        /// Cancels the `n`th visit (modulo their number).
        Cancel(usize),
        /// Corrects the `n`th visit: it is cancelled and a new one takes its place.
        Correct(usize, i64),
        /// Holds the `n`th visit in this settlement.
        Hold(usize),
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            (0u8..3, 1u8..29, 0i64..100_000).prop_map(|(back, day, share)| Change::Log {
                back,
                day,
                share
            }),
            any::<usize>().prop_map(Change::Cancel),
            (any::<usize>(), 0i64..100_000).prop_map(|(n, share)| Change::Correct(n, share)),
            any::<usize>().prop_map(Change::Hold),
        ]
    }

    proptest! {
        /// Whatever the order of visits, corrections, cancellations and holds over the
        /// months, once a month passes with no change and no hold, everything confirmed
        /// adds up to the voucher shares of the visits that stand; what was paid plus what
        /// still carries over is the same sum.
        #[test]
        fn settlements_and_adjustments_add_up_to_the_shares_of_the_visits_that_stand(
            months in proptest::collection::vec(proptest::collection::vec(change(), 0..8), 1..8)
        ) {
            let mut events: Vec<EventFacts> = Vec::new();
            let mut settled: BTreeMap<EventId, i64> = BTreeMap::new();
            let mut month = Month::parse("2026-01").unwrap();
            let mut carried = 0;
            let mut paid = 0;
            let mut next_id = 1;
            let quiet = vec![Vec::new()];
            for changes in months.iter().chain(&quiet) {
                let mut held = BTreeSet::new();
                for change in changes {
                    match *change {
                        Change::Log { back, day, share } => {
                            let mut m = month;
                            for _ in 0..back { m = m.previous(); }
                            let service_date = Date::from_calendar_date(m.year, m.month, day).unwrap();
                            events.push(EventFacts { id: id(next_id), service_date, share_cents: share, live: true });
                            next_id += 1;
                        }
                        Change::Cancel(n) if !events.is_empty() => {
                            let i = n % events.len();
                            events[i].live = false;
                        }
                        Change::Correct(n, share) if !events.is_empty() => {
                            let i = n % events.len();
                            if events[i].live {
                                events[i].live = false;
                                let service_date = events[i].service_date;
                                events.push(EventFacts { id: id(next_id), service_date, share_cents: share, live: true });
                                next_id += 1;
                            }
                        }
                        Change::Hold(n) if !events.is_empty() => {
                            held.insert(events[n % events.len()].id);
                        }
                        _ => {}
                    }
                }
                let lines = plan(month, &events, &settled, &held);
                // Nothing settled is rewritten: lines only add to what was paid.
                for line in &lines {
                    prop_assert!(line.amount_cents != 0);
                    *settled.entry(line.event).or_insert(0) += line.amount_cents;
                }
                let sums = totals(&lines, carried);
                prop_assert!(sums.payable_cents >= 0 && sums.carried_out_cents <= 0);
                paid += sums.payable_cents;
                carried = sums.carried_out_cents;
                month = month.next();
            }
            let standing: i64 = events.iter().map(EventFacts::due_cents).sum();
            let confirmed: i64 = settled.values().sum();
            prop_assert_eq!(confirmed, standing);
            prop_assert_eq!(paid + carried, standing);
        }
    }
}
