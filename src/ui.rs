//! State of the page around the text: which panel is open, the part being
//! read, the reader's display preferences, short announced notices, and
//! the few elements other parts of the app act on (focus, measure), as
//! node refs the views fill in.

use std::time::Duration;

use leptos::html::{Button, Div, Input};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wenji_core::prefs::{Prefs, DARK_CLASS, SYSTEM_DARK_QUERY};

use crate::storage::{load_prefs, save_prefs};

/// How long a notice ("已复制") stays on screen.
const NOTICE_MS: u64 = 2500;

/// The panels that open from the essay's toolbar (one at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The outline, on screens too narrow to show it beside the text.
    Outline,
    Export,
    Display,
    /// 打开文件 and 我的文件.
    Files,
    /// 摘抄, the notebook.
    Notebook,
}

#[derive(Clone, Copy)]
pub struct UiState {
    pub panel: RwSignal<Option<Panel>>,
    /// The keyboard help is open (over whatever panel is).
    pub help_open: RwSignal<bool>,
    /// Id of the part or sub-section at the top of the screen.
    pub current: RwSignal<Option<String>>,
    /// The reader has scrolled more than a screen down.
    pub far_down: RwSignal<bool>,
    pub prefs: RwSignal<Prefs>,
    /// The latest notice, announced by a polite live region.
    pub notice: RwSignal<String>,
    notice_serial: StoredValue<u64>,
    /// The sticky search bar: the line headings are read against.
    pub search_bar: NodeRef<Div>,
    /// The search box: `/` focuses it.
    pub search_input: NodeRef<Input>,
    /// The 目录 button: the focus returns to it when the outline closes.
    pub outline_toggle: NodeRef<Button>,
}

impl UiState {
    pub fn new() -> Self {
        Self {
            panel: RwSignal::new(None),
            help_open: RwSignal::new(false),
            current: RwSignal::new(None),
            far_down: RwSignal::new(false),
            prefs: RwSignal::new(load_prefs()),
            notice: RwSignal::new(String::new()),
            notice_serial: StoredValue::new(0),
            search_bar: NodeRef::new(),
            search_input: NodeRef::new(),
            outline_toggle: NodeRef::new(),
        }
    }

    pub fn is_open(&self, panel: Panel) -> bool {
        self.panel.get() == Some(panel)
    }

    /// Open `panel`, or close it when it is open.
    pub fn toggle(&self, panel: Panel) {
        self.panel
            .update(|p| *p = if *p == Some(panel) { None } else { Some(panel) });
    }

    /// Close the open panel. The outline panel covers the page on a narrow
    /// screen, so the focus goes back to the button that opened it.
    pub fn close_panel(&self) {
        let was = self.panel.get_untracked();
        self.panel.set(None);
        if was == Some(Panel::Outline) {
            if let Some(button) = self.outline_toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    }

    /// Say `text` briefly; a newer notice replaces an older one.
    pub fn notify(&self, text: impl Into<String>) {
        let serial = self.notice_serial.get_value() + 1;
        self.notice_serial.set_value(serial);
        self.notice.set(text.into());
        let (notice, serials) = (self.notice, self.notice_serial);
        set_timeout(
            move || {
                if serials.get_value() == serial {
                    notice.set(String::new());
                }
            },
            Duration::from_millis(NOTICE_MS),
        );
    }

    /// Keep `<html data-theme data-size data-font>`, the dark class
    /// (`prefs::DARK_CLASS`: the dark theme, or the system's when it is dark,
    /// followed as it changes) and storage in step with the preferences.
    pub fn apply_prefs(&self) {
        let prefs = self.prefs;
        let query = window().match_media(SYSTEM_DARK_QUERY).ok().flatten();
        let system_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
        if let Some(query) = query {
            let changed = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                move |ev: web_sys::MediaQueryListEvent| system_dark.set(ev.matches()),
            );
            query.set_onchange(Some(changed.as_ref().unchecked_ref()));
            // Listens for the page's life.
            changed.forget();
        }
        Effect::new(move |_| {
            let p = prefs.get();
            let root = document().document_element();
            if let Some(root) = root {
                let _ = match p.theme.attr() {
                    Some(t) => root.set_attribute("data-theme", t),
                    None => root.remove_attribute("data-theme"),
                };
                let _ = root.set_attribute("data-size", &p.size.to_string());
                let _ = root.set_attribute("data-font", p.font.attr());
                let dark = p.theme.is_dark(system_dark.get());
                let _ = root.class_list().toggle_with_force(DARK_CLASS, dark);
            }
            save_prefs(&p);
        });
    }
}

pub fn use_ui() -> UiState {
    expect_context::<UiState>()
}
