//! `/desk/customers`: finding a customer by identity code — typed into a form and sent
//! only in the search's request body, never in the address or the history — or by family
//! name, given name and birth date (which the address keeps: `?family=&given=&born=`);
//! and creating one who is not yet in Seteli, in a municipality the employee's organiser
//! serves (`Me::organiser_municipalities`).

use super::{back_to_desk, StaffOnly};
use crate::api;
use crate::components::fields::{CheckField, ChoiceField, LetterLangField, Problems, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::components::states::{BackTo, EmptyNotice};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use seteli_domain::api::desk::{
    CustomerListItem, CustomerSearch, CustomerSearchResult, NewCustomer, PostalAddress,
};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::hetu::Hetu;
use seteli_domain::i18n::{t, Text};
use seteli_domain::{ApiError, Lang, MunicipalityCode};

/// The search as the address gives it: family name, given name, birth date.
fn name_search(family: &str, given: &str, born: &str) -> Option<CustomerSearch> {
    let family = family.trim();
    let birth_date = parse_iso_date(born.trim())?;
    if family.is_empty() {
        return None;
    }
    let given = given.trim();
    Some(CustomerSearch {
        hetu: None,
        family_name: Some(family.to_owned()),
        given_name: (!given.is_empty()).then(|| given.to_owned()),
        birth_date: Some(birth_date),
    })
}

/// The page.
#[component]
pub fn CustomerSearchPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    use_document_title(|lang| t(lang, Text::CustomersTitle).to_owned());
    let query = move |key: &str| {
        location
            .query
            .with(|q| q.get_str(key).unwrap_or_default().to_owned())
    };
    // What was typed lives here; the identity code only in memory.
    let hetu = RwSignal::new(String::new());
    let family = RwSignal::new(query("family"));
    let given = RwSignal::new(query("given"));
    let born = RwSignal::new(query("born"));
    let search = Action::new_local(move |search: &CustomerSearch| {
        let search = search.clone();
        let lang = lang.get_untracked();
        async move { api::search_customers(&search, lang).await }
    });
    // A name search in the address (a shared link, back and forward) runs by itself.
    Effect::new(move |_| {
        let (f, g, b) = (query("family"), query("given"), query("born"));
        if let Some(by_name) = name_search(&f, &g, &b) {
            family.set(f);
            given.set(g);
            born.set(b);
            search.dispatch_local(by_name);
        }
    });
    let creating = RwSignal::new(false);
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::CustomersTitle)}</h1>
        <div class="search-forms">
            <HetuSearchForm hetu search/>
            <NameSearchForm family given born/>
        </div>
        <SearchResults search creating/>
        <section class="page-section" aria-labelledby="new-customer-heading">
            <h2 id="new-customer-heading">{tr(Text::NewCustomerHeading)}</h2>
            <button
                type="button"
                class="button button-secondary"
                data-testid="new-customer-toggle"
                aria-expanded=move || creating.get().to_string()
                aria-controls="new-customer-form"
                on:click=move |_| creating.update(|c| *c = !*c)
            >
                {tr(Text::NewCustomerOpen)}
            </button>
            <Show when=move || creating.get()>
                <NewCustomerForm hetu family given/>
            </Show>
        </section>
    }
}

/// Search by identity code: the code goes in the request body only.
#[component]
fn HetuSearchForm(
    hetu: RwSignal<String>,
    search: Action<CustomerSearch, Result<CustomerSearchResult, ApiError>>,
) -> impl IntoView {
    let pending = search.pending();
    let problems = Problems::new(last_error(search, Result::err));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = hetu.get_untracked().trim().to_uppercase();
        if Hetu::parse(&typed).is_err() {
            problems.found("hetu", Text::HetuInvalid, "search-hetu");
            return;
        }
        problems.clear();
        search.dispatch_local(CustomerSearch {
            hetu: Some(typed),
            ..CustomerSearch::default()
        });
    };
    view! {
        <form class="form-panel" data-testid="hetu-search-form" novalidate on:submit=on_submit>
            <h2>{tr(Text::SearchByHetuHeading)}</h2>
            <TextField id="search-hetu" field="hetu" label=Text::IdentityCodeLabel value=hetu problems hint=Text::HetuSearchHint autocomplete="off"/>
            <div class="form-actions">
                <crate::components::form::SubmitButton text=Text::SearchCustomer busy_text=Text::Searching pending testid="hetu-search-submit"/>
            </div>
        </form>
    }
}

/// Search by name and birth date: the search goes in the address, which runs it.
#[component]
fn NameSearchForm(
    family: RwSignal<String>,
    given: RwSignal<String>,
    born: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let problems = Problems::new(|| None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if family.get_untracked().trim().is_empty() {
            problems.found("family_name", Text::FamilyNameMissing, "search-family");
            return;
        }
        if parse_iso_date(born.get_untracked().trim()).is_none() {
            problems.found("birth_date", Text::BirthDateMissing, "search-born");
            return;
        }
        problems.clear();
        navigate(
            &links::desk_customer_search(
                &family.get_untracked(),
                &given.get_untracked(),
                &born.get_untracked(),
                lang.get_untracked(),
            ),
            Default::default(),
        );
    };
    view! {
        <form class="form-panel" data-testid="name-search-form" novalidate on:submit=on_submit>
            <h2>{tr(Text::SearchByNameHeading)}</h2>
            <TextField id="search-family" field="family_name" label=Text::FamilyNameLabel value=family problems autocomplete="off"/>
            <TextField id="search-given" field="given_name" label=Text::GivenNameLabel value=given problems autocomplete="off" optional=true/>
            <TextField id="search-born" field="birth_date" label=Text::BirthDateLabel value=born problems kind="date"/>
            <div class="form-actions">
                <button type="submit" class="button" data-testid="name-search-submit">{tr(Text::SearchCustomer)}</button>
            </div>
        </form>
    }
}

/// The last search's customers, or that none was found (and the way to create one), or
/// why it failed.
#[component]
fn SearchResults(
    search: Action<CustomerSearch, Result<CustomerSearchResult, ApiError>>,
    creating: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let pending = search.pending();
    Effect::new(move |_| {
        if let Some(Ok(result)) = search.value().get() {
            if result.customers.is_empty() {
                creating.set(true);
            }
        }
    });
    let results = move || {
        if pending.get() {
            return None;
        }
        let lang = lang.get();
        Some(match search.value().get()? {
            Ok(result) if result.customers.is_empty() => {
                view! { <EmptyNotice testid="customer-search-empty" title=Text::NoCustomerFound text=Text::NoCustomerFoundText/> }
                    .into_any()
            }
            Ok(result) => {
                let items = result
                    .customers
                    .into_iter()
                    .map(|c| view! { <CustomerResult customer=c lang/> })
                    .collect_view();
                view! { <ul class="card-list" role="list" data-testid="customer-results">{items}</ul> }.into_any()
            }
            Err(error) if api::is_forbidden(&error) => view! { <StaffOnly/> }.into_any(),
            // A refusal of the search itself shows at its form.
            Err(error) if error.field.is_some() => return None,
            Err(error) => view! { <crate::components::form::SubmitError error testid="customer-search-error"/> }.into_any(),
        })
    };
    view! {
        <section class="page-section" aria-labelledby="results-heading" aria-live="polite" aria-busy=move || pending.get().then_some("true")>
            <h2 id="results-heading">{tr(Text::SearchResultsHeading)}</h2>
            {results}
        </section>
    }
}

/// One customer found: the name leads to the card; the code masked.
#[component]
fn CustomerResult(customer: CustomerListItem, lang: Lang) -> impl IntoView {
    view! {
        <li class="card" data-testid="customer-result" data-customer-id=customer.id.to_string()>
            <p class="card-title">
                <a href=links::desk_customer(customer.id, lang) data-testid="customer-result-link">
                    {format!("{}, {}", customer.family_name, customer.given_name)}
                </a>
            </p>
            <p class="card-meta">
                <span translate="no" data-testid="customer-result-hetu">{customer.masked_hetu}</span>
                " · " {customer.municipality_name}
            </p>
        </li>
    }
}

/// A new customer: identity code, names, municipality, address and the non-disclosure
/// flag. The identity code typed for the search carries over.
#[component]
fn NewCustomerForm(
    hetu: RwSignal<String>,
    family: RwSignal<String>,
    given: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let new_hetu = RwSignal::new(hetu.get_untracked());
    let new_family = RwSignal::new(family.get_untracked());
    let new_given = RwSignal::new(given.get_untracked());
    let municipality = RwSignal::new(String::new());
    let street = RwSignal::new(String::new());
    let postal_code = RwSignal::new(String::new());
    let post_office = RwSignal::new(String::new());
    let non_disclosure = RwSignal::new(false);
    let letter_lang = RwSignal::new(String::new());
    // Only the municipalities the employee's organiser serves; the one there is, chosen.
    let session = use_session();
    let municipalities = Memo::new(move |_| session.organiser_municipalities());
    Effect::new(move |_| {
        if let [only] = municipalities.get().as_slice() {
            if municipality.get_untracked().is_empty() {
                municipality.set(only.code.to_string());
            }
        }
    });
    let create = Action::new_local(move |customer: &NewCustomer| {
        let customer = customer.clone();
        let lang = lang.get_untracked();
        async move { api::create_customer(&customer, lang).await }
    });
    let pending = create.pending();
    Effect::new(move |_| {
        if let Some(Ok(created)) = create.value().get() {
            navigate(
                &links::desk_customer(created.id, lang.get_untracked()),
                Default::default(),
            );
        }
    });
    let server_error = last_error(create, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let code = new_hetu.get_untracked().trim().to_uppercase();
        if Hetu::parse(&code).is_err() {
            return problems.found("hetu", Text::HetuInvalid, "new-customer-hetu");
        }
        if new_given.get_untracked().trim().is_empty() {
            return problems.found("given_name", Text::GivenNameMissing, "new-customer-given");
        }
        if new_family.get_untracked().trim().is_empty() {
            return problems.found(
                "family_name",
                Text::FamilyNameMissing,
                "new-customer-family",
            );
        }
        let Some(municipality_code) = MunicipalityCode::parse(&municipality.get_untracked()).ok()
        else {
            return problems.found(
                "municipality_code",
                Text::MunicipalityMissing,
                "new-customer-municipality",
            );
        };
        problems.clear();
        let address = PostalAddress {
            street_address: street.get_untracked().trim().to_owned(),
            postal_code: postal_code.get_untracked().trim().to_owned(),
            post_office: post_office.get_untracked().trim().to_owned(),
        };
        let address = (address != PostalAddress::default()).then_some(address);
        create.dispatch_local(NewCustomer {
            hetu: code,
            given_name: new_given.get_untracked().trim().to_owned(),
            family_name: new_family.get_untracked().trim().to_owned(),
            municipality_code,
            address,
            non_disclosure: non_disclosure.get_untracked(),
            lang: Lang::parse(&letter_lang.get_untracked()),
        });
    };
    let municipality_field = move || {
        let options: Vec<(String, String)> = municipalities
            .get()
            .into_iter()
            .map(|m| (m.code.to_string(), m.name))
            .collect();
        view! {
            <ChoiceField
                id="new-customer-municipality"
                field="municipality_code"
                label=Text::MunicipalityLabel
                value=municipality
                problems
                options
                placeholder=Text::ChooseMunicipality
            />
        }
    };
    view! {
        <form id="new-customer-form" class="form-panel" data-testid="new-customer-form" novalidate on:submit=on_submit>
            <TextField id="new-customer-hetu" field="hetu" label=Text::IdentityCodeLabel value=new_hetu problems autocomplete="off"/>
            <TextField id="new-customer-given" field="given_name" label=Text::GivenNameLabel value=new_given problems autocomplete="off"/>
            <TextField id="new-customer-family" field="family_name" label=Text::FamilyNameLabel value=new_family problems autocomplete="off"/>
            {municipality_field}
            <TextField id="new-customer-street" field="street_address" label=Text::StreetAddressLabel value=street problems optional=true autocomplete="off"/>
            <TextField id="new-customer-postal-code" field="postal_code" label=Text::PostalCodeLabel value=postal_code problems optional=true inputmode="numeric" autocomplete="off"/>
            <TextField id="new-customer-post-office" field="post_office" label=Text::PostOfficeLabel value=post_office problems optional=true autocomplete="off"/>
            <CheckField id="new-customer-non-disclosure" label=Text::NonDisclosureLabel value=non_disclosure/>
            <LetterLangField id="new-customer-letter-lang" value=letter_lang problems/>
            <FormEnd error=server_error error_testid="new-customer-error" text=Text::CreateCustomer pending testid="new-customer-submit"/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_search_needs_a_family_name_and_a_birth_date() {
        let found = name_search(" Kumpulainen ", "", "1934-03-14").unwrap();
        assert_eq!(found.family_name.as_deref(), Some("Kumpulainen"));
        assert_eq!(found.given_name, None);
        assert!(found.hetu.is_none());
        assert!(name_search("", "Anni", "1934-03-14").is_none());
        assert!(name_search("Kumpulainen", "Anni", "14.3.1934").is_none());
    }
}
