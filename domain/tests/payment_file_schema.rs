//! The bank's payment file validates against the ISO 20022 `pain.001.001.03` schema
//! (`tests/fixtures/pain.001.001.03.xsd`, as published in the ISO 20022 message catalogue),
//! checked by `xmllint` (Debian's `libxml2-utils`, which `cargo xtask test` installs).

use seteli_domain::money::Cents;
use seteli_domain::payment_file::{pain001_03, CreditTransfer, Debtor, Iban, PaymentBatch};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use time::macros::{date, datetime};

/// `xmllint --schema` over `xml`: `Ok` when valid, the complaints otherwise.
fn validate(xml: &str) -> Result<(), String> {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pain.001.001.03.xsd");
    let mut child = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xmllint (Debian's libxml2-utils) runs; `cargo xtask test` installs it");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(xml.as_bytes())
        .expect("the file reaches xmllint");
    let out = child.wait_with_output().expect("xmllint finishes");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn transfer(n: u32, cents: i64, name: &str, iban: &str) -> CreditTransfer {
    CreditTransfer {
        end_to_end_id: format!("S-2026-10-{n}"),
        creditor_name: name.into(),
        creditor_iban: Iban::parse(iban).unwrap(),
        amount: Cents::new(cents).unwrap(),
        remittance: format!("Palveluseteli 2026-10, tilitys S-2026-10-{n}"),
    }
}

fn batch(bic: Option<&str>) -> PaymentBatch {
    PaymentBatch {
        message_id: "SETELI-ita-uusimaa-2026-10-1".into(),
        created_at: datetime!(2026-11-06 09:30:12 UTC),
        execution_date: date!(2026 - 11 - 10),
        debtor: Debtor {
            name: "Itä-Uudenmaan hyvinvointialue".into(),
            business_id: "3221331-4".into(),
            iban: Iban::parse("FI21 1234 5600 0007 85").unwrap(),
            bic: bic.map(str::to_owned),
        },
        transfers: vec![
            transfer(
                17,
                123_450,
                "Hoivapalvelu Aurinko Oy",
                "FI69 4055 0010 2001 23",
            ),
            transfer(18, 5, "Åkerö & Söner Ab <Borgå>", "FI46 1020 3000 0123 45"),
        ],
    }
}

#[test]
fn the_payment_file_is_valid_pain_001_001_03_with_and_without_the_banks_bic() {
    for bic in [Some("NDEAFIHH"), None] {
        let xml = pain001_03::write(&batch(bic)).unwrap();
        assert_eq!(validate(&xml), Ok(()), "{xml}");
    }
}

#[test]
fn the_schema_check_catches_a_broken_file() {
    let xml = pain001_03::write(&batch(None)).unwrap();
    // An amount without its currency is not a payment.
    let broken = xml.replacen(r#" Ccy="EUR""#, "", 1);
    assert!(validate(&broken).is_err());
}
