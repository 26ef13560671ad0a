//! The producer's entry: the pages of the company the session acts for, which also open
//! offline (see [`seteli_domain::entries`]).

use seteli_app::pages::producer::account::BankAccountPage;
use seteli_app::pages::producer::application::ProducerApplicationPage;
use seteli_app::pages::producer::applications::ProducerApplicationsPage;
use seteli_app::pages::producer::feedback::ProducerFeedbackPage;
use seteli_app::pages::producer::home::ProducerHomePage;
use seteli_app::pages::producer::lookup::ProducerLookupPage;
use seteli_app::pages::producer::prices::ProducerPricesPage;
use seteli_app::pages::producer::statements::{StatementPage, StatementsPage};
use seteli_app::pages::producer::voucher::ProducerVoucherPage;
use seteli_domain::entries::Entry;

seteli_app::entry_main!(Entry::Producer, {
    "/producer" => ProducerHomePage,
    "/producer/voucher" => ProducerLookupPage,
    "/producer/vouchers/:id" => ProducerVoucherPage,
    "/producer/prices" => ProducerPricesPage,
    "/producer/feedback" => ProducerFeedbackPage,
    "/producer/applications" => ProducerApplicationsPage,
    "/producer/applications/:id" => ProducerApplicationPage,
    "/producer/statements" => StatementsPage,
    "/producer/statements/:id" => StatementPage,
    "/producer/account" => BankAccountPage,
});
