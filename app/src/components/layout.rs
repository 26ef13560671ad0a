//! The page frame: skip link, the banner naming the person or company the session acts for
//! (if any),
//! header with the language switcher and navigation, the main landmark every page renders
//! into, and the footer.

use crate::api;
use crate::components::account::{AccountMenu, LoginNotice};
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::on_behalf::ActingBanner;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::offline::UpdatePrompt;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::i18n::Text;
use seteli_domain::permissions::StaffRole;
use seteli_domain::Lang;

/// How a navigation link relates to the page on screen: `page` on the page itself, `true`
/// on a page below it (a voucher under "My vouchers"), nothing elsewhere.
pub fn nav_current(section: &str, path: &str) -> Option<&'static str> {
    let path = path.trim_end_matches('/');
    if path == section {
        Some("page")
    } else if path
        .strip_prefix(section)
        .is_some_and(|rest| rest.starts_with('/'))
    {
        Some("true")
    } else {
        None
    }
}

/// One navigation link, `href` in the current language, marked with `aria-current` on the
/// pages of `sections` (see [`nav_current`]) or, for `exact`, on that page only.
#[component]
fn NavItem(
    href: fn(Lang) -> String,
    testid: &'static str,
    sections: &'static [&'static str],
    #[prop(optional)] exact: Option<&'static str>,
    text: Text,
) -> impl IntoView {
    let lang = use_lang();
    let pathname = use_location().pathname;
    let current = move || {
        pathname.with(|path| {
            let here = exact.filter(|page| path.trim_end_matches('/') == *page);
            here.map(|_| "page").or_else(|| {
                sections
                    .iter()
                    .find_map(|section| nav_current(section, path))
            })
        })
    };
    view! {
        <li>
            <a href=move || href(lang.get()) data-testid=testid aria-current=current>
                {tr(text)}
            </a>
        </li>
    }
}

/// Wraps every page. `<main id="main">` takes focus from the skip link and holds the page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    let pathname = use_location().pathname;
    let home = move || links::home(lang.get());
    let session = use_session();
    let on_comparison = move || pathname.get() == "/";
    let acting_for_company = Memo::new(move |_| session.acting_for_company().is_some());
    // The company's pages while the session acts for one: a company has no vouchers,
    // feedback or messages of its own.
    let producer = move || {
        acting_for_company.get().then(|| {
            view! {
                <NavItem href=links::producer_home testid="nav-producer" sections=&[] exact="/producer" text=Text::NavProducerHome/>
                <NavItem
                    href=links::producer_lookup
                    testid="nav-producer-voucher"
                    sections=&["/producer/voucher", "/producer/vouchers"]
                    text=Text::NavProducerVoucher
                />
                <NavItem href=links::producer_prices testid="nav-producer-prices" sections=&["/producer/prices"] text=Text::NavProducerPrices/>
                <NavItem
                    href=links::producer_applications
                    testid="nav-producer-applications"
                    sections=&["/producer/applications"]
                    text=Text::NavProducerApplications
                />
                <NavItem href=links::producer_feedback testid="nav-producer-feedback" sections=&["/producer/feedback"] text=Text::NavProducerFeedback/>
                <NavItem href=links::producer_statements testid="nav-producer-statements" sections=&["/producer/statements"] text=Text::NavStatements/>
                <NavItem href=links::producer_account testid="nav-producer-account" sections=&["/producer/account"] text=Text::NavBankAccount/>
                <NavItem href=links::on_behalf testid="nav-on-behalf" sections=&["/on-behalf"] text=Text::NavOnBehalf/>
            }
        })
    };
    // The customer's own pages, once the session says a customer is logged in.
    let personal = move || {
        (session.is_citizen() && !acting_for_company.get()).then(|| {
            view! {
                <NavItem href=links::my_vouchers testid="nav-my-vouchers" sections=&["/my/vouchers"] text=Text::MyVouchersTitle/>
                <NavItem href=links::my_applications testid="nav-my-applications" sections=&["/my/applications", "/my/consents"] text=Text::NavMyApplications/>
                <NavItem href=links::my_feedback testid="nav-my-feedback" sections=&["/my/feedback"] text=Text::MyFeedbackTitle/>
                <NavItem href=links::my_trail testid="nav-trail" sections=&["/my/trail"] text=Text::NavTrail/>
                <NavItem href=links::my_messages testid="nav-messages" sections=&["/my/messages"] text=Text::NavMessages/>
                <NavItem href=links::my_access_log testid="nav-access-log" sections=&["/my/access-log"] text=Text::NavAccessLog/>
                <NavItem href=links::on_behalf testid="nav-on-behalf" sections=&["/on-behalf"] text=Text::NavOnBehalf/>
            }
        })
    };
    // The organiser's desk, once the session says a staff member is logged in.
    // Customers and their events are customer service's; the income tables also finance's.
    let staff = move || {
        let service = session.has_staff_role(StaffRole::CustomerService);
        let finance = session.has_staff_role(StaffRole::Finance);
        let tables = service || finance;
        let producers = session.has_staff_role(StaffRole::ProducerHandler);
        session.is_staff().then(|| {
            view! {
                <NavItem href=links::desk testid="nav-desk" sections=&[] exact="/desk" text=Text::NavDesk/>
                {service.then(|| view! {
                    <NavItem href=links::desk_customers testid="nav-desk-customers" sections=&["/desk/customers"] text=Text::NavDeskCustomers/>
                    <NavItem href=links::desk_resident_applications testid="nav-desk-resident-applications" sections=&["/desk/resident-applications"] text=Text::NavResidentApplications/>
                    <NavItem href=links::desk_events testid="nav-desk-events" sections=&["/desk/events"] text=Text::NavDeskEvents/>
                })}
                {tables.then(|| view! {
                    <NavItem href=links::desk_income_tables testid="nav-income-tables" sections=&["/desk/income-tables"] text=Text::NavIncomeTables/>
                    <NavItem href=links::desk_settlements testid="nav-desk-settlements" sections=&["/desk/settlements"] text=Text::NavSettlements/>
                    <NavItem href=links::desk_reports testid="nav-desk-reports" sections=&["/desk/reports"] text=Text::NavReports/>
                })}
                {finance.then(|| view! {
                    <NavItem href=links::desk_producer_accounts testid="nav-desk-producer-accounts" sections=&["/desk/producer-accounts"] text=Text::NavProducerAccounts/>
                })}
                {producers.then(|| view! {
                    <NavItem href=links::desk_applications testid="nav-desk-applications" sections=&["/desk/applications"] text=Text::NavDeskApplications/>
                    <NavItem href=links::desk_approvals testid="nav-desk-approvals" sections=&["/desk/approvals"] text=Text::NavDeskApprovals/>
                })}
                {(service || producers).then(|| view! {
                    <NavItem href=links::desk_deliveries testid="nav-desk-deliveries" sections=&["/desk/deliveries"] text=Text::NavDeskDeliveries/>
                })}
                // Every employee reads the maps and orders their own e-authorisations.
                <NavItem href=links::desk_authorisations testid="nav-desk-authorisations" sections=&["/desk/authorisations"] text=Text::NavAuthorisations/>
            }
        })
    };
    view! {
        // The router would turn `#main` into a navigation (and a history entry); moving
        // focus directly is what the link is for.
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                dom::focus("#main");
            }
        >
            {tr(Text::SkipToContent)}
        </a>
        <UpdatePrompt/>
        <ActingBanner/>
        <header class="site-header">
            <div class="container header-bar">
                <a class="brand" href=home>
                    <span class="brand-name">{tr(Text::SiteName)}</span>
                    <span class="brand-tagline">{tr(Text::SiteTagline)}</span>
                </a>
                <div class="header-tools">
                    <AccountMenu/>
                    <LanguageSwitcher/>
                </div>
            </div>
            <nav class="site-nav" aria-label=tr(Text::MainNavLabel)>
                <div class="container">
                    <ul>
                        <li>
                            <a href=home aria-current=move || on_comparison().then_some("page")>
                                {tr(Text::NavComparison)}
                            </a>
                        </li>
                        {personal}
                        {producer}
                        {staff}
                    </ul>
                </div>
            </nav>
        </header>
        <main id="main" tabindex="-1" class="container">
            <LoginNotice/>
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{tr(Text::FooterText)}</p>
                // A full navigation to the edge (rel=external), not an app route.
                <p>
                    <a rel="external" href=api::staff_login_url() data-testid="staff-login">
                        {tr(Text::StaffLogin)}
                    </a>
                </p>
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nav_marks_the_page_and_the_section_it_is_in() {
        assert_eq!(nav_current("/my/vouchers", "/my/vouchers"), Some("page"));
        assert_eq!(nav_current("/my/vouchers", "/my/vouchers/"), Some("page"));
        assert_eq!(nav_current("/my/vouchers", "/my/vouchers/12"), Some("true"));
        assert_eq!(nav_current("/my/vouchers", "/my/vouchersx"), None);
        assert_eq!(nav_current("/my/vouchers", "/my/feedback"), None);
    }
}
