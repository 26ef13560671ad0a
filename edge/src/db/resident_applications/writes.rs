//! Writing residents' applications: a new draft, saving the form, what sending adds to the
//! step's batch (the principal made a customer if they were not one, the consent requests
//! and the named guardians' messages), and telling the principal of a change. Every
//! statement that goes with a case step is guarded by the step's token.

use crate::db::{Database, DbError, SqlValue, Statement};
use seteli_domain::api::MessageKind;
use seteli_domain::ids::CaseId;
use seteli_domain::resident_application::{consent_last_day, AppliesFor, VoucherApplicationForm};
use seteli_domain::{MunicipalityCode, OrganiserCode};
use time::Date;

/// Who a new application is for and by whom.
pub struct NewApplication<'a> {
    pub applies_for: AppliesFor,
    pub principal_hetu: &'a str,
    pub principal_name: &'a str,
    pub customer: Option<seteli_domain::ids::CustomerId>,
    pub applicant_hetu: &'a str,
    pub applicant_name: &'a str,
    pub organiser: &'a OrganiserCode,
    pub form: &'a VoucherApplicationForm,
}

fn form_json(form: &VoucherApplicationForm) -> String {
    // A form of strings, numbers and enums always serializes.
    serde_json::to_string(form).unwrap_or_else(|_| "{}".to_owned())
}

/// A new draft, written with `extra` (the trail's entry when done for someone); its id.
pub async fn start(
    db: &impl Database,
    new: &NewApplication<'_>,
    token: &str,
    at: &str,
    extra: Vec<Statement>,
) -> Result<CaseId, DbError> {
    let applies_for = match new.applies_for {
        AppliesFor::Myself => "myself",
        AppliesFor::Child => "child",
        AppliesFor::Adult => "adult",
    };
    let mut statements: Vec<Statement> = vec![
        (
            "INSERT INTO cases (kind, organiser_code, state, step, created_at, updated_at)
             VALUES ('voucher_application', ?1, 'draft', ?2, ?3, ?3)",
            vec![new.organiser.as_str().into(), token.into(), at.into()],
        ),
        (
            "INSERT INTO voucher_applications (case_id, applies_for, principal_hetu, principal_name,
                    customer_id, applicant_hetu, applicant_name, service_code, municipality_code,
                    form_json)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM cases WHERE step = ?1",
            vec![
                token.into(),
                applies_for.into(),
                new.principal_hetu.into(),
                new.principal_name.into(),
                new.customer.map_or(SqlValue::Null, SqlValue::from),
                new.applicant_hetu.into(),
                new.applicant_name.into(),
                new.form
                    .service_code
                    .as_ref()
                    .map_or(SqlValue::Null, |s| s.as_str().into()),
                new.form
                    .municipality_code
                    .as_ref()
                    .map_or(SqlValue::Null, |m| m.as_str().into()),
                form_json(new.form).into(),
            ],
        ),
    ];
    statements.extend(extra);
    db.batch(&statements).await?;
    crate::db::cases::id_by_token(db, token).await
}

/// Saves the draft `id` as it is at step `step` (nothing when it moved on): the form, and
/// the organiser of the municipality chosen; with `extra` (the trail's entry).
pub async fn save(
    db: &impl Database,
    id: CaseId,
    step: &str,
    form: &VoucherApplicationForm,
    organiser: &OrganiserCode,
    at: &str,
    extra: Vec<Statement>,
) -> Result<(), DbError> {
    let mut statements = vec![
        (
            "UPDATE voucher_applications SET form_json = ?3, service_code = ?4, municipality_code = ?5
             WHERE case_id = ?1
               AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')",
            vec![
                SqlValue::from(id),
                step.into(),
                form_json(form).into(),
                form.service_code
                    .as_ref()
                    .map_or(SqlValue::Null, |s| s.as_str().into()),
                form.municipality_code
                    .as_ref()
                    .map_or(SqlValue::Null, |m| m.as_str().into()),
            ],
        ),
        (
            "UPDATE cases SET organiser_code = ?3, updated_at = ?4
             WHERE id = ?1 AND step = ?2 AND state = 'draft'",
            vec![
                SqlValue::from(id),
                step.into(),
                organiser.as_str().into(),
                at.into(),
            ],
        ),
    ];
    statements.extend(extra);
    db.batch(&statements).await
}

/// Deletes the draft `id` at step `step` (its form goes with the case).
pub async fn delete_draft(db: &impl Database, id: CaseId, step: &str) -> Result<(), DbError> {
    db.execute(
        "DELETE FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft'",
        &[SqlValue::from(id), step.into()],
    )
    .await?;
    Ok(())
}

/// What sending an application is about.
#[derive(Clone, Copy)]
pub struct Sending<'a> {
    pub id: CaseId,
    pub form: &'a VoucherApplicationForm,
    /// The principal's home municipality if sending makes them a customer.
    pub municipality: &'a MunicipalityCode,
    /// The principal's identity code and given and family names, for the same.
    pub principal_hetu: &'a str,
    pub principal_names: (&'a str, &'a str),
    pub actor: &'a str,
    pub today: Date,
    pub at: &'a str,
}

/// What sending the application `id` adds to the step `token`'s batch: the principal made
/// a customer of `municipality` if they were not one (with the trail kept under their
/// identity code until then); the flags the handler sees; a consent
/// request and a message to each named guardian (scenario B), or a message to the guardian
/// to inform (scenario C). `actor` names the applicant in those messages.
pub fn on_sending(sending: &Sending<'_>, token: &str) -> Vec<Statement> {
    let Sending {
        id,
        form,
        municipality,
        principal_hetu,
        principal_names: (given, family),
        actor,
        today,
        at,
    } = *sending;
    let mut statements: Vec<Statement> = vec![
        (
            "INSERT INTO customers (hetu, given_name, family_name, municipality_code)
             SELECT va.principal_hetu, ?3, ?4, ?5 FROM voucher_applications va
             WHERE va.case_id = ?1 AND va.customer_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM customers WHERE hetu = va.principal_hetu)
               AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                given.into(),
                family.into(),
                municipality.as_str().into(),
            ],
        ),
        // The trail of acting for a principal who was not a customer becomes theirs.
        super::super::on_behalf::trail_to_customer_statement(principal_hetu),
        (
            "UPDATE voucher_applications SET
                customer_id = COALESCE(customer_id, (SELECT id FROM customers WHERE hetu = principal_hetu)),
                declared_right = ?3, guardians_unknown = ?4
             WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                form.declared_right()
                    .map_or(SqlValue::Null, |r| r.kind_str().into()),
                i64::from(form.guardians_unknown()).into(),
            ],
        ),
    ];
    let kind = if form.needs_consent() {
        MessageKind::ConsentRequested
    } else {
        MessageKind::GuardianInformed
    };
    for guardian in form.named_guardians() {
        let name = format!(
            "{} {}",
            guardian.given_name.trim(),
            guardian.family_name.trim()
        );
        let hetu = guardian.hetu.trim();
        if kind == MessageKind::ConsentRequested {
            let days = (today, consent_last_day(today));
            statements.extend(ask_consent(id, token, (hetu, &name, actor), days, at));
        } else {
            statements.push(tell_person(id, token, hetu, &name, kind, actor, at));
        }
    }
    statements
}

/// The message to the person `hetu` (named `name`, not necessarily a customer) about
/// application `id`, guarded by the step's `token`.
pub fn tell_person(
    id: CaseId,
    token: &str,
    hetu: &str,
    name: &str,
    kind: MessageKind,
    actor: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO messages (to_hetu, to_name, kind, actor_name, case_id, created_at)
         SELECT ?3, ?4, ?5, ?6, ?1, ?7
         WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![
            SqlValue::from(id),
            token.into(),
            hetu.into(),
            name.into(),
            kind.as_str().into(),
            actor.into(),
            at.into(),
        ],
    )
}

/// The message that tells the principal (as a customer) of a change of application `id`,
/// guarded by the step's `token`. `organiser_name` is the sender.
pub fn tell_principal(id: CaseId, token: &str, organiser_name: &str, at: &str) -> Statement {
    (
        "INSERT INTO messages (customer_id, kind, actor_name, case_id, created_at)
         SELECT va.customer_id, 'voucher_application_changed', ?3, ?1, ?4
         FROM voucher_applications va
         WHERE va.case_id = ?1 AND va.customer_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![
            SqlValue::from(id),
            token.into(),
            organiser_name.into(),
            at.into(),
        ],
    )
}

/// A consent request to the guardian `(hetu, name)` about application `id` (applied for by
/// `applicant`), sent `today` and answerable until `last_day`, and its message — guarded by
/// the step's `token` (a handler's wait on the consent).
pub fn ask_consent(
    id: CaseId,
    token: &str,
    (hetu, name, applicant): (&str, &str, &str),
    (today, last_day): (Date, Date),
    at: &str,
) -> Vec<Statement> {
    vec![
        (
            "INSERT INTO consent_requests (case_id, guardian_hetu, guardian_name, status, sent_on, last_day)
             SELECT ?1, ?3, ?4, 'pending', ?5, ?6
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                hetu.into(),
                name.into(),
                today.into(),
                last_day.into(),
            ],
        ),
        tell_person(
            id,
            token,
            hetu,
            name,
            MessageKind::ConsentRequested,
            applicant,
            at,
        ),
    ]
}
