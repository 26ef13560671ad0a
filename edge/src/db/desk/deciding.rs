//! The writes that move a decision and its voucher: each a list of statements for one
//! atomic batch, every statement guarded by the state it expects, so a step taken twice (or
//! by two employees at once) changes nothing the second time.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::MessageKind;
use seteli_domain::desk::DeliveryChannel;
use seteli_domain::ids::{CustomerId, DecisionId, VoucherId};
use seteli_domain::permissions::StaffMember;
use seteli_domain::voucher::VoucherNumber;
use seteli_domain::Cents;

/// The statement that queues a message from the organiser to the customer (the outbox that
/// stands in for Suomi.fi Messages).
pub fn organiser_message(
    customer: CustomerId,
    kind: MessageKind,
    organiser_name: &str,
    decision: Option<DecisionId>,
    at: &str,
) -> Statement {
    (
        "INSERT INTO messages (customer_id, kind, actor_name, decision_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        vec![
            SqlValue::from(customer),
            kind.as_str().into(),
            organiser_name.into(),
            decision.map_or(SqlValue::Null, SqlValue::from),
            at.into(),
        ],
    )
}

/// The message that tells the customer of decision `decision`, written only if the same
/// batch decided it at `at` (a decision someone else decided first sends nothing twice).
pub fn decided_message(
    customer: CustomerId,
    organiser_name: &str,
    decision: DecisionId,
    at: &str,
) -> Statement {
    (
        "INSERT INTO messages (customer_id, kind, actor_name, decision_id, created_at)
         SELECT ?1, 'voucher_decided', ?2, ?3, ?4
         WHERE EXISTS (SELECT 1 FROM voucher_decisions WHERE id = ?3 AND status = 'decided' AND decided_at = ?4)",
        vec![
            SqlValue::from(customer),
            organiser_name.into(),
            SqlValue::from(decision),
            at.into(),
        ],
    )
}

/// Deciding a first decision: the voucher is made with `number` from the draft's terms,
/// and the decision gets the organiser's next number of `year`.
pub fn decide_new(
    decision: DecisionId,
    number: &VoucherNumber,
    member: &StaffMember,
    year: i32,
    at: &str,
) -> Vec<Statement> {
    vec![
        (
            "INSERT INTO vouchers (number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                                   granted_units, granted_cents, balance_cents, valid_from, valid_until, status,
                                   granted_at)
             SELECT ?2, customer_id, municipality_code, service_code, unit, unit_value_cents, granted_units,
                    granted_cents, granted_cents, valid_from, valid_until, 'active', ?3
             FROM voucher_decisions WHERE id = ?1 AND status = 'draft' AND amends_voucher_id IS NULL",
            vec![SqlValue::from(decision), number.as_str().into(), at.into()],
        ),
        mark_decided(decision, Some(number), member, year, at),
    ]
}

/// Deciding an amendment: the voucher takes the draft's terms, its balance `balance`
/// (what was used stays used), and the decision in force before is superseded.
pub fn decide_amendment(
    decision: DecisionId,
    voucher: VoucherId,
    old_balance: Cents,
    balance: Cents,
    member: &StaffMember,
    year: i32,
    at: &str,
) -> Vec<Statement> {
    vec![
        (
            "UPDATE vouchers SET
                 unit_value_cents = (SELECT unit_value_cents FROM voucher_decisions WHERE id = ?1),
                 granted_units = (SELECT granted_units FROM voucher_decisions WHERE id = ?1),
                 granted_cents = (SELECT granted_cents FROM voucher_decisions WHERE id = ?1),
                 valid_from = (SELECT valid_from FROM voucher_decisions WHERE id = ?1),
                 valid_until = (SELECT valid_until FROM voucher_decisions WHERE id = ?1),
                 balance_cents = ?3
             WHERE id = ?2 AND balance_cents = ?4 AND status = 'active'
               AND EXISTS (SELECT 1 FROM voucher_decisions WHERE id = ?1 AND status = 'draft')",
            vec![
                SqlValue::from(decision),
                SqlValue::from(voucher),
                SqlValue::from(balance.get()),
                SqlValue::from(old_balance.get()),
            ],
        ),
        (
            "UPDATE voucher_decisions SET status = 'superseded'
             WHERE voucher_id = ?1 AND status IN ('decided', 'delivered')
               AND EXISTS (SELECT 1 FROM voucher_decisions WHERE id = ?2 AND status = 'draft')",
            vec![SqlValue::from(voucher), SqlValue::from(decision)],
        ),
        mark_decided(decision, None, member, year, at),
    ]
}

fn mark_decided(
    decision: DecisionId,
    number: Option<&VoucherNumber>,
    member: &StaffMember,
    year: i32,
    at: &str,
) -> Statement {
    (
        "UPDATE voucher_decisions SET status = 'decided',
             voucher_id = COALESCE((SELECT id FROM vouchers WHERE number = ?2), amends_voucher_id),
             decision_number = ?3 || '-' || substr('00000' || (
                 SELECT COALESCE(MAX(CAST(substr(d2.decision_number, 6) AS INTEGER)), 0) + 1
                 FROM voucher_decisions d2
                 WHERE d2.organiser_code = voucher_decisions.organiser_code
                   AND d2.decision_number LIKE ?3 || '-%'), -5),
             decided_by = ?4, decided_by_name = ?5, decided_at = ?6
         WHERE id = ?1 AND status = 'draft'",
        vec![
            SqlValue::from(decision),
            number.map_or(SqlValue::Null, |n| n.as_str().into()),
            year.to_string().into(),
            member.username.as_str().into(),
            member.full_name().into(),
            at.into(),
        ],
    )
}

/// Delivering a decided decision by `via`.
pub fn deliver(decision: DecisionId, via: DeliveryChannel, at: &str) -> Statement {
    (
        "UPDATE voucher_decisions SET status = 'delivered', delivered_via = ?2, delivered_at = ?3
         WHERE id = ?1 AND status = 'decided'",
        vec![SqlValue::from(decision), via.as_str().into(), at.into()],
    )
}

/// Ending a voucher early: its last day becomes `end_on`.
pub fn end_voucher(
    voucher: VoucherId,
    end_on: time::Date,
    reason: &str,
    member: &StaffMember,
) -> Statement {
    (
        "UPDATE vouchers SET valid_until = ?2, ended_reason = ?3, ended_by = ?4
         WHERE id = ?1 AND status = 'active' AND valid_until > ?2",
        vec![
            SqlValue::from(voucher),
            end_on.into(),
            reason.trim().into(),
            member.username.as_str().into(),
        ],
    )
}

/// Annulling a voucher under which nothing is logged, and the decisions behind it.
pub fn annul_voucher(voucher: VoucherId, reason: &str, member: &StaffMember) -> Vec<Statement> {
    vec![
        (
            "UPDATE voucher_decisions SET status = 'annulled', annul_reason = ?2
             WHERE voucher_id = ?1 AND status IN ('decided', 'delivered')
               AND NOT EXISTS (SELECT 1 FROM service_events WHERE voucher_id = ?1 AND status = 'recorded')",
            vec![SqlValue::from(voucher), reason.trim().into()],
        ),
        (
            "UPDATE vouchers SET status = 'cancelled', ended_reason = ?2, ended_by = ?3
             WHERE id = ?1 AND status = 'active'
               AND NOT EXISTS (SELECT 1 FROM service_events WHERE voucher_id = ?1 AND status = 'recorded')",
            vec![
                SqlValue::from(voucher),
                reason.trim().into(),
                member.username.as_str().into(),
            ],
        ),
    ]
}

/// A voucher as the desk's writes need it.
#[derive(Debug, Clone, Deserialize)]
pub struct VoucherState {
    pub id: VoucherId,
    pub customer_id: CustomerId,
    pub service_code: String,
    pub status: seteli_domain::voucher::VoucherStatus,
    pub granted_cents: i64,
    pub balance_cents: i64,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub valid_from: time::Date,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub valid_until: time::Date,
    pub recorded_events: i64,
}

/// The organiser's voucher `id`, if the organiser serves its municipality.
pub async fn voucher_state(
    db: &impl Database,
    organiser: &seteli_domain::OrganiserCode,
    id: VoucherId,
) -> Result<Option<VoucherState>, DbError> {
    let sql = format!(
        "SELECT v.id, v.customer_id, v.service_code, v.status, v.granted_cents, v.balance_cents,
                v.valid_from, v.valid_until,
                (SELECT COUNT(*) FROM service_events e WHERE e.voucher_id = v.id AND e.status = 'recorded')
                    AS recorded_events
         FROM vouchers v WHERE v.id = ?1 AND {}",
        super::decisions::voucher_in_scope(2)
    );
    let rows: Vec<VoucherState> = db
        .query(&sql, &[SqlValue::from(id), organiser.as_str().into()])
        .await?;
    Ok(rows.into_iter().next())
}
