//! Who is logged in, asked once per page load and shared through context by the header's
//! account area, the navigation and the pages, so that they never disagree and the API is
//! asked once. Logging in and out are full page loads, so the answer is fresh after each;
//! so is starting or stopping to act for someone else ([`start_afresh`]).

use crate::api;
use crate::dom;
use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::api::{ActingFor, ActingForCompany, Me, Municipality};
use seteli_domain::permissions::StaffRole;
use seteli_domain::session::Audience;
use seteli_domain::ApiError;

/// The answer to `GET /api/auth/me`, provided by [`provide_session`].
#[derive(Clone, Copy)]
pub struct Session {
    me: LocalResource<Result<Option<Me>, ApiError>>,
}

impl Session {
    /// The resource itself, for views that wait for it in a `<Suspense>`.
    pub fn me(self) -> LocalResource<Result<Option<Me>, ApiError>> {
        self.me
    }

    /// Whether a customer is logged in (reactive): `false` while asking, when nobody is,
    /// and when the question failed, so that nothing personal is offered on a guess.
    pub fn is_citizen(self) -> bool {
        self.me
            .with(|me| matches!(me, Some(Ok(Some(me))) if me.audience == Audience::Citizen))
    }

    /// Whether a staff member is logged in (reactive): `false` while asking, when nobody
    /// is, and when the question failed.
    pub fn is_staff(self) -> bool {
        self.me
            .with(|me| matches!(me, Some(Ok(Some(me))) if me.audience == Audience::Staff))
    }

    /// Whether the logged-in staff member holds `role` (reactive): `false` while asking,
    /// for anyone else and when the question failed. What the navigation and pages offer;
    /// the API decides what is allowed.
    pub fn has_staff_role(self, role: StaffRole) -> bool {
        self.me.with(|me| match me {
            Some(Ok(Some(me))) if me.audience == Audience::Staff => {
                me.roles.iter().any(|r| r == role.as_str())
            }
            _ => false,
        })
    }

    /// The municipalities whose services the logged-in staff member's organiser organises
    /// (reactive): empty while asking, for anyone else and when the question failed.
    pub fn organiser_municipalities(self) -> Vec<Municipality> {
        self.me.with(|me| match me {
            Some(Ok(Some(me))) if me.audience == Audience::Staff => {
                me.organiser_municipalities.clone()
            }
            _ => Vec::new(),
        })
    }

    /// Whom the logged-in customer acts for now (reactive): `None` while they act for
    /// themselves, while asking, and when the question failed.
    pub fn acting_for(self) -> Option<ActingFor> {
        self.me.with(|me| match me {
            Some(Ok(Some(me))) if me.audience == Audience::Citizen => me.acting_for.clone(),
            _ => None,
        })
    }

    /// The producer company the logged-in person acts for now (reactive): `None` while they
    /// act for themselves or for another person, while asking, and when the question failed.
    pub fn acting_for_company(self) -> Option<ActingForCompany> {
        self.me.with(|me| match me {
            Some(Ok(Some(me))) if me.audience == Audience::Citizen => me.acting_for_company.clone(),
            _ => None,
        })
    }

    /// The logged-in person's opaque key (reactive), for what the browser keeps per person;
    /// `None` while asking, for staff and when the question failed.
    pub fn user_key(self) -> Option<String> {
        self.me.with(|me| match me {
            Some(Ok(Some(me))) if me.audience == Audience::Citizen => me.user_key.clone(),
            _ => None,
        })
    }

    /// Asks again after the question failed (the browser was offline when the page loaded
    /// and the connection is back); does nothing otherwise.
    pub fn retry_if_failed(self) {
        if self.me.with_untracked(|me| matches!(me, Some(Err(_)))) {
            self.me.refetch();
        }
    }

    /// Asks again, when a page learned that the session has ended but the header still
    /// shows a name. Does nothing unless someone is shown as logged in, so that it cannot
    /// loop.
    pub fn recheck(self) {
        if self.me.with_untracked(|me| matches!(me, Some(Ok(Some(_))))) {
            self.me.refetch();
        }
    }
}

/// After the session has started or stopped acting for someone: a full page load of `path`.
/// Everything then asks the API again — who is logged in and for whom (the banner), and the
/// page's data — and nothing loaded or typed for the previous person stays in the app.
pub fn start_afresh(path: &str) {
    dom::go_to(path);
}

/// Asks who is logged in, for everything below; call once, inside the locale's provider.
pub fn provide_session() {
    let lang = use_lang();
    // The language only picks the language of an error message: switching it is no reason
    // to ask again.
    let me = LocalResource::new(move || api::me(lang.get_untracked()));
    provide_context(Session { me });
}

/// The [`Session`] in context.
pub fn use_session() -> Session {
    // `provide_session` runs in the shell above every page; a missing context is a bug in
    // the app's own wiring, not something a user or the network can cause.
    use_context::<Session>().unwrap_or_else(|| {
        leptos::logging::error!("no Session in context; asking the API directly");
        let lang = use_lang();
        Session {
            me: LocalResource::new(move || api::me(lang.get_untracked())),
        }
    })
}
