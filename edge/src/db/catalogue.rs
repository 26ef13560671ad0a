//! Municipalities and services.

use super::{Database, DbError};
use serde::Deserialize;
use seteli_domain::api::{Municipality, Service};
use seteli_domain::catalogue::Unit;
use seteli_domain::{Lang, MunicipalityCode, ServiceCode};

#[derive(Deserialize)]
struct MunicipalityRow {
    code: String,
    name_fi: String,
    name_sv: String,
    bilingual: i64,
}

impl MunicipalityRow {
    fn into_dto(self, lang: Lang) -> Result<Municipality, DbError> {
        Ok(Municipality {
            code: MunicipalityCode::parse(&self.code)
                .map_err(|_| DbError::bad_row("municipalities", "code"))?,
            name: lang.pick(self.name_fi, self.name_sv, None),
            bilingual: self.bilingual != 0,
        })
    }
}

/// Every municipality, ordered by its name in `lang`.
pub async fn municipalities(db: &impl Database, lang: Lang) -> Result<Vec<Municipality>, DbError> {
    let rows: Vec<MunicipalityRow> = db
        .query(
            "SELECT code, name_fi, name_sv, bilingual FROM municipalities",
            &[],
        )
        .await?;
    let mut out = rows
        .into_iter()
        .map(|r| r.into_dto(lang))
        .collect::<Result<Vec<_>, _>>()?;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

#[derive(Deserialize)]
struct ServiceRow {
    code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    description_fi: String,
    description_sv: String,
    description_en: String,
    unit: String,
}

impl ServiceRow {
    fn into_dto(self, lang: Lang) -> Result<Service, DbError> {
        Ok(Service {
            code: ServiceCode::parse(&self.code)
                .map_err(|_| DbError::bad_row("services", "code"))?,
            name: lang.pick(self.name_fi, self.name_sv, Some(self.name_en)),
            description: lang.pick(
                self.description_fi,
                self.description_sv,
                Some(self.description_en),
            ),
            unit: Unit::parse(&self.unit).ok_or_else(|| DbError::bad_row("services", "unit"))?,
        })
    }
}

/// Every service, in the catalogue's own order.
pub async fn services(db: &impl Database, lang: Lang) -> Result<Vec<Service>, DbError> {
    let rows: Vec<ServiceRow> = db
        .query(
            "SELECT code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, unit
             FROM services ORDER BY sort_order, code",
            &[],
        )
        .await?;
    rows.into_iter().map(|r| r.into_dto(lang)).collect()
}

/// The columns that name a service in a municipality, as the producer's and the public
/// queries select them: `municipality_code, municipality_fi, municipality_sv, service_code,
/// service_fi, service_sv, service_en, unit`.
#[derive(Deserialize)]
pub(crate) struct ServiceNamesRow {
    pub municipality_code: String,
    municipality_fi: String,
    municipality_sv: String,
    pub service_code: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    unit: String,
}

/// A service in a municipality, named in one language.
pub(crate) struct ServiceNames {
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
}

impl ServiceNamesRow {
    /// The codes parsed and the names in `lang`; a bad value is a bad row of `table`.
    pub(crate) fn named(self, lang: Lang, table: &'static str) -> Result<ServiceNames, DbError> {
        let bad = |column| DbError::bad_row(table, column);
        Ok(ServiceNames {
            municipality_code: MunicipalityCode::parse(&self.municipality_code)
                .map_err(|_| bad("municipality_code"))?,
            municipality_name: lang.pick(self.municipality_fi, self.municipality_sv, None),
            service_code: ServiceCode::parse(&self.service_code)
                .map_err(|_| bad("service_code"))?,
            service_name: lang.pick(self.service_fi, self.service_sv, Some(self.service_en)),
            unit: Unit::parse(&self.unit).ok_or_else(|| bad("unit"))?,
        })
    }
}

#[derive(serde::Deserialize)]
struct UnitRow {
    unit: seteli_domain::catalogue::Unit,
}

/// The unit a service is priced and granted in; `None` for a service Seteli does not have.
pub async fn service_unit(
    db: &impl Database,
    service: &seteli_domain::ServiceCode,
) -> Result<Option<seteli_domain::catalogue::Unit>, DbError> {
    let rows: Vec<UnitRow> = db
        .query(
            "SELECT unit FROM services WHERE code = ?1",
            &[service.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.unit))
}
