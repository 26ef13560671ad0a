//! The logged-in customer's own pages (`/api/citizen/..`): vouchers, their service events,
//! feedback to producers and the monthly satisfaction survey; choosing someone to act for,
//! what others did on the customer's behalf and the messages about it; the decisions
//! behind the vouchers and who has looked at the customer's data. Each page asks the
//! API directly; a 401 shows the login panel instead of the page's content. While the
//! customer acts for someone else, the API answers with that person's data.

pub mod access_log;
pub mod application;
pub mod application_form;
pub mod applications;
pub mod consent;
pub mod decision;
pub mod feedback;
pub mod feedback_form;
pub mod messages;
pub mod on_behalf;
pub mod refuse;
pub mod survey;
pub mod trail;
pub mod voucher;
pub mod vouchers;
