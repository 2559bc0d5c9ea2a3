//! Stage 6, graph: a [`Report`] → a petgraph network for drawing and export.
//!
//! The report holds the discourse-network data (statements with speaker,
//! concept, stance); this module projects it, in the spirit of discourse network
//! analysis, into the network an export draws:
//!
//! - `stance`: actors and concepts, an edge per actor and concept with the
//!   signed count of statements (agree +, disagree −);
//! - `conflict` / `congruence`: actors only, an edge per pair on opposite / the
//!   same side of at least one concept, weighted by the number of concepts;
//! - `affiliation`: people and the organizations they speak for;
//! - `quotes`: actors, statements and documents (said, published-in).
//!
//! Node and edge order is the order of the report's sorted lists, so every
//! export is deterministic.

pub mod assemble;

use std::collections::BTreeMap;

use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};

use crate::model::Report;

/// Which network to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    /// Actors × concepts, signed.
    #[default]
    Stance,
    /// Actors on opposite sides.
    Conflict,
    /// Actors on the same side.
    Congruence,
    /// People and their organizations.
    Affiliation,
    /// Actors, statements and documents.
    Quotes,
}

/// Whether actors are people or the organizations they speak for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Each person is an actor.
    #[default]
    Person,
    /// Each person counts for their organization.
    Organization,
}

/// How to project a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GraphOptions {
    /// The network.
    pub network: Network,
    /// The actor level.
    pub level: Level,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A person.
    Person,
    /// An organization, country or group.
    Organization,
    /// A concept of the codebook.
    Concept,
    /// A statement.
    Statement,
    /// A document.
    Document,
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Person → organization.
    AffiliatedWith,
    /// Actor → statement.
    Said,
    /// Actor → concept, net agreement.
    Agree,
    /// Actor → concept, net disagreement.
    Disagree,
    /// Actor → concept, as many for as against, or only neutral statements.
    Neutral,
    /// Statement → statement set against it by the writer.
    Contrast,
    /// Statement → document.
    PublishedIn,
    /// Actor — actor on opposite sides.
    Conflict,
    /// Actor — actor on the same side.
    Congruence,
}

impl NodeKind {
    /// The name used in every output format ("person", "concept", …).
    ///
    /// ```
    /// assert_eq!(quotegraph::graph::NodeKind::Organization.as_str(), "organization");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Concept => "concept",
            NodeKind::Statement => "statement",
            NodeKind::Document => "document",
        }
    }
}

impl EdgeKind {
    /// The name used in every output format ("agree", "affiliated-with", …).
    ///
    /// ```
    /// assert_eq!(quotegraph::graph::EdgeKind::PublishedIn.as_str(), "published-in");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::AffiliatedWith => "affiliated-with",
            EdgeKind::Said => "said",
            EdgeKind::Agree => "agree",
            EdgeKind::Disagree => "disagree",
            EdgeKind::Neutral => "neutral",
            EdgeKind::Contrast => "contrast",
            EdgeKind::PublishedIn => "published-in",
            EdgeKind::Conflict => "conflict",
            EdgeKind::Congruence => "congruence",
        }
    }
}

/// A node: a stable id, a label to print, its kind and (for people) the organization to cluster by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The report id ("person:dmytro-kuleba").
    pub id: String,
    /// What to print.
    pub label: String,
    /// What it is.
    pub kind: NodeKind,
    /// Organization id to group the node under, if any.
    pub group: Option<String>,
    /// Name of that organization.
    pub group_label: Option<String>,
}

/// An edge with its weight (`|count|`) and sign (+1 agree, −1 disagree, 0 otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// What it is.
    pub kind: EdgeKind,
    /// Number of statements (or concepts) behind it; at least 1.
    pub weight: u32,
    /// +1, −1 or 0.
    pub sign: i32,
    /// Statement ids behind the edge, sorted (its evidence).
    pub statements: Vec<String>,
}

/// The projected network.
pub type StanceGraph = DiGraph<Node, Edge>;

/// The item of `items` whose key is `id`, by binary search: a finished report keeps its
/// documents, people, organizations and statements sorted by id, and a scan per lookup
/// would make a report of a large corpus quadratic.
///
/// ```
/// let names = ["a", "c", "e"];
/// assert_eq!(quotegraph::graph::by_id(&names, "c", |x| x), Some(&"c"));
/// assert_eq!(quotegraph::graph::by_id(&names, "b", |x| x), None);
/// ```
pub fn by_id<'r, T>(items: &'r [T], id: &str, key: impl Fn(&T) -> &str) -> Option<&'r T> {
    items.binary_search_by(|x| key(x).cmp(id)).ok().map(|i| &items[i])
}

/// The actor a statement counts for at `level`: (id, name).
pub fn actor_of(r: &Report, stmt: &crate::model::StatementInfo, level: Level) -> Option<(String, String)> {
    let speaker = stmt.speaker.as_ref()?;
    if level == Level::Organization {
        if let Some(org) = &stmt.organization {
            let name = by_id(&r.organizations, org, |o| &o.id).map_or(org.clone(), |o| o.name.clone());
            return Some((org.clone(), name));
        }
    }
    // the name of the report's person or organization (a surname merged into the full name
    // reads as the full name, "Number 10" as "Downing Street"), else the name as resolved
    let node = match r.people.binary_search_by(|p| p.id.as_str().cmp(speaker)) {
        Ok(i) => Some(r.people[i].name.clone()),
        Err(_) => r.organizations.binary_search_by(|o| o.id.as_str().cmp(speaker)).ok().map(|i| r.organizations[i].name.clone()),
    };
    let name = node.or_else(|| stmt.speaker_name.clone()).unwrap_or_else(|| speaker.clone());
    Some((speaker.clone(), name))
}

/// The id of the actor who makes `stmt` at `level`: [`actor_of`] without looking up its name.
pub(crate) fn actor_id(stmt: &crate::model::StatementInfo, level: Level) -> Option<String> {
    actor_ref(stmt, level).map(str::to_string)
}

/// [`actor_id`] borrowed from the statement: for keys of maps built over many statements,
/// which need no string of their own.
pub(crate) fn actor_ref(stmt: &crate::model::StatementInfo, level: Level) -> Option<&str> {
    let speaker = stmt.speaker.as_deref()?;
    match stmt.organization.as_deref() {
        Some(org) if level == Level::Organization => Some(org),
        _ => Some(speaker),
    }
}

/// Projects a report into the network `opts` names.
///
/// ```
/// use quotegraph::graph::{build, GraphOptions};
/// let g = build(&quotegraph::model::Report::default(), &GraphOptions::default());
/// assert_eq!(g.node_count(), 0);
/// ```
pub fn build(r: &Report, opts: &GraphOptions) -> StanceGraph {
    let mut g = StanceGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    let org_name = |id: &str| by_id(&r.organizations, id, |o| &o.id).map(|o| o.name.clone());
    let person_group = |id: &str| -> (Option<String>, Option<String>) {
        let p = by_id(&r.people, id, |p| &p.id);
        let org = p.and_then(|p| p.organizations.first().cloned());
        let label = org.as_deref().and_then(org_name);
        (org, label)
    };
    let mut add = |g: &mut StanceGraph, id: &str, label: &str, kind: NodeKind| -> NodeIndex {
        if let Some(&ix) = index.get(id) {
            return ix;
        }
        let (group, group_label) = if kind == NodeKind::Person { person_group(id) } else { (None, None) };
        let ix = g.add_node(Node { id: id.to_string(), label: label.to_string(), kind, group, group_label });
        index.insert(id.to_string(), ix);
        ix
    };
    let actor_kind = |id: &str| if id.starts_with("person:") { NodeKind::Person } else { NodeKind::Organization };
    match opts.network {
        Network::Stance => {
            let mut evidence = evidence(r, opts.level);
            for cell in &r.matrix {
                let Some(concept) = r.concepts.iter().find(|c| c.id == cell.concept) else { continue };
                let name = actor_name(r, &cell.actor);
                let a = add(&mut g, &cell.actor, &name, actor_kind(&cell.actor));
                let c = add(&mut g, &concept.id, &concept.label, NodeKind::Concept);
                let net = cell.agree as i32 - cell.disagree as i32;
                let (kind, sign) = match net.signum() {
                    1 => (EdgeKind::Agree, 1),
                    -1 => (EdgeKind::Disagree, -1),
                    _ => (EdgeKind::Neutral, 0),
                };
                let statements = evidence.remove(&(cell.actor.clone(), cell.concept.clone())).unwrap_or_default();
                let weight = (net.unsigned_abs()).max(1);
                g.add_edge(a, c, Edge { kind, weight, sign, statements });
            }
        }
        Network::Conflict | Network::Congruence => {
            let pairs = if opts.network == Network::Conflict { &r.divergence.conflicts } else { &r.divergence.congruences };
            let mut merged: BTreeMap<(String, String), (String, String, Vec<String>, u32)> = BTreeMap::new();
            for p in pairs {
                let e = merged.entry((p.a.clone(), p.b.clone())).or_insert_with(|| (p.a_name.clone(), p.b_name.clone(), Vec::new(), 0));
                e.2.extend(p.statements.iter().cloned());
                e.3 += 1;
            }
            let kind = if opts.network == Network::Conflict { EdgeKind::Conflict } else { EdgeKind::Congruence };
            for ((a, b), (an, bn, mut stmts, n)) in merged {
                stmts.sort();
                stmts.dedup();
                let ia = add(&mut g, &a, &an, actor_kind(&a));
                let ib = add(&mut g, &b, &bn, actor_kind(&b));
                let sign = if kind == EdgeKind::Conflict { -1 } else { 1 };
                g.add_edge(ia, ib, Edge { kind, weight: n, sign, statements: stmts });
            }
        }
        Network::Affiliation => {
            // statement ids by (speaker, organization), in one pass
            let mut said: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
            for s in &r.statements {
                if let (Some(p), Some(o)) = (s.speaker.as_deref(), s.organization.as_deref()) {
                    said.entry((p, o)).or_default().push(s.id.clone());
                }
            }
            for p in &r.people {
                for o in &p.organizations {
                    let ip = add(&mut g, &p.id, &p.name, NodeKind::Person);
                    let io = add(&mut g, o, &org_name(o).unwrap_or_else(|| o.clone()), NodeKind::Organization);
                    let statements = said.get(&(p.id.as_str(), o.as_str())).cloned().unwrap_or_default();
                    let weight = (statements.len() as u32).max(1);
                    g.add_edge(ip, io, Edge { kind: EdgeKind::AffiliatedWith, weight, sign: 0, statements });
                }
            }
        }
        Network::Quotes => {
            for s in &r.statements {
                let Some((actor, name)) = actor_of(r, s, opts.level) else { continue };
                let ia = add(&mut g, &actor, &name, actor_kind(&actor));
                let short: String = s.content.chars().take(60).collect();
                let is = add(&mut g, &s.id, &short, NodeKind::Statement);
                let doc_label =
                    by_id(&r.documents, &s.document, |d| &d.id).and_then(|d| d.title.clone()).unwrap_or_else(|| s.document.clone());
                let id = add(&mut g, &format!("doc:{}", s.document), &doc_label, NodeKind::Document);
                g.add_edge(ia, is, Edge { kind: EdgeKind::Said, weight: 1, sign: 0, statements: vec![s.id.clone()] });
                g.add_edge(is, id, Edge { kind: EdgeKind::PublishedIn, weight: 1, sign: 0, statements: vec![s.id.clone()] });
            }
            for c in &r.contrasts {
                if let (Some(&a), Some(&b)) = (index.get(&c.a), index.get(&c.b)) {
                    g.add_edge(a, b, Edge { kind: EdgeKind::Contrast, weight: 1, sign: -1, statements: vec![c.a.clone(), c.b.clone()] });
                }
            }
        }
    }
    g
}

/// The name of an actor id (a person or an organization).
pub fn actor_name(r: &Report, id: &str) -> String {
    by_id(&r.people, id, |p| &p.id)
        .map(|p| &p.name)
        .or_else(|| by_id(&r.organizations, id, |o| &o.id).map(|o| &o.name))
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// Statement ids by (actor at `level`, concept): the statements in which the actor takes a
/// stance on the concept, each list sorted. One pass over the statements, so that a graph of a
/// whole corpus does not scan them again for every cell of the matrix.
///
/// ```
/// use quotegraph::graph::{evidence, Level};
/// let r = quotegraph::model::Report::default();
/// assert!(evidence(&r, Level::Person).is_empty());
/// ```
pub fn evidence(r: &Report, level: Level) -> BTreeMap<(String, String), Vec<String>> {
    let mut by_cell: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for s in &r.statements {
        let Some(actor) = actor_id(s, level) else { continue };
        for c in &s.codes {
            by_cell.entry((actor.clone(), c.concept.clone())).or_default().push(s.id.clone());
        }
    }
    for v in by_cell.values_mut() {
        v.sort();
        v.dedup();
    }
    by_cell
}
