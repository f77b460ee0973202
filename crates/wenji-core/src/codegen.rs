//! Turns a parsed collection into Rust source, so that the app embeds its
//! content as plain data: no parser and no deserializer reach the browser.

use std::fmt::Write;

use crate::model::{Collection, Essay, Part, Section};

/// Rust source of an expression of type `wenji_core::Collection`.
pub fn collection_expr(collection: &Collection) -> String {
    let mut out = String::from("::wenji_core::Collection { essays: vec![\n");
    for essay in &collection.essays {
        essay_expr(&mut out, essay);
    }
    out.push_str("] }\n");
    out
}

fn essay_expr(out: &mut String, e: &Essay) {
    let f = &e.facts;
    // `{:?}` of a str is a valid Rust string literal with every character
    // that needs it escaped.
    let _ = writeln!(
        out,
        "::wenji_core::Essay {{ slug: {:?}.into(), title: {:?}.into(), order: {}, \
         facts: ::wenji_core::Facts {{ format: {:?}.into(), chars: {}, pages: {}, \
         published: ::wenji_core::Date {{ year: {}, month: {}, day: {} }}, \
         region: {:?}.into(), excerpt: {} }}, parts: vec![",
        e.slug,
        e.title,
        e.order,
        f.format,
        f.chars,
        f.pages,
        f.published.year,
        f.published.month,
        f.published.day,
        f.region,
        f.excerpt
    );
    for part in &e.parts {
        part_expr(out, part);
    }
    out.push_str("] },\n");
}

fn part_expr(out: &mut String, p: &Part) {
    let _ = write!(
        out,
        "::wenji_core::Part {{ id: {:?}.into(), title: {:?}.into(), lead: {}, sections: vec![",
        p.id,
        p.title,
        strings(&p.lead)
    );
    for s in &p.sections {
        section_expr(out, s);
    }
    out.push_str("] },\n");
}

fn section_expr(out: &mut String, s: &Section) {
    let _ = write!(
        out,
        "::wenji_core::Section {{ id: {:?}.into(), heading: {:?}.into(), body: {} }},",
        s.id,
        s.heading,
        strings(&s.body)
    );
}

fn strings(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| format!("{s:?}.into()")).collect();
    format!("vec![{}]", inner.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::essay;

    #[test]
    fn hostile_text_is_escaped_as_rust_literals() {
        let c = Collection {
            essays: vec![essay("a", "quote \" and \\ and \n and {}", vec![])],
        };
        let src = collection_expr(&c);
        assert!(src.contains(r#""quote \" and \\ and \n and {}""#), "{src}");
    }
}
