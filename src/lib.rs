//! Adresat: a local contact base for messenger marketing — import, segments, RFM, messages and
//! send plans. The library holds all logic and never draws; `ui` (the window) and `cli` (the
//! commands) are thin front ends over it.

pub mod campaign;
pub mod cli;
pub mod demo;
pub mod error;
pub mod export;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod model;
pub mod plan;
pub mod results;
pub mod rfm;
pub mod scenario;
pub mod segment;
mod staged;
pub mod store;
pub mod template;
pub mod ui;
pub mod who;

pub use error::{Error, Result};
