//! The tools every page's toolbar ends with: display settings, 打开文件 and
//! 摘抄 (their panels are `SharedPanels`).

use leptos::prelude::*;

use crate::components::panel_button::PanelButton;
use crate::ui::Panel;

#[component]
pub fn SharedTools() -> impl IntoView {
    view! {
        <PanelButton panel=Panel::Display controls="display-panel" label="显示" />
        <PanelButton panel=Panel::Files controls="files-panel" label="文件" wide_only="打开" />
        <PanelButton panel=Panel::Notebook controls="notebook-panel" label="摘抄" />
    }
}
