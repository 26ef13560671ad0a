//! The organiser's staff entry: the desk, customers and their cards, need assessments,
//! residents' voucher applications, voucher decisions, settlements with producers, registered proxies, checking events and the income tables (see
//! [`seteli_domain::entries`]). Only this binary names the staff pages, so no other
//! audience's wasm carries them.

use seteli_app::pages::staff::application::StaffApplicationPage;
use seteli_app::pages::staff::applications::ApplicationQueuePage;
use seteli_app::pages::staff::approvals::ApprovalsPage;
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
});
