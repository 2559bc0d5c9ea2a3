//! The report as JSON: the whole model, lists sorted by id, stable ids (the
//! contract in `design.md` that scripts and `merge` read).

use std::io::Write;

use crate::model::Report;

/// Writes the report as pretty JSON with a final newline.
///
/// ```
/// let mut out = Vec::new();
/// quotegraph::export::json::write_json(&mut out, &quotegraph::model::Report::default()).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert!(v["statements"].as_array().unwrap().is_empty());
/// ```
pub fn write_json(w: &mut dyn Write, r: &Report) -> std::io::Result<()> {
    super::write_pretty_json(w, r, true)
}

/// Reads a report written by [`write_json`] (for `merge`).
pub fn read_json(text: &str) -> Result<Report, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}
