//! Stage 1, ingest: files, directories, JSONL corpora, HTML pages and stdin →
//! [`Document`]s.
//!
//! Reading is streaming: [`read_inputs`] returns an iterator that opens one
//! file at a time and reads a JSONL corpus line by line, so memory does not
//! grow with the corpus.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::model::Document;

pub mod html;

pub use html::{html_document, HTML_EXTENSIONS};

/// File endings read when a directory is walked.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text"];
/// File endings read as JSON Lines corpora.
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

#[derive(Debug, Deserialize)]
struct JsonlRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

enum Pending {
    /// A file named on the command line, or found in a directory (with the id it gets).
    File {
        path: PathBuf,
        id: String,
    },
    Stdin,
}

/// A streaming reader over every input named on the command line.
///
/// Yields one `Result` per document; an error names its file (and line). The
/// caller decides whether an error stops the run (`--keep-going` does not).
pub struct Inputs {
    queue: VecDeque<Pending>,
    jsonl: Option<JsonlReader>,
}

struct JsonlReader {
    path: PathBuf,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
    stem: String,
    buf: String,
    seen_any: bool,
}

/// Expands `paths` (files, directories, `-`) into a streaming document reader.
///
/// Directories are walked recursively in sorted order; only text, HTML and JSONL
/// files in them are read. A path that does not exist is an error at once.
///
/// ```
/// let dir = std::env::temp_dir().join("qg-doc-ingest");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "“Hello,” she said.").unwrap();
/// let docs: Vec<_> = quotegraph::ingest::read_inputs(&[dir.join("a.txt")]).unwrap()
///     .collect::<Result<_, _>>().unwrap();
/// assert_eq!(docs[0].id, "a");
/// ```
pub fn read_inputs(paths: &[PathBuf]) -> Result<Inputs, Error> {
    let mut queue = VecDeque::new();
    for p in paths {
        if p.as_os_str() == "-" {
            queue.push_back(Pending::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files)?;
            files.sort();
            for f in files {
                let rel = f.strip_prefix(p).unwrap_or(&f).with_extension("");
                let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                queue.push_back(Pending::File { path: f, id });
            }
        } else {
            let id = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string());
            queue.push_back(Pending::File { path: p.clone(), id });
        }
    }
    Ok(Inputs { queue, jsonl: None })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if is_jsonl(&path) || has_ext(&path, TEXT_EXTENSIONS) || is_html(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_jsonl(path: &Path) -> bool {
    has_ext(path, JSONL_EXTENSIONS)
}

fn is_html(path: &Path) -> bool {
    has_ext(path, HTML_EXTENSIONS)
}

/// Checks raw bytes and turns them into text, or says what is wrong with them.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => Err(format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to())),
    }
}

/// A document from plain text: its first line becomes the title when it looks like a headline.
///
/// ```
/// let d = quotegraph::ingest::text_document("x", "Talks Resume\n\nBody text.".into());
/// assert_eq!(d.title.as_deref(), Some("Talks Resume"));
/// ```
pub fn text_document(id: &str, text: String) -> Document {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let title =
        (!first.is_empty() && first.chars().count() <= 200 && !first.ends_with(['.', ',', ';', ':']) && text.trim().len() > first.len())
            .then(|| first.to_string());
    Document { id: id.to_string(), title, source: None, date: None, url: None, text }
}

impl JsonlReader {
    fn next_doc(&mut self) -> Option<Result<Document, Error>> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            let mut raw = Vec::new();
            match self.lines.read_until(b'\n', &mut raw) {
                Ok(0) => {
                    if !self.seen_any {
                        self.seen_any = true;
                        return Some(Err(Error::input(&self.path, "empty file")));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => return Some(Err(Error::io(&self.path, e))),
            }
            let line = match std::str::from_utf8(&raw) {
                Ok(l) => l,
                Err(e) => {
                    self.seen_any = true;
                    return Some(Err(Error::input(
                        &self.path,
                        format!("line {}: not valid UTF-8 (at byte {})", self.line_no, e.valid_up_to()),
                    )));
                }
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            self.seen_any = true;
            return Some(self.parse(line));
        }
    }

    fn parse(&self, line: &str) -> Result<Document, Error> {
        let n = self.line_no;
        let rec: JsonlRecord = serde_json::from_str(line).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            Error::input(&self.path, format!("line {n}: malformed JSON: {msg}"))
        })?;
        let text = rec.text.ok_or_else(|| Error::input(&self.path, format!("line {n}: no \"text\" field")))?;
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(x)) => x.to_string(),
            None | Some(serde_json::Value::Null) => format!("{}#{}", self.stem, n),
            Some(_) => return Err(Error::input(&self.path, format!("line {n}: \"id\" must be a string or a number"))),
        };
        Ok(Document { id, title: rec.title, source: rec.source, date: rec.date, url: rec.url, text })
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.jsonl.as_mut() {
                match r.next_doc() {
                    Some(d) => return Some(d),
                    None => self.jsonl = None,
                }
            }
            let (path, id, bytes_or_reader): (PathBuf, String, Result<Box<dyn BufRead + Send>, Vec<u8>>) = match self.queue.pop_front()? {
                Pending::Stdin => {
                    let mut bytes = Vec::new();
                    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                        return Some(Err(Error::io("<stdin>", e)));
                    }
                    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
                    let path = PathBuf::from("<stdin>");
                    if first == Some(b'{') {
                        (path, "stdin".into(), Ok(Box::new(std::io::Cursor::new(bytes))))
                    } else {
                        (path, "stdin".into(), Err(bytes))
                    }
                }
                Pending::File { path, id } => {
                    if is_jsonl(&path) {
                        match File::open(&path) {
                            Ok(f) => (path, id, Ok(Box::new(BufReader::with_capacity(1 << 16, f)))),
                            Err(e) => return Some(Err(Error::io(&path, e))),
                        }
                    } else {
                        match std::fs::read(&path) {
                            Ok(b) => (path, id, Err(b)),
                            Err(e) => return Some(Err(Error::io(&path, e))),
                        }
                    }
                }
            };
            match bytes_or_reader {
                Ok(reader) => {
                    let stem = id.clone();
                    self.jsonl = Some(JsonlReader { path, lines: reader, line_no: 0, stem, buf: String::new(), seen_any: false });
                }
                Err(bytes) => {
                    let stdin = path.as_os_str() == "<stdin>";
                    return Some(match decode(bytes) {
                        Ok(text) if is_html(&path) || stdin && html::looks_like_html(&text) => {
                            html_document(&id, &text).map_err(|msg| Error::input(&path, msg))
                        }
                        Ok(text) => Ok(text_document(&id, text)),
                        Err(msg) => Err(Error::input(&path, msg)),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("qg-ingest-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn jsonl_lines_become_documents_with_metadata() {
        let d = tmp("jsonl");
        let f = d.join("c.jsonl");
        std::fs::write(&f, "{\"id\":\"a\",\"text\":\"one\",\"source\":\"BBC\",\"extra\":1}\n\n{\"id\":7,\"text\":\"two\"}\n").unwrap();
        let docs: Vec<Document> = read_inputs(&[f]).unwrap().collect::<Result<_, _>>().unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].source.as_deref(), Some("BBC"));
        assert_eq!(docs[1].id, "7");
    }

    #[test]
    fn a_malformed_line_names_file_and_line() {
        let d = tmp("bad");
        let f = d.join("c.jsonl");
        std::fs::write(&f, "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\": \"b\", \"text\": \n").unwrap();
        let mut it = read_inputs(&[f]).unwrap();
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err().to_string();
        assert!(e.contains("c.jsonl: line 2: malformed JSON"), "{e}");
    }

    #[test]
    fn missing_text_field_is_reported() {
        let d = tmp("notext");
        let f = d.join("c.jsonl");
        std::fs::write(&f, "{\"id\":\"a\"}\n").unwrap();
        let e = read_inputs(&[f]).unwrap().next().unwrap().unwrap_err().to_string();
        assert!(e.ends_with("line 1: no \"text\" field"), "{e}");
    }

    #[test]
    fn directories_are_walked_sorted_and_bad_files_reported() {
        let d = tmp("dir");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "Bee.").unwrap();
        std::fs::write(d.join("sub/a.md"), "Ay.").unwrap();
        std::fs::write(d.join("empty.txt"), "").unwrap();
        std::fs::write(d.join("bin.txt"), [0u8, 159, 146, 150]).unwrap();
        std::fs::write(d.join("latin1.txt"), [b'c', b'a', b'f', 0xe9]).unwrap();
        std::fs::write(d.join("skip.png"), [1u8, 2]).unwrap();
        let all: Vec<_> = read_inputs(&[d.clone()]).unwrap().collect();
        let ok: Vec<String> = all.iter().filter_map(|r| r.as_ref().ok()).map(|d| d.id.clone()).collect();
        assert_eq!(ok, vec!["b", "sub/a"]);
        let errs: Vec<String> = all.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 3);
        assert!(errs.iter().any(|e| e.contains("bin.txt: binary file")));
        assert!(errs.iter().any(|e| e.contains("empty.txt: empty file")));
        assert!(errs.iter().any(|e| e.contains("latin1.txt: not valid UTF-8 (at byte 3)")));
    }

    #[test]
    fn a_missing_path_is_an_error_at_once() {
        let e = read_inputs(&[PathBuf::from("/no/such/file.txt")]).err().unwrap().to_string();
        assert_eq!(e, "/no/such/file.txt: no such file or directory");
    }
}
