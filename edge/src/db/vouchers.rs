//! Customers' vouchers, their service events, feedback and survey answers. Every function
//! takes the customer's id and reads only that customer's rows: ownership is part of each
//! query, not a check beside it.

use super::on_behalf::Statement;
use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{
    FeedbackReplyView, FeedbackView, ProducerVoucher, ServiceEventView, VoucherProducer,
    VoucherSummary,
};
use seteli_domain::catalogue::{ProducerId, Unit};
use seteli_domain::lang::Localized;
use seteli_domain::voucher::VoucherNumber;
use seteli_domain::{Cents, Lang, MunicipalityCode, ServiceCode};

/// A customer's id in Seteli.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomerId(pub i64);

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

/// The customer with this identity code, if the municipality has made them one.
pub async fn customer_by_hetu(
    db: &impl Database,
    hetu: &str,
) -> Result<Option<CustomerId>, DbError> {
    let rows: Vec<IdRow> = db
        .query("SELECT id FROM customers WHERE hetu = ?1", &[hetu.into()])
        .await?;
    Ok(rows.first().map(|r| CustomerId(r.id)))
}

#[derive(Deserialize)]
pub(crate) struct VoucherRow {
    id: i64,
    number: String,
    service_code: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    municipality_code: String,
    municipality_fi: String,
    municipality_sv: String,
    unit: String,
    unit_value_cents: i64,
    granted_units: Option<i64>,
    granted_cents: i64,
    balance_cents: i64,
    valid_from: String,
    valid_until: String,
    status: String,
    /// Producers' queries add the customer's names (never the identity code).
    #[serde(default)]
    customer_given_name: Option<String>,
    #[serde(default)]
    customer_family_name: Option<String>,
}

/// The columns and joins of [`VoucherRow`]; `v` is the voucher.
pub(crate) const VOUCHER_COLUMNS: &str = "
    v.id, v.number, v.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en,
    v.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, v.unit,
    v.unit_value_cents, v.granted_units, v.granted_cents, v.balance_cents, v.valid_from, v.valid_until, v.status
    FROM vouchers v
    JOIN services s ON s.code = v.service_code
    JOIN municipalities m ON m.code = v.municipality_code";

impl VoucherRow {
    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    /// The voucher as a producer sees it; needs the customer's names in the row.
    pub(crate) fn into_producer_view(
        mut self,
        lang: Lang,
        today: &str,
        price_cents: Option<Cents>,
    ) -> Result<ProducerVoucher, DbError> {
        let given = self.customer_given_name.take();
        let family = self.customer_family_name.take();
        let (Some(customer_given_name), Some(customer_family_name)) = (given, family) else {
            return Err(DbError::bad_row("customers", "given_name"));
        };
        let v = self.into_dto(lang, today)?;
        Ok(ProducerVoucher {
            voucher_id: v.id,
            number: v.number,
            customer_given_name,
            customer_family_name,
            service_code: v.service_code,
            service_name: v.service_name,
            municipality_code: v.municipality_code,
            municipality_name: v.municipality_name,
            unit: v.unit,
            unit_value_cents: v.unit_value_cents,
            balance_cents: v.balance_cents,
            valid_from: v.valid_from,
            valid_until: v.valid_until,
            status: v.status,
            price_cents,
        })
    }

    fn into_dto(self, lang: Lang, today: &str) -> Result<VoucherSummary, DbError> {
        let bad = |column| DbError::bad_row("vouchers", column);
        let service = Localized {
            fi: self.service_fi,
            sv: self.service_sv,
            en: Some(self.service_en),
        };
        let municipality = Localized {
            fi: self.municipality_fi,
            sv: self.municipality_sv,
            en: None,
        };
        // An active voucher whose validity has passed is shown as ended.
        let status = if self.status == "active" && self.valid_until.as_str() < today {
            "ended".to_owned()
        } else {
            self.status
        };
        Ok(VoucherSummary {
            id: self.id,
            number: VoucherNumber::parse(&self.number)
                .map_err(|_| bad("number"))?
                .grouped(),
            service_code: ServiceCode::parse(&self.service_code)
                .map_err(|_| bad("service_code"))?,
            service_name: service.get(lang).to_owned(),
            municipality_code: MunicipalityCode::parse(&self.municipality_code)
                .map_err(|_| bad("municipality_code"))?,
            municipality_name: municipality.get(lang).to_owned(),
            unit: Unit::parse(&self.unit).ok_or_else(|| bad("unit"))?,
            unit_value_cents: Cents::new(self.unit_value_cents)
                .map_err(|_| bad("unit_value_cents"))?,
            granted_units: self.granted_units,
            granted_cents: Cents::new(self.granted_cents).map_err(|_| bad("granted_cents"))?,
            balance_cents: Cents::new(self.balance_cents).map_err(|_| bad("balance_cents"))?,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            status,
        })
    }
}

/// The customer's vouchers: those still valid first, then by validity, newest first.
pub async fn vouchers_of(
    db: &impl Database,
    customer: CustomerId,
    lang: Lang,
    today: &str,
) -> Result<Vec<VoucherSummary>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!(
                "SELECT {VOUCHER_COLUMNS}
                 WHERE v.customer_id = ?1
                 ORDER BY (v.status = 'active' AND v.valid_until >= ?2) DESC, v.valid_until DESC, v.id DESC"
            ),
            &[SqlValue::Int(customer.0), today.into()],
        )
        .await?;
    rows.into_iter().map(|r| r.into_dto(lang, today)).collect()
}

/// One of the customer's vouchers; `None` when it does not exist or is someone else's.
pub async fn voucher_of(
    db: &impl Database,
    customer: CustomerId,
    voucher_id: i64,
    lang: Lang,
    today: &str,
) -> Result<Option<VoucherSummary>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!("SELECT {VOUCHER_COLUMNS} WHERE v.customer_id = ?1 AND v.id = ?2"),
            &[SqlValue::Int(customer.0), SqlValue::Int(voucher_id)],
        )
        .await?;
    rows.into_iter()
        .next()
        .map(|r| r.into_dto(lang, today))
        .transpose()
}

#[derive(Deserialize)]
struct EventRow {
    id: i64,
    service_date: String,
    producer_id: i64,
    producer_name: String,
    description: String,
    units_x100: i64,
    unit_price_cents: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
    status: String,
}

/// A voucher's service events, newest first. The caller has checked the voucher is the
/// customer's.
pub async fn events_of(
    db: &impl Database,
    voucher_id: i64,
) -> Result<Vec<ServiceEventView>, DbError> {
    let rows: Vec<EventRow> = db
        .query(
            "SELECT e.id, e.service_date, e.producer_id, p.name AS producer_name, e.description, e.units_x100,
                    e.unit_price_cents, e.voucher_share_cents, e.own_share_cents, e.status
             FROM service_events e JOIN producers p ON p.id = e.producer_id
             WHERE e.voucher_id = ?1
             ORDER BY e.service_date DESC, e.id DESC",
            &[SqlValue::Int(voucher_id)],
        )
        .await?;
    let money =
        |c: i64, column| Cents::new(c).map_err(|_| DbError::bad_row("service_events", column));
    rows.into_iter()
        .map(|r| {
            Ok(ServiceEventView {
                id: r.id,
                service_date: r.service_date,
                producer_id: ProducerId(r.producer_id),
                producer_name: r.producer_name,
                description: r.description,
                units_x100: r.units_x100,
                unit_price_cents: money(r.unit_price_cents, "unit_price_cents")?,
                voucher_share_cents: money(r.voucher_share_cents, "voucher_share_cents")?,
                own_share_cents: money(r.own_share_cents, "own_share_cents")?,
                status: r.status,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct VoucherProducerRow {
    producer_id: i64,
    producer_name: String,
    answered: i64,
}

/// The producers that logged events under a voucher, and whether `period`'s survey about
/// each is answered.
pub async fn producers_of(
    db: &impl Database,
    voucher_id: i64,
    period: &str,
) -> Result<Vec<VoucherProducer>, DbError> {
    let rows: Vec<VoucherProducerRow> = db
        .query(
            "SELECT p.id AS producer_id, p.name AS producer_name,
                    EXISTS (SELECT 1 FROM survey_answers a
                            WHERE a.voucher_id = ?1 AND a.producer_id = p.id AND a.period = ?2) AS answered
             FROM producers p
             WHERE p.id IN (SELECT producer_id FROM service_events WHERE voucher_id = ?1 AND status = 'recorded')
             ORDER BY p.name",
            &[SqlValue::Int(voucher_id), period.into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| VoucherProducer {
            producer_id: ProducerId(r.producer_id),
            producer_name: r.producer_name,
            survey_answered_this_month: r.answered != 0,
        })
        .collect())
}

/// Whether `producer` logged a (not cancelled) event under the customer's voucher, and —
/// when `event` is given — whether that event is one of them.
pub async fn producer_served(
    db: &impl Database,
    customer: CustomerId,
    voucher_id: i64,
    producer: ProducerId,
    event: Option<i64>,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow> = db
        .query(
            "SELECT e.id FROM service_events e JOIN vouchers v ON v.id = e.voucher_id
             WHERE v.customer_id = ?1 AND v.id = ?2 AND e.producer_id = ?3 AND e.status = 'recorded'
               AND (?4 IS NULL OR e.id = ?4)
             LIMIT 1",
            &[
                SqlValue::Int(customer.0),
                SqlValue::Int(voucher_id),
                SqlValue::Int(producer.0),
                event.map_or(SqlValue::Null, SqlValue::Int),
            ],
        )
        .await?;
    Ok(!rows.is_empty())
}

#[derive(Deserialize)]
struct FeedbackRow {
    id: i64,
    producer_id: i64,
    producer_name: String,
    voucher_id: Option<i64>,
    event_id: Option<i64>,
    body: String,
    created_at: String,
    reply_body: Option<String>,
    reply_created_at: Option<String>,
}

const FEEDBACK_SELECT: &str = "
    SELECT f.id, f.producer_id, p.name AS producer_name, f.voucher_id, f.event_id, f.body, f.created_at,
           r.body AS reply_body, r.created_at AS reply_created_at
    FROM feedback f
    JOIN producers p ON p.id = f.producer_id
    LEFT JOIN feedback_replies r ON r.id = (
        SELECT r2.id FROM feedback_replies r2 WHERE r2.feedback_id = f.id ORDER BY r2.created_at DESC, r2.id DESC LIMIT 1)";

fn feedback_dto(r: FeedbackRow) -> FeedbackView {
    FeedbackView {
        id: r.id,
        producer_id: ProducerId(r.producer_id),
        producer_name: r.producer_name,
        voucher_id: r.voucher_id,
        event_id: r.event_id,
        body: r.body,
        created_at: r.created_at,
        reply: match (r.reply_body, r.reply_created_at) {
            (Some(body), Some(created_at)) => Some(FeedbackReplyView { body, created_at }),
            _ => None,
        },
    }
}

/// The customer's feedback, newest first, each with the producer's latest reply.
pub async fn feedback_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<FeedbackView>, DbError> {
    let rows: Vec<FeedbackRow> = db
        .query(
            &format!(
                "{FEEDBACK_SELECT} WHERE f.customer_id = ?1 ORDER BY f.created_at DESC, f.id DESC"
            ),
            &[SqlValue::Int(customer.0)],
        )
        .await?;
    Ok(rows.into_iter().map(feedback_dto).collect())
}

/// Feedback validated by the caller.
#[derive(Clone, Copy)]
pub struct NewFeedbackRow<'a> {
    pub customer: CustomerId,
    pub voucher_id: i64,
    pub producer: ProducerId,
    pub event: Option<i64>,
    pub body: &'a str,
    pub created_at: &'a str,
}

/// Stores feedback (already validated), together with `also` (the trail entry and message
/// of a write done on the customer's behalf) in one atomic batch, and returns it as the
/// customer will see it.
pub async fn insert_feedback(
    db: &impl Database,
    f: &NewFeedbackRow<'_>,
    also: Vec<Statement>,
) -> Result<FeedbackView, DbError> {
    let NewFeedbackRow {
        customer,
        voucher_id,
        producer,
        event,
        body,
        created_at,
    } = *f;
    let mut statements = vec![(
        "INSERT INTO feedback (customer_id, producer_id, voucher_id, event_id, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vec![
            SqlValue::Int(customer.0),
            SqlValue::Int(producer.0),
            SqlValue::Int(voucher_id),
            event.map_or(SqlValue::Null, SqlValue::Int),
            body.into(),
            created_at.into(),
        ],
    )];
    statements.extend(also);
    db.batch(&statements).await?;
    // The batch gives no ids back: the customer's newest feedback with this time and text
    // is the one just stored.
    let rows: Vec<FeedbackRow> = db
        .query(
            &format!(
                "{FEEDBACK_SELECT} WHERE f.customer_id = ?1 AND f.created_at = ?2 AND f.body = ?3
                 ORDER BY f.id DESC LIMIT 1"
            ),
            &[SqlValue::Int(customer.0), created_at.into(), body.into()],
        )
        .await?;
    rows.into_iter()
        .next()
        .map(feedback_dto)
        .ok_or_else(|| DbError("new feedback not found".into()))
}

/// A survey answer, validated by the caller.
pub struct SurveyRow<'a> {
    pub customer: CustomerId,
    pub voucher_id: i64,
    pub producer: ProducerId,
    pub period: &'a str,
    pub scores: [u8; 4],
    pub comment: &'a str,
    pub created_at: &'a str,
}

/// Stores a survey answer, with `also` (see [`insert_feedback`]) in one atomic batch;
/// `false`, with nothing stored, when this voucher's survey about this producer is already
/// answered for the period (the unique key decides, so concurrent answers cannot both count).
pub async fn insert_survey(
    db: &impl Database,
    a: &SurveyRow<'_>,
    also: Vec<Statement>,
) -> Result<bool, DbError> {
    let mut statements = vec![(
        "INSERT INTO survey_answers
             (customer_id, voucher_id, producer_id, period, overall, punctuality, staff, information, comment, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        vec![
                SqlValue::Int(a.customer.0),
                SqlValue::Int(a.voucher_id),
                SqlValue::Int(a.producer.0),
                a.period.into(),
                SqlValue::Int(i64::from(a.scores[0])),
                SqlValue::Int(i64::from(a.scores[1])),
                SqlValue::Int(i64::from(a.scores[2])),
                SqlValue::Int(i64::from(a.scores[3])),
                a.comment.into(),
                a.created_at.into(),
        ],
    )];
    statements.extend(also);
    match db.batch(&statements).await {
        Ok(()) => Ok(true),
        Err(e) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}
