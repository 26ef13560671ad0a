//! `/api/producer/events..`: logging, cancelling and correcting service events — how an
//! event is checked and priced, and how a retried submission is told from a reused key.

use super::agent;
use super::vouchers::linked;
use super::{error, Who};
use crate::context::Ctx;
use crate::crypto::sha256_hex;
use crate::db::producer_desk::{self as desk, EventFilter, EventRecord, EventRef, Stored};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::{EventCorrection, NewServiceEvent, ProducerEvent, ProducerVoucher};
use seteli_domain::clock::{finnish_date, iso_date};
use seteli_domain::ids::{EventId, ProducerId, VoucherId};
use seteli_domain::permissions::Action;
use seteli_domain::producer::{check_event, valid_idempotency_key};
use seteli_domain::voucher::event_shares;
use seteli_domain::{ErrorCode, Lang};
use time::Date;

/// A validated, priced event for `voucher`, or why not.
struct Priced {
    units_x100: i64,
    shares: seteli_domain::voucher::EventShares,
    unit_price: seteli_domain::Cents,
}

impl Priced {
    /// What to store for the submission `fields` (correcting `corrects`, if any).
    fn record<'a>(
        &self,
        producer: ProducerId,
        voucher_id: VoucherId,
        fields: &EventFields<'a>,
        request_hash: &'a str,
        corrects: Option<(EventId, seteli_domain::Cents)>,
    ) -> EventRecord<'a> {
        EventRecord {
            producer,
            voucher_id,
            idempotency_key: fields.idempotency_key,
            request_hash,
            service_date: fields.service_date,
            description: fields.description,
            units_x100: self.units_x100,
            unit_price: self.unit_price,
            voucher_share: self.shares.voucher_share,
            own_share: self.shares.own_share,
            corrects,
        }
    }
}

/// Checks an event against its voucher and prices it at the producer's offer valid on the
/// service date (not today's: a price change must not reprice earlier visits).
async fn price_event<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: ProducerId,
    voucher: &ProducerVoucher,
    event: &EventFields<'_>,
    lang: Lang,
) -> Result<Priced, EdgeError> {
    let invalid = || error(ErrorCode::InvalidEvent, lang);
    let valid = (voucher.valid_from, voucher.valid_until);
    let date = event.service_date;
    if voucher.status == seteli_domain::voucher::VoucherStatus::Cancelled
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
    service_date: Date,
    units_x100: i64,
    description: &'a str,
}

impl<'a> From<&'a NewServiceEvent> for EventFields<'a> {
    fn from(e: &'a NewServiceEvent) -> Self {
        Self::of(
            &e.idempotency_key,
            e.service_date,
            e.units_x100,
            &e.description,
        )
    }
}

impl<'a> From<&'a EventCorrection> for EventFields<'a> {
    fn from(e: &'a EventCorrection) -> Self {
        Self::of(
            &e.idempotency_key,
            e.service_date,
            e.units_x100,
            &e.description,
        )
    }
}

impl<'a> EventFields<'a> {
    /// The fields of a new event or a correction, the description without surrounding space.
    fn of(
        idempotency_key: &'a str,
        service_date: Date,
        units_x100: i64,
        description: &'a str,
    ) -> Self {
        Self {
            idempotency_key,
            service_date,
            units_x100,
            description: description.trim(),
        }
    }

    /// A hash of everything the submission asks for (and which event it corrects), so that
    /// a key reused with other content can be told from a retry.
    fn request_hash(&self, voucher_id: VoucherId, corrects: Option<EventId>) -> String {
        let canonical = serde_json::json!([
            voucher_id,
            corrects,
            iso_date(self.service_date),
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
    producer: ProducerId,
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
    Ok(ApiResponse::private_json(status, &event))
}

async fn by_key<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: ProducerId,
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
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerLogEvents, call.lang)?;
    let producer = agent.company.producer_id;
    let new: NewServiceEvent = call.body(ErrorCode::InvalidEvent)?;
    let fields = EventFields::from(&new);
    let request_hash = fields.request_hash(new.voucher_id, None);
    // A retry answers before anything else can have changed (price, balance, validity).
    if let Some(first) = retried(
        call.ctx,
        producer,
        fields.idempotency_key,
        |_| request_hash.clone(),
        call.lang,
    )
    .await?
    {
        return Ok(ApiResponse::private_json(200, &first));
    }
    let voucher = linked(call.ctx, producer, new.voucher_id, call.lang).await?;
    let priced = price_event(call.ctx, producer, &voucher, &fields, call.lang).await?;
    let record = priced.record(producer, voucher.voucher_id, &fields, &request_hash, None);
    store(call.ctx, &record, &Who::of(agent, call.ctx)?, call.lang).await
}

/// The producer's own event, if it can still be corrected or cancelled.
async fn correctable_event<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: ProducerId,
    id: &str,
    lang: Lang,
) -> Result<ProducerEvent, EdgeError> {
    let not_found = || error(ErrorCode::NotFound, lang);
    let id = EventId::parse(id).ok_or_else(not_found)?;
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
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerLogEvents, call.lang)?;
    let producer = agent.company.producer_id;
    let event = correctable_event(call.ctx, producer, call.id, call.lang).await?;
    if !desk::cancel_event(
        &call.ctx.db,
        producer,
        &event,
        &Who::of(agent, call.ctx)?.log(),
    )
    .await?
    {
        return Err(error(ErrorCode::EventLocked, call.lang));
    }
    let cancelled = desk::events(
        &call.ctx.db,
        producer,
        EventFilter::Id(event.id),
        finnish_date(call.ctx.now),
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(|| EdgeError::Internal("a cancelled event was not found".into()))?;
    Ok(ApiResponse::private_json(200, &cancelled))
}

/// `POST /api/producer/events/{id}/correct`: within 14 days, replaces the event with a
/// corrected one in one atomic step (the original stays, cancelled; the correction names
/// it). Permission: [`Action::ProducerLogEvents`].
pub async fn handle_correct_event<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerLogEvents, call.lang)?;
    let producer = agent.company.producer_id;
    let correction: EventCorrection = call.body(ErrorCode::InvalidEvent)?;
    let fields = EventFields::from(&correction);
    let original_id = EventId::parse(call.id);
    // The retried correction's event names its voucher; the key's first use decides.
    let hash_of = |first: &ProducerEvent| fields.request_hash(first.voucher_id, original_id);
    let retry = retried(
        call.ctx,
        producer,
        fields.idempotency_key,
        hash_of,
        call.lang,
    );
    if let Some(first) = retry.await? {
        return Ok(ApiResponse::private_json(200, &first));
    }
    let original = correctable_event(call.ctx, producer, call.id, call.lang).await?;
    let voucher = linked(call.ctx, producer, original.voucher_id, call.lang).await?;
    let priced = price_event(call.ctx, producer, &voucher, &fields, call.lang).await?;
    let request_hash = fields.request_hash(voucher.voucher_id, Some(original.id));
    let corrects = Some((original.id, original.voucher_share_cents));
    let record = priced.record(
        producer,
        voucher.voucher_id,
        &fields,
        &request_hash,
        corrects,
    );
    store(call.ctx, &record, &Who::of(agent, call.ctx)?, call.lang).await
}

/// `POST /api/producer/events/{id}/answer` `{body}`: the producer's answer to the
/// organiser's dispute of its own event (1–2000 characters, once; logged). Another
/// producer's event, or one without an open dispute, is refused alike. Permission:
/// [`Action::ProducerLogEvents`].
pub async fn handle_answer_dispute<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    use crate::db::desk::events::{answer_statement, open_dispute};
    use seteli_domain::api::desk::DisputeAnswer;
    let agent = agent(call.actor, Action::ProducerLogEvents, call.lang)?;
    let producer = agent.company.producer_id;
    let answer: DisputeAnswer = call.body(ErrorCode::InvalidReply)?;
    let no_dispute = || error(ErrorCode::NoOpenDispute, call.lang);
    let id = EventId::parse(call.id).ok_or_else(no_dispute)?;
    let length = answer.body.trim().chars().count();
    if length == 0 || length > seteli_domain::desk::MAX_TEXT {
        return Err(error(ErrorCode::InvalidReply, call.lang));
    }
    let voucher = open_dispute(&call.ctx.db, id, producer)
        .await?
        .ok_or_else(no_dispute)?;
    let who = Who::of(agent, call.ctx)?;
    let log = who.log();
    call.ctx
        .db
        .batch(&[
            answer_statement(id, producer, &answer.body, log.name, log.at),
            desk::log_statement(producer, &log, voucher, EventRef::Id(id), "answer_dispute"),
        ])
        .await?;
    let event = desk::events(
        &call.ctx.db,
        producer,
        EventFilter::Id(id),
        call.ctx.today(),
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(no_dispute)?;
    Ok(ApiResponse::private_json(200, &event))
}
