//! The schema, compiled in so native tests apply exactly the files wrangler applies to D1.

/// Every file in `migrations/`, in order. A test checks that none is missing.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_catalogue.sql",
        include_str!("../../../migrations/0001_catalogue.sql"),
    ),
    (
        "0002_sessions.sql",
        include_str!("../../../migrations/0002_sessions.sql"),
    ),
    (
        "0003_vouchers.sql",
        include_str!("../../../migrations/0003_vouchers.sql"),
    ),
    (
        "0004_staff_sessions.sql",
        include_str!("../../../migrations/0004_staff_sessions.sql"),
    ),
    (
        "0005_on_behalf.sql",
        include_str!("../../../migrations/0005_on_behalf.sql"),
    ),
    (
        "0006_producers.sql",
        include_str!("../../../migrations/0006_producers.sql"),
    ),
    (
        "0007_security.sql",
        include_str!("../../../migrations/0007_security.sql"),
    ),
    (
        "0008_desk.sql",
        include_str!("../../../migrations/0008_desk.sql"),
    ),
    (
        "0009_applications.sql",
        include_str!("../../../migrations/0009_applications.sql"),
    ),
    (
        "0010_delivery.sql",
        include_str!("../../../migrations/0010_delivery.sql"),
    ),
];
