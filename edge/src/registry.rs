//! The client of PRH's open data YTJ API v3 (`opendata-ytj-api`; `../shared/docs/ytj-api.md`
//! in the project brief): a producer applicant's company looked up by business id and read by
//! [`seteli_domain::registry::check`]. Open data, no credentials; every call is bounded by the
//! `Outbound` time limit. Nothing the service answers is a refusal: no record is
//! [`RegistryCheck::NotFound`] and no usable answer is [`RegistryUnavailable`], and both mean
//! that staff check the company by hand.

use crate::outbound::{Outbound, OutboundRequest};
use seteli_domain::registry::{self, Companies, RegistryCheck};
use seteli_domain::BusinessId;
use time::Date;

/// Where the registry is.
#[derive(Debug, Clone)]
pub struct YtjConfig {
    /// The service's origin, without `/opendata-ytj-api/v3`: `https://avoindata.prh.fi` in
    /// production, the local mock (`http://127.0.0.1:8790`) under `cargo xtask dev`.
    pub base_url: String,
}

/// The registry gave no answer to rely on: unreachable, timed out, rate-limited (429), an
/// error status, or a body that is not the API's JSON. The text is for the log and never
/// quotes the body. Staff then check the company by hand; it is never a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryUnavailable(pub String);

/// The lookup's URL: `GET {base}/opendata-ytj-api/v3/companies?businessId=..`.
pub fn companies_url(config: &YtjConfig, business_id: &BusinessId) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("businessId", business_id.as_str())
        .finish();
    format!(
        "{}/opendata-ytj-api/v3/companies?{query}",
        config.base_url.trim_end_matches('/')
    )
}

/// Looks `business_id` up and reads the company's standing on `today`.
///
/// A 200 whose list has no record with exactly this id (the API's answer for an unknown id,
/// e.g. a sole trader, who is not in open data) is [`RegistryCheck::NotFound`]. Anything but
/// a 200 with the API's JSON is [`RegistryUnavailable`] — a 404 too: the API defines none, so
/// one means a wrong `YTJ_BASE_URL` or a moved API, not a missing company.
pub async fn check_company(
    http: &impl Outbound,
    config: &YtjConfig,
    business_id: &BusinessId,
    today: Date,
) -> Result<RegistryCheck, RegistryUnavailable> {
    let response = http
        .send(OutboundRequest::get(companies_url(config, business_id)))
        .await
        .map_err(|e| RegistryUnavailable(e.0))?;
    match response.status {
        200 => {}
        429 => return Err(RegistryUnavailable("rate-limited (429)".into())),
        status => return Err(RegistryUnavailable(format!("status {status}"))),
    }
    let answer: Companies = serde_json::from_str(&response.body).map_err(|e| {
        // The position only: serde's message may quote the body.
        RegistryUnavailable(format!(
            "unexpected answer (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    Ok(registry::check(&answer, business_id, today))
}
