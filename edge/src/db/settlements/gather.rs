//! Gathering a month: for every producer with a visit up to the month's end whose due
//! differs from what confirmed settlements paid for it, the draft settlement of the month
//! is written again from [`seteli_domain::settlement::plan`] (holds kept), in one batch.
//! A producer whose settlement of the month is confirmed already is left alone: what
//! changed since goes to a later month.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use serde_json::json;
use seteli_domain::clock::parse_iso_date;
use seteli_domain::ids::{EventId, ProducerId};
use seteli_domain::settlement::{plan, totals, EventFacts, Month};
use seteli_domain::voucher::EventStatus;
use seteli_domain::OrganiserCode;
use std::collections::{BTreeMap, BTreeSet};

/// How many lines one statement inserts (its JSON stays well under D1's value size).
const LINES_PER_STATEMENT: usize = 5_000;

#[derive(Deserialize)]
struct CandidateRow {
    id: EventId,
    producer_id: ProducerId,
    service_date: String,
    share_cents: i64,
    status: EventStatus,
    settled_cents: i64,
    was_settled: i64,
}

#[derive(Deserialize)]
struct ProducerEventRow {
    producer_id: ProducerId,
    event_id: EventId,
}

#[derive(Deserialize)]
struct ProducerRow {
    producer_id: ProducerId,
}

#[derive(Deserialize)]
struct CarryRow {
    producer_id: ProducerId,
    carried_out_cents: i64,
}

/// What a gathering wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Gathered {
    /// Draft settlements written (or written again).
    pub settlements: usize,
    pub lines: usize,
}

/// Gathers the organiser's drafts of `month` at `at`: every producer's, or `only` one's
/// (after a hold or a release).
pub async fn gather(
    db: &impl Database,
    organiser: &OrganiserCode,
    month: Month,
    only: Option<ProducerId>,
    at: &str,
) -> Result<Gathered, DbError> {
    let code: SqlValue = organiser.as_str().into();
    let month_text: SqlValue = month.to_string().into();
    let only_value = only.map_or(SqlValue::Null, SqlValue::from);
    // Visits up to the month's end whose due is not what confirmed settlements paid.
    let candidates: Vec<CandidateRow> = db
        .query(
            "SELECT * FROM (
                SELECT e.id, e.producer_id, e.service_date, e.voucher_share_cents AS share_cents, e.status,
                       COALESCE((SELECT SUM(l.amount_cents) FROM settlement_lines l
                                 JOIN settlements s ON s.id = l.settlement_id
                                 WHERE l.event_id = e.id AND s.state != 'draft'), 0) AS settled_cents,
                       EXISTS (SELECT 1 FROM settlement_lines l JOIN settlements s ON s.id = l.settlement_id
                               WHERE l.event_id = e.id AND s.state != 'draft') AS was_settled
                FROM service_events e
                JOIN vouchers v ON v.id = e.voucher_id
                JOIN organiser_municipalities om ON om.municipality_code = v.municipality_code
                WHERE om.organiser_code = ?1 AND e.service_date <= ?2
                  AND (?3 IS NULL OR e.producer_id = ?3)
             ) WHERE (CASE status WHEN 'recorded' THEN share_cents ELSE 0 END) != settled_cents
             ORDER BY producer_id, service_date, id",
            &[code.clone(), month.last_day().into(), only_value.clone()],
        )
        .await?;
    let closed: BTreeSet<ProducerId> = producers_where(db, organiser, month, "closed").await?;
    let drafts: BTreeSet<ProducerId> = producers_where(db, organiser, month, "draft").await?;
    let mut held: BTreeMap<ProducerId, BTreeSet<EventId>> = BTreeMap::new();
    let hold_rows: Vec<ProducerEventRow> = db
        .query(
            "SELECT s.producer_id, h.event_id FROM settlement_holds h
             JOIN settlements s ON s.id = h.settlement_id
             WHERE s.organiser_code = ?1 AND s.month = ?2 AND s.state = 'draft'",
            &[code.clone(), month_text.clone()],
        )
        .await?;
    for row in hold_rows {
        held.entry(row.producer_id)
            .or_default()
            .insert(row.event_id);
    }
    // The balance each producer carries from its latest confirmed settlement before.
    let carries: BTreeMap<ProducerId, i64> = db
        .query::<CarryRow>(
            "SELECT s.producer_id, s.carried_out_cents FROM settlements s
             WHERE s.organiser_code = ?1 AND s.state != 'draft' AND s.month = (
                 SELECT MAX(s2.month) FROM settlements s2
                 WHERE s2.organiser_code = s.organiser_code AND s2.producer_id = s.producer_id
                   AND s2.state != 'draft' AND s2.month < ?2)",
            &[code.clone(), month_text.clone()],
        )
        .await?
        .into_iter()
        .map(|r| (r.producer_id, r.carried_out_cents))
        .collect();

    let mut by_producer: BTreeMap<ProducerId, (Vec<EventFacts>, BTreeMap<EventId, i64>)> =
        BTreeMap::new();
    let mut status_of: BTreeMap<EventId, (&str, i64)> = BTreeMap::new();
    for row in &candidates {
        let service_date = parse_iso_date(&row.service_date)
            .ok_or_else(|| DbError::bad_row("service_events", "service_date"))?;
        let (events, settled) = by_producer.entry(row.producer_id).or_default();
        events.push(EventFacts {
            id: row.id,
            service_date,
            share_cents: row.share_cents,
            live: row.status == EventStatus::Recorded,
        });
        if row.was_settled != 0 {
            settled.insert(row.id, row.settled_cents);
        }
        status_of.insert(row.id, (row.status.as_str(), row.share_cents));
    }
    for producer in drafts.iter().filter(|p| only.is_none_or(|o| o == **p)) {
        by_producer.entry(*producer).or_default();
    }
    let no_holds = BTreeSet::new();
    let mut settlements = Vec::new();
    let mut lines = Vec::new();
    for (producer, (events, settled)) in &by_producer {
        if closed.contains(producer) {
            continue;
        }
        let planned = plan(
            month,
            events,
            settled,
            held.get(producer).unwrap_or(&no_holds),
        );
        let sums = totals(&planned, carries.get(producer).copied().unwrap_or(0));
        settlements.push(
            json!({"p": producer.get(), "e": sums.events_cents, "a": sums.adjustments_cents,
            "c": sums.carried_in_cents, "pay": sums.payable_cents, "co": sums.carried_out_cents}),
        );
        for line in planned {
            let (status, share) = status_of
                .get(&line.event)
                .copied()
                .unwrap_or(("recorded", 0));
            lines.push(
                json!({"p": producer.get(), "e": line.event.get(), "k": line.kind.as_str(),
                "a": line.amount_cents, "st": status, "sh": share}),
            );
        }
    }
    let gathered = Gathered {
        settlements: settlements.len(),
        lines: lines.len(),
    };
    let mut statements: Vec<Statement> = vec![
        (
            "INSERT INTO settlements (organiser_code, producer_id, month, gathered_at, events_cents,
                                      adjustments_cents, carried_in_cents, payable_cents, carried_out_cents)
             SELECT ?1, json_extract(j.value, '$.p'), ?2, ?3, json_extract(j.value, '$.e'),
                    json_extract(j.value, '$.a'), json_extract(j.value, '$.c'),
                    json_extract(j.value, '$.pay'), json_extract(j.value, '$.co')
             FROM json_each(?4) j WHERE true
             ON CONFLICT (organiser_code, producer_id, month) DO UPDATE SET
                 gathered_at = excluded.gathered_at, events_cents = excluded.events_cents,
                 adjustments_cents = excluded.adjustments_cents,
                 carried_in_cents = excluded.carried_in_cents, payable_cents = excluded.payable_cents,
                 carried_out_cents = excluded.carried_out_cents
             WHERE settlements.state = 'draft'",
            vec![
                code.clone(),
                month_text.clone(),
                at.into(),
                serde_json::Value::Array(settlements).to_string().into(),
            ],
        ),
        (
            "DELETE FROM settlement_lines WHERE settlement_id IN (
                 SELECT id FROM settlements WHERE organiser_code = ?1 AND month = ?2 AND state = 'draft'
                     AND (?3 IS NULL OR producer_id = ?3))",
            vec![code.clone(), month_text.clone(), only_value.clone()],
        ),
    ];
    // `CROSS JOIN` keeps the lines the outer loop, each finding its settlement by the
    // unique key; the other order reads every line once per settlement.
    for chunk in lines.chunks(LINES_PER_STATEMENT) {
        statements.push((
            "INSERT INTO settlement_lines (settlement_id, event_id, kind, amount_cents, event_status,
                                           event_share_cents)
             SELECT s.id, json_extract(j.value, '$.e'), json_extract(j.value, '$.k'),
                    json_extract(j.value, '$.a'), json_extract(j.value, '$.st'), json_extract(j.value, '$.sh')
             FROM json_each(?3) j
             CROSS JOIN settlements s ON s.organiser_code = ?1 AND s.month = ?2
                               AND s.producer_id = json_extract(j.value, '$.p') AND s.state = 'draft'",
            vec![
                code.clone(),
                month_text.clone(),
                serde_json::Value::Array(chunk.to_vec()).to_string().into(),
            ],
        ));
    }
    // A draft with nothing in it and nothing held is no settlement.
    statements.push((
        "DELETE FROM settlements WHERE organiser_code = ?1 AND month = ?2 AND state = 'draft'
             AND (?3 IS NULL OR producer_id = ?3)
             AND NOT EXISTS (SELECT 1 FROM settlement_lines l WHERE l.settlement_id = settlements.id)
             AND NOT EXISTS (SELECT 1 FROM settlement_holds h WHERE h.settlement_id = settlements.id)",
        vec![code, month_text, only_value],
    ));
    db.batch(&statements).await?;
    Ok(gathered)
}

/// The producers whose settlement of `month` is a draft (`which` = "draft"), or whose
/// settlement of `month` or a later month is confirmed or paid already ("closed": a visit
/// that changes now belongs to a later settlement, and the balance carried over runs
/// through the confirmed months in order).
async fn producers_where(
    db: &impl Database,
    organiser: &OrganiserCode,
    month: Month,
    which: &str,
) -> Result<BTreeSet<ProducerId>, DbError> {
    let rows: Vec<ProducerRow> = db
        .query(
            "SELECT DISTINCT producer_id FROM settlements
             WHERE organiser_code = ?1
               AND ((?3 = 'draft' AND state = 'draft' AND month = ?2)
                    OR (?3 != 'draft' AND state != 'draft' AND month >= ?2))",
            &[
                organiser.as_str().into(),
                month.to_string().into(),
                which.into(),
            ],
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.producer_id).collect())
}

#[derive(Deserialize)]
struct OrganiserRow {
    code: OrganiserCode,
    settlement_cutoff_day: i64,
    settlement_gathered_month: Option<String>,
}

/// The scheduled run on `today`: every organiser whose latest month to gather
/// ([`seteli_domain::settlement::month_to_gather`], by its cut-off day) the run has not
/// gathered yet gets it gathered, once. One organiser's failure does not stop the others
/// (nor the rest of the run): how many organisers' months were gathered, and what failed.
pub async fn gather_due(
    db: &impl Database,
    today: time::Date,
    at: &str,
) -> Result<(usize, Vec<String>), DbError> {
    let organisers: Vec<OrganiserRow> = db
        .query(
            "SELECT code, settlement_cutoff_day, settlement_gathered_month FROM organisers ORDER BY code",
            &[],
        )
        .await?;
    let mut gathered = 0;
    let mut failed = Vec::new();
    for organiser in organisers {
        let cutoff = u8::try_from(organiser.settlement_cutoff_day)
            .unwrap_or(seteli_domain::settlement::DEFAULT_CUTOFF_DAY);
        let month = seteli_domain::settlement::month_to_gather(today, cutoff);
        let done = organiser
            .settlement_gathered_month
            .as_deref()
            .and_then(Month::parse)
            .is_some_and(|done| done >= month);
        if done {
            continue;
        }
        let result = async {
            gather(db, &organiser.code, month, None, at).await?;
            db.execute(
                "UPDATE organisers SET settlement_gathered_month = ?2 WHERE code = ?1",
                &[organiser.code.as_str().into(), month.to_string().into()],
            )
            .await
        }
        .await;
        match result {
            Ok(_) => gathered += 1,
            Err(e) => failed.push(format!(
                "gathering {month} for {} failed: {e:?}",
                organiser.code.as_str()
            )),
        }
    }
    Ok((gathered, failed))
}
