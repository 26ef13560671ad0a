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
    pub end_date: Option<String>,
}

/// `{"value": ..}`.
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
}
