//! Segment rules: the SQL compiler against a reference evaluator on random bases, each
//! condition type on a hand-made base, and the errors a user can cause.

mod cli;
mod conditions;
mod errors;
mod explain;
mod operators;
mod presets;
mod property;
mod random;
mod reference;
mod saving;
mod ui;
