//! A resident's voucher application as its readers see it — the applicant, the other
//! guardian asked for consent, and the organiser's handler: what was applied for, the
//! shared matter (whose consent, or the right declared), the consents and how the case
//! ended (the reasons and where to appeal, or the decision).

use crate::components::facts::{Fact, MoneyFact};
use leptos::prelude::*;
use seteli_domain::api::resident::{
    ConsentStatus, ConsentView, ContactPreference, DeclaredRight, SharedMatter,
    VoucherApplicationView,
};
use seteli_domain::case::StateName;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The application's files, each a download from `file_url`.
#[component]
pub fn ApplicationFiles(
    files: Vec<seteli_domain::api::applications::AttachmentView>,
    file_url: fn(seteli_domain::ids::AttachmentId) -> String,
    lang: Lang,
) -> impl IntoView {
    (!files.is_empty()).then(|| {
        let items = files
            .into_iter()
            .map(|f| {
                let href = file_url(f.id);
                view! { <li data-testid="application-file"><crate::components::case::AttachmentLink file=f href/></li> }
            })
            .collect_view();
        view! {
            <h2 class="card-title">{t(lang, Text::ApplicationFilesTitle)}</h2>
            <ul class="plain-list" data-testid="application-files">{items}</ul>
        }
    })
}

/// What was applied for, as written, with its files (downloaded from `file_url`).
#[component]
pub fn ApplicationSummary(
    view: VoucherApplicationView,
    file_url: fn(seteli_domain::ids::AttachmentId) -> String,
    lang: Lang,
) -> impl IntoView {
    let form = view.form.clone();
    let dash = || "—".to_owned();
    let contact = match form.contact {
        Some(ContactPreference::Messages) => t(lang, Text::ContactMessages).to_owned(),
        Some(ContactPreference::Phone) => format!("{} {}", t(lang, Text::ContactPhone), form.phone),
        None => dash(),
    };
    let household = form.household_size.map(|n| {
        view! { <Fact label=Text::HouseholdSizeLabel lang><dd data-testid="summary-household">{n}</dd></Fact> }
    });
    let income = form.gross_monthly_income_cents.map(|c| {
        view! { <MoneyFact label=Text::GrossIncomeLabel lang cents=c testid="summary-income"/> }
    });
    let preview = view.value_preview_cents.map(|c| {
        view! { <MoneyFact label=Text::ValuePreviewLabel lang cents=c testid="summary-value-preview"/> }
    });
    view! {
        <dl class="facts" data-testid="application-summary">
            <Fact label=Text::ApplicationForLabel lang><dd data-testid="summary-principal">{view.principal_name.clone()}</dd></Fact>
            <Fact label=Text::ApplicantLabel lang><dd data-testid="summary-applicant">{view.applicant_name.clone()}</dd></Fact>
            <Fact label=Text::ServiceLabel lang><dd data-testid="summary-service">{view.service_name.clone().unwrap_or_else(dash)}</dd></Fact>
            <Fact label=Text::MunicipalityLabel lang><dd>{view.municipality_name.clone().unwrap_or_else(dash)}</dd></Fact>
            <Fact label=Text::NeedLabel lang class="fact-wide"><dd class="prewrap" data-testid="summary-need">{form.need.clone()}</dd></Fact>
            {household}
            {income}
            {preview}
            <Fact label=Text::ContactPreferenceLegend lang><dd>{contact}</dd></Fact>
        </dl>
        {form.shared.clone().map(|shared| view! { <SharedMatterSummary shared lang/> })}
        <ApplicationFiles files=view.attachments.clone() file_url lang/>
    }
}

/// The shared matter as written: the guardians named for consent, or the right declared
/// (flagged for the handler).
#[component]
fn SharedMatterSummary(shared: SharedMatter, lang: Lang) -> impl IntoView {
    match shared {
        SharedMatter::Consent { others, unknown } => {
            let names = others
                .iter()
                .map(|g| format!("{} {} ({})", g.given_name, g.family_name, g.hetu))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <div class="notice" data-testid="summary-shared" data-kind="consent">
                    <p>{t(lang, Text::SharedConsentOption)}{(!names.is_empty()).then(|| format!(": {names}"))}</p>
                    {unknown.then(|| view! { <p data-testid="summary-guardians-unknown">{t(lang, Text::GuardianUnknown)}</p> })}
                </div>
            }
            .into_any()
        }
        SharedMatter::Declared { right, inform } => {
            let said = match &right {
                DeclaredRight::SoleCustody => t(lang, Text::RightSoleCustody).to_owned(),
                DeclaredRight::AgreedOutside => t(lang, Text::RightAgreedOutside).to_owned(),
                DeclaredRight::Other { reason } => {
                    format!("{}: {reason}", t(lang, Text::RightOther))
                }
            };
            view! {
                <div class="notice notice-warning" data-testid="summary-shared" data-kind="declared">
                    <p class="notice-title">{t(lang, Text::DeclaredRightFlag)}</p>
                    <p data-testid="summary-declared-right">{said}</p>
                    {inform.map(|g| view! { <p>{i18n::guardian_informed(lang, &format!("{} {}", g.given_name, g.family_name))}</p> })}
                </div>
            }
            .into_any()
        }
    }
}

/// The consent requests with where each stands; `resend` is the applicant's button for one
/// that may be sent again (none for anyone else).
#[component]
pub fn ConsentList(
    consents: Vec<ConsentView>,
    lang: Lang,
    #[prop(optional, into)] resend: Option<Callback<seteli_domain::ids::ConsentRequestId>>,
) -> impl IntoView {
    (!consents.is_empty()).then(|| {
        let items = consents
            .into_iter()
            .map(|c| {
                let status = match c.status {
                    ConsentStatus::Pending => i18n::consent_pending(lang, c.last_day),
                    ConsentStatus::Given => t(lang, Text::ConsentGiven).to_owned(),
                    ConsentStatus::Declined => t(lang, Text::ConsentDeclined).to_owned(),
                    ConsentStatus::Expired => t(lang, Text::ConsentExpiredText).to_owned(),
                };
                let button = resend.filter(|_| c.may_resend).map(|resend| {
                    let id = c.id;
                    view! {
                        <button type="button" class="button button-secondary" data-testid="consent-resend"
                            on:click=move |_| resend.run(id)>{t(lang, Text::ResendConsent)}</button>
                    }
                });
                let comment = (!c.comment.is_empty()).then(|| view! { <p class="prewrap" data-testid="consent-comment">{c.comment.clone()}</p> });
                view! {
                    <li data-testid="consent" data-status=c.status.as_str()>
                        <strong>{c.guardian_name.clone()}</strong>": "{status}
                        {comment}
                        {button}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="consents-title" data-testid="consents">
                <h2 id="consents-title" class="card-title">{t(lang, Text::ConsentsTitle)}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    })
}

/// How a closed application ended, for its applicant: the reasons of a rejection with where
/// to appeal, or the reason a guardian declined.
#[component]
pub fn ApplicationOutcome(view: VoucherApplicationView, lang: Lang) -> impl IntoView {
    let state = view.status.state;
    let last_comment = view
        .history
        .iter()
        .rev()
        .find(|e| e.to == state)
        .map(|e| e.comment.clone())
        .unwrap_or_default();
    match view.status.state {
        StateName::Rejected => Some(
            view! {
                <div class="notice notice-warning" data-testid="application-rejected">
                    <p class="notice-title">{t(lang, Text::RejectionReasonsLabel)}</p>
                    <p class="prewrap" data-testid="application-reasons">{last_comment}</p>
                    <p>{t(lang, Text::ApplicationAppealText)}" "<span data-testid="application-appeal">{view.appeal_address.clone()}</span></p>
                </div>
            }
            .into_any(),
        ),
        StateName::Declined => Some(
            view! {
                <div class="notice notice-warning" data-testid="application-declined">
                    <p class="notice-title">{t(lang, Text::ApplicationDeclinedTitle)}</p>
                    <p class="prewrap" data-testid="application-decline-reason">{last_comment}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}
