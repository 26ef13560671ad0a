//! Attachments' rows: what each file is, whose case it belongs to, and where its bytes are
//! in the blob store. A row is written after its file is stored and deleted before the file
//! is, so a failure leaves at most a file no row names (the sweep removes those).

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::applications::AttachmentView;
use seteli_domain::application::AttachmentType;
use seteli_domain::ids::{AttachmentId, CaseId, ProducerId};
use seteli_domain::OrganiserCode;
use time::OffsetDateTime;

#[derive(Deserialize)]
struct AttachmentRow {
    id: AttachmentId,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    requirement_code: Option<String>,
    #[serde(with = "seteli_domain::clock::wire_time")]
    uploaded_at: OffsetDateTime,
}

impl AttachmentRow {
    fn view(self) -> Result<AttachmentView, DbError> {
        Ok(AttachmentView {
            id: self.id,
            file_name: self.file_name,
            content_type: AttachmentType::parse(&self.content_type)
                .ok_or_else(|| DbError::bad_row("attachments", "content_type"))?,
            size_bytes: self.size_bytes,
            requirement_code: self.requirement_code,
            uploaded_at: self.uploaded_at,
        })
    }
}

/// The case's files, in the order they came.
pub async fn of_case(db: &impl Database, case: CaseId) -> Result<Vec<AttachmentView>, DbError> {
    let rows: Vec<AttachmentRow> = db
        .query(
            "SELECT id, file_name, content_type, size_bytes, requirement_code, uploaded_at
             FROM attachments WHERE case_id = ?1 ORDER BY id",
            &[SqlValue::from(case)],
        )
        .await?;
    rows.into_iter().map(AttachmentRow::view).collect()
}

/// A file as it is served: its key in the blob store, its name and type.
#[derive(Debug, Deserialize)]
pub struct StoredFile {
    pub case_id: CaseId,
    pub blob_key: String,
    pub file_name: String,
    pub content_type: String,
}

/// Who asks for a file of a producer's application: the applicant company, or a producer
/// handler of the case's organiser (never a draft's file: only the applicant sees a draft).
#[derive(Debug, Clone, Copy)]
pub enum Reader<'a> {
    Company(ProducerId),
    Organiser(&'a OrganiserCode),
}

/// The file `id` of a producer's application if `reader` may have it; `None` otherwise,
/// exactly as for a missing one.
pub async fn find(
    db: &impl Database,
    id: AttachmentId,
    reader: Reader<'_>,
) -> Result<Option<StoredFile>, DbError> {
    let (condition, param): (&str, SqlValue) = match reader {
        Reader::Company(producer) => (
            "EXISTS (SELECT 1 FROM producer_applications a WHERE a.case_id = f.case_id AND a.producer_id = ?2)",
            producer.into(),
        ),
        Reader::Organiser(organiser) => (
            "EXISTS (SELECT 1 FROM cases c WHERE c.id = f.case_id AND c.organiser_code = ?2
                 AND c.state != 'draft' AND c.kind = 'producer_application')",
            organiser.as_str().into(),
        ),
    };
    find_where(db, id, condition, vec![param]).await
}

/// The file `id` if `condition` (over the file `f`, its parameters from `?2`) holds.
pub async fn find_where(
    db: &impl Database,
    id: AttachmentId,
    condition: &str,
    params: Vec<SqlValue>,
) -> Result<Option<StoredFile>, DbError> {
    let mut all = vec![SqlValue::from(id)];
    all.extend(params);
    let rows: Vec<StoredFile> = db
        .query(
            &format!(
                "SELECT f.case_id, f.blob_key, f.file_name, f.content_type FROM attachments f
                 WHERE f.id = ?1 AND {condition}"
            ),
            &all,
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// How many files the case carries.
pub async fn count(db: &impl Database, case: CaseId) -> Result<usize, DbError> {
    #[derive(Deserialize)]
    struct Count {
        n: i64,
    }
    let rows: Vec<Count> = db
        .query(
            "SELECT COUNT(*) AS n FROM attachments WHERE case_id = ?1",
            &[SqlValue::from(case)],
        )
        .await?;
    Ok(rows.first().map_or(0, |r| r.n.max(0) as usize))
}

/// A file's row, written after its bytes are stored, while the case is still at `step` and
/// open to the applicant's writing. Its id, or `None` when the case moved on.
#[allow(clippy::too_many_arguments)]
pub async fn insert(
    db: &impl Database,
    case: CaseId,
    step: &str,
    blob_key: &str,
    requirement_code: Option<&str>,
    file_name: &str,
    content_type: AttachmentType,
    size_bytes: usize,
    uploaded_by: &str,
    at: &str,
) -> Result<Option<AttachmentId>, DbError> {
    let written: Vec<crate::db::IdRow<AttachmentId>> = db
        .query(
            "INSERT INTO attachments (case_id, blob_key, requirement_code, file_name, content_type,
                                      size_bytes, uploaded_at, uploaded_by)
             SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2
                 AND (state = 'draft' OR (state = 'waiting' AND waiting_on = 'applicant')))
             RETURNING id",
            &[
                SqlValue::from(case),
                step.into(),
                blob_key.into(),
                requirement_code.map_or(SqlValue::Null, SqlValue::from),
                file_name.into(),
                content_type.mime().into(),
                SqlValue::from(size_bytes as i64),
                at.into(),
                uploaded_by.into(),
            ],
        )
        .await?;
    Ok(written.first().map(|r| r.id))
}

/// Deletes the file's row if its case is open to the applicant's writing (a draft, or more
/// information asked) and `owner` holds (a condition over the case's `c.id`, its parameters
/// from `?2`); the key of the bytes to delete after, or `None` when nothing was deleted.
pub async fn delete_where(
    db: &impl Database,
    id: AttachmentId,
    owner: &str,
    params: Vec<SqlValue>,
) -> Result<Option<String>, DbError> {
    #[derive(Deserialize)]
    struct KeyRow {
        blob_key: String,
    }
    let mut all = vec![SqlValue::from(id)];
    all.extend(params);
    let rows: Vec<KeyRow> = db
        .query(
            &format!(
                "DELETE FROM attachments
                 WHERE id = ?1
                   AND EXISTS (SELECT 1 FROM cases c WHERE c.id = attachments.case_id AND {owner}
                       AND (c.state = 'draft' OR (c.state = 'waiting' AND c.waiting_on = 'applicant')))
                 RETURNING blob_key"
            ),
            &all,
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.blob_key))
}

/// Deletes a file of `producer`'s own application while it may still write to it; see
/// [`delete_where`].
pub async fn delete(
    db: &impl Database,
    id: AttachmentId,
    producer: ProducerId,
) -> Result<Option<String>, DbError> {
    delete_where(
        db,
        id,
        "EXISTS (SELECT 1 FROM producer_applications a WHERE a.case_id = c.id AND a.producer_id = ?2)",
        vec![SqlValue::from(producer)],
    )
    .await
}

/// The keys of the case's files (to delete after its rows).
pub async fn keys_of_case(db: &impl Database, case: CaseId) -> Result<Vec<String>, DbError> {
    #[derive(Deserialize)]
    struct KeyRow {
        blob_key: String,
    }
    let rows: Vec<KeyRow> = db
        .query(
            "SELECT blob_key FROM attachments WHERE case_id = ?1",
            &[SqlValue::from(case)],
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.blob_key).collect())
}

/// Which of `keys` some row names.
pub async fn known_keys(db: &impl Database, keys: &[String]) -> Result<Vec<String>, DbError> {
    #[derive(Deserialize)]
    struct KeyRow {
        blob_key: String,
    }
    let mut known = Vec::new();
    // In slices, so that no statement has more parameters than D1 allows (100).
    for chunk in keys.chunks(90) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
        let params: Vec<SqlValue> = chunk.iter().map(|k| k.as_str().into()).collect();
        let rows: Vec<KeyRow> = db
            .query(
                &format!(
                    "SELECT blob_key FROM attachments WHERE blob_key IN ({})",
                    placeholders.join(", ")
                ),
                &params,
            )
            .await?;
        known.extend(rows.into_iter().map(|r| r.blob_key));
    }
    Ok(known)
}
