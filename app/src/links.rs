//! The app's own addresses. Query strings are built here so that escaping and the
//! `lang` parameter are handled the same way everywhere. Pure Rust (no browser calls), so
//! it is tested natively.

use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::ids::{
    AssessmentId, CaseId, ConsentRequestId, CustomerId, DecisionId, ProducerId, VoucherId,
};
use seteli_domain::Lang;
use time::Date;

/// `path` followed by `pairs` as an escaped query string (nothing when `pairs` is empty).
pub fn href<K, V>(path: &str, pairs: impl IntoIterator<Item = (K, V)>) -> String
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let query = pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", escape(k.as_ref()), escape(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The same address in `lang`: `lang` is replaced, or left out for Finnish, the default.
pub fn with_lang<'a>(
    path: &str,
    query: impl IntoIterator<Item = (&'a str, &'a str)>,
    lang: Lang,
) -> String {
    let mut pairs: Vec<(&str, &str)> = query.into_iter().filter(|(k, _)| *k != "lang").collect();
    if lang != Lang::default() {
        pairs.push(("lang", lang.code()));
    }
    href(path, pairs)
}

/// A producer's public profile.
pub fn producer(id: ProducerId) -> String {
    format!("/producers/{id}")
}

/// The link builders of the app's own pages: `name => "/path"` is `name(lang)`, the page's
/// address in `lang`; with parameters, `name(id: Type) => "/path/{id}"` is `name(id, lang)`.
macro_rules! pages {
    ($($(#[$doc:meta])* $name:ident $(($($id:ident: $ty:ty),*))? => $path:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name($($($id: $ty,)*)? lang: Lang) -> String {
                with_lang(&format!($path), [], lang)
            }
        )*
    };
}

pages! {
    /// The front page (the comparison with nothing chosen) in `lang`.
    home => "/";
    /// The logged-in customer's vouchers, in `lang`.
    my_vouchers => "/my/vouchers";
    /// The feedback the customer has given, with the producers' replies, in `lang`.
    my_feedback => "/my/feedback";
    /// Where the customer chooses whom to act for, in `lang`.
    on_behalf => "/on-behalf";
    /// What others did on the customer's (or the principal's) behalf, in `lang`.
    my_trail => "/my/trail";
    /// The messages sent to the customer (or the principal) about it, in `lang`.
    my_messages => "/my/messages";
    /// The home page of the producer company the session acts for, in `lang`.
    producer_home => "/producer";
    /// Where a producer's employee types the customer's voucher number, in `lang`.
    producer_lookup => "/producer/voucher";
    /// The company's prices, in `lang`.
    producer_prices => "/producer/prices";
    /// The feedback customers gave the company, in `lang`.
    producer_feedback => "/producer/feedback";
    /// One of the customer's vouchers, in `lang`.
    my_voucher(id: VoucherId) => "/my/vouchers/{id}";
    /// A voucher the company serves, with its visits and the form to log one, in `lang`.
    producer_voucher(id: VoucherId) => "/producer/vouchers/{id}";
    /// The decision behind one of the customer's vouchers, in `lang`.
    my_decision(id: DecisionId) => "/my/decisions/{id}";
    /// Who has looked at the customer's (or the principal's) data, in `lang`.
    my_access_log => "/my/access-log";
    /// The staff member's desk: what waits for them, in `lang`.
    desk => "/desk";
    /// Finding a customer (nothing searched yet), in `lang`.
    desk_customers => "/desk/customers";
    /// A customer's card, in `lang`.
    desk_customer(id: CustomerId) => "/desk/customers/{id}";
    /// A voucher decision as staff see it, in `lang`.
    desk_decision(id: DecisionId) => "/desk/decisions/{id}";
    /// The events to check, with the default filters (last month's), in `lang`.
    desk_events => "/desk/events";
    /// The organiser's income tables, in `lang`.
    desk_income_tables => "/desk/income-tables";
    /// The company's applications for approval, in `lang`.
    producer_applications => "/producer/applications";
    /// One of the company's applications, in `lang`.
    producer_application(id: CaseId) => "/producer/applications/{id}";
    /// The organiser's queue of producers' applications, in `lang`.
    desk_applications => "/desk/applications";
    /// A producer's application as its handler works it, in `lang`.
    desk_application(id: CaseId) => "/desk/applications/{id}";
    /// The organiser's approvals, to supervise, in `lang`.
    desk_approvals => "/desk/approvals";
    /// The organiser's messages held for review, failed or on paper, in `lang`.
    desk_deliveries => "/desk/deliveries";
    /// The voucher applications of the customer (or of whom they act for), in `lang`.
    my_applications => "/my/applications";
    /// One voucher application, in `lang`.
    my_application(id: CaseId) => "/my/applications/{id}";
    /// A request for the person's consent to another guardian's application, in `lang`.
    my_consent(id: ConsentRequestId) => "/my/consents/{id}";
    /// The organiser's queue of residents' voucher applications, in `lang`.
    desk_resident_applications => "/desk/resident-applications";
    /// A resident's voucher application as customer service works it, in `lang`.
    desk_resident_application(id: CaseId) => "/desk/resident-applications/{id}";
    /// The organiser's settlements with producers of the latest month gathered, in `lang`.
    desk_settlements => "/desk/settlements";
    /// One settlement, line by line, in `lang`.
    desk_settlement(id: i64) => "/desk/settlements/{id}";
    /// Producers' new bank accounts waiting for finance, in `lang`.
    desk_producer_accounts => "/desk/producer-accounts";
    /// The organiser's reports with the default period and year, in `lang`.
    desk_reports => "/desk/reports";
    /// The employee's own e-authorisations: orders, holdings and where to go next, in `lang`.
    desk_authorisations => "/desk/authorisations";
    /// The order form for an e-authorisation, in `lang`.
    desk_authorisation_order_form => "/desk/authorisations/order";
    /// One e-authorisation order, in `lang`.
    desk_authorisation_order(id: CaseId) => "/desk/authorisations/orders/{id}";
    /// The administrator's queue of e-authorisation orders, in `lang`.
    desk_authorisation_queue => "/desk/authorisations/queue";
    /// The authorisation catalogue and the maps as the administrator keeps them, in `lang`.
    desk_authorisation_catalogue => "/desk/authorisations/catalogue";
    /// The holdings register, in `lang`.
    desk_authorisation_holdings => "/desk/authorisations/holdings";
    /// The report on orders and holdings, in `lang`.
    desk_authorisation_report => "/desk/authorisations/report";
    /// The glossary of e-authorisation terms, in `lang`.
    desk_glossary => "/desk/authorisations/glossary";
    /// The company's monthly statements, in `lang`.
    producer_statements => "/producer/statements";
    /// One of the company's statements, in `lang`.
    producer_statement(id: i64) => "/producer/statements/{id}";
    /// The company's bank account, in `lang`.
    producer_account => "/producer/account";
}

/// The authorisation map of a department or a job title (`by` is `department` or
/// `job_title`), in `lang`.
pub fn desk_authorisation_map(by: &str, code: &str, lang: Lang) -> String {
    with_lang("/desk/authorisations/map", [(by, code)], lang)
}

/// The order form prefilled with authorisation `id` on its path (`held` or `missing`), in
/// `lang`.
pub fn desk_authorisation_order_of(id: i64, path: &str, lang: Lang) -> String {
    with_lang(
        "/desk/authorisations/order",
        [("authorisation", id.to_string().as_str()), ("path", path)],
        lang,
    )
}

/// The glossary at term `slug`, in `lang`.
pub fn desk_glossary_term(slug: &str, lang: Lang) -> String {
    format!("{}#term-{slug}", desk_glossary(lang))
}

/// The organiser's reports for the period `from`–`to` (`YYYY-MM`, as typed), in `lang`.
pub fn desk_reports_for(from: &str, to: &str, lang: Lang) -> String {
    with_lang("/desk/reports", [("from", from), ("to", to)], lang)
}

/// The report on orders and holdings for the period `from`–`to` (`YYYY-MM`, as typed), in
/// `lang`.
pub fn desk_authorisation_report_for(from: &str, to: &str, lang: Lang) -> String {
    with_lang(
        "/desk/authorisations/report",
        [("from", from), ("to", to)],
        lang,
    )
}

/// The organiser's reports with the budget of `year`, in `lang`.
pub fn desk_reports_year(year: i32, lang: Lang) -> String {
    with_lang("/desk/reports", [("year", year.to_string().as_str())], lang)
}

/// The organiser's settlements of `month`, in `lang`.
pub fn desk_settlements_of(month: seteli_domain::settlement::Month, lang: Lang) -> String {
    with_lang(
        "/desk/settlements",
        [("month", month.to_string().as_str())],
        lang,
    )
}

/// The filters of the desk's list of events to check, as its address keeps them
/// (`?voucher=&producer=&from=&to=&disputed=1`), so that back, forward and a shared link
/// show the same list. Nothing given is nothing narrowed (the page fills in the period).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventsQuery {
    pub voucher: Option<VoucherId>,
    pub producer: Option<ProducerId>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub disputed: bool,
}

impl EventsQuery {
    /// The filters in an address's query, as `get` gives its parameters; what is not an id
    /// or a `YYYY-MM-DD` date is left out.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            voucher: get("voucher").and_then(|v| VoucherId::parse(&v)),
            producer: get("producer").and_then(|v| ProducerId::parse(&v)),
            from: get("from").and_then(|v| parse_iso_date(&v)),
            to: get("to").and_then(|v| parse_iso_date(&v)),
            disputed: get("disputed").as_deref() == Some("1"),
        }
    }

    /// The query's parameters, in the API's words (the same as the page's).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(voucher) = self.voucher {
            pairs.push(("voucher", voucher.to_string()));
        }
        if let Some(producer) = self.producer {
            pairs.push(("producer", producer.to_string()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", iso_date(from)));
        }
        if let Some(to) = self.to {
            pairs.push(("to", iso_date(to)));
        }
        if self.disputed {
            pairs.push(("disputed", "1".to_owned()));
        }
        pairs
    }
}

/// The desk's list of events to check, narrowed by `query`, in `lang`.
pub fn desk_events_for(query: &EventsQuery, lang: Lang) -> String {
    let pairs = query.pairs();
    with_lang(
        "/desk/events",
        pairs.iter().map(|(k, v)| (*k, v.as_str())),
        lang,
    )
}

/// The customer search by name and birth date (`birth_date` as `YYYY-MM-DD`), in `lang`.
/// An identity code never goes here: it is sent only in the search's request body.
pub fn desk_customer_search(
    family_name: &str,
    given_name: &str,
    birth_date: &str,
    lang: Lang,
) -> String {
    let pairs = [
        ("family", family_name),
        ("given", given_name),
        ("born", birth_date),
    ];
    let pairs = pairs.into_iter().filter(|(_, v)| !v.trim().is_empty());
    with_lang("/desk/customers", pairs, lang)
}

/// What a new decision answers besides its assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftFrom {
    /// It changes this voucher when decided.
    Amends(VoucherId),
    /// It answers this voucher application (deciding approves it).
    Application(CaseId),
}

/// The form of a new decision for `customer` on `assessment` (an amendment of a voucher or
/// the answer to an application, if `from` says so), in `lang`.
pub fn new_decision(
    customer: CustomerId,
    assessment: AssessmentId,
    from: Option<DraftFrom>,
    lang: Lang,
) -> String {
    let (customer, assessment) = (customer.to_string(), assessment.to_string());
    let mut pairs = vec![
        ("customer", customer.as_str()),
        ("assessment", assessment.as_str()),
    ];
    let from_pair = match from {
        Some(DraftFrom::Amends(v)) => Some(("amends", v.to_string())),
        Some(DraftFrom::Application(a)) => Some(("application", a.to_string())),
        None => None,
    };
    if let Some((key, value)) = &from_pair {
        pairs.push((key, value.as_str()));
    }
    with_lang("/desk/decisions/new", pairs, lang)
}

/// A customer's card opened from their voucher application: its decisions are drafted
/// from it. In `lang`.
pub fn desk_customer_for_application(
    customer: CustomerId,
    application: CaseId,
    lang: Lang,
) -> String {
    let application = application.to_string();
    with_lang(
        &format!("/desk/customers/{customer}"),
        [("application", application.as_str())],
        lang,
    )
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    #[test]
    fn finnish_is_left_out_of_the_url() {
        let query = [("service", "home-care"), ("lang", "sv")];
        assert_eq!(with_lang("/", query, Lang::Fi), "/?service=home-care");
        assert_eq!(
            with_lang("/", query, Lang::En),
            "/?service=home-care&lang=en"
        );
        assert_eq!(home(Lang::Fi), "/");
        assert_eq!(home(Lang::Sv), "/?lang=sv");
    }

    #[test]
    fn the_customer_s_pages_keep_the_language() {
        assert_eq!(my_vouchers(Lang::Fi), "/my/vouchers");
        assert_eq!(my_voucher(id(7), Lang::Sv), "/my/vouchers/7?lang=sv");
        assert_eq!(my_feedback(Lang::En), "/my/feedback?lang=en");
        assert_eq!(on_behalf(Lang::Fi), "/on-behalf");
        assert_eq!(my_trail(Lang::Sv), "/my/trail?lang=sv");
        assert_eq!(my_messages(Lang::En), "/my/messages?lang=en");
    }

    #[test]
    fn the_producer_s_pages_keep_the_language() {
        assert_eq!(producer_home(Lang::Fi), "/producer");
        assert_eq!(producer_lookup(Lang::Sv), "/producer/voucher?lang=sv");
        assert_eq!(
            producer_voucher(id(7), Lang::En),
            "/producer/vouchers/7?lang=en"
        );
        assert_eq!(producer_prices(Lang::Fi), "/producer/prices");
        assert_eq!(producer_feedback(Lang::Sv), "/producer/feedback?lang=sv");
    }

    #[test]
    fn the_staff_pages_keep_the_language() {
        assert_eq!(desk(Lang::Fi), "/desk");
        assert_eq!(desk_customers(Lang::Sv), "/desk/customers?lang=sv");
        assert_eq!(desk_customer(id(7), Lang::En), "/desk/customers/7?lang=en");
        assert_eq!(desk_decision(id(3), Lang::Fi), "/desk/decisions/3");
        assert_eq!(
            new_decision(id(7), id(2), None, Lang::Fi),
            "/desk/decisions/new?customer=7&assessment=2"
        );
        assert_eq!(
            new_decision(id(7), id(2), Some(DraftFrom::Amends(id(9))), Lang::Sv),
            "/desk/decisions/new?customer=7&assessment=2&amends=9&lang=sv"
        );
        assert_eq!(my_decision(id(3), Lang::Sv), "/my/decisions/3?lang=sv");
        assert_eq!(my_access_log(Lang::Fi), "/my/access-log");
    }

    #[test]
    fn the_events_filters_go_in_the_address_and_come_back_from_it() {
        assert_eq!(desk_events(Lang::Fi), "/desk/events");
        assert_eq!(desk_income_tables(Lang::Sv), "/desk/income-tables?lang=sv");
        let query = EventsQuery {
            voucher: Some(id(4)),
            producer: None,
            from: parse_iso_date("2026-01-01"),
            to: parse_iso_date("2026-01-31"),
            disputed: true,
        };
        let link = desk_events_for(&query, Lang::En);
        assert_eq!(
            link,
            "/desk/events?voucher=4&from=2026-01-01&to=2026-01-31&disputed=1&lang=en"
        );
        let pairs = query.pairs();
        let back = EventsQuery::from_query(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, query);
        assert_eq!(
            EventsQuery::from_query(|name| (name != "disputed").then(|| "x".to_owned())),
            EventsQuery::default()
        );
    }

    #[test]
    fn a_name_search_goes_in_the_address_without_empty_fields() {
        assert_eq!(
            desk_customer_search("Kumpulainen", " ", "1934-03-14", Lang::Fi),
            "/desk/customers?family=Kumpulainen&born=1934-03-14"
        );
        assert_eq!(
            desk_customer_search("", "", "", Lang::En),
            "/desk/customers?lang=en"
        );
    }

    #[test]
    fn values_are_escaped() {
        assert_eq!(href("/", [("q", "a b&c=ä")]), "/?q=a%20b%26c%3D%C3%A4");
        assert_eq!(href("/", Vec::<(&str, &str)>::new()), "/");
    }
}
