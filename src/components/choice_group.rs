//! A labelled group of radio buttons: one of a few named choices.

use leptos::prelude::*;

/// `options` are `(value, label)`; `chosen` is the index of the checked one.
#[component]
pub fn ChoiceGroup(
    legend: &'static str,
    name: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] chosen: Signal<usize>,
    on_pick: Callback<usize>,
) -> impl IntoView {
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=value
                        prop:checked=move || chosen.get() == i
                        on:change=move |_| on_pick.run(i)
                    />
                    <span class=format!("choice-{name}-{value}")>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {items}
        </fieldset>
    }
}
