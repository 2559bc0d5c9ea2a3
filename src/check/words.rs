//! `same-words` and `drift`: quoted words compared across statements.
//!
//! The words compared are a statement's *quoted* words: each top-level quotation
//! a direct or mixed attribution covers, with at least [`MIN_SAME_WORDS`] words
//! (a reporter's paraphrase is nobody's exact words). Words are compared
//! normalised: lower case, punctuation dropped (hyphenated words split), whitespace
//! collapsed. Statements
//! are taken in the order of their articles' dates (see [`super::combine`]).
//!
//! - **same-words**: quoted words that equal, or lie whole inside, earlier quoted
//!   words given to a different speaker, when no earlier such words were given to
//!   this speaker. The flag points at the earliest of them. Both speakers must have
//!   proper names ("the board" and "Acme" may be one speaker).
//! - **drift**: quoted words of a speaker that are near the words of an earlier
//!   quotation of the same speaker (similarity 2·LCS / total words at least
//!   [`DRIFT_SIMILARITY`]) without being the same words or lying whole inside them
//!   (a shortened quotation is no change of words). The flag points at the most
//!   similar earlier quotation and carries the word-by-word edit from it.
//!
//! A speaker is the resolved name; a surname alone and a full name ending in it are
//! the same speaker. Statements without a speaker are not compared.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::diff::{diff, lcs_len, render};
use super::{proper_name, same_speaker, speaker_key, Ctx, Flag, FlagKind, Place, DRIFT_SIMILARITY, MIN_SAME_WORDS};
use crate::model::QuoteKind;
use crate::segment::words_of;

/// Quoted words given to a speaker, kept for the comparisons across documents.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    key: String,
    proper: bool,
    norm: Vec<String>,
    display: Vec<String>,
    place: Place,
    span: [usize; 2],
    at: usize,
}

/// A word as compared: lower case, one kind of apostrophe.
fn norm(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

/// The quoted words of every direct and mixed attribution with a speaker.
pub(crate) fn said(cx: &Ctx) -> Vec<Said> {
    let text = cx.text();
    let quotes: Vec<usize> = (0..cx.seg.quotes.len()).filter(|&q| cx.seg.quotes[q].depth == 0).collect();
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    for a in cx.atts {
        if a.kind == QuoteKind::Indirect {
            continue;
        }
        let Some(name) = a.speaker.name.as_deref() else { continue };
        let from = quotes.partition_point(|&q| cx.seg.quotes[q].inner.end <= a.content.start);
        for &q in quotes[from..].iter().take_while(|&&q| cx.seg.quotes[q].inner.start < a.content.end) {
            let inner = cx.seg.quotes[q].inner;
            if !used.insert(q) {
                continue;
            }
            // hyphenated words as their parts: "no-one" and "no one" are the same words
            let display: Vec<String> = words_of(inner.of(text))
                .into_iter()
                .flat_map(|w| w.split(['-', '‐']))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if display.len() < MIN_SAME_WORDS {
                continue;
            }
            let words = display.join(" ");
            out.push(Said {
                key: speaker_key(name),
                proper: proper_name(name),
                norm: display.iter().map(|w| norm(w)).collect(),
                display,
                place: cx.place(inner, Some(name.to_string()), words),
                span: cx.lines.span(inner),
                at: inner.start,
            });
        }
    }
    out
}

/// True when `part` lies whole, as consecutive words, inside `whole`.
fn inside(part: &[u32], whole: &[u32]) -> bool {
    part.len() <= whole.len() && whole.windows(part.len()).any(|w| w == part)
}

/// The number of words two sorted id lists share: a bound on their LCS.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// `same-words` and `drift` over every document's quoted words (`said` holds each
/// document's rank in date order).
pub(crate) fn compare(said: Vec<(usize, Said)>) -> Vec<Flag> {
    let mut said = said;
    said.sort_by_key(|s| (s.0, s.1.at));
    let said: Vec<Said> = said.into_iter().map(|(_, s)| s).collect();
    // words as numbers: comparisons are of integers
    let mut vocab: HashMap<&str, u32> = HashMap::new();
    let ids: Vec<Vec<u32>> = said
        .iter()
        .map(|s| {
            s.norm
                .iter()
                .map(|w| {
                    let n = vocab.len() as u32;
                    *vocab.entry(w.as_str()).or_insert(n)
                })
                .collect()
        })
        .collect();
    let mut out = same_words(&said, &ids);
    out.extend(drift(&said, &ids));
    out
}

fn same_words(said: &[Said], ids: &[Vec<u32>]) -> Vec<Flag> {
    const N: usize = MIN_SAME_WORDS;
    let gram = |v: &[u32], p: usize| -> [u32; N] { v[p..p + N].try_into().unwrap() };
    // every N-word run of the statements so far, and the first run of each
    let mut runs: HashMap<[u32; N], Vec<(usize, usize)>> = HashMap::new();
    let mut firsts: HashMap<[u32; N], Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    for j in 0..said.len() {
        let w = &ids[j];
        let mut matches = BTreeSet::new();
        // this statement inside an earlier one
        for &(i, p) in runs.get(&gram(w, 0)).map_or(&[][..], Vec::as_slice) {
            if ids[i].len() >= p + w.len() && ids[i][p..p + w.len()] == w[..] {
                matches.insert(i);
            }
        }
        // an earlier statement inside this one
        for p in 0..=w.len() - N {
            for &i in firsts.get(&gram(w, p)).map_or(&[][..], Vec::as_slice) {
                if w.len() >= p + ids[i].len() && w[p..p + ids[i].len()] == ids[i][..] {
                    matches.insert(i);
                }
            }
        }
        // only named speakers: "the board" and "Acme" may well be the same
        matches.retain(|&i| said[i].proper && said[j].proper);
        let consistent = matches.iter().any(|&i| same_speaker(&said[i].key, &said[j].key));
        if let Some(&i) = matches.iter().next().filter(|_| !consistent) {
            let (s, o) = (&said[j], &said[i]);
            let note = format!(
                "the same words are given to {} here and to {} at {}",
                s.place.speaker.as_deref().unwrap_or(""),
                o.place.speaker.as_deref().unwrap_or(""),
                o.place.label()
            );
            let mut f = Flag::at(&s.place, s.span, FlagKind::SameWords, note);
            f.other = Some(o.place.clone());
            out.push(f);
        }
        for p in 0..=w.len() - N {
            runs.entry(gram(w, p)).or_default().push((j, p));
        }
        firsts.entry(gram(w, 0)).or_default().push(j);
    }
    out
}

fn drift(said: &[Said], ids: &[Vec<u32>]) -> Vec<Flag> {
    // candidates share a surname (or name): the last word of the speaker key
    let mut family: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, s) in said.iter().enumerate() {
        family.entry(s.key.rsplit(' ').next().unwrap_or("")).or_default().push(j);
    }
    let sorted: Vec<Vec<u32>> = ids
        .iter()
        .map(|v| {
            let mut v = v.clone();
            v.sort_unstable();
            v
        })
        .collect();
    let mut out = Vec::new();
    for members in family.values() {
        for (n, &j) in members.iter().enumerate() {
            let mut best: Option<(f64, usize)> = None;
            let mut faithful = false;
            for &i in &members[..n] {
                if !same_speaker(&said[i].key, &said[j].key) {
                    continue;
                }
                let (a, b) = (ids[i].len(), ids[j].len());
                let total = (a + b) as f64;
                if 2.0 * a.min(b) as f64 / total < DRIFT_SIMILARITY
                    || 2.0 * shared(&sorted[i], &sorted[j]) as f64 / total < DRIFT_SIMILARITY
                {
                    continue;
                }
                if inside(&ids[j], &ids[i]) || inside(&ids[i], &ids[j]) {
                    faithful = true;
                    break;
                }
                let sim = 2.0 * lcs_len(&ids[i], &ids[j]) as f64 / total;
                if sim >= DRIFT_SIMILARITY && best.is_none_or(|(b, _)| sim > b) {
                    best = Some((sim, i));
                }
            }
            let Some((sim, i)) = best.filter(|_| !faithful) else { continue };
            let (s, o) = (&said[j], &said[i]);
            let edits = diff(&ids[i], &ids[j], &o.display, &s.display);
            let note = format!(
                "{}: {:.0}% the same words as at {}: {}",
                s.place.speaker.as_deref().unwrap_or(""),
                sim * 100.0,
                o.place.label(),
                render(&edits)
            );
            let mut f = Flag::at(&s.place, s.span, FlagKind::Drift, note);
            f.other = Some(o.place.clone());
            f.diff = edits;
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::{check, FlagKind, Op, Rules};
    use crate::lexicon::Lexicon;
    use crate::model::Document;

    fn run(docs: &[Document]) -> Vec<crate::check::Flag> {
        let lex = Lexicon::default_lexicon();
        check(docs, &Rules { lex: &lex, roster: None })
            .into_iter()
            .filter(|f| matches!(f.kind, FlagKind::SameWords | FlagKind::Drift))
            .collect()
    }

    #[test]
    fn the_same_words_given_to_another_speaker_are_flagged_once() {
        let a = Document::new("a", "“We will not sign this agreement under any circumstances,” said Ann Lee.");
        let b = Document::new("b", "“We will not sign this agreement under any circumstances,” said Tom Reyes.");
        let c = Document::new("c", "“We will not sign this agreement under any circumstances,” said Tom Reyes again.");
        let f = run(&[a, b, c]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].kind, f[0].document.as_str(), f[0].speaker.as_deref()), (FlagKind::SameWords, "b", Some("Tom Reyes")));
        assert_eq!(f[0].other.as_ref().unwrap().document, "a");
        assert_eq!(f[0].words, "We will not sign this agreement under any circumstances");
    }

    #[test]
    fn words_inside_a_longer_quotation_count_and_short_ones_do_not() {
        let a = Document::new("a", "“The price of bread has doubled since the spring and families cannot cope,” said Ann Lee.");
        let b = Document::new("b", "“Families cannot cope,” said Tom Reyes. “The price of bread has doubled since the spring,” he added.");
        let f = run(&[a, b]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].words, "The price of bread has doubled since the spring");
    }

    #[test]
    fn a_speaker_quoted_in_changed_words_drifts_with_a_diff() {
        let a = Document::new("a", "“We will never accept a deal that hurts our farmers,” said Ann Lee.");
        let b = Document::new("b", "“We will not accept a deal that hurts our farmers,” Lee said.");
        let f = run(&[a, b]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].kind, f[0].document.as_str()), (FlagKind::Drift, "b"));
        assert!(f[0].note.contains("[-never-] {+not+}"), "{}", f[0].note);
        let removed: Vec<&str> = f[0].diff.iter().filter(|e| e.op == Op::Removed).map(|e| e.words.as_str()).collect();
        assert_eq!(removed, vec!["never"]);
    }

    #[test]
    fn identical_shortened_and_dissimilar_quotations_do_not_drift() {
        let a = Document::new("a", "“We will never accept a deal that hurts our farmers, and we will say so,” said Ann Lee.");
        let same = Document::new("b", "“We will never accept a deal that hurts our farmers, and we will say so,” said Ann Lee.");
        let shorter = Document::new("c", "“We will never accept a deal that hurts our farmers,” Lee said.");
        let other = Document::new("d", "“Our farmers deserve a deal that rewards their hard work,” said Ann Lee.");
        assert_eq!(run(&[a, same, shorter, other]), vec![]);
    }
}
