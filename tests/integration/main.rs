//! Integration tests: they run the `edl` binary as a user or a script would.

mod bad_input;
mod borders;
mod browse;
mod check;
mod dates;
mod environment;
mod help;
mod language;
mod limits;
mod modules;
mod package;
mod places;
mod properties;
mod readme;
mod regressions;
mod schema;
mod schemes;
mod schemes_audit;
mod scripting;
mod support;
mod verdict_rules;
mod widths;
mod world;
