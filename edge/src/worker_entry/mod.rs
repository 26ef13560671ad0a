//! The Workers runtime's entry point: converts the runtime's request into an
//! [`ApiRequest`], builds the context from the bindings, and converts the answer back.
//! The only file that knows about the Workers runtime, with the D1 store.

mod config;

use crate::blobs::{BlobEntry, BlobError, BlobFuture, BlobStore, MemoryBlobs};
use crate::context::Ctx;
use crate::db::d1::D1;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse, TIMEOUT_MS};
use crate::public_cache::{AnswerCache, Kept, MemoryCache, Tiered, PUBLIC_MAX_AGE_SECS};
use crate::router::{body_limit, body_too_large, handle_cached, reads_file};
use config::config;
use futures_util::future::{select, Either};
use std::time::Duration;
use time::OffsetDateTime;
use worker::{
    event, AbortController, Cache, Context, Delay, Env, Fetch, Headers, Request, RequestInit,
    Response, Result, ScheduleContext, ScheduledEvent,
};

/// The Cron Trigger (wrangler.toml `[triggers]`): the scheduled jobs, on the runtime's clock.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    // No request, so no origin: PUBLIC_URL names the service in letters.
    match context(&env, String::new()) {
        Ok(ctx) => {
            if let Err(e) = crate::jobs::run_scheduled(&ctx).await {
                crate::error::log_warning(&format!("scheduled jobs failed: {e:?}"));
            }
        }
        Err(e) => crate::error::log_warning(&format!("scheduled jobs: {e}")),
    }
}

/// What a handler or a job gets: D1, R2 (memory when unbound), `fetch`, the configuration.
fn context(env: &Env, origin: String) -> std::result::Result<Ctx<D1, WorkerFetch>, String> {
    let db = env.d1("DB").map_err(|e| format!("D1 binding DB: {e}"))?;
    let blobs: std::rc::Rc<dyn BlobStore> = match env.bucket("ATTACHMENTS") {
        Ok(bucket) => std::rc::Rc::new(R2Blobs(bucket)),
        Err(e) => {
            crate::error::log_warning(&format!("no R2 binding ATTACHMENTS: {e}"));
            std::rc::Rc::new(MemoryBlobs::default())
        }
    };
    Ok(Ctx {
        db: D1(db),
        http: WorkerFetch,
        blobs,
        config: config(env, origin),
        now: now(),
    })
}

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, worker_ctx: Context) -> Result<Response> {
    // The answers speak every error's message (the browser's public entry alone goes without).
    seteli_domain::i18n::register_private_texts();
    let url = req.url()?;
    let headers: Vec<(String, String)> = req.headers().entries().collect();
    let method = Method::parse(req.method().as_ref());
    let mut api_req = ApiRequest::from_url(method, &url, headers);
    // A body announced as too large is never read: the router answers 413 from the header.
    let limit = body_limit(method, &api_req.path);
    let announced_too_large = body_too_large(api_req.header("content-length"), limit);
    if !matches!(method, Method::Get | Method::Head) && !announced_too_large {
        match read_capped(&mut req, limit).await {
            // A file upload keeps its bytes; the API's other bodies are small JSON
            // documents, and anything unreadable is an empty body, which the handler then
            // refuses as `invalid_body`.
            Some(bytes) if reads_file(method, &api_req.path) => api_req.bytes = bytes,
            Some(bytes) => api_req.body = String::from_utf8(bytes).unwrap_or_default(),
            None => api_req.oversized = true,
        }
    }
    let origin = url.origin().ascii_serialization();
    let response = match context(&env, origin.clone()) {
        Ok(ctx) => {
            let response = handle_cached(&api_req, &ctx, &edge_cache(&worker_ctx)).await;
            // A write may have queued messages: deliver them now rather than at the next
            // cron (the same claims keep a message from going out twice).
            if !matches!(method, Method::Get | Method::Head) && response.status < 400 {
                if let Some(messages) = ctx.config.messages.clone() {
                    worker_ctx.wait_until(async move {
                        let (db, http, url) = (&ctx.db, &ctx.http, &ctx.config.public_url);
                        let sent = crate::messages::delivery::send_after_write(
                            db, http, &messages, url, ctx.now,
                        );
                        if let Err(e) = sent.await {
                            crate::error::log_warning(&format!("delivery after a write: {e:?}"));
                        }
                    });
                }
            }
            response
        }
        Err(e) => {
            api_req.headers.clear();
            let error = crate::error::EdgeError::Internal(e);
            ApiResponse::error(&error.into_api_error(api_req.lang()))
                .with_security_headers(&config(&env, origin).public_url)
        }
    };
    to_worker_response(response)
}

/// The body, or `None` once it is longer than `limit` (read no further; a body sent without
/// a length is cut off there). An unreadable body is empty.
async fn read_capped(req: &mut Request, limit: usize) -> Option<Vec<u8>> {
    use futures_util::StreamExt;
    let Ok(mut stream) = req.stream() else {
        return Some(Vec::new());
    };
    let mut body = Vec::new();
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            return Some(Vec::new());
        };
        if body.len() + chunk.len() > limit {
            return None;
        }
        body.extend_from_slice(&chunk);
    }
    Some(body)
}

/// Attachments in R2 (the `ATTACHMENTS` bucket binding).
struct R2Blobs(worker::Bucket);

impl BlobStore for R2Blobs {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>, _now: i64) -> BlobFuture<'a, ()> {
        Box::pin(async move {
            self.0
                .put(key, bytes)
                .execute()
                .await
                .map(|_| ())
                .map_err(|e| BlobError(format!("R2 put: {e}")))
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let found = self
                .0
                .get(key)
                .execute()
                .await
                .map_err(|e| BlobError(format!("R2 get: {e}")))?;
            let Some(object) = found else {
                return Ok(None);
            };
            match object.body() {
                Some(body) => body
                    .bytes()
                    .await
                    .map(Some)
                    .map_err(|e| BlobError(format!("R2 read: {e}"))),
                None => Ok(None),
            }
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BlobFuture<'a, ()> {
        Box::pin(async move {
            self.0
                .delete(key)
                .await
                .map_err(|e| BlobError(format!("R2 delete: {e}")))
        })
    }

    fn list<'a>(&'a self, prefix: &'a str) -> BlobFuture<'a, Vec<BlobEntry>> {
        Box::pin(async move {
            let mut entries = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let mut list = self.0.list().prefix(prefix);
                if let Some(c) = cursor.take() {
                    list = list.cursor(c);
                }
                let page = list
                    .execute()
                    .await
                    .map_err(|e| BlobError(format!("R2 list: {e}")))?;
                entries.extend(page.objects().iter().map(|o| BlobEntry {
                    key: o.key(),
                    stored_at: (o.uploaded().as_millis() / 1000) as i64,
                }));
                match (page.truncated(), page.cursor()) {
                    (true, Some(next)) => cursor = Some(next),
                    _ => return Ok(entries),
                }
            }
        })
    }
}

/// A configuration value: a plain var or a secret (`wrangler secret put`, `.dev.vars`).
/// How many public answers an isolate keeps in its own memory (a comparison page is tens of
/// kilobytes, so at most a few megabytes of the isolate's 128).
const ISOLATE_ANSWERS: usize = 256;

thread_local! {
    /// The isolate's own public answers: an isolate serves many requests, and these need no
    /// round trip at all.
    static ISOLATE_MEMORY: MemoryCache = MemoryCache::with_capacity(ISOLATE_ANSWERS);
}

/// The edge's public answers: the isolate's memory, then the data centre's Cache API.
fn edge_cache(ctx: &Context) -> Tiered<IsolateMemory, CacheApi<'_>> {
    Tiered {
        near: IsolateMemory,
        far: CacheApi(ctx),
    }
}

/// [`ISOLATE_MEMORY`] as an [`AnswerCache`].
struct IsolateMemory;

impl AnswerCache for IsolateMemory {
    async fn get(&self, key: &str, now: i64) -> Option<Kept> {
        ISOLATE_MEMORY.with(|memory| memory.lookup(key, now))
    }

    async fn put(&self, key: &str, kept: &Kept) {
        ISOLATE_MEMORY.with(|memory| memory.keep(key, kept));
    }
}

/// The header that carries, in the Cache API, when an answer was made.
const MADE_AT: &str = "x-seteli-made-at";

/// The Cache API of the data centre. Writes finish after the answer has gone
/// (`waitUntil`), so keeping an answer never delays it; a failed read or write is a miss.
struct CacheApi<'a>(&'a Context);

impl AnswerCache for CacheApi<'_> {
    async fn get(&self, key: &str, now: i64) -> Option<Kept> {
        let mut found = Cache::default().get(key, false).await.ok()??;
        // An entry without its time (kept by an older version) is served but not copied
        // into memory: it counts as made a lifetime ago.
        let made_at = found
            .headers()
            .get(MADE_AT)
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
            .unwrap_or(now - PUBLIC_MAX_AGE_SECS);
        let body = found.text().await.ok()?;
        Some(Kept { body, made_at })
    }

    async fn put(&self, key: &str, kept: &Kept) {
        let (key, kept) = (key.to_owned(), kept.clone());
        self.0.wait_until(async move {
            let stored = Response::ok(kept.body).map(|r| {
                let headers = Headers::new();
                // The Cache API keeps an answer as long as its own max-age says.
                let _ = headers.set(
                    "cache-control",
                    &format!("public, max-age={PUBLIC_MAX_AGE_SECS}"),
                );
                let _ = headers.set(MADE_AT, &kept.made_at.to_string());
                r.with_headers(headers)
            });
            if let Ok(stored) = stored {
                if let Err(e) = Cache::default().put(key.as_str(), stored).await {
                    crate::error::log_warning(&format!("edge cache put failed: {e}"));
                }
            }
        });
    }
}

/// The runtime's clock.
fn now() -> OffsetDateTime {
    let millis = worker::Date::now().as_millis();
    i128::from(millis)
        .checked_mul(1_000_000)
        .and_then(|nanos| OffsetDateTime::from_unix_timestamp_nanos(nanos).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Outbound calls through the runtime's `fetch`, aborted after [`TIMEOUT_MS`].
struct WorkerFetch;

impl WorkerFetch {
    async fn send_inner(&self, request: OutboundRequest) -> Result<OutboundResponse> {
        let headers = Headers::new();
        for (name, value) in &request.headers {
            headers.set(name, value)?;
        }
        let method = match request.method {
            Method::Post => worker::Method::Post,
            _ => worker::Method::Get,
        };
        let mut init = RequestInit::new();
        init.with_method(method).with_headers(headers);
        if let Some(body) = request.body {
            init.with_body(Some(
                worker::js_sys::Uint8Array::from(body.as_slice()).into(),
            ));
        }
        let controller = AbortController::default();
        let signal = controller.signal();
        let outbound = Request::new_with_init(&request.url, &init)?;
        let call = Box::pin(async move {
            let mut response = Fetch::Request(outbound).send_with_signal(&signal).await?;
            let body = response.text().await?;
            Ok::<_, worker::Error>(OutboundResponse {
                status: response.status_code(),
                body,
            })
        });
        let timeout = Delay::from(Duration::from_millis(TIMEOUT_MS));
        match select(call, timeout).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => {
                controller.abort();
                Err(worker::Error::RustError(format!(
                    "no answer within {TIMEOUT_MS} ms"
                )))
            }
        }
    }
}

impl Outbound for WorkerFetch {
    async fn send(
        &self,
        request: OutboundRequest,
    ) -> std::result::Result<OutboundResponse, OutboundError> {
        // Only the service's origin goes into errors: paths and queries may carry codes or
        // identity codes (Valtuudet puts them in the path).
        let target = url::Url::parse(&request.url)
            .map(|u| u.origin().ascii_serialization())
            .unwrap_or_default();
        self.send_inner(request)
            .await
            .map_err(|e| OutboundError(format!("{target}: {e}")))
    }
}

fn to_worker_response(response: ApiResponse) -> Result<Response> {
    let headers = Headers::new();
    for (name, value) in &response.headers {
        // append, not set: `set-cookie` may repeat.
        headers.append(name, value)?;
    }
    let base = if !response.bytes.is_empty() {
        Response::from_bytes(response.bytes)?
    } else if response.body.is_empty() {
        Response::empty()?
    } else {
        Response::ok(response.body)?
    };
    Ok(base.with_status(response.status).with_headers(headers))
}
