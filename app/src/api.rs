//! The only module that talks HTTP. Every call returns the API's own [`ApiError`] on
//! failure: decoded from the body of any non-2xx answer, or made here when the server
//! could not be reached ([`ErrorCode::Network`]) or answered with something that is not
//! the contract. A page can therefore tell "not found" from "network down".
//!
//! The base URL comes from `<meta name="seteli-api-base">`; empty means the app's own
//! origin, which is how `wrangler dev` and production serve it.

pub mod applications;
pub mod authorisations;
pub mod residents;
pub mod settlements;

use gloo_net::http::{Request, Response};
use leptos::prelude::document;
use serde::de::DeserializeOwned;
use serde::Serialize;
use seteli_domain::api::desk::{
    AccessLogEntry, AnnulVoucher, ContactUpdate, Created, CustomerCard, CustomerCreated,
    CustomerSearch, CustomerSearchResult, DecisionDocument, Deliver, DeskHome, DisputeAnswer,
    EndProxy, EndVoucher, IncomeTableView, IncomeTables, NewAssessment, NewCustomer, NewDecision,
    NewEventCheck, NewProxy, RevealedHetu, StaffEventList,
};
use seteli_domain::api::{
    ActForRegistered, EventCorrection, FeedbackView, Me, MessageView, Municipality, NewFeedback,
    NewPrice, NewReply, NewServiceEvent, NewSurveyAnswer, OfferPage, ProducerEvent,
    ProducerFeedback, ProducerHome, ProducerProfile, ProducerService, ProducerVoucher,
    ProducerVoucherDetail, RegisteredPrincipal, Service, SurveyReceipt, TrailEntry, VoucherDetail,
    VoucherLookup, VoucherSummary,
};
use seteli_domain::comparison::OffersQuery;
use seteli_domain::desk::DeliveryChannel;
use seteli_domain::entries::Entry;
use seteli_domain::ids::{
    AssessmentId, CustomerId, DecisionId, EventId, FeedbackId, ProducerId, VoucherId,
};
use seteli_domain::mandates::PrincipalKind;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// `GET /api/public/municipalities`, names in `lang`.
pub async fn municipalities(lang: Lang) -> Result<Vec<Municipality>, ApiError> {
    get_in("/api/public/municipalities", lang).await
}

/// `GET /api/public/services`, names and descriptions in `lang`.
pub async fn services(lang: Lang) -> Result<Vec<Service>, ApiError> {
    get_in("/api/public/services", lang).await
}

/// `GET /api/public/offers`: one page of the comparison.
pub async fn offers(query: &OffersQuery) -> Result<OfferPage, ApiError> {
    let mut pairs = query.to_pairs();
    // `to_pairs` leaves the default language out; the API is told explicitly so that its
    // answer does not depend on its own default.
    if !pairs.iter().any(|(k, _)| *k == "lang") {
        pairs.push(("lang", query.lang.code().to_owned()));
    }
    get("/api/public/offers", &pairs, query.lang).await
}

/// `GET /api/public/producers/{id}`: an approved producer's profile. An unknown or
/// unapproved producer is [`ErrorCode::ProducerNotFound`].
pub async fn producer(id: ProducerId, lang: Lang) -> Result<ProducerProfile, ApiError> {
    get_in(&format!("/api/public/producers/{id}"), lang).await
}

/// `GET /api/auth/me`: who is logged in; `None` when nobody is (401).
pub async fn me(lang: Lang) -> Result<Option<Me>, ApiError> {
    match get::<Me>("/api/auth/me", &[], lang).await {
        Ok(me) => Ok(Some(me)),
        Err(e) if e.code == ErrorCode::Unauthorized => Ok(None),
        Err(e) => Err(e),
    }
}

/// `POST /api/auth/logout`: ends the session on the server.
pub async fn logout(lang: Lang) -> Result<(), ApiError> {
    let url = format!("{}/api/auth/logout", api_base());
    let response = Request::post(&url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Network, lang))?;
    if response.ok() {
        return Ok(());
    }
    Err(error_from(response, lang).await)
}

/// `GET /api/citizen/vouchers`: the logged-in customer's own vouchers, active first.
/// [`ErrorCode::Unauthorized`] when nobody is logged in or the session has ended.
pub async fn my_vouchers(lang: Lang) -> Result<Vec<VoucherSummary>, ApiError> {
    get_in("/api/citizen/vouchers", lang).await
}

/// `GET /api/citizen/vouchers/{id}`: one of the customer's vouchers with its service events
/// and producers. Someone else's voucher is [`ErrorCode::VoucherNotFound`], as is a
/// voucher that does not exist.
pub async fn my_voucher(id: VoucherId, lang: Lang) -> Result<VoucherDetail, ApiError> {
    get_in(&format!("/api/citizen/vouchers/{id}"), lang).await
}

/// `GET /api/citizen/feedback`: the feedback the customer has given, newest first, with
/// the producers' replies.
pub async fn my_feedback(lang: Lang) -> Result<Vec<FeedbackView>, ApiError> {
    get_in("/api/citizen/feedback", lang).await
}

/// `POST /api/citizen/feedback`: sends feedback to a producer; the stored feedback back.
pub async fn send_feedback(feedback: &NewFeedback, lang: Lang) -> Result<FeedbackView, ApiError> {
    post("/api/citizen/feedback", feedback, lang).await
}

/// `POST /api/citizen/surveys`: answers this month's survey about a producer.
/// [`ErrorCode::SurveyAlreadyAnswered`] when this month's answer is already in.
pub async fn send_survey(answer: &NewSurveyAnswer, lang: Lang) -> Result<SurveyReceipt, ApiError> {
    post("/api/citizen/surveys", answer, lang).await
}

/// `GET /api/on-behalf/registered`: the customers for whom the municipality registered the
/// logged-in person as proxy, valid today.
pub async fn registered_principals(lang: Lang) -> Result<Vec<RegisteredPrincipal>, ApiError> {
    get_in("/api/on-behalf/registered", lang).await
}

/// `POST /api/on-behalf/registered`: from now on the session acts for this customer as
/// their registered proxy. [`ErrorCode::NoRightToAct`] when the registration is not (or no
/// longer) valid.
pub async fn act_for_registered(customer_id: CustomerId, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        "/api/on-behalf/registered",
        Some(&ActForRegistered { customer_id }),
        lang,
    )
    .await
}

/// `POST /api/on-behalf/stop`: the session acts for the logged-in person again.
pub async fn stop_acting(lang: Lang) -> Result<(), ApiError> {
    post_no_content("/api/on-behalf/stop", None::<&()>, lang).await
}

/// `GET /api/citizen/trail`: what others did, or tried, on the person's behalf (the
/// principal's, while acting for someone), newest first.
pub async fn my_trail(lang: Lang) -> Result<Vec<TrailEntry>, ApiError> {
    get_in("/api/citizen/trail", lang).await
}

/// `GET /api/citizen/messages`: the person's (or the principal's) Suomi.fi Messages about
/// things done on their behalf, newest first.
pub async fn my_messages(lang: Lang) -> Result<Vec<MessageView>, ApiError> {
    get_in("/api/citizen/messages", lang).await
}

/// `GET /api/producer/home`: the company's services, the vouchers it serves, recent
/// events and feedback waiting for a reply. [`ErrorCode::Forbidden`] while the session does
/// not act for a producer company.
pub async fn producer_home(lang: Lang) -> Result<ProducerHome, ApiError> {
    get_in("/api/producer/home", lang).await
}

/// `GET /api/producer/prices`: the services the company is approved for, with today's and
/// later prices.
pub async fn producer_prices(lang: Lang) -> Result<Vec<ProducerService>, ApiError> {
    get_in("/api/producer/prices", lang).await
}

/// `POST /api/producer/prices`: a price from a later day on; all the services back, updated.
/// [`ErrorCode::InvalidPrice`] for a day that is not in the future or a service the
/// company is not approved for.
pub async fn set_price(price: &NewPrice, lang: Lang) -> Result<Vec<ProducerService>, ApiError> {
    post("/api/producer/prices", price, lang).await
}

/// `POST /api/producer/vouchers/lookup`: the voucher with the number the customer gave,
/// which from then on is linked to the company. [`ErrorCode::VoucherNumberNotFound`] for
/// any number that cannot be used, [`ErrorCode::TooManyAttempts`] after too many of them.
pub async fn lookup_voucher(number: &str, lang: Lang) -> Result<ProducerVoucher, ApiError> {
    let body = VoucherLookup {
        number: number.to_owned(),
    };
    post("/api/producer/vouchers/lookup", &body, lang).await
}

/// `GET /api/producer/vouchers/{id}`: a voucher linked to the company, with the company's
/// events under it. [`ErrorCode::VoucherNotFound`] unless it is linked.
pub async fn producer_voucher(
    id: VoucherId,
    lang: Lang,
) -> Result<ProducerVoucherDetail, ApiError> {
    get_in(&format!("/api/producer/vouchers/{id}"), lang).await
}

/// `POST /api/producer/events`: logs a visit. Sending the same `idempotency_key` again
/// returns the event logged the first time instead of logging a second one, so an entry
/// can be retried safely after a network failure.
pub async fn log_event(event: &NewServiceEvent, lang: Lang) -> Result<ProducerEvent, ApiError> {
    post("/api/producer/events", event, lang).await
}

/// `POST /api/producer/events/{id}/cancel`: the event, now cancelled.
/// [`ErrorCode::EventLocked`] once it can no longer be cancelled.
pub async fn cancel_event(id: EventId, lang: Lang) -> Result<ProducerEvent, ApiError> {
    post(
        &format!("/api/producer/events/{id}/cancel"),
        &serde_json::json!({}),
        lang,
    )
    .await
}

/// `POST /api/producer/events/{id}/correct`: replaces the event with a corrected one; the
/// new event (which names the one it corrects) back.
pub async fn correct_event(
    id: EventId,
    correction: &EventCorrection,
    lang: Lang,
) -> Result<ProducerEvent, ApiError> {
    post(
        &format!("/api/producer/events/{id}/correct"),
        correction,
        lang,
    )
    .await
}

/// `GET /api/producer/feedback`: feedback addressed to the company, newest first.
pub async fn producer_feedback(lang: Lang) -> Result<Vec<ProducerFeedback>, ApiError> {
    get_in("/api/producer/feedback", lang).await
}

/// `POST /api/producer/feedback/{id}/reply`: the company's one reply to a feedback; the
/// feedback with its reply back. [`ErrorCode::AlreadyReplied`] if it already has one.
pub async fn reply_to_feedback(
    id: FeedbackId,
    body: &str,
    lang: Lang,
) -> Result<ProducerFeedback, ApiError> {
    let reply = NewReply {
        body: body.to_owned(),
    };
    post(&format!("/api/producer/feedback/{id}/reply"), &reply, lang).await
}

/// `POST /api/producer/events/{id}/answer`: the company's answer to the organiser's
/// dispute of an event. [`ErrorCode::NoOpenDispute`] when it is not disputed or already
/// answered.
pub async fn answer_dispute(id: EventId, body: &str, lang: Lang) -> Result<(), ApiError> {
    let answer = DisputeAnswer {
        body: body.to_owned(),
    };
    post_no_content(
        &format!("/api/producer/events/{id}/answer"),
        Some(&answer),
        lang,
    )
    .await
}

/// `GET /api/citizen/decisions/{id}`: the decision document behind one of the customer's
/// (or the principal's) vouchers. Someone else's is [`ErrorCode::DecisionNotFound`].
pub async fn my_decision(id: DecisionId, lang: Lang) -> Result<DecisionDocument, ApiError> {
    get_in(&format!("/api/citizen/decisions/{id}"), lang).await
}

/// `GET /api/citizen/access-log`: who has looked at the customer's (or the principal's)
/// data, newest first.
pub async fn my_access_log(lang: Lang) -> Result<Vec<AccessLogEntry>, ApiError> {
    get_in("/api/citizen/access-log", lang).await
}

/// `GET /api/staff/deliveries`: the organiser's messages held for review, failed or on paper.
pub async fn deliveries(lang: Lang) -> Result<seteli_domain::delivery::Deliveries, ApiError> {
    get_in("/api/staff/deliveries", lang).await
}

/// `POST /api/staff/deliveries/{id}/release`: the list as it now is.
pub async fn release_delivery(
    id: seteli_domain::ids::MessageId,
    lang: Lang,
) -> Result<seteli_domain::delivery::Deliveries, ApiError> {
    post(
        &format!("/api/staff/deliveries/{id}/release"),
        &serde_json::json!({}),
        lang,
    )
    .await
}

/// `GET /api/staff/desk`: what waits for the employee. Staff only ([`ErrorCode::Forbidden`]
/// otherwise), as is every `staff_*` call below; each is scoped to the employee's organiser.
pub async fn staff_desk(lang: Lang) -> Result<DeskHome, ApiError> {
    get_in("/api/staff/desk", lang).await
}

/// `POST /api/staff/customers/search`: the identity code travels only in this body, never
/// in a URL.
pub async fn search_customers(
    search: &CustomerSearch,
    lang: Lang,
) -> Result<CustomerSearchResult, ApiError> {
    post("/api/staff/customers/search", search, lang).await
}

/// `POST /api/staff/customers`: a new customer. [`ErrorCode::CustomerExists`] when the
/// identity code is already in Seteli.
pub async fn create_customer(
    customer: &NewCustomer,
    lang: Lang,
) -> Result<CustomerCreated, ApiError> {
    post("/api/staff/customers", customer, lang).await
}

/// `GET /api/staff/customers/{id}`: the customer card (the view is logged).
/// [`ErrorCode::CustomerNotFound`] for another organiser's customer.
pub async fn staff_customer(id: CustomerId, lang: Lang) -> Result<CustomerCard, ApiError> {
    get_in(&format!("/api/staff/customers/{id}"), lang).await
}

/// `POST /api/staff/customers/{id}/reveal`: the full identity code (the reveal is logged).
pub async fn reveal_hetu(id: CustomerId, lang: Lang) -> Result<RevealedHetu, ApiError> {
    post(
        &format!("/api/staff/customers/{id}/reveal"),
        &serde_json::json!({}),
        lang,
    )
    .await
}

/// `POST /api/staff/customers/{id}/contact`: the address and the non-disclosure flag.
pub async fn update_contact(
    id: CustomerId,
    contact: &ContactUpdate,
    lang: Lang,
) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/staff/customers/{id}/contact"),
        Some(contact),
        lang,
    )
    .await
}

/// `POST /api/staff/customers/{id}/assessments`: records a need assessment; its id back.
pub async fn record_assessment(
    id: CustomerId,
    assessment: &NewAssessment,
    lang: Lang,
) -> Result<AssessmentId, ApiError> {
    let created: Created = post(
        &format!("/api/staff/customers/{id}/assessments"),
        assessment,
        lang,
    )
    .await?;
    created_id(created, lang)
}

/// `POST /api/staff/customers/{id}/proxy`: registers the customer's proxy.
/// [`ErrorCode::ProxyAlreadyRegistered`] while one is in force.
pub async fn register_proxy(id: CustomerId, proxy: &NewProxy, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/staff/customers/{id}/proxy"),
        Some(proxy),
        lang,
    )
    .await
}

/// `POST /api/staff/customers/{id}/proxy/end`: ends the proxy in force.
pub async fn end_proxy(id: CustomerId, reason: &str, lang: Lang) -> Result<(), ApiError> {
    let body = EndProxy {
        reason: reason.to_owned(),
    };
    post_no_content(
        &format!("/api/staff/customers/{id}/proxy/end"),
        Some(&body),
        lang,
    )
    .await
}

/// `POST /api/staff/decisions`: a draft decision; its id back.
pub async fn draft_decision(decision: &NewDecision, lang: Lang) -> Result<DecisionId, ApiError> {
    let created: Created = post("/api/staff/decisions", decision, lang).await?;
    created_id(created, lang)
}

/// `GET /api/staff/decisions/{id}`: the decision document (the view is logged).
pub async fn staff_decision(id: DecisionId, lang: Lang) -> Result<DecisionDocument, ApiError> {
    get_in(&format!("/api/staff/decisions/{id}"), lang).await
}

/// `POST /api/staff/decisions/{id}/decide`: decides a draft (it gets its number and makes
/// or changes the voucher). [`ErrorCode::DecisionWrongState`] unless it is a draft.
pub async fn decide(id: DecisionId, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/staff/decisions/{id}/decide"),
        Some(&serde_json::json!({})),
        lang,
    )
    .await
}

/// `POST /api/staff/decisions/{id}/deliver`: delivers a decided decision `via` a message
/// or post.
pub async fn deliver(id: DecisionId, via: DeliveryChannel, lang: Lang) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/staff/decisions/{id}/deliver"),
        Some(&Deliver { via }),
        lang,
    )
    .await
}

/// `POST /api/staff/vouchers/{id}/end`: ends a voucher early.
pub async fn end_voucher(id: VoucherId, end: &EndVoucher, lang: Lang) -> Result<(), ApiError> {
    post_no_content(&format!("/api/staff/vouchers/{id}/end"), Some(end), lang).await
}

/// `POST /api/staff/vouchers/{id}/annul`: annuls a voucher under which nothing is logged.
/// [`ErrorCode::VoucherHasEvents`] otherwise.
pub async fn annul_voucher(id: VoucherId, reason: &str, lang: Lang) -> Result<(), ApiError> {
    let body = AnnulVoucher {
        reason: reason.to_owned(),
    };
    post_no_content(
        &format!("/api/staff/vouchers/{id}/annul"),
        Some(&body),
        lang,
    )
    .await
}

/// `GET /api/staff/events?voucher=&producer=&from=&to=`: events to check; `query` holds
/// the filters given.
pub async fn staff_events(
    query: &[(&'static str, String)],
    lang: Lang,
) -> Result<StaffEventList, ApiError> {
    let mut pairs = query.to_vec();
    pairs.push(("lang", lang.code().to_owned()));
    get("/api/staff/events", &pairs, lang).await
}

/// `POST /api/staff/events/{id}/check`: marks an event checked, or disputed with a note.
pub async fn check_event(id: EventId, check: &NewEventCheck, lang: Lang) -> Result<(), ApiError> {
    post_no_content(&format!("/api/staff/events/{id}/check"), Some(check), lang).await
}

/// `GET /api/staff/income-tables`: the organiser's income tables, one per income-related
/// service.
pub async fn income_tables(lang: Lang) -> Result<IncomeTables, ApiError> {
    get_in("/api/staff/income-tables", lang).await
}

/// `POST /api/staff/income-tables`: replaces the table of one service.
pub async fn set_income_table(table: &IncomeTableView, lang: Lang) -> Result<(), ApiError> {
    post_no_content("/api/staff/income-tables", Some(table), lang).await
}

/// The id in a `201 Created` answer, as the kind of id the caller expects.
fn created_id<T: DeserializeOwned>(created: Created, lang: Lang) -> Result<T, ApiError> {
    serde_json::from_value(created.id.into()).map_err(|_| ApiError::new(ErrorCode::Internal, lang))
}

/// Whether an error means the session may not open the page: it does not act for a
/// producer company (any more), or the company is not approved yet.
pub fn is_forbidden(error: &ApiError) -> bool {
    matches!(
        error.code,
        ErrorCode::Forbidden | ErrorCode::ProducerNotApproved
    )
}

/// Whether an error means the request did not reach the server, or the server could not
/// handle it now: the same request may succeed later, unlike any other refusal (4xx).
pub fn is_transient(error: &ApiError) -> bool {
    error.code == ErrorCode::Network || error.status() >= 500
}

/// Where the browser goes to choose, in Suomi.fi e-Authorizations, a child or an adult to
/// act for; the edge brings it back to `/my/vouchers`, or to `/on-behalf?refused=..`.
pub fn on_behalf_start_url(kind: PrincipalKind, lang: Lang) -> String {
    format!(
        "{}/api/on-behalf/start?for={}&lang={}",
        api_base(),
        kind.as_str(),
        lang.code()
    )
}

/// Where the browser goes to choose, in Suomi.fi e-Authorizations, a producer company to
/// act for; the edge brings it back to `/producer`, or to `/on-behalf?refused=..&for=company`.
pub fn company_start_url(lang: Lang) -> String {
    on_behalf_start_url(PrincipalKind::Company, lang)
}

/// Where the browser goes to log in; back to `return_to` (a path in the app) afterwards.
pub fn login_url(return_to: &str) -> String {
    format!("{}{}", api_base(), login_path(return_to))
}

/// Where municipal staff log in: the staff identity provider, then the desk.
pub fn staff_login_url() -> String {
    format!("{}{}", api_base(), staff_login_path("/desk"))
}

/// Where the browser goes to log in from the page at `return_to`: the staff identity
/// provider for the staff entry's pages, else strong identification; back to `return_to`
/// afterwards.
pub fn login_url_for(return_to: &str) -> String {
    let path = return_to.split(['?', '#']).next().unwrap_or_default();
    if Entry::for_path(path) == Entry::Staff {
        format!("{}{}", api_base(), staff_login_path(return_to))
    } else {
        login_url(return_to)
    }
}

fn login_path(return_to: &str) -> String {
    let encoded =
        percent_encoding::utf8_percent_encode(return_to, percent_encoding::NON_ALPHANUMERIC);
    format!("/api/auth/login?return_to={encoded}")
}

fn staff_login_path(return_to: &str) -> String {
    let encoded =
        percent_encoding::utf8_percent_encode(return_to, percent_encoding::NON_ALPHANUMERIC);
    format!("/api/auth/login?audience=staff&return_to={encoded}")
}

/// Whether an error means the thing asked for does not exist (as opposed to a failure
/// worth retrying).
pub fn is_not_found(error: &ApiError) -> bool {
    matches!(
        error.code,
        ErrorCode::NotFound
            | ErrorCode::ProducerNotFound
            | ErrorCode::VoucherNotFound
            | ErrorCode::CustomerNotFound
            | ErrorCode::DecisionNotFound
    )
}

/// Whether an error means the request needs a login: nobody is logged in, or the session
/// has ended.
pub fn is_unauthorized(error: &ApiError) -> bool {
    error.code == ErrorCode::Unauthorized
}

/// A `GET` whose only query parameter is the language the answer is to be in.
async fn get_in<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiError> {
    get(path, &[("lang", lang.code().to_owned())], lang).await
}

async fn get<T: DeserializeOwned>(
    path: &str,
    query: &[(&'static str, String)],
    lang: Lang,
) -> Result<T, ApiError> {
    parse(get_text(path, query, lang).await?, lang)
}

/// The body of a `GET`'s 2xx answer, or the error of any other. Not generic, so that the
/// wasm has one copy of the request's machinery rather than one per answer type.
async fn get_text(
    path: &str,
    query: &[(&'static str, String)],
    lang: Lang,
) -> Result<String, ApiError> {
    let address = format!("{}{path}", api_base());
    let response = match preloaded(&url_with_query(&address, query)).await {
        Some(response) => response,
        // The query goes through gloo's builder: given a URL that has one already, it adds
        // a stray `&`.
        None => Request::get(&address)
            .query(query.iter().map(|(name, value)| (*name, value.as_str())))
            .header("Accept", "application/json")
            .send()
            .await
            // `fetch` rejects only when no answer arrived at all: offline, DNS, CORS, abort.
            .map_err(|_| ApiError::new(ErrorCode::Network, lang))?,
    };
    body_text(response, lang).await
}

/// A 2xx answer's body as `T`; a body that is not the contract is ours to fix.
fn parse<T: DeserializeOwned>(body: String, lang: Lang) -> Result<T, ApiError> {
    serde_json::from_str(&body).map_err(|_| ApiError::new(ErrorCode::Internal, lang))
}

/// `url?query`, the query serialised as `URLSearchParams` does — the same text the page's
/// preloader (`app/index.html`) builds, so that the two name the same request.
fn url_with_query(url: &str, query: &[(&'static str, String)]) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return url.to_owned();
    };
    for (name, value) in query {
        params.append(name, value);
    }
    let query: String = params.to_string().into();
    if query.is_empty() {
        url.to_owned()
    } else {
        format!("{url}?{query}")
    }
}

/// The answer to `url` that the page's inline preloader asked for before the app had
/// loaded (`window.__seteliPreload[url]`, a promise of a `Response`); taken once, so a
/// later request asks the server again. `None` when there is none or it failed: the caller
/// then asks itself.
async fn preloaded(url: &str) -> Option<Response> {
    use web_sys::js_sys::{Promise, Reflect};
    use web_sys::wasm_bindgen::JsCast;
    let window: web_sys::wasm_bindgen::JsValue = web_sys::window()?.into();
    let store = Reflect::get(&window, &"__seteliPreload".into()).ok()?;
    if store.is_undefined() || store.is_null() {
        return None;
    }
    let key = url.into();
    let promise = Reflect::get(&store, &key)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let _ = Reflect::delete_property(store.unchecked_ref::<web_sys::js_sys::Object>(), &key);
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    answer
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(Response::from)
}

/// A file upload to `path`: `file` as the body (its own type), its name and `extra` in the
/// query; the answer as `T`.
async fn upload_file<T: DeserializeOwned>(
    path: &str,
    extra: Option<(&'static str, String)>,
    file: &web_sys::File,
    lang: Lang,
) -> Result<T, ApiError> {
    let url = format!("{}{path}", api_base());
    let mut query = vec![("lang", lang.code().to_owned()), ("name", file.name())];
    query.extend(extra);
    let content_type = file.type_();
    let request = Request::post(&url)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .header("Accept", "application/json")
        .header(
            "Content-Type",
            if content_type.is_empty() {
                "application/octet-stream"
            } else {
                &content_type
            },
        )
        .body(web_sys::wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|_| ApiError::new(ErrorCode::Internal, lang))?;
    let response = request
        .send()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Network, lang))?;
    parse(body_text(response, lang).await?, lang)
}

/// A JSON `POST`. `Content-Type: application/json` is what the edge requires of a body;
/// the browser adds the `Origin` header that its same-origin rule checks.
async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    lang: Lang,
) -> Result<T, ApiError> {
    let response = send_post(path, Some(json_body(body, lang)?), lang).await?;
    parse(body_text(response, lang).await?, lang)
}

/// A `POST` whose success is `204 No Content`: the body, if any, as JSON.
async fn post_no_content<B: Serialize>(
    path: &str,
    body: Option<&B>,
    lang: Lang,
) -> Result<(), ApiError> {
    let body = body.map(|b| json_body(b, lang)).transpose()?;
    let response = send_post(path, body, lang).await?;
    if response.ok() {
        return Ok(());
    }
    Err(error_from(response, lang).await)
}

/// `body` as JSON. Serializing the contract's own types does not fail; if it ever did, it
/// is ours.
fn json_body<B: Serialize>(body: &B, lang: Lang) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::new(ErrorCode::Internal, lang))
}

/// Sends a `POST` of `body` (JSON) to `path`, in `lang`; the answer, whatever its status.
async fn send_post(path: &str, body: Option<String>, lang: Lang) -> Result<Response, ApiError> {
    let url = format!("{}{path}", api_base());
    let request = Request::post(&url)
        .query([("lang", lang.code())])
        .header("Accept", "application/json");
    let sent = match body {
        Some(body) => {
            request
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(|_| ApiError::new(ErrorCode::Internal, lang))?
                .send()
                .await
        }
        None => request.send().await,
    };
    sent.map_err(|_| ApiError::new(ErrorCode::Network, lang))
}

/// The body of a 2xx answer, or the error any other answer carries.
async fn body_text(response: Response, lang: Lang) -> Result<String, ApiError> {
    if response.ok() {
        return response
            .text()
            .await
            .map_err(|_| ApiError::new(ErrorCode::Network, lang));
    }
    Err(error_from(response, lang).await)
}

/// The [`ApiError`] of a non-2xx answer.
async fn error_from(response: Response, lang: Lang) -> ApiError {
    let status = response.status();
    match response.json::<ApiError>().await {
        Ok(error) => error,
        // Not our JSON: a proxy's or the platform's own error page.
        Err(_) => ApiError::new(code_for_status(status), lang),
    }
}

/// The closest code for a non-2xx answer whose body is not an [`ApiError`].
fn code_for_status(status: u16) -> ErrorCode {
    match status {
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        502..=504 => ErrorCode::Network,
        _ => ErrorCode::Internal,
    }
}

/// The API's origin from `<meta name="seteli-api-base" content="...">`, without a
/// trailing slash; empty (same origin) when the tag is missing or empty.
fn api_base() -> String {
    document()
        .query_selector(r#"meta[name="seteli-api-base"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map(|base| base.trim().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_error_bodies_map_to_the_nearest_code() {
        assert_eq!(code_for_status(401), ErrorCode::Unauthorized);
        assert_eq!(code_for_status(404), ErrorCode::NotFound);
        assert_eq!(code_for_status(503), ErrorCode::Network);
        assert_eq!(code_for_status(500), ErrorCode::Internal);
        assert_eq!(code_for_status(418), ErrorCode::Internal);
    }

    #[test]
    fn only_network_and_server_failures_are_worth_retrying_later() {
        let lang = Lang::Fi;
        assert!(is_transient(&ApiError::new(ErrorCode::Network, lang)));
        assert!(is_transient(&ApiError::new(ErrorCode::Internal, lang)));
        assert!(!is_transient(&ApiError::new(
            ErrorCode::InsufficientBalance,
            lang
        )));
        assert!(!is_transient(&ApiError::new(ErrorCode::InvalidEvent, lang)));
    }

    #[test]
    fn staff_log_in_with_the_staff_provider_and_come_back_to_their_page() {
        assert_eq!(
            staff_login_path("/desk/customers/7"),
            "/api/auth/login?audience=staff&return_to=%2Fdesk%2Fcustomers%2F7"
        );
    }

    #[test]
    fn the_login_url_carries_the_return_path_encoded() {
        assert_eq!(
            login_path("/?municipality=638&lang=sv"),
            "/api/auth/login?return_to=%2F%3Fmunicipality%3D638%26lang%3Dsv"
        );
    }
}
