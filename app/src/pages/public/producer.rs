//! `/producers/:id`: an approved producer's public profile.
//!
//! Opened from the comparison, the URL carries the comparison's query, so the "back" link
//! can return to the same results even when the page was opened on its own.

use crate::api;
use crate::components::facts::{Fact, LanguagesFact};
use crate::components::states::{retryable, Remote};
use crate::dom;
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::public::comparison::satisfaction;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use seteli_domain::api::{ProducerOffer, ProducerProfile};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::ProducerId;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The profile page.
#[component]
pub fn ProducerPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let location = use_location();
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").and_then(ProducerId::parse)));
    let producer = retryable(move || {
        let id = id.get();
        let lang = lang.get();
        async move {
            match id {
                Some(id) => api::producer(id, lang).await,
                // Not an id at all: the same answer the API gives for an unknown one.
                None => Err(ApiError::new(ErrorCode::ProducerNotFound, lang)),
            }
        }
    });

    // The heading is outside the loading boundary, so that it exists (and can take focus)
    // from the first frame; it names the producer once known.
    let heading = move || {
        let lang = lang.get();
        producer.with(|p| match p {
            Some(Ok(profile)) => profile.name.clone(),
            Some(Err(e)) if api::is_not_found(e) => t(lang, Text::ProducerNotFoundTitle).to_owned(),
            _ => t(lang, Text::ProducerFallbackTitle).to_owned(),
        })
    };
    let loaded = move || producer.with(|p| matches!(p, Some(Ok(_))));
    use_document_title(move |_| heading());

    let back_href = move || location.query.with(|q| links::href("/", q));
    let on_back = move |ev: leptos::ev::MouseEvent| {
        // The browser's back restores the comparison's scroll position too; a page opened
        // directly (no such entry) follows the link instead.
        if dom::came_from_comparison() {
            ev.prevent_default();
            dom::history_back();
        }
    };

    view! {
        <p class="back">
            <a class="back-link" href=back_href data-testid="back-link" on:click=on_back>
                <span aria-hidden="true">"← "</span>
                {tr(Text::BackToComparison)}
            </a>
        </p>
        <h1 tabindex="-1" data-testid=move || loaded().then_some("producer-name")>{heading}</h1>
        <Remote data=producer let:profile>
            <Profile profile lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The profile's body, below the name.
#[component]
fn Profile(profile: ProducerProfile, lang: Lang) -> impl IntoView {
    let languages = i18n::language_list(lang, &profile.languages);
    let phone_href = tel_href(&profile.phone);
    let email_href = format!("mailto:{}", profile.email);
    // Only web addresses become links: a stored `javascript:` URL must never be clickable.
    let website = profile
        .website
        .filter(|w| w.starts_with("https://") || w.starts_with("http://"));
    let mut services = profile.services;
    services.sort_by(|a, b| {
        (
            a.municipality_name.to_lowercase(),
            a.service_name.to_lowercase(),
        )
            .cmp(&(
                b.municipality_name.to_lowercase(),
                b.service_name.to_lowercase(),
            ))
    });
    view! {
        <p class="business-id">
            {t(lang, Text::BusinessId)} ": " <span>{profile.business_id.to_string()}</span>
        </p>
        <p class="lead" data-testid="producer-description">{profile.description}</p>
        <dl class="facts">
            <LanguagesFact languages lang/>
            <Fact label=Text::Satisfaction lang>
                {satisfaction(lang, profile.satisfaction)}
            </Fact>
        </dl>
        <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t(lang, Text::ContactHeading)}</h2>
            <dl class="facts contact">
                <Fact label=Text::Address lang>
                    <dd>
                        {profile.street_address} <br/> {profile.postal_code} " " {profile.post_office}
                    </dd>
                </Fact>
                {(!profile.phone.is_empty()).then(|| {
                    view! {
                        <Fact label=Text::Phone lang>
                            <dd><a href=phone_href>{profile.phone}</a></dd>
                        </Fact>
                    }
                })}
                {(!profile.email.is_empty()).then(|| {
                    view! {
                        <Fact label=Text::Email lang>
                            <dd><a href=email_href>{profile.email}</a></dd>
                        </Fact>
                    }
                })}
                {website.map(|w| {
                    let href = w.clone();
                    view! {
                        <Fact label=Text::Website lang>
                            <dd><a href=href rel="external noopener noreferrer">{w}</a></dd>
                        </Fact>
                    }
                })}
            </dl>
        </section>
        <section aria-labelledby="services-heading">
            <h2 id="services-heading">{t(lang, Text::ServicesHeading)}</h2>
            <ServicesTable services lang/>
        </section>
    }
}

/// The approved services and their current prices, one row per municipality and service.
#[component]
fn ServicesTable(services: Vec<ProducerOffer>, lang: Lang) -> impl IntoView {
    if services.is_empty() {
        return view! { <p data-testid="producer-no-services">{t(lang, Text::NoServices)}</p> }
            .into_any();
    }
    let rows = services
        .into_iter()
        .map(|s| {
            view! {
                <tr
                    data-testid="producer-service"
                    data-service-code=s.service_code.to_string()
                    data-municipality-code=s.municipality_code.to_string()
                >
                    <th scope="row">{s.municipality_name}</th>
                    <td>{s.service_name}</td>
                    <td class="num" data-testid="producer-price" data-cents=s.price_cents.get().to_string()>
                        {i18n::price_per_unit(lang, s.price_cents, s.unit)}
                    </td>
                    <td>{i18n::format_date(lang, s.valid_from)}</td>
                </tr>
            }
        })
        .collect_view();
    // The wrapper scrolls sideways on its own if a narrow screen cannot fit the table, so
    // the page itself never does; it is focusable so keyboards can scroll it too.
    view! {
        <div class="table-wrap" role="region" aria-labelledby="services-caption" tabindex="0">
            <table data-testid="producer-services">
                <caption id="services-caption">{t(lang, Text::ServicesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Text::ColumnMunicipality)}</th>
                        <th scope="col">{t(lang, Text::ColumnService)}</th>
                        <th scope="col" class="num">{t(lang, Text::ColumnPrice)}</th>
                        <th scope="col">{t(lang, Text::ColumnValidFrom)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A `tel:` link for a phone number as people write it (`040 123 4567`, `+358 40 ...`).
fn tel_href(phone: &str) -> String {
    let number: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{number}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_keep_only_what_a_dialler_needs() {
        assert_eq!(tel_href("+358 40 123 4567"), "tel:+358401234567");
        assert_eq!(tel_href("(019) 520 211"), "tel:019520211");
    }
}
