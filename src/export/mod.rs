//! Stage 7, export: one module per output format.
//!
//! [`quotes`] writes what `quotegraph extract` finds (JSON Lines, JSON, text).
//! Every writer takes finished data and a `Write`; the CLI decides where the
//! bytes go (a temporary file renamed into place, or stdout).

pub mod quotes;
