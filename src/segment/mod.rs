//! Stage 2, segment: a [`Document`] → paragraphs, sentences, tokens and paired
//! quotation marks ([`Segmented`]).
//!
//! Why quotes are paired per paragraph: newspapers never run a quotation across
//! a paragraph break without reopening it, so a mark left open at a paragraph's
//! end either continues in the next paragraph (which then opens with a mark) or
//! is a typo. Either way it must not swallow the rest of the article.

use crate::lexicon::Lexicon;
use crate::model::{Document, Span};
use std::cell::Cell;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits, with internal apostrophes, hyphens and dots ("don’t", "U.S.").
    Word,
    /// Any other non-space character.
    Punct,
    /// The opening mark of quote `n` (index into [`Segmented::quotes`]).
    Open(usize),
    /// The closing mark of quote `n`.
    Close(usize),
}

/// One token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokKind,
    /// For a word: its first letter is upper case.
    pub cap: bool,
}

impl Token {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// A pair of quotation marks and what lies between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote runs to the paragraph's end.
    pub close: Option<Span>,
    /// The words between the marks (to the paragraph's end for an open quote), trimmed.
    pub inner: Span,
    /// 0 for a top-level quote, 1 for a quote inside it, …
    pub depth: usize,
    /// The paragraph it sits in.
    pub paragraph: usize,
    /// It opens a paragraph that continues a quote left open at the end of the previous one.
    pub continuation: bool,
}

/// A sentence: sentence boundaries are never placed inside a top-level quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Its text, trimmed.
    pub span: Span,
    /// The paragraph it sits in.
    pub paragraph: usize,
    /// Its tokens, as a range into [`Segmented::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// A document cut into the units later stages work on.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The text with ASCII letters lower-cased (same byte offsets as the text).
    pub lower: String,
    /// Every token in order.
    pub tokens: Vec<Token>,
    /// Paragraph spans, trimmed.
    pub paragraphs: Vec<Span>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Quotes in order of their opening mark.
    pub quotes: Vec<Quote>,
    /// For each token, the top-level quote it lies inside (marks included).
    pub in_quote: Vec<Option<usize>>,
    /// For each token, the [`Fact`]s worked out so far (two bits each: known, value).
    facts: Vec<Cell<u32>>,
}

/// A lexicon fact about one token that later stages ask about again and again (the
/// speaker search looks at the same words from several cues), so it is worked out once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Fact {
    /// May stand inside a speaker phrase.
    NpWord,
    /// A word of a title ("minister", "foreign").
    TitleWord,
    /// A noun for a group, a document or an organization ("officials", "report", "company").
    GroupOrDoc,
    /// A capitalized word that is never part of a name ("Monday", a sentence starter).
    StopCap,
}

impl Segmented<'_> {
    /// The text of token `i` as written.
    pub fn text(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.doc.text)
    }
    /// The text of token `i` with ASCII letters lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.lower)
    }

    /// True when token `i` is the first of its sentence.
    ///
    /// ```
    /// use quotegraph::{lexicon::Lexicon, model::Document, segment::segment};
    /// let lex = Lexicon::default_lexicon();
    /// let doc = Document::new("d", "It rained. Said Lee: “Wet.”");
    /// let seg = segment(&doc, &lex);
    /// assert!(seg.opens_sentence(0) && seg.opens_sentence(3) && !seg.opens_sentence(4));
    /// ```
    pub fn opens_sentence(&self, i: usize) -> bool {
        let n = self.sentences.partition_point(|s| s.tokens.start < i);
        self.sentences.get(n).is_some_and(|s| s.tokens.start == i)
    }

    /// Whether `fact` holds of token `i`: `compute` answers the first time, the answer is
    /// remembered for every later question.
    ///
    /// ```
    /// use quotegraph::{lexicon::Lexicon, model::Document, segment::{segment, Fact}};
    /// let lex = Lexicon::default_lexicon();
    /// let doc = Document::new("d", "The minister said so.");
    /// let seg = segment(&doc, &lex);
    /// assert!(seg.fact(1, Fact::TitleWord, || true));
    /// assert!(seg.fact(1, Fact::TitleWord, || false), "the first answer stands");
    /// ```
    #[inline]
    pub fn fact(&self, i: usize, fact: Fact, compute: impl FnOnce() -> bool) -> bool {
        let known = 1u32 << (2 * fact as u32);
        let cell = &self.facts[i];
        let bits = cell.get();
        if bits & known != 0 {
            return bits & (known << 1) != 0;
        }
        let value = compute();
        cell.set(bits | known | if value { known << 1 } else { 0 });
        value
    }
}

/// Splits a phrase into the words the tokenizer would make of it (punctuation dropped).
///
/// ```
/// assert_eq!(quotegraph::segment::words_of("U.S. Secretary of State"), vec!["U.S.", "Secretary", "of", "State"]);
/// ```
pub fn words_of(s: &str) -> Vec<&str> {
    // (the token buffer is kept per thread: this runs for every statement's words in `report`)
    thread_local!(static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) });
    TOKENS.with_borrow_mut(|tokens| {
        tokens.clear();
        tokenize(s, 0, &|_| false, tokens);
        // (sized for every token up front: no regrowth while collecting)
        let mut words = Vec::with_capacity(tokens.len());
        words.extend(tokens.iter().filter(|t| t.kind == TokKind::Word).map(|t| t.span.of(s)));
        words
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '‐' | '&')
}

/// What an ASCII byte is to the tokenizer; bytes of 0x80 and up are decoded as characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Space,
    Word,
    Joiner,
    Punct,
}

/// The class of every ASCII byte, so the common case needs no character decoding.
const ASCII_CLASS: [Ascii; 128] = {
    let mut t = [Ascii::Punct; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Ascii::Word
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            Ascii::Space
        } else if matches!(c, b'.' | b'\'' | b'-' | b'&') {
            Ascii::Joiner
        } else {
            Ascii::Punct
        };
        b += 1;
    }
    t
};

/// The ASCII letters and digits, by byte: the tokenizer's innermost loop, over the letters of a
/// word, asks one entry a byte (bytes of 0x80 and up are false: they are decoded after it).
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character at byte `i` (a char boundary) and its class.
#[inline(always)]
fn class_at(text: &str, i: usize) -> Option<(char, Ascii)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, ASCII_CLASS[b as usize]));
    }
    let c = text[i..].chars().next()?;
    let class = if c.is_whitespace() {
        Ascii::Space
    } else if is_word_char(c) {
        Ascii::Word
    } else if is_joiner(c) {
        Ascii::Joiner
    } else {
        Ascii::Punct
    };
    Some((c, class))
}

/// Tokenizes `text[from..]` (offsets are absolute) onto the end of `out`. `abbrev` says
/// whether a word written without its final dot is an abbreviation that keeps it ("Dr").
///
/// Why a byte table: news text is mostly ASCII, and classifying a byte by table lookup
/// costs a fraction of decoding it and asking Unicode.
fn tokenize(text: &str, from: usize, abbrev: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some((c, class)) = class_at(text, i) {
        let cl = c.len_utf8();
        match class {
            Ascii::Space => i += cl,
            Ascii::Word => {
                let start = i;
                let mut j = i + cl;
                let mut has_dot = false;
                loop {
                    // runs of ASCII letters and digits first
                    while j < bytes.len() && ASCII_WORD[bytes[j] as usize] {
                        j += 1;
                    }
                    match class_at(text, j) {
                        Some((d, Ascii::Word)) => j += d.len_utf8(),
                        Some((d, Ascii::Joiner)) => {
                            let after = j + d.len_utf8();
                            match class_at(text, after) {
                                Some((n, Ascii::Word)) => {
                                    if d == '.' {
                                        has_dot = true;
                                    }
                                    j = after + n.len_utf8();
                                }
                                _ => break,
                            }
                        }
                        _ => break,
                    }
                }
                // a final dot belongs to acronyms ("U.S."), initials ("J.") and abbreviations ("Dr.")
                if j < text.len() && bytes[j] == b'.' {
                    let w = &text[start..j];
                    let single_cap = j - start == cl && c.is_uppercase();
                    if has_dot || single_cap || abbrev(w) {
                        j += 1;
                    }
                }
                out.push(Token { span: Span::new(start, j), kind: TokKind::Word, cap: c.is_uppercase() });
                i = j;
            }
            Ascii::Joiner | Ascii::Punct => {
                // NYT-style `` and '' are one mark each; three apostrophes after a word close a
                // single quotation, then a double one ("… at all,''' said Mr. Meyer")
                let len = if (c == '`' || c == '\'') && bytes.get(i + 1) == Some(&(c as u8)) && !closes_single_then_double(bytes, i) {
                    2
                } else {
                    cl
                };
                out.push(Token { span: Span::new(i, i + len), kind: TokKind::Punct, cap: false });
                i += len;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Double,
    Single,
}

/// Splits the text into paragraphs: at blank lines when the text has any,
/// otherwise at every line break.
fn paragraphs(text: &str) -> Vec<Span> {
    let blank_lines = text.contains("\n\n") || text.contains("\r\n\r\n") || text.contains("\n \n");
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() {
            out.push(Span::new(s + lead, s + lead + t.len()));
        }
    };
    let mut line_start = 0;
    // (`match_indices` with a char finds it with memchr, not a test per byte)
    for (i, _) in text.match_indices('\n') {
        let line = &text[line_start..i];
        if !blank_lines || line.trim().is_empty() {
            push(start, i, &mut out);
            start = i + 1;
        }
        line_start = i + 1;
    }
    push(start, text.len(), &mut out);
    out
}

/// True when the line ending at byte `end` is written in title case: at least three words of
/// four letters or more, nearly all of them capitalized ("Mayor Says Bridge Will Open In May").
fn title_case_line(text: &str, end: usize) -> bool {
    let start = text[..end].rfind('\n').map_or(0, |k| k + 1);
    let (mut long, mut caps) = (0, 0);
    for w in text[start..end].split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 3 && caps * 10 >= long * 9
}

/// The dash that closes a dateline or an upper-case kicker opening a paragraph, when there is
/// one: "WASHINGTON (AP) — …", "ORLANDO, Fla., Dec. 8 (Reuters) - …", "IOWA POLLS TOO EARLY -
/// …". What comes before the dash is a place or a heading, never the subject of the sentence
/// after it, so it is a sentence of its own.
fn dateline(text: &str, tokens: &[Token], range: std::ops::Range<usize>) -> Option<usize> {
    const MAX_TOKENS: usize = 24;
    let upper_word = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase);
    let first = tokens.get(range.start)?;
    if !(first.is_word() && upper_word(first.span.of(text))) {
        return None;
    }
    let mut depth = 0usize;
    for k in range.start + 1..range.end.min(range.start + MAX_TOKENS) {
        let t = tokens[k];
        let s = t.span.of(text);
        if depth > 0 {
            // an agency in brackets: "(AP)", "(Reuters)"
            depth -= usize::from(s == ")");
            continue;
        }
        match t.kind {
            TokKind::Word => {
                // a state or a month, abbreviated ("Fla.", "N.H.", "Dec."), or a day's number
                let abbreviation = t.cap && s.ends_with('.') && s.len() <= 6;
                if !(upper_word(s) || abbreviation || s.chars().all(|c| c.is_ascii_digit())) {
                    return None;
                }
            }
            TokKind::Punct if s == "(" => depth += 1,
            TokKind::Punct if matches!(s, "—" | "–" | "―" | "-") => {
                // "--" is two tokens
                let dash = if k + 1 < range.end && tokens[k + 1].span.of(text) == "-" { k + 1 } else { k };
                return (dash + 1 < range.end).then_some(dash);
            }
            TokKind::Punct if matches!(s, "," | "’" | "'" | "." | "&" | "/") => {}
            _ => return None,
        }
    }
    None
}

fn prev_char(text: &str, at: usize, floor: usize) -> Option<char> {
    if at <= floor {
        None
    } else {
        text[..at].chars().next_back()
    }
}

fn next_char(text: &str, at: usize, ceil: usize) -> Option<char> {
    if at >= ceil {
        None
    } else {
        text[at..ceil].chars().next()
    }
}

/// True when the text before `at` (skipping spaces) ends a sentence.
fn before_is_final(text: &str, at: usize, floor: usize) -> bool {
    let before = text[floor..at].trim_end();
    before.len() < text[floor..at].len() && before.ends_with(['.', '?', '!'])
}

fn opens_context(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/' | '“' | '"' | '‘' | '«' | '„'),
    }
}

fn closes_context(n: Option<char>) -> bool {
    match n {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// True when the apostrophe at `i` opens a run of exactly three right after a word or
/// punctuation: NYT style closes a single quotation inside a double one there, `'` then `''`.
fn closes_single_then_double(bytes: &[u8], i: usize) -> bool {
    i > 0
        && !bytes[i - 1].is_ascii_whitespace()
        && bytes[i - 1] != b'\''
        && bytes.get(i..i + 3) == Some(b"'''".as_slice())
        && bytes.get(i + 3) != Some(&b'\'')
}

/// True for the marks [`Pairing::paragraph`] may open or close a quote with: any other
/// punctuation token leaves the quotes as they are.
fn is_quote_mark(s: &str) -> bool {
    matches!(s, "“" | "„" | "«" | "``" | "''" | "”" | "»" | "\"" | "‘" | "'" | "’")
}

struct Pairing {
    quotes: Vec<Quote>,
}

impl Pairing {
    /// Pairs the marks of one paragraph; returns whether a top-level quote was left open.
    fn paragraph(&mut self, text: &str, tokens: &mut [Token], para: usize, pspan: Span, continuation: bool) -> bool {
        // stack of (quote index, style, closing char it expects or None for any double)
        let mut stack: Vec<(usize, Style)> = Vec::new();
        let mut first_mark = true;
        for t in tokens.iter_mut() {
            if t.kind != TokKind::Punct {
                if t.kind == TokKind::Word {
                    first_mark = false;
                }
                continue;
            }
            let s = t.span.of(text);
            // (a mark that is no quotation mark — a comma, a full stop — does nothing below but
            // end `first_mark`: its context is not worked out)
            if !is_quote_mark(s) {
                first_mark = false;
                continue;
            }
            let before = prev_char(text, t.span.start, pspan.start);
            let after = next_char(text, t.span.end, pspan.end);
            let top_double = stack.iter().rposition(|(_, st)| *st == Style::Double);
            let top_single = stack.iter().rposition(|(_, st)| *st == Style::Single);
            let open_like = opens_context(before) && after.is_some_and(|c| !c.is_whitespace());
            let close_like = before.is_some_and(|c| !c.is_whitespace()) && closes_context(after);
            enum Act {
                Open(Style),
                Close(Style),
                Reopen,
                None,
            }
            let act = match s {
                "“" | "„" | "«" | "``" => {
                    if s == "“" && top_double.is_some() && close_like && !open_like {
                        Act::Close(Style::Double)
                    } else {
                        Act::Open(Style::Double)
                    }
                }
                "''" if top_double.is_none() && open_like => Act::Open(Style::Double),
                "”" | "»" | "''" => {
                    if top_double.is_some() {
                        Act::Close(Style::Double)
                    } else if s == "”" && open_like {
                        Act::Open(Style::Double)
                    } else {
                        Act::None
                    }
                }
                "\"" => {
                    if top_double.is_some() && (close_like || !open_like) {
                        Act::Close(Style::Double)
                    } else if top_double.is_none() {
                        Act::Open(Style::Double)
                    } else if before_is_final(text, t.span.start, pspan.start) {
                        // `… end. "Next …`: a new quoted paragraph run into this one without its
                        // close mark; the old quote ends before this mark and a new one opens
                        Act::Reopen
                    } else {
                        // an opening-looking mark inside an open quote: a quote nested with the same mark is rare,
                        // a missing close is not; close the old one and leave this mark alone
                        Act::Close(Style::Double)
                    }
                }
                "‘" | "'" => {
                    if top_single.is_some() && close_like && s == "'" {
                        Act::Close(Style::Single)
                    } else if open_like {
                        Act::Open(Style::Single)
                    } else {
                        Act::None
                    }
                }
                "’" => {
                    if top_single.is_some() && close_like {
                        Act::Close(Style::Single)
                    } else {
                        Act::None
                    }
                }
                _ => Act::None,
            };
            match act {
                Act::Open(style) => {
                    let cont = continuation && first_mark && stack.is_empty() && style == Style::Double;
                    self.open(&mut stack, t, para, style, cont);
                }
                Act::Close(style) => {
                    let pos = match style {
                        Style::Double => top_double,
                        Style::Single => top_single,
                    };
                    if let Some(idx) = pos.and_then(|pos| self.pop_to(&mut stack, pos)) {
                        self.quotes[idx].close = Some(t.span);
                        self.quotes[idx].inner = trim_span(text, Span::new(self.quotes[idx].open.end, t.span.start));
                        t.kind = TokKind::Close(idx);
                    }
                }
                Act::Reopen => {
                    if let Some(idx) = top_double.and_then(|pos| self.pop_to(&mut stack, pos)) {
                        self.quotes[idx].inner = trim_span(text, Span::new(self.quotes[idx].open.end, t.span.start));
                    }
                    self.open(&mut stack, t, para, Style::Double, false);
                }
                Act::None => {}
            }
            first_mark = false;
        }
        // at the paragraph's end: unclosed single quotes were apostrophes; an unclosed double quote
        // runs to the end of the paragraph and no further
        let mut left_open = false;
        while let Some((idx, style)) = stack.pop() {
            if style == Style::Double && stack.iter().all(|(_, s)| *s != Style::Double) {
                self.quotes[idx].inner = trim_span(text, Span::new(self.quotes[idx].open.end, pspan.end));
                left_open = true;
            } else {
                self.discard(idx);
            }
        }
        left_open
    }

    /// Opens a quote at mark `t`.
    fn open(&mut self, stack: &mut Vec<(usize, Style)>, t: &mut Token, para: usize, style: Style, continuation: bool) {
        let idx = self.quotes.len();
        self.quotes.push(Quote {
            open: t.span,
            close: None,
            inner: Span::new(t.span.end, t.span.end),
            depth: stack.len(),
            paragraph: para,
            continuation,
        });
        stack.push((idx, style));
        t.kind = TokKind::Open(idx);
    }

    /// Pops the stack down to the quote at `pos` and returns it; anything opened inside it and
    /// never closed was not a quote (an apostrophe, a stray mark).
    fn pop_to(&mut self, stack: &mut Vec<(usize, Style)>, pos: usize) -> Option<usize> {
        while stack.len() > pos + 1 {
            if let Some((dead, _)) = stack.pop() {
                self.discard(dead);
            }
        }
        stack.pop().map(|(idx, _)| idx)
    }

    fn discard(&mut self, idx: usize) {
        // marked dead: depth usize::MAX; removed after pairing
        if let Some(q) = self.quotes.get_mut(idx) {
            q.depth = usize::MAX;
        }
    }
}

fn trim_span(text: &str, s: Span) -> Span {
    let piece = &text[s.start..s.end];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    Span::new(s.start + lead, s.start + lead + t.len())
}

/// Segments a document. Lexicon supplies abbreviations (which keep their dot) and sentence starters.
///
/// ```
/// use quotegraph::{lexicon::Lexicon, model::Document, segment::segment};
/// let lex = Lexicon::default_lexicon();
/// let doc = Document::new("d", "Dr. Smith said: “It works. It really does.” Then she left.");
/// let seg = segment(&doc, &lex);
/// assert_eq!(seg.sentences.len(), 2);
/// assert_eq!(seg.quotes.len(), 1);
/// assert_eq!(seg.quotes[0].inner.of(&doc.text), "It works. It really does.");
/// ```
pub fn segment<'a>(doc: &'a Document, lex: &Lexicon) -> Segmented<'a> {
    let text = doc.text.as_str();
    // (an honorific is an abbreviation only when the lexicon writes it with its dot: "Gov.", but
    // "the King.")
    let abbrev = |w: &str| lex.abbreviations.contains(w);
    let paras = paragraphs(text);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pairing = Pairing { quotes: Vec::new() };
    let mut para_tokens = Vec::with_capacity(paras.len());
    let mut left_open = false;
    for (pi, p) in paras.iter().enumerate() {
        let start = tokens.len();
        tokenize(&text[..p.end], p.start, &abbrev, &mut tokens);
        let toks = &mut tokens[start..];
        let starts_with_mark = toks.first().is_some_and(|t| matches!(t.span.of(text), "“" | "\"" | "``" | "«" | "„"));
        left_open = pairing.paragraph(text, toks, pi, *p, left_open && starts_with_mark);
        para_tokens.push(start..tokens.len());
    }
    // drop discarded quotes and renumber
    let mut remap = vec![usize::MAX; pairing.quotes.len()];
    let mut quotes = Vec::with_capacity(pairing.quotes.len());
    for (i, q) in pairing.quotes.into_iter().enumerate() {
        if q.depth != usize::MAX {
            remap[i] = quotes.len();
            quotes.push(q);
        }
    }
    for t in tokens.iter_mut() {
        match t.kind {
            TokKind::Open(i) | TokKind::Close(i) if remap[i] == usize::MAX => t.kind = TokKind::Punct,
            TokKind::Open(i) => t.kind = TokKind::Open(remap[i]),
            TokKind::Close(i) => t.kind = TokKind::Close(remap[i]),
            _ => {}
        }
    }
    // depth of nested quotes may have counted discarded ones; recompute from containment
    let outer = |q: &Quote| Span::new(q.open.start, q.close.map_or(q.inner.end, |c| c.end));
    // the furthest end of the paragraph's quotes so far: quotes come in order of their opening
    // marks, so one that ends beyond it is inside none of them (the common case, decided
    // without looking back: a paragraph of a thousand quotes is not quadratic)
    let mut reach = (usize::MAX, 0);
    for i in 0..quotes.len() {
        let span = outer(&quotes[i]);
        let para = quotes[i].paragraph;
        let depth = if reach.0 != para || reach.1 < span.end {
            0
        } else {
            // only quotes of the same paragraph can contain it, and they come just before it
            quotes[..i].iter().rev().take_while(|o| o.paragraph == para).filter(|o| outer(o).contains(span)).count()
        };
        quotes[i].depth = depth;
        reach = (para, if reach.0 == para { reach.1.max(span.end) } else { span.end });
    }
    // a token lies in a top-level quote from its opening mark to its closing mark, or to the end
    // of its words when it was never closed
    let mut in_quote = vec![None; tokens.len()];
    for (qi, q) in quotes.iter().enumerate() {
        if q.depth != 0 {
            continue;
        }
        let end = q.close.map_or(q.inner.end, |c| c.end);
        let a = tokens.partition_point(|t| t.span.start < q.open.start);
        let b = tokens.partition_point(|t| t.span.start < end);
        for slot in in_quote.iter_mut().take(b).skip(a) {
            *slot = Some(qi);
        }
    }
    let lower = text.to_ascii_lowercase();
    let mut sentences = Vec::new();
    for (pi, range) in para_tokens.into_iter().enumerate() {
        split_sentences(text, &tokens, &in_quote, &quotes, range, pi, lex, &mut sentences);
    }
    let facts = vec![Cell::new(0); tokens.len()];
    Segmented { doc, lower, tokens, paragraphs: paras, sentences, quotes, in_quote, facts }
}

#[allow(clippy::too_many_arguments)]
fn split_sentences(
    text: &str,
    tokens: &[Token],
    in_quote: &[Option<usize>],
    quotes: &[Quote],
    range: std::ops::Range<usize>,
    para: usize,
    lex: &Lexicon,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let end = range.end;
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        if s < e {
            out.push(Sentence { span: Span::new(tokens[s].span.start, tokens[e - 1].span.end), paragraph: para, tokens: s..e });
        }
    };
    let mut i = range.start;
    if let Some(dash) = dateline(text, tokens, range.clone()) {
        push(start, dash + 1, out);
        start = dash + 1;
        i = start;
    }
    while i < end {
        let t = tokens[i];
        let s = t.span.of(text);
        let next = tokens.get(i + 1).filter(|_| i + 1 < end);
        let mut boundary = false;
        // a line break inside a paragraph ends a sentence after final punctuation or before a bullet
        if let Some(n) = next {
            // most gaps are one space or none: only a longer one can hold a line break
            let gap = &text.as_bytes()[t.span.end..n.span.start];
            let line_break = match gap {
                [] => false,
                [b] => *b == b'\n',
                _ => gap.contains(&b'\n'),
            };
            if line_break {
                let ns = n.span.of(text);
                let bullet = ns.chars().next().is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '“' | '"' | '‘' | '(' | '\''));
                let ends = s.ends_with(['.', '?', '!', ':', '”', '"']) || t.kind != TokKind::Word && in_quote[i].is_none();
                if (bullet || ends) && in_quote[i].is_none() {
                    boundary = true;
                } else if in_quote[i].is_none() && !t.cap && n.cap {
                    // a heading or list line
                    boundary = bullet;
                } else if in_quote[i].is_none() && t.cap && n.cap && title_case_line(text, t.span.end) {
                    // a headline in title case with no full stop, the story on the next line
                    boundary = true;
                }
                if in_quote[i].is_none() && bullet {
                    boundary = true;
                }
                // "“…” ― Sonya Herridge" closing its line, the next quotation on the next line
                let signed = in_quote[i].is_none()
                    && t.cap
                    && matches!(n.kind, TokKind::Open(_))
                    && (i.saturating_sub(5).max(start)..i).any(|k| {
                        tokens[k].kind == TokKind::Punct
                            && matches!(tokens[k].span.of(text), "―" | "—" | "–")
                            && k > 0
                            && matches!(tokens[k - 1].kind, TokKind::Close(_))
                    });
                if signed {
                    boundary = true;
                }
            }
        }
        // the last token of a quote that was never closed ends its sentence when another quote opens next
        let implicit_end = in_quote[i].is_some_and(|q| quotes[q].close.is_none())
            && next.is_some_and(|n| matches!(n.kind, TokKind::Open(_)))
            && in_quote[i + 1] != in_quote[i];
        if implicit_end {
            boundary = true;
        }
        let closes_top = matches!(t.kind, TokKind::Close(q) if quotes[q].depth == 0);
        if !boundary && (in_quote[i].is_none() || closes_top) {
            let final_punct = t.kind == TokKind::Punct && matches!(s, "." | "?" | "!" | "…");
            let final_close = matches!(t.kind, TokKind::Close(q) if quotes[q].depth == 0)
                && i > 0
                && tokens[i - 1].kind == TokKind::Punct
                && matches!(tokens[i - 1].span.of(text), "." | "?" | "!" | "…");
            let abbrev_end = t.kind == TokKind::Word && s.ends_with('.') && s.len() > 2 && s[..s.len() - 1].contains('.');
            if final_punct || final_close || abbrev_end {
                // absorb closing brackets and marks that follow the full stop
                let mut j = i;
                while j + 1 < end
                    && tokens[j + 1].kind != TokKind::Word
                    && !matches!(tokens[j + 1].kind, TokKind::Open(_))
                    && matches!(tokens[j + 1].span.of(text), ")" | "]" | "”" | "\"" | "’" | "'" | "''" | "»" | "." | "?" | "!")
                {
                    j += 1;
                }
                match tokens.get(j + 1).filter(|_| j + 1 < end) {
                    None => {
                        i = j;
                        boundary = true;
                    }
                    Some(n) => {
                        let ns = n.span.of(text);
                        let starts = n.cap
                            || matches!(n.kind, TokKind::Open(_))
                            || ns
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(' | '•' | '-' | '—'));
                        let spaced = n.span.start > tokens[j].span.end;
                        if starts && spaced && (!abbrev_end || lex.sentence_starters.contains(ns)) {
                            i = j;
                            boundary = true;
                        }
                    }
                }
            }
        }
        if boundary {
            push(start, i + 1, out);
            start = i + 1;
        }
        i += 1;
    }
    push(start, end, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer's rules, one character at a time and with no byte table: the oracle
    /// for the ASCII fast path.
    fn tokenize_slowly(text: &str) -> Vec<(usize, usize, bool)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(c) = at(k) {
            if c.is_whitespace() {
                k += 1;
            } else if c.is_alphanumeric() {
                let start = k;
                k += 1;
                while let Some(d) = at(k) {
                    if d.is_alphanumeric() {
                        k += 1;
                    } else if is_joiner(d) && at(k + 1).is_some_and(char::is_alphanumeric) {
                        k += 2;
                    } else {
                        break;
                    }
                }
                let dotted = text[pos(start)..pos(k)].contains('.');
                if at(k) == Some('.') && (dotted || k == start + 1 && c.is_uppercase()) {
                    k += 1;
                }
                out.push((pos(start), pos(k), true));
            } else {
                let n = if matches!(c, '`' | '\'') && at(k + 1) == Some(c) && !super::closes_single_then_double(text.as_bytes(), pos(k)) {
                    2
                } else {
                    1
                };
                out.push((pos(k), pos(k + n), false));
                k += n;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_table_tokenizes_as_characters_do(text in "[a-zA-Z0-9 .,'`&\\-\n\t“”’‐éÉ—ß0١\u{a0}\u{2003}]{0,40}") {
            let mut fast = Vec::new();
            tokenize(&text, 0, &|_| false, &mut fast);
            let fast: Vec<(usize, usize, bool)> = fast.iter().map(|t| (t.span.start, t.span.end, t.kind == TokKind::Word)).collect();
            proptest::prop_assert_eq!(fast, tokenize_slowly(&text));
        }
    }

    fn seg(text: &str) -> (Document, Lexicon) {
        (Document::new("t", text), Lexicon::default_lexicon())
    }

    fn quotes_of(text: &str) -> Vec<(String, usize)> {
        let (d, lex) = seg(text);
        let s = segment(&d, &lex);
        s.quotes.iter().map(|q| (q.inner.of(text).to_string(), q.depth)).collect()
    }

    fn sentences_of(text: &str) -> Vec<String> {
        let (d, lex) = seg(text);
        let s = segment(&d, &lex);
        s.sentences.iter().map(|x| x.span.of(text).to_string()).collect()
    }

    #[test]
    fn an_honorific_written_in_full_ends_a_sentence_with_its_full_stop() {
        assert_eq!(sentences_of("They met the King. He was late."), ["They met the King.", "He was late."]);
        assert_eq!(sentences_of("They met Gov. Lee today."), ["They met Gov. Lee today."]);
    }

    #[test]
    fn every_mark_style_pairs() {
        for (t, want) in [
            ("He said “yes” today.", "yes"),
            ("He said \"yes\" today.", "yes"),
            ("He said ‘yes’ today.", "yes"),
            ("He said 'yes' today.", "yes"),
            ("Il a dit « oui » hier.", "oui"),
            ("Er sagte „ja“ gestern.", "ja"),
            ("He said ``yes'' today.", "yes"),
        ] {
            let q = quotes_of(t);
            assert_eq!(q.len(), 1, "{t}: {q:?}");
            assert_eq!(q[0].0, want, "{t}");
        }
    }

    #[test]
    fn a_title_case_headline_line_ends_its_sentence() {
        // (a blank line in the text makes single line breaks part of a paragraph)
        let t = "Mayor Says Bridge Will Open In Spring\nThe mayor said the bridge would open in spring.\n\nShe left.";
        assert_eq!(
            sentences_of(t),
            vec!["Mayor Says Bridge Will Open In Spring", "The mayor said the bridge would open in spring.", "She left."]
        );
        // a line broken inside running text does not
        let t = "The mayor said the Bridge Authority\nWould meet in spring.\n\nShe left.";
        assert_eq!(sentences_of(t).len(), 2);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes_of("Russia’s economy and the leaders’ summit don't matter.").is_empty());
        let q = quotes_of("He said ‘Russia’s economy isn’t growing’ today.");
        assert_eq!(q, vec![("Russia’s economy isn’t growing".to_string(), 0)]);
    }

    #[test]
    fn a_quote_run_into_the_next_without_its_close_ends_at_the_new_mark() {
        let t = "She said: \"It is important. \"We have made progress.\" It is thought so.";
        assert_eq!(quotes_of(t), vec![("It is important.".into(), 0), ("We have made progress.".into(), 0)]);
        assert_eq!(sentences_of(t), vec!["She said: \"It is important.", "\"We have made progress.\"", "It is thought so."]);
    }

    #[test]
    fn nested_quotes_have_depth() {
        let q = quotes_of("She said: “They called it ‘a farce’ and left.”");
        assert_eq!(q, vec![("They called it ‘a farce’ and left.".into(), 0), ("a farce".into(), 1)]);
        let q = quotes_of("She said: \"They called it 'a farce' and left.\"");
        assert_eq!(q[1], ("a farce".into(), 1));
        // depth after earlier quotes of the paragraph: inside the one open, not the closed ones
        let q = quotes_of("“A,” he said. “B ‘c’ d,” he said, “e.”");
        let depths: Vec<usize> = q.iter().map(|x| x.1).collect();
        assert_eq!(depths, [0, 0, 1, 0], "{q:?}");
    }

    #[test]
    fn an_unbalanced_mark_stops_at_its_paragraph() {
        let t = "He said: “This never closes.\n\nA new paragraph with “a quote” here.";
        let q = quotes_of(t);
        assert_eq!(q, vec![("This never closes.".into(), 0), ("a quote".into(), 0)]);
    }

    #[test]
    fn a_quote_continued_across_paragraphs_is_flagged() {
        let t = "He said: “First part.\n\n“Second part,” he added.";
        let (d, lex) = seg(t);
        let s = segment(&d, &lex);
        assert_eq!(s.quotes.len(), 2);
        assert!(s.quotes[0].close.is_none());
        assert!(s.quotes[1].continuation);
        assert_eq!(s.quotes[1].inner.of(t), "Second part,");
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        assert_eq!(
            sentences_of("Dr. Smith met U.S. officials on Jan. 5. They agreed. “Fine. Good,” he said. It ended."),
            vec!["Dr. Smith met U.S. officials on Jan. 5.", "They agreed.", "“Fine. Good,” he said.", "It ended."]
        );
        assert_eq!(
            sentences_of("The deal came from the U.S. The talks went on."),
            vec!["The deal came from the U.S.", "The talks went on."]
        );
    }

    #[test]
    fn an_honorific_written_with_its_dot_ends_no_sentence() {
        // "Sens." and "Cllr." are honorifics in the lexicon only, written there with their dot
        assert_eq!(
            sentences_of("Sens. Ann Lee and Bo Ray voted. Cllr. Tom Hale did not."),
            vec!["Sens. Ann Lee and Bo Ray voted.", "Cllr. Tom Hale did not."]
        );
        // one written without it may end a sentence
        assert_eq!(sentences_of("They met the King. He smiled."), vec!["They met the King.", "He smiled."]);
    }

    #[test]
    fn a_sentence_ends_after_a_closing_quote() {
        assert_eq!(sentences_of("He said: “It is over.” She left."), vec!["He said: “It is over.”", "She left."]);
    }

    #[test]
    fn a_dateline_or_an_upper_case_kicker_is_a_sentence_of_its_own() {
        assert_eq!(
            sentences_of("ORLANDO, Fla., Dec. 8 (Reuters) - President Smith met them and said more."),
            ["ORLANDO, Fla., Dec. 8 (Reuters) -", "President Smith met them and said more."]
        );
        assert_eq!(sentences_of("WASHINGTON ― This spring he left."), ["WASHINGTON ―", "This spring he left."]);
        assert_eq!(sentences_of("WASHINGTON -- This spring he left."), ["WASHINGTON --", "This spring he left."]);
        assert_eq!(sentences_of("POLLS TOO EARLY — Jo Bloggs: “Wait.”"), ["POLLS TOO EARLY —", "Jo Bloggs: “Wait.”"]);
        // lower-case words before the dash: an ordinary sentence
        assert_eq!(sentences_of("NATO allies — and Canada — said no."), ["NATO allies — and Canada — said no."]);
        assert_eq!(sentences_of("The talks — in Paris — ended."), ["The talks — in Paris — ended."]);
    }

    #[test]
    fn a_quotation_signed_with_a_dash_and_a_name_ends_its_line() {
        assert_eq!(sentences_of("“We lost.” ― Ann Lee\n“We won.” ― Tom Hale"), ["“We lost.” ― Ann Lee", "“We won.” ― Tom Hale"]);
    }

    #[test]
    fn bullets_are_their_own_sentences() {
        assert_eq!(sentences_of("Items include:\n  • Grain\n  • Prisoners"), vec!["Items include:", "• Grain", "• Prisoners"]);
    }

    #[test]
    fn paragraphs_split_on_blank_lines_or_single_lines() {
        assert_eq!(paragraphs("a\nb\n\nc").len(), 2);
        assert_eq!(paragraphs("a\nb\nc").len(), 3);
    }

    #[test]
    fn tokens_keep_acronyms_and_contractions_whole() {
        assert_eq!(words_of("U.S. don’t pre-2014 Dr. J. Smith."), vec!["U.S.", "don’t", "pre-2014", "Dr", "J.", "Smith"]);
    }
}
