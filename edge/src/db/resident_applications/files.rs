//! Files attached to residents' applications: the same `attachments` rows and blob store as
//! producers' applications, reached through the application's scope (the principal's, a
//! draft's only by its applicant; the organiser's customer service, never a draft).

use super::Scope;
use crate::db::applications::attachments::{delete_where, find_where, StoredFile};
use crate::db::{Database, DbError};
use seteli_domain::ids::AttachmentId;

/// The file `id` of an application within `scope`; `None` otherwise, exactly as for a
/// missing one.
pub async fn find(
    db: &impl Database,
    id: AttachmentId,
    scope: Scope<'_>,
) -> Result<Option<StoredFile>, DbError> {
    let (condition, params) = scope.condition(2);
    find_where(
        db,
        id,
        &format!(
            "EXISTS (SELECT 1 FROM voucher_applications va JOIN cases c ON c.id = va.case_id
                     WHERE va.case_id = f.case_id AND {condition})"
        ),
        params,
    )
    .await
}

/// Deletes the file `id` of an application within `scope` while its applicant may still
/// write to it; the key of the bytes to delete after, or `None` when nothing was deleted.
pub async fn delete(
    db: &impl Database,
    id: AttachmentId,
    scope: Scope<'_>,
) -> Result<Option<String>, DbError> {
    let (condition, params) = scope.condition(2);
    delete_where(
        db,
        id,
        &format!(
            "EXISTS (SELECT 1 FROM voucher_applications va WHERE va.case_id = c.id AND {condition})"
        ),
        params,
    )
    .await
}
