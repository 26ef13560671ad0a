//! What an administrator's step on an order writes besides the step, each statement
//! guarded by the step's token: the orderer told (the desk and e-mail), DVV's reference and
//! grant, and "done in Suomi.fi-valtuudet" with the holdings it enters.

use crate::db::{SqlValue, Statement};
use seteli_domain::ids::CaseId;
use time::Date;

/// The notice on the orderer's desk that order `id` changed, written with the step `token`.
pub fn notice_to_orderer(id: CaseId, token: &str, by_name: &str, at: &str) -> Statement {
    (
        "INSERT INTO staff_notices (username, kind, case_id, by_name, created_at)
         SELECT o.orderer_username, 'order_changed', ?1, ?3, ?4 FROM authorisation_orders o
         WHERE o.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![SqlValue::from(id), token.into(), by_name.into(), at.into()],
    )
}

/// The e-mail to the orderer's address that order `id` changed, written with the step
/// `token`. It names the order, never the employee's identity code.
pub fn email_to_orderer(id: CaseId, token: &str, by_name: &str, at: &str) -> Statement {
    let subject =
        format!("Seteli: valtuustilaus {id} muuttui / fullmaktsbeställning {id} har ändrats");
    let body = format!(
        "{by_name} käsitteli valtuustilaustasi {id}. Näet sen tilan Setelissä.\n\n\
         {by_name} har behandlat din fullmaktsbeställning {id}. Du ser dess läge i Seteli."
    );
    (
        "INSERT INTO email_outbox (to_username, to_address, subject, body, created_at)
         SELECT o.orderer_username, o.orderer_email, ?3, ?4, ?5 FROM authorisation_orders o
         WHERE o.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![
            SqlValue::from(id),
            token.into(),
            subject.into(),
            body.into(),
            at.into(),
        ],
    )
}

/// Records DVV's reference of the organisation's application on order `id`, with `token`.
pub fn record_dvv_reference(id: CaseId, token: &str, reference: &str) -> Statement {
    (
        "UPDATE authorisation_orders SET dvv_reference = ?3
         WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![SqlValue::from(id), token.into(), reference.trim().into()],
    )
}

/// Records that DVV granted order `id`'s authorisations on `on`, with `token`.
pub fn record_dvv_granted(id: CaseId, token: &str, on: Date) -> Statement {
    (
        "UPDATE authorisation_orders SET dvv_granted_on = ?3
         WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![SqlValue::from(id), token.into(), SqlValue::from(on)],
    )
}

/// Records "done in Suomi.fi-valtuudet on `done_on` by `by_name`" on order `id` and enters
/// its authorisations in the holdings register, with `token`.
pub fn record_done(
    id: CaseId,
    token: &str,
    done_on: Date,
    valid_until: Option<Date>,
    by_name: &str,
) -> Vec<Statement> {
    let until = valid_until.map_or(SqlValue::Null, SqlValue::from);
    vec![
        (
            "UPDATE authorisation_orders SET done_on = ?3, done_by_name = ?4, valid_until = ?5
             WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                SqlValue::from(done_on),
                by_name.into(),
                until.clone(),
            ],
        ),
        (
            "INSERT INTO authorisation_holdings (organiser_code, authorisation_id, employee_given_name,
                 employee_family_name, employee_hetu, employee_username, department_code, job_title_code,
                 since, until, order_case_id, recorded_by_name)
             SELECT o.organiser_code, i.authorisation_id, o.employee_given_name, o.employee_family_name,
                    o.employee_hetu, o.employee_username, o.department_code, o.job_title_code, ?3, ?5, ?1, ?4
             FROM authorisation_orders o JOIN authorisation_order_items i ON i.case_id = o.case_id
             WHERE o.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                SqlValue::from(done_on),
                by_name.into(),
                until,
            ],
        ),
    ]
}
