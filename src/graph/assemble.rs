//! Assembling a [`Report`] from documents and their attributions: actors with
//! stable ids, coded statements, contrast links, the actor × concept matrix, the
//! divergence summary and (on request) time windows.
//!
//! Documents are added one at a time ([`ReportBuilder::add`]) and their text is
//! not kept, so a report grows with people and statements, not with text.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::code::{self, Codebook};
use crate::date::Date;
use crate::export::quotes::Lines;
use crate::lexicon::{Gender, Lexicon};
use crate::model::{
    Attribution, ConceptInfo, Contested, Contrast, Divergence, DocInfo, Document, MatrixCell, OrgInfo, Pair, PersonInfo, Report, Stance,
    StatementInfo, Window, WindowSize,
};

use super::Level;

/// A hash map for lookups by id in hot loops (never iterated: its order is no output's).
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<crate::lexicon::Fnv>>;

/// The id of a document's `n`th statement: "stmt:DOC:0003" (the number zero-padded to four
/// digits, as `{:04}` writes it, without the formatting machinery).
fn stmt_id(doc: &str, n: usize) -> String {
    let digits = n.to_string();
    let mut id = String::with_capacity(doc.len() + 10 + digits.len());
    id.push_str("stmt:");
    id.push_str(doc);
    id.push(':');
    id.extend(std::iter::repeat_n('0', 4usize.saturating_sub(digits.len())));
    id.push_str(&digits);
    id
}

/// What [`code_all`] finds in one attribution's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coded {
    /// Its codes.
    pub codes: Vec<crate::model::Code>,
    /// Its content refers back to a plan ([`code::refers_to_a_plan`]).
    pub refers_to_a_plan: bool,
    /// What its words say towards a criticism ([`judge`]).
    pub judgement: Option<Judgement>,
}

/// Codes every attribution of a document: what each one's words say, one [`Coded`] per
/// attribution. Each statement is lower-cased and split into words once for all of it.
pub fn code_all(doc: &Document, atts: &[Attribution], codebook: &Codebook) -> Vec<Coded> {
    let text = doc.text.as_str();
    atts.iter()
        .map(|a| {
            let (content, cue) = (a.content.of(text), a.cue.map(|c| c.of(text)));
            let lowered = code::Lowered::new(content, cue);
            let words = lowered.words(codebook);
            let codes = code::code_words(&words, codebook);
            let refers_to_a_plan = words.refers_to_a_plan(codebook);
            // "the scheme is deeply flawed": a plan named before (within a few paragraphs) gives
            // its concepts
            let codes = if codes.is_empty() && refers_to_a_plan {
                let mut from = a.sentence.start.saturating_sub(4000);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                code::referred_plan_codes(&words, text.get(from..a.sentence.start).unwrap_or(""), codebook)
            } else {
                codes
            };
            let judgement = judge(content, &words, codebook);
            Coded { codes, refers_to_a_plan, judgement }
        })
        .collect()
}

/// How statements are counted in the matrix and the divergence summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    /// An actor's statements on a concept count once per document (their net stance there).
    #[default]
    Document,
    /// Every statement counts.
    All,
}

/// Options for assembling a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Actors are people or their organizations.
    pub level: Level,
    /// Counting rule.
    pub count: Count,
    /// Which statements the report keeps.
    pub filter: Filter,
    /// Time windows to slice the report into, if any.
    pub window: Option<WindowSize>,
}

/// Which statements a report keeps; an empty filter keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Documents dated on or after this ISO date (documents without a date are dropped).
    pub from: Option<String>,
    /// Documents dated on or before this ISO date (a prefix: "2015-11" is the whole month).
    pub to: Option<String>,
    /// Documents from these sources (outlets), compared without case.
    pub sources: Vec<String>,
    /// Statements by these people or organizations: a name, part of one, or an id.
    pub speakers: Vec<String>,
    /// Statements coded to these concepts: an id ("concept:territory", "territory") or part of a label.
    pub concepts: Vec<String>,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none() && self.sources.is_empty() && self.speakers.is_empty() && self.concepts.is_empty()
    }

    /// True when the filter keeps this document (its date and source).
    pub fn keeps_document(&self, d: &DocInfo) -> bool {
        let date = d.date.as_deref();
        if let Some(f) = &self.from {
            if date.is_none_or(|x| x < f.as_str()) {
                return false;
            }
        }
        if let Some(t) = &self.to {
            if date.is_none_or(|x| x > t.as_str() && !x.starts_with(t.as_str())) {
                return false;
            }
        }
        self.sources.is_empty() || d.source.as_deref().is_some_and(|s| self.sources.iter().any(|x| x.eq_ignore_ascii_case(s)))
    }

    fn keeps_speaker(&self, s: &StatementInfo) -> bool {
        self.speakers.is_empty()
            || self.speakers.iter().any(|want| {
                let w = want.to_lowercase();
                s.speaker.as_deref().is_some_and(|id| id == want || id.ends_with(&format!(":{}", slug(want))))
                    || s.speaker_name.as_deref().is_some_and(|n| n.to_lowercase().contains(&w))
            })
    }

    fn keeps_concept(&self, concept: &ConceptInfo) -> bool {
        self.concepts.is_empty()
            || self.concepts.iter().any(|want| {
                concept.id == *want
                    || concept.id == format!("concept:{want}")
                    || concept.label.to_lowercase().contains(&want.to_lowercase())
            })
    }

    /// Drops what the filter does not keep.
    fn apply(&self, r: &mut Report) {
        if self.is_empty() {
            return;
        }
        r.documents.retain(|d| self.keeps_document(d));
        let docs: BTreeSet<String> = r.documents.iter().map(|d| d.id.clone()).collect();
        let concepts: BTreeSet<String> = r.concepts.iter().filter(|c| self.keeps_concept(c)).map(|c| c.id.clone()).collect();
        r.statements.retain(|s| docs.contains(&s.document) && self.keeps_speaker(s));
        if !self.concepts.is_empty() {
            for s in r.statements.iter_mut() {
                s.codes.retain(|c| concepts.contains(&c.concept));
            }
            r.statements.retain(|s| !s.codes.is_empty());
            r.concepts.retain(|c| concepts.contains(&c.id));
        }
        let kept: BTreeSet<&str> = r.statements.iter().map(|s| s.id.as_str()).collect();
        r.contrasts.retain(|c| kept.contains(c.a.as_str()) && kept.contains(c.b.as_str()));
    }
}

/// A lower-case, hyphenated id part: "Dmytro Kuleba" → "dmytro-kuleba".
///
/// ```
/// assert_eq!(quotegraph::graph::assemble::slug("Dr. Élena O’Neil"), "dr-élena-o-neil");
/// ```
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        // (an ASCII letter or digit, nearly every character of a name, is lower-cased in place:
        // the same as `to_lowercase` for it, without the iterator)
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The people of a map, as the report lists them (sorted by id).
fn people_list(people: BTreeMap<String, PersonAcc>) -> Vec<PersonInfo> {
    people
        .into_iter()
        .map(|(id, p)| PersonInfo {
            id,
            name: p.name,
            aliases: p.aliases.into_iter().collect(),
            titles: p.titles.into_iter().collect(),
            organizations: p.orgs.into_iter().collect(),
            merged: Vec::new(),
        })
        .collect()
}

/// Lower case without diacritics, with one apostrophe: how names are compared across
/// documents ("Kılıçdaroğlu" and "KILICDAROGLU", "O’Neil" and "O'Neil" fold alike).
///
/// ```
/// use quotegraph::graph::assemble::fold_name;
/// assert_eq!(fold_name("Kılıçdaroğlu"), fold_name("KILICDAROGLU"));
/// assert_eq!(fold_name("O’Neil"), "o'neil");
/// assert_eq!(fold_name("Ærø Straße"), "aero strasse");
/// ```
pub fn fold_name(s: &str) -> String {
    const LETTERS: &[(char, &str)] = &[
        ('a', "àáâãäåāăąǎ"),
        ('c', "çćĉċč"),
        ('d', "ďđð"),
        ('e', "èéêëēĕėęě"),
        ('g', "ĝğġģ"),
        ('h', "ĥħ"),
        ('i', "ìíîïĩīĭįıǐ"),
        ('j', "ĵ"),
        ('k', "ķ"),
        ('l', "ĺļľŀł"),
        ('n', "ñńņňŉ"),
        ('o', "òóôõöøōŏőǒ"),
        ('r', "ŕŗř"),
        ('s', "śŝşšș"),
        ('t', "ţťŧț"),
        ('u', "ùúûüũūŭůűųǔ"),
        ('w', "ŵ"),
        ('y', "ýÿŷ"),
        ('z', "źżž"),
    ];
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{300}'..='\u{36f}' => {} // combining marks
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            '’' | '‘' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c),
            c => out.push(LETTERS.iter().find(|(_, set)| set.contains(c)).map_or(c, |(base, _)| *base)),
        }
    }
    out
}

/// The words of a person's name without honorifics before it or suffixes after it
/// ("Mr Putin" → ["Putin"], "Martin Luther King Jr." → ["Martin", "Luther", "King"]).
fn name_words<'n>(name: &'n str, lex: &Lexicon) -> Vec<&'n str> {
    let mut words: Vec<&str> = name.split_whitespace().map(|w| w.trim_end_matches(',')).filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && lex.is_honorific(words[0]) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| lex.is_name_suffix(w)) {
        words.pop();
    }
    words
}

/// True when a word of a name reads as a name: capitalized (every part of a hyphenated
/// word too), letters only, and no word the lexicon knows as something else: a title
/// or honorific, an organization or place, a word that marks an organization's name,
/// a word that opens sentences or is never a name. "Europe", "Police", "The", "IAAF"
/// (an acronym) and "Arsenal's" are not.
fn name_like(word: &str, lex: &Lexicon) -> bool {
    let letters = word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    let capitalized = word.split('-').all(|part| part.chars().next().is_some_and(char::is_uppercase));
    let possessive = word.ends_with("'s") || word.ends_with("’s");
    letters
        && capitalized
        && !possessive
        && word.chars().any(char::is_lowercase)
        && !lex.title_words.contains(&word.to_lowercase())
        && !lex.is_honorific(word)
        && lex.lookup(word).is_none()
        && !lex.org_heads.contains(word)
        && !lex.sentence_starters.contains(word)
        && !lex.not_names.contains(word)
}

/// How a person's name takes part in the cross-document merge.
enum NameForm {
    /// One word that reads as a surname: its folded form.
    Surname(String),
    /// Two words or more, the first and last reading as names: the folded last word.
    Full(String),
    /// Anything else (a given name alone, a phrase that is no name).
    Other,
}

fn name_form(p: &PersonInfo, lex: &Lexicon) -> NameForm {
    let words = name_words(&p.name, lex);
    // "Sir Cameron", "Dame Judi", "Lord Browne": a given name, or a peer known by title
    let first_name_form = || {
        p.aliases.iter().any(|a| {
            let mut w = a.split_whitespace();
            w.next().is_some_and(|h| lex.first_name_honorifics.contains(h.trim_end_matches('.'))) && w.next() == Some(p.name.as_str())
        })
    };
    match words[..] {
        // a given name alone ("Prince Harry", "Serena") is no surname either
        [w] if name_like(w, lex) && !lex.female.contains(w) && !lex.male.contains(w) && !first_name_form() => {
            NameForm::Surname(fold_name(w))
        }
        [first, .., last] if name_like(first, lex) && name_like(last, lex) => NameForm::Full(fold_name(last)),
        _ => NameForm::Other,
    }
}

/// The gender a person's names mark, when they mark one: the honorifics or given names
/// of its aliases ("Ms Abbott"), else the given name of a full name.
fn gender(p: &PersonInfo, lex: &Lexicon) -> Option<Gender> {
    let mut marked =
        p.aliases.iter().filter(|a| a.contains(' ')).filter_map(|a| a.split_whitespace().next()).filter_map(|h| lex.gender_of(h));
    match marked.next() {
        Some(g) => marked.all(|x| x == g).then_some(g),
        None => match name_words(&p.name, lex)[..] {
            [given, _, ..] => lex.gender_of(given),
            _ => None,
        },
    }
}

/// Merges people known only by a surname into the full-name person with that surname,
/// across the documents of a report: "Khodorkovsky" of one article is "Mikhail
/// Khodorkovsky" of another when he is the only full-name person with that surname, or
/// the only one of several who shares an organization or a title with him. Otherwise
/// the surname stays a person of its own (nothing is guessed).
///
/// The merged person keeps the full name's id; the surname becomes one of its aliases,
/// the titles and organizations of both are its own, every statement moves to it
/// (statement ids do not change), and [`PersonInfo::merged`] keeps each person as found,
/// so that [`merge`] can decide again over the people of all the shards.
fn merge_namesakes(r: &mut Report, lex: &Lexicon) {
    r.people.sort_by(|a, b| a.id.cmp(&b.id));
    let forms: Vec<NameForm> = r.people.iter().map(|p| name_form(p, lex)).collect();
    let genders: Vec<Option<Gender>> = r.people.iter().map(|p| gender(p, lex)).collect();

    let mut full: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if let NameForm::Full(key) = f {
            full.entry(key.as_str()).or_default().push(i);
        }
    }
    let shares = |a: &PersonInfo, b: &PersonInfo| {
        a.organizations.iter().any(|o| b.organizations.contains(o))
            || a.titles.iter().any(|t| b.titles.iter().any(|u| fold_name(t) == fold_name(u)))
    };
    // absorbed person → the person it merges into, decided on the people as found
    let mut into: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        let NameForm::Surname(key) = f else { continue };
        let Some(namesakes) = full.get(key.as_str()) else { continue };
        // "Ms Abbott" is not "Greg Abbott"
        let namesakes: Vec<usize> =
            namesakes.iter().copied().filter(|&k| genders[i].is_none() || genders[k].is_none() || genders[i] == genders[k]).collect();
        let host = match namesakes[..] {
            [only] => Some(only),
            _ => {
                let sharing: Vec<usize> = namesakes.iter().copied().filter(|&k| shares(&r.people[i], &r.people[k])).collect();
                (sharing.len() == 1).then(|| sharing[0])
            }
        };
        if let Some(h) = host {
            into.insert(i, h);
        }
    }
    // a given name alone ("Howard dismisses …" in a headline over "Michael Howard has
    // dismissed …") is, within the documents it speaks in, the one full-name speaker there
    // with that surname, when no speaker there has it for a given name
    // (looked up by person, never walked: hashed, and borrowed from the statements; each person's
    // documents in order)
    let mut docs_of: FastMap<&str, BTreeSet<&str>> = FastMap::default();
    for s in &r.statements {
        if let Some(sp) = s.speaker.as_deref().filter(|sp| sp.starts_with("person:")) {
            docs_of.entry(sp).or_default().insert(s.document.as_str());
        }
    }
    let mut speak_in: FastMap<&str, Vec<usize>> = FastMap::default();
    for (k, p) in r.people.iter().enumerate() {
        for d in docs_of.get(p.id.as_str()).into_iter().flatten() {
            speak_in.entry(d).or_default().push(k);
        }
    }
    for (i, p) in r.people.iter().enumerate() {
        let [w] = name_words(&p.name, lex)[..] else { continue };
        if into.contains_key(&i) || matches!(forms[i], NameForm::Surname(_)) || !(lex.female.contains(w) || lex.male.contains(w)) {
            continue;
        }
        let key = fold_name(w);
        let mut hosts = BTreeSet::new();
        let mut clear = true;
        for d in docs_of.get(p.id.as_str()).into_iter().flatten() {
            let here = speak_in.get(d).map(Vec::as_slice).unwrap_or(&[]);
            let full: Vec<usize> = here.iter().copied().filter(|&k| matches!(&forms[k], NameForm::Full(f) if *f == key)).collect();
            let given = here.iter().any(|&k| k != i && matches!(name_words(&r.people[k].name, lex)[..], [g, _, ..] if g == w));
            clear &= full.len() == 1 && !given && (genders[i].is_none() || genders[full[0]].is_none() || genders[i] == genders[full[0]]);
            hosts.extend(full);
        }
        if clear && hosts.len() == 1 {
            into.insert(i, *hosts.iter().next().unwrap_or(&i));
        }
    }
    if into.is_empty() {
        return;
    }
    // (looked up for every statement, never walked: hashed)
    let ids: FastMap<String, String> = into.iter().map(|(&i, &h)| (r.people[i].id.clone(), r.people[h].id.clone())).collect();
    let mut hosts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&i, &h) in &into {
        hosts.entry(h).or_default().push(i);
    }
    for (h, absorbed) in hosts {
        let found: Vec<PersonInfo> = std::iter::once(h).chain(absorbed.iter().copied()).map(|k| r.people[k].clone()).collect();
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut titles: BTreeSet<String> = BTreeSet::new();
        let mut orgs: BTreeSet<String> = BTreeSet::new();
        for p in &found {
            aliases.insert(p.name.clone());
            aliases.extend(p.aliases.iter().cloned());
            titles.extend(p.titles.iter().cloned());
            orgs.extend(p.organizations.iter().cloned());
        }
        let host = &mut r.people[h];
        aliases.remove(&host.name);
        host.aliases = aliases.into_iter().collect();
        host.titles = titles.into_iter().collect();
        host.organizations = orgs.into_iter().collect();
        host.merged = found;
        host.merged.sort();
    }
    let people = std::mem::take(&mut r.people);
    r.people = people.into_iter().enumerate().filter(|(k, _)| !into.contains_key(k)).map(|(_, p)| p).collect();
    for s in r.statements.iter_mut() {
        if let Some(to) = s.speaker.as_ref().and_then(|sp| ids.get(sp)) {
            s.speaker = Some(to.clone());
        }
    }
}

#[derive(Default)]
struct PersonAcc {
    name: String,
    aliases: BTreeSet<String>,
    titles: BTreeSet<String>,
    orgs: BTreeSet<String>,
}

/// Builds a report document by document.
pub struct ReportBuilder<'a> {
    lex: &'a Lexicon,
    codebook: &'a Codebook,
    documents: Vec<DocInfo>,
    /// People by id: looked up for every statement, walked (in id order) only when finished, so
    /// hashed; a sorted map compared every id with a dozen others.
    people: FastMap<String, PersonAcc>,
    orgs: BTreeMap<String, OrgInfo>,
    /// The id each organization name seen so far was given (the node is in `orgs`).
    org_ids: crate::lexicon::WordMap<String>,
    statements: Vec<StatementInfo>,
    /// The [`Judgement`] of each statement's words, in the order of `statements`.
    judged: Vec<Option<Judgement>>,
    contrasts: Vec<Contrast>,
}

impl<'a> ReportBuilder<'a> {
    /// An empty report that will code statements with `codebook`.
    pub fn new(lex: &'a Lexicon, codebook: &'a Codebook) -> Self {
        ReportBuilder {
            lex,
            codebook,
            documents: Vec::new(),
            people: FastMap::default(),
            orgs: BTreeMap::new(),
            org_ids: Default::default(),
            statements: Vec::new(),
            judged: Vec::new(),
            contrasts: Vec::new(),
        }
    }

    /// The id of the organization (or group, or document) `name`, added on first sight with
    /// the lexicon's kind, else `fallback` ("organization", "group", "document"). A name the
    /// lexicon knows for an organization ("Number 10", "EU") gives the id of the
    /// organization's own name ("Downing Street", "European Union"), so that its names make
    /// one node.
    fn org_id(&mut self, name: &str, fallback: &str) -> String {
        // (a name seen before has its node already: the fallback only counts on first sight)
        if let Some(id) = self.org_ids.get(name) {
            return id.clone();
        }
        let written = name;
        let lex = self.lex;
        let known = lex.lookup(&crate::segment::words_of(name).join(" "));
        let name = match known {
            Some(k) if k.surface == crate::lexicon::Surface::Name => lex.orgs[k.org].name.as_str(),
            _ => name,
        };
        let id = format!("org:{}", slug(name));
        if !self.orgs.contains_key(&id) {
            let kind = known.map(|k| lex.orgs[k.org].kind.clone()).unwrap_or_else(|| fallback.to_string());
            self.orgs.insert(id.clone(), OrgInfo { id: id.clone(), name: name.to_string(), kind });
        }
        self.org_ids.insert(written.to_string(), id.clone());
        id
    }

    /// Adds one document and its (resolved) attributions.
    pub fn add(&mut self, doc: &Document, atts: &[Attribution]) {
        let codes = code_all(doc, atts, self.codebook);
        self.add_coded(doc, atts, codes);
    }

    /// Adds one document whose statements were already coded by [`code_all`] (on another
    /// thread, say).
    pub fn add_coded(&mut self, doc: &Document, atts: &[Attribution], coded: Vec<Coded>) {
        self.documents.push(DocInfo { id: doc.id.clone(), title: doc.title.clone(), source: doc.source.clone(), date: doc.date.clone() });
        let lines = Lines::new(&doc.text);
        let text = doc.text.as_str();
        let first_stmt = self.statements.len();
        // one statement for each speaker: the attribution's, then those named in a list with it
        // ("Labour and the Liberal Democrats say": the Liberal Democrats', then Labour's, "…:0003.2")
        let mut voices = Vec::with_capacity(atts.len());
        for (n, a) in atts.iter().enumerate() {
            let first = voices.len();
            voices.push((n, a.mention.as_ref(), &a.speaker, stmt_id(&doc.id, n + 1)));
            for (j, sp) in a.also_speakers.iter().enumerate() {
                let id = format!("{}.{}", voices[first].3, j + 2);
                voices.push((n, a.also.get(j), sp, id));
            }
        }
        // the attribution behind each statement of this document
        let src: Vec<usize> = voices.iter().map(|v| v.0).collect();
        for (n, mention, sp, id) in voices {
            let a = &atts[n];
            let org = sp.org.as_deref().map(|o| self.org_id(o, "organization"));
            // "critics", "figures", "his claims": a group of people or a document, not a body
            let speaker_kind = match mention.map(|m| m.kind) {
                Some(crate::model::MentionKind::Group) => "group",
                Some(crate::model::MentionKind::Document) => "document",
                _ => "organization",
            };
            // a role nobody was found for ("the candidate", "Russia's president") is no person node
            let unresolved_role = !sp.is_org
                && sp
                    .name
                    .as_deref()
                    .is_some_and(|n| n.split_whitespace().last().is_some_and(|w| !w.chars().next().is_some_and(char::is_uppercase)));
            let (speaker, organization) = match sp.name.as_deref() {
                None => (None, None),
                Some(_) if unresolved_role => (None, org.clone()),
                Some(name) if sp.is_org => {
                    let id = self.org_id(name, speaker_kind);
                    let group = if id.starts_with("org:") && org.is_some() && org.as_deref() != Some(id.as_str()) {
                        org.clone()
                    } else {
                        Some(id.clone())
                    };
                    (Some(id), group)
                }
                Some(name) => {
                    let id = format!("person:{}", slug(name));
                    let lex = self.lex;
                    let p = self.people.entry(id.clone()).or_default();
                    p.name = name.to_string();
                    if let Some(m) = mention.filter(|m| m.kind == crate::model::MentionKind::Name) {
                        let head = m.head.of(text);
                        if head != name {
                            p.aliases.insert(head.to_string());
                        }
                        // the name with the honorific it was written with ("Mr Kuleba", "Lord Browne"),
                        // which tells a surname from a given name or a peer's title, and the gender
                        let before = text.get(m.span.start..m.head.start).unwrap_or("").split_whitespace().next_back();
                        if let Some(h) =
                            before.filter(|h| lex.is_honorific(h) && !lex.title_words.contains(&h.trim_end_matches('.').to_lowercase()))
                        {
                            p.aliases.insert(format!("{h} {head}"));
                        }
                    }
                    if let Some(t) = &sp.title {
                        p.titles.insert(t.clone());
                    }
                    if let Some(o) = &org {
                        p.orgs.insert(o.clone());
                    }
                    (Some(id), org.clone())
                }
            };
            let content = a.content.of(text).to_string();
            let cue = a.cue.map(|c| c.of(text).to_string());
            let codes = coded.get(n).map(|c| c.codes.clone()).unwrap_or_default();
            self.judged.push(coded.get(n).and_then(|c| c.judgement.clone()));
            self.statements.push(StatementInfo {
                id,
                document: doc.id.clone(),
                speaker,
                speaker_name: sp.name.clone(),
                organization,
                content,
                content_span: lines.span(a.content),
                kind: a.kind,
                cue,
                line: lines.line_col(a.content.start).0,
                codes,
                targets: self.lex.organizations_in(a.content.of(text)),
            });
        }
        // "the plan was dangerous": a statement that names no organization but refers back to a
        // plan is aimed at the owners of the plan the text gave an owner last before its sentence
        let mut owned: Option<Vec<(usize, Vec<String>)>> = None;
        for i in first_stmt..self.statements.len() {
            let a = &atts[src[i - first_stmt]];
            if !self.statements[i].targets.is_empty() || !coded.get(src[i - first_stmt]).is_some_and(|c| c.refers_to_a_plan) {
                continue;
            }
            let owned = owned.get_or_insert_with(|| code::plan_owners(text, self.lex, self.codebook));
            if let Some((_, owners)) = owned.iter().rev().find(|(at, _)| *at < a.sentence.start) {
                self.statements[i].targets = owners.clone();
            }
        }
        // contrast: a statement whose sentence opens with (or joins clauses by) a contrast word
        // is set against the nearest earlier statement of another speaker
        // (the sentence's marker is looked for once, and only when there is someone to set it against)
        let mut marked: Option<(usize, Option<String>)> = None;
        for i in first_stmt..self.statements.len() {
            let a = &atts[src[i - first_stmt]];
            let me = &self.statements[i].speaker;
            if me.is_none() {
                continue;
            }
            // (not a statement of the same attribution: speakers of one list are not set against each other)
            let earlier = (first_stmt..i).rev().find(|&k| {
                let s = &self.statements[k];
                s.speaker.is_some()
                    && s.speaker != *me
                    && src[k - first_stmt] != src[i - first_stmt]
                    && atts[src[k - first_stmt]].sentence.start + 600 >= a.sentence.start
            });
            let Some(k) = earlier else { continue };
            if marked.as_ref().is_none_or(|(at, _)| *at != a.sentence.start) {
                marked = Some((a.sentence.start, code::contrast_marker(a.sentence.of(text), self.codebook)));
            }
            if let Some((_, Some(marker))) = &marked {
                self.contrasts.push(Contrast {
                    a: self.statements[k].id.clone(),
                    b: self.statements[i].id.clone(),
                    marker: marker.clone(),
                });
            }
        }
        // rebuttal: a statement whose sentence first turns down what was said ("Mr Brown slaps
        // that aside, claiming …") is set against the nearest earlier statement of another speaker
        for i in first_stmt..self.statements.len() {
            let a = &atts[src[i - first_stmt]];
            let me = self.statements[i].speaker.clone();
            let end = a.cue.filter(|c| c.start >= a.sentence.start && c.start <= a.content.start).map_or(a.content.start, |c| c.start);
            if me.is_none() || end <= a.sentence.start {
                continue;
            }
            let Some(marker) = text.get(a.sentence.start..end).and_then(|frame| code::rebuttal_in(frame, self.codebook)) else { continue };
            // what was said in the sentence just before, unless it was a denial too ("Downing Street
            // denied the claims. Lord Goldsmith also denied them, saying …")
            let earlier = (first_stmt..i)
                .rev()
                .find(|&k| self.statements[k].speaker.is_some() && src[k - first_stmt] != src[i - first_stmt])
                .filter(|&k| {
                    let (s, b) = (&self.statements[k], &atts[src[k - first_stmt]]);
                    let between = text.get(b.sentence.end..a.sentence.start).unwrap_or("x");
                    let cue_lower = s.cue.as_deref().unwrap_or("").to_lowercase();
                    let cue_words = crate::segment::words_of(&cue_lower);
                    s.speaker != me
                        && (b.sentence == a.sentence || !between.chars().any(char::is_alphanumeric))
                        && !self.codebook.polarity.rebuts.starts_at(&cue_words, 0)
                });
            if let Some(k) = earlier {
                self.contrasts.push(Contrast { a: self.statements[k].id.clone(), b: self.statements[i].id.clone(), marker });
            }
        }
    }

    /// Finishes the report: sorted lists, matrix and divergence.
    pub fn finish(self, opts: &ReportOptions) -> Report {
        let mut documents = self.documents;
        documents.sort();
        documents.dedup_by(|a, b| a.id == b.id);
        let people = people_list(self.people.into_iter().collect());
        let organizations: Vec<OrgInfo> = self.orgs.into_values().collect();
        // (the judgements go with their statements: the order of a stable sort by id, applied to both)
        let mut statements = self.statements;
        let mut judged = self.judged;
        // (sorted as (id, place) pairs side by side: comparing through `statements[k]` fetched
        // two statements from all over memory for every comparison)
        let mut keyed: Vec<(&str, usize)> = statements.iter().map(|s| s.id.as_str()).zip(0..).collect();
        keyed.sort_by(|a, b| a.0.cmp(b.0));
        let mut order: Vec<usize> = keyed.into_iter().map(|(_, k)| k).collect();
        let judged: Vec<Option<Judgement>> = order.iter().map(|&k| judged[k].take()).collect();
        put_in_order(&mut statements, &mut order);
        let used: BTreeSet<&str> = statements.iter().flat_map(|s| s.codes.iter().map(|c| c.concept.as_str())).collect();
        let concepts: Vec<ConceptInfo> = self
            .codebook
            .concepts
            .iter()
            .map(|c| ConceptInfo {
                id: format!("concept:{}", c.id),
                label: c.label.clone(),
                parent: c.parent.as_ref().map(|p| format!("concept:{p}")),
            })
            .filter(|c| used.contains(c.id.as_str()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let contrasts = self.contrasts;
        let r = Report { documents, people, organizations, concepts, statements, contrasts, ..Report::default() };
        finalize(r, self.lex, self.codebook, opts, Some(judged))
    }
}

/// Moves `items[order[k]]` to place `k` for every `k`, in place, following each cycle of the
/// permutation `order` (which is used up). Why in place: a report's statements, moved into a
/// sorted copy, would take their memory twice over.
fn put_in_order<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != DONE && order[k] != start {
            let from = order[k];
            items.swap(k, from);
            order[k] = DONE;
            k = from;
        }
        order[k] = DONE;
    }
}

/// Merges people across documents, sorts what a report holds and derives the matrix,
/// the divergence summary and the windows from its documents and statements: the one
/// way every report is finished, whether built or merged.
///
/// `judged` holds the [`Judgement`] of each statement of `r`, in its order, when they were
/// judged as the statements were coded.
fn finalize(mut r: Report, lex: &Lexicon, codebook: &Codebook, opts: &ReportOptions, judged: Option<Vec<Option<Judgement>>>) -> Report {
    merge_namesakes(&mut r, lex);
    // (a filter drops statements: the judgements would no longer line up, so they are judged anew)
    let judged = judged.filter(|_| opts.filter.is_empty());
    opts.filter.apply(&mut r);
    r.documents.sort();
    r.documents.dedup_by(|a, b| a.id == b.id);
    r.statements.sort_by(|a, b| a.id.cmp(&b.id));
    r.concepts.sort();
    r.concepts.dedup();
    r.contrasts.sort();
    r.contrasts.dedup();
    let all: Vec<&StatementInfo> = r.statements.iter().collect();
    // (the matrix and the divergence summary count the same stances: counted once)
    let stances = stances(&all, opts);
    r.divergence = divergence(&r, &stances, codebook, opts);
    r.matrix = cells(stances);
    criticism(&mut r, lex, codebook, opts, judged.as_deref());
    r.window = opts.window;
    r.windows = opts.window.map(|size| windows(&r, size, opts));
    r
}

/// The window a document date falls in: (key, first day, last day); `None` when the
/// date is missing, unreadable or not precise enough ("2015-11" in a week window).
///
/// ```
/// use quotegraph::{graph::assemble::window_of, model::WindowSize};
/// let (key, start, end) = window_of("2016-01-02T09:00:00Z", WindowSize::Week).unwrap();
/// assert_eq!((key.as_str(), start.to_string(), end.to_string()), ("2015-W53", "2015-12-28".into(), "2016-01-03".into()));
/// assert_eq!(window_of("2015-11", WindowSize::Month).unwrap().0, "2015-11");
/// assert!(window_of("2015-11", WindowSize::Week).is_none());
/// assert!(window_of("yesterday", WindowSize::Year).is_none());
/// ```
pub fn window_of(date: &str, size: WindowSize) -> Option<(String, Date, Date)> {
    let date = date.trim();
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|d| d.iter().all(u8::is_ascii_digit)).then(|| &date[r]);
    // the most precise of YYYY-MM-DD…, YYYY-MM and YYYY
    let day = Date::parse_iso(date);
    let (year, month) = match day {
        Some(d) => (d.year, Some(d.month)),
        None if b.len() == 7 && b[4] == b'-' => (digits(0..4)?.parse().ok()?, Some(digits(5..7)?.parse().ok()?)),
        None if b.len() == 4 => (digits(0..4)?.parse().ok()?, None),
        None => return None,
    };
    match size {
        WindowSize::Week => {
            let d = day?;
            let (wy, w) = d.iso_week();
            let start = d.add_days(1 - i64::from(d.weekday()));
            Some((format!("{wy:04}-W{w:02}"), start, start.add_days(6)))
        }
        WindowSize::Month => {
            let m = month?;
            let start = Date::new(year, m, 1)?;
            Some((format!("{year:04}-{m:02}"), start, Date::new(year, m, crate::date::days_in_month(year, m))?))
        }
        WindowSize::Year => Some((format!("{year:04}"), Date::new(year, 1, 1)?, Date::new(year, 12, 31)?)),
    }
}

/// The report's time windows: each document goes to the window of its date, each
/// statement to its document's; a window's matrix counts its statements alone, by the
/// report's counting rule. Sorted by start, the undated window last.
fn windows(r: &Report, size: WindowSize, opts: &ReportOptions) -> Vec<Window> {
    // (undated, start, key) sorts the windows; the value is the end, documents and statements
    type Slot = (bool, String, String);
    let mut slots: BTreeMap<Slot, (Option<String>, u32, Vec<&StatementInfo>)> = BTreeMap::new();
    let mut of_doc: BTreeMap<&str, Slot> = BTreeMap::new();
    let undated: Slot = (true, String::new(), "undated".to_string());
    for d in &r.documents {
        let (slot, end) = match d.date.as_deref().and_then(|x| window_of(x, size)) {
            Some((key, start, end)) => ((false, start.to_string(), key), Some(end.to_string())),
            None => (undated.clone(), None),
        };
        slots.entry(slot.clone()).or_insert((end, 0, Vec::new())).1 += 1;
        of_doc.insert(d.id.as_str(), slot);
    }
    for s in &r.statements {
        let slot = of_doc.get(s.document.as_str()).unwrap_or(&undated);
        slots.entry(slot.clone()).or_insert((None, 0, Vec::new())).2.push(s);
    }
    slots
        .into_iter()
        .map(|((undated, start, key), (end, documents, statements))| Window {
            key,
            start: (!undated).then_some(start),
            end,
            documents,
            statements: statements.len() as u32,
            matrix: matrix(&statements, opts),
        })
        .collect()
}

/// Merges reports built separately (per shard, per machine) into the report one run
/// over all their inputs gives: documents, people, organizations, concepts, statements
/// and contrasts are united by id, people merged across documents are taken apart
/// and merged again over all the people, and the matrix and divergence are derived
/// anew. The lexicon and codebook are the ones the reports were built with.
///
/// ```
/// use quotegraph::{code::Codebook, graph::assemble::{merge, ReportOptions}, lexicon::Lexicon, model::Report};
/// let (lex, cb) = (Lexicon::default_lexicon(), Codebook::default_codebook());
/// let r = merge(vec![Report::default(), Report::default()], &lex, &cb, &ReportOptions::default());
/// assert!(r.statements.is_empty());
/// ```
pub fn merge(reports: Vec<Report>, lex: &Lexicon, codebook: &Codebook, opts: &ReportOptions) -> Report {
    let mut people: BTreeMap<String, PersonAcc> = BTreeMap::new();
    let mut orgs: BTreeMap<String, OrgInfo> = BTreeMap::new();
    let mut statements: BTreeMap<String, StatementInfo> = BTreeMap::new();
    let mut out = Report::default();
    for r in reports {
        out.documents.extend(r.documents);
        out.concepts.extend(r.concepts);
        out.contrasts.extend(r.contrasts);
        for p in r.people {
            // a person merged in a shard is taken apart into the people found
            let found = if p.merged.is_empty() { vec![p] } else { p.merged };
            for p in found {
                let acc = people.entry(p.id).or_default();
                acc.name = p.name;
                acc.aliases.extend(p.aliases);
                acc.titles.extend(p.titles);
                acc.orgs.extend(p.organizations);
            }
        }
        for o in r.organizations {
            // as when building: the first form seen names the organization
            orgs.entry(o.id.clone()).or_insert(o);
        }
        for mut s in r.statements {
            // back to the person as found: the id of the name the statement was resolved to
            if let (Some(sp), Some(name)) = (s.speaker.as_mut(), s.speaker_name.as_deref()) {
                if sp.starts_with("person:") {
                    *sp = format!("person:{}", slug(name));
                }
            }
            statements.insert(s.id.clone(), s);
        }
    }
    out.people = people_list(people);
    out.organizations = orgs.into_values().collect();
    out.statements = statements.into_values().collect();
    // the derived concepts ("X's position") are derived again
    out.concepts.retain(|c| !c.id.starts_with("concept:position-of-"));
    finalize(out, lex, codebook, opts, None)
}

/// `text` without the names that stand for some members of a body: a word of `some_of`
/// ("some", "many"), up to two lower-case words ("senior", "of the") and the capitalized
/// words after them ("some senior Tories" → "").
fn without_members(text: &str, some_of: &code::Phrases) -> String {
    let lower = text.to_lowercase();
    let words = crate::segment::words_of(&lower);
    if some_of.span_in(&words, 0, words.len()).is_none() {
        return text.to_string();
    }
    dropping_members(text, some_of)
}

/// [`without_members`] for a `text` whose lower-cased words hold a word of `some_of`.
fn dropping_members(text: &str, some_of: &code::Phrases) -> String {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = pieces.iter().map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let capitalized = |p: &str| p.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next().is_some_and(char::is_uppercase);
    let mut keep = vec![true; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        let Some((_, n)) = some_of.span_in(&lower, i, i + 1) else {
            i += 1;
            continue;
        };
        let mut j = i + n;
        let mut lowers = 0;
        while j < pieces.len() && lowers < 2 && !capitalized(pieces[j]) && !pieces[j - 1].ends_with([',', '.', ';', ':']) {
            j += 1;
            lowers += 1;
        }
        let ended = pieces[j - 1].ends_with([',', '.', ';', ':']);
        let names = if ended { 0 } else { (j..pieces.len()).take_while(|&k| capitalized(pieces[k])).count() };
        if names > 0 {
            keep[i..j + names].iter_mut().for_each(|k| *k = false);
        }
        i = j + names.max(1);
    }
    pieces.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect::<Vec<_>>().join(" ")
}

/// What a statement's own words say towards a criticism ([`judge`]): whether it is against
/// someone or praises them, and the words that tell whom. Worked out where the statement is
/// coded, from the words coding split ([`code::StatementWords`]), and kept for the criticism test of [`ReportBuilder::finish`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// Against (a cue or word against, or an admonition), else praise.
    against: bool,
    /// The bytes of the content that an admonition tells what to do ("The Tories" should …).
    admonished: Option<std::ops::Range<usize>>,
    /// With a cue against: how many of the content's words (split at spaces) come before the
    /// words just after that cue.
    after_cue: Option<usize>,
    /// The cue turns down "his claims": what the statement before said.
    rebutted: bool,
    /// The content names some members of a body ("some Conservatives"): [`without_members`].
    names_members: bool,
}

/// The [`Judgement`] of a statement's words, or `None` when they neither criticise nor
/// praise anyone.
pub fn judge(content: &str, w: &code::StatementWords<'_>, cb: &Codebook) -> Option<Judgement> {
    let (cue, content_words, marks) = (&w.cue, &w.words, &w.marks);
    let has = |list: &code::Phrases| list.span_marked(content_words, marks, 0, content_words.len()).is_some();
    // the cue, which may run on into the words ("brushed | off Labour suggestions"), …
    let mut joined: Vec<&str> = Vec::with_capacity(cue.len() + content_words.len());
    joined.extend(cue.iter().chain(content_words.iter()).copied());
    let mut joined_marks: Vec<u32> = Vec::with_capacity(joined.len());
    joined_marks.extend(w.cue_marks.iter().chain(marks.iter()).copied());
    let cue_against = cb.polarity.disagree.span_marked(&joined, &joined_marks, 0, cue.len());
    // … ("accused", "dismissed") or an evaluative word in the words ("cronies"); a
    // policy word in the words ("a fight against poverty", "a ban") criticises nobody
    let against = cue_against.is_some() || has(&cb.polarity.negative);
    // "The Tories should have the courage to …": telling another actor what to do presses them,
    // whatever good words follow; "they should be congratulated" is praise
    let admonition = if against || !cb.polarity.admonitions.may_occur_in(w.lower) { None } else { code::admonished(content, cb) };
    let praise = !against && has(&cb.polarity.positive);
    let admonition = admonition.filter(|(_, judged)| !(praise && *judged)).map(|(h, _)| h);
    let praise = praise && admonition.is_none();
    if !against && !praise && admonition.is_none() {
        return None;
    }
    let against = against || admonition.is_some();
    // "denied his claims": what the statement just before said, when another actor said it
    let rebutted = cue_against.is_some_and(|(i, n)| {
        let at = (i + n).max(cue.len());
        cb.polarity.claim_openers.starts_marked(&joined, &joined_marks, at)
            && cb.polarity.claims.starts_marked(&joined, &joined_marks, at + 1)
    });
    let at = |h: &str| h.as_ptr() as usize - content.as_ptr() as usize;
    Some(Judgement {
        against,
        admonished: admonition.map(|h| at(h)..at(h) + h.len()),
        after_cue: cue_against.map(|(i, n)| (i + n).saturating_sub(cue.len())),
        rebutted,
        names_members: has(&cb.polarity.some_of),
    })
}

/// A statement that criticises another actor by name ("Mr Blair's appointment of Paul
/// Boateng is the latest example of cronyism", "accused Mr Howard of producing a
/// fraudulent prospectus", "branded the Tory plans a fantasy") puts its speaker against
/// that actor's position: a conflict on the concept "X's position", with the criticism as
/// the critic's evidence and the criticised actor's own statement in the document (if any)
/// as theirs. An organization named in a criticism stands for itself, when it speaks in the
/// document, and for the people of the document who speak for it. A statement that praises
/// an actor ("Paul's contribution has been exceptional") is set against every criticism of
/// that actor in the same document.
///
/// `judged` holds the [`Judgement`] of each statement, when the statements' words were judged
/// as they were coded; without it they are judged here.
fn criticism(r: &mut Report, lex: &Lexicon, cb: &Codebook, opts: &ReportOptions, judged: Option<&[Option<Judgement>]>) {
    // the people and organizations who speak in each document: a criticism names one of them
    // (these maps are looked up, never walked in order: hashed)
    let mut speakers: FastMap<&str, BTreeSet<&str>> = FastMap::default();
    let mut first_stmt: FastMap<(&str, &str), &str> = FastMap::default();
    for t in &r.statements {
        if let Some(sp) = t.speaker.as_deref() {
            speakers.entry(t.document.as_str()).or_default().insert(sp);
        }
        if let Some(a) = super::actor_ref(t, opts.level) {
            first_stmt.entry((t.document.as_str(), a)).or_insert(t.id.as_str());
        }
    }
    let people: FastMap<&str, &crate::model::PersonInfo> = r.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let orgs_of = |id: &str| -> &[String] { people.get(id).map_or(&[][..], |p| p.organizations.as_slice()) };
    // an actor and the bodies it belongs to: people and bodies on one side are no targets
    let side = |a: &str| -> BTreeSet<String> { orgs_of(a).iter().cloned().chain(Some(a.to_string())).collect() };
    // where each document's statements are (they sort together by id)
    let mut doc_range: FastMap<&str, std::ops::Range<usize>> = FastMap::default();
    for (k, t) in r.statements.iter().enumerate() {
        doc_range.entry(t.document.as_str()).or_insert(k..k).end = k + 1;
    }
    // (document, target actor) → (critics, praisers): (actor, statement id)
    type Sides = (Vec<(String, String)>, Vec<(String, String)>);
    let mut aimed: BTreeMap<(String, String), Sides> = BTreeMap::new();
    for (k, s) in r.statements.iter().enumerate() {
        // (most statements judge nobody: that is looked at first)
        if judged.is_some_and(|j| j[k].is_none()) {
            continue;
        }
        let Some(critic) = super::actor_id(s, opts.level) else { continue };
        let judgement = match judged {
            Some(j) => j[k].clone(),
            None => judge(&s.content, &code::Lowered::new(&s.content, s.cue.as_deref()).words(cb), cb),
        };
        let Some(judgement) = judgement else { continue };
        let (against, rebutted) = (judgement.against, judgement.rebutted);
        let admonition = judgement.admonished.map(|h| &s.content[h]);
        let answered = r.statements[..k]
            .iter()
            .rev()
            .take_while(|t| t.document == s.document)
            .find_map(|t| super::actor_id(t, opts.level))
            .filter(|a| rebutted && *a != critic);
        let me = s.speaker.as_deref().unwrap_or("");
        let my_orgs: BTreeSet<String> = orgs_of(me).iter().cloned().chain(s.organization.clone()).chain(Some(me.to_string())).collect();
        // "some Conservatives" are not the party: their names are no target
        let text = if judgement.names_members { dropping_members(&s.content, &cb.polarity.some_of) } else { s.content.clone() };
        let orgs_in = |h: &str| -> BTreeSet<String> {
            lex.organizations_in(h).iter().map(|n| format!("org:{}", slug(n))).filter(|o| !my_orgs.contains(o)).collect()
        };
        let named_orgs: BTreeSet<String> = if text == s.content {
            s.targets.iter().map(|n| format!("org:{}", slug(n))).filter(|o| !my_orgs.contains(o)).collect()
        } else {
            orgs_in(&text)
        };
        // a speaker quoted inside the criticism ("the document, which the Foreign Office says
        // cost £2,500") reports; it is not what is criticised
        let quoted_inside = |id: &str| {
            r.statements[doc_range[s.document.as_str()].clone()].iter().any(|t| {
                t.id != s.id
                    && t.document == s.document
                    && t.speaker.as_deref() == Some(id)
                    && t.cue.as_deref().is_some_and(|c| s.content.contains(&format!("{c} {}", t.content)))
            })
        };
        // the speakers of the document that `text` (the statement or its opening words) names
        let named_in = |text: &str, named_orgs: &BTreeSet<String>, whole: bool| -> BTreeSet<String> {
            let mut targets: BTreeSet<String> = BTreeSet::new();
            // (the pieces between non-word characters, split once for every speaker)
            let text_words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
            for id in speakers.get(s.document.as_str()).into_iter().flatten().copied() {
                if id == me {
                    continue;
                }
                let by_org = named_orgs.contains(id)
                    || people.contains_key(id) && orgs_of(id).iter().any(|o| named_orgs.contains(o) && !my_orgs.contains(o));
                let content_words = || text_words.iter().copied();
                let by_name = people.get(id).is_some_and(|p| {
                    let surname = p.name.split_whitespace().last().unwrap_or("");
                    let given = p
                        .name
                        .split_whitespace()
                        .next()
                        .filter(|g| *g != surname && g.chars().count() > 2 && g.chars().next().is_some_and(char::is_uppercase));
                    // "Paul's contribution": a given name, when no other speaker here shares it
                    let given_unique = || {
                        given.is_some_and(|g| {
                            speakers[s.document.as_str()]
                                .iter()
                                .filter(|o| people.get(*o).is_some_and(|q| q.name.split_whitespace().next() == Some(g)))
                                .count()
                                == 1
                        })
                    };
                    text.contains(&p.name)
                        || surname.chars().count() > 2 && content_words().any(|w| w == surname)
                        || given_unique() && content_words().any(|w| Some(w) == given)
                });
                // (the costlier test last)
                if !(by_org || by_name) || whole && quoted_inside(id) {
                    continue;
                }
                let target = if opts.level == Level::Organization {
                    people.get(id).and_then(|p| p.organizations.first().cloned()).unwrap_or(id.to_string())
                } else {
                    id.to_string()
                };
                // (the critic's own party is on its side)
                if target != critic && side(&critic).is_disjoint(&side(&target)) && !my_orgs.contains(&target) {
                    targets.insert(target);
                }
            }
            targets
        };
        // "dismissed Labour suggestions that a vote for them lets the Tories in", "accused the
        // Tories of …": when the words just after a cue against name a speaker, the cue aims at
        // them, not at those named in what they said
        let head = judgement.after_cue.map(|skip| {
            without_members(&s.content.split_whitespace().skip(skip).take(4).collect::<Vec<_>>().join(" "), &cb.polarity.some_of)
        });
        let mut targets = match (admonition, head.as_deref().map(|h| named_in(h, &orgs_in(h), false))) {
            // only whom the modal's subject names ("Labour should listen to the unions")
            (Some(h), _) => {
                let h = without_members(h, &cb.polarity.some_of);
                named_in(&h, &orgs_in(&h), false)
            }
            (None, Some(t)) if !t.is_empty() => t,
            (None, _) => named_in(&text, &named_orgs, true),
        };
        if let Some(a) = answered {
            if side(&critic).is_disjoint(&side(&a)) && !my_orgs.contains(&a) {
                targets.insert(a);
            }
        }
        for t in targets {
            let e = aimed.entry((s.document.clone(), t)).or_default();
            if against {
                e.0.push((critic.clone(), s.id.clone()));
            } else {
                e.1.push((critic.clone(), s.id.clone()));
            }
        }
    }
    // a statement that turns down the one before it ("slaps that aside"; a contrast whose
    // marker is a rebuttal) criticises its speaker
    for c in &r.contrasts {
        let words: Vec<&str> = c.marker.split_whitespace().collect();
        if !cb.polarity.rebuts.starts_at(&words, 0) {
            continue;
        }
        let stmt = |id: &str| super::by_id(&r.statements, id, |s| &s.id);
        let (Some(sa), Some(sb)) = (stmt(&c.a), stmt(&c.b)) else { continue };
        let (Some(target), Some(critic)) = (super::actor_id(sa, opts.level), super::actor_id(sb, opts.level)) else { continue };
        if side(&critic).is_disjoint(&side(&target)) {
            let e = aimed.entry((sb.document.clone(), target)).or_default();
            if !e.0.contains(&(critic.clone(), sb.id.clone())) {
                e.0.push((critic, sb.id.clone()));
            }
        }
    }
    let mut extra: Vec<(Pair, ConceptInfo)> = Vec::new();
    for ((doc, target), (critics, praisers)) in &aimed {
        let target_name = super::actor_name(r, target);
        let concept = ConceptInfo {
            id: format!("concept:position-of-{}", slug(&target_name)),
            label: format!("{target_name}'s position"),
            parent: None,
        };
        // the target's own statement in the same document, else the criticism itself
        let theirs = first_stmt.get(&(doc.as_str(), target.as_str())).map(|t| t.to_string());
        let mut sides: Vec<((String, String), (String, String))> = Vec::new();
        for (critic, stmt) in critics {
            sides.push(((critic.clone(), stmt.clone()), (target.clone(), theirs.clone().unwrap_or(stmt.clone()))));
            for (fan, praise) in praisers {
                if fan != critic {
                    sides.push(((critic.clone(), stmt.clone()), (fan.clone(), praise.clone())));
                }
            }
        }
        for ((x, sx), (y, sy)) in sides {
            let (a, b, sa, sb) = if x < y { (x, y, sx, sy) } else { (y, x, sy, sx) };
            let (an, bn) = (super::actor_name(r, &a), super::actor_name(r, &b));
            extra.push((Pair { a, b, a_name: an, b_name: bn, concept: concept.id.clone(), statements: [sa, sb] }, concept.clone()));
        }
    }
    for (pair, concept) in extra {
        let known = r.divergence.conflicts.iter().any(|c| c.a == pair.a && c.b == pair.b);
        if !known {
            if !r.concepts.iter().any(|c| c.id == concept.id) {
                r.concepts.push(concept);
            }
            r.divergence.conflicts.push(pair);
        }
    }
    r.concepts.sort();
}

/// Stances by (actor, concept): each a stance and the statement that takes it.
type Stances = BTreeMap<(String, String), Vec<(Stance, String)>>;

/// The net stance of each (actor, concept) in `statements` (all or some of the report's),
/// per document or per statement: (actor, concept) → list of (stance, statement id).
fn stances(statements: &[&StatementInfo], opts: &ReportOptions) -> Stances {
    // (looked up, never walked: hashed; of statements with one id, the last, as a sorted map keeps)
    let by_id: FastMap<&str, &StatementInfo> = statements.iter().map(|s| (s.id.as_str(), *s)).collect();
    // (keys and ids borrowed from the statements: strings are made only for what is returned)
    let mut per_doc: BTreeMap<(&str, &str, &str), (i32, bool, Vec<&str>)> = BTreeMap::new();
    let mut out: BTreeMap<(String, String), Vec<(Stance, String)>> = BTreeMap::new();
    for s in statements {
        let Some(actor) = super::actor_ref(s, opts.level) else { continue };
        for c in &s.codes {
            match opts.count {
                Count::All => out.entry((actor.to_string(), c.concept.clone())).or_default().push((c.stance, s.id.clone())),
                Count::Document => {
                    let e = per_doc.entry((actor, c.concept.as_str(), s.document.as_str())).or_insert((0, false, Vec::new()));
                    e.0 += c.stance.sign();
                    e.1 |= c.stance == Stance::Neutral;
                    e.2.push(s.id.as_str());
                }
            }
        }
    }
    for ((actor, concept, _doc), (net, _, ids)) in per_doc {
        let stance = match net.signum() {
            1 => Stance::Agree,
            -1 => Stance::Disagree,
            _ => Stance::Neutral,
        };
        // the evidence is the first statement that took the net side (or the first one)
        let id = ids.first().map_or_else(String::new, |i| i.to_string());
        let pick = ids
            .iter()
            .filter_map(|i| by_id.get(i).copied())
            .find(|s| s.codes.iter().any(|c| c.concept == concept && c.stance == stance))
            .map_or(id, |s| s.id.clone());
        out.entry((actor.to_string(), concept.to_string())).or_default().push((stance, pick));
    }
    out
}

fn matrix(statements: &[&StatementInfo], opts: &ReportOptions) -> Vec<MatrixCell> {
    cells(stances(statements, opts))
}

/// The matrix cells of the stances [`stances`] found.
fn cells(stances: Stances) -> Vec<MatrixCell> {
    stances
        .into_iter()
        .map(|((actor, concept), v)| {
            let n = |st: Stance| v.iter().filter(|(s, _)| *s == st).count() as u32;
            MatrixCell { actor, concept, agree: n(Stance::Agree), disagree: n(Stance::Disagree), neutral: n(Stance::Neutral) }
        })
        .collect()
}

fn divergence(r: &Report, all: &Stances, codebook: &Codebook, opts: &ReportOptions) -> Divergence {
    // each actor's net side on each concept, with one statement as evidence
    let mut sides: BTreeMap<String, BTreeMap<String, (Stance, String)>> = BTreeMap::new();
    for ((actor, concept), v) in all {
        let net: i32 = v.iter().map(|(s, _)| s.sign()).sum();
        let stance = match net.signum() {
            1 => Stance::Agree,
            -1 => Stance::Disagree,
            _ => Stance::Neutral,
        };
        let ev = v.iter().find(|(s, _)| *s == stance).or(v.first()).map(|(_, id)| id.clone()).unwrap_or_default();
        sides.entry(concept.clone()).or_default().insert(actor.clone(), (stance, ev));
    }
    let name = |id: &str| super::actor_name(r, id);
    let mut contested = Vec::new();
    let mut conflicts = Vec::new();
    let mut congruences = Vec::new();
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    for (concept, actors) in &sides {
        let agree: Vec<String> = actors.iter().filter(|(_, (s, _))| *s == Stance::Agree).map(|(a, _)| a.clone()).collect();
        let disagree: Vec<String> = actors.iter().filter(|(_, (s, _))| *s == Stance::Disagree).map(|(a, _)| a.clone()).collect();
        if !agree.is_empty() && !disagree.is_empty() {
            contested.push(Contested { concept: concept.clone(), agree: agree.clone(), disagree: disagree.clone() });
        }
        for x in &agree {
            for y in &disagree {
                let (a, b) = if x < y { (x, y) } else { (y, x) };
                if seen.insert((a.clone(), b.clone(), concept.clone())) {
                    conflicts.push(Pair {
                        a: a.clone(),
                        b: b.clone(),
                        a_name: name(a),
                        b_name: name(b),
                        concept: concept.clone(),
                        statements: [actors[a].1.clone(), actors[b].1.clone()],
                    });
                }
            }
        }
        for side in [&agree, &disagree] {
            for (i, x) in side.iter().enumerate() {
                for y in &side[i + 1..] {
                    congruences.push(Pair {
                        a: x.clone(),
                        b: y.clone(),
                        a_name: name(x),
                        b_name: name(y),
                        concept: concept.clone(),
                        statements: [actors[x].1.clone(), actors[y].1.clone()],
                    });
                }
            }
        }
    }
    // statements the writer set against each other, on a shared concept, are a conflict too
    // unless both take the same side; when neither takes a side, one of them must judge
    // ("the talks had failed"): a "But" or "Meanwhile" alone may only turn to another topic
    let stmt = |id: &str| super::by_id(&r.statements, id, |s| &s.id);
    let judges = |s: &StatementInfo| {
        let lower = s.content.to_lowercase();
        let words = crate::segment::words_of(&lower);
        [&codebook.polarity.negative, &codebook.polarity.positive].iter().any(|l| l.find_in(&words, 0, words.len()).is_some())
    };
    for c in &r.contrasts {
        let (Some(sa), Some(sb)) = (stmt(&c.a), stmt(&c.b)) else { continue };
        let (Some(a), Some(b)) = (super::actor_id(sa, opts.level), super::actor_id(sb, opts.level)) else { continue };
        if a == b {
            continue;
        }
        for ca in &sa.codes {
            let Some(cb) = sb.codes.iter().find(|x| x.concept == ca.concept) else { continue };
            let same_side = ca.stance == cb.stance && ca.stance != Stance::Neutral;
            let opposite = ca.stance.sign() * cb.stance.sign() < 0;
            if same_side || opposite {
                continue; // already counted by the stance pairs above
            }
            if ca.stance == Stance::Neutral && cb.stance == Stance::Neutral && !judges(sa) && !judges(sb) {
                continue;
            }
            let (x, y, sx, sy) = if a < b { (&a, &b, &sa.id, &sb.id) } else { (&b, &a, &sb.id, &sa.id) };
            if seen.insert((x.clone(), y.clone(), ca.concept.clone())) {
                conflicts.push(Pair {
                    a: x.clone(),
                    b: y.clone(),
                    a_name: name(x),
                    b_name: name(y),
                    concept: ca.concept.clone(),
                    statements: [sx.clone(), sy.clone()],
                });
            }
        }
    }
    // most contested first: concepts with the most actors on the smaller side
    let weights: BTreeMap<String, usize> = contested.iter().map(|c| (c.concept.clone(), c.agree.len().min(c.disagree.len()))).collect();
    let weight = |concept: &str| weights.get(concept).copied().unwrap_or(0);
    contested.sort_by(|x, y| y.agree.len().min(y.disagree.len()).cmp(&x.agree.len().min(x.disagree.len())).then(x.concept.cmp(&y.concept)));
    conflicts
        .sort_by(|x, y| weight(&y.concept).cmp(&weight(&x.concept)).then_with(|| (&x.concept, &x.a, &x.b).cmp(&(&y.concept, &y.a, &y.b))));
    congruences.sort();
    Divergence { contested, conflicts, congruences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str, codebook: &Codebook) -> Report {
        let lex = Lexicon::default_lexicon();
        let doc = Document::new("d", text);
        let atts = crate::attributions(&doc, &lex);
        let mut b = ReportBuilder::new(&lex, codebook);
        b.add(&doc, &atts);
        b.finish(&ReportOptions::default())
    }

    #[test]
    fn put_in_order_moves_each_item_to_its_place() {
        for order in [vec![], vec![0], vec![2, 0, 1], vec![1, 0, 3, 2, 4], vec![4, 3, 2, 1, 0], vec![0, 2, 3, 1]] {
            let mut items: Vec<usize> = (0..order.len()).map(|k| k * 10).collect();
            let want: Vec<usize> = order.iter().map(|&k| k * 10).collect();
            put_in_order(&mut items, &mut order.clone());
            assert_eq!(items, want, "{order:?}");
        }
    }

    #[test]
    fn opposite_stances_on_a_concept_are_a_conflict() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Finance Minister Ann Lee said the government must raise taxes. Opposition leader Tom Hale said he would oppose any new taxes.",
            &cb,
        );
        assert_eq!(r.divergence.contested.len(), 1, "{:#?}", r.statements);
        let c = &r.divergence.conflicts[0];
        assert_eq!((c.a_name.as_str(), c.b_name.as_str()), ("Ann Lee", "Tom Hale"));
        assert_eq!(c.concept, "concept:economy");
    }

    #[test]
    fn each_speaker_of_a_list_makes_the_statement_and_takes_the_stance() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Finance Minister Ann Lee said the government must raise taxes. \
             Tom Hale and Bo Ray said they would oppose any new taxes, but Ann Lee disagreed.",
            &cb,
        );
        let said: Vec<(&str, &str)> = r.statements.iter().map(|s| (s.id.as_str(), s.speaker_name.as_deref().unwrap_or(""))).collect();
        assert_eq!(said[1..3], [("stmt:d:0002", "Bo Ray"), ("stmt:d:0002.2", "Tom Hale")], "{said:?}");
        assert!(r.statements.windows(2).all(|w| w[0].id < w[1].id));
        let mut pairs: Vec<(&str, &str)> = r.divergence.conflicts.iter().map(|c| (c.a_name.as_str(), c.b_name.as_str())).collect();
        pairs.sort();
        assert_eq!(pairs, [("Ann Lee", "Bo Ray"), ("Ann Lee", "Tom Hale")]);
        // speakers of one list are not set against each other by the sentence's "but"
        let by_id = |id: &str| r.statements.iter().find(|s| s.id == id).and_then(|s| s.speaker_name.clone());
        assert!(r.contrasts.iter().all(|c| (by_id(&c.a), by_id(&c.b)) != (Some("Bo Ray".into()), Some("Tom Hale".into()))));
    }

    #[test]
    fn ids_are_stable_and_lists_sorted() {
        let cb = Codebook::default_codebook();
        let r = report("“Taxes must fall,” said Ann Lee of the Treasury. “Taxes must rise,” said Bob Stone.", &cb);
        assert!(r.people.iter().any(|p| p.id == "person:ann-lee"));
        assert!(r.statements.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(r.statements[0].id, "stmt:d:0001");
    }

    #[test]
    fn criticising_the_plan_is_a_conflict_with_its_owner() {
        let cb = Codebook::default_codebook();
        let text = "New housing plans were unveiled by the Republicans on Monday. The Republicans said the homes would be cheap. \
                    Green spokesman Tom Hale said the plan was dangerous.";
        let r = report(text, &cb);
        let pairs: Vec<(&str, &str)> = r.divergence.conflicts.iter().map(|c| (c.a_name.as_str(), c.b_name.as_str())).collect();
        assert!(pairs.contains(&("Republican Party", "Tom Hale")), "{pairs:?} {:#?}", r.statements);
        // a plan nobody was named with is aimed at nobody
        let r = report("New housing plans were unveiled on Monday. The Republicans said the homes would be cheap. Tom Hale said the plan was dangerous.", &cb);
        assert!(r.divergence.conflicts.is_empty(), "{:#?}", r.divergence.conflicts);
    }

    #[test]
    fn a_plan_referred_back_to_puts_its_critic_on_its_topic() {
        let cb = Codebook::default_codebook();
        let text = "Ann Lee said she supports a new hospital. The council unveiled plans for the hospital on Monday. \
                    Tom Hale said the scheme was a waste of money.";
        let r = report(text, &cb);
        let pairs: Vec<(&str, &str, &str)> =
            r.divergence.conflicts.iter().map(|c| (c.a_name.as_str(), c.b_name.as_str(), c.concept.as_str())).collect();
        assert_eq!(pairs, [("Ann Lee", "Tom Hale", "concept:health")], "{:#?}", r.statements);
    }

    #[test]
    fn naming_someone_in_a_criticism_is_a_conflict_with_them() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Prime Minister Tom Hale said the new hospital would open in May. Opposition leader Ann Lee said Mr Hale's plan was a mistake.",
            &cb,
        );
        let c = r
            .divergence
            .conflicts
            .iter()
            .find(|c| c.concept == "concept:position-of-tom-hale")
            .unwrap_or_else(|| panic!("{:#?}", r.divergence));
        assert_eq!((c.a_name.as_str(), c.b_name.as_str()), ("Ann Lee", "Tom Hale"));
        assert!(r.concepts.iter().any(|k| k.label == "Tom Hale's position"));
    }

    #[test]
    fn criticising_a_party_is_a_conflict_with_its_speakers() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Labour MP Tom Hale said the new hospital would open in May. Liberal Democrat spokesman Ann Lee said the Labour plans were a shambles.",
            &cb,
        );
        let pairs = pairs(&r);
        assert!(pairs.contains(&("Ann Lee", "Tom Hale")), "{pairs:?}");
        // a word against a policy, not a person, criticises nobody
        let r =
            report("Labour MP Tom Hale said the plan would help. Ann Lee said the fight against poverty in Labour areas would go on.", &cb);
        assert!(r.divergence.conflicts.iter().all(|c| c.concept != "concept:position-of-tom-hale"), "{:#?}", r.divergence);
    }

    fn pairs(r: &Report) -> Vec<(&str, &str)> {
        r.divergence.conflicts.iter().map(|c| (c.a_name.as_str(), c.b_name.as_str())).collect()
    }

    #[test]
    fn telling_another_actor_what_to_do_is_a_conflict_with_them() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Labour MP Tom Hale said the new hospital would open in May. Green spokesman Ann Lee said: \"Labour should have the courage \
             to listen to the nurses.\"",
            &cb,
        );
        assert!(pairs(&r).contains(&("Ann Lee", "Tom Hale")), "{:#?}", r.statements);
        // one's own side, or praise
        for said in ["We should listen to the nurses.", "Labour should be congratulated on this excellent hospital."] {
            let r = report(
                &format!("Labour MP Tom Hale said the new hospital would open in May. Green spokesman Ann Lee said: \"{said}\""),
                &cb,
            );
            assert!(!pairs(&r).contains(&("Ann Lee", "Tom Hale")), "{said} {:#?}", r.divergence);
        }
    }

    #[test]
    fn a_lower_case_word_before_a_name_is_no_given_name() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Former welfare minister Tom Hale MP criticised the reported rivalry between the pair on the radio. Ann Lee said the prime \
             minister should sack Mr Stone.",
            &cb,
        );
        assert!(
            r.divergence.conflicts.iter().all(|c| !c.a_name.contains("Hale") && !c.b_name.contains("Hale")),
            "{:#?} {:#?}",
            r.people,
            r.divergence
        );
    }

    #[test]
    fn a_cue_against_may_run_on_into_the_words() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Labour MP Ann Lee said a vote for the Greens would mean more traffic. Green leader Tom Hale said people were sceptical \
             about tax. But he brushed off Labour suggestions a vote for his party would mean \"more traffic\".",
            &cb,
        );
        assert!(pairs(&r).contains(&("Ann Lee", "Tom Hale")), "{:#?}", r.statements);
    }

    #[test]
    fn denying_his_claims_sets_the_speaker_against_who_made_them() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Opposition leader Ann Lee said the new bridge would cost twice as much. Her claims were denied by Transport Minister Tom Hale.",
            &cb,
        );
        assert!(pairs(&r).contains(&("Ann Lee", "Tom Hale")), "{:#?}", r.statements);
        // bare "suggestions" point back at nobody
        let r = report(
            "Green leader Tom Hale said people were sceptical about tax. Ann Lee said the bridge would open in May. \
             But he brushed off suggestions a vote for his party would mean \"more traffic\".",
            &cb,
        );
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
    }

    #[test]
    fn turning_down_what_was_said_before_is_a_conflict_with_who_said_it() {
        let cb = Codebook::default_codebook();
        let first = "Opposition leader Ann Lee said the mayor would have to raise fares next year.";
        let r = report(&format!("{first} Mayor Tom Hale slaps that aside, claiming his figures are sound."), &cb);
        assert_eq!(r.contrasts.len(), 1, "{:#?}", r.statements);
        assert_eq!(r.contrasts[0].marker, "slaps that aside");
        assert!(pairs(&r).contains(&("Ann Lee", "Tom Hale")), "{:?}", pairs(&r));
        // turning down something else is not
        let r = report(&format!("{first} Mayor Tom Hale denied wrongdoing, claiming his figures are sound."), &cb);
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
        // nor what was not said in the sentence just before, nor a denial alongside another
        let r = report(&format!("{first} There were rumours Tom Hale would quit. But he denied that, saying he was happy to stay."), &cb);
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
        let r = report(
            "The Home Office denied the claims, made in a new book. Mayor Tom Hale also denied them, saying he was not involved.",
            &cb,
        );
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
    }

    #[test]
    fn a_speaker_quoted_inside_a_criticism_is_not_its_target() {
        let cb = Codebook::default_codebook();
        let r = report(
            "The Home Office said the leaflet was sent to every home. Ann Lee said the leaflet, which the Home Office says cost £2m, was a waste.",
            &cb,
        );
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
    }

    #[test]
    fn a_cue_aims_at_whom_its_first_words_name() {
        let cb = Codebook::default_codebook();
        let r = report(
            "The Labour Party said the new road would ruin the valley. The Liberal Democrats said the road would help. \
             Mayor Tom Hale dismissed Labour claims that the Liberal Democrats had broken their promise.",
            &cb,
        );
        let p = pairs(&r);
        assert!(p.contains(&("Labour Party", "Tom Hale")), "{p:?}");
        assert!(!p.contains(&("Liberal Democrats", "Tom Hale")), "{p:?}");
    }

    #[test]
    fn criticising_some_members_is_no_conflict_with_their_party() {
        let cb = Codebook::default_codebook();
        let r = report(
            "The Labour Party said the plan was fair. Mayor Tom Hale dismissed fears from some Labour members that the plan was too timid.",
            &cb,
        );
        assert!(pairs(&r).is_empty(), "{:?}", pairs(&r));
        let some_of = &cb.polarity.some_of;
        assert_eq!(without_members("fears from some senior Tories that it fails", some_of), "fears from that it fails");
        assert_eq!(without_members("many, Labour said", some_of), "many, Labour said");
    }

    #[test]
    fn praise_and_criticism_of_the_same_person_conflict() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Prime Minister Tom Hale said Paul Ode had made an exceptional contribution. Opposition leader Ann Lee said the appointment of Paul Ode was a disgrace. Paul Ode said he was honoured.",
            &cb,
        );
        let pairs = pairs(&r);
        assert!(pairs.contains(&("Ann Lee", "Paul Ode")), "{pairs:?}");
        assert!(pairs.contains(&("Ann Lee", "Tom Hale")), "{pairs:?}");
        assert!(!pairs.contains(&("Paul Ode", "Tom Hale")), "{pairs:?}");
    }

    #[test]
    fn groups_and_documents_that_speak_are_not_called_organizations() {
        let cb = Codebook::default_codebook();
        let r = report(
            "Critics say the new hospital will open late. Official figures show that waiting lists grew last year. The Labour Party said the plan had failed.",
            &cb,
        );
        let kind = |name: &str| r.organizations.iter().find(|o| o.name.contains(name)).map(|o| o.kind.as_str());
        assert_eq!(kind("Critics"), Some("group"), "{:#?}", r.organizations);
        assert_eq!(kind("figures"), Some("document"), "{:#?}", r.organizations);
        assert_eq!(kind("Labour"), Some("party"), "{:#?}", r.organizations);
    }

    #[test]
    fn a_filter_keeps_only_its_speakers_and_concepts() {
        let cb = Codebook::default_codebook();
        let lex = Lexicon::default_lexicon();
        let doc = Document::new("d", "Finance Minister Ann Lee said the government must raise taxes. Opposition leader Tom Hale said he would oppose any new taxes and more troops.");
        let atts = crate::attributions(&doc, &lex);
        let mut b = ReportBuilder::new(&lex, &cb);
        b.add(&doc, &atts);
        let filter = Filter { speakers: vec!["Hale".into()], concepts: vec!["security".into()], ..Filter::default() };
        let r = b.finish(&ReportOptions { filter, ..ReportOptions::default() });
        assert_eq!(r.statements.len(), 1);
        assert_eq!(r.statements[0].speaker_name.as_deref(), Some("Tom Hale"));
        assert!(r.statements[0].codes.iter().all(|c| c.concept == "concept:security"));
        assert!(r.divergence.conflicts.is_empty());
    }

    #[test]
    fn a_date_filter_keeps_documents_in_range() {
        let f = Filter { from: Some("2015-11-09".into()), to: Some("2015-11".into()), ..Filter::default() };
        let d = |date: Option<&str>| DocInfo { id: "x".into(), title: None, source: None, date: date.map(str::to_string) };
        assert!(f.keeps_document(&d(Some("2015-11-10"))));
        assert!(f.keeps_document(&d(Some("2015-11-30"))));
        assert!(!f.keeps_document(&d(Some("2015-11-08"))));
        assert!(!f.keeps_document(&d(Some("2015-12-01"))));
        assert!(!f.keeps_document(&d(None)));
    }

    #[test]
    fn windows_by_week_month_and_year() {
        let w = |date: &str, size| window_of(date, size).map(|(k, a, b)| format!("{k} {a} {b}"));
        assert_eq!(w("2015-11-09", WindowSize::Week).as_deref(), Some("2015-W46 2015-11-09 2015-11-15"));
        assert_eq!(w("2015-11-15T23:59:59+05:00", WindowSize::Week).as_deref(), Some("2015-W46 2015-11-09 2015-11-15"));
        assert_eq!(w("2014-12-31", WindowSize::Week).as_deref(), Some("2015-W01 2014-12-29 2015-01-04"));
        assert_eq!(w("2016-01-03", WindowSize::Week).as_deref(), Some("2015-W53 2015-12-28 2016-01-03"));
        assert_eq!(w("2016-02-10", WindowSize::Month).as_deref(), Some("2016-02 2016-02-01 2016-02-29"));
        assert_eq!(w("2015-12", WindowSize::Month).as_deref(), Some("2015-12 2015-12-01 2015-12-31"));
        assert_eq!(w("2016-01-03", WindowSize::Year).as_deref(), Some("2016 2016-01-01 2016-12-31"));
        assert_eq!(w("2015", WindowSize::Year).as_deref(), Some("2015 2015-01-01 2015-12-31"));
        for (date, size) in [
            ("2015", WindowSize::Month),
            ("2015-11", WindowSize::Week),
            ("2015-13", WindowSize::Month),
            ("2015-02-30", WindowSize::Year),
            ("9 Nov 2015", WindowSize::Year),
            ("", WindowSize::Year),
        ] {
            assert_eq!(w(date, size), None, "{date:?}");
        }
    }

    #[test]
    fn windows_slice_the_matrix_by_document_date() {
        let cb = Codebook::default_codebook();
        let lex = Lexicon::default_lexicon();
        let texts = [
            ("a", Some("2015-11-02"), "Finance Minister Ann Lee said the government must raise taxes."),
            ("b", Some("2015-11-20T10:00:00Z"), "Opposition leader Tom Hale said he would oppose any new taxes."),
            ("c", Some("2015-12-01"), "Ann Lee said the government must raise taxes. Later she said the government must raise taxes soon."),
            ("d", None, "Tom Hale said he would oppose any new taxes."),
            ("e", Some("soon"), "The weather was fine."),
        ];
        let build = |count: Count, window: Option<WindowSize>| {
            let mut b = ReportBuilder::new(&lex, &cb);
            for (id, date, text) in texts {
                let mut doc = Document::new(id, text);
                doc.date = date.map(str::to_string);
                let atts = crate::attributions(&doc, &lex);
                b.add(&doc, &atts);
            }
            b.finish(&ReportOptions { count, window, ..ReportOptions::default() })
        };
        assert_eq!(build(Count::Document, None).windows, None);
        let r = build(Count::Document, Some(WindowSize::Month));
        assert_eq!(r.window, Some(WindowSize::Month));
        let ws = r.windows.as_ref().unwrap();
        let keys: Vec<(&str, Option<&str>, Option<&str>, u32)> =
            ws.iter().map(|w| (w.key.as_str(), w.start.as_deref(), w.end.as_deref(), w.documents)).collect();
        assert_eq!(
            keys,
            [
                ("2015-11", Some("2015-11-01"), Some("2015-11-30"), 2),
                ("2015-12", Some("2015-12-01"), Some("2015-12-31"), 1),
                ("undated", None, None, 2)
            ]
        );
        assert_eq!(ws.iter().map(|w| w.statements as usize).sum::<usize>(), r.statements.len());
        let nov = &ws[0].matrix;
        assert_eq!(nov.len(), 2, "{nov:#?}");
        assert!(nov.iter().any(|c| c.actor == "person:ann-lee" && c.agree == 1));
        assert!(nov.iter().any(|c| c.actor == "person:tom-hale" && c.disagree == 1));
        // the windows add up to the whole matrix, whichever way statements are counted
        for count in [Count::Document, Count::All] {
            let r = build(count, Some(WindowSize::Week));
            let mut sum: BTreeMap<(String, String), [u32; 3]> = BTreeMap::new();
            for c in r.windows.iter().flatten().flat_map(|w| &w.matrix) {
                let e = sum.entry((c.actor.clone(), c.concept.clone())).or_default();
                e[0] += c.agree;
                e[1] += c.disagree;
                e[2] += c.neutral;
            }
            let whole: BTreeMap<(String, String), [u32; 3]> =
                r.matrix.iter().map(|c| ((c.actor.clone(), c.concept.clone()), [c.agree, c.disagree, c.neutral])).collect();
            assert_eq!(sum, whole, "{count:?}");
        }
        // "All" counts Ann Lee's two statements of document c; "Document" her net stance there
        let dec = |r: &Report| r.windows.as_ref().unwrap()[1].matrix.iter().find(|c| c.actor == "person:ann-lee").map(|c| c.agree);
        assert_eq!(dec(&build(Count::Document, Some(WindowSize::Month))), Some(1));
        assert_eq!(dec(&build(Count::All, Some(WindowSize::Month))), Some(2));
    }

    #[test]
    fn contrast_links_statements_the_writer_set_against_each_other() {
        let cb = Codebook::default_codebook();
        let r = report("Ann Lee said the talks were useful. Meanwhile, Tom Hale said the talks had failed.", &cb);
        assert_eq!(r.contrasts.len(), 1);
        assert_eq!(r.contrasts[0].marker, "meanwhile");
        assert_eq!(r.divergence.conflicts.len(), 1);
        // neither takes a side nor judges: "But" turns to another topic
        let r = report("Ann Lee said the talks would resume in May. But Tom Hale said the talks would focus on trade.", &cb);
        assert_eq!(r.contrasts.len(), 1);
        assert!(r.divergence.conflicts.is_empty(), "{:#?}", r.divergence.conflicts);
    }

    /// A person as found: name, aliases, titles, organizations.
    type Found<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

    /// A report of people as found, each with one statement in a document of their own
    /// (document `d<i>` for the i-th person), agreeing (even i) or disagreeing (odd i)
    /// on the economy.
    fn found(people: &[Found]) -> Report {
        let mut r = Report::default();
        for (i, (name, aliases, titles, orgs)) in people.iter().enumerate() {
            let id = format!("person:{}", slug(name));
            let own = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
            r.people.push(PersonInfo {
                id: id.clone(),
                name: name.to_string(),
                aliases: own(aliases),
                titles: own(titles),
                organizations: own(orgs),
                merged: Vec::new(),
            });
            let doc = format!("d{i}");
            r.documents.push(DocInfo { id: doc.clone(), title: None, source: None, date: None });
            let stance = if i % 2 == 0 { Stance::Agree } else { Stance::Disagree };
            r.statements.push(StatementInfo {
                id: format!("stmt:{doc}:0001"),
                document: doc,
                speaker: Some(id),
                speaker_name: Some(name.to_string()),
                organization: orgs.first().map(|o| o.to_string()),
                content: "Taxes".into(),
                content_span: [0, 5],
                kind: crate::model::QuoteKind::Direct,
                cue: Some("said".into()),
                line: 1,
                codes: vec![crate::model::Code { concept: "concept:economy".into(), stance, evidence: "taxes".into() }],
                targets: Vec::new(),
            });
        }
        r.people.sort();
        r
    }

    fn finished(r: Report) -> Report {
        finalize(r, &Lexicon::default_lexicon(), &Codebook::default_codebook(), &ReportOptions::default(), None)
    }

    fn ids(r: &Report) -> Vec<&str> {
        r.people.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn a_surname_alone_merges_into_the_only_full_name_with_it() {
        let r = finished(found(&[
            ("Marta Kowalczyk", &[], &["Finance Minister"], &["org:treasury"]),
            ("Kowalczyk", &["Ms Kowalczyk"], &["minister"], &[]),
            ("Tom Hale", &[], &[], &[]),
        ]));
        assert_eq!(ids(&r), ["person:marta-kowalczyk", "person:tom-hale"]);
        let p = &r.people[0];
        assert_eq!(p.name, "Marta Kowalczyk");
        assert_eq!(p.aliases, ["Kowalczyk", "Ms Kowalczyk"]);
        assert_eq!(p.titles, ["Finance Minister", "minister"]);
        assert_eq!(p.organizations, ["org:treasury"]);
        let found: Vec<&str> = p.merged.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(found, ["person:kowalczyk", "person:marta-kowalczyk"]);
        assert!(p.merged.iter().all(|q| q.merged.is_empty()));
        // the statement keeps its id and the name it was resolved to, and counts for the merged person
        let s = r.statements.iter().find(|s| s.document == "d1").unwrap();
        assert_eq!(
            (s.id.as_str(), s.speaker.as_deref(), s.speaker_name.as_deref()),
            ("stmt:d1:0001", Some(p.id.as_str()), Some("Kowalczyk"))
        );
        assert!(r.matrix.iter().all(|c| c.actor != "person:kowalczyk"));
        assert!(r.matrix.iter().any(|c| c.actor == "person:marta-kowalczyk" && c.agree == 1 && c.disagree == 1));
        // her two statements take both sides, so she is on neither; Tom Hale (d2) agrees alone
        assert!(r.divergence.conflicts.is_empty(), "{:#?}", r.divergence);
    }

    #[test]
    fn a_surname_shared_by_several_full_names_stays_apart_unless_one_shares_an_organization() {
        let people: [Found; 3] = [
            ("Ann Lee", &[], &["Finance Minister"], &["org:treasury"]),
            ("Bob Lee", &[], &["analyst"], &["org:acme"]),
            ("Lee", &[], &[], &[]),
        ];
        let r = finished(found(&people));
        assert_eq!(ids(&r), ["person:ann-lee", "person:bob-lee", "person:lee"]);
        assert!(r.people.iter().all(|p| p.merged.is_empty()));
        // the surname's organization picks one of them
        let mut with_org = people;
        with_org[2].3 = &["org:acme"];
        let r = finished(found(&with_org));
        assert_eq!(ids(&r), ["person:ann-lee", "person:bob-lee"]);
        assert_eq!(r.people[1].aliases, ["Lee"]);
        assert_eq!(r.statements.iter().filter(|s| s.speaker.as_deref() == Some("person:bob-lee")).count(), 2);
        // so does a title, compared without case or accents
        let mut with_title = people;
        with_title[2].2 = &["finance minister"];
        assert_eq!(ids(&finished(found(&with_title))), ["person:ann-lee", "person:bob-lee"]);
        // but not when both share one with it
        let mut both = people;
        both[1].3 = &["org:acme", "org:treasury"];
        both[2].3 = &["org:treasury"];
        assert_eq!(ids(&finished(found(&both))).len(), 3);
    }

    #[test]
    fn a_given_name_alone_is_the_one_speaker_of_its_document_with_that_surname() {
        let cb = Codebook::default_codebook();
        let text = "Howard dismisses Tory road fears\n\nMayor Tom Howard has dismissed fears from some Conservatives that the road \
                    will ruin the valley. Ann Lee said the road was a waste of money.";
        let r = report(text, &cb);
        assert_eq!(ids(&r), ["person:ann-lee", "person:tom-howard"], "{:#?}", r.statements);
        assert!(r.statements.iter().all(|s| s.speaker.as_deref() != Some("person:howard")));
        // not when another speaker there has it for a given name
        let r = report(&format!("{text} Howard Lee said the road would help."), &cb);
        assert!(ids(&r).contains(&"person:howard"), "{:?}", ids(&r));
    }

    #[test]
    fn honorifics_suffixes_case_and_accents_do_not_keep_namesakes_apart() {
        let r = finished(found(&[
            ("Dr. Kemal Kılıçdaroğlu Jr.", &[], &[], &[]),
            ("Mr Kilicdaroglu", &[], &[], &[]),
            ("Ken MacDonald III", &[], &[], &[]),
            ("Macdonald", &["Mr Macdonald"], &[], &[]),
        ]));
        assert_eq!(ids(&r), ["person:dr-kemal-kılıçdaroğlu-jr", "person:ken-macdonald-iii"], "{:#?}", r.people);
        assert_eq!(r.people[0].aliases, ["Mr Kilicdaroglu"]);
        assert_eq!(r.people[1].aliases, ["Macdonald", "Mr Macdonald"]);
    }

    #[test]
    fn given_names_peers_acronyms_and_the_other_gender_are_not_surnames() {
        let r = finished(found(&[
            // "Sir Cameron" is Cameron Mackintosh, not James Cameron; Lord Browne is no Des Browne
            ("James Cameron", &[], &[], &[]),
            ("Cameron", &["Sir Cameron"], &[], &[]),
            ("Des Browne", &[], &[], &[]),
            ("Browne", &["Lord Browne"], &[], &[]),
            // Ms Abbott is not Greg Abbott
            ("Greg Abbott", &[], &[], &[]),
            ("Abbott", &["Ms Abbott"], &[], &[]),
            // a given name alone, an acronym, an organization the lexicon knows
            ("John", &[], &[], &[]),
            ("Elton John", &[], &[], &[]),
            ("NATO", &[], &[], &[]),
            ("Secretary NATO", &[], &[], &[]),
        ]));
        assert_eq!(r.people.len(), 10, "{:#?}", ids(&r));
        assert!(r.people.iter().all(|p| p.merged.is_empty()));
    }

    #[test]
    fn merging_shards_decides_again_over_all_their_people() {
        let all = [
            ("Ann Lee", &[][..], &[][..], &[][..]),
            ("Lee", &[], &[], &[]),
            ("Kemal Kilicdaroglu", &[], &[], &[]),
            ("Bob Lee", &[], &[], &[]),
            ("Kilicdaroglu", &[], &[], &[]),
        ];
        let lex = Lexicon::default_lexicon();
        let cb = Codebook::default_codebook();
        let one_run = finished(found(&all));
        // one run: "Lee" has two namesakes and stays apart; "Kilicdaroglu" merges
        assert_eq!(ids(&one_run), ["person:ann-lee", "person:bob-lee", "person:kemal-kilicdaroglu", "person:lee"]);
        // the shards: the first merges "Lee" into Ann Lee, which the merge takes apart
        let mut shards = Vec::new();
        for part in [&all[..2], &all[2..]] {
            let mut r = found(part);
            // documents numbered as in the one run
            let shift = if part.len() == 2 { 0 } else { 2 };
            for (d, s) in r.documents.iter_mut().zip(r.statements.iter_mut()) {
                let n: usize = d.id[1..].parse::<usize>().unwrap() + shift;
                d.id = format!("d{n}");
                s.document = d.id.clone();
                s.id = format!("stmt:d{n}:0001");
            }
            shards.push(finished(r));
        }
        assert_eq!(ids(&shards[0]), ["person:ann-lee"]);
        let mut again = merge(shards.clone(), &lex, &cb, &ReportOptions::default());
        assert_eq!(again, one_run);
        // and in any order, and merged twice
        shards.reverse();
        assert_eq!(merge(shards, &lex, &cb, &ReportOptions::default()), one_run);
        again = merge(vec![again.clone(), Report::default()], &lex, &cb, &ReportOptions::default());
        assert_eq!(again, one_run);
    }

    #[test]
    fn a_surname_in_one_article_and_the_full_name_in_another_are_one_person() {
        let lex = Lexicon::default_lexicon();
        let cb = Codebook::default_codebook();
        let mut b = ReportBuilder::new(&lex, &cb);
        for (id, text) in [
            ("a", "Finance Minister Marta Kowalczyk said the government must raise taxes."),
            ("b", "Kowalczyk said the budget was on schedule. “Nobody should doubt this plan,” Ms Kowalczyk added."),
        ] {
            let doc = Document::new(id, text);
            let atts = crate::attributions(&doc, &lex);
            b.add(&doc, &atts);
        }
        let r = b.finish(&ReportOptions::default());
        assert_eq!(ids(&r), ["person:marta-kowalczyk"]);
        assert_eq!(r.people[0].aliases, ["Kowalczyk", "Ms Kowalczyk"]);
        let speakers: Vec<(&str, Option<&str>)> = r.statements.iter().map(|s| (s.id.as_str(), s.speaker.as_deref())).collect();
        assert_eq!(
            speakers,
            [
                ("stmt:a:0001", Some("person:marta-kowalczyk")),
                ("stmt:b:0001", Some("person:marta-kowalczyk")),
                ("stmt:b:0002", Some("person:marta-kowalczyk"))
            ]
        );
    }

    #[test]
    fn names_the_lexicon_knows_for_one_organization_are_one_node() {
        let lex = Lexicon::default_lexicon();
        let cb = Codebook::default_codebook();
        let mut b = ReportBuilder::new(&lex, &cb);
        for (id, text) in [("a", "Number 10 said the plan would go ahead."), ("b", "Downing Street said the plan was on schedule.")] {
            let doc = Document::new(id, text);
            let atts = crate::attributions(&doc, &lex);
            b.add(&doc, &atts);
        }
        let r = b.finish(&ReportOptions::default());
        let orgs: Vec<(&str, &str, &str)> = r.organizations.iter().map(|o| (o.id.as_str(), o.name.as_str(), o.kind.as_str())).collect();
        assert_eq!(orgs, [("org:downing-street", "Downing Street", "government")]);
        assert!(r.statements.iter().all(|s| s.speaker.as_deref() == Some("org:downing-street")), "{:#?}", r.statements);
        assert_eq!(r.statements.len(), 2);
    }
}
