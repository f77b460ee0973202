//! The list of keyboard shortcuts, opened with `?`.

use leptos::html::Button;
use leptos::prelude::*;
use wenji_core::shortcuts::HELP;

use crate::ui::use_ui;

#[component]
pub fn HelpOverlay() -> impl IntoView {
    let ui = use_ui();
    let close_ref = NodeRef::<Button>::new();
    // Focus moves into the dialog when it opens.
    Effect::new(move |_| {
        if ui.help_open.get() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let rows = HELP
        .iter()
        .map(|(key, what)| {
            view! {
                <div class="help-row">
                    <dt>
                        <kbd>{*key}</kbd>
                    </dt>
                    <dd>{*what}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <div
            class="help-backdrop"
            hidden=move || !ui.help_open.get()
            on:click=move |_| ui.help_open.set(false)
        >
            <div
                class="help-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="help-title"
                on:click=|ev| ev.stop_propagation()
            >
                <h2 id="help-title">"键盘快捷键"</h2>
                <dl>{rows}</dl>
                <button
                    type="button"
                    class="tool"
                    node_ref=close_ref
                    on:click=move |_| ui.help_open.set(false)
                >
                    "关闭"
                </button>
            </div>
        </div>
    }
}
