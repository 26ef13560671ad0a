//! The organiser's staff entry: the desk, customers and their cards, need assessments,
//! residents' voucher applications, voucher decisions, settlements with producers, registered proxies, checking events, the income tables and the organiser's own e-authorisations (see
//! [`seteli_domain::entries`]). Only this binary names the staff pages, so no other
//! audience's wasm carries them.

use seteli_app::pages::staff::application::StaffApplicationPage;
use seteli_app::pages::staff::applications::ApplicationQueuePage;
use seteli_app::pages::staff::approvals::ApprovalsPage;
use seteli_app::pages::staff::authorisations::catalogue::AuthorisationCataloguePage;
use seteli_app::pages::staff::authorisations::glossary::GlossaryPage;
use seteli_app::pages::staff::authorisations::holdings::HoldingsPage;
use seteli_app::pages::staff::authorisations::home::AuthorisationsPage;
use seteli_app::pages::staff::authorisations::map::AuthorisationMapPage;
use seteli_app::pages::staff::authorisations::order::AuthorisationOrderViewPage;
use seteli_app::pages::staff::authorisations::order_form::AuthorisationOrderPage;
use seteli_app::pages::staff::authorisations::queue::AuthorisationQueuePage;
use seteli_app::pages::staff::authorisations::report::AuthorisationReportPage;
use seteli_app::pages::staff::customer::CustomerPage;
use seteli_app::pages::staff::customers::CustomerSearchPage;
use seteli_app::pages::staff::decision::StaffDecisionPage;
use seteli_app::pages::staff::decision_form::NewDecisionPage;
use seteli_app::pages::staff::deliveries::DeliveriesPage;
use seteli_app::pages::staff::desk::DeskHomePage;
use seteli_app::pages::staff::event_list::DeskEventsPage;
use seteli_app::pages::staff::income_tables::IncomeTablesPage;
use seteli_app::pages::staff::producer_accounts::ProducerAccountsPage;
use seteli_app::pages::staff::reports::ReportsPage;
use seteli_app::pages::staff::resident::ResidentApplicationPage;
use seteli_app::pages::staff::residents::ResidentQueuePage;
use seteli_app::pages::staff::settlement::SettlementPage;
use seteli_app::pages::staff::settlements::SettlementsPage;
use seteli_domain::entries::Entry;

seteli_app::entry_main!(Entry::Staff, {
    "/desk" => DeskHomePage,
    "/desk/customers" => CustomerSearchPage,
    "/desk/customers/:id" => CustomerPage,
    "/desk/decisions/new" => NewDecisionPage,
    "/desk/decisions/:id" => StaffDecisionPage,
    "/desk/events" => DeskEventsPage,
    "/desk/income-tables" => IncomeTablesPage,
    "/desk/applications" => ApplicationQueuePage,
    "/desk/applications/:id" => StaffApplicationPage,
    "/desk/approvals" => ApprovalsPage,
    "/desk/deliveries" => DeliveriesPage,
    "/desk/resident-applications" => ResidentQueuePage,
    "/desk/resident-applications/:id" => ResidentApplicationPage,
    "/desk/settlements" => SettlementsPage,
    "/desk/settlements/:id" => SettlementPage,
    "/desk/producer-accounts" => ProducerAccountsPage,
    "/desk/reports" => ReportsPage,
    "/desk/authorisations" => AuthorisationsPage,
    "/desk/authorisations/map" => AuthorisationMapPage,
    "/desk/authorisations/order" => AuthorisationOrderPage,
    "/desk/authorisations/orders/:id" => AuthorisationOrderViewPage,
    "/desk/authorisations/queue" => AuthorisationQueuePage,
    "/desk/authorisations/catalogue" => AuthorisationCataloguePage,
    "/desk/authorisations/holdings" => HoldingsPage,
    "/desk/authorisations/report" => AuthorisationReportPage,
    "/desk/authorisations/glossary" => GlossaryPage,
});
