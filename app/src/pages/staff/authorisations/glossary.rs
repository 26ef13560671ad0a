//! `/desk/authorisations/glossary`: the e-authorisation terms in the reader's language, each
//! with its words in the other two, anchored (`#term-{slug}`) so that every form field that
//! uses a term links to it.

use super::back_to_authorisations;
use crate::components::states::BackTo;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::authorisation::glossary::TERMS;
use seteli_domain::i18n::{t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let lang = use_lang();
    use_document_title(|lang| t(lang, Text::GlossaryTitle).to_owned());
    let terms = move || {
        let lang = lang.get();
        TERMS
            .iter()
            .map(|term| {
                let own = term.wording(lang);
                let others = Lang::ALL
                    .into_iter()
                    .filter(|l| *l != lang)
                    .map(|l| format!("{}: {}", l.code(), term.wording(l).term))
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <div class="glossary-term" id=format!("term-{}", term.slug) data-testid="glossary-term" data-slug=term.slug>
                        <dt>{own.term}</dt>
                        <dd>
                            <p>{own.definition}</p>
                            <p class="hint">{others}</p>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::GlossaryTitle)}</h1>
        <p class="lead">{tr(Text::GlossaryLead)}</p>
        <dl class="glossary" data-testid="glossary">{terms}</dl>
    }
}
