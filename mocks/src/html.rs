//! Page scaffolding shared by the mocks' own HTML (the login and selection pages): one
//! stylesheet that works from 360 px up, escaping, the pieces both pages are built of (hidden
//! fields, choice and cancel buttons), the error page, and headers that keep the pages out of
//! caches and frames.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use seteli_domain::Lang;
use std::fmt::Write as _;

/// Escapes text for HTML content and double- or single-quoted attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Shared by every page: readable at 360 px, 44 px touch targets, a visible focus ring.
const CSS: &str = "\
*{box-sizing:border-box}\
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1rem;\
line-height:1.5;color:#1b1b1b;background:#f5f7fa}\
header{background:#003479;color:#fff;padding:.75rem 1rem}\
header p{margin:0;font-weight:600}\
main{max-width:36rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;margin:.5rem 0 1rem}\
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}\
.notice{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .75rem}\
ul{list-style:none;margin:0;padding:0}\
li{margin:0 0 .5rem}\
button{font:inherit;cursor:pointer;border-radius:4px;min-height:44px}\
.choice{display:block;width:100%;text-align:left;padding:.75rem 1rem;background:#fff;\
border:1px solid #6b7280;color:inherit}\
.choice:hover{border-color:#003479;background:#eef3fb}\
.choice span{display:block;font-size:.875rem;color:#4a4f57}\
.choice,.choice span{overflow-wrap:anywhere}\
fieldset{border:0;margin:0;padding:0;min-width:0}\
legend{font-size:1.125rem;font-weight:600;margin:1.5rem 0 .5rem;padding:0}\
label{display:block;font-weight:600;margin-bottom:.25rem}\
.hint{margin:0 0 .5rem;font-size:.875rem;color:#4a4f57}\
input{font:inherit;width:100%;max-width:20rem;padding:.5rem;border:1px solid #4a4f57;\
border-radius:4px}\
input[aria-invalid=true]{border:2px solid #a0001c}\
.error{color:#a0001c;font-weight:600;margin:.5rem 0}\
.primary{display:block;margin-top:.75rem;padding:.5rem 1.25rem;background:#003479;color:#fff;\
border:1px solid #003479}\
.secondary{margin-top:2rem;padding:.5rem 1.25rem;background:#fff;color:#003479;\
border:1px solid #003479}\
:focus-visible{outline:3px solid #ffb000;outline-offset:2px}\
main:has(table){max-width:72rem}\
.scroll{overflow-x:auto}\
table{border-collapse:collapse;width:100%;background:#fff;margin:0 0 1rem}\
caption{text-align:left;font-weight:600;padding:.25rem 0}\
th,td{border:1px solid #9aa1ab;padding:.375rem .5rem;text-align:left;vertical-align:top;\
overflow-wrap:anywhere}\
thead th{background:#eef3fb}";

/// A whole page: `title` in the header bar and the tab, `body` inside `<main>`.
pub(crate) fn document(lang: Lang, title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header><p>{title}</p></header>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = lang.code(),
        title = esc(title),
    )
}

/// An HTML response that is never cached, framed or given a referrer.
pub(crate) fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// The request's own parameters as hidden fields, one a line, to carry them through a form.
pub(crate) fn hidden_fields(hidden: &[(&'static str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in hidden {
        let _ = writeln!(
            out,
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            esc(name),
            esc(value)
        );
    }
    out
}

/// One list item: a submit button that sends `name=value`, with `label` and a smaller `detail`
/// line, found by tests as `data-testid="{testid}"`. `value` and `testid` come escaped.
pub(crate) fn choice_button(
    out: &mut String,
    name: &str,
    value: &str,
    testid: &str,
    label: &str,
    detail: &str,
) {
    let _ = writeln!(
        out,
        "<li><button type=\"submit\" class=\"choice\" name=\"{name}\" value=\"{value}\" \
         data-testid=\"{testid}\">{}<span>{}</span></button></li>",
        esc(label),
        esc(detail),
    );
}

/// The button that sends `action=cancel`, ending its form.
pub(crate) fn cancel_button(label: &str) -> String {
    format!(
        "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"cancel\" \
         data-testid=\"cancel\">{}</button>\n</form>\n",
        esc(label)
    )
}

/// Why a browser's request cannot go on at all: shown on a page, never sent to the redirect
/// URI. The failures of both mocks' authorize endpoints, and `M`, a mock's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageError<M> {
    UnknownClient,
    UnregisteredRedirectUri,
    MalformedRequest,
    ServerError,
    Mock(M),
}

/// What a mock's error page says about the service, in one language.
pub(crate) struct ServiceWords {
    /// The service's name, in the header bar and the tab.
    pub title: &'static str,
    /// The heading of the error page.
    pub heading: &'static str,
    /// What an unknown `client_id` means, in the service's own words.
    pub unknown_client: &'static str,
}

/// A mock's own page errors, and the words its error page says them with.
pub(crate) trait MockPageError: Copy {
    fn service_words(lang: Lang) -> &'static ServiceWords;
    /// What this error means.
    fn text(self, lang: Lang) -> &'static str;
}

impl<M: MockPageError> PageError<M> {
    fn status(self) -> StatusCode {
        match self {
            PageError::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PageError::UnknownClient, _) => M::service_words(lang).unknown_client,
            (PageError::Mock(error), _) => error.text(lang),
            (PageError::UnregisteredRedirectUri, Lang::Fi) => {
                "Paluuosoitetta (redirect_uri) ei ole rekisteröity tälle palvelulle, joten sinua ei \
                 ohjata takaisin."
            }
            (PageError::UnregisteredRedirectUri, Lang::Sv) => {
                "Returadressen (redirect_uri) är inte registrerad för tjänsten, så du skickas inte \
                 tillbaka."
            }
            (PageError::UnregisteredRedirectUri, Lang::En) => {
                "The return address (redirect_uri) is not registered for the service, so you will \
                 not be sent back."
            }
            (PageError::MalformedRequest, Lang::Fi) => "Pyynnön parametrit ovat virheelliset.",
            (PageError::MalformedRequest, Lang::Sv) => "Begärans parametrar är felaktiga.",
            (PageError::MalformedRequest, Lang::En) => "The request's parameters are malformed.",
            (PageError::ServerError, Lang::Fi) => "Testipalvelussa tapahtui virhe. Yritä uudelleen.",
            (PageError::ServerError, Lang::Sv) => "Ett fel uppstod i testtjänsten. Försök igen.",
            (PageError::ServerError, Lang::En) => "The test service failed. Please try again.",
        }
    }

    /// The page for a request that cannot go on (and must not be redirected anywhere), with
    /// the error's status.
    pub(crate) fn response(self, lang: Lang) -> Response {
        let words = M::service_words(lang);
        let body = format!(
            "<h1>{}</h1>\n<p role=\"alert\" data-testid=\"error-message\">{}</p>\n",
            esc(words.heading),
            esc(self.text(lang))
        );
        html(self.status(), document(lang, words.title, &body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_every_character_that_can_break_out() {
        assert_eq!(
            esc(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
