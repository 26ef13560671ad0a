//! Organisers of voucher services (a municipality or a wellbeing services county) and the
//! municipalities each serves: the one place that says which rows an employee may reach.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::{Lang, MunicipalityCode, OrganiserCode};

/// The SQL condition "the municipality code in `column` is served by the organiser bound
/// to `?{param}`". Every staff query about customers, vouchers or events includes it.
pub fn in_scope(column: &str, param: usize) -> String {
    format!(
        "{column} IN (SELECT municipality_code FROM organiser_municipalities WHERE organiser_code = ?{param})"
    )
}

#[derive(Deserialize)]
struct NameRow {
    name_fi: String,
    name_sv: String,
    name_en: String,
    appeal_address: String,
}

/// An organiser's name in `lang` and where appeals go.
pub struct OrganiserNames {
    pub name: String,
    pub appeal_address: String,
}

/// The organiser's name in `lang` and its appeal address; `None` for an unknown code.
pub async fn names(
    db: &impl Database,
    organiser: &OrganiserCode,
    lang: Lang,
) -> Result<Option<OrganiserNames>, DbError> {
    let rows: Vec<NameRow> = db
        .query(
            "SELECT name_fi, name_sv, name_en, appeal_address FROM organisers WHERE code = ?1",
            &[organiser.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| OrganiserNames {
        name: lang.pick(r.name_fi, r.name_sv, Some(r.name_en)),
        appeal_address: r.appeal_address,
    }))
}

/// The organiser's name in `lang`; `None` for an unknown code.
pub async fn name(
    db: &impl Database,
    organiser: &OrganiserCode,
    lang: Lang,
) -> Result<Option<String>, DbError> {
    Ok(names(db, organiser, lang).await?.map(|n| n.name))
}

#[derive(Deserialize)]
struct CodeRow {
    organiser_code: OrganiserCode,
}

/// The organiser of the voucher services of `municipality`, if Seteli knows one.
pub async fn of_municipality(
    db: &impl Database,
    municipality: &MunicipalityCode,
) -> Result<Option<OrganiserCode>, DbError> {
    let rows: Vec<CodeRow> = db
        .query(
            "SELECT organiser_code FROM organiser_municipalities WHERE municipality_code = ?1",
            &[municipality.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.organiser_code))
}

#[derive(Deserialize)]
struct Count {
    n: i64,
}

/// Whether `organiser` serves `municipality` (a municipality Seteli has).
pub async fn serves(
    db: &impl Database,
    organiser: &OrganiserCode,
    municipality: &MunicipalityCode,
) -> Result<bool, DbError> {
    let rows: Vec<Count> = db
        .query(
            "SELECT COUNT(*) AS n FROM organiser_municipalities om
             JOIN municipalities m ON m.code = om.municipality_code
             WHERE om.organiser_code = ?1 AND om.municipality_code = ?2",
            &[
                organiser.as_str().into(),
                SqlValue::Text(municipality.as_str().to_owned()),
            ],
        )
        .await?;
    Ok(rows.first().is_some_and(|r| r.n > 0))
}

#[derive(Deserialize)]
struct MunicipalityRow {
    code: MunicipalityCode,
    name_fi: String,
    name_sv: String,
    bilingual: i64,
}

/// The municipalities in Seteli the organiser serves, by name in `lang`.
pub async fn municipalities(
    db: &impl Database,
    organiser: &OrganiserCode,
    lang: Lang,
) -> Result<Vec<seteli_domain::api::Municipality>, DbError> {
    let rows: Vec<MunicipalityRow> = db
        .query(
            "SELECT m.code, m.name_fi, m.name_sv, m.bilingual FROM municipalities m
             JOIN organiser_municipalities om ON om.municipality_code = m.code
             WHERE om.organiser_code = ?1 ORDER BY m.name_fi",
            &[organiser.as_str().into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| seteli_domain::api::Municipality {
            code: r.code,
            name: lang.pick(r.name_fi, r.name_sv, None),
            bilingual: r.bilingual != 0,
        })
        .collect())
}
