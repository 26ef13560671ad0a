//! `/`: the public comparison of approved producers' prices.
//!
//! The URL holds every choice (`municipality`, `service`, `voucher` in cents, `sort`,
//! `page`, and `lang` when not Finnish). The form never keeps state of its own beyond the
//! text being typed: a change pushes a new URL and the page derives everything from it,
//! so links can be shared and the back button restores earlier choices.
//!
//! A logged-in customer with an active voucher for the chosen municipality and service
//! gets a button that fills in that voucher's value (through the URL, as typing it does).

use crate::api;
use crate::components::pager::Pager;
use crate::components::price_chart::PriceChart;
use crate::components::states::{ErrorState, Loading};
use crate::dom;
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use seteli_domain::api::{OfferPage, OfferSummary, VoucherSummary};
use seteli_domain::comparison::{own_share, OffersQuery, SortKey, MAX_PAGE};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::MoneyError;
use seteli_domain::voucher::Satisfaction;
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{ApiError, Cents, ErrorCode, Lang, MunicipalityCode, ServiceCode};

/// The comparison's choices as the URL holds them. A missing or malformed parameter is
/// simply not chosen, so a hand-edited link shows the form rather than an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub municipality: Option<MunicipalityCode>,
    pub service: Option<ServiceCode>,
    pub voucher: Option<Cents>,
    pub sort: SortKey,
    /// 1-based, within `1..=MAX_PAGE`.
    pub page: u32,
}

impl Default for Choices {
    fn default() -> Self {
        Self {
            municipality: None,
            service: None,
            voucher: None,
            sort: SortKey::default(),
            page: 1,
        }
    }
}

impl Choices {
    /// Reads the choices from a query string's pairs, leniently. As in the router's
    /// `ParamsMap`, the last of repeated keys wins.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let get = |key: &str| {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v)
                .filter(|v| !v.is_empty())
        };
        Self {
            municipality: get("municipality").and_then(|m| MunicipalityCode::parse(m).ok()),
            service: get("service").and_then(|s| ServiceCode::parse(s).ok()),
            voucher: get("voucher").and_then(|v| Cents::parse(v).ok()),
            sort: get("sort").and_then(SortKey::parse).unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .unwrap_or(1),
        }
    }

    /// The API query, once both a municipality and a service are chosen.
    pub fn offers_query(&self, lang: Lang) -> Option<OffersQuery> {
        Some(OffersQuery {
            municipality: self.municipality.clone()?,
            service: self.service.clone()?,
            voucher: self.voucher,
            sort: self.sort,
            lang,
            page: self.page,
        })
    }

    /// The comparison's address for these choices. A complete query is written by
    /// [`OffersQuery::to_pairs`], the same code the edge's parser is tested against.
    pub fn href(&self, lang: Lang) -> String {
        if let Some(query) = self.offers_query(lang) {
            return links::href("/", query.to_pairs());
        }
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        if let Some(m) = &self.municipality {
            pairs.push(("municipality", m.to_string()));
        }
        if let Some(s) = &self.service {
            pairs.push(("service", s.to_string()));
        }
        if let Some(v) = self.voucher {
            pairs.push(("voucher", v.get().to_string()));
        }
        if self.sort != SortKey::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        if lang != Lang::default() {
            pairs.push(("lang", lang.code().to_owned()));
        }
        links::href("/", pairs)
    }
}

/// Reads the voucher field: empty is "no voucher value", anything else must be euros.
pub fn parse_voucher(text: &str) -> Result<Option<Cents>, MoneyError> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else {
        Cents::parse_euros(text).map(Some)
    }
}

/// A voucher value as the field shows it: `25` or `25,50` (`25.50` in English), without
/// the euro sign, so that it reads back through [`Cents::parse_euros`].
pub fn voucher_field_text(value: Cents, lang: Lang) -> String {
    let (euros, cents) = (value.get() / 100, value.get() % 100);
    let separator = if lang == Lang::En { '.' } else { ',' };
    if cents == 0 {
        euros.to_string()
    } else {
        format!("{euros}{separator}{cents:02}")
    }
}

/// The customer's active voucher for `municipality` and `service`, if there is one (the
/// first, as the API lists active vouchers first).
pub fn matching_voucher<'a>(
    vouchers: &'a [VoucherSummary],
    municipality: &MunicipalityCode,
    service: &ServiceCode,
) -> Option<&'a VoucherSummary> {
    vouchers.iter().find(|v| {
        v.status == VoucherStatus::Active
            && v.municipality_code == *municipality
            && v.service_code == *service
    })
}

/// A finished request, with what it was for: the results on screen belong to the current
/// URL only when both match (the retry button bumps `attempt`).
#[derive(Debug, Clone)]
struct Fetched {
    query: OffersQuery,
    attempt: u32,
    result: Result<OfferPage, ApiError>,
}

/// The comparison page.
#[component]
pub fn ComparisonPage() -> impl IntoView {
    let lang = use_lang();
    let query_map = use_query_map();
    let choices = Memo::new(move |_| {
        query_map.with(|q| Choices::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let offers_query = Memo::new(move |_| choices.with(|c| c.offers_query(lang.get())));
    let has_query = Memo::new(move |_| offers_query.with(Option::is_some));
    use_document_title(|lang| t(lang, Text::ComparisonTitle).to_owned());

    let municipalities = LocalResource::new(move || api::municipalities(lang.get()));
    let services = LocalResource::new(move || api::services(lang.get()));
    let attempt = RwSignal::new(0_u32);
    let offers = LocalResource::new(move || {
        let query = offers_query.get();
        let attempt = attempt.get();
        async move {
            let query = query?;
            let result = api::offers(&query).await;
            Some(Fetched {
                query,
                attempt,
                result,
            })
        }
    });

    let lists_error = Memo::new(move |_| {
        let municipalities = municipalities.with(|m| m.as_ref().and_then(|r| r.clone().err()));
        municipalities.or_else(|| services.with(|s| s.as_ref().and_then(|r| r.clone().err())))
    });
    let loading = Memo::new(move |_| match offers_query.get() {
        None => false,
        Some(query) => !offers
            .with(|o| matches!(o, Some(Some(f)) if f.query == query && f.attempt == attempt.get())),
    });
    // One polite live region, present from the start so that screen readers notice its
    // changes: "loading", then the number of results.
    let status = move || {
        let lang = lang.get();
        if !has_query.get() {
            String::new()
        } else if loading.get() {
            t(lang, Text::Loading).to_owned()
        } else {
            offers.with(|o| match o {
                Some(Some(Fetched {
                    result: Ok(page), ..
                })) => i18n::producer_count(lang, page.total),
                _ => String::new(),
            })
        }
    };
    let retry = Callback::new(move |()| {
        if municipalities.with_untracked(|m| matches!(m, Some(Err(_)))) {
            municipalities.refetch();
        }
        if services.with_untracked(|s| matches!(s, Some(Err(_)))) {
            services.refetch();
        }
        attempt.update(|n| *n += 1);
    });

    let navigate = use_navigate();
    let go = move |next: Choices| {
        let options = NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&next.href(lang.get_untracked()), options);
    };
    let on_municipality = {
        let go = go.clone();
        move |ev| {
            let mut next = choices.get_untracked();
            next.municipality = MunicipalityCode::parse(&event_target_value(&ev)).ok();
            next.page = 1;
            go(next);
        }
    };
    let on_service = {
        let go = go.clone();
        move |ev| {
            let mut next = choices.get_untracked();
            next.service = ServiceCode::parse(&event_target_value(&ev)).ok();
            next.page = 1;
            go(next);
        }
    };
    let on_sort = {
        let go = go.clone();
        move |ev| {
            let mut next = choices.get_untracked();
            next.sort = SortKey::parse(&event_target_value(&ev)).unwrap_or_default();
            next.page = 1;
            go(next);
        }
    };

    // The logged-in customer's own vouchers, asked only once the session says a customer
    // is logged in; any failure just leaves the button out.
    let session = use_session();
    let my_vouchers = LocalResource::new(move || {
        let logged_in = session.is_citizen();
        let lang = lang.get_untracked();
        async move {
            if logged_in {
                api::my_vouchers(lang).await.ok()
            } else {
                None
            }
        }
    });
    let own_voucher = Memo::new(move |_| {
        let (municipality, service) = choices.with(|c| (c.municipality.clone(), c.service.clone()));
        let (municipality, service) = (municipality?, service?);
        my_vouchers.with(|v| {
            let list = v.as_ref()?.as_ref()?;
            matching_voucher(list, &municipality, &service).map(|v| (v.unit_value_cents, v.unit))
        })
    });
    let use_own_voucher = {
        let go = go.clone();
        move |value: Cents| {
            let mut next = choices.get_untracked();
            if next.voucher != Some(value) {
                next.voucher = Some(value);
                next.page = 1;
                go(next);
            }
        }
    };
    let own_voucher_button = move || {
        own_voucher.get().map(|(value, unit)| {
            let use_own_voucher = use_own_voucher.clone();
            view! {
                <button
                    type="button"
                    class="button button-secondary use-my-voucher"
                    data-testid="use-my-voucher"
                    on:click=move |_| use_own_voucher(value)
                >
                    {move || i18n::use_my_voucher(lang.get(), value, unit)}
                </button>
            }
        })
    };

    // The voucher field keeps what is being typed; the URL changes only when the value is
    // committed (on change or submit) and valid.
    let voucher_text = RwSignal::new(String::new());
    let voucher_invalid = RwSignal::new(false);
    // The text last read from or written to the URL: Enter fires both `change` and
    // `submit`, and the second must not push the same URL again.
    let voucher_committed = StoredValue::new(String::new());
    let url_voucher = Memo::new(move |_| choices.with(|c| c.voucher));
    Effect::new(move |_| {
        let text = url_voucher
            .get()
            .map(|v| voucher_field_text(v, lang.get()))
            .unwrap_or_default();
        voucher_committed.set_value(text.clone());
        voucher_text.set(text);
        voucher_invalid.set(false);
    });
    let commit_voucher = move || -> bool {
        let text = voucher_text.get_untracked();
        let Ok(voucher) = parse_voucher(&text) else {
            voucher_invalid.set(true);
            return false;
        };
        voucher_invalid.set(false);
        if voucher_committed.with_value(|c| *c == text) {
            return true;
        }
        voucher_committed.set_value(text);
        let mut next = choices.get_untracked();
        if next.voucher != voucher {
            next.voucher = voucher;
            next.page = 1;
            go(next);
        }
        true
    };
    let on_voucher_change = {
        let commit = commit_voucher.clone();
        move |_| {
            commit();
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !commit_voucher() {
            dom::focus("#voucher");
        }
    };

    let municipality_options = move || {
        municipalities
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|m| {
                let code = m.code.clone();
                let selected = move || choices.with(|c| c.municipality.as_ref() == Some(&code));
                view! { <option value=m.code.to_string() prop:selected=selected>{m.name}</option> }
            })
            .collect_view()
    };
    let service_options = move || {
        services
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|s| {
                let code = s.code.clone();
                let selected = move || choices.with(|c| c.service.as_ref() == Some(&code));
                view! { <option value=s.code.to_string() prop:selected=selected>{s.name}</option> }
            })
            .collect_view()
    };
    let placeholder = move |loaded: bool, text: Text| {
        if loaded {
            t(lang.get(), text)
        } else {
            t(lang.get(), Text::Loading)
        }
    };
    let sort_options = [
        (SortKey::Price, Text::SortPrice),
        (SortKey::OwnShare, Text::SortOwnShare),
        (SortKey::Name, Text::SortName),
    ]
    .into_iter()
    .map(|(key, text)| {
        view! {
            <option value=key.as_str() prop:selected=move || choices.with(|c| c.sort == key)>
                {tr(text)}
            </option>
        }
    })
    .collect_view();

    let results = move || {
        if !has_query.get() {
            return view! { <Intro/> }.into_any();
        }
        view! {
            <section
                class="results"
                aria-labelledby="results-heading"
                aria-busy=move || loading.get().to_string()
            >
                <h2 id="results-heading" tabindex="-1">{tr(Text::ResultsHeading)}</h2>
                <Suspense fallback=|| view! { <Loading/> }>
                    {move || Suspend::new(async move {
                        match offers.await {
                            Some(Fetched { query, result: Ok(page), .. }) => {
                                view! { <OfferResults page query/> }.into_any()
                            }
                            // The form's error already says it, with a retry for everything.
                            Some(Fetched { result: Err(_), .. }) if lists_error.get().is_some() => {
                                ().into_any()
                            }
                            Some(Fetched { result: Err(error), .. }) => {
                                view! { <ErrorState error on_retry=retry/> }.into_any()
                            }
                            None => ().into_any(),
                        }
                    })}
                </Suspense>
            </section>
        }
        .into_any()
    };

    view! {
        <h1 tabindex="-1">{tr(Text::ComparisonTitle)}</h1>
        <p class="lead">{tr(Text::ComparisonLead)}</p>
        {move || lists_error.get().map(|error| view! { <ErrorState error on_retry=retry/> })}
        <form
            class="search-form"
            role="search"
            aria-label=tr(Text::SearchFormLabel)
            novalidate
            on:submit=on_submit
        >
            <div class="field">
                <label for="municipality">{tr(Text::MunicipalityLabel)}</label>
                <select
                    id="municipality"
                    name="municipality"
                    data-testid="municipality-select"
                    on:change=on_municipality
                >
                    <option value="" prop:selected=move || choices.with(|c| c.municipality.is_none())>
                        {move || placeholder(municipalities.with(Option::is_some), Text::ChooseMunicipality)}
                    </option>
                    {municipality_options}
                </select>
            </div>
            <div class="field">
                <label for="service">{tr(Text::ServiceLabel)}</label>
                <select id="service" name="service" data-testid="service-select" on:change=on_service>
                    <option value="" prop:selected=move || choices.with(|c| c.service.is_none())>
                        {move || placeholder(services.with(Option::is_some), Text::ChooseService)}
                    </option>
                    {service_options}
                </select>
            </div>
            <div class="field">
                <label for="voucher">{tr(Text::VoucherLabel)}</label>
                <p id="voucher-hint" class="hint">{tr(Text::VoucherHint)}</p>
                {move || {
                    voucher_invalid
                        .get()
                        .then(|| {
                            view! {
                                <p id="voucher-error" class="field-error" data-testid="voucher-error">
                                    {move || ErrorCode::InvalidVoucherValue.message(lang.get())}
                                </p>
                            }
                        })
                }}
                <input
                    id="voucher"
                    name="voucher"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    class="input-voucher"
                    data-testid="voucher-input"
                    aria-describedby=move || {
                        if voucher_invalid.get() { "voucher-hint voucher-error" } else { "voucher-hint" }
                    }
                    aria-invalid=move || voucher_invalid.get().then_some("true")
                    prop:value=move || voucher_text.get()
                    on:input=move |ev| voucher_text.set(event_target_value(&ev))
                    on:change=on_voucher_change
                />
                {own_voucher_button}
            </div>
            <div class="field">
                <label for="sort">{tr(Text::SortLabel)}</label>
                <select id="sort" name="sort" data-testid="sort-select" on:change=on_sort>
                    {sort_options}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{tr(Text::ShowPrices)}</button>
            </div>
        </form>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{status}</p>
        {results}
    }
}

/// What the page shows until a municipality and a service are chosen.
#[component]
fn Intro() -> impl IntoView {
    view! {
        <section class="intro" aria-labelledby="intro-heading" data-testid="intro">
            <h2 id="intro-heading">{tr(Text::IntroHeading)}</h2>
            <ol class="steps">
                <li>{tr(Text::IntroStep1)}</li>
                <li>{tr(Text::IntroStep2)}</li>
                <li>{tr(Text::IntroStep3)}</li>
            </ol>
        </section>
    }
}

/// One page of results: count, offers, chart and pager. Texts are in the language the
/// data came in (`query.lang`), so a page never mixes two languages while it reloads.
#[component]
fn OfferResults(page: OfferPage, query: OffersQuery) -> impl IntoView {
    let lang = query.lang;
    let pages = page.total.div_ceil(page.page_size.max(1)).max(1);
    let page_href = |n: u32| {
        let mut q = query.clone();
        q.page = n;
        links::href("/", q.to_pairs())
    };
    let pager = (page.total > page.page_size).then(|| {
        let prev_href = (page.page > 1).then(|| page_href(page.page - 1));
        let next_href = (page.page < pages).then(|| page_href(page.page + 1));
        view! {
            <Pager
                page=page.page
                pages
                prev_href
                next_href
                on_navigate=move |()| dom::focus_after_render("#results-heading")
            />
        }
    });
    let count = view! {
        <p class="result-count" data-testid="result-count">
            {i18n::producer_count(lang, page.total)}
        </p>
    };
    if page.offers.is_empty() {
        let body = if page.total == 0 {
            view! {
                <div class="notice" data-testid="empty">
                    <p class="notice-title">{t(lang, Text::EmptyTitle)}</p>
                    <p>{t(lang, Text::EmptyHint)}</p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="notice" data-testid="page-out-of-range">
                    <p class="notice-title">{t(lang, Text::PageOutOfRange)}</p>
                    <p><a href=page_href(1)>{t(lang, Text::FirstPage)}</a></p>
                </div>
            }
            .into_any()
        };
        return view! { {count} {body} {pager} }.into_any();
    }
    let first = (page.page.max(1) - 1) * page.page_size + 1;
    let offers = page.offers.clone();
    let items = page
        .offers
        .into_iter()
        .map(|offer| view! { <OfferItem offer query=query.clone()/> })
        .collect_view();
    view! {
        {count}
        <ol class="offer-list" role="list" data-testid="offer-list" start=first.to_string()>
            {items}
        </ol>
        <PriceChart offers voucher=query.voucher lang/>
        {pager}
    }
    .into_any()
}

/// A producer's satisfaction figure, or that there are not enough answers yet
/// (`data-average-x10` is absent then).
pub fn satisfaction(lang: Lang, figure: Option<Satisfaction>) -> impl IntoView {
    match figure {
        Some(s) => view! {
            <dd data-testid="satisfaction" data-average-x10=s.average_x10.to_string()>
                {i18n::satisfaction_text(lang, s)}
            </dd>
        }
        .into_any(),
        None => view! {
            <dd data-testid="satisfaction" class="hint">{t(lang, Text::SatisfactionNotYet)}</dd>
        }
        .into_any(),
    }
}

/// One producer's offer in the list.
#[component]
fn OfferItem(offer: OfferSummary, query: OffersQuery) -> impl IntoView {
    let lang = query.lang;
    // The profile gets the comparison's query so that its "back" link can return here.
    let href = links::href(&links::producer(offer.producer_id), query.to_pairs());
    let own = query.voucher.map(|voucher| {
        offer
            .own_share_cents
            .unwrap_or_else(|| own_share(offer.price_cents, voucher))
    });
    let languages = i18n::language_list(lang, &offer.languages);
    let unit = offer.unit;
    view! {
        <li class="offer" data-testid="offer" data-producer-id=offer.producer_id.to_string()>
            <h3 class="offer-name">
                // `state` marks the history entry, so the profile knows "back" is here.
                <a href=href data-testid="offer-name" prop:state=JsValue::from_str(dom::FROM_COMPARISON)>
                    {offer.producer_name}
                </a>
            </h3>
            <dl class="facts">
                <div class="fact fact-price">
                    <dt>{t(lang, Text::Price)}</dt>
                    <dd data-testid="offer-price" data-cents=offer.price_cents.get().to_string()>
                        {i18n::price_per_unit(lang, offer.price_cents, unit)}
                    </dd>
                </div>
                {own.map(|own| {
                    view! {
                        <div class="fact fact-own-share">
                            <dt>{t(lang, Text::OwnShare)}</dt>
                            <dd data-testid="offer-own-share" data-cents=own.get().to_string()>
                                {i18n::price_per_unit(lang, own, unit)}
                            </dd>
                        </div>
                    }
                })}
                {(!languages.is_empty()).then(|| {
                    view! {
                        <div class="fact">
                            <dt>{t(lang, Text::ServiceLanguages)}</dt>
                            <dd>{languages}</dd>
                        </div>
                    }
                })}
                <div class="fact">
                    <dt>{t(lang, Text::Location)}</dt>
                    <dd>{offer.post_office}</dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, Text::Satisfaction)}</dt>
                    {satisfaction(lang, offer.satisfaction)}
                </div>
            </dl>
            {(!offer.summary.is_empty()).then(|| view! { <p class="offer-summary">{offer.summary}</p> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    #[test]
    fn a_hand_edited_url_falls_back_to_nothing_chosen() {
        let c = Choices::from_pairs([
            ("municipality", "Porvoo"),
            ("service", "home-care"),
            ("voucher", "-5"),
            ("sort", "cheapest"),
            ("page", "0"),
        ]);
        assert_eq!(c.municipality, None);
        assert_eq!(c.service.as_ref().map(|s| s.as_str()), Some("home-care"));
        assert_eq!(c.voucher, None);
        assert_eq!(c.sort, SortKey::Price);
        assert_eq!(c.page, 1);
        assert!(c.offers_query(Lang::Fi).is_none());
    }

    #[test]
    fn choices_round_trip_through_their_url() {
        let c = Choices::from_pairs([
            ("municipality", "638"),
            ("service", "home-care"),
            ("voucher", "2550"),
            ("sort", "own_share"),
            ("page", "3"),
        ]);
        let href = c.href(Lang::Sv);
        assert_eq!(
            href,
            "/?municipality=638&service=home-care&voucher=2550&sort=own_share&lang=sv&page=3"
        );
        let back = href
            .trim_start_matches("/?")
            .split('&')
            .filter_map(|kv| kv.split_once('='));
        assert_eq!(Choices::from_pairs(back), c);
    }

    #[test]
    fn a_partial_choice_keeps_what_was_chosen() {
        let c = Choices {
            service: ServiceCode::parse("home-care").ok(),
            sort: SortKey::Name,
            ..Choices::default()
        };
        assert_eq!(c.href(Lang::Fi), "/?service=home-care&sort=name");
        assert_eq!(Choices::default().href(Lang::En), "/?lang=en");
    }

    fn voucher(n: i64, municipality: &str, service: &str, status: &str) -> VoucherSummary {
        VoucherSummary {
            id: id(n),
            number: "482199301175".to_owned(),
            service_code: ServiceCode::parse(service).unwrap(),
            service_name: "Kotihoito".to_owned(),
            municipality_code: MunicipalityCode::parse(municipality).unwrap(),
            municipality_name: "Porvoo".to_owned(),
            unit: seteli_domain::catalogue::Unit::Hour,
            unit_value_cents: Cents::new(3200).unwrap(),
            granted_units: None,
            granted_cents: Cents::new(128_000).unwrap(),
            balance_cents: Cents::new(64_000).unwrap(),
            valid_from: "2026-01-01".to_owned(),
            valid_until: "2026-12-31".to_owned(),
            status: serde_json::from_value(serde_json::json!(status)).unwrap(),
        }
    }

    #[test]
    fn only_an_active_voucher_for_the_chosen_place_and_service_is_offered() {
        let list = [
            voucher(1, "638", "home-care", "ended"),
            voucher(2, "091", "home-care", "active"),
            voucher(3, "638", "cleaning", "active"),
            voucher(4, "638", "home-care", "active"),
        ];
        let porvoo = MunicipalityCode::parse("638").unwrap();
        let home_care = ServiceCode::parse("home-care").unwrap();
        assert_eq!(
            matching_voucher(&list, &porvoo, &home_care).map(|v| v.id.get()),
            Some(4)
        );
        let other = ServiceCode::parse("meals").unwrap();
        assert!(matching_voucher(&list, &porvoo, &other).is_none());
        assert!(matching_voucher(&list[..3], &porvoo, &home_care).is_none());
    }

    #[test]
    fn the_voucher_field_reads_what_it_writes() {
        for cents in [0, 5, 2500, 2550, 123_456] {
            let value = Cents::new(cents).unwrap();
            for lang in Lang::ALL {
                let text = voucher_field_text(value, lang);
                assert_eq!(parse_voucher(&text), Ok(Some(value)), "{text}");
            }
        }
        assert_eq!(
            voucher_field_text(Cents::new(2550).unwrap(), Lang::Fi),
            "25,50"
        );
        assert_eq!(parse_voucher("  "), Ok(None));
        assert!(parse_voucher("abc").is_err());
        assert!(parse_voucher("-3").is_err());
    }
}
