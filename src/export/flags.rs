//! What `quotegraph check` flags ([`crate::check::Flag`]): a listing a person
//! reads, pretty JSON, and CSV (RFC 4180). The flags arrive sorted; every writer
//! keeps their order, so the same input gives the same bytes.

use std::io::{self, Write};

use crate::check::{diff::render, Flag};

/// One line per flag: `doc:line:col  kind  note`.
///
/// ```
/// use quotegraph::{check::{check, Rules}, export::flags::write_text, lexicon::Lexicon, model::Document};
/// let lex = Lexicon::default_lexicon();
/// let flags = check(&[Document::new("d", "Experts say the plan will fail.")], &Rules { lex: &lex, roster: None });
/// let mut out = Vec::new();
/// write_text(&mut out, &flags).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(),
///     "d:1:1  vague           statement rests on a vague group: “Experts” — “the plan will fail”\n");
/// ```
pub fn write_text(w: &mut dyn Write, flags: &[Flag]) -> io::Result<()> {
    for f in flags {
        writeln!(w, "{}:{}:{}  {:<14}  {}", f.document, f.line, f.column, f.kind.as_str(), f.note)?;
    }
    Ok(())
}

/// A pretty JSON array of the flags, with a final newline.
pub fn write_json(w: &mut dyn Write, flags: &[Flag]) -> io::Result<()> {
    super::write_pretty_json(w, &flags, true)
}

/// The CSV header.
pub const CSV_COLUMNS: [&str; 15] = [
    "document",
    "line",
    "column",
    "kind",
    "speaker",
    "words",
    "note",
    "start",
    "end",
    "other_document",
    "other_line",
    "other_column",
    "other_speaker",
    "other_words",
    "diff",
];

/// One row per flag under [`CSV_COLUMNS`]; `start`/`end` are the code-point span of
/// `words`, the `other_` columns the statement compared with, `diff` the drift's edit
/// (`[-removed-]`, `{+added+}`).
///
/// ```
/// let mut out = Vec::new();
/// quotegraph::export::flags::write_csv(&mut out, &[]).unwrap();
/// assert_eq!(out, b"document,line,column,kind,speaker,words,note,start,end,other_document,other_line,other_column,other_speaker,other_words,diff\r\n");
/// ```
pub fn write_csv(w: &mut dyn Write, flags: &[Flag]) -> io::Result<()> {
    use super::csv::row;
    row(w, &CSV_COLUMNS)?;
    for f in flags {
        let o = f.other.as_ref();
        row(
            w,
            &[
                f.document.clone(),
                f.line.to_string(),
                f.column.to_string(),
                f.kind.as_str().to_string(),
                f.speaker.clone().unwrap_or_default(),
                f.words.clone(),
                f.note.clone(),
                f.span[0].to_string(),
                f.span[1].to_string(),
                o.map(|o| o.document.clone()).unwrap_or_default(),
                o.map(|o| o.line.to_string()).unwrap_or_default(),
                o.map(|o| o.column.to_string()).unwrap_or_default(),
                o.and_then(|o| o.speaker.clone()).unwrap_or_default(),
                o.map(|o| o.words.clone()).unwrap_or_default(),
                if f.diff.is_empty() { String::new() } else { render(&f.diff) },
            ],
        )?;
    }
    Ok(())
}
