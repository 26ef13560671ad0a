//! The browser entry point: mounts [`seteli_app::App`] and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(seteli_app::App);
}
