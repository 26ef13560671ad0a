//! The organiser's own e-authorisations: `/api/staff/authorisations..`,
//! `/api/staff/authorisation-orders..` and `/api/staff/authorisation-holdings..`.

use super::{get_in, post};
use seteli_domain::api::applications::HandOver;
use seteli_domain::api::applications::StepComment;
use seteli_domain::api::authorisations::{
    AuthorisationCatalogue, AuthorisationEntry, AuthorisationId, AuthorisationMap,
    AuthorisationReport, DoneInValtuudet, DvvGranted, EndHolding, HoldingId, HoldingView,
    HoldingsImport, HoldingsImportChecked, HoldingsRegister, Leaving, MapBy, MyAuthorisations,
    NewHolding, OrderForm, OrderSent, OrderSummary, OrderView, SetMap, WaitDvv,
};
use seteli_domain::authorisation::AuthorisationForm;
use seteli_domain::ids::CaseId;
use seteli_domain::settlement::Month;
use seteli_domain::{ApiError, Lang};
use time::Date;

/// `GET /api/staff/authorisations`.
pub async fn catalogue(lang: Lang) -> Result<AuthorisationCatalogue, ApiError> {
    get_in("/api/staff/authorisations", lang).await
}

/// The address of the map of department or job title `code`.
fn map_path(by: MapBy, code: &str) -> String {
    let key = match by {
        MapBy::Department => "department",
        MapBy::JobTitle => "job_title",
    };
    crate::links::href("/api/staff/authorisations/map", [(key, code)])
}

/// `GET /api/staff/authorisations/map?department=` (or `job_title=`).
pub async fn map(by: MapBy, code: &str, lang: Lang) -> Result<AuthorisationMap, ApiError> {
    get_in(&map_path(by, code), lang).await
}

/// `POST /api/staff/authorisations/map`.
pub async fn set_map(body: &SetMap, lang: Lang) -> Result<AuthorisationMap, ApiError> {
    post("/api/staff/authorisations/map", body, lang).await
}

/// `POST /api/staff/authorisations` (a new entry) or `…/{id}` (an edit).
pub async fn save_entry(
    id: Option<AuthorisationId>,
    form: &AuthorisationForm,
    lang: Lang,
) -> Result<AuthorisationEntry, ApiError> {
    match id {
        Some(id) => post(&format!("/api/staff/authorisations/{id}"), form, lang).await,
        None => post("/api/staff/authorisations", form, lang).await,
    }
}

/// `GET /api/staff/authorisations/report?from=&to=` (the twelve months up to this one when
/// not given).
pub async fn report(
    from: Option<Month>,
    to: Option<Month>,
    lang: Lang,
) -> Result<AuthorisationReport, ApiError> {
    let query = super::settlements::period_query(from, to);
    get_in(&format!("/api/staff/authorisations/report?{query}"), lang).await
}

/// `POST /api/staff/authorisation-orders`.
pub async fn order(form: &OrderForm, lang: Lang) -> Result<OrderSent, ApiError> {
    post("/api/staff/authorisation-orders", form, lang).await
}

/// `GET /api/staff/authorisation-orders`: the member's own.
pub async fn mine(lang: Lang) -> Result<MyAuthorisations, ApiError> {
    get_in("/api/staff/authorisation-orders", lang).await
}

/// `GET /api/staff/authorisation-orders/queue`.
pub async fn queue(lang: Lang) -> Result<Vec<OrderSummary>, ApiError> {
    get_in("/api/staff/authorisation-orders/queue", lang).await
}

/// `GET /api/staff/authorisation-orders/{id}`.
pub async fn order_view(id: CaseId, lang: Lang) -> Result<OrderView, ApiError> {
    get_in(&format!("/api/staff/authorisation-orders/{id}"), lang).await
}

/// An administrator's step on an order.
#[derive(Debug, Clone)]
pub enum OrderStep {
    Take,
    Release,
    HandOver(String),
    WaitDvv(String),
    DvvGranted(Date),
    DvvRefused(String),
    Done(Date, Option<Date>),
    Reject(String),
}

/// `POST /api/staff/authorisation-orders/{id}/{step}`: the order as it now is.
pub async fn step(id: CaseId, step: &OrderStep, lang: Lang) -> Result<OrderView, ApiError> {
    let path = |name: &str| format!("/api/staff/authorisation-orders/{id}/{name}");
    let bare = StepComment::default();
    match step {
        OrderStep::Take => post(&path("take"), &bare, lang).await,
        OrderStep::Release => post(&path("release"), &bare, lang).await,
        OrderStep::HandOver(to) => {
            let body = HandOver {
                to: to.clone(),
                comment: String::new(),
            };
            post(&path("hand-over"), &body, lang).await
        }
        OrderStep::WaitDvv(reference) => {
            let body = WaitDvv {
                dvv_reference: reference.clone(),
                comment: String::new(),
            };
            post(&path("wait-dvv"), &body, lang).await
        }
        OrderStep::DvvGranted(on) => {
            let body = DvvGranted {
                granted_on: *on,
                comment: String::new(),
            };
            post(&path("dvv-granted"), &body, lang).await
        }
        OrderStep::DvvRefused(reasons) => {
            let body = StepComment {
                comment: reasons.clone(),
            };
            post(&path("dvv-refused"), &body, lang).await
        }
        OrderStep::Done(on, until) => {
            let body = DoneInValtuudet {
                done_on: *on,
                valid_until: *until,
                comment: String::new(),
            };
            post(&path("done"), &body, lang).await
        }
        OrderStep::Reject(reasons) => {
            let body = StepComment {
                comment: reasons.clone(),
            };
            post(&path("reject"), &body, lang).await
        }
    }
}

/// `GET /api/staff/authorisation-holdings`.
pub async fn holdings(lang: Lang) -> Result<HoldingsRegister, ApiError> {
    get_in("/api/staff/authorisation-holdings", lang).await
}

/// `POST /api/staff/authorisation-holdings/{id}/leaving`: what the employee holds.
pub async fn leaving(
    id: HoldingId,
    leaving_on: Date,
    lang: Lang,
) -> Result<Vec<HoldingView>, ApiError> {
    let body = Leaving { leaving_on };
    post(
        &format!("/api/staff/authorisation-holdings/{id}/leaving"),
        &body,
        lang,
    )
    .await
}

/// `POST /api/staff/authorisation-holdings/{id}/end`: the register as it now is.
pub async fn end(id: HoldingId, ended_on: Date, lang: Lang) -> Result<HoldingsRegister, ApiError> {
    let body = EndHolding { ended_on };
    post(
        &format!("/api/staff/authorisation-holdings/{id}/end"),
        &body,
        lang,
    )
    .await
}

/// `POST /api/staff/authorisation-holdings`: the register as it now is.
pub async fn add_holding(holding: &NewHolding, lang: Lang) -> Result<HoldingsRegister, ApiError> {
    post("/api/staff/authorisation-holdings", holding, lang).await
}

/// `POST /api/staff/authorisation-holdings/import`: a spreadsheet's holdings checked, or
/// entered when `enter` (all or none).
pub async fn import_holdings(
    csv: &str,
    enter: bool,
    lang: Lang,
) -> Result<HoldingsImportChecked, ApiError> {
    let body = HoldingsImport {
        csv: csv.to_owned(),
        enter,
    };
    post("/api/staff/authorisation-holdings/import", &body, lang).await
}
