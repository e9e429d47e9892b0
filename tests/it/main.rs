//! Integration tests, one crate so the egui stack links once. A module per area.

mod browse;
mod campaign;
mod cli;
mod export_faults;
mod formats;
mod geo;
mod house;
mod identity;
mod import_contacts;
mod import_orders_events;
mod killed_import;
mod locales;
mod messages_ui;
mod migrations;
mod names;
mod phones;
mod plan;
mod plan_ui;
mod results;
mod results_ui;
mod rfm;
mod segments;
mod support;
mod template;
mod ui;
mod values;
