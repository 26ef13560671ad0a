//! The comparison's first screen as plain HTML, written into the public entry's page after
//! each build: the page frame and the comparison's heading and introduction, in each
//! language, as the app renders them for a visitor. The page's head script shows the one in
//! the visitor's language on the front page (`app/index.html`), so a phone on a slow
//! connection paints the page while the wasm still downloads; the app removes the shells
//! when it starts (`seteli_app::start`) and renders the same in their place. Without
//! JavaScript the Finnish one shows, beside the `<noscript>` note. The bench's static page
//! is the same frame around the offers.

use seteli_domain::i18n::{t, Text};
use seteli_domain::Lang;
use std::path::Path;

/// Where the shells go in `app/index.html`.
const MARKER: &str = "<!--seteli-shell-->";

/// Text for HTML (element content and quoted attributes).
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The front page's address in `lang`, as the app's `links::home` writes it.
fn home(lang: Lang) -> String {
    if lang == Lang::default() {
        "/".to_owned()
    } else {
        format!("/?lang={}", lang.code())
    }
}

/// The header as the app's `Layout` renders it before it knows who is logged in.
pub fn header(lang: Lang) -> String {
    let tr = |text| escape(t(lang, text));
    let languages: String = Lang::ALL
        .into_iter()
        .map(|other| {
            let current = if other == lang {
                r#" aria-current="true""#
            } else {
                ""
            };
            format!(
                r#"<li><a href="{href}" lang="{code}" hreflang="{code}"{current}>{name}</a></li>"#,
                href = home(other),
                code = other.code(),
                name = other.endonym(),
            )
        })
        .collect();
    format!(
        r#"<header class="site-header"><div class="container header-bar"><a class="brand" href="{home}"><span class="brand-name">{site}</span><span class="brand-tagline">{tagline}</span></a><div class="header-tools"><div class="account"></div><nav class="lang-nav" aria-label="{lang_nav}"><ul>{languages}</ul></nav></div></div><nav class="site-nav" aria-label="{nav}"><div class="container"><ul><li><a href="{home}" aria-current="page">{comparison}</a></li></ul></div></nav></header>"#,
        home = home(lang),
        site = tr(Text::SiteName),
        tagline = tr(Text::SiteTagline),
        lang_nav = tr(Text::LanguageNavLabel),
        nav = tr(Text::MainNavLabel),
        comparison = tr(Text::NavComparison),
    )
}

/// The comparison's heading and introduction, as its page starts.
pub fn comparison_intro(lang: Lang) -> String {
    format!(
        r#"<h1>{}</h1><p class="lead">{}</p>"#,
        escape(t(lang, Text::ComparisonTitle)),
        escape(t(lang, Text::ComparisonLead))
    )
}

/// The footer's text.
pub fn footer(lang: Lang) -> String {
    format!(
        r#"<footer class="site-footer"><div class="container"><p>{}</p></div></footer>"#,
        escape(t(lang, Text::FooterText))
    )
}

/// One shell per language, each hidden unless the page's head script names its language.
fn shells() -> String {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            format!(
                r#"<div class="shell" data-lang="{code}" lang="{code}">{header}<main class="container">{intro}</main>{footer}</div>"#,
                code = lang.code(),
                header = header(lang),
                intro = comparison_intro(lang),
                footer = footer(lang),
            )
        })
        .collect()
}

/// Writes the shells into the public entry's page, `dist/index.html`.
pub fn write(dist: &Path) -> Result<(), String> {
    let page = dist.join("index.html");
    let html =
        std::fs::read_to_string(&page).map_err(|e| format!("reading {}: {e}", page.display()))?;
    std::fs::write(&page, with_shells(&html)?)
        .map_err(|e| format!("writing {}: {e}", page.display()))
}

fn with_shells(html: &str) -> Result<String, String> {
    if html.matches(MARKER).count() != 1 {
        return Err(format!("the built index.html must hold {MARKER} once"));
    }
    Ok(html.replace(MARKER, &shells()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_s_shell_says_the_comparison_s_heading_and_introduction() {
        let html = with_shells("<body><!--seteli-shell--></body>").unwrap();

        for lang in Lang::ALL {
            let start = html
                .find(&format!(
                    r#"<div class="shell" data-lang="{}""#,
                    lang.code()
                ))
                .unwrap();
            let shell = &html[start..];
            let shell = &shell[..shell.find("</footer></div>").unwrap()];
            assert!(
                shell.contains(&escape(t(lang, Text::ComparisonLead))),
                "{lang:?}"
            );
            assert!(shell.contains(&format!(
                "<h1>{}</h1>",
                escape(t(lang, Text::ComparisonTitle))
            )));
            assert!(shell.contains(r#"aria-current="page""#));
        }
        assert!(
            !html.contains(" id="),
            "no ids: three shells share the page"
        );
    }

    #[test]
    fn a_page_without_the_marker_or_with_two_is_refused() {
        assert!(with_shells("<body></body>").is_err());
        assert!(with_shells("<!--seteli-shell--><!--seteli-shell-->").is_err());
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
