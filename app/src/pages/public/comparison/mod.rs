//! `/`: the public comparison of approved producers' prices.
//!
//! The URL holds every choice (`municipality`, `service`, `voucher` in cents, `sort`,
//! `page`, and `lang` when not Finnish). The form never keeps state of its own beyond the
//! text being typed: a change pushes a new URL and the page derives everything from it,
//! so links can be shared and the back button restores earlier choices.
//!
//! A logged-in customer with an active voucher for the chosen municipality and service
//! gets a button that fills in that voucher's value (through the URL, as typing it does).

mod form;
mod results;

pub use results::satisfaction;

use crate::api;
use crate::components::states::ErrorState;
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use form::SearchForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use results::{Fetched, Intro, Offers, Results};
use seteli_domain::api::VoucherSummary;
use seteli_domain::comparison::{OffersQuery, SortKey, MAX_PAGE};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::MoneyError;
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{Cents, Lang, MunicipalityCode, ServiceCode};

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

/// The comparison page: the form, the page's live region (loading, then the number of
/// results) and the results of the choices in the URL.
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
    let resource = LocalResource::new(move || {
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
        Some(query) => !resource
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
            resource.with(|o| match o {
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
    let offers = Offers {
        resource,
        lists_failed: Memo::new(move |_| lists_error.with(Option::is_some)),
        retry,
    };

    view! {
        <h1 tabindex="-1">{tr(Text::ComparisonTitle)}</h1>
        <p class="lead">{tr(Text::ComparisonLead)}</p>
        {move || lists_error.get().map(|error| view! { <ErrorState error on_retry=retry/> })}
        <SearchForm choices municipalities services/>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{status}</p>
        {move || {
            if has_query.get() {
                view! { <Results offers loading/> }.into_any()
            } else {
                view! { <Intro/> }.into_any()
            }
        }}
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
            valid_from: time::macros::date!(2026 - 01 - 01),
            valid_until: time::macros::date!(2026 - 12 - 31),
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
