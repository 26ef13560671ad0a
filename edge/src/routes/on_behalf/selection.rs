//! Choosing a principal through the Suomi.fi-valtuudet selection page: a guardian's child,
//! an adult principal, or (`ypa`) a producer company.

use super::{callback_uri, end_valtuudet_session, logged_in_person, refused, SELECTION_LIMIT_SECS};
use crate::auth::{new_session_id, session_set_cookie, CurrentSession};
use crate::context::Ctx;
use crate::crypto::random_token;
use crate::db::on_behalf::{self as store, Acting, Principal, Selection, TrailRecord};
use crate::db::vouchers::customer_by_hetu;
use crate::db::Database;
use crate::error::{log_warning, EdgeError};
use crate::http::ApiResponse;
use crate::on_behalf::call_context;
use crate::outbound::Outbound;
use crate::routes::Call;
use crate::valtuudet::{self, Decision, Mode, ValtuudetError};
use seteli_domain::api::TrailResult;
use seteli_domain::clock::finnish_date;
use seteli_domain::hetu::Hetu;
use seteli_domain::mandates::{register_names, Basis, OnBehalfAction, PrincipalKind, Refusal};
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::producer::may_act_for_company;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// `GET /api/on-behalf/start?for=child|adult&lang=..` (a page load): registers a Valtuudet
/// session for the logged-in person and sends the browser to the selection page. Ends
/// acting for anyone chosen earlier. Permission: [`Action::ChoosePrincipal`].
pub async fn handle_start<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let session = call.session;
    let kind = call
        .req
        .query_param("for")
        .and_then(PrincipalKind::parse)
        .unwrap_or(PrincipalKind::Child);
    if matches!(call.actor, Actor::Visitor) {
        // A page load: the page itself asks the person to log in.
        return Ok(ApiResponse::redirect(&format!(
            "/on-behalf?lang={}",
            call.lang.code()
        )));
    }
    require(call.actor, Action::ChoosePrincipal, call.lang)?;
    let (Some(person), Some(session)) = (logged_in_person(call.actor), session) else {
        return Err(ApiError::new(ErrorCode::Forbidden, call.lang).into());
    };
    // A page load, so a link on another site could start it: only a navigation from
    // Seteli's own pages (or one the person typed) may end the current choice.
    if matches!(call.req.header("sec-fetch-site"), Some(site) if site != "same-origin" && site != "none")
    {
        return Err(ApiError::new(ErrorCode::CrossSiteRequest, call.lang).into());
    }
    // Choosing again ends acting for anyone chosen before, whatever the outcome, under a
    // new session id.
    let (new_id, new_hash) = new_session_id()?;
    store::stop_acting_with_new_id(&call.ctx.db, &session.id_hash, &new_hash).await?;
    end_valtuudet_session(call.ctx, session).await;
    let new_cookie = session_set_cookie(&call.ctx.config.public_url, &new_id);
    let Some(config) = call.ctx.config.valtuudet.as_ref() else {
        return Ok(
            refused(Refusal::Unavailable, kind, call.lang).add_header("set-cookie", new_cookie)
        );
    };
    let mode = match kind {
        PrincipalKind::Company => Mode::Ypa,
        PrincipalKind::Child | PrincipalKind::Adult => Mode::Hpa,
    };
    let registration = match valtuudet::register(
        &call.ctx.http,
        config,
        mode,
        person.hetu.as_str(),
        &call_context(call.ctx),
    )
    .await
    {
        Ok(registration) => registration,
        Err(error) => {
            log_warning(&format!("valtuudet register failed: {error:?}"));
            return Ok(
                refused(Refusal::Unavailable, kind, call.lang).add_header("set-cookie", new_cookie)
            );
        }
    };
    let state = random_token().ok_or_else(|| EdgeError::Internal("no randomness".into()))?;
    store::begin_selection(
        &call.ctx.db,
        &state,
        &Selection {
            session_id_hash: new_hash,
            kind: kind.as_str().to_owned(),
            valtuudet_session: registration.session_id,
            lang: call.lang.code().to_owned(),
            created_at: call.ctx.unix_now(),
        },
        call.ctx.unix_now() - SELECTION_LIMIT_SECS,
    )
    .await?;
    Ok(ApiResponse::redirect(&valtuudet::selection_url(
        config,
        &registration.user_id,
        &callback_uri(&call.ctx.config.public_url),
        &state,
        call.lang.code(),
    ))
    .add_header("set-cookie", new_cookie))
}

/// `GET /api/valtuudet/callback?code=..&state=..` (or `error=..`): the person picked a
/// principal. The right is asked from Valtuudet (DISALLOWED or UNKNOWN: no right), and only
/// then does the session act for them — a customer, or a person the municipality has not
/// made one yet (who can be applied for). Every outcome after the pick is logged for the
/// principal.
/// Permission: [`Action::ChoosePrincipal`].
pub async fn handle_callback<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let session = call.session;
    let state = call.req.query_param("state").unwrap_or_default();
    let selection = if state.is_empty() {
        None
    } else {
        store::take_selection(&call.ctx.db, state).await?
    };
    let lang = selection
        .as_ref()
        .and_then(|s| Lang::parse(&s.lang))
        .unwrap_or_else(|| call.req.lang());
    let expired = |kind| Ok(refused(Refusal::Expired, kind, lang));
    let (Some(selection), Some(session), Some(person)) =
        (selection, session, logged_in_person(call.actor))
    else {
        return expired(PrincipalKind::Child);
    };
    let kind = selection.kind();
    if selection.session_id_hash != session.id_hash
        || call.ctx.unix_now() - selection.created_at > SELECTION_LIMIT_SECS
    {
        return expired(kind);
    }
    require(call.actor, Action::ChoosePrincipal, lang)?;
    let Some(config) = call.ctx.config.valtuudet.as_ref() else {
        return Ok(refused(Refusal::Unavailable, kind, lang));
    };
    let valtuudet_session = selection.valtuudet_session.as_str();
    let code = match (call.req.query_param("code"), call.req.query_param("error")) {
        (Some(code), None) if !code.is_empty() => code,
        // Cancelled, or nobody to pick: Valtuudet does not tell the two apart.
        _ => return Ok(refused(Refusal::NoPrincipals, kind, lang)),
    };
    let unavailable = |error: ValtuudetError| {
        log_warning(&format!("valtuudet selection failed: {error:?}"));
        Ok(refused(Refusal::Unavailable, kind, lang))
    };
    let redirect_uri = callback_uri(&call.ctx.config.public_url);
    let token = match valtuudet::token(&call.ctx.http, config, code, &redirect_uri).await {
        Ok(token) => token,
        Err(error) => return unavailable(error),
    };
    if kind == PrincipalKind::Company {
        let refusal = choose_company(call.ctx, session, config, valtuudet_session, &token).await?;
        return Ok(match refusal {
            Ok(new_id) => ApiResponse::redirect(&format!("/producer?lang={}", lang.code()))
                .add_header(
                    "set-cookie",
                    session_set_cookie(&call.ctx.config.public_url, &new_id),
                ),
            Err(refusal) => refused(refusal, kind, lang),
        });
    }
    let picked = match valtuudet::delegate(
        &call.ctx.http,
        config,
        valtuudet_session,
        &token,
        &call_context(call.ctx),
    )
    .await
    {
        Ok(principals) => principals.into_iter().next(),
        Err(error) => return unavailable(error),
    };
    let Some(picked) = picked else {
        return Ok(refused(Refusal::NoPrincipals, kind, lang));
    };
    let Ok(principal_hetu) = Hetu::parse(&picked.person_id) else {
        return unavailable(ValtuudetError::Unavailable(
            "the picked person has no valid identity code".into(),
        ));
    };
    let decision = match valtuudet::authorization(
        &call.ctx.http,
        config,
        valtuudet_session,
        &token,
        principal_hetu.as_str(),
        OnBehalfAction::Choose.required_issues(),
        &call_context(call.ctx),
    )
    .await
    {
        Ok(decision) => decision,
        Err(error) => return unavailable(error),
    };
    let customer = customer_by_hetu(&call.ctx.db, principal_hetu.as_str()).await?;
    // A person no municipality has made a customer yet is acted for by the names
    // Valtuudet gave: there is nothing of theirs to read, but a voucher to apply for.
    let (given_name, family_name) = register_names(&picked.name);
    let principal = match customer {
        Some(id) => Principal::Customer(id),
        None => Principal::Person {
            hetu: principal_hetu.as_str(),
            given_name: &given_name,
            family_name: &family_name,
        },
    };
    let basis = basis_of(&principal_hetu, call.ctx);
    let name = format!("{} {}", person.given_name, person.family_name);
    let at = call.ctx.timestamp();
    let record = |result| {
        store::trail_statement(&TrailRecord {
            at: &at,
            actor_hetu: person.hetu.as_str(),
            actor_name: &name,
            principal,
            action: OnBehalfAction::Choose,
            basis,
            result,
        })
    };
    if decision != Decision::Allowed {
        let (sql, params) = record(TrailResult::Refused);
        call.ctx.db.execute(sql, &params).await?;
        return Ok(refused(Refusal::NoRight, kind, lang));
    }
    let acting = Acting {
        principal,
        basis,
        valtuudet: Some((valtuudet_session, &token)),
        checked_at: call.ctx.unix_now(),
    };
    let trail = record(TrailResult::Allowed);
    let cookie = super::act_under_new_id(call, session, &acting, trail).await?;
    Ok(
        ApiResponse::redirect(&format!("/my/vouchers?lang={}", lang.code()))
            .add_header("set-cookie", cookie),
    )
}

/// The company picked on the `ypa` selection page: allowed when the person's roles in it
/// permit (the common rule set); a company new to Seteli is added (not approved). Valtuudet's session is
/// ended at once: the choice holds for [`seteli_domain::producer::COMPANY_CHOICE_SECS`].
/// `Ok` with the session's new id when the session now acts for the company; `Err` with
/// the refusal otherwise.
async fn choose_company<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    session: &CurrentSession,
    config: &crate::valtuudet::ValtuudetConfig,
    valtuudet_session: &str,
    token: &str,
) -> Result<Result<String, Refusal>, EdgeError> {
    let organisations = valtuudet::organization_roles(
        &ctx.http,
        config,
        valtuudet_session,
        token,
        &call_context(ctx),
    )
    .await;
    let _ = valtuudet::unregister(
        &ctx.http,
        config,
        Mode::Ypa,
        valtuudet_session,
        &call_context(ctx),
    )
    .await;
    let organisation = match organisations {
        Ok(list) => list.into_iter().next(),
        Err(error) => {
            log_warning(&format!("valtuudet organisation roles failed: {error:?}"));
            return Ok(Err(Refusal::Unavailable));
        }
    };
    let Some(organisation) = organisation else {
        return Ok(Err(Refusal::NoPrincipals));
    };
    // An incomplete list of roles (Valtuudet could not read every register) may lack the
    // very role that would refuse, or grant: it grants nothing.
    if !organisation.complete || !may_act_for_company(&organisation.roles) {
        return Ok(Err(Refusal::NoCompanyRole));
    }
    // A company that is not yet a producer may act for itself to apply for approval, and
    // for nothing else until approved (the permission catalogue's `ProducerApply`).
    let Ok(business_id) = seteli_domain::BusinessId::parse(&organisation.identifier) else {
        return Ok(Err(Refusal::NoPrincipals));
    };
    let producer_id =
        store::producer_for_company(&ctx.db, &business_id, &organisation.name).await?;
    // Roles are codes or URIs; anything else is not stored.
    let roles: Vec<String> = organisation
        .roles
        .into_iter()
        .filter(|r| !r.is_empty() && r.len() <= 200 && !r.contains(char::is_whitespace))
        .collect();
    let (new_id, new_hash) = new_session_id()?;
    store::start_acting_for_company(
        &ctx.db,
        &session.id_hash,
        &new_hash,
        producer_id,
        &roles,
        ctx.unix_now(),
    )
    .await?;
    Ok(Ok(new_id))
}

/// A minor is acted for by a guardian; an adult only through a mandate. (Valtuudet has
/// already said yes; this names the basis for the trail and for what is asked later.)
fn basis_of<D: Database, H: Outbound>(principal: &Hetu, ctx: &Ctx<D, H>) -> Basis {
    let today = finnish_date(ctx.now);
    let birth = principal.birth_date();
    let mut age = today.year() - birth.year();
    if (today.month() as u8, today.day()) < (birth.month() as u8, birth.day()) {
        age -= 1;
    }
    if age < 18 {
        Basis::Guardian
    } else {
        Basis::Mandate
    }
}
