//! The company registry check of a producer applicant, from PRH's open data (YTJ API v3,
//! `GET /companies?businessId=`; `../shared/docs/ytj-api.md`): what the answer says about
//! the company, read the way that document's "voucher producer check" does. The result
//! informs the handler and never refuses an application by itself: a company missing from
//! open data (a sole trader) is checked by hand.

use crate::business_id::BusinessId;
use serde::{Deserialize, Serialize};
use time::Date;

/// The API's answer to a lookup: `{"totalResults": n, "companies": [..]}`. Unknown fields
/// are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Companies {
    #[serde(default)]
    pub companies: Vec<Company>,
}

/// One company as v3 describes it; only `businessId`, `registeredEntries` and
/// `tradeRegisterStatus` are always there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Company {
    pub business_id: Value,
    #[serde(default)]
    pub names: Vec<Name>,
    #[serde(default)]
    pub company_situations: Vec<Situation>,
    #[serde(default)]
    pub registered_entries: Vec<Entry>,
    #[serde(default)]
    pub trade_register_status: Option<String>,
    #[serde(default)]
    pub addresses: Vec<Address>,
    #[serde(default)]
    pub end_date: Option<String>,
}

/// `{"value": ..}`.
/// An address in the register (`type` 1 visiting, 2 postal).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(rename = "type", default)]
    pub kind: u8,
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub building_number: Option<String>,
    #[serde(default)]
    pub entrance: Option<String>,
    #[serde(default)]
    pub apartment_number: Option<String>,
    #[serde(default)]
    pub post_code: Option<String>,
    #[serde(default)]
    pub post_offices: Vec<PostOffice>,
}

/// A post office's name in one language (`languageCode` 1 fi, 2 sv).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostOffice {
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub language_code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Value {
    pub value: String,
}

/// A name: `type` `1` main, `2` parallel (Swedish or English), `3` auxiliary; a former
/// name has an `endDate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Name {
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub end_date: Option<String>,
}

/// A situation: `SANE` restructuring, `SELTILA` liquidation, `KONK` bankruptcy; open while
/// it has no `endDate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Situation {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub end_date: Option<String>,
}

/// An entry in a register (`register`: `1` trade register, `5` prepayment, `6` VAT, `7`
/// employer); ended when its `endDate` has passed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    #[serde(default)]
    pub register: String,
    #[serde(default)]
    pub end_date: Option<String>,
}

/// What the check found, for the handler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "result")]
pub enum RegistryCheck {
    /// No record with exactly this business id: check by hand (sole traders are not in
    /// open data), never a refusal by itself.
    NotFound,
    /// The company's record, read.
    Found(Finding),
}

/// A found company's standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The current main name.
    pub name: String,
    /// Not ended, and registered in the trade register where it has a status there.
    pub active: bool,
    /// In the prepayment register (ennakkoperintärekisteri) today.
    pub prepayment_register: bool,
    pub vat_register: bool,
    pub employer_register: bool,
    /// An open liquidation (`SELTILA`).
    pub in_liquidation: bool,
    /// An open bankruptcy (`KONK`).
    pub bankrupt: bool,
    /// An open restructuring (`SANE`): for the handler to judge.
    pub in_restructuring: bool,
    /// The visiting address (else the postal one), for an application to start with.
    #[serde(default)]
    pub address: Option<RegisteredAddress>,
}

/// An address as a form holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredAddress {
    pub street_address: String,
    pub postal_code: String,
    /// In Finnish where the register has it, in title case (the register writes `PORVOO`).
    pub post_office: String,
}

/// `PORVOO` as `Porvoo`, `KAUNIAINEN-GRANKULLA` as `Kauniainen-Grankulla`.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// The company's visiting address, else its postal one; `None` without a street.
fn address_of(company: &Company) -> Option<RegisteredAddress> {
    let pick = |kind: u8| company.addresses.iter().find(|a| a.kind == kind);
    let a = pick(1).or_else(|| pick(2))?;
    let street = [
        a.street.as_deref(),
        a.building_number.as_deref(),
        a.entrance.as_deref(),
        a.apartment_number.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    if street.is_empty() {
        return None;
    }
    let office = a
        .post_offices
        .iter()
        .find(|p| p.language_code == "1")
        .or_else(|| a.post_offices.first())
        .map(|p| title_case(&p.city))
        .unwrap_or_default();
    Some(RegisteredAddress {
        street_address: street,
        postal_code: a.post_code.clone().unwrap_or_default(),
        post_office: office,
    })
}

impl Finding {
    /// Whether the handler should be warned: ceased, in liquidation or bankruptcy, or not
    /// in the prepayment register.
    pub fn needs_attention(&self) -> bool {
        !self.active
            || self.in_liquidation
            || self.bankrupt
            || self.in_restructuring
            || !self.prepayment_register
    }
}

/// Whether a `YYYY-MM-DD` end date has passed by `today` (an unreadable one counts as
/// passed: the entry is not relied on).
fn ended(end_date: Option<&str>, today: Date) -> bool {
    match end_date {
        None => false,
        Some(text) => crate::clock::parse_iso_date(text).is_none_or(|end| end < today),
    }
}

/// Reads the answer for `business_id` on `today`: only the record whose business id is
/// exactly the one asked counts.
pub fn check(answer: &Companies, business_id: &BusinessId, today: Date) -> RegistryCheck {
    let Some(company) = answer
        .companies
        .iter()
        .find(|c| c.business_id.value == business_id.as_str())
    else {
        return RegistryCheck::NotFound;
    };
    let in_register = |register: &str| {
        company
            .registered_entries
            .iter()
            .any(|e| e.register == register && !ended(e.end_date.as_deref(), today))
    };
    let open = |kind: &str| {
        company
            .company_situations
            .iter()
            .any(|s| s.kind == kind && s.end_date.is_none())
    };
    let name = company
        .names
        .iter()
        .find(|n| n.kind == "1" && n.end_date.is_none())
        .or_else(|| company.names.first())
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let trade_registered = company
        .trade_register_status
        .as_deref()
        .is_none_or(|status| status == "1");
    RegistryCheck::Found(Finding {
        name,
        active: company.end_date.is_none() && trade_registered,
        prepayment_register: in_register("5"),
        vat_register: in_register("6"),
        employer_register: in_register("7"),
        in_liquidation: open("SELTILA"),
        bankrupt: open("KONK"),
        in_restructuring: open("SANE"),
        address: address_of(company),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn id(text: &str) -> BusinessId {
        BusinessId::parse(text).unwrap()
    }

    fn answer(json: &str) -> Companies {
        serde_json::from_str(json).unwrap()
    }

    /// The document's liquidation example, with fi and sv names.
    const IN_LIQUIDATION: &str = r#"{"totalResults":1,"companies":[{
        "businessId":{"value":"2077474-0","registrationDate":"2015-03-02","source":"3"},
        "names":[{"name":"Hoiva Testi Oy","type":"1","registrationDate":"2015-03-02","version":1,"source":"1"},
                 {"name":"Vård Test Ab","type":"2","version":1,"source":"1"},
                 {"name":"Vanha Nimi Oy","type":"1","endDate":"2014-12-31","version":2,"source":"1"}],
        "companySituations":[{"type":"SELTILA","registrationDate":"2026-05-01","source":"1"}],
        "registeredEntries":[
            {"register":"1","authority":"2","type":"1","registrationDate":"2015-03-02"},
            {"register":"5","authority":"1","type":"55","registrationDate":"2015-04-01"},
            {"register":"6","authority":"1","type":"80","registrationDate":"2015-04-01"},
            {"register":"7","authority":"1","type":"41","registrationDate":"2016-01-01","endDate":"2024-12-31"}],
        "tradeRegisterStatus":"1","status":"2","registrationDate":"2015-03-02","endDate":null,
        "lastModified":"2026-08-19T10:04:06","somethingNew":{"ignored":true}}]}"#;

    #[test]
    fn the_documents_example_is_a_registered_company_in_liquidation() {
        let RegistryCheck::Found(found) = check(&answer(IN_LIQUIDATION), &id("2077474-0"), TODAY)
        else {
            panic!("found")
        };
        assert_eq!(found.name, "Hoiva Testi Oy");
        assert!(found.active);
        assert!(found.prepayment_register);
        assert!(found.vat_register);
        assert!(!found.employer_register, "its employer entry ended in 2024");
        assert!(found.in_liquidation);
        assert!(!found.bankrupt && !found.in_restructuring);
        assert!(found.needs_attention());
    }

    #[test]
    fn an_empty_answer_or_another_companys_record_is_not_found() {
        let empty = answer(r#"{"totalResults":0,"companies":[]}"#);
        assert_eq!(
            check(&empty, &id("2077474-0"), TODAY),
            RegistryCheck::NotFound
        );
        assert_eq!(
            check(&answer(IN_LIQUIDATION), &id("0112038-9"), TODAY),
            RegistryCheck::NotFound
        );
    }

    #[test]
    fn a_healthy_company_needs_no_attention_and_a_ceased_one_does() {
        let healthy = answer(
            r#"{"companies":[{"businessId":{"value":"0112038-9"},
                "names":[{"name":"Kotiapu Oy","type":"1"}],
                "registeredEntries":[{"register":"1"},{"register":"5"},{"register":"6"},{"register":"7","endDate":"2027-01-01"}],
                "tradeRegisterStatus":"1","lastModified":"2026-08-19T10:04:06"}]}"#,
        );
        let RegistryCheck::Found(found) = check(&healthy, &id("0112038-9"), TODAY) else {
            panic!("found")
        };
        assert!(found.employer_register, "an end date ahead has not ended");
        assert!(!found.needs_attention(), "{found:?}");

        let ceased = answer(
            r#"{"companies":[{"businessId":{"value":"0112038-9"},"registeredEntries":[{"register":"5","endDate":"2025-06-30"}],
                "tradeRegisterStatus":"4","endDate":"2025-06-30","lastModified":"x"}]}"#,
        );
        let RegistryCheck::Found(found) = check(&ceased, &id("0112038-9"), TODAY) else {
            panic!("found")
        };
        assert!(!found.active);
        assert!(!found.prepayment_register);
        assert!(found.needs_attention());
        assert_eq!(found.name, "", "a record without names has none");
    }

    #[test]
    fn open_bankruptcy_and_restructuring_are_told_and_closed_ones_are_not() {
        let situations = |json: &str| {
            let text = format!(
                r#"{{"companies":[{{"businessId":{{"value":"0112038-9"}},"registeredEntries":[{{"register":"5"}}],
                    "tradeRegisterStatus":"1","companySituations":{json}}}]}}"#
            );
            match check(&answer(&text), &id("0112038-9"), TODAY) {
                RegistryCheck::Found(found) => found,
                RegistryCheck::NotFound => panic!("found"),
            }
        };
        let open = situations(r#"[{"type":"KONK"},{"type":"SANE"}]"#);
        assert!(open.bankrupt && open.in_restructuring && !open.in_liquidation);
        assert!(open.needs_attention());
        let closed = situations(r#"[{"type":"KONK","endDate":"2020-01-01"}]"#);
        assert!(!closed.bankrupt);
        assert!(!closed.needs_attention());
    }

    #[test]
    fn each_warning_alone_needs_attention() {
        let healthy = Finding {
            name: "Kotiapu Oy".into(),
            active: true,
            prepayment_register: true,
            vat_register: true,
            employer_register: true,
            in_liquidation: false,
            bankrupt: false,
            in_restructuring: false,
            address: None,
        };
        assert!(!healthy.needs_attention());
        let warnings: [fn(&mut Finding); 5] = [
            |f| f.active = false,
            |f| f.prepayment_register = false,
            |f| f.in_liquidation = true,
            |f| f.bankrupt = true,
            |f| f.in_restructuring = true,
        ];
        for (i, warn) in warnings.into_iter().enumerate() {
            let mut finding = healthy.clone();
            warn(&mut finding);
            assert!(finding.needs_attention(), "warning {i}");
        }
    }

    #[test]
    fn the_current_main_name_and_the_last_day_of_an_entry_count() {
        let text = r#"{"companies":[{"businessId":{"value":"0112038-9"},
            "names":[{"name":"Vanha Oy","type":"1","endDate":"2020-01-01"},{"name":"Rinnakkais Ab","type":"2"},
                     {"name":"Uusi Oy","type":"1"}],
            "registeredEntries":[{"register":"5","endDate":"2026-11-21"}],"tradeRegisterStatus":"1"}]}"#;
        let RegistryCheck::Found(found) = check(&answer(text), &id("0112038-9"), TODAY) else {
            panic!("found")
        };
        assert_eq!(found.name, "Uusi Oy");
        assert!(
            found.prepayment_register,
            "an entry ending today is still in force today"
        );
    }

    #[test]
    fn an_end_date_or_a_trade_register_status_other_than_registered_is_not_active() {
        let with = |end: &str, status: &str| {
            let text = format!(
                r#"{{"companies":[{{"businessId":{{"value":"0112038-9"}},"registeredEntries":[],
                    "tradeRegisterStatus":"{status}","endDate":{end}}}]}}"#
            );
            match check(&answer(&text), &id("0112038-9"), TODAY) {
                RegistryCheck::Found(found) => found.active,
                RegistryCheck::NotFound => panic!("found"),
            }
        };
        assert!(with("null", "1"));
        assert!(!with(r#""2025-06-30""#, "1"));
        assert!(!with("null", "4"));
    }

    #[test]
    fn the_visiting_address_is_read_before_the_postal_one() {
        let json = r#"{"companies":[{"businessId":{"value":"2468013-5"},"registeredEntries":[],
            "addresses":[
              {"type":2,"street":"PL 12","postCode":"06101","postOffices":[{"city":"PORVOO","languageCode":"1"}]},
              {"type":1,"street":"Mannerheiminkatu","buildingNumber":"12","entrance":"B","postCode":"06100",
               "postOffices":[{"city":"BORGÅ","languageCode":"2"},{"city":"PORVOO","languageCode":"1"}]}]}]}"#;
        let RegistryCheck::Found(found) = check(&answer(json), &id("2468013-5"), TODAY) else {
            panic!("found")
        };
        assert_eq!(
            found.address,
            Some(RegisteredAddress {
                street_address: "Mannerheiminkatu 12 B".into(),
                postal_code: "06100".into(),
                post_office: "Porvoo".into(),
            })
        );
        let postal_only = json.replace(r#""type":1"#, r#""type":3"#);
        let RegistryCheck::Found(found) = check(&answer(&postal_only), &id("2468013-5"), TODAY)
        else {
            panic!("found")
        };
        assert_eq!(found.address.unwrap().street_address, "PL 12");
        let none = r#"{"companies":[{"businessId":{"value":"2468013-5"},"registeredEntries":[]}]}"#;
        let RegistryCheck::Found(found) = check(&answer(none), &id("2468013-5"), TODAY) else {
            panic!("found")
        };
        assert_eq!(found.address, None);
        assert_eq!(title_case("KAUNIAINEN-GRANKULLA"), "Kauniainen-Grankulla");
        assert_eq!(title_case("BORGÅ"), "Borgå");
    }
}
