//! The monthly satisfaction survey about one producer that served under a voucher: four
//! questions on a scale of 1–5 and an optional comment. One answer per voucher, producer
//! and month; once it is in (now, earlier this month, or as the server's 409 says), the
//! form gives way to a note saying so.

use crate::api;
use crate::components::form::{described_by, last_error, FormEnd};
use crate::components::text_limit::{char_count, CharCounter};
use crate::dom;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{NewSurveyAnswer, VoucherProducer};
use seteli_domain::i18n::{self, Text};
use seteli_domain::ids::{ProducerId, VoucherId};
use seteli_domain::voucher::{Score, SurveyQuestion, SURVEY_COMMENT_MAX_CHARS};
use seteli_domain::{ErrorCode, Lang};
use std::collections::HashMap;

/// The drafts of every producer's survey on a page, kept above the page's loading
/// boundary so that a language switch keeps the answers.
pub type SurveyDrafts = RwSignal<HashMap<ProducerId, SurveyDraft>>;

/// How a survey ended, once it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyOutcome {
    /// Answered now.
    Sent,
    /// The server already had this month's answer (409).
    AlreadyAnswered,
}

/// Why the answers cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyProblem {
    /// These questions have no answer.
    Missing(Vec<SurveyQuestion>),
    /// The comment is over [`SURVEY_COMMENT_MAX_CHARS`] characters (after trimming).
    CommentTooLong,
}

/// One producer's survey as it is being filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyDraft {
    /// Scores in [`SurveyQuestion::ALL`]'s order; `None` until chosen.
    scores: [Option<Score>; 4],
    /// The optional comment, as typed.
    pub comment: String,
    /// Set once the survey is answered; the form then gives way to a note.
    pub outcome: Option<SurveyOutcome>,
}

impl SurveyDraft {
    /// The score chosen for `question`, 1–5.
    pub fn score(&self, question: SurveyQuestion) -> Option<u8> {
        self.scores[position(question)].map(u8::from)
    }

    /// Chooses a score; a value outside 1–5 (which no radio button has) is ignored.
    pub fn set_score(&mut self, question: SurveyQuestion, score: u8) {
        if let Ok(score) = Score::try_from(score) {
            self.scores[position(question)] = Some(score);
        }
    }

    /// The questions without an answer, in the form's order.
    pub fn missing(&self) -> Vec<SurveyQuestion> {
        SurveyQuestion::ALL
            .into_iter()
            .filter(|q| self.scores[position(*q)].is_none())
            .collect()
    }

    /// The request, once every question has an answer and the comment fits. The comment is
    /// sent trimmed.
    pub fn answer(
        &self,
        voucher_id: VoucherId,
        producer_id: ProducerId,
    ) -> Result<NewSurveyAnswer, SurveyProblem> {
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(SurveyProblem::Missing(missing));
        }
        let comment = self.comment.trim();
        if char_count(comment) > SURVEY_COMMENT_MAX_CHARS {
            return Err(SurveyProblem::CommentTooLong);
        }
        match self.scores {
            [Some(overall), Some(punctuality), Some(staff), Some(information)] => {
                Ok(NewSurveyAnswer {
                    voucher_id,
                    producer_id,
                    overall,
                    punctuality,
                    staff,
                    information,
                    comment: comment.to_owned(),
                })
            }
            // `missing` was empty, so every score is there.
            _ => Err(SurveyProblem::Missing(self.missing())),
        }
    }
}

/// Where a question's answer is kept in [`SurveyDraft`].
fn position(question: SurveyQuestion) -> usize {
    match question {
        SurveyQuestion::Overall => 0,
        SurveyQuestion::Punctuality => 1,
        SurveyQuestion::Staff => 2,
        SurveyQuestion::Information => 3,
    }
}

/// The question's name in ids and test ids: `overall`, `punctuality`, `staff`, `information`.
pub fn question_key(question: SurveyQuestion) -> &'static str {
    match question {
        SurveyQuestion::Overall => "overall",
        SurveyQuestion::Punctuality => "punctuality",
        SurveyQuestion::Staff => "staff",
        SurveyQuestion::Information => "information",
    }
}

/// The survey about one producer: the form, or why there is none.
#[component]
pub fn SurveyForm(
    voucher_id: VoucherId,
    producer: VoucherProducer,
    drafts: SurveyDrafts,
    lang: Lang,
) -> impl IntoView {
    let pid = producer.producer_id;
    let prefix = format!("survey-{pid}");
    let title_id = format!("{prefix}-title");
    let done_id = format!("{prefix}-done");
    let answered_earlier = producer.survey_answered_this_month;
    let name = producer.producer_name;
    let heading = name.clone();
    // Only the outcome decides which view is shown: a keystroke in the comment must not
    // rebuild the form.
    let outcome = Memo::new(move |_| drafts.with(|d| d.get(&pid).and_then(|d| d.outcome)));

    let body = {
        let prefix = prefix.clone();
        move || {
            match outcome.get() {
            Some(SurveyOutcome::Sent) => view! {
                <div
                    id=done_id.clone()
                    class="notice notice-success"
                    role="status"
                    tabindex="-1"
                    data-testid="survey-sent"
                    data-producer-id=pid.to_string()
                >
                    <p>{tr(Text::SurveySent)}</p>
                </div>
            }
            .into_any(),
            Some(SurveyOutcome::AlreadyAnswered) => {
                view! { <SurveyAnswered id=done_id.clone() pid name=name.clone() lang/> }.into_any()
            }
            None if answered_earlier => {
                view! { <SurveyAnswered id=done_id.clone() pid name=name.clone() lang/> }.into_any()
            }
            None => view! {
                <SurveyQuestions voucher_id pid prefix=prefix.clone() done_id=done_id.clone() drafts/>
            }
            .into_any(),
        }
        }
    };

    let labelled_by = title_id.clone();
    view! {
        <section class="survey" aria-labelledby=labelled_by data-producer-id=pid.to_string()>
            <h3 id=title_id>{heading}</h3>
            {body}
        </section>
    }
}

/// This month's answer about the producer is already in.
#[component]
fn SurveyAnswered(id: String, pid: ProducerId, name: String, lang: Lang) -> impl IntoView {
    view! {
        <div
            id=id
            class="notice"
            role="status"
            tabindex="-1"
            data-testid="survey-answered"
            data-producer-id=pid.to_string()
        >
            <p>{i18n::survey_answered(lang, &name)}</p>
        </div>
    }
}

/// The form itself.
#[component]
fn SurveyQuestions(
    voucher_id: VoucherId,
    pid: ProducerId,
    prefix: String,
    done_id: String,
    drafts: SurveyDrafts,
) -> impl IntoView {
    let ui_lang = use_lang();
    let update = move |change: &dyn Fn(&mut SurveyDraft)| {
        drafts.update(|d| change(d.entry(pid).or_default()));
    };
    let draft = move || drafts.with(|d| d.get(&pid).cloned().unwrap_or_default());
    let comment = Memo::new(move |_| {
        drafts.with(|d| d.get(&pid).map(|d| d.comment.clone()).unwrap_or_default())
    });
    // Problems are shown once a send was refused, and then follow the answers.
    let checked = RwSignal::new(false);
    let problem = Memo::new(move |_| {
        if !checked.get() {
            return None;
        }
        draft().answer(voucher_id, pid).err()
    });
    let error_id = format!("{prefix}-error");
    let comment_id = format!("{prefix}-comment");
    let hint_id = format!("{prefix}-comment-hint");

    let send = Action::new_local(move |(answer, lang): &(NewSurveyAnswer, Lang)| {
        let (answer, lang) = (answer.clone(), *lang);
        let done = format!("#{done_id}");
        async move {
            let result = api::send_survey(&answer, lang).await;
            let outcome = match &result {
                Ok(_) => Some(SurveyOutcome::Sent),
                Err(e) if e.code == ErrorCode::SurveyAlreadyAnswered => {
                    Some(SurveyOutcome::AlreadyAnswered)
                }
                Err(_) => None,
            };
            if let Some(outcome) = outcome {
                // The form goes away with the button that had focus: the note that
                // replaces it takes focus, so keyboards and screen readers stay here.
                drafts.try_update(|d| d.entry(pid).or_default().outcome = Some(outcome));
                dom::focus_after_render(done);
            }
            result
        }
    });
    let pending = send.pending();
    // "Already answered" is not an error here: the form gives way to the note that says so.
    let server_error = last_error(send, |result| {
        result
            .err()
            .filter(|e| e.code != ErrorCode::SurveyAlreadyAnswered)
    });

    let on_submit = {
        let prefix = prefix.clone();
        let comment_id = comment_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            match draft().answer(voucher_id, pid) {
                Ok(answer) => {
                    checked.set(false);
                    send.dispatch_local((answer, ui_lang.get_untracked()));
                }
                Err(problem) => {
                    checked.set(true);
                    match problem {
                        SurveyProblem::Missing(missing) => {
                            if let Some(first) = missing.first() {
                                dom::focus(&format!("#{prefix}-{}-1", question_key(*first)));
                            }
                        }
                        SurveyProblem::CommentTooLong => dom::focus(&format!("#{comment_id}")),
                    }
                }
            }
        }
    };

    let questions = SurveyQuestion::ALL
        .into_iter()
        .map(|question| {
            let (prefix, error_id) = (prefix.clone(), error_id.clone());
            view! { <ScoreQuestion question prefix pid drafts problem error_id/> }
        })
        .collect_view();

    let error_text = move || {
        problem.get().map(|p| match p {
            SurveyProblem::Missing(_) => Text::SurveyMissingAnswers,
            SurveyProblem::CommentTooLong => Text::SurveyCommentTooLong,
        })
    };
    let comment_too_long = move || matches!(problem.get(), Some(SurveyProblem::CommentTooLong));

    view! {
        <form
            class="form-panel survey-form"
            data-testid="survey-form"
            data-producer-id=pid.to_string()
            novalidate
            on:submit=on_submit
        >
            {questions}
            <div class="field">
                <label for=comment_id.clone()>{tr(Text::SurveyCommentLabel)}</label>
                <p id=hint_id.clone() class="hint">{tr(Text::SurveyCommentHint)}</p>
                <textarea
                    id=comment_id
                    name="comment"
                    rows="4"
                    maxlength=SURVEY_COMMENT_MAX_CHARS.to_string()
                    data-testid="survey-comment"
                    aria-describedby=described_by(hint_id, error_id.clone(), comment_too_long)
                    aria-invalid=move || comment_too_long().then_some("true")
                    prop:value=move || comment.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        update(&|d| d.comment.clone_from(&text));
                    }
                ></textarea>
                <CharCounter text=comment max=SURVEY_COMMENT_MAX_CHARS testid="survey-comment-count"/>
            </div>
            {move || {
                error_text()
                    .map(|text| {
                        view! {
                            <p id=error_id.clone() class="field-error" data-testid="survey-error">
                                {tr(text)}
                            </p>
                        }
                    })
            }}
            <FormEnd error=server_error error_testid="survey-server-error" text=Text::SurveySubmit pending testid="survey-submit"/>
        </form>
    }
}

/// One question: its five scores as radio buttons (`{prefix}-{question}-{n}`), marked
/// invalid and described by `error_id` while `problem` says it has no answer.
#[component]
fn ScoreQuestion(
    question: SurveyQuestion,
    prefix: String,
    pid: ProducerId,
    drafts: SurveyDrafts,
    problem: Memo<Option<SurveyProblem>>,
    error_id: String,
) -> impl IntoView {
    let key = question_key(question);
    let name = format!("{prefix}-{key}");
    let invalid =
        move || matches!(problem.get(), Some(SurveyProblem::Missing(m)) if m.contains(&question));
    let options = (1..=5_u8)
        .map(|n| {
            let id = format!("{name}-{n}");
            let word = i18n::score_label(n).map(tr);
            let chosen = move || drafts.with(|d| d.get(&pid).and_then(|d| d.score(question))) == Some(n);
            view! {
                <div class="scale-option">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=n.to_string()
                        data-testid=format!("survey-{key}-{n}")
                        prop:checked=chosen
                        on:change=move |_| drafts.update(|d| d.entry(pid).or_default().set_score(question, n))
                    />
                    <label for=id>
                        <span class="scale-number">{n}</span>
                        " "
                        <span class="scale-word">{word}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="survey-question"
            class:fieldset-invalid=invalid
            aria-describedby=move || invalid().then(|| error_id.clone())
        >
            <legend>{tr(i18n::survey_question(question))}</legend>
            <div class="scale">{options}</div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    fn full() -> SurveyDraft {
        let mut d = SurveyDraft::default();
        for (q, n) in SurveyQuestion::ALL.into_iter().zip([5, 4, 3, 2]) {
            d.set_score(q, n);
        }
        d
    }

    #[test]
    fn every_question_needs_an_answer() {
        let mut d = SurveyDraft::default();
        d.set_score(SurveyQuestion::Staff, 4);
        assert_eq!(
            d.answer(id(1), id(2)),
            Err(SurveyProblem::Missing(vec![
                SurveyQuestion::Overall,
                SurveyQuestion::Punctuality,
                SurveyQuestion::Information,
            ]))
        );
        assert_eq!(d.score(SurveyQuestion::Staff), Some(4));
    }

    #[test]
    fn a_complete_survey_becomes_the_request_in_the_question_order() {
        let mut d = full();
        d.comment = "  Hyvin meni.  ".to_owned();
        let a = d.answer(id(1), id(2)).unwrap();
        assert_eq!((a.voucher_id, a.producer_id), (id(1), id(2)));
        assert_eq!(
            [a.overall, a.punctuality, a.staff, a.information].map(u8::from),
            [5, 4, 3, 2]
        );
        assert_eq!(a.comment, "Hyvin meni.");
    }

    #[test]
    fn scores_outside_one_to_five_are_ignored() {
        let mut d = SurveyDraft::default();
        d.set_score(SurveyQuestion::Overall, 0);
        d.set_score(SurveyQuestion::Overall, 6);
        assert_eq!(d.score(SurveyQuestion::Overall), None);
    }

    #[test]
    fn a_too_long_comment_is_refused_before_sending() {
        let mut d = full();
        d.comment = "ä".repeat(SURVEY_COMMENT_MAX_CHARS + 1);
        assert_eq!(d.answer(id(1), id(2)), Err(SurveyProblem::CommentTooLong));
        d.comment = "ä".repeat(SURVEY_COMMENT_MAX_CHARS);
        assert!(d.answer(id(1), id(2)).is_ok());
    }

    #[test]
    fn question_keys_match_the_test_ids() {
        let keys = SurveyQuestion::ALL.map(question_key);
        assert_eq!(keys, ["overall", "punctuality", "staff", "information"]);
    }
}
