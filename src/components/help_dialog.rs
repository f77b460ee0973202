//! The dialog of keyboard shortcuts (`HelpOverlay` shows it).

use leptos::html::Button;
use leptos::prelude::*;
use wenji_core::shortcuts::HELP;

use crate::parts::lazy;
use crate::ui::use_ui;

lazy! {
    /// `HelpDialog`, built by its own part of the wasm.
    pub fn help_dialog() -> AnyView {
        view! { <HelpDialog /> }
    }
    in tools;
}

#[component]
pub fn HelpDialog() -> impl IntoView {
    let ui = use_ui();
    let close_ref = NodeRef::<Button>::new();
    // Focus moves into the dialog as it opens.
    Effect::new(move |_| {
        if let Some(button) = close_ref.get() {
            let _ = button.focus();
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
        <div class="help-backdrop" on:click=move |_| ui.help_open.set(false)>
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
