//! The card's registered proxy (one per customer, the PSOP model): the one in force with
//! its basis, scope, evidence and validity, and the form that ends it with a reason; or,
//! with none in force, the form that registers one. The customer is notified of both (by
//! the API). Ended registrations are listed below.

use super::card::{Card, CardSection};
use crate::api;
use crate::components::facts::Fact;
use crate::components::fields::{ChoiceField, Problems, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::api::desk::{NewProxy, ProxyView};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::desk::{check_text, check_validity, MAX_NAME, MAX_TEXT};
use seteli_domain::hetu::Hetu;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::mandates::{OnBehalfAction, ProxyBasis};
use seteli_domain::{ErrorCode, Lang};

/// The words for a registration's basis.
pub fn proxy_basis_text(basis: ProxyBasis) -> Text {
    match basis {
        ProxyBasis::Guardian => Text::ProxyBasisGuardian,
        ProxyBasis::CourtAppointedGuardian => Text::ProxyBasisCourtAppointed,
        ProxyBasis::PowerOfAttorney => Text::ProxyBasisPowerOfAttorney,
        ProxyBasis::Other => Text::ProxyBasisOther,
    }
}

/// The section.
#[component]
pub fn ProxySection(state: Card, lang: Lang) -> impl IntoView {
    let done = RwSignal::new(None::<Text>);
    // Only a change of the registration rebuilds its forms, not another section's reload.
    let in_force = Memo::new(move |_| state.card.with(|c| c.proxy.clone()));
    let current = move || {
        match in_force.get() {
            Some(proxy) => view! {
                <ProxyFacts proxy=proxy lang testid="proxy-current"/>
                <details class="form-details">
                    <summary data-testid="proxy-end-open">{t(lang, Text::EndProxy)}</summary>
                    <EndProxyForm state done/>
                </details>
            }
            .into_any(),
            None => view! {
                <p class="notice" data-testid="proxy-none">{t(lang, Text::NoProxy)}</p>
                <details class="form-details">
                    <summary data-testid="proxy-register-open">{t(lang, Text::RegisterProxyHeading)}</summary>
                    <ProxyForm state done/>
                </details>
            }
            .into_any(),
        }
    };
    let past = move || {
        let past = state.card.with(|c| c.past_proxies.clone());
        (!past.is_empty()).then(|| {
            let items = past
                .into_iter()
                .map(|p| view! { <li class="card"><ProxyFacts proxy=p lang testid="proxy-past"/></li> })
                .collect_view();
            view! {
                <h3>{t(lang, Text::PastProxiesHeading)}</h3>
                <ul class="card-list" role="list">{items}</ul>
            }
        })
    };
    view! {
        <CardSection id="proxy" heading=Text::ProxyHeading lang>
            <div aria-live="polite">
                {move || done.get().map(|text| view! {
                    <p id="proxy-done" class="notice notice-success" role="status" tabindex="-1" data-testid="proxy-done">{t(lang, text)}</p>
                })}
            </div>
            {current}
            {past}
        </CardSection>
    }
}

/// A registration's facts.
#[component]
fn ProxyFacts(proxy: ProxyView, lang: Lang, testid: &'static str) -> impl IntoView {
    let p = proxy;
    let scope = OnBehalfAction::SCOPABLE
        .into_iter()
        .filter(|a| p.scope.contains(a))
        .map(|a| view! { <li data-action=a.as_str()>{t(lang, scope_text(a))}</li> })
        .collect_view();
    let ended = p.ended_at.map(|at| {
        view! {
            <Fact label=Text::ProxyEndedLabel lang>
                <dd>{i18n::format_date_time(lang, at)} {p.ended_reason.clone().map(|r| format!(": {r}"))}</dd>
            </Fact>
        }
    });
    view! {
        <dl class="facts" data-testid=testid>
            <Fact label=Text::ProxyNameLabel lang>
                <dd data-testid="proxy-name">{format!("{} {}", p.given_name, p.family_name)}</dd>
            </Fact>
            <Fact label=Text::IdentityCodeLabel lang>
                <dd translate="no">{p.masked_hetu.clone()}</dd>
            </Fact>
            <Fact label=Text::ProxyBasisLabel lang>
                <dd data-testid="proxy-basis-text" data-basis=p.basis.as_str()>{t(lang, proxy_basis_text(p.basis))}</dd>
            </Fact>
            {(!p.justification.is_empty()).then(|| view! {
                <Fact label=Text::JustificationLabel lang><dd>{p.justification.clone()}</dd></Fact>
            })}
            <Fact label=Text::ProxyScopeLabel lang>
                <dd><ul class="plain-list" data-testid="proxy-scope-list">{scope}</ul></dd>
            </Fact>
            {(!p.evidence.is_empty()).then(|| view! {
                <Fact label=Text::EvidenceLabel lang><dd>{p.evidence.clone()}</dd></Fact>
            })}
            <Fact label=Text::ValidityLabel lang>
                <dd data-testid="proxy-validity">{i18n::validity(lang, p.valid_from, p.valid_until)}</dd>
            </Fact>
            <Fact label=Text::RegisteredByLabel lang>
                <dd>{p.registered_by.clone()}</dd>
            </Fact>
            {ended}
        </dl>
    }
}

/// What a scope's action allows the proxy, in words.
fn scope_text(action: OnBehalfAction) -> Text {
    match action {
        OnBehalfAction::ViewVouchers => Text::ScopeViewVouchers,
        OnBehalfAction::ViewFeedback => Text::ScopeViewFeedback,
        OnBehalfAction::ViewTrail => Text::ScopeViewTrail,
        OnBehalfAction::ViewMessages => Text::ScopeViewMessages,
        OnBehalfAction::ViewAccessLog => Text::ScopeViewAccessLog,
        OnBehalfAction::GiveFeedback => Text::ScopeGiveFeedback,
        OnBehalfAction::AnswerSurvey => Text::ScopeAnswerSurvey,
        OnBehalfAction::ApplyForVoucher => Text::ScopeApplyForVoucher,
        OnBehalfAction::AnswerConsent => Text::ActionAnswerConsent,
        OnBehalfAction::Choose => Text::ActionChoose,
    }
}

/// Registers a proxy: who, on what basis (with a justification for "other"), what they
/// may do, what evidence staff saw, and for how long.
#[component]
fn ProxyForm(state: Card, done: RwSignal<Option<Text>>) -> impl IntoView {
    let lang = use_lang();
    let today = crate::dom::today();
    let hetu = RwSignal::new(String::new());
    let given = RwSignal::new(String::new());
    let family = RwSignal::new(String::new());
    let basis = RwSignal::new(String::new());
    let justification = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let scope = RwSignal::new(vec![OnBehalfAction::ViewVouchers]);
    let valid_from = RwSignal::new(iso_date(today));
    let valid_until = RwSignal::new(iso_date(
        today.replace_year(today.year() + 1).unwrap_or(today),
    ));
    let id = state.id();
    let register = Action::new_local(move |proxy: &NewProxy| {
        let proxy = proxy.clone();
        let lang = lang.get_untracked();
        async move { api::register_proxy(id, &proxy, lang).await }
    });
    let pending = register.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = register.value().get() {
            done.set(Some(Text::ProxyRegistered));
            state.reload.run(());
            crate::dom::focus_after_render("#proxy-done");
        }
    });
    let server_error = last_error(register, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        done.set(None);
        let code = hetu.get_untracked().trim().to_uppercase();
        if Hetu::parse(&code).is_err() {
            return problems.found("proxy_hetu", Text::HetuInvalid, "proxy-hetu");
        }
        let (g, f) = (given.get_untracked(), family.get_untracked());
        if check_text(&g, MAX_NAME, ErrorCode::InvalidProxy, "given_name").is_err() {
            return problems.found("given_name", Text::GivenNameMissing, "proxy-given");
        }
        if check_text(&f, MAX_NAME, ErrorCode::InvalidProxy, "family_name").is_err() {
            return problems.found("family_name", Text::FamilyNameMissing, "proxy-family");
        }
        let Some(chosen_basis) = ProxyBasis::parse(&basis.get_untracked()) else {
            return problems.found("basis", Text::ProxyBasisMissing, "proxy-basis");
        };
        let why = justification.get_untracked();
        if chosen_basis == ProxyBasis::Other
            && check_text(&why, MAX_TEXT, ErrorCode::InvalidProxy, "justification").is_err()
        {
            return problems.found(
                "justification",
                Text::JustificationMissing,
                "proxy-justification",
            );
        }
        let chosen_scope = scope.get_untracked();
        if chosen_scope.is_empty() {
            return problems.found("scope", Text::ScopeMissing, "proxy-scope-view_vouchers");
        }
        let (Some(from), Some(until)) = (
            parse_iso_date(valid_from.get_untracked().trim()),
            parse_iso_date(valid_until.get_untracked().trim()),
        ) else {
            return problems.found("valid_until", Text::ValidityProblem, "proxy-valid-until");
        };
        if check_validity(from, until, ErrorCode::InvalidProxy).is_err() {
            return problems.found("valid_until", Text::ValidityProblem, "proxy-valid-until");
        }
        problems.clear();
        register.dispatch_local(NewProxy {
            hetu: code,
            given_name: g.trim().to_owned(),
            family_name: f.trim().to_owned(),
            basis: chosen_basis,
            justification: why.trim().to_owned(),
            scope: chosen_scope,
            evidence: evidence.get_untracked().trim().to_owned(),
            valid_from: from,
            valid_until: until,
        });
    };
    let bases: Vec<(String, String)> = ProxyBasis::ALL
        .into_iter()
        .map(|b| {
            (
                b.as_str().to_owned(),
                t(lang.get_untracked(), proxy_basis_text(b)).to_owned(),
            )
        })
        .collect();
    let scope_invalid = move || problems.message("scope").is_some();
    let checkboxes = OnBehalfAction::SCOPABLE
        .into_iter()
        .map(|action| {
            let box_id = format!("proxy-scope-{}", action.as_str());
            view! {
                <div class="choice">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        name="scope"
                        value=action.as_str()
                        data-testid=box_id.clone()
                        prop:checked=move || scope.with(|s| s.contains(&action))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scope.update(|s| {
                                s.retain(|a| *a != action);
                                if on {
                                    s.push(action);
                                }
                            });
                        }
                    />
                    <label for=box_id>{move || t(lang.get(), scope_text(action))}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="form-panel" data-testid="proxy-form" novalidate on:submit=on_submit>
            <TextField id="proxy-hetu" field="proxy_hetu" label=Text::ProxyHetuLabel value=hetu problems autocomplete="off"/>
            <TextField id="proxy-given" field="given_name" label=Text::GivenNameLabel value=given problems autocomplete="off"/>
            <TextField id="proxy-family" field="family_name" label=Text::FamilyNameLabel value=family problems autocomplete="off"/>
            <ChoiceField id="proxy-basis" field="basis" label=Text::ProxyBasisLabel value=basis problems options=bases placeholder=Text::ChooseBasis/>
            <TextField id="proxy-justification" field="justification" label=Text::JustificationLabel value=justification problems multiline=true hint=Text::JustificationHint optional=true/>
            <fieldset
                class="field choice-group"
                data-testid="proxy-scope"
                aria-describedby=move || scope_invalid().then_some("proxy-scope-error")
            >
                <legend>{move || t(lang.get(), Text::ProxyScopeLabel)}</legend>
                {checkboxes}
                {move || problems.message("scope").map(|m| view! { <p id="proxy-scope-error" class="field-error" data-testid="proxy-scope-error">{m}</p> })}
            </fieldset>
            <TextField id="proxy-evidence" field="evidence" label=Text::EvidenceLabel value=evidence problems multiline=true hint=Text::EvidenceHint optional=true/>
            <TextField id="proxy-valid-from" field="valid_from" label=Text::ValidFromLabel value=valid_from problems kind="date"/>
            <TextField id="proxy-valid-until" field="valid_until" label=Text::ValidUntilLabel value=valid_until problems kind="date"/>
            <FormEnd error=server_error error_testid="proxy-error" text=Text::RegisterProxy pending testid="proxy-submit"/>
        </form>
    }
}

/// Ends the proxy in force, with a reason.
#[component]
fn EndProxyForm(state: Card, done: RwSignal<Option<Text>>) -> impl IntoView {
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let id = state.id();
    let end = Action::new_local(move |reason: &String| {
        let reason = reason.clone();
        let lang = lang.get_untracked();
        async move { api::end_proxy(id, &reason, lang).await }
    });
    let pending = end.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = end.value().get() {
            done.set(Some(Text::ProxyEnded));
            state.reload.run(());
            crate::dom::focus_after_render("#proxy-done");
        }
    });
    let server_error = last_error(end, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let why = reason.get_untracked();
        if check_text(&why, MAX_TEXT, ErrorCode::InvalidProxy, "reason").is_err() {
            return problems.found("reason", Text::ReasonMissing, "proxy-end-reason");
        }
        problems.clear();
        end.dispatch_local(why.trim().to_owned());
    };
    view! {
        <form class="form-panel" data-testid="proxy-end-form" novalidate on:submit=on_submit>
            <TextField id="proxy-end-reason" field="reason" label=Text::ReasonLabel value=reason problems multiline=true/>
            <FormEnd error=server_error error_testid="proxy-end-error" text=Text::EndProxySubmit pending testid="proxy-end-submit"/>
        </form>
    }
}
