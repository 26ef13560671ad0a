//! A bar chart of the offers' prices against the voucher value.
//!
//! Each bar's length is the price on a scale shared by all bars. With a voucher value the
//! bar splits into the part the voucher covers (solid) and the own share (hatched, with a
//! border), and the legend names both, so the split does not depend on colour. The bars
//! are hidden from assistive technology; each row carries the same facts as a sentence.

use leptos::prelude::*;
use seteli_domain::api::OfferSummary;
use seteli_domain::comparison::own_share;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{Cents, Lang};

/// A share in hundredths of a percent (10000 is the whole): integer arithmetic keeps
/// float formatting, a sizeable part of a wasm build, out of the browser.
type Share = i64;

/// The whole, as a [`Share`].
const WHOLE: Share = 10_000;

/// One bar, in shares of the chart's width.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bar {
    /// The whole price, as a share of the widest amount on the chart.
    total: Share,
    /// The part the voucher covers, as a share of this bar.
    covered: Share,
}

/// Percentages for a price on a chart whose widest amount is `max`.
fn bar(price: Cents, voucher: Option<Cents>, max: Cents) -> Bar {
    let percent = |part: i64, whole: i64| {
        if whole <= 0 {
            0
        } else {
            part.saturating_mul(WHOLE) / whole
        }
    };
    let covered = voucher.map_or(0, |v| v.get().min(price.get()));
    Bar {
        total: percent(price.get(), max.get()),
        covered: percent(covered, price.get()),
    }
}

/// A width in percent, as CSS reads it.
fn percent(value: Share) -> String {
    format!("{}.{:02}%", value / 100, value % 100)
}

/// The chart for one page of offers.
#[component]
pub fn PriceChart(offers: Vec<OfferSummary>, voucher: Option<Cents>, lang: Lang) -> impl IntoView {
    // The voucher value is on the scale too, so that a bar shorter than it visibly is
    // fully covered.
    let max = offers
        .iter()
        .map(|o| o.price_cents)
        .chain(voucher)
        .max()
        .unwrap_or(Cents::ZERO);
    let rows = offers
        .into_iter()
        .map(|offer| {
            let b = bar(offer.price_cents, voucher, max);
            let split = voucher.map(|v| {
                let own = own_share(offer.price_cents, v);
                (offer.price_cents.saturating_sub(own), own)
            });
            let description = i18n::chart_row_description(
                lang,
                &offer.producer_name,
                offer.price_cents,
                offer.unit,
                split,
            );
            let split_text = split.map(|(covered, own)| {
                format!(
                    "{} {} · {} {}",
                    t(lang, Text::ChartCovered),
                    covered.format(lang),
                    t(lang, Text::OwnShare),
                    own.format(lang)
                )
            });
            let (covered_class, covered_width) = if voucher.is_some() {
                ("bar-covered", b.covered)
            } else {
                ("bar-price", WHOLE)
            };
            view! {
                <li class="chart-row">
                    <div class="chart-label" aria-hidden="true">
                        <span class="chart-name">{offer.producer_name.clone()}</span>
                        <span class="chart-amount">
                            {i18n::price_per_unit(lang, offer.price_cents, offer.unit)}
                        </span>
                    </div>
                    <div class="bar-track" aria-hidden="true">
                        // `style:width` sets the property through the CSSOM, which the
                        // Content-Security-Policy allows; a `style="…"` attribute it refuses.
                        <div class="bar" style:width=percent(b.total)>
                            <span
                                class=format!("bar-part {covered_class}")
                                style:width=percent(covered_width)
                            ></span>
                            <span
                                class="bar-part bar-own"
                                style:width=percent(WHOLE - covered_width)
                            ></span>
                        </div>
                    </div>
                    {split_text.map(|text| view! { <p class="chart-split" aria-hidden="true">{text}</p> })}
                    <span class="visually-hidden">{description}</span>
                </li>
            }
        })
        .collect_view();
    let legend = if voucher.is_some() {
        view! {
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="swatch bar-covered"></span>{t(lang, Text::ChartCovered)}</li>
                <li><span class="swatch bar-own"></span>{t(lang, Text::OwnShare)}</li>
            </ul>
        }
        .into_any()
    } else {
        view! {
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="swatch bar-price"></span>{t(lang, Text::ChartPrice)}</li>
            </ul>
            <p class="hint">{t(lang, Text::ChartNoVoucherHint)}</p>
        }
        .into_any()
    };
    view! {
        <figure class="price-chart" data-testid="price-chart" aria-labelledby="price-chart-title">
            <figcaption id="price-chart-title" class="chart-title">{t(lang, Text::ChartTitle)}</figcaption>
            {legend}
            <ul class="chart-rows" role="list">{rows}</ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::cents;

    #[test]
    fn the_most_expensive_offer_fills_the_chart() {
        let b = bar(cents(4000), Some(cents(2500)), cents(4000));
        assert_eq!(percent(b.total), "100.00%");
        assert_eq!(percent(b.covered), "62.50%");
    }

    #[test]
    fn an_offer_under_the_voucher_is_covered_whole() {
        let b = bar(cents(2000), Some(cents(2500)), cents(2500));
        assert_eq!(percent(b.total), "80.00%");
        assert_eq!(percent(b.covered), "100.00%");
    }

    #[test]
    fn free_offers_and_empty_charts_do_not_divide_by_zero() {
        assert_eq!(bar(Cents::ZERO, None, Cents::ZERO).total, 0);
        assert_eq!(bar(Cents::ZERO, Some(cents(100)), cents(100)).covered, 0);
    }

    #[test]
    fn a_share_is_written_with_two_decimals() {
        assert_eq!(percent(bar(cents(1), None, cents(3)).total), "33.33%");
        assert_eq!(percent(bar(cents(2), None, cents(3)).total), "66.66%");
        assert_eq!(percent(bar(cents(1), None, cents(200)).total), "0.50%");
    }
}
