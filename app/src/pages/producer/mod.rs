//! The pages of a producer company's employee (`/api/producer/..`), while the session acts
//! for the company (chosen through Suomi.fi e-Authorizations, `ypa`): its home, finding a
//! voucher by its number, logging visits (also offline, see [`queue`]) and correcting them
//! ([`correction`]), answering the organiser's disputes ([`dispute`]), prices and replies
//! to feedback. Each page asks the API; a 401 shows
//! the login panel and a 403 (the session does not act for a company) the way to choose
//! one.

pub mod account;
pub mod application;
pub mod applications;
pub mod correction;
pub mod dispute;
pub mod event_form;
pub mod events;
pub mod feedback;
pub mod home;
pub mod lookup;
pub mod prices;
pub mod queue;
pub mod statements;
pub mod visit;
pub mod voucher;

use crate::components::states::BackLink;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::i18n::Text;
use seteli_domain::{MunicipalityCode, ServiceCode};

/// Whose offline queue this session sees and sends (reactive): the logged-in person's for
/// the company they act for; `None` until both are known.
pub fn use_queue_owner() -> Memo<Option<queue::QueueOwner>> {
    let session = use_session();
    Memo::new(move |_| {
        Some(queue::QueueOwner {
            user_key: session.user_key()?,
            producer_id: session.acting_for_company()?.producer_id,
        })
    })
}

/// What a producer page shows when the API refuses it (403): without a company chosen, why
/// and the way to choose one; while acting for a company that is not approved yet, that it
/// may apply (its applications are all it may open). Each page's
/// [`Remote`](crate::components::states::Remote) shows it as its `forbidden` state.
#[component]
pub fn NotActingForCompany() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    // The session may still be loading when the refusal arrives.
    move || {
        if session.acting_for_company().is_some() {
            return view! {
                <div class="notice" data-testid="producer-not-approved">
                    <p class="notice-title">{tr(Text::NotApprovedYetTitle)}</p>
                    <p>{tr(Text::NotApprovedYetText)}</p>
                    <p>
                        <a class="button" href=move || links::producer_applications(lang.get()) data-testid="go-to-applications">
                            {tr(Text::ApplicationsTitle)}
                        </a>
                    </p>
                </div>
            }
            .into_any();
        }
        view! {
            <div class="notice" data-testid="producer-not-acting">
                <p class="notice-title">{tr(Text::NotActingTitle)}</p>
                <p>{tr(Text::NotActingText)}</p>
                <p>
                    <a class="button" href=move || links::on_behalf(lang.get()) data-testid="choose-company">
                        {tr(Text::ChooseCompany)}
                    </a>
                </p>
            </div>
        }
        .into_any()
    }
}

/// A card (`class`, `testid`) about one of the company's services, which its
/// `data-municipality` and `data-service` name: the service `code` in `municipality`.
#[component]
pub fn ServiceCard(
    class: &'static str,
    testid: &'static str,
    municipality: MunicipalityCode,
    code: ServiceCode,
    children: Children,
) -> impl IntoView {
    view! {
        <li class=class data-testid=testid data-municipality=municipality.to_string() data-service=code.to_string()>
            {children()}
        </li>
    }
}

/// The way back to the company's home page, for "not found" notices.
pub fn back_to_home() -> BackLink {
    BackLink {
        href: links::producer_home,
        text: Text::BackToProducerHome,
    }
}
