//! The annotated article view (`quotegraph view`, and a section of the HTML
//! report for small reports): the article's own text, paragraph by paragraph,
//! with every attribution's content highlighted in its speaker's colour, the
//! cue and the speaker mention marked, and the quotations nobody is credited
//! with standing out.
//!
//! How the page reads:
//!
//! * **Speakers** are numbered in order of first appearance in the text. Number
//!   *n* (from 0) gets colour `n mod 7` of the Okabe–Ito palette (told apart by
//!   people with any form of colour blindness) and underline style `n mod 4`
//!   (solid, dashed, dotted, double), and every quotation opens with a badge
//!   carrying the speaker's number, so a grayscale print still tells speakers
//!   apart.
//! * **Content** is a highlight in the speaker's colour; the **cue** ("said") is
//!   bold and underlined; the **speaker mention** ("Foreign Minister Dmytro
//!   Kuleba", "he") is outlined in the speaker's colour.
//! * **Hover** (the `title` attribute) or **keyboard focus** (each quotation is a
//!   tab stop; a CSS tooltip, no script) shows speaker, title, organization, kind,
//!   the extractor's confidence and how the speaker was found ([`speaker_basis`]).
//! * **Unattributed quotations**: a pair of quotation marks the segmenter found
//!   around four words or more that no attribution's content touches gets a red
//!   dashed outline and the label "no speaker found". Shorter ones are scare
//!   quotes ("so-called “experts”") and stay plain.
//!
//! The markup is built from a list of spans made non-crossing first ([`nest`]):
//! where a cue or mention straddles the edge of a quotation it is split in two
//! at that edge, so every tag closes inside the tag it opened in.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::io::{self, Write};

use askama::Template;

use crate::export::graphml::escape_xml;
use crate::lexicon::Lexicon;
use crate::model::{Attribution, Document, MentionKind, Span};
use crate::segment::Segmented;

/// How many documents a report may cover and still get an annotated article
/// view per document.
pub const REPORT_ARTICLE_LIMIT: usize = 20;

/// Quotations shorter than this many words, with no speaker, are scare quotes
/// and are not flagged as unattributed.
pub const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// Number of speaker colours; the palette repeats after this.
pub const COLOURS: usize = 7;
/// Number of underline styles; with [`COLOURS`] they give 28 distinct looks.
pub const STYLES: usize = 4;

/// What a marked stretch of text is. When two marks cover the same text, the
/// one that sorts first (content, then unattributed quote, mention, cue) is the
/// outer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    /// The content of attribution `n` (index in the document's list).
    Content(usize),
    /// Unattributed quotation `n` (index in [`Article::unattributed`] order).
    Unattributed(usize),
    /// The speaker mention of attribution `n`.
    Mention(usize),
    /// The cue of attribution `n`.
    Cue(usize),
}

/// Makes a list of spans non-crossing: any two results are either disjoint or
/// one lies inside the other. A span that starts inside another and ends after
/// it is split at the other's end (both pieces keep their label). Empty spans
/// are dropped and duplicates kept once.
///
/// The result is sorted by start, then longest first, then label, which is the
/// order in which the tags open.
///
/// ```
/// use quotegraph::{export::view::nest, model::Span};
/// // a cue [4, 12) that crosses the end of a quotation [0, 8)
/// let got = nest(vec![(Span::new(0, 8), 'q'), (Span::new(4, 12), 'c')]);
/// assert_eq!(got, vec![(Span::new(0, 8), 'q'), (Span::new(4, 8), 'c'), (Span::new(8, 12), 'c')]);
/// ```
pub fn nest<M: Ord + Copy>(spans: impl IntoIterator<Item = (Span, M)>) -> Vec<(Span, M)> {
    let mut heap: BinaryHeap<Reverse<(usize, Reverse<usize>, M)>> =
        spans.into_iter().filter(|(s, _)| !s.is_empty()).map(|(s, m)| Reverse((s.start, Reverse(s.end), m))).collect();
    let mut out: Vec<(Span, M)> = Vec::with_capacity(heap.len());
    // ends of the spans enclosing the current position, innermost last
    let mut open: Vec<usize> = Vec::new();
    while let Some(Reverse((start, Reverse(end), m))) = heap.pop() {
        if out.last() == Some(&(Span::new(start, end), m)) {
            continue;
        }
        while open.last().is_some_and(|&e| e <= start) {
            open.pop();
        }
        if let Some(&e) = open.last() {
            if end > e {
                // crosses the innermost open span: split at its end, and let both pieces
                // take their turn in order (the first fits inside, the second starts after)
                heap.push(Reverse((start, Reverse(e), m)));
                heap.push(Reverse((e, Reverse(end), m)));
                continue;
            }
        }
        out.push((Span::new(start, end), m));
        open.push(end);
    }
    out
}

/// How the speaker of an attribution was found, in words a reader follows.
///
/// The extractor's `confidence` says how sure it is of the pattern (a quotation
/// with "said Name" after it is surer than a clause after a belief verb); this
/// says how far the speaker's name is from the words:
///
/// | case | text |
/// |---|---|
/// | no mention at all | "no speaker mention" |
/// | a quotation with no cue that continues an earlier one | "continues the speaker of an earlier quotation" |
/// | a name in the same sentence | "named in the sentence" |
/// | a name outside the sentence | "named nearby" |
/// | "he", "she", "they" | "pronoun “he”, resolved to the nearest matching speaker" |
/// | "the minister" | "role “the minister”, resolved to the nearest person with it" |
/// | an organization, country or capital | "organization named in the sentence" |
/// | data or a document | "document or data cited" |
/// | an unnamed group | "unnamed group" |
///
/// ```
/// use quotegraph::export::view::speaker_basis;
/// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
/// let doc = quotegraph::model::Document::new("d", "“Talks will resume,” said Ann Lee.");
/// let a = &quotegraph::attributions(&doc, &lex)[0];
/// assert_eq!(speaker_basis(a, &doc.text), "named in the sentence");
/// ```
pub fn speaker_basis(a: &Attribution, text: &str) -> String {
    let Some(m) = &a.mention else { return "no speaker mention".into() };
    if a.continues.is_some() || a.cue.is_none() {
        return "continues the speaker of an earlier quotation".into();
    }
    match m.kind {
        MentionKind::Name if a.sentence.contains(m.span) => "named in the sentence".into(),
        MentionKind::Name => "named nearby".into(),
        MentionKind::Pronoun => format!("pronoun “{}”, resolved to the nearest matching speaker", m.head.of(text)),
        MentionKind::Role => format!("role “{}”, resolved to the nearest person with it", m.span.of(text)),
        MentionKind::Organization => "organization named in the sentence".into(),
        MentionKind::Document => "document or data cited".into(),
        MentionKind::Group => "unnamed group".into(),
    }
}

/// One speaker in an article's legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// 1-based number, as on the badges.
    pub n: usize,
    /// CSS classes giving the colour and underline style.
    pub class: String,
    /// Name (or the mention, when nobody was resolved).
    pub name: String,
    /// Title or role ("" when unknown).
    pub title: String,
    /// Organization ("" when unknown).
    pub org: String,
    /// "person", "organization" or "unknown".
    pub kind: String,
    /// How many attributions the speaker has here.
    pub count: usize,
}

/// One document, annotated: what both templates read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Document id.
    pub id: String,
    /// An HTML id for the section ("article-1").
    pub anchor: String,
    /// Headline ("" when none).
    pub title: String,
    /// What the section is headed with: the headline, or the id when the text opens with
    /// the headline itself (a text file's first line) or has none.
    pub heading: String,
    /// Outlet.
    pub source: String,
    /// Date.
    pub date: String,
    /// Where it came from.
    pub url: String,
    /// The paragraphs as HTML (text escaped here, marks added).
    pub paragraphs: Vec<String>,
    /// The speakers, by number.
    pub legend: Vec<LegendEntry>,
    /// Number of attributions highlighted.
    pub attributions: usize,
    /// The unattributed quotations (their text).
    pub unattributed: Vec<String>,
}

/// A speaker's identity for colouring: the resolved name, else the mention.
fn speaker_key(a: &Attribution, text: &str) -> String {
    a.speaker.name.clone().or_else(|| a.mention.as_ref().map(|m| m.span.of(text).to_string())).unwrap_or_default()
}

fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The quotations the segmenter paired (top level, four words or more) that no
/// attribution's content overlaps: the whole quotation, marks included.
pub fn unattributed(seg: &Segmented, atts: &[Attribution]) -> Vec<Span> {
    let text = seg.doc.text.as_str();
    seg.quotes
        .iter()
        .filter(|q| q.depth == 0 && words(q.inner.of(text)) >= MIN_UNATTRIBUTED_WORDS)
        .filter(|q| !atts.iter().any(|a| a.content.start < q.inner.end && q.inner.start < a.content.end))
        .map(|q| Span::new(q.open.start, q.close.map_or(q.inner.end, |c| c.end)))
        .collect()
}

/// Escapes text for HTML element content.
fn esc_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Opening tag and closing tag of one mark piece.
type Tags = (String, &'static str);

/// Writes `text[para]` with the pieces that fall inside it as nested tags.
/// `pieces` must come from [`nest`] (sorted, non-crossing).
fn markup(text: &str, para: Span, pieces: &[(Span, Mark)], tags: &mut dyn FnMut(Mark) -> Tags) -> String {
    let mut out = String::with_capacity(para.len() * 2);
    let mut pos = para.start;
    let mut stack: Vec<(usize, &'static str)> = Vec::new();
    for &(s, m) in pieces {
        if s.end <= para.start || s.start >= para.end {
            continue;
        }
        let s = Span::new(s.start.max(para.start), s.end.min(para.end));
        while let Some(&(end, close)) = stack.last() {
            if end > s.start {
                break;
            }
            esc_text(&text[pos..end], &mut out);
            out.push_str(close);
            pos = end;
            stack.pop();
        }
        esc_text(&text[pos..s.start], &mut out);
        pos = s.start;
        let (open, close) = tags(m);
        out.push_str(&open);
        stack.push((s.end, close));
    }
    while let Some((end, close)) = stack.pop() {
        esc_text(&text[pos..end], &mut out);
        out.push_str(close);
        pos = end;
    }
    esc_text(&text[pos..para.end], &mut out);
    out
}

fn attr(s: &str) -> String {
    escape_xml(s).into_owned()
}

/// Annotates one document whose attributions are already known (they must be
/// those [`crate::attributions`] gives for it); segments it again for the
/// paragraphs and quotation marks. `n` numbers the section's anchor.
pub fn article(doc: &Document, atts: &[Attribution], lex: &Lexicon, n: usize) -> Article {
    let seg = crate::segment::segment(doc, lex);
    build(&seg, atts, n)
}

/// Segments, extracts and annotates one document.
///
/// ```
/// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
/// let doc = quotegraph::model::Document::new("d", "“Talks will resume,” said Ann Lee.");
/// let a = quotegraph::export::view::analyse(&doc, &lex, 1);
/// assert_eq!(a.attributions, 1);
/// assert_eq!(a.legend[0].name, "Ann Lee");
/// ```
pub fn analyse(doc: &Document, lex: &Lexicon, n: usize) -> Article {
    let seg = crate::segment::segment(doc, lex);
    let mut atts = crate::extract::extract(&seg, lex);
    crate::resolve::resolve(&seg, lex, &mut atts);
    build(&seg, &atts, n)
}

/// Builds the annotated view of a segmented document and its attributions.
pub fn build(seg: &Segmented, atts: &[Attribution], n: usize) -> Article {
    let doc = seg.doc;
    let text = doc.text.as_str();

    // speakers numbered by first appearance in the text
    let mut order: Vec<usize> = (0..atts.len()).collect();
    order.sort_by_key(|&i| (atts[i].content.start, i));
    let mut number: BTreeMap<String, usize> = BTreeMap::new();
    let mut legend: Vec<LegendEntry> = Vec::new();
    let mut speaker_of = vec![0usize; atts.len()];
    for &i in &order {
        let a = &atts[i];
        let key = speaker_key(a, text);
        let k = *number.entry(key.clone()).or_insert_with(|| {
            let k = legend.len();
            legend.push(LegendEntry {
                n: k + 1,
                class: format!("qv-c{} qv-u{}", k % COLOURS, k % STYLES),
                name: if key.is_empty() { "(no speaker named)".into() } else { key.clone() },
                title: String::new(),
                org: String::new(),
                kind: if key.is_empty() {
                    "unknown".into()
                } else if a.speaker.is_org {
                    "organization".into()
                } else {
                    "person".into()
                },
                count: 0,
            });
            k
        });
        let e = &mut legend[k];
        e.count += 1;
        if e.title.is_empty() {
            e.title = a.speaker.title.clone().unwrap_or_default();
        }
        if e.org.is_empty() {
            e.org = a.speaker.org.clone().unwrap_or_default();
        }
        speaker_of[i] = k;
    }

    let loose = unattributed(seg, atts);
    let mut spans: Vec<(Span, Mark)> = Vec::new();
    // a cue or mention two attributions share (a quotation that continues another rests on
    // that one's mention) is marked once
    let mut marked = std::collections::BTreeSet::new();
    for (i, a) in atts.iter().enumerate() {
        spans.push((a.content, Mark::Content(i)));
        if let Some(c) = a.cue.filter(|c| marked.insert(*c)) {
            spans.push((c, Mark::Cue(i)));
        }
        if let Some(m) = &a.mention {
            for s in std::iter::once(m.span).chain(m.relative) {
                if marked.insert(s) {
                    spans.push((s, Mark::Mention(i)));
                }
            }
        }
    }
    for (k, s) in loose.iter().enumerate() {
        spans.push((*s, Mark::Unattributed(k)));
    }
    let pieces = nest(spans);

    let tip = |i: usize| -> String {
        let a = &atts[i];
        let e = &legend[speaker_of[i]];
        let mut lines = vec![format!("{}. {}", e.n, e.name)];
        // the title and organization given here, else those given elsewhere in the article
        let mut role: Vec<&str> = [a.speaker.title.as_deref(), a.speaker.org.as_deref()].into_iter().flatten().collect();
        if role.is_empty() {
            role = [e.title.as_str(), e.org.as_str()].into_iter().filter(|x| !x.is_empty()).collect();
        }
        if !role.is_empty() {
            lines.push(role.join(", "));
        }
        lines.push(format!("{} · confidence {:.2}", a.kind.as_str(), a.confidence));
        lines.push(format!("speaker: {}", speaker_basis(a, text)));
        if let Some(c) = a.cue {
            lines.push(format!("cue: “{}”", c.of(text)));
        }
        lines.join("\n")
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut tags = |m: Mark| -> Tags {
        let first = seen.insert(m);
        match m {
            Mark::Content(i) => {
                let e = &legend[speaker_of[i]];
                let t = attr(&tip(i));
                if first {
                    (
                        format!(
                            "<mark class=\"qv-q {}\" data-a=\"{}\" data-n=\"{}\" data-kind=\"{}\" tabindex=\"0\" title=\"{t}\" data-tip=\"{t}\">",
                            e.class,
                            i + 1,
                            e.n,
                            atts[i].kind.as_str()
                        ),
                        "</mark>",
                    )
                } else {
                    (format!("<mark class=\"qv-q qv-more {}\" data-a=\"{}\" title=\"{t}\">", e.class, i + 1), "</mark>")
                }
            }
            Mark::Unattributed(k) => {
                let t = "no speaker found: no attribution covers this quotation";
                if first {
                    (format!("<mark class=\"qv-un\" data-u=\"{}\" tabindex=\"0\" title=\"{t}\" data-tip=\"{t}\">", k + 1), "</mark>")
                } else {
                    (format!("<mark class=\"qv-un qv-more\" data-u=\"{}\" title=\"{t}\">", k + 1), "</mark>")
                }
            }
            Mark::Mention(i) => {
                let e = &legend[speaker_of[i]];
                (format!("<span class=\"qv-who {}\" title=\"speaker {}: {}\">", e.class, e.n, attr(&e.name)), "</span>")
            }
            Mark::Cue(i) => (format!("<span class=\"qv-cue\" title=\"cue of quotation {}\">", i + 1), "</span>"),
        }
    };
    let paragraphs: Vec<String> = seg
        .paragraphs
        .iter()
        .map(|&p| {
            let inside: Vec<(Span, Mark)> = pieces.iter().filter(|(s, _)| s.start < p.end && s.end > p.start).copied().collect();
            markup(text, p, &inside, &mut tags)
        })
        .collect();

    Article {
        id: doc.id.clone(),
        anchor: format!("article-{n}"),
        title: doc.title.clone().unwrap_or_default(),
        heading: match doc.title.as_deref() {
            Some(t) if !t.trim().is_empty() && !text.trim_start().starts_with(t.trim()) => t.to_string(),
            _ => doc.id.clone(),
        },
        source: doc.source.clone().unwrap_or_default(),
        date: doc.date.clone().unwrap_or_default(),
        url: doc.url.clone().unwrap_or_default(),
        paragraphs,
        legend,
        attributions: atts.len(),
        unattributed: loose.iter().map(|s| s.of(text).to_string()).collect(),
    }
}

/// The stand-alone page of `quotegraph view`.
#[derive(Template)]
#[template(path = "view.html")]
pub struct ViewPage<'a> {
    /// Page title (and h1 when there are several documents).
    pub title: String,
    /// The documents.
    pub articles: &'a [Article],
    /// The heading level of each document: 1 when it is the only one.
    pub hn: u8,
}

/// Writes the annotated articles as one self-contained HTML page.
///
/// ```
/// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
/// let doc = quotegraph::model::Document::new("d", "“Talks will resume,” said Ann Lee.");
/// let mut out = Vec::new();
/// quotegraph::export::view::write_view(&mut out, &[quotegraph::export::view::analyse(&doc, &lex, 1)]).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("class=\"qv-q "));
/// ```
pub fn write_view(w: &mut dyn Write, articles: &[Article]) -> io::Result<()> {
    let title = match articles {
        [one] if !one.title.is_empty() => one.title.clone(),
        [one] => one.id.clone(),
        _ => format!("Who said what: {} articles", articles.len()),
    };
    super::write_page(w, &ViewPage { title, articles, hn: if articles.len() == 1 { 1 } else { 2 } })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> Span {
        Span::new(a, b)
    }

    /// True when no two spans cross.
    fn non_crossing(v: &[(Span, Mark)]) -> bool {
        v.iter().all(|(a, _)| v.iter().all(|(b, _)| a.end <= b.start || b.end <= a.start || a.contains(*b) || b.contains(*a)))
    }

    #[test]
    fn nested_spans_stay_as_they_are() {
        let v = vec![(s(10, 20), Mark::Cue(0)), (s(0, 30), Mark::Content(0)), (s(12, 15), Mark::Mention(1))];
        assert_eq!(nest(v), vec![(s(0, 30), Mark::Content(0)), (s(10, 20), Mark::Cue(0)), (s(12, 15), Mark::Mention(1))]);
    }

    #[test]
    fn a_crossing_span_is_split_at_the_edge_it_crosses() {
        // a mention that starts inside a quotation and runs past its end
        let got = nest(vec![(s(0, 10), Mark::Content(0)), (s(8, 14), Mark::Mention(1))]);
        assert_eq!(got, vec![(s(0, 10), Mark::Content(0)), (s(8, 10), Mark::Mention(1)), (s(10, 14), Mark::Mention(1))]);
        // the longer one starting first is outer even when its label ranks lower
        let got = nest(vec![(s(0, 10), Mark::Cue(0)), (s(5, 20), Mark::Content(1))]);
        assert_eq!(got, vec![(s(0, 10), Mark::Cue(0)), (s(5, 10), Mark::Content(1)), (s(10, 20), Mark::Content(1))]);
    }

    #[test]
    fn a_span_crossing_two_levels_is_split_twice() {
        let v = vec![(s(0, 20), Mark::Content(0)), (s(5, 10), Mark::Content(1)), (s(8, 25), Mark::Cue(2))];
        let got = nest(v);
        assert_eq!(
            got,
            vec![
                (s(0, 20), Mark::Content(0)),
                (s(5, 10), Mark::Content(1)),
                (s(8, 10), Mark::Cue(2)),
                (s(10, 20), Mark::Cue(2)),
                (s(20, 25), Mark::Cue(2)),
            ]
        );
        assert!(non_crossing(&got));
    }

    #[test]
    fn equal_spans_nest_by_rank_and_duplicates_and_empties_go() {
        let v = vec![(s(3, 9), Mark::Cue(0)), (s(3, 9), Mark::Content(0)), (s(3, 9), Mark::Cue(0)), (s(4, 4), Mark::Mention(0))];
        assert_eq!(nest(v), vec![(s(3, 9), Mark::Content(0)), (s(3, 9), Mark::Cue(0))]);
    }

    #[test]
    fn nesting_keeps_every_covered_position_under_the_same_labels() {
        // a pseudo-random mix of spans: the pieces cover exactly what the spans covered
        let mut x = 7u64;
        let mut rnd = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % n) as usize
        };
        for _ in 0..200 {
            let mut v = Vec::new();
            for k in 0..rnd(8) {
                let a = rnd(40);
                let b = a + rnd(15);
                let m = match rnd(3) {
                    0 => Mark::Content(k),
                    1 => Mark::Cue(k),
                    _ => Mark::Mention(k),
                };
                v.push((s(a, b), m));
            }
            let got = nest(v.clone());
            assert!(non_crossing(&got), "{v:?} -> {got:?}");
            assert!(got.windows(2).all(|w| (w[0].0.start, Reverse(w[0].0.end), w[0].1) < (w[1].0.start, Reverse(w[1].0.end), w[1].1)));
            for pos in 0..60 {
                let mut want: Vec<Mark> = v.iter().filter(|(sp, _)| sp.start <= pos && pos < sp.end).map(|x| x.1).collect();
                let mut have: Vec<Mark> = got.iter().filter(|(sp, _)| sp.start <= pos && pos < sp.end).map(|x| x.1).collect();
                want.sort();
                want.dedup();
                have.sort();
                assert_eq!(want, have, "position {pos}: {v:?} -> {got:?}");
            }
        }
    }

    #[test]
    fn markup_nests_tags_and_escapes_text() {
        let text = "a <b> & “c d” e";
        let pieces = nest(vec![(s(0, text.len()), Mark::Content(0)), (s(2, 5), Mark::Cue(0))]);
        let mut tags = |m: Mark| -> Tags {
            match m {
                Mark::Content(_) => ("<q>".into(), "</q>"),
                _ => ("<c>".into(), "</c>"),
            }
        };
        assert_eq!(markup(text, s(0, text.len()), &pieces, &mut tags), "<q>a <c>&lt;b&gt;</c> &amp; “c d” e</q>");
        // a piece that starts before the paragraph is cut at its start
        let para = s(6, text.len());
        assert_eq!(markup(text, para, &pieces, &mut tags), "<q>&amp; “c d” e</q>");
    }

    fn lex() -> Lexicon {
        Lexicon::default_lexicon()
    }

    #[test]
    fn speaker_basis_follows_the_mention() {
        let lex = lex();
        let doc = Document::new(
            "d",
            "Ann Lee, the minister, spoke first. “We will not sign this deal today,” she said.\n\n“Nor will we sign it tomorrow.”",
        );
        let atts = crate::attributions(&doc, &lex);
        let bases: Vec<String> = atts.iter().map(|a| speaker_basis(a, &doc.text)).collect();
        assert_eq!(atts.len(), 2, "{bases:?}");
        assert!(bases[0].starts_with("pronoun “she”"), "{bases:?}");
        assert_eq!(bases[1], "continues the speaker of an earlier quotation");
        assert_eq!(atts[1].speaker.name.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn speakers_are_numbered_by_first_appearance_and_quotes_without_speaker_flagged() {
        let lex = lex();
        let doc = Document::new(
            "d",
            "“Rates will rise again next year,” said Bo Kim. “They will not,” said Ann Lee. Kim added: “Wait and see.”\n\n\
             A sign read “Nobody goes back to the old ways” and “no entry”.",
        );
        let a = analyse(&doc, &lex, 1);
        let names: Vec<(&str, usize)> = a.legend.iter().map(|e| (e.name.as_str(), e.count)).collect();
        assert_eq!(names, [("Bo Kim", 2), ("Ann Lee", 1)]);
        assert_eq!(a.legend[1].class, "qv-c1 qv-u1");
        assert_eq!(a.unattributed, ["“Nobody goes back to the old ways”"]);
        let html = a.paragraphs.join("\n");
        assert_eq!(html.matches("tabindex=\"0\"").count(), 4);
        assert!(html.contains("<mark class=\"qv-un\""));
        assert!(html.contains("<span class=\"qv-cue\""));
        assert!(html.contains("<span class=\"qv-who qv-c0 qv-u0\""));
    }

    #[test]
    fn page_is_self_contained_and_escaped() {
        let lex = lex();
        let doc = Document::new("<x>", "“<script>alert(1)</script> is what they wrote,” said Ann Lee.");
        let mut out = Vec::new();
        write_view(&mut out, &[analyse(&doc, &lex, 1)]).unwrap();
        let h = String::from_utf8(out).unwrap();
        assert!(!h.contains("<script>alert"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!h.contains("http://") && !h.contains("https://") && !h.contains(" src="));
        assert!(h.starts_with("<!DOCTYPE html>") && h.trim_end().ends_with("</html>"));
    }
}
