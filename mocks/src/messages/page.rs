//! `GET /`: what each person or company has received, for people trying the stack by hand
//! and for browser tests. Everyone in `mocks/data/messages.json` is listed, with and without
//! a mailbox, and then anyone else a message went to. No identity code is put in a URL.

use super::Shared;
use crate::html::{document, esc, html};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use seteli_domain::Lang;
use std::fmt::Write as _;
use std::sync::atomic::Ordering::SeqCst;
use std::sync::Arc;

const TITLE: &str = "Suomi.fi Messages – test environment";

pub(super) async fn page(State(shared): State<Arc<Shared>>) -> Response {
    let mut people: Vec<&str> = shared
        .data
        .mailboxes
        .iter()
        .chain(&shared.data.without_mailbox)
        .map(|m| m.id.as_str())
        .collect();
    let state = crate::store::lock(&shared.state);
    for sent in &state.messages {
        if !people.contains(&sent.recipient.as_str()) {
            people.push(&sent.recipient);
        }
    }
    let mut out = String::new();
    out.push_str("<h1>What each recipient has received</h1>\n");
    out.push_str(
        "<p class=\"notice\">This is Seteli's local test service, not the real Suomi.fi \
         Messages. The recipients are test persons and companies.</p>\n",
    );
    if shared.outage.load(SeqCst) {
        out.push_str(
            "<p class=\"notice\" data-testid=\"outage\">A simulated outage is on: the API \
             answers 503.</p>\n",
        );
    }
    let delay = shared.delay_ms.load(SeqCst);
    if delay > 0 {
        let _ = writeln!(
            out,
            "<p class=\"notice\" data-testid=\"slow\">Every API answer is delayed by {delay} \
             ms.</p>"
        );
    }
    for (n, id) in people.iter().enumerate() {
        let name = shared
            .names
            .get(*id)
            .map_or("Unknown recipient", String::as_str);
        let mailbox = if shared.has_mailbox(id) {
            "active"
        } else {
            "not in use"
        };
        let heading = format!("recipient-{}", n + 1);
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{heading}\" data-testid=\"{heading}\">\n\
             <h2 id=\"{heading}\">{}</h2>\n<p>{} · Electronic mailbox: {mailbox}</p>",
            esc(name),
            esc(id)
        );
        let received: Vec<_> = state
            .messages
            .iter()
            .filter(|m| m.recipient == *id)
            .collect();
        if received.is_empty() {
            out.push_str("<p>Nothing received yet.</p>\n</section>\n");
            continue;
        }
        let _ = writeln!(
            out,
            "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{heading}\" tabindex=\"0\">\n\
             <table>\n<caption>Messages to {}</caption>\n<thead><tr><th scope=\"col\">Title</th>\
             <th scope=\"col\">Time (UTC)</th><th scope=\"col\">Channel</th>\
             <th scope=\"col\">externalId</th><th scope=\"col\">Attachments</th>\
             <th scope=\"col\">Latest state</th></tr></thead>\n<tbody>",
            esc(name)
        );
        for sent in received {
            let created = seteli_domain::clock::rfc3339(sent.created_at);
            let latest = state.latest_event(sent.message_id);
            let kind = latest.and_then(|e| e["type"].as_str()).unwrap_or("");
            let at = latest.and_then(|e| e["eventTime"].as_str()).unwrap_or("");
            let channel = if sent.channel == "paper" {
                "paper"
            } else {
                "electronic"
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{title}</th><td><time datetime=\"{created}\">{shown}</time>\
                 </td><td>{channel}</td><td>{external}</td><td>{count}</td>\
                 <td>{kind} <time datetime=\"{at}\">({at_shown})</time></td></tr>",
                title = esc(&sent.title),
                created = esc(&created),
                shown = esc(&readable(&created)),
                external = esc(&sent.external_id),
                count = sent.attachments.len(),
                kind = esc(kind),
                at = esc(at),
                at_shown = esc(&readable(at)),
            );
        }
        out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }
    html(StatusCode::OK, document(Lang::En, TITLE, &out))
}

/// `2026-05-04T09:30:00Z` as `2026-05-04 09:30:00`.
fn readable(rfc3339: &str) -> String {
    rfc3339
        .replacen('T', " ", 1)
        .trim_end_matches('Z')
        .to_owned()
}
