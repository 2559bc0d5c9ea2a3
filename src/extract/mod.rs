//! Stage 3, extract: a [`Segmented`] document → [`Attribution`]s with their
//! content, kind, cue and speaker *mention* (who the mention is comes in
//! [`crate::resolve`]).
//!
//! The extractor works sentence by sentence. It finds cues (speech verbs and
//! phrases from the lexicon) outside quotation marks, finds each cue's speaker
//! mention (the subject before it, the inverted subject after it, or the noun
//! phrase after "according to"), then gives each quotation in the sentence to
//! the cue that governs it. Cues that govern no quotation report indirect
//! speech. A sentence that is nothing but a quotation continues the speaker
//! before it; a quotation in a sentence with no cue is a scare quote and
//! nobody's statement.

/// Defines a list of words and a test of membership in it. The test is a `match`: a few
/// compares by length and bytes, where `contains` on the list compares the word with every
/// entry in turn (these tests run for most tokens of every sentence).
macro_rules! words {
    ($(#[$doc:meta])* $vis:vis $list:ident, $test:ident = [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        #[allow(dead_code)]
        $vis const $list: &[&str] = &[$($w),*];
        #[doc = concat!("True when `w` is one of [`", stringify!($list), "`].")]
        #[allow(dead_code)]
        #[inline]
        $vis fn $test(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
    };
}

mod np;

use crate::lexicon::Lexicon;
use crate::model::{Attribution, Mention, MentionKind, QuoteKind, Span, Speaker};
use crate::segment::{Segmented, TokKind};

use np::is_object_pronoun;
pub use np::{OBJECT_PRONOUNS, PRONOUNS};

/// The class of a cue, which decides what it may introduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    /// say, tell, warn, …: quotes and reported clauses.
    Speech,
    /// think, believe, hope, …: reported clauses introduced by "that".
    Belief,
    /// show, find, …: clauses introduced by "that", from data and documents.
    Evidence,
    /// "according to X", "per X": the source follows.
    Source,
}

#[derive(Debug, Clone)]
struct Cue {
    /// First and one-past-last token of the cue words.
    start: usize,
    end: usize,
    class: CueClass,
    mention: Option<Mention>,
    /// Where the speaker mention (with any apposition) lies: before or after the cue.
    speaker_after: bool,
    /// Token range the speaker phrase covers, apposition included.
    speaker_tokens: (usize, usize),
}

/// Extracts every attribution from a segmented document, in text order.
///
/// ```
/// use quotegraph::{lexicon::Lexicon, model::Document, segment::segment, extract::extract};
/// let lex = Lexicon::default_lexicon();
/// let doc = Document::new("d", "“We will win,” said Jane Doe. Officials said the vote was fair.");
/// let seg = segment(&doc, &lex);
/// let found = extract(&seg, &lex);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].content.of(&doc.text), "We will win,");
/// assert_eq!(found[1].content.of(&doc.text), "the vote was fair");
/// ```
pub fn extract(seg: &Segmented, lex: &Lexicon) -> Vec<Attribution> {
    let words = Words::of(seg);
    let mut x =
        Extractor { seg, lex, words: &words, out: Vec::new(), pending_colon: None, last_cue: None, mid_caps: std::cell::OnceCell::new() };
    for si in 0..seg.sentences.len() {
        x.sentence(si);
    }
    // text order, without empty content (an empty pair of marks says nothing); continuation
    // links are indices, so re-point them after sorting
    let mut order: Vec<usize> = (0..x.out.len()).filter(|&i| !x.out[i].content.is_empty()).collect();
    order.sort_by_key(|&i| (x.out[i].content.start, x.out[i].content.end));
    let mut new_index = vec![None; x.out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = Some(new);
    }
    let mut out: Vec<Attribution> = order.iter().map(|&i| x.out[i].clone()).collect();
    for a in out.iter_mut() {
        a.continues = a.continues.and_then(|k| new_index[k]);
    }
    out
}

/// Every token's text, as written and lower-cased, sliced once per document, and whether it is
/// a word outside quotation marks.
///
/// Why: the rules ask for the words of the same tokens again and again (the cue search, the
/// speaker search from several cues, the clause scans); slicing the text anew each time costs a
/// bounds check and two character-boundary checks a question, a slice taken here costs a load.
/// Likewise "a word of the frame?" is asked of nearly every token the rules look at, and one byte
/// answers it where the token and its quote would be two loads from two tables.
struct Words<'s> {
    text: Vec<&'s str>,
    low: Vec<&'s str>,
    frame_word: Vec<bool>,
}

impl<'s> Words<'s> {
    fn of(seg: &'s Segmented) -> Self {
        let (text, lower) = (seg.doc.text.as_str(), seg.lower.as_str());
        Words {
            text: seg.tokens.iter().map(|t| t.span.of(text)).collect(),
            low: seg.tokens.iter().map(|t| t.span.of(lower)).collect(),
            frame_word: seg.tokens.iter().zip(&seg.in_quote).map(|(t, q)| q.is_none() && t.kind == TokKind::Word).collect(),
        }
    }
}

struct Extractor<'s, 'a> {
    seg: &'s Segmented<'a>,
    lex: &'s Lexicon,
    words: &'s Words<'s>,
    out: Vec<Attribution>,
    /// A cue with a speaker that ended its sentence with a colon and no content:
    /// the quote that follows is its content.
    pending_colon: Option<(Cue, usize)>,
    /// The last speech cue with a speaker, its paragraph and its sentence: a quotation
    /// standing alone after "X criticised the plan." is X's.
    last_cue: Option<(Cue, usize, Span)>,
    /// Capitalized words that stand inside a sentence of the text (after another word), worked
    /// out once and only when a headline label asks.
    mid_caps: std::cell::OnceCell<std::collections::HashSet<&'s str>>,
}

words! {
    /// Words that end a clause when they follow a comma.
    CLAUSE_BREAKS, is_clause_break = [
        "while", "whereas", "but", "although", "though", "citing", "adding", "saying", "noting", "arguing", "insisting", "according",
        "as", "because", "since", "despite", "even", "warning", "calling", "stressing", "with", "meanwhile", "however"
    ]
}
words! {
    /// Words that open a subordinate clause ahead of the main clause.
    SUBORDINATORS, is_subordinator = [
        "while", "whereas", "although", "though", "as", "when", "after", "before", "if", "since", "because", "once", "unless",
        "until", "even", "despite", "amid", "with"
    ]
}
words! {
    /// Words skipped between a speaker and a cue ("he also said", "she has long argued").
    BETWEEN, is_between = [
        "also", "has", "had", "have", "was", "is", "were", "are", "will", "would", "later", "then", "once", "again", "previously",
        "recently", "repeatedly", "reportedly", "publicly", "privately", "long", "often", "always", "never", "already", "first",
        "further", "quickly", "simply", "flatly", "bluntly", "angrily", "firmly", "openly", "separately", "initially", "subsequently",
        "frequently", "earlier", "last", "both", "all", "himself", "herself", "themselves", "even", "still", "now", "just", "could",
        "can", "may", "might", "should", "must"
    ]
}
words! {
    /// Time words that may sit between a cue and its content ("said on Monday that").
    TIME_WORDS, is_time_word = [
        "yesterday", "today", "tonight", "earlier", "later", "recently", "also", "again", "previously", "privately", "publicly",
        "repeatedly", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "this", "week", "month",
        "year", "night", "morning", "afternoon", "evening", "weekend", "then", "now", "once", "flatly", "simply", "bluntly", "firmly",
        "quietly", "openly", "explicitly", "clearly"
    ]
}
words! {
    /// Words that open or carry a clause of their own: a phrase containing one is no mere modifier.
    CLAUSE_WORDS, is_clause_word = [
        "that", "which", "who", "and", "but", "or", "is", "was", "are", "were", "has", "have", "had", "will", "would", "said", "says"
    ]
}
words! {
    /// Closed-class words that never stand in a bare speaker phrase.
    FUNCTION_WORDS, is_function_word = [
        "the", "a", "an", "and", "or", "but", "if", "that", "which", "who", "what", "when", "where", "why", "how", "it", "is", "was",
        "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "could", "should", "may", "might",
        "must", "can", "not", "he", "she", "they", "we", "i", "you", "this", "these", "those", "there", "as", "to", "by", "with",
        "from", "on", "at", "in", "for", "of", "than", "then", "so", "also"
    ]
}
words! {
    /// Words after which a cue word is a noun ("the report", "his claims", "their plans").
    NOUN_DETERMINERS, is_noun_determiner = [
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "these"
    ]
}
words! {
    /// Auxiliaries and modals: after a cue they open a clause whose subject is elsewhere.
    /// Auxiliaries and forms of "be": one after a noun phrase makes a clause of it.
    pub(crate) AUXILIARIES, is_auxiliary = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should",
        "must"
    ]
}
words! {
    PREPOSITIONS, is_preposition = [
        "in", "on", "at", "during", "after", "before", "to", "with", "via", "through", "from", "over", "for", "by"
    ]
}

impl<'s, 'a> Extractor<'s, 'a> {
    fn text(&self, i: usize) -> &'s str {
        self.words.text[i]
    }
    fn low(&self, i: usize) -> &'s str {
        self.words.low[i]
    }
    fn frame(&self, i: usize) -> bool {
        self.seg.in_quote[i].is_none()
    }
    fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokKind::Word
    }
    fn fw(&self, i: usize) -> bool {
        self.words.frame_word[i]
    }
    /// True when `w` (lower case) is a verb of speech, belief or evidence in the lexicon.
    /// True for a form of "say" or "tell" at token `k`: the plainest verbs of saying, after
    /// which a bare noun phrase before them is taken for the speaker.
    fn say_verb(&self, k: usize) -> bool {
        matches!(self.low(k), "said" | "say" | "says" | "told" | "tell" | "tells")
    }

    /// True when the word before token `k` counts or determines it, so that a cue word at `k`
    /// is a noun ("five states", "the claims", "many reports").
    fn determined(&self, k: usize) -> bool {
        k > 0 && self.fw(k - 1) && {
            let w = self.low(k - 1);
            np::is_number_word(w)
                || w.bytes().all(|b| b.is_ascii_digit())
                || is_noun_determiner(w)
                || matches!(w, "all" | "both" | "those" | "many" | "most" | "several" | "other" | "some" | "few")
        }
    }

    /// True for an adverb in "-ly" ("recently", "reportedly"), not a noun such as "rally".
    fn adverb(&self, w: &str) -> bool {
        w.ends_with("ly") && !self.lex.ly_nouns.contains(w)
    }
    fn cue_word(&self, w: &str) -> bool {
        self.lex.speech.contains(w) || self.lex.belief.contains(w) || self.lex.evidence.contains(w)
    }
    /// True for a dash between words: an em dash, or an en dash or hyphen with a space on one
    /// side at least ("--" is two tokens; "55%-41%" holds no dash).
    fn is_dash(&self, i: usize) -> bool {
        let t = &self.seg.tokens[i];
        let spaced = || {
            let b = self.seg.doc.text.as_bytes();
            t.span.start == 0 || b[t.span.start - 1].is_ascii_whitespace() || b.get(t.span.end).is_none_or(|c| c.is_ascii_whitespace())
        };
        t.kind == TokKind::Punct && (self.text(i) == "—" || matches!(self.text(i), "–" | "-") && spaced())
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        self.seg.tokens[i].kind == TokKind::Punct && self.text(i) == p
    }
    fn np(&self) -> np::NpParser<'_, 'a> {
        np::NpParser { seg: self.seg, lex: self.lex, words: self.words }
    }

    /// The token of the passive auxiliary before a cue ("were denied", "was strongly
    /// criticised"), when the cue is a past participle after one.
    fn passive_aux(&self, cue: &Cue, lo: usize) -> Option<usize> {
        let w = self.low(cue.start);
        if cue.end != cue.start + 1 || !(w.ends_with("ed") || w.ends_with("en") || self.lex.irregular_participles.contains(w)) {
            return None;
        }
        let mut k = cue.start;
        while k > lo
            && self.fw(k - 1)
            && matches!(self.low(k - 1), "also" | "strongly" | "flatly" | "swiftly" | "widely" | "later" | "since")
        {
            k -= 1;
        }
        // ("I'm told", "they’re said to": a contracted "am" or "are"; "he's told" may be "has")
        let contracted = |w: &str| np::contracted_pronoun(w).is_some() && (w.ends_with('m') || w.ends_with("re"));
        (k > lo
            && self.fw(k - 1)
            && (matches!(self.low(k - 1), "was" | "were" | "is" | "are" | "been" | "being" | "be") || contracted(self.low(k - 1))))
        .then(|| k - 1)
    }

    /// Matches a cue starting at token `i` of the sentence `[lo, hi)`; returns (end, class).
    fn cue_at(&self, i: usize, lo: usize, hi: usize) -> Option<(usize, CueClass)> {
        if !self.fw(i) {
            return None;
        }
        let w = self.low(i);
        // one lookup rules out almost every token (and the word's shape most of them before it)
        if !self.lex.cue_start_shapes.may_contain(w) {
            return None;
        }
        let start = self.lex.cue_starts.get(w)?;
        // "the United States", "Reports Without Borders": a capitalized word inside a name is no cue
        // (the word before must be in the same sentence: a headline ends with no full stop)
        if self.seg.tokens[i].cap
            && i > lo
            && self.fw(i - 1)
            && self.seg.tokens[i - 1].cap
            && !self.lex.honorifics.contains(self.text(i - 1))
        {
            // (in a headline set in title case: in running text, "the Y Vote Mock Elections", the
            // capitals make a name)
            let title_case = i + 1 < hi && self.fw(i + 1) && self.seg.tokens[i + 1].cap && self.headline(lo, hi);
            // "…, Trevor Noah Says.": a headline's cue closing it after a comma and a name
            let closing = (i + 1 >= hi || i + 2 == hi && matches!(self.text(i + 1), "." | "!" | "?"))
                && (i.saturating_sub(5).max(lo)..i)
                    .rev()
                    .find(|&k| !(self.fw(k) && self.seg.tokens[k].cap))
                    .is_some_and(|k| self.punct(k, ","));
            if !(title_case || closing) || self.lex.lookup(&format!("{} {}", self.text(i - 1), self.text(i))).is_some() {
                return None;
            }
        }
        if let Some(end) = self.source_from(i, hi, Some(start)) {
            return Some((end, CueClass::Source));
        }
        // "Trump said, and I quote, “…”": the writer's aside vouches for the words, it reports none
        if i > lo && self.interjection(i - 1, hi).is_some() {
            return None;
        }
        // verb phrases ("pointed out", "warned against") are cues; other phrases only frame them
        let phrase = self.phrase_at(i, hi, &start.phrases, &self.lex.phrases);
        if let Some(p) = phrase {
            let framing = is_preposition(p[0].as_str())
                || matches!(
                    p[0].as_str(),
                    "as" | "who" | "it" | "is" | "are" | "was" | "were" | "off" | "speaking" | "reportedly" | "allegedly"
                );
            if !framing {
                return Some((i + p.len(), CueClass::Speech));
            }
        }
        // "“…,” smiles one broker", "“…,” one sign read": a verb of manner right after a quotation
        // and its comma, or after it and a short subject
        // (asked only of a verb of manner, and the marks before the words: it looks words up)
        let after_quote = || {
            (i.saturating_sub(4).max(lo)..i).rev().find(|&k| !self.fw(k)).is_some_and(|k| {
                let close = |k: usize| matches!(self.seg.tokens[k].kind, TokKind::Close(_));
                (close(k) || k > lo && self.punct(k, ",") && close(k - 1)) && (k + 1..i).all(|w| !self.cue_word(self.low(w)))
            })
        };
        // "Michael Raftery, project manager at …", "the campaign director": a plain form after a
        // comma or a determiner and before a role in lower case is a noun modifying it (not a past
        // or a participle: "…,” said chief executive Ann Lee")
        let plain = !(w.ends_with("ed") || w.ends_with('s') || w.ends_with("ing") || self.lex.irregular_participles.contains(w));
        let opens_phrase = i > lo && (self.punct(i - 1, ",") || self.fw(i - 1) && is_noun_determiner(self.low(i - 1)));
        if plain && opens_phrase && i + 1 < hi && self.fw(i + 1) && !self.seg.tokens[i + 1].cap && self.lex.is_role(self.low(i + 1)) {
            return None;
        }
        if start.speech || start.manner && after_quote() {
            Some((i + 1, CueClass::Speech))
        } else if start.belief {
            Some((i + 1, CueClass::Belief))
        } else if start.evidence {
            Some((i + 1, CueClass::Evidence))
        } else if start.as_view && self.view_as(i + 1, hi).is_some() {
            Some((i + 1, CueClass::Belief))
        } else {
            None
        }
    }

    /// The token after a writer's aside "(and) I quote" opening at `i` and closed by a comma or
    /// colon (", and I quote, “…”"), if one opens there.
    fn interjection(&self, i: usize, hi: usize) -> Option<usize> {
        let i = if self.fw(i) && self.low(i) == "and" { i + 1 } else { i };
        let quote = i + 2 < hi && self.fw(i) && self.low(i) == "i" && self.fw(i + 1) && self.low(i + 1) == "quote";
        (quote && (self.punct(i + 2, ",") || self.punct(i + 2, ":"))).then_some(i + 3)
    }

    /// The end of the source phrase ("according to", "in the words of") that opens at token `i`.
    fn source_at(&self, i: usize, hi: usize) -> Option<usize> {
        self.source_from(i, hi, self.lex.cue_starts.get(self.low(i)))
    }

    /// [`Extractor::source_at`] with the lexicon's entry for token `i`'s word already looked up.
    fn source_from(&self, i: usize, hi: usize, start: Option<&crate::lexicon::CueStart>) -> Option<usize> {
        start
            .and_then(|s| self.phrase_at(i, hi, &s.sources, &self.lex.sources))
            .map(|p| i + p.len())
            .or_else(|| self.poll_opening(i, hi).then_some(i + 1))
    }

    /// Whether token `i` is the "In" opening a sentence with a poll and a comma, the poll then
    /// the source of the clause after the comma ("In a Fox News poll released Monday, Clinton
    /// led by six points"). The poll must head the phrase ("In eight states where exit polls
    /// were taken, …" is no poll's finding).
    fn poll_opening(&self, i: usize, hi: usize) -> bool {
        if !(self.fw(i) && self.seg.tokens[i].cap && self.low(i) == "in" && i + 1 < hi) {
            return false;
        }
        // the poll word within a few words, after determiners, modifiers and names only
        let Some(head) = (i + 1..hi.min(i + 10))
            .take_while(|&k| {
                let w = self.low(k);
                self.fw(k) && (!is_function_word(w) || is_noun_determiner(w)) || matches!(w, "/" | "-" | "’s" | "'s" | "’" | "'")
            })
            .find(|&k| self.fw(k) && self.lex.polls.contains(self.low(k)))
        else {
            return false;
        };
        // then its qualifiers in plain words up to the comma ("released Monday", "conducted by …")
        (head + 1..hi.min(i + 25)).find(|&k| !self.fw(k)).is_some_and(|k| self.punct(k, ","))
    }

    /// The first of the phrases `ix` points to in `phrases` (those whose first word is token
    /// `i`'s) that the words from token `i` on spell out, before `hi`.
    fn phrase_at<'p>(&self, i: usize, hi: usize, ix: &[usize], phrases: &'p [Vec<String>]) -> Option<&'p Vec<String>> {
        if ix.is_empty() {
            return None;
        }
        // the word after token `i`, compared with every phrase's second word ("in" opens dozens of
        // phrases): worked out once
        let next = (i + 1 < hi && self.fw(i + 1)).then(|| self.low(i + 1));
        let matches = |p: &Vec<String>| {
            i + p.len() <= hi
                && (p.len() < 2 || next == Some(p[1].as_str()))
                && (2..p.len()).all(|k| self.fw(i + k) && self.low(i + k) == p[k])
        };
        ix.iter().map(|&k| &phrases[k]).find(|p| matches(p))
    }

    /// The "as" after the object that opens at `from` ("sees [the deal] as a trap"): within a few
    /// plain words, the object one word or more, no punctuation between.
    fn view_as(&self, from: usize, hi: usize) -> Option<usize> {
        (from + 1..hi.min(from + 10)).take_while(|&k| self.fw(k)).find(|&k| self.low(k) == "as").filter(|_| self.fw(from))
    }

    fn find_cues(&self, lo: usize, hi: usize) -> Vec<Cue> {
        let mut cues: Vec<Cue> = Vec::new();
        let mut i = lo;
        while i < hi {
            if let Some((end, class)) = self.cue_at(i, lo, hi) {
                let mut cue = Cue { start: i, end, class, mention: None, speaker_after: false, speaker_tokens: (i, i) };
                self.find_speaker(&mut cue, lo, hi, cues.last());
                if cue.mention.is_some() {
                    i = end.max(cue.speaker_tokens.1);
                    cues.push(cue);
                    continue;
                }
            }
            i += 1;
        }
        cues
    }

    fn find_speaker(&self, cue: &mut Cue, lo: usize, hi: usize, prev: Option<&Cue>) {
        let np = self.np();
        // "Pyongyang's claims", "Trump's call for": after a possessive the cue word is a noun
        if cue.start > lo && cue.class != CueClass::Source {
            let before = self.text(cue.start - 1);
            let possessive = self.possessive(cue.start - 1) || matches!(before, "’" | "'") && self.frame(cue.start - 1);
            // "the report", "a call", "his remarks": after a determiner too
            let determiner = self.fw(cue.start - 1) && is_noun_determiner(self.low(cue.start - 1));
            // "two states", "a number of claims": counted, or after "of" (where a verb would end in -ing)
            let (before, w) = (self.low(cue.start - 1), self.low(cue.start));
            let counted = self.fw(cue.start - 1)
                && cue.end == cue.start + 1
                && (w.ends_with('s') && (np::is_number_word(before) && before != "one" || before.bytes().all(|b| b.is_ascii_digit()))
                    || before == "of" && !w.ends_with("ing"));
            // "Some protest leaders said …": after a quantifier, a cue word followed by a noun and
            // a verb of saying modifies that noun
            let compound = self.determined(cue.start)
                && cue.end + 1 < hi
                && self.fw(cue.end)
                && !self.seg.tokens[cue.end].cap
                && !is_function_word(self.low(cue.end))
                && self.fw(cue.end + 1)
                && self.say_verb(cue.end + 1);
            if possessive || determiner || counted || compound || self.modified_noun(cue, lo, hi) {
                return;
            }
        }
        // "The mayor angered his allies by insisting that …", "… apologized after publicly saying
        // …": a gerund after a preposition speaks for the sentence's subject, never for the phrase
        // before the preposition ("A key reason for answering …" has no speaker); when the
        // preposition opens the sentence ("By insisting that …, the mayor …") the subject follows
        // the comma that closes its phrase
        // (what follows must be something said, a clause or a quotation: "after claiming victory",
        // "for supporting roles" report nothing)
        if let Some(p) = self.gerund_preposition(cue, lo) {
            if !self.clause_or_quote_follows(cue, hi) {
                return;
            }
            let first = lo + skip_connective(self, lo);
            let found = if first > cue.start { self.clause_subject(first, hi, hi, false) } else { self.clause_subject(first, p, p, false) };
            if let Some(m) = found {
                cue.mention = Some(m);
                cue.speaker_tokens = (cue.start, cue.start);
            }
            return;
        }
        if cue.class == CueClass::Source {
            // "per" only introduces a source at the end of a clause: "…, per IMF figures."
            if self.low(cue.start) == "per" && !(cue.start > lo && self.punct(cue.start - 1, ",")) {
                return;
            }
            if let Some((mut m, mut end)) = np.forward(cue.end, hi, true) {
                // "according to an analysis of her calendar, …": a source's qualifier runs on in
                // plain words to the comma
                // (not a place or time after it: "the exit polls in New Hampshire" are the polls')
                let adjunct = end < hi && matches!(self.low(end), "in" | "on" | "at" | "during" | "since" | "last" | "this" | "over");
                if end < hi && self.fw(end) && m.kind == MentionKind::Document && !adjunct {
                    let comma = (end..hi.min(cue.end + 24)).find(|&k| !self.fw(k)).filter(|&k| self.punct(k, ","));
                    if let Some(c) = comma {
                        m.span = Span::new(m.span.start, self.seg.tokens[c - 1].span.end);
                        end = c;
                    }
                }
                // "according to the Alliance to Reclaim Our Schools (AROS)": a bracketed short form goes with it
                if end + 2 < hi && self.punct(end, "(") && self.fw(end + 1) && self.punct(end + 2, ")") {
                    end += 3;
                }
                cue.speaker_tokens = (cue.end, end);
                cue.speaker_after = true;
                cue.mention = Some(m);
            } else if let Some(end) =
                // (a source running to the end of the sentence: "according to ouest-france.fr.")
                (cue.end..hi.min(cue.end + 24)).find(|&k| !self.fw(k)).or((hi <= cue.end + 24).then_some(hi))
            {
                // "according to the same poll, …": whatever stands before the comma is the source
                if end > cue.end && (end >= hi || self.punct(end, ",") || self.punct(end, ".") || end + 1 == hi) {
                    let span = Span::new(self.seg.tokens[cue.end].span.start, self.seg.tokens[end - 1].span.end);
                    cue.speaker_tokens = (cue.end, end);
                    cue.speaker_after = true;
                    cue.mention = Some(Mention { span, head: span, kind: MentionKind::Document, apposition: None, relative: None });
                }
            }
            return;
        }
        // "His claims were denied by Foreign Secretary Jack Straw": the agent of a passive cue
        // speaks (its subject is what was said)
        if self.passive_aux(cue, lo).is_some() && cue.end + 1 < hi && self.fw(cue.end) && self.low(cue.end) == "by" {
            if let Some((m, end)) = np.forward(cue.end + 1, hi, true) {
                if matches!(m.kind, MentionKind::Name | MentionKind::Organization | MentionKind::Role) {
                    // the agent's own words only: a relative clause after it ("…, who accused …")
                    // holds cues of its own
                    let own_end = (cue.end + 1..end).find(|&k| self.seg.tokens[k].span.start >= m.span.end).unwrap_or(end);
                    cue.speaker_tokens = (cue.end, own_end);
                    cue.speaker_after = true;
                    cue.mention = Some(m);
                    return;
                }
            }
        }
        // "Sanders was declared the winner", "It was announced that …", "The vote is expected to
        // pass": a passive cue with no agent names no speaker; its subject is what was said, or
        // who was told. A held state ("Aides are worried that …") is the subject's own, and so is
        // a report of what the subject said ("Obama is reported to have called …").
        if let Some(aux) = self.passive_aux(cue, lo) {
            let next = |k: usize| if cue.end + k < hi && self.fw(cue.end + k) { self.low(cue.end + k) } else { "" };
            let raised = next(0) == "to";
            // ("it is thought that …": nobody holds it)
            let it = aux > lo && self.fw(aux - 1) && self.low(aux - 1) == "it";
            let held = self.lex.belief.contains(self.low(cue.start)) && !raised && !it;
            let reported = raised && next(1) == "have";
            if !held && !reported {
                return;
            }
        }
        // "Labour accused of 'propaganda'", "The minister was criticised over …": a participle of a
        // verb that takes an object, with a preposition instead of the object and no agent, after
        // an auxiliary, a comma or a subject opening the sentence, is passive: its subject is the
        // one accused, not the speaker ("the rivals whom he accused of lying" is active)
        let w = self.low(cue.start);
        if cue.end == cue.start + 1
            && w.ends_with("ed")
            && self.lex.np_object.contains(w)
            && !self.lex.infinitive.contains(w)
            && cue.end < hi
            && self.fw(cue.end)
            && matches!(self.low(cue.end), "of" | "over" | "for" | "as")
        {
            let aux = self.passive_aux(cue, lo).is_some();
            let reduced = self.low(cue.end) != "as"
                && (cue.start > lo && self.punct(cue.start - 1, ",")
                    || np
                        .backward(lo, cue.start)
                        .is_some_and(|(m, s)| s == lo + skip_connective(self, lo) && m.kind != MentionKind::Pronoun));
            if aux || reduced {
                return;
            }
        }
        // the subject before the cue, past adverbs and auxiliaries
        let mut j = cue.start;
        while j > lo
            && self.fw(j - 1)
            // (in lower case: "Theresa May said", "Will Hale said" end in names)
            && (is_between(self.low(j - 1)) && !self.seg.tokens[j - 1].cap
                // ("She categorically denied …": any adverb in -ly)
                || self.adverb(self.low(j - 1)) && !self.seg.tokens[j - 1].cap
                || is_time_word(self.low(j - 1)) && j - 1 > lo && !self.seg.tokens[j - 1].cap
                || matches!(self.low(j - 1), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "on")
                // ("have been urging": a progressive; "has been accused" is a passive)
                || self.low(j - 1) == "been" && self.low(cue.start).ends_with("ing"))
        {
            j -= 1;
        }
        // "Democrats have in the past said …", "Critics have for years argued …": a time phrase
        // after a preposition, then the adverbs and auxiliaries before it
        let time_noun = |k: usize| {
            self.fw(k)
                && !self.seg.tokens[k].cap
                && matches!(self.low(k), "past" | "years" | "months" | "weeks" | "days" | "decades" | "times" | "while" | "occasions")
        };
        if j > lo + 2 && time_noun(j - 1) {
            let modifier = |k: usize| {
                self.fw(k) && matches!(self.low(k), "the" | "recent" | "many" | "several" | "past" | "few" | "some" | "two" | "three")
            };
            let mut p = j - 1;
            while p > lo + 1 && j - p <= 3 && modifier(p - 1) {
                p -= 1;
            }
            // (after an auxiliary, a name, or a pronoun: "polls taken over the past two weeks show"
            // keeps its phrase)
            let after = |k: usize| {
                self.fw(k) && (is_between(self.low(k)) || self.seg.tokens[k].cap || np::is_pronoun(self.low(k)) || self.low(k) == "who")
            };
            if p > lo + 1 && self.fw(p - 1) && matches!(self.low(p - 1), "in" | "for" | "over" | "at" | "on") && after(p - 2) {
                j = self.before_auxiliaries(lo, p - 1);
            }
        }
        // "Sanders hasn't said whether …": a denied cue states nothing, as after "did not" (and
        // the contraction, one word, must not join the subject's name)
        if j > lo && self.fw(j - 1) && negative_contraction(self.low(j - 1)) {
            return;
        }
        // "Ann Lee is expected to call for …", "Tom Hale is due to say …": a cue announced ahead
        // speaks for the subject before "is … to"
        if j >= lo + 4
            && self.fw(j - 1)
            && self.low(j - 1) == "to"
            && matches!(self.low(j - 2), "expected" | "set" | "due" | "likely" | "going" | "poised" | "scheduled" | "about")
            && matches!(self.low(j - 3), "is" | "are" | "was" | "were" | "be")
        {
            j -= 3;
            while j > lo && self.fw(j - 1) && is_between(self.low(j - 1)) {
                j -= 1;
            }
        }
        // "Trump went on to criticize …", "She has tried to argue that …": a verb handing its subject
        // to the infinitive (the lexicon's catenatives) stands between the subject and the cue
        if j >= lo + 3 && self.fw(j - 1) && self.low(j - 1) == "to" && self.fw(j - 2) {
            let one = self.lex.catenatives.contains(self.low(j - 2));
            let two =
                !one && j >= lo + 4 && self.fw(j - 3) && self.lex.catenatives.contains(&format!("{} {}", self.low(j - 3), self.low(j - 2)));
            if one || two {
                j = self.before_auxiliaries(lo, j - if one { 2 } else { 3 });
            }
        }
        // "Tom Hale in July said": a month or year after a preposition between subject and cue
        if j >= lo + 3 && self.fw(j - 1) && self.fw(j - 2) && matches!(self.low(j - 2), "in" | "during") {
            let w = self.low(j - 1);
            if crate::date::MONTHS.contains(&w) || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
                j -= 2;
            }
        }
        // "Mr Hale, who has described the town as …, has already said …": the subject before a
        // relative clause between commas (the clause's own cues were read before this one)
        if j > lo + 3 && self.punct(j - 1, ",") {
            // (or a participle's aside: "One former employee, speaking on condition of anonymity, said")
            let participle = |k: usize| {
                let w = self.low(k);
                !self.seg.tokens[k].cap && w.len() > 5 && w.ends_with("ing") && w != "including"
            };
            let rel = (lo + 1..j - 1)
                .rev()
                .take(30)
                .find(|&k| self.fw(k) && (matches!(self.low(k), "who" | "which") || participle(k)) && self.punct(k - 1, ","));
            // (no comma of its own outside quotations)
            if let Some(k) = rel.filter(|&k| !(k + 1..j - 1).any(|i| self.punct(i, ",") && self.frame(i))) {
                // "Jeb Bush, the former governor, who …": the name before an apposition
                let found = np.backward(lo, k - 1).map(|(m, start)| {
                    let named = (m.kind != MentionKind::Name && start > lo + 1 && self.punct(start - 1, ","))
                        .then(|| np.backward(lo, start - 1))
                        .flatten()
                        .filter(|(n, _)| n.kind == MentionKind::Name);
                    named.unwrap_or((m, start))
                });
                // ("A former employee, speaking …": a plain noun phrase opening the sentence)
                let first = lo + skip_connective(self, lo);
                let found = found.filter(|&(_, start)| start == first).or_else(|| {
                    let start = self.opening_subject(lo, k - 1, self.say_verb(cue.start)).filter(|&s| s + 1 < k)?;
                    let span = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[k - 2].span.end);
                    Some((Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None }, start))
                });
                if let Some((m, start)) = found {
                    // the sentence's subject only: a name later in the sentence is rarely the one
                    let opens = start == first;
                    if opens && m.kind != MentionKind::Pronoun {
                        // a relative clause with no cue of its own describes the speaker ("who is
                        // an economist at …"), as an apposition does
                        let own_cue = np.holds_cue(k + 1, j - 1);
                        let mut m = m;
                        if m.apposition.is_none() && !own_cue && m.kind == MentionKind::Name && !participle(k) {
                            m.apposition = Some(Span::new(self.seg.tokens[k].span.start, self.seg.tokens[j - 2].span.end));
                        }
                        cue.speaker_tokens = (start, k - 1);
                        cue.mention = Some(m);
                        return;
                    }
                }
            }
        }
        // "Secretary Tessa Jowell, who said": the relative pronoun stands for the phrase before it
        // (and "The union, which endorsed Hale": "which" after a comma, for a body or a document)
        if j > lo + 1 && self.fw(j - 1) && (self.low(j - 1) == "who" || self.low(j - 1) == "which" && self.punct(j - 2, ",")) {
            let k = if self.punct(j - 2, ",") { j - 2 } else { j - 1 };
            let restrictive = k == j - 1;
            let found =
                np.backward(lo, k)
                    .or_else(|| np.generic_backward(lo, k))
                    .or_else(|| if restrictive { np.bare_backward(lo, k) } else { None });
            // "Ann Lee, a senior analyst at Jefferies, who …": "who" stands for the person named before
            // an apposition, not for the role or the body the apposition names
            let found = match found {
                Some((m, start))
                    if self.low(j - 1) == "who"
                        && (matches!(m.kind, MentionKind::Organization | MentionKind::Document | MentionKind::Role)
                            || matches!(self.low(start), "a" | "an")) =>
                {
                    let comma =
                        (lo + 1..start).rev().take(12).take_while(|&c| self.fw(c) || self.punct(c, ",")).find(|&c| self.punct(c, ","));
                    comma.and_then(|c| np.backward(lo, c)).filter(|(n, _)| n.kind == MentionKind::Name).or(Some((m, start)))
                }
                other => other,
            };
            match found {
                Some((mut m, start)) if m.kind != MentionKind::Pronoun => {
                    m.relative = Some(self.seg.tokens[j - 1].span);
                    cue.speaker_tokens = (start, j);
                    cue.mention = Some(m);
                    return;
                }
                _ => {
                    // the phrase before "who" is beyond us: the attribution rests on "who" alone
                    let w = self.seg.tokens[j - 1].span;
                    cue.speaker_tokens = (j - 1, j);
                    cue.mention = Some(Mention { span: w, head: w, kind: MentionKind::Group, apposition: None, relative: Some(w) });
                    return;
                }
            }
        }
        // "A poll conducted by voters in Saturday’s primary showed that …", "FEC records from the
        // 2008 cycle show …": a document opening the clause, with modifiers between it and its verb
        if cue.class == CueClass::Evidence && j > lo {
            let first = lo + skip_connective(self, lo);
            if first < j && j - first <= 14 {
                if let Some((m, end)) = np.forward(first, j, true) {
                    // only modifiers in between: no clause of its own ("that", "which", a pronoun, a verb "is")
                    let plain = (end..j).all(|k| {
                        self.fw(k) && !crate::extract::np::is_pronoun(self.low(k)) && !is_clause_word(self.low(k)) || self.punct(k, ",")
                    });
                    if m.kind == MentionKind::Document && plain {
                        // the mention is the whole subject: "A report by the Audit Office"
                        let mut m = m;
                        let mut last = j;
                        while last > end && !self.fw(last - 1) {
                            last -= 1;
                        }
                        m.span = Span::new(m.span.start, self.seg.tokens[last - 1].span.end);
                        cue.speaker_tokens = (first, last);
                        cue.mention = Some(m);
                        return;
                    }
                }
            }
            // "Their experience shows that …", "Surveys of voters taken as they entered the sites
            // showed that …": before "that", or with a document's noun in it, the whole phrase
            // opening the clause is what shows it (a phrase of words and dashes only, no pronoun first)
            let that_follows = cue.end < hi && self.fw(cue.end) && self.low(cue.end) == "that";
            let phrase = first < j
                && j - first <= 24
                && self.fw(first)
                && !matches!(self.low(first), "it" | "this" | "that" | "he" | "she" | "they" | "we" | "i" | "you" | "there")
                && (first..j).all(|k| self.fw(k) || matches!(self.text(k), "—" | "–" | "-" | "/" | "&" | "'s" | "’s"));
            // a document's noun heads the phrase (within its first eight tokens) or a short phrase
            // comes before "that"; a verb of the phrase's own only inside a relative clause, and
            // no infinitive before the cue ("in order to show")
            let doc_head = (first..j.min(first + 8)).any(|k| self.lex.documents.contains(self.low(k)));
            let relatives: Vec<usize> = (first..j).filter(|&k| matches!(self.low(k), "that" | "which" | "who")).collect();
            // (an auxiliary of the relative clause's own right after its pronoun: "polling that was done")
            let own_verb = (first..j)
                .any(|k| is_auxiliary(self.low(k)) && relatives.first().is_none_or(|&r| k != r + 1) || self.low(k) == "to" && k + 1 == j)
                || is_auxiliary(self.low(j - 1))
                || relatives.len() > 1
                // ("But he said that the papers documenting …": a clause of its own before any relative)
                || (first..relatives.first().copied().unwrap_or(j))
                    .any(|k| matches!(self.low(k), "said" | "says" | "told" | "tells"));
            // (the short phrase with a finite verb: "Another slide shows that", not "an hourlong show that aired")
            let w = self.low(cue.start);
            let finite = w.ends_with('s') || w.ends_with("ed") || matches!(w, "found" | "shown");
            if phrase && !own_verb && (doc_head || that_follows && finite && j - first <= 6) {
                let span = Span::new(self.seg.tokens[first].span.start, self.seg.tokens[j - 1].span.end);
                cue.speaker_tokens = (first, j);
                cue.mention = Some(Mention { span, head: span, kind: MentionKind::Document, apposition: None, relative: None });
                return;
            }
        }
        // "a source familiar with the talks said", "people close to the minister say": before the name
        // inside the qualifier ("Mr Hale") is taken for the speaker
        if cue.class == CueClass::Speech && j > lo {
            if let Some((m, start)) = np.qualified_group(lo, j) {
                cue.speaker_tokens = (start, j);
                cue.mention = Some(m);
                return;
            }
        }
        if j > lo {
            if let Some((m, start)) = np.backward(lo, j) {
                // "X issued a statement saying …": a document that is a verb's object speaks for
                // the sentence's subject, found below
                let object_document = m.kind == MentionKind::Document
                    && self.low(cue.start).ends_with("ing")
                    && start > lo
                    && self.fw(start - 1)
                    && !self.seg.tokens[start - 1].cap;
                // "The Tories are to back controversial government plans": a phrase opening in lower
                // case right after "to" is an infinitive's or a preposition's, never a finite verb's
                // subject (a participle may qualify it: "gave $3m to a group backing Ann Lee")
                let finite = !self.low(cue.start).ends_with("ing");
                if finite && start > lo && self.fw(start - 1) && self.low(start - 1) == "to" && !self.seg.tokens[start].cap {
                    return;
                }
                if !object_document {
                    let (mut m, mut start) = (m, start);
                    if let Some(d) = self.adjectives_after_quote(lo, start) {
                        m.span = Span::new(self.seg.tokens[d].span.start, m.span.end);
                        start = d;
                    } else if let Some(d) = self.list_after_quote(lo, start).filter(|_| m.kind == MentionKind::Name) {
                        start = d;
                    } else if let Some(d) = self
                        .described_after_comma(lo, start)
                        // (a verb that needs an object has it before: "…, a word Trump then repeated")
                        .filter(|_| {
                            let w = self.low(cue.start);
                            matches!(m.kind, MentionKind::Name | MentionKind::Organization)
                                && self.closing_tail(cue, hi)
                                && !(self.lex.np_object.contains(w) && !self.lex.bare_clause.contains(w))
                        })
                    {
                        m.span = Span::new(self.seg.tokens[d].span.start, m.span.end);
                        start = d;
                    }
                    cue.speaker_tokens = (start, j);
                    cue.mention = Some(m);
                    return;
                }
            }
        }
        // right after a quotation, any determiner phrase: "“…,” the editorial said"
        let after_quote = |k: usize| {
            k > lo
                && (matches!(self.seg.tokens[k - 1].kind, TokKind::Close(_))
                    || self.punct(k - 1, ",") && k >= lo + 2 && matches!(self.seg.tokens[k - 2].kind, TokKind::Close(_)))
        };
        let quote_follows = (cue.end..hi).any(|k| matches!(self.seg.tokens[k].kind, TokKind::Open(q) if self.seg.quotes[q].depth == 0));
        // "…, former employees said, …" / "Organizers say they …": a bare plural or noun phrase
        // standing alone before a say-verb, between commas or opening the sentence
        if cue.class == CueClass::Speech && j > lo && (cue.start..cue.end).any(|k| self.say_verb(k)) {
            let mut k = j;
            while k > lo && self.fw(k - 1) && j - k < 6 && !self.lex.speech.contains(self.low(k - 1)) {
                let w = self.low(k - 1);
                // "Thirty-one percent of those surveyed", "About 4 in 10", "lawyers for the family":
                // a preposition and its determiner only inside the phrase
                let prep = |w: &str| matches!(w, "of" | "in" | "for" | "at" | "from" | "on" | "with");
                let inner = (prep(w) || w == "those" || w == "the" && k >= lo + 2 && self.fw(k - 2) && prep(self.low(k - 2)))
                    && k < j
                    && k - 1 > lo;
                // ("…, while union leaders said …": a conjunction opens the clause the phrase is subject of)
                if (is_function_word(w) || is_subordinator(w)) && !inner {
                    break;
                }
                k -= 1;
            }
            // the phrase opens with its head, not with a preposition or determiner
            let headed = k < j && !is_function_word(self.low(k));
            // (or with one determiner before its head: "…, the women say …")
            if headed && k > lo + 1 && self.fw(k - 1) && matches!(self.low(k - 1), "the" | "these" | "those") && self.punct(k - 2, ",") {
                k -= 1;
            }
            // ("…, while union leaders said", "…, but opposition leaders say")
            let joined = k > lo + 1
                && self.fw(k - 1)
                && matches!(self.low(k - 1), "while" | "whereas" | "but" | "although" | "though")
                && self.punct(k - 2, ",");
            let bounded = headed && (k == lo + skip_connective(self, lo) || k > lo && self.punct(k - 1, ",") || joined);
            let parenthetical = k > lo && self.punct(k - 1, ",") && cue.end < hi && self.punct(cue.end, ",");
            let opening = k == lo + skip_connective(self, lo) && (k == lo || !self.punct(k - 1, ","))
                // "While the candidates trade barbs, party leaders say …": the subject after the
                // opening subordinate clause
                // (the first clause of the sentence: no cue before it, no "while" opening it)
                || k > lo
                    && self.punct(k - 1, ",")
                    && prev.is_none()
                    && !is_clause_break(self.low(k))
                    && !is_subordinator(self.low(k))
                    && self.subordinate_opening(lo, k - 1);
            // "…, police said.": after a comma and closing the sentence
            let closing = k > lo + 2 && self.punct(k - 1, ",") && self.closing_tail(cue, hi);
            if k < j && bounded && (parenthetical || opening || closing || joined) && np.backward(lo, j).is_none() {
                let span = Span::new(self.seg.tokens[k].span.start, self.seg.tokens[j - 1].span.end);
                cue.speaker_tokens = (k, j);
                cue.mention = Some(Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None });
                return;
            }
        }
        if cue.class == CueClass::Speech && j > lo {
            if let Some((m, start)) = np.generic_backward(lo, j) {
                let sentence_subject = quote_follows && start == lo + skip_connective(self, lo);
                if after_quote(start) || sentence_subject {
                    cue.speaker_tokens = (start, j);
                    cue.mention = Some(m);
                    return;
                }
            }
        }
        // "Many in the crowd said …", "Even the organizer of the rally said …", "Several candidates,
        // including Mr Lee, said …": a plain noun phrase opening the sentence is the subject
        // ("state", "boasts" may be nouns or take objects: other verbs need "that" after them)
        let say_verb = self.say_verb(cue.start);
        let that_follows = cue.end < hi && self.fw(cue.end) && self.low(cue.end) == "that";
        // ("Economists believe …", "Most think …": a verb of belief taking a bare clause too)
        let belief = cue.class == CueClass::Belief && self.lex.bare_clause.contains(self.low(cue.start));
        // ("The families urged the senator to …": a verb whose object is a target or a listener)
        // (a past tense only: "attacks", "question" may be nouns; not after "of": "accused of")
        // (and active, with its object right after it)
        let object_cue = self.lex.np_object.contains(self.low(cue.start))
            && self.low(cue.start).ends_with("ed")
            && self.passive_aux(cue, lo).is_none()
            && cue.end < hi
            && self.fw(cue.end)
            && !matches!(self.low(cue.end), "of" | "by" | "and" | "in" | "on" | "for" | "as");
        // (a participle right after a comma has a clause before it, not its subject: "The senator
        // left, saying …" is found below)
        let participle_after_comma = j > lo && self.punct(j - 1, ",") && self.low(cue.start).ends_with("ing");
        if (cue.class == CueClass::Speech && (say_verb || that_follows || object_cue) || belief)
            && cue.end == cue.start + 1
            && j > lo
            && !participle_after_comma
        {
            if let Some(start) = self.opening_subject(lo, j, say_verb) {
                let mut last = j;
                while last > start && !self.fw(last - 1) {
                    last -= 1;
                }
                let span = Span::new(self.seg.tokens[start].span.start, self.seg.tokens[last - 1].span.end);
                cue.speaker_tokens = (start, j);
                cue.mention = Some(Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None });
                return;
            }
        }
        // inverted: "…,” said X" / "…, says X"
        let before_ok = cue.start == lo
            || matches!(self.seg.tokens[cue.start - 1].kind, TokKind::Close(_))
            || self.punct(cue.start - 1, ",")
            || (cue.start >= lo + 2 && self.punct(cue.start - 1, ",") && matches!(self.seg.tokens[cue.start - 2].kind, TokKind::Close(_)));
        let w0 = self.low(cue.start);
        // (a verb taking an object but no clause never inverts: "“…,” endorsed Cruz" is no "said Cruz")
        let inverts = !w0.ends_with("ing")
            && !matches!(w0, "told" | "tell" | "tells" | "urged" | "urge" | "warned" | "called" | "calls" | "call" | "accused" | "asked")
            && !(self.lex.np_object.contains(w0) && !self.lex.bare_clause.contains(w0));
        if before_ok && inverts && cue.class == CueClass::Speech {
            // the phrase must end the clause: "said X." / "said X, a …"
            let ends = |end: usize| end >= hi || !self.fw(end) || self.low(end) == "in" || self.low(end) == "on";
            let found = np.forward(cue.end, hi, false).filter(|&(_, end)| ends(end)).or_else(|| {
                // "“…,” said the woman, who …"
                if !after_quote(cue.start) {
                    return None;
                }
                let mut e = cue.end;
                while e < hi && self.fw(e) && e < cue.end + 5 {
                    e += 1;
                }
                np.generic_forward(cue.end, hi)
                    .or_else(|| np.generic_backward(cue.end, e).filter(|(_, s)| *s == cue.end).map(|(m, _)| (m, e)))
                    .or_else(|| {
                        // "“…,” said constituent Dan Lee", "said master of ceremonies Ann Lee": a
                        // description in lower case, then the name
                        let mut k = cue.end;
                        while k < hi && k < cue.end + 4 && self.fw(k) && !self.seg.tokens[k].cap && !is_function_word(self.low(k))
                            || k > cue.end && k < hi && self.fw(k) && self.low(k) == "of"
                        {
                            k += 1;
                        }
                        let named = k > cue.end && !self.punct(k.min(hi - 1), ",");
                        np.forward(k, hi, false).filter(|(m, _)| named && m.kind == MentionKind::Name)
                    })
            });
            if let Some((m, end)) = found {
                // "“…,” said a data expert who has worked for …": a relative clause qualifies the speaker
                let relative = end < hi && self.fw(end) && self.low(end) == "who" && after_quote(cue.start);
                if ends(end) || relative {
                    cue.speaker_tokens = (cue.end, end);
                    cue.speaker_after = true;
                    cue.mention = Some(m);
                    return;
                }
            }
        }
        // a participle after a comma continues the clause's speaker: "…, adding that …";
        // a verb after "and" shares the sentence's subject: "X was forced … and said that …"
        let after_comma = cue.start > lo
            && (self.punct(cue.start - 1, ",")
                || matches!(self.seg.tokens[cue.start - 1].kind, TokKind::Close(q) if self.seg.quotes[q].inner.of(&self.seg.doc.text).ends_with(',')));
        let participle = self.low(cue.start).ends_with("ing") && after_comma;
        let coordinated = j > lo && self.fw(j - 1) && matches!(self.low(j - 1), "and" | "but");
        if participle {
            if let Some(p) = prev {
                cue.mention = p.mention.clone();
                cue.speaker_tokens = (cue.start, cue.start);
                return;
            }
        }
        // "though she praised Garland and said …": a verb after "and" shares the subject of the
        // cue before it, when that cue's subject stood before it (and the word is one that takes a
        // clause or an object: "federal and state law" has no verb)
        let verb = (cue.start..cue.end).any(|k| {
            self.lex.bare_clause.contains(self.low(k))
                || self.lex.np_object.contains(self.low(k))
                || self.lex.infinitive.contains(self.low(k))
        });
        if coordinated && verb {
            if let Some(p) = prev.filter(|p| !p.speaker_after && p.speaker_tokens.0 < p.speaker_tokens.1 && p.end < j) {
                cue.mention = p.mention.clone();
                cue.speaker_tokens = (cue.start, cue.start);
                return;
            }
        }
        // "X issued a statement saying …": the statement is X's
        let issued = j > lo + 1
            && self.low(cue.start).ends_with("ing")
            && np
                .backward(lo, j)
                .is_some_and(|(m, s)| m.kind == MentionKind::Document && s > lo && self.fw(s - 1) && !self.seg.tokens[s - 1].cap);
        if participle || coordinated || issued {
            if let Some(m) = self.clause_subject(lo + skip_connective(self, lo), cue.start, j.saturating_sub(1), participle) {
                cue.mention = Some(m);
                cue.speaker_tokens = (cue.start, cue.start);
            }
        }
    }

    /// The preposition before a one-word cue in -ing that makes the cue a gerund ("by saying",
    /// "after publicly defending"): its token, past adverbs in -ly between the two.
    fn gerund_preposition(&self, cue: &Cue, lo: usize) -> Option<usize> {
        if cue.end != cue.start + 1 || !self.low(cue.start).ends_with("ing") || self.seg.tokens[cue.start].cap {
            return None;
        }
        let mut p = cue.start;
        while p > lo && self.fw(p - 1) && self.adverb(self.low(p - 1)) && !self.seg.tokens[p - 1].cap {
            p -= 1;
        }
        let p = p.checked_sub(1).filter(|&p| p >= lo)?;
        let gerund =
            matches!(self.low(p), "by" | "for" | "after" | "before" | "without" | "about" | "upon" | "despite" | "through" | "against");
        (self.fw(p) && gerund).then_some(p)
    }

    /// True when a reported clause or a quotation follows the cue: "that", a quotation within
    /// the next dozen tokens ("for calling a referee “a disgrace”"), or, after a verb taking a
    /// bare clause, a subject pronoun or a finite verb within eight plain words ("saying Tory
    /// attitudes had helped …"); not a noun phrase alone ("claiming victory").
    fn clause_or_quote_follows(&self, cue: &Cue, hi: usize) -> bool {
        let next = cue.end;
        if next >= hi {
            return false;
        }
        if self.fw(next) && self.low(next) == "that" {
            return true;
        }
        let quote = (next..hi.min(next + 12))
            .take_while(|&k| self.fw(k) || !matches!(self.text(k), "." | ";" | "?" | "!"))
            .any(|k| matches!(self.seg.tokens[k].kind, TokKind::Open(_)));
        if quote {
            return true;
        }
        let w = self.low(cue.start);
        if !self.lex.bare_clause.contains(w) || self.lex.infinitive.contains(w) {
            return false;
        }
        let subject_pronoun = |k: usize| matches!(self.low(k), "he" | "she" | "they" | "we" | "i" | "it" | "there" | "you");
        if self.fw(next) && subject_pronoun(next) {
            return true;
        }
        // (a compound in -ed is an adjective: "recalling nine foreign-based players")
        (next..hi.min(next + 9)).take_while(|&k| self.fw(k)).any(|k| {
            let v = self.low(k);
            is_auxiliary(v) || v.ends_with("ed") && !v.contains('-') && !self.seg.tokens[k].cap
        })
    }

    /// True when the sentence `[lo, hi)` is set in title case, as headlines are: at most one in
    /// five of its words that are not function words is in lower case.
    fn headline(&self, lo: usize, hi: usize) -> bool {
        let (mut words, mut lower) = (0, 0);
        for k in (lo..hi).filter(|&k| self.fw(k) && !is_function_word(self.low(k))) {
            words += 1;
            lower += usize::from(!self.seg.tokens[k].cap);
        }
        lower * 5 <= words
    }

    /// The determiner of adjectives set off by a comma before the phrase at `start`, right after
    /// a quotation: "“…,” the tall, aging diplomat said" (up to three words in lower case after
    /// "the", "a" or "an"), or a noun in apposition ("“…,” the assailant, John Roe, told …");
    /// there nothing but the speaker's phrase can stand.
    fn adjectives_after_quote(&self, lo: usize, start: usize) -> Option<usize> {
        if start < lo + 3 || !self.punct(start - 1, ",") {
            return None;
        }
        self.determiner_before(lo, start - 1, 3).filter(|&d| self.after_quotation(lo, d))
    }

    /// True when token `k` comes right after a quotation that closes on its own comma, "?" or
    /// "!", or is followed by a comma: where a speaker's phrase opens ("“…,” the mayor said").
    /// After a quoted term the words run on ("… go on “patching up” the system, he added").
    /// For a name opening at token `start` after a comma, a determiner and one or two words in
    /// lower case ("…, the governmental Chilean Copper Commission has reported"): the
    /// determiner's token, where the speaker phrase begins.
    fn described_after_comma(&self, lo: usize, start: usize) -> Option<usize> {
        // (a phrase with no determiner of its own: "an arrangement the Sanders campaign has
        // criticized" is an object)
        if is_function_word(self.low(start)) {
            return None;
        }
        self.determiner_before(lo, start, 2).filter(|&d| self.punct(d - 1, ","))
    }

    /// The determiner ("the", "a", "an") after `lo` standing before one to `words` plain words
    /// in lower case that end just before token `end`: "the tall" in "the tall, …", "the
    /// governmental" in "the governmental Chilean Copper Commission".
    fn determiner_before(&self, lo: usize, end: usize, words: usize) -> Option<usize> {
        let mut k = end;
        while k > lo
            && end - k < words
            && self.fw(k - 1)
            && !self.seg.tokens[k - 1].cap
            && !is_function_word(self.low(k - 1))
            && !self.cue_word(self.low(k - 1))
        {
            k -= 1;
        }
        let d = k.checked_sub(1).filter(|&d| d > lo && k < end)?;
        (self.fw(d) && matches!(self.low(d), "the" | "a" | "an")).then_some(d)
    }
    fn after_quotation(&self, lo: usize, k: usize) -> bool {
        if k <= lo {
            return false;
        }
        match self.seg.tokens[k - 1].kind {
            TokKind::Close(q) => self.seg.quotes[q].inner.of(&self.seg.doc.text).ends_with([',', '?', '!']),
            _ => self.punct(k - 1, ",") && k >= lo + 2 && matches!(self.seg.tokens[k - 2].kind, TokKind::Close(_)),
        }
    }

    /// The first token of a list of names that ends with the one at `start` and opens right
    /// after a quotation: "“…,” singer Ann Lee and drummer Bo Ray said" (the list's other
    /// speakers are found by [`Extractor::coordinated`]).
    fn list_after_quote(&self, lo: usize, start: usize) -> Option<usize> {
        // (past a role in lower case before each name: "drummer Bo Ray")
        let role = |at: usize| {
            let mut s = at;
            while s > lo + 1 && at - s < 2 && self.fw(s - 1) && !self.seg.tokens[s - 1].cap && self.lex.is_role(self.low(s - 1)) {
                s -= 1;
            }
            s
        };
        let mut s = role(start);
        for _ in 0..4 {
            // "and" (", and" too) joins each name to the one before
            if s <= lo + 1 || !(self.fw(s - 1) && self.low(s - 1) == "and") {
                return None;
            }
            let k = if s - 1 > lo + 1 && self.punct(s - 2, ",") { s - 2 } else { s - 1 };
            let (m, from) = self.np().backward(lo, k)?;
            if m.kind != MentionKind::Name || (from..k).any(|i| self.punct(i, ",")) {
                return None;
            }
            let from = role(from);
            if self.after_quotation(lo, from) {
                return Some(from);
            }
            s = from;
        }
        None
    }

    /// The subject noun phrase that opens the clause at `first`, read up to token `upto`, and is
    /// followed by its own verb before token `verb_by` ("Several aides tried to play down the
    /// remarks, saying …"): a name, a pronoun, a role, an organization or a group, after a leading
    /// "and", "but" or "so"; with `document`, a publication or a document too ("The Post
    /// intervened in April, arguing that …", for a participle: "The poll was ignored and showed"
    /// is no statement of the poll's).
    fn clause_subject(&self, mut first: usize, upto: usize, verb_by: usize, document: bool) -> Option<Mention> {
        while first < upto && self.fw(first) && matches!(self.low(first), "and" | "but" | "so" | "then" | "yet" | "also" | "still") {
            first += 1;
        }
        let (m, stop) = self.np().forward(first, upto, true)?;
        let subject =
            matches!(m.kind, MentionKind::Name | MentionKind::Pronoun | MentionKind::Role | MentionKind::Organization | MentionKind::Group)
                || document && m.kind == MentionKind::Document;
        // (not the whole stretch before the cue)
        (subject && stop < verb_by && !self.punct(stop, ":")).then_some(m)
    }

    /// The first of the auxiliaries and adverbs in lower case ending just before token `j`
    /// ("has long", "would also"): where the subject before them ends.
    fn before_auxiliaries(&self, lo: usize, mut j: usize) -> usize {
        while j > lo && self.fw(j - 1) && (is_between(self.low(j - 1)) || self.adverb(self.low(j - 1))) && !self.seg.tokens[j - 1].cap {
            j -= 1;
        }
        j
    }

    /// The comma closing the subordinate clause that opens the sentence `[lo, …)` and holds
    /// `cue` ("While Ramos said that …, he appears …", "Although aides insisted …, the plan …"),
    /// when what was said starts at `start`, right after the cue, and runs to before `stop`:
    /// the first comma (or quotation closing on one) after which a main clause's subject
    /// opens (a pronoun, a determiner or a capitalized word). Not after "as": "As the paper
    /// said in an editorial, …" reports the main clause.
    fn subordinate_close(&self, lo: usize, cue: &Cue, start: usize, stop: usize) -> Option<usize> {
        // (past a one-word connective: "Still, while …")
        let mut first = if lo + 1 < start && self.fw(lo) && self.punct(lo + 1, ",") { lo + 2 } else { lo };
        while first < cue.start && self.fw(first) && matches!(self.low(first), "and" | "but" | "yet" | "so" | "even") {
            first += 1;
        }
        // (or a preposition before a gerund cue: "By insisting that …, the mayor …")
        let opens = first < cue.start
            && self.fw(first)
            && (is_subordinator(self.low(first)) && !matches!(self.low(first), "with" | "despite" | "amid" | "as")
                || self.gerund_preposition(cue, lo) == Some(first))
            && !cue.speaker_after
            // the cue inside the clause, what was said right after it
            && !(first..start).any(|k| self.punct(k, ",") || !self.frame(k));
        if !opens {
            return None;
        }
        (start + 1..stop)
            .find(|&k| {
                let comma = self.punct(k, ",")
                    || matches!(self.seg.tokens[k].kind, TokKind::Close(q) if self.seg.quotes[q].depth == 0
                    && self.seg.quotes[q].inner.of(&self.seg.doc.text).ends_with(','));
                comma && k + 1 < stop && self.fw(k + 1) && {
                    let w = self.low(k + 1);
                    np::is_pronoun(w)
                        || is_noun_determiner(w)
                        || matches!(w, "there" | "those" | "some" | "many" | "most")
                        || self.seg.tokens[k + 1].cap
                }
            })
            .map(|k| if self.punct(k, ",") { k } else { k + 1 })
    }

    /// "branded the Tory plans as …", "the Paris attacks would …": a one-word cue ending in -s after
    /// a determiner and one capitalized modifier, with no object, clause or infinitive after it, is
    /// a plural noun.
    fn modified_noun(&self, cue: &Cue, lo: usize, hi: usize) -> bool {
        let (s, w) = (cue.start, self.low(cue.start));
        if cue.end != s + 1 || !w.ends_with('s') || w.ends_with("ss") || s < lo + 2 || !self.fw(s - 1) || !self.seg.tokens[s - 1].cap {
            return false;
        }
        // a capitalized "The" inside the sentence opens a name ("The Times shows")
        let determiner = self.fw(s - 2)
            && (s - 2 == lo || !self.seg.tokens[s - 2].cap)
            && (is_noun_determiner(self.low(s - 2)) || self.low(s - 2) == "those");
        if !determiner || w == "says" {
            return false;
        }
        // what follows a verb: its object, a clause or a quotation
        cue.end >= hi
            || !self.fw(cue.end) && !matches!(self.seg.tokens[cue.end].kind, TokKind::Open(_))
            || self.fw(cue.end)
                && !self.seg.tokens[cue.end].cap
                && !self.low(cue.end).starts_with(|c: char| c.is_ascii_digit())
                && !crate::extract::np::is_pronoun(self.low(cue.end))
                && !crate::extract::np::is_object_pronoun(self.low(cue.end))
                && !matches!(
                    self.low(cue.end),
                    "that"
                        | "to"
                        | "the"
                        | "a"
                        | "an"
                        | "this"
                        | "these"
                        | "those"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                        | "there"
                        | "no"
                        | "some"
                        | "any"
                        | "all"
                        | "more"
                        | "most"
                        | "many"
                        | "several"
                        | "few"
                        | "both"
                        | "each"
                        | "every"
                        | "what"
                        | "how"
                        | "why"
                        | "whether"
                        | "if"
                )
    }

    /// True when the sentence `[lo, …)` opens with a subordinate or adverbial clause
    /// ("While …", "Although …", "Speaking at a rally …", "After the vote …") that runs to the
    /// comma at `comma` with no quotation, semicolon or dash inside: the words after that comma
    /// start the main clause.
    fn subordinate_opening(&self, lo: usize, comma: usize) -> bool {
        let first = lo + skip_connective(self, lo);
        // a dateline or a connective skipped: the clause starts after it
        let first = if first > lo && first < comma && !self.punct(first - 1, ",") { first } else { lo };
        if first >= comma || !self.fw(first) || !self.seg.tokens[first].cap || comma - first > 30 {
            return false;
        }
        let w = self.low(first);
        let opener = is_subordinator(w) || w.ends_with("ing") && !self.lex.cue_starts.contains_key(w) || is_preposition(w);
        opener
            && (first..comma).all(|k| {
                self.frame(k)
                    && !(self.seg.tokens[k].kind == TokKind::Punct && matches!(self.text(k), ";" | ":" | "—" | "–" | "(" | ")" | "."))
            })
    }

    /// The first token of a plain noun phrase that runs from the opening of the sentence
    /// `[lo, …)` to `j` (the subject of a cue at `j`): a determiner or quantifier first
    /// ("the", "many", "several", "even the") or a bare plural ("Protest groups", "Multiple
    /// sources privy to the talks"), then only words, prepositions, an "including …" or "like …"
    /// aside between commas or dashes, and a restrictive relative clause ("People who fought
    /// the plan say", "Voters we spoke to say"); no verb, pronoun subject or clause word. A
    /// number ("Six in 10 said") or a demonstrative and its noun ("That person said") opens one
    /// too. After a coordinating "and" or "but" the phrase after it is the subject ("Prices rose
    /// and economists say …"), and after an opening subordinate clause the phrase after its
    /// comma ("Until the closure, most of them said …").
    fn opening_subject(&self, lo: usize, j: usize, say: bool) -> Option<usize> {
        let mut first = lo + skip_connective(self, lo);
        let mut last = j;
        if last > first && self.punct(last - 1, ",") {
            last -= 1;
        }
        // (not in "…, fixing prices and helping unions, said X": there the speaker follows the cue)
        let comma_before = last < j;
        // "Democrats — and some Republicans — say": an aside between dashes right before the cue
        let mut aside = false;
        // (a long dash only: a spaced hyphen, which `is_dash` also takes, is left as it was)
        let dash = |k: usize| self.frame(k) && (self.punct(k, "—") || self.punct(k, "–"));
        if last > first + 2 && dash(last - 1) {
            let open = (first + 1..last - 1).rev().find(|&k| dash(k))?;
            let plain = (open + 1..last - 1).all(|k| self.fw(k) && !self.cue_word(self.low(k)) || self.punct(k, ","));
            if !plain || open + 1 >= last - 1 {
                return None;
            }
            last = open;
            aside = true;
        }
        if let Some(c) = (first + 1..last).rev().find(|&k| self.fw(k) && matches!(self.low(k), "and" | "but")) {
            if !comma_before && !(c..last).any(|k| self.punct(k, ",")) {
                first = c + 1;
            }
        }
        while first < last && self.fw(first) && matches!(self.low(first), "even" | "but" | "and" | "yet" | "so" | "still" | "now") {
            first += 1;
        }
        // "And until the shutdown, most of them said …", "Still, while …, people who … say": the
        // subject after an opening subordinate clause and its comma; "though a number of
        // attendees said …": after a subordinator with no comma, the subject follows it
        if first < last && self.fw(first) && is_subordinator(self.low(first)) {
            let comma = (first + 1..last)
                .take_while(|&k| self.frame(k) && !self.punct(k, ".") && !self.punct(k, ";"))
                .find(|&k| self.punct(k, ","));
            // (a verb of saying only: "as terrorists attacked the compound" is no statement)
            first = match comma {
                Some(c) => c + 1,
                None if say => first + 1,
                None => return None,
            };
        }
        if j <= first || last - first > 16 || !self.fw(first) {
            return None;
        }
        let w0 = self.low(first);
        let opener = matches!(
            w0,
            "the"
                | "a"
                | "an"
                | "some"
                | "many"
                | "several"
                | "other"
                | "most"
                | "few"
                | "both"
                | "all"
                | "numerous"
                | "nearly"
                | "about"
                | "more"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "those"
                | "top"
                | "senior"
        )
            // "Six in 10 said", "Two of the aides said" (a number alone is no phrase: "Schiff, 56, said")
            || (np::is_number_word(w0) || w0.bytes().all(|b| b.is_ascii_digit())) && last > first + 1
            // "That person said", "This official said": a demonstrative and one noun
            || matches!(w0, "that" | "this") && last == first + 2 && !self.seg.tokens[first + 1].cap && !is_function_word(self.low(first + 1));
        // a bare phrase: its head a plural or a word for people, with a relative clause after it
        let bare = !opener
            && !is_function_word(w0)
            && !is_preposition(w0)
            && !matches!(w0, "among" | "amid" | "despite")
            && !np::is_pronoun(w0)
            && !self.adverb(w0);
        // a bare phrase before "…, said" needs an aside to explain its comma
        let aside = aside
            || (first..last)
                .any(|k| self.punct(k, ",") && k + 1 < last && self.fw(k + 1) && matches!(self.low(k + 1), "including" | "among" | "like"));
        if !opener && !(bare && (!comma_before || aside)) {
            return None;
        }
        // a restrictive relative clause: "People who fought the plan say", and one with no
        // relative pronoun after a noun ("Several people I have spoken with said", "Voters we
        // polled say")
        let contact = |k: usize| {
            let w = self.low(k);
            (np::is_pronoun(w) && w != "it" || np::contracted_pronoun(w).is_some())
                && self.fw(k - 1)
                && !is_function_word(self.low(k - 1))
                && (k - 1 == first || !self.seg.tokens[k - 1].cap)
        };
        let relative = (first + 1..last).find(|&k| self.fw(k) && (bare && matches!(self.low(k), "who" | "that") || contact(k)));
        let np_end = relative.unwrap_or(last);
        for k in first..np_end {
            if self.punct(k, ",") {
                // only an aside: ", including …,"
                if !(k + 1 < last && self.fw(k + 1) && matches!(self.low(k + 1), "including" | "among" | "like")) || last == j {
                    return None;
                }
                continue;
            }
            if !self.fw(k) {
                return None;
            }
            let w = self.low(k);
            let clause = is_clause_word(w) && !(k == first && opener)
                || np::is_pronoun(w)
                || matches!(
                    w,
                    "can"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "do"
                        | "does"
                        | "did"
                        | "be"
                        | "been"
                        | "being"
                        | "if"
                        | "when"
                        | "because"
                        | "while"
                        | "since"
                        | "than"
                        | "not"
                        | "whom"
                        | "whose"
                        | "what"
                )
                // (a cue word right before the head modifies it: "Some protest leaders said")
                // (and one after a number or determiner is a noun: "voters in all five states say")
                // (and a participle before its preposition qualifies the head: "veterans
                // interviewed at the rally said")
                || k > first
                    && self.cue_word(w)
                    && k + 2 != np_end
                    && !self.determined(k)
                    && !(w.ends_with("ed")
                        && self.low(k - 1).ends_with('s')
                        && k + 1 < np_end
                        && self.fw(k + 1)
                        && matches!(self.low(k + 1), "at" | "in" | "by" | "outside" | "across" | "during" | "after" | "before"));
            if clause {
                return None;
            }
        }
        // a relative clause: words only, no comma, and no cue but one that reports nothing: before
        // its preposition or ending the clause ("people I spoke to", "experts we interviewed")
        if let Some(r) = relative {
            let words = (r + 1..last)
                .all(|k| self.fw(k) && (!self.cue_word(self.low(k)) || k + 1 == last || self.fw(k + 1) && is_preposition(self.low(k + 1))));
            if !words || r + 1 >= last {
                return None;
            }
        }
        // the phrase ends in its head noun, not in a preposition, determiner or adverb ("critics
        // here say": a place adverb after the head is left aside)
        let np_end = if np_end > first + 1 && self.low(np_end - 1) == "here" { np_end - 1 } else { np_end };
        let h = self.low(np_end - 1);
        if is_preposition(h) || is_function_word(h) || self.adverb(h) && h != "only" {
            return None;
        }
        if bare {
            // the head ends the phrase ("Multiple sources privy to the talks") or, a word for
            // people right at the start or after one modifier, stands before its qualifier
            // ("Proponents of more controls on hate speech say")
            let people = |h: &str| {
                matches!(h, "people" | "one" | "another" | "others" | "everyone" | "majorities" | "staff" | "police")
                    || self.lex.vague.contains(h)
                    || self.lex.org_nouns.contains(h)
            };
            let before = (first + 1..np_end.min(first + 3))
                .find(|&k| self.low(k) == "of" || is_preposition(self.low(k)))
                .is_some_and(|k| (k - 1 == first || !self.seg.tokens[k - 1].cap) && people(self.low(k - 1)));
            let plural = h.len() > 3 && h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us") && !h.ends_with("is");
            if !(people(h) || plural || before) {
                return None;
            }
        }
        Some(first)
    }

    /// Whether a clause opens at token `start` (before `end`) with a bare noun phrase of one or
    /// two plain words in lower case and then an auxiliary or modal: "voters may miss out",
    /// "house prices will fall".
    fn bare_noun_subject(&self, start: usize, end: usize) -> bool {
        let lower = |k: usize| self.fw(k) && !self.seg.tokens[k].cap;
        // (no adverb: "I think probably should …"; no month: "expected next May")
        let plain = |k: usize| lower(k) && !is_function_word(self.low(k)) && !self.cue_word(self.low(k)) && !self.adverb(self.low(k));
        plain(start)
            && (start + 1..end.min(start + 3))
                .take_while(|&k| self.fw(k))
                .find(|&k| !plain(k))
                .is_some_and(|k| lower(k) && is_auxiliary(self.low(k)))
    }

    /// Skips what stands between a cue and its content: the listener ("told
    /// reporters"), time and place phrases ("on Monday", "in a statement"), then
    /// a comma or colon. Returns the first token of the content.
    fn skip_to_content(&self, from: usize, hi: usize, object_verb: bool, takes_object: bool) -> usize {
        let mut i = from;
        // "said, and I quote, “…”"
        if i + 1 < hi && self.punct(i, ",") {
            if let Some(after) = self.interjection(i + 1, hi) {
                i = after;
            }
        }
        // a listener only after a verb of telling or one taking an object, or before the "that" or
        // colon opening what was said ("told reporters …", "called them “…”", "promised voters that
        // …"); after "said" the noun opens the clause ("said members would vote")
        let heard = |at: usize| object_verb || takes_object || at < hi && (self.punct(at, ":") || self.fw(at) && self.low(at) == "that");
        // listener or object: a pronoun, a listener noun, or a capitalized name
        if i < hi && self.fw(i) {
            let w = self.low(i);
            if (is_object_pronoun(w) && w != "it" && w != "her" || self.lex.listeners.contains(w)) && heard(i + 1) {
                i += 1;
            } else if object_verb {
                if let Some((m, end)) = self.np().forward(i, hi, true) {
                    let end = self.recipient_end(i, end);
                    // "told the BBC", "told Mr Smith", "told the committee"
                    // ("told The Huffington Post": a document's name in capitals is a newspaper's)
                    let named = !matches!(m.kind, crate::model::MentionKind::Document | crate::model::MentionKind::Role)
                        || self.lex.listeners.contains(self.low(end - 1))
                        || m.kind == crate::model::MentionKind::Document && self.seg.tokens[end - 1].cap;
                    if end < hi && (named || self.low(end) == "that" || !self.fw(end)) {
                        i = end;
                    }
                } else if w == "her" || w == "it" {
                    i += 1;
                }
            } else if (w == "the" || w == "a")
                && i + 1 < hi
                && self.fw(i + 1)
                && self.lex.listeners.contains(self.low(i + 1))
                && heard(i + 2)
            {
                i += 2;
            }
        }
        // an aside between dashes, commas or brackets, or a place with its own aside, before "that":
        // "said — on Twitter — that …", "said, in a statement, that …", "said on CNN, where …, that …"
        if let Some(that) = self.aside_then_that(i, hi) {
            return that;
        }
        // time and place: skip words and phrases up to a "that", colon, comma or quote
        let mut k = i;
        let mut steps = 0;
        while k < hi && steps < 14 {
            let t = &self.seg.tokens[k];
            // "reported on Tuesday -- a development that …": a dash ends the adjunct, and what
            // follows it is the writer's
            if self.is_dash(k) {
                break;
            }
            if matches!(t.kind, TokKind::Open(_)) || self.punct(k, ":") || self.punct(k, ",") || (self.fw(k) && self.low(k) == "that") {
                if k > i {
                    let first = self.low(i);
                    // "said on Monday that …" / "said in a statement: …"; a comma after "to accept the
                    // nomination," ends the clause rather than opening the content
                    let lands = !self.punct(k, ",") || is_time_word(first);
                    let title = matches!(t.kind, TokKind::Open(q) if self.title_quote(q));
                    // (a longer phrase only before "that", and never an infinitive: "said in an oral
                    // history of the Clinton years that …", not "promised to legalize … if …")
                    let long_ok = steps < 9 || self.fw(k) && self.low(k) == "that" && first != "to";
                    if (is_preposition(first) || is_time_word(first) || self.adverb(first)) && lands && !title && long_ok {
                        i = k;
                    }
                }
                break;
            }
            k += 1;
            steps += 1;
        }
        // ("this" and "last" only before a time word: "knows this increase will …" opens the clause)
        let time_next = |i: usize| i + 1 < hi && self.fw(i + 1) && is_time_word(self.low(i + 1));
        while i < hi
            && self.fw(i)
            && is_time_word(self.low(i))
            && !(i + 1 < hi && self.fw(i + 1) && self.low(i + 1) == "year")
            && (!matches!(self.low(i), "this" | "last") || time_next(i))
        {
            i += 1;
        }
        // "said on Thursday it had …", "has said in the past it …": a time phrase after a
        // preposition, then a clause opening with a pronoun or a name
        if i + 2 < hi && self.fw(i) && matches!(self.low(i), "on" | "in" | "at" | "during" | "over") {
            let mut j = i + 1;
            while j < hi && j < i + 4 && self.fw(j) && (is_time_word(self.low(j)) || matches!(self.low(j), "the" | "past")) {
                j += 1;
            }
            let timed = (i + 1..j).any(|k| self.low(k) != "the");
            let clause = j < hi && self.fw(j) && (np::is_pronoun(self.low(j)) || self.seg.tokens[j].cap);
            if timed && clause && !(j > i + 1 && self.low(j - 1) == "the") {
                i = j;
            } else {
                // "said in a statement it is …", "said in an interview he would …": a short
                // phrase in plain lower-case words, then a subject pronoun opening the clause
                let phrase = (i + 1..hi.min(i + 5)).find(|&k| !(self.fw(k) && !self.seg.tokens[k].cap && !subject_pronoun(self.low(k))));
                // (not "on" or "over", which may be the verb's own: "agrees on the draft it …")
                let opens = phrase.filter(|&k| {
                    k > i + 1
                        && matches!(self.low(i), "in" | "at" | "during")
                        // (an occasion for words, not a place: "said in the hall it was cold" is left)
                        && self.lex.occasions.contains(self.low(k - 1))
                        && self.fw(k)
                        && matches!(self.low(k), "he" | "she" | "it" | "they" | "we" | "i")
                        && (i + 1..k).all(|w| !self.cue_word(self.low(w)) && !is_clause_word(self.low(w)))
                });
                if let Some(k) = opens {
                    i = k;
                }
            }
        }
        while i < hi && (self.punct(i, ":") || self.punct(i, ",") || self.punct(i, "—") || self.punct(i, "-")) {
            i += 1;
        }
        i
    }

    /// Where the listener `[from, end)` after "told" really ends: a known body's name followed
    /// by a person's name ("told the BBC Michael Howard has …") is the body alone; the person
    /// (a given name or honorific the lexicon knows, then more capitalized words) opens the reported clause.
    fn recipient_end(&self, from: usize, end: usize) -> usize {
        let start = if self.fw(from) && matches!(self.low(from), "the" | "a" | "an") { from + 1 } else { from };
        let np = self.np();
        let Some(n) = (1..end.saturating_sub(start)).rev().find(|&n| np.known(start, start + n).is_some()) else { return end };
        let rest = start + n;
        let person =
            end - rest >= 2 && (rest..end).all(|k| self.fw(k) && self.seg.tokens[k].cap) && self.lex.gender_of(self.text(rest)).is_some();
        if person {
            rest
        } else {
            end
        }
    }

    /// The token of the "that" after an aside opening at `i` ("— on Twitter —", ", in a
    /// statement,", "on CNN, where he is a paid contributor,"): the aside starts with a dash,
    /// comma or bracket, or with a preposition; it holds no quotation and no sentence
    /// punctuation; and the "that" follows a closing dash, comma or bracket.
    fn aside_then_that(&self, i: usize, hi: usize) -> Option<usize> {
        if i >= hi {
            return None;
        }
        let opens = self.seg.tokens[i].kind == TokKind::Punct && matches!(self.text(i), "—" | "–" | "," | "(")
            || self.fw(i) && is_preposition(self.low(i));
        if !opens {
            return None;
        }
        let mut k = i + 1;
        while k < hi && k < i + 20 && self.frame(k) {
            if self.seg.tokens[k].kind == TokKind::Punct && matches!(self.text(k), ";" | ":" | "." | "?" | "!") {
                return None;
            }
            if self.fw(k) && self.low(k) == "that" {
                let closed = self.seg.tokens[k - 1].kind == TokKind::Punct && matches!(self.text(k - 1), "—" | "–" | "," | ")");
                return (closed && k > i + 2).then_some(k);
            }
            k += 1;
        }
        None
    }

    /// True when the object `[from, end)` of a claim or target verb is a name ("endorsed
    /// Clinton", "attacked Mr. Trump"): capitalized words up to the adjunct or clause end.
    fn named_object(&self, from: usize, end: usize) -> bool {
        let end = self.object_end(from, end);
        let words: Vec<usize> = (from..end).filter(|&k| self.is_word(k)).collect();
        // the verb before it is lower case: "See more BBC Express News" is a title, not a claim
        let verb = from > 0 && self.fw(from - 1) && !self.seg.tokens[from - 1].cap;
        verb && !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|&k| self.fw(k) && self.seg.tokens[k].cap)
            && (from..end).all(|k| self.is_word(k) || self.punct(k, ".") || self.punct(k, ","))
    }

    /// The end of a verb's object starting at `from` within `[from, end)`: before an adjunct of
    /// time ("during the debate", "in 2015", "on Monday", "last week") or an "and"/"but" and a
    /// verb of the subject's own ("and pledged …", "but praised …").
    fn object_end(&self, from: usize, end: usize) -> usize {
        for k in from + 1..end {
            if !self.fw(k) {
                continue;
            }
            let w = self.low(k);
            let next = (k + 1 < end && self.fw(k + 1)).then(|| self.low(k + 1));
            let verb = next.is_some_and(|n| {
                (n.ends_with("ed") || n.ends_with("ing") || self.lex.speech.contains(n) || self.lex.belief.contains(n))
                    && !self.seg.tokens[k + 1].cap
            });
            let timed = next.is_some_and(|n| {
                is_time_word(n) && !matches!(n, "also" | "then" | "once" | "now")
                    || n.chars().next().is_some_and(|c| c.is_ascii_digit())
                    || crate::date::MONTHS.contains(&n)
            });
            let adjunct = matches!(w, "during" | "when" | "while" | "after" | "before") || matches!(w, "in" | "on" | "at") && timed;
            if matches!(w, "and" | "but") && verb || adjunct {
                return k;
            }
        }
        end
    }

    /// True when token `i` is a word in the possessive ("CNN's", "channel’s").
    fn possessive(&self, i: usize) -> bool {
        let w = self.text(i);
        // ("he's" is "he is" or "he has")
        self.fw(i) && (w.ends_with("'s") || w.ends_with("’s")) && np::contracted_pronoun(w).is_none()
    }

    /// True when quotation `q` opens with a capital letter.
    fn capitalized(&self, q: usize) -> bool {
        self.seg.quotes[q].inner.of(&self.seg.doc.text).chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
    }

    /// A quotation that names a work rather than quoting anyone: after a possessive
    /// ("CNN's “State of the Union”") or short and in title case ("“Make Your Kid a Millionaire”").
    fn title_quote(&self, q: usize) -> bool {
        let quote = &self.seg.quotes[q];
        let words: Vec<&str> = quote.inner.of(&self.seg.doc.text).split_whitespace().collect();
        let open = self.seg.tokens.partition_point(|t| t.span.start < quote.open.start);
        let after_possessive = open > 0 && self.possessive(open - 1);
        let capitalized = |w: &&str| w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase());
        let title_case = (2..=8).contains(&words.len())
            && words.first().is_some_and(capitalized)
            && words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).all(capitalized)
            && !words.last().is_some_and(|w| w.ends_with(['.', '?', '!']));
        after_possessive || title_case
    }

    /// The end (exclusive token) of the clause starting at `from`.
    fn clause_end(&self, from: usize, hi: usize, stop_at: usize) -> usize {
        let mut i = from;
        // brackets open inside the clause: "will pay 481m yuan ($58m; £30m), once …" goes on
        let mut brackets = 0usize;
        while i < hi.min(stop_at) {
            if self.frame(i) {
                let t = self.text(i);
                match t {
                    "(" => brackets += 1,
                    ")" => brackets = brackets.saturating_sub(1),
                    _ => {}
                }
                if t == ";" && brackets == 0 || (t == "," && i + 1 < hi && self.fw(i + 1) && is_clause_break(self.low(i + 1))) {
                    // "the process was fair, but required candidates to …": a second verb of the
                    // reported clause's subject goes on with the clause
                    // "said he had offers, but “the offers were …”": the speaker's own words after "but"
                    let quoted_but = t == ","
                        && self.low(i + 1) == "but"
                        && i + 2 < hi
                        && matches!(self.seg.tokens[i + 2].kind, TokKind::Open(q) if self.seg.quotes[q].depth == 0);
                    let second_verb = quoted_but
                        || t == ","
                            && self.low(i + 1) == "but"
                            && i + 2 < hi
                            && self.fw(i + 2)
                            && !self.seg.tokens[i + 2].cap
                            && self.low(i + 2).ends_with("ed")
                            && !self.cue_word(self.low(i + 2));
                    // "said Trump, despite his wealth, is better placed": an aside right after the
                    // clause's subject, its verb after the closing comma, interrupts the clause
                    let aside = if t == "," { self.subject_aside(from, i, hi) } else { None };
                    if let Some(resume) = aside {
                        i = resume;
                        continue;
                    }
                    if !second_verb {
                        return i;
                    }
                }
                if t == "—" || t == "–" {
                    // "to ban all cars — a huge share of the traffic — from entering …": an aside
                    // between a pair of dashes, the clause going on after the second
                    let end = hi.min(stop_at);
                    let pair = (i + 1..end.min(i + 30)).find(|&k| self.frame(k) && self.text(k) == t);
                    let aside = pair.filter(|&k| {
                        k > i + 1
                            && k + 1 < end
                            && self.fw(k + 1)
                            && (i + 1..k).all(|j| {
                                !self.frame(j)
                                    || self.fw(j) && !self.cue_word(self.low(j))
                                    || matches!(self.text(j), "," | "-" | "’s" | "'s")
                            })
                    });
                    match aside {
                        Some(k) => {
                            i = k + 1;
                            continue;
                        }
                        None => return i,
                    }
                }
                // “…,” while …: the comma sits inside the marks
                if i > from && self.fw(i) && (is_clause_break(self.low(i)) || self.low(i) == "and") {
                    if let TokKind::Close(q) = self.seg.tokens[i - 1].kind {
                        if self.seg.quotes[q].inner.of(&self.seg.doc.text).ends_with(',') {
                            return i;
                        }
                    }
                }
            }
            i += 1;
        }
        i.min(hi)
    }

    /// The end of a mixed quote's clause that `clause_end` cut at `end`: it runs on over a clause
    /// opened by a word of the lexicon's `mixed_runs_on` ("…, because …", "“…,” even if …").
    fn mixed_end(&self, mut end: usize, hi: usize, stop: usize) -> usize {
        while end < hi.min(stop) {
            let word = if self.punct(end, ",") && end + 1 < hi && self.fw(end + 1) {
                end + 1
            } else if self.fw(end) {
                end
            } else {
                break;
            };
            if !self.lex.mixed_runs_on.contains(self.low(word)) {
                break;
            }
            end = self.clause_end(word + 1, hi, stop);
        }
        end
    }

    /// The content span of tokens `[from, to)`, trimmed of final punctuation outside quotes.
    fn content_span(&self, from: usize, mut to: usize) -> Option<Span> {
        while to > from {
            let t = &self.seg.tokens[to - 1];
            let s = self.text(to - 1);
            let dangling =
                t.kind == TokKind::Word && self.frame(to - 1) && matches!(self.low(to - 1), "and" | "but" | "or" | "while" | "as");
            if dangling
                || t.kind == TokKind::Punct && self.frame(to - 1) && matches!(s, "." | "," | ";" | ":" | "?" | "!" | "—" | "–" | "-" | ")")
            {
                to -= 1;
            } else {
                break;
            }
        }
        if to <= from {
            return None;
        }
        Some(Span::new(self.seg.tokens[from].span.start, self.seg.tokens[to - 1].span.end))
    }

    fn words_in(&self, from: usize, to: usize) -> usize {
        (from..to).filter(|&i| self.is_word(i)).count()
    }

    /// The other speakers joined to a cue's subject, left to right: "Labour and the Liberal
    /// Democrats say", "Ann Lee, Tom Hale and Bo Ray said". Names and bodies only, and only a
    /// list that opens the sentence ("Officials in Kyiv and Moscow said" is one subject).
    fn coordinated(&self, c: &Cue, sentence: Span) -> Vec<Mention> {
        let speaker = |m: &Mention| matches!(m.kind, MentionKind::Name | MentionKind::Organization);
        if c.speaker_after || !c.mention.as_ref().is_some_and(speaker) {
            return Vec::new();
        }
        let lo = self.seg.tokens.partition_point(|t| t.span.start < sentence.start);
        let hi = self.seg.tokens.partition_point(|t| t.span.start < sentence.end);
        let first = lo + skip_connective(self, lo);
        // (a sentence that is all opening phrase, "By paying the tax, " cut off there, has no list)
        if first >= hi {
            return Vec::new();
        }
        // (the mention's own first token, or its head's when the mention holds the list already:
        // "Ann Lee and Bo Ray" is one mention with the head "Bo Ray")
        let own = c.mention.as_ref().map_or(c.speaker_tokens.0, |m| {
            let joined = self.seg.doc.text.get(m.span.start..m.head.start).is_some_and(|w| w.split_whitespace().any(|w| w == "and"));
            let at = if joined { m.head.start } else { m.span.start };
            self.seg.tokens.partition_point(|t| t.span.start < at)
        });
        let (mut start, mut found, mut and) = (own, Vec::new(), false);
        while start > first + 1 {
            // "and" (", and" too) joins the last two; a comma joins the ones before
            let mut k = start;
            if self.fw(k - 1) && self.low(k - 1) == "and" && !and {
                and = true;
                k -= 1;
                if k > first + 1 && self.punct(k - 1, ",") {
                    k -= 1;
                }
            } else if and && self.punct(k - 1, ",") {
                k -= 1;
            } else {
                break;
            }
            // ("Both Cruz and Fiorina said": "both" opens the list, it is no given name)
            let from = if self.fw(first) && self.low(first) == "both" { first + 1 } else { lo };
            match self.np().backward(from, k) {
                // (a plain phrase: capitalized or "the …", no comma inside: "Mr. Effron, then at
                // UBS, and Mr. Pruzan" joins two people, not UBS)
                Some((m, s))
                    if speaker(&m)
                        && s >= first
                        && (self.seg.tokens[s].cap || self.low(s) == "the" || self.lex.is_role(self.low(s)))
                        && !(s..k).any(|i| self.punct(i, ",")) =>
                {
                    // ("Senators Rubio and Cruz": the plural title is no part of the name)
                    let mut m = m;
                    if self.lex.is_plural_title(self.text(s)) && m.head.start == self.seg.tokens[s].span.start && s + 1 < k {
                        m.head = Span::new(self.seg.tokens[s + 1].span.start, m.head.end);
                    }
                    found.push(m);
                    start = s;
                }
                _ => break,
            }
        }
        // (the list opens the sentence, or follows a quotation: "“…,” Ann Lee and Bo Ray said")
        let both = self.fw(first) && self.low(first) == "both";
        if found.is_empty() || start != first + usize::from(both) && !self.after_quotation(lo, start) {
            return Vec::new();
        }
        // "Minister for Children, Young People and Families Ann Lee": a title's list, not speakers
        // (a name's head right after a lower-case preposition)
        let leftmost = &found[found.len() - 1];
        let before_head = self.seg.tokens.partition_point(|t| t.span.start < leftmost.head.start);
        if leftmost.kind == MentionKind::Name && before_head > first && matches!(self.low(before_head - 1), "for" | "of" | "to") {
            return Vec::new();
        }
        found.reverse();
        found
    }

    fn push(
        &mut self,
        content: Span,
        kind: QuoteKind,
        cue: Option<&Cue>,
        sentence: Span,
        confidence: f32,
        continues: Option<usize>,
    ) -> usize {
        let (cue_span, mention) = match cue {
            Some(c) => {
                let cs = Span::new(self.seg.tokens[c.start].span.start, self.seg.tokens[c.end - 1].span.end);
                (Some(cs), c.mention.clone())
            }
            // a continuation rests on the mention of the quote it continues
            None => (None, continues.and_then(|k| self.out.get(k)).and_then(|a| a.mention.clone())),
        };
        // the same content twice (a mixed clause holding two quotes) is one statement
        // (only attributions of the last sentences can repeat it: no scan of the whole document)
        let recent = self.out.len().saturating_sub(16);
        if let Some(k) = self.out[recent..].iter().position(|a| a.content == content) {
            return recent + k;
        }
        let also = cue.map(|c| self.coordinated(c, sentence)).unwrap_or_default();
        self.out.push(Attribution {
            content,
            kind,
            cue: cue_span,
            mention,
            speaker: Speaker::default(),
            also,
            also_speakers: Vec::new(),
            confidence,
            sentence,
            continues,
        });
        self.out.len() - 1
    }

    fn sentence(&mut self, si: usize) {
        let s = &self.seg.sentences[si];
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let sspan = s.span;
        let para = s.paragraph;
        // the top-level quotes of this sentence: (quote index, open token, close token or None)
        let mut quotes: Vec<(usize, usize, Option<usize>)> = Vec::new();
        for i in lo..hi {
            if let TokKind::Open(q) = self.seg.tokens[i].kind {
                if self.seg.quotes[q].depth == 0 {
                    let close = (i + 1..hi).find(|&k| self.seg.tokens[k].kind == TokKind::Close(q));
                    quotes.push((q, i, close));
                }
            }
        }
        let cues = self.find_cues(lo, hi);
        let frame_words = (lo..hi).filter(|&i| self.fw(i)).count();
        if let Some(c) = cues.iter().rev().find(|c| c.class == CueClass::Speech && c.mention.is_some()) {
            self.last_cue = Some((c.clone(), para, sspan));
        }

        // a sentence that is nothing but a quotation
        if cues.is_empty() && !quotes.is_empty() && frame_words == 0 {
            for &(q, open, _) in &quotes {
                let inner = self.seg.quotes[q].inner;
                if inner.is_empty() {
                    continue;
                }
                // "“PENCE: Well, the question …”": a transcript quoted whole, its speaker's label first
                if let Some(span) = self.quoted_label(open, hi, inner) {
                    let label = self.seg.tokens[open + 1].span;
                    let c = Cue {
                        start: open + 2,
                        end: open + 3,
                        class: CueClass::Speech,
                        mention: Some(Mention { span: label, head: label, kind: MentionKind::Name, apposition: None, relative: None }),
                        speaker_after: false,
                        speaker_tokens: (open + 1, open + 2),
                    };
                    self.push(span, QuoteKind::Direct, Some(&c), sspan, 0.7, None);
                    continue;
                }
                if let Some((cue, _)) = self.pending_colon.take() {
                    self.push(inner, QuoteKind::Direct, Some(&cue), sspan, 0.85, None);
                    self.pending_colon = Some((cue, para));
                    continue;
                }
                // “…” Trump said. / “…” — Sanders.: the cue stands alone in the next sentence
                if let Some(cue) = self.next_sentence_cue(si) {
                    self.push(inner, QuoteKind::Direct, Some(&cue), sspan, 0.8, None);
                    continue;
                }
                let prev = self.previous_speaker(para, inner.start);
                let prev_end = prev.map_or(0, |k| self.out[k].sentence.end);
                if let Some((cue, cpara, csent)) = self.last_cue.clone() {
                    let after_prev = csent.end > prev_end && self.out.iter().all(|a| a.sentence != csent);
                    if after_prev && (cpara == para || cpara + 1 == para) {
                        self.push(inner, QuoteKind::Direct, Some(&cue), sspan, 0.6, None);
                        continue;
                    }
                }
                // "It was close. "I felt good," said Holmes.: a quotation left open, no one speaking
                // before it, goes on in the next one, and the speaker named after that one spoke both
                if prev.is_none() {
                    if let Some(cue) = self.continued_quote_cue(si, q) {
                        self.push(inner, QuoteKind::Direct, Some(&cue), sspan, 0.75, None);
                        continue;
                    }
                }
                // a quotation nobody in reach is credited with is not an attribution: it is left
                // to the attribution checks, which flag it
                if let Some(k) = prev {
                    self.push(inner, QuoteKind::Direct, None, sspan, 0.7, Some(k));
                }
            }
            return;
        }
        self.pending_colon = None;
        self.asked(lo, hi, sspan);
        // a list item ("• Russia demands security concessions") is the writer's summary
        let bullet = self.seg.tokens[lo].kind == TokKind::Punct && matches!(self.text(lo), "•" | "*" | "-" | "–" | "—" | "·" | "▪")
            || self.fw(lo) && self.text(lo).chars().all(|c| c.is_ascii_digit()) && lo + 1 < hi && matches!(self.text(lo + 1), "." | ")");
        if bullet && quotes.is_empty() {
            return;
        }

        let mut owned = vec![false; quotes.len()];
        let mut cue_used = vec![false; cues.len()];
        // 1. a quote followed by its cue: “…,” he said / “…,” said X
        for (qi, &(q, _open, close)) in quotes.iter().enumerate() {
            let Some(close) = close else { continue };
            // "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Ann Lee said …": a title
            // after a possessive is no one's words, even before a cue
            if _open > lo && self.possessive(_open - 1) && self.capitalized(q) && self.title_quote(q) {
                continue;
            }
            let mut k = close + 1;
            while k < hi && self.seg.tokens[k].kind == TokKind::Punct && matches!(self.text(k), "," | "—" | "–" | "-") {
                k += 1;
            }
            // “…” ― Name: a dash and a name closing the line
            let dash = close + 1;
            if dash + 1 < hi && self.seg.tokens[dash].kind == TokKind::Punct && matches!(self.text(dash), "―" | "—" | "–") {
                let k = dash + 1;
                if let Some((m, end)) = self.np().forward(k, hi, false) {
                    let rest = (end..hi).filter(|&i| self.fw(i)).count();
                    if m.kind == MentionKind::Name && rest == 0 {
                        let inner = self.seg.quotes[q].inner;
                        let dash = Cue {
                            start: k - 1,
                            end: k,
                            class: CueClass::Speech,
                            mention: Some(m),
                            speaker_after: true,
                            speaker_tokens: (k, end),
                        };
                        self.push(inner, QuoteKind::Direct, Some(&dash), sspan, 0.8, None);
                        owned[qi] = true;
                        continue;
                    }
                }
            }
            if let Some(ci) = cues.iter().position(|c| {
                let first = if c.speaker_after { c.start } else { c.speaker_tokens.0.min(c.start) };
                // a participle that only borrows its subject ("…,” adding that …) starts a new statement
                let own_speaker = c.speaker_after || c.speaker_tokens.0 < c.speaker_tokens.1;
                first == k && own_speaker && (c.class == CueClass::Speech || c.class == CueClass::Source && k > close + 1)
            }) {
                let inner = self.seg.quotes[q].inner;
                if !inner.is_empty() {
                    let conf = if cues[ci].mention.as_ref().is_some_and(|m| m.kind == MentionKind::Pronoun) { 0.85 } else { 0.93 };
                    // words of the reporter's before the quote in the same clause: the statement is mixed
                    let mut from = _open;
                    while from > lo {
                        let k = from - 1;
                        let stop = matches!(self.seg.tokens[k].kind, TokKind::Close(_))
                            || (self.frame(k)
                                && self.seg.tokens[k].kind == TokKind::Punct
                                && matches!(self.text(k), ";" | ":" | "—" | "–" | "(" | ")"))
                            || cues.iter().any(|c| c.end.max(c.speaker_tokens.1) == from && c.start < _open);
                        if stop {
                            break;
                        }
                        from = k;
                    }
                    if from < _open && from == lo + skip_connective(self, lo) && (from.._open).filter(|&i| self.fw(i)).count() >= 2 {
                        from = lo + skip_connective(self, lo);
                    }
                    let lead_words = (from.._open).filter(|&i| self.fw(i)).count();
                    if lead_words >= 2 {
                        if let Some(span) = self.content_span(from, close + 1) {
                            self.push(span, QuoteKind::Mixed, Some(&cues[ci]), sspan, conf - 0.1, None);
                            owned[qi] = true;
                            cue_used[ci] = true;
                            for (qj, &(_, o2, _)) in quotes.iter().enumerate() {
                                if o2 >= from && o2 < close {
                                    owned[qj] = true;
                                }
                            }
                            continue;
                        }
                    }
                    self.push(inner, QuoteKind::Direct, Some(&cues[ci]), sspan, conf, None);
                    owned[qi] = true;
                    cue_used[ci] = true;
                    // “A,” she said, “B.”: the quote right after the cue is hers too
                    let after = cues[ci].end.max(cues[ci].speaker_tokens.1);
                    let mut m = after;
                    while m < hi && self.seg.tokens[m].kind == TokKind::Punct && matches!(self.text(m), "," | ":" | "." | "—") {
                        m += 1;
                    }
                    if let Some(nq) = quotes.iter().position(|&(_, o, _)| o == m) {
                        let inner2 = self.seg.quotes[quotes[nq].0].inner;
                        if !inner2.is_empty() {
                            self.push(inner2, QuoteKind::Direct, Some(&cues[ci]), sspan, conf, None);
                            owned[nq] = true;
                        }
                    }
                }
            }
        }
        // 2. a cue followed by what it governs
        for (ci, cue) in cues.iter().enumerate() {
            if cue.class == CueClass::Source {
                continue;
            }
            // a passive cue with its agent: what was said is the clause's subject
            if cue.speaker_after && cue.speaker_tokens.0 == cue.end {
                if let Some(aux) = self.passive_aux(cue, lo) {
                    let first = lo + skip_connective(self, lo);
                    // "her call was backed by …", "he was questioned by …": the subject of a verb that
                    // takes no clause is its target, not something said
                    let w = self.low(cue.start);
                    let target = self.lex.np_object.contains(w) && !self.lex.bare_clause.contains(w);
                    if !target && first < aux && self.words_in(first, aux) >= 2 && !cue_used[ci] {
                        if let Some(span) = self.content_span(first, aux) {
                            self.push(span, QuoteKind::Indirect, Some(cue), sspan, 0.6, None);
                            cue_used[ci] = true;
                        }
                    }
                    continue;
                }
            }
            // "Many of the closures, he said, have involved …", "…, he said, adding …": a cue set off
            // by commas reports the whole sentence or the clause before it, which step 3 takes
            if !cue_used[ci] && self.set_off(cue, lo, hi).is_some() {
                continue;
            }
            let after = if cue.speaker_after { cue.speaker_tokens.1 } else { cue.end };
            // the next cue bounds this one's clause
            // (a cue nested inside this one's content, "said he believes …", does not, unless this one is a
            // position verb taking no clause: "who supported which bill that X said, “…”")
            let position = cue.class == CueClass::Belief
                && cue.end == cue.start + 1
                && self.lex.np_object.contains(self.low(cue.start))
                && !self.lex.bare_clause.contains(self.low(cue.start));
            let bound = |skip: usize| {
                cues[ci + 1..]
                    .iter()
                    .map(|n| if n.speaker_after { n.start } else { n.speaker_tokens.0.min(n.start) })
                    // "Ann Lee, who endorsed Hale, spoke …": a later cue sharing this one's subject does not bound it
                    .filter(|&first| first >= after && first != skip)
                    .find(|&first| {
                        position
                            || first <= lo
                            || self.seg.tokens[first - 1].kind == TokKind::Punct && self.frame(first - 1)
                            || matches!(self.seg.tokens[first - 1].kind, TokKind::Close(_))
                            || self.fw(first - 1)
                                && matches!(self.low(first - 1), "and" | "but" | "while" | "whereas" | "although" | "though")
                    })
                    .unwrap_or(hi)
            };
            let mut stop = bound(usize::MAX);
            let object_verb = cue.end == cue.start + 1 && self.lex.telling.contains(self.low(cue.start));
            // (a verb taking an infinitive, or one naming ("called them “a necessary step”"), has its
            // listener before what was said; a verb taking a clause has none, and the object of one
            // that takes an object is part of what was said: "accused him of lying")
            // (nor has a finding: "polls show him leading")
            let takes_object = cue.class != CueClass::Evidence
                && !(cue.start..cue.end).any(|k| {
                    let w = self.low(k);
                    (self.lex.bare_clause.contains(w) || self.lex.np_object.contains(w)) && !self.lex.infinitive.contains(w)
                });
            let mut start = self.skip_to_content(after, stop, object_verb, takes_object);
            if object_verb && start < stop && !(self.fw(start) && self.low(start) == "that") {
                // "told members of the executive council that …"
                if let Some(t) = (start..stop.min(start + 12)).take_while(|&k| self.fw(k)).find(|&k| self.low(k) == "that") {
                    start = t;
                }
            }
            // A clause or phrase fronted inside the content bounds nothing: neither its own subject
            // nor the subject of the main clause after its comma is a new speaker.
            let opener = if start < stop && self.fw(start) && self.low(start) == "that" { start + 1 } else { start };
            if stop < hi && opener < stop && self.fw(opener) {
                let w = self.low(opener);
                // "said although the latest figures showed …, the EU still had …": the next cue's
                // subject opens the subordinate clause (not after a comma: "Ann Lee agreed, while Bo
                // Ray said …" are two; and with a main clause after a comma: "insisted while the
                // unions argued it would fail" is two)
                if opener + 1 == stop && is_subordinator(w) && !self.punct(start - 1, ",") && (stop..hi).any(|k| self.punct(k, ",")) {
                    stop = bound(stop);
                }
            }
            if stop < hi && opener == start + 1 && opener + 1 < stop && self.fw(opener) {
                let w = self.low(opener);
                // "argued that since it had a subsidiary, the court could declare …", "said that in
                // the event of a loss, it would …": the next cue's subject opens the main clause after
                // the comma closing the fronted clause or phrase (but a cue that ends the sentence is
                // the writer's: "he finds that in his work, he said")
                let reports = cues[ci + 1..]
                    .iter()
                    .find(|n| n.speaker_tokens.0.min(n.start) == stop)
                    .is_some_and(|n| n.end < hi && (self.fw(n.end) || self.punct(n.end, ",") && n.end + 1 < hi && self.fw(n.end + 1)));
                if (is_subordinator(w) || is_preposition(w))
                    && reports
                    && (opener + 1..stop).find(|&k| self.punct(k, ",")) == Some(stop - 1)
                {
                    stop = bound(stop);
                }
            }
            // "While Ramos said that journalists …, he appears …": a cue inside the subordinate
            // clause opening the sentence reports no further than the comma closing that clause
            let stop = self.subordinate_close(lo, cue, start, stop).unwrap_or(stop);
            if start >= stop {
                let para_end = self.seg.paragraphs[para].end == sspan.end;
                if start >= hi && (self.punct(hi - 1, ":") || para_end) && cue.class == CueClass::Speech {
                    self.pending_colon = Some((cue.clone(), para));
                }
                continue;
            }
            let mut end = self.clause_end(start, hi, stop);
            // "criticized Singer and challenged him …": the "and" before the next cue is neither's,
            // and what comes before it is a whole object ("denied any wrongdoing and said …")
            let before_verb = end == stop && end > start + 1 && self.fw(end - 1) && matches!(self.low(end - 1), "and" | "but" | "or");
            if before_verb {
                end -= 1;
            }
            let object_words = if before_verb { 2 } else { 3 };
            // "Ann Lee, who said the plan failed, left …": a relative clause between commas ends at its comma
            let (sp0, sp1) = cue.speaker_tokens;
            let relative = !cue.speaker_after
                && sp1 >= sp0 + 2
                && sp1 <= cue.start
                && self.fw(sp1 - 1)
                && matches!(self.low(sp1 - 1), "who" | "which")
                && self.punct(sp1 - 2, ",");
            if relative {
                if let Some(c) = (start..end).find(|&k| self.frame(k) && self.punct(k, ",")) {
                    end = c;
                }
            }
            // "a limit that economists consider sustainable", "which officials said will take
            // effect …": a relative pronoun before the speaker stands inside the clause the cue
            // reports, which runs from the pronoun to the end of the relative clause
            let gapped = !cue.speaker_after
                && sp0 > lo
                && sp0 < sp1
                && sp1 <= cue.start
                && start == after
                && !(self.fw(start) && self.low(start) == "that")
                && self.object_relative(sp0 - 1, lo)
                && self.gap_follows(cue, start, end);
            if gapped {
                start = sp0 - 1;
                if let Some(c) = (after..end).find(|&k| self.frame(k) && matches!(self.text(k), "," | ";" | ":" | "—" | "–" | "(" | ")"))
                {
                    end = c;
                }
            }
            let qs: Vec<usize> = (0..quotes.len()).filter(|&qi| !owned[qi] && quotes[qi].1 >= start && quotes[qi].1 < end).collect();
            if let Some(&first) = qs.first() {
                let (q, open, close) = quotes[first];
                // a cue that already has its quotation takes no title as another ("“…,” he said
                // Wednesday on MSNBC’s “Morning Joe.”", "he said of the claim on ABC’s “This Week.”")
                let adjunct =
                    self.fw(start) && (is_preposition(self.low(start)) || is_time_word(self.low(start)) || self.low(start) == "of");
                if cue_used[ci] && (adjunct || self.capitalized(q)) && self.title_quote(q) {
                    continue;
                }
                let inner = self.seg.quotes[q].inner;
                let rest_start = close.map_or(hi, |c| c + 1);
                let rest_words = (rest_start..end).filter(|&i| self.fw(i)).count();
                let after_colon = open > start && self.punct(open - 1, ":");
                let only_quote = (open == start || after_colon) && qs.len() == 1 && rest_words == 0;
                if only_quote && !inner.is_empty() {
                    let lead_cap = inner.of(&self.seg.doc.text).chars().next().is_some_and(|c| c.is_uppercase());
                    let intro = start > after && matches!(self.text(start - 1), ":" | ",");
                    let kind = if lead_cap || intro { QuoteKind::Direct } else { QuoteKind::Mixed };
                    self.push(inner, kind, Some(cue), sspan, 0.9, None);
                } else {
                    // "called it “a trap,” because …": a mixed quote runs on over a clause of cause or manner
                    let mut end = self.mixed_end(end, hi, stop);
                    // "called the merger “a terrible deal” and ranked …", "called Cruz “a hypocrite,”
                    // linking to …": after a verb of naming, the name in quotation marks ends what it
                    // reports when a second verb of the subject's follows
                    let naming = cue.end == cue.start + 1 && self.lex.naming.contains(self.low(cue.start));
                    let second_verb = |c: usize| {
                        let k = if c + 1 < hi && self.punct(c + 1, ",") { c + 2 } else { c + 1 };
                        let verb = |i: usize| {
                            i < hi && self.fw(i) && !self.seg.tokens[i].cap && (self.low(i).ends_with("ed") || self.cue_word(self.low(i)))
                        };
                        k + 1 < hi
                            && self.fw(k)
                            && (self.low(k) == "and" && verb(k + 1)
                                || k == c + 2 && self.low(k).ends_with("ing") && !self.seg.tokens[k].cap)
                    };
                    if let Some(c) = close.filter(|&c| naming && c + 1 < end && self.words_in(start, open) <= 6 && second_verb(c)) {
                        end = c + 1;
                    }
                    if let Some(span) = self.content_span(start, end) {
                        self.push(span, QuoteKind::Mixed, Some(cue), sspan, 0.8, None);
                    }
                    for qi in (0..quotes.len()).filter(|&qi| quotes[qi].1 >= start && quotes[qi].1 < end) {
                        owned[qi] = true;
                    }
                }
                for qi in qs {
                    owned[qi] = true;
                }
                cue_used[ci] = true;
                continue;
            }
            // no quote: reported speech
            if cue_used[ci] {
                continue;
            }
            // ("Having said that, …": there "that" is the pronoun, and opens nothing)
            let having = cue.start > lo && self.fw(cue.start - 1) && self.low(cue.start - 1) == "having";
            // ("doubted whether …", "wondered whether …": an open question is stated as "that" is)
            let starts_that = self.fw(start)
                && (self.low(start) == "that" && !(having && start + 1 < hi && self.punct(start + 1, ","))
                    || self.low(start) == "whether" && start == cue.end);
            // the cue's words as the lexicon lists them ("denied", "called on")
            let phrase: std::borrow::Cow<str> = if cue.end == cue.start + 1 {
                self.low(cue.start).into()
            } else {
                (cue.start..cue.end).map(|k| self.low(k)).collect::<Vec<_>>().join(" ").into()
            };
            // a verb that takes a claim or a target as its object ("denied", "criticized")
            let object_verb = self.lex.np_object.contains(&*phrase);
            // "Rubio wants to emerge as …", "declined to say whether …": the infinitive is the position
            let infinitive = start == cue.end
                && self.fw(start)
                && self.low(start) == "to"
                && (cue.start..cue.end).any(|k| self.lex.infinitive.contains(self.low(k)))
                && cue.mention.is_some()
                && self.words_in(start, self.clause_end(start, hi, stop)) >= 2
                // "urged the council to act", "asked the network to donate …": after a listener, the
                // request is the infinitive
                || start > cue.end
                    && !cue.speaker_after
                    && cue.mention.is_some()
                    // ("called on Trump to stop …")
                    && self.lex.requests.contains(&*phrase)
                    && self.fw(start)
                    && self.low(start) == "to"
                    && start + 1 < stop
                    && self.fw(start + 1)
                    && !self.seg.tokens[start + 1].cap
                    && !is_function_word(self.low(start + 1))
                    && !matches!(self.low(start + 1), "his" | "her" | "its" | "their" | "my" | "your" | "our")
                    && self.words_in(start, self.clause_end(start, hi, stop)) >= 3;
            // "called him divisive", "branded them a disgrace": a verb of naming, its pronoun object
            // and what it names the object (not "called him back", "called her on Monday")
            let named = cue.end == cue.start + 1
                && !cue.speaker_after
                && self.lex.naming.contains(self.low(cue.start))
                && after + 1 < end
                && self.fw(after)
                && self.fw(after + 1)
                && is_object_pronoun(self.low(after))
                && !is_preposition(self.low(after + 1))
                && !matches!(
                    self.low(after + 1),
                    "back" | "up" | "off" | "out" | "about" | "into" | "and" | "or" | "as" | "that" | "quits"
                );
            if named {
                start = after;
            }
            let ok = infinitive
                || named
                || gapped && self.words_in(start, end) >= 4
                || match cue.class {
                    CueClass::Speech => {
                        let w = self.low(start);
                        // "said more …" is no clause, "said more than half …" is
                        let more = w == "more" && !(start + 1 < stop && self.fw(start + 1) && self.low(start + 1) == "than");
                        // "said about the plan …" is no clause, "said about half of …" is
                        let about = w == "about"
                            && !(start + 1 < stop && self.fw(start + 1) && {
                                let n = self.low(start + 1);
                                np::is_number_word(n) || matches!(n, "half" | "a") || n.starts_with(|c: char| c.is_ascii_digit())
                            });
                        // "said no." and "said no to the plan" answer or refuse; "said no decision had
                        // been made" reports a clause
                        let no = w == "no"
                            && !(start + 1 < stop && self.fw(start + 1) && !matches!(self.low(start + 1), "to" | "more" | "longer"));
                        let bad_start = !self.fw(start)
                            || more
                            || about
                            || no
                            || matches!(
                                w,
                                "to" | "for"
                                    | "of"
                                    | "so"
                                    | "nothing"
                                    | "anything"
                                    | "something"
                                    | "yes"
                                    | "goodbye"
                                    | "hello"
                                    | "otherwise"
                                    | "as"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "with"
                                    | "by"
                                    | "from"
                                    | "and"
                                    | "or"
                                    | "but"
                            );
                        // "The talks failed, Tom Hale said after the debate": after a clause and a comma,
                        // the subject's cue ends the statement and a time clause after it is no content
                        let (s0, _) = cue.speaker_tokens;
                        // (a clause, not an opening adjunct: "On Thursday, Comey will testify before …")
                        let after_clause = !cue.speaker_after && s0 > lo + 2 && self.punct(s0 - 1, ",") && self.words_in(lo, s0 - 1) >= 4;
                        let bad_start = bad_start || after_clause && matches!(w, "after" | "before" | "during" | "until" | "since");
                        let bare = (cue.start..cue.end).any(|k| self.lex.bare_clause.contains(self.low(k)));
                        // "backed by a majority", "supporting in his campaign": no object
                        // ("Republican support was solid", "support among voters": a noun, no object)
                        let object = object_verb
                            && self.fw(start)
                            && !matches!(w, "that" | "to" | "it" | "so" | "among")
                            && !is_preposition(w)
                            && !is_auxiliary(w);
                        let min_words = if subject_pronoun(w) { 2 } else { 3 };
                        // "asked the mayor whether …", "asked voters to …": a question or request needs its
                        // wh-word, "if" or infinitive within a short object; "he was asked if …" is the
                        // question put to him, not his
                        let ask = self.low(cue.start).starts_with("ask");
                        let passive = {
                            let mut k = cue.start;
                            while k > lo && self.fw(k - 1) && (is_between(self.low(k - 1)) || self.adverb(self.low(k - 1))) {
                                k -= 1;
                            }
                            (k.saturating_sub(1).max(lo)..cue.start)
                                .any(|i| self.fw(i) && matches!(self.low(i), "was" | "were" | "is" | "are" | "been" | "being" | "be"))
                        };
                        // "a letter to X asking …": a participle with no comma before it qualifies the noun
                        let reduced = self.low(cue.start).ends_with("ing") && !(cue.start > lo && self.punct(cue.start - 1, ","));
                        let question = !ask
                            || !passive
                                && !reduced
                                && (start..stop.min(start + 7)).take_while(|&k| self.fw(k)).any(|k| {
                                    matches!(
                                        self.low(k),
                                        "if" | "whether" | "what" | "who" | "why" | "how" | "which" | "when" | "where" | "to"
                                    )
                                });
                        let bare = bare && question;
                        starts_that
                            || (bare && !bad_start && self.words_in(start, end) >= min_words && cue.mention.is_some())
                            || object && (self.words_in(start, end) >= object_words || self.named_object(start, end))
                    }
                    CueClass::Belief | CueClass::Evidence => {
                        let w = self.low(start);
                        let bare = (cue.start..cue.end).any(|k| self.lex.bare_clause.contains(self.low(k)));
                        let doc_subject =
                            cue.mention.as_ref().is_some_and(|m| matches!(m.kind, MentionKind::Document | MentionKind::Organization));
                        let clause_start = self.fw(start)
                            && (subject_pronoun(w)
                                || self.seg.tokens[start].cap
                                || matches!(
                                    w,
                                    "the" | "a" | "an" | "there" | "this" | "these" | "those" | "most" | "many" | "some" | "more"
                                )
                                // "hoped his endorsement would …"
                                || matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your")
                                // "fears voters may …", "thinks house prices will …": a bare noun
                                // or two, then an auxiliary (not an object: "knows voters well")
                                || self.bare_noun_subject(start, end));
                        let not_prep = self.fw(start)
                            && !is_preposition(w)
                            && !is_auxiliary(w)
                            && !matches!(w, "that" | "so" | "and" | "or" | "but" | "it" | "among");
                        // "voters oppose the plan": a position verb's object is its target
                        let object =
                            object_verb && not_prep && (self.words_in(start, end) >= object_words || self.named_object(start, end));
                        // "sees the deal as a trap": the object and its "as" are the view
                        let view = self.lex.as_view.contains(self.low(cue.start))
                            && start == cue.end
                            && not_prep
                            && self.view_as(start, end).is_some();
                        starts_that
                            || bare && clause_start
                            || cue.class == CueClass::Evidence && doc_subject && not_prep && self.words_in(start, end) >= 3
                            || object
                            || view
                    }
                    CueClass::Source => false,
                };
            // "called on Trump to stop …": a phrase that puts a request states one only with its
            // infinitive ("called on the phone", "called on Monday" state nothing)
            let phrase_request = cue.end > cue.start + 1 && self.lex.requests.contains(&*phrase);
            let ok = ok
                && (!phrase_request
                    || (start..end.saturating_sub(1))
                        .any(|k| self.fw(k) && self.low(k) == "to" && self.fw(k + 1) && !self.seg.tokens[k + 1].cap));
            // "endorsed Ms Lee in March and campaigned for her": the object of a verb that takes a
            // claim or a target as its object ends before a time or place adjunct or the
            // speaker's next verb
            let end = if !starts_that && !infinitive && !gapped && object_verb {
                let e = self.object_end(start, end);
                // a verb that takes no clause ("supported Trump, providing …", "who support Sanders are …"):
                // its object ends at a comma, before a verb of the sentence's own, "by" or a subordinate clause
                // ("questioned whether Cruz is eligible", "criticized how the plan was run": a clause
                // object runs on past its verb)
                let clause = self.fw(start) && matches!(self.low(start), "whether" | "how" | "why" | "what");
                // ("highlighted the fact that problems had not gone": a noun's content clause, which
                // opens with its own subject, runs on too; "the claims that were made" ends)
                let content_clause = (start + 1..e.saturating_sub(1)).take(6).any(|k| {
                    self.fw(k)
                        && self.low(k) == "that"
                        && self.fw(k - 1)
                        && self.lex.complement_nouns.contains(self.low(k - 1))
                        && self.fw(k + 1)
                        && !is_auxiliary(self.low(k + 1))
                        && !self.low(k + 1).ends_with("ed")
                });
                if clause || content_clause || (cue.start..cue.end).any(|k| self.lex.bare_clause.contains(self.low(k))) {
                    e
                } else {
                    (start + 1..e)
                        .find(|&k| {
                            self.fw(k)
                                && matches!(
                                    self.low(k),
                                    "is" | "are"
                                        | "was"
                                        | "were"
                                        | "has"
                                        | "have"
                                        | "had"
                                        | "by"
                                        | "if"
                                        | "because"
                                        | "unless"
                                        | "although"
                                )
                                // "banned all weapons, including rifles": an "including" list is part of the object
                                || self.punct(k, ",") && !(k + 1 < e && self.fw(k + 1) && self.low(k + 1) == "including")
                        })
                        .unwrap_or(e)
                }
            } else {
                end
            };
            // "Tom Hale said he would oppose any new taxes": a verb taking a target, with a pronoun
            // for its subject, inside what an earlier cue of the sentence reported is part of that
            // statement, not a second one
            let nested = object_verb
                && cue.mention.as_ref().is_some_and(|m| m.kind == MentionKind::Pronoun)
                && self.out.iter().rev().take_while(|a| a.sentence == sspan).any(|a| {
                    a.content.start <= self.seg.tokens[cue.start].span.start && self.seg.tokens[cue.end - 1].span.end <= a.content.end
                });
            if ok && !nested && (self.words_in(start, end) >= 2 || self.named_object(start, end)) {
                if let Some(span) = self.content_span(start, end) {
                    self.push(span, QuoteKind::Indirect, Some(cue), sspan, 0.7, None);
                    cue_used[ci] = true;
                }
            }
        }
        // "X went so far as to say: “…”", "Kasich: ‘…’": a quotation after a colon is the
        // sentence subject's, whatever the verb
        for (qi, &(q, open, close)) in quotes.iter().enumerate() {
            if owned[qi] || open <= lo || !self.punct(open - 1, ":") || self.seg.quotes[q].inner.is_empty() {
                continue;
            }
            let mut first = lo + skip_connective(self, lo);
            while first < open && self.fw(first) && matches!(self.low(first), "and" | "but" | "so" | "then" | "yet") {
                first += 1;
            }
            // the colon is the cue of whoever `tokens` name
            let colon = |m: Mention, tokens: (usize, usize)| Cue {
                start: open - 1,
                end: open,
                class: CueClass::Speech,
                mention: Some(m),
                speaker_after: false,
                speaker_tokens: tokens,
            };
            let subject = self.np().forward(first, open, true).filter(|(m, end)| {
                let headline = *end == open - 1;
                let subject = matches!(
                    m.kind,
                    MentionKind::Name | MentionKind::Organization | MentionKind::Pronoun | MentionKind::Role | MentionKind::Group
                );
                subject && (headline || (*end..open - 1).any(|k| self.fw(k)))
            });
            let Some((m, end)) = subject else {
                // "… doesn't surprise pollster Ann Lee: “…”", "More from the report: “…”": else a name,
                // body or document right before the colon, when the quotation runs to the end of the
                // sentence (not a listener: "told the newspaper NRC: “…”" quotes the teller)
                if let Some((m, start)) = self.np().backward(first, open - 1) {
                    let named = matches!(m.kind, MentionKind::Name | MentionKind::Organization | MentionKind::Document);
                    let to_end = close.is_none_or(|c| self.words_in(c + 1, hi) == 0);
                    // (`start > first` first: a name opening the text has no word before it)
                    let listener =
                        start > first && self.fw(start - 1) && (self.low(start - 1) == "to" || self.cue_word(self.low(start - 1)));
                    if named && to_end && start > first && !listener {
                        self.push(self.seg.quotes[q].inner, QuoteKind::Direct, Some(&colon(m, (start, open - 1))), sspan, 0.6, None);
                        owned[qi] = true;
                    }
                }
                continue;
            };
            let headline = end == open - 1;
            let c = colon(m, (first, end));
            // "Lee: ‘No Idea’ If the Plan Works": a headline quoting some of its words is mixed
            let rest = close.map_or(0, |c| self.words_in(c + 1, hi));
            let span = if headline && rest > 0 { self.content_span(open, hi) } else { None };
            if let Some(span) = span {
                self.push(span, QuoteKind::Mixed, Some(&c), sspan, 0.6, None);
                for (qj, &(_, o2, _)) in quotes.iter().enumerate() {
                    owned[qj] |= o2 >= open;
                }
            } else {
                self.push(self.seg.quotes[q].inner, QuoteKind::Direct, Some(&c), sspan, 0.7, None);
                owned[qi] = true;
            }
        }
        // "Cruz hailed Bush as “a man who didn’t go to the gutter”": a quotation in the predicate of a
        // sentence whose subject is a person is that person's words, whatever the verb
        if quotes.iter().enumerate().any(|(qi, _)| !owned[qi]) {
            self.predicate_quotes(lo, hi, &quotes, &mut owned, sspan);
        }
        // "Gingrich: Trump must decide …", "MATTHEWS: Well, …": a speaker label or headline source
        // (a headline quoting some of its words, "Lee: Council ‘Must Publish’ Contracts", is mixed)
        // (a label ends at a colon within its first five tokens: without one, no phrase is parsed)
        let colon_near = (lo + 1..hi.min(lo + 5)).any(|k| self.punct(k, ":"));
        if owned.iter().all(|&o| !o) && hi > lo + 3 && colon_near {
            if let Some((m, end)) = self.np().forward(lo, hi, false) {
                // a person's name (a known given name or honorific first) or an all-caps transcript label
                let first = self.text(lo);
                let person = m.kind == MentionKind::Name && (self.lex.gender_of(first).is_some() || self.lex.is_honorific(first));
                let transcript = end == lo + 1 && first.len() > 2 && first.chars().all(|c| !c.is_lowercase());
                let label =
                    end < hi && self.punct(end, ":") && end - lo <= 4 && (person || transcript || self.headline_source(&m, lo, end, hi));
                if label && self.words_in(end + 1, hi) >= 3 {
                    if let Some(span) = self.content_span(end + 1, hi) {
                        let c = Cue {
                            start: end,
                            end: end + 1,
                            class: CueClass::Speech,
                            mention: Some(m),
                            speaker_after: false,
                            speaker_tokens: (lo, end),
                        };
                        let kind = if quotes.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
                        self.push(span, kind, Some(&c), sspan, 0.5, None);
                        owned.iter_mut().for_each(|o| *o = true);
                    }
                }
            }
        }
        // "President X released the following statement:" — the quotation that follows is X's
        if self.pending_colon.is_none() && quotes.is_empty() && hi > lo && self.punct(hi - 1, ":") {
            let first = lo + skip_connective(self, lo);
            if let Some((m, _)) = self.np().forward(first, hi, true) {
                if matches!(m.kind, MentionKind::Name | MentionKind::Organization | MentionKind::Pronoun | MentionKind::Role) {
                    let c = Cue {
                        start: hi - 1,
                        end: hi,
                        class: CueClass::Speech,
                        mention: Some(m),
                        speaker_after: false,
                        speaker_tokens: (first, first),
                    };
                    self.pending_colon = Some((c, para));
                }
            }
        }
        // 3. post-posed and source cues: "CLAUSE, X said." / "CLAUSE, according to X." / "According to X, CLAUSE."
        for (ci, cue) in cues.iter().enumerate() {
            if cue_used[ci] {
                continue;
            }
            let first = if cue.speaker_after || cue.class == CueClass::Source { cue.start } else { cue.speaker_tokens.0 };
            let last = if cue.speaker_after || cue.class == CueClass::Source { cue.speaker_tokens.1 } else { cue.end };
            let before_comma = first > lo && self.punct(first - 1, ",");
            let clause_before = before_comma && (lo..first - 1).filter(|&i| self.fw(i)).count() >= 3;
            let tail_words = (last..hi).filter(|&i| self.fw(i)).count();
            let parenthetical = self.set_off(cue, lo, hi) == Some(true);
            // "…, according to X." / "… — according to X." / "… according to X." closing the sentence
            // (the only cue of the sentence, its source running in plain words to the end)
            let source_bare = cue.class == CueClass::Source
                && cues.len() == 1
                && first > lo + 3
                && self.fw(first - 1)
                && (last..hi).all(|i| self.fw(i) || i + 1 == hi)
                && self.low(cue.start) == "according";
            let source_tail = cue.class == CueClass::Source
                && (before_comma || first > lo && (self.punct(first - 1, "—") || self.punct(first - 1, "–")))
                || source_bare;
            // where the clause before the cue ends: at its comma or dash, or right before a bare source
            let cut = if source_bare { first } else { first.saturating_sub(1) };
            // "Over the long term, according to the budget office, the deficit will …", "Trump agreed,
            // according to court papers, becoming …": a source set off by commas early in the sentence
            // (not after a conjunction, below) vouches for the whole of it. After a longer clause the
            // source closes it, and a comma after the source opens its apposition ("…, according to an
            // analysis by Ann Lee, a former aide …") or the writer's own addition.
            let conjunction = first >= lo + 2 && self.fw(first - 2) && matches!(self.low(first - 2), "and" | "but" | "that");
            let apposition = last + 1 < hi && self.fw(last + 1) && matches!(self.low(last + 1), "a" | "an" | "who" | "whose" | "which");
            let source_aside = cue.class == CueClass::Source
                && self.low(cue.start) == "according"
                && before_comma
                && !conjunction
                && self.words_in(lo, first) <= 7
                && last < hi
                && self.punct(last, ",")
                && !apposition
                && self.words_in(last + 1, hi) >= 2;
            // an aside (a cue or a source set off by commas) reports the whole sentence around it
            let aside_end = if parenthetical { Some(self.aside_close(cue, hi)) } else { source_aside.then_some(last) };
            if let Some(close) = aside_end {
                // "If she wins, Lee suggested, women …": an opener reaching the aside is part of
                // what was said, not a connective before it
                let from = Some(lo + skip_connective(self, lo)).filter(|&f| f + 1 < first).unwrap_or(lo);
                let end = self.clause_end(close + 1, hi, hi);
                if let Some(span) = self.content_span(from, end) {
                    let has_q = (0..quotes.len()).any(|qi| !owned[qi] && quotes[qi].1 >= from && quotes[qi].1 < end);
                    self.push(span, if has_q { QuoteKind::Mixed } else { QuoteKind::Indirect }, Some(cue), sspan, 0.7, None);
                    for qi in 0..quotes.len() {
                        if quotes[qi].1 >= from && quotes[qi].1 < end {
                            owned[qi] = true;
                        }
                    }
                    continue;
                }
            }
            // "… has grown and, according to the UN, is now worth $3bn", "reported that, according to
            // an analysis, …": after a conjunction the source vouches for the clause that follows it
            if source_tail
                && first >= lo + 2
                && self.fw(first - 2)
                && matches!(self.low(first - 2), "and" | "but" | "that")
                && self.punct(last.min(hi - 1), ",")
            {
                let end = self.clause_end(last + 1, hi, hi);
                if self.words_in(last + 1, end) >= 3 {
                    if let Some(span) = self.content_span(last + 1, end) {
                        let has_q = (0..quotes.len()).any(|qi| !owned[qi] && quotes[qi].1 > last && quotes[qi].1 < end);
                        self.push(span, if has_q { QuoteKind::Mixed } else { QuoteKind::Indirect }, Some(cue), sspan, 0.75, None);
                        for qi in 0..quotes.len() {
                            if quotes[qi].1 > last && quotes[qi].1 < end {
                                owned[qi] = true;
                            }
                        }
                        continue;
                    }
                }
            }
            if (clause_before || source_tail && (lo..first - 1).filter(|&i| self.fw(i)).count() >= 3)
                && (tail_words == 0
                    || self.punct(last.min(hi - 1), ",")
                    // "…, Lee noted; the court …": a semicolon closes what the cue reports
                    || self.punct(last.min(hi - 1), ";")
                    || source_tail
                    || self.adjunct_tail(last, hi)
                    || self.dash_tail(last, hi)
                    || !cue.speaker_after && self.closing_tail(cue, hi))
            {
                // content runs from the clause start (after an earlier cue's reach) to the comma
                let mut from = lo;
                for (cj, other) in cues.iter().enumerate() {
                    if cj < ci && cue_used[cj] {
                        from = from.max(other.end.max(other.speaker_tokens.1));
                    }
                }
                // "Meanwhile, …" / "However, …": a leading connective is not the speaker's
                if from == lo && from + 1 < first && self.fw(from) && self.punct(from + 1, ",") && self.seg.tokens[from].cap {
                    from += 2;
                }
                // "… — that won’t happen, they believe — but …": a cue closing an aside between
                // dashes reports the aside only
                if self.dash_tail(last, hi) {
                    if let Some(d) = (from..first).rev().find(|&k| self.frame(k) && self.is_dash(k)) {
                        from = d + 1;
                    }
                }
                let q_inside: Vec<usize> =
                    (0..quotes.len()).filter(|&qi| !owned[qi] && quotes[qi].1 >= from && quotes[qi].1 < first).collect();
                let span = if q_inside.len() == 1 && quotes[q_inside[0]].1 == from && quotes[q_inside[0]].2.is_some_and(|c| c + 1 >= cut) {
                    Some(self.seg.quotes[quotes[q_inside[0]].0].inner)
                } else if from > lo && self.words_in(from, cut) < 3 {
                    // "he told advisers afterward, according to X": what an earlier cue left is no clause
                    None
                } else {
                    self.content_span(from, cut)
                };
                if let Some(span) = span {
                    let kind = if q_inside.is_empty() {
                        QuoteKind::Indirect
                    } else if span == self.seg.quotes[quotes[q_inside[0]].0].inner {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Mixed
                    };
                    // "…, the poll found.", "…, campaign records show.": a finding closing the
                    // sentence needs a document or a body to have found it
                    let finder = cue.mention.as_ref().is_some_and(|m| matches!(m.kind, MentionKind::Document | MentionKind::Organization));
                    let closes = tail_words == 0 || self.adjunct_tail(last, hi);
                    if kind == QuoteKind::Direct || cue.class != CueClass::Evidence || finder && closes {
                        self.push(span, kind, Some(cue), sspan, 0.75, None);
                    }
                    for qi in q_inside {
                        owned[qi] = true;
                    }
                    continue;
                }
            }
            // ("In a new poll, …" reports no finding when the clause has a cue of its own: "In an
            // online poll of 800 voters, Democracy Corps found …")
            let poll_cued = self.low(cue.start) == "in" && cues.len() > 1;
            if cue.class == CueClass::Source && first == lo + skip_connective(self, lo) && !poll_cued {
                // "According to X, CLAUSE."
                let mut k = last;
                // "According to a poll last month, …", "In the latest poll, conducted in May, …": a
                // time or a participle left after the source runs on to its comma
                // (bounds first: `k + 1` may lie past the document's last token)
                let qualifier = |k: usize| {
                    k < hi && self.fw(k) && !self.seg.tokens[k].cap && {
                        let w = self.low(k);
                        w.ends_with("ed") || matches!(w, "last" | "this" | "taken" | "earlier")
                    }
                };
                let from = if qualifier(k) { Some(k) } else { (k < hi && self.punct(k, ",") && qualifier(k + 1)).then_some(k + 1) };
                if let Some(from) = from {
                    if let Some(c) = (from + 1..hi.min(from + 7)).find(|&j| !self.fw(j)).filter(|&j| self.punct(j, ",")) {
                        if self.words_in(c + 1, hi) >= 3 {
                            k = c;
                        }
                    }
                }
                while k < hi && self.punct(k, ",") {
                    k += 1;
                }
                // "In a survey, it discovered that …", "In our poll, we asked …": the pollster's own
                // doing is no finding of the poll
                if self.low(cue.start) == "in" && k < hi && matches!(self.low(k), "it" | "we" | "i") {
                    continue;
                }
                let end = self.clause_end(k, hi, hi);
                if self.words_in(k, end) >= 3 {
                    if let Some(span) = self.content_span(k, end) {
                        let has_q = (0..quotes.len()).any(|qi| quotes[qi].1 >= k && quotes[qi].1 < end);
                        self.push(span, if has_q { QuoteKind::Mixed } else { QuoteKind::Indirect }, Some(cue), sspan, 0.75, None);
                        for qi in 0..quotes.len() {
                            if quotes[qi].1 >= k && quotes[qi].1 < end {
                                owned[qi] = true;
                            }
                        }
                    }
                }
            }
        }
        let _ = owned;
    }

    /// The words after a transcript label that opens the quotation at token `open`
    /// ("“PENCE: Well, …”"): one word of capitals only, then a colon, then three words or more.
    fn quoted_label(&self, open: usize, hi: usize, inner: Span) -> Option<Span> {
        if open + 3 >= hi || !self.is_word(open + 1) || self.seg.tokens[open + 2].kind != TokKind::Punct || self.text(open + 2) != ":" {
            return None;
        }
        let label = self.text(open + 1);
        // (a name the text also writes in the usual way, "Pence", or a label that opens another
        // quotation too; not "NOTE:" or "UPDATE:")
        let text = &self.seg.doc.text;
        let capitals = label.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !label.chars().any(char::is_lowercase)
            && !self.cue_word(self.low(open + 1))
            && ({
                let mut named = String::with_capacity(label.len());
                let mut chars = label.chars();
                named.extend(chars.next());
                named.push_str(&chars.as_str().to_lowercase());
                text.contains(&named)
            } || self.seg.quotes.iter().filter(|q| q.inner.of(text).strip_prefix(label).is_some_and(|r| r.starts_with(':'))).count()
                >= 2);
        let words = (open + 3..hi).take_while(|&k| self.seg.tokens[k].span.start < inner.end).filter(|&k| self.is_word(k)).count();
        (capitals && words >= 3).then(|| Span::new(self.seg.tokens[open + 3].span.start, inner.end))
    }

    /// True when the label `[lo, end)` before a colon opening the line `[lo, hi)` is a headline's
    /// source ("Lee: Council must publish the contracts", "Poll: Voters back the plan"): a line of its
    /// own whose label is a body the lexicon knows (not a place), a document or a group, or a name
    /// that recurs capitalized inside a sentence of the text (a surname; "Correction:" does not).
    fn headline_source(&self, m: &Mention, lo: usize, end: usize, hi: usize) -> bool {
        let line = self.seg.sentences.iter().any(|s| s.tokens.start == lo && self.seg.paragraphs[s.paragraph] == s.span);
        // the statement is a clause, not a figure ("Lee: 1,769.")
        // (and more than a slogan: "Lee: Just hang on.")
        let clause = end + 1 < hi
            && self.fw(end + 1)
            && !self.text(end + 1).starts_with(|c: char| c.is_ascii_digit())
            && self.words_in(end + 1, hi) >= 4;
        if !line || !clause {
            return false;
        }
        match m.kind {
            MentionKind::Document | MentionKind::Group => true,
            MentionKind::Organization => {
                let body = (lo..end).find(|&k| self.seg.tokens[k].span.start == m.head.start).unwrap_or(lo);
                let place = self.np().known(body, end).is_some_and(|k| matches!(self.lex.orgs[k.org].kind.as_str(), "country" | "region"));
                !place
            }
            // "The Latest:" is a rubric, not a person
            MentionKind::Name if !is_noun_determiner(self.low(lo)) => {
                let head = end - 1;
                let mid = self.mid_caps.get_or_init(|| {
                    let mut set = std::collections::HashSet::new();
                    for s in &self.seg.sentences {
                        for k in s.tokens.start + 1..s.tokens.end {
                            // (another label's word before its colon is no running text)
                            let label = k + 1 < s.tokens.end && self.punct(k + 1, ":");
                            if self.seg.tokens[k].cap && self.fw(k) && self.fw(k - 1) && !label {
                                set.insert(self.text(k));
                            }
                        }
                    }
                    set
                });
                mid.contains(self.text(head))
            }
            _ => false,
        }
    }

    /// True when token `k` is a relative pronoun that the clause after it has for its object:
    /// "which" or "whom", or "that" after a noun ("the limit that economists consider …"), not
    /// after a verb or a word that takes a clause ("said that", "so that", "clear that").
    fn object_relative(&self, k: usize, lo: usize) -> bool {
        if !self.fw(k) || k <= lo {
            return false;
        }
        // "in which", "for which": the pronoun is an adjunct's, not the reported clause's
        if self.fw(k - 1) && (is_preposition(self.low(k - 1)) || matches!(self.low(k - 1), "of" | "about" | "whom")) {
            return false;
        }
        // "It is strange that …", "so blatant that …": after an adjective
        if k >= lo + 2 && self.fw(k - 2) && matches!(self.low(k - 2), "is" | "was" | "be" | "are" | "were" | "so" | "too" | "very" | "more")
        {
            return false;
        }
        let before = self.low(k - 1);
        if !self.fw(k - 1) {
            return matches!(self.low(k), "which" | "whom") && self.punct(k - 1, ",");
        }
        match self.low(k) {
            "which" | "whom" => !self.cue_word(before),
            "that" => {
                !self.cue_word(before)
                    && !is_function_word(before)
                    && !self.adverb(before)
                    && !matches!(
                        before,
                        "so" | "now" | "such" | "given" | "clear" | "likely" | "possible" | "true" | "sure" | "aware" | "fact"
                    )
            }
            _ => false,
        }
    }

    /// True when what follows `cue` at `start` is the rest of a clause whose subject or object has
    /// moved to a relative pronoun before the speaker: a verb ("said will take effect", "say renders",
    /// "called “a disgrace”", "views as a peer", "considered to be"), not an adjunct ("expected in 1992").
    fn gap_follows(&self, cue: &Cue, start: usize, end: usize) -> bool {
        if start >= end || !matches!(cue.class, CueClass::Speech | CueClass::Belief) {
            return false;
        }
        if matches!(self.seg.tokens[start].kind, TokKind::Open(_)) {
            return true;
        }
        if !self.fw(start) || self.words_in(start, end) < 2 {
            return false;
        }
        let w = self.low(start);
        let verb_cue = (cue.start..cue.end).any(|k| self.lex.bare_clause.contains(self.low(k)));
        is_auxiliary(w)
            || w == "as"
            // "considered to be", not "refuses to make"
            || w == "to" && !(cue.start..cue.end).any(|k| self.lex.infinitive.contains(self.low(k)))
            || verb_cue && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss")) && !self.seg.tokens[start].cap
    }

    /// How `cue` with its speaker sits between commas inside the sentence, or `None` when it
    /// does not. `Some(true)`: it interrupts the clause it reports ("This campaign, he says, is
    /// different."), and the statement is the whole sentence. `Some(false)`: a participle or "on
    /// condition of anonymity" follows ("…, he said, adding …"), and the statement ends before the cue.
    fn set_off(&self, cue: &Cue, lo: usize, hi: usize) -> Option<bool> {
        if cue.class == CueClass::Source {
            return None;
        }
        let first = if cue.speaker_after { cue.start } else { cue.speaker_tokens.0.min(cue.start) };
        let last = self.aside_close(cue, hi);
        // a participle borrowing its subject ("…, saying, apparently, that …") is no aside
        let own_speaker = cue.speaker_after || cue.speaker_tokens.0 < cue.speaker_tokens.1;
        if !own_speaker || first <= lo + 1 || !self.punct(first - 1, ",") || last >= hi || !self.punct(last, ",") {
            return None;
        }
        // "… and, records show, does not …": after a conjunction the aside vouches for what follows
        if self.fw(first - 2) && matches!(self.low(first - 2), "and" | "but" | "or") {
            return None;
        }
        // "Now, he says, …", "But, she added, …": a lone connective before the cue is no clause
        let before: Vec<usize> = (lo..first - 1).filter(|&i| self.fw(i)).collect();
        match before[..] {
            [] => return None,
            [one] => {
                let w = self.low(one);
                if is_time_word(w) || is_clause_break(w) || matches!(w, "and" | "so" | "yet" | "still" | "instead" | "indeed") {
                    return None;
                }
            }
            _ => {}
        }
        let next = (last + 1..hi).find(|&i| self.fw(i))?;
        if next != last + 1 {
            return None;
        }
        let w = self.low(next);
        // "…, said Ann Lee, a professor at …, who …": after an inverted name a comma opens its
        // apposition or a relative clause about it, not the rest of what was said
        if cue.speaker_after && matches!(w, "a" | "an" | "the" | "who" | "whose" | "which") {
            return Some(false);
        }
        let anonymity = w == "on" && next + 1 < hi && self.low(next + 1) == "condition";
        // "…, he said, adding …" closes the statement; another -ing word may open a clause
        // ("…, he said, replacing her would be …") or an adjunct, which are left to the cue's object
        let participle = w.ends_with("ing") && w.len() > 5;
        let speaking = participle && (is_clause_break(w) || self.lex.speech.contains(w) || self.lex.belief.contains(w));
        if participle && !speaking {
            return None;
        }
        Some(!(anonymity || speaking || matches!(w, "as" | "according")))
    }

    /// Where an aside made of `cue` ends: the token right after the cue and its speaker, or
    /// the comma closing a time or place adjunct that follows them ("…, Lee said in a
    /// tweet, …", "…, she noted on Monday, …"), so that the adjunct belongs to the aside.
    fn aside_close(&self, cue: &Cue, hi: usize) -> usize {
        let last = if cue.speaker_after { cue.speaker_tokens.1 } else { cue.end };
        if last >= hi || !self.fw(last) {
            return last;
        }
        let comma = (last + 1..hi.min(last + 9)).find(|&k| !self.fw(k)).filter(|&k| self.punct(k, ","));
        comma.filter(|&c| self.adjunct_tail(last, c)).unwrap_or(last)
    }

    /// True when tokens `[from, hi)` are only a time or place adjunct closing the sentence
    /// ("…, officials said Friday.", "…, the agency said in a June report."): a cue followed
    /// by one still ends the clause it reports.
    fn adjunct_tail(&self, from: usize, hi: usize) -> bool {
        let words: Vec<usize> = (from..hi).filter(|&i| self.fw(i)).collect();
        let Some(&first) = words.first() else { return false };
        let w = self.low(first);
        let opens = is_time_word(w) || matches!(w, "in" | "on" | "at" | "during" | "after" | "before" | "late" | "early");
        // nothing but words and a final full stop: no clause, no quotation, no second comma
        let plain = (from..hi).all(|i| self.fw(i) || i + 1 == hi && self.seg.tokens[i].kind == TokKind::Punct && !self.punct(i, ","));
        let clause = words.iter().enumerate().any(|(n, &i)| {
            let w = self.low(i);
            // "in a report", "in its annual statement": after a determiner a cue word is a noun
            let noun =
                words[..n].iter().any(|&d| matches!(self.low(d), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this"));
            is_clause_word(w) || np::is_pronoun(w) || (self.lex.speech.contains(w) || self.lex.belief.contains(w)) && !noun
        });
        opens && plain && !clause && words.len() <= 8
    }

    /// Where the clause resumes after an aside set off by commas right after its subject
    /// ("Trump, despite his wealth, is …"): `comma` is the aside's first comma, `[from, comma)`
    /// the subject, at most four words with no verb. `None` unless the closing comma comes
    /// within twelve tokens and an auxiliary follows it.
    fn subject_aside(&self, from: usize, comma: usize, hi: usize) -> Option<usize> {
        let subject = (from..comma).all(|k| self.fw(k) && !is_auxiliary(self.low(k)));
        if !subject || comma == from || comma - from > 4 || np::is_pronoun(self.low(from)) {
            return None;
        }
        let close = (comma + 2..hi.min(comma + 12)).find(|&k| !self.fw(k)).filter(|&k| self.punct(k, ","))?;
        (close + 1 < hi && self.fw(close + 1) && is_auxiliary(self.low(close + 1))).then_some(close + 1)
    }

    /// True when tokens `[from, hi)` are at most a time or place adjunct, then a dash and the
    /// writer's own comment ("…, the office reported on Tuesday -- a development that …").
    fn dash_tail(&self, from: usize, hi: usize) -> bool {
        let Some(dash) = (from..hi).find(|&i| self.is_dash(i)) else {
            return false;
        };
        let followed = self.seg.tokens[dash + 1..hi].iter().any(|t| t.is_word());
        followed && ((from..dash).all(|i| !self.fw(i)) || self.adjunct_tail(from, dash))
    }

    /// True when what follows the cue closes the sentence: nothing, a time or place adjunct,
    /// or after "told" its listener and an adjunct ("…, officials told reporters on Monday.").
    fn closing_tail(&self, cue: &Cue, hi: usize) -> bool {
        let from = cue.end;
        if (from..hi).all(|i| !self.fw(i)) || self.adjunct_tail(from, hi) {
            return (from..hi).all(|i| self.fw(i) || i + 1 == hi);
        }
        if !self.lex.telling.contains(self.low(cue.start)) || cue.end != cue.start + 1 {
            return false;
        }
        // any listener: "…, she told The Times.", "…, he told me.", "…, Lee told the judge on Monday."
        let pronoun = from < hi && self.fw(from) && is_object_pronoun(self.low(from));
        let Some(end) = (if pronoun { Some(from + 1) } else { self.np().forward(from, hi, true).map(|(_, end)| end) }) else {
            return false;
        };
        (end..hi).all(|i| !self.fw(i) && i + 1 == hi || self.fw(i)) && ((end..hi).all(|i| !self.fw(i)) || self.adjunct_tail(end, hi))
    }

    fn predicate_quotes(&mut self, lo: usize, hi: usize, quotes: &[(usize, usize, Option<usize>)], owned: &mut [bool], sspan: Span) {
        let mut first = lo + skip_connective(self, lo);
        while first < hi && self.fw(first) && matches!(self.low(first), "and" | "but" | "so" | "then" | "yet") {
            first += 1;
        }
        let Some((m, end)) = self.np().forward(first, hi, true) else { return };
        if !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun | MentionKind::Role) {
            return;
        }
        let mut v = end;
        while v < hi && self.fw(v) && (is_between(self.low(v)) || self.adverb(self.low(v))) {
            v += 1;
        }
        if v >= hi || !self.fw(v) || self.seg.tokens[v].cap {
            return;
        }
        let w = self.low(v);
        let verb_like =
            (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") || self.lex.speech.contains(w) || self.lex.belief.contains(w))
                && !matches!(
                    w,
                    "is" | "was"
                        | "has"
                        | "does"
                        | "its"
                        | "this"
                        | "his"
                        | "hers"
                        | "as"
                        | "us"
                        | "years"
                        | "days"
                        | "weeks"
                        | "months"
                        | "hours"
                        | "minutes"
                        | "times"
                );
        if !verb_like {
            return;
        }
        let clause_end = self.clause_end(v + 1, hi, hi);
        let Some(qi) = (0..quotes.len()).find(|&qi| !owned[qi] && quotes[qi].1 > v && quotes[qi].1 < clause_end && quotes[qi].1 <= v + 15)
        else {
            return;
        };
        let inner = self.seg.quotes[quotes[qi].0].inner;
        if inner.of(&self.seg.doc.text).split_whitespace().count() < 2 {
            return;
        }
        if let Some(span) = self.content_span(v + 1, clause_end) {
            let cue =
                Cue { start: v, end: v + 1, class: CueClass::Speech, mention: Some(m), speaker_after: false, speaker_tokens: (first, end) };
            self.push(span, QuoteKind::Mixed, Some(&cue), sspan, 0.5, None);
            for (qj, q) in quotes.iter().enumerate() {
                if q.1 > v && q.1 < clause_end {
                    owned[qj] = true;
                }
            }
        }
    }

    /// The cue of sentence `si + 1` when that sentence is nothing but a speaker and a cue
    /// ("Trump said.", "said Ann Lee.") or a dash and a name ("— Sanders."), in the same
    /// paragraph or, for a dash, the next.
    fn next_sentence_cue(&self, si: usize) -> Option<Cue> {
        let here = &self.seg.sentences[si];
        let next = self.seg.sentences.get(si + 1)?;
        let (lo, hi) = (next.tokens.start, next.tokens.end);
        // “…?” Lichtman said about …: after a question or exclamation the sentence that follows
        // may go on past its cue
        let asked = self.seg.tokens[here.tokens.end - 1].kind != TokKind::Word
            && here.span.of(&self.seg.doc.text).trim_end_matches(['”', '"', '\'', '’']).ends_with(['?', '!']);
        if (lo..hi).any(|k| !self.frame(k)) || hi - lo > if asked { 40 } else { 12 } {
            return None;
        }
        if matches!(self.text(lo), "-" | "—" | "–" | "―") && next.paragraph <= here.paragraph + 1 {
            let (m, end) = self.np().forward(lo + 1, hi, false)?;
            let rest = (end..hi).filter(|&k| self.fw(k)).count();
            return (m.kind == MentionKind::Name && rest == 0).then_some(Cue {
                start: lo,
                end: lo + 1,
                class: CueClass::Speech,
                mention: Some(m),
                speaker_after: true,
                speaker_tokens: (lo + 1, end),
            });
        }
        if next.paragraph != here.paragraph {
            return None;
        }
        let cues = self.find_cues(lo, hi);
        let c = cues.into_iter().find(|c| c.class == CueClass::Speech && c.mention.is_some())?;
        let first = c.speaker_tokens.0.min(c.start);
        let last = c.end.max(c.speaker_tokens.1);
        let before = (lo..first).filter(|&k| self.fw(k)).count();
        let after = (last..hi).filter(|&k| self.fw(k)).count();
        (before == 0 && (after == 0 || asked)).then_some(c)
    }

    /// The cue of the quotation that continues quotation `q`, left open in sentence `si`: the
    /// next sentences open with the quotation marks that go on with it (in the same paragraph, or
    /// opening the next as a continued paragraph), and the last of them is closed and followed
    /// at once by its speaker and a verb of saying (“…,” said X / “…,” X said).
    fn continued_quote_cue(&self, si: usize, q: usize) -> Option<Cue> {
        if self.seg.quotes[q].close.is_some() {
            return None;
        }
        let mut para = self.seg.quotes[q].paragraph;
        for next in self.seg.sentences.iter().skip(si + 1).take(4) {
            let (lo, hi) = (next.tokens.start, next.tokens.end);
            let TokKind::Open(q2) = self.seg.tokens[lo].kind else { return None };
            // (with the same mark: a quotation in “ ” inside a block set in " " is another voice)
            let text = &self.seg.doc.text;
            let same_mark = self.seg.quotes[q2].open.of(text) == self.seg.quotes[q].open.of(text);
            let goes_on =
                same_mark && (self.seg.quotes[q2].paragraph == para || self.seg.quotes[q2].continuation && next.paragraph == para + 1);
            if !goes_on || self.seg.quotes[q2].depth != 0 {
                return None;
            }
            para = next.paragraph;
            let Some(close) = (lo + 1..hi).find(|&k| self.seg.tokens[k].kind == TokKind::Close(q2)) else {
                // left open again: the one after goes on with it (when it is all quotation)
                if (lo..hi).any(|k| self.fw(k)) {
                    return None;
                }
                continue;
            };
            // (“…,” said X: the closed quotation ends with the comma, question or exclamation mark
            // that hands over to the cue)
            let hands_over = close > lo + 1 && matches!(self.text(close - 1), "," | "?" | "!");
            if !hands_over {
                return None;
            }
            let cues = self.find_cues(close + 1, hi);
            return cues
                .into_iter()
                .find(|c| c.class == CueClass::Speech && c.mention.is_some() && c.speaker_tokens.0.min(c.start) == close + 1);
        }
        None
    }

    /// "Asked if she would run, …" / "When asked about the plan, …": a question put by a
    /// reporter who is not named; its content is the question, its speaker nobody.
    fn asked(&mut self, lo: usize, hi: usize, sspan: Span) {
        let mut i = lo;
        if i < hi && self.fw(i) && self.low(i) == "when" {
            i += 1;
        }
        if !(i + 1 < hi && self.fw(i) && self.low(i) == "asked" && self.fw(i + 1)) {
            return;
        }
        if !matches!(self.low(i + 1), "if" | "whether" | "what" | "how" | "why" | "who" | "which" | "when" | "where" | "about" | "to") {
            return;
        }
        let end = (i + 1..hi).find(|&k| self.frame(k) && self.punct(k, ",")).unwrap_or(hi);
        if end >= hi || self.words_in(i + 1, end) < 2 {
            return;
        }
        if let Some(span) = self.content_span(i + 1, end) {
            let kind = if (i + 1..end).any(|k| !self.frame(k)) { QuoteKind::Mixed } else { QuoteKind::Indirect };
            let cue = Cue { start: i, end: i + 1, class: CueClass::Speech, mention: None, speaker_after: false, speaker_tokens: (i, i) };
            self.push(span, kind, Some(&cue), sspan, 0.6, None);
        }
    }

    /// The attribution a cue-less quotation at `para` continues: the last one
    /// with a speaker in this paragraph or, for a quotation, in the one before.
    fn previous_speaker(&self, para: usize, before: usize) -> Option<usize> {
        // attributions are pushed in text order, sentence by sentence: the last ones are the nearest
        let recent = self.out.len().saturating_sub(32);
        let (k, a) =
            self.out.iter().enumerate().skip(recent).filter(|(_, a)| a.content.start < before).max_by_key(|(_, a)| a.content.start)?;
        if a.mention.is_none() && a.continues.is_none() {
            return None;
        }
        let si = self.seg.sentences.partition_point(|s| s.span.start < a.sentence.start);
        let apara = self.seg.sentences.get(si).filter(|s| s.span.contains(a.sentence)).map(|s| s.paragraph)?;
        let root = a.continues.unwrap_or(k);
        // the same paragraph, the one before, or (for a run of quoted paragraphs) two before
        let gap = para.saturating_sub(apara);
        if gap == 0 || gap == 1 && a.kind != QuoteKind::Indirect || gap <= 2 && a.kind == QuoteKind::Direct && a.mention.is_some() {
            Some(root)
        } else {
            None
        }
    }
}

/// Tokens of a sentence-opening connective to skip: "However, " / "Meanwhile, " (0 when none),
/// or an opening participial or prepositional phrase up to its comma ("Speaking at a rally, ").
/// True for a subject pronoun, alone or with a contracted verb ("it", "it's", "they're", "he'd"):
/// the first word of a reported clause.
fn subject_pronoun(w: &str) -> bool {
    np::is_pronoun(w) || w.split_once(['\'', '’']).is_some_and(|(p, rest)| !rest.is_empty() && np::is_pronoun(p))
}

/// True for an auxiliary with a negative contraction ("hasn't", "wouldn’t").
fn negative_contraction(w: &str) -> bool {
    w.len() > 3 && (w.ends_with("n't") || w.ends_with("n’t"))
}

fn skip_connective(x: &Extractor, lo: usize) -> usize {
    let toks = &x.seg.tokens;
    if lo < toks.len() && x.fw(lo) && toks[lo].cap {
        let w = x.low(lo);
        let opener = w.ends_with("ing")
            || is_preposition(w)
            || matches!(w, "when" | "while" | "after" | "before" | "as" | "asked" | "if" | "though" | "although" | "despite" | "since");
        // ("According to X, …" and "In the words of X, …" name a source)
        if opener && x.source_at(lo, toks.len()).is_none() {
            if let Some(c) = (lo + 1..toks.len().min(lo + 25))
                .take_while(|&k| x.seg.in_quote[k].is_none() && !x.punct(k, "."))
                .find(|&k| x.punct(k, ","))
            {
                // "In Salem, New Hampshire, …": a place after the comma still belongs to the opener
                let place_end = (c + 1..toks.len().min(c + 5)).find(|&k| x.punct(k, ","));
                if let Some(e) = place_end {
                    let words: Vec<&str> = (c + 1..e).map(|k| x.text(k)).collect();
                    if !words.is_empty()
                        && x.lex.lookup(&words.join(" ")).is_some_and(|k| matches!(x.lex.orgs[k.org].kind.as_str(), "region" | "country"))
                    {
                        return e + 1 - lo;
                    }
                }
                return c + 1 - lo;
            }
        }
    }
    if lo + 1 < toks.len() && x.fw(lo) && toks[lo].cap && x.punct(lo + 1, ",") && !x.lex.phrase_index.contains_key(x.low(lo)) {
        2
    } else {
        0
    }
}

#[cfg(test)]
mod tests;
