//! Integration tests: they run the `edl` binary as a user or a script would.

mod browse;
mod check;
mod readme;
mod scripting;
mod support;
