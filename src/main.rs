//! wenji (文集): the reader, a Leptos client-side app compiled to wasm.
#![forbid(unsafe_code)]

mod app;
mod components;
mod content;
mod hit_nav;
mod location;
mod state;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
