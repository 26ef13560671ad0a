//! Who is asking, and the one permission catalogue every route consults before it touches
//! data. Later audiences (citizens, proxies, producers, staff) extend [`Actor`] and
//! [`Action`]; the rule stays in this one place.

use crate::error::{ApiError, ErrorCode};
use crate::lang::Lang;

/// The party making a request. Acting for someone else will be a variant of its own, so
/// that it is explicit in every signature that handles it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Nobody is logged in.
    Visitor,
}

/// Everything a route can do. Each route names exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the public catalogue: municipalities, services, approved producers and their
    /// current prices. Open to everyone, logged in or not.
    ViewPublicCatalogue,
}

/// Allows `action` for `actor`, or says why not (in `lang`). Every handler calls this
/// before it reads or writes anything.
pub fn require(actor: &Actor, action: Action, lang: Lang) -> Result<(), ApiError> {
    let allowed = match (actor, action) {
        (Actor::Visitor, Action::ViewPublicCatalogue) => true,
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::Forbidden, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visitor_may_view_the_public_catalogue() {
        assert!(require(&Actor::Visitor, Action::ViewPublicCatalogue, Lang::Fi).is_ok());
    }
}
