//! The Workers runtime's entry point: converts the runtime's request into an
//! [`ApiRequest`], builds the context from the bindings, and converts the answer back.

use crate::db::d1::D1;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::router::{handle, Ctx};
use seteli_domain::clock::{finnish_date, iso_date};
use seteli_domain::permissions::Actor;
use time::OffsetDateTime;
use worker::{event, Context, Env, Headers, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let url = req.url()?;
    let headers: Vec<(String, String)> = req.headers().entries().collect();
    let api_req = ApiRequest::from_url(Method::parse(req.method().as_ref()), &url, headers);
    let response = match env.d1("DB") {
        Ok(db) => {
            let ctx = Ctx {
                db: D1(db),
                today: today(),
                actor: Actor::Visitor,
            };
            handle(&api_req, &ctx).await
        }
        Err(e) => {
            let error = crate::error::EdgeError::Internal(format!("D1 binding DB: {e}"));
            ApiResponse::error(&error.into_api_error(api_req.lang()))
        }
    };
    to_worker_response(response)
}

/// Today's Finnish date from the runtime's clock.
fn today() -> String {
    let millis = worker::Date::now().as_millis();
    let now = i128::from(millis)
        .checked_mul(1_000_000)
        .and_then(|nanos| OffsetDateTime::from_unix_timestamp_nanos(nanos).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    iso_date(finnish_date(now))
}

fn to_worker_response(response: ApiResponse) -> Result<Response> {
    let headers = Headers::new();
    for (name, value) in &response.headers {
        headers.set(name, value)?;
    }
    Ok(Response::ok(response.body)?
        .with_status(response.status)
        .with_headers(headers))
}
