//! Who has looked at a customer's data: staff views (`staff_access_log`, written with every
//! staff read of a customer) beside the producers' log (`producer_log`).

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::{AccessLogEntry, ProducerLogEntry, ViewerKind};
use seteli_domain::desk::StaffView;
use seteli_domain::ids::CustomerId;
use seteli_domain::permissions::StaffMember;
use seteli_domain::voucher::VoucherNumber;

/// The statement that logs `member` looking at `what` of `customer`, at `at`.
pub fn staff_view_statement(
    member: &StaffMember,
    customer: CustomerId,
    what: StaffView,
    at: &str,
) -> Statement {
    (
        "INSERT INTO staff_access_log (at, customer_id, organiser_code, staff_username, staff_name, what)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vec![
            at.into(),
            SqlValue::from(customer),
            member.organiser.as_str().into(),
            member.username.as_str().into(),
            member.full_name().into(),
            what.as_str().into(),
        ],
    )
}

/// Logs `member` looking at `what` of each of `customers`, in one batch.
pub async fn log_staff_views(
    db: &impl Database,
    member: &StaffMember,
    customers: &[CustomerId],
    what: StaffView,
    at: &str,
) -> Result<(), DbError> {
    let statements: Vec<Statement> = customers
        .iter()
        .map(|customer| staff_view_statement(member, *customer, what, at))
        .collect();
    if statements.is_empty() {
        return Ok(());
    }
    db.batch(&statements).await
}

#[derive(Deserialize)]
struct AccessRow {
    #[serde(with = "seteli_domain::clock::wire_time")]
    at: time::OffsetDateTime,
    kind: String,
    who: String,
    organisation: String,
    what: String,
}

/// Who has looked at the customer's data, newest first, at most `limit` lines: staff of any
/// organiser (in the reader's language) and producers' people.
pub async fn access_log(
    db: &impl Database,
    customer: CustomerId,
    lang: seteli_domain::Lang,
    limit: i64,
) -> Result<Vec<AccessLogEntry>, DbError> {
    let organiser_name = match lang {
        seteli_domain::Lang::Fi => "o.name_fi",
        seteli_domain::Lang::Sv => "o.name_sv",
        seteli_domain::Lang::En => "o.name_en",
    };
    let sql = format!(
        "SELECT at, kind, who, organisation, what FROM (
             SELECT l.at, 'staff' AS kind, l.staff_name AS who, {organiser_name} AS organisation,
                    l.what, l.id AS n, 0 AS source
             FROM staff_access_log l JOIN organisers o ON o.code = l.organiser_code
             WHERE l.customer_id = ?1
             UNION ALL
             SELECT pl.at, 'producer' AS kind, pl.actor_name AS who, p.name AS organisation,
                    pl.action AS what, pl.id AS n, 1 AS source
             FROM producer_log pl
             JOIN producers p ON p.id = pl.producer_id
             JOIN vouchers v ON v.id = pl.voucher_id
             WHERE v.customer_id = ?1)
         ORDER BY at DESC, source, n DESC LIMIT ?2"
    );
    let rows: Vec<AccessRow> = db
        .query(&sql, &[SqlValue::from(customer), SqlValue::from(limit)])
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AccessLogEntry {
                at: r.at,
                kind: match r.kind.as_str() {
                    "staff" => ViewerKind::Staff,
                    _ => ViewerKind::Producer,
                },
                who: r.who,
                organisation: r.organisation,
                what: r.what,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct ProducerLogRow {
    #[serde(with = "seteli_domain::clock::wire_time")]
    at: time::OffsetDateTime,
    producer_name: String,
    actor_name: String,
    action: String,
    number: String,
}

/// What producers' people did under the customer's vouchers, newest first (at most 200).
pub async fn producer_log(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<ProducerLogEntry>, DbError> {
    let rows: Vec<ProducerLogRow> = db
        .query(
            "SELECT pl.at, p.name AS producer_name, pl.actor_name, pl.action, v.number
             FROM producer_log pl
             JOIN producers p ON p.id = pl.producer_id
             JOIN vouchers v ON v.id = pl.voucher_id
             WHERE v.customer_id = ?1 ORDER BY pl.id DESC LIMIT 200",
            &[SqlValue::from(customer)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ProducerLogEntry {
            at: r.at,
            producer_name: r.producer_name,
            actor_name: r.actor_name,
            action: r.action,
            voucher_number: grouped(&r.number),
        })
        .collect())
}

/// A stored voucher number as people read it (`4821 9930 1177`).
pub fn grouped(number: &str) -> String {
    VoucherNumber::parse(number).map_or_else(|_| number.to_owned(), |n| n.grouped())
}
