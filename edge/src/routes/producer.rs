//! `/api/producer/..`: a person acting for a producer company (chosen through Valtuudet
//! `ypa`) at work — the company's home, voucher numbers, service events, prices and replies
//! to feedback. Every handler asks the permission catalogue first, and every query is
//! limited to the company's own rows: another producer's vouchers and events are 404.

use super::citizen::{private_json, timestamp};
use crate::crypto::sha256_hex;
use crate::db::producer_desk::{
    self as desk, Actor as LogActor, EventFilter, EventRecord, EventRef, Stored,
};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use crate::router::Ctx;
use seteli_domain::api::{
    EventCorrection, NewPrice, NewReply, NewServiceEvent, ProducerEvent, ProducerHome,
    ProducerVoucher, ProducerVoucherDetail, VoucherLookup,
};
use seteli_domain::clock::finnish_date;
use seteli_domain::permissions::{require, Action, Actor, ProducerAgent};
use seteli_domain::producer::{
    check_event, valid_idempotency_key, valid_price_start, LOOKUP_FAILURES_ALLOWED,
    LOOKUP_WINDOW_SECS,
};
use seteli_domain::voucher::{event_shares, FeedbackText, VoucherNumber};
use seteli_domain::{ApiError, ErrorCode, Lang};
use time::Date;

/// The person acting for a company, after the permission catalogue allowed `action`.
fn agent(actor: &Actor, action: Action, lang: Lang) -> Result<&ProducerAgent, EdgeError> {
    require(actor, action, lang)?;
    match actor {
        Actor::Producer(agent) => Ok(agent),
        _ => Err(ApiError::new(ErrorCode::Forbidden, lang).into()),
    }
}

fn error(code: ErrorCode, lang: Lang) -> EdgeError {
    ApiError::new(code, lang).into()
}

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, &time::format_description::well_known::Iso8601::DATE).ok()
}

/// What the log says about who acted.
struct Who {
    name: String,
    key: String,
    at: String,
}

impl Who {
    fn of<D: Database, H: Outbound>(
        agent: &ProducerAgent,
        ctx: &Ctx<D, H>,
    ) -> Result<Who, EdgeError> {
        Ok(Who {
            name: format!("{} {}", agent.person.given_name, agent.person.family_name),
            key: ctx.identity_key("producer-log", agent.person.hetu.as_str())?,
            at: timestamp(ctx.now),
        })
    }
    fn log(&self) -> LogActor<'_> {
        LogActor {
            name: &self.name,
            key: &self.key,
            at: &self.at,
        }
    }
}

/// `GET /api/producer/home`. Permission: [`Action::ProducerView`].
pub async fn handle_home<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerView, lang)?;
    let producer = agent.company.producer_id;
    let today = ctx.today();
    let feedback = desk::feedback_of(&ctx.db, producer, None).await?;
    let home = ProducerHome {
        producer_id: producer,
        name: agent.company.name.clone(),
        services: desk::services_of(&ctx.db, producer, &today, lang).await?,
        vouchers: desk::linked_vouchers(&ctx.db, producer, None, &today, lang).await?,
        recent_events: desk::events(
            &ctx.db,
            producer,
            EventFilter::Latest(20),
            finnish_date(ctx.now),
        )
        .await?,
        feedback_waiting: feedback.into_iter().filter(|f| f.reply.is_none()).collect(),
    };
    Ok(private_json(200, &home))
}

/// `GET /api/producer/prices`. Permission: [`Action::ProducerView`].
pub async fn handle_prices<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let producer = agent(actor, Action::ProducerView, lang)?
        .company
        .producer_id;
    let list = desk::services_of(&ctx.db, producer, &ctx.today(), lang).await?;
    Ok(private_json(200, &list))
}

/// `POST /api/producer/prices`: a price for an approved service from a later day on.
/// Permission: [`Action::ProducerSetPrices`].
pub async fn handle_set_price<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let producer = agent(actor, Action::ProducerSetPrices, lang)?
        .company
        .producer_id;
    let price: NewPrice = req
        .json()
        .map_err(|_| error(ErrorCode::InvalidPrice, lang))?;
    let starts_later = parse_date(&price.valid_from)
        .is_some_and(|from| valid_price_start(from, finnish_date(ctx.now)));
    if !starts_later || price.price_cents.get() > 1_000_000_000 {
        return Err(error(ErrorCode::InvalidPrice, lang));
    }
    let stored = desk::set_price(
        &ctx.db,
        producer,
        price.municipality_code.as_str(),
        price.service_code.as_str(),
        &price.valid_from,
        price.price_cents,
    )
    .await?;
    if !stored {
        return Err(error(ErrorCode::InvalidPrice, lang));
    }
    let list = desk::services_of(&ctx.db, producer, &ctx.today(), lang).await?;
    Ok(private_json(201, &list))
}

/// `POST /api/producer/vouchers/lookup`: the voucher behind the number the customer gave,
/// if the producer is approved for its service there; links it (logged). Wrong numbers
/// count against the person: after [`LOOKUP_FAILURES_ALLOWED`] in [`LOOKUP_WINDOW_SECS`],
/// 429 until the window has passed. Permission: [`Action::ProducerLookUpVoucher`].
pub async fn handle_lookup<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerLookUpVoucher, lang)?;
    let producer = agent.company.producer_id;
    let who = Who::of(agent, ctx)?;
    let lookup: VoucherLookup = req.json()?;
    let now = ctx.unix_now();
    let since = now - LOOKUP_WINDOW_SECS;
    let guard_key = ctx.identity_key("voucher-lookups", agent.person.hetu.as_str())?;
    // The attempt is counted (as wrong until it proves right) in the same statement that
    // checks the limit, so parallel requests cannot all slip under it.
    let Some(attempt) =
        desk::begin_lookup(&ctx.db, &guard_key, now, since, LOOKUP_FAILURES_ALLOWED).await?
    else {
        let refused = ApiError::new(ErrorCode::TooManyAttempts, lang);
        return Ok(
            ApiResponse::error(&refused).with_header("retry-after", LOOKUP_WINDOW_SECS.to_string())
        );
    };
    let voucher_id = match VoucherNumber::parse(&lookup.number) {
        Ok(number) => desk::voucher_by_number(&ctx.db, number.as_str()).await?,
        Err(_) => None,
    };
    let usable = match voucher_id {
        Some(id) => desk::may_serve(&ctx.db, producer, id, &ctx.today())
            .await?
            .then_some(id),
        None => None,
    };
    let Some(voucher_id) = usable else {
        return Err(error(ErrorCode::VoucherNumberNotFound, lang));
    };
    desk::link_voucher(&ctx.db, producer, voucher_id, attempt, &who.log()).await?;
    let voucher = linked(ctx, producer, voucher_id, lang).await?;
    Ok(private_json(200, &voucher))
}

async fn linked<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: seteli_domain::catalogue::ProducerId,
    voucher_id: i64,
    lang: Lang,
) -> Result<ProducerVoucher, EdgeError> {
    desk::linked_vouchers(&ctx.db, producer, Some(voucher_id), &ctx.today(), lang)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| error(ErrorCode::VoucherNotFound, lang))
}

/// `GET /api/producer/vouchers/{id}`: a linked voucher and this producer's events under it
/// (logged as a view). Permission: [`Action::ProducerView`].
pub async fn handle_voucher<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerView, lang)?;
    let producer = agent.company.producer_id;
    let id: i64 = id
        .parse()
        .map_err(|_| error(ErrorCode::VoucherNotFound, lang))?;
    let voucher = linked(ctx, producer, id, lang).await?;
    let who = Who::of(agent, ctx)?;
    let (sql, params) =
        desk::log_statement(producer, &who.log(), id, EventRef::None, "view_voucher");
    ctx.db.execute(sql, &params).await?;
    let events = desk::events(
        &ctx.db,
        producer,
        EventFilter::Voucher(id),
        finnish_date(ctx.now),
    )
    .await?;
    Ok(private_json(
        200,
        &ProducerVoucherDetail { voucher, events },
    ))
}

/// A validated, priced event for `voucher`, or why not.
struct Priced {
    units_x100: i64,
    shares: seteli_domain::voucher::EventShares,
    unit_price: seteli_domain::Cents,
}

/// Checks an event against its voucher and prices it at the producer's offer valid on the
/// service date (not today's: a price change must not reprice earlier visits).
async fn price_event<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: seteli_domain::catalogue::ProducerId,
    voucher: &ProducerVoucher,
    event: &EventFields<'_>,
    lang: Lang,
) -> Result<Priced, EdgeError> {
    let invalid = || error(ErrorCode::InvalidEvent, lang);
    let valid = (
        parse_date(&voucher.valid_from).ok_or_else(invalid)?,
        parse_date(&voucher.valid_until).ok_or_else(invalid)?,
    );
    let date = parse_date(event.service_date).ok_or_else(invalid)?;
    if voucher.status == "cancelled"
        || !valid_idempotency_key(event.idempotency_key)
        || check_event(
            date,
            event.units_x100,
            event.description,
            valid,
            finnish_date(ctx.now),
        )
        .is_err()
    {
        return Err(invalid());
    }
    let Some(unit_price) =
        desk::price_on(&ctx.db, producer, voucher.voucher_id, event.service_date).await?
    else {
        return Err(error(ErrorCode::NoPrice, lang));
    };
    let shares =
        event_shares(unit_price, voucher.unit_value_cents, event.units_x100).ok_or_else(invalid)?;
    Ok(Priced {
        units_x100: event.units_x100,
        shares,
        unit_price,
    })
}

/// What a submission asks for, whether a new event or a correction.
struct EventFields<'a> {
    idempotency_key: &'a str,
    service_date: &'a str,
    units_x100: i64,
    description: &'a str,
}

impl EventFields<'_> {
    /// A hash of everything the submission asks for (and which event it corrects), so that
    /// a key reused with other content can be told from a retry.
    fn request_hash(&self, voucher_id: i64, corrects: Option<i64>) -> String {
        let canonical = serde_json::json!([
            voucher_id,
            corrects,
            self.service_date,
            self.units_x100,
            self.description,
        ]);
        sha256_hex(&canonical.to_string())
    }
}

/// The first answer to a retried submission: the event stored under the key, if the key
/// was used for the same request; `idempotency_key_reused` if it was used for another.
async fn retried<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: seteli_domain::catalogue::ProducerId,
    key: &str,
    request_hash: impl Fn(&ProducerEvent) -> String,
    lang: Lang,
) -> Result<Option<ProducerEvent>, EdgeError> {
    if !valid_idempotency_key(key) {
        return Ok(None);
    }
    let Some(first) = by_key(ctx, producer, key).await? else {
        return Ok(None);
    };
    match desk::submission_hash(&ctx.db, producer, key).await? {
        Some(stored) if stored != request_hash(&first) => {
            Err(error(ErrorCode::IdempotencyKeyReused, lang))
        }
        _ => Ok(Some(first)),
    }
}

/// Stores the event and answers with it: 201 when new, 200 with the first result when the
/// key was used before.
async fn store<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    record: &EventRecord<'_>,
    who: &Who,
    lang: Lang,
) -> Result<ApiResponse, EdgeError> {
    let stored = desk::store_event(&ctx.db, record, &who.log()).await?;
    let status = match stored {
        Stored::New => 201,
        Stored::Duplicate => {
            // A parallel submission with the same key won the race: same request or not?
            let stored_hash =
                desk::submission_hash(&ctx.db, record.producer, record.idempotency_key).await?;
            if stored_hash.is_some_and(|h| h != record.request_hash) {
                return Err(error(ErrorCode::IdempotencyKeyReused, lang));
            }
            200
        }
        Stored::InsufficientBalance => return Err(error(ErrorCode::InsufficientBalance, lang)),
        Stored::AlreadyCancelled => return Err(error(ErrorCode::EventLocked, lang)),
    };
    let event = by_key(ctx, record.producer, record.idempotency_key)
        .await?
        .ok_or_else(|| EdgeError::Internal("a stored event was not found by its key".into()))?;
    Ok(private_json(status, &event))
}

async fn by_key<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: seteli_domain::catalogue::ProducerId,
    key: &str,
) -> Result<Option<ProducerEvent>, EdgeError> {
    Ok(desk::events(
        &ctx.db,
        producer,
        EventFilter::Key(key),
        finnish_date(ctx.now),
    )
    .await?
    .into_iter()
    .next())
}

/// `POST /api/producer/events`: logs a visit under a linked voucher at the producer's
/// current price; the balance goes down atomically and never below zero; a retried key
/// returns the first result and logs nothing new. Permission: [`Action::ProducerLogEvents`].
pub async fn handle_log_event<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerLogEvents, lang)?;
    let producer = agent.company.producer_id;
    let new: NewServiceEvent = req
        .json()
        .map_err(|_| error(ErrorCode::InvalidEvent, lang))?;
    let fields = EventFields {
        idempotency_key: &new.idempotency_key,
        service_date: &new.service_date,
        units_x100: new.units_x100,
        description: new.description.trim(),
    };
    let request_hash = fields.request_hash(new.voucher_id, None);
    // A retry answers before anything else can have changed (price, balance, validity).
    if let Some(first) = retried(
        ctx,
        producer,
        fields.idempotency_key,
        |_| request_hash.clone(),
        lang,
    )
    .await?
    {
        return Ok(private_json(200, &first));
    }
    let voucher = linked(ctx, producer, new.voucher_id, lang).await?;
    let priced = price_event(ctx, producer, &voucher, &fields, lang).await?;
    let record = EventRecord {
        producer,
        voucher_id: voucher.voucher_id,
        idempotency_key: fields.idempotency_key,
        request_hash: &request_hash,
        service_date: fields.service_date,
        description: fields.description,
        units_x100: priced.units_x100,
        unit_price: priced.unit_price,
        voucher_share: priced.shares.voucher_share,
        own_share: priced.shares.own_share,
        corrects: None,
    };
    store(ctx, &record, &Who::of(agent, ctx)?, lang).await
}

/// The producer's own event, if it can still be corrected or cancelled.
async fn correctable_event<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: seteli_domain::catalogue::ProducerId,
    id: &str,
    lang: Lang,
) -> Result<ProducerEvent, EdgeError> {
    let not_found = || error(ErrorCode::NotFound, lang);
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let event = desk::events(
        &ctx.db,
        producer,
        EventFilter::Id(id),
        finnish_date(ctx.now),
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(not_found)?;
    // `correctable` counts from the original event's day, carried over to corrections.
    if !event.correctable {
        return Err(error(ErrorCode::EventLocked, lang));
    }
    Ok(event)
}

/// `POST /api/producer/events/{id}/cancel`: cancels the event within 14 days and returns
/// its voucher share to the balance; the event stays, cancelled. Permission:
/// [`Action::ProducerLogEvents`].
pub async fn handle_cancel_event<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerLogEvents, lang)?;
    let producer = agent.company.producer_id;
    let event = correctable_event(ctx, producer, id, lang).await?;
    if !desk::cancel_event(&ctx.db, producer, &event, &Who::of(agent, ctx)?.log()).await? {
        return Err(error(ErrorCode::EventLocked, lang));
    }
    let cancelled = desk::events(
        &ctx.db,
        producer,
        EventFilter::Id(event.id),
        finnish_date(ctx.now),
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(|| EdgeError::Internal("a cancelled event was not found".into()))?;
    Ok(private_json(200, &cancelled))
}

/// `POST /api/producer/events/{id}/correct`: within 14 days, replaces the event with a
/// corrected one in one atomic step (the original stays, cancelled; the correction names
/// it). Permission: [`Action::ProducerLogEvents`].
pub async fn handle_correct_event<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerLogEvents, lang)?;
    let producer = agent.company.producer_id;
    let correction: EventCorrection = req
        .json()
        .map_err(|_| error(ErrorCode::InvalidEvent, lang))?;
    let fields = EventFields {
        idempotency_key: &correction.idempotency_key,
        service_date: &correction.service_date,
        units_x100: correction.units_x100,
        description: correction.description.trim(),
    };
    let original_id: Option<i64> = id.parse().ok();
    // The retried correction's event names its voucher; the key's first use decides.
    let hash_of = |first: &ProducerEvent| fields.request_hash(first.voucher_id, original_id);
    if let Some(first) = retried(ctx, producer, fields.idempotency_key, hash_of, lang).await? {
        return Ok(private_json(200, &first));
    }
    let original = correctable_event(ctx, producer, id, lang).await?;
    let voucher = linked(ctx, producer, original.voucher_id, lang).await?;
    let priced = price_event(ctx, producer, &voucher, &fields, lang).await?;
    let request_hash = fields.request_hash(voucher.voucher_id, Some(original.id));
    let record = EventRecord {
        producer,
        voucher_id: voucher.voucher_id,
        idempotency_key: fields.idempotency_key,
        request_hash: &request_hash,
        service_date: fields.service_date,
        description: fields.description,
        units_x100: priced.units_x100,
        unit_price: priced.unit_price,
        voucher_share: priced.shares.voucher_share,
        own_share: priced.shares.own_share,
        corrects: Some((original.id, original.voucher_share_cents)),
    };
    store(ctx, &record, &Who::of(agent, ctx)?, lang).await
}

/// `GET /api/producer/feedback`. Permission: [`Action::ProducerView`].
pub async fn handle_feedback<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let producer = agent(actor, Action::ProducerView, lang)?
        .company
        .producer_id;
    let list = desk::feedback_of(&ctx.db, producer, None).await?;
    Ok(private_json(200, &list))
}

/// `POST /api/producer/feedback/{id}/reply`: one reply to feedback addressed to the
/// company; the customer (or their proxy) sees it. Permission: [`Action::ProducerReply`].
pub async fn handle_reply<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let producer = agent(actor, Action::ProducerReply, lang)?
        .company
        .producer_id;
    let not_found = || error(ErrorCode::NotFound, lang);
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let reply: NewReply = req
        .json()
        .map_err(|_| error(ErrorCode::InvalidReply, lang))?;
    let body =
        FeedbackText::parse(&reply.body).map_err(|_| error(ErrorCode::InvalidReply, lang))?;
    let feedback = desk::feedback_of(&ctx.db, producer, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    if feedback.reply.is_some()
        || !desk::insert_reply(&ctx.db, producer, id, body.as_str(), &timestamp(ctx.now)).await?
    {
        return Err(error(ErrorCode::AlreadyReplied, lang));
    }
    let answered = desk::feedback_of(&ctx.db, producer, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| EdgeError::Internal("replied feedback was not found".into()))?;
    Ok(private_json(201, &answered))
}
