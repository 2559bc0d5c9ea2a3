//! Knowledge of the world, loaded once from TOML files in `data/lexicon/`.
//!
//! The defaults are compiled into the binary (so it runs anywhere); a user adds
//! their own file with `--lexicon FILE`, whose lists are merged over the
//! defaults as a union. Nothing about particular people or articles lives in
//! code: to teach quotegraph a new speech verb, add its forms to
//! `data/lexicon/cues.toml` (or to your own file under `[cues] speech`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;

/// A small, fast, non-cryptographic hasher for short word keys: eight bytes a step
/// (the multiply-rotate scheme of rustc's FxHasher). Words are looked up for every
/// token, so this is on the hot path.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fnv {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        // the last one to seven bytes in at most two loads (overlapping when fewer than eight):
        // a variable-length copy into a buffer calls memcpy, a loop over the bytes is slow
        if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
            self.add(lo | hi << 32);
        } else if n > 0 {
            self.add(rest[0] as u64 | (rest[n / 2] as u64) << 8 | (rest[n - 1] as u64) << 16 | (n as u64) << 24);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
}

/// A hash set of words keyed with [`Fnv`], with the shapes of its words ([`WordShapes`])
/// beside it.
///
/// Why the shapes: the extractor and the resolver ask the lexicon's sets about most tokens,
/// several sets a token, and nearly every answer is no. A word whose shape no word of the set
/// has is ruled out with a few instructions, before any hashing. Reading the set (iterating,
/// its length) goes through [`std::ops::Deref`] to the hash set; adding words goes through
/// [`WordSet::insert`] or [`Extend`], which keep the shapes up to date.
///
/// ```
/// let mut set = quotegraph::lexicon::WordSet::default();
/// set.insert("said".to_string());
/// assert!(set.contains("said") && !set.contains("sand") && !set.contains("says"));
/// assert_eq!(set.len(), 1);
/// ```
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    set: HashSet<String, BuildHasherDefault<Fnv>>,
    shapes: WordShapes,
}

impl WordSet {
    /// True when `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        // (the empty word has no shape: the set itself answers)
        (word.is_empty() || self.shapes.may_contain(word)) && self.set.contains(word)
    }
    /// Adds `word`; false when it was there already.
    pub fn insert(&mut self, word: String) -> bool {
        self.shapes.insert(&word);
        self.set.insert(word)
    }
}

/// Two sets are equal when they hold the same words (the shapes follow from the words).
impl PartialEq for WordSet {
    fn eq(&self, other: &Self) -> bool {
        self.set == other.set
    }
}

impl Eq for WordSet {}

impl std::ops::Deref for WordSet {
    type Target = HashSet<String, BuildHasherDefault<Fnv>>;
    fn deref(&self) -> &Self::Target {
        &self.set
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a String;
    type IntoIter = std::collections::hash_set::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.set.iter()
    }
}
/// A hash map keyed by words with [`Fnv`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

const DEFAULT_FILES: &[(&str, &str)] = &[
    ("data/lexicon/cues.toml", include_str!("../data/lexicon/cues.toml")),
    ("data/lexicon/titles.toml", include_str!("../data/lexicon/titles.toml")),
    ("data/lexicon/orgs.toml", include_str!("../data/lexicon/orgs.toml")),
    ("data/lexicon/places.toml", include_str!("../data/lexicon/places.toml")),
    ("data/lexicon/grammar.toml", include_str!("../data/lexicon/grammar.toml")),
    ("data/lexicon/names.toml", include_str!("../data/lexicon/names.toml")),
    ("data/lexicon/sources.toml", include_str!("../data/lexicon/sources.toml")),
];

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawLexicon {
    cues: RawCues,
    titles: RawTitles,
    org: Vec<RawOrg>,
    org_words: RawOrgWords,
    country: Vec<RawPlace>,
    region: Vec<RawPlace>,
    grammar: RawGrammar,
    names: RawNames,
    sources: RawSources,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawSources {
    anonymous: Vec<String>,
    vague: Vec<String>,
    anonymity: Vec<String>,
    definite: Vec<String>,
    documents: Vec<String>,
    document_links: Vec<String>,
    clause_words: Vec<String>,
    title_synonyms: Vec<Vec<String>>,
    generic_titles: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawNames {
    female: Vec<String>,
    male: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawGrammar {
    abbreviations: Vec<String>,
    sentence_starters: Vec<String>,
    not_names: Vec<String>,
    not_name_openers: Vec<String>,
    mixed_runs_on: Vec<String>,
    ly_nouns: Vec<String>,
    catenatives: Vec<String>,
    irregular_participles: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawCues {
    speech: Vec<String>,
    belief: Vec<String>,
    evidence: Vec<String>,
    phrases: Vec<String>,
    vague: Vec<String>,
    documents: Vec<String>,
    listeners: Vec<String>,
    sources: Vec<String>,
    bare_clause: Vec<String>,
    np_object: Vec<String>,
    infinitive: Vec<String>,
    shares: Vec<String>,
    polled: Vec<String>,
    polls: Vec<String>,
    requests: Vec<String>,
    telling: Vec<String>,
    commissioning: Vec<String>,
    complement_nouns: Vec<String>,
    occasions: Vec<String>,
    manner: Vec<String>,
    as_view: Vec<String>,
    naming: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawTitles {
    honorifics: Vec<String>,
    roles: Vec<String>,
    modifiers: Vec<String>,
    anaphoric_roles: Vec<String>,
    epithets: Vec<String>,
    first_name_honorifics: Vec<String>,
    suffixes: Vec<String>,
    female_honorifics: Vec<String>,
    male_honorifics: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawOrg {
    name: String,
    aliases: Vec<String>,
    kind: String,
    country: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawOrgWords {
    heads: Vec<String>,
    nouns: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawPlace {
    name: String,
    aliases: Vec<String>,
    adjectives: Vec<String>,
    capitals: Vec<String>,
    country: String,
}

/// An organization known to the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    /// Canonical name ("European Union").
    pub name: String,
    /// country, government, party, company, ngo, intergovernmental, media, …
    pub kind: String,
    /// Canonical country name, when the organization belongs to one.
    pub country: Option<String>,
}

/// The gender a name or honorific marks, used only to match "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Marked female ("Mrs", "Mary").
    Female,
    /// Marked male ("Mr", "John").
    Male,
}

/// How a surface form names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The canonical name or an alias.
    Name,
    /// A nationality adjective ("Polish").
    Adjective,
    /// A capital used for its government ("Moscow").
    Capital,
}

/// A named entity the lexicon knows: an organization or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Index into [`Lexicon::orgs`].
    pub org: usize,
    /// How the matched words name it.
    pub surface: Surface,
}

/// The words the attribution checks ([`crate::check`]) type sources with
/// (`data/lexicon/sources.toml`, table `[sources]`), all lower case.
///
/// ```
/// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
/// assert!(lex.checks.anonymous.contains("officials"));
/// assert!(lex.checks.vague.contains("experts"));
/// assert!(lex.checks.documents.contains("figures"));
/// assert!(lex.checks.anonymity.iter().any(|p| p.join(" ") == "on condition of anonymity"));
/// ```
#[derive(Debug, Default, Clone)]
pub struct CheckWords {
    /// Nouns for sources unnamed by nature ("officials", "sources").
    pub anonymous: WordSet,
    /// Nouns and pronouns for vague groups ("experts", "critics", "some").
    pub vague: WordSet,
    /// Words and phrases that make an unnamed source anonymous ("unnamed", "familiar with"),
    /// as word sequences, longest first.
    pub anonymity: Vec<Vec<String>>,
    /// The first word of every `anonymity` phrase: one lookup rules a token out.
    pub anonymity_starts: WordSet,
    /// Determiners that refer back to a source already introduced ("the", "these").
    pub definite: WordSet,
    /// Nouns for data and documents ("data", "figures", "report").
    pub documents: WordSet,
    /// Words joining a document noun to whoever is behind it ("by" in "a report by X"), as
    /// word sequences, longest first.
    pub document_links: Vec<Vec<String>>,
    /// Pronouns and auxiliaries that make a quotation a statement ("we", "is", "will").
    pub clause_words: WordSet,
    /// Words of a title that name the same post as others, as (words, the words that stand
    /// for them), longest first: ("boss" → "chief"), ("chief executive officer" → "chief executive").
    pub title_synonyms: Vec<(Vec<String>, Vec<String>)>,
    /// Words of titles that say what a person does, not which office ("leader", "spokesman").
    pub generic_titles: WordSet,
}

/// A set of word shapes (length, first and last byte): a word whose shape is not in it is none
/// of the words it was built from. A cheap first test for a set most words are not in.
#[derive(Debug, Default, Clone)]
pub struct WordShapes(Vec<u64>);

impl WordShapes {
    fn bit(word: &str) -> Option<usize> {
        let b = word.as_bytes();
        let (first, last) = (*b.first()? as usize, *b.last()? as usize);
        Some((b.len() & 15) << 12 | (first & 63) << 6 | last & 63)
    }
    /// Adds the shape of `word`.
    pub fn insert(&mut self, word: &str) {
        if let Some(bit) = Self::bit(word) {
            self.0.resize(1 << 10, 0);
            self.0[bit >> 6] |= 1 << (bit & 63);
        }
    }
    /// False when no word added has the shape of `word`; true when one may be `word`.
    ///
    /// ```
    /// let mut shapes = quotegraph::lexicon::WordShapes::default();
    /// shapes.insert("said");
    /// assert!(shapes.may_contain("said") && shapes.may_contain("sand"));
    /// assert!(!shapes.may_contain("says") && !shapes.may_contain("the") && !shapes.may_contain(""));
    /// ```
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        Self::bit(word).is_some_and(|bit| self.0.get(bit >> 6).is_some_and(|w| w & 1 << (bit & 63) != 0))
    }
}

/// What a word that can begin a cue may begin ([`Lexicon::cue_starts`]).
#[derive(Debug, Default, Clone)]
pub struct CueStart {
    /// Indices into [`Lexicon::phrases`] of the phrases it opens, longest first.
    pub phrases: Vec<usize>,
    /// Indices into [`Lexicon::sources`] of the source phrases it opens, longest first.
    pub sources: Vec<usize>,
    /// It is a verb of speech ([`Lexicon::speech`]).
    pub speech: bool,
    /// It is a verb of belief ([`Lexicon::belief`]).
    pub belief: bool,
    /// It is a verb of evidence ([`Lexicon::evidence`]).
    pub evidence: bool,
    /// It is a verb of manner ([`Lexicon::manner`]).
    pub manner: bool,
    /// It is a verb stating a view with "as" ([`Lexicon::as_view`]).
    pub as_view: bool,
}

/// All the world knowledge the pipeline uses.
///
/// ```
/// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
/// assert!(lex.is_speech_verb("said"));
/// assert!(!lex.is_speech_verb("table"));
/// ```
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Communication verbs, every form, lower case.
    pub speech: WordSet,
    /// Verbs of belief and intention, every form, lower case.
    pub belief: WordSet,
    /// Verbs by which data and documents "show" or "find".
    pub evidence: WordSet,
    /// Multiword cues as lower-case word sequences ("according to").
    pub phrases: Vec<Vec<String>>,
    /// Nouns of vague or anonymous sources ("officials", "experts").
    pub vague: WordSet,
    /// Nouns of data and documents ("data", "figures", "report").
    pub documents: WordSet,
    /// Words for a share of the people asked ("percent", "majority", "two-thirds"): "47% say".
    pub shares: WordSet,
    /// Verbs of manner that introduce speech only next to a quotation ("smiles", "shrugs").
    pub manner: WordSet,
    /// Verbs that give their object a name ("called the plan “a trap”", "branded"): a quotation
    /// after the object is the whole of what they report.
    pub naming: WordSet,
    /// Verbs whose object and "as" state the subject's view ("sees the deal as a trap"), cues only
    /// with that "as".
    pub as_view: WordSet,
    /// Participles naming the people asked, after "those" ("those surveyed say").
    pub polled: WordSet,
    /// Nouns for polls and surveys, whose findings a sentence opening "In a new poll, …" reports.
    pub polls: WordSet,
    /// Cue verbs that put a request to a listener, whose infinitive is what was asked ("urged the
    /// council to act").
    pub requests: WordSet,
    /// Verbs of telling, whose object is the listener rather than what was said ("told
    /// reporters that …", "warned MPs that …", "…, she assured the court.").
    pub telling: WordSet,
    /// Participles after which the body named with "by" ordered, paid for or holds a document
    /// but did not write it ("an inquiry commissioned by the firm", "a study funded by the
    /// trust"): the document, not that body, is the source of its findings.
    pub commissioning: WordSet,
    /// Nouns whose "that" clause states their content ("the fact that …", "the claim that …"):
    /// after a verb taking a noun phrase, the clause is part of the object.
    pub complement_nouns: WordSet,
    /// The last word of a phrase after "in", "at" or "during" naming where or when words were
    /// said ("in a statement", "at a rally", "at first"): between a cue and a clause opening
    /// with a pronoun, the phrase is the cue's, not what was said.
    pub occasions: WordSet,
    /// Nouns for an audience after a cue ("reporters" in "told reporters").
    pub listeners: WordSet,
    /// Phrases after which the source follows ("according to"), as lower-case word sequences.
    pub sources: Vec<Vec<String>>,
    /// First word → indices into `phrases` (longest first), so matching costs one lookup a token.
    pub phrase_index: WordMap<Vec<usize>>,
    /// First word → indices into `sources`.
    pub source_index: WordMap<Vec<usize>>,
    /// Every word that can begin a cue (a verb form, or the first word of a phrase), with what it
    /// begins: one lookup per token rules most tokens out, and tells the rest what they may be.
    pub cue_starts: WordMap<CueStart>,
    /// The shapes of the words in `cue_starts`, which rule out most other words before any
    /// hashing.
    pub cue_start_shapes: WordShapes,
    /// Verb forms after which a reported clause may follow without "that".
    pub bare_clause: WordSet,
    /// Cue forms (one word or a phrase, lower case, single spaces) whose object is a claim or
    /// demand ("denied the allegations").
    pub np_object: WordSet,
    /// Verb forms whose "to" infinitive states the speaker's position or intention
    /// ("plans to raise taxes", "declined to comment").
    pub infinitive: WordSet,
    /// The last word of every role ("minister", "state"): what a role phrase ends with.
    pub role_heads: WordSet,
    /// Honorifics as written ("Mr", "Dr.").
    pub honorifics: WordSet,
    /// Role nouns, lower case, as word sequences ("secretary of state").
    pub roles: WordSet,
    /// Longest role, in words.
    pub max_role_words: usize,
    /// Words that may stand before a role inside a title ("former", "deputy").
    pub modifiers: WordSet,
    /// Role nouns that, after "the", refer to an earlier person.
    pub anaphoric_roles: WordSet,
    /// Role nouns that, after "the", describe the person the story is about even when no one
    /// before holds that title ("said the world champion", "the lock forward added").
    pub epithets: WordSet,
    /// Honorifics used with a first name ("Sir John" for Sir John Stevens).
    pub first_name_honorifics: WordSet,
    /// Words written after a name that are not part of it ("Jr", "III"), as written, without the dot.
    pub name_suffixes: WordSet,
    /// Given names and honorifics that mark a woman ("Mary", "Mrs"); "she" may refer only to them
    /// or to people of unknown gender.
    pub female: WordSet,
    /// Given names and honorifics that mark a man ("John", "Mr").
    pub male: WordSet,
    /// Organizations and places (countries and regions are organizations of kind
    /// `country`/`region`).
    pub orgs: Vec<Org>,
    /// Exact-case surface form (words joined by one space) → entity. Filled by the loaders (which
    /// also note each form's first word for [`Lexicon::longest_known`]), read by everyone.
    pub known: WordMap<Known>,
    /// Longest known surface form, in words.
    pub max_known_words: usize,
    /// The first word (to the first space) of every key of [`Lexicon::known`].
    ///
    /// Why: [`Lexicon::longest_known`] tries every run of up to [`Lexicon::max_known_words`]
    /// words from a word on, each run a string to hash; a run can be known only when its first
    /// word opens some known form, and most capitalized words (a sentence's first, a person's
    /// name) open none, so one set lookup rules out all the runs.
    known_first_words: WordSet,
    /// Words that end an organization's name ("Institute", "Party").
    pub org_heads: WordSet,
    /// Abbreviations that keep their full stop ("Jan", "Calif"), as written, without the dot.
    pub abbreviations: WordSet,
    /// Words that open a sentence even right after an abbreviation.
    pub sentence_starters: WordSet,
    /// Capitalized words that are never part of a personal name ("Monday", "January").
    pub not_names: WordSet,
    /// Capitalized words that never open a personal name but may end one: prepositions
    /// ("From Ann Lee", "With Mr Hale" are no names; "Al From" is).
    pub not_name_openers: WordSet,
    /// Words opening a clause that a mixed quote's content runs on over ("…,” because …").
    pub mixed_runs_on: WordSet,
    /// Words ending in "-ly" that are nouns or adjectives, not adverbs ("rally", "ally").
    pub ly_nouns: WordSet,
    /// Verbs that hand their subject to an infinitive after them, one or two words, lower case
    /// ("tried", "went on"): "Ann Lee tried to argue that …" is Ann Lee's argument.
    pub catenatives: WordSet,
    /// Past participles not ending in "-ed" or "-en" ("thought", "told"): after a form of "be"
    /// they make a passive.
    pub irregular_participles: WordSet,
    /// Every word of every role and modifier, lower case ("secretary", "state", "foreign").
    pub title_words: WordSet,
    /// Common nouns for organizations ("company", "government"): "the company said".
    pub org_nouns: WordSet,
    /// The words the attribution checks use (`data/lexicon/sources.toml`).
    pub checks: CheckWords,
}

fn lower_set(v: &[String]) -> impl Iterator<Item = String> + '_ {
    v.iter().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

/// Splits a surface form into the words the tokenizer will produce, joined by a space.
fn norm_words(s: &str) -> String {
    crate::segment::words_of(s).join(" ")
}

/// Adds lower-case phrases as word sequences, keeping the list free of repeats and longest first.
fn add_phrases(list: &mut Vec<Vec<String>>, phrases: &[String]) {
    for p in lower_set(phrases) {
        let words: Vec<String> = crate::segment::words_of(&p).into_iter().map(str::to_string).collect();
        if !words.is_empty() && !list.contains(&words) {
            list.push(words);
        }
    }
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
}

fn index_phrases(phrases: &[Vec<String>]) -> WordMap<Vec<usize>> {
    let mut index: WordMap<Vec<usize>> = WordMap::default();
    for (i, p) in phrases.iter().enumerate() {
        index.entry(p[0].clone()).or_default().push(i);
    }
    index
}

impl Lexicon {
    /// The lexicon built from the files shipped in `data/lexicon/`.
    pub fn default_lexicon() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in DEFAULT_FILES {
            // The shipped files are checked by the test suite; failing here is a build defect.
            let raw: RawLexicon = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            lex.merge(raw);
        }
        lex
    }

    /// The default lexicon with the user's files merged over it.
    ///
    /// ```no_run
    /// let lex = quotegraph::lexicon::Lexicon::load(&["my-words.toml".into()]).unwrap();
    /// ```
    pub fn load(extra: &[std::path::PathBuf]) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::default_lexicon();
        for path in extra {
            lex.merge(Self::read_file(path)?);
        }
        Ok(lex)
    }

    fn read_file(path: &Path) -> Result<RawLexicon, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        toml::from_str(&text).map_err(|e| {
            // one line: the parser's message may run over several
            let msg = e.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            match line {
                Some(l) => Error::input(path, format!("line {l}: {msg}")),
                None => Error::input(path, msg),
            }
        })
    }

    fn merge(&mut self, raw: RawLexicon) {
        // the sizes of the lists the cue tables are built from: sets and lists only grow, so
        // when none grew, the tables built before still hold (only one shipped file has cues)
        let cue_lists = |l: &Lexicon| {
            [l.speech.len(), l.belief.len(), l.evidence.len(), l.manner.len(), l.as_view.len(), l.phrases.len(), l.sources.len()]
        };
        let cue_lists_before = cue_lists(self);
        let c = raw.cues;
        self.speech.extend(lower_set(&c.speech));
        self.belief.extend(lower_set(&c.belief));
        self.evidence.extend(lower_set(&c.evidence));
        self.vague.extend(lower_set(&c.vague));
        self.documents.extend(lower_set(&c.documents));
        self.listeners.extend(lower_set(&c.listeners));
        self.bare_clause.extend(lower_set(&c.bare_clause));
        self.np_object.extend(lower_set(&c.np_object));
        self.infinitive.extend(lower_set(&c.infinitive));
        self.shares.extend(lower_set(&c.shares));
        self.polled.extend(lower_set(&c.polled));
        self.polls.extend(lower_set(&c.polls));
        self.requests.extend(lower_set(&c.requests));
        self.telling.extend(lower_set(&c.telling));
        self.commissioning.extend(lower_set(&c.commissioning));
        self.complement_nouns.extend(lower_set(&c.complement_nouns));
        self.occasions.extend(lower_set(&c.occasions));
        self.manner.extend(lower_set(&c.manner));
        self.as_view.extend(lower_set(&c.as_view));
        self.naming.extend(lower_set(&c.naming));
        for p in lower_set(&c.sources) {
            let words: Vec<String> = crate::segment::words_of(&p).into_iter().map(str::to_string).collect();
            if !words.is_empty() && !self.sources.contains(&words) {
                self.sources.push(words);
            }
        }
        self.sources.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for p in lower_set(&c.phrases) {
            let words: Vec<String> = crate::segment::words_of(&p).into_iter().map(str::to_string).collect();
            if !words.is_empty() && !self.phrases.contains(&words) {
                self.phrases.push(words);
            }
        }
        // longest phrase first, so that matching prefers "according to" over "according"
        self.phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        if cue_lists(self) != cue_lists_before {
            self.index_cues();
        }
        let sc = raw.sources;
        self.checks.anonymous.extend(lower_set(&sc.anonymous));
        self.checks.vague.extend(lower_set(&sc.vague));
        self.checks.definite.extend(lower_set(&sc.definite));
        self.checks.documents.extend(lower_set(&sc.documents));
        self.checks.clause_words.extend(lower_set(&sc.clause_words));
        self.checks.generic_titles.extend(lower_set(&sc.generic_titles));
        add_phrases(&mut self.checks.anonymity, &sc.anonymity);
        self.checks.anonymity_starts = self.checks.anonymity.iter().filter_map(|p| p.first().cloned()).collect();
        add_phrases(&mut self.checks.document_links, &sc.document_links);
        for group in &sc.title_synonyms {
            let mut forms = group.iter().map(|g| crate::check::title_key_words(g)).filter(|w| !w.is_empty());
            let Some(canon) = forms.next() else { continue };
            for f in std::iter::once(canon.clone()).chain(forms) {
                if !self.checks.title_synonyms.iter().any(|(w, _)| *w == f) {
                    self.checks.title_synonyms.push((f, canon.clone()));
                }
            }
        }
        self.checks.title_synonyms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let g = raw.grammar;
        self.abbreviations.extend(g.abbreviations.iter().map(|s| s.trim().trim_end_matches('.').to_string()));
        self.sentence_starters.extend(g.sentence_starters.iter().map(|s| s.trim().to_string()));
        self.not_names.extend(g.not_names.iter().map(|s| s.trim().to_string()));
        self.not_name_openers.extend(g.not_name_openers.iter().map(|s| s.trim().to_string()));
        self.mixed_runs_on.extend(g.mixed_runs_on.iter().map(|s| s.trim().to_lowercase()));
        self.ly_nouns.extend(g.ly_nouns.iter().map(|s| s.trim().to_lowercase()));
        self.catenatives.extend(lower_set(&g.catenatives).map(|s| norm_words(&s)));
        self.irregular_participles.extend(lower_set(&g.irregular_participles));
        let t = raw.titles;
        for h in &t.honorifics {
            let h = h.trim();
            if !h.is_empty() {
                self.honorifics.insert(h.trim_end_matches('.').to_string());
                // written with its dot ("Sens.", "Cllr."), it is an abbreviation that ends no sentence
                if h.ends_with('.') {
                    self.abbreviations.insert(h.trim_end_matches('.').to_string());
                }
            }
        }
        for r in lower_set(&t.roles) {
            let r = norm_words(&r);
            self.max_role_words = self.max_role_words.max(r.split(' ').count());
            if let Some(last) = r.split(' ').next_back() {
                self.role_heads.insert(last.trim_end_matches('.').to_string());
            }
            self.roles.insert(r);
        }
        self.modifiers.extend(lower_set(&t.modifiers).map(|m| norm_words(&m)));
        const GLUE: &[&str] = &["of", "for", "to", "at", "the", "and", "on", "in"];
        let words: Vec<String> = self
            .roles
            .iter()
            .chain(self.modifiers.iter())
            .flat_map(|r| r.split(' ').map(|w| w.trim_end_matches('.').to_string()).collect::<Vec<_>>())
            .filter(|w| !GLUE.contains(&w.as_str()))
            .collect();
        self.title_words.extend(words);
        self.anaphoric_roles.extend(lower_set(&t.anaphoric_roles));
        self.epithets.extend(lower_set(&t.epithets));
        self.first_name_honorifics.extend(t.first_name_honorifics.iter().map(|s| s.trim().trim_end_matches('.').to_string()));
        self.name_suffixes.extend(t.suffixes.iter().map(|s| s.trim().trim_end_matches('.').to_string()).filter(|s| !s.is_empty()));
        let strip = |v: &Vec<String>| v.iter().map(|s| s.trim().trim_end_matches('.').to_string()).collect::<Vec<_>>();
        self.female.extend(strip(&t.female_honorifics));
        self.male.extend(strip(&t.male_honorifics));
        self.female.extend(strip(&raw.names.female));
        self.male.extend(strip(&raw.names.male));
        self.org_heads.extend(raw.org_words.heads.iter().map(|s| s.trim().trim_end_matches('.').to_string()));
        self.org_nouns.extend(lower_set(&raw.org_words.nouns));
        for o in raw.org {
            let country = Some(o.country.trim().to_string()).filter(|c| !c.is_empty());
            let kind = if o.kind.trim().is_empty() { "other".to_string() } else { o.kind.trim().to_string() };
            let idx = self.add_org(&o.name, kind, country);
            for a in &o.aliases {
                self.add_surface(a, idx, Surface::Name);
            }
        }
        for (places, kind) in [(raw.country, "country"), (raw.region, "region")] {
            for p in places {
                let country = Some(p.country.trim().to_string()).filter(|c| !c.is_empty());
                let idx = self.add_org(&p.name, kind.to_string(), country);
                for a in &p.aliases {
                    self.add_surface(a, idx, Surface::Name);
                }
                for a in &p.adjectives {
                    self.add_surface(a, idx, Surface::Adjective);
                }
                for a in &p.capitals {
                    self.add_surface(a, idx, Surface::Capital);
                }
            }
        }
    }

    /// Builds the tables that find cues from the cue lists: the phrase indexes, the words that
    /// can begin a cue and their shapes.
    fn index_cues(&mut self) {
        self.phrase_index = index_phrases(&self.phrases);
        self.source_index = index_phrases(&self.sources);
        self.cue_starts = self
            .speech
            .iter()
            .chain(self.belief.iter())
            .chain(self.evidence.iter())
            .chain(self.manner.iter())
            .chain(self.as_view.iter())
            .chain(self.phrase_index.keys())
            .chain(self.source_index.keys())
            .map(|w| {
                let start = CueStart {
                    phrases: self.phrase_index.get(w).cloned().unwrap_or_default(),
                    sources: self.source_index.get(w).cloned().unwrap_or_default(),
                    speech: self.speech.contains(w),
                    belief: self.belief.contains(w),
                    evidence: self.evidence.contains(w),
                    manner: self.manner.contains(w),
                    as_view: self.as_view.contains(w),
                };
                (w.clone(), start)
            })
            .collect();
        self.cue_start_shapes = WordShapes::default();
        for w in self.cue_starts.keys() {
            self.cue_start_shapes.insert(w);
        }
    }

    fn add_org(&mut self, name: &str, kind: String, country: Option<String>) -> usize {
        let name = name.trim();
        let idx = match self.orgs.iter().position(|o| o.name == name) {
            Some(i) => {
                // a user's entry refines the default one
                self.orgs[i].kind = kind;
                if country.is_some() {
                    self.orgs[i].country = country;
                }
                i
            }
            None => {
                self.orgs.push(Org { name: name.to_string(), kind, country });
                self.orgs.len() - 1
            }
        };
        self.add_surface(name, idx, Surface::Name);
        idx
    }

    fn add_surface(&mut self, surface: &str, org: usize, kind: Surface) {
        let key = norm_words(surface.trim());
        if key.is_empty() {
            return;
        }
        self.max_known_words = self.max_known_words.max(key.split(' ').count());
        if let Some(first) = key.split(' ').next().filter(|w| !self.known_first_words.contains(w)) {
            self.known_first_words.insert(first.to_string());
        }
        // the first meaning given wins for ambiguous forms, except that a name beats an adjective
        match self.known.get(&key) {
            Some(k) if !(k.surface != Surface::Name && kind == Surface::Name) => {}
            _ => {
                self.known.insert(key, Known { org, surface: kind });
            }
        }
    }

    /// True for any form of a communication verb ("said", "tells").
    pub fn is_speech_verb(&self, lower: &str) -> bool {
        self.speech.contains(lower)
    }

    /// The entity that exact words (joined by single spaces) name, if any.
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// let k = lex.lookup("Polish").unwrap();
    /// assert_eq!(lex.orgs[k.org].name, "Poland");
    /// ```
    pub fn lookup(&self, words: &str) -> Option<Known> {
        self.known.get(words).copied()
    }

    /// True when the words name a country or a region (by name, alias or capital, not by an
    /// adjective): what a preposition of place before a person's title leaves out of the
    /// person's phrase ("in California Mr Torvalds", "in Moscow Foreign Minister Ann Lee").
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// assert!(lex.names_place("California") && lex.names_place("Moscow"));
    /// assert!(!lex.names_place("Iraqi") && !lex.names_place("NATO"));
    /// ```
    pub fn names_place(&self, words: &str) -> bool {
        self.lookup(words)
            .is_some_and(|k| k.surface != Surface::Adjective && matches!(self.orgs[k.org].kind.as_str(), "country" | "region"))
    }

    /// True for a lower-case preposition of place, after which a place belongs to the
    /// preposition's phrase ("at a summit in California Mr Torvalds said").
    pub fn is_place_preposition(word: &str) -> bool {
        matches!(word, "in" | "at" | "near" | "across" | "outside")
    }

    /// The longest run of `words`, from the first, that names something the lexicon knows
    /// (a possessive "’s" on its last word ignored): how many words, and what they name.
    /// Runs longer than the lexicon's longest name are not tried.
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// let (n, k) = lex.longest_known(&["European", "Union’s", "plan"]).unwrap();
    /// assert_eq!((n, lex.orgs[k.org].name.as_str()), (2, "European Union"));
    /// ```
    pub fn longest_known(&self, words: &[&str]) -> Option<(usize, Known)> {
        if !self.may_open_known(words.first()?) {
            return None;
        }
        self.longest_run(words.len(), |n| Cow::Owned(words[..n].join(" ")))
    }

    /// False when no known form opens with `word`'s first word (to a space; a single word with
    /// its possessive "’s" off is a form of its own): then no run of words from it is known.
    fn may_open_known(&self, word: &str) -> bool {
        let first = word.split(' ').next().unwrap_or(word);
        let bare = first.strip_suffix("’s").or_else(|| first.strip_suffix("'s"));
        self.known_first_words.contains(first) || bare.is_some_and(|b| self.known_first_words.contains(b))
    }

    /// [`Lexicon::longest_known`] for words that are slices of `text`: a run written with
    /// single spaces is looked up as the slice itself, with no string built for it.
    fn longest_known_in(&self, text: &str, words: &[&str]) -> Option<(usize, Known)> {
        if !self.may_open_known(words.first()?) {
            return None;
        }
        let at = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
        self.longest_run(words.len(), |n| {
            if words[..n].windows(2).all(|p| text.get(at(p[0]) + p[0].len()..at(p[1])) == Some(" ")) {
                Cow::Borrowed(&text[at(words[0])..at(words[n - 1]) + words[n - 1].len()])
            } else {
                Cow::Owned(words[..n].join(" "))
            }
        })
    }

    /// The longest of the first `len` runs (`key(n)` joins the first `n` words) that the
    /// lexicon knows, a possessive "’s" on its last word ignored.
    fn longest_run<'k>(&self, len: usize, key: impl Fn(usize) -> Cow<'k, str>) -> Option<(usize, Known)> {
        (1..=self.max_known_words.max(1).min(len)).rev().find_map(|n| {
            let key = key(n);
            let key = key.strip_suffix("’s").or_else(|| key.strip_suffix("'s")).unwrap_or(&key);
            self.lookup(key).map(|k| (n, k))
        })
    }

    /// The canonical names of the organizations and countries that `text` names, by any
    /// alias or adjective, sorted and without repeats.
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// let found = lex.organizations_in("He branded the Tory plans and NATO's answer a fantasy.");
    /// assert_eq!(found, vec!["Conservative Party".to_string(), "NATO".to_string()]);
    /// ```
    pub fn organizations_in(&self, text: &str) -> Vec<String> {
        let mut words = crate::segment::words_of(text);
        for w in &mut words {
            *w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // only a capitalized word begins a name ("the union" names nobody)
            if !words[i].chars().next().is_some_and(char::is_uppercase) {
                i += 1;
                continue;
            }
            match self.longest_known_in(text, &words[i..(i + 4).min(words.len())]) {
                Some((n, k)) => {
                    out.push(self.orgs[k.org].name.clone());
                    i += n;
                }
                None => i += 1,
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// True when the lower-case words form a role ("foreign minister" is not, "minister" is).
    pub fn is_role(&self, lower_words: &str) -> bool {
        self.roles.contains(lower_words)
    }

    /// The gender a given name or honorific marks, if the lexicon knows one.
    ///
    /// ```
    /// use quotegraph::lexicon::{Gender, Lexicon};
    /// let lex = Lexicon::default_lexicon();
    /// assert_eq!(lex.gender_of("Mrs."), Some(Gender::Female));
    /// assert_eq!(lex.gender_of("Mr"), Some(Gender::Male));
    /// ```
    pub fn gender_of(&self, word: &str) -> Option<Gender> {
        let w = word.trim_end_matches('.');
        match (self.female.contains(w), self.male.contains(w)) {
            (true, false) => Some(Gender::Female),
            (false, true) => Some(Gender::Male),
            _ => None,
        }
    }

    /// True when the word, as written, is the plural of a person's role ("Senators Rubio and
    /// Cruz", "Professors Foner and Alba"): a title for the names after it, no part of them.
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// assert!(lex.is_plural_title("Senators"));
    /// assert!(!lex.is_plural_title("Senator") && !lex.is_plural_title("Des"));
    /// ```
    pub fn is_plural_title(&self, word: &str) -> bool {
        word.strip_suffix('s').is_some_and(|w| with_lowercase(w, |w| self.anaphoric_roles.contains(w)))
    }

    /// True when the word, as written, is an honorific ("Mr", "Dr.").
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word.trim_end_matches('.'))
    }

    /// True when the word, as written, follows a name without being part of it ("Jr.", "III").
    ///
    /// ```
    /// let lex = quotegraph::lexicon::Lexicon::default_lexicon();
    /// assert!(lex.is_name_suffix("Jr.") && lex.is_name_suffix("III"));
    /// assert!(!lex.is_name_suffix("Smith"));
    /// ```
    pub fn is_name_suffix(&self, word: &str) -> bool {
        self.name_suffixes.contains(word.trim_end_matches(['.', ',']))
    }
}

/// Calls `f` with `word` in lower case ([`str::to_lowercase`]), with no allocation for a short
/// ASCII word: names and titles are looked up in lower case many times a document.
///
/// ```
/// assert!(quotegraph::lexicon::with_lowercase("Minister", |w| w == "minister"));
/// assert!(quotegraph::lexicon::with_lowercase("ÉLYSÉE", |w| w == "élysée"));
/// ```
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        // (for ASCII, lower case is the ASCII lower case, and the bytes stay valid UTF-8)
        b.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(b) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// True when the word, as written, is a name's initial ("T." in "Peter T. King").
///
/// ```
/// assert!(quotegraph::lexicon::is_initial("T."));
/// assert!(!quotegraph::lexicon::is_initial("Tom") && !quotegraph::lexicon::is_initial("t."));
/// ```
pub fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.ends_with('.') && word.starts_with(|c: char| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse_and_hold_the_basics() {
        let lex = Lexicon::default_lexicon();
        for v in ["said", "says", "told", "warned", "cautions", "notes"] {
            assert!(lex.is_speech_verb(v), "{v}");
        }
        assert!(lex.is_honorific("Dr."));
        assert!(lex.is_role("spokesperson"));
        assert_eq!(lex.orgs[lex.lookup("EU").unwrap().org].name, "European Union");
        assert_eq!(lex.lookup("Chinese").unwrap().surface, Surface::Adjective);
        assert!(lex.sources.iter().any(|p| p == &["according", "to"]));
    }

    #[test]
    fn a_user_file_is_merged_over_the_defaults() {
        let dir = std::env::temp_dir().join(format!("qg-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("mine.toml");
        std::fs::write(&f, "[cues]\nspeech = [\"harrumphed\"]\n[[org]]\nname = \"Acme Widgets\"\naliases = [\"AW\"]\nkind = \"company\"\n")
            .unwrap();
        let lex = Lexicon::load(&[f.clone()]).unwrap();
        assert!(lex.is_speech_verb("harrumphed"));
        assert!(lex.is_speech_verb("said"));
        assert_eq!(lex.orgs[lex.lookup("AW").unwrap().org].name, "Acme Widgets");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_broken_user_file_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("qg-lex-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("bad.toml");
        std::fs::write(&f, "[cues]\nspeech = [\"a\",\n").unwrap();
        let e = Lexicon::load(&[f.clone()]).unwrap_err().to_string();
        assert!(e.contains("bad.toml") && e.contains("line"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
