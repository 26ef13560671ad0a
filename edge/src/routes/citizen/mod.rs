//! `/api/citizen/..`: a customer's vouchers, events, feedback, surveys, the trail of what
//! others did on their behalf, and their messages; for a person acting for someone, the
//! principal's (see [`crate::on_behalf::subject`]).

pub mod feedback;
pub mod messages;
pub mod surveys;
pub mod vouchers;
