//! One self-contained HTML report: where stances diverge, the actor × concept
//! matrix, the network drawing ([`crate::export::svg`]), people with their
//! quotes, and the documents.
//!
//! The page has no external resources at all (inline CSS, a little inline
//! JavaScript, the SVG inline) and reads fully with JavaScript off: everything
//! is visible by default; the script only adds the concept and person filters
//! and highlights links in the drawing. Text is escaped by askama; the only
//! unescaped insertion is the SVG this crate generated.
//!
//! The template (`templates/report.html`) is kept simple: this module turns a
//! [`Report`] into plain view-model structs of strings and lists first.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use askama::Template;

use crate::export::timeline::{timelines, Timeline};
use crate::export::view::Article;
use crate::graph::{GraphOptions, Level, Network};
use crate::model::{Report, Stance, StatementInfo};

/// A `<select>` option, a matrix column or any id with a label.
#[derive(Debug, Clone)]
pub struct OptionView {
    /// The id.
    pub id: String,
    /// What a reader sees.
    pub label: String,
}

/// A header count ("3 documents").
#[derive(Debug, Clone)]
pub struct CountView {
    /// The number.
    pub value: usize,
    /// What was counted, plural as needed.
    pub label: String,
}

/// One coding of a quote, ready to print.
#[derive(Debug, Clone)]
pub struct CodeView {
    /// Concept label.
    pub concept: String,
    /// "agrees", "disagrees" or "neutral".
    pub stance: String,
    /// CSS class: agree, disagree or neutral.
    pub class: String,
}

/// A statement, ready to print.
#[derive(Debug, Clone)]
pub struct QuoteView {
    /// Statement id.
    pub id: String,
    /// Speaker name, or "(no speaker)".
    pub speaker: String,
    /// Speaker id (empty when nobody is credited).
    pub speaker_id: String,
    /// The reported words.
    pub content: String,
    /// Document id.
    pub document: String,
    /// Document headline (may be empty).
    pub doc_title: String,
    /// 1-based line in the document.
    pub line: usize,
    /// direct, mixed or indirect.
    pub kind: String,
    /// Concept ids, space-separated (for `data-concept`).
    pub concepts: String,
    /// The codes.
    pub codes: Vec<CodeView>,
    /// The stance on the concept the quote is shown for ("agrees", …; empty if none).
    pub stance: String,
    /// Its CSS class.
    pub stance_class: String,
}

/// A contested concept: who is for, who is against.
#[derive(Debug, Clone)]
pub struct ContestedView {
    /// Concept id.
    pub concept: String,
    /// Concept label.
    pub label: String,
    /// Names of actors that agree, joined.
    pub agree: String,
    /// Names of actors that disagree, joined.
    pub disagree: String,
    /// Actor and person ids involved, space-separated.
    pub persons: String,
}

/// Two quotes on opposite sides, shown side by side.
#[derive(Debug, Clone)]
pub struct PairView {
    /// Actor and speaker ids involved, space-separated.
    pub persons: String,
    /// Left side (the agreeing one when known).
    pub left: QuoteView,
    /// Right side.
    pub right: QuoteView,
}

/// The conflicts on one concept.
#[derive(Debug, Clone)]
pub struct ConflictGroup {
    /// Concept id.
    pub concept: String,
    /// Concept label.
    pub label: String,
    /// The pairs.
    pub pairs: Vec<PairView>,
    /// Every id in the pairs, space-separated.
    pub persons: String,
}

/// Two actors on the same side, one line.
#[derive(Debug, Clone)]
pub struct CongruenceView {
    /// Concept id.
    pub concept: String,
    /// The sentence to print ("A and B both agree on C").
    pub text: String,
    /// Statement ids.
    pub statements: String,
    /// Ids involved, space-separated.
    pub persons: String,
}

/// One cell of the matrix.
#[derive(Debug, Clone)]
pub struct CellView {
    /// Concept id.
    pub concept: String,
    /// agree, disagree, neutral or none.
    pub class: String,
    /// "+2", "−1", "0" or "".
    pub text: String,
    /// "2 for, 0 against, 1 neutral".
    pub title: String,
}

/// One row of the matrix.
#[derive(Debug, Clone)]
pub struct MatrixRow {
    /// Actor id.
    pub actor: String,
    /// Actor name.
    pub name: String,
    /// Actor id and the people counted for it, space-separated.
    pub persons: String,
    /// Concept ids with a stance, space-separated.
    pub concepts: String,
    /// One cell per column.
    pub cells: Vec<CellView>,
}

/// A speaker (person, or organization quoted in its own name) with their quotes.
#[derive(Debug, Clone)]
pub struct SpeakerCard {
    /// Person or organization id.
    pub id: String,
    /// Name.
    pub name: String,
    /// "person" or "organization".
    pub kind: String,
    /// Titles, joined.
    pub titles: String,
    /// Organization names, joined.
    pub orgs: String,
    /// Other forms of the name, joined.
    pub aliases: String,
    /// Concept ids of all quotes, space-separated.
    pub concepts: String,
    /// The quotes, by id.
    pub quotes: Vec<QuoteView>,
}

/// A document row.
#[derive(Debug, Clone)]
pub struct DocView {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Date.
    pub date: String,
    /// Statements found in it.
    pub statements: usize,
}

/// The whole page, as the template reads it.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    /// Page title and h1.
    pub title: String,
    /// Header counts.
    pub counts: Vec<CountView>,
    /// "stance network · actors are people".
    pub settings: String,
    /// Contested concepts.
    pub contested: Vec<ContestedView>,
    /// Conflict pairs grouped by concept.
    pub conflicts: Vec<ConflictGroup>,
    /// Congruent pairs.
    pub congruences: Vec<CongruenceView>,
    /// Matrix row heading ("Person" or "Organization").
    pub actor_heading: String,
    /// Matrix columns.
    pub matrix_concepts: Vec<OptionView>,
    /// Matrix rows.
    pub matrix_rows: Vec<MatrixRow>,
    /// The drawing (generated by [`crate::export::svg::render_svg`]; inserted unescaped).
    pub svg: String,
    /// Its caption.
    pub caption: String,
    /// People (and organizations quoted directly).
    pub speakers: Vec<SpeakerCard>,
    /// Documents.
    pub documents: Vec<DocView>,
    /// Concept filter options.
    pub concept_options: Vec<OptionView>,
    /// Person filter options.
    pub person_options: Vec<OptionView>,
    /// Speakers' timelines (shown when the report is about one person, or asked for).
    pub timelines: Vec<Timeline>,
    /// Annotated articles (for reports on few documents).
    pub articles: Vec<Article>,
}

/// What a report page may show beyond the report model: both need more than the
/// model holds (the article text) or are only wanted sometimes.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Show each speaker's timeline ([`crate::export::timeline`]).
    pub timeline: bool,
    /// Annotated articles ([`crate::export::view`]), in document order.
    pub articles: Vec<Article>,
}

fn plural(n: usize, one: &str, many: &str) -> CountView {
    CountView { value: n, label: if n == 1 { one.to_string() } else { many.to_string() } }
}

fn stance_words(s: Stance) -> (&'static str, &'static str) {
    match s {
        Stance::Agree => ("agrees", "agree"),
        Stance::Disagree => ("disagrees", "disagree"),
        Stance::Neutral => ("neutral", "neutral"),
    }
}

/// Signed count with a real minus sign: "+2", "−1", "0".
fn signed(n: i64) -> String {
    match n.signum() {
        1 => format!("+{n}"),
        -1 => format!("−{}", -n),
        _ => "0".to_string(),
    }
}

/// Lookups shared by the view builders.
struct Lookup<'a> {
    r: &'a Report,
    stmts: BTreeMap<&'a str, &'a StatementInfo>,
    concepts: BTreeMap<&'a str, &'a str>,
    docs: BTreeMap<&'a str, &'a str>,
    /// The people counted for each organization (its members), worked out once.
    members: BTreeMap<&'a str, Vec<&'a str>>,
    /// The speakers of each organization's statements, worked out once.
    speakers_for: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

impl<'a> Lookup<'a> {
    fn new(r: &'a Report) -> Self {
        Lookup {
            r,
            stmts: r.statements.iter().map(|s| (s.id.as_str(), s)).collect(),
            concepts: r.concepts.iter().map(|c| (c.id.as_str(), c.label.as_str())).collect(),
            docs: r.documents.iter().map(|d| (d.id.as_str(), d.title.as_deref().unwrap_or(""))).collect(),
            members: {
                let mut m: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
                for p in &r.people {
                    for o in &p.organizations {
                        m.entry(o.as_str()).or_default().push(p.id.as_str());
                    }
                }
                m
            },
            speakers_for: {
                let mut m: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
                for s in &r.statements {
                    if let (Some(o), Some(sp)) = (s.organization.as_deref(), s.speaker.as_deref()) {
                        m.entry(o).or_default().insert(sp);
                    }
                }
                m
            },
        }
    }

    fn concept(&self, id: &str) -> String {
        self.concepts.get(id).map_or_else(|| id.to_string(), |s| s.to_string())
    }

    fn actor(&self, id: &str) -> String {
        crate::graph::actor_name(self.r, id)
    }

    /// A statement as a quote view; `focus` names the concept whose stance to show.
    fn quote(&self, s: &StatementInfo, focus: Option<&str>) -> QuoteView {
        let concepts: BTreeSet<&str> = s.codes.iter().map(|c| c.concept.as_str()).collect();
        let codes = s
            .codes
            .iter()
            .map(|c| {
                let (w, class) = stance_words(c.stance);
                CodeView { concept: self.concept(&c.concept), stance: w.to_string(), class: class.to_string() }
            })
            .collect();
        let (stance, stance_class) = focus
            .and_then(|f| s.codes.iter().find(|c| c.concept == f))
            .map(|c| stance_words(c.stance))
            .map_or((String::new(), String::new()), |(a, b)| (a.to_string(), b.to_string()));
        QuoteView {
            id: s.id.clone(),
            speaker: s
                .speaker_name
                .clone()
                .or_else(|| s.speaker.as_deref().map(|x| self.actor(x)))
                .unwrap_or_else(|| "(no speaker)".into()),
            speaker_id: s.speaker.clone().unwrap_or_default(),
            content: s.content.clone(),
            document: s.document.clone(),
            doc_title: self.docs.get(s.document.as_str()).map_or(String::new(), |t| t.to_string()),
            line: s.line,
            kind: s.kind.as_str().to_string(),
            concepts: concepts.into_iter().collect::<Vec<_>>().join(" "),
            codes,
            stance,
            stance_class,
        }
    }

    /// A quote for a statement id that may be missing from the report.
    fn quote_by_id(&self, id: &str, speaker: &str, speaker_id: &str, focus: &str) -> QuoteView {
        match self.stmts.get(id) {
            Some(s) => self.quote(s, Some(focus)),
            None => QuoteView {
                id: id.to_string(),
                speaker: speaker.to_string(),
                speaker_id: speaker_id.to_string(),
                content: "(statement not in this report)".into(),
                document: String::new(),
                doc_title: String::new(),
                line: 0,
                kind: String::new(),
                concepts: focus.to_string(),
                codes: Vec::new(),
                stance: String::new(),
                stance_class: String::new(),
            },
        }
    }

    /// Ids a person filter should match for an actor: the actor, and the people counted for it.
    fn persons_of(&self, actor: &str) -> BTreeSet<String> {
        let mut set = BTreeSet::from([actor.to_string()]);
        set.extend(self.members.get(actor).into_iter().flatten().map(|p| p.to_string()));
        set
    }
}

fn join(set: impl IntoIterator<Item = String>) -> String {
    set.into_iter().collect::<Vec<_>>().join(" ")
}

/// Builds the page's view model.
pub fn page(r: &Report, opts: &GraphOptions) -> ReportPage {
    let lk = Lookup::new(r);
    let counts = vec![
        plural(r.documents.len(), "document", "documents"),
        plural(r.statements.len(), "statement", "statements"),
        plural(r.people.len(), "person", "people"),
        plural(r.organizations.len(), "organization", "organizations"),
        plural(r.concepts.len(), "concept", "concepts"),
    ];
    let network = match opts.network {
        Network::Stance => "stance",
        Network::Conflict => "conflict",
        Network::Congruence => "congruence",
        Network::Affiliation => "affiliation",
        Network::Quotes => "quotation",
    };
    let level = match opts.level {
        Level::Person => "actors are people",
        Level::Organization => "actors are organizations",
    };

    let contested = r
        .divergence
        .contested
        .iter()
        .map(|c| {
            let names = |ids: &[String]| ids.iter().map(|a| lk.actor(a)).collect::<Vec<_>>().join(", ");
            let persons: BTreeSet<String> = c.agree.iter().chain(c.disagree.iter()).flat_map(|a| lk.persons_of(a)).collect();
            ContestedView {
                concept: c.concept.clone(),
                label: lk.concept(&c.concept),
                agree: names(&c.agree),
                disagree: names(&c.disagree),
                persons: join(persons),
            }
        })
        .collect();

    // conflicts grouped by concept, in the order the report gives them
    let mut conflicts: Vec<ConflictGroup> = Vec::new();
    for p in &r.divergence.conflicts {
        let a = lk.quote_by_id(&p.statements[0], &p.a_name, &p.a, &p.concept);
        let b = lk.quote_by_id(&p.statements[1], &p.b_name, &p.b, &p.concept);
        let mut persons: BTreeSet<String> = lk.persons_of(&p.a).into_iter().chain(lk.persons_of(&p.b)).collect();
        persons.extend([a.speaker_id.clone(), b.speaker_id.clone()].into_iter().filter(|x| !x.is_empty()));
        let (left, right) = if b.stance_class == "agree" && a.stance_class != "agree" { (b, a) } else { (a, b) };
        let pair = PairView { persons: join(persons), left, right };
        match conflicts.iter_mut().find(|g| g.concept == p.concept) {
            Some(g) => g.pairs.push(pair),
            None => conflicts.push(ConflictGroup {
                concept: p.concept.clone(),
                label: lk.concept(&p.concept),
                pairs: vec![pair],
                persons: String::new(),
            }),
        }
    }
    for g in &mut conflicts {
        let all: BTreeSet<String> = g.pairs.iter().flat_map(|p| p.persons.split(' ').map(String::from)).collect();
        g.persons = join(all);
    }

    let congruences = r
        .divergence
        .congruences
        .iter()
        .map(|p| {
            let side =
                lk.stmts.get(p.statements[0].as_str()).and_then(|s| s.codes.iter().find(|c| c.concept == p.concept)).map(|c| c.stance);
            let verb = match side {
                Some(Stance::Agree) => "both agree on",
                Some(Stance::Disagree) => "both disagree on",
                _ => "are on the same side of",
            };
            let mut persons: BTreeSet<String> = lk.persons_of(&p.a).into_iter().chain(lk.persons_of(&p.b)).collect();
            for id in &p.statements {
                if let Some(sp) = lk.stmts.get(id.as_str()).and_then(|s| s.speaker.clone()) {
                    persons.insert(sp);
                }
            }
            CongruenceView {
                concept: p.concept.clone(),
                text: format!("{} and {} {verb} “{}”", p.a_name, p.b_name, lk.concept(&p.concept)),
                statements: p.statements.join(", "),
                persons: join(persons),
            }
        })
        .collect();

    // matrix at opts.level: a person-level cell counts for the person's (first) organization
    let mut cells: BTreeMap<String, BTreeMap<String, (u32, u32, u32)>> = BTreeMap::new();
    for c in &r.matrix {
        let actor = match opts.level {
            Level::Organization if c.actor.starts_with("person:") => crate::graph::by_id(&r.people, &c.actor, |p| &p.id)
                .and_then(|p| p.organizations.first().cloned())
                .unwrap_or_else(|| c.actor.clone()),
            _ => c.actor.clone(),
        };
        let e = cells.entry(actor).or_default().entry(c.concept.clone()).or_default();
        e.0 += c.agree;
        e.1 += c.disagree;
        e.2 += c.neutral;
    }
    let mut matrix_concepts: Vec<OptionView> = cells
        .values()
        .flat_map(|m| m.keys().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|id| OptionView { label: lk.concept(&id), id })
        .collect();
    matrix_concepts.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    let mut matrix_rows: Vec<MatrixRow> = cells
        .iter()
        .map(|(actor, m)| {
            let mut persons = lk.persons_of(actor);
            if opts.level == Level::Organization {
                persons.extend(lk.speakers_for.get(actor.as_str()).into_iter().flatten().map(|p| p.to_string()));
            }
            let cells = matrix_concepts
                .iter()
                .map(|c| match m.get(&c.id) {
                    None => CellView { concept: c.id.clone(), class: "none".into(), text: String::new(), title: "no statement".into() },
                    Some(&(ag, di, ne)) => {
                        let net = ag as i64 - di as i64;
                        let class = match net.signum() {
                            1 => "agree",
                            -1 => "disagree",
                            _ => "neutral",
                        };
                        CellView {
                            concept: c.id.clone(),
                            class: class.into(),
                            text: signed(net),
                            title: format!("{ag} for, {di} against, {ne} neutral"),
                        }
                    }
                })
                .collect();
            MatrixRow {
                actor: actor.clone(),
                name: lk.actor(actor),
                persons: join(persons),
                concepts: m.keys().cloned().collect::<Vec<_>>().join(" "),
                cells,
            }
        })
        .collect();
    matrix_rows.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.actor.cmp(&b.actor)));

    let svg = crate::export::svg::render_svg(r, opts);
    let caption = match opts.network {
        Network::Stance => "Stance network: actors (left, grouped by organization) and concepts (right). Green solid line: agrees; red dashed: disagrees; grey dotted: neutral or mixed; +a/−d counts statements for and against.",
        Network::Conflict => "Conflict network: a red dashed line joins two actors on opposite sides of at least one concept; thicker lines, more concepts.",
        Network::Congruence => "Congruence network: a green solid line joins two actors on the same side of at least one concept; thicker lines, more concepts.",
        Network::Affiliation => "Affiliation network: people and the organizations they speak for.",
        Network::Quotes => "Quotation network: actors, their statements, and the documents that report them.",
    };
    let caption = format!("{caption} Hover over or focus a node to highlight its links; click it to keep them highlighted.");

    // speakers: people, then organizations quoted in their own name
    let mut by_speaker: BTreeMap<&str, Vec<&StatementInfo>> = BTreeMap::new();
    for s in &r.statements {
        if let Some(sp) = &s.speaker {
            by_speaker.entry(sp.as_str()).or_default().push(s);
        }
    }
    let org_name = |id: &str| crate::graph::by_id(&r.organizations, id, |o| &o.id).map_or_else(|| id.to_string(), |o| o.name.clone());
    let card = |id: &str, name: &str, kind: &str, titles: String, orgs: String, aliases: String| -> SpeakerCard {
        let quotes: Vec<QuoteView> = by_speaker.get(id).map(|v| v.iter().map(|s| lk.quote(s, None)).collect()).unwrap_or_default();
        let concepts: BTreeSet<String> =
            quotes.iter().flat_map(|q| q.concepts.split(' ').filter(|c| !c.is_empty()).map(String::from)).collect();
        SpeakerCard { id: id.into(), name: name.into(), kind: kind.into(), titles, orgs, aliases, concepts: join(concepts), quotes }
    };
    let mut speakers: Vec<SpeakerCard> = r
        .people
        .iter()
        .map(|p| {
            let orgs = p.organizations.iter().map(|o| org_name(o)).collect::<Vec<_>>().join(", ");
            card(&p.id, &p.name, "person", p.titles.join(", "), orgs, p.aliases.join(", "))
        })
        .collect();
    for o in &r.organizations {
        if by_speaker.contains_key(o.id.as_str()) && crate::graph::by_id(&r.people, &o.id, |p| &p.id).is_none() {
            let kind = if o.kind == "organization" { String::new() } else { o.kind.clone() };
            speakers.push(card(&o.id, &o.name, "organization", String::new(), kind, String::new()));
        }
    }

    let mut per_document: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &r.statements {
        *per_document.entry(s.document.as_str()).or_default() += 1;
    }
    let documents = r
        .documents
        .iter()
        .map(|d| DocView {
            id: d.id.clone(),
            title: d.title.clone().unwrap_or_default(),
            source: d.source.clone().unwrap_or_default(),
            date: d.date.clone().unwrap_or_default(),
            statements: per_document.get(d.id.as_str()).copied().unwrap_or(0),
        })
        .collect();

    let mut concept_options: Vec<OptionView> = r.concepts.iter().map(|c| OptionView { id: c.id.clone(), label: c.label.clone() }).collect();
    concept_options.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    let mut person_options: Vec<OptionView> = speakers
        .iter()
        .map(|s| OptionView {
            id: s.id.clone(),
            label: if s.kind == "person" { s.name.clone() } else { format!("{} (organization)", s.name) },
        })
        .collect();
    person_options.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase()).then_with(|| a.id.cmp(&b.id)));

    ReportPage {
        title: "quotegraph report".into(),
        counts,
        settings: format!("{network} network · {level}"),
        contested,
        conflicts,
        congruences,
        actor_heading: if opts.level == Level::Organization { "Organization".into() } else { "Person".into() },
        matrix_concepts,
        matrix_rows,
        svg,
        caption,
        speakers,
        documents,
        concept_options,
        person_options,
        timelines: Vec::new(),
        articles: Vec::new(),
    }
}

/// Writes the report as one self-contained HTML5 page.
///
/// ```
/// use quotegraph::{export::html::write_html, graph::GraphOptions, model::Report};
/// let mut out = Vec::new();
/// write_html(&mut out, &Report::default(), &GraphOptions::default()).unwrap();
/// assert!(String::from_utf8(out).unwrap().starts_with("<!DOCTYPE html>"));
/// ```
pub fn write_html(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    write_html_with(w, r, opts, &Extras::default())
}

/// Writes the report page with a timeline section and annotated articles when
/// `extras` asks for them.
pub fn write_html_with(w: &mut dyn Write, r: &Report, opts: &GraphOptions, extras: &Extras) -> io::Result<()> {
    let mut p = page(r, opts);
    if extras.timeline {
        p.timelines = timelines(r);
    }
    p.articles = extras.articles.clone();
    super::write_page(w, &p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::tests::sample_report;

    fn html(r: &Report, opts: &GraphOptions) -> String {
        let mut out = Vec::new();
        write_html(&mut out, r, opts).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn page_is_self_contained() {
        let r = sample_report();
        for network in [Network::Stance, Network::Conflict, Network::Quotes] {
            let h = html(&r, &GraphOptions { network, level: Level::Person });
            let stripped = h.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assert!(!stripped.contains("http://") && !stripped.contains("https://"), "{network:?}");
            assert!(!h.contains("<link") && !h.contains(" src="), "{network:?}");
            assert!(h.starts_with("<!DOCTYPE html>") && h.contains("<html lang=\"en\">") && h.contains("<meta charset=\"utf-8\">"));
            assert!(h.contains("<h1>quotegraph report</h1>"));
            assert_eq!(h.matches("<svg ").count(), 1);
        }
    }

    #[test]
    fn conflict_shows_both_quotes_with_their_sources() {
        let h = html(&sample_report(), &GraphOptions::default());
        let div = &h[h.find("id=\"diverge\"").unwrap()..h.find("id=\"matrix\"").unwrap()];
        assert!(div.contains("We want a ceasefire today."));
        assert!(div.contains("A ceasefire now would be a trap."));
        assert!(div.contains("line 3") && div.contains("line 7"));
        assert!(div.contains("Bo Kim"));
        assert!(div.contains("agrees") && div.contains("disagrees"));
    }

    #[test]
    fn matrix_has_signed_cells() {
        let h = html(&sample_report(), &GraphOptions::default());
        let m = &h[h.find("id=\"matrix\"").unwrap()..h.find("id=\"graph\"").unwrap()];
        assert!(m.contains("<table"));
        assert!(m.contains("class=\"cell agree\"") && m.contains(">+1<") && m.contains(">+2<"));
        assert!(m.contains("class=\"cell disagree\"") && m.contains(">−1<"));
        assert!(m.contains("2 for, 0 against, 1 neutral"));
    }

    #[test]
    fn matrix_rolls_people_up_to_organizations() {
        let p = page(&sample_report(), &GraphOptions { network: Network::Stance, level: Level::Organization });
        let names: Vec<&str> = p.matrix_rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Alpha Ministry", "Beta Party"]);
        assert!(p.matrix_rows[1].persons.split(' ').any(|x| x == "person:bo-kim"));
    }

    #[test]
    fn text_is_escaped() {
        let mut r = sample_report();
        r.people[1].name = "<script>alert(1)</script>".into();
        r.statements[1].speaker_name = Some("<script>alert(1)</script>".into());
        r.divergence.conflicts[0].b_name = "<script>alert(1)</script>".into();
        let h = html(&r, &GraphOptions::default());
        assert!(!h.contains("<script>alert"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!h.contains("<b>\"Lee\""));
        // the only scripts are the page's own
        assert_eq!(h.matches("<script").count(), 1);
    }

    #[test]
    fn filters_have_targets_and_output_is_deterministic() {
        let r = sample_report();
        let h = html(&r, &GraphOptions::default());
        assert!(h.contains("<select id=\"f-concept\"") && h.contains("<select id=\"f-person\""));
        assert!(h.contains("data-concept=\"concept:ceasefire\""));
        assert!(h.contains("data-person=\"person:ann-lee\""));
        assert!(h.contains("@media print"));
        assert_eq!(h, html(&r, &GraphOptions::default()));
    }

    #[test]
    fn empty_report_renders() {
        let h = html(&Report::default(), &GraphOptions::default());
        assert!(h.contains("Nothing to draw"));
        assert!(h.trim_end().ends_with("</html>"));
    }

    /// Writes sample pages for a look in a browser when `QG_SAMPLE_HTML` names a file
    /// (the hand-built report), and, next to it, one from the bundled example article.
    #[test]
    fn sample_page_for_review() {
        let Some(path) = std::env::var_os("QG_SAMPLE_HTML") else { return };
        let path = std::path::PathBuf::from(path);
        let mut f = std::fs::File::create(&path).unwrap();
        write_html(&mut f, &sample_report(), &GraphOptions::default()).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let lex = crate::lexicon::Lexicon::default_lexicon();
        let cb = crate::code::Codebook::load(&root.join("data/codebooks/istanbul-talks.toml")).unwrap();
        let text = std::fs::read_to_string(root.join("data/examples/istanbul-talks.txt")).unwrap();
        let doc = crate::model::Document::new("istanbul-talks", text);
        let mut b = crate::graph::assemble::ReportBuilder::new(&lex, &cb);
        b.add(&doc, &crate::attributions(&doc, &lex));
        let r = b.finish(&Default::default());
        for (suffix, network) in
            [("example", Network::Stance), ("example-quotes", Network::Quotes), ("example-conflict", Network::Conflict)]
        {
            let p = path.with_file_name(format!("{}-{suffix}.html", path.file_stem().unwrap().to_string_lossy()));
            let mut f = std::fs::File::create(&p).unwrap();
            write_html(&mut f, &r, &GraphOptions { network, level: Level::Person }).unwrap();
        }
    }
}
