//! The scheduled job keeps deadlines on the injected clock: a reminder two days before
//! (once), the case back to its handler with a note after the deadline, ended suspensions
//! lifted, and files no row names swept.

use super::{app, company_messages};
use seteli_edge::blobs::BlobStore;
use seteli_edge::jobs::{run_scheduled, ORPHAN_GRACE_SECS};

#[tokio::test]
async fn deadlines_remind_once_and_return_an_overdue_case_to_its_handler() {
    let mut app = app();
    app.application(7, 1, "cleaning", "waiting");
    // 21 November: the deadline (5 December) is far.
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!((report.reminded, report.returned), (0, 0));
    // 3 December: two days before, a reminder, once however often the job runs.
    app.advance(12 * 86_400);
    for _ in 0..2 {
        run_scheduled(&app.ctx).await.unwrap();
    }
    assert_eq!(company_messages(&app, 7, "application_reminder"), 1);
    // 5 December is the last day; on the 6th the case is back with its handler.
    app.advance(2 * 86_400);
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(report.returned, 0);
    app.advance(86_400);
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(report.returned, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM cases WHERE id = 7 AND state = 'in_progress' AND handler = 'tuottajahyvaksyja'"),
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM case_events WHERE case_id = 7 AND by_kind = 'system' AND comment LIKE '%deadline passed%'"),
        1
    );
    assert_eq!(company_messages(&app, 7, "application_changed"), 1);
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(report.returned, 0, "returned once");
}

#[tokio::test]
async fn ended_suspensions_are_lifted_and_orphaned_files_swept() {
    let mut app = app();
    app.sql("UPDATE approvals SET status = 'suspended', suspended_until = '2026-11-22' WHERE producer_id = 1;");
    app.application(7, 1, "cleaning", "submitted");
    // A file whose row was never written (a failure between the store and the database).
    app.blobs
        .put(
            "attachments/orphan",
            b"%PDF-1.4".to_vec(),
            app.ctx.now.unix_timestamp(),
        )
        .await
        .unwrap();
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(
        (report.lifted, report.swept),
        (0, 0),
        "an upload may still be writing its row"
    );
    app.advance(ORPHAN_GRACE_SECS.max(2 * 86_400));
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!((report.lifted, report.swept), (1, 1));
    assert_eq!(app.blobs.get("attachments/orphan").await.unwrap(), None);
    assert!(
        app.blobs.get("attachments/key-7").await.unwrap().is_some(),
        "a named file stays"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM approvals WHERE status = 'approved'"),
        1
    );
}
