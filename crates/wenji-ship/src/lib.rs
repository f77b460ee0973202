//! Trunk's post-build step for wenji (see `Trunk.toml` `[[hooks]]`).
#![forbid(unsafe_code)]

pub mod compress;
pub mod data;
pub mod early;
pub mod js;
pub mod page;
pub mod service_worker;
pub mod split;
