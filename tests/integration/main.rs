//! Integration tests: they run the `edl` binary as a user or a script would.

mod check;
mod support;
