//! Extraction output: the JSON Lines contract (code-point offsets), pretty JSON,
//! and a text listing a person reads.
//!
//! Offsets inside the library are bytes; this is the one place they become
//! Unicode code points, as Python, spaCy and the W3C TextPositionSelector count.

use std::io::Write;

use serde::Serialize;

use crate::model::{Attribution, Document, Span};

/// Converts byte offsets of one text into code-point offsets.
///
/// ```
/// use quotegraph::export::quotes::Offsets;
/// let o = Offsets::new("a“b”c");
/// assert_eq!(o.char_at(4), 2); // the byte after “ is code point 2
/// ```
pub struct Offsets<'t> {
    text: &'t str,
    ascii: bool,
    /// The last byte offset converted and its code-point offset: conversions mostly come in
    /// text order, so each one counts only the bytes since the previous one.
    cursor: std::cell::Cell<(usize, usize)>,
}

impl<'t> Offsets<'t> {
    /// A converter for `text` (no table is built: offsets are counted on demand).
    pub fn new(text: &'t str) -> Self {
        Offsets { text, ascii: text.is_ascii(), cursor: std::cell::Cell::new((0, 0)) }
    }
    /// The code-point offset of byte offset `b` (a char boundary).
    pub fn char_at(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        // (`chars().count()` counts a word of bytes at a time; a range that is not on char
        // boundaries, which no span should be, is counted byte by byte: a code point starts at
        // every byte that is not a UTF-8 continuation byte, 10xxxxxx)
        let starts = |r: std::ops::Range<usize>| match self.text.get(r.clone()) {
            Some(s) => s.chars().count(),
            None => self.text.as_bytes()[r].iter().filter(|&&x| (x as i8) >= -0x40).count(),
        };
        let (cb, cn) = self.cursor.get();
        let n = if b >= cb { cn + starts(cb..b) } else { cn - starts(b..cb) };
        self.cursor.set((b, n));
        n
    }
    /// A span in code points.
    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.char_at(s.start), self.char_at(s.end)]
    }
}

/// One attribution as the extract contract writes it.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// The reported words.
    pub content: &'a str,
    /// Code-point span of `content`.
    pub content_span: [usize; 2],
    /// direct, mixed or indirect.
    pub kind: &'static str,
    /// Resolved speaker name, or null.
    pub speaker: Option<&'a str>,
    /// Code-point span of the mention the attribution rests on (the name, the "he").
    pub speaker_span: Option<[usize; 2]>,
    /// The whole mention, with title ("Foreign Minister Dmytro Kuleba").
    pub speaker_mention: Option<&'a str>,
    /// Title or role.
    pub title: Option<&'a str>,
    /// Organization or country.
    pub org: Option<&'a str>,
    /// True when the speaker is an organization, a group or a document.
    pub speaker_is_org: bool,
    /// The cue words.
    pub cue: Option<&'a str>,
    /// Code-point span of the cue.
    pub cue_span: Option<[usize; 2]>,
    /// 0–1.
    pub confidence: f32,
    /// Code-point span of the sentence.
    pub sentence_span: [usize; 2],
    /// The other speakers of a list the mention belongs to ("Labour and the Liberal
    /// Democrats say"), who say the same words; absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoRecord<'a>>,
}

/// Another speaker of the same words, named in a list with the attribution's mention.
#[derive(Debug, Serialize)]
pub struct AlsoRecord<'a> {
    /// Resolved speaker name, or null.
    pub speaker: Option<&'a str>,
    /// Code-point span of the mention.
    pub speaker_span: [usize; 2],
    /// Title or role.
    pub title: Option<&'a str>,
    /// Organization or country.
    pub org: Option<&'a str>,
    /// True when the speaker is an organization, a group or a document.
    pub speaker_is_org: bool,
}

/// One document's line in the JSON Lines output.
#[derive(Debug, Serialize)]
pub struct DocRecord<'a> {
    /// The document id.
    pub id: &'a str,
    /// Headline, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Outlet, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// Address, when known (pretty JSON only: the JSON Lines contract has no `url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The attributions, in text order.
    pub quotes: Vec<QuoteRecord<'a>>,
    /// The text itself (only with `--with-text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

/// Builds the contract record for one document.
pub fn record<'a>(doc: &'a Document, atts: &'a [Attribution], with_text: bool) -> DocRecord<'a> {
    let off = Offsets::new(&doc.text);
    let t = doc.text.as_str();
    let quotes = atts
        .iter()
        .map(|a| QuoteRecord {
            content: a.content.of(t),
            content_span: off.span(a.content),
            kind: a.kind.as_str(),
            speaker: a.speaker.name.as_deref(),
            speaker_span: a.mention.as_ref().map(|m| off.span(m.relative.unwrap_or(m.head))),
            speaker_mention: a.mention.as_ref().map(|m| m.span.of(t)),
            title: a.speaker.title.as_deref(),
            org: a.speaker.org.as_deref(),
            speaker_is_org: a.speaker.is_org,
            cue: a.cue.map(|c| c.of(t)),
            cue_span: a.cue.map(|c| off.span(c)),
            confidence: (a.confidence * 100.0).round() / 100.0,
            sentence_span: off.span(a.sentence),
            also: a
                .also
                .iter()
                .zip(&a.also_speakers)
                .map(|(m, sp)| AlsoRecord {
                    speaker: sp.name.as_deref(),
                    speaker_span: off.span(m.head),
                    title: sp.title.as_deref(),
                    org: sp.org.as_deref(),
                    speaker_is_org: sp.is_org,
                })
                .collect(),
        })
        .collect();
    DocRecord {
        id: &doc.id,
        title: doc.title.as_deref(),
        source: doc.source.as_deref(),
        date: doc.date.as_deref(),
        url: None,
        quotes,
        text: with_text.then_some(t),
    }
}

/// Writes one JSON Lines record.
pub fn write_jsonl(w: &mut dyn Write, doc: &Document, atts: &[Attribution], with_text: bool) -> std::io::Result<()> {
    // serialized into memory first: one write instead of one virtual call per token
    let mut buf = Vec::with_capacity(256 + 512 * atts.len());
    compact::doc(&mut buf, &record(doc, atts, with_text));
    buf.push(b'\n');
    w.write_all(&buf)
}

/// The JSON Lines record written by hand: the bytes `serde_json::to_writer` writes for a
/// [`DocRecord`] (the tests hold them equal), without serde's call per field and its escape
/// test per byte.
///
/// Why: writing the records was a tenth of `extract`'s time, most of it spent looking for
/// characters to escape in the quoted text, where there are almost none.
mod compact {
    use super::{AlsoRecord, DocRecord, QuoteRecord};

    /// `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the control
    /// characters with their short escapes or `\u00XX`, everything else as it is.
    pub(super) fn str(out: &mut Vec<u8>, s: &str) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // some byte of `x` is zero / below 0x20 (exact as a yes or no; bytes of 0x80 and up
        // never count)
        let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
        let has_control = |x: u64| x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
        let b = s.as_bytes();
        out.push(b'"');
        // `b[done..i]` is plain text not yet copied
        let (mut done, mut i) = (0, 0);
        while i < b.len() {
            // eight plain bytes at a time
            if let Some(chunk) = b.get(i..i + 8) {
                let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
                if !(has_control(x) || has_zero(x ^ ONES * u64::from(b'"')) || has_zero(x ^ ONES * u64::from(b'\\'))) {
                    i += 8;
                    continue;
                }
            }
            let c = b[i];
            let escape = match c {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0c => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0..=0x1f => b'u',
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&b[done..i]);
            out.extend_from_slice(&[b'\\', escape]);
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]);
            }
            i += 1;
            done = i;
        }
        out.extend_from_slice(&b[done..]);
        out.push(b'"');
    }

    fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => str(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// The decimal digits of `n` into the end of `digits`; returns where they start.
    fn digits(digits: &mut [u8], mut n: usize) -> usize {
        let mut k = digits.len();
        loop {
            k -= 1;
            digits[k] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        k
    }

    /// `[start,end]`, built in a buffer and appended in one copy (two numbers and three marks
    /// appended one by one were five capacity checks and two copies of a variable length).
    fn span(out: &mut Vec<u8>, s: [usize; 2]) {
        let mut buf = [0u8; 43];
        buf[42] = b']';
        let k = digits(&mut buf[..42], s[1]);
        buf[k - 1] = b',';
        let k = digits(&mut buf[..k - 1], s[0]);
        buf[k - 1] = b'[';
        out.extend_from_slice(&buf[k - 1..]);
    }

    fn opt_span(out: &mut Vec<u8>, s: Option<[usize; 2]>) {
        match s {
            Some(s) => span(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    fn bool(out: &mut Vec<u8>, b: bool) {
        out.extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// `"key":` (keys are plain words: nothing to escape).
    fn key(out: &mut Vec<u8>, first: bool, k: &str) {
        if !first {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"\":");
    }

    pub(super) fn doc(out: &mut Vec<u8>, d: &DocRecord) {
        out.push(b'{');
        key(out, true, "id");
        str(out, d.id);
        for (k, v) in [("title", d.title), ("source", d.source), ("date", d.date), ("url", d.url)] {
            if let Some(v) = v {
                key(out, false, k);
                str(out, v);
            }
        }
        key(out, false, "quotes");
        out.push(b'[');
        for (i, q) in d.quotes.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            quote(out, q);
        }
        out.push(b']');
        if let Some(t) = d.text {
            key(out, false, "text");
            str(out, t);
        }
        out.push(b'}');
    }

    fn quote(out: &mut Vec<u8>, q: &QuoteRecord) {
        out.push(b'{');
        key(out, true, "content");
        str(out, q.content);
        key(out, false, "content_span");
        span(out, q.content_span);
        key(out, false, "kind");
        str(out, q.kind);
        key(out, false, "speaker");
        opt_str(out, q.speaker);
        key(out, false, "speaker_span");
        opt_span(out, q.speaker_span);
        key(out, false, "speaker_mention");
        opt_str(out, q.speaker_mention);
        key(out, false, "title");
        opt_str(out, q.title);
        key(out, false, "org");
        opt_str(out, q.org);
        key(out, false, "speaker_is_org");
        bool(out, q.speaker_is_org);
        key(out, false, "cue");
        opt_str(out, q.cue);
        key(out, false, "cue_span");
        opt_span(out, q.cue_span);
        key(out, false, "confidence");
        // (serde_json's own float formatting, null when not finite: the same bytes by construction)
        serde_json::to_writer(&mut *out, &q.confidence).expect("writing to memory cannot fail");
        key(out, false, "sentence_span");
        span(out, q.sentence_span);
        if !q.also.is_empty() {
            key(out, false, "also");
            out.push(b'[');
            for (i, a) in q.also.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                also(out, a);
            }
            out.push(b']');
        }
        out.push(b'}');
    }

    fn also(out: &mut Vec<u8>, a: &AlsoRecord) {
        out.push(b'{');
        key(out, true, "speaker");
        opt_str(out, a.speaker);
        key(out, false, "speaker_span");
        span(out, a.speaker_span);
        key(out, false, "title");
        opt_str(out, a.title);
        key(out, false, "org");
        opt_str(out, a.org);
        key(out, false, "speaker_is_org");
        bool(out, a.speaker_is_org);
        out.push(b'}');
    }
}

/// Writes one document as pretty JSON (an element of a JSON array; the caller writes the brackets):
/// the contract record with the document's `url` and the `text` every span refers to (for an HTML
/// page, the text extracted from it).
///
/// ```
/// use quotegraph::{model::Document, export::quotes::write_json};
/// let mut doc = Document::new("d", "x");
/// doc.url = Some("https://example.org/d".into());
/// let mut out = Vec::new();
/// write_json(&mut out, &doc, &[], true).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!((v["url"].as_str(), v["text"].as_str()), (Some("https://example.org/d"), Some("x")));
/// ```
pub fn write_json(w: &mut dyn Write, doc: &Document, atts: &[Attribution], first: bool) -> std::io::Result<()> {
    if !first {
        w.write_all(b",\n")?;
    }
    let rec = DocRecord { url: doc.url.as_deref(), ..record(doc, atts, true) };
    super::write_pretty_json(w, &rec, false)
}

/// Writes a listing a person reads: `line:col  Speaker (title, org): “content”`.
///
/// ```
/// use quotegraph::{model::Document, export::quotes::write_text};
/// let doc = Document::new("d", "x");
/// let mut out = Vec::new();
/// write_text(&mut out, &doc, &[]).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "== d: no attributions\n");
/// ```
pub fn write_text(w: &mut dyn Write, doc: &Document, atts: &[Attribution]) -> std::io::Result<()> {
    if atts.is_empty() {
        return writeln!(w, "== {}: no attributions", doc.id);
    }
    writeln!(w, "== {} ({} attributions)", doc.id, atts.len())?;
    let t = doc.text.as_str();
    let lines = Lines::new(t);
    for a in atts {
        let (line, col) = lines.line_col(a.content.start);
        let who = a.speaker.name.as_deref().or(a.mention.as_ref().map(|m| m.span.of(t))).unwrap_or("(no speaker)");
        let extra: Vec<&str> = [a.speaker.title.as_deref(), a.speaker.org.as_deref()].into_iter().flatten().collect();
        let mut extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join(", ")) };
        // the others of a list ("Labour and the Liberal Democrats say"), who say the same words
        let others: Vec<&str> = a.also_speakers.iter().filter_map(|s| s.name.as_deref()).collect();
        if !others.is_empty() {
            extra.push_str(&format!(" with {}", others.join(", ")));
        }
        let content: String = a.content.of(t).split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(w, "{line}:{col}\t{}\t{who}{extra}: “{content}”", a.kind.as_str())?;
    }
    Ok(())
}

/// Byte offsets → 1-based line and code-point column, from a table of line starts built
/// once, so that a document with thousands of quotes on one line is not rescanned for each.
///
/// ```
/// use quotegraph::export::quotes::Lines;
/// let l = Lines::new("ab\n“cd”\nx");
/// assert_eq!(l.line_col(6), (2, 2));
/// assert_eq!(l.span(quotegraph::model::Span::new(3, 8)), [3, 6]); // “cd
/// ```
pub struct Lines<'t> {
    /// Byte offset and code-point offset of each line's first character.
    starts: Vec<(usize, usize)>,
    off: Offsets<'t>,
}

impl<'t> Lines<'t> {
    /// The line table of `text`.
    pub fn new(text: &'t str) -> Self {
        let off = Offsets::new(text);
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).map(|b| (b, off.char_at(b))).collect();
        Lines { starts, off }
    }
    /// 1-based line and column (in code points) of byte `b` (a char boundary).
    pub fn line_col(&self, b: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&(s, _)| s <= b);
        (line, self.off.char_at(b) - self.starts[line - 1].1 + 1)
    }
    /// A span in code points.
    pub fn span(&self, s: Span) -> [usize; 2] {
        self.off.span(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_code_points() {
        let t = "é“x”";
        let o = Offsets::new(t);
        assert_eq!(o.char_at(0), 0);
        assert_eq!(o.char_at(2), 1);
        assert_eq!(o.char_at(5), 2);
        assert_eq!(o.char_at(t.len()), 4);
    }

    proptest::proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}é“”\u{2028}]{0,40}") {
            let mut ours = Vec::new();
            compact::str(&mut ours, &s);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        }
    }

    #[test]
    fn the_hand_written_record_is_serde_json_s() {
        let text = "“Tabs\there, a \\ and \"marks\",” said Dr. Ann Lee, a minister. He said no.\u{1}";
        let mut doc = Document::new("d\"1", text);
        doc.title = Some("A “title”".into());
        doc.date = Some("2015-11-02".into());
        let lex = crate::lexicon::Lexicon::default_lexicon();
        let mut atts = crate::attributions(&doc, &lex);
        assert!(!atts.is_empty());
        atts[0].confidence = f32::NAN;
        atts[0].also = atts[0].mention.iter().map(|m| m.clone()).collect();
        atts[0].also_speakers = vec![atts[0].speaker.clone()];
        for with_text in [false, true] {
            for doc in [doc.clone(), Document { title: None, date: None, source: Some("BBC".into()), ..doc.clone() }] {
                let mut ours = Vec::new();
                write_jsonl(&mut ours, &doc, &atts, with_text).unwrap();
                let mut theirs = serde_json::to_vec(&record(&doc, &atts, with_text)).unwrap();
                theirs.push(b'\n');
                assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs).unwrap());
            }
        }
    }

    #[test]
    fn lines_and_columns_are_one_based_and_count_code_points() {
        let l = Lines::new("ab\n“cd”\nx");
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(3), (2, 1));
        assert_eq!(l.line_col(6), (2, 2));
        assert_eq!(l.line_col(12), (3, 1));
        // out of order, as a report's statements may come
        assert_eq!(l.line_col(1), (1, 2));
        assert_eq!(l.line_col(13), (3, 2));
    }
}
