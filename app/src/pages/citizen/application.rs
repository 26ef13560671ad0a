//! `/my/applications/:id`: one voucher application — where it stands (state, handler, what
//! is missing, whose consent it waits for), and while it is a draft the form, saved at any
//! point and sent when whole. A request for more information is answered here, an
//! unanswered consent request sent again, and an application nobody has taken withdrawn.

use super::application_form::{field_selector, ResidentForm, Typed};
use crate::api;
use crate::api::residents::{self as residents, ResidentStep};
use crate::components::case::{CaseHistory, CaseStatusFacts};
use crate::components::confirm::ConfirmButton;
use crate::components::fields::Problems;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::resident_application::{
    ApplicationOutcome, ApplicationSummary, ConsentList,
};
use crate::components::states::use_id_in_path;
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::resident::{OfferedService, VoucherApplicationView};
use seteli_domain::api::Municipality;
use seteli_domain::case::{Awaited, StateName};
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::{CaseId, ConsentRequestId};
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::my_applications,
        text: Text::MyApplicationsTitle,
    }
}

/// What the page loads: the application, the services offered and the municipalities.
type Loaded = (
    VoucherApplicationView,
    Vec<OfferedService>,
    Vec<Municipality>,
);

/// The page.
#[component]
pub fn MyApplicationPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(CaseId::parse);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            let Some(id) = id else {
                return Err(ApiError::new(ErrorCode::ApplicationNotFound, lang));
            };
            let view = residents::application(id, lang).await?;
            let offered = residents::own(lang).await?.offered;
            let municipalities = api::municipalities(lang).await?;
            Ok::<Loaded, ApiError>((view, offered, municipalities))
        }
    });
    use_document_title(|lang| t(lang, Text::VoucherApplicationTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-applications"/>
        <h1 tabindex="-1" data-testid="application-title">{tr(Text::VoucherApplicationTitle)}</h1>
        <Remote data=loaded back=back() let:loaded>
            <ApplicationWork initial=loaded.0 offered=loaded.1 municipalities=loaded.2 lang=lang.get_untracked()/>
        </Remote>
    }
}

/// What a button asks for.
#[derive(Debug, Clone)]
enum Work {
    Save,
    Step(ResidentStep),
    Resend(ConsentRequestId),
    Upload(web_sys::File),
    Remove(seteli_domain::ids::AttachmentId),
}

#[component]
fn ApplicationWork(
    initial: VoucherApplicationView,
    offered: Vec<OfferedService>,
    municipalities: Vec<Municipality>,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.id;
    let applies_for = initial.applies_for;
    let typed = Typed::new(&initial.form, lang);
    let current = RwSignal::new(initial);
    let comment = RwSignal::new(String::new());
    let work = Action::new_local(move |work: &Work| {
        let work = work.clone();
        let lang = ui_lang.get_untracked();
        async move {
            let result = async {
                let draft = current.with_untracked(|c| c.status.state == StateName::Draft);
                // Sending saves what was typed first, so nothing typed is lost.
                if draft && !matches!(work, Work::Step(ResidentStep::Cancel)) {
                    let form = typed.read(applies_for).map_err(|(field, _)| {
                        ApiError::field(ErrorCode::InvalidVoucherApplication, field, lang)
                    })?;
                    current.try_set(residents::save(id, &form, lang).await?);
                }
                let fresh = match &work {
                    Work::Save => None,
                    Work::Step(step) => {
                        Some(residents::step(id, *step, &comment.get_untracked(), lang).await?)
                    }
                    Work::Resend(request) => Some(residents::resend(*request, lang).await?),
                    Work::Upload(file) => Some(residents::upload(id, file, lang).await?),
                    Work::Remove(file) => {
                        residents::remove_file(*file, lang).await?;
                        Some(residents::application(id, lang).await?)
                    }
                };
                if let Some(fresh) = fresh {
                    current.try_set(fresh);
                    comment.try_set(String::new());
                }
                crate::dom::focus_after_render("#application-done");
                Ok::<Work, ApiError>(work)
            }
            .await;
            // A refusal about one field takes the person to it.
            if let Some(field) = result.as_ref().err().and_then(|e| e.field.as_deref()) {
                crate::dom::focus_after_render(field_selector(field));
            }
            result
        }
    });
    let pending = work.pending();
    let problems = Problems::new(move || work.value().get().and_then(|r| r.err()));
    let run = move |w: Work| {
        if !pending.get_untracked() {
            work.dispatch_local(w);
        }
    };
    let done = move || match work.value().get() {
        Some(Ok(w)) if !pending.get() => Some(match w {
            Work::Save => Text::ApplicationSaved,
            Work::Step(ResidentStep::Send) => Text::VoucherApplicationSent,
            Work::Resend(_) => Text::ConsentResent,
            Work::Upload(_) => Text::FileAdded,
            Work::Remove(_) => Text::FileRemoved,
            Work::Step(_) => Text::CaseStepDone,
        }),
        _ => None,
    };
    let error = move || match work.value().get() {
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="application-error"/> })
        }
        _ => None,
    };
    // Only the applicant (or the principal themselves) writes; another guardian reads.
    let may_write = move || current.with(|c| c.may_write);
    let state = move || current.with(|c| c.status.state);
    let waiting = move || {
        may_write()
            && current.with(|c| {
                c.status.state == StateName::Waiting
                    && c.status.waiting_on == Some(Awaited::Applicant)
            })
    };
    let draft = move || may_write() && state() == StateName::Draft;
    let offered = StoredValue::new(offered);
    let municipalities = StoredValue::new(municipalities);
    let resend = Callback::new(move |request| run(Work::Resend(request)));
    let resend = move || may_write().then_some(resend);
    view! {
        {move || view! { <CaseStatusFacts status=current.with(|c| c.status.clone()) lang/> }}
        {move || view! { <ApplicationOutcome view=current.get() lang/> }}
        {move || (state() == StateName::Approved).then(|| current.with(|c| c.decision_id).map(|d| view! {
            <p class="notice notice-success" data-testid="application-approved">
                {t(lang, Text::ApplicationApprovedText)}" "
                <a href=links::my_decision(d, lang) data-testid="application-decision">{t(lang, Text::OpenDecision)}</a>
            </p>
        }))}
        <div aria-live="polite">
            {move || done().map(|text| view! {
                <p id="application-done" class="notice notice-success" role="status" tabindex="-1" data-testid="application-done">{t(lang, text)}</p>
            })}
        </div>
        {error}
        {move || match resend() {
            Some(resend) => view! { <ConsentList consents=current.with(|c| c.consents.clone()) lang resend/> }.into_any(),
            None => view! { <ConsentList consents=current.with(|c| c.consents.clone()) lang/> }.into_any(),
        }}
        <Show
            when=draft
            fallback=move || view! { <ApplicationSummary view=current.get() file_url=residents::file_url lang/> }
        >
            <ResidentForm typed applies_for offered=offered.get_value() municipalities=municipalities.get_value() problems lang/>
            {move || current.with(|c| c.value_preview_cents).map(|cents| view! {
                <p class="notice" data-testid="application-value-preview">{seteli_domain::i18n::value_preview(lang, cents)}</p>
            })}
        </Show>
        <Show when=move || draft() || waiting()>
            <FileWork files=Signal::derive(move || current.with(|c| c.attachments.clone())) run pending lang/>
        </Show>
        <Show when=waiting>
            <div class="field">
                <label for="application-comment">{t(lang, Text::AnswerRequestLabel)}</label>
                <textarea id="application-comment" data-testid="application-comment" maxlength="2000"
                    prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </div>
        </Show>
        <div class="button-row">
            {move || draft().then(|| view! {
                <BusyButton class="button button-secondary" testid="application-save" busy=pending on_click=move || run(Work::Save)>
                    {t(lang, Text::SaveApplication)}
                </BusyButton>
                <BusyButton class="button" testid="application-send" busy=pending on_click=move || run(Work::Step(ResidentStep::Send))>
                    {t(lang, Text::SendApplication)}
                </BusyButton>
            })}
            {move || waiting().then(|| view! {
                <BusyButton class="button" testid="application-answer" busy=pending on_click=move || run(Work::Step(ResidentStep::Answer))>
                    {t(lang, Text::AnswerRequest)}
                </BusyButton>
            })}
            {move || (may_write() && matches!(state(), StateName::Draft | StateName::Submitted | StateName::Consenting)).then(|| view! {
                <ConfirmButton class="button button-secondary" testid="application-cancel" busy=pending on_confirm=move || run(Work::Step(ResidentStep::Cancel))>
                    {t(lang, Text::CancelApplication)}
                </ConfirmButton>
            })}
        </div>
        {move || view! { <CaseHistory history=current.with(|c| c.history.clone()) lang/> }}
    }
}

/// The applicant's files while they may write: each with its remove button, and the input
/// that adds one (a PDF or an image, at most 5 MB).
#[component]
fn FileWork<R>(
    files: Signal<Vec<seteli_domain::api::applications::AttachmentView>>,
    run: R,
    #[prop(into)] pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(Work) + Copy + Send + Sync + 'static,
{
    let items = move || {
        files
            .get()
            .into_iter()
            .map(|f| {
                let id = f.id;
                view! {
                    <li data-testid="application-file">
                        <crate::components::case::AttachmentLink file=f href=residents::file_url(id)/>
                        " "
                        <BusyButton class="button-link" testid="application-file-remove" busy=pending
                            on_click=move || run(Work::Remove(id))>{t(lang, Text::RemoveAttachment)}</BusyButton>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="files-title" data-testid="application-files-work">
            <h2 id="files-title" class="card-title">{t(lang, Text::ApplicationFilesTitle)}</h2>
            <p class="hint">{t(lang, Text::ApplicationFilesHint)}</p>
            <ul class="plain-list">{items}</ul>
            <div class="field">
                <label for="application-file-input">{t(lang, Text::AttachFileLabel)}</label>
                <input type="file" id="application-file-input" data-testid="application-file-input" accept="application/pdf,image/png,image/jpeg"
                    on:change=move |ev| {
                        use web_sys::wasm_bindgen::JsCast;
                        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|list| list.get(0)) {
                            run(Work::Upload(file));
                        }
                        if let Some(input) = input { input.set_value(""); }
                    }/>
            </div>
            <p class="hint" aria-live="polite">{move || pending.get().then(|| t(lang, Text::Uploading))}</p>
        </section>
    }
}
