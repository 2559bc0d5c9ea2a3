//! Data types shared between pipeline stages.
//!
//! Every stage is a plain function from one of these types to the next:
//! [`Document`] (ingest) → [`Segmented`](crate::segment::Segmented) (segment) → [`Attribution`]s without
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
    /// Other speakers joined to the mention by "and" or commas ("Labour and the Liberal
    /// Democrats say …", "Ann Lee, Tom Hale and Bo Ray said …"): each says the same words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Mention>,
    /// `also` after resolution, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_speakers: Vec<Speaker>,
    /// How sure the extractor is, 0–1.
    pub confidence: f32,
    /// The sentence the attribution sits in.
    pub sentence: Span,
    /// For a quote with no cue of its own that continues an earlier speaker: the
    /// index (in the same document's list) of the attribution it continues.
    #[serde(skip)]
    pub continues: Option<usize>,
}

// ---------------------------------------------------------------------------
// The stance model (stages code → graph → export): what `quotegraph report` writes.
// Every list is sorted by id and every id is a stable string, so the same input
// gives the same bytes.
// ---------------------------------------------------------------------------

/// Where a statement stands on a concept.
///
/// ```
/// use quotegraph::model::Stance;
/// assert_eq!(Stance::Disagree.sign(), -1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The speaker supports the proposition.
    Agree,
    /// The speaker rejects it.
    Disagree,
    /// The statement is about the concept without taking a side.
    Neutral,
}

impl Stance {
    /// +1, -1 or 0.
    pub fn sign(self) -> i32 {
        match self {
            Stance::Agree => 1,
            Stance::Disagree => -1,
            Stance::Neutral => 0,
        }
    }
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Disagree => "disagree",
            Stance::Neutral => "neutral",
        }
    }
}

/// One coding of a statement: a concept, a stance, and the words that decided it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Code {
    /// Concept id ("concept:withdrawal").
    pub concept: String,
    /// Agree, disagree or neutral.
    pub stance: Stance,
    /// The words in the statement (or its cue) that signalled concept and stance.
    pub evidence: String,
}

/// A document in a report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub date: Option<String>,
}

/// A person in a report ("person:dmytro-kuleba").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonInfo {
    /// Stable id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Other forms seen ("Kuleba", "Mr Kuleba").
    pub aliases: Vec<String>,
    /// Titles seen, sorted.
    pub titles: Vec<String>,
    /// Organization ids the person speaks for, sorted.
    pub organizations: Vec<String>,
    /// When people found under different names were merged into this one (a surname
    /// alone and the full name with that surname): each of them as found, this one
    /// included, by id. Empty (and left out of JSON) otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<PersonInfo>,
}

/// An organization, country or group in a report ("org:european-union").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrgInfo {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// country, government, party, company, ngo, intergovernmental, media, group, …
    pub kind: String,
}

/// A concept of the codebook ("concept:withdrawal").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ConceptInfo {
    /// Stable id.
    pub id: String,
    /// The proposition or topic, as a reader reads it.
    pub label: String,
    /// Parent concept id.
    pub parent: Option<String>,
}

/// A statement: one attribution with its speaker and codes ("stmt:istanbul-talks:0007").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementInfo {
    /// Stable id: document id and the attribution's number in it.
    pub id: String,
    /// Document id.
    pub document: String,
    /// Person or organization id, or null when nobody is credited.
    pub speaker: Option<String>,
    /// The speaker's name as resolved.
    pub speaker_name: Option<String>,
    /// The organization (id) the speaker spoke for, when known.
    pub organization: Option<String>,
    /// The reported words.
    pub content: String,
    /// Code-point span of `content` in the document text.
    pub content_span: [usize; 2],
    /// direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The cue words.
    pub cue: Option<String>,
    /// 1-based line of the content in the document.
    pub line: usize,
    /// Concepts and stances.
    pub codes: Vec<Code>,
    /// Organizations (and countries) the words name, by canonical name ("Tory plans" names
    /// the Conservative Party): whom a criticism is aimed at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
}

/// Two statements the writer set against each other ("Meanwhile", "while", "However").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Contrast {
    /// The earlier statement.
    pub a: String,
    /// The later statement.
    pub b: String,
    /// The contrasting word.
    pub marker: String,
}

/// A concept on which some actors agree and others disagree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Contested {
    /// Concept id.
    pub concept: String,
    /// Actor ids that agree.
    pub agree: Vec<String>,
    /// Actor ids that disagree.
    pub disagree: Vec<String>,
}

/// Two actors on opposite (conflict) or the same (congruence) side of a concept.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pair {
    /// First actor id.
    pub a: String,
    /// Second actor id.
    pub b: String,
    /// First actor's name.
    pub a_name: String,
    /// Second actor's name.
    pub b_name: String,
    /// Concept id.
    pub concept: String,
    /// The evidence: a's statement id and b's statement id.
    pub statements: [String; 2],
}

/// Where stances diverge (and meet), most contested first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    /// Concepts with both agree and disagree.
    pub contested: Vec<Contested>,
    /// Pairs of actors on opposite sides.
    pub conflicts: Vec<Pair>,
    /// Pairs of actors on the same side.
    pub congruences: Vec<Pair>,
}

/// One cell of the actor × concept matrix.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MatrixCell {
    /// Actor id (person or organization, by `--level`).
    pub actor: String,
    /// Concept id.
    pub concept: String,
    /// Statements agreeing.
    pub agree: u32,
    /// Statements disagreeing.
    pub disagree: u32,
    /// Statements neutral.
    pub neutral: u32,
}

/// The length of a report's time windows (`report --window`).
///
/// ```
/// use quotegraph::model::WindowSize;
/// assert_eq!(serde_json::to_value(WindowSize::Month).unwrap(), "month");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WindowSize {
    /// ISO 8601 weeks, Monday to Sunday ("2015-W46").
    Week,
    /// Calendar months ("2015-11").
    Month,
    /// Calendar years ("2015").
    Year,
}

impl WindowSize {
    /// The name used in every output format and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            WindowSize::Week => "week",
            WindowSize::Month => "month",
            WindowSize::Year => "year",
        }
    }
}

/// One time slice of a report: the documents dated in it, their statements, and the
/// actor × concept matrix of those statements alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// "2015-W46", "2015-11", "2015", or "undated" for documents with no date, or one
    /// not precise enough for the window (a month-only date in a week window).
    pub key: String,
    /// First day (ISO date); null for the undated window.
    pub start: Option<String>,
    /// Last day, inclusive; null for the undated window.
    pub end: Option<String>,
    /// Documents dated in the window.
    pub documents: u32,
    /// Statements of those documents.
    pub statements: u32,
    /// Actor × concept counts of those statements, as in [`Report::matrix`].
    pub matrix: Vec<MatrixCell>,
}

/// The whole model `quotegraph report` writes and `merge` reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Documents, by id.
    pub documents: Vec<DocInfo>,
    /// People, by id.
    pub people: Vec<PersonInfo>,
    /// Organizations, by id.
    pub organizations: Vec<OrgInfo>,
    /// Concepts, by id.
    pub concepts: Vec<ConceptInfo>,
    /// Statements, by id.
    pub statements: Vec<StatementInfo>,
    /// Contrast links, sorted.
    #[serde(default)]
    pub contrasts: Vec<Contrast>,
    /// Actor × concept counts, sorted by actor then concept.
    #[serde(default)]
    pub matrix: Vec<MatrixCell>,
    /// Contested concepts and conflict pairs.
    pub divergence: Divergence,
    /// The window size, when the report has windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowSize>,
    /// Time windows, by start, the undated one last (only with `report --window`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<Vec<Window>>,
}
