//! The first view as HTML, rendered at build time on the host by the
//! app's own components (`App`), from the very data files the page reads:
//! what a first visit to the site's root shows before the wasm has loaded,
//! readable with JavaScript turned off. The app then takes it over.

use leptos::prelude::*;

use crate::app::App;
use crate::content::{self, LoadError, TextArrival};

/// The markup of the first view of the collection in data files `index`
/// (the index file's name and text) and `chunks` (every text chunk's).
pub fn first_view(index: (&str, &str), chunks: &[(&str, &str)]) -> Result<String, String> {
    let error = |LoadError(message)| message;
    content::keep_index(index.0, index.1).map_err(error)?;
    let mut arrived = 0;
    for (name, text) in chunks {
        arrived += content::keep_chunk(name, text).map_err(error)?;
    }
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(TextArrival {
            essays: RwSignal::new(arrived),
            failed: RwSignal::new(None),
        });
        view! { <App /> }.to_html()
    });
    Ok(html)
}
