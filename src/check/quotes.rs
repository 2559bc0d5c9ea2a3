//! `unattributed`: quotations that read as statements and that no attribution covers.
//!
//! The segmenter pairs every quotation mark; extraction credits a quotation to a
//! speaker or leaves it out (it lists no quote without a speaker). A top-level
//! quotation is flagged when
//! - no attribution's content overlaps its words, and
//! - its sentence has no cue outside quotation marks (a speech, belief or evidence
//!   verb, a cue phrase such as "in a statement", a source phrase such as "according
//!   to"): with one, the article does credit the words to someone the extractor
//!   could not make out, and the flag would be about the extractor, not the article;
//! - no colon stands right before it ("Brentford boss Martin Allen: “…”" names who speaks);
//! - the sentence before it (in its paragraph, or the last of the paragraph before)
//!   holds no quotation and no cue: a quotation right after another, or right after
//!   "X said:", goes on with that speaker, as news writing has it; nor does the
//!   sentence after it open with a quotation and hold a cue (a run of quotations
//!   attributed at its end: "“…” / “…,” said X."); and
//! - it does not reopen, in a new paragraph, a quotation left open at the end of the
//!   previous one (that quotation's speaker goes on too), and it has its closing mark
//!   (a quotation left open runs on into the next paragraph, or the mark is a stray one
//!   and what follows it no quotation at all).
//!
//! Not every quotation is a statement. A quotation counts as one when
//! - it has at least [`MIN_STATEMENT_WORDS`] words (shorter ones are quoted
//!   terms and scare quotes: "so-called “peace dividend”"), and
//! - it is not a title in title case ("“Lord of the Rings”", "“How Soon Is Now?”":
//!   every word of four letters or more capitalized, no final full stop), and
//! - it reads as a clause: it holds a pronoun or an auxiliary or modal verb
//!   (`clause_words` in `data/lexicon/sources.toml`: "we", "is", "will"), or ends
//!   with a full stop, question or exclamation mark, or runs to eight words or more.

use super::{collapse, Ctx, Flag, FlagKind, MIN_STATEMENT_WORDS};
use crate::lexicon::Lexicon;
use crate::segment::{words_of, TokKind};

/// A quotation this long is a statement even without a clause word.
const LONG_QUOTE_WORDS: usize = 8;

/// True when the words inside a pair of quotation marks read as a statement (see the module).
pub(crate) fn is_statement(inner: &str, lex: &Lexicon) -> bool {
    let words = words_of(inner);
    if words.len() < MIN_STATEMENT_WORDS {
        return false;
    }
    let final_mark = inner.trim_end().trim_end_matches(['"', '\'', '’', '”', ')']).ends_with(['.', '?', '!', '…']);
    let capitalized = |w: &&str| w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase());
    let title_case = words.first().is_some_and(capitalized)
        && words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).all(capitalized);
    // a title may end in a question or exclamation mark ("How Soon Is Now?"), a sentence ends in a full stop
    if title_case && !inner.trim_end().ends_with('.') {
        return false;
    }
    final_mark || words.len() >= LONG_QUOTE_WORDS || words.iter().any(|w| lex.checks.clause_words.contains(&w.to_lowercase()))
}

/// True when sentence `si` has a cue outside quotation marks.
fn has_cue(cx: &Ctx, si: usize) -> bool {
    let lex = cx.rules.lex;
    let seg = cx.seg;
    let s = &seg.sentences[si];
    let words: Vec<&str> =
        s.tokens.clone().filter(|&k| seg.in_quote[k].is_none() && seg.tokens[k].is_word()).map(|k| seg.lower(k)).collect();
    let holds = |p: &Vec<String>| words.windows(p.len()).any(|w| w.iter().zip(p).all(|(a, b)| a == b));
    words.iter().any(|w| lex.speech.contains(*w) || lex.belief.contains(*w) || lex.evidence.contains(*w))
        || lex.phrases.iter().chain(lex.sources.iter()).any(holds)
}

/// True when sentence `si` holds a top-level quotation mark.
fn has_quote(cx: &Ctx, si: usize) -> bool {
    cx.seg.sentences[si].tokens.clone().any(|k| match cx.seg.tokens[k].kind {
        TokKind::Open(q) | TokKind::Close(q) => cx.seg.quotes[q].depth == 0,
        _ => false,
    })
}

/// True when the quotation opening at byte `at` is in reach of a speaker: a colon
/// introduces it, its sentence has a cue, or the sentence before has a quotation or a
/// cue (see the module).
fn in_reach(cx: &Ctx, at: usize) -> bool {
    if cx.text()[..at].trim_end().ends_with(':') {
        return true;
    }
    let sents = &cx.seg.sentences;
    let si = sents.partition_point(|s| s.span.end <= at);
    if si >= sents.len() || sents[si].span.start > at {
        return false;
    }
    if has_cue(cx, si) {
        return true;
    }
    let before = si > 0 && sents[si - 1].paragraph + 1 >= sents[si].paragraph && (has_quote(cx, si - 1) || has_cue(cx, si - 1));
    // "“…” / “…,” said X.": the run of quotations ends with its attribution
    let after = sents.get(si + 1).is_some_and(|n| {
        n.paragraph <= sents[si].paragraph + 1
            && matches!(cx.seg.tokens.get(n.tokens.start).map(|t| t.kind), Some(TokKind::Open(q)) if cx.seg.quotes[q].depth == 0)
            && has_cue(cx, si + 1)
    });
    before || after
}

/// Flags every statement-like top-level quotation no attribution covers.
pub(crate) fn unattributed(cx: &Ctx) -> Vec<Flag> {
    let text = cx.text();
    let mut out = Vec::new();
    // attributions are in text order of their content: a window of candidates per quote
    let mut contents: Vec<(usize, usize)> = cx.atts.iter().map(|a| (a.content.start, a.content.end)).collect();
    contents.sort_unstable();
    let longest = contents.iter().map(|(s, e)| e - s).max().unwrap_or(0);
    for q in cx.seg.quotes.iter().filter(|q| q.depth == 0) {
        let inner = q.inner;
        if inner.is_empty()
            || q.continuation
            || q.close.is_none()
            || !is_statement(inner.of(text), cx.rules.lex)
            || in_reach(cx, q.open.start)
        {
            continue;
        }
        // an attribution whose content overlaps the quotation's words covers it
        let from = contents.partition_point(|&(s, _)| s + longest < inner.start);
        let covered = contents[from..].iter().take_while(|&&(s, _)| s < inner.end).any(|&(s, e)| s < inner.end && e > inner.start);
        if covered {
            continue;
        }
        let words = collapse(inner.of(text));
        let note = format!("“{words}” is given to nobody: no speaker or source is named for it");
        out.push(cx.flag(FlagKind::Unattributed, inner, words, None, note));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check, FlagKind, Rules};
    use crate::model::Document;

    fn lex() -> Lexicon {
        Lexicon::default_lexicon()
    }

    #[test]
    fn short_terms_titles_and_fragments_are_not_statements() {
        let lex = lex();
        for s in [
            "peace dividend",
            "a total failure",
            "Lord of the Rings: The Return of the King",
            "Do They Know It's Christmas",
            "Do They Know It's Christmas?",
            "How Soon Is Now?",
            "hard-working families first",
            "the worst possible outcome",
        ] {
            assert!(!is_statement(s, &lex), "{s}");
        }
        for s in [
            "We will not give up,",
            "It was a mistake.",
            "Talks resume again today.",
            "nothing short of a historic milestone for the whole region",
            "a deal that could cost our farmers dearly",
            "Nobody Knows What Happens Next.",
        ] {
            assert!(is_statement(s, &lex), "{s}");
        }
    }

    fn flags(text: &str) -> Vec<(FlagKind, String, usize, usize)> {
        let lex = lex();
        check(&[Document::new("d", text)], &Rules { lex: &lex, roster: None })
            .into_iter()
            .filter(|f| f.kind == FlagKind::Unattributed)
            .map(|f| (f.kind, f.words, f.line, f.column))
            .collect()
    }

    #[test]
    fn a_quotation_nobody_is_credited_with_is_flagged() {
        let text = "The square was quiet.\n\n“We are not going anywhere until they listen to us.”\n";
        assert_eq!(flags(text), vec![(FlagKind::Unattributed, "We are not going anywhere until they listen to us.".into(), 3, 2)]);
    }

    #[test]
    fn a_quotation_with_a_cue_in_its_sentence_is_credited_by_the_article() {
        // the extractor finds no speaker in "was the verdict of", but the sentence has no
        // cue either: flagged; with "said" the article credits someone: not flagged
        let text = "“The plan will never work in practice,” was the verdict of the panel.";
        assert_eq!(flags(text).len(), 1);
        let text = "The panel's verdict: “The plan will never work in practice.”";
        assert_eq!(flags(text), vec![]);
        let text = "“The plan will never work in practice,” said the panel which met on Monday in the old town hall.";
        assert_eq!(flags(text), vec![]);
    }

    #[test]
    fn a_quotation_right_after_another_goes_on_with_its_speaker() {
        // the second quotation follows one in the sentence before; the third follows a cue
        let text = "The hall was quiet when the vote came.\n\n“We are not going anywhere.” “They will have to listen to us.”\n\n\
                    Tom Reyes was asked about it.\n\nHe said: no.\n\n“It is too late for that now.”";
        let found = flags(text);
        assert_eq!(found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), vec!["We are not going anywhere."]);
    }

    #[test]
    fn a_run_of_quotations_attributed_at_its_end_is_credited() {
        let text = "The hall was quiet.\n\n“We are not going anywhere.”\n\n“They will have to listen,” said Ann Lee.";
        assert_eq!(flags(text), vec![]);
        // an attributed sentence that does not go on with a quotation does not count
        let text = "The hall was quiet.\n\n“We are not going anywhere.”\n\nAnn Lee said they would have to listen.";
        assert_eq!(flags(text).len(), 1);
    }

    #[test]
    fn attributed_and_scare_quotes_are_not_flagged() {
        // a direct quote, a mixed one, a continuation and a scare quote
        let text = "“We will win this vote,” said Ann Lee.\n\n\
                    She said the plan was “the best we could hope for in the end.”\n\n\
                    “And we will keep our word,” she added. The so-called “peace plan” was shelved.";
        assert_eq!(flags(text), vec![]);
    }

    #[test]
    fn a_quotation_left_open_is_not_judged() {
        let text = "The square was quiet.\n\nNobody moved. “We are not going anywhere until they listen to us.\n";
        assert_eq!(flags(text), vec![]);
        let text = "The square was quiet.\n\nNobody moved. “We are not going anywhere until they listen to us.”\n";
        assert_eq!(flags(text).len(), 1);
    }
}
