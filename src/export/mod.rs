//! Stage 7, export: one module per output format.
//!
//! [`quotes`] writes what `quotegraph extract` finds (JSON Lines, JSON, text);
//! [`flags`] what `quotegraph check` flags (text, JSON, CSV).
//! The others write a [`crate::model::Report`] (the stance model) or its
//! projected network ([`crate::graph`]); [`timeline`] lists a report's
//! statements speaker by speaker over time. [`view`] writes one article's text
//! with its attributions marked (`quotegraph view`, and a section of the HTML
//! report). Every writer takes finished data and a `Write`; the CLI decides where the bytes go (a temporary file renamed into
//! place, or stdout). To add a format, add a module here and a match arm in
//! `src/cli.rs`.

pub mod csv;
pub mod dot;
pub mod flags;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod quotes;
pub mod svg;
pub mod timeline;
pub mod view;
