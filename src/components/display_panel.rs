//! Display settings: theme, text size and typeface, remembered.

use leptos::prelude::*;
use wenji_core::prefs::{FONTS, SIZES, THEMES};

use crate::ui::{use_ui, Panel};

#[component]
pub fn DisplayPanel() -> impl IntoView {
    let ui = use_ui();
    let prefs = ui.prefs;
    let themes = THEMES
        .iter()
        .map(|&(theme, label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="theme"
                        value=theme.attr().unwrap_or("system")
                        prop:checked=move || prefs.with(|p| p.theme == theme)
                        on:change=move |_| prefs.update(|p| p.theme = theme)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let sizes = SIZES
        .iter()
        .enumerate()
        .map(|(size, &label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="size"
                        value=size.to_string()
                        prop:checked=move || prefs.with(|p| p.size == size)
                        on:change=move |_| prefs.update(|p| p.size = size)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let fonts = FONTS
        .iter()
        .map(|&(font, label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="font"
                        value=font.attr()
                        prop:checked=move || prefs.with(|p| p.font == font)
                        on:change=move |_| prefs.update(|p| p.font = font)
                    />
                    <span class=format!("font-sample font-{}", font.attr())>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div id="display-panel" class="panel" hidden=move || !ui.is_open(Panel::Display)>
            <fieldset>
                <legend>"主题"</legend>
                {themes}
            </fieldset>
            <fieldset>
                <legend>"字号"</legend>
                {sizes}
            </fieldset>
            <fieldset>
                <legend>"字体"</legend>
                {fonts}
            </fieldset>
        </div>
    }
}
