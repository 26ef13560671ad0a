//! Residents' voucher applications: the applicant's (and whoever acts for the principal)
//! `/api/citizen/applications..`, a named guardian's `/api/citizen/consent-requests..`, and
//! the organiser's customer service's `/api/staff/resident-applications..`.

use super::{get_in, post, post_no_content, upload_file};
use crate::api::applications::HandlerStep;
use seteli_domain::api::applications::StepComment;
use seteli_domain::api::desk::Created;
use seteli_domain::api::resident::{
    ConsentAnswer, ConsentRequestItem, ConsentRequestView, OwnVoucherApplications,
    ResidentApplicationQueue, VoucherApplicationForm, VoucherApplicationView,
};
use seteli_domain::ids::{CaseId, ConsentRequestId};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// `GET /api/citizen/applications`: the principal's applications and what the form offers.
pub async fn own(lang: Lang) -> Result<OwnVoucherApplications, ApiError> {
    get_in("/api/citizen/applications", lang).await
}

/// `POST /api/citizen/applications`: a new draft; its id.
pub async fn start(form: &VoucherApplicationForm, lang: Lang) -> Result<CaseId, ApiError> {
    let created: Created = post("/api/citizen/applications", form, lang).await?;
    CaseId::parse(&created.id.to_string()).ok_or_else(|| ApiError::new(ErrorCode::Internal, lang))
}

/// `GET /api/citizen/applications/{id}`.
pub async fn application(id: CaseId, lang: Lang) -> Result<VoucherApplicationView, ApiError> {
    get_in(&format!("/api/citizen/applications/{id}"), lang).await
}

/// `POST /api/citizen/applications/{id}`: saves the draft.
pub async fn save(
    id: CaseId,
    form: &VoucherApplicationForm,
    lang: Lang,
) -> Result<VoucherApplicationView, ApiError> {
    post(&format!("/api/citizen/applications/{id}"), form, lang).await
}

/// What the applicant does to the whole application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidentStep {
    Send,
    Answer,
    Cancel,
}

/// `POST /api/citizen/applications/{id}/{send|answer|cancel}`.
pub async fn step(
    id: CaseId,
    step: ResidentStep,
    comment: &str,
    lang: Lang,
) -> Result<VoucherApplicationView, ApiError> {
    let what = match step {
        ResidentStep::Send => "send",
        ResidentStep::Answer => "answer",
        ResidentStep::Cancel => "cancel",
    };
    let body = StepComment {
        comment: comment.to_owned(),
    };
    post(
        &format!("/api/citizen/applications/{id}/{what}"),
        &body,
        lang,
    )
    .await
}

/// `POST /api/citizen/consent-requests/{id}/resend`.
pub async fn resend(id: ConsentRequestId, lang: Lang) -> Result<VoucherApplicationView, ApiError> {
    post(
        &format!("/api/citizen/consent-requests/{id}/resend"),
        &StepComment::default(),
        lang,
    )
    .await
}

/// `GET /api/citizen/consent-requests`: the requests that name the person.
pub async fn consent_requests(lang: Lang) -> Result<Vec<ConsentRequestItem>, ApiError> {
    get_in("/api/citizen/consent-requests", lang).await
}

/// `GET /api/citizen/consent-requests/{id}`: for the named guardian acting for the child.
pub async fn consent_request(
    id: ConsentRequestId,
    lang: Lang,
) -> Result<ConsentRequestView, ApiError> {
    get_in(&format!("/api/citizen/consent-requests/{id}"), lang).await
}

/// `POST /api/citizen/consent-requests/{id}/answer`.
pub async fn answer_consent(
    id: ConsentRequestId,
    answer: &ConsentAnswer,
    lang: Lang,
) -> Result<ConsentRequestView, ApiError> {
    post(
        &format!("/api/citizen/consent-requests/{id}/answer"),
        answer,
        lang,
    )
    .await
}

/// `GET /api/staff/resident-applications`.
pub async fn queue(lang: Lang) -> Result<ResidentApplicationQueue, ApiError> {
    get_in("/api/staff/resident-applications", lang).await
}

/// `GET /api/staff/resident-applications/{id}`.
pub async fn case(id: CaseId, lang: Lang) -> Result<VoucherApplicationView, ApiError> {
    get_in(&format!("/api/staff/resident-applications/{id}"), lang).await
}

/// `POST /api/staff/resident-applications/{id}/{step}`: the application as it now is.
/// (Approving is deciding a voucher drafted from it, not a step here.)
pub async fn handler_step(
    id: CaseId,
    step: &HandlerStep,
    lang: Lang,
) -> Result<VoucherApplicationView, ApiError> {
    let path = |what: &str| format!("/api/staff/resident-applications/{id}/{what}");
    let comment = |text: &str| StepComment {
        comment: text.to_owned(),
    };
    match step {
        HandlerStep::Take => post(&path("take"), &comment(""), lang).await,
        HandlerStep::Release => post(&path("release"), &comment(""), lang).await,
        HandlerStep::HandOver(body) => post(&path("hand-over"), body, lang).await,
        HandlerStep::Ask(body) => post(&path("ask"), body, lang).await,
        HandlerStep::Reject(text) => post(&path("reject"), &comment(text), lang).await,
        HandlerStep::AskConsent(guardian) => post(&path("ask-consent"), guardian, lang).await,
        HandlerStep::Approve(_) => Err(ApiError::new(ErrorCode::CaseWrongState, lang)),
    }
}

/// `POST /api/citizen/vouchers/{id}/refuse`: refuses a voucher in force.
pub async fn refuse_voucher(
    id: seteli_domain::ids::VoucherId,
    refusal: &seteli_domain::api::resident::VoucherRefusal,
    lang: Lang,
) -> Result<seteli_domain::api::resident::RefusedVoucher, ApiError> {
    post(&format!("/api/citizen/vouchers/{id}/refuse"), refusal, lang).await
}

/// `POST /api/citizen/applications/{id}/attachments`: `file` as the body; the application.
pub async fn upload(
    id: CaseId,
    file: &web_sys::File,
    lang: Lang,
) -> Result<VoucherApplicationView, ApiError> {
    upload_file(
        &format!("/api/citizen/applications/{id}/attachments"),
        None,
        file,
        lang,
    )
    .await
}

/// `POST /api/citizen/attachments/{id}/delete`.
pub async fn remove_file(id: seteli_domain::ids::AttachmentId, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/citizen/attachments/{id}/delete"),
        Some(&StepComment::default()),
        lang,
    )
    .await
}

/// Where the person downloads a file of an application they may read.
pub fn file_url(id: seteli_domain::ids::AttachmentId) -> String {
    format!("{}/api/citizen/attachments/{id}", super::api_base())
}

/// Where customer service downloads a file of a resident's application.
pub fn staff_file_url(id: seteli_domain::ids::AttachmentId) -> String {
    format!("{}/api/staff/resident-attachments/{id}", super::api_base())
}
