//! Files attached to a resident's voucher application (statements, for example): uploaded
//! by its applicant while the application is a draft or more information is asked (at most
//! 5 MB, a PDF or an image by its content), read by whoever may read the application,
//! removed by the applicant while they may still write to it.

use super::applicant::who;
use crate::db::resident_applications::{self as rows, files};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::producer::{send_file, store_upload};
use crate::routes::Call;
use seteli_domain::case::{Awaited, StateName};
use seteli_domain::ids::{AttachmentId, CaseId};
use seteli_domain::permissions::Action;
use seteli_domain::{ApiError, ErrorCode};

fn not_found(lang: seteli_domain::Lang) -> EdgeError {
    ApiError::new(ErrorCode::AttachmentNotFound, lang).into()
}

/// `POST /api/citizen/applications/{id}/attachments?name=…`: the file is the body; answers
/// the application with it. Permission: [`Action::ApplyForVoucher`].
pub async fn handle_upload<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let lang = call.lang;
    let missing = || EdgeError::from(ApiError::new(ErrorCode::ApplicationNotFound, lang));
    let id = CaseId::parse(call.id).ok_or_else(missing)?;
    let row = rows::find(&call.ctx.db, id, who.scope())
        .await?
        .ok_or_else(missing)?;
    if !who.may_write(&row) {
        return Err(ApiError::new(ErrorCode::CaseNotYours, lang).into());
    }
    let writable = row.case.state == StateName::Draft
        || (row.case.state == StateName::Waiting
            && row.case.waiting_on == Some(Awaited::Applicant));
    if !writable {
        return Err(ApiError::new(ErrorCode::CaseWrongState, lang).into());
    }
    store_upload(call, &row.case, None, &who.person_name()).await?;
    let at = call.ctx.timestamp();
    let trail = who.subject.trail_record(&at);
    if !trail.is_empty() {
        call.ctx.db.batch(&trail).await?;
    }
    let mut view =
        crate::db::resident_applications::view::view(&call.ctx.db, &row, lang, call.ctx.today())
            .await?;
    view.may_write = true;
    Ok(ApiResponse::private_json(201, &view))
}

/// `GET /api/citizen/attachments/{id}`: a file of an application the person may read.
/// Permission: [`Action::ViewOwnApplications`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ViewOwnApplications).await?;
    let id = AttachmentId::parse(call.id).ok_or_else(|| not_found(call.lang))?;
    let file = files::find(&call.ctx.db, id, who.scope())
        .await?
        .ok_or_else(|| not_found(call.lang))?;
    send_file(call, file).await
}

/// `POST /api/citizen/attachments/{id}/delete`: the applicant removes a file while they may
/// still write to the application. Permission: [`Action::ApplyForVoucher`].
pub async fn handle_delete<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let lang = call.lang;
    let id = AttachmentId::parse(call.id).ok_or_else(|| not_found(lang))?;
    let db = &call.ctx.db;
    let file = files::find(db, id, who.scope())
        .await?
        .ok_or_else(|| not_found(lang))?;
    let row = rows::find(db, file.case_id, who.scope())
        .await?
        .ok_or_else(|| not_found(lang))?;
    if !who.may_write(&row) {
        return Err(ApiError::new(ErrorCode::CaseNotYours, lang).into());
    }
    let Some(key) = files::delete(db, id, who.scope()).await? else {
        return Err(ApiError::new(ErrorCode::CaseWrongState, lang).into());
    };
    let at = call.ctx.timestamp();
    let trail = who.subject.trail_record(&at);
    if !trail.is_empty() {
        db.batch(&trail).await?;
    }
    if let Err(e) = call.ctx.blobs.delete(&key).await {
        crate::error::log_warning(&format!("deleting a file failed: {}", e.0));
    }
    Ok(ApiResponse::no_content())
}
