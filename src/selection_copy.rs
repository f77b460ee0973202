//! Ctrl+C (or the menu's copy) on a selection of the page puts its text on
//! the clipboard as plain text and as HTML without theme colours
//! (`wenji_core::clipboard`), leaving out what is not the text: hit counts,
//! buttons, words only a screen reader hears, text a filter or a fold
//! hides.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wenji_core::clipboard::{to_html, to_plain, Block};
use wenji_core::ParagraphKind;

/// Elements whose text is not part of the document's, or not shown: a
/// selection dragged across what a filter or a fold hides (`hidden`)
/// copies what the reader sees.
const LEFT_OUT: &str = ".hit-count, .heading-actions, .chevron, .visually-hidden, .related, \
     button, script, style, [hidden]";

pub fn install() {
    let _ = window_event_listener(leptos::ev::copy, |ev: web_sys::ClipboardEvent| {
        // A text field copies as it does (the old copy command uses one).
        if let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            if target.closest("input, textarea").ok().flatten().is_some() {
                return;
            }
        }
        let Some(blocks) = selected_blocks() else {
            return;
        };
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        if data.set_data("text/plain", &to_plain(&blocks)).is_ok()
            && data.set_data("text/html", &to_html(&blocks)).is_ok()
        {
            ev.prevent_default();
        }
    });
}

/// The selection's blocks, `None` when nothing is selected.
pub fn selected_blocks() -> Option<Vec<Block>> {
    let selection = window().get_selection().ok().flatten()?;
    if selection.is_collapsed() {
        return None;
    }
    let mut walk = Walk::default();
    for i in 0..selection.range_count() {
        let fragment = selection.get_range_at(i).ok()?.clone_contents().ok()?;
        walk.node(&fragment);
        walk.end_block();
    }
    (!walk.blocks.is_empty()).then_some(walk.blocks)
}

#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// Heading level of the block being read (0 for a paragraph).
    level: u8,
    /// The block being read is a lead-in line.
    lead_in: bool,
    text: String,
}

impl Walk {
    fn node(&mut self, node: &web_sys::Node) {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            self.text.push_str(&node.text_content().unwrap_or_default());
            return;
        }
        let element = node.dyn_ref::<web_sys::Element>();
        if element.is_some_and(|e| e.matches(LEFT_OUT).unwrap_or(false)) {
            return;
        }
        let block = element.and_then(|e| block_level(&e.tag_name()));
        if let Some(level) = block {
            self.end_block();
            self.level = level;
            self.lead_in = element.is_some_and(is_lead_in);
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                self.node(&child);
            }
        }
        if block.is_some() {
            self.end_block();
        }
    }

    fn end_block(&mut self) {
        let text = self.text.trim();
        if !text.is_empty() {
            self.blocks.push(match self.level {
                0 if self.lead_in => Block::LeadIn(text.to_owned()),
                0 => Block::Paragraph(text.to_owned()),
                n => Block::Heading(n, text.to_owned()),
            });
        }
        self.text.clear();
        self.level = 0;
        self.lead_in = false;
    }
}

fn is_lead_in(e: &web_sys::Element) -> bool {
    ParagraphKind::LeadIn
        .class()
        .is_some_and(|c| e.class_list().contains(c))
}

/// `Some(level)` for a heading, `Some(0)` for another block, else `None`.
fn block_level(tag: &str) -> Option<u8> {
    match tag.to_ascii_lowercase().as_str() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        "p" | "li" | "div" | "section" | "article" | "header" | "blockquote" => Some(0),
        _ => None,
    }
}
