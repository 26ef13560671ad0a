//! The logged-in customer's own pages (`/api/citizen/..`): vouchers, their service events,
//! feedback to producers and the monthly satisfaction survey. Each page asks the API
//! directly; a 401 shows the login panel instead of the page's content.

pub mod feedback;
pub mod feedback_form;
pub mod survey;
pub mod voucher;
pub mod vouchers;
