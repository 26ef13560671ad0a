//! Producers' applications and their supervision: the company's own
//! (`/api/producer/applications..`) and the organiser's producer handlers'
//! (`/api/staff/applications..`, `/api/staff/approvals..`).

use super::{api_base, get_in, post, post_no_content, upload_file};
use seteli_domain::api::applications::{
    ApplicationForm, ApplicationQueue, ApplicationView, ApprovalView, Approvals, AskForMore,
    AttachmentView, HandOver, NewApplication, OwnApplications, StepComment, Supervise,
};
use seteli_domain::ids::{AttachmentId, CaseId};
use seteli_domain::{ApiError, Lang};

/// `GET /api/producer/applications`: the company's applications and what it may apply for.
pub async fn own(lang: Lang) -> Result<OwnApplications, ApiError> {
    get_in("/api/producer/applications", lang).await
}

/// `POST /api/producer/applications`: a new draft.
pub async fn start(new: &NewApplication, lang: Lang) -> Result<ApplicationView, ApiError> {
    post("/api/producer/applications", new, lang).await
}

/// `GET /api/producer/applications/{id}`.
pub async fn application(id: CaseId, lang: Lang) -> Result<ApplicationView, ApiError> {
    get_in(&format!("/api/producer/applications/{id}"), lang).await
}

/// `POST /api/producer/applications/{id}`: saves the form.
pub async fn save(
    id: CaseId,
    form: &ApplicationForm,
    lang: Lang,
) -> Result<ApplicationView, ApiError> {
    post(&format!("/api/producer/applications/{id}"), form, lang).await
}

/// What the applicant does to the whole application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicantStep {
    Submit,
    Answer,
    Cancel,
}

/// `POST /api/producer/applications/{id}/{submit|answer|cancel}`.
pub async fn applicant_step(
    id: CaseId,
    step: ApplicantStep,
    comment: &str,
    lang: Lang,
) -> Result<ApplicationView, ApiError> {
    let what = match step {
        ApplicantStep::Submit => "submit",
        ApplicantStep::Answer => "answer",
        ApplicantStep::Cancel => "cancel",
    };
    let body = StepComment {
        comment: comment.to_owned(),
    };
    post(
        &format!("/api/producer/applications/{id}/{what}"),
        &body,
        lang,
    )
    .await
}

/// `POST /api/producer/applications/{id}/delete`: deletes a draft with its files.
pub async fn delete_draft(id: CaseId, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/producer/applications/{id}/delete"),
        Some(&StepComment::default()),
        lang,
    )
    .await
}

/// `POST /api/producer/applications/{id}/attachments`: `file` as the body, backing the
/// checklist item `requirement`.
pub async fn upload(
    id: CaseId,
    requirement: Option<&str>,
    file: &web_sys::File,
    lang: Lang,
) -> Result<AttachmentView, ApiError> {
    let query = requirement.map(|code| ("requirement", code.to_owned()));
    upload_file(
        &format!("/api/producer/applications/{id}/attachments"),
        query,
        file,
        lang,
    )
    .await
}

/// `POST /api/producer/attachments/{id}/delete`.
pub async fn remove_attachment(id: AttachmentId, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/producer/attachments/{id}/delete"),
        Some(&StepComment::default()),
        lang,
    )
    .await
}

/// Where the company downloads one of its files.
pub fn own_attachment_url(id: AttachmentId) -> String {
    format!("{}/api/producer/attachments/{id}", api_base())
}

/// Where a handler downloads a file of a case.
pub fn staff_attachment_url(id: AttachmentId) -> String {
    format!("{}/api/staff/attachments/{id}", api_base())
}

/// `GET /api/staff/applications`: the organiser's queue.
pub async fn queue(lang: Lang) -> Result<ApplicationQueue, ApiError> {
    get_in("/api/staff/applications", lang).await
}

/// `GET /api/staff/applications/{id}`: the case with the registry's answer.
pub async fn case(id: CaseId, lang: Lang) -> Result<ApplicationView, ApiError> {
    get_in(&format!("/api/staff/applications/{id}"), lang).await
}

/// A handler's step on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandlerStep {
    Take,
    Release,
    HandOver(HandOver),
    Ask(AskForMore),
    Approve(String),
    Reject(String),
    /// A resident's application only: ask a guardian's consent.
    AskConsent(seteli_domain::api::resident::NamedGuardian),
}

/// `POST /api/staff/applications/{id}/{step}`: the case as it now is.
pub async fn handler_step(
    id: CaseId,
    step: &HandlerStep,
    lang: Lang,
) -> Result<ApplicationView, ApiError> {
    let path = |what: &str| format!("/api/staff/applications/{id}/{what}");
    let comment = |text: &str| StepComment {
        comment: text.to_owned(),
    };
    match step {
        HandlerStep::Take => post(&path("take"), &comment(""), lang).await,
        HandlerStep::Release => post(&path("release"), &comment(""), lang).await,
        HandlerStep::HandOver(body) => post(&path("hand-over"), body, lang).await,
        HandlerStep::Ask(body) => post(&path("ask"), body, lang).await,
        HandlerStep::Approve(text) => post(&path("approve"), &comment(text), lang).await,
        HandlerStep::Reject(text) => post(&path("reject"), &comment(text), lang).await,
        HandlerStep::AskConsent(_) => Err(ApiError::new(
            seteli_domain::ErrorCode::CaseWrongState,
            lang,
        )),
    }
}

/// `GET /api/staff/approvals`.
pub async fn approvals(lang: Lang) -> Result<Approvals, ApiError> {
    get_in("/api/staff/approvals", lang).await
}

/// `POST /api/staff/approvals/supervise`: the approval as it now is.
pub async fn supervise(step: &Supervise, lang: Lang) -> Result<ApprovalView, ApiError> {
    post("/api/staff/approvals/supervise", step, lang).await
}
