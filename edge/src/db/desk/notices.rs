//! What came to an employee (`staff_notices`): a case handed over, answered or returned to
//! them, or an e-authorisation order of theirs that changed, on their desk until they open
//! the case; an e-authorisation ending soon, until they open their holdings.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::desk::{NoticeKind, StaffNotice};
use seteli_domain::ids::CaseId;

/// The member's notices not yet read, newest first.
pub async fn unread(db: &impl Database, username: &str) -> Result<Vec<StaffNotice>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        kind: NoticeKind,
        case_id: Option<CaseId>,
        resident: Option<i64>,
        order_case: Option<i64>,
        holding_id: Option<i64>,
        by_name: String,
        #[serde(with = "seteli_domain::clock::wire_time")]
        created_at: time::OffsetDateTime,
    }
    let rows: Vec<Row> = db
        .query(
            "SELECT n.kind, n.case_id, c.kind = 'voucher_application' AS resident,
                    c.kind = 'authorisation_order' AS order_case, n.holding_id,
                    n.by_name, n.created_at
             FROM staff_notices n LEFT JOIN cases c ON c.id = n.case_id
             WHERE n.username = ?1 AND n.read_at IS NULL
             ORDER BY n.id DESC LIMIT 50",
            &[username.into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| StaffNotice {
            kind: r.kind,
            case_id: r.case_id,
            resident: r.resident.is_some_and(|r| r != 0),
            order: r.order_case.is_some_and(|o| o != 0),
            holding_id: r.holding_id,
            by_name: r.by_name,
            created_at: r.created_at,
        })
        .collect())
}

/// The member opened case `case`: its notices to them are read.
pub async fn mark_read(
    db: &impl Database,
    username: &str,
    case: CaseId,
    at: &str,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE staff_notices SET read_at = ?3 WHERE username = ?1 AND case_id = ?2 AND read_at IS NULL",
        &[username.into(), SqlValue::from(case), at.into()],
    )
    .await?;
    Ok(())
}

/// The member opened the holdings (theirs or the register): the notices of holdings' ends
/// to them are read.
pub async fn mark_holdings_read(
    db: &impl Database,
    username: &str,
    at: &str,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE staff_notices SET read_at = ?2 WHERE username = ?1 AND kind = 'holding_ending' AND read_at IS NULL",
        &[username.into(), at.into()],
    )
    .await?;
    Ok(())
}

/// The member opened their own holdings: the notices of those holdings' ends are read.
pub async fn mark_own_holdings_read(
    db: &impl Database,
    username: &str,
    at: &str,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE staff_notices SET read_at = ?2
         WHERE username = ?1 AND kind = 'holding_ending' AND read_at IS NULL
           AND holding_id IN (SELECT id FROM authorisation_holdings WHERE employee_username = ?1)",
        &[username.into(), at.into()],
    )
    .await?;
    Ok(())
}
