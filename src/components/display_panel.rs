//! Display settings: theme, text size and typeface, and what the copy
//! buttons copy; remembered.

use leptos::prelude::*;
use wenji_core::prefs::{COPY_MODES, FONTS, SIZES, THEMES};

use crate::components::choice_group::ChoiceGroup;
use crate::parts::lazy;
use crate::ui::use_ui;

/// The `data-*` values of the size steps.
const SIZE_VALUES: [&str; 5] = ["0", "1", "2", "3", "4"];

#[component]
pub fn DisplayPanel() -> impl IntoView {
    let prefs = use_ui().prefs;
    let index = |f: fn(&wenji_core::prefs::Prefs) -> usize| Signal::derive(move || prefs.with(f));
    let themes = THEMES
        .iter()
        .map(|(t, label)| (t.attr().unwrap_or("system"), *label))
        .collect();
    let sizes = SIZE_VALUES.iter().copied().zip(SIZES).collect();
    let fonts = FONTS.iter().map(|(f, label)| (f.attr(), *label)).collect();
    let copies = COPY_MODES
        .iter()
        .map(|(c, label)| (c.attr(), *label))
        .collect();
    view! {
        <div id="display-panel" class="panel">
            <ChoiceGroup
                legend="主题"
                name="theme"
                options=themes
                chosen=index(|p| THEMES.iter().position(|(t, _)| *t == p.theme).unwrap_or(0))
                on_pick=Callback::new(move |i: usize| prefs.update(|p| p.theme = THEMES[i].0))
            />
            <ChoiceGroup
                legend="字号"
                name="size"
                options=sizes
                chosen=index(|p| p.size)
                on_pick=Callback::new(move |i: usize| prefs.update(|p| p.size = i))
            />
            <ChoiceGroup
                legend="字体"
                name="font"
                options=fonts
                chosen=index(|p| FONTS.iter().position(|(f, _)| *f == p.font).unwrap_or(0))
                on_pick=Callback::new(move |i: usize| prefs.update(|p| p.font = FONTS[i].0))
            />
            <ChoiceGroup
                legend="复制"
                name="copy"
                options=copies
                chosen=index(|p| COPY_MODES.iter().position(|(c, _)| *c == p.copy).unwrap_or(0))
                on_pick=Callback::new(move |i: usize| prefs.update(|p| p.copy = COPY_MODES[i].0))
            />
        </div>
    }
}

lazy! {
    /// `DisplayPanel`, built by its own part of the wasm (`parts`).
    pub fn display_panel() -> AnyView {
        view! { <DisplayPanel /> }
    }
    in tools;
}
