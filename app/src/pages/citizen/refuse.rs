//! Refusing a granted voucher (on the voucher's page): the voucher act lets a resident
//! refuse the voucher and be directed to the organiser's own service instead. The voucher
//! then ends today; what was used stays. The step cannot be undone, so it asks first.

use crate::api::residents as api;
use crate::components::confirm::ConfirmButton;
use crate::components::fields::{Problems, TextField};
use crate::components::form::SubmitError;
use leptos::prelude::*;
use seteli_domain::api::resident::VoucherRefusal;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::VoucherId;
use seteli_domain::{ApiError, Lang};

/// The section.
#[component]
pub fn RefuseVoucher(voucher_id: VoucherId, lang: Lang) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let refuse = Action::new_local(move |_: &()| {
        let refusal = VoucherRefusal {
            reason: reason.get_untracked(),
        };
        async move {
            let refused = api::refuse_voucher(voucher_id, &refusal, lang).await?;
            crate::dom::focus_after_render("#voucher-refused");
            Ok::<_, ApiError>(refused)
        }
    });
    let pending = refuse.pending();
    let problems = Problems::new(move || refuse.value().get().and_then(|r| r.err()));
    let error = move || match refuse.value().get() {
        Some(Err(error)) if !pending.get() && error.field.is_none() => {
            Some(view! { <SubmitError error testid="voucher-refuse-error"/> })
        }
        _ => None,
    };
    let refused = move || refuse.value().get().and_then(Result::ok);
    view! {
        <section class="page-section" aria-labelledby="refuse-heading" data-testid="voucher-refuse">
            <h2 id="refuse-heading">{t(lang, Text::RefuseVoucherTitle)}</h2>
            <div aria-live="polite">
                {move || refused().map(|r| view! {
                    <p id="voucher-refused" class="notice notice-success" role="status" tabindex="-1" data-testid="voucher-refused">
                        {i18n::voucher_refused(lang, &r.organiser_name, &r.organiser_address)}
                    </p>
                })}
            </div>
            <Show when=move || refused().is_none()>
                <p>{t(lang, Text::RefuseVoucherText)}</p>
                <TextField id="voucher-refuse-reason" field="reason" label=Text::RefuseVoucherReasonLabel
                    value=reason problems multiline=true optional=true/>
                {error}
                <ConfirmButton class="button button-secondary" testid="voucher-refuse-button" busy=pending
                    on_confirm=move || { if !pending.get_untracked() { refuse.dispatch_local(()); } }>
                    {t(lang, Text::RefuseVoucherButton)}
                </ConfirmButton>
            </Show>
        </section>
    }
}
