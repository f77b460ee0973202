//! Under a sub-section: 相关段落, the passages of the collection that say
//! something close (found at build time), folded until the reader asks.
//! Nothing of the list is built before it is opened, by its own part of
//! the wasm (`parts`).

use leptos::prelude::*;
use wenji_core::Place;

use crate::components::related_passage::related_items;
use crate::content::essay_at;
use crate::parts;
use crate::ui::use_ui;

/// The related passages of the sub-section at `place`, if it has any.
#[component]
pub fn RelatedPassages(place: Place, id: String) -> AnyView {
    let part = &essay_at(place.essay).parts[place.part];
    let related = match place.section {
        Some(s) if !part.sections[s].related.is_empty() => &part.sections[s].related,
        _ => return ().into_any(),
    };
    let related = related.as_slice();
    let ui = use_ui();
    let open = RwSignal::new(false);
    let list_id = format!("{id}-related");
    let label = format!("相关段落（{}）", related.len());
    view! {
        <div class="related">
            <button
                type="button"
                class="related-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=list_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="chevron" aria-hidden="true"></span>
                {label}
            </button>
            <ol class="related-list" id=list_id hidden=move || !open.get()>
                <Show when=move || open.get()>
                    {Suspend::new(async move {
                        parts::or_close(ui, related_items(place, related).await, move || {
                            open.set(false)
                        })
                    })}
                </Show>
            </ol>
        </div>
    }
    .into_any()
}
