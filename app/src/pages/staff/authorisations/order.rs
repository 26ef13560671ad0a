//! `/desk/authorisations/orders/:id`: an e-authorisation order, for its orderer (and the
//! employee it is for) to follow — its state with "waiting for DVV", the history with who
//! and when, "done in Suomi.fi-valtuudet on DATE by NAME" — and for the authorisation
//! administrator to work: take it, hand it over or release it, wait on DVV under DVV's
//! reference, record DVV's grant, record what they did in Suomi.fi-valtuudet, or reject it.
//! What to do in Suomi.fi-valtuudet is prepared for the administrator holding it; Seteli
//! never claims to have made the change itself.

use super::{path_text, AuthorisationNames, OrderStateBadge, TermLink};
use crate::api::authorisations::{self as api, OrderStep};
use crate::components::case::CaseHistory;
use crate::components::facts::Fact;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::use_id_in_path;
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{OrderView, Prepared};
use seteli_domain::authorisation::{glossary, OrderPath};
use seteli_domain::case::{Awaited, StateName};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::i18n::{done_in_valtuudet, format_date, t, Text};
use seteli_domain::ids::CaseId;
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::desk_authorisations,
        text: Text::AuthorisationsTitle,
    }
}

/// The page.
#[component]
pub fn AuthorisationOrderViewPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(CaseId::parse);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::order_view(id, lang).await,
                None => Err(ApiError::new(ErrorCode::OrderNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::AuthorisationOrderTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::AuthorisationOrderTitle)}</h1>
        <Remote data=loaded back=back() forbidden=StaffOnly let:order>
            <OrderWork initial=order lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn OrderWork(initial: OrderView, lang: Lang) -> impl IntoView {
    let id = initial.summary.id;
    let current = RwSignal::new(initial);
    let step = Action::new_local(move |step: &OrderStep| {
        let step = step.clone();
        async move {
            let fresh = api::step(id, &step, lang).await?;
            current.try_set(fresh);
            crate::dom::focus_after_render("#order-step-done");
            Ok::<(), ApiError>(())
        }
    });
    let pending = step.pending();
    let run = move |s: OrderStep| {
        if !pending.get_untracked() {
            step.dispatch_local(s);
        }
    };
    let outcome = move || {
        match step.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" id="order-step-done" tabindex="-1" data-testid="order-step-done">{t(lang, Text::OrderStepDone)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="order-step-error"/> }.into_any())
        }
        _ => None,
    }
    };
    view! {
        <div aria-live="polite">{outcome}</div>
        {move || view! { <OrderFacts order=current.get() lang/> }}
        {move || current.get().prepared.map(|prepared| view! { <PreparedCard prepared lang/> })}
        {move || current.with(|o| o.administers).then(|| view! { <AdminSteps current run pending lang/> })}
        <section class="page-section" aria-labelledby="order-history-heading">
            <h2 id="order-history-heading">{t(lang, Text::CaseHistoryTitle)}</h2>
            {move || view! { <CaseHistory history=current.get().history lang/> }}
        </section>
    }
}

/// What the order is and where it stands.
#[component]
fn OrderFacts(order: OrderView, lang: Lang) -> impl IntoView {
    let s = order.summary.clone();
    let waiting_dvv = s.state == StateName::Waiting && s.waiting_on == Some(Awaited::Dvv);
    let done = order.done_on.zip(order.done_by_name.clone()).map(|(on, by)| {
        view! { <p class="notice notice-success" data-testid="order-done-in-valtuudet">{done_in_valtuudet(lang, on, &by)}</p> }
    });
    view! {
        <p>
            <OrderStateBadge state=s.state waiting_on=s.waiting_on lang/>
            {s.overdue.then(|| view! { " " <span class="badge badge-overdue" data-testid="order-overdue">{t(lang, Text::OverdueBadge)}</span> })}
        </p>
        {waiting_dvv.then(|| view! { <p class="hint" data-testid="order-waiting-dvv">{t(lang, Text::WaitingForDvvHint)}</p> })}
        {done}
        <dl class="facts" data-testid="order-facts">
            <Fact label=Text::OrderNumberLabel lang><dd data-testid="order-number">{s.id.to_string()}</dd></Fact>
            <Fact label=Text::OrderPathLegend lang><dd>{t(lang, path_text(s.path))}</dd></Fact>
            <Fact label=Text::EmployeeLegend lang><dd data-testid="order-employee">{s.employee_name.clone()}" · "{order.hetu_masked.clone()}</dd></Fact>
            <Fact label=Text::DepartmentLabel lang><dd>{s.department.get(lang).to_owned()}</dd></Fact>
            <Fact label=Text::JobTitleLabel lang><dd>{s.job_title.get(lang).to_owned()}</dd></Fact>
            <Fact label=Text::AuthorisationsLegend lang><dd><AuthorisationNames items=s.authorisations.clone() lang/></dd></Fact>
            <Fact label=Text::JustificationLabel lang><dd>{order.justification.clone()}</dd></Fact>
            {order.needed_until.map(|d| view! { <Fact label=Text::NeededUntilLabel lang><dd>{format_date(lang, d)}</dd></Fact> })}
            <Fact label=Text::OrdererLabel lang><dd>{s.orderer_name.clone()}" · "{order.orderer_email.clone()}</dd></Fact>
            <Fact label=Text::ExpectedByLabel lang><dd>{format_date(lang, s.due_on)}</dd></Fact>
            {s.handler_name.clone().map(|name| view! { <Fact label=Text::CaseHandlerLabel lang><dd data-testid="order-handler">{name}</dd></Fact> })}
            {order.dvv_reference.clone().map(|r| view! { <Fact label=Text::DvvReferenceLabel lang><dd data-testid="order-dvv-reference">{r}</dd></Fact> })}
            {order.dvv_granted_on.map(|d| view! { <Fact label=Text::DvvGrantedOnLabel lang><dd>{format_date(lang, d)}</dd></Fact> })}
            {order.valid_until.map(|d| view! { <Fact label=Text::ValidUntilLabel lang><dd>{format_date(lang, d)}</dd></Fact> })}
        </dl>
    }
}

/// What the administrator holding the order does in Suomi.fi-valtuudet: whom, what, until
/// when. A person makes the change there; Seteli only records it.
#[component]
fn PreparedCard(prepared: Prepared, lang: Lang) -> impl IntoView {
    let items = prepared
        .authorisations
        .iter()
        .map(|a| {
            let code = a.issue_code.clone().map(|c| view! { <span class="hint">" ("{t(lang, Text::IssueCodeLabel)}" "{c}")"</span> });
            view! { <li>{a.name.get(lang).to_owned()}" · "{a.agency.get(lang).to_owned()}{code}</li> }
        })
        .collect_view();
    let until = prepared.until.map_or_else(
        || t(lang, Text::UntilFurtherNotice).to_owned(),
        |d| format_date(lang, d),
    );
    view! {
        <section class="card prepared" aria-labelledby="prepared-heading" data-testid="order-prepared">
            <h2 id="prepared-heading" class="card-title">{t(lang, Text::PreparedHeading)}</h2>
            <p class="hint">{t(lang, Text::PreparedHint)}</p>
            <dl class="facts">
                <Fact label=Text::PreparedWho lang><dd data-testid="prepared-who">{prepared.employee_name.clone()}" · "<span class="nowrap">{prepared.hetu.clone()}</span></dd></Fact>
                <Fact label=Text::PreparedWhat lang><dd><ul class="plain-list">{items}</ul></dd></Fact>
                <Fact label=Text::PreparedUntil lang><dd>{until}</dd></Fact>
            </dl>
        </section>
    }
}

/// The administrator's steps the order's state allows: any administrator takes it from the
/// queue or hands it over; the one holding it does the rest.
#[component]
fn AdminSteps<R>(
    current: RwSignal<OrderView>,
    run: R,
    #[prop(into)] pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(OrderStep) + Copy + Send + Sync + 'static,
{
    let today = crate::dom::today();
    let today_text = seteli_domain::clock::iso_date(today);
    let reference = RwSignal::new(String::new());
    let granted_on = RwSignal::new(today_text.clone());
    let done_on = RwSignal::new(today_text);
    // Until when the orderer said it is needed, unless the administrator gives another day.
    let valid_until = RwSignal::new(
        current
            .with_untracked(|o| o.needed_until)
            .map(seteli_domain::clock::iso_date)
            .unwrap_or_default(),
    );
    let reasons = RwSignal::new(String::new());
    let refusal = RwSignal::new(String::new());
    let hand_to = RwSignal::new(String::new());
    // A day that does not read as one is said, never guessed.
    let bad_date: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let dated =
        move |field: &'static str, text: RwSignal<String>, step: fn(time::Date) -> OrderStep| {
            match parse_iso_date(text.get_untracked().trim()) {
                Some(day) => {
                    bad_date.set(None);
                    run(step(day));
                }
                None => {
                    bad_date.set(Some(field));
                    crate::dom::focus(&format!("#{field}"));
                }
            }
        };
    let date_error = move |field: &'static str| {
        move || {
            (bad_date.get() == Some(field)).then(|| {
                view! { <p id=format!("{field}-error") class="field-error" data-testid=format!("{field}-error")>{t(lang, Text::DateProblem)}</p> }
            })
        }
    };
    move || {
        let order = current.get();
        let s = &order.summary;
        let state = s.state;
        // Only the administrator holding the order is prepared what to do.
        let holds = order.prepared.is_some();
        let awaits_dvv = s.path == OrderPath::Missing && order.dvv_granted_on.is_none();
        let colleagues = order
            .administrators
            .iter()
            .filter(|a| Some(&a.username) != s.handler.as_ref())
            .map(|a| view! { <option value=a.username.clone()>{a.name.clone()}</option> })
            .collect_view();
        let take = (state == StateName::Submitted).then(|| view! {
            <BusyButton class="button" testid="order-take" busy=pending on_click=move || run(OrderStep::Take)>{t(lang, Text::TakeCase)}</BusyButton>
        });
        let in_progress = holds && state == StateName::InProgress;
        let wait_dvv = (in_progress && awaits_dvv).then(|| view! {
            <section class="card" aria-labelledby="wait-dvv-heading">
                <h3 id="wait-dvv-heading" class="card-title">{t(lang, Text::WaitDvvHeading)}</h3>
                <p class="hint">{t(lang, Text::WaitDvvHint)}</p>
                <div class="field">
                    <label for="order-dvv-reference">{t(lang, Text::DvvReferenceLabel)}</label>
                    <input id="order-dvv-reference" data-testid="order-dvv-reference-input" autocomplete="off"
                        prop:value=move || reference.get() on:input=move |ev| reference.set(event_target_value(&ev))/>
                </div>
                <BusyButton class="button" testid="order-wait-dvv" busy=pending
                    on_click=move || run(OrderStep::WaitDvv(reference.get_untracked().trim().to_owned()))>{t(lang, Text::WaitDvvButton)}</BusyButton>
            </section>
        });
        let dvv_answer = (holds && state == StateName::Waiting && s.waiting_on == Some(Awaited::Dvv)).then(|| view! {
            <section class="card" aria-labelledby="dvv-granted-heading">
                <h3 id="dvv-granted-heading" class="card-title">{t(lang, Text::DvvGrantedHeading)}</h3>
                <div class="field">
                    <label for="order-dvv-granted-on">{t(lang, Text::DvvGrantedOnLabel)}</label>
                    <input id="order-dvv-granted-on" type="date" data-testid="order-dvv-granted-on"
                        aria-describedby=move || (bad_date.get() == Some("order-dvv-granted-on")).then_some("order-dvv-granted-on-error")
                        prop:value=move || granted_on.get() on:input=move |ev| granted_on.set(event_target_value(&ev))/>
                    {date_error("order-dvv-granted-on")}
                </div>
                <BusyButton class="button" testid="order-dvv-granted" busy=pending
                    on_click=move || dated("order-dvv-granted-on", granted_on, OrderStep::DvvGranted)>{t(lang, Text::DvvGrantedButton)}</BusyButton>
            </section>
            <section class="card" aria-labelledby="dvv-refused-heading">
                <h3 id="dvv-refused-heading" class="card-title">{t(lang, Text::DvvRefusedHeading)}</h3>
                <div class="field">
                    <label for="order-dvv-refusal">{t(lang, Text::DvvRefusalLabel)}</label>
                    <textarea id="order-dvv-refusal" rows="2" data-testid="order-dvv-refusal"
                        prop:value=move || refusal.get() on:input=move |ev| refusal.set(event_target_value(&ev))></textarea>
                </div>
                <BusyButton class="button button-secondary" testid="order-dvv-refused" busy=pending
                    on_click=move || run(OrderStep::DvvRefused(refusal.get_untracked()))>{t(lang, Text::DvvRefusedButton)}</BusyButton>
            </section>
        });
        let done = (in_progress && !awaits_dvv).then(|| view! {
            <section class="card" aria-labelledby="done-heading">
                <h3 id="done-heading" class="card-title">{t(lang, Text::DoneHeading)}</h3>
                <p class="hint">{t(lang, Text::DoneHint)}" "<TermLink slug=glossary::SUOMI_FI_VALTUUDET lang/></p>
                <div class="field">
                    <label for="order-done-on">{t(lang, Text::DoneOnLabel)}</label>
                    <input id="order-done-on" type="date" data-testid="order-done-on"
                        aria-describedby=move || (bad_date.get() == Some("order-done-on")).then_some("order-done-on-error")
                        prop:value=move || done_on.get() on:input=move |ev| done_on.set(event_target_value(&ev))/>
                    {date_error("order-done-on")}
                </div>
                <div class="field">
                    <label for="order-valid-until">{t(lang, Text::ValidUntilLabel)}" "<span class="optional">{t(lang, Text::OptionalField)}</span></label>
                    <input id="order-valid-until" type="date" data-testid="order-valid-until"
                        prop:value=move || valid_until.get() on:input=move |ev| valid_until.set(event_target_value(&ev))/>
                </div>
                <BusyButton class="button" testid="order-done" busy=pending
                    on_click=move || {
                        let until = parse_iso_date(valid_until.get_untracked().trim());
                        match parse_iso_date(done_on.get_untracked().trim()) {
                            Some(day) => {
                                bad_date.set(None);
                                run(OrderStep::Done(day, until));
                            }
                            None => {
                                bad_date.set(Some("order-done-on"));
                                crate::dom::focus("#order-done-on");
                            }
                        }
                    }>
                    {t(lang, Text::DoneButton)}
                </BusyButton>
            </section>
        });
        let held = matches!(state, StateName::InProgress | StateName::Waiting);
        let hand_over = held.then(|| view! {
            <div class="field">
                <label for="order-hand-over-to">{t(lang, Text::HandOverLabel)}</label>
                <select id="order-hand-over-to" data-testid="order-hand-over-to" on:change=move |ev| hand_to.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {colleagues}
                </select>
                <BusyButton class="button button-secondary" testid="order-hand-over" busy=pending
                    on_click=move || {
                        let to = hand_to.get_untracked();
                        // The select is drawn anew with the order: the choice goes with it.
                        hand_to.set(String::new());
                        run(OrderStep::HandOver(to));
                    }>{t(lang, Text::HandOverCase)}</BusyButton>
            </div>
        });
        let release = in_progress.then(|| view! {
            <BusyButton class="button button-secondary" testid="order-release" busy=pending on_click=move || run(OrderStep::Release)>{t(lang, Text::ReleaseCase)}</BusyButton>
        });
        let reject = in_progress.then(|| view! {
            <section class="card" aria-labelledby="order-reject-heading">
                <h3 id="order-reject-heading" class="card-title">{t(lang, Text::RejectOrderHeading)}</h3>
                <div class="field">
                    <label for="order-reject-reasons">{t(lang, Text::RejectReasonsLabel)}</label>
                    <textarea id="order-reject-reasons" rows="3" data-testid="order-reject-reasons"
                        prop:value=move || reasons.get() on:input=move |ev| reasons.set(event_target_value(&ev))></textarea>
                </div>
                <BusyButton class="button button-secondary" testid="order-reject" busy=pending
                    on_click=move || run(OrderStep::Reject(reasons.get_untracked()))>{t(lang, Text::RejectOrderButton)}</BusyButton>
            </section>
        });
        (held || state == StateName::Submitted).then(|| view! {
            <section class="page-section" aria-labelledby="order-steps-heading" data-testid="order-steps">
                <h2 id="order-steps-heading">{t(lang, Text::OrderStepsHeading)}</h2>
                <p class="hint"><TermLink slug=glossary::VALTUUKSIEN_HALLINNOIJA lang/></p>
                {take}
                {wait_dvv}
                {dvv_answer}
                {done}
                {hand_over}
                {release}
                {reject}
            </section>
        })
    }
}
