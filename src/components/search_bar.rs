//! The search box, always in reach at the top: filters as the reader types
//! (not while an input method is composing), Enter and Shift+Enter move
//! between hits, Esc clears, `/` focuses it from anywhere.

use leptos::ev::{CompositionEvent, Event, KeyboardEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wenji_core::route::Route;
use wenji_search::query::{MAX_QUERY_CHARS, MAX_TERMS};

use crate::components::text_or_nothing;
use crate::hit_nav;
use crate::state::use_reader;
use crate::ui::use_ui;

/// What the status says of a word that is one letter or an initial.
const LONE_LETTER: &str = "单个字母或声母不按拼音查找，请再输入字母";

#[component]
pub fn SearchBar() -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let input_ref = ui.search_input;
    let composing = StoredValue::new(false);

    let take_value = move || {
        if let Some(el) = input_ref.get_untracked() {
            state.type_query(el.value());
        }
    };
    let on_input = move |ev: Event| {
        let ime = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(web_sys::InputEvent::is_composing);
        if !composing.get_value() && !ime {
            take_value();
        }
    };
    let on_composition_start = move |_: CompositionEvent| composing.set_value(true);
    let on_composition_end = move |_: CompositionEvent| {
        composing.set_value(false);
        take_value();
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if composing.get_value() || ev.is_composing() {
            return;
        }
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                hit_nav::step(state, if ev.shift_key() { -1 } else { 1 });
            }
            // A one-line box has no lines to move between: ↑ ↓ go through
            // the hits, as the README promises (and only while filtering,
            // so the caret keys work as usual otherwise).
            "ArrowDown" | "ArrowUp" if state.filtering() => {
                ev.prevent_default();
                hit_nav::step(state, if ev.key() == "ArrowUp" { -1 } else { 1 });
            }
            "Escape" => {
                ev.prevent_default();
                if state.input.with_untracked(|q| q.trim().is_empty()) {
                    // Nothing to clear: leave the box, so that the page's
                    // own keys (e, c, [, ]) work again.
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.blur();
                    }
                } else {
                    state.clear_query();
                }
            }
            _ => {}
        }
    };

    let totals = move || state.totals();
    let on_list = move || state.route.with(|r| *r == Route::List);
    let no_hits = move || !state.filtering() || totals().hits == 0;
    let position = move || {
        let hits = totals().hits;
        match state.current_hit.get() {
            Some(i) if state.filtering() && hits > 0 => format!("{} / {}", i + 1, hits),
            _ if state.filtering() && hits > 0 => format!("– / {hits}"),
            _ => String::new(),
        }
    };
    let status = move || {
        if !state.filtering() {
            // Typed, but nothing to look for (a lone `"`, or `-` alone; a
            // first letter of pinyin, the text left as it is meanwhile).
            let typed = state.input.with(|q| !q.trim().is_empty());
            return if !typed {
                String::new()
            } else if state.query.with(|q| q.has_lone_letter()) {
                format!("{LONE_LETTER}：显示全文")
            } else {
                "没有可搜索的字词：显示全文".to_owned()
            };
        }
        let t = totals();
        // What is counted is what the reader sees counted: hits, and the
        // chapter and section headings shown (a chapter's title can show
        // sections that hold no hit, so the hits are not "in" them).
        let (e, x) = (t.essays, t.extent);
        let mut s = match (t.hits, t.sections) {
            _ if state.hits.with(|h| h.searching_again().is_some()) => "正在搜索…".to_owned(),
            (_, 0) if on_list() && !state.hits.with(|h| h.complete()) => "正在搜索…".to_owned(),
            (_, 0) => "没有匹配的内容".to_owned(),
            (0, _) if on_list() => format!("显示 {e} 篇文章"),
            (0, _) => format!("显示 {x}"),
            (h, _) if on_list() => format!("共 {h} 处，在 {e} 篇文章中"),
            (h, _) => format!("共 {h} 处，显示 {x}"),
        };
        // Several words (not `|`) must all be in one section: say so, or
        // a reader wonders why a section with one of them is not shown.
        if state.query.with(|q| q.clauses.len() > 1) {
            s.push_str("（各词须在同一节中）");
        }
        // One letter (or an initial, zh) would mark every character whose
        // reading starts with it: it is left out, and the reader is told
        // why.
        if state.query.with(|q| q.has_lone_letter()) {
            s.push_str(&format!("（{LONE_LETTER}）"));
        }
        if state.query.with(|q| q.truncated) {
            s.push_str(&format!(
                "（查询过长，只用了前 {MAX_QUERY_CHARS} 个字、{MAX_TERMS} 个词）"
            ));
        }
        s
    };

    view! {
        <div class="search-bar" role="search" node_ref=ui.search_bar>
            <div class="search-row">
                <div class="search-field">
                    <input
                        node_ref=input_ref
                        id="search"
                        class="search-input"
                        type="search"
                        placeholder="搜索关键词、拼音或繁体"
                        aria-label="搜索文章"
                        title="搜索关键词、拼音或繁体（按 / 聚焦）"
                        aria-describedby="search-status"
                        autocomplete="off"
                        spellcheck="false"
                        enterkeyhint="search"
                        prop:value=move || state.input.get()
                        on:input=on_input
                        on:compositionstart=on_composition_start
                        on:compositionend=on_composition_end
                        on:keydown=on_keydown
                    />
                    // Inside the box, over its end: the box keeps its width when hits
                    // appear (nothing in it without hits: hidden while `:empty`).
                    <span class="hit-position" aria-live="off">
                        {move || text_or_nothing(position())}
                    </span>
                </div>
                <button
                    type="button"
                    class="hit-nav"
                    aria-label="上一处"
                    title="上一处（Shift+Enter）"
                    disabled=no_hits
                    on:click=move |_| hit_nav::step(state, -1)
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="hit-nav"
                    aria-label="下一处"
                    title="下一处（Enter）"
                    disabled=no_hits
                    on:click=move |_| hit_nav::step(state, 1)
                >
                    "↓"
                </button>
            </div>
            <p id="search-status" class="search-status" role="status" aria-live="polite">
                {move || text_or_nothing(status())}
            </p>
        </div>
    }
}
