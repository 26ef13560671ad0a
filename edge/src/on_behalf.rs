//! Acting for another person, enforced: whose data a citizen request is about, after the
//! right to act for them is confirmed (Valtuudet for guardians and mandates, the
//! municipality's register for registered proxies) and the attempt is written to the
//! principal's trail. Only an explicit yes grants anything.

use crate::auth::{ActingState, CurrentSession};
use crate::context::{Ctx, MAX_RIGHTS_CACHE_SECS};
use crate::crypto::random_uuid;
use crate::db::on_behalf::{self as store, Principal, TrailRecord};
use crate::db::vouchers::customer_by_hetu;
use crate::db::Database;
use crate::db::Statement;
use crate::error::{log_warning, EdgeError};
use crate::outbound::Outbound;
use crate::valtuudet::{self, CallContext, Decision, ValtuudetError};
use seteli_domain::api::{MessageKind, TrailResult};
use seteli_domain::ids::{CustomerId, ProducerId};
use seteli_domain::mandates::{Basis, OnBehalfAction};
use seteli_domain::permissions::{require, Action, Actor, OnBehalf};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The customer a request is about.
pub struct Subject<'a> {
    /// `None` for a person, or a principal, whom no municipality has made a customer.
    pub customer: Option<CustomerId>,
    /// Set when acting for someone: the write's trail entry and message go with it.
    on_behalf: Option<(&'a OnBehalf, OnBehalfAction)>,
    /// The principal's identity code, for the trail of a principal who is not a customer.
    principal_hetu: Option<String>,
}

impl Subject<'_> {
    /// The customer, or `voucher_not_found` for a person who is not one (the same answer as
    /// for someone else's voucher).
    pub fn customer_or_not_found(&self, lang: Lang) -> Result<CustomerId, EdgeError> {
        self.customer
            .ok_or_else(|| ApiError::new(ErrorCode::VoucherNotFound, lang).into())
    }

    /// What a write done for a principal adds to its own batch: the trail entry and a
    /// message queued to the principal. Nothing when the person acts for themselves.
    pub fn write_records(
        &self,
        kind: MessageKind,
        producer_id: ProducerId,
        at: &str,
    ) -> Vec<Statement> {
        let (Some((on_behalf, _)), Some(customer)) = (self.on_behalf, self.customer) else {
            return self.trail_record(at);
        };
        let mut records = self.trail_record(at);
        records.push(store::message_statement(
            customer,
            kind,
            &delegate_name(on_behalf),
            producer_id,
            at,
        ));
        records
    }
}

impl<'a> Subject<'a> {
    /// Whom the person acts for, when they act for someone (the right confirmed).
    pub fn acting(&self) -> Option<&'a OnBehalf> {
        self.on_behalf.map(|(on_behalf, _)| on_behalf)
    }

    /// The principal's identity code, when acting for someone.
    pub fn principal_hetu(&self) -> Option<&str> {
        self.principal_hetu.as_deref()
    }

    /// The trail entry of a write done for a principal, for the write's own batch; nothing
    /// when the person acts for themselves. (For writes that tell the principal in their
    /// own words; [`Subject::write_records`] adds the producer's message.)
    pub fn trail_record(&self, at: &str) -> Vec<Statement> {
        let Some((on_behalf, action)) = self.on_behalf else {
            return Vec::new();
        };
        let Some(principal) = trail_principal(on_behalf, self.principal_hetu.as_deref()) else {
            return Vec::new();
        };
        vec![store::trail_statement(&TrailRecord {
            at,
            actor_hetu: on_behalf.delegate.hetu.as_str(),
            actor_name: &delegate_name(on_behalf),
            principal,
            action,
            basis: on_behalf.basis,
            result: TrailResult::Allowed,
        })]
    }
}

/// Whom the trail of `on_behalf` is about: the customer, or the person by `hetu` while they
/// are not one.
fn trail_principal<'a>(on_behalf: &'a OnBehalf, hetu: Option<&'a str>) -> Option<Principal<'a>> {
    match (on_behalf.principal.customer_id, hetu) {
        (Some(customer), _) => Some(Principal::Customer(customer)),
        (None, Some(hetu)) => Some(Principal::Person {
            hetu,
            given_name: &on_behalf.principal.given_name,
            family_name: &on_behalf.principal.family_name,
        }),
        (None, None) => None,
    }
}

fn delegate_name(on_behalf: &OnBehalf) -> String {
    format!(
        "{} {}",
        on_behalf.delegate.given_name, on_behalf.delegate.family_name
    )
}

/// Asks the permission catalogue, then decides whose data the request is about. For a
/// person acting for a principal, the right for `action` is confirmed (reads may rely on
/// a check made within the configured cache time; writes ask again) and the attempt is
/// logged: reads here, writes in their own batch (see [`Subject::write_records`]).
pub async fn subject<'a, D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &'a Actor,
    action: Action,
    lang: Lang,
) -> Result<Subject<'a>, EdgeError> {
    require(actor, action, lang)?;
    match actor {
        Actor::Citizen(person) => Ok(Subject {
            customer: customer_by_hetu(&ctx.db, person.hetu.as_str()).await?,
            on_behalf: None,
            principal_hetu: None,
        }),
        Actor::OnBehalf(on_behalf) => {
            let on_behalf_action = action
                .on_behalf()
                .ok_or_else(|| ApiError::new(ErrorCode::Forbidden, lang))?;
            let (Some(session), Some(state)) = (session, session.and_then(|s| s.acting.as_ref()))
            else {
                return Err(ApiError::new(ErrorCode::OnBehalfExpired, lang).into());
            };
            let principal_hetu = state.principal_hetu.as_str();
            let principal = trail_principal(on_behalf, Some(principal_hetu))
                .ok_or_else(|| ApiError::new(ErrorCode::OnBehalfExpired, lang))?;
            let verdict =
                confirm_right(ctx, session, on_behalf, state, on_behalf_action, lang).await;
            let at = ctx.timestamp();
            let name = delegate_name(on_behalf);
            let log = |result| {
                store::trail_statement(&TrailRecord {
                    at: &at,
                    actor_hetu: on_behalf.delegate.hetu.as_str(),
                    actor_name: &name,
                    principal,
                    action: on_behalf_action,
                    basis: on_behalf.basis,
                    result,
                })
            };
            match verdict {
                Err(refusal) => {
                    let (sql, params) = log(TrailResult::Refused);
                    ctx.db.execute(sql, &params).await?;
                    // A Valtuudet session that has ended cannot be asked again: the session
                    // goes back to acting for the person themselves, who chooses again.
                    if matches!(&refusal, EdgeError::Api(e) if e.code == ErrorCode::OnBehalfExpired)
                    {
                        store::stop_acting(&ctx.db, &session.id_hash).await?;
                    }
                    Err(refusal)
                }
                Ok(()) => {
                    // A write's entry goes into the write's own batch (`write_records`).
                    if !on_behalf_action.is_write() {
                        let (sql, params) = log(TrailResult::Allowed);
                        ctx.db.execute(sql, &params).await?;
                    }
                    Ok(Subject {
                        customer: on_behalf.principal.customer_id,
                        on_behalf: Some((on_behalf, on_behalf_action)),
                        principal_hetu: Some(principal_hetu.to_owned()),
                    })
                }
            }
        }
        // `require` has refused everyone else already.
        Actor::Visitor | Actor::Staff(_) | Actor::Producer(_) => {
            Err(ApiError::new(ErrorCode::Forbidden, lang).into())
        }
    }
}

/// Whether the delegate may still do `action` for the principal.
async fn confirm_right<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    session: &CurrentSession,
    on_behalf: &OnBehalf,
    state: &ActingState,
    action: OnBehalfAction,
    lang: Lang,
) -> Result<(), EdgeError> {
    if on_behalf.basis == Basis::RegisteredProxy {
        // The municipality's own register is asked every time: it is one local query. It
        // names customers only.
        let Some(customer) = on_behalf.principal.customer_id else {
            return Err(ApiError::new(ErrorCode::NoRightToAct, lang).into());
        };
        return if store::is_registered_proxy(
            &ctx.db,
            customer,
            on_behalf.delegate.hetu.as_str(),
            ctx.today(),
            action,
        )
        .await?
        {
            Ok(())
        } else {
            Err(ApiError::new(ErrorCode::NoRightToAct, lang).into())
        };
    }
    let cache = ctx.config.rights_cache_secs.clamp(0, MAX_RIGHTS_CACHE_SECS);
    if !action.is_write() && ctx.unix_now() - state.checked_at <= cache {
        return Ok(());
    }
    let (Some(config), Some((valtuudet_session, token))) =
        (ctx.config.valtuudet.as_ref(), state.valtuudet.as_ref())
    else {
        return Err(ApiError::new(ErrorCode::MandateServiceUnavailable, lang).into());
    };
    let decision = valtuudet::authorization(
        &ctx.http,
        config,
        valtuudet_session,
        token,
        state.principal_hetu.as_str(),
        action.required_issues(),
        &call_context(ctx),
    )
    .await;
    match decision {
        Ok(Decision::Allowed) => {
            store::mark_checked(&ctx.db, &session.id_hash, ctx.unix_now()).await?;
            Ok(())
        }
        Ok(Decision::Disallowed | Decision::Unknown) => Err(refusal(on_behalf.basis, action, lang)),
        Err(error) => Err(unavailable(error, lang)),
    }
}

/// `no_right_to_act`; for a mandate it names the issues the action needs.
pub fn refusal(basis: Basis, action: OnBehalfAction, lang: Lang) -> EdgeError {
    match basis {
        Basis::Mandate => ApiError::mandate_needed(action.required_issues(), lang).into(),
        Basis::Guardian | Basis::RegisteredProxy => {
            ApiError::new(ErrorCode::NoRightToAct, lang).into()
        }
    }
}

/// A Valtuudet failure as the person sees it: an expired session means choosing again;
/// anything else is the service being unavailable. Either way nothing is granted.
pub fn unavailable(error: ValtuudetError, lang: Lang) -> EdgeError {
    match error {
        ValtuudetError::Refused(_) => ApiError::new(ErrorCode::OnBehalfExpired, lang).into(),
        ValtuudetError::Unavailable(cause) => {
            log_warning(&format!("valtuudet unavailable: {cause}"));
            ApiError::new(ErrorCode::MandateServiceUnavailable, lang).into()
        }
        ValtuudetError::BadRequest => {
            log_warning("valtuudet refused a request as malformed");
            ApiError::new(ErrorCode::MandateServiceUnavailable, lang).into()
        }
    }
}

/// A fresh request id and the request's time, for one Valtuudet call.
pub fn call_context<D: Database, H: Outbound>(ctx: &Ctx<D, H>) -> CallContext {
    CallContext {
        request_id: random_uuid().unwrap_or_default(),
        timestamp: ctx
            .now
            .to_offset(time::UtcOffset::UTC)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    }
}
