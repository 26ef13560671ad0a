//! `/my/vouchers`: the logged-in customer's service vouchers, active first, each with its
//! number, value, validity and what is left of the purchasing power granted.

use crate::api;
use crate::components::facts::{Fact, MoneyFact};
use crate::components::list_page::ItemsPage;
use crate::components::states::EmptyNotice;
use crate::links;
use leptos::prelude::*;
use seteli_domain::api::VoucherSummary;
use seteli_domain::catalogue::Unit;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::voucher::VoucherNumber;
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{Cents, Lang};
use time::Date;

/// The list page.
#[component]
pub fn MyVouchersPage() -> impl IntoView {
    // What the page says to someone who has no vouchers: who grants them and how to ask,
    // online too.
    let lang = crate::locale::use_lang();
    let empty = move || {
        view! {
            <EmptyNotice testid="vouchers-empty" title=Text::VouchersEmptyTitle text=Text::VouchersEmptyText>
                <p>
                    <a href=move || links::my_applications(lang.get()) data-testid="vouchers-empty-apply">
                        {move || t(lang.get(), Text::VouchersEmptyApply)}
                    </a>
                </p>
            </EmptyNotice>
        }
    };
    let item = |voucher, lang| view! { <VoucherCard voucher lang/> };
    view! {
        <ConsentRequestsBanner/>
        <ItemsPage title=Text::MyVouchersTitle fetch=api::my_vouchers empty lead=Text::MyVouchersLead class="voucher-list" testid="voucher-list" unordered=true item/>
    }
}

/// On the page a person lands on after logging in (and after choosing whom to act for):
/// the requests for their own consent that wait for an answer, leading to the first.
/// Nothing when there are none or they could not be read (the applications page lists
/// them too).
#[component]
fn ConsentRequestsBanner() -> impl IntoView {
    let lang = crate::locale::use_lang();
    let requests = LocalResource::new(move || api::residents::consent_requests(lang.get()));
    move || {
        let waiting: Vec<_> = requests
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.status == seteli_domain::api::resident::ConsentStatus::Pending)
            .collect();
        let lang = lang.get();
        waiting.first().map(|first| {
            let line = i18n::consent_request_line(lang, &first.applicant_name, &first.child_name, first.last_day);
            view! {
                <aside class="notice notice-warning" data-testid="consent-banner" aria-label=t(lang, Text::ConsentRequestsTitle)>
                    <p>{line}</p>
                    <a class="button" href=links::my_consent(first.id, lang) data-testid="consent-banner-open">{t(lang, Text::OpenConsentRequest)}</a>
                </aside>
            }
        })
    }
}

/// One voucher in the list, with the link to its page.
#[component]
fn VoucherCard(voucher: VoucherSummary, lang: Lang) -> impl IntoView {
    let id = voucher.id;
    let title_id = format!("voucher-{id}-title");
    let href = links::my_voucher(id, lang);
    view! {
        <li class="voucher-card" data-testid="voucher" data-voucher-id=id.to_string()>
            <h2 class="voucher-title" id=title_id.clone()>
                {voucher.service_name.clone()}
                <span class="voucher-municipality">{voucher.municipality_name.clone()}</span>
            </h2>
            <VoucherFacts voucher lang/>
            // Every card has the same link text; the card's heading tells them apart.
            <a class="button button-secondary" href=href data-testid="voucher-link" aria-describedby=title_id>
                {t(lang, Text::OpenVoucher)}
            </a>
        </li>
    }
}

/// A voucher's facts, as the list's cards and the voucher's own page show them: number,
/// status, value, validity, purchasing power granted and left (with a bar and its text).
#[component]
pub fn VoucherFacts(voucher: VoucherSummary, lang: Lang) -> impl IntoView {
    let number = grouped_number(&voucher.number);
    let status_text = status_text(voucher.status, lang);
    let percent = balance_percent(voucher.balance_cents, voucher.granted_cents);
    let unit = voucher.unit;
    view! {
        <dl class="facts voucher-facts">
            <div class="fact fact-number">
                <dt>{t(lang, Text::VoucherNumberLabel)}</dt>
                <dd>
                    <span class="voucher-number" data-testid="voucher-number" translate="no">
                        {number}
                    </span>
                    <span class="hint voucher-number-hint">{t(lang, Text::VoucherNumberHint)}</span>
                </dd>
            </div>
            <Fact label=Text::StatusLabel lang>
                <dd>
                    <span
                        class=format!("status status-{}", status_class(voucher.status))
                        data-testid="voucher-status"
                        data-status=voucher.status.as_str()
                    >
                        {status_text}
                    </span>
                </dd>
            </Fact>
            <ValueFacts value=voucher.unit_value_cents unit valid=(voucher.valid_from, voucher.valid_until) lang/>
            {voucher.granted_units.map(|units| {
                view! {
                    <Fact label=Text::GrantedUnitsLabel lang>
                        <dd>{i18n::unit_quantity(lang, units.saturating_mul(100), unit)}</dd>
                    </Fact>
                }
            })}
            <MoneyFact label=Text::GrantedLabel lang cents=voucher.granted_cents testid="voucher-granted"/>
            <MoneyFact label=Text::BalanceLabel lang cents=voucher.balance_cents testid="voucher-balance" class="fact-balance"/>
        </dl>
        <div class="balance">
            // The bar is for the eye; the sentence below says the same in words.
            <div class="balance-track" aria-hidden="true">
                // Through the CSSOM (`style:`), which the Content-Security-Policy allows.
                <span class="balance-bar" style:width=format!("{percent}%")></span>
            </div>
            <p class="balance-text" data-testid="voucher-balance-text">
                {i18n::share_left(lang, percent)}
            </p>
        </div>
    }
}

/// A voucher's value per unit and its validity, as the customer's and the producer's
/// pages both show them (`voucher-value` in cents, `voucher-validity`).
#[component]
pub fn ValueFacts(value: Cents, unit: Unit, valid: (Date, Date), lang: Lang) -> impl IntoView {
    view! {
        <Fact label=Text::VoucherValueLabel lang>
            <dd data-testid="voucher-value" data-cents=value.get().to_string()>
                {i18n::price_per_unit(lang, value, unit)}
            </dd>
        </Fact>
        <Fact label=Text::ValidityLabel lang>
            <dd data-testid="voucher-validity">{i18n::validity(lang, valid.0, valid.1)}</dd>
        </Fact>
    }
}

/// A voucher number in groups of four, as the customer reads it out; shown as it came if
/// it is not a valid number (the API's own formatting then stands).
pub fn grouped_number(number: &str) -> String {
    VoucherNumber::parse(number).map_or_else(|_| number.to_owned(), |n| n.grouped())
}

/// The words for a voucher's `status`; `None` for a status this app does not know.
pub fn status_label(status: VoucherStatus) -> Option<Text> {
    match status {
        VoucherStatus::Active => Some(Text::StatusActive),
        VoucherStatus::Ended => Some(Text::StatusEnded),
        VoucherStatus::Cancelled => Some(Text::StatusCancelled),
        VoucherStatus::Unknown => None,
    }
}

/// The words for a voucher's status in `lang`; one this app does not know is shown by name.
pub fn status_text(status: VoucherStatus, lang: Lang) -> String {
    status_label(status).map_or_else(
        || status.as_str().to_owned(),
        |text| t(lang, text).to_owned(),
    )
}

/// The CSS modifier for a status: one of a fixed few, whatever the API sent.
fn status_class(status: VoucherStatus) -> &'static str {
    match status {
        VoucherStatus::Active => "active",
        VoucherStatus::Cancelled => "cancelled",
        VoucherStatus::Ended | VoucherStatus::Unknown => "ended",
    }
}

/// What is left of the purchasing power, in whole percent of what was granted. Rounded,
/// except that a balance above zero never shows as 0 % and one below the grant never as
/// 100 %. Nothing granted is 0 %.
pub fn balance_percent(balance: Cents, granted: Cents) -> u8 {
    let granted = granted.get();
    if granted <= 0 {
        return 0;
    }
    let balance = balance.get().clamp(0, granted);
    // Both are at most `Cents::MAX`, so `balance * 100` cannot overflow.
    let rounded = (balance * 100 + granted / 2) / granted;
    let percent = if balance > 0 && rounded == 0 {
        1
    } else if balance < granted && rounded == 100 {
        99
    } else {
        rounded
    };
    u8::try_from(percent).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::cents;

    #[test]
    fn the_balance_bar_rounds_but_never_to_empty_or_full_by_mistake() {
        assert_eq!(balance_percent(cents(64_000), cents(128_000)), 50);
        assert_eq!(balance_percent(cents(128_000), cents(128_000)), 100);
        assert_eq!(balance_percent(Cents::ZERO, cents(128_000)), 0);
        assert_eq!(balance_percent(cents(1), cents(128_000)), 1);
        assert_eq!(balance_percent(cents(127_999), cents(128_000)), 99);
        assert_eq!(balance_percent(cents(500), Cents::ZERO), 0);
        assert_eq!(balance_percent(cents(200), cents(100)), 100);
    }

    #[test]
    fn voucher_numbers_are_shown_in_groups_of_four() {
        let n = VoucherNumber::from_body(48_219_930_117).unwrap();
        assert_eq!(grouped_number(n.as_str()), n.grouped());
        assert_eq!(grouped_number(&n.grouped()), n.grouped());
        assert_eq!(grouped_number("not a number"), "not a number");
    }

    #[test]
    fn every_known_status_has_words_and_unknown_ones_a_safe_class() {
        let status = |name: &str| serde_json::from_value(serde_json::json!(name)).unwrap();
        assert_eq!(status_label(status("active")), Some(Text::StatusActive));
        assert_eq!(status_label(status("ended")), Some(Text::StatusEnded));
        assert_eq!(
            status_label(status("cancelled")),
            Some(Text::StatusCancelled)
        );
        assert_eq!(status_label(status("paused")), None);
        assert_eq!(status_class(status("\" onclick=\"x")), "ended");
    }
}
