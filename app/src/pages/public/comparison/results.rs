//! The comparison's results: what the page shows before anything is chosen, then one page
//! of offers with their count, price chart and pager, loaded through a [`Remote`] whose
//! [`Source`] is the offers resource of the current URL.

use crate::components::facts::{Fact, LanguagesFact};
use crate::components::pager::Pager;
use crate::components::price_chart::PriceChart;
use crate::components::states::{EmptyNotice, Remote, Source};
use crate::dom;
use crate::links;
use crate::locale::tr;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use seteli_domain::api::{OfferPage, OfferSummary};
use seteli_domain::comparison::{own_share, OffersQuery};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::voucher::Satisfaction;
use seteli_domain::{ApiError, Lang};

/// A finished request, with what it was for: the results on screen belong to the current
/// URL only when both match (the retry button bumps `attempt`).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub query: OffersQuery,
    pub attempt: u32,
    pub result: Result<OfferPage, ApiError>,
}

/// The offers of the URL's choices as a [`Remote`] waits for them. When the form's own
/// lists failed to load, the form's error already says so (with a retry for everything),
/// and a failure here shows nothing more.
#[derive(Clone, Copy)]
pub struct Offers {
    /// `None` while nothing complete is chosen.
    pub resource: LocalResource<Option<Fetched>>,
    /// Whether the municipalities or the services failed to load.
    pub lists_failed: Memo<bool>,
    /// Asks again for everything that failed.
    pub retry: Callback<()>,
}

impl Source for Offers {
    /// The page with the query it answers; `None` when there is nothing to show.
    type Data = Option<(OffersQuery, OfferPage)>;

    async fn answer(self) -> Result<Self::Data, ApiError> {
        match self.resource.await {
            Some(Fetched {
                query,
                result: Ok(page),
                ..
            }) => Ok(Some((query, page))),
            Some(Fetched { result: Err(_), .. }) if self.lists_failed.get() => Ok(None),
            Some(Fetched {
                result: Err(error), ..
            }) => Err(error),
            None => Ok(None),
        }
    }

    fn retry(self) {
        self.retry.run(());
    }
}

/// The results region: the loading state (quiet: the page's own live region says it),
/// then the offers. `loading` marks the region busy.
#[component]
pub fn Results(offers: Offers, loading: Memo<bool>) -> impl IntoView {
    view! {
        <section class="results" aria-labelledby="results-heading" aria-busy=move || loading.get().to_string()>
            <h2 id="results-heading" tabindex="-1">{tr(Text::ResultsHeading)}</h2>
            <Remote data=offers let:found>
                {found.map(|(query, page)| view! { <OfferResults page query/> })}
            </Remote>
        </section>
    }
}

/// What the page shows until a municipality and a service are chosen.
#[component]
pub fn Intro() -> impl IntoView {
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
            view! { <EmptyNotice testid="empty" title=Text::EmptyTitle text=Text::EmptyHint/> }
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
                <Fact label=Text::Price lang class="fact-price">
                    <dd data-testid="offer-price" data-cents=offer.price_cents.get().to_string()>
                        {i18n::price_per_unit(lang, offer.price_cents, unit)}
                    </dd>
                </Fact>
                {own.map(|own| {
                    view! {
                        <Fact label=Text::OwnShare lang class="fact-own-share">
                            <dd data-testid="offer-own-share" data-cents=own.get().to_string()>
                                {i18n::price_per_unit(lang, own, unit)}
                            </dd>
                        </Fact>
                    }
                })}
                <LanguagesFact languages lang/>
                <Fact label=Text::Location lang>
                    <dd>{offer.post_office}</dd>
                </Fact>
                <Fact label=Text::Satisfaction lang>
                    {satisfaction(lang, offer.satisfaction)}
                </Fact>
            </dl>
            {(!offer.summary.is_empty()).then(|| view! { <p class="offer-summary">{offer.summary}</p> })}
        </li>
    }
}
