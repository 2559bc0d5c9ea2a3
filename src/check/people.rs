//! `title-mismatch`, `not-in-roster` and `roster-title`: what the articles call people.
//!
//! A person here is a speaker the article names with a full name (two words or
//! more), with the title and organization resolution gives the name. Two titles
//! agree when the title words of one (roles and their modifiers, synonyms replaced,
//! `title_synonyms` in `data/lexicon/sources.toml`) are all among those of the other
//! ("Chancellor" and "Chancellor of the Exchequer", "Hearts boss" and "Hearts
//! manager"), or when one ends in a generic word (`generic_titles`: a "leader", a
//! "head", a "home affairs spokesman" says what a person does, not which office);
//! two organizations agree
//! when one name holds the other or is its initials. An organization is compared only when it reads as a name
//! (its longer words capitalized) and when the mention or its apposition names it
//! ("French President Jacques Chirac", "Ann Lee, a director at Acme"): an
//! organization the resolver guessed from the rest of the sentence is not compared.
//!
//! - **title-mismatch** in one article: a mention whose title or organization
//!   disagrees with the first one the article gave the person; across articles, the
//!   first title (and organization) each article gives, compared with the last
//!   article before it, in date order, that gave one.
//! - **not-in-roster**: with `--roster`, a named speaker whose name (or alias, or a
//!   surname alone that ends a roster name) the roster does not list, once per article.
//! - **name-spelling**: a named speaker whose surname, as written at this mention, is
//!   one letter off the surname of the full name resolution gave them (a letter
//!   changed, added, dropped or two swapped: "Mr Barrioneuvo" after "Jose
//!   Barrionuevo"), once per spelling; straight and curly apostrophes count as one.
//! - **roster-title**: with `--roster`, a title (or organization) the article gives a
//!   roster person that agrees with none of the roster's titles held on the article's
//!   date (any of their titles when the article is undated).

use std::collections::{BTreeMap, BTreeSet};

use super::roster::{Member, Roster};
use super::{collapse, speaker_key, Ctx, Flag, FlagKind, Place};
use crate::lexicon::Lexicon;
use crate::model::{Mention, MentionKind};

/// Words a title may hold or lack and still be the same title.
const TITLE_GLUE: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "of", "and", "for", "to", "at", "in", "on", "'s"];
/// Titles longer than this are a clause the resolver took for a title.
const MAX_TITLE_WORDS: usize = 6;

/// One named person's title and organization at one mention.
#[derive(Debug, Clone)]
pub(crate) struct Titled {
    key: String,
    title: Option<String>,
    org: Option<String>,
    place: Place,
    span: [usize; 2],
}

/// The words of a title as compared: lower case, hyphenated words split, possessive
/// endings dropped ("EA's director-general" → "ea", "director", "general").
///
/// ```
/// assert_eq!(quotegraph::check::title_key_words("EA's Director-General"), vec!["ea", "director", "general"]);
/// ```
pub fn title_key_words(t: &str) -> Vec<String> {
    crate::segment::words_of(t)
        .into_iter()
        .flat_map(|w| w.split(['-', '‐']).map(str::to_string).collect::<Vec<_>>())
        .map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            w.strip_suffix("'s").map(str::to_string).unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words that tell titles apart, in order: the title's words with synonyms replaced
/// by the word that stands for them, then only words of titles (roles and their
/// modifiers), so that names in a title ("**Hearts** manager") do not count.
fn title_words(t: &str, lex: &Lexicon) -> Vec<String> {
    let words = title_key_words(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match lex.checks.title_synonyms.iter().find(|(f, _)| words[i..].starts_with(f)) {
            Some((f, canon)) => {
                out.extend(canon.iter().cloned());
                i += f.len();
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out.retain(|w| lex.title_words.contains(w) && !TITLE_GLUE.contains(&w.as_str()));
    out
}

/// True when two titles may be the same office (see the module).
pub(crate) fn titles_agree(a: &str, b: &str, lex: &Lexicon) -> bool {
    let (a, b) = (title_words(a, lex), title_words(b, lex));
    let generic = |t: &[String]| t.last().is_some_and(|w| lex.checks.generic_titles.contains(w));
    let (sa, sb): (BTreeSet<&String>, BTreeSet<&String>) = (a.iter().collect(), b.iter().collect());
    sa.is_subset(&sb) || sb.is_subset(&sa) || generic(&a) || generic(&b)
}

/// True when two organization names may name the same body: one holds the other, or
/// one is the initials of the other ("Elspa", "Entertainment and Leisure Software
/// Publishers Association").
pub(crate) fn orgs_agree(a: &str, b: &str) -> bool {
    let initials = |s: &str| -> String {
        crate::segment::words_of(s)
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let acronym = |x: &str, y: &str| !x.contains(' ') && x.chars().count() >= 2 && initials(y) == x.to_lowercase();
    let (ka, kb) = (speaker_key(a), speaker_key(b));
    ka.contains(&kb) || kb.contains(&ka) || acronym(a, b) || acronym(b, a)
}

/// True when the mention itself (or its apposition) names `org`, by name, alias or
/// nationality ("French President …" names France): an organization the resolver
/// took from elsewhere in the sentence is a guess, not what the article calls the person.
fn org_named(cx: &Ctx, m: &Mention, org: &str) -> bool {
    let lex = cx.rules.lex;
    for sp in [Some(m.span), m.apposition].into_iter().flatten() {
        if sp.of(cx.text()).to_lowercase().contains(&org.to_lowercase()) {
            return true;
        }
        let words: Vec<&str> = cx
            .tokens_in(sp)
            .filter(|&k| cx.seg.tokens[k].is_word())
            .map(|k| {
                let w = cx.seg.text(k);
                w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
            })
            .collect();
        for i in 0..words.len() {
            for n in 1..=lex.max_known_words.min(words.len() - i) {
                if lex.lookup(&words[i..i + n].join(" ")).is_some_and(|k| lex.orgs[k.org].name == org) {
                    return true;
                }
            }
        }
    }
    false
}

/// A title worth comparing: a few words ending in a role ("Hearts manager", not "Lady"
/// or "presented the best actress award"), with no clause word.
fn usable_title(t: &str, lex: &Lexicon) -> bool {
    let words = title_key_words(t);
    words.len() <= MAX_TITLE_WORDS
        && !crate::segment::words_of(t).iter().all(|w| lex.is_honorific(w))
        && words.last().is_some_and(|w| lex.role_heads.contains(w) || lex.checks.title_synonyms.iter().any(|(f, _)| f.last() == Some(w)))
        && !words.iter().any(|w| lex.checks.clause_words.contains(w))
        && !title_words(t, lex).is_empty()
}

/// An organization worth comparing: it reads as a name.
fn usable_org(o: &str) -> bool {
    let words = crate::segment::words_of(o);
    !words.is_empty()
        && words.len() <= MAX_TITLE_WORDS
        && words.iter().filter(|w| w.chars().count() >= 4).all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn describe(title: Option<&str>, org: Option<&str>) -> String {
    match (title, org) {
        (Some(t), Some(o)) => format!("{t}, {o}"),
        (Some(t), None) => t.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => String::new(),
    }
}

/// Every distinct (person, title, organization) the document gives a named speaker, in text order.
pub(crate) fn titled(cx: &Ctx) -> Vec<Titled> {
    let lex = cx.rules.lex;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for a in cx.atts {
        let Some(m) = a.mention.as_ref().filter(|m| m.kind == MentionKind::Name) else { continue };
        let Some(name) = a.speaker.name.as_deref().filter(|n| !a.speaker.is_org && n.contains(' ')) else { continue };
        let title = a.speaker.title.as_deref().filter(|t| usable_title(t, lex)).map(collapse);
        let org = a.speaker.org.as_deref().filter(|o| usable_org(o) && org_named(cx, m, o)).map(collapse);
        if title.is_none() && org.is_none() {
            continue;
        }
        let key = speaker_key(name);
        if !seen.insert((key.clone(), title.clone(), org.clone())) {
            continue;
        }
        let place = cx.place(m.span, Some(name.to_string()), describe(title.as_deref(), org.as_deref()));
        out.push(Titled { key, title, org, place, span: cx.lines.span(m.span) });
    }
    out
}

/// `name-spelling`: speakers whose surname is written one slip off their name.
pub(crate) fn spelling(cx: &Ctx) -> Vec<Flag> {
    let text = cx.text();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut atts: Vec<_> = cx.atts.iter().filter(|a| !a.speaker.is_org).collect();
    atts.sort_by_key(|a| a.mention.as_ref().map(|m| m.span.start));
    for a in &atts {
        let Some(m) = a.mention.as_ref().filter(|m| m.kind == MentionKind::Name) else { continue };
        let Some(name) = a.speaker.name.as_deref().filter(|n| n.contains(' ')) else { continue };
        let surname = name.rsplit(' ').next().unwrap_or(name).replace('’', "'");
        let head = m.head.of(text);
        let Some(written) = head.split_whitespace().next_back() else { continue };
        let written = written.replace('’', "'");
        let written = written.strip_suffix("'s").unwrap_or(&written);
        if written == surname || !crate::resolve::misspelt(&surname, written) || !seen.insert((name, written.to_string())) {
            continue;
        }
        // where the article spells it as in the name
        let right = atts.iter().filter_map(|b| b.mention.as_ref().filter(|_| b.speaker.name.as_deref() == Some(name))).find(|bm| {
            bm.head.of(text).split_whitespace().next_back().is_some_and(|w| w.replace('’', "'").trim_end_matches("'s") == surname)
        });
        let mut note = format!("“{written}” here, one letter off “{surname}” in the name {name}");
        let other = right.map(|bm| cx.place(bm.span, Some(name.to_string()), bm.span.of(text).to_string()));
        if let Some(o) = &other {
            note.push_str(&format!(" at {}", o.label()));
        }
        let mut f = cx.flag(FlagKind::NameSpelling, m.span, m.span.of(text).to_string(), Some(name.to_string()), note);
        f.other = other;
        out.push(f);
    }
    out
}

/// The flag when `now` disagrees with `before` (on the title, the organization or both).
fn mismatch(now: &Titled, before_title: Option<&Titled>, before_org: Option<&Titled>, lex: &Lexicon) -> Option<Flag> {
    let t = match (now.title.as_deref(), before_title) {
        (Some(x), Some(b)) if !titles_agree(x, b.title.as_deref().unwrap_or(""), lex) => Some(b),
        _ => None,
    };
    let o = match (now.org.as_deref(), before_org) {
        (Some(x), Some(b)) if !orgs_agree(x, b.org.as_deref().unwrap_or("")) => Some(b),
        _ => None,
    };
    let name = now.place.speaker.clone().unwrap_or_default();
    let (words, note, other) = match (t, o) {
        (Some(b), _) => {
            let mut note = format!(
                "{name} is “{}” here but “{}” at {}",
                now.title.as_deref().unwrap_or(""),
                b.title.as_deref().unwrap_or(""),
                b.place.label()
            );
            if let Some(ob) = o {
                note.push_str(&format!(
                    "; of “{}” here but of “{}” at {}",
                    now.org.as_deref().unwrap_or(""),
                    ob.org.as_deref().unwrap_or(""),
                    ob.place.label()
                ));
            }
            (describe(now.title.as_deref(), o.and(now.org.as_deref())), note, b)
        }
        (None, Some(b)) => (
            now.org.clone().unwrap_or_default(),
            format!(
                "{name} is of “{}” here but of “{}” at {}",
                now.org.as_deref().unwrap_or(""),
                b.org.as_deref().unwrap_or(""),
                b.place.label()
            ),
            b,
        ),
        (None, None) => return None,
    };
    let mut f = Flag::at(&now.place, now.span, FlagKind::TitleMismatch, note);
    f.words = words;
    f.other = Some(other.place.clone());
    Some(f)
}

/// `title-mismatch` inside one document: each mention against the first title and
/// the first organization the document gave the person.
pub(crate) fn within(titled: &[Titled], lex: &Lexicon) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut first: BTreeMap<&str, (Option<&Titled>, Option<&Titled>)> = BTreeMap::new();
    for t in titled {
        let e = first.entry(t.key.as_str()).or_default();
        out.extend(mismatch(t, e.0, e.1, lex));
        if e.0.is_none() && t.title.is_some() {
            e.0 = Some(t);
        }
        if e.1.is_none() && t.org.is_some() {
            e.1 = Some(t);
        }
    }
    out
}

/// `title-mismatch` across documents: `titled` holds each document's entries with the
/// document's rank in date order.
pub(crate) fn across(titled: Vec<(usize, Titled)>, lex: &Lexicon) -> Vec<Flag> {
    let mut by_person: BTreeMap<String, Vec<(usize, Titled)>> = BTreeMap::new();
    for (rank, t) in titled {
        by_person.entry(t.key.clone()).or_default().push((rank, t));
    }
    let mut out = Vec::new();
    for (_, mut entries) in by_person {
        entries.sort_by_key(|e| (e.0, e.1.place.line, e.1.place.column));
        // per document: its first title and its first organization
        let mut last_title: Option<(usize, &Titled)> = None;
        let mut last_org: Option<(usize, &Titled)> = None;
        let mut k = 0;
        while k < entries.len() {
            let rank = entries[k].0;
            let doc: Vec<&Titled> = entries[k..].iter().take_while(|e| e.0 == rank).map(|e| &e.1).collect();
            k += doc.len();
            let title = doc.iter().find(|t| t.title.is_some()).copied();
            let org = doc.iter().find(|t| t.org.is_some()).copied();
            let bt = last_title.filter(|(r, _)| *r != rank).map(|(_, t)| t);
            let bo = last_org.filter(|(r, _)| *r != rank).map(|(_, t)| t);
            match (title, org) {
                (Some(t), Some(o)) if std::ptr::eq(t, o) => out.extend(mismatch(t, bt, bo, lex)),
                _ => {
                    if let Some(t) = title {
                        out.extend(mismatch(t, bt, None, lex));
                    }
                    if let Some(o) = org {
                        let only_org = Titled { title: None, ..o.clone() };
                        out.extend(mismatch(&only_org, None, bo, lex));
                    }
                }
            }
            if let Some(t) = title {
                last_title = Some((rank, t));
            }
            if let Some(o) = org {
                last_org = Some((rank, o));
            }
        }
    }
    out
}

/// The roster person a speaker name stands for: by name or alias, or a surname alone
/// that ends exactly one roster name.
fn member<'r>(roster: &'r Roster, name: &str) -> Option<&'r Member> {
    roster.find(name).or_else(|| {
        if name.contains(' ') {
            return None;
        }
        let mut hits = roster.people.iter().filter(|p| p.name.rsplit(' ').next().is_some_and(|s| s.eq_ignore_ascii_case(name)));
        let hit = hits.next()?;
        hits.next().is_none().then_some(hit)
    })
}

/// `not-in-roster` and `roster-title` for one document.
pub(crate) fn roster_flags(cx: &Ctx, roster: &Roster) -> Vec<Flag> {
    let lex = cx.rules.lex;
    let mut out = Vec::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut titled: BTreeSet<(String, Option<String>, Option<String>)> = BTreeSet::new();
    for a in cx.atts {
        let Some(m) = a.mention.as_ref().filter(|m| matches!(m.kind, MentionKind::Name)) else { continue };
        let Some(name) = a.speaker.name.as_deref().filter(|_| !a.speaker.is_org) else { continue };
        let Some(p) = member(roster, name) else {
            if named.insert(speaker_key(name)) {
                let note = format!("{name} is not in the roster");
                out.push(cx.flag(FlagKind::NotInRoster, m.head, name.to_string(), Some(name.to_string()), note));
            }
            continue;
        };
        let title = a.speaker.title.as_deref().filter(|t| usable_title(t, lex)).map(collapse);
        let org = a.speaker.org.as_deref().filter(|o| usable_org(o)).map(collapse);
        if (title.is_none() && org.is_none()) || p.titles.is_empty() || !titled.insert((p.name.clone(), title.clone(), org.clone())) {
            continue;
        }
        let held = p.titles_on(cx.date.as_deref());
        let agrees = held.iter().any(|h| {
            title.as_deref().is_none_or(|t| titles_agree(t, &h.title, lex))
                && org.as_deref().is_none_or(|o| h.organization.as_deref().is_none_or(|ho| orgs_agree(o, ho)))
                && (title.is_some() || h.organization.is_some())
        });
        if agrees {
            continue;
        }
        let when = cx.date.as_deref().map_or("in the roster".to_string(), |d| format!("in the roster on {d}"));
        let listed = if held.is_empty() {
            "no title".to_string()
        } else {
            held.iter().map(|h| format!("“{}”", describe(Some(&h.title), h.organization.as_deref()))).collect::<Vec<_>>().join(" or ")
        };
        let given = describe(title.as_deref(), org.as_deref());
        let note = format!("{} is “{given}” here but {listed} {when}", p.name);
        out.push(cx.flag(FlagKind::RosterTitle, m.span, given, Some(name.to_string()), note));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check, Rules};
    use crate::model::Document;

    #[test]
    fn titles_agree_when_one_holds_the_other() {
        let lex = Lexicon::default_lexicon();
        let agree = |a: &str, b: &str| titles_agree(a, b, &lex);
        assert!(agree("Chancellor", "Chancellor of the Exchequer"));
        assert!(agree("leader", "His party leader"));
        assert!(agree("Foreign Secretary", "foreign secretary"));
        assert!(agree("Culture Secretary", "Jowell's Culture Secretary"));
        assert!(!agree("Foreign Secretary", "Home Secretary"));
        assert!(!agree("coach", "chairman"));
        assert!(!agree("Foreign Minister", "Agriculture Minister"));
    }

    #[test]
    fn synonyms_and_names_in_titles_do_not_make_a_mismatch() {
        let lex = Lexicon::default_lexicon();
        let agree = |a: &str, b: &str| titles_agree(a, b, &lex);
        assert!(agree("Hearts manager", "Hearts boss"));
        assert!(agree("Acme boss", "chief executive"));
        assert!(agree("Former WorldCom chief", "former WorldCom boss"));
        assert!(agree("director-general", "CBI director general"));
        assert!(agree("foreign minister", "Foreign Secretary"));
        assert!(agree("Former WorldCom chief", "ex-boss"));
        assert!(!agree("Tigers coach", "Tigers captain"));
    }

    #[test]
    fn a_generic_title_agrees_with_any_office() {
        let lex = Lexicon::default_lexicon();
        let agree = |a: &str, b: &str| titles_agree(a, b, &lex);
        assert!(agree("Unison leader", "general secretary"));
        assert!(agree("home affairs spokesman", "shadow home secretary"));
        assert!(!agree("Education Secretary", "Home Secretary"));
        assert!(!agree("coach", "director"));
    }

    #[test]
    fn only_titles_ending_in_a_role_are_compared() {
        let lex = Lexicon::default_lexicon();
        assert!(usable_title("Hearts boss", &lex) && usable_title("Foreign Secretary", &lex));
        for t in ["Lady", "international", "presented the best actress award", "will be the head coach"] {
            assert!(!usable_title(t, &lex), "{t}");
        }
    }

    #[test]
    fn orgs_agree_by_containment() {
        assert!(orgs_agree("Jupiter Research", "jupiter research"));
        assert!(orgs_agree("United Nations", "United Nations Development Programme"));
        assert!(!orgs_agree("Gartner", "Jupiter Research"));
        assert!(orgs_agree("Elspa", "Entertainment and Leisure Software Publishers Association"));
        assert!(!orgs_agree("Elspa", "European Space Agency"));
        assert!(usable_org("Jupiter Research") && !usable_org("Catholic faith despite taking communion"));
    }

    fn kinds(docs: &[Document], roster: Option<&Roster>) -> Vec<(String, FlagKind, String)> {
        let lex = Lexicon::default_lexicon();
        check(docs, &Rules { lex: &lex, roster })
            .into_iter()
            .filter(|f| matches!(f.kind, FlagKind::TitleMismatch | FlagKind::NotInRoster | FlagKind::RosterTitle))
            .map(|f| (f.document, f.kind, f.words))
            .collect()
    }

    #[test]
    fn a_changed_title_is_flagged_within_and_across_articles() {
        let a = Document::new(
            "a",
            "Foreign Minister Maria Lopez said the talks would go on.\n\nAgriculture Minister Maria Lopez said the talks had failed.",
        );
        assert_eq!(kinds(&[a], None), vec![("a".into(), FlagKind::TitleMismatch, "Agriculture Minister".into())]);
        let mut first = Document::new("first", "Foreign Minister Maria Lopez said the talks would go on.");
        first.date = Some("2024-03-01".into());
        let mut second = Document::new("second", "Agriculture Minister Maria Lopez said the talks had failed.");
        second.date = Some("2024-02-01".into());
        // "second" is the earlier article, so "first" is where the title changed
        assert_eq!(kinds(&[first, second], None), vec![("first".into(), FlagKind::TitleMismatch, "Foreign Minister".into())]);
    }

    #[test]
    fn an_organization_is_compared_only_when_the_mention_names_it() {
        // "Spain" is the resolver's guess from the sentence; "France" the article's word
        let a = Document::new("a", "Spanish farmers protested as Foreign Minister Ann Lee said the talks would go on.");
        let b = Document::new("b", "French Foreign Minister Ann Lee said the talks would resume.");
        assert_eq!(kinds(&[a, b], None), vec![]);
        let a = Document::new("a", "Spanish Foreign Minister Ann Lee said the talks would go on.");
        let b = Document::new("b", "French Foreign Minister Ann Lee said the talks would resume.");
        assert_eq!(kinds(&[a, b], None), vec![("b".into(), FlagKind::TitleMismatch, "France".into())]);
    }

    #[test]
    fn agreeing_titles_are_not_flagged() {
        let a = Document::new("a", "Chancellor Ann Lee said the budget was fair.\n\nAcme boss Tom Reyes said rates would rise.");
        let b = Document::new(
            "b",
            "Ann Lee, the chancellor, said taxes would not rise.\n\nTom Reyes, the Acme chief executive, said rates would fall.",
        );
        assert_eq!(kinds(&[a, b], None), vec![]);
    }

    #[test]
    fn the_roster_knows_people_and_their_titles_by_date() {
        let roster = Roster::parse(
            "[[person]]\nname = \"Maria Lopez\"\ntitles = [{ title = \"Agriculture Minister\", to = \"2022-12-31\" }, { title = \"Foreign Minister\", from = \"2023-01-01\" }]\n",
        )
        .unwrap();
        let mut old = Document::new("old", "Foreign Minister Maria Lopez said the talks would go on. Tom Reyes said they would not.");
        old.date = Some("2021-05-01".into());
        let mut new = Document::new("new", "Foreign Minister Maria Lopez said the talks would go on.");
        new.date = Some("2024-05-01".into());
        assert_eq!(
            kinds(&[old, new], Some(&roster)),
            vec![
                ("old".into(), FlagKind::RosterTitle, "Foreign Minister".into()),
                ("old".into(), FlagKind::NotInRoster, "Tom Reyes".into())
            ]
        );
    }
}
