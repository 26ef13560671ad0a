//! A producer's public profile.

use super::catalogue::ServiceNamesRow;
use super::offers::{is_current_price, satisfaction_columns, split_languages};
use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{ProducerOffer, ProducerProfile};
use seteli_domain::ids::ProducerId;
use seteli_domain::voucher::{satisfaction_since, Satisfaction};
use seteli_domain::{BusinessId, Cents, Lang};
use time::Date;

#[derive(Deserialize)]
struct ProducerRow {
    id: ProducerId,
    business_id: String,
    name: String,
    description_fi: String,
    description_sv: String,
    description_en: Option<String>,
    street_address: String,
    postal_code: String,
    post_office: String,
    phone: String,
    email: String,
    website: Option<String>,
    languages: Option<String>,
    satisfaction_x10: Option<i64>,
    satisfaction_answers: i64,
    /// The services as a JSON array of [`ServiceRow`]s, so that one statement answers.
    services: String,
}

#[derive(Deserialize)]
struct ServiceRow {
    #[serde(flatten)]
    names: ServiceNamesRow,
    price_cents: i64,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_from: time::Date,
}

/// The public profile of a producer with at least one approved service, listing only the
/// approved services that have a price valid `today`. `None` for an unknown producer or one
/// with no approval: the public cannot tell those apart.
pub async fn public_profile(
    db: &impl Database,
    id: ProducerId,
    lang: Lang,
    today: Date,
) -> Result<Option<ProducerProfile>, DbError> {
    // One statement, so one round trip to D1: the services come along as a JSON array.
    let producers: Vec<ProducerRow> = db
        .query(
            &format!(
                "SELECT p.id, p.business_id, p.name, p.description_fi, p.description_sv, p.description_en,
                        p.street_address, p.postal_code, p.post_office, p.phone, p.email, p.website,
                        (SELECT group_concat(lang, ',') FROM
                            (SELECT lang FROM producer_languages l WHERE l.producer_id = p.id ORDER BY lang)) AS languages,
                        {},
                        (SELECT json_group_array(json_object(
                                    'municipality_code', municipality_code, 'municipality_fi', municipality_fi,
                                    'municipality_sv', municipality_sv, 'service_code', service_code,
                                    'service_fi', service_fi, 'service_sv', service_sv, 'service_en', service_en,
                                    'unit', unit, 'price_cents', price_cents, 'valid_from', valid_from))
                         FROM (SELECT o.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
                                      o.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv,
                                      s.name_en AS service_en, o.unit, o.price_cents, o.valid_from
                               FROM approvals a
                               JOIN offers o
                                 ON o.producer_id = a.producer_id
                                AND o.municipality_code = a.municipality_code
                                AND o.service_code = a.service_code
                               JOIN municipalities m ON m.code = o.municipality_code
                               JOIN services s ON s.code = o.service_code
                               WHERE a.producer_id = p.id AND a.status = 'approved' AND {}
                               ORDER BY s.sort_order, s.code, m.name_fi)) AS services
                 FROM producers p
                 WHERE p.id = ?1
                   AND EXISTS (SELECT 1 FROM approvals a WHERE a.producer_id = p.id AND a.status = 'approved')",
                satisfaction_columns("p.id", "?2"),
                is_current_price("?3")
            ),
            &[
                SqlValue::from(id),
                satisfaction_since(today).into(),
                SqlValue::from(today),
            ],
        )
        .await?;
    let Some(p) = producers.into_iter().next() else {
        return Ok(None);
    };
    let rows: Vec<ServiceRow> =
        serde_json::from_str(&p.services).map_err(|_| DbError::bad_row("offers", "services"))?;
    let services = rows
        .into_iter()
        .map(|r| {
            let names = r.names.named(lang, "offers")?;
            Ok(ProducerOffer {
                municipality_code: names.municipality_code,
                municipality_name: names.municipality_name,
                service_code: names.service_code,
                service_name: names.service_name,
                unit: names.unit,
                price_cents: Cents::new(r.price_cents)
                    .map_err(|_| DbError::bad_row("offers", "price_cents"))?,
                valid_from: r.valid_from,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Some(ProducerProfile {
        id: p.id,
        business_id: BusinessId::parse(&p.business_id)
            .map_err(|_| DbError::bad_row("producers", "business_id"))?,
        name: p.name,
        description: lang.pick(p.description_fi, p.description_sv, p.description_en),
        languages: split_languages(p.languages),
        street_address: p.street_address,
        postal_code: p.postal_code,
        post_office: p.post_office,
        phone: p.phone,
        email: p.email,
        website: p.website,
        services,
        satisfaction: Satisfaction::publishable(p.satisfaction_x10, p.satisfaction_answers),
    }))
}
