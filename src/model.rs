//! Data types shared between pipeline stages.
//!
//! Every stage is a plain function from one of these types to the next:
//! [`Document`] (ingest) → [`Segmented`] (segment) → [`Attribution`]s without
//! resolved speakers (extract) → [`Attribution`]s with speakers (resolve).
//!
//! Offsets inside the library are **byte** offsets into [`Document::text`]; they
//! are converted to Unicode code points once, at the output edge (see
//! [`crate::export::quotes`]).

use serde::{Deserialize, Serialize};

/// One article: the unit every stage works on.
///
/// ```
/// use quotegraph::model::Document;
/// let d = Document::new("a", "He said: \"Hi.\"");
/// assert_eq!(d.id, "a");
/// assert!(d.title.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the JSONL `id`, or the file path for text files.
    pub id: String,
    /// Headline, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet that published the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication date as written in the input (ISO 8601 expected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the article came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article text; every span refers to it.
    pub text: String,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document { id: id.into(), title: None, source: None, date: None, url: None, text: text.into() }
    }
}

/// A half-open byte range `[start, end)` into a document's text.
///
/// ```
/// use quotegraph::model::Span;
/// let s = Span::new(2, 5);
/// assert_eq!(s.len(), 3);
/// assert_eq!(s.of("abcdefg"), "cde");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How much of a statement is in the speaker's own words.
///
/// ```
/// use quotegraph::model::QuoteKind;
/// assert_eq!(QuoteKind::Mixed.as_str(), "mixed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Every word inside quotation marks.
    Direct,
    /// A reported clause with a quoted part.
    Mixed,
    /// Reported speech with no quotation marks ("X said that …", "according to X").
    Indirect,
}

impl QuoteKind {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What kind of thing a speaker mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A personal name, possibly with title or honorific ("Foreign Minister Dmytro Kuleba").
    Name,
    /// A personal pronoun ("he", "they").
    Pronoun,
    /// A role noun phrase that refers back to a person ("the minister").
    Role,
    /// An organization, country or capital used for its government ("the Kremlin", "Kyiv").
    Organization,
    /// Data or a document ("UN data", "IMF figures", "a report").
    Document,
    /// An unnamed group or vague source ("officials", "military analysts").
    Group,
}

/// The words an attribution rests on for its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The whole mention, titles and apposition-free ("Foreign Minister Dmytro Kuleba").
    pub span: Span,
    /// Its head: the name, the pronoun, or the noun phrase itself ("Dmytro Kuleba").
    pub head: Span,
    /// What it names.
    pub kind: MentionKind,
    /// An apposition or "of"-phrase that describes the speaker
    /// ("a senior fellow at the Center for Eurasian Studies").
    pub apposition: Option<Span>,
    /// The relative pronoun that links the phrase to its cue ("who" in "Ann Lee, who
    /// said …"): the word the attribution rests on, standing for the phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<Span>,
}

/// The resolved speaker of an attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name ("Dmytro Kuleba", "United Nations").
    pub name: Option<String>,
    /// Title or role ("Foreign Minister").
    pub title: Option<String>,
    /// Organization or country the speaker speaks for ("Ukraine").
    pub org: Option<String>,
    /// True when the speaker is an organization, government or document, not a person.
    pub is_org: bool,
}

/// One reported statement: who said what, where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The reported words (for a direct quote, the words inside the marks).
    pub content: Span,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The cue ("said", "according to"), when the text has one.
    pub cue: Option<Span>,
    /// The speaker mention this attribution rests on; `None` for a quote that
    /// continues the previous speaker or has no speaker.
    pub mention: Option<Mention>,
    /// The speaker after resolution.
    pub speaker: Speaker,
    /// How sure the extractor is, 0–1.
    pub confidence: f32,
    /// The sentence the attribution sits in.
    pub sentence: Span,
    /// For a quote with no cue of its own that continues an earlier speaker: the
    /// index (in the same document's list) of the attribution it continues.
    #[serde(skip)]
    pub continues: Option<usize>,
}
