//! Stage 5, code: a statement → the concepts it takes a position on, with agree,
//! disagree or neutral and the words that decided.
//!
//! A *codebook* (`data/codebooks/*.toml`, or the user's `--codebook FILE`) lists
//! concepts with the phrases that signal them: `agree` phrases state the
//! proposition, `disagree` phrases its opposite, plain `phrases` mention it
//! without a side. The *polarity rules* (`data/codebooks/polarity.toml`),
//! shared by every codebook, then adjust: a negation just before a phrase turns
//! it round ("not … pre-2014 borders"), and so does a cue or word that sets the
//! speaker against what follows ("warned against peace at any price"); for a
//! plain mention, such words (or their opposites: "supports", "must") give the
//! side, and without any the stance is neutral.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::model::{Code, Stance};

const DEFAULT_CODEBOOK: &str = include_str!("../../data/codebooks/default.toml");
const POLARITY: &str = include_str!("../../data/codebooks/polarity.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawCodebook {
    codebook: RawHeader,
    concept: Vec<RawConcept>,
    polarity: RawPolarity,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawHeader {
    name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConcept {
    id: String,
    label: String,
    parent: Option<String>,
    phrases: Vec<String>,
    agree: Vec<String>,
    disagree: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawPolarity {
    negations: Vec<String>,
    disagree: Vec<String>,
    agree: Vec<String>,
    contrast: Vec<String>,
    negative: Vec<String>,
    positive: Vec<String>,
    claims: Vec<String>,
    claim_openers: Vec<String>,
    some_of: Vec<String>,
    rebuts: Vec<String>,
    back_references: Vec<String>,
    plans: Vec<String>,
    plan_openers: Vec<String>,
    authored_by: Vec<String>,
    admonitions: Vec<String>,
}

/// A phrase as lower-case words.
type Phrase = Vec<String>;

pub(crate) fn phrase(s: &str) -> Phrase {
    crate::segment::words_of(&s.to_lowercase()).into_iter().map(str::to_string).collect()
}

/// A concept with the phrases that signal it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// Stable id, without the `concept:` prefix.
    pub id: String,
    /// The proposition or topic.
    pub label: String,
    /// Parent concept id.
    pub parent: Option<String>,
    /// (phrase, the stance it states, or None for a plain mention).
    pub phrases: Vec<(Phrase, Option<Stance>)>,
    /// The first word of every phrase: a word not in here starts no phrase.
    pub first_words: crate::lexicon::WordSet,
}

/// A list of phrases with the first word of each, so that a word no phrase starts with
/// costs one lookup. It reads as a slice of phrases.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert!(cb.polarity.disagree.iter().any(|p| p.join(" ") == "warned against"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Phrases {
    list: Vec<Phrase>,
    firsts: crate::lexicon::WordSet,
    /// The first words that hold no other first word: a text holds some first word when it
    /// holds one of these ("plans" cannot be where "plan" is not), fewer to look for.
    needles: Vec<String>,
    /// This list's bit in a codebook's word marks ([`StatementWords::marks`]); 0 outside one.
    bit: u32,
}

impl Phrases {
    fn extend(&mut self, texts: &[String]) {
        for p in texts.iter().map(|t| phrase(t)).filter(|p| !p.is_empty()) {
            self.firsts.insert(p[0].clone());
            self.list.push(p);
        }
        let holds_another = |w: &String| self.firsts.iter().any(|o| o != w && w.contains(o.as_str()));
        self.needles = self.firsts.iter().filter(|w| !holds_another(w)).cloned().collect();
        self.needles.sort();
    }

    /// The first phrase found in `words[from..to]`, as text.
    pub(crate) fn find_in<W: AsRef<str>>(&self, words: &[W], from: usize, to: usize) -> Option<String> {
        self.span_in(words, from, to).map(|(i, n)| words[i..i + n].iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" "))
    }

    /// Where the first phrase starting in `words[from..to]` is: (first word, number of words).
    /// The phrase may run on past `to`.
    pub(crate) fn span_in<W: AsRef<str>>(&self, words: &[W], from: usize, to: usize) -> Option<(usize, usize)> {
        (from..to.min(words.len()))
            .filter(|&i| self.firsts.contains(words[i].as_ref()))
            .find_map(|i| self.list.iter().find(|p| starts(words, i, p)).map(|p| (i, p.len())))
    }

    /// True when `words[at..]` starts with one of the phrases.
    /// False when no phrase can occur in the lower-cased `text` (its first word is nowhere in
    /// it): a cheap test before splitting `text` into words.
    pub(crate) fn may_occur_in(&self, lower: &str) -> bool {
        // (each first word once: several phrases may share one; and only those holding no other)
        self.needles.iter().any(|w| lower.contains(w.as_str()))
    }

    pub(crate) fn starts_at<W: AsRef<str>>(&self, words: &[W], at: usize) -> bool {
        self.span_in(words, at, at + 1).is_some()
    }

    /// [`Phrases::span_in`] for words marked by the codebook that holds this list: a word
    /// starts a phrase only when its mark has this list's bit, which costs no lookup.
    pub(crate) fn span_marked(&self, words: &[&str], marks: &[u32], from: usize, to: usize) -> Option<(usize, usize)> {
        debug_assert!(self.bit != 0 && marks.len() == words.len());
        (from..to.min(words.len()))
            .filter(|&i| marks[i] & self.bit != 0)
            .find_map(|i| self.list.iter().find(|p| starts(words, i, p)).map(|p| (i, p.len())))
    }

    /// [`Phrases::find_in`] for marked words ([`Phrases::span_marked`]).
    pub(crate) fn find_marked(&self, words: &[&str], marks: &[u32], from: usize, to: usize) -> Option<String> {
        self.span_marked(words, marks, from, to).map(|(i, n)| words[i..i + n].join(" "))
    }

    /// [`Phrases::starts_at`] for marked words ([`Phrases::span_marked`]).
    pub(crate) fn starts_marked(&self, words: &[&str], marks: &[u32], at: usize) -> bool {
        self.span_marked(words, marks, at, at + 1).is_some()
    }
}

impl std::ops::Deref for Phrases {
    type Target = [Phrase];
    fn deref(&self) -> &[Phrase] {
        &self.list
    }
}

/// Words that turn a statement for or against what it mentions, and contrast markers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Polarity {
    /// "not", "never", "rather than".
    pub negations: Phrases,
    /// "warned against", "rejected".
    pub disagree: Phrases,
    /// "supports", "must".
    pub agree: Phrases,
    /// "Meanwhile", "while", "However".
    pub contrast: Phrases,
    /// Words that make a statement a criticism of whoever it names ("cronies", "a shambles").
    pub negative: Phrases,
    /// Words that make a statement praise of whoever it names ("exceptional", "delighted").
    pub positive: Phrases,
    /// Nouns for what someone else said ("claims", "allegations"): denying "his claims"
    /// sets the speaker against whoever spoke just before.
    pub claims: Phrases,
    /// Words that make such a noun point back at a statement ("his", "these").
    pub claim_openers: Phrases,
    /// Words that make an organization's name stand for some of its members ("some
    /// Conservatives", "many Labour MPs"), not for the organization.
    pub some_of: Phrases,
    /// Verbs that turn down what was said ("slaps", "denied") when a word of
    /// `back_references` ("that", "it") or "his claims" follows them.
    pub rebuts: Phrases,
    /// Words that point back at what was said ("that", "this", "it").
    pub back_references: Phrases,
    /// Nouns for a proposal ("plan", "scheme"): "the plan" in a statement that names nobody is
    /// the plan last given an owner before it.
    pub plans: Phrases,
    /// Words that make a plan noun refer back ("the", "these").
    pub plan_openers: Phrases,
    /// Words after a plan noun that name its owner ("unveiled by").
    pub authored_by: Phrases,
    /// Modal verbs by which a speaker tells the actor named just before them what to do
    /// ("should", "must"): see [`admonished`].
    pub admonitions: Phrases,
}

/// A codebook with its polarity rules.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert!(cb.concepts.iter().any(|c| c.id == "economy"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codebook {
    /// Its name.
    pub name: String,
    /// Its concepts, in file order.
    pub concepts: Vec<Concept>,
    /// The polarity rules.
    pub polarity: Polarity,
    /// First word of any concept's phrase → the concepts (indices, ascending) with a phrase
    /// starting with it: a statement's words are looked up once, not once per concept.
    first_words: crate::lexicon::WordMap<Vec<usize>>,
    /// Word → the bits of the polarity lists with a phrase starting with it, and
    /// [`CONCEPT_MARK`] when a concept's phrase does ([`StatementWords::marks`]).
    marks: crate::lexicon::WordMap<u32>,
}

/// The mark of a word that starts a concept's phrase (the polarity lists take the bits below).
const CONCEPT_MARK: u32 = 1 << 31;

impl Codebook {
    /// The general topic codebook shipped in `data/codebooks/default.toml`.
    pub fn default_codebook() -> Codebook {
        // shipped data, checked by the tests
        Self::parse(DEFAULT_CODEBOOK).unwrap_or_else(|e| panic!("data/codebooks/default.toml: {e}"))
    }

    /// Reads a user's codebook (same format); the shared polarity rules are added,
    /// and a `[polarity]` section in the file extends them.
    pub fn load(path: &Path) -> Result<Codebook, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let cb = Self::parse(&text).map_err(|m| Error::input(path, m))?;
        if cb.concepts.is_empty() {
            return Err(Error::input(path, "no [[concept]] in this codebook"));
        }
        Ok(cb)
    }

    fn parse(text: &str) -> Result<Codebook, String> {
        let raw: RawCodebook = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
            match line {
                Some(l) => format!("line {l}: {msg}"),
                None => msg,
            }
        })?;
        let shared: RawCodebook = toml::from_str(POLARITY).map_err(|e| format!("polarity rules: {e}"))?;
        let mut polarity = Polarity::default();
        for p in [&shared.polarity, &raw.polarity] {
            polarity.negations.extend(&p.negations);
            polarity.disagree.extend(&p.disagree);
            polarity.agree.extend(&p.agree);
            polarity.contrast.extend(&p.contrast);
            polarity.negative.extend(&p.negative);
            polarity.positive.extend(&p.positive);
            polarity.claims.extend(&p.claims);
            polarity.claim_openers.extend(&p.claim_openers);
            polarity.some_of.extend(&p.some_of);
            polarity.rebuts.extend(&p.rebuts);
            polarity.back_references.extend(&p.back_references);
            polarity.plans.extend(&p.plans);
            polarity.plan_openers.extend(&p.plan_openers);
            polarity.authored_by.extend(&p.authored_by);
            polarity.admonitions.extend(&p.admonitions);
        }
        let mut concepts = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (i, c) in raw.concept.into_iter().enumerate() {
            let id = c.id.trim().to_string();
            if id.is_empty() {
                return Err(format!("concept {} has no id", i + 1));
            }
            if !seen.insert(id.clone()) {
                return Err(format!("concept id \"{id}\" is given twice"));
            }
            let mut phrases: Vec<(Phrase, Option<Stance>)> = Vec::new();
            phrases.extend(c.agree.iter().map(|s| (phrase(s), Some(Stance::Agree))));
            phrases.extend(c.disagree.iter().map(|s| (phrase(s), Some(Stance::Disagree))));
            phrases.extend(c.phrases.iter().map(|s| (phrase(s), None)));
            phrases.retain(|(p, _)| !p.is_empty());
            // longest phrase first, so that "tax cuts" wins over "tax"
            phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
            let label = if c.label.trim().is_empty() { id.clone() } else { c.label.trim().to_string() };
            let first_words = phrases.iter().map(|(p, _)| p[0].clone()).collect();
            concepts.push(Concept { id, label, parent: c.parent.filter(|p| !p.trim().is_empty()), phrases, first_words });
        }
        for c in &concepts {
            if let Some(p) = &c.parent {
                if !seen.contains(p) {
                    return Err(format!("concept \"{}\" names parent \"{p}\", which is not in the codebook", c.id));
                }
            }
        }
        let mut first_words: crate::lexicon::WordMap<Vec<usize>> = Default::default();
        for (ci, c) in concepts.iter().enumerate() {
            for w in &c.first_words {
                first_words.entry(w.clone()).or_default().push(ci);
            }
        }
        let mut marks: crate::lexicon::WordMap<u32> = Default::default();
        let lists = [
            &mut polarity.negations,
            &mut polarity.disagree,
            &mut polarity.agree,
            &mut polarity.contrast,
            &mut polarity.negative,
            &mut polarity.positive,
            &mut polarity.claims,
            &mut polarity.claim_openers,
            &mut polarity.some_of,
            &mut polarity.rebuts,
            &mut polarity.back_references,
            &mut polarity.plans,
            &mut polarity.plan_openers,
            &mut polarity.authored_by,
            &mut polarity.admonitions,
        ];
        for (k, list) in lists.into_iter().enumerate() {
            list.bit = 1 << k;
            for w in &list.firsts {
                *marks.entry(w.clone()).or_default() |= list.bit;
            }
        }
        for w in first_words.keys() {
            *marks.entry(w.clone()).or_default() |= CONCEPT_MARK;
        }
        Ok(Codebook { name: raw.codebook.name, concepts, polarity, first_words, marks })
    }
}

/// True when `words[at..]` starts with `p`.
fn starts<W: AsRef<str>>(words: &[W], at: usize, p: &[String]) -> bool {
    at + p.len() <= words.len() && words[at..at + p.len()].iter().zip(p).all(|(w, q)| w.as_ref() == q)
}

/// Codes one statement: its content and its cue.
///
/// ```
/// use quotegraph::{code::{code, Codebook}, model::Stance};
/// let cb = Codebook::default_codebook();
/// let codes = code("the government must cut taxes", Some("said"), &cb);
/// assert_eq!(codes[0].concept, "concept:economy");
/// assert_eq!(codes[0].stance, Stance::Agree);
/// ```
pub fn code(content: &str, cue: Option<&str>, cb: &Codebook) -> Vec<Code> {
    code_words(&Lowered::new(content, cue).words(cb), cb)
}

/// A statement's content and cue lower-cased: what [`StatementWords`] borrows its words from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lowered {
    content: String,
    cue: String,
}

impl Lowered {
    /// Lower-cases `content` and `cue` (no cue reads as an empty one).
    pub fn new(content: &str, cue: Option<&str>) -> Lowered {
        Lowered { content: content.to_lowercase(), cue: cue.unwrap_or("").to_lowercase() }
    }

    /// The words of the lower-cased content and cue, marked by `cb`.
    pub fn words(&self, cb: &Codebook) -> StatementWords<'_> {
        let words = crate::segment::words_of(&self.content);
        let cue = crate::segment::words_of(&self.cue);
        let mark = |w: &&str| cb.marks.get(*w).copied().unwrap_or(0);
        let (marks, cue_marks) = (words.iter().map(mark).collect(), cue.iter().map(mark).collect());
        StatementWords { lower: &self.content, words, marks, cue_lower: &self.cue, cue, cue_marks }
    }
}

/// A statement's content and cue, lower-cased and split into words once.
///
/// Why: coding ([`code`]), the plan references ([`plan_codes`], [`refers_to_a_plan`]) and the
/// criticism test of a report each read the same lower-cased words of a statement; lower-casing
/// and splitting the statement again for each cost more than most of them.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// let lowered = quotegraph::code::Lowered::new("The Plan is bold", Some("Said"));
/// let w = lowered.words(&cb);
/// assert_eq!((w.words.as_slice(), w.cue.as_slice()), (&["the", "plan", "is", "bold"][..], &["said"][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementWords<'l> {
    /// The lower-cased content.
    pub lower: &'l str,
    /// Its words.
    pub words: Vec<&'l str>,
    /// The mark of each word: which of the codebook's lists have a phrase starting with it,
    /// a bit each. Why: every list would otherwise look every word up again.
    pub marks: Vec<u32>,
    /// The lower-cased cue ("" without one).
    pub cue_lower: &'l str,
    /// Its words.
    pub cue: Vec<&'l str>,
    /// Their marks.
    pub cue_marks: Vec<u32>,
}

impl StatementWords<'_> {
    /// True when these words refer back to a plan named before ("the plan was dangerous",
    /// "these proposals"): a plan noun with a word of `plan_openers` among the three words
    /// before it ([`refers_to_a_plan`] on a text).
    pub fn refers_to_a_plan(&self, cb: &Codebook) -> bool {
        let (p, w, m) = (&cb.polarity, &self.words, &self.marks);
        (0..w.len()).any(|j| p.plans.starts_marked(w, m, j) && (j.saturating_sub(3)..j).any(|i| p.plan_openers.starts_marked(w, m, i)))
    }
}

/// [`code`] on a statement's words.
pub fn code_words(w: &StatementWords<'_>, cb: &Codebook) -> Vec<Code> {
    let (words, marks, cue_words) = (&w.words, &w.marks, &w.cue);
    let cue_against = cb.polarity.disagree.find_marked(cue_words, &w.cue_marks, 0, cue_words.len());
    let cue_for = cb.polarity.agree.find_marked(cue_words, &w.cue_marks, 0, cue_words.len());
    // where each concept's phrases may start: one lookup per word that starts one, for all concepts
    let mut starts_of: Vec<Vec<usize>> = vec![Vec::new(); cb.concepts.len()];
    for (i, w) in words.iter().enumerate().filter(|(i, _)| marks[*i] & CONCEPT_MARK != 0) {
        for &ci in cb.first_words.get(*w).into_iter().flatten() {
            starts_of[ci].push(i);
        }
    }
    let mut out = Vec::new();
    for (c, candidates) in cb.concepts.iter().zip(&starts_of) {
        let mut total = 0i32;
        let mut evidence: Vec<String> = Vec::new();
        let mut matched = false;
        // a match's words are not read again
        let mut free = 0;
        for &i in candidates {
            if i < free {
                continue;
            }
            let Some((p, stated)) = c.phrases.iter().find(|(p, _)| starts(&words, i, p)) else {
                continue;
            };
            matched = true;
            let window = i.saturating_sub(4);
            let negated = cb.polarity.negations.find_marked(words, marks, window, i);
            let before_against = cb.polarity.disagree.find_marked(words, marks, i.saturating_sub(3), i);
            let before_for = cb.polarity.agree.find_marked(words, marks, i.saturating_sub(3), i);
            let mut why = vec![p.join(" ")];
            let mut sign = match stated {
                Some(s) => s.sign(),
                None => {
                    // a plain mention takes its side from the words around it or the cue
                    if let Some(w) = before_against.clone().or(cue_against.clone()) {
                        why.insert(0, w);
                        -1
                    } else if let Some(w) = before_for.clone().or(cue_for.clone()) {
                        why.insert(0, w);
                        1
                    } else {
                        0
                    }
                }
            };
            if stated.is_some() {
                // "warned against peace at any price", "not … pre-2014 borders"
                if let Some(w) = negated.clone().or(before_against.clone()).or(cue_against.clone()) {
                    why.insert(0, w);
                    sign = -sign;
                }
            } else if let Some(n) = negated {
                if sign != 0 {
                    why.insert(0, n);
                    sign = -sign;
                }
            }
            total += sign;
            evidence.push(why.join(" … "));
            free = i + p.len();
        }
        if matched {
            let stance = match total.signum() {
                1 => Stance::Agree,
                -1 => Stance::Disagree,
                _ => Stance::Neutral,
            };
            evidence.dedup();
            out.push(Code { concept: format!("concept:{}", c.id), stance, evidence: evidence.join("; ") });
        }
    }
    out
}

/// The words that end `frame` (a sentence before its statement's cue: "Mr Brown slaps that
/// aside,") and turn down what was said before ("slaps that aside", "denied the claims"), if any.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert_eq!(quotegraph::code::rebuttal_in("Mr Brown slaps that aside,", &cb).as_deref(), Some("slaps that aside"));
/// assert_eq!(quotegraph::code::rebuttal_in("Mr Brown denied wrongdoing,", &cb), None);
/// assert_eq!(quotegraph::code::rebuttal_in("Mr Brown denied that the deficit had grown, and", &cb), None);
/// ```
pub fn rebuttal_in(frame: &str, cb: &Codebook) -> Option<String> {
    let lower = frame.to_lowercase();
    let words = crate::segment::words_of(&lower);
    let p = &cb.polarity;
    (0..words.len()).find_map(|i| {
        let (_, n) = p.rebuts.span_in(&words, i, i + 1)?;
        let j = i + n;
        let object = if p.back_references.starts_at(&words, j) {
            1
        } else if (p.claim_openers.starts_at(&words, j) || words.get(j) == Some(&"the")) && p.claims.starts_at(&words, j + 1) {
            2
        } else {
            return None;
        };
        // "slaps that aside", "brushed the claims off"
        let particle = words.get(j + object).is_some_and(|w| matches!(*w, "aside" | "off" | "away" | "down"));
        let end = j + object + usize::from(particle);
        // the object ends the words before the cue ("denied it, saying"): "denied that he …"
        // and "disputed the claim that …" turn down what follows, not what was said before
        (end == words.len()).then(|| words[i..end].join(" "))
    })
}

/// The words before the first modal of `admonitions` in `content` that opens no clause of its
/// own ("The Tories should have the courage …" → "The Tories"): who the statement tells what to
/// do. The words run back to the nearest clause break and are at most five; none when the modal
/// opens the statement, a relative word or a conditional comes before it ("people who should",
/// "if Labour must"), or they are "we", "I" or "you" (the speaker's own side or the listener).
/// With the words comes whether "be" follows the modal ("should be congratulated"): then the
/// statement may judge the actor rather than tell them what to do.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert_eq!(quotegraph::code::admonished("the Greens must resign now", &cb), Some(("the Greens", false)));
/// assert_eq!(quotegraph::code::admonished("We should act", &cb), None);
/// ```
pub fn admonished<'t>(content: &'t str, cb: &Codebook) -> Option<(&'t str, bool)> {
    let p = &cb.polarity.admonitions;
    let lower = content.to_lowercase();
    if !p.may_occur_in(&lower) {
        return None;
    }
    let words = crate::segment::words_of(content);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let (m, len) = p.span_in(&lower, 0, lower.len())?;
    let at = |k: usize| words[k].as_ptr() as usize - content.as_ptr() as usize;
    let clause = content[..at(m)].rfind([',', ';', ':', '.', '!', '?', '"', '“', '”', '(', ')', '-', '–']);
    let from = clause.map_or(0, |b| b + content[b..].chars().next().map_or(1, char::len_utf8));
    let head = content[from..at(m)].trim();
    let n = words[..m].iter().filter(|w| at_least(content, w, from)).count();
    let opener =
        |w: &String| matches!(w.as_str(), "who" | "which" | "that" | "if" | "unless" | "whether" | "when" | "what" | "we" | "i" | "you");
    let last = lower[..m].last()?;
    if head.is_empty() || n > 5 || lower[m - n..m].iter().any(opener) || matches!(last.as_str(), "we" | "i" | "you") {
        return None;
    }
    Some((head, lower.get(m + len).is_some_and(|w| w == "be")))
}

/// True when word `w` (a slice of `text`) starts at or after byte `from`.
fn at_least(text: &str, w: &str, from: usize) -> bool {
    w.as_ptr() as usize - text.as_ptr() as usize >= from
}

/// True when `content` refers back to a plan named before ("the plan was dangerous", "these
/// proposals"): [`StatementWords::refers_to_a_plan`] on its words.
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert!(quotegraph::code::refers_to_a_plan("the new plan was dangerous", &cb));
/// assert!(!quotegraph::code::refers_to_a_plan("a plan would help", &cb));
/// ```
pub fn refers_to_a_plan(content: &str, cb: &Codebook) -> bool {
    Lowered::new(content, None).words(cb).refers_to_a_plan(cb)
}

/// Codes for a statement that names no concept but refers back to a plan ("the scheme is
/// deeply flawed"): the concepts of the sentence that last mentioned a plan in `before` (the
/// document's text before the statement's sentence), taking their side from the statement's
/// own words: against when it turns the plan down or calls it names, for when it backs or
/// praises it. Empty when the statement is no such reference, takes no side (a plan merely
/// mentioned says nothing about its topic), or no plan sentence names a concept.
///
/// ```
/// use quotegraph::{code::{plan_codes, Codebook}, model::Stance};
/// let cb = Codebook::default_codebook();
/// let before = "Ministers unveiled plans to cut the budget deficit. ";
/// let codes = plan_codes("the scheme is flawed", None, before, &cb);
/// assert_eq!((codes[0].concept.as_str(), codes[0].stance), ("concept:economy", Stance::Disagree));
/// assert!(plan_codes("a scheme could work", None, before, &cb).is_empty());
/// ```
pub fn plan_codes(content: &str, cue: Option<&str>, before: &str, cb: &Codebook) -> Vec<Code> {
    let lowered = Lowered::new(content, cue);
    let w = lowered.words(cb);
    if !w.refers_to_a_plan(cb) {
        return Vec::new();
    }
    referred_plan_codes(&w, before, cb)
}

/// [`plan_codes`] for the words of a statement that refers to a plan
/// ([`StatementWords::refers_to_a_plan`]).
pub fn referred_plan_codes(w: &StatementWords<'_>, before: &str, cb: &Codebook) -> Vec<Code> {
    let p = &cb.polarity;
    let (own, cue_words) = (&w.words, &w.cue);
    // the statement's own side
    // (a word of the list in the cue or the words, the words' own turned round by a negation
    // among the three words before it: "would not back the plans"; a modal tells someone what
    // to do, it backs nothing: "suggest chief constables should be told …")
    let side = |lists: [&Phrases; 2]| -> Option<(String, bool)> {
        if let Some(w) = lists[0].find_in(&cue_words, 0, cue_words.len()) {
            return Some((w, false));
        }
        let found = |l: &Phrases| (0..own.len()).filter(|&i| !p.admonitions.starts_at(&own, i)).find_map(|i| l.span_in(&own, i, i + 1));
        lists.iter().find_map(|l| found(l)).map(|(i, n)| {
            let negated = p.negations.find_in(&own, i.saturating_sub(3), i);
            let w = own[i..i + n].join(" ");
            match negated {
                Some(neg) => (format!("{neg} … {w}"), true),
                None => (w, false),
            }
        })
    };
    let (stance, why) = match (side([&p.disagree, &p.negative]), side([&p.agree, &p.positive])) {
        (Some((w, false)), _) | (None, Some((w, true))) => (Stance::Disagree, w),
        (Some((w, true)), _) | (None, Some((w, false))) => (Stance::Agree, w),
        (None, None) => return Vec::new(),
    };
    // the statement's plan noun, then the last plan noun before it and the sentence around that
    let Some(mine) = (0..own.len()).find(|&j| p.plans.starts_at(&own, j)).map(|j| own[j]) else {
        return Vec::new();
    };
    let lower = before.to_lowercase();
    let words = crate::segment::words_of(&lower);
    let Some(j) = (0..words.len()).rev().find(|&j| p.plans.starts_at(&words, j)) else {
        return Vec::new();
    };
    let at = words[j].as_ptr() as usize - lower.as_ptr() as usize;
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = lower[..at].rfind(is_end).map_or(0, |k| k + 1);
    let end = lower[at..].find(is_end).map_or(lower.len(), |k| at + k);
    // (the lower-cased copy: its offsets are not the original's)
    let mut codes = code(&lower[start..end], None, cb);
    for c in &mut codes {
        c.stance = stance;
        c.evidence = format!("{why} … the {mine} → {} ({})", words[j], c.evidence);
    }
    codes
}

/// The plans `text` gives an owner, in text order: (byte offset of the plan noun, the
/// organizations that own it). The owner is named just before the noun ("Tory plans",
/// "Labour's tax proposals") or after it by "by" ("plans unveiled by the Conservatives").
///
/// ```
/// let (lex, cb) = (quotegraph::lexicon::Lexicon::default_lexicon(), quotegraph::code::Codebook::default_codebook());
/// let found = quotegraph::code::plan_owners("New plans were unveiled by the Conservatives. The plan is bold.", &lex, &cb);
/// assert_eq!(found, vec![(4, vec!["Conservative Party".to_string()])]);
/// ```
pub fn plan_owners(text: &str, lex: &crate::lexicon::Lexicon, cb: &Codebook) -> Vec<(usize, Vec<String>)> {
    let words = crate::segment::words_of(text);
    // (a whole document's words: most are lower case already, and are borrowed, not copied)
    let lower: Vec<std::borrow::Cow<str>> = words
        .iter()
        .map(|w| if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { (*w).into() } else { w.to_lowercase().into() })
        .collect();
    let at = |k: usize| words[k].as_ptr() as usize - text.as_ptr() as usize;
    // the words of `text[from..to]` after its last clause break, or before its first
    let clause = |from: usize, to: usize, after_last: bool| {
        let piece = &text[from..to];
        let breaks = |c: char| matches!(c, '.' | ';' | ':' | '!' | '?' | ',' | '“' | '”' | '"' | '(' | ')');
        // (split, not find and slice: the curly marks are three bytes long)
        if after_last { piece.rsplit(breaks).next() } else { piece.split(breaks).next() }.unwrap_or(piece)
    };
    let p = &cb.polarity;
    let mut out = Vec::new();
    for j in (0..words.len()).filter(|&j| p.plans.starts_at(&lower, j)) {
        let mut owners = Vec::new();
        if j > 0 {
            owners = lex.organizations_in(clause(at(j.saturating_sub(3)), at(j), true));
        }
        if owners.is_empty() {
            // "plans unveiled by", "plans were unveiled by"
            let passive = lower.get(j + 1).is_some_and(|w| matches!(w.as_ref(), "were" | "was" | "are" | "is" | "being" | "been"));
            if let Some((b, n)) = p.authored_by.span_in(&lower, j + 1, j + 2 + usize::from(passive)) {
                let (from, to) = (b + n, (b + n + 5).min(words.len()));
                if from < to {
                    owners = lex.organizations_in(clause(at(from), at(to - 1) + words[to - 1].len(), false));
                }
            }
        }
        if !owners.is_empty() {
            out.push((at(j), owners));
        }
    }
    out
}

/// The contrast marker that opens `sentence` or joins its clauses, if any ("Meanwhile", "while").
///
/// ```
/// let cb = quotegraph::code::Codebook::default_codebook();
/// assert_eq!(quotegraph::code::contrast_marker("Meanwhile, Moscow said no.", &cb).as_deref(), Some("meanwhile"));
/// assert_eq!(quotegraph::code::contrast_marker("Moscow said no.", &cb), None);
/// ```
pub fn contrast_marker(sentence: &str, cb: &Codebook) -> Option<String> {
    // only the opening words can match: lower-case and tokenize no further than the longest
    // marker needs (a piece between spaces with a letter or digit in it holds at least one word)
    let longest = cb.polarity.contrast.iter().map(Vec::len).max().unwrap_or(0);
    let opening = sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(longest + 1)
        .last()
        .map_or(0, |w| w.as_ptr() as usize - sentence.as_ptr() as usize + w.len());
    let head = sentence[..opening].to_lowercase();
    let words = crate::segment::words_of(&head);
    if let Some(m) = cb.polarity.contrast.iter().find(|p| starts(&words, 0, p)) {
        return Some(m.join(" "));
    }
    // a clause joined by "while" / "whereas" / "but" after a comma (", but", ",” but")
    if !sentence.contains(',') {
        return None;
    }
    // (what follows each comma, found once for every marker)
    let after_commas: Vec<&[u8]> = sentence
        .match_indices(',')
        .filter_map(|(i, _)| {
            let rest = &sentence[i + 1..];
            rest.strip_prefix(['”', '"']).unwrap_or(rest).strip_prefix(' ').map(str::as_bytes)
        })
        .collect();
    cb.polarity
        .contrast
        .iter()
        .filter(|p| p.len() == 1 && matches!(p[0].as_str(), "while" | "whereas" | "but" | "however" | "yet"))
        .find(|p| after_commas.iter().any(|rest| rest.get(..p[0].len()).is_some_and(|r| r.eq_ignore_ascii_case(p[0].as_bytes()))))
        .map(|p| p.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Codebook {
        Codebook::parse(include_str!("../../data/codebooks/istanbul-talks.toml")).unwrap_or_else(|e| panic!("{e}"))
    }

    fn stance(content: &str, cue: Option<&str>, concept: &str) -> Option<Stance> {
        code(content, cue, &example()).into_iter().find(|c| c.concept == format!("concept:{concept}")).map(|c| c.stance)
    }

    #[test]
    fn agree_and_disagree_phrases() {
        assert_eq!(
            stance("Any settlement must begin with Russia withdrawing to pre-2014 borders.", Some("stating"), "territory"),
            Some(Stance::Agree)
        );
        assert_eq!(
            stance("Moscow seeks legal guarantees protecting Russian-speaking populations", Some("told reporters"), "territory"),
            Some(Stance::Disagree)
        );
    }

    #[test]
    fn a_cue_against_turns_the_phrase_round() {
        assert_eq!(stance("peace at any price,", Some("warned against"), "talks-now"), Some(Stance::Disagree));
        assert_eq!(stance("a necessary step,", Some("called"), "talks-now"), Some(Stance::Agree));
    }

    #[test]
    fn a_negation_turns_the_phrase_round() {
        assert_eq!(stance("Neither side can achieve total victory through arms alone,", None, "talks-now"), Some(Stance::Agree));
        assert_eq!(
            stance("We are looking at incremental progress rather than grand bargains.", None, "breakthrough"),
            Some(Stance::Disagree)
        );
    }

    #[test]
    fn plain_mentions_take_their_side_from_polarity_words() {
        let cb = Codebook::default_codebook();
        let c = code("we oppose new taxes", Some("said"), &cb);
        assert_eq!(c[0].stance, Stance::Disagree);
        assert!(c[0].evidence.contains("oppose"), "{}", c[0].evidence);
        assert_eq!(code("the economy grew", Some("said"), &cb)[0].stance, Stance::Neutral);
        assert!(code("the weather was fine", Some("said"), &cb).is_empty());
    }

    #[test]
    fn a_plan_referred_back_to_takes_the_concepts_of_the_sentence_that_named_it() {
        let cb = Codebook::default_codebook();
        let before = "The council backed plans to build a new hospital. The vote was close. ";
        let codes = plan_codes("the scheme is a waste of money", Some("said"), before, &cb);
        assert_eq!(codes.len(), 1);
        assert_eq!((codes[0].concept.as_str(), codes[0].stance), ("concept:health", Stance::Disagree));
        assert_eq!(codes[0].evidence, "waste … the scheme → plans (hospital)");
        assert_eq!(plan_codes("the scheme deserves support", None, before, &cb)[0].stance, Stance::Agree);
        let not_back = plan_codes("he would not back the plans", None, before, &cb);
        assert_eq!((not_back[0].stance, not_back[0].evidence.as_str()), (Stance::Disagree, "not … back … the plans → plans (hospital)"));
        // a plan merely mentioned takes no side; no plan before, nothing to refer to
        assert!(plan_codes("the scheme was discussed", None, before, &cb).is_empty());
        assert!(plan_codes("the plans suggest that doctors should be told what to do", None, before, &cb).is_empty());
        assert!(plan_codes("the scheme is a waste", None, "The vote was close. ", &cb).is_empty());
    }

    #[test]
    fn a_plan_takes_its_owner_from_the_words_around_it() {
        let (lex, cb) = (crate::lexicon::Lexicon::default_lexicon(), Codebook::default_codebook());
        let text = "Labour's housing plans were praised. Tom Hale called the proposals that were unveiled by the Republicans a mistake. \
                    The plans were drawn up by the Republicans.";
        let owners: Vec<Vec<String>> = plan_owners(text, &lex, &cb).into_iter().map(|(_, o)| o).collect();
        assert_eq!(owners, vec![vec!["Labour Party".to_string()], vec!["Republican Party".to_string()]]);
        // a name in the sentence before is no owner
        assert!(plan_owners("He met the Republicans. Plans were made.", &lex, &cb).is_empty());
        // a curly quotation mark, three bytes long, just before the plan noun
        assert!(plan_owners("He was “encouraged” by the plan", &lex, &cb).is_empty());
        assert!(refers_to_a_plan("these proposals would fail", &cb));
        assert!(!refers_to_a_plan("the scheming would fail", &cb));
    }

    #[test]
    fn a_modal_after_an_actor_tells_them_what_to_do() {
        let cb = Codebook::default_codebook();
        assert_eq!(admonished("The Greens should have the courage to say so.", &cb), Some(("The Greens", false)));
        assert_eq!(admonished("in short, the council must not wait", &cb), Some(("the council", false)));
        assert_eq!(admonished("the mayor should be thanked", &cb), Some(("the mayor", true)));
        // the speaker's own side, a relative clause, a condition, a modal with nothing before it
        assert_eq!(admonished("we must act", &cb), None);
        assert_eq!(admonished("voters who should know better", &cb), None);
        assert_eq!(admonished("if the council must act", &cb), None);
        assert_eq!(admonished("Should the council act?", &cb), None);
        assert_eq!(admonished("the new chairman of the city transport board and the council should act", &cb), None);
        assert_eq!(admonished("the council will act", &cb), None);
    }

    #[test]
    fn marked_words_find_what_every_list_finds_by_looking_them_up() {
        let cb = Codebook::default_codebook();
        let p = &cb.polarity;
        let lists = [&p.negations, &p.disagree, &p.agree, &p.negative, &p.positive, &p.some_of, &p.plans, &p.plan_openers, &p.admonitions];
        for text in
            ["Some senior Tories said the plans should not be backed: a shambles", "we oppose new taxes", "the scheme was exceptional"]
        {
            let lowered = Lowered::new(text, Some("warned against"));
            let w = lowered.words(&cb);
            for list in lists {
                for from in 0..w.words.len() {
                    assert_eq!(list.span_marked(&w.words, &w.marks, from, w.words.len()), list.span_in(&w.words, from, w.words.len()));
                }
                assert_eq!(list.span_marked(&w.cue, &w.cue_marks, 0, w.cue.len()), list.span_in(&w.cue, 0, w.cue.len()));
            }
            assert_eq!(w.refers_to_a_plan(&cb), refers_to_a_plan(text, &cb));
        }
    }

    #[test]
    fn a_bad_codebook_names_the_problem() {
        assert!(Codebook::parse("[[concept]]\nid = \"a\"\n[[concept]]\nid = \"a\"\n").unwrap_err().contains("twice"));
        assert!(Codebook::parse("[[concept]]\nid = \"a\"\nparent = \"b\"\n").unwrap_err().contains("parent"));
        assert!(Codebook::parse("[[concept]\n").unwrap_err().starts_with("line 1"));
    }
}
