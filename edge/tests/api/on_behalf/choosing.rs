//! The choice itself: nobody to pick, a cancelled choice, a choice that comes back
//! twice, to another session or too late, an unconfigured Valtuudet, and who may use the routes.

use super::{app, assert_refused, browser, person};
use crate::helpers::PUBLIC_URL;
use crate::helpers::{assert_method_not_allowed, Session};
use seteli_edge::http::Method;

#[tokio::test]
async fn nobody_to_act_for_is_refused_with_its_reason() {
    let app = app();
    let eeva = browser(&app, "Eeva-Liisa").await;
    let selection = eeva.start_choice("child").await;
    // The mock sends a person with nobody to pick straight back with an error.
    let (status, back) = app.valtuudet().open(&selection).await;
    assert_eq!(status, 303);
    let landed = eeva.come_back(&back.unwrap()).await;
    assert_refused(&eeva, landed, "no_principals&for=child&lang=en").await;
}

#[tokio::test]
async fn cancelling_the_choice_acts_for_nobody() {
    let app = app();
    let anni = browser(&app, "Anni").await;
    let back = anni.pick_at_valtuudet("adult", ("action", "cancel")).await;
    let landed = anni.come_back(&back).await;
    assert_refused(&anni, landed, "no_principals&for=adult&lang=en").await;
}

#[tokio::test]
async fn a_choice_comes_back_only_once_and_only_to_the_session_that_began_it() {
    let app = app();
    let anni = browser(&app, "Anni").await;
    let back = anni
        .pick_at_valtuudet("child", ("principal", person("Eetu").code()))
        .await;

    // Another person's browser cannot finish Anni's choice.
    let mikko = browser(&app, "Mikko").await;
    let landed = mikko.come_back(&back).await;
    assert_refused(&mikko, landed, "expired&for=child&lang=en").await;
    // The state was used up by that attempt.
    let landed = anni.come_back(&back).await;
    assert_refused(&anni, landed, "expired&for=child&lang=fi").await;
}

#[tokio::test]
async fn a_stale_choice_expires() {
    let mut app = app();
    let anni = browser(&app, "Anni").await;
    let back = anni
        .pick_at_valtuudet("child", ("principal", person("Eetu").code()))
        .await;
    let id = anni.id();
    app.advance(16 * 60);
    let anni = Session::with_id(&app, &id);
    assert_eq!(
        anni.come_back(&back).await,
        "/on-behalf?refused=expired&for=child&lang=en"
    );
}

#[tokio::test]
async fn an_unconfigured_valtuudet_explains_itself() {
    let mut app = app();
    app.ctx.config.valtuudet = None;
    let anni = browser(&app, "Anni").await;
    let start = anni.get("/api/on-behalf/start?for=adult").await;
    assert_eq!(
        start.header("location"),
        Some("/on-behalf?refused=unavailable&for=adult&lang=fi")
    );
}

#[tokio::test]
async fn the_on_behalf_routes_need_a_citizen() {
    let app = app();
    for path in [
        "/api/citizen/trail",
        "/api/citizen/messages",
        "/api/on-behalf/registered",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, 401, "{path}");
    }
    let stop = app.request(Method::Post, "/api/on-behalf/stop").await;
    assert_eq!(stop.status, 401);
    // A visitor who opens the start link is sent to the page that asks them to log in.
    let start = app.get("/api/on-behalf/start?for=child&lang=sv").await;
    assert_eq!(start.header("location"), Some("/on-behalf?lang=sv"));
    // An unknown state never acts for anyone.
    let anni = browser(&app, "Anni").await;
    assert_eq!(
        anni.come_back(&format!(
            "{PUBLIC_URL}/api/valtuudet/callback?code=x&state=nope"
        ))
        .await,
        "/on-behalf?refused=expired&for=child&lang=fi"
    );
    assert_method_not_allowed(
        &app,
        &[
            "DELETE /api/citizen/trail -> GET, HEAD",
            "POST /api/citizen/messages -> GET, HEAD",
            "POST /api/on-behalf/start -> GET, HEAD",
            "POST /api/valtuudet/callback -> GET, HEAD",
            "GET /api/on-behalf/stop -> POST",
            "DELETE /api/on-behalf/registered -> GET, HEAD, POST",
        ],
    )
    .await;
}
