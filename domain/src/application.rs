//! The rules of a producer's application for approval (`../shared/docs/municipality.md` §2):
//! what a draft may hold, what a submitted application must have, which files may be
//! attached, what a handler's request for more information and a supervision step need.
//! No I/O: the edge applies these and the app checks its forms with them early.

use crate::catalogue::Unit;
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::desk::FieldError;
use crate::error::ErrorCode;
use crate::ids::ProducerId;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// The largest attachment, in bytes (5 MiB). The upload route's own body limit; every other
/// route keeps the API's 64 KiB.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
/// Most files one case may carry.
pub const MAX_ATTACHMENTS: usize = 30;
/// Longest description (each language), in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 4000;
/// Longest short text (an area list, a contact field, a note), in characters.
pub const SHORT_MAX_CHARS: usize = 1000;
/// Longest comment on a step (a reason, a note), in characters.
pub const COMMENT_MAX_CHARS: usize = 2000;
/// Most items a request for more information lists, and the longest item.
pub const MAX_MISSING_ITEMS: usize = 20;
pub const MISSING_ITEM_MAX_CHARS: usize = 300;
/// The latest deadline a handler may set, in days from today.
pub const MAX_DEADLINE_DAYS: i64 = 90;
/// The applicant is reminded this many days before the deadline.
pub const REMINDER_DAYS_BEFORE: i64 = 2;

/// A file type Seteli accepts as an attachment: PDF or an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttachmentType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
}

impl AttachmentType {
    /// The type the bytes are, by their content (never by the file's name or the type the
    /// browser claimed); `None` for anything but PDF, PNG and JPEG.
    pub fn sniff(bytes: &[u8]) -> Option<AttachmentType> {
        match infer::get(bytes)?.mime_type() {
            "application/pdf" => Some(AttachmentType::Pdf),
            "image/png" => Some(AttachmentType::Png),
            "image/jpeg" => Some(AttachmentType::Jpeg),
            _ => None,
        }
    }

    /// The media type, as stored and served.
    pub fn mime(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "application/pdf",
            AttachmentType::Png => "image/png",
            AttachmentType::Jpeg => "image/jpeg",
        }
    }

    pub fn parse(mime: &str) -> Option<AttachmentType> {
        [
            AttachmentType::Pdf,
            AttachmentType::Png,
            AttachmentType::Jpeg,
        ]
        .into_iter()
        .find(|t| t.mime() == mime)
    }
}

/// Why an attachment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentError {
    /// Empty, or over [`MAX_ATTACHMENT_BYTES`].
    Size,
    /// Not a PDF, PNG or JPEG by its content.
    Type,
    /// No usable file name.
    Name,
}

/// A file's name as it is kept and offered for download: the last path segment, without
/// control characters or quotes, at most 200 characters; `None` when nothing is left.
pub fn clean_file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    (!cleaned.is_empty() && cleaned != "." && cleaned != "..").then_some(cleaned)
}

/// Checks an attachment: its size, its type by content and its name.
pub fn check_attachment(
    bytes: &[u8],
    name: &str,
) -> Result<(AttachmentType, String), AttachmentError> {
    if bytes.is_empty() || bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentError::Size);
    }
    let kind = AttachmentType::sniff(bytes).ok_or(AttachmentError::Type)?;
    let name = clean_file_name(name).ok_or(AttachmentError::Name)?;
    Ok((kind, name))
}

/// An applicant's answer to one checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The requirement is met (backed by an attachment where the item asks for one).
    Met,
    /// Not yet met; the note says when or why.
    NotYet,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Met => "met",
            Answer::NotYet => "not_yet",
        }
    }
    pub fn parse(input: &str) -> Option<Answer> {
        match input {
            "met" => Some(Answer::Met),
            "not_yet" => Some(Answer::NotYet),
            _ => None,
        }
    }
}

/// One item of the organiser's checklist for a service in a municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub code: String,
    /// Whether a "met" answer must be backed by an attachment.
    pub needs_attachment: bool,
    /// The item as the applicant reads it, in their language.
    pub label: String,
}

fn invalid(field: &'static str) -> FieldError {
    FieldError {
        code: ErrorCode::InvalidApplication,
        field,
    }
}

fn incomplete(field: &'static str) -> FieldError {
    FieldError {
        code: ErrorCode::ApplicationIncomplete,
        field,
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// What any saved draft must respect: lengths, no service twice, no price below zero, known
/// languages, answers to items of the checklist only. A draft may be unfinished.
pub fn check_draft(form: &ApplicationForm, requirements: &[Requirement]) -> Result<(), FieldError> {
    let mut seen = std::collections::BTreeSet::new();
    for service in &form.services {
        if !seen.insert(service.service_code.clone()) {
            return Err(invalid("services"));
        }
    }
    if chars(&form.description_fi) > DESCRIPTION_MAX_CHARS {
        return Err(invalid("description_fi"));
    }
    if chars(&form.description_sv) > DESCRIPTION_MAX_CHARS {
        return Err(invalid("description_sv"));
    }
    if form.languages.len() > 20
        || form
            .languages
            .iter()
            .any(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(invalid("languages"));
    }
    let short = [
        (&form.areas, "areas"),
        (&form.street_address, "street_address"),
        (&form.postal_code, "postal_code"),
        (&form.post_office, "post_office"),
        (&form.phone, "phone"),
        (&form.email, "email"),
        (&form.website, "website"),
    ];
    for (value, field) in short {
        if chars(value) > SHORT_MAX_CHARS {
            return Err(invalid(field));
        }
    }
    let mut answered = std::collections::BTreeSet::new();
    for answer in &form.answers {
        if !requirements.iter().any(|r| r.code == answer.code)
            || !answered.insert(answer.code.as_str())
            || chars(&answer.note) > SHORT_MAX_CHARS
        {
            return Err(invalid("answers"));
        }
    }
    Ok(())
}

/// What a sent application must have, on top of [`check_draft`]: at least one service, each
/// with a unit, a price and a first day no earlier than `earliest` (the day it is sent; for
/// an answer or an approval later, the day it was first sent); descriptions in Finnish and
/// Swedish; languages served; areas; an address, a phone and an e-mail; every checklist item
/// answered, a "met" item that asks for a file backed by one (`attached`: the items with at
/// least one file), and a "not yet" item explained. Checked when the applicant sends or
/// answers, and again before approval publishes it.
pub fn check_complete(
    form: &ApplicationForm,
    requirements: &[Requirement],
    attached: &[&str],
    earliest: Date,
) -> Result<(), FieldError> {
    check_draft(form, requirements)?;
    if form.services.is_empty() {
        return Err(incomplete("services"));
    }
    for service in &form.services {
        match (service.unit, service.price_cents, service.valid_from) {
            (Some(_), Some(_), Some(from)) if from >= earliest => {}
            _ => return Err(incomplete("services")),
        }
    }
    let required = [
        (&form.description_fi, "description_fi"),
        (&form.description_sv, "description_sv"),
        (&form.areas, "areas"),
        (&form.street_address, "street_address"),
        (&form.postal_code, "postal_code"),
        (&form.post_office, "post_office"),
        (&form.phone, "phone"),
    ];
    for (value, field) in required {
        if value.trim().is_empty() {
            return Err(incomplete(field));
        }
    }
    if form.languages.is_empty() {
        return Err(incomplete("languages"));
    }
    let email = form.email.trim();
    if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
        return Err(incomplete("email"));
    }
    for requirement in requirements {
        let answer = form.answers.iter().find(|a| a.code == requirement.code);
        match answer.map(|a| (a.answer, a.note.trim().is_empty())) {
            Some((Answer::Met, _))
                if !requirement.needs_attachment
                    || attached.contains(&requirement.code.as_str()) => {}
            Some((Answer::NotYet, false)) => {}
            _ => return Err(incomplete("answers")),
        }
    }
    Ok(())
}

/// A handler's request for more information: one to [`MAX_MISSING_ITEMS`] items, each
/// 1–[`MISSING_ITEM_MAX_CHARS`] characters, a deadline after `today` and at most
/// [`MAX_DEADLINE_DAYS`] ahead. The items, trimmed.
pub fn check_ask(ask: &AskForMore, today: Date) -> Result<Vec<String>, FieldError> {
    let items: Vec<String> = ask
        .missing
        .iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty()
        || items.len() > MAX_MISSING_ITEMS
        || items.iter().any(|i| chars(i) > MISSING_ITEM_MAX_CHARS)
    {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "missing",
        });
    }
    if ask.deadline <= today || ask.deadline > today + Duration::days(MAX_DEADLINE_DAYS) {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "deadline",
        });
    }
    check_comment(&ask.comment)?;
    Ok(items)
}

/// A step's comment: at most [`COMMENT_MAX_CHARS`] characters.
pub fn check_comment(comment: &str) -> Result<(), FieldError> {
    if chars(comment) > COMMENT_MAX_CHARS {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "comment",
        });
    }
    Ok(())
}

/// A rejection states its reasons (the applicant may appeal them).
pub fn check_reasons(comment: &str) -> Result<(), FieldError> {
    check_comment(comment)?;
    if comment.trim().is_empty() {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "comment",
        });
    }
    Ok(())
}

/// Whether the applicant is to be reminded on `today` of a `deadline`: from
/// [`REMINDER_DAYS_BEFORE`] days before it until it passes.
pub fn remind_on(deadline: Date, today: Date) -> bool {
    today < deadline && deadline - today <= Duration::days(REMINDER_DAYS_BEFORE)
}

/// Whether a deadline has passed on `today` (the day itself still counts).
pub fn overdue(deadline: Date, today: Date) -> bool {
    deadline < today
}

/// An approval's state under supervision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Suspended,
    Withdrawn,
    Rejected,
}

impl ApprovalStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalStatus::Pending => "pending",
            ApprovalStatus::Approved => "approved",
            ApprovalStatus::Suspended => "suspended",
            ApprovalStatus::Withdrawn => "withdrawn",
            ApprovalStatus::Rejected => "rejected",
        }
    }
    pub fn parse(input: &str) -> Option<ApprovalStatus> {
        [
            ApprovalStatus::Pending,
            ApprovalStatus::Approved,
            ApprovalStatus::Suspended,
            ApprovalStatus::Withdrawn,
            ApprovalStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.as_str() == input)
    }
}

/// The approval's state after a supervision step, or why the step is refused: suspending
/// and withdrawing need an approval in force (a suspended one may also be withdrawn) and a
/// reason; a suspension's last day, when given, is after `today`; lifting needs a
/// suspension. A withdrawal is final: a new application starts again.
pub fn supervise(
    current: ApprovalStatus,
    step: &Supervise,
    today: Date,
) -> Result<ApprovalStatus, FieldError> {
    let wrong_state = FieldError {
        code: ErrorCode::ApprovalWrongState,
        field: "step",
    };
    check_comment(&step.reason)?;
    let needs_reason = !matches!(step.step, SupervisionStep::Lift);
    if needs_reason && step.reason.trim().is_empty() {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "reason",
        });
    }
    match (current, &step.step) {
        (ApprovalStatus::Approved, SupervisionStep::Suspend { until }) => {
            if until.is_some_and(|d| d <= today) {
                return Err(FieldError {
                    code: ErrorCode::InvalidCaseStep,
                    field: "until",
                });
            }
            Ok(ApprovalStatus::Suspended)
        }
        (ApprovalStatus::Approved | ApprovalStatus::Suspended, SupervisionStep::Withdraw) => {
            Ok(ApprovalStatus::Withdrawn)
        }
        (ApprovalStatus::Suspended, SupervisionStep::Lift) => Ok(ApprovalStatus::Approved),
        _ => Err(wrong_state),
    }
}

/// Whether a suspension with last day `until` has ended on `today` (the scheduled job then
/// lifts it).
pub fn suspension_ended(until: Date, today: Date) -> bool {
    until < today
}

/// A service applied for with its price (the price list). Unset fields are allowed in a
/// draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePrice {
    pub service_code: ServiceCode,
    #[serde(default)]
    pub unit: Option<Unit>,
    #[serde(default)]
    pub price_cents: Option<Cents>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub valid_from: Option<Date>,
}

/// The applicant's answer to one checklist item, by the item's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementAnswer {
    pub code: String,
    pub answer: Answer,
    #[serde(default)]
    pub note: String,
}

/// `POST /api/producer/applications/{id}`: what the applicant writes (saved as it is in a
/// draft; checked whole on submitting).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub services: Vec<ServicePrice>,
    #[serde(default)]
    pub description_fi: String,
    #[serde(default)]
    pub description_sv: String,
    /// ISO 639-1 codes of the languages served.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Where the company serves (districts, postal codes), free text.
    #[serde(default)]
    pub areas: String,
    #[serde(default)]
    pub street_address: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub post_office: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub answers: Vec<RequirementAnswer>,
}

impl ApplicationForm {
    /// The services applied for, in the form's order.
    pub fn service_codes(&self) -> Vec<ServiceCode> {
        self.services
            .iter()
            .map(|s| s.service_code.clone())
            .collect()
    }
}

/// `POST /api/staff/applications/{id}/ask`: more information needed, by a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskForMore {
    pub missing: Vec<String>,
    #[serde(with = "crate::clock::wire_date")]
    pub deadline: Date,
    #[serde(default)]
    pub comment: String,
}

/// A supervision step on one approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SupervisionStep {
    /// Until the day `until` (inclusive), or until lifted.
    Suspend {
        #[serde(default, with = "crate::clock::wire_date::option")]
        until: Option<Date>,
    },
    Withdraw,
    Lift,
}

/// `POST /api/staff/approvals/supervise`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervise {
    pub producer_id: ProducerId,
    pub municipality_code: MunicipalityCode,
    pub service_code: ServiceCode,
    pub step: SupervisionStep,
    #[serde(default)]
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);

    fn checklist() -> Vec<Requirement> {
        vec![
            Requirement {
                code: "insurance".into(),
                needs_attachment: true,
                label: "Vastuuvakuutus".into(),
            },
            Requirement {
                code: "self_monitoring".into(),
                needs_attachment: true,
                label: "Omavalvontasuunnitelma".into(),
            },
            Requirement {
                code: "register".into(),
                needs_attachment: false,
                label: "Rekisteröinti".into(),
            },
        ]
    }

    fn complete() -> ApplicationForm {
        ApplicationForm {
            services: vec![ServicePrice {
                service_code: ServiceCode::parse("cleaning").unwrap(),
                unit: Some(Unit::Hour),
                price_cents: Some(Cents::new(3900).unwrap()),
                valid_from: Some(date!(2026 - 12 - 01)),
            }],
            description_fi: "Kotisiivousta Porvoossa.".into(),
            description_sv: "Hemstädning i Borgå.".into(),
            languages: vec!["fi".into(), "sv".into()],
            areas: "Porvoo".into(),
            street_address: "Mannerheiminkatu 1".into(),
            postal_code: "06100".into(),
            post_office: "Porvoo".into(),
            phone: "+358 40 123 4567".into(),
            email: "info@kirkas.example".into(),
            website: String::new(),
            answers: vec![
                RequirementAnswer {
                    code: "insurance".into(),
                    answer: Answer::Met,
                    note: String::new(),
                },
                RequirementAnswer {
                    code: "self_monitoring".into(),
                    answer: Answer::NotYet,
                    note: "Valmistuu joulukuussa".into(),
                },
                RequirementAnswer {
                    code: "register".into(),
                    answer: Answer::Met,
                    note: String::new(),
                },
            ],
        }
    }

    fn refused_field(result: Result<(), FieldError>) -> (ErrorCode, &'static str) {
        let e = result.unwrap_err();
        (e.code, e.field)
    }

    #[test]
    fn a_complete_application_with_its_files_may_be_sent() {
        assert_eq!(
            check_complete(&complete(), &checklist(), &["insurance"], TODAY),
            Ok(())
        );
    }

    #[test]
    fn an_item_met_that_asks_for_a_file_needs_one_and_not_yet_needs_a_note() {
        assert_eq!(
            refused_field(check_complete(&complete(), &checklist(), &[], TODAY)),
            (ErrorCode::ApplicationIncomplete, "answers")
        );
        let mut form = complete();
        form.answers[1].note = "  ".into();
        assert_eq!(
            refused_field(check_complete(&form, &checklist(), &["insurance"], TODAY)),
            (ErrorCode::ApplicationIncomplete, "answers")
        );
        form.answers.remove(1);
        assert_eq!(
            refused_field(check_complete(&form, &checklist(), &["insurance"], TODAY)),
            (ErrorCode::ApplicationIncomplete, "answers")
        );
    }

    #[test]
    fn every_service_needs_a_unit_a_price_and_a_first_day_not_in_the_past() {
        for change in [
            |s: &mut ServicePrice| s.unit = None,
            |s: &mut ServicePrice| s.price_cents = None,
            |s: &mut ServicePrice| s.valid_from = None,
            |s: &mut ServicePrice| s.valid_from = Some(date!(2026 - 11 - 20)),
        ] {
            let mut form = complete();
            change(&mut form.services[0]);
            assert_eq!(
                refused_field(check_complete(&form, &checklist(), &["insurance"], TODAY)),
                (ErrorCode::ApplicationIncomplete, "services")
            );
        }
        let mut today = complete();
        today.services[0].valid_from = Some(TODAY);
        assert!(check_complete(&today, &checklist(), &["insurance"], TODAY).is_ok());
        let mut none = complete();
        none.services.clear();
        assert_eq!(
            refused_field(check_complete(&none, &checklist(), &["insurance"], TODAY)),
            (ErrorCode::ApplicationIncomplete, "services")
        );
    }

    #[test]
    fn both_descriptions_languages_and_contacts_are_needed_to_send() {
        type Change = fn(&mut ApplicationForm);
        let cases: [(Change, &str); 5] = [
            (|f| f.description_sv.clear(), "description_sv"),
            (|f| f.languages.clear(), "languages"),
            (|f| f.phone = " ".into(), "phone"),
            (|f| f.email = "info.example".into(), "email"),
            (|f| f.areas.clear(), "areas"),
        ];
        for (change, field) in cases {
            let mut form = complete();
            change(&mut form);
            assert_eq!(
                refused_field(check_complete(&form, &checklist(), &["insurance"], TODAY)),
                (ErrorCode::ApplicationIncomplete, field)
            );
            // A draft may be unfinished.
            assert_eq!(check_draft(&form, &checklist()), Ok(()));
        }
    }

    #[test]
    fn a_draft_refuses_what_no_form_may_hold() {
        let mut twice = complete();
        twice.services.push(twice.services[0].clone());
        assert_eq!(
            refused_field(check_draft(&twice, &checklist())),
            (ErrorCode::InvalidApplication, "services")
        );
        let mut unknown = complete();
        unknown.answers[0].code = "bribe".into();
        assert_eq!(
            refused_field(check_draft(&unknown, &checklist())),
            (ErrorCode::InvalidApplication, "answers")
        );
        let mut long = complete();
        long.description_fi = "x".repeat(DESCRIPTION_MAX_CHARS + 1);
        assert_eq!(
            refused_field(check_draft(&long, &checklist())),
            (ErrorCode::InvalidApplication, "description_fi")
        );
        let mut exactly = complete();
        exactly.description_fi = "ä".repeat(DESCRIPTION_MAX_CHARS);
        assert_eq!(check_draft(&exactly, &checklist()), Ok(()));
        let mut language = complete();
        language.languages = vec!["FIN".into()];
        assert_eq!(
            refused_field(check_draft(&language, &checklist())),
            (ErrorCode::InvalidApplication, "languages")
        );
    }

    #[test]
    fn files_are_recognised_by_content_not_by_name() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec();
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13].to_vec();
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'].to_vec();
        assert_eq!(
            check_attachment(&pdf, "vakuutus.pdf"),
            Ok((AttachmentType::Pdf, "vakuutus.pdf".into()))
        );
        assert_eq!(
            check_attachment(&png, "C:\\temp\\kuva.png").map(|r| r.1),
            Ok("kuva.png".into())
        );
        assert_eq!(
            check_attachment(&jpeg, "x.jpg").map(|r| r.0),
            Ok(AttachmentType::Jpeg)
        );
        // A script named like a PDF is not one.
        assert_eq!(
            check_attachment(b"<script>alert(1)</script>", "vakuutus.pdf"),
            Err(AttachmentError::Type)
        );
        assert_eq!(check_attachment(b"", "a.pdf"), Err(AttachmentError::Size));
        let mut big = pdf.clone();
        big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(check_attachment(&big, "a.pdf"), Err(AttachmentError::Size));
        big.truncate(MAX_ATTACHMENT_BYTES);
        assert!(check_attachment(&big, "a.pdf").is_ok());
        assert_eq!(check_attachment(&pdf, "../"), Err(AttachmentError::Name));
        assert_eq!(
            clean_file_name("a\"b;c\u{7}.pdf").as_deref(),
            Some("abc.pdf")
        );
    }

    #[test]
    fn a_request_for_more_names_items_and_a_deadline_ahead() {
        let ask = |missing: Vec<&str>, deadline| AskForMore {
            missing: missing.into_iter().map(String::from).collect(),
            deadline,
            comment: String::new(),
        };
        assert_eq!(
            check_ask(
                &ask(vec![" Omavalvontasuunnitelma "], date!(2026 - 12 - 05)),
                TODAY
            ),
            Ok(vec!["Omavalvontasuunnitelma".to_owned()])
        );
        assert_eq!(
            check_ask(&ask(vec!["  "], date!(2026 - 12 - 05)), TODAY)
                .unwrap_err()
                .field,
            "missing"
        );
        assert_eq!(
            check_ask(&ask(vec!["x"], TODAY), TODAY).unwrap_err().field,
            "deadline"
        );
        assert!(check_ask(
            &ask(vec!["x"], TODAY + Duration::days(MAX_DEADLINE_DAYS)),
            TODAY
        )
        .is_ok());
        assert_eq!(
            check_ask(
                &ask(vec!["x"], TODAY + Duration::days(MAX_DEADLINE_DAYS + 1)),
                TODAY
            )
            .unwrap_err()
            .field,
            "deadline"
        );
    }

    #[test]
    fn reminders_come_two_days_before_and_a_deadline_counts_its_own_day() {
        let deadline = date!(2026 - 12 - 05);
        assert!(!remind_on(deadline, date!(2026 - 12 - 02)));
        assert!(remind_on(deadline, date!(2026 - 12 - 03)));
        assert!(remind_on(deadline, date!(2026 - 12 - 04)));
        assert!(!remind_on(deadline, deadline));
        assert!(!overdue(deadline, deadline));
        assert!(overdue(deadline, date!(2026 - 12 - 06)));
    }

    fn step(step: SupervisionStep, reason: &str) -> Supervise {
        Supervise {
            producer_id: crate::ids::ProducerId::parse("1").unwrap(),
            municipality_code: crate::MunicipalityCode::parse("638").unwrap(),
            service_code: ServiceCode::parse("cleaning").unwrap(),
            step,
            reason: reason.into(),
        }
    }

    #[test]
    fn supervision_moves_only_the_way_the_model_allows() {
        use ApprovalStatus::*;
        let suspend = |until| {
            step(
                SupervisionStep::Suspend { until },
                "Valvontakäynnin havainnot",
            )
        };
        assert_eq!(supervise(Approved, &suspend(None), TODAY), Ok(Suspended));
        assert_eq!(
            supervise(Approved, &suspend(Some(date!(2026 - 11 - 22))), TODAY),
            Ok(Suspended)
        );
        assert_eq!(
            supervise(Approved, &suspend(Some(TODAY)), TODAY)
                .unwrap_err()
                .field,
            "until"
        );
        let withdraw = step(SupervisionStep::Withdraw, "Toistuvat puutteet");
        assert_eq!(supervise(Approved, &withdraw, TODAY), Ok(Withdrawn));
        assert_eq!(supervise(Suspended, &withdraw, TODAY), Ok(Withdrawn));
        let lift = step(SupervisionStep::Lift, "");
        assert_eq!(supervise(Suspended, &lift, TODAY), Ok(Approved));
        for (from, s) in [
            (Withdrawn, &lift),
            (Approved, &lift),
            (Withdrawn, &withdraw),
            (Pending, &withdraw),
            (Rejected, &suspend(None)),
            (Suspended, &suspend(None)),
        ] {
            assert_eq!(
                supervise(from, s, TODAY).unwrap_err().code,
                ErrorCode::ApprovalWrongState,
                "{from:?}"
            );
        }
        assert_eq!(
            supervise(Approved, &step(SupervisionStep::Withdraw, " "), TODAY)
                .unwrap_err()
                .field,
            "reason"
        );
        assert!(suspension_ended(TODAY, date!(2026 - 11 - 22)));
        assert!(!suspension_ended(TODAY, TODAY));
        for status in [Pending, Approved, Suspended, Withdrawn, Rejected] {
            assert_eq!(ApprovalStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(Answer::parse(Answer::NotYet.as_str()), Some(Answer::NotYet));
        assert_eq!(
            AttachmentType::parse(AttachmentType::Png.mime()),
            Some(AttachmentType::Png)
        );
    }

    #[test]
    fn every_limit_holds_at_its_bound_and_refuses_one_more() {
        type Set = fn(&mut ApplicationForm, String);
        let fields: [(Set, usize, &str); 9] = [
            (
                |f, v| f.description_fi = v,
                DESCRIPTION_MAX_CHARS,
                "description_fi",
            ),
            (
                |f, v| f.description_sv = v,
                DESCRIPTION_MAX_CHARS,
                "description_sv",
            ),
            (|f, v| f.areas = v, SHORT_MAX_CHARS, "areas"),
            (
                |f, v| f.street_address = v,
                SHORT_MAX_CHARS,
                "street_address",
            ),
            (|f, v| f.postal_code = v, SHORT_MAX_CHARS, "postal_code"),
            (|f, v| f.post_office = v, SHORT_MAX_CHARS, "post_office"),
            (|f, v| f.phone = v, SHORT_MAX_CHARS, "phone"),
            (|f, v| f.email = v, SHORT_MAX_CHARS, "email"),
            (|f, v| f.website = v, SHORT_MAX_CHARS, "website"),
        ];
        for (set, max, field) in fields {
            let mut at = complete();
            set(&mut at, "å".repeat(max));
            assert_eq!(check_draft(&at, &checklist()), Ok(()), "{field}");
            let mut over = complete();
            set(&mut over, "å".repeat(max + 1));
            assert_eq!(
                refused_field(check_draft(&over, &checklist())),
                (ErrorCode::InvalidApplication, field)
            );
        }
        let mut note = complete();
        note.answers[0].note = "n".repeat(SHORT_MAX_CHARS);
        assert_eq!(check_draft(&note, &checklist()), Ok(()));
        note.answers[0].note.push('n');
        assert_eq!(refused_field(check_draft(&note, &checklist())).1, "answers");
        let mut twice = complete();
        twice.answers.push(twice.answers[0].clone());
        assert_eq!(
            refused_field(check_draft(&twice, &checklist())).1,
            "answers"
        );
        let mut many = complete();
        many.languages = (0..20)
            .map(|i| format!("a{}", (b'a' + i) as char))
            .collect();
        assert_eq!(check_draft(&many, &checklist()), Ok(()));
        many.languages.push("zz".into());
        assert_eq!(
            refused_field(check_draft(&many, &checklist())).1,
            "languages"
        );
        for bad in ["f", "FI", "fin"] {
            let mut form = complete();
            form.languages = vec![bad.into()];
            assert_eq!(
                refused_field(check_draft(&form, &checklist())).1,
                "languages",
                "{bad}"
            );
        }
        for email in ["@kirkas.example", "info@", "info.kirkas.example"] {
            let mut form = complete();
            form.email = email.into();
            assert_eq!(
                refused_field(check_complete(&form, &checklist(), &["insurance"], TODAY)).1,
                "email",
                "{email}"
            );
        }
        assert_eq!(
            MAX_ATTACHMENT_BYTES, 5_242_880,
            "the attachments table's CHECK"
        );
        assert_eq!(Answer::parse("met"), Some(Answer::Met));
        assert_eq!(Answer::parse("maybe"), None);
    }

    #[test]
    fn a_request_and_a_comment_hold_at_their_bounds() {
        let deadline = date!(2026 - 12 - 05);
        let ask = |missing: Vec<String>, comment: String| AskForMore {
            missing,
            deadline,
            comment,
        };
        let items = |n: usize, len: usize| (0..n).map(|_| "x".repeat(len)).collect::<Vec<_>>();
        assert!(check_ask(
            &ask(
                items(MAX_MISSING_ITEMS, MISSING_ITEM_MAX_CHARS),
                String::new()
            ),
            TODAY
        )
        .is_ok());
        for (n, len) in [(MAX_MISSING_ITEMS + 1, 1), (1, MISSING_ITEM_MAX_CHARS + 1)] {
            assert_eq!(
                check_ask(&ask(items(n, len), String::new()), TODAY)
                    .unwrap_err()
                    .field,
                "missing"
            );
        }
        let long = "c".repeat(COMMENT_MAX_CHARS + 1);
        assert_eq!(
            check_ask(&ask(items(1, 5), long.clone()), TODAY)
                .unwrap_err()
                .field,
            "comment"
        );
        assert_eq!(check_comment(&"c".repeat(COMMENT_MAX_CHARS)), Ok(()));
        assert_eq!(check_comment(&long).unwrap_err().field, "comment");
        assert_eq!(
            check_reasons("  ").unwrap_err().code,
            ErrorCode::InvalidCaseStep
        );
        assert_eq!(check_reasons(&long).unwrap_err().field, "comment");
        assert_eq!(check_reasons("Vakuutus puuttuu."), Ok(()));
    }
}
