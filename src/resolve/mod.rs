//! Stage 4, resolve: speaker mentions → people and organizations, with title and
//! organization.
//!
//! Within a document: a full name introduces a person; a surname or
//! "Mr Surname" later refers to that person; "he"/"she" refers to the nearest
//! person mentioned before it; "the minister" to the nearest person whose
//! title holds "minister"; "it"/"they" to the nearest organization or group.
//! A quotation that continues an earlier speaker takes that speaker.

use crate::lexicon::{with_lowercase, Gender, Lexicon, Surface};
use crate::model::{Attribution, MentionKind, Span, Speaker};
use crate::segment::{Segmented, TokKind};

/// A person seen in the document.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    surname: String,
    title: Option<String>,
    org: Option<String>,
    /// Byte offset of the mention.
    at: usize,
    /// What the honorific or given name says of gender, if anything.
    gender: Option<Gender>,
    /// Named as a possessor ("Mr Boateng's appointment"): a weaker antecedent for "he" than
    /// a person named as a subject.
    possessive: bool,
    /// A speaker's mention, not a name found by scanning.
    spoke: bool,
}

/// The people of a document, for "who was named last before here?": the names found by
/// scanning the text and those of resolved speaker mentions, each list in text order.
///
/// Why two sorted lists: every question is about the latest person before a point, so a
/// search walks back from that point and stops at the first answer. A document with
/// thousands of mentions would make a scan of every person per mention quadratic.
struct People {
    scanned: Vec<Person>,
    resolved: Vec<Person>,
    /// The first person of each name: scanned ones first, then resolved ones by position.
    first: crate::lexicon::WordMap<(bool, usize)>,
}

impl People {
    fn new(scanned: Vec<Person>) -> Self {
        debug_assert!(scanned.windows(2).all(|w| w[0].at <= w[1].at));
        let mut first = crate::lexicon::WordMap::default();
        for (i, p) in scanned.iter().enumerate() {
            // a name recurs: copy it only the first time
            if !first.contains_key(&p.name) {
                first.insert(p.name.clone(), (false, i));
            }
        }
        People { scanned, resolved: Vec::new(), first }
    }

    /// People named before byte `end`, latest first. Of two at the same place, the resolved
    /// mention comes first, and of two in one list the one added later.
    fn before(&self, end: usize) -> impl Iterator<Item = &Person> {
        let mut a = self.scanned[..self.scanned.partition_point(|p| p.at < end)].iter().rev().peekable();
        let mut b = self.resolved[..self.resolved.partition_point(|p| p.at < end)].iter().rev().peekable();
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.at > y.at => a.next(),
            (_, Some(_)) => b.next(),
            _ => a.next(),
        })
    }

    /// The first person of this name.
    fn named(&self, name: &str) -> Option<&Person> {
        self.first.get(name).map(|&(resolved, i)| if resolved { &self.resolved[i] } else { &self.scanned[i] })
    }

    fn named_mut(&mut self, name: &str) -> Option<&mut Person> {
        self.first.get(name).map(|&(resolved, i)| if resolved { &mut self.resolved[i] } else { &mut self.scanned[i] })
    }

    /// Adds a resolved speaker, after everyone named at or before the same place.
    fn push(&mut self, p: Person) {
        let at = self.resolved.partition_point(|q| q.at <= p.at);
        if at < self.resolved.len() {
            // out of text order (rare): later entries move up one
            for v in self.first.values_mut() {
                if v.0 && v.1 >= at {
                    v.1 += 1;
                }
            }
        }
        if !self.first.contains_key(&p.name) {
            self.first.insert(p.name.clone(), (true, at));
        }
        self.resolved.insert(at, p);
    }
}

/// True when `a` and `b` are one slip apart: a letter changed, added, dropped, or two
/// neighbours swapped ("Barrioneuvo" for "Barrionuevo"). Only names of six letters or
/// more that begin alike (shorter names differ by one letter too often: "Hale", "Hall"),
/// and not a plural ("the Clintons").
pub(crate) fn misspelt(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 || a[0] != b[0] {
        return false;
    }
    // "the Clintons" are a family, not a slip
    let (long, short) = if a.len() > b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() > short.len() && long.last() == Some(&'s') && long[..short.len()] == short[..] {
        return false;
    }
    let lead = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (x, y) = (&a[lead..], &b[lead..]);
    let rest = |p: usize, q: usize| x.get(p..) == y.get(q..);
    if x.len() == y.len() {
        rest(1, 1) || x.len() >= 2 && x[0] == y[1] && x[1] == y[0] && rest(2, 2)
    } else if x.len() > y.len() {
        rest(1, 0)
    } else {
        rest(0, 1)
    }
}

/// The name without a possessive "’s", then without a possessive "'s".
fn strip_possessive(name: &str) -> &str {
    let name = name.strip_suffix("’s").unwrap_or(name);
    name.strip_suffix("'s").unwrap_or(name)
}

/// Byte spans merged into disjoint, sorted ranges, for "does any of them hold this offset?"
/// in a binary search.
struct Spans(Vec<(usize, usize)>);

impl Spans {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|s| (s.start, s.end));
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for s in spans.into_iter().filter(|s| s.start < s.end) {
            match out.last_mut() {
                Some(last) if s.start <= last.1 => last.1 = last.1.max(s.end),
                _ => out.push((s.start, s.end)),
            }
        }
        Spans(out)
    }
    fn contains(&self, at: usize) -> bool {
        let k = self.0.partition_point(|&(start, _)| start <= at);
        k > 0 && at < self.0[k - 1].1
    }
}

/// Resolves every attribution's mention into a [`Speaker`], in place.
///
/// ```
/// use quotegraph::{lexicon::Lexicon, model::Document, segment::segment, extract::extract, resolve::resolve};
/// let lex = Lexicon::default_lexicon();
/// let doc = Document::new("d", "Polish President Andrzej Duda spoke. “No,” Duda said. “Never,” he added.");
/// let seg = segment(&doc, &lex);
/// let mut found = extract(&seg, &lex);
/// resolve(&seg, &lex, &mut found);
/// assert_eq!(found[0].speaker.name.as_deref(), Some("Andrzej Duda"));
/// assert_eq!(found[0].speaker.org.as_deref(), Some("Poland"));
/// assert_eq!(found[1].speaker.name.as_deref(), Some("Andrzej Duda"));
/// ```
pub fn resolve(seg: &Segmented, lex: &Lexicon, atts: &mut [Attribution]) {
    let r = Resolver { seg, lex };
    // people named inside reported content are rarely who a later "he" means
    // every lookup below asks for people named before a mention: none is needed after the last
    let Some(until) = atts.iter().filter_map(|a| a.mention.as_ref().map(|m| m.span.end)).max() else { return };
    let inside = Spans::new(atts.iter().map(|a| a.content).collect());
    let (named_inside, scanned): (Vec<Person>, Vec<Person>) = r.scan_people(until).into_iter().partition(|p| inside.contains(p.at));
    let mut people = People::new(scanned);
    // (but a surname still refers to the full name said inside one: "X said Donald Trump was …;
    // Trump replied …")
    let named_inside = People::new(named_inside);
    // attributions in text order of their mentions, so earlier references exist first
    let mut order: Vec<usize> = (0..atts.len()).collect();
    order.sort_by_key(|&i| atts[i].mention.as_ref().map_or(atts[i].content.start, |m| m.span.start));
    let mut orgs_seen: Vec<(usize, Speaker)> = Vec::new();
    // unnamed speakers introduced by a role ("A party spokesman said"), in text order: antecedents for "he"/"she"
    let mut roles_seen: Vec<(usize, Speaker)> = Vec::new();
    for &i in &order {
        let Some(m) = atts[i].mention.clone() else { continue };
        let text = &seg.doc.text;
        let sp = match m.kind {
            MentionKind::Name => {
                let (title, mut org) = r.title_and_org(m.span, m.head, m.apposition);
                if org.is_none() && title.as_deref().is_some_and(|t| t.split_whitespace().any(|w| w.eq_ignore_ascii_case("party"))) {
                    // "Party leader X", with no party named: the party named last before
                    org = r.party_before(m.span.start);
                }
                if org.is_none() && title.is_some() {
                    // "Ukrainian officials …, with Foreign Minister X stating": the country the sentence is about
                    org = r.country_before(atts[i].sentence, m.span.start);
                }
                let name = r.clean_name(m.head.of(text));
                let surname = name.split(' ').next_back().unwrap_or("").to_string();
                let single = !name.contains(' ');
                // a surname alone refers to the full name mentioned before
                let first_name_form =
                    single && m.span.of(text).split_whitespace().any(|w| lex.first_name_honorifics.contains(w.trim_end_matches('.')));
                // "Sir John": the full name with that given name, before anyone called just "John"
                let earlier = first_name_form
                    .then(|| {
                        people.before(m.head.start + 1).find(|p| p.name.contains(' ') && p.name.split(' ').next() == Some(name.as_str()))
                    })
                    .flatten()
                    // (a transcript's label in capitals, "PENCE", is the surname too)
                    .or_else(|| {
                        let capitals = !surname.chars().any(char::is_lowercase);
                        people
                            .before(m.head.start + 1)
                            .find(|p| p.surname == surname || p.name == name || capitals && p.surname.to_uppercase() == surname)
                    })
                    // "Mr Barrioneuvo" after "Jose Barrionuevo": a surname misspelt
                    .or_else(|| {
                        single
                            .then(|| people.before(m.head.start + 1).find(|p| p.name.contains(' ') && misspelt(&p.surname, &surname)))
                            .flatten()
                    })
                    .or_else(|| {
                        single
                            .then(|| named_inside.before(m.head.start + 1).find(|p| p.name.contains(' ') && p.surname == surname))
                            .flatten()
                    });
                // a name the lexicon knows for an organization or a place, with no honorific and
                // no person of that name before ("Lib Dems", "Standard Chartered"), is no person; it
                // is no antecedent for "it" or "they" either (the words were read as a name)
                let honorific = text[m.span.start..m.head.start].split_whitespace().next_back().is_some_and(|w| lex.is_honorific(w));
                let known = lex.lookup(&name).filter(|k| k.surface == Surface::Name && earlier.is_none() && !honorific);
                if let Some(k) = known {
                    atts[i].speaker = Speaker { name: Some(lex.orgs[k.org].name.clone()), title: None, org: None, is_org: true };
                    continue;
                }
                // "research by the TowerGroup showed …": one capitalized word after "the", with no
                // title, honorific or person of that name before, names a body (no "he" means it)
                let the = seg.lower[m.span.start..m.head.start].trim_end() == "the";
                if the && single && earlier.is_none() && !honorific && title.is_none() {
                    atts[i].speaker = Speaker { name: Some(name), title: None, org, is_org: true };
                    continue;
                }
                let (name, title, org) = match earlier {
                    Some(p) if single || p.name == name => (p.name.clone(), title.or(p.title.clone()), org.or(p.org.clone())),
                    _ => (name, title, org),
                };
                // remember (or refine) this person
                if let Some(p) = people.named_mut(&name) {
                    if p.title.is_none() {
                        p.title = title.clone();
                    }
                    if p.org.is_none() {
                        p.org = org.clone();
                    }
                }
                let gender = r
                    .gender_in(m.span.of(text))
                    .or_else(|| people.named(&name).and_then(|p| p.gender))
                    .or_else(|| named_inside.named(&name).and_then(|p| p.gender));
                people.push(Person {
                    name: name.clone(),
                    surname,
                    title: title.clone(),
                    org: org.clone(),
                    at: m.head.start,
                    gender,
                    possessive: false,
                    spoke: true,
                });
                Speaker { name: Some(name), title, org, is_org: false }
            }
            MentionKind::Pronoun => {
                let w = m.head.of(&seg.lower);
                match w {
                    "he" | "she" => {
                        let gender = if w == "he" { Gender::Male } else { Gender::Female };
                        let (person, person_at) = r.nearest_person(&people, m.head.start, Some(gender));
                        r.nearer_role(&roles_seen, m.head.start, person_at, gender).unwrap_or(person)
                    }
                    // "I" in the writer's own words is the writer, whom the text does not name;
                    // inside a quotation, or a transcript's paragraph opening with its speaker's
                    // label ("TAPPER: … I think"), it is the nearest person (that speaker)
                    "i" if !r.quoted_at(m.head.start) && !r.labelled_paragraph(m.head.start) => Speaker::default(),
                    "i" => r.nearest_person(&people, m.head.start, None).0,
                    "it" | "they" | "we" => {
                        // "… opposed by the Liberal Democrats. They …": the agent just before, else
                        // the last one named before (kept in text order)
                        let agent = if w == "they" { r.agent_before(m.head.start) } else { None };
                        let n = orgs_seen.partition_point(|(at, _)| *at < m.head.start);
                        let org = agent
                            .map(|name| Speaker { name: Some(name), title: None, org: None, is_org: true })
                            .or_else(|| n.checked_sub(1).map(|k| orgs_seen[k].1.clone()));
                        match (w, org) {
                            (_, Some(s)) => s,
                            ("they", None) => Speaker::default(),
                            _ => Speaker::default(),
                        }
                    }
                    _ => Speaker::default(),
                }
            }
            MentionKind::Role => {
                let s = r.role(&people, &m);
                // a new, unnamed speaker ("a party spokesman", "the party's spokesman"), not "the minister"
                // named before
                let first = seg.lower[m.span.start..m.span.end].split(' ').next().unwrap_or("");
                if s.is_org || matches!(first, "a" | "an") {
                    roles_seen.push((m.span.start, s.clone()));
                }
                s
            }
            // "“…,” said the 27-year-old": a described person, read as a phrase, is an epithet too
            MentionKind::Group if r.epithet(m.span) => r.role(&people, &m),
            MentionKind::Organization | MentionKind::Document | MentionKind::Group => {
                let indefinite = matches!(
                    m.span.of(&seg.lower).split(' ').next(),
                    Some("a" | "an" | "another" | "one" | "some" | "two" | "three" | "several" | "many")
                );
                let known = r.known_in(m.span);
                let phrase = if indefinite { m.span.of(text).to_string() } else { r.strip_determiner(m.span) };
                // "a South Carolina Democrat" is a person described, not the state
                let kind = if indefinite && m.kind == MentionKind::Organization { MentionKind::Group } else { m.kind };
                let known = if kind == MentionKind::Organization { r.known_in(m.head).or(known) } else { known };
                // "the Police Federation of England and Wales": a place after "of" inside a longer
                // name is where the organization works, not the organization
                let known = known.filter(|_| kind != MentionKind::Organization || !r.place_inside_name(m.head));
                // "An inquiry commissioned by Shell found …": the body that ordered or paid for a
                // document is not its source
                let known = known.filter(|_| kind != MentionKind::Document || !r.commissioned(m.span));
                // "the UN Economic Commission for Latin America": a known body's name opening a longer
                // name whose own head comes after it names a body of its own
                // (so does a publication's: "the London-based China Review")
                let own_name = if matches!(kind, MentionKind::Organization | MentionKind::Document) { r.longer_name(m.head) } else { None };
                let s = match (kind, known) {
                    (MentionKind::Organization, Some(_)) if own_name.is_some() => {
                        Speaker { name: own_name, title: None, org: None, is_org: true }
                    }
                    (MentionKind::Organization, Some((name, _))) => {
                        Speaker { name: Some(name.clone()), title: None, org: None, is_org: true }
                    }
                    (MentionKind::Document, Some((name, _))) => {
                        Speaker { name: own_name.or(Some(name)), title: None, org: None, is_org: true }
                    }
                    (MentionKind::Group, Some((name, _))) => Speaker { name: Some(phrase), title: None, org: Some(name), is_org: true },
                    _ => Speaker { name: Some(phrase), title: None, org: None, is_org: true },
                };
                if m.kind != MentionKind::Document {
                    let k = orgs_seen.partition_point(|(at, _)| *at <= m.span.start);
                    orgs_seen.insert(k, (m.span.start, s.clone()));
                }
                s
            }
        };
        atts[i].speaker = sp;
    }
    // the other speakers of a list ("Labour and the Liberal Democrats say"), each resolved as
    // the one mention of an attribution of its own
    let mut others: Vec<Attribution> = atts
        .iter()
        .flat_map(|a| a.also.iter().map(|m| Attribution { mention: Some(m.clone()), also: Vec::new(), continues: None, ..a.clone() }))
        .collect();
    if !others.is_empty() {
        resolve(seg, lex, &mut others);
        let mut others = others.into_iter();
        for a in atts.iter_mut() {
            a.also_speakers = others.by_ref().take(a.also.len()).map(|o| o.speaker).collect();
        }
    }
    // continuations take the speakers of the attribution they continue
    for i in 0..atts.len() {
        if let Some(k) = atts[i].continues {
            if k < atts.len() && k != i {
                atts[i].speaker = atts[k].speaker.clone();
                atts[i].also_speakers = atts[k].also_speakers.clone();
            }
        }
    }
}

struct Resolver<'s, 'a> {
    seg: &'s Segmented<'a>,
    lex: &'s Lexicon,
}

impl Resolver<'_, '_> {
    /// The gender the words of a mention mark: an honorific first, else the given name.
    fn gender_in(&self, mention: &str) -> Option<Gender> {
        let words = || mention.split_whitespace();
        if let Some(g) = words().find(|w| self.lex.is_honorific(w)).and_then(|w| self.lex.gender_of(w)) {
            return Some(g);
        }
        // the given name: the first capitalized word that is not a title or a known entity
        words()
            .find(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    && !with_lowercase(w, |l| self.lex.title_words.contains(l))
                    && self.lex.lookup(w).is_none()
            })
            .and_then(|w| self.lex.gender_of(w))
    }

    /// Strips honorifics and possessives from a name ("Dr. Elena Petrova" → "Elena Petrova").
    fn clean_name(&self, s: &str) -> String {
        // one word is the name itself, less a possessive: a surname alone, the common case,
        // needs none of the work below
        if !s.is_empty() && !s.contains(char::is_whitespace) {
            return strip_possessive(s).to_string();
        }
        // honorifics are no part of the name, but one ending it after an honorific, a given name or
        // an initial is the surname ("Mr. King", "Ann King", "Peter T. King Jr.")
        let all: Vec<&str> = s.split_whitespace().collect();
        let last = all.iter().rposition(|w| !self.lex.is_name_suffix(w)).unwrap_or(0);
        let before_surname = |w: &str| {
            let given = w.starts_with(char::is_uppercase)
                && !with_lowercase(w, |l| self.lex.title_words.contains(l.trim_end_matches('.')))
                && self.lex.lookup(w).is_none();
            self.lex.is_honorific(w) || crate::lexicon::is_initial(w) || given
        };
        let mut words: Vec<&str> = all
            .iter()
            .enumerate()
            .filter(|&(i, w)| !self.lex.is_honorific(w) || i == last && i > 0 && before_surname(all[i - 1]))
            .map(|(_, w)| *w)
            .collect();
        // ("King" alone, after "Mr." outside the span, is the surname too)
        if words.is_empty() && !all.is_empty() {
            words.push(all[last]);
        }
        // "Senators Rubio and Cruz": a plural title opening a list is no part of the first name
        if words.len() > 1 && self.lex.is_plural_title(words[0]) {
            words.remove(0);
        }
        // "CNBC's Becky Quick": the possessor is where the person works, not part of the name
        if let Some(k) = words.iter().rposition(|w| w.ends_with("’s") || w.ends_with("'s")) {
            if k + 2 <= words.len() - 1 || k + 1 < words.len() && words.len() - k - 1 >= 2 {
                words.drain(..=k);
            }
        }
        strip_possessive(&words.join(" ")).to_string()
    }

    fn strip_determiner(&self, span: Span) -> String {
        let t = span.of(&self.seg.doc.text);
        for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
            if let Some(rest) = t.strip_prefix(d) {
                return rest.to_string();
            }
        }
        t.to_string()
    }

    /// Word tokens (index range) inside `span`.
    /// True when the words of `span` hold a participle of the lexicon's `commissioning` list
    /// followed by "by" ("a study funded by the trust").
    fn commissioned(&self, span: Span) -> bool {
        let r = self.tokens_in(span);
        let low = |k: usize| self.seg.tokens[k].span.of(&self.seg.lower);
        (r.start..r.end.saturating_sub(1)).any(|k| self.lex.commissioning.contains(low(k)) && low(k + 1) == "by")
    }

    fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let toks = &self.seg.tokens;
        let a = toks.partition_point(|t| t.span.start < span.start);
        let b = toks.partition_point(|t| t.span.start < span.end);
        a..b
    }

    /// The first known organization or place inside `span`: (canonical name, surface kind).
    /// True when the first entity the lexicon knows in `span` is a place after "of" or "for",
    /// with the capitalized words of a name before it ("Police Federation of England").
    fn place_inside_name(&self, span: Span) -> bool {
        let r = self.tokens_in(span);
        let text = &self.seg.doc.text;
        let words: Vec<&str> = r.map(|k| self.seg.tokens[k].span.of(text)).collect();
        let Some((i, k)) = (0..words.len()).find_map(|i| self.lex.longest_known(&words[i..]).map(|(_, k)| (i, k))) else { return false };
        let place = matches!(self.lex.orgs[k.org].kind.as_str(), "country" | "region");
        place && i >= 2 && matches!(words[i - 1], "of" | "for") && words[..i - 1].iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
    }

    /// The whole name in `span` when the first body the lexicon knows in it ends before the
    /// name's own head word ("UN Economic Commission for Latin America": "UN", then
    /// "Commission"): capitalized words (and "of", "for", "and" between them), three or more.
    fn longer_name(&self, span: Span) -> Option<String> {
        let r = self.tokens_in(span);
        let text = &self.seg.doc.text;
        let words: Vec<&str> = r.map(|k| self.seg.tokens[k].span.of(text)).collect();
        let mut words = words.strip_prefix(&["the"]).or_else(|| words.strip_prefix(&["The"])).unwrap_or(&words);
        // (after its modifiers: "the London-based China Review", "the UK-published …")
        while let Some((first, rest)) = words.split_first() {
            let modifier = first.rsplit('-').next().is_some_and(|last| last.starts_with(char::is_lowercase)) && first.contains('-');
            if !modifier {
                break;
            }
            words = rest;
        }
        let joint = |w: &str| matches!(w, "of" | "for" | "and" | "on");
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        if words.len() < 2 || !capital(words[0]) || !words.iter().all(|w| capital(w) || joint(w)) {
            return None;
        }
        let (n, _) = self.lex.longest_known(words)?;
        // (a name the lexicon knows whole is that body: "Pew Research")
        if n == words.len() {
            return None;
        }
        // the name's head: its last capitalized word before any "of"/"for"
        let body_end = words.iter().position(|w| joint(w)).unwrap_or(words.len());
        let head = (n..body_end).rev().find(|&i| self.lex.org_heads.contains(words[i]))?;
        (head >= n).then(|| words.join(" "))
    }

    fn known_in(&self, span: Span) -> Option<(String, Surface)> {
        let r = self.tokens_in(span);
        let text = &self.seg.doc.text;
        let words: Vec<&str> = r.map(|k| self.seg.tokens[k].span.of(text)).collect();
        let first_known = |words: &[&str]| (0..words.len()).find_map(|i| self.lex.longest_known(&words[i..]).map(|(n, k)| (i, n, k)));
        // "the Washington Post-ABC News poll": names joined by a hyphen are names each, and the
        // first one the lexicon knows whole ("Washington Post") beats a shorter one inside it
        let joined = |w: &&str| w.contains('-') && w.split('-').all(|p| p.chars().next().is_some_and(char::is_uppercase));
        let found = first_known(&words);
        let found = if words.iter().any(joined) {
            let parts: Vec<&str> = words.iter().flat_map(|w| if joined(w) { w.split('-').collect() } else { vec![*w] }).collect();
            match (found, first_known(&parts)) {
                (Some(a), Some(b)) if b.1 > a.1 && b.0 <= a.0 => Some(b),
                (a, b) => a.or(b),
            }
        } else {
            found
        };
        found.map(|(_, _, k)| (self.lex.orgs[k.org].name.clone(), k.surface))
    }

    /// Title and organization from the words before the name and from an apposition.
    /// "… is expected to be opposed by the Liberal Democrats. They have said …": a sentence opening
    /// with "they" (at `at`) right after one that ends with a passive's agent, a body the lexicon
    /// knows by a plural name, refers to that body. Returns its canonical name.
    fn agent_before(&self, at: usize) -> Option<String> {
        let k = self.seg.sentences.partition_point(|s| s.span.start <= at).checked_sub(1)?;
        let (this, prev) = (&self.seg.sentences[k], self.seg.sentences.get(k.checked_sub(1)?)?);
        // "they" opens its sentence
        let first = self.seg.tokens[this.tokens.clone()].iter().position(|t| t.kind == TokKind::Word)?;
        if self.seg.tokens[this.tokens.start + first].span.start != at {
            return None;
        }
        let text = &self.seg.doc.text;
        let words: Vec<&str> =
            self.seg.tokens[prev.tokens.clone()].iter().filter(|t| t.kind == TokKind::Word).map(|t| t.span.of(text)).collect();
        let by = words.iter().rposition(|w| *w == "by").filter(|&b| words.len() - b <= 5)?;
        let mut agent = &words[by + 1..];
        if agent.first().is_some_and(|w| *w == "the") {
            agent = &agent[1..];
        }
        let plural = agent.last().is_some_and(|w| w.ends_with('s'));
        let known = self.lex.lookup(&agent.join(" "))?;
        plural.then(|| self.lex.orgs[known.org].name.clone())
    }

    fn title_and_org(&self, mention: Span, head: Span, appos: Option<Span>) -> (Option<String>, Option<String>) {
        let text = &self.seg.doc.text;
        let zone = Span::new(mention.start, head.start.max(mention.start));
        let r = self.tokens_in(zone);
        let max = self.lex.max_known_words.max(1);
        let mut title_words: Vec<&str> = Vec::new();
        let mut org: Option<String> = None;
        let mut i = r.start;
        while i < r.end {
            let t = self.seg.tokens[i];
            if t.kind != TokKind::Word {
                i += 1;
                continue;
            }
            let w = t.span.of(text);
            let lw = t.span.of(&self.seg.lower);
            let after_connector = title_words.last().is_some_and(|p| with_lowercase(p, |l| matches!(l, "to" | "of" | "for" | "at")));
            let mut matched = None;
            for n in (1..=max.min(r.end - i)).rev() {
                // the words joined by single spaces: the text itself when that is how it is written
                let toks = &self.seg.tokens[i..i + n];
                let words = if toks.windows(2).all(|p| &text[p[0].span.end..p[1].span.start] == " ") {
                    std::borrow::Cow::Borrowed(&text[toks[0].span.start..toks[n - 1].span.end])
                } else {
                    std::borrow::Cow::Owned(toks.iter().map(|t| t.span.of(text)).collect::<Vec<_>>().join(" "))
                };
                if let Some(k) = self.lex.lookup(&words) {
                    matched = Some((n, k));
                    break;
                }
            }
            if let Some((n, k)) = matched {
                if after_connector {
                    // "ambassador to Russia": the place belongs to the title
                    for kk in i..i + n {
                        title_words.push(self.seg.tokens[kk].span.of(text));
                    }
                } else if org.is_none() {
                    org = Some(self.lex.orgs[k.org].name.clone());
                }
                i += n;
                continue;
            }
            let honorific_only = self.lex.is_honorific(w) && !self.lex.title_words.contains(lw.trim_end_matches('.'));
            // ("his lawyer", "their spokesman": the title is "lawyer", "spokesman")
            if matches!(lw, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your") || honorific_only {
                i += 1;
                continue;
            }
            title_words.push(w);
            i += 1;
        }
        while title_words.last().is_some_and(|w| with_lowercase(w, |l| matches!(l, "of" | "for" | "to" | "at" | "and"))) {
            title_words.pop();
        }
        let mut title = if title_words.iter().any(|w| with_lowercase(w, |l| self.lex.title_words.contains(l.trim_end_matches('.')))) {
            Some(title_words.join(" "))
        } else {
            None
        };
        if let Some(a) = appos {
            let (t2, o2) = self.parse_apposition(a);
            if title.is_none() {
                title = t2;
            }
            if org.is_none() {
                org = o2;
            }
        }
        (title, org)
    }

    /// "a senior fellow at the Center for Eurasian Studies" → ("senior fellow", "Center for Eurasian Studies").
    fn parse_apposition(&self, a: Span) -> (Option<String>, Option<String>) {
        let text = a.of(&self.seg.doc.text);
        let mut words: Vec<&str> = text.split_whitespace().collect();
        // "whose grandmother died in Auschwitz": a relative clause tells no title or employer
        if words.first().is_some_and(|w| with_lowercase(w, |l| matches!(l, "whose" | "which" | "where" | "when" | "whom"))) {
            return (None, None);
        }
        // "who is an economist at …", "who has been chairman since …" name a role; "who played the
        // servant Baldrick" is a clause of its own
        let linking = |l: &str| {
            matches!(
                l,
                "is" | "was"
                    | "now"
                    | "formerly"
                    | "has"
                    | "had"
                    | "been"
                    | "became"
                    | "becomes"
                    | "will"
                    | "be"
                    | "remain"
                    | "remains"
                    | "serves"
                    | "served"
                    | "as"
            )
        };
        let relative = words.first().is_some_and(|w| with_lowercase(w, |l| l == "who"));
        if relative && !words.get(1).is_some_and(|w| with_lowercase(w, linking)) {
            return (None, None);
        }
        while words.first().is_some_and(|w| {
            with_lowercase(w, |l| matches!(l, "a" | "an" | "the" | "who" | "is" | "was" | "now" | "formerly") || relative && linking(l))
        }) {
            words.remove(0);
        }
        let split = words.iter().position(|w| with_lowercase(w, |l| matches!(l, "at" | "of" | "for" | "with" | "from" | "in")));
        let (t, o) = match split {
            Some(p) => (words[..p].join(" "), words[p + 1..].join(" ")),
            None => (words.join(" "), String::new()),
        };
        let t = t.trim_end_matches(',').to_string();
        let title = t
            .split_whitespace()
            .any(|w| with_lowercase(w, |l| self.lex.title_words.contains(l.trim_end_matches('.'))))
            .then_some(t)
            .filter(|t| t.split_whitespace().count() <= 6);
        let mut o = o.trim_end_matches([',', '.']).to_string();
        for d in ["the ", "The "] {
            if let Some(x) = o.strip_prefix(d) {
                o = x.to_string();
            }
        }
        let known = self.lex.lookup(&crate::segment::words_of(&o).join(" ")).map(|k| self.lex.orgs[k.org].name.clone());
        // an unknown name reads like one: capitalized words and their connectors, not a clause
        // ("December for accusing Manchester United's striker of cheating" is no employer)
        let name_like = o.split_whitespace().count() <= 8
            && o.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(w, "of" | "for" | "and" | "the" | "de" | "du" | "&" | "on" | "in")
            });
        let org = if o.is_empty() || !o.chars().next().is_some_and(|c| c.is_uppercase()) { None } else { known.or(name_like.then_some(o)) };
        (title, org)
    }

    /// The political party named last before `at` in the document, outside quotes: "The plans were
    /// unveiled by the Conservatives. Party leader Michael Howard said …" (a Conservative).
    fn party_before(&self, at: usize) -> Option<String> {
        let (text, toks) = (&self.seg.doc.text, &self.seg.tokens);
        let word = |k: usize| toks[k].kind == TokKind::Word && toks[k].cap && self.seg.in_quote[k].is_none();
        self.tokens_in(Span::new(0, at)).rev().filter(|&k| word(k)).find_map(|k| {
            // the longest name ending here: "Liberal Democrats", not "Democrats"
            (1..=3).rev().filter(|n| k + 1 >= *n && (k + 1 - n..=k).all(word)).find_map(|n| {
                let words: Vec<&str> = (k + 1 - n..=k).map(|j| toks[j].span.of(text)).collect();
                let o = &self.lex.orgs[self.lex.lookup(&words.join(" "))?.org];
                (o.kind == "party").then(|| o.name.clone())
            })
        })
    }

    /// The nearest country named (or named by its adjective) in `sentence` before `at`, outside quotes.
    fn country_before(&self, sentence: Span, at: usize) -> Option<String> {
        let r = self.tokens_in(Span::new(sentence.start, at.max(sentence.start)));
        let text = &self.seg.doc.text;
        r.rev().filter(|&k| self.seg.tokens[k].kind == TokKind::Word && self.seg.tokens[k].cap && self.seg.in_quote[k].is_none()).find_map(
            |k| {
                let known = self.lex.lookup(self.seg.tokens[k].span.of(text))?;
                let o = &self.lex.orgs[known.org];
                (o.kind == "country").then(|| o.name.clone())
            },
        )
    }

    /// The speaker a role mention names: the person the role refers back to, an organization
    /// for its unnamed spokesperson, or the role itself.
    fn role(&self, people: &People, m: &crate::model::Mention) -> Speaker {
        let (r, seg) = (self, self.seg);
        let text = &seg.doc.text;
        let (title, org) = r.title_and_org(m.span, Span::new(m.span.end, m.span.end), m.apposition);
        let first = seg.lower[m.span.start..m.span.end].split(' ').next().unwrap_or("").to_string();
        let word = m.span.of(text);
        let namesake = people.before(m.span.start).find(|p| p.surname == word);
        if let Some(p) = namesake {
            // a surname that is also a title word ("Major", "Judge")
            Speaker { name: Some(p.name.clone()), title: p.title.clone(), org: p.org.clone(), is_org: false }
        } else if first == "the" && org.is_none() {
            // "the minister": the nearest person whose title names the role
            let role = m.span.of(&seg.lower).rsplit(' ').next().unwrap_or("").to_string();
            let p = people.before(m.span.start).find(|p| p.title.as_ref().is_some_and(|t| t.to_lowercase().contains(&role)));
            match p {
                Some(p) => Speaker { name: Some(p.name.clone()), title: p.title.clone(), org: p.org.clone(), is_org: false },
                None => {
                    // "“…,” said the world champion", "the 27-year-old added": an epithet for the
                    // person just named, in this paragraph or the one before
                    // (one who spoke, whose given name the lexicon knows, or who opens a sentence:
                    // capitalized words inside one, "Old Trafford", "Us Weekly", are no antecedent;
                    // and only when no one else is: "said the Sale player" after two players named
                    // is left as it is)
                    let near = if r.epithet(m.span) {
                        let para_of = |pos: usize| seg.paragraphs.partition_point(|p| p.end < pos);
                        let opens_sentence = |at: usize| {
                            let k = seg.sentences.partition_point(|s| s.span.end <= at);
                            seg.sentences.get(k).is_some_and(|s| s.span.start == at)
                        };
                        let here = para_of(m.span.start);
                        let mut window = people
                            .before(m.span.start)
                            .take_while(|p| here <= para_of(p.at) + 1)
                            .filter(|p| !p.possessive && (p.spoke || p.gender.is_some() || opens_sentence(p.at)));
                        window.next().filter(|p| window.all(|q| q.name == p.name))
                    } else {
                        None
                    };
                    match near {
                        Some(p) => Speaker { name: Some(p.name.clone()), title: p.title.clone(), org: p.org.clone(), is_org: false },
                        None => Speaker { name: Some(r.strip_determiner(m.span)), title, org, is_org: false },
                    }
                }
            }
        } else if let (Some(o), false) = (org.clone(), first == "the") {
            // an unnamed spokesperson speaks for the organization
            Speaker { name: Some(o.clone()), title, org: Some(o), is_org: true }
        } else {
            // "the Republican nominee", "the Kremlin spokesman": the role itself
            Speaker { name: Some(r.strip_determiner(m.span)), title, org, is_org: false }
        }
    }

    /// True when the token starting at byte `at` stands inside quotation marks.
    fn quoted_at(&self, at: usize) -> bool {
        let k = self.seg.tokens.partition_point(|t| t.span.start < at);
        self.seg.in_quote.get(k).is_some_and(|q| q.is_some())
    }

    /// True when the paragraph around byte `at` opens with a transcript label: a word in
    /// capitals (or two), then a colon ("TAPPER: …", "JAKE TAPPER: …").
    fn labelled_paragraph(&self, at: usize) -> bool {
        let k = self.seg.paragraphs.partition_point(|p| p.end < at);
        let Some(p) = self.seg.paragraphs.get(k) else { return false };
        let text = p.of(&self.seg.doc.text);
        text.split_once(':').is_some_and(|(label, _)| {
            let words: Vec<&str> = label.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase()))
        })
    }

    /// True when `span` is "the" and an epithet for a person: a role noun of the lexicon's
    /// `epithets` ("the world champion") or an age ("the 27-year-old").
    fn epithet(&self, span: Span) -> bool {
        let phrase = span.of(&self.seg.lower);
        let last = phrase.rsplit(' ').next().unwrap_or("");
        phrase.starts_with("the ") && (self.lex.epithets.contains(last) || last.ends_with("-year-old"))
    }

    /// "A Labour spokesman criticised the plan. He said …": a role speaker in the sentence of `at`
    /// or the one before it in the same paragraph, named after the nearest person (at `person_at`),
    /// is the nearer antecedent for "he"/"she".
    fn nearer_role(&self, roles: &[(usize, Speaker)], at: usize, person_at: Option<usize>, gender: Gender) -> Option<Speaker> {
        let n = roles.partition_point(|(start, _)| *start < at);
        let (role_at, s) = &roles[n.checked_sub(1)?];
        let sentence_of = |pos: usize| self.seg.sentences.partition_point(|s| s.span.end <= pos);
        let (here, there) = (sentence_of(at), sentence_of(*role_at));
        // the same paragraph: a new one often turns back to the story's main person
        let near =
            here <= there + 1 && self.seg.sentences.get(here).map(|s| s.paragraph) == self.seg.sentences.get(there).map(|s| s.paragraph);
        let after_person = person_at.is_none_or(|p| p < *role_at);
        // "spokeswoman" is no "he", "spokesman" no "she"
        let title = s.title.as_deref().unwrap_or("").to_lowercase();
        let fits = match gender {
            Gender::Male => !title.contains("woman"),
            Gender::Female => !(title.ends_with("man") && !title.ends_with("woman")),
        };
        (near && after_person && fits).then(|| s.clone())
    }

    /// The nearest person mentioned before `at`, within the three paragraphs before it; one
    /// named as a subject before one named only as a possessor.
    fn nearest_person(&self, people: &People, at: usize, gender: Option<Gender>) -> (Speaker, Option<usize>) {
        let para_of = |pos: usize| self.seg.paragraphs.partition_point(|p| p.end < pos);
        let here = para_of(at);
        let mut fallback = None;
        let mut found = None;
        for p in people.before(at).take_while(|p| here.saturating_sub(para_of(p.at)) <= 3) {
            if gender.is_some() && p.gender.is_some() && p.gender != gender {
                continue;
            }
            if !p.possessive {
                found = Some(p);
                break;
            }
            fallback = fallback.or(Some(p));
        }
        // "Dawson … has fallen out of favour with coach Andy Robinson. However he hopes …": a
        // pronoun opening its sentence continues the subject that opened the sentence before,
        // rather than a name later in it
        let found = found.map(|p| self.previous_subject(people, at, p, gender).unwrap_or(p));
        found.or(fallback).map_or((Speaker::default(), None), |p| {
            (Speaker { name: Some(p.name.clone()), title: p.title.clone(), org: p.org.clone(), is_org: false }, Some(p.at))
        })
    }

    /// For a pronoun at `at` within the first three tokens of its sentence whose nearest person
    /// `nearest` stands inside the previous sentence but does not open it: the person (of a
    /// matching gender, no possessive) who opens that sentence, if any.
    fn previous_subject<'p>(&self, people: &'p People, at: usize, nearest: &'p Person, gender: Option<Gender>) -> Option<&'p Person> {
        let (sents, toks) = (&self.seg.sentences, &self.seg.tokens);
        // within a sentence's first three tokens: a connective or a title may come first
        let opens = |x: &crate::segment::Sentence, at: usize| x.tokens.clone().take(3).any(|k| toks[k].span.start == at);
        let s = sents.partition_point(|x| x.span.end <= at);
        let here = sents.get(s).filter(|x| x.span.start <= at)?;
        let prev = sents.get(s.checked_sub(1)?)?;
        if !opens(here, at) || prev.paragraph != here.paragraph || !(prev.span.start..prev.span.end).contains(&nearest.at) {
            return None;
        }
        let subject = people.before(prev.span.end).take_while(|p| p.at >= prev.span.start).last()?;
        let fits = gender.is_none() || subject.gender.is_none() || subject.gender == gender;
        // (a possessor or a modifier of the subject is not it: "Manchester United manager Sir Alex
        // Ferguson", "Wenger's Bayern counterpart Felix Magath", "Jaynes' lawyer David Oblon")
        let k = toks.partition_point(|t| t.span.start < subject.at);
        let end = (k..prev.tokens.end).find(|&j| toks[j].kind != TokKind::Word || !toks[j].cap).unwrap_or(prev.tokens.end);
        let low = |j: usize| toks[j].span.of(&self.seg.lower);
        let owned = (k..end).any(|j| low(j).ends_with("'s") || low(j).ends_with("’s"))
            || end < prev.tokens.end && (matches!(low(end), "'" | "’") || self.lex.title_words.contains(low(end)));
        (subject.at != nearest.at && opens(prev, subject.at) && fits && !subject.possessive && !owned).then_some(subject)
    }

    fn scan_people(&self, until: usize) -> Vec<Person> {
        let seg = self.seg;
        let text = &seg.doc.text;
        let mut out = Vec::new();
        let toks = &seg.tokens;
        let mut i = 0;
        while i < toks.len() && toks[i].span.start < until {
            let t = toks[i];
            if t.kind != TokKind::Word || !t.cap || seg.in_quote[i].is_some() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && toks[j].kind == TokKind::Word && toks[j].cap && seg.in_quote[j].is_none() {
                if j > i && &text[toks[j - 1].span.end..toks[j].span.start] != " " {
                    break;
                }
                j += 1;
            }
            // "in California Mr Torvalds", "in Moscow Foreign Minister Ann Lee": a place named after
            // a preposition of place, before an honorific or a title, is no part of the run
            let after_place = i > 0 && Lexicon::is_place_preposition(toks[i - 1].span.of(&seg.lower));
            if after_place {
                let place = |n: usize| self.lex.names_place(&text[toks[i].span.start..toks[i + n - 1].span.end]);
                let titled = |k: usize| {
                    self.lex.is_honorific(toks[k].span.of(text))
                        || self.lex.title_words.contains(toks[k].span.of(&seg.lower).trim_end_matches('.'))
                };
                // (the title within two words: "Foreign Minister")
                if let Some(n) = (1..=3).rev().find(|&n| i + n < j && place(n) && (i + n..j.min(i + n + 2)).any(titled)) {
                    i += n;
                }
            }
            // "Metropolitan Police Commissioner Sir John Stevens": a name after an honorific inside
            // a run that starts with an organization's words
            let honorific_at = (i + 1..j.saturating_sub(1)).rev().find(|&k| self.lex.is_honorific(toks[k].span.of(text)));
            let from = match honorific_at {
                Some(h) if (i..h).any(|k| self.lex.org_heads.contains(toks[k].span.of(text))) => h,
                _ => i,
            };
            // strip leading sentence words, titles and honorifics
            let mut a = from;
            let mut hon = false;
            // the longest known body opening the run is the organization; the words after it, the title
            // (after the words that open a sentence: "But Metropolitan Police …")
            let mut first = i;
            while first < from && {
                let w = toks[first].span.of(text);
                self.lex.sentence_starters.contains(w) || self.lex.not_names.contains(w) || self.lex.not_name_openers.contains(w)
            } {
                first += 1;
            }
            let body = (first + 1..=from)
                .rev()
                .find_map(|k| self.lex.lookup(&text[toks[first].span.start..toks[k - 1].span.end]).map(|known| (k, known)));
            let mut org: Option<String> = body.map(|(_, known)| self.lex.orgs[known.org].name.clone());
            let mut title: Vec<&str> = (body.map_or(first, |(k, _)| k)..from).map(|k| toks[k].span.of(text)).collect();
            while a < j {
                let w = toks[a].span.of(text);
                let lw = toks[a].span.of(&seg.lower);
                let is_title = self.lex.title_words.contains(lw.trim_end_matches('.'));
                let known = self.lex.lookup(w);
                if is_title {
                    title.push(w);
                } else if let Some(k) = known.filter(|_| org.is_none()) {
                    org = Some(self.lex.orgs[k.org].name.clone());
                }
                if self.lex.is_honorific(w) {
                    hon = true;
                    a += 1;
                } else if is_title
                    || known.is_some()
                    || self.lex.sentence_starters.contains(w)
                    || self.lex.not_names.contains(w)
                    || a == i && self.lex.not_name_openers.contains(w)
                    // "Said Ellis: …": a verb of speech opening the sentence, before the name
                    || a == i && a + 1 < j && seg.opens_sentence(a) && self.lex.speech.contains(lw)
                {
                    a += 1;
                } else {
                    break;
                }
            }
            let n = j - a;
            if n == 0 {
                // nothing but sentence words, titles and honorifics: no name
                i = j.max(i + 1);
                continue;
            }
            // (the words of a run are one space apart: joined, they are the text itself)
            let joined = &text[toks[a].span.start..toks[j - 1].span.end];
            let orgish = (a..j)
                .map(|k| toks[k].span.of(text))
                .any(|w| self.lex.org_heads.contains(w) || self.lex.lookup(w).is_some() || self.lex.not_names.contains(w));
            let title = (!title.is_empty()).then(|| title.join(" "));
            let last = toks[j - 1].span.of(text);
            // (a name before a role in lower case modifies it as a possessor would: "the younger
            // Williams sister", "the Obama spokesman")
            let modifier = toks.get(j).is_some_and(|t| {
                let w = t.span.of(&self.seg.lower);
                t.kind == TokKind::Word && !t.cap && self.lex.is_role(w)
            });
            let possessive = last.ends_with("'s") || last.ends_with("’s") || modifier;
            if ((2..=4).contains(&n) || (n == 1 && hon)) && !orgish && self.lex.lookup(joined).is_none() {
                let name = self.clean_name(joined);
                let surname = name.split(' ').next_back().unwrap_or("").to_string();
                if n >= 2 {
                    let gender = self.gender_in(&text[toks[i].span.start..toks[j - 1].span.end]);
                    out.push(Person { name, surname, title, org, at: toks[a].span.start, gender, possessive, spoke: false });
                } else {
                    // "Mr Blair": the full name seen before, or the surname alone; "Sir John": the
                    // full name with that given name
                    let given = a > i && self.lex.first_name_honorifics.contains(toks[a - 1].span.of(text).trim_end_matches('.'));
                    let prev = out
                        .iter()
                        .rev()
                        .find(|p: &&Person| {
                            if given {
                                p.name.contains(' ') && p.name.split(' ').next() == Some(surname.as_str())
                            } else {
                                p.surname == surname
                            }
                        })
                        .or_else(|| out.iter().rev().find(|p| p.name.contains(' ') && misspelt(&p.surname, &surname)))
                        .cloned();
                    let p = match prev {
                        Some(p) => Person { at: toks[a].span.start, possessive, ..p },
                        None => {
                            let gender = self.gender_in(&text[toks[i].span.start..toks[j - 1].span.end]);
                            Person { name, surname, title, org, at: toks[a].span.start, gender, possessive, spoke: false }
                        }
                    };
                    out.push(p);
                }
            } else if n == 1 {
                // a surname seen before as part of a full name
                let w = self.clean_name(toks[a].span.of(text));
                if let Some(p) = out.iter().rev().find(|p| p.surname == w).cloned() {
                    out.push(Person { at: toks[a].span.start, possessive, ..p });
                }
            }
            i = j.max(i + 1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, Option<String>)> {
        let lex = Lexicon::default_lexicon();
        let doc = Document::new("t", text);
        let seg = crate::segment::segment(&doc, &lex);
        let mut a = crate::extract::extract(&seg, &lex);
        resolve(&seg, &lex, &mut a);
        a.iter().map(|x| (x.content.of(text).to_string(), x.speaker.name.clone(), x.speaker.title.clone(), x.speaker.org.clone())).collect()
    }

    #[test]
    fn a_pronoun_opening_a_sentence_continues_the_subject_of_the_one_before() {
        let text = "Rovers will offer Tom Hale a new deal.\n\nHale played a vital part in the win but has fallen out of favour with \
                    new coach Bo Ray. However he hopes the new deal will help him.";
        let r = run(text);
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn a_name_before_a_role_in_lower_case_is_a_modifier_not_the_antecedent() {
        let r = run("Sue Williams won easily.\n\nAnn Hale is in upbeat mood before her clash with the younger Williams sister. “I feel good,” she said.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Ann Hale"), "{r:?}");
    }

    #[test]
    fn one_capitalized_word_after_the_names_a_body_not_a_person() {
        let r = run("Tom Hale said research by the TowerGroup showed that most machines ran Windows.\n\nAlready, he said, there have been four incidents.");
        assert_eq!(r[1].1.as_deref(), Some("TowerGroup"), "{r:?}");
        // (so "he" passes over it to the person)
        assert_eq!(r[2].1.as_deref(), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn a_relative_clause_names_a_role_only_after_a_linking_verb() {
        let r = run("Ann Lee, who played the servant Baldrick, told reporters the show would return.");
        assert_eq!((r[0].1.as_deref(), r[0].2.as_deref()), (Some("Ann Lee"), None));
        let r = run("Ann Lee, who will be the head coach, told reporters the team would improve.");
        assert_eq!(r[0].2.as_deref(), Some("head coach"));
    }

    #[test]
    fn a_place_after_a_preposition_is_no_part_of_the_name_after_it() {
        let r = run("At a summit in California Mr Lee said patents were a problem.");
        assert_eq!((r[0].1.as_deref(), r[0].3.as_deref()), (Some("Lee"), None));
        // a place before a title with no preposition is the title's country
        let r = run("California Senator Ann Lee said patents were a problem.");
        assert_eq!(r[0].3.as_deref(), Some("California"));
    }

    #[test]
    fn a_body_that_commissioned_a_document_is_not_its_source() {
        let r = run("An inquiry commissioned by Shell found that the board had failed.");
        assert_eq!(r[0].1.as_deref(), Some("An inquiry commissioned by Shell"));
        // the body that wrote it is
        let r = run("A report by the IMF found that growth had slowed.");
        assert_eq!(r[0].1.as_deref(), Some("International Monetary Fund"));
    }

    #[test]
    fn every_speaker_of_a_list_is_resolved_and_continuations_keep_them() {
        let lex = Lexicon::default_lexicon();
        // (speaker, the others) of every attribution
        let run = |text: &str| {
            let doc = Document::new("t", text);
            let seg = crate::segment::segment(&doc, &lex);
            let mut a = crate::extract::extract(&seg, &lex);
            resolve(&seg, &lex, &mut a);
            a.iter().map(|x| (x.speaker.name.clone(), x.also_speakers.iter().map(|s| s.name.clone()).collect())).collect::<Vec<_>>()
        };
        let (hale, labour) = (Some("Tom Hale".to_string()), Some("Labour Party".to_string()));
        let r = run("Senator Tom Hale met Ann Lee on Monday. Labour and Hale said “the plan is unfair.” “It must go.”");
        assert_eq!(r, [(hale.clone(), vec![labour.clone()]), (hale, vec![labour])]);
        // "Senators Rubio and Cruz": the plural title is no part of a name
        assert_eq!(run("Senators Rubio and Cruz said the deal was weak."), [(Some("Cruz".into()), vec![Some("Rubio".into())])]);
    }

    #[test]
    fn a_preposition_opens_no_name_but_may_end_one() {
        let r = run("To Tom Hale, the answer was simple. “We will rebuild,” he said.");
        assert_eq!(r[0].1.as_deref(), Some("Tom Hale"), "{r:?}");
        let r = run("“We will rebuild,” Al From said. “Soon,” From said.");
        assert_eq!(r.iter().map(|x| x.1.as_deref()).collect::<Vec<_>>(), [Some("Al From"), Some("Al From")], "{r:?}");
    }

    #[test]
    fn a_title_word_or_honorific_after_a_given_name_or_initial_is_a_surname() {
        let r = run("“We will not back down,” said Ann King, a union organizer. “Never,” King added.");
        assert_eq!(r[0].1.as_deref(), Some("Ann King"), "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("union organizer"), "{r:?}");
        assert_eq!(r[1].1.as_deref(), Some("Ann King"), "{r:?}");
        let r = run("“It is over,” said Representative Peter T. King of Ohio.");
        assert_eq!((r[0].1.as_deref(), r[0].2.as_deref()), (Some("Peter T. King"), Some("Representative")), "{r:?}");
        let r = run("“Enough,” said Mr. Bishop.");
        assert_eq!(r[0].1.as_deref(), Some("Bishop"), "{r:?}");
        // a title before the name stays a title
        let r = run("“Enough,” said Bishop Tom Hale.");
        assert_eq!((r[0].1.as_deref(), r[0].2.as_deref()), (Some("Tom Hale"), Some("Bishop")), "{r:?}");
    }

    #[test]
    fn a_feature_of_the_map_opens_no_personal_name() {
        let r = run("Ann Lee grew up in Ohio. Her family moved to Lake Erie. “We will rebuild,” she said.");
        assert_eq!(r[0].1.as_deref(), Some("Ann Lee"), "{r:?}");
    }

    #[test]
    fn names_joined_by_a_hyphen_are_each_a_name() {
        let r = run("According to the latest Washington Post-ABC News poll, turnout will be high.");
        assert_eq!(r[0].1.as_deref(), Some("Washington Post"), "{r:?}");
    }

    #[test]
    fn a_verb_of_speech_opening_the_sentence_is_not_a_given_name() {
        let r = run("Said Ellis: “We will rebuild.” Later he said the plan would work.");
        assert_eq!(r.iter().map(|x| x.1.as_deref()).collect::<Vec<_>>(), [Some("Ellis"), Some("Ellis")], "{r:?}");
    }

    #[test]
    fn a_transcript_label_in_capitals_is_the_surname() {
        let r = run("Gov. Tom Hale spoke on Sunday.\n\n\"HALE: And that is why the bridge will open.\"");
        assert_eq!(r.iter().map(|x| x.1.as_deref()).collect::<Vec<_>>(), [Some("Tom Hale")], "{r:?}");
    }

    #[test]
    fn a_party_leader_with_no_party_named_belongs_to_the_party_named_last() {
        let r = run("The housing plans were unveiled by the Republicans on Monday. Party leader Ann Lee said they would pass.");
        assert_eq!((r[0].1.as_deref(), r[0].3.as_deref()), (Some("Ann Lee"), Some("Republican Party")), "{r:?}");
        // a title without "party" takes no party from the text before it
        let r = run("The housing plans were unveiled by the Republicans on Monday. Housing expert Ann Lee said they would pass.");
        assert_ne!(r[0].3.as_deref(), Some("Republican Party"), "{r:?}");
    }

    #[test]
    fn a_relative_or_friend_before_a_name_is_the_title_without_the_possessive() {
        let r = run("“He had big plans,” his nephew Tom Hale said.");
        assert_eq!((r[0].1.as_deref(), r[0].2.as_deref()), (Some("Tom Hale"), Some("nephew")), "{r:?}");
    }

    #[test]
    fn they_after_a_sentence_ending_with_a_plural_bodys_agency_is_that_body() {
        let r = run("The bill, which ministers claim will cut crime, is expected to be opposed by the Liberal Democrats. They have said the scheme is “deeply flawed”.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Liberal Democrats"), "{r:?}");
    }

    #[test]
    fn a_given_name_before_a_known_body_makes_a_person() {
        let r = run("“We are anxious,” said Peter Bayer.");
        assert_eq!(r[0].1.as_deref(), Some("Peter Bayer"), "{r:?}");
    }

    #[test]
    fn a_backbencher_belongs_to_the_party_before_the_title() {
        let r = run("Labour backbencher Tom Hale said the budget was a mistake.");
        assert_eq!((r[0].1.as_deref(), r[0].3.as_deref()), (Some("Tom Hale"), Some("Labour Party")), "{r:?}");
    }

    #[test]
    fn title_and_nationality_before_a_name() {
        let r = run("Polish President Andrzej Duda warned against “peace at any price,” citing risks.");
        assert_eq!(r[0].1.as_deref(), Some("Andrzej Duda"));
        assert_eq!(r[0].2.as_deref(), Some("President"));
        assert_eq!(r[0].3.as_deref(), Some("Poland"));
    }

    #[test]
    fn he_is_the_subject_named_before_not_a_possessor() {
        let r = run("Shadow minister Tom Hale said he would block Mr Ode's appointment. “It is the latest example of cronyism,” he said.");
        let last = r.last().unwrap_or_else(|| panic!("{r:?}"));
        assert_eq!(last.1.as_deref(), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn an_apposition_ending_in_a_clause_gives_no_organization() {
        let r = run("“We will appeal,” said Tom Hale, fined in December for accusing the referee of cheating.");
        assert_eq!((r[0].1.as_deref(), r[0].3.as_deref()), (Some("Tom Hale"), None), "{r:?}");
        let r = run("“It will hold,” says Jane Roe, a senior fellow at the Institute for Peace Research.");
        assert_eq!(r[0].3.as_deref(), Some("Institute for Peace Research"), "{r:?}");
    }

    #[test]
    fn a_relative_clause_after_a_name_gives_no_organization() {
        let r = run("Mr Tom Hale, whose grandmother died in Poland, said the exhibition must stay open.");
        assert_eq!((r[0].1.as_deref(), r[0].3.as_deref()), (Some("Tom Hale"), None), "{r:?}");
    }

    #[test]
    fn apposition_gives_title_and_organization() {
        let r = run("“It will hold,” says Dr. Jane Roe, a senior fellow at the Institute for Peace Research.");
        assert_eq!(r[0].1.as_deref(), Some("Jane Roe"));
        assert_eq!(r[0].2.as_deref(), Some("senior fellow"));
        assert_eq!(r[0].3.as_deref(), Some("Institute for Peace Research"));
    }

    #[test]
    fn a_place_after_to_stays_in_the_title() {
        let r = run("Former U.S. ambassador to Russia John Doe cautions: “Go slowly.”");
        assert_eq!(r[0].2.as_deref(), Some("Former ambassador to Russia"));
        assert_eq!(r[0].3.as_deref(), Some("United States"));
    }

    #[test]
    fn surnames_and_pronouns_resolve_to_the_full_name() {
        let r = run("Senator Mary Major spoke on Monday.\n\n“We lost,” Major said. “But we will return,” she added.");
        assert_eq!(r[0].1.as_deref(), Some("Mary Major"));
        assert_eq!(r[1].1.as_deref(), Some("Mary Major"));
    }

    #[test]
    fn a_surname_refers_to_the_full_name_said_inside_a_reported_clause() {
        // (the surname's own statement nested in another reported clause)
        let r = run("Tom Hale is on solid ground, Ann Lee said.\n\nShe said that Hale has denounced Dunn.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn a_cup_or_a_championship_is_no_person_a_pronoun_could_mean() {
        let r = run("Tom Hale spoke after the match.\n\nHis side lost in the Westbury Cup on Friday.\n\n“We were tired,” he said.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn an_epithet_after_the_names_the_one_person_just_named() {
        let r = run("Tom Hale won the race in Leeds.\n\n“It was hard,” said the 27-year-old.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
        let r = run("Tom Hale won the race in Leeds.\n\n“It was hard,” said the world champion.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
        // (a position in a team is an epithet too)
        let r = run("Tom Hale says the forwards are ready.\n\nThe prop said: “We will win.”");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
        // two people in reach: none is guessed
        let r = run("Tom Hale beat Ann Lee in Leeds.\n\n“It was hard,” said the 27-year-old.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("27-year-old"), "{r:?}");
        // nor is anyone named two paragraphs before
        let r = run("Tom Hale won the race in Leeds.\n\nThe crowd was large.\n\n“It was hard,” said the 27-year-old.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("27-year-old"), "{r:?}");
    }

    #[test]
    fn i_in_the_writers_own_words_is_the_unnamed_writer() {
        let r = run("Tom Hale spoke at the rally.\n\nI believe the plan will fail.");
        assert_eq!(r.last().map(|x| x.1.as_deref()), Some(None), "{r:?}");
        // but in a transcript's labelled paragraph it is the speaker named before
        let r = run("Tom Hale spoke at the rally.\n\nHALE: I believe the plan will fail.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn a_pronoun_passes_over_a_known_body_to_the_person() {
        // "Wall Street" is in the lexicon's organizations: no "she"
        let r = run("The actress Ann Lee spoke for an hour.\n\nShe wanted a candidate who took no money from Wall Street.\n\nShe said the system was rigged.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Ann Lee"), "{r:?}");
        // nor is a street (a head word of organizations' names: "Downing Street")
        let r = run("Tom Hale marched for an hour.\n\nHe stopped on Broad Street.\n\nHe said the march would go on.");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn the_role_noun_refers_back() {
        let r = run("Defence Minister Tom Hale visited the base. The minister said the army was ready to move.");
        assert_eq!(r[0].1.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn an_unnamed_spokesman_speaks_for_the_organization() {
        let r = run("A Kremlin spokesman said the talks were useful and would go on.");
        assert_eq!(r[0].1.as_deref(), Some("Kremlin"));
    }

    #[test]
    fn he_after_a_role_subject_is_the_role_not_a_name_further_back() {
        let r = run("Tom Hale said the plan was bold. A Kremlin spokesman criticised Ann Lee's record, saying it was poor. He said: “It will fail.”");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Kremlin"), "{r:?}");
        // a person named after the role is nearer still
        let r = run("A Kremlin spokesman criticised the plan. Tom Hale met the press. He said: “It will fail.”");
        assert_eq!(r.last().and_then(|x| x.1.as_deref()), Some("Tom Hale"), "{r:?}");
    }

    #[test]
    fn a_person_after_a_party_title_and_a_place_inside_an_organization_name() {
        let r = run("Party leader Tom Hale said the plan would work.");
        assert_eq!(r[0].1.as_deref(), Some("Tom Hale"), "{r:?}");
        let r = run("The Nurses Federation of Scotland, which represents staff, said the plan was unfair.");
        assert_eq!(r[0].1.as_deref(), Some("Nurses Federation of Scotland"), "{r:?}");
    }

    #[test]
    fn a_name_after_an_organization_title_and_honorific_and_the_given_name_after_sir() {
        let r = run("Northshire Police Commissioner Sir Tom Hale said the evidence was weak. \
                     In an interview, Sir Tom said his officers would look again.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r.iter().all(|x| x.1.as_deref() == Some("Tom Hale")), "{r:?}");
        assert_eq!(r[0].2.as_deref(), Some("Northshire Police Commissioner"), "{r:?}");
    }

    #[test]
    fn one_slip_apart() {
        assert!(misspelt("Barrionuevo", "Barrioneuvo"));
        assert!(misspelt("Peterson", "Petersen"));
        assert!(misspelt("Kennedy", "Kenedy"));
        assert!(misspelt("Kenedy", "Kennedy"));
        assert!(!misspelt("Kennedy", "Kennedy"));
        assert!(!misspelt("Hale", "Hall"));
        assert!(!misspelt("Peterson", "Patterson"));
        assert!(!misspelt("Johnson", "Jackson"));
        assert!(!misspelt("Clinton", "Clintons"));
    }

    #[test]
    fn a_misspelt_surname_is_the_person_named_before() {
        let r = run("“Prices will rise,” says Maria Castellano, an economist. Mr Castelano says the rise will be short.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].1.as_deref(), Some("Maria Castellano"), "{r:?}");
    }

    #[test]
    fn a_known_body_opening_a_longer_name_with_its_own_head_is_that_longer_body() {
        let r = run("The industry has grown and, according to the UN Economic Commission for Latin America, is now worth $3bn.");
        assert_eq!(r[0].1.as_deref(), Some("UN Economic Commission for Latin America"), "{r:?}");
        // two words are enough, after a modifier, and for a publication too
        let r = run("Officials ordered a halt, according to the London-based China Review.");
        assert_eq!(r[0].1.as_deref(), Some("China Review"), "{r:?}");
        let r = run("Japan Airlines said fares would rise.");
        assert_eq!(r[0].1.as_deref(), Some("Japan Airlines"), "{r:?}");
        // the known body's own name stays itself
        let r = run("The industry has grown and, according to the United Nations, is now worth $3bn.");
        assert_eq!(r[0].1.as_deref(), Some("United Nations"), "{r:?}");
    }

    #[test]
    fn a_name_the_lexicon_knows_for_an_organization_is_no_person() {
        let lex = Lexicon::default_lexicon();
        let text =
            "The Tories and Lib Dems welcomed the report and called for cuts. UK-based bank Standard Chartered said it would buy a bank.";
        let doc = Document::new("t", text);
        let seg = crate::segment::segment(&doc, &lex);
        let mut a = crate::extract::extract(&seg, &lex);
        resolve(&seg, &lex, &mut a);
        let speakers: Vec<(Option<&str>, bool)> = a.iter().map(|x| (x.speaker.name.as_deref(), x.speaker.is_org)).collect();
        assert!(speakers.contains(&(Some("Liberal Democrats"), true)), "{speakers:?}");
        assert!(speakers.contains(&(Some("Standard Chartered"), true)), "{speakers:?}");
        assert!(speakers.iter().all(|(_, is_org)| *is_org), "{speakers:?}");
    }

    #[test]
    fn continuation_takes_the_previous_speaker() {
        let r = run("“One,” said Ann Lee.\n\n“Two.”");
        assert_eq!(r[1].1.as_deref(), Some("Ann Lee"));
    }

    fn person(name: &str, at: usize) -> Person {
        let surname = name.rsplit(' ').next().unwrap_or("").to_string();
        Person { name: name.into(), surname, title: None, org: None, at, gender: None, possessive: false, spoke: false }
    }

    #[test]
    fn people_before_a_point_come_latest_first_and_a_resolved_mention_before_a_scanned_name() {
        let mut people = People::new(vec![person("Ann Lee", 0), person("Bo Ray", 10), person("Cy Fox", 20)]);
        people.push(Person { title: Some("minister".into()), ..person("Bo Ray", 10) });
        people.push(person("Di Moe", 30));
        people.push(person("Ed Poe", 5)); // out of text order
        let order = |end: usize| -> Vec<(String, bool)> { people.before(end).map(|p| (p.name.clone(), p.title.is_some())).collect() };
        assert_eq!(
            order(21),
            [("Cy Fox", false), ("Bo Ray", true), ("Bo Ray", false), ("Ed Poe", false), ("Ann Lee", false)]
                .map(|(n, t)| (n.to_string(), t))
        );
        assert_eq!(order(10), [("Ed Poe".to_string(), false), ("Ann Lee".to_string(), false)]);
        assert!(order(0).is_empty());
        // the first of a name: scanned before resolved, resolved ones in the order they came
        assert!(people.named("Bo Ray").is_some_and(|p| p.title.is_none()));
        assert_eq!(people.named("Ed Poe").map(|p| p.at), Some(5));
        assert_eq!(people.named("Di Moe").map(|p| p.at), Some(30));
        people.named_mut("Di Moe").unwrap().org = Some("X".into());
        assert_eq!(people.before(31).next().and_then(|p| p.org.clone()).as_deref(), Some("X"));
    }

    #[test]
    fn spans_merge_and_hold_offsets_half_open() {
        let s = Spans::new(vec![Span::new(10, 20), Span::new(0, 5), Span::new(15, 30), Span::new(40, 40), Span::new(30, 35)]);
        let inside: Vec<usize> = [0, 4, 5, 9, 10, 29, 30, 34, 35, 40].into_iter().filter(|&at| s.contains(at)).collect();
        assert_eq!(inside, [0, 4, 10, 29, 30, 34]);
    }

    #[test]
    fn he_reaches_back_three_paragraphs_and_no_further() {
        let near = "Tom Hale spoke.\n\nA.\n\nB.\n\n“No,” he said.";
        assert_eq!(run(near)[0].1.as_deref(), Some("Tom Hale"), "{:?}", run(near));
        let far = "Tom Hale spoke.\n\nA.\n\nB.\n\nC.\n\nD.\n\n“No,” he said.";
        assert_eq!(run(far)[0].1, None, "{:?}", run(far));
    }
}
