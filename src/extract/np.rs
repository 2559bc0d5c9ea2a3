//! Speaker noun phrases: found backward from a cue ("Foreign Minister Dmytro
//! Kuleba said") or forward after it ("said Dr. Elena Petrova, a senior
//! fellow at …", "according to UN data").

use crate::lexicon::Lexicon;
use crate::model::{Mention, MentionKind, Span};
use crate::segment::{Fact, Segmented, TokKind};

words! {
    /// Personal pronouns that can be the subject of a cue.
    pub PRONOUNS, is_pronoun = [
        "he", "she", "they", "i", "we", "it", "you"
    ]
}
/// The length in bytes of the pronoun in a pronoun with a contracted auxiliary ("he's",
/// "they’re", "we've", "I'd"), or `None` for any other word.
pub(crate) fn contracted_pronoun(w: &str) -> Option<usize> {
    let (p, rest) = w.split_once(['\'', '’'])?;
    (is_pronoun(&p.to_ascii_lowercase()) && matches!(rest, "s" | "re" | "ve" | "d" | "ll" | "m")).then_some(p.len())
}

words! {
    /// Pronouns that stand as the object after a cue ("told him").
    pub OBJECT_PRONOUNS, is_object_pronoun = [
        "him", "her", "them", "us", "me", "you", "it"
    ]
}
words! {
    /// Prepositions that open a qualifier after a source noun ("critics of the measure",
    /// "officials at the ministry").
    QUALIFYING_PREPOSITIONS, is_qualifying_preposition = [
        "of", "for", "at", "in", "from", "inside", "within"
    ]
}
words! {
    /// Determiners that open a noun phrase.
    DETERMINERS, is_determiner = [
        "the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "some", "many", "several", "most", "other", "two",
        "three", "four", "five", "few", "both", "these", "those", "this", "my", "your", "all", "no"
    ]
}
words! {
    /// Number words that can stand before a share ("two thirds", "one in five").
    pub(crate) NUMBER_WORDS, is_number_word = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty"
    ]
}
words! {
    /// Words that join the parts of a title or a name ("Secretary of State", "Ludwig van Beethoven").
    CONNECTORS, is_connector = [
        "of", "for", "to", "at", "de", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "da", "di", "del", "on", "and"
    ]
}
words! {
    /// Closed-class words that never sit inside a speaker phrase.
    FUNCTION, is_function = [
        "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could",
        "should", "may", "might", "must", "can", "not", "and", "or", "but", "if", "than", "then", "so", "that", "which", "who",
        "whom", "whose", "what", "when", "where", "why", "how", "as", "in", "on", "at", "by", "with", "from", "into", "about",
        "after", "before", "over", "under", "also", "just", "only", "very", "more", "most", "there", "here", "said", "says", "while",
        "whereas", "although", "though", "because", "unless", "until", "whether"
    ]
}

/// "R-Ky.", "D-Calif", "I-Vt.": the party and state tag of US news.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

pub(crate) struct NpParser<'s, 'a> {
    pub seg: &'s Segmented<'a>,
    pub lex: &'s Lexicon,
    /// The tokens' words, sliced once ([`super::Words`]).
    pub words: &'s super::Words<'s>,
}

impl<'s, 'a> NpParser<'s, 'a> {
    fn text(&self, i: usize) -> &'s str {
        self.words.text[i]
    }
    fn low(&self, i: usize) -> &'s str {
        self.words.low[i]
    }
    fn fw(&self, i: usize) -> bool {
        self.words.frame_word[i]
    }
    fn cap(&self, i: usize) -> bool {
        self.seg.tokens[i].cap
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.seg.tokens[a].span.start, self.seg.tokens[b - 1].span.end)
    }
    fn title_word(&self, i: usize) -> bool {
        self.seg.fact(i, Fact::TitleWord, || self.lex.title_words.contains(self.low(i).trim_end_matches('.')))
    }
    /// Whether token `i` may stand right before a surname: an honorific ("Mr."), a given name
    /// the lexicon knows ("Ann") or an initial ("T.").
    fn surname_after(&self, i: usize) -> bool {
        let t = self.text(i);
        let given = self.lex.male.contains(t) || self.lex.female.contains(t);
        self.cap(i) && (self.lex.honorifics.contains(t.trim_end_matches('.')) || crate::lexicon::is_initial(t) || given)
    }
    fn group_or_doc(&self, i: usize) -> bool {
        self.seg.fact(i, Fact::GroupOrDoc, || {
            let w = self.low(i);
            self.lex.vague.contains(w) || self.lex.documents.contains(w) || self.lex.org_nouns.contains(w) || self.plural_org(w)
        })
    }
    /// Whether lower-case `w` is the plural of a noun for an organization ("companies", "agencies").
    fn plural_org(&self, w: &str) -> bool {
        if let Some(stem) = w.strip_suffix("ies") {
            // the singular in "-y", spelt out in a buffer on the stack when short (no allocation)
            let mut buf = [0u8; 32];
            if let Some(b) = buf.get_mut(..stem.len() + 1) {
                b[..stem.len()].copy_from_slice(stem.as_bytes());
                b[stem.len()] = b'y';
                if let Ok(singular) = std::str::from_utf8(b) {
                    return self.lex.org_nouns.contains(singular);
                }
            }
            return self.lex.org_nouns.contains(format!("{stem}y").as_str());
        }
        w.strip_suffix('s').is_some_and(|s| !s.ends_with('s') && self.lex.org_nouns.contains(s))
    }
    fn stop_cap(&self, i: usize) -> bool {
        self.seg.fact(i, Fact::StopCap, || {
            let t = self.text(i);
            // "Twenty-two": a hyphenated word is judged by its first part
            let head = t.split(['-', '‐']).next().unwrap_or(t);
            self.lex.sentence_starters.contains(t) && !is_determiner(self.low(i))
                || self.lex.not_names.contains(t)
                || self.lex.not_names.contains(head)
                || self.month(i)
                // "From Ann Lee": a preposition opens no name ("Al From" is one, and so is a lone
                // surname before its verb: "…,” From said")
                || self.lex.not_name_openers.contains(t) && !self.surname_after_all(i)
        })
    }
    /// True when token `i`, a preposition written capitalized, ends a name ("Al From") or is a
    /// surname standing before its verb of speech ("From said").
    fn surname_after_all(&self, i: usize) -> bool {
        let toks = &self.seg.tokens;
        let after_name =
            i > 0 && toks[i - 1].kind == TokKind::Word && self.cap(i - 1) && !self.lex.not_name_openers.contains(self.text(i - 1));
        let before_verb =
            i + 1 < toks.len() && toks[i + 1].kind == TokKind::Word && !self.cap(i + 1) && self.lex.speech.contains(self.low(i + 1));
        after_name || before_verb
    }
    /// "in May", "since May", "May 5": a month's name that may also be a surname ("Theresa May")
    /// is the month after a preposition of time or before a day's number.
    fn month(&self, i: usize) -> bool {
        if !crate::date::MONTHS.contains(&self.low(i)) {
            return false;
        }
        let toks = &self.seg.tokens;
        let before = i > 0
            && self.fw(i - 1)
            && matches!(
                self.low(i - 1),
                "in" | "on" | "since" | "until" | "till" | "through" | "during" | "early" | "late" | "mid" | "last" | "next" | "this"
            );
        let day =
            i + 1 < toks.len() && toks[i + 1].kind == TokKind::Word && self.text(i + 1).bytes().next().is_some_and(|b| b.is_ascii_digit());
        before || day
    }
    pub(super) fn known(&self, a: usize, b: usize) -> Option<crate::lexicon::Known> {
        if a >= b {
            return None;
        }
        // words written with single spaces between them are their own joined form: no allocation
        let whole = Span::new(self.seg.tokens[a].span.start, self.seg.tokens[b - 1].span.end).of(&self.seg.doc.text);
        let gaps = (a + 1..b).all(|k| self.seg.tokens[k].span.start == self.seg.tokens[k - 1].span.end + 1);
        if gaps && whole.bytes().filter(|&c| c == b' ').count() == b - a - 1 {
            return self.lex.lookup(whole);
        }
        let words: Vec<&str> = (a..b).map(|i| self.text(i)).collect();
        self.lex.lookup(&words.join(" "))
    }

    /// True when token `i` may stand inside a speaker phrase.
    fn np_word(&self, i: usize) -> bool {
        if !self.fw(i) {
            return false;
        }
        self.seg.fact(i, Fact::NpWord, || {
            let w = self.low(i);
            if self.cap(i) {
                if self.group_or_doc(i) || self.title_word(i) {
                    return true;
                }
                return !self.stop_cap(i) || is_determiner(w);
            }
            self.title_word(i) || self.group_or_doc(i) || self.lex.honorifics.contains(self.text(i).trim_end_matches('.'))
        })
    }

    /// The speaker phrase ending just before token `hi` (and not before `lo`), with its first token.
    pub fn backward(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        if hi == 0 || hi <= lo {
            return None;
        }
        if let Some(found) = self.share_backward(lo, hi) {
            return Some(found);
        }
        let t = hi - 1;
        // "Gov. Pat McCrory (R) said", "Sen. Ted Cruz (R-Texas), also …": a bracketed tag is skipped
        if self.seg.tokens[t].kind == TokKind::Punct && self.text(t) == ")" {
            // (a long aside too: "Sen. Ann Lee (a Democrat so young she has been taken for an aide) says")
            let open = (lo..t).rev().take(30).find(|&k| self.seg.tokens[k].kind == TokKind::Punct && self.text(k) == "(")?;
            let (m, start) = self.backward(lo, open)?;
            return Some((m, start));
        }
        // "Gov. John Kasich (R-OH), said"
        if t > lo && self.text(t) == "," && self.seg.tokens[t].kind == TokKind::Punct && self.text(t - 1) == ")" {
            return self.backward(lo, t);
        }
        // "Sen. Rand Paul, R-Ky., told": a party-state tag between commas is skipped
        // (the tag's abbreviation point may be a token of its own: "R-Ky" ".")
        let tag = if t > lo + 1 && self.text(t - 1) == "." { Some(t - 2) } else { t.checked_sub(1) };
        let tag = tag.filter(|&g| g > lo && self.text(t) == "," && self.fw(g) && is_party_tag(self.text(g)) && self.text(g - 1) == ",");
        if let Some(g) = tag {
            return self.backward(lo, g - 1);
        }
        // "Ann Lee — a former aide — said", "Ghana - the second largest grower - announced": an
        // apposition between dashes, plain words only, describes the phrase before it
        if t > lo + 2 && self.seg.tokens[t].kind == TokKind::Punct && matches!(self.text(t), "—" | "–" | "-" | "--") {
            let open = (lo + 1..t).rev().take(20).find(|&k| self.seg.tokens[k].kind == TokKind::Punct && self.text(k) == self.text(t))?;
            // (no comma, and no coordination: "Democrats — and some Republicans — say" are two)
            let plain = open + 1 < t
                && !matches!(self.low(open + 1), "and" | "or" | "but" | "like")
                && (open + 1..t).all(|k| self.fw(k) || self.seg.tokens[k].kind == TokKind::Punct && matches!(self.text(k), "'" | "’"));
            if !plain || self.holds_cue(open + 1, t) {
                return None;
            }
            let (mut m, start) = self.backward(lo, open)?;
            if m.kind == MentionKind::Pronoun {
                return None;
            }
            m.apposition = Some(self.span(open + 1, t));
            return Some((m, start));
        }
        // "X, a senior fellow at Y, said" / "X, 45, said"
        if self.seg.tokens[t].kind == TokKind::Punct && self.text(t) == "," {
            let mut c = t;
            let mut n = 0;
            while c > lo + 1 && n < 40 {
                c -= 1;
                n += 1;
                if self.seg.in_quote[c].is_some() || matches!(self.text(c), "." | ";" | ":") && self.seg.tokens[c].kind == TokKind::Punct {
                    return None;
                }
                if self.text(c) == "," && self.seg.tokens[c].kind == TokKind::Punct {
                    break;
                }
            }
            if c <= lo || self.text(c) != "," || c + 1 >= t {
                return None;
            }
            // "Sanders's campaign manager, Jeff Weaver, said": the phrase between the commas is the name
            // (or a title and the name: "Another ally, Agriculture Secretary Tom Vilsack, told")
            // (a role in lower case too: "the work's author, US playwright Eve Ensler, says")
            let titled = |m: &Mention| {
                m.span.start == self.seg.tokens[c + 1].span.start
                    && (c + 1..t).take_while(|&k| self.seg.tokens[k].span.start < m.head.start).all(|k| self.cap(k) || self.title_word(k))
            };
            if let Some(m) = self
                .classify(c + 1, t)
                .filter(|m| m.kind == MentionKind::Name && (m.head.start == self.seg.tokens[c + 1].span.start || titled(m)))
            {
                let title_before = self.backward_core(lo, c).filter(|(m, _)| m.kind == MentionKind::Role);
                let start = title_before.as_ref().map_or(c + 1, |(_, s)| *s);
                let mut m = m;
                if let Some((r, _)) = title_before {
                    m.apposition = Some(r.span);
                }
                return Some((m, start));
            }
            // "… in Allentown, Pa., said": a place after a comma belongs to the phrase before it
            if self.known(c + 1, t).is_some_and(|k| self.lex.orgs[k.org].kind == "region" || self.lex.orgs[k.org].kind == "country")
                && c > lo + 1
            {
                return self.backward(lo, c + 1);
            }
            let first = self.low(c + 1);
            let appositive = self.cap(c + 1) && self.known(c + 1, c + 2).is_some() && (c + 2..t).any(|k| self.low(k) == "of")
                || matches!(
                    first,
                    "a" | "an"
                        | "the"
                        | "who"
                        | "of"
                        | "which"
                        | "whose"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "one"
                        | "now"
                        | "then"
                        | "himself"
                        | "herself"
                        | "both"
                        | "also"
                        | "formerly"
                        | "once"
                        | "chief"
                        | "head"
                )
                || first.chars().all(|ch| ch.is_ascii_digit())
                // "China, Pyongyang's only ally, said": a name's possessive opens a description
                || self.cap(c + 1) && (first.ends_with("'s") || first.ends_with("’s")) && c + 2 < t
                || (!self.cap(c + 1) && self.title_word(c + 1))
                || (c + 1..t).any(|k| self.fw(k) && !self.cap(k) && self.lex.role_heads.contains(self.low(k)))
                || self.lex.title_words.contains(first) && (c + 2..t).any(|k| self.title_word(k));
            let parenthetical = (first.ends_with("ing") || first.ends_with("ly")) && !self.cap(c + 1)
                || matches!(
                    first,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "for"
                        | "from"
                        | "speaking"
                        | "meanwhile"
                        | "however"
                        | "too"
                        | "though"
                        | "instead"
                        | "then"
                        | "later"
                        | "earlier"
                        | "separately"
                        | "asked"
                        | "when"
                        | "while"
                );
            // "In Ohio, the plant is struggling, said …": a verb before any relative pronoun makes a
            // clause, not an apposition
            // (an aside such as "when asked …" or "speaking on condition …" may hold verbs)
            let clause = (matches!(first, "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our")
                || first.ends_with("'s")
                || first.ends_with("’s"))
                && self.clause_before_relative(c + 1, t);
            if !appositive && !parenthetical || clause {
                return None;
            }
            // "Woodrow Benford, 58, who lives outside Minneapolis, says": appositions in a row
            let (mut m, start) = match self.backward(lo, c + 1) {
                Some((m, start)) if c > lo && self.text(c - 1) != "," && m.kind != MentionKind::Pronoun && m.apposition.is_some() => {
                    (m, start)
                }
                _ => {
                    if c > lo && self.text(c - 1) == ")" {
                        self.backward(lo, c)?
                    } else {
                        self.backward_core(lo, c)?
                    }
                }
            };
            if appositive {
                if m.kind == MentionKind::Pronoun {
                    return None;
                }
                m.apposition = Some(self.span(c + 1, t));
            }
            return Some((m, start));
        }
        self.backward_core(lo, hi)
    }

    /// A share of the people asked, ending just before `hi`: "47% say", "21 percent of
    /// registered voters said", "three-quarters of the voters said", "a majority of Republicans
    /// say", "those surveyed say". Between the share word and the cue only "of", a determiner
    /// and up to three words of a noun phrase may stand.
    fn share_backward(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut k = hi;
        while k > lo && hi - k <= 5 {
            let i = k - 1;
            let w = self.low(i);
            let last_part = w.rsplit(['-', '‐']).next().unwrap_or(w);
            let punct_share = self.seg.tokens[i].kind == TokKind::Punct && self.lex.shares.contains(w);
            let those = w == "those" && i + 1 < hi && self.lex.polled.contains(self.low(i + 1));
            let share = punct_share || self.fw(i) && (self.lex.shares.contains(w) || self.lex.shares.contains(last_part));
            // after the share word only "of" and its phrase: "47% of voters", not "3.1% the government"
            if share && i + 1 < hi && self.low(i + 1) != "of" {
                return None;
            }
            if share || those {
                let mut s = i;
                if share && w == "cent" {
                    // "per cent" only
                    if s == lo || self.low(s - 1) != "per" {
                        return None;
                    }
                    s -= 1;
                }
                let numeric = |t: &str| t.chars().next().is_some_and(|c| c.is_ascii_digit());
                let percent = matches!(w, "%" | "percent" | "pct" | "cent");
                if s > lo && self.fw(s - 1) && (numeric(self.low(s - 1)) || is_number_word(self.low(s - 1))) {
                    s -= 1;
                } else if percent {
                    // "percent" needs its number
                    return None;
                }
                if s > lo && self.fw(s - 1) && matches!(self.low(s - 1), "a" | "the" | "about" | "nearly" | "almost" | "over" | "only") {
                    s -= 1;
                }
                let span = self.span(s, hi);
                return Some((Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None }, s));
            }
            if !self.fw(i) || self.seg.in_quote[i].is_some() {
                return None;
            }
            let inside = matches!(w, "of" | "the" | "all" | "these" | "those" | "them" | "us" | "likely" | "registered")
                || !is_function(w) && !is_pronoun(w) && !self.lex.speech.contains(w) && !self.lex.belief.contains(w);
            if !inside {
                return None;
            }
            k = i;
        }
        None
    }

    fn backward_core(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        let t = hi - 1;
        if !self.fw(t) {
            return None;
        }
        let w = self.low(t);
        if is_pronoun(w) {
            let s = self.span(t, hi);
            return Some((Mention { span: s, head: s, kind: MentionKind::Pronoun, apposition: None, relative: None }, t));
        }
        // "they're saying", "he's argued": the pronoun without its auxiliary
        if let Some(n) = contracted_pronoun(w) {
            let start = self.seg.tokens[t].span.start;
            let s = Span::new(start, start + n);
            return Some((Mention { span: s, head: s, kind: MentionKind::Pronoun, apposition: None, relative: None }, t));
        }
        if !self.np_word(t) {
            return None;
        }
        let group_head = !self.cap(t) && self.group_or_doc(t);
        let mut j = hi;
        let mut extra_lower = 0;
        while j > lo {
            let k = j - 1;
            // "Bernie Sanders’ campaign": a possessive apostrophe after a name
            if k > lo
                && k < t
                && self.seg.in_quote[k].is_none()
                && matches!(self.text(k), "’" | "'")
                && self.fw(k - 1)
                && self.cap(k - 1)
                && self.low(k - 1).ends_with('s')
            {
                j = k;
                continue;
            }
            if !self.fw(k) {
                break;
            }
            let w = self.low(k);
            // "the prime minister’s spokesman", "the company's chief executive": a lower-case
            // possessive noun after its determiner belongs to the phrase of the head it owns
            if k < t && k > lo && !self.cap(k) && (w.ends_with("’s") || w.ends_with("'s")) && w.len() > 3 {
                let det = (k.saturating_sub(3).max(lo)..k).rev().take_while(|&d| self.fw(d)).find(|&d| is_determiner(self.low(d)));
                let plain =
                    |d: usize| (d + 1..k).all(|i| !self.cap(i) && !is_function(self.low(i)) && !self.lex.speech.contains(self.low(i)));
                if let Some(d) = det.filter(|&d| plain(d)) {
                    j = d;
                    break;
                }
            }
            if is_determiner(w) && k < t {
                j = k;
                // "Mr. Morgan of the Sierra Club": a name before "of the …" belongs to the phrase
                let named_before = w == "the"
                    && k >= lo + 2
                    && matches!(self.low(k - 1), "of" | "at" | "from")
                    && self.fw(k - 2)
                    && self.cap(k - 2)
                    && !self.stop_cap(k - 2);
                if named_before {
                    continue;
                }
                break;
            }
            if is_connector(w) && !self.cap(k) {
                // a connector only inside a phrase: the word before it must belong too
                // (but after a name, a role in lower case after "and" opens another person's
                // phrase: "singer Ann Lee and drummer Bo Ray" are two; "the trade and industry
                // secretary", "chairman and chief executive Bo Ray" one)
                let inside = k > lo && k < t && self.fw(k - 1);
                let named = inside && self.cap(k - 1) && !self.title_word(k - 1);
                let joins = w != "and" || !inside || self.cap(k + 1) || !(named && self.lex.is_role(self.low(k + 1)));
                if joins && inside && (self.cap(k - 1) || self.title_word(k - 1)) && !self.stop_cap(k - 1) {
                    j = k;
                    continue;
                }
                break;
            }
            if self.np_word(k) {
                if self.cap(k) && self.stop_cap(k) && !self.group_or_doc(k) && !self.title_word(k) {
                    break;
                }
                j = k;
                continue;
            }
            if group_head && extra_lower < 2 && !is_function(w) && !self.lex.speech.contains(w) && !self.cap(k) {
                extra_lower += 1;
                j = k;
                continue;
            }
            if w.chars().all(|c| c.is_ascii_digit()) && group_head {
                j = k;
                continue;
            }
            break;
        }
        while j < t && is_connector(self.low(j)) && !self.cap(j) {
            j += 1;
        }
        // "at a summit in California Mr Torvalds said", "in Moscow Foreign Minister Ann Lee said": a
        // place named right after a preposition of place, before an honorific or a capitalized
        // title, belongs to the preposition's phrase, not to the name ("comments from Spain coach
        // Ann Lee" and "in Iraqi leader Ann Lee" keep theirs)
        if j > lo && self.fw(j - 1) && !self.cap(j - 1) && crate::lexicon::Lexicon::is_place_preposition(self.low(j - 1)) {
            let place = |n: usize| {
                let words: Vec<&str> = (j..j + n).map(|k| self.text(k)).collect();
                self.lex.names_place(&words.join(" "))
            };
            let titled = |k: usize| self.cap(k) && (self.lex.honorifics.contains(self.text(k).trim_end_matches('.')) || self.title_word(k));
            if let Some(n) = (1..=3).rev().find(|&n| j + n < t && place(n) && titled(j + n)) {
                j += n;
            }
        }
        let m = self.classify(j, hi)?;
        Some((m, j))
    }

    /// True when tokens `[a, b)` hold a verb of speech or belief: a clause that says
    /// something of its own ("who said he would …") rather than describing someone.
    pub fn holds_cue(&self, a: usize, b: usize) -> bool {
        (a..b).any(|t| self.fw(t) && (self.lex.speech.contains(self.low(t)) || self.lex.belief.contains(self.low(t))))
    }

    /// A group noun with a qualifier, ending just before `hi`: "a source familiar with the
    /// talks", "people close to the minister", "two officials briefed on the plan", "critics
    /// of the measure". The qualifiers are the phrases of the lexicon's `[sources] anonymity`
    /// list, or a preposition.
    pub fn qualified_group(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        let from = hi.saturating_sub(10).max(lo + 1);
        let source_noun = |k: usize| {
            let w = self.low(k);
            self.fw(k) && (self.lex.vague.contains(w) || self.lex.checks.vague.contains(w) || self.lex.checks.anonymous.contains(w))
        };
        for q in (from..hi).rev() {
            if !self.fw(q) {
                continue;
            }
            let phrase = if self.lex.checks.anonymity_starts.contains(self.low(q)) {
                self.lex
                    .checks
                    .anonymity
                    .iter()
                    .find(|p| p.len() > 1 && q + p.len() < hi && p.iter().enumerate().all(|(i, w)| self.fw(q + i) && self.low(q + i) == w))
                    .map(Vec::len)
            } else {
                None
            };
            // after a preposition: a source noun that is no quantifier ("many of them") and an
            // object that opens like a name or with a determiner ("of the measure", "in Congress")
            let preposition = || {
                is_qualifying_preposition(self.low(q))
                    && q + 1 < hi
                    && q > lo
                    && source_noun(q - 1)
                    && !is_determiner(self.low(q - 1))
                    && self.fw(q + 1)
                    && (self.cap(q + 1) || is_determiner(self.low(q + 1)))
            };
            let Some(len) = phrase.or_else(|| preposition().then_some(1)) else {
                continue;
            };
            let noun = q - 1;
            // the qualifier's object: plain words, no verb, up to the cue (a cue word after a
            // determiner is a noun: "familiar with the talks")
            let object = q + len..hi;
            let noun_after_det = |k: usize| k > object.start && (is_determiner(self.low(k - 1)) || self.low(k - 1) == "of");
            let plain = object.len() <= 6
                && object.clone().all(|k| {
                    // "a number of states": "of" and its determiner inside the object
                    let of_phrase = k > object.start && (self.low(k) == "of" || self.low(k - 1) == "of" && is_determiner(self.low(k)));
                    self.fw(k)
                        && (!self.lex.cue_starts.contains_key(self.low(k)) || noun_after_det(k))
                        && (!is_function(self.low(k)) || of_phrase)
                });
            if !plain || !source_noun(noun) {
                // a preposition inside a longer qualifier ("familiar with the planning for …")
                if phrase.is_none() {
                    continue;
                }
                return None;
            }
            // its determiner and modifiers: "two senior US officials"
            let mut start = noun;
            while start > lo && noun - start < 3 && self.fw(start - 1) && !self.lex.cue_starts.contains_key(self.low(start - 1)) {
                let w = self.low(start - 1);
                if is_function(w) && !is_determiner(w) {
                    break;
                }
                start -= 1;
                if is_determiner(w) {
                    break;
                }
            }
            // a phrase with a plain preposition is the subject only where a clause opens: a cue
            // word inside a longer phrase is a noun ("killed 80 people in a terrorist attack")
            let opens = start == lo
                || self.seg.tokens[start - 1].kind == TokKind::Punct && matches!(self.text(start - 1), "," | ";" | ":" | "—")
                || matches!(self.low(start - 1), "and" | "but" | "while" | "as" | "though" | "although" | "because");
            if phrase.is_none() && !opens {
                continue;
            }
            let span = self.span(start, hi);
            return Some((Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None }, start));
        }
        None
    }

    /// Any determiner phrase ending just before `hi` ("the editorial", "a Democratic staffer
    /// in the room", "the bespectacled, 71-year-old diplomat"): used only right after a
    /// quotation, where nothing else can stand before the cue.
    pub fn generic_backward(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut k = hi;
        let mut words = 0;
        while k > lo && words < 7 {
            let i = k - 1;
            if self.seg.tokens[i].kind == TokKind::Punct && self.text(i) == "," && self.seg.in_quote[i].is_none() && words > 0 {
                k = i;
                continue;
            }
            if !self.fw(i)
                || is_function(self.low(i)) && !matches!(self.low(i), "in" | "at" | "of" | "on" | "from" | "with" | "for")
                || self.low(i).ends_with("ing")
            {
                return None;
            }
            words += 1;
            k = i;
            if matches!(
                self.low(i),
                "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its" | "some" | "many" | "several" | "other"
            ) {
                if k + 1 >= hi {
                    return None;
                }
                // "a narrator in the Clinton ad": go on past a preposition to the phrase's own determiner
                if k > lo + 1
                    && self.fw(k - 1)
                    && matches!(self.low(k - 1), "in" | "at" | "of" | "on" | "from" | "with" | "for" | "to")
                    && words < 5
                {
                    continue;
                }
                let span = self.span(k, hi);
                return Some((Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None }, k));
            }
        }
        None
    }

    /// The bare noun phrase ending just before `hi` that a restrictive "who" qualifies:
    /// "those", "business leaders", "journalists", "anyone". Up to five words that are not
    /// function words or cue verbs, ending at a determiner if one comes first.
    pub fn bare_backward(&self, lo: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut k = hi;
        while k > lo && hi - k < 5 {
            let i = k - 1;
            let w = self.low(i);
            if !self.fw(i) || self.seg.in_quote[i].is_some() {
                break;
            }
            if is_determiner(w) || matches!(w, "anyone" | "everyone" | "someone" | "people") {
                k = i;
                break;
            }
            if is_function(w) || is_pronoun(w) || self.lex.speech.contains(w) || self.lex.belief.contains(w) {
                break;
            }
            k = i;
        }
        if k == hi {
            return None;
        }
        let span = self.span(k, hi);
        Some((Mention { span, head: self.span(hi - 1, hi), kind: MentionKind::Group, apposition: None, relative: None }, k))
    }

    /// A determiner phrase starting at `from` and running to the next punctuation ("said a
    /// longtime adviser to both Clintons, who …"): used only after a quotation and its cue.
    pub fn generic_forward(&self, from: usize, hi: usize) -> Option<(Mention, usize)> {
        if from >= hi
            || !self.fw(from)
            || !matches!(self.low(from), "a" | "an" | "the" | "one" | "another" | "his" | "her" | "their" | "its")
        {
            return None;
        }
        let mut k = from + 1;
        while k < hi && k < from + 12 && self.fw(k) && !self.lex.speech.contains(self.low(k)) {
            let w = self.low(k);
            // ("a source close to the campaign": a determiner after the phrase's preposition)
            let prep = |w: &str| matches!(w, "in" | "at" | "of" | "on" | "from" | "with" | "for" | "to");
            let object = is_determiner(w) && prep(self.low(k - 1));
            if is_function(w) && !prep(w) && !object {
                break;
            }
            k += 1;
        }
        let ends = k >= hi || !self.fw(k) || matches!(self.low(k), "who" | "which" | "whose");
        if k <= from + 1 || !ends {
            return None;
        }
        if let Some(named) = self.name_after(from, k, hi) {
            return Some(named);
        }
        let span = self.span(from, k);
        Some((Mention { span, head: span, kind: MentionKind::Group, apposition: None, relative: None }, k))
    }

    /// True when an auxiliary stands in `[from, to)` before any relative pronoun: the words
    /// are a clause ("the new tax will hurt …"), not a description ("a lawyer who has …").
    fn clause_before_relative(&self, from: usize, to: usize) -> bool {
        (from..to)
            .take_while(|&i| !matches!(self.low(i), "who" | "whose" | "whom" | "which" | "that" | "where"))
            .any(|i| self.fw(i) && super::is_auxiliary(self.low(i)))
    }

    /// "said another user, Ann Lee.", "said the firm's chief, Ann Lee,": after the description
    /// `[from, k)`, a comma and a name closing the clause name who it is (the description becomes
    /// the name's apposition). Returns the name's mention and the token after it.
    fn name_after(&self, from: usize, k: usize, hi: usize) -> Option<(Mention, usize)> {
        if k + 2 >= hi || self.text(k) != "," || self.seg.tokens[k].kind != TokKind::Punct || !self.cap(k + 1) {
            return None;
        }
        let mut e = k + 1;
        while e < hi && self.fw(e) && (self.cap(e) || is_connector(self.low(e))) {
            e += 1;
        }
        let closes = e >= hi || matches!(self.seg.tokens[e].kind, TokKind::Punct) && matches!(self.text(e), "." | "," | ";");
        let mut n = self.classify_simple(k + 1, e).filter(|n| n.kind == MentionKind::Name && closes)?;
        n.span = self.span(from, e);
        n.apposition = Some(self.span(from, k));
        Some((n, e))
    }

    /// The speaker phrase starting at token `from` (e.g. after "said" or "according to").
    /// Returns the mention and the first token after it (and after any apposition).
    pub fn forward(&self, from: usize, hi: usize, allow_det: bool) -> Option<(Mention, usize)> {
        if from >= hi || !self.fw(from) {
            return None;
        }
        let w = self.low(from);
        if is_pronoun(w) && w != "it" && w != "you" {
            let s = self.span(from, from + 1);
            return Some((Mention { span: s, head: s, kind: MentionKind::Pronoun, apposition: None, relative: None }, from + 1));
        }
        let mut k = from;
        // "said Ladbrokes' Warren Lush": a possessive apostrophe after a name in -s, before a full
        // name (two capitalized words at least: "Wesley Snipes' Blade: Trinity" is a title)
        let apostrophe = |k: usize| {
            k > from
                && k + 2 < hi
                && self.seg.in_quote[k].is_none()
                && matches!(self.text(k), "’" | "'")
                && self.cap(k - 1)
                && self.low(k - 1).ends_with('s')
                && (k + 1..k + 3).all(|n| self.fw(n) && self.cap(n))
        };
        while k < hi && (self.fw(k) || apostrophe(k)) {
            if !self.fw(k) {
                k += 1;
                continue;
            }
            let w = self.low(k);
            let ok = if k == from {
                self.np_word(k) || (allow_det || !self.cap(k)) && is_determiner(w)
            } else if is_connector(w) && !self.cap(k) {
                k + 1 < hi && self.fw(k + 1) && (self.np_word(k + 1) || is_determiner(self.low(k + 1)))
            } else {
                // "Clinton ally James Carville", "Trump adviser Roger Stone": a lower-case word
                // between a name and a name
                let between_names = !self.cap(k)
                    && self.cap(k - 1)
                    && k + 1 < hi
                    && self.fw(k + 1)
                    && self.cap(k + 1)
                    && !is_function(w)
                    && !self.lex.speech.contains(w);
                // "the company's chief executive": a possessive noun after the determiner, before a role
                let possessor = k == from + 1
                    && (w.ends_with("'s") || w.ends_with("’s"))
                    && is_determiner(self.low(from))
                    && k + 1 < hi
                    && self.fw(k + 1)
                    && self.title_word(k + 1);
                self.np_word(k) || between_names || possessor || (w == "the" && k + 1 < hi && self.fw(k + 1) && self.cap(k + 1))
            };
            if !ok {
                break;
            }
            k += 1;
        }
        if k == from {
            return None;
        }
        // drop a trailing connector or determiner
        while k > from + 1 && (is_connector(self.low(k - 1)) || is_determiner(self.low(k - 1))) {
            k -= 1;
        }
        let mut m = self.classify(from, k)?;
        let mut end = k;
        // "said Nucor's chief executive, John Lee.", "said another user, Ann Lee.": a role or a
        // description, then the name of who it is, closing the clause
        if matches!(m.kind, MentionKind::Role | MentionKind::Group) {
            if let Some(named) = self.name_after(from, k, hi) {
                return Some(named);
            }
        }
        // ", a senior fellow at the Center for Eurasian Studies"
        if k + 1 < hi && self.text(k) == "," && self.seg.tokens[k].kind == TokKind::Punct && m.kind == MentionKind::Name {
            let first = self.low(k + 1);
            if matches!(first, "a" | "an" | "the" | "who" | "its" | "his" | "her" | "their") || (!self.cap(k + 1) && self.title_word(k + 1))
            {
                let mut e = k + 1;
                while e < hi
                    && !(self.seg.tokens[e].kind == TokKind::Punct && matches!(self.text(e), "," | "." | ";" | ":" | "—"))
                    && self.seg.in_quote[e].is_none()
                {
                    e += 1;
                }
                // "…, who said he would not vote": a relative clause holding a cue is a statement of
                // its own, not a description
                let own_cue = first == "who" && self.holds_cue(k + 2, e);
                // "According to Ann Lee, the new tax will hurt …": an auxiliary before any relative
                // pronoun makes it the next clause, not a description
                let clause = self.clause_before_relative(k + 1, e);
                if e > k + 1 && !own_cue && !clause {
                    m.apposition = Some(self.span(k + 1, e));
                    end = e;
                }
            }
        }
        Some((m, end))
    }

    /// Decides what the phrase `[a, b)` names.
    fn classify(&self, a: usize, b: usize) -> Option<Mention> {
        if a >= b {
            return None;
        }
        // "Sen. Marco Rubio of Florida", "Cameron Easley for Morning Consult": a name, then where from
        if let Some(c) =
            (a + 1..b.saturating_sub(1)).find(|&k| !self.cap(k) && matches!(self.low(k), "of" | "for" | "from" | "at" | "with"))
        {
            if let Some(mut m) = self.classify_simple(a, c).filter(|m| m.kind == MentionKind::Name) {
                m.span = self.span(a, b);
                m.apposition = Some(self.span(c, b));
                return Some(m);
            }
            // "a spokesman for Mr Blair", "a spokeswoman for Foreign Minister Ann Lee": the role
            // speaks, for the person named after it ("Merck's head of research Peter Kim" is Peter Kim)
            let role = self.classify_simple(a, c).filter(|m| m.kind == MentionKind::Role && !self.cap(c - 1) && self.low(c) == "for");
            // (a person: a full name, or an honorific and a name; "a spokesman for Dell" is Dell's)
            let person = self.classify_simple(c + 1, b).filter(|n| n.kind == MentionKind::Name).is_some_and(|n| {
                let before = (c + 1..b).take_while(|&k| self.seg.tokens[k].span.start < n.head.start);
                let full = n.head.of(&self.seg.doc.text).contains(' ') || before.clone().any(|k| self.lex.is_honorific(self.text(k)));
                full && before.clone().all(|k| self.cap(k) || self.title_word(k) || is_determiner(self.low(k)) || is_connector(self.low(k)))
            });
            if let Some(mut m) = role.filter(|_| person) {
                m.span = self.span(a, b);
                m.apposition = Some(self.span(c, b));
                return Some(m);
            }
        }
        self.classify_simple(a, b)
    }

    fn classify_simple(&self, a: usize, b: usize) -> Option<Mention> {
        let head = b - 1;
        let whole = self.span(a, b);
        let mk = |kind: MentionKind, head: Span| Some(Mention { span: whole, head, kind, apposition: None, relative: None });
        let hw = self.low(head);
        // "Vince Cable", "Tom Post": a capitalized word after a given name is a surname, not a
        // document or a group
        let surname = head > a && self.cap(head) && {
            let given = self.text(head - 1);
            self.lex.male.contains(given) || self.lex.female.contains(given)
        };
        if self.lex.vague.contains(hw) && !surname {
            return mk(MentionKind::Group, whole);
        }
        if self.lex.documents.contains(hw) && !surname {
            return mk(MentionKind::Document, whole);
        }
        if !self.cap(head) {
            if self.lex.org_nouns.contains(hw) {
                // "the company", "the Russian government": only with a determiner or a name before it
                return if b - a >= 2 { mk(MentionKind::Organization, whole) } else { None };
            }
            // "the companies", "both agencies": several bodies are a group
            if b - a >= 2 && self.plural_org(hw) {
                return mk(MentionKind::Group, whole);
            }
            if self.lex.role_heads.contains(hw) && (b - a >= 2 || self.lex.anaphoric_roles.contains(hw)) {
                return mk(MentionKind::Role, whole);
            }
            return None;
        }
        if b - a == 1 && is_determiner(hw) {
            return None;
        }
        // a nationality adjective alone ("Russian state media") names nobody, unless a verb of
        // saying follows it: then it is a surname ("“…,” Cuban said")
        if b - a == 1 && self.known(a, b).is_some_and(|k| k.surface == crate::lexicon::Surface::Adjective) {
            let said = b < self.seg.tokens.len() && self.lex.speech.contains(self.low(b));
            return if said { mk(MentionKind::Name, self.span(a, b)) } else { None };
        }
        // capitalized head: a known organization or place?
        let body_start = if is_determiner(self.low(a)) { a + 1 } else { a };
        if body_start < b {
            if let Some(_k) = self.known(body_start, b) {
                return mk(MentionKind::Organization, self.span(body_start, b));
            }
        }
        // the name: the trailing run of capitalized words that are not titles, honorifics or known entities
        let mut n = b;
        while n > a {
            let k = n - 1;
            // a title word or an honorific ending the name after an honorific, a given name or an
            // initial is a surname ("Mr. King", "Ann King", "Peter T. King", "Martin Luther King Jr.")
            let last = n == b || (n..b).all(|j| self.lex.is_name_suffix(self.text(j)));
            let surname = last && k > a && self.surname_after(k - 1);
            if !self.cap(k) || self.stop_cap(k) || self.lex.honorifics.contains(self.text(k).trim_end_matches('.')) && !surname {
                break;
            }
            if self.title_word(k) && !surname {
                break;
            }
            // (a known body's name after a given name is a surname: "Johanna Bayer")
            if self.known(k, k + 1).is_some() && n == b && k + 1 == b && b - a > 1 && self.lex.gender_of(self.text(k - 1)).is_none() {
                break;
            }
            if self.known(k, k + 1).is_some() && n < b {
                break;
            }
            n -= 1;
        }
        if n == b {
            // no name: "Prime Minister said", "Foreign Secretary"
            if self.title_word(head) {
                return mk(MentionKind::Role, whole);
            }
            if let Some(known) = self.known(head, b) {
                // "the Police Federation of England and Wales": a place ending a name whose
                // organization head comes before "of" is part of that name
                let of = (body_start..head).find(|&k| !self.cap(k) && matches!(self.low(k), "of" | "for"));
                let place = matches!(self.lex.orgs[known.org].kind.as_str(), "country" | "region");
                let named = place && of.is_some_and(|c| (body_start..c).any(|k| self.cap(k) && self.lex.org_heads.contains(self.text(k))));
                return mk(MentionKind::Organization, self.span(if named { body_start } else { head }, b));
            }
            return None;
        }
        // "Party leader Michael Howard", "Police Commissioner Sir John Stevens": an organization's
        // word before the title or honorific of a person's name is no part of the name
        let mut t = n;
        while t > body_start && self.lex.honorifics.contains(self.text(t - 1).trim_end_matches('.')) {
            t -= 1;
        }
        let honored = t < n;
        let person = honored || b - n >= 2 || self.lex.gender_of(self.text(n)).is_some();
        let name_from = if t > body_start && (honored || self.title_word(t - 1)) && person { n } else { body_start };
        let org_like = (name_from..b).any(|k| self.cap(k) && self.lex.org_heads.contains(self.text(k)));
        if org_like {
            return mk(MentionKind::Organization, self.span(body_start, b));
        }
        let name = self.span(n, b);
        if b - n == 1 && self.known(n, b).is_some() {
            return mk(MentionKind::Organization, name);
        }
        // "Russians", "Britons": the plural of a nationality is a group, not a person
        if b - n == 1 {
            let w = self.text(n);
            let singular = w.strip_suffix('s').unwrap_or(w);
            if w.ends_with('s') && self.lex.lookup(singular).is_some_and(|k| k.surface == crate::lexicon::Surface::Adjective) {
                return mk(MentionKind::Group, whole);
            }
        }
        mk(MentionKind::Name, name)
    }
}
