//! Page: Lighthouse (mobile preset, its default simulated throttling) with Debian's
//! Chromium on the comparison opened from a shared link, and on a static HTML page showing
//! the same producers with the same stylesheet — the floor: what the same content costs
//! with no app at all. Both are served by one local stack (`wrangler dev`, demo data): the
//! static page is written into `dist/bench-static/` (removed afterwards) from the offers
//! API's own answer. Each page is measured [`RUNS`] times, alternately; medians count.

use super::{median, out_dir, Report, Row, Seteli, Target, Unit};
use crate::shell::{self, escape};
use crate::stack;
use crate::tools::{self, root};
use serde_json::{json, Value};
use seteli_domain::api::{OfferPage, OfferSummary};
use seteli_domain::comparison::own_share;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{Cents, Lang};
use std::fmt::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A shared link's choices: home care in Helsinki with a voucher value, whose first page
/// has 20 producers in the demo data.
const SHARED_LINK: &str = "municipality=091&service=home-care&voucher=3200";
const RUNS: usize = 3;
/// Where the static page is served from.
const STATIC_PATH: &str = "/bench-static/";
const STATIC_MARK: &str = "data-bench-static";

pub fn run(report: &mut Report) -> Result<(), String> {
    tools::ensure_browser()?;
    super::ensure_npm_tools()?;
    let state = super::fresh_state("state-demo")?;
    stack::load_demo_data(&state)?;
    let seteli = Seteli::start(&state, &out_dir().join("wrangler-page.log"))?;
    let (status, body) = stack::http_get(
        seteli.port,
        &format!("/api/public/offers?{SHARED_LINK}&lang=fi"),
    )?;
    if status != 200 {
        return Err(format!("the offers API answered {status}: {body}"));
    }
    let page: OfferPage = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    let _static_page = StaticPage::write(&static_html(&page, &stylesheet()?))?;
    wait_until_served(seteli.port)?;

    let comparison = seteli.url(&format!("/?{SHARED_LINK}"));
    let floor = seteli.url(STATIC_PATH);
    let mut runs: [Vec<Audit>; 2] = [Vec::new(), Vec::new()];
    for i in 0..RUNS {
        for (which, url) in [&comparison, &floor].into_iter().enumerate() {
            let name = ["comparison", "static"][which];
            let audit = lighthouse(url, &format!("{name}-{}", i + 1))?;
            eprintln!(
                "{name} run {}: LCP {:.0} ms, TBT {:.0} ms, performance {:.0}, accessibility {:.0}",
                i + 1,
                audit.lcp,
                audit.tbt,
                audit.performance,
                audit.accessibility
            );
            runs[which].push(audit);
        }
    }
    let [app, plain] = &runs;
    let med =
        |runs: &[Audit], f: fn(&Audit) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
    let row = |figure: &str, f: fn(&Audit) -> f64, unit: Unit, target: Target| {
        Row::new("page", figure, med(app, f), unit)
            .floor(med(plain, f))
            .target(target)
    };
    report.push(row(
        "LCP",
        |a| a.lcp,
        Unit::Millis,
        Target::RatioAtMost(2.0),
    ));
    report.push(row("TBT", |a| a.tbt, Unit::Millis, Target::AtMost(200.0)));
    report.push(row(
        "Lighthouse performance",
        |a| a.performance,
        Unit::Score,
        Target::AtLeast(90.0),
    ));
    report.push(row(
        "Lighthouse accessibility",
        |a| a.accessibility,
        Unit::Score,
        Target::AtLeast(100.0),
    ));
    let list = |runs: &[Audit]| runs.iter().map(Audit::json).collect::<Vec<_>>();
    report.details.push((
        "page",
        json!({
            "comparison": { "url": comparison, "runs": list(app) },
            "static": { "url": floor, "runs": list(plain) },
        }),
    ));
    Ok(())
}

/// What one Lighthouse run found.
struct Audit {
    lcp: f64,
    tbt: f64,
    fcp: f64,
    performance: f64,
    accessibility: f64,
}

impl Audit {
    fn json(&self) -> Value {
        json!({
            "lcp_ms": self.lcp, "tbt_ms": self.tbt, "fcp_ms": self.fcp,
            "performance": self.performance, "accessibility": self.accessibility,
        })
    }
}

/// One Lighthouse run on `url`; its whole report is kept as `target/bench/lighthouse/NAME.json`.
fn lighthouse(url: &str, name: &str) -> Result<Audit, String> {
    let dir = out_dir().join("lighthouse");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("{name}.json"));
    let mut cmd = tools::command(&tools::node_bin("lighthouse").to_string_lossy());
    cmd.arg(url)
        .args([
            "--quiet",
            "--output=json",
            "--only-categories=performance,accessibility",
        ])
        .arg(format!("--output-path={}", path.display()))
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
        .env("CHROME_PATH", "/usr/bin/chromium");
    tools::run(&mut cmd)?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let lh: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if let Some(e) = lh.get("runtimeError").and_then(|e| e.get("message")) {
        return Err(format!("lighthouse on {url}: {e}"));
    }
    let audit = |id: &str| lh["audits"][id]["numericValue"].as_f64();
    let score = |id: &str| lh["categories"][id]["score"].as_f64().map(|s| s * 100.0);
    let missing = || {
        format!(
            "lighthouse on {url}: a figure is missing ({})",
            path.display()
        )
    };
    Ok(Audit {
        lcp: audit("largest-contentful-paint").ok_or_else(missing)?,
        tbt: audit("total-blocking-time").ok_or_else(missing)?,
        fcp: audit("first-contentful-paint").ok_or_else(missing)?,
        performance: score("performance").ok_or_else(missing)?,
        accessibility: score("accessibility").ok_or_else(missing)?,
    })
}

/// The stylesheet the app's page links (Trunk names it with its hash).
fn stylesheet() -> Result<String, String> {
    let html =
        std::fs::read_to_string(root().join("dist/index.html")).map_err(|e| e.to_string())?;
    super::bundle::referenced_assets(&html)
        .into_iter()
        .find(|a| a.ends_with(".css"))
        .ok_or_else(|| "dist/index.html links no stylesheet".into())
}

/// The static page in `dist/`, removed when this is dropped so that it is never deployed.
struct StaticPage(PathBuf);

impl StaticPage {
    fn write(html: &str) -> Result<Self, String> {
        let dir = root().join("dist").join(STATIC_PATH.trim_matches('/'));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        std::fs::write(dir.join("index.html"), html).map_err(|e| e.to_string())?;
        Ok(StaticPage(dir))
    }
}

impl Drop for StaticPage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Waits until wrangler serves the new file (it watches its assets directory).
fn wait_until_served(port: u16) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if let Ok((200, body)) = stack::http_get(port, STATIC_PATH) {
            if body.contains(STATIC_MARK) {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Err(format!("wrangler did not serve {STATIC_PATH}"))
}

/// The comparison's results as plain HTML: the page frame and heading the app's page
/// paints first ([`shell`]), and the offer list in the app's markup and classes, in
/// Finnish, without the form, the chart or any script.
fn static_html(page: &OfferPage, stylesheet: &str) -> String {
    let lang = Lang::Fi;
    let voucher = Cents::new(3200).ok();
    let mut items = String::new();
    for offer in &page.offers {
        items.push_str(&offer_item(lang, offer, voucher));
    }
    let tr = |text| escape(t(lang, text));
    format!(
        r##"<!DOCTYPE html>
<html lang="fi" {STATIC_MARK}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="{lead}" />
    <title>{site}</title>
    <link rel="stylesheet" href="{stylesheet}" />
  </head>
  <body>
    <a class="skip-link" href="#main">{skip}</a>
    {header}
    <main id="main" tabindex="-1" class="container">
      {intro}
      <section class="results" aria-labelledby="results-heading">
        <h2 id="results-heading" tabindex="-1">{results}</h2>
        <p class="result-count">{count}</p>
        <ol class="offer-list" role="list">
{items}        </ol>
      </section>
    </main>
    {footer}
  </body>
</html>
"##,
        site = tr(Text::SiteName),
        skip = tr(Text::SkipToContent),
        lead = tr(Text::ComparisonLead),
        header = shell::header(lang),
        intro = shell::comparison_intro(lang),
        results = tr(Text::ResultsHeading),
        count = escape(&i18n::producer_count(lang, page.total)),
        footer = shell::footer(lang),
    )
}

fn offer_item(lang: Lang, offer: &OfferSummary, voucher: Option<Cents>) -> String {
    let fact = |class: &str, label: Text, value: &str| {
        format!(
            "<div class=\"fact{class}\"><dt>{}</dt><dd>{}</dd></div>",
            escape(t(lang, label)),
            escape(value)
        )
    };
    let mut facts = fact(
        " fact-price",
        Text::Price,
        &i18n::price_per_unit(lang, offer.price_cents, offer.unit),
    );
    if let Some(voucher) = voucher {
        let own = offer
            .own_share_cents
            .unwrap_or_else(|| own_share(offer.price_cents, voucher));
        facts.push_str(&fact(
            " fact-own-share",
            Text::OwnShare,
            &i18n::price_per_unit(lang, own, offer.unit),
        ));
    }
    let languages = i18n::language_list(lang, &offer.languages);
    if !languages.is_empty() {
        facts.push_str(&fact("", Text::ServiceLanguages, &languages));
    }
    facts.push_str(&fact("", Text::Location, &offer.post_office));
    let satisfaction = offer.satisfaction.map_or_else(
        || t(lang, Text::SatisfactionNotYet).to_owned(),
        |s| i18n::satisfaction_text(lang, s),
    );
    facts.push_str(&fact("", Text::Satisfaction, &satisfaction));
    let mut item = String::new();
    let _ = writeln!(
        item,
        "          <li class=\"offer\"><h3 class=\"offer-name\"><a href=\"/producers/{id}\">{name}</a></h3><dl class=\"facts\">{facts}</dl>{summary}</li>",
        id = offer.producer_id,
        name = escape(&offer.producer_name),
        summary = if offer.summary.is_empty() {
            String::new()
        } else {
            format!("<p class=\"offer-summary\">{}</p>", escape(&offer.summary))
        },
    );
    item
}
