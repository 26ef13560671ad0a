//! The arithmetic over the real SQL: whatever the order of visits, corrections,
//! cancellations and holds over the months, gathering and confirming each month in turn
//! leaves nothing settled rewritten, and once a quiet month has been settled every confirmed
//! line adds up to the voucher shares of the visits that stand — and what was payable plus
//! the balance still carried over is the same sum.

use super::app;
use proptest::prelude::*;
use seteli_domain::settlement::Month;
use seteli_domain::OrganiserCode;
use seteli_edge::db::settlements::{self as rows, gather::gather, steps, Scope};

/// What can happen to Aurinko's visits between two settlements.
#[derive(Debug, Clone)]
enum Change {
    /// A visit on day `day` of the month being settled (`back` = 0) or one or two before.
    Log { back: u8, day: u8, share: i64 },
    /// Cancels the `n`th visit (modulo their number).
    Cancel(usize),
    /// Corrects the `n`th visit: cancelled, and a new one on its day in its place.
    Correct(usize, i64),
    /// Holds the `n`th line of the draft.
    Hold(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0u8..3, 1u8..29, 1i64..50_000).prop_map(|(back, day, share)| Change::Log { back, day, share }),
        1 => any::<usize>().prop_map(Change::Cancel),
        1 => (any::<usize>(), 1i64..50_000).prop_map(|(n, share)| Change::Correct(n, share)),
        1 => any::<usize>().prop_map(Change::Hold),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn confirmed_settlements_add_up_to_the_shares_of_the_visits_that_stand(
        months in proptest::collection::vec(proptest::collection::vec(change(), 0..6), 1..5)
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            let app = app();
            let db = &app.ctx.db;
            let organiser = OrganiserCode::parse("ita-uusimaa").unwrap();
            let mut month = Month::parse("2026-01").unwrap();
            let mut next_id = 1i64;
            let mut visits: Vec<(i64, String)> = Vec::new();
            let quiet = vec![Vec::new()];
            for changes in months.iter().chain(&quiet) {
                let mut holds = Vec::new();
                for change in changes {
                    match *change {
                        Change::Log { back, day, share } => {
                            let day_of = (0..back).fold(month, |m, _| m.previous());
                            let date = format!("{day_of}-{day:02}");
                            super::visit(&app, next_id, 10, &date, share);
                            visits.push((next_id, date));
                            next_id += 1;
                        }
                        Change::Cancel(n) if !visits.is_empty() => {
                            let (id, _) = &visits[n % visits.len()];
                            app.sql(&format!("UPDATE service_events SET status = 'cancelled', cancelled_at = 'x' WHERE id = {id};"));
                        }
                        Change::Correct(n, share) if !visits.is_empty() => {
                            let (id, date) = visits[n % visits.len()].clone();
                            if app.count(&format!("SELECT COUNT(*) FROM service_events WHERE id = {id} AND status = 'recorded'")) == 1 {
                                app.sql(&format!("UPDATE service_events SET status = 'cancelled', cancelled_at = 'x' WHERE id = {id};"));
                                super::visit(&app, next_id, 10, &date, share);
                                visits.push((next_id, date));
                                next_id += 1;
                            }
                        }
                        Change::Hold(n) => holds.push(n),
                        _ => {}
                    }
                }
                gather(db, &organiser, month, None, "t").await.unwrap();
                let drafts = rows::of_month(db, &organiser, month).await.unwrap();
                for draft in &drafts {
                    let lines = rows::lines(db, draft.id).await.unwrap();
                    for n in &holds {
                        if !lines.is_empty() && *n % 2 == 0 {
                            let line = &lines[n % lines.len()];
                            if !line.kind.is_adjustment() {
                                let _ = steps::hold(db, draft, line.event_id, "kiistetty", "T", "t").await.unwrap();
                            }
                        }
                    }
                    let row = rows::find(db, Scope::Organiser(&organiser), draft.id).await.unwrap().unwrap();
                    prop_assert_eq!(steps::confirm(db, &row, "T", "t").await.unwrap(), Ok(()));
                }
                month = month.next();
            }
            // Nothing settled is a draft any more, and the quiet month held nothing back.
            prop_assert_eq!(app.count("SELECT COUNT(*) FROM settlements WHERE state = 'draft'"), 0);
            let standing = app.count("SELECT COALESCE(SUM(voucher_share_cents), 0) FROM service_events WHERE status = 'recorded'");
            let confirmed = app.count("SELECT COALESCE(SUM(amount_cents), 0) FROM settlement_lines");
            prop_assert_eq!(confirmed, standing);
            let paid = app.count("SELECT COALESCE(SUM(payable_cents), 0) FROM settlements");
            let carried = app.count("SELECT COALESCE((SELECT carried_out_cents FROM settlements ORDER BY month DESC LIMIT 1), 0)");
            prop_assert_eq!(paid + carried, standing);
            Ok(())
        })?;
    }
}
