//! "Who has looked at my data": one line per view of the customer's data by the organiser's
//! staff or a producer's person, newest first. The customer's own page and the staff's
//! customer card both show it.

use leptos::prelude::*;
use seteli_domain::api::desk::{AccessLogEntry, ViewerKind};
use seteli_domain::clock::rfc3339;
use seteli_domain::desk::StaffView;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// What a staff member looked at or changed, in words.
pub fn staff_view_text(view: StaffView) -> Text {
    match view {
        StaffView::Card => Text::StaffViewCard,
        StaffView::IdentityCode => Text::StaffViewIdentityCode,
        StaffView::Decision => Text::StaffViewDecision,
        StaffView::Events => Text::StaffViewEvents,
        StaffView::Search => Text::StaffViewSearch,
        StaffView::Contact => Text::StaffViewContact,
        StaffView::Assessment => Text::StaffViewAssessment,
        StaffView::DecisionChange => Text::StaffViewDecisionChange,
        StaffView::VoucherChange => Text::StaffViewVoucherChange,
        StaffView::ProxyChange => Text::StaffViewProxyChange,
        StaffView::EventCheck => Text::StaffViewEventCheck,
        StaffView::Application => Text::StaffViewApplication,
        StaffView::ApplicationChange => Text::StaffViewApplicationChange,
    }
}

/// What a producer's person did with the customer's data (the producer log's action), in
/// words; `None` for an action this app does not know.
pub fn producer_action_text(action: &str) -> Option<Text> {
    Some(match action {
        "link_voucher" => Text::ProducerActionLinkVoucher,
        "view_voucher" => Text::ProducerActionViewVoucher,
        "log_event" => Text::ProducerActionLogEvent,
        "correct_event" => Text::ProducerActionCorrectEvent,
        "cancel_event" => Text::ProducerActionCancelEvent,
        "answer_dispute" => Text::ProducerActionAnswerDispute,
        _ => return None,
    })
}

/// One line's "what", in words (an unknown name as it came).
fn what_text(entry: &AccessLogEntry, lang: Lang) -> String {
    let known = match entry.kind {
        ViewerKind::Staff => entry.staff_view().map(staff_view_text),
        ViewerKind::Producer => producer_action_text(&entry.what),
    };
    known.map_or_else(|| entry.what.clone(), |text| t(lang, text).to_owned())
}

/// One line of the log as a card: when, who and for whom they work, and what.
#[component]
pub fn AccessLogItem(entry: AccessLogEntry, lang: Lang) -> impl IntoView {
    let (kind, kind_text) = match entry.kind {
        ViewerKind::Staff => ("staff", Text::ViewerStaff),
        ViewerKind::Producer => ("producer", Text::ViewerProducer),
    };
    let what = what_text(&entry, lang);
    view! {
        <li class="card access-entry" data-testid="access-entry" data-kind=kind data-what=entry.what.clone()>
            <p class="card-time">
                <time datetime=rfc3339(entry.at)>{i18n::format_date_time(lang, entry.at)}</time>
            </p>
            <dl class="facts">
                <div class="fact">
                    <dt>{t(lang, Text::AccessWhoLabel)}</dt>
                    <dd data-testid="access-who">{entry.who.clone()}</dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, kind_text)}</dt>
                    <dd data-testid="access-organisation">{entry.organisation.clone()}</dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, Text::AccessWhatLabel)}</dt>
                    <dd data-testid="access-what">{what}</dd>
                </div>
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_producer_log_action_has_words() {
        for action in [
            "link_voucher",
            "view_voucher",
            "log_event",
            "correct_event",
            "cancel_event",
            "answer_dispute",
        ] {
            assert!(producer_action_text(action).is_some(), "{action}");
        }
        assert_eq!(producer_action_text("something_new"), None);
    }
}
