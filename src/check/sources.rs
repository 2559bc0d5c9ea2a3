//! `anonymous`, `vague` and `data-source`: what kind of source a statement rests on.
//!
//! The rule looks at the speaker mention of each attribution that has a cue of its
//! own (a quotation continuing an earlier speaker is judged with that speaker).
//! Mentions of a named person and pronouns are never flagged. For the others the
//! mention's *head* is its last word before a preposition or relative word ("a
//! senior **official** in the ministry", "**sources** close to the talks"). With the
//! lists of `data/lexicon/sources.toml`:
//!
//! - **data-source**: the head is a data or document noun (`documents`: "UN
//!   **data**", "the **survey** shows"), or the mention is the body behind one ("a
//!   **report by** the Audit Office found": a document noun and a `document_links`
//!   word just before the mention);
//! - **anonymous**: the head is a noun of unnamed sources (`anonymous`: "officials
//!   said", "a source said"), or any unnamed speaker comes with an `anonymity` word
//!   in the mention ("an **unnamed** diplomat") or an anonymity phrase in the mention
//!   or the rest of its sentence outside the reported words ("a person **familiar
//!   with** the talks", "…, **speaking on condition of anonymity**");
//! - **vague**: the head is a noun or pronoun of vague groups (`vague`: "experts
//!   say", "critics argue", "some say", "many believe").
//!
//! A mention opening with a `definite` determiner ("the officials", "these experts")
//! refers back to a source already introduced and is not flagged again, unless an
//! anonymity word or phrase goes with it.

use std::collections::BTreeSet;

use super::{collapse, Ctx, Flag, FlagKind};
use crate::model::{Attribution, MentionKind, Span};
use crate::segment::TokKind;

/// Words that end a mention's head phrase: what follows describes the head.
const AFTER_HEAD: &[&str] = &[
    "of",
    "from",
    "at",
    "in",
    "with",
    "who",
    "which",
    "that",
    "for",
    "to",
    "on",
    "by",
    "within",
    "inside",
    "close",
    "familiar",
    "across",
    "among",
    "around",
    "behind",
    "near",
    "under",
    "involved",
    "briefed",
    "knowledgeable",
    "based",
    "speaking",
];

/// The reported words of a note, shortened to about a dozen words.
fn gist(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 14 {
        words.join(" ")
    } else {
        format!("{} …", words[..12].join(" "))
    }
}

/// True when `seq` holds `phrase` as consecutive words.
fn holds(seq: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && seq.windows(phrase.len()).any(|w| w == phrase)
}

/// Flags the attributions whose source is anonymous, vague, or data and documents.
pub(crate) fn typed_sources(cx: &Ctx) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<Span> = BTreeSet::new();
    for a in cx.atts {
        if a.cue.is_none() {
            continue;
        }
        let Some(m) = &a.mention else { continue };
        if matches!(m.kind, MentionKind::Name | MentionKind::Pronoun) || !seen.insert(m.span) {
            continue;
        }
        if let Some((kind, span, note)) = judge(cx, a) {
            let words = collapse(span.of(cx.text()));
            let note = format!("{note}: “{words}” — “{}”", gist(a.content.of(cx.text())));
            out.push(cx.flag(kind, span, words, a.speaker.name.clone(), note));
        }
    }
    out
}

/// The lower-case words of the tokens `range` (word tokens only).
fn lower_words(cx: &Ctx, range: std::ops::Range<usize>) -> Vec<String> {
    range.filter(|&k| cx.seg.tokens[k].is_word()).map(|k| cx.seg.lower(k).replace('’', "'")).collect()
}

/// Kind, the words to show and the note, for one attribution's source; `None` when it is fine.
fn judge(cx: &Ctx, a: &Attribution) -> Option<(FlagKind, Span, &'static str)> {
    let w = &cx.rules.lex.checks;
    let m = a.mention.as_ref()?;
    let toks = cx.tokens_in(m.span);
    let words = lower_words(cx, toks.clone());
    let first = words.first()?;
    let cut = words.iter().skip(1).position(|x| AFTER_HEAD.contains(&x.as_str())).map_or(words.len(), |p| p + 1);
    let head = words[cut - 1].trim_end_matches("'s").to_string();
    // "Officials are accused of …": the subject of a passive is not the speaker
    if passive_cue(cx, a) {
        return None;
    }
    // data and documents; a capitalized head after other words names a body ("Pew Research")
    let head_token = toks.clone().filter(|&k| cx.seg.tokens[k].is_word()).nth(cut - 1)?;
    let proper = cut > 1 && cx.seg.tokens[head_token].cap;
    if w.documents.contains(&head) && !proper {
        return Some((FlagKind::DataSource, m.span, "claim sourced to data or a document"));
    }
    if let Some(start) = document_before(cx, toks.start) {
        return Some((FlagKind::DataSource, Span::new(start, m.span.end), "claim sourced to data or a document"));
    }
    if !matches!(m.kind, MentionKind::Group | MentionKind::Role | MentionKind::Document) {
        return None;
    }
    // anonymity words in the mention, anonymity phrases in the mention or the sentence around the statement
    let single = w.anonymity.iter().filter(|p| p.len() == 1).any(|p| words.contains(&p[0]));
    let phrase = || {
        let around = cx
            .tokens_in(a.sentence)
            .filter(|&k| {
                let s = cx.seg.tokens[k].span;
                cx.seg.in_quote[k].is_none() && !(a.content.start <= s.start && s.end <= a.content.end)
            })
            .collect::<Vec<_>>();
        let around: Vec<String> =
            around.into_iter().filter(|&k| cx.seg.tokens[k].kind == TokKind::Word).map(|k| cx.seg.lower(k).replace('’', "'")).collect();
        w.anonymity.iter().filter(|p| p.len() > 1).any(|p| holds(&words, p) || holds(&around, p))
    };
    let marked = single || phrase();
    if w.definite.contains(first) && !marked {
        return None;
    }
    // a role with no determiner is a title ("EEF chief economist"), and a role followed by
    // a name is that person's ("the chief economist, Ann Lee, said")
    if m.kind == MentionKind::Role && !marked && (!INDEFINITE.contains(&first.as_str()) || name_follows(cx, toks.end)) {
        return None;
    }
    // "Adam Thomas, an analyst at Informa, believes": an apposition to a name; "technology
    // analysts, TDG Research, say": the group named after it
    if !marked && (name_before(cx, toks.start) || named_after(cx, toks.end)) {
        return None;
    }
    if w.anonymous.contains(&head) || marked {
        return Some((FlagKind::Anonymous, m.span, "statement rests on an unnamed source"));
    }
    if w.vague.contains(&head) {
        return Some((FlagKind::Vague, m.span, "statement rests on a vague group"));
    }
    None
}

/// Determiners that introduce someone new ("a spokesman", "one analyst").
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "two", "three", "several", "many"];

/// True when ", First Last" (two capitalized words) follows token `k`.
fn name_follows(cx: &Ctx, k: usize) -> bool {
    let t = &cx.seg.tokens;
    k + 2 < t.len() && cx.seg.text(k) == "," && t[k + 1].is_word() && t[k + 1].cap && t[k + 2].is_word() && t[k + 2].cap
}

/// True when ", Name" (a comma and a capitalized word that does not open a clause) follows token `k`.
fn named_after(cx: &Ctx, k: usize) -> bool {
    let t = &cx.seg.tokens;
    k + 1 < t.len()
        && cx.seg.text(k) == ","
        && t[k + 1].is_word()
        && t[k + 1].cap
        && !cx.rules.lex.sentence_starters.contains(cx.seg.text(k + 1))
        && !cx.rules.lex.checks.clause_words.contains(cx.seg.lower(k + 1))
}

/// True when "First Last," (two capitalized words and a comma) stands before token `k`.
fn name_before(cx: &Ctx, k: usize) -> bool {
    let t = &cx.seg.tokens;
    k >= 3 && cx.seg.text(k - 1) == "," && t[k - 2].is_word() && t[k - 2].cap && t[k - 3].is_word() && t[k - 3].cap
}

/// True when the cue is a participle after a form of "be" ("are accused", "was told").
fn passive_cue(cx: &Ctx, a: &Attribution) -> bool {
    let Some(cue) = a.cue else { return false };
    let toks = cx.tokens_in(cue);
    if toks.len() != 1 || !cx.seg.lower(toks.start).ends_with("ed") && !matches!(cx.seg.lower(toks.start), "told" | "shown" | "known") {
        return false;
    }
    let mut k = toks.start;
    // "are widely accused"
    while k > 0 && cx.seg.tokens[k - 1].is_word() && cx.seg.lower(k - 1).ends_with("ly") {
        k -= 1;
    }
    k > 0 && cx.seg.tokens[k - 1].is_word() && matches!(cx.seg.lower(k - 1), "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// "a report by [the Audit Office]": when a document noun and a link word stand just
/// before the mention's first token `k0`, the byte where the document phrase starts.
fn document_before(cx: &Ctx, k0: usize) -> Option<usize> {
    let w = &cx.rules.lex.checks;
    let toks = &cx.seg.tokens;
    for link in &w.document_links {
        let n = link.len();
        if k0 < n + 1 {
            continue;
        }
        let at = k0 - n;
        let linked = (0..n).all(|i| toks[at + i].is_word() && cx.seg.lower(at + i) == link[i]);
        let noun = at - 1;
        if linked && toks[noun].is_word() && w.documents.contains(cx.seg.lower(noun)) {
            // with its article: "a report by …"
            let start = if noun > 0
                && toks[noun - 1].is_word()
                && matches!(cx.seg.lower(noun - 1), "a" | "an" | "the" | "this" | "its" | "their")
            {
                noun - 1
            } else {
                noun
            };
            return Some(toks[start].span.start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::check::{check, FlagKind, Rules};
    use crate::lexicon::Lexicon;
    use crate::model::Document;

    fn flags(text: &str) -> Vec<(FlagKind, String)> {
        let lex = Lexicon::default_lexicon();
        check(&[Document::new("d", text)], &Rules { lex: &lex, roster: None })
            .into_iter()
            .filter(|f| matches!(f.kind, FlagKind::Anonymous | FlagKind::Vague | FlagKind::DataSource))
            .map(|f| (f.kind, f.words))
            .collect()
    }

    #[test]
    fn unnamed_sources_are_anonymous() {
        assert_eq!(flags("Officials said the border would reopen on Monday."), vec![(FlagKind::Anonymous, "Officials".into())]);
        assert_eq!(
            flags("A senior official, who spoke on condition of anonymity, said the army would withdraw."),
            vec![(FlagKind::Anonymous, "A senior official".into())]
        );
    }

    #[test]
    fn an_anonymity_phrase_makes_any_unnamed_speaker_anonymous() {
        // "diplomat" alone is anonymous too; "engineer" is in no list and needs the phrase
        assert_eq!(
            flags("An engineer, speaking on condition of anonymity, said the dam was unsafe."),
            vec![(FlagKind::Anonymous, "An engineer".into())]
        );
        assert_eq!(flags("An engineer said the dam was unsafe."), vec![]);
    }

    #[test]
    fn vague_groups_are_vague() {
        assert_eq!(flags("Experts say the plan will fail."), vec![(FlagKind::Vague, "Experts".into())]);
        assert_eq!(flags("Critics argue that the tax is unfair."), vec![(FlagKind::Vague, "Critics".into())]);
        assert_eq!(flags("Some say the minister should resign."), vec![(FlagKind::Vague, "Some".into())]);
        assert_eq!(flags("Many believe the vote was rigged."), vec![(FlagKind::Vague, "Many".into())]);
    }

    #[test]
    fn data_and_documents_are_data_sources() {
        assert_eq!(flags("According to UN data, unemployment rose by 3%."), vec![(FlagKind::DataSource, "UN data".into())]);
        assert_eq!(flags("Inflation fell to 2%, per IMF figures."), vec![(FlagKind::DataSource, "IMF figures".into())]);
        assert_eq!(flags("The survey shows that most voters oppose the plan."), vec![(FlagKind::DataSource, "The survey".into())]);
        assert_eq!(
            flags("A report by the Audit Office found that spending had doubled."),
            vec![(FlagKind::DataSource, "A report by the Audit Office".into())]
        );
    }

    #[test]
    fn bodies_named_like_documents_passives_and_titled_roles_are_fine() {
        assert_eq!(flags("According to Acme Research, sales rose by 3%."), vec![]);
        assert_eq!(flags("Senior executives are accused of inflating the figures."), vec![]);
        assert_eq!(flags("Acme chief economist Tom Reyes said rates would rise."), vec![]);
        assert_eq!(flags("“Rates will rise,” said the bank's chief economist, Tom Reyes."), vec![]);
        assert_eq!(flags("One analyst said rates would rise."), vec![(FlagKind::Vague, "One analyst".into())]);
        assert_eq!(flags("Tom Reyes, an analyst at research firm Acme Media believes the time is ripe for change."), vec![]);
        assert_eq!(flags("According to technology analysts, Acme Research, sales will double."), vec![]);
    }

    #[test]
    fn named_people_organizations_and_back_references_are_fine() {
        assert_eq!(flags("Ann Lee said the border would reopen. The ministry said it agreed."), vec![]);
        assert_eq!(flags("The officials said the border would reopen."), vec![]);
        assert_eq!(flags("A spokesman for the ministry said the border would reopen."), vec![]);
    }
}
