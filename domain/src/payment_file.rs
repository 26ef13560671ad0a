//! The bank's payment file for confirmed settlements: SEPA credit transfers from the
//! organiser's account to each producer's. The version the bank takes is one module
//! ([`pain001_03`]: ISO 20022 `pain.001.001.03`, which Finnish banks take today; newer
//! `pain.001.001.09` is replacing it at some, and would be a module beside it).

use crate::money::Cents;
use std::fmt;
use time::{Date, OffsetDateTime};

/// A validated IBAN, stored without spaces in capitals (`FI2112345600000785`), shown in
/// groups of four.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

impl Iban {
    /// Parses an IBAN as a person types it (spaces allowed, any case): the country's
    /// length and format and the mod-97 check digits must hold.
    pub fn parse(input: &str) -> Option<Self> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        use iban::IbanLike;
        let iban: iban::Iban = compact.parse().ok()?;
        Some(Self(iban.electronic_str().to_owned()))
    }

    /// Without spaces, as banks' files write it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of four, as people read it.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Only the last four characters, for notices and logs.
    pub fn masked(&self) -> String {
        let tail: String = self
            .0
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("•••• {tail}")
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl From<Iban> for String {
    fn from(iban: Iban) -> String {
        iban.0
    }
}

impl TryFrom<String> for Iban {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Iban::parse(&text).ok_or_else(|| "not a valid IBAN".to_owned())
    }
}

/// A BIC (`NDEAFIHH`): 8 or 11 characters, the fifth and sixth a country.
pub fn valid_bic(bic: &str) -> bool {
    let b = bic.as_bytes();
    (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Who pays: the organiser, with its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debtor {
    pub name: String,
    /// The organiser's business id (`0123456-7`), which identifies it to the bank.
    pub business_id: String,
    pub iban: Iban,
    /// The account's bank, when configured; banks in SEPA find it from the IBAN otherwise.
    pub bic: Option<String>,
}

/// One payment to a producer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditTransfer {
    /// Identifies the payment end to end (the settlement's reference), at most 35 characters.
    pub end_to_end_id: String,
    pub creditor_name: String,
    pub creditor_iban: Iban,
    pub amount: Cents,
    /// What the producer's bank statement shows: the settlement's reference and month.
    pub remittance: String,
}

/// The payments of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentBatch {
    /// The file's own id, unique per organiser, at most 35 characters.
    pub message_id: String,
    pub created_at: OffsetDateTime,
    /// The day the bank is asked to pay.
    pub execution_date: Date,
    pub debtor: Debtor,
    pub transfers: Vec<CreditTransfer>,
}

/// Why a payment file could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentFileError {
    #[error("there is nothing to pay")]
    Empty,
    #[error("a payment is zero")]
    ZeroAmount,
    #[error("an id is empty or longer than 35 characters")]
    BadId,
    #[error("the XML could not be written")]
    Xml,
}

/// Euros with two decimals and a point (`1234.50`), as ISO 20022 writes amounts.
pub fn decimal_euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// `text` cut to `max` characters (not bytes), for the standard's text lengths.
fn at_most(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

pub mod pain001_03 {
    //! ISO 20022 `pain.001.001.03` (Customer Credit Transfer Initiation), one payment
    //! information block of SEPA credit transfers, as Finnish banks take it.

    use super::{at_most, decimal_euros, PaymentBatch, PaymentFileError};
    use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
    use quick_xml::Writer;
    use time::format_description::well_known::Rfc3339;

    /// The schema's namespace.
    pub const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    struct Xml(Writer<Vec<u8>>);

    impl Xml {
        fn event(&mut self, event: Event<'_>) -> Result<(), PaymentFileError> {
            self.0.write_event(event).map_err(|_| PaymentFileError::Xml)
        }
        fn open(&mut self, name: &str) -> Result<(), PaymentFileError> {
            self.event(Event::Start(BytesStart::new(name)))
        }
        fn close(&mut self, name: &str) -> Result<(), PaymentFileError> {
            self.event(Event::End(BytesEnd::new(name)))
        }
        /// `<name>text</name>`, the text escaped.
        fn leaf(&mut self, name: &str, text: &str) -> Result<(), PaymentFileError> {
            self.open(name)?;
            self.event(Event::Text(BytesText::new(text)))?;
            self.close(name)
        }
        fn amount(&mut self, name: &str, cents: i64) -> Result<(), PaymentFileError> {
            let mut start = BytesStart::new(name);
            start.push_attribute(("Ccy", "EUR"));
            self.event(Event::Start(start))?;
            self.event(Event::Text(BytesText::new(&decimal_euros(cents))))?;
            self.close(name)
        }
        fn iban_account(&mut self, name: &str, iban: &str) -> Result<(), PaymentFileError> {
            self.open(name)?;
            self.open("Id")?;
            self.leaf("IBAN", iban)?;
            self.close("Id")?;
            self.close(name)
        }
    }

    fn check_id(id: &str) -> Result<(), PaymentFileError> {
        if id.trim().is_empty() || id.chars().count() > 35 {
            Err(PaymentFileError::BadId)
        } else {
            Ok(())
        }
    }

    /// The file for `batch`: UTF-8 XML valid against the `pain.001.001.03` schema.
    pub fn write(batch: &PaymentBatch) -> Result<String, PaymentFileError> {
        if batch.transfers.is_empty() {
            return Err(PaymentFileError::Empty);
        }
        check_id(&batch.message_id)?;
        for transfer in &batch.transfers {
            check_id(&transfer.end_to_end_id)?;
            if transfer.amount.get() == 0 {
                return Err(PaymentFileError::ZeroAmount);
            }
        }
        let count = batch.transfers.len().to_string();
        let sum: i64 = batch.transfers.iter().map(|t| t.amount.get()).sum();
        // The standard's date-time has no offset requirement; UTC is written as such.
        let created = batch
            .created_at
            .replace_nanosecond(0)
            .unwrap_or(batch.created_at)
            .format(&Rfc3339)
            .map_err(|_| PaymentFileError::Xml)?;
        let debtor = &batch.debtor;
        let mut x = Xml(Writer::new_with_indent(Vec::new(), b' ', 2));
        x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut document = BytesStart::new("Document");
        document.push_attribute(("xmlns", NAMESPACE));
        x.event(Event::Start(document))?;
        x.open("CstmrCdtTrfInitn")?;

        x.open("GrpHdr")?;
        x.leaf("MsgId", &batch.message_id)?;
        x.leaf("CreDtTm", &created)?;
        x.leaf("NbOfTxs", &count)?;
        x.leaf("CtrlSum", &decimal_euros(sum))?;
        x.open("InitgPty")?;
        x.leaf("Nm", &at_most(&debtor.name, 70))?;
        x.open("Id")?;
        x.open("OrgId")?;
        x.open("Othr")?;
        x.leaf("Id", &debtor.business_id)?;
        x.open("SchmeNm")?;
        x.leaf("Cd", "BANK")?;
        x.close("SchmeNm")?;
        x.close("Othr")?;
        x.close("OrgId")?;
        x.close("Id")?;
        x.close("InitgPty")?;
        x.close("GrpHdr")?;

        x.open("PmtInf")?;
        x.leaf("PmtInfId", &batch.message_id)?;
        x.leaf("PmtMtd", "TRF")?;
        x.leaf("NbOfTxs", &count)?;
        x.leaf("CtrlSum", &decimal_euros(sum))?;
        x.open("PmtTpInf")?;
        x.open("SvcLvl")?;
        x.leaf("Cd", "SEPA")?;
        x.close("SvcLvl")?;
        x.close("PmtTpInf")?;
        x.leaf("ReqdExctnDt", &batch.execution_date.to_string())?;
        x.open("Dbtr")?;
        x.leaf("Nm", &at_most(&debtor.name, 70))?;
        x.close("Dbtr")?;
        x.iban_account("DbtrAcct", debtor.iban.as_str())?;
        x.open("DbtrAgt")?;
        x.open("FinInstnId")?;
        match &debtor.bic {
            Some(bic) => x.leaf("BIC", bic)?,
            None => {
                x.open("Othr")?;
                x.leaf("Id", "NOTPROVIDED")?;
                x.close("Othr")?;
            }
        }
        x.close("FinInstnId")?;
        x.close("DbtrAgt")?;
        x.leaf("ChrgBr", "SLEV")?;
        for transfer in &batch.transfers {
            x.open("CdtTrfTxInf")?;
            x.open("PmtId")?;
            x.leaf("EndToEndId", &transfer.end_to_end_id)?;
            x.close("PmtId")?;
            x.open("Amt")?;
            x.amount("InstdAmt", transfer.amount.get())?;
            x.close("Amt")?;
            x.open("Cdtr")?;
            x.leaf("Nm", &at_most(&transfer.creditor_name, 70))?;
            x.close("Cdtr")?;
            x.iban_account("CdtrAcct", transfer.creditor_iban.as_str())?;
            x.open("RmtInf")?;
            x.leaf("Ustrd", &at_most(&transfer.remittance, 140))?;
            x.close("RmtInf")?;
            x.close("CdtTrfTxInf")?;
        }
        x.close("PmtInf")?;
        x.close("CstmrCdtTrfInitn")?;
        x.close("Document")?;
        String::from_utf8(x.0.into_inner()).map_err(|_| PaymentFileError::Xml)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn an_iban_is_checked_by_its_country_format_and_mod_97() {
        let iban = Iban::parse("fi21 1234 5600 0007 85").unwrap();
        assert_eq!(iban.as_str(), "FI2112345600000785");
        assert_eq!(iban.grouped(), "FI21 1234 5600 0007 85");
        assert_eq!(iban.masked(), "•••• 0785");
        assert_eq!(iban.to_string(), "FI21 1234 5600 0007 85");
        assert_eq!(String::from(iban.clone()), "FI2112345600000785");
        assert_eq!(
            serde_json::to_string(&iban).unwrap(),
            "\"FI2112345600000785\""
        );
        for bad in [
            "FI2112345600000786",
            "FI211234560000078",
            "XX2112345600000785",
            "",
            "FI21",
        ] {
            assert_eq!(Iban::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_bic_has_eight_or_eleven_characters() {
        assert!(valid_bic("NDEAFIHH") && valid_bic("OKOYFIHHXXX"));
        assert!(!valid_bic("NDEAFIH") && !valid_bic("ndeafihh") && !valid_bic("NDEA1IHH"));
    }

    pub(crate) fn batch() -> PaymentBatch {
        PaymentBatch {
            message_id: "SETELI-ita-uusimaa-2026-10-1".into(),
            created_at: datetime!(2026-11-06 09:30:12.5 UTC),
            execution_date: date!(2026 - 11 - 10),
            debtor: Debtor {
                name: "Itä-Uudenmaan hyvinvointialue & co <test>".into(),
                business_id: "3221331-4".into(),
                iban: Iban::parse("FI21 1234 5600 0007 85").unwrap(),
                bic: None,
            },
            transfers: vec![CreditTransfer {
                end_to_end_id: "S-2026-10-17".into(),
                creditor_name: "Hoivapalvelu Aurinko Oy".into(),
                creditor_iban: Iban::parse("FI69 4055 0010 2001 23").unwrap(),
                amount: Cents::new(123_450).unwrap(),
                remittance: "Palveluseteli 2026-10 tilitys S-2026-10-17".into(),
            }],
        }
    }

    #[test]
    fn the_file_sums_its_payments_and_escapes_names() {
        let xml = pain001_03::write(&batch()).unwrap();
        assert!(xml.contains("<NbOfTxs>1</NbOfTxs>"));
        assert!(xml.contains("<CtrlSum>1234.50</CtrlSum>"));
        assert!(xml.contains(r#"<InstdAmt Ccy="EUR">1234.50</InstdAmt>"#));
        assert!(xml.contains("&amp; co &lt;test&gt;"));
        assert!(xml.contains("<CreDtTm>2026-11-06T09:30:12Z</CreDtTm>"));
        assert_eq!(decimal_euros(5), "0.05");
    }

    #[test]
    fn nothing_to_pay_or_a_zero_payment_writes_no_file() {
        let mut empty = batch();
        empty.transfers.clear();
        assert_eq!(pain001_03::write(&empty), Err(PaymentFileError::Empty));
        let mut zero = batch();
        zero.transfers[0].amount = Cents::ZERO;
        assert_eq!(pain001_03::write(&zero), Err(PaymentFileError::ZeroAmount));
        let mut long = batch();
        long.message_id = "x".repeat(36);
        assert_eq!(pain001_03::write(&long), Err(PaymentFileError::BadId));
        long.message_id = "x".repeat(35);
        assert!(
            pain001_03::write(&long).is_ok(),
            "35 characters is the standard's most"
        );
    }
}
