//! What a refusal to act for someone else says, wherever it is shown: the mandate that
//! would be needed and where to ask for it, or the way to choose the person or the company
//! again. Used by the load and submit error states and by the acting-for pages; it uses
//! neither, so that they can all use it.

use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::i18n::Text;
use seteli_domain::mandates::{issue_name, MANDATE_REQUEST_URL};
use seteli_domain::{ApiError, ErrorCode};

/// The rest of an error about acting for someone else, wherever an error is shown: for
/// `no_right_to_act`, the mandate needed and where to ask for it; for `on_behalf_expired`
/// and `company_choice_expired`, the way to choose the person or the company again.
/// Nothing for other errors.
#[component]
pub fn OnBehalfHelp(error: ApiError) -> impl IntoView {
    match error.code {
        ErrorCode::NoRightToAct => {
            Some(view! { <MandateHelp issues=error.mandate_issues/> }.into_any())
        }
        ErrorCode::OnBehalfExpired => Some(choose_again("choose-again", Text::ChooseAgain)),
        ErrorCode::CompanyChoiceExpired => Some(choose_again(
            "choose-company-again",
            Text::ChooseCompanyAgain,
        )),
        _ => None,
    }
}

/// The way to choose again the person or company whose choice has expired.
fn choose_again(testid: &'static str, text: Text) -> AnyView {
    let lang = use_lang();
    // The banner may still name the person or company whose choice has expired.
    use_session().recheck();
    view! {
        <p>
            <a href=move || links::on_behalf(lang.get()) data-testid=testid>
                {tr(text)}
            </a>
        </p>
    }
    .into_any()
}

/// Which mandate acting for the person needs (`mandate-needed`, when `issues` names any)
/// and where the person can give it (`mandate-request-link`, Suomi.fi e-Authorizations).
#[component]
pub fn MandateHelp(issues: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let needed = (!issues.is_empty()).then(|| {
        let names = move || {
            let lang = lang.get();
            issues
                .iter()
                .map(|uri| view! { <li>{issue_name(uri, lang).to_owned()}</li> })
                .collect_view()
        };
        view! {
            <div class="mandate-needed" data-testid="mandate-needed">
                <p>{tr(Text::MandateNeeded)}</p>
                <ul>{names}</ul>
            </div>
        }
    });
    view! {
        {needed}
        <p>
            // Another site: a full navigation, never an app route.
            <a rel="external" href=MANDATE_REQUEST_URL data-testid="mandate-request-link">
                {tr(Text::MandateRequestLink)}
            </a>
        </p>
    }
}
