//! The types several areas share — what a contact's consent and status are, the channels, event
//! kinds, RFM groups, segment rules, campaigns — and time. Everything above builds on these; the
//! store keeps them, and imports nothing else of the crate but the errors and the messages.

pub mod activity;
pub mod campaign;
pub mod condition;
pub mod contact;
pub mod meaning;
pub mod reaction_hours;
pub mod rfm;
pub mod rule;
pub mod scenario;
pub mod task;
pub mod time;
