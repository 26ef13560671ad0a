//! A producer's work: its approved services and prices, the vouchers it has linked by their
//! numbers, its service events (idempotent, never below the balance, correctable), replies
//! to feedback, and the guard against guessing voucher numbers. Every function takes the
//! producer's id and touches only that producer's rows.

use super::offers::is_current_price;
use super::on_behalf::Statement;
use super::vouchers::{VoucherRow, VOUCHER_COLUMNS};
use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{
    FeedbackReplyView, ProducerEvent, ProducerFeedback, ProducerService, ProducerVoucher,
    UpcomingPrice,
};
use seteli_domain::catalogue::{ProducerId, Unit};
use seteli_domain::lang::Localized;
use seteli_domain::{Cents, Lang, MunicipalityCode, ServiceCode};

fn money(c: i64, table: &str, column: &str) -> Result<Cents, DbError> {
    Cents::new(c).map_err(|_| DbError::bad_row(table, column))
}

#[derive(Deserialize)]
struct ServiceRow {
    municipality_code: String,
    municipality_fi: String,
    municipality_sv: String,
    service_code: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    unit: String,
}

#[derive(Deserialize)]
struct PriceRow {
    municipality_code: String,
    service_code: String,
    valid_from: String,
    price_cents: i64,
}

/// The producer's approved services with the price valid `today` and later prices.
pub async fn services_of(
    db: &impl Database,
    producer: ProducerId,
    today: &str,
    lang: Lang,
) -> Result<Vec<ProducerService>, DbError> {
    let services: Vec<ServiceRow> = db
        .query(
            "SELECT a.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
                    a.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en, s.unit
             FROM approvals a
             JOIN municipalities m ON m.code = a.municipality_code
             JOIN services s ON s.code = a.service_code
             WHERE a.producer_id = ?1 AND a.status = 'approved'
             ORDER BY m.name_fi, s.sort_order",
            &[SqlValue::Int(producer.0)],
        )
        .await?;
    let prices: Vec<PriceRow> = db
        .query(
            &format!(
                "SELECT o.municipality_code, o.service_code, o.valid_from, o.price_cents FROM offers o
                 WHERE o.producer_id = ?1 AND ({} OR o.valid_from > ?2)
                 ORDER BY o.valid_from",
                is_current_price("?2")
            ),
            &[SqlValue::Int(producer.0), today.into()],
        )
        .await?;
    let bad = |column| DbError::bad_row("approvals", column);
    services
        .into_iter()
        .map(|s| {
            let same = |p: &&PriceRow| {
                p.municipality_code == s.municipality_code && p.service_code == s.service_code
            };
            let current = prices
                .iter()
                .filter(same)
                .find(|p| p.valid_from.as_str() <= today);
            let upcoming = prices
                .iter()
                .filter(same)
                .filter(|p| p.valid_from.as_str() > today)
                .map(|p| {
                    Ok(UpcomingPrice {
                        valid_from: p.valid_from.clone(),
                        price_cents: money(p.price_cents, "offers", "price_cents")?,
                    })
                })
                .collect::<Result<Vec<_>, DbError>>()?;
            Ok(ProducerService {
                municipality_code: MunicipalityCode::parse(&s.municipality_code)
                    .map_err(|_| bad("municipality_code"))?,
                municipality_name: Localized {
                    fi: s.municipality_fi,
                    sv: s.municipality_sv,
                    en: None,
                }
                .get(lang)
                .to_owned(),
                service_code: ServiceCode::parse(&s.service_code)
                    .map_err(|_| bad("service_code"))?,
                service_name: Localized {
                    fi: s.service_fi,
                    sv: s.service_sv,
                    en: Some(s.service_en),
                }
                .get(lang)
                .to_owned(),
                unit: Unit::parse(&s.unit).ok_or_else(|| bad("unit"))?,
                price_cents: current
                    .map(|p| money(p.price_cents, "offers", "price_cents"))
                    .transpose()?,
                price_valid_from: current.map(|p| p.valid_from.clone()),
                upcoming,
            })
        })
        .collect()
}

/// Sets the price of an approved service from `valid_from` on (replacing a price already
/// set for that day). `false` when the producer is not approved for it.
pub async fn set_price(
    db: &impl Database,
    producer: ProducerId,
    municipality: &str,
    service: &str,
    valid_from: &str,
    price: Cents,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "INSERT INTO offers (producer_id, municipality_code, service_code, valid_from, unit, price_cents)
             SELECT a.producer_id, a.municipality_code, a.service_code, ?4, s.unit, ?5
             FROM approvals a JOIN services s ON s.code = a.service_code
             WHERE a.producer_id = ?1 AND a.municipality_code = ?2 AND a.service_code = ?3
               AND a.status = 'approved'
             ON CONFLICT (municipality_code, service_code, producer_id, valid_from)
             DO UPDATE SET price_cents = excluded.price_cents",
            &[
                SqlValue::Int(producer.0),
                municipality.into(),
                service.into(),
                valid_from.into(),
                SqlValue::Int(price.get()),
            ],
        )
        .await?;
    Ok(changed > 0)
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

/// The voucher with this number (normalised, no spaces), if any.
pub async fn voucher_by_number(db: &impl Database, number: &str) -> Result<Option<i64>, DbError> {
    let rows: Vec<IdRow> = db
        .query(
            "SELECT id FROM vouchers WHERE number = ?1",
            &[number.into()],
        )
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// Whether the producer may link the voucher and serve under it: the voucher is active and
/// its validity has not ended by `today`, and the producer is approved for its service in
/// its municipality.
pub async fn may_serve(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: i64,
    today: &str,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow> = db
        .query(
            "SELECT v.id FROM vouchers v
             JOIN approvals a ON a.municipality_code = v.municipality_code
                             AND a.service_code = v.service_code
             WHERE v.id = ?1 AND a.producer_id = ?2 AND a.status = 'approved'
               AND v.status = 'active' AND v.valid_until >= ?3",
            &[
                SqlValue::Int(voucher_id),
                SqlValue::Int(producer.0),
                today.into(),
            ],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Counts one voucher number entered by the person `actor_key`, as wrong until
/// [`link_voucher`] marks it found — unless they already entered `allowed` wrong numbers
/// since `since`: then nothing is recorded and `None` is returned. One statement does both,
/// so parallel requests cannot all pass the check before any is counted. Entries older
/// than `since` are forgotten.
pub async fn begin_lookup(
    db: &impl Database,
    actor_key: &str,
    at: i64,
    since: i64,
    allowed: i64,
) -> Result<Option<i64>, DbError> {
    db.execute(
        "DELETE FROM voucher_lookups WHERE at < ?1",
        &[SqlValue::Int(since)],
    )
    .await?;
    let rows: Vec<IdRow> = db
        .query(
            "INSERT INTO voucher_lookups (actor_key, at, found)
             SELECT ?1, ?2, 0
             WHERE (SELECT COUNT(*) FROM voucher_lookups
                    WHERE actor_key = ?1 AND at >= ?3 AND found = 0) < ?4
             RETURNING id",
            &[
                actor_key.into(),
                SqlValue::Int(at),
                SqlValue::Int(since),
                SqlValue::Int(allowed),
            ],
        )
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// The producer's price per unit for the voucher's service and municipality on
/// `service_date` (the offer with the latest start on or before it), if the producer is
/// approved for it.
pub async fn price_on(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: i64,
    service_date: &str,
) -> Result<Option<Cents>, DbError> {
    #[derive(Deserialize)]
    struct PriceOnRow {
        price_cents: i64,
    }
    let rows: Vec<PriceOnRow> = db
        .query(
            &format!(
                "SELECT o.price_cents FROM vouchers v
                 JOIN approvals a ON a.producer_id = ?1 AND a.municipality_code = v.municipality_code
                                 AND a.service_code = v.service_code AND a.status = 'approved'
                 JOIN offers o ON o.producer_id = ?1 AND o.municipality_code = v.municipality_code
                              AND o.service_code = v.service_code
                 WHERE v.id = ?2 AND {}",
                is_current_price("?3")
            ),
            &[
                SqlValue::Int(producer.0),
                SqlValue::Int(voucher_id),
                service_date.into(),
            ],
        )
        .await?;
    rows.first()
        .map(|r| money(r.price_cents, "offers", "price_cents"))
        .transpose()
}

/// The request hash stored with the producer's submission `key`: `None` when there is no
/// such submission or it was stored before hashes were kept.
pub async fn submission_hash(
    db: &impl Database,
    producer: ProducerId,
    key: &str,
) -> Result<Option<String>, DbError> {
    #[derive(Deserialize)]
    struct HashRow {
        request_hash: Option<String>,
    }
    let rows: Vec<HashRow> = db
        .query(
            "SELECT request_hash FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?2",
            &[SqlValue::Int(producer.0), key.into()],
        )
        .await?;
    Ok(rows.into_iter().next().and_then(|r| r.request_hash))
}

/// Who did something to a customer's data for the producer, for [`log_statement`].
pub struct Actor<'a> {
    pub name: &'a str,
    /// SHA-256 of the person's identity code.
    pub key: &'a str,
    pub at: &'a str,
}

/// The statement that logs `action` on `voucher_id` (and `event`, or the event of the
/// submission `key` when `event` is `None` and a key is given).
pub fn log_statement(
    producer: ProducerId,
    actor: &Actor<'_>,
    voucher_id: i64,
    event: EventRef<'_>,
    action: &'static str,
) -> Statement {
    // ?7 is the event: none, its id, or the key it was stored under in the same batch.
    let (sql, event_value) = match event {
        EventRef::None => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            SqlValue::Null,
        ),
        EventRef::Id(id) => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            SqlValue::Int(id),
        ),
        EventRef::Submission(key) => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                     (SELECT event_id FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?7))",
            SqlValue::Text(key.to_owned()),
        ),
    };
    (
        sql,
        vec![
            SqlValue::Int(producer.0),
            actor.at.into(),
            actor.name.into(),
            actor.key.into(),
            SqlValue::Int(voucher_id),
            action.into(),
            event_value,
        ],
    )
}

/// Which event a log line is about.
#[derive(Clone, Copy)]
pub enum EventRef<'a> {
    None,
    Id(i64),
    /// The event stored in the same batch under this idempotency key.
    Submission(&'a str),
}

/// Links the voucher to the producer (if not linked yet), marks the lookup `attempt` (from
/// [`begin_lookup`]) found, and logs it, in one batch.
pub async fn link_voucher(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: i64,
    attempt: i64,
    actor: &Actor<'_>,
) -> Result<(), DbError> {
    db.batch(&[
        (
            "UPDATE voucher_lookups SET found = 1 WHERE id = ?1",
            vec![SqlValue::Int(attempt)],
        ),
        (
            "INSERT INTO producer_vouchers (producer_id, voucher_id, linked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (producer_id, voucher_id) DO NOTHING",
            vec![
                SqlValue::Int(producer.0),
                SqlValue::Int(voucher_id),
                actor.at.into(),
            ],
        ),
        log_statement(producer, actor, voucher_id, EventRef::None, "link_voucher"),
    ])
    .await
}

const LINKED_VOUCHERS: &str = "
    JOIN producer_vouchers pv ON pv.voucher_id = v.id AND pv.producer_id = ?1
    JOIN customers c ON c.id = v.customer_id";

#[derive(Deserialize)]
struct CurrentPriceRow {
    voucher_id: i64,
    price_cents: i64,
}

/// The producer's price today for each linked voucher's service and municipality, if the
/// producer is approved for it.
async fn prices_for_vouchers(
    db: &impl Database,
    producer: ProducerId,
    today: &str,
    voucher: Option<i64>,
) -> Result<Vec<CurrentPriceRow>, DbError> {
    db.query(
        &format!(
            "SELECT v.id AS voucher_id, o.price_cents FROM vouchers v
             JOIN producer_vouchers pv ON pv.voucher_id = v.id AND pv.producer_id = ?1
             JOIN approvals a ON a.producer_id = ?1 AND a.municipality_code = v.municipality_code
                             AND a.service_code = v.service_code AND a.status = 'approved'
             JOIN offers o ON o.producer_id = ?1 AND o.municipality_code = v.municipality_code
                          AND o.service_code = v.service_code
             WHERE {} AND (?3 IS NULL OR v.id = ?3)",
            is_current_price("?2")
        ),
        &[
            SqlValue::Int(producer.0),
            today.into(),
            voucher.map_or(SqlValue::Null, SqlValue::Int),
        ],
    )
    .await
}

/// The vouchers linked to the producer (or just `only`), newest link first.
pub async fn linked_vouchers(
    db: &impl Database,
    producer: ProducerId,
    only: Option<i64>,
    today: &str,
    lang: Lang,
) -> Result<Vec<ProducerVoucher>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!(
                "SELECT c.given_name AS customer_given_name, c.family_name AS customer_family_name,
                        {VOUCHER_COLUMNS} {LINKED_VOUCHERS}
                 WHERE (?2 IS NULL OR v.id = ?2)
                 ORDER BY pv.linked_at DESC, v.id DESC"
            ),
            &[
                SqlValue::Int(producer.0),
                only.map_or(SqlValue::Null, SqlValue::Int),
            ],
        )
        .await?;
    let prices = prices_for_vouchers(db, producer, today, only).await?;
    rows.into_iter()
        .map(|row| {
            let id = row.id();
            let price = prices
                .iter()
                .find(|p| p.voucher_id == id)
                .map(|p| money(p.price_cents, "offers", "price_cents"))
                .transpose()?;
            row.into_producer_view(lang, today, price)
        })
        .collect()
}

#[derive(Deserialize)]
struct EventRow {
    id: i64,
    voucher_id: i64,
    customer_given_name: String,
    customer_family_name: String,
    service_date: String,
    description: String,
    units_x100: i64,
    unit: String,
    unit_price_cents: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
    status: String,
    created_at: String,
    corrects: Option<i64>,
    window_from: String,
}

const EVENT_SELECT: &str = "
    SELECT e.id, e.voucher_id, c.given_name AS customer_given_name, c.family_name AS customer_family_name,
           e.service_date, e.description, e.units_x100, v.unit, e.unit_price_cents, e.voucher_share_cents,
           e.own_share_cents, e.status, e.created_at, e.corrects,
           COALESCE(e.window_from, substr(e.created_at, 1, 10)) AS window_from
    FROM service_events e
    JOIN vouchers v ON v.id = e.voucher_id
    JOIN customers c ON c.id = v.customer_id";

fn event_dto(r: EventRow, today: time::Date) -> Result<ProducerEvent, DbError> {
    // The window counts from the day the original event was logged.
    let logged_on = time::Date::parse(
        &r.window_from,
        &time::format_description::well_known::Iso8601::DATE,
    )
    .ok();
    Ok(ProducerEvent {
        correctable: r.status == "recorded"
            && logged_on.is_some_and(|d| seteli_domain::producer::correctable(d, today)),
        id: r.id,
        voucher_id: r.voucher_id,
        customer_given_name: r.customer_given_name,
        customer_family_name: r.customer_family_name,
        service_date: r.service_date,
        description: r.description,
        units_x100: r.units_x100,
        unit: Unit::parse(&r.unit).ok_or_else(|| DbError::bad_row("vouchers", "unit"))?,
        unit_price_cents: money(r.unit_price_cents, "service_events", "unit_price_cents")?,
        voucher_share_cents: money(
            r.voucher_share_cents,
            "service_events",
            "voucher_share_cents",
        )?,
        own_share_cents: money(r.own_share_cents, "service_events", "own_share_cents")?,
        status: r.status,
        created_at: r.created_at,
        corrects: r.corrects,
    })
}

/// Which of the producer's events to list.
pub enum EventFilter<'a> {
    /// The latest `n`.
    Latest(i64),
    /// All under one voucher.
    Voucher(i64),
    /// The one with this id.
    Id(i64),
    /// The one stored under this idempotency key.
    Key(&'a str),
}

/// The producer's own events, newest first.
pub async fn events(
    db: &impl Database,
    producer: ProducerId,
    filter: EventFilter<'_>,
    today: time::Date,
) -> Result<Vec<ProducerEvent>, DbError> {
    let (condition, value, limit) = match filter {
        EventFilter::Latest(n) => ("?2 IS NOT NULL", SqlValue::Int(0), n),
        EventFilter::Voucher(id) => ("e.voucher_id = ?2", SqlValue::Int(id), 1000),
        EventFilter::Id(id) => ("e.id = ?2", SqlValue::Int(id), 1),
        EventFilter::Key(key) => (
            "e.id = (SELECT event_id FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?2)",
            SqlValue::Text(key.to_owned()),
            1,
        ),
    };
    let rows: Vec<EventRow> = db
        .query(
            &format!(
                "{EVENT_SELECT} WHERE e.producer_id = ?1 AND {condition}
                 ORDER BY e.service_date DESC, e.id DESC LIMIT ?3"
            ),
            &[SqlValue::Int(producer.0), value, SqlValue::Int(limit)],
        )
        .await?;
    rows.into_iter().map(|r| event_dto(r, today)).collect()
}

/// A service event to store, already validated and priced.
pub struct EventRecord<'a> {
    pub producer: ProducerId,
    pub voucher_id: i64,
    pub idempotency_key: &'a str,
    /// What the submission asked for, to tell a retry from a key reused for another request.
    pub request_hash: &'a str,
    pub service_date: &'a str,
    pub description: &'a str,
    pub units_x100: i64,
    pub unit_price: Cents,
    pub voucher_share: Cents,
    pub own_share: Cents,
    /// For a correction: the event it replaces (cancelled in the same batch) and that
    /// event's voucher share, which returns to the balance.
    pub corrects: Option<(i64, Cents)>,
}

/// How storing an event ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new event.
    New,
    /// This key was used before: nothing new was stored.
    Duplicate,
    /// The voucher's balance does not cover the voucher share: nothing was stored.
    InsufficientBalance,
    /// The event to correct is no longer `recorded`: nothing was stored.
    AlreadyCancelled,
}

/// Stores an event atomically: the balance goes down by the voucher share (the table's
/// CHECK keeps it at zero or above, so concurrent submissions cannot overdraw it), the event
/// and its idempotency key are stored, and the log line written; a correction also cancels
/// the original and returns its share in the same batch.
pub async fn store_event(
    db: &impl Database,
    e: &EventRecord<'_>,
    actor: &Actor<'_>,
) -> Result<Stored, DbError> {
    let mut statements: Vec<Statement> = Vec::new();
    let action = if let Some((original, share)) = e.corrects {
        statements.push(cancel_statement(e.producer, original, actor.at));
        statements.push(restore_statement(e.voucher_id, share));
        "correct_event"
    } else {
        "log_event"
    };
    statements.push((
        "UPDATE vouchers SET balance_cents = balance_cents - ?2 WHERE id = ?1",
        vec![
            SqlValue::Int(e.voucher_id),
            SqlValue::Int(e.voucher_share.get()),
        ],
    ));
    statements.push((
        "INSERT INTO service_events (voucher_id, producer_id, service_date, description, units_x100,
                                     unit_price_cents, voucher_share_cents, own_share_cents, created_at, corrects,
                                     window_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                 COALESCE((SELECT COALESCE(o.window_from, substr(o.created_at, 1, 10))
                           FROM service_events o WHERE o.id = ?10),
                          substr(?9, 1, 10)))",
        vec![
            SqlValue::Int(e.voucher_id),
            SqlValue::Int(e.producer.0),
            e.service_date.into(),
            e.description.into(),
            SqlValue::Int(e.units_x100),
            SqlValue::Int(e.unit_price.get()),
            SqlValue::Int(e.voucher_share.get()),
            SqlValue::Int(e.own_share.get()),
            actor.at.into(),
            e.corrects.map_or(SqlValue::Null, |(id, _)| SqlValue::Int(id)),
        ],
    ));
    statements.push((
        "INSERT INTO event_submissions (producer_id, idempotency_key, event_id, request_hash)
         VALUES (?1, ?2, last_insert_rowid(), ?3)",
        vec![
            SqlValue::Int(e.producer.0),
            e.idempotency_key.into(),
            e.request_hash.into(),
        ],
    ));
    statements.push(log_statement(
        e.producer,
        actor,
        e.voucher_id,
        EventRef::Submission(e.idempotency_key),
        action,
    ));
    match db.batch(&statements).await {
        Ok(()) => Ok(Stored::New),
        Err(error) if error.is_unique_violation() => Ok(Stored::Duplicate),
        Err(error) if error.is_check_violation() => {
            // Either the balance or, for a correction, the original's state refused it.
            if let Some((original, _)) = e.corrects {
                if !is_recorded(db, e.producer, original).await? {
                    return Ok(Stored::AlreadyCancelled);
                }
            }
            Ok(Stored::InsufficientBalance)
        }
        Err(error) => Err(error),
    }
}

/// Cancels the producer's recorded event.
fn cancel_statement(producer: ProducerId, event: i64, at: &str) -> Statement {
    (
        "UPDATE service_events SET status = 'cancelled', cancelled_at = ?3
         WHERE id = ?1 AND producer_id = ?2 AND status = 'recorded'",
        vec![SqlValue::Int(event), SqlValue::Int(producer.0), at.into()],
    )
}

/// Returns a cancelled event's share to the balance — only if the statement before it
/// (the cancel) changed a row; otherwise it sets an impossible balance, so that the table's
/// CHECK aborts the whole batch and nothing is returned twice.
fn restore_statement(voucher_id: i64, share: Cents) -> Statement {
    (
        "UPDATE vouchers SET balance_cents = CASE WHEN changes() = 1 THEN balance_cents + ?2 ELSE -1 END
         WHERE id = ?1",
        vec![SqlValue::Int(voucher_id), SqlValue::Int(share.get())],
    )
}

async fn is_recorded(
    db: &impl Database,
    producer: ProducerId,
    event: i64,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow> = db
        .query(
            "SELECT id FROM service_events WHERE id = ?1 AND producer_id = ?2 AND status = 'recorded'",
            &[SqlValue::Int(event), SqlValue::Int(producer.0)],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Cancels the producer's event and returns its voucher share to the balance; `false` when
/// it was already cancelled (nothing changes).
pub async fn cancel_event(
    db: &impl Database,
    producer: ProducerId,
    event: &ProducerEvent,
    actor: &Actor<'_>,
) -> Result<bool, DbError> {
    let result = db
        .batch(&[
            cancel_statement(producer, event.id, actor.at),
            restore_statement(event.voucher_id, event.voucher_share_cents),
            log_statement(
                producer,
                actor,
                event.voucher_id,
                EventRef::Id(event.id),
                "cancel_event",
            ),
        ])
        .await;
    match result {
        Ok(()) => Ok(true),
        Err(error) if error.is_check_violation() => Ok(false),
        Err(error) => Err(error),
    }
}

#[derive(Deserialize)]
struct ProducerFeedbackRow {
    id: i64,
    customer_given_name: String,
    voucher_id: Option<i64>,
    event_id: Option<i64>,
    body: String,
    created_at: String,
    reply_body: Option<String>,
    reply_created_at: Option<String>,
}

/// Feedback addressed to the producer, newest first, with its reply if any.
pub async fn feedback_of(
    db: &impl Database,
    producer: ProducerId,
    only: Option<i64>,
) -> Result<Vec<ProducerFeedback>, DbError> {
    let rows: Vec<ProducerFeedbackRow> = db
        .query(
            "SELECT f.id, c.given_name AS customer_given_name, f.voucher_id, f.event_id, f.body, f.created_at,
                    r.body AS reply_body, r.created_at AS reply_created_at
             FROM feedback f
             JOIN customers c ON c.id = f.customer_id
             LEFT JOIN feedback_replies r ON r.id = (
                 SELECT MAX(r2.id) FROM feedback_replies r2 WHERE r2.feedback_id = f.id)
             WHERE f.producer_id = ?1 AND (?2 IS NULL OR f.id = ?2)
             ORDER BY f.created_at DESC, f.id DESC LIMIT 500",
            &[
                SqlValue::Int(producer.0),
                only.map_or(SqlValue::Null, SqlValue::Int),
            ],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ProducerFeedback {
            reply: match (r.reply_body, r.reply_created_at) {
                (Some(body), Some(created_at)) => Some(FeedbackReplyView { body, created_at }),
                _ => None,
            },
            id: r.id,
            customer_given_name: r.customer_given_name,
            voucher_id: r.voucher_id,
            event_id: r.event_id,
            body: r.body,
            created_at: r.created_at,
        })
        .collect())
}

/// Stores the producer's reply to its own feedback, unless it already has one; `false`
/// when nothing was stored.
pub async fn insert_reply(
    db: &impl Database,
    producer: ProducerId,
    feedback: i64,
    body: &str,
    at: &str,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "INSERT INTO feedback_replies (feedback_id, producer_id, body, created_at)
             SELECT f.id, f.producer_id, ?3, ?4 FROM feedback f
             WHERE f.id = ?1 AND f.producer_id = ?2
               AND NOT EXISTS (SELECT 1 FROM feedback_replies r WHERE r.feedback_id = f.id)",
            &[
                SqlValue::Int(feedback),
                SqlValue::Int(producer.0),
                body.into(),
                at.into(),
            ],
        )
        .await?;
    Ok(changed == 1)
}
