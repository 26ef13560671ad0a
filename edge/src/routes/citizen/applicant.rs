//! Who applies for a voucher, and for whom: the person themselves, a guardian for a child
//! or a mandate holder for an adult — once the catalogue and (for a principal) Valtuudet
//! agreed — and which applications that reaches.

use crate::db::resident_applications::{self as rows, ResidentRow, Scope};
use crate::db::Database;
use crate::error::EdgeError;
use crate::on_behalf::Subject;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::mandates::Basis;
use seteli_domain::permissions::{Action, Actor, Person};
use seteli_domain::resident_application::AppliesFor;
use seteli_domain::{ApiError, ErrorCode};

/// Who asks, and about whom, once the catalogue and (for a principal) Valtuudet agreed.
pub struct Who<'a> {
    pub subject: Subject<'a>,
    /// The person asking (the delegate when acting for someone).
    pub person: &'a Person,
    pub applies_for: AppliesFor,
    pub principal_hetu: String,
    pub principal_names: (String, String),
    /// The principal's home municipality, when they are a customer.
    pub home: Option<seteli_domain::MunicipalityCode>,
}

impl Who<'_> {
    pub fn scope(&self) -> Scope<'_> {
        Scope::Principal {
            customer: self.subject.customer,
            principal_hetu: Some(&self.principal_hetu),
            person: self.person.hetu.as_str(),
        }
    }

    pub fn person_name(&self) -> String {
        format!("{} {}", self.person.given_name, self.person.family_name)
    }

    /// Whether the person may write to `row`: its applicant, or its principal themselves.
    pub fn may_write(&self, row: &ResidentRow) -> bool {
        row.applicant_hetu == self.person.hetu.as_str()
            || (self.applies_for == AppliesFor::Myself
                && row.principal_hetu == self.person.hetu.as_str())
    }
}

/// The subject of `action` and what the application rows need to know about it.
pub async fn who<'a, D: Database, H: Outbound>(
    call: &Call<'a, D, H>,
    action: Action,
) -> Result<Who<'a>, EdgeError> {
    let subject = call.subject(action).await?;
    let home_of = |customer| async move {
        match customer {
            Some(id) => rows::principal(&call.ctx.db, id).await,
            None => Ok(None),
        }
    };
    match call.actor {
        Actor::Citizen(person) => {
            let home = home_of(subject.customer)
                .await?
                .map(|p| p.municipality_code);
            Ok(Who {
                subject,
                person,
                applies_for: AppliesFor::Myself,
                principal_hetu: person.hetu.as_str().to_owned(),
                principal_names: (person.given_name.clone(), person.family_name.clone()),
                home,
            })
        }
        Actor::OnBehalf(on_behalf) => {
            let applies_for = match on_behalf.basis {
                Basis::Guardian => AppliesFor::Child,
                Basis::Mandate | Basis::RegisteredProxy => AppliesFor::Adult,
            };
            // A principal who is not a customer yet is named as Valtuudet named them, and
            // chooses the municipality on the form.
            let (principal_hetu, principal_names, home) = match home_of(subject.customer).await? {
                Some(principal) => (
                    principal.hetu,
                    (principal.given_name, principal.family_name),
                    Some(principal.municipality_code),
                ),
                None => (
                    subject
                        .principal_hetu()
                        .ok_or_else(|| ApiError::new(ErrorCode::Forbidden, call.lang))?
                        .to_owned(),
                    (
                        on_behalf.principal.given_name.clone(),
                        on_behalf.principal.family_name.clone(),
                    ),
                    None,
                ),
            };
            Ok(Who {
                subject,
                person: &on_behalf.delegate,
                applies_for,
                principal_hetu,
                principal_names,
                home,
            })
        }
        _ => Err(ApiError::new(ErrorCode::Forbidden, call.lang).into()),
    }
}
