//! `/api/staff/customers..`: finding a customer (by identity code in the body, or by name
//! and birth date), adding one, the customer card, revealing the identity code, the
//! address and non-disclosure flag, and need assessments.

use super::{customer_of, field_error, member, refuse};
use crate::db::desk::access_log::{self, log_staff_views, staff_view_statement};
use crate::db::desk::assessments::{self, assessment_statement};
use crate::db::desk::customers::{self, NewCustomerRecord};
use crate::db::desk::decisions::{self, DecisionsOf, Made};
use crate::db::desk::events::{self, StaffEventFilter};
use crate::db::desk::proxies;
use crate::db::{organisers, vouchers as customer_vouchers, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::desk::{
    ContactUpdate, Created, CustomerCard, CustomerCreated, CustomerSearch, CustomerSearchResult,
    NewAssessment, NewCustomer, PostalAddress, RevealedHetu,
};
use seteli_domain::desk::{check_text, FieldError, StaffView, MAX_NAME, MAX_TEXT};
use seteli_domain::ids::CustomerId;
use seteli_domain::permissions::Action;
use seteli_domain::{ErrorCode, Hetu};

/// `POST /api/staff/customers/search`: the organiser's customers with the identity code in
/// the body, or with the family name (and given name) born on the birth date. Each customer
/// listed is logged as seen. Permission: [`Action::StaffViewCustomers`].
pub async fn handle_search<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewCustomers, call.lang)?;
    let search: CustomerSearch = call.body(ErrorCode::InvalidSearch)?;
    let db = &call.ctx.db;
    let invalid = || refuse(ErrorCode::InvalidSearch, call.lang);
    let found = match (&search.hetu, &search.family_name, search.birth_date) {
        (Some(hetu), _, _) if !hetu.trim().is_empty() => {
            let hetu = Hetu::parse(hetu.trim()).map_err(|_| {
                field_error(
                    FieldError {
                        code: ErrorCode::InvalidSearch,
                        field: "hetu",
                    },
                    call.lang,
                )
            })?;
            customers::by_hetu(db, &member.organiser, &hetu).await?
        }
        (_, Some(family), Some(born)) if !family.trim().is_empty() => {
            customers::by_name(
                db,
                &member.organiser,
                family,
                search.given_name.as_deref(),
                born,
            )
            .await?
        }
        _ => return Err(invalid()),
    };
    let ids: Vec<CustomerId> = found.iter().map(|c| c.id).collect();
    log_staff_views(db, member, &ids, StaffView::Search, &call.ctx.timestamp()).await?;
    let customers = found
        .iter()
        .map(|c| c.list_item(call.lang))
        .collect::<Result<_, _>>()?;
    Ok(ApiResponse::private_json(
        200,
        &CustomerSearchResult { customers },
    ))
}

/// Whether `address` is typed in full, each part within bounds.
fn check_address(address: Option<&PostalAddress>, code: ErrorCode) -> Result<(), FieldError> {
    if let Some(a) = address {
        check_text(&a.street_address, MAX_NAME, code, "street_address")?;
        let postal_ok = a.postal_code.trim().len() == 5
            && a.postal_code.trim().bytes().all(|b| b.is_ascii_digit());
        if !postal_ok {
            return Err(FieldError {
                code,
                field: "postal_code",
            });
        }
        check_text(&a.post_office, MAX_NAME, code, "post_office")?;
    }
    Ok(())
}

/// `POST /api/staff/customers`: adds a resident of one of the organiser's municipalities
/// who is not yet in Seteli (201 with the id). Permission: [`Action::StaffEditCustomers`].
pub async fn handle_create<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffEditCustomers, call.lang)?;
    let new: NewCustomer = call.body(ErrorCode::InvalidCustomer)?;
    let code = ErrorCode::InvalidCustomer;
    let fail = |field| field_error(FieldError { code, field }, call.lang);
    let hetu = Hetu::parse(new.hetu.trim()).map_err(|_| fail("hetu"))?;
    check_text(&new.given_name, MAX_NAME, code, "given_name")
        .and_then(|()| check_text(&new.family_name, MAX_NAME, code, "family_name"))
        .and_then(|()| check_address(new.address.as_ref(), code))
        .map_err(|e| field_error(e, call.lang))?;
    let db = &call.ctx.db;
    if !organisers::serves(db, &member.organiser, &new.municipality_code).await? {
        return Err(fail("municipality_code"));
    }
    if customer_vouchers::customer_by_hetu(db, hetu.as_str())
        .await?
        .is_some()
    {
        return Err(refuse(ErrorCode::CustomerExists, call.lang));
    }
    let record = NewCustomerRecord {
        hetu: &hetu,
        given_name: &new.given_name,
        family_name: &new.family_name,
        municipality: &new.municipality_code,
        address: new.address.as_ref(),
        non_disclosure: new.non_disclosure,
        lang: new.lang,
        created_by: &member.username,
    };
    let id = match customers::create(db, &record).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => {
            return Err(refuse(ErrorCode::CustomerExists, call.lang))
        }
        Err(e) => return Err(e.into()),
    };
    Ok(ApiResponse::private_json(201, &CustomerCreated { id }))
}

/// `GET /api/staff/customers/{id}`: the customer card — vouchers, decisions, assessments,
/// events, the registered proxy, feedback, the producer log and the access log; the
/// identity code masked. The view is logged. Permission: [`Action::StaffViewCustomers`].
pub async fn handle_card<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewCustomers, call.lang)?;
    let customer = customer_of(call, member).await?;
    let db = &call.ctx.db;
    let (id, lang, organiser) = (customer.id, call.lang, &member.organiser);
    // The view is logged before the card is read, so the card's own log shows it.
    let at = call.ctx.timestamp();
    db.execute_statement(staff_view_statement(member, id, StaffView::Card, &at))
        .await?;
    let hetu = customer.hetu()?;
    let mut proxies = proxies::proxies_of(db, id).await?;
    let proxy = match proxies.first() {
        Some(p) if p.ended_at.is_none() => Some(proxies.remove(0)),
        _ => None,
    };
    let decisions =
        decisions::decisions(db, DecisionsOf::Organiser(organiser), None, Some(id), None)
            .await?
            .iter()
            .map(|d| d.summary(lang))
            .collect();
    let filter = StaffEventFilter {
        customer: Some(id),
        ..StaffEventFilter::default()
    };
    let card = CustomerCard {
        id,
        given_name: customer.given_name.clone(),
        family_name: customer.family_name.clone(),
        masked_hetu: hetu.masked(),
        birth_date: hetu.birth_date(),
        municipality_code: customer.municipality_code.clone(),
        municipality_name: customer.municipality_name(lang),
        address: customer.address(),
        non_disclosure: customer.non_disclosure != 0,
        lang: customer
            .lang
            .as_deref()
            .and_then(seteli_domain::Lang::parse),
        assessments: assessments::assessments_of(db, organiser, id, None, lang).await?,
        applications: crate::db::resident_applications::list(
            db,
            crate::db::resident_applications::Scope::Customer(organiser, id),
            lang,
            call.ctx.today(),
        )
        .await?,
        decisions,
        vouchers: crate::db::desk::vouchers(db, organiser, Some(id), None, lang).await?,
        proxy,
        past_proxies: proxies,
        events: events::events(db, organiser, &filter).await?,
        producer_log: access_log::producer_log(db, id).await?,
        feedback: customer_vouchers::feedback_of(db, id).await?,
        access_log: access_log::access_log(db, id, lang, 100).await?,
    };
    Ok(ApiResponse::private_json(200, &card))
}

/// `POST /api/staff/customers/{id}/reveal`: the customer's full identity code; the reveal
/// is logged. Permission: [`Action::StaffViewCustomers`].
pub async fn handle_reveal<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewCustomers, call.lang)?;
    let customer = customer_of(call, member).await?;
    let hetu = customer.hetu()?;
    call.ctx
        .db
        .execute_statement(staff_view_statement(
            member,
            customer.id,
            StaffView::IdentityCode,
            &call.ctx.timestamp(),
        ))
        .await?;
    Ok(ApiResponse::private_json(
        200,
        &RevealedHetu {
            hetu: hetu.as_str().to_owned(),
        },
    ))
}

/// `POST /api/staff/customers/{id}/contact`: the address letters go to and the
/// non-disclosure flag. Permission: [`Action::StaffEditCustomers`].
pub async fn handle_contact<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffEditCustomers, call.lang)?;
    let update: ContactUpdate = call.body(ErrorCode::InvalidCustomer)?;
    let customer = customer_of(call, member).await?;
    check_address(update.address.as_ref(), ErrorCode::InvalidCustomer)
        .map_err(|e| field_error(e, call.lang))?;
    call.ctx
        .db
        .batch(&[
            customers::contact_statement(
                customer.id,
                update.address.as_ref(),
                update.non_disclosure,
                update.lang,
            ),
            staff_view_statement(
                member,
                customer.id,
                StaffView::Contact,
                &call.ctx.timestamp(),
            ),
        ])
        .await?;
    Ok(ApiResponse::no_content())
}

/// `POST /api/staff/customers/{id}/assessments`: records a need assessment (201 with its
/// id). Permission: [`Action::StaffEditCustomers`].
pub async fn handle_record_assessment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffEditCustomers, call.lang)?;
    let new: NewAssessment = call.body(ErrorCode::InvalidAssessment)?;
    let customer = customer_of(call, member).await?;
    let code = ErrorCode::InvalidAssessment;
    if new.assessed_on > call.ctx.today() {
        return Err(field_error(
            FieldError {
                code,
                field: "assessed_on",
            },
            call.lang,
        ));
    }
    check_text(&new.assessor, MAX_NAME, code, "assessor")
        .and_then(|()| check_text(&new.summary, MAX_TEXT, code, "summary"))
        .map_err(|e| field_error(e, call.lang))?;
    if crate::db::catalogue::service_unit(&call.ctx.db, &new.service_code)
        .await?
        .is_none()
    {
        return Err(field_error(
            FieldError {
                code,
                field: "service_code",
            },
            call.lang,
        ));
    }
    let at = call.ctx.timestamp();
    let db = &call.ctx.db;
    db.batch(&[
        assessment_statement(
            customer.id,
            &member.organiser,
            new.assessed_on,
            &new.assessor,
            &new.service_code,
            &new.summary,
            new.outcome,
            &member.username,
            &at,
        ),
        staff_view_statement(member, customer.id, StaffView::Assessment, &at),
    ])
    .await?;
    let id = decisions::made_by(db, Made::Assessment, customer.id, &member.username, &at).await?;
    Ok(ApiResponse::private_json(201, &Created { id }))
}
