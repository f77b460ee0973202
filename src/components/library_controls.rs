//! The list's tools: sort, narrow by source (本站文集 / 我的文件), year,
//! region and format, and (with a query) the order of matching essays, each a `<select>` whose choice goes
//! into the address; and the count of what is shown.

use leptos::prelude::*;
use wenji_core::library::{
    choice_options, Choice, Facet, Facets, ListView, Narrowing, ResultOrder, Sort, Source,
    BY_FORMAT, BY_REGION, BY_SOURCE, BY_YEAR,
};

use crate::content::{collection, site_len};
use crate::state::use_reader;

/// A `<select>` of `options` (value, label); `""` is "all".
#[component]
fn Picker(
    label: &'static str,
    id: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
) -> AnyView {
    let options = options
        .into_iter()
        .map(|(v, text)| {
            let selected_value = v.clone();
            view! {
                <option value=v prop:selected=move || value.get() == selected_value>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="picker" for=id>
            <span class="picker-label">{label}</span>
            <select
                id=id
                on:change=move |ev| on_pick.run(event_target_value(&ev))
                prop:value=move || value.get()
            >
                {options}
            </select>
        </label>
    }
    .into_any()
}

#[component]
pub fn LibraryControls() -> AnyView {
    let state = use_reader();
    let facets = Facets::of(&collection(), site_len());
    let edit = move |f: fn(&mut ListView, String)| {
        Callback::new(move |value: String| {
            let mut view = state.list.get_untracked();
            f(&mut view, value);
            state.set_list_view(view);
        })
    };
    let sort = move || {
        view! {
            <Picker
                label="排序"
                id="list-sort"
                options={choice_options::<Sort>()}
                value=Signal::derive(move || state.list.with(|v| v.sort.param().to_owned()))
                on_pick=edit(|v, s| v.sort = Sort::from_param(Some(&s)))
            />
        }
    };
    let by = move || {
        view! {
            <Picker
                label="结果排序"
                id="result-order"
                options={choice_options::<ResultOrder>()}
                value=Signal::derive(move || state.list.with(|v| v.by.param().to_owned()))
                on_pick=edit(|v, s| v.by = ResultOrder::from_param(Some(&s)))
            />
        }
    };
    // Narrowing is only worth offering when there is a choice.
    let narrow = |by: Narrowing, facets: &[Facet], get: fn(&ListView) -> String, set| {
        (facets.len() > 1).then(|| {
            view! {
                <Picker
                    label=by.label
                    id=by.id
                    options=by.options(facets)
                    value=Signal::derive(move || state.list.with(get))
                    on_pick=edit(set)
                />
            }
        })
    };
    let source = narrow(
        BY_SOURCE,
        &facets.sources,
        |v| v.source.map(|s| s.param().to_owned()).unwrap_or_default(),
        |v, s| v.source = Source::from_param(&s),
    );
    let year = narrow(
        BY_YEAR,
        &facets.years,
        |v| v.year.map(|y| y.to_string()).unwrap_or_default(),
        |v, s| v.year = s.parse().ok(),
    );
    let region = narrow(
        BY_REGION,
        &facets.regions,
        |v| v.region.clone().unwrap_or_default(),
        |v, s| v.region = (!s.is_empty()).then_some(s),
    );
    let format = narrow(
        BY_FORMAT,
        &facets.formats,
        |v| v.format.clone().unwrap_or_default(),
        |v, s| v.format = (!s.is_empty()).then_some(s),
    );
    view! {
        <div class="library-controls" role="group" aria-label="排序和筛选">
            <Show when=move || !state.filtering() fallback=by>
                {sort()}
            </Show>
            {source}
            {year}
            {region}
            {format}
            <Show when=move || state.list.with(ListView::narrowed)>
                <button type="button" class="tool" on:click=move |_| state.clear_narrowing()>
                    "清除筛选"
                </button>
            </Show>
        </div>
    }
    .into_any()
}
