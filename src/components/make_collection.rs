//! 做成文集, in the 文件 panel: a title, the opened files to put in (all
//! ticked at first), and the button that makes the `.html` to send
//! (`make_collection`).

use leptos::prelude::*;

use crate::make_collection::make;
use crate::opened_files::use_opened;
use crate::ui::use_ui;

#[component]
pub fn MakeCollection() -> impl IntoView {
    let (opened, ui) = (use_opened(), use_ui());
    let title = RwSignal::new("我的文集".to_owned());
    // Files left out (unticked): new files come in ticked.
    let left_out = RwSignal::new(Vec::<String>::new());
    let rows = move || {
        opened
            .files
            .get()
            .into_iter()
            .map(|file| {
                let slug = file.slug.clone();
                let ticked = {
                    let slug = slug.clone();
                    move || left_out.with(|l| !l.contains(&slug))
                };
                let toggle = move |_| {
                    left_out.update(|l| match l.iter().position(|s| *s == slug) {
                        Some(i) => {
                            l.remove(i);
                        }
                        None => l.push(slug.clone()),
                    })
                };
                view! {
                    <li>
                        <label>
                            <input type="checkbox" prop:checked=ticked on:change=toggle />
                            {file.name}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let go = move |_| {
        let chosen: Vec<String> = opened.files.with_untracked(|files| {
            left_out.with_untracked(|l| {
                files
                    .iter()
                    .filter(|f| !l.contains(&f.slug))
                    .map(|f| f.slug.clone())
                    .collect()
            })
        });
        make(title.get_untracked(), chosen, ui);
    };
    view! {
        <section class="make-collection" aria-labelledby="make-heading">
            <h2 id="make-heading" class="files-heading">
                "做成文集"
            </h2>
            <p class="panel-note">
                "把勾选的文件做成一个 .html 文件：发给同事，双击即可打开、搜索，不需要联网。"
            </p>
            <label class="make-title">
                "文集标题"
                <input
                    type="text"
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            </label>
            <ul class="make-files">{rows}</ul>
            <div class="panel-buttons">
                <button type="button" class="tool" on:click=go>
                    "做成文集（.html）"
                </button>
            </div>
        </section>
    }
}
