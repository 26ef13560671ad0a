//! The API's routes: one table from method and path to handler, after the session is
//! resolved and the same-origin rule is applied to every state-changing request.

use crate::auth;
use crate::context::Ctx;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::outbound::Outbound;
use crate::public_cache::{cache_key, AnswerCache, Kept};
use crate::routes::{auth as auth_routes, citizen, on_behalf, producer, public, staff, Call};
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::routes::{resolve, Access, Resolved, RouteId, RouteMethod};
use seteli_domain::{ApiError, ErrorCode};
use staff::case_work as work;
use staff::{AuthorisationOrder, ProducerApplication, ResidentApplication};

/// The largest request body accepted: every form Seteli has fits many times over (the
/// longest text is 2000 characters).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Answers one API request. Never fails: every error becomes an `ApiError` response.
/// `HEAD` is answered as `GET` without the body. Every answer carries the security headers.
pub async fn handle<D: Database, H: Outbound>(req: &ApiRequest, ctx: &Ctx<D, H>) -> ApiResponse {
    let mut response = match route(req, ctx).await {
        Ok(response) => response,
        Err(error) => ApiResponse::error(&error.into_api_error(req.lang())),
    };
    if req.method == Method::Head {
        response.body.clear();
        response.bytes.clear();
    }
    response.with_security_headers(&ctx.config.public_url)
}

/// Answers one request, public reads from `cache` when they are there: looked up before any
/// session or database work, and each successful public answer kept for the next asker.
/// An answer says whether it came from the cache (`x-seteli-cache: hit` or `miss`).
pub async fn handle_cached<D: Database, H: Outbound, C: AnswerCache>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    cache: &C,
) -> ApiResponse {
    let Some(key) = cache_key(req, &ctx.config.public_url) else {
        return handle(req, ctx).await;
    };
    let now = ctx.unix_now();
    if let Some(kept) = cache.get(&key, now).await {
        let mut hit = public::public_answer(kept.body);
        if req.method == Method::Head {
            hit.body.clear();
        }
        return hit
            .with_security_headers(&ctx.config.public_url)
            .with_header("x-seteli-cache", "hit");
    }
    let get = ApiRequest {
        method: Method::Get,
        ..req.clone()
    };
    let answer = handle(&get, ctx).await;
    // Only what every asker would get: a success without a cookie of anyone's.
    if answer.status == 200 && answer.header("set-cookie").is_none() {
        let kept = Kept {
            body: answer.body.clone(),
            made_at: now,
        };
        cache.put(&key, &kept).await;
    }
    let mut answer = answer.with_header("x-seteli-cache", "miss");
    if req.method == Method::Head {
        answer.body.clear();
    }
    answer
}

/// Whether the request is a file upload: its body is read as bytes, up to
/// [`seteli_domain::application::MAX_ATTACHMENT_BYTES`] (every other route keeps
/// [`MAX_BODY_BYTES`]).
pub fn reads_file(method: Method, path: &str) -> bool {
    method == Method::Post
        && matches!(
            resolve(Some(RouteMethod::Post), path),
            Resolved::Found(route, _) if matches!(
                route.id,
                RouteId::ProducerUploadAttachment | RouteId::CitizenUploadApplicationFile
            )
        )
}

/// The largest body the request's route reads: a file upload's, a spreadsheet's of
/// holdings ([`seteli_domain::authorisation::import::MAX_IMPORT_BYTES`]), else
/// [`MAX_BODY_BYTES`].
pub fn body_limit(method: Method, path: &str) -> usize {
    let imports = method == Method::Post
        && matches!(
            resolve(Some(RouteMethod::Post), path),
            Resolved::Found(route, _) if route.id == RouteId::StaffImportAuthorisationHoldings
        );
    if reads_file(method, path) {
        seteli_domain::application::MAX_ATTACHMENT_BYTES
    } else if imports {
        seteli_domain::authorisation::import::MAX_IMPORT_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// Whether a body announced with `content_length` may be read under `limit`: a larger one
/// is refused (413) before a byte of it is read.
pub fn body_too_large(content_length: Option<&str>, limit: usize) -> bool {
    content_length
        .and_then(|n| n.trim().parse::<u64>().ok())
        .is_some_and(|n| n > limit as u64)
}

async fn route<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    auth::require_same_origin(req, &ctx.config.public_url)?;
    let limit = body_limit(req.method, &req.path);
    if req.oversized
        || req.body.len() > limit
        || req.bytes.len() > limit
        || body_too_large(req.header("content-length"), limit)
    {
        let code = if reads_file(req.method, &req.path) {
            ErrorCode::AttachmentTooLarge
        } else {
            ErrorCode::PayloadTooLarge
        };
        return Err(ApiError::new(code, lang).into());
    }
    let method = match req.method {
        Method::Get | Method::Head => Some(RouteMethod::Get),
        Method::Post => Some(RouteMethod::Post),
        _ => None,
    };
    let (route, params) = match resolve(method, &req.path) {
        Resolved::Found(route, params) => (route, params),
        Resolved::MethodNotAllowed(allow) => {
            let error = ApiError::new(ErrorCode::MethodNotAllowed, lang);
            return Ok(ApiResponse::error(&error).with_header("allow", allow));
        }
        Resolved::NotFound => return Err(ApiError::new(ErrorCode::NotFound, lang).into()),
    };
    let session = auth::current_session(req, ctx).await?;
    let actor = session.as_ref().map_or(Actor::Visitor, |s| s.actor.clone());
    let session = session.as_ref();
    if let Some(action) = route.access.action() {
        // A company whose 30 minutes ran out on this request: say so, so that the person
        // chooses it again (queued visits wait for that) instead of being told "forbidden".
        let for_company = action.is_producer_action() || action == Action::ProducerApply;
        if for_company && session.is_some_and(|s| s.company_expired) {
            return Err(ApiError::new(ErrorCode::CompanyChoiceExpired, lang).into());
        }
        if matches!(route.access, Access::Requires(_)) {
            require(&actor, action, lang)?;
        }
    }
    let call = Call {
        req,
        ctx,
        session,
        actor: &actor,
        lang,
        id: params.first().copied().unwrap_or_default(),
    };
    match route.id {
        RouteId::PublicMunicipalities => public::catalogue::handle_municipalities(&call).await,
        RouteId::PublicServices => public::catalogue::handle_services(&call).await,
        RouteId::PublicOffers => public::offers::handle_list(&call).await,
        RouteId::PublicProducer => public::producers::handle_get(&call).await,
        RouteId::AuthLogin => auth_routes::handle_login(&call).await,
        RouteId::AuthCallback => auth_routes::handle_callback(&call).await,
        RouteId::AuthLogout => auth_routes::handle_logout(&call).await,
        RouteId::AuthMe => auth_routes::handle_me(&call).await,
        RouteId::CitizenVouchers => citizen::vouchers::handle_list(&call).await,
        RouteId::CitizenVoucher => citizen::vouchers::handle_get(&call).await,
        RouteId::CitizenFeedback => citizen::feedback::handle_list(&call).await,
        RouteId::CitizenGiveFeedback => citizen::feedback::handle_create(&call).await,
        RouteId::CitizenAnswerSurvey => citizen::surveys::handle_create(&call).await,
        RouteId::CitizenTrail => citizen::messages::handle_trail(&call).await,
        RouteId::CitizenMessages => citizen::messages::handle_messages(&call).await,
        RouteId::OnBehalfStart => on_behalf::handle_start(&call).await,
        RouteId::ValtuudetCallback => on_behalf::handle_callback(&call).await,
        RouteId::OnBehalfRegistered => on_behalf::handle_registered(&call).await,
        RouteId::OnBehalfActForRegistered => on_behalf::handle_act_for_registered(&call).await,
        RouteId::OnBehalfStop => on_behalf::handle_stop(&call).await,
        RouteId::ProducerHome => producer::handle_home(&call).await,
        RouteId::ProducerPrices => producer::handle_prices(&call).await,
        RouteId::ProducerSetPrice => producer::handle_set_price(&call).await,
        RouteId::ProducerLookUpVoucher => producer::handle_lookup(&call).await,
        RouteId::ProducerVoucher => producer::handle_voucher(&call).await,
        RouteId::ProducerLogEvent => producer::handle_log_event(&call).await,
        RouteId::ProducerCancelEvent => producer::handle_cancel_event(&call).await,
        RouteId::ProducerCorrectEvent => producer::handle_correct_event(&call).await,
        RouteId::ProducerFeedback => producer::handle_feedback(&call).await,
        RouteId::ProducerReply => producer::handle_reply(&call).await,
        RouteId::ProducerAnswerDispute => producer::handle_answer_dispute(&call).await,
        RouteId::CitizenDecision => citizen::messages::handle_decision(&call).await,
        RouteId::CitizenAccessLog => citizen::messages::handle_access_log(&call).await,
        RouteId::StaffDesk => staff::handle_desk(&call).await,
        RouteId::StaffSearchCustomers => staff::handle_search(&call).await,
        RouteId::StaffCreateCustomer => staff::handle_create(&call).await,
        RouteId::StaffCustomer => staff::handle_card(&call).await,
        RouteId::StaffRevealHetu => staff::handle_reveal(&call).await,
        RouteId::StaffUpdateContact => staff::handle_contact(&call).await,
        RouteId::StaffRecordAssessment => staff::handle_record_assessment(&call).await,
        RouteId::StaffRegisterProxy => staff::handle_register_proxy(&call).await,
        RouteId::StaffEndProxy => staff::handle_end_proxy(&call).await,
        RouteId::StaffDraftDecision => staff::handle_draft(&call).await,
        RouteId::StaffDecision => staff::handle_decision(&call).await,
        RouteId::StaffDecide => staff::handle_decide(&call).await,
        RouteId::StaffDeliver => staff::handle_deliver(&call).await,
        RouteId::StaffEndVoucher => staff::handle_end(&call).await,
        RouteId::StaffAnnulVoucher => staff::handle_annul(&call).await,
        RouteId::StaffEvents => staff::handle_events(&call).await,
        RouteId::StaffCheckEvent => staff::handle_check_event(&call).await,
        RouteId::StaffIncomeTables => staff::handle_income_tables(&call).await,
        RouteId::StaffSetIncomeTable => staff::handle_set_income_table(&call).await,
        RouteId::ProducerApplications => producer::handle_applications(&call).await,
        RouteId::ProducerStartApplication => producer::handle_start_application(&call).await,
        RouteId::ProducerApplication => producer::handle_application(&call).await,
        RouteId::ProducerSaveApplication => producer::handle_save_application(&call).await,
        RouteId::ProducerSubmitApplication => producer::handle_submit_application(&call).await,
        RouteId::ProducerCancelApplication => producer::handle_cancel_application(&call).await,
        RouteId::ProducerDeleteApplication => producer::handle_delete_application(&call).await,
        RouteId::ProducerAnswerApplication => producer::handle_answer_application(&call).await,
        RouteId::ProducerUploadAttachment => producer::handle_upload(&call).await,
        RouteId::ProducerAttachment => producer::handle_attachment(&call).await,
        RouteId::ProducerDeleteAttachment => producer::handle_delete_attachment(&call).await,
        RouteId::StaffApplications => staff::handle_queue(&call).await,
        RouteId::StaffApplication => staff::handle_application(&call).await,
        RouteId::StaffTakeApplication => {
            work::handle_take::<ProducerApplication, _, _>(&call).await
        }
        RouteId::StaffHandOverApplication => {
            work::handle_hand_over::<ProducerApplication, _, _>(&call).await
        }
        RouteId::StaffReleaseApplication => {
            work::handle_release::<ProducerApplication, _, _>(&call).await
        }
        RouteId::StaffAskApplicant => work::handle_ask::<ProducerApplication, _, _>(&call).await,
        RouteId::StaffApproveApplication => staff::handle_approve_application(&call).await,
        RouteId::StaffRejectApplication => {
            work::handle_reject::<ProducerApplication, _, _>(&call).await
        }
        RouteId::StaffAttachment => staff::handle_attachment(&call).await,
        RouteId::StaffApprovals => staff::handle_approvals(&call).await,
        RouteId::StaffSuperviseApproval => staff::handle_supervise(&call).await,
        RouteId::StaffDeliveries => staff::handle_deliveries(&call).await,
        RouteId::StaffReleaseDelivery => staff::handle_release_delivery(&call).await,
        RouteId::CitizenApplications => citizen::applications::handle_list(&call).await,
        RouteId::CitizenStartApplication => citizen::applications::handle_start(&call).await,
        RouteId::CitizenApplication => citizen::applications::handle_get(&call).await,
        RouteId::CitizenSaveApplication => citizen::applications::handle_save(&call).await,
        RouteId::CitizenSendApplication => citizen::applications::handle_send(&call).await,
        RouteId::CitizenCancelApplication => citizen::applications::handle_cancel(&call).await,
        RouteId::CitizenAnswerApplication => citizen::applications::handle_answer(&call).await,
        RouteId::CitizenResendConsent => citizen::consents::handle_resend(&call).await,
        RouteId::CitizenConsentRequests => citizen::consents::handle_list(&call).await,
        RouteId::CitizenConsentRequest => citizen::consents::handle_get(&call).await,
        RouteId::CitizenAnswerConsent => citizen::consents::handle_answer(&call).await,
        RouteId::StaffResidentApplications => staff::residents::handle_queue(&call).await,
        RouteId::StaffResidentApplication => staff::residents::handle_get(&call).await,
        RouteId::StaffTakeResidentApplication => {
            work::handle_take::<ResidentApplication, _, _>(&call).await
        }
        RouteId::StaffHandOverResidentApplication => {
            work::handle_hand_over::<ResidentApplication, _, _>(&call).await
        }
        RouteId::StaffReleaseResidentApplication => {
            work::handle_release::<ResidentApplication, _, _>(&call).await
        }
        RouteId::StaffAskResident => work::handle_ask::<ResidentApplication, _, _>(&call).await,
        RouteId::StaffRejectResidentApplication => {
            work::handle_reject::<ResidentApplication, _, _>(&call).await
        }
        RouteId::CitizenRefuseVoucher => citizen::vouchers::handle_refuse(&call).await,
        RouteId::CitizenUploadApplicationFile => citizen::files::handle_upload(&call).await,
        RouteId::CitizenApplicationFile => citizen::files::handle_get(&call).await,
        RouteId::CitizenDeleteApplicationFile => citizen::files::handle_delete(&call).await,
        RouteId::StaffResidentAttachment => staff::residents::handle_attachment(&call).await,
        RouteId::StaffAskConsent => staff::residents::handle_ask_consent(&call).await,
        RouteId::StaffSettlements => staff::settlements::handle_month(&call).await,
        RouteId::StaffGatherSettlements => staff::settlements::handle_gather(&call).await,
        RouteId::StaffSettlement => staff::settlements::handle_get(&call).await,
        RouteId::StaffHoldSettlementEvent => staff::settlements::handle_hold(&call).await,
        RouteId::StaffReleaseSettlementEvent => staff::settlements::handle_release(&call).await,
        RouteId::StaffConfirmSettlement => staff::settlements::handle_confirm(&call).await,
        RouteId::StaffPaySettlement => staff::settlements::handle_paid(&call).await,
        RouteId::StaffPaymentFile => staff::settlements::handle_payment_file(&call).await,
        RouteId::StaffWritePaymentFile => {
            staff::settlements::handle_write_payment_file(&call).await
        }
        RouteId::StaffLedger => staff::settlements::handle_ledger(&call).await,
        RouteId::StaffProducerAccounts => staff::settlements::handle_accounts(&call).await,
        RouteId::StaffConfirmProducerAccount => {
            staff::settlements::handle_decide_account(&call, true).await
        }
        RouteId::StaffRejectProducerAccount => {
            staff::settlements::handle_decide_account(&call, false).await
        }
        RouteId::ProducerStatements => producer::handle_statements(&call).await,
        RouteId::ProducerStatement => producer::handle_statement(&call).await,
        RouteId::ProducerAccount => producer::handle_account(&call).await,
        RouteId::ProducerSetAccount => producer::handle_set_account(&call).await,
        RouteId::StaffProductionReport => staff::reports::handle_production(&call).await,
        RouteId::StaffBudgetReport => staff::reports::handle_budget(&call).await,
        RouteId::StaffAuthorisations => staff::authorisations::handle_catalogue(&call).await,
        RouteId::StaffAddAuthorisation => staff::authorisations::handle_add(&call).await,
        RouteId::StaffEditAuthorisation => staff::authorisations::handle_edit(&call).await,
        RouteId::StaffAuthorisationMap => staff::authorisations::handle_map(&call).await,
        RouteId::StaffSetAuthorisationMap => staff::authorisations::handle_set_map(&call).await,
        RouteId::StaffAuthorisationReport => staff::authorisations::handle_report(&call).await,
        RouteId::StaffOrderAuthorisation => staff::authorisation_orders::handle_order(&call).await,
        RouteId::StaffAuthorisationOrders => staff::authorisation_orders::handle_mine(&call).await,
        RouteId::StaffAuthorisationQueue => staff::authorisation_orders::handle_queue(&call).await,
        RouteId::StaffAuthorisationOrder => staff::authorisation_orders::handle_get(&call).await,
        RouteId::StaffTakeAuthorisationOrder => {
            work::handle_take::<AuthorisationOrder, _, _>(&call).await
        }
        RouteId::StaffReleaseAuthorisationOrder => {
            work::handle_release::<AuthorisationOrder, _, _>(&call).await
        }
        RouteId::StaffHandOverAuthorisationOrder => {
            work::handle_hand_over::<AuthorisationOrder, _, _>(&call).await
        }
        RouteId::StaffAuthorisationOrderWaitDvv => {
            staff::authorisation_steps::handle_wait_dvv(&call).await
        }
        RouteId::StaffAuthorisationOrderDvvGranted => {
            staff::authorisation_steps::handle_dvv_granted(&call).await
        }
        RouteId::StaffAuthorisationOrderDvvRefused => {
            staff::authorisation_steps::handle_dvv_refused(&call).await
        }
        RouteId::StaffAuthorisationOrderDone => {
            staff::authorisation_steps::handle_done(&call).await
        }
        RouteId::StaffRejectAuthorisationOrder => {
            work::handle_reject::<AuthorisationOrder, _, _>(&call).await
        }
        RouteId::StaffAuthorisationHoldings => {
            staff::authorisation_holdings::handle_list(&call).await
        }
        RouteId::StaffAddAuthorisationHolding => {
            staff::authorisation_holdings::handle_add(&call).await
        }
        RouteId::StaffImportAuthorisationHoldings => {
            staff::authorisation_import::handle_import(&call).await
        }
        RouteId::StaffAuthorisationHoldingLeaving => {
            staff::authorisation_holdings::handle_leaving(&call).await
        }
        RouteId::StaffEndAuthorisationHolding => {
            staff::authorisation_holdings::handle_end(&call).await
        }
    }
}
