//! The customer's entry: their vouchers and the decisions behind them, voucher applications
//! and consent requests, feedback, trail,
//! messages and who has looked at their data, for themselves or
//! for someone they act for (see [`seteli_domain::entries`]).

use seteli_app::pages::citizen::access_log::AccessLogPage;
use seteli_app::pages::citizen::application::MyApplicationPage;
use seteli_app::pages::citizen::applications::MyApplicationsPage;
use seteli_app::pages::citizen::consent::ConsentPage;
use seteli_app::pages::citizen::decision::MyDecisionPage;
use seteli_app::pages::citizen::feedback::MyFeedbackPage;
use seteli_app::pages::citizen::messages::MessagesPage;
use seteli_app::pages::citizen::on_behalf::OnBehalfPage;
use seteli_app::pages::citizen::trail::TrailPage;
use seteli_app::pages::citizen::voucher::VoucherPage;
use seteli_app::pages::citizen::vouchers::MyVouchersPage;
use seteli_domain::entries::Entry;

seteli_app::entry_main!(Entry::Citizen, {
    "/my/vouchers" => MyVouchersPage,
    "/my/vouchers/:id" => VoucherPage,
    "/my/feedback" => MyFeedbackPage,
    "/my/trail" => TrailPage,
    "/my/messages" => MessagesPage,
    "/my/decisions/:id" => MyDecisionPage,
    "/my/access-log" => AccessLogPage,
    "/my/applications" => MyApplicationsPage,
    "/my/applications/:id" => MyApplicationPage,
    "/my/consents/:id" => ConsentPage,
    "/on-behalf" => OnBehalfPage,
});
