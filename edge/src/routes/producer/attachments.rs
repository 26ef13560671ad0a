//! Files attached to a company's application: upload (the one route with a body over
//! 64 KiB: at most 5 MB, a PDF or an image by its content), download (as an attachment,
//! never shown inline) and removal while the applicant may still write.

use super::applications::{own, writable};
use super::{agent, error};
use crate::blobs::new_attachment_key;
use crate::db::applications as rows;
use crate::db::applications::attachments::{self as files, Reader};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::application::{check_attachment, AttachmentError, MAX_ATTACHMENTS};
use seteli_domain::ids::AttachmentId;
use seteli_domain::permissions::Action;
use seteli_domain::{ApiError, ErrorCode};

/// `POST /api/producer/applications/{id}/attachments?name=…&requirement=…`: the file is the
/// body. `requirement` names the checklist item it backs (optional).
pub async fn handle_upload<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let lang = call.lang;
    let row = own(call, agent.company.producer_id).await?;
    if !writable(&row) {
        return Err(error(ErrorCode::CaseWrongState, lang));
    }
    let db = &call.ctx.db;
    let invalid = |field: &str| -> EdgeError {
        ApiError::field(ErrorCode::InvalidAttachment, field, lang).into()
    };
    let requirement = call
        .req
        .query_param("requirement")
        .filter(|r| !r.is_empty());
    if let Some(code) = requirement {
        let services = rows::form(db, &row).await?.service_codes();
        let checklist = rows::requirements(db, &row.municipality_code, &services, lang).await?;
        if !checklist.iter().any(|r| r.code == code) {
            return Err(invalid("requirement"));
        }
    }
    let by = format!("{} {}", agent.person.given_name, agent.person.family_name);
    let id = store_upload(call, &row.case, requirement, &by).await?;
    let view = files::of_case(db, row.case.id)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| EdgeError::Internal("a stored file's row was not found".into()))?;
    Ok(ApiResponse::private_json(201, &view))
}

/// Stores the request's body as a file of `case` (at its step, open to the applicant's
/// writing), backing `requirement`, uploaded by `by`: at most [`MAX_ATTACHMENTS`] files, a
/// PDF or an image by its content, within the size limit. Its id; the bytes are not kept
/// when the row cannot be written (the case moved on).
pub async fn store_upload<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    case: &crate::db::cases::CaseRow,
    requirement: Option<&str>,
    by: &str,
) -> Result<AttachmentId, EdgeError> {
    let lang = call.lang;
    let db = &call.ctx.db;
    let invalid = |field: &str| -> EdgeError {
        ApiError::field(ErrorCode::InvalidAttachment, field, lang).into()
    };
    if files::count(db, case.id).await? >= MAX_ATTACHMENTS {
        return Err(invalid("count"));
    }
    let name = call.req.query_param("name").unwrap_or_default();
    let (kind, name) = check_attachment(&call.req.bytes, name).map_err(|e| match e {
        AttachmentError::Size if !call.req.bytes.is_empty() => {
            ApiError::new(ErrorCode::AttachmentTooLarge, lang).into()
        }
        AttachmentError::Size => invalid("file"),
        AttachmentError::Type => invalid("file"),
        AttachmentError::Name => invalid("name"),
    })?;
    let key = new_attachment_key()
        .ok_or_else(|| EdgeError::Internal("no randomness for a file key".into()))?;
    let size = call.req.bytes.len();
    call.ctx
        .blobs
        .put(&key, call.req.bytes.clone(), call.ctx.unix_now())
        .await
        .map_err(|e| EdgeError::Internal(format!("storing a file failed: {}", e.0)))?;
    let at = call.ctx.timestamp();
    let written = files::insert(
        db,
        case.id,
        &case.step,
        &key,
        requirement,
        &name,
        kind,
        size,
        by,
        &at,
    )
    .await;
    match written {
        Ok(Some(id)) => Ok(id),
        other => {
            // The case moved on (or the row failed): the file is not kept.
            let _ = call.ctx.blobs.delete(&key).await;
            other?;
            Err(error(ErrorCode::CaseChanged, lang))
        }
    }
}

/// `GET /api/producer/attachments/{id}`: a file of the company's own application.
pub async fn handle_attachment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    serve(call, Reader::Company(agent.company.producer_id)).await
}

/// The file of the path's id if `reader` may have it: as an attachment, with the type it
/// was checked to be.
pub async fn serve<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    reader: Reader<'_>,
) -> Result<ApiResponse, EdgeError> {
    let not_found = || error(ErrorCode::AttachmentNotFound, call.lang);
    let id = AttachmentId::parse(call.id).ok_or_else(not_found)?;
    let file = files::find(&call.ctx.db, id, reader)
        .await?
        .ok_or_else(not_found)?;
    send_file(call, file).await
}

/// `file` as the answer: an attachment, with the type it was checked to be.
pub async fn send_file<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    file: files::StoredFile,
) -> Result<ApiResponse, EdgeError> {
    let bytes = call
        .ctx
        .blobs
        .get(&file.blob_key)
        .await
        .map_err(|e| EdgeError::Internal(format!("reading a file failed: {}", e.0)))?
        .ok_or_else(|| EdgeError::Internal("a file's bytes are missing".into()))?;
    Ok(ApiResponse::attachment(
        &file.content_type,
        &file.file_name,
        bytes,
    ))
}

/// `POST /api/producer/attachments/{id}/delete`: removes a file while the applicant may
/// still write to the case.
pub async fn handle_delete<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let producer = agent.company.producer_id;
    let not_found = || error(ErrorCode::AttachmentNotFound, call.lang);
    let id = AttachmentId::parse(call.id).ok_or_else(not_found)?;
    files::find(&call.ctx.db, id, Reader::Company(producer))
        .await?
        .ok_or_else(not_found)?;
    let Some(key) = files::delete(&call.ctx.db, id, producer).await? else {
        return Err(error(ErrorCode::CaseWrongState, call.lang));
    };
    if let Err(e) = call.ctx.blobs.delete(&key).await {
        crate::error::log_warning(&format!("deleting a file failed: {}", e.0));
    }
    Ok(ApiResponse::no_content())
}
