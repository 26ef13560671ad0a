//! Customers as the organiser's staff find, add and keep them. Every query is limited to
//! the staff member's organiser: another organiser's customer is never found.

use crate::db::organisers::in_scope;
use crate::db::{Database, DbError, IdRow, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::{CustomerListItem, PostalAddress};
use seteli_domain::hetu::prefixes_for_birth_date;
use seteli_domain::ids::CustomerId;
use seteli_domain::{Hetu, Lang, MunicipalityCode, OrganiserCode};

/// A customer row the organiser may see.
#[derive(Debug, Clone, Deserialize)]
pub struct CustomerRow {
    pub id: CustomerId,
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_fi: String,
    pub municipality_sv: String,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub post_office: Option<String>,
    pub non_disclosure: i64,
    /// `fi`, `sv`, `en` or NULL (not known).
    pub lang: Option<String>,
}

impl CustomerRow {
    /// The identity code, parsed; a row with an unreadable one is refused.
    pub fn hetu(&self) -> Result<Hetu, DbError> {
        Hetu::parse(&self.hetu).map_err(|_| DbError::bad_row("customers", "hetu"))
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    pub fn municipality_name(&self, lang: Lang) -> String {
        lang.pick(
            self.municipality_fi.clone(),
            self.municipality_sv.clone(),
            None,
        )
    }

    /// The address letters go to, when staff have typed one.
    pub fn address(&self) -> Option<PostalAddress> {
        Some(PostalAddress {
            street_address: self.street_address.clone()?,
            postal_code: self.postal_code.clone().unwrap_or_default(),
            post_office: self.post_office.clone().unwrap_or_default(),
        })
    }

    /// As a search result lists it: the code masked.
    pub fn list_item(&self, lang: Lang) -> Result<CustomerListItem, DbError> {
        Ok(CustomerListItem {
            id: self.id,
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            masked_hetu: self.hetu()?.masked(),
            municipality_name: self.municipality_name(lang),
        })
    }
}

const SELECT: &str = "SELECT c.id, c.hetu, c.given_name, c.family_name, c.municipality_code,
        m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, c.street_address,
        c.postal_code, c.post_office, c.non_disclosure, c.lang
     FROM customers c JOIN municipalities m ON m.code = c.municipality_code";

/// The customer `id`, if the organiser serves their municipality.
pub async fn find(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: CustomerId,
) -> Result<Option<CustomerRow>, DbError> {
    let sql = format!(
        "{SELECT} WHERE c.id = ?1 AND {}",
        in_scope("c.municipality_code", 2)
    );
    let rows: Vec<CustomerRow> = db
        .query(&sql, &[SqlValue::from(id), organiser.as_str().into()])
        .await?;
    Ok(rows.into_iter().next())
}

/// The organiser's customer with this identity code.
pub async fn by_hetu(
    db: &impl Database,
    organiser: &OrganiserCode,
    hetu: &Hetu,
) -> Result<Vec<CustomerRow>, DbError> {
    let sql = format!(
        "{SELECT} WHERE c.hetu = ?1 AND {}",
        in_scope("c.municipality_code", 2)
    );
    db.query(&sql, &[hetu.as_str().into(), organiser.as_str().into()])
        .await
}

/// The organiser's customers with this family name born on `born` (and given name, when
/// given, as a prefix of the given names), at most 50.
pub async fn by_name(
    db: &impl Database,
    organiser: &OrganiserCode,
    family_name: &str,
    given_name: Option<&str>,
    born: time::Date,
) -> Result<Vec<CustomerRow>, DbError> {
    // The birth date is the code's first seven characters, one form per century sign.
    let mut prefixes = prefixes_for_birth_date(born);
    let Some(first) = prefixes.first().cloned() else {
        return Ok(Vec::new());
    };
    prefixes.resize(6, first);
    let sql = format!(
        "{SELECT} WHERE lower(c.family_name) = lower(?1) AND lower(c.given_name) LIKE lower(?3) || '%'
             AND substr(c.hetu, 1, 7) IN (?4, ?5, ?6, ?7, ?8, ?9)
             AND {} ORDER BY c.family_name, c.given_name, c.id LIMIT 50",
        in_scope("c.municipality_code", 2)
    );
    let mut params: Vec<SqlValue> = vec![
        family_name.trim().into(),
        organiser.as_str().into(),
        // `%` and `_` typed by a person are literal characters of a name.
        given_name
            .unwrap_or_default()
            .trim()
            .replace(['%', '_'], "")
            .into(),
    ];
    params.extend(prefixes.into_iter().map(SqlValue::from));
    db.query(&sql, &params).await
}

/// A new customer, as staff typed them.
pub struct NewCustomerRecord<'a> {
    pub hetu: &'a Hetu,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub municipality: &'a MunicipalityCode,
    pub address: Option<&'a PostalAddress>,
    pub non_disclosure: bool,
    pub lang: Option<Lang>,
    pub created_by: &'a str,
}

/// Adds the customer and returns their id. A code already in Seteli is refused by the
/// table's UNIQUE key.
pub async fn create(
    db: &impl Database,
    record: &NewCustomerRecord<'_>,
) -> Result<CustomerId, DbError> {
    let address = |pick: fn(&PostalAddress) -> &str| {
        record
            .address
            .map_or(SqlValue::Null, |a| pick(a).trim().into())
    };
    // A person someone already acted for (to apply for a voucher) has a trail kept under
    // their identity code: it becomes the new customer's in the same batch.
    db.batch(&[
        (
            "INSERT INTO customers (hetu, given_name, family_name, municipality_code, street_address,
                                    postal_code, post_office, non_disclosure, created_by, lang)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            vec![
                record.hetu.as_str().into(),
                record.given_name.trim().into(),
                record.family_name.trim().into(),
                record.municipality.as_str().into(),
                address(|a| &a.street_address),
                address(|a| &a.postal_code),
                address(|a| &a.post_office),
                SqlValue::from(i64::from(record.non_disclosure)),
                record.created_by.into(),
                record.lang.map_or(SqlValue::Null, |l| l.code().into()),
            ],
        ),
        crate::db::on_behalf::trail_to_customer_statement(record.hetu.as_str()),
    ])
    .await?;
    let rows: Vec<IdRow<CustomerId>> = db
        .query(
            "SELECT id FROM customers WHERE hetu = ?1",
            &[record.hetu.as_str().into()],
        )
        .await?;
    rows.into_iter()
        .next()
        .map(|r| r.id)
        .ok_or_else(|| DbError("the customer just added was not found".into()))
}

/// The statement that keeps the customer's address and non-disclosure flag.
pub fn contact_statement(
    customer: CustomerId,
    address: Option<&PostalAddress>,
    non_disclosure: bool,
    lang: Option<Lang>,
) -> Statement {
    let part = |pick: fn(&PostalAddress) -> &str| {
        address.map_or(SqlValue::Null, |a| pick(a).trim().into())
    };
    (
        "UPDATE customers SET street_address = ?2, postal_code = ?3, post_office = ?4, non_disclosure = ?5,
             lang = ?6
         WHERE id = ?1",
        vec![
            SqlValue::from(customer),
            part(|a| &a.street_address),
            part(|a| &a.postal_code),
            part(|a| &a.post_office),
            SqlValue::from(i64::from(non_disclosure)),
            lang.map_or(SqlValue::Null, |l| l.code().into()),
        ],
    )
}
