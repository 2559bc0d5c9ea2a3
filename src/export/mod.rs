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

/// Renders an askama page and writes it, ending with a newline.
pub(crate) fn write_page(w: &mut dyn std::io::Write, page: &impl askama::Template) -> std::io::Result<()> {
    let html = page.render().map_err(std::io::Error::other)?;
    w.write_all(html.as_bytes())?;
    if !html.ends_with('\n') {
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `value` as pretty JSON, ending with a newline when `newline` is set.
///
/// Why a buffer of its own: the serializer writes a few bytes at a time, and through a
/// `dyn Write` each of those is a call; into a local buffer each is an inlined copy
/// (3.6% of a report's instructions).
pub(crate) fn write_pretty_json(w: &mut dyn std::io::Write, value: &impl serde::Serialize, newline: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut b = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut b, value).map_err(std::io::Error::from)?;
    if newline {
        b.write_all(b"\n")?;
    }
    b.flush()
}
