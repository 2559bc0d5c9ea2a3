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
    let mut ser = serde_json::Serializer::with_formatter(&mut b, Pretty::default());
    value.serialize(&mut ser).map_err(std::io::Error::from)?;
    if newline {
        b.write_all(b"\n")?;
    }
    b.flush()
}

/// serde_json's pretty layout (two spaces a level), written with one call per line break.
///
/// Why not `serde_json::PrettyFormatter`: it writes a line break and then the indentation one
/// level at a time, each a call into the writer; a report has a few hundred thousand keys, and
/// those calls were a fifth of writing it. The bytes are the same.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// Opens an array or an object with its bracket, one level deeper.
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes an array or an object: its bracket on a line of its own when it held anything.
    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(bracket)
    }

    /// `,` (unless `first`), a line break and the indentation of the current level.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        // ",\n" and then spaces for 32 levels, more than any report's depth
        const BREAK: &[u8; 66] = b",\n                                                                ";
        let from = usize::from(first);
        match BREAK.get(from..2 + 2 * self.level) {
            Some(bytes) => w.write_all(bytes),
            None => {
                w.write_all(&BREAK[from..2])?;
                (0..self.level).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_json_is_serde_json_s_pretty_layout_at_any_depth() {
        let mut deep = serde_json::json!({"a": [1, {"b": []}, {}], "c": "x\n\"y\"", "d": null});
        for _ in 0..40 {
            deep = serde_json::json!({ "k": [deep.clone(), [], {}], "e": {} });
        }
        for v in [serde_json::json!({}), serde_json::json!([]), serde_json::json!([[]]), deep] {
            let mut ours = Vec::new();
            super::write_pretty_json(&mut ours, &v, false).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string_pretty(&v).unwrap());
        }
    }
}
