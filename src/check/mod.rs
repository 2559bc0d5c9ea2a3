//! Attribution checks for journalists (`quotegraph check`): documents and their
//! attributions (and the segmenter's paired quotation marks) → a sorted list of
//! [`Flag`]s, each with its document, line and column and the words it is about.
//!
//! | kind | what it flags | rule in |
//! |---|---|---|
//! | `unattributed` | a quotation that reads as a statement and no attribution covers | `quotes.rs` |
//! | `anonymous` | a statement resting on an unnamed source ("officials said", "a source familiar with") | `sources.rs` |
//! | `vague` | a statement resting on a vague group ("experts say", "some believe") | `sources.rs` |
//! | `data-source` | a claim sourced to data or a document ("according to UN data", "a report by X found") | `sources.rs` |
//! | `title-mismatch` | a person given different titles or organizations, in one article or across articles by date | `people.rs` |
//! | `same-words` | the same quoted words (6 words or more) given to different speakers | `words.rs` |
//! | `drift` | near-identical quotations of one speaker whose words differ, with the word diff | `words.rs` |
//! | `not-in-roster` | a named speaker the roster does not list | `people.rs` |
//! | `roster-title` | a title the article gives that the roster's titles on the article's date contradict | `people.rs` |
//! | `name-spelling` | a person's surname spelt one letter off the name the article gave first ("Mr Barrioneuvo" after "Jose Barrionuevo") | `people.rs` |
//!
//! The work comes in two steps so that a corpus can stream through: [`examine`]
//! looks at one document (on any thread) and keeps what the cross-article rules
//! need; [`combine`] runs those rules over every document and sorts all flags.
//! [`check`] does both for documents in memory.
//!
//! ```
//! use quotegraph::{check::{check, FlagKind, Rules}, lexicon::Lexicon, model::Document};
//! let lex = Lexicon::default_lexicon();
//! let docs = [Document::new("d", "Officials said the border would reopen on Monday.")];
//! let flags = check(&docs, &Rules { lex: &lex, roster: None });
//! assert_eq!(flags.len(), 1);
//! assert_eq!(flags[0].kind, FlagKind::Anonymous);
//! assert_eq!(flags[0].words, "Officials");
//! assert_eq!((flags[0].line, flags[0].column), (1, 1));
//! ```

pub mod diff;
mod people;
mod quotes;
pub mod roster;
mod sources;
mod words;

use serde::{Deserialize, Serialize};

use crate::export::quotes::Lines;
use crate::lexicon::Lexicon;
use crate::model::{Attribution, Document, Span};
use crate::segment::Segmented;

pub use diff::{Edit, Op};
pub use people::title_key_words;
pub use roster::Roster;

/// The fewest words a quotation needs to count as a statement (fewer is a quoted term).
pub const MIN_STATEMENT_WORDS: usize = 4;
/// The fewest words quoted words need for `same-words` and `drift`.
pub const MIN_SAME_WORDS: usize = 6;
/// The word similarity (2·LCS / total words) from which two quotations of one speaker drift.
pub const DRIFT_SIMILARITY: f64 = 0.8;

/// What a flag is about.
///
/// ```
/// use quotegraph::check::FlagKind;
/// assert_eq!(FlagKind::DataSource.as_str(), "data-source");
/// assert_eq!(serde_json::to_string(&FlagKind::NotInRoster).unwrap(), "\"not-in-roster\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// A quotation nobody is credited with.
    Unattributed,
    /// A statement resting on an unnamed source.
    Anonymous,
    /// A statement resting on a vague group.
    Vague,
    /// A claim sourced to data or a document.
    DataSource,
    /// A person given different titles or organizations.
    TitleMismatch,
    /// The same words given to different speakers.
    SameWords,
    /// Near-identical quotations of one speaker whose words differ.
    Drift,
    /// A named speaker the roster does not list.
    NotInRoster,
    /// A title the roster contradicts.
    RosterTitle,
    /// A surname spelt one letter off the name given first.
    NameSpelling,
}

impl FlagKind {
    /// Every kind, in output order.
    pub const ALL: [FlagKind; 10] = [
        FlagKind::Unattributed,
        FlagKind::Anonymous,
        FlagKind::Vague,
        FlagKind::DataSource,
        FlagKind::TitleMismatch,
        FlagKind::SameWords,
        FlagKind::Drift,
        FlagKind::NotInRoster,
        FlagKind::RosterTitle,
        FlagKind::NameSpelling,
    ];

    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Unattributed => "unattributed",
            FlagKind::Anonymous => "anonymous",
            FlagKind::Vague => "vague",
            FlagKind::DataSource => "data-source",
            FlagKind::TitleMismatch => "title-mismatch",
            FlagKind::SameWords => "same-words",
            FlagKind::Drift => "drift",
            FlagKind::NotInRoster => "not-in-roster",
            FlagKind::RosterTitle => "roster-title",
            FlagKind::NameSpelling => "name-spelling",
        }
    }
}

/// Where the words a flag compares with stand: another statement, maybe in another article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Place {
    /// Document id.
    pub document: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in code points.
    pub column: usize,
    /// The document's date, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The speaker there.
    pub speaker: Option<String>,
    /// The words there (a quotation, a title).
    pub words: String,
}

impl Place {
    /// `doc:line:col`, with the date in brackets when known.
    pub fn label(&self) -> String {
        match &self.date {
            Some(d) => format!("{}:{}:{} ({d})", self.document, self.line, self.column),
            None => format!("{}:{}:{}", self.document, self.line, self.column),
        }
    }
}

/// One thing a journalist should look at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Flag {
    /// Document id.
    pub document: String,
    /// 1-based line of `words` in the document.
    pub line: usize,
    /// 1-based column of `words`, in code points.
    pub column: usize,
    /// What kind of problem.
    pub kind: FlagKind,
    /// The words flagged: a quotation, a source phrase, a title.
    pub words: String,
    /// The speaker the words are given to, when there is one.
    pub speaker: Option<String>,
    /// What is wrong, in a sentence a person reads.
    pub note: String,
    /// Code-point span in the document text of what is flagged: the quotation, the
    /// source phrase, or the speaker mention that carries the title.
    pub span: [usize; 2],
    /// The statement compared with (`title-mismatch`, `same-words`, `drift`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<Place>,
    /// For `drift`: the word-by-word edit from the other quotation to this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<Edit>,
}

impl Flag {
    /// A flag on the words at `place` (code-point span `span`), speaker and words taken from it.
    pub(crate) fn at(place: &Place, span: [usize; 2], kind: FlagKind, note: String) -> Flag {
        Flag {
            document: place.document.clone(),
            line: place.line,
            column: place.column,
            kind,
            words: place.words.clone(),
            speaker: place.speaker.clone(),
            note,
            span,
            other: None,
            diff: Vec::new(),
        }
    }
}

/// What the checks need besides the documents.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The lexicon (its `[sources]` words type sources).
    pub lex: &'a Lexicon,
    /// The roster, for `not-in-roster` and `roster-title`.
    pub roster: Option<&'a Roster>,
}

/// One document looked at: its own flags, and what the cross-article rules need.
#[derive(Debug, Clone, Default)]
pub struct DocChecks {
    /// Document id.
    pub id: String,
    /// The document's date (`YYYY-MM-DD` or a prefix of it), when it has a usable one.
    pub date: Option<String>,
    /// Flags about this document alone.
    pub flags: Vec<Flag>,
    said: Vec<words::Said>,
    titled: Vec<people::Titled>,
}

/// What every rule of one document works with.
pub(crate) struct Ctx<'s, 'a> {
    pub seg: &'s Segmented<'a>,
    pub atts: &'s [Attribution],
    pub rules: &'s Rules<'s>,
    pub lines: Lines<'a>,
    pub date: Option<String>,
}

impl Ctx<'_, '_> {
    fn text(&self) -> &str {
        &self.seg.doc.text
    }
    /// A flag on `span` of this document.
    pub(crate) fn flag(&self, kind: FlagKind, span: Span, words: String, speaker: Option<String>, note: String) -> Flag {
        let (line, column) = self.lines.line_col(span.start);
        Flag {
            document: self.seg.doc.id.clone(),
            line,
            column,
            kind,
            words,
            speaker,
            note,
            span: self.lines.span(span),
            other: None,
            diff: Vec::new(),
        }
    }
    /// The token range covering `span`.
    pub(crate) fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let t = &self.seg.tokens;
        t.partition_point(|x| x.span.start < span.start)..t.partition_point(|x| x.span.start < span.end)
    }
    /// The place of `span` in this document.
    pub(crate) fn place(&self, span: Span, speaker: Option<String>, words: String) -> Place {
        let (line, column) = self.lines.line_col(span.start);
        Place { document: self.seg.doc.id.clone(), line, column, date: self.date.clone(), speaker, words }
    }
}

/// Whitespace collapsed to single spaces.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The usable part of a document date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` at its start.
///
/// ```
/// use quotegraph::check::usable_date;
/// assert_eq!(usable_date("2015-11-08T10:00:00Z").as_deref(), Some("2015-11-08"));
/// assert_eq!(usable_date("2015-11").as_deref(), Some("2015-11"));
/// assert_eq!(usable_date("Nov 8, 2015"), None);
/// ```
pub fn usable_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.len() >= r.end && b[r].iter().all(u8::is_ascii_digit);
    let dash = |i: usize| b.get(i) == Some(&b'-');
    let end = |n: usize| b.len() == n || !b[n].is_ascii_digit() && b[n] != b'-';
    if digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10) && (b.len() == 10 || !b[10].is_ascii_digit()) {
        Some(s[..10].to_string())
    } else if digits(0..4) && dash(4) && digits(5..7) && end(7) {
        Some(s[..7].to_string())
    } else if digits(0..4) && end(4) {
        Some(s[..4].to_string())
    } else {
        None
    }
}

/// Looks at one document: the flags about it alone (`unattributed`, `anonymous`,
/// `vague`, `data-source`, `title-mismatch` inside it, the roster's flags), and what
/// [`combine`] needs to compare it with the others.
pub fn examine(seg: &Segmented, atts: &[Attribution], rules: &Rules) -> DocChecks {
    let doc = seg.doc;
    let date = doc.date.as_deref().and_then(usable_date);
    let cx = Ctx { seg, atts, rules, lines: Lines::new(&doc.text), date: date.clone() };
    let mut flags = Vec::new();
    flags.extend(quotes::unattributed(&cx));
    flags.extend(sources::typed_sources(&cx));
    let titled = people::titled(&cx);
    flags.extend(people::within(&titled, rules.lex));
    flags.extend(people::spelling(&cx));
    if let Some(r) = rules.roster {
        flags.extend(people::roster_flags(&cx, r));
    }
    let said = words::said(&cx);
    DocChecks { id: doc.id.clone(), date, flags, said, titled }
}

/// Runs segment → extract → resolve on one document and [`examine`]s it.
pub fn examine_document(doc: &Document, rules: &Rules) -> DocChecks {
    let seg = crate::segment::segment(doc, rules.lex);
    let mut atts = crate::extract::extract(&seg, rules.lex);
    crate::resolve::resolve(&seg, rules.lex, &mut atts);
    examine(&seg, &atts, rules)
}

/// The cross-article rules (`title-mismatch` across articles, `same-words`, `drift`)
/// over documents in input order, then every flag, sorted by document, line,
/// column and kind, without repeats.
///
/// Articles are compared in the order of their dates; undated articles come
/// first, in input order, and so do articles of the same date.
pub fn combine(docs: Vec<DocChecks>, rules: &Rules) -> Vec<Flag> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].date.cmp(&docs[b].date).then(a.cmp(&b)));
    let mut rank = vec![0; docs.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut flags = Vec::new();
    let mut said = Vec::new();
    let mut titled = Vec::new();
    for (i, d) in docs.into_iter().enumerate() {
        flags.extend(d.flags);
        said.extend(d.said.into_iter().map(|s| (rank[i], s)));
        titled.extend(d.titled.into_iter().map(|t| (rank[i], t)));
    }
    flags.extend(people::across(titled, rules.lex));
    flags.extend(words::compare(said));
    flags.sort();
    flags.dedup();
    flags
}

/// Checks documents held in memory: [`examine_document`] on each, then [`combine`].
pub fn check(docs: &[Document], rules: &Rules) -> Vec<Flag> {
    combine(docs.iter().map(|d| examine_document(d, rules)).collect(), rules)
}

/// A speaker's identity for comparisons: the name, lower case, single-spaced.
pub(crate) fn speaker_key(name: &str) -> String {
    collapse(name).to_lowercase()
}

/// True when two speaker keys may name the same person or body: the same name; a
/// surname alone and a full name ending in it ("blair", "tony blair"); a name and the
/// same name with words before it ("andrea arnold", "oscar-winner andrea arnold"); or
/// the same surname after a short and a long form of one given name ("vince cable",
/// "vincent cable").
pub(crate) fn same_speaker(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.ends_with(short) {
        return true;
    }
    short.len() == 2
        && long.len() == 2
        && short[1] == long[1]
        && short[0].len() >= 3
        && long[0].len() >= 3
        && (short[0].starts_with(long[0]) || long[0].starts_with(short[0]))
}

/// True when a speaker's name reads as a proper name (its longer words capitalized):
/// "Ann Lee", "Radio 1", not "the board" or "supporters club".
pub(crate) fn proper_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
    !words.is_empty() && words.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_speaker_matches_a_surname() {
        assert!(same_speaker("tony blair", "tony blair"));
        assert!(same_speaker("blair", "tony blair"));
        assert!(same_speaker("tony blair", "blair"));
        assert!(!same_speaker("tony blair", "cherie blair"));
        assert!(!same_speaker("blair", "brown"));
        assert!(same_speaker("oscar-winner andrea arnold", "andrea arnold"));
        assert!(same_speaker("vince cable", "vincent cable"));
        assert!(!same_speaker("jo cable", "joanna cable"));
        assert!(!same_speaker("mark williams", "matt williams"));
    }

    #[test]
    fn proper_names_are_capitalized() {
        assert!(proper_name("Ann Lee") && proper_name("Radio 1") && proper_name("Labour's Livingstone"));
        assert!(!proper_name("supporters club") && !proper_name("the board") && !proper_name("prime minister"));
    }

    #[test]
    fn flags_come_out_sorted_and_once() {
        let lex = Lexicon::default_lexicon();
        let rules = Rules { lex: &lex, roster: None };
        let text = "Officials said the border would reopen. Experts say the plan will fail.";
        let docs = [Document::new("b", text), Document::new("a", text), Document::new("a", text)];
        let flags = check(&docs, &rules);
        let keys: Vec<(String, usize, FlagKind)> = flags.iter().map(|f| (f.document.clone(), f.column, f.kind)).collect();
        assert_eq!(
            keys,
            vec![
                ("a".into(), 1, FlagKind::Anonymous),
                ("a".into(), 41, FlagKind::Vague),
                ("b".into(), 1, FlagKind::Anonymous),
                ("b".into(), 41, FlagKind::Vague)
            ]
        );
    }
}
