//! The comparison: approved producers' current prices for one service in one municipality.

use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{OfferPage, OfferSummary};
use seteli_domain::catalogue::Unit;
use seteli_domain::comparison::{own_share, OffersQuery, SortKey, PAGE_SIZE};
use seteli_domain::ids::ProducerId;
use seteli_domain::voucher::{satisfaction_since, Satisfaction};
use seteli_domain::Cents;
use time::Date;

/// The SQL condition that offer row `o` holds the price valid on the date bound to
/// `date_param`: the latest `valid_from` on or before that date for its producer,
/// municipality and service. The one definition of "current price".
pub(crate) fn is_current_price(date_param: &str) -> String {
    format!(
        "o.valid_from = (
            SELECT MAX(o2.valid_from) FROM offers o2
            WHERE o2.producer_id = o.producer_id
              AND o2.municipality_code = o.municipality_code
              AND o2.service_code = o.service_code
              AND o2.valid_from <= {date_param})"
    )
}

/// The current offers of approved producers. ?1 municipality, ?2 service, ?3 today.
fn current_offers() -> String {
    format!(
        "WITH current AS (
            SELECT o.producer_id, o.unit, o.price_cents, o.valid_from
            FROM offers o
            JOIN approvals a
              ON a.producer_id = o.producer_id
             AND a.municipality_code = o.municipality_code
             AND a.service_code = o.service_code
            WHERE o.municipality_code = ?1 AND o.service_code = ?2 AND a.status = 'approved'
              AND {}
        )",
        is_current_price("?3")
    )
}

/// One row of the comparison's single statement: whether the municipality and the service
/// exist and how many offers there are, with one offer of the page — or, when the page is
/// empty, the counts alone (the offer's columns are then NULL).
#[derive(Deserialize)]
struct OfferRow {
    municipality_known: i64,
    service_known: i64,
    total: i64,
    producer_id: Option<ProducerId>,
    name: Option<String>,
    unit: Option<String>,
    price_cents: Option<i64>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    valid_from: Option<time::Date>,
    post_office: Option<String>,
    summary_fi: Option<String>,
    summary_sv: Option<String>,
    summary_en: Option<String>,
    languages: Option<String>,
    satisfaction_x10: Option<i64>,
    satisfaction_answers: Option<i64>,
}

/// What the comparison finds for a query.
#[derive(Debug)]
pub enum Comparison {
    UnknownMunicipality,
    UnknownService,
    Page(OfferPage),
}

/// The SQL columns `satisfaction_x10` and `satisfaction_answers` of producer `{producer}`,
/// from survey periods on or after the one bound to `{since}`. The one definition of the
/// published satisfaction figure's data.
pub(crate) fn satisfaction_columns(producer: &str, since: &str) -> String {
    format!(
        "(SELECT CAST(ROUND(AVG(sa.overall) * 10) AS INTEGER) FROM survey_answers sa
            WHERE sa.producer_id = {producer} AND sa.period >= {since}) AS satisfaction_x10,
         (SELECT COUNT(*) FROM survey_answers sa
            WHERE sa.producer_id = {producer} AND sa.period >= {since}) AS satisfaction_answers"
    )
}

/// Splits a `group_concat` of language codes.
pub(crate) fn split_languages(languages: Option<String>) -> Vec<String> {
    languages
        .unwrap_or_default()
        .split(',')
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One page of the comparison for `query`, as of `today` (ISO date), with whether its
/// municipality and service exist: one statement, so one round trip to D1.
pub async fn current_page(
    db: &impl Database,
    query: &OffersQuery,
    today: Date,
) -> Result<Comparison, DbError> {
    // The sort key picks one of three fixed ORDER BY clauses; nothing from the request is
    // spliced into SQL. Ties fall back to price, name and id so that paging is stable.
    let order = match query.sort {
        SortKey::Price => "c.price_cents, lower(p.name), c.producer_id",
        SortKey::OwnShare => {
            "MAX(c.price_cents - ?4, 0), c.price_cents, lower(p.name), c.producer_id"
        }
        SortKey::Name => "lower(p.name), c.price_cents, c.producer_id",
    };
    let voucher = query.voucher.unwrap_or(Cents::ZERO);
    // The page keeps its order in `position`; the counts come along on every row, and on a
    // row of their own (LEFT JOIN) when the page is empty.
    let sql = format!(
        "{},
        page AS (
            SELECT c.producer_id, p.name, c.unit, c.price_cents, c.valid_from, p.post_office,
                   p.summary_fi, p.summary_sv, p.summary_en,
                   (SELECT group_concat(lang, ',') FROM
                       (SELECT lang FROM producer_languages l WHERE l.producer_id = c.producer_id ORDER BY lang)) AS languages,
                   {},
                   ROW_NUMBER() OVER (ORDER BY {order}) AS position
            FROM current c JOIN producers p ON p.id = c.producer_id
            ORDER BY {order}
            LIMIT ?5 OFFSET ?6
        )
        SELECT (SELECT COUNT(*) FROM municipalities WHERE code = ?1) AS municipality_known,
               (SELECT COUNT(*) FROM services WHERE code = ?2) AS service_known,
               (SELECT COUNT(*) FROM current) AS total,
               page.*
        FROM (SELECT 1) LEFT JOIN page ON 1
        ORDER BY page.position",
        current_offers(),
        satisfaction_columns("c.producer_id", "?7")
    );
    let params = [
        SqlValue::from(query.municipality.as_str()),
        SqlValue::from(query.service.as_str()),
        SqlValue::from(today),
        SqlValue::from(voucher.get()),
        SqlValue::from(i64::from(PAGE_SIZE)),
        SqlValue::from(i64::from(query.offset())),
        SqlValue::from(satisfaction_since(today)),
    ];
    let rows: Vec<OfferRow> = db.query(&sql, &params).await?;
    let Some(first) = rows.first() else {
        return Err(DbError::bad_row("offers", "counts"));
    };
    if first.municipality_known == 0 {
        return Ok(Comparison::UnknownMunicipality);
    }
    if first.service_known == 0 {
        return Ok(Comparison::UnknownService);
    }
    let total = first.total;
    let offers = rows
        .into_iter()
        .filter_map(|row| offer(row, query).transpose())
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Comparison::Page(OfferPage {
        total: u32::try_from(total).map_err(|_| DbError::bad_row("offers", "count"))?,
        page: query.page,
        page_size: PAGE_SIZE,
        offers,
    }))
}

/// The offer in `row`, `None` for the counts-only row of an empty page.
fn offer(row: OfferRow, query: &OffersQuery) -> Result<Option<OfferSummary>, DbError> {
    let Some(producer_id) = row.producer_id else {
        return Ok(None);
    };
    let missing = |column| DbError::bad_row("offers", column);
    let price = Cents::new(row.price_cents.ok_or_else(|| missing("price_cents"))?)
        .map_err(|_| missing("price_cents"))?;
    Ok(Some(OfferSummary {
        producer_id,
        producer_name: row.name.ok_or_else(|| missing("name"))?,
        price_cents: price,
        unit: row
            .unit
            .as_deref()
            .and_then(Unit::parse)
            .ok_or_else(|| missing("unit"))?,
        own_share_cents: query.voucher.map(|v| own_share(price, v)),
        languages: split_languages(row.languages),
        post_office: row.post_office.ok_or_else(|| missing("post_office"))?,
        summary: query.lang.pick(
            row.summary_fi.ok_or_else(|| missing("summary_fi"))?,
            row.summary_sv.ok_or_else(|| missing("summary_sv"))?,
            row.summary_en,
        ),
        valid_from: row.valid_from.ok_or_else(|| missing("valid_from"))?,
        satisfaction: Satisfaction::publishable(
            row.satisfaction_x10,
            row.satisfaction_answers.unwrap_or(0),
        ),
    }))
}
