//! The findings of the security review (issue 9), each pinned by a test that fails without
//! its fix: the open redirect, a company session outliving its approval or its 30 minutes,
//! incomplete roles, price roles, the voucher-number guard, prices by service date, the
//! correction window, session ids and cookies, keys from identity codes, ended vouchers,
//! reused idempotency keys, purging, cross-site starts, oversized bodies and HEAD.

mod company;
mod events;
mod redirects;
mod sessions;
