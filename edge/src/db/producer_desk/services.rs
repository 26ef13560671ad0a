//! The producer's approved services with their current and later prices, and setting a
//! price from a day on.

use super::money;
use crate::db::catalogue::ServiceNamesRow;
use crate::db::offers::is_current_price;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{ProducerService, UpcomingPrice};
use seteli_domain::ids::ProducerId;
use seteli_domain::{Cents, Lang};
use time::Date;

#[derive(Deserialize)]
struct PriceRow {
    municipality_code: String,
    service_code: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_from: time::Date,
    price_cents: i64,
}

/// The producer's approved services with the price valid `today` and later prices.
pub async fn services_of(
    db: &impl Database,
    producer: ProducerId,
    today: Date,
    lang: Lang,
) -> Result<Vec<ProducerService>, DbError> {
    let services: Vec<ServiceNamesRow> = db
        .query(
            "SELECT a.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
                    a.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en, s.unit
             FROM approvals a
             JOIN municipalities m ON m.code = a.municipality_code
             JOIN services s ON s.code = a.service_code
             WHERE a.producer_id = ?1 AND a.status = 'approved'
             ORDER BY m.name_fi, s.sort_order",
            &[SqlValue::from(producer)],
        )
        .await?;
    let prices: Vec<PriceRow> = db
        .query(
            &format!(
                "SELECT o.municipality_code, o.service_code, o.valid_from, o.price_cents FROM offers o
                 WHERE o.producer_id = ?1 AND ({} OR o.valid_from > ?2)
                 ORDER BY o.valid_from",
                is_current_price("?2")
            ),
            &[SqlValue::from(producer), today.into()],
        )
        .await?;
    services
        .into_iter()
        .map(|s| {
            let same = |p: &&PriceRow| {
                p.municipality_code == s.municipality_code && p.service_code == s.service_code
            };
            let current = prices.iter().filter(same).find(|p| p.valid_from <= today);
            let upcoming = prices
                .iter()
                .filter(same)
                .filter(|p| p.valid_from > today)
                .map(|p| {
                    Ok(UpcomingPrice {
                        valid_from: p.valid_from,
                        price_cents: money(p.price_cents, "offers", "price_cents")?,
                    })
                })
                .collect::<Result<Vec<_>, DbError>>()?;
            let names = s.named(lang, "approvals")?;
            Ok(ProducerService {
                municipality_code: names.municipality_code,
                municipality_name: names.municipality_name,
                service_code: names.service_code,
                service_name: names.service_name,
                unit: names.unit,
                price_cents: current
                    .map(|p| money(p.price_cents, "offers", "price_cents"))
                    .transpose()?,
                price_valid_from: current.map(|p| p.valid_from),
                upcoming,
            })
        })
        .collect()
}

/// Sets the price of an approved service from `valid_from` on (replacing a price already
/// set for that day). `false` when the producer is not approved for it.
pub async fn set_price(
    db: &impl Database,
    producer: ProducerId,
    municipality: &str,
    service: &str,
    valid_from: Date,
    price: Cents,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "INSERT INTO offers (producer_id, municipality_code, service_code, valid_from, unit, price_cents)
             SELECT a.producer_id, a.municipality_code, a.service_code, ?4, s.unit, ?5
             FROM approvals a JOIN services s ON s.code = a.service_code
             WHERE a.producer_id = ?1 AND a.municipality_code = ?2 AND a.service_code = ?3
               AND a.status = 'approved'
             ON CONFLICT (municipality_code, service_code, producer_id, valid_from)
             DO UPDATE SET price_cents = excluded.price_cents",
            &[
                SqlValue::from(producer),
                municipality.into(),
                service.into(),
                valid_from.into(),
                SqlValue::from(price.get()),
            ],
        )
        .await?;
    Ok(changed > 0)
}
