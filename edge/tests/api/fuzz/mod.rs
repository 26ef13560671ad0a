//! Fuzz targets for the edge's readers of request and remote input: URLs and query strings,
//! headers and cookies, JSON bodies through the whole router (as a visitor, a citizen and a
//! company's agent), Suomi.fi-valtuudet's and PRH's company registry's answers, and the
//! identity provider's discovery document, token response, key set and ID tokens. Each asserts
//! that nothing panics, and what it can about the answer: no input yields an internal error,
//! every error is the API's JSON error, only a clear ALLOWED grants anything, only a 200 from
//! the registry is read as its answer, a token that verifies names our issuer, audience and
//! nonce.
//!
//! `cargo test` runs a small number of cases of each; `cargo xtask fuzz` runs them for a
//! time (see `harness`). What a run finds is kept at the end as a named regression test.

#[path = "../../../../domain/tests/harness/mod.rs"]
mod harness;

mod identity_provider;
mod messages_answers;
mod registry_answers;
mod requests;
mod router;
mod valtuudet_answers;

use crate::helpers::{cast, IdentificationMock, Mocks, Session, TestApp, PUBLIC_URL};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use harness::fuzz;
use harness::gen::{any_text, body, json_leaf, json_value, object_with, text_near, PLAUSIBLE};
use proptest::prelude::*;
use seteli_domain::routes::{RouteMethod, ROUTES};
use seteli_domain::voucher::VoucherNumber;
use seteli_edge::auth::{cookie, require_same_origin, set_cookie, SESSION_COOKIE};
use seteli_edge::handle;
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::oidc::{self, CodeExchange, Discovery, Jwk, Jwks, OidcConfig};
use seteli_edge::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse};
use seteli_edge::registry::{self, YtjConfig};
use seteli_edge::valtuudet::{self, CallContext, Decision, Mode, ValtuudetConfig};
use std::cell::RefCell;
use std::collections::VecDeque;

/// Cases per target in the normal suite.
const CASES: u32 = 256;
/// Cases for targets that run the router or RSA per case.
const SLOW_CASES: u32 = 48;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// Answers each call with the next canned answer (the last one again when they run out).
pub struct Scripted {
    answers: RefCell<VecDeque<Result<OutboundResponse, OutboundError>>>,
}

impl Scripted {
    fn new(answers: Vec<Answer>) -> Self {
        Self {
            answers: RefCell::new(
                answers
                    .into_iter()
                    .map(|a| match a {
                        Some((status, body)) => Ok(OutboundResponse { status, body }),
                        None => Err(OutboundError("no answer within 3000 ms".into())),
                    })
                    .collect(),
            ),
        }
    }
}

impl Outbound for Scripted {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        let mut answers = self.answers.borrow_mut();
        match answers.len() {
            0 => Err(OutboundError("no answer scripted".into())),
            1 => answers[0].clone(),
            _ => answers.pop_front().expect("not empty"),
        }
    }
}

/// A status and a body, or no answer at all.
type Answer = Option<(u16, String)>;

fn answer(fields: &'static [&'static str]) -> impl Strategy<Value = Answer> {
    let status = prop_oneof![
        6 => Just(200u16),
        1 => proptest::sample::select(&[204u16, 301, 400, 401, 403, 404, 429, 500, 502][..]),
        1 => any::<u16>(),
    ];
    proptest::option::weighted(0.95, (status, body(fields)))
}
