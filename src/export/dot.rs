//! Graphviz DOT of a projected network ([`crate::graph`]), laid out for print.
//!
//! `dot -Tpdf` (or `-Tsvg`) draws it left to right. People are clustered in a
//! box per organization (`cluster_<org id>`, with the organization's own node
//! when the network has it). Shapes tell node kinds apart (actors ellipses,
//! organizations doubled ellipses, concepts rounded boxes, statements notes,
//! documents folders) and line styles tell edge kinds apart, so colour is
//! never the only signal: agreement is solid green, disagreement dashed red,
//! neutral dotted grey. Line width grows with the number of statements (or
//! concepts) behind an edge, and stance edges are labelled with their signed
//! count. A legend lists only the kinds the drawing uses.
//!
//! Node ids are the report ids; nodes and edges follow the graph's order, so
//! output is deterministic. Conflict and congruence networks are undirected
//! (`graph`, `--`), the others directed (`digraph`, `->`).

use std::collections::BTreeSet;
use std::io::{self, Write};

use petgraph::graph::NodeIndex;

use crate::export::graphml::{is_undirected, level_name, network_name};
use crate::graph::{build, Edge, EdgeKind, GraphOptions, NodeKind};
use crate::model::Report;

/// Labels longer than this many characters are wrapped at spaces.
const WRAP: usize = 30;

/// Escapes text for a double-quoted DOT string: backslash and double quote
/// are backslash-escaped, line breaks become `\n`, other control characters
/// spaces.
///
/// ```
/// use quotegraph::export::dot::escape_dot;
/// assert_eq!(escape_dot("a \"b\"\\c\r\nd"), r#"a \"b\"\\c\nd"#);
/// ```
pub fn escape_dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Breaks each line of `s` longer than `width` characters at spaces.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut len = 0;
        for (j, word) in line.split(' ').enumerate() {
            let n = word.chars().count();
            if j > 0 {
                if len > 0 && len + 1 + n > width {
                    out.push('\n');
                    len = 0;
                } else {
                    out.push(' ');
                    len += 1;
                }
            }
            out.push_str(word);
            len += n;
        }
    }
    out
}

/// A quoted, escaped DOT string.
fn q(s: &str) -> String {
    format!("\"{}\"", escape_dot(s))
}

/// Shape and colours of a node kind.
fn node_style(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => r##"shape=ellipse, style=filled, fillcolor="#ddf4ff", color="#0969da""##,
        NodeKind::Organization => r##"shape=ellipse, peripheries=2, style=filled, fillcolor="#fff1c2", color="#9a6700""##,
        NodeKind::Concept => r##"shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#57606a""##,
        NodeKind::Statement => r##"shape=note, style=filled, fillcolor="#ffffff", color="#8c959f", fontsize=10"##,
        NodeKind::Document => r##"shape=folder, style=filled, fillcolor="#eaeef2", color="#57606a""##,
    }
}

/// What a node kind is called in the legend.
fn node_legend(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "person",
        NodeKind::Organization => "organization",
        NodeKind::Concept => "concept",
        NodeKind::Statement => "statement",
        NodeKind::Document => "document",
    }
}

/// Colour and line style of an edge kind.
fn edge_style(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Agree | EdgeKind::Congruence => r##"color="#1a7f37", fontcolor="#1a7f37", style=solid"##,
        EdgeKind::Disagree | EdgeKind::Conflict => r##"color="#cf222e", fontcolor="#cf222e", style=dashed"##,
        EdgeKind::Neutral => r##"color="#8c959f", fontcolor="#57606a", style=dotted"##,
        EdgeKind::AffiliatedWith => r##"color="#6e7781", style=solid, arrowhead=empty"##,
        EdgeKind::Said => r##"color="#57606a", style=solid"##,
        EdgeKind::PublishedIn => r##"color="#8c959f", style=solid, arrowhead=empty"##,
        EdgeKind::Contrast => r##"color="#bc4c00", fontcolor="#bc4c00", style=dashed, constraint=false"##,
    }
}

/// What an edge kind means, with its colour and line style, and an example label.
fn edge_legend(k: EdgeKind) -> (&'static str, &'static str) {
    match k {
        EdgeKind::Agree => ("agrees: green, solid\n+n: net statements for", "+n"),
        EdgeKind::Disagree => ("disagrees: red, dashed\n-n: net statements against", "-n"),
        EdgeKind::Neutral => ("neutral or balanced:\ngrey, dotted", "0"),
        EdgeKind::Conflict => ("opposite sides: red, dashed\nn: concepts, when over 1", "n"),
        EdgeKind::Congruence => ("same side: green, solid\nn: concepts, when over 1", "n"),
        EdgeKind::AffiliatedWith => ("speaks for: grey,\nhollow arrow", ""),
        EdgeKind::Said => ("said: dark grey, solid", ""),
        EdgeKind::PublishedIn => ("published in: light grey,\nhollow arrow", ""),
        EdgeKind::Contrast => ("set against by the writer:\norange, dashed\nlabel: the marker", "however"),
    }
}

/// Line width for an edge weight: 1 for one statement, growing with log2, at most 6.
fn penwidth(weight: u32) -> f64 {
    (1.0 + 1.5 * f64::from(weight.max(1)).log2()).min(6.0)
}

/// The label of an edge: the signed count for stance edges, the number of
/// concepts for conflict and congruence when above 1, the marker for contrasts.
fn edge_label(r: &Report, e: &Edge) -> String {
    match e.kind {
        EdgeKind::Agree => format!("+{}", e.weight),
        EdgeKind::Disagree => format!("-{}", e.weight),
        EdgeKind::Neutral => "0".to_string(),
        EdgeKind::Conflict | EdgeKind::Congruence if e.weight > 1 => e.weight.to_string(),
        EdgeKind::Contrast => match e.statements.as_slice() {
            [a, b] => r.contrasts.iter().find(|c| &c.a == a && &c.b == b).map(|c| c.marker.clone()).unwrap_or_default(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// `cluster_` and the id with everything but ASCII letters and digits as `_`.
fn cluster_name(id: &str) -> String {
    let body: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("cluster_{body}")
}

/// Writes the network `opts` names as Graphviz DOT.
///
/// ```
/// use quotegraph::{export::dot::write_dot, graph::{GraphOptions, Network}, model::Report};
/// let mut out = Vec::new();
/// let opts = GraphOptions { network: Network::Conflict, ..Default::default() };
/// write_dot(&mut out, &Report::default(), &opts).unwrap();
/// let dot = String::from_utf8(out).unwrap();
/// assert!(dot.starts_with("graph quotegraph {\n"));
/// assert!(dot.ends_with("}\n"));
/// ```
pub fn write_dot(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    let g = build(r, opts);
    let (keyword, op) = if is_undirected(opts.network) { ("graph", "--") } else { ("digraph", "->") };
    writeln!(w, "{keyword} quotegraph {{")?;
    let title = format!("quotegraph: {} network, {} level", network_name(opts.network), level_name(opts.level));
    writeln!(
        w,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=14, label={}, labelloc=t, nodesep=0.35, ranksep=0.9, overlap=false, splines=true, pad=0.3];",
        q(&title)
    )?;
    writeln!(w, "  node [fontname=\"Helvetica\", fontsize=11, penwidth=1.2];")?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];")?;

    let node_line = |ix: NodeIndex| {
        let n = &g[ix];
        format!("{} [label={}, tooltip={}, {}];", q(&n.id), q(&wrap(&n.label, WRAP)), q(&n.id), node_style(n.kind))
    };

    // People grouped by organization, in order of first appearance.
    let mut clusters: Vec<(&str, &str, Vec<NodeIndex>)> = Vec::new();
    for ix in g.node_indices() {
        let n = &g[ix];
        let (NodeKind::Person, Some(group)) = (n.kind, n.group.as_deref()) else { continue };
        match clusters.iter_mut().find(|c| c.0 == group) {
            Some(c) => c.2.push(ix),
            None => clusters.push((group, n.group_label.as_deref().unwrap_or(group), vec![ix])),
        }
    }
    let mut placed = vec![false; g.node_count()];
    let mut names = BTreeSet::new();
    for (group, label, members) in &clusters {
        let base = cluster_name(group);
        let mut name = base.clone();
        for n in 2.. {
            if !names.contains(&name) {
                break;
            }
            name = format!("{base}_{n}");
        }
        names.insert(name.clone());
        writeln!(w, "  subgraph {} {{", q(&name))?;
        writeln!(
            w,
            "    label={}; style=\"rounded,filled\"; fillcolor=\"#f6f8fa\"; color=\"#d0d7de\"; fontsize=12;",
            q(&wrap(label, WRAP))
        )?;
        let org = g.node_indices().find(|&ix| g[ix].kind == NodeKind::Organization && g[ix].id == *group);
        for &ix in org.iter().chain(members) {
            placed[ix.index()] = true;
            writeln!(w, "    {}", node_line(ix))?;
        }
        writeln!(w, "  }}")?;
    }
    for ix in g.node_indices().filter(|ix| !placed[ix.index()]) {
        writeln!(w, "  {}", node_line(ix))?;
    }

    for e in g.raw_edges() {
        let d = &e.weight;
        let label = edge_label(r, d);
        let label = if label.is_empty() { String::new() } else { format!(", label={}", q(&label)) };
        writeln!(
            w,
            "  {} {op} {} [{}, penwidth={:.1}{label}, tooltip={}];",
            q(&g[e.source()].id),
            q(&g[e.target()].id),
            edge_style(d.kind),
            penwidth(d.weight),
            q(&format!("{}: {}", d.kind.as_str(), d.statements.join(" "))),
        )?;
    }

    let node_kinds: BTreeSet<NodeKind> = g.node_weights().map(|n| n.kind).collect();
    let edge_kinds: BTreeSet<EdgeKind> = g.edge_weights().map(|e| e.kind).collect();
    if !node_kinds.is_empty() {
        write_legend(w, op, &node_kinds, &edge_kinds)?;
    }
    writeln!(w, "}}")
}

/// The legend: a sample of every node and edge kind used, with its meaning.
fn write_legend(w: &mut dyn Write, op: &str, nodes: &BTreeSet<NodeKind>, edges: &BTreeSet<EdgeKind>) -> io::Result<()> {
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(w, "    label=\"Legend\"; style=\"rounded\"; color=\"#d0d7de\"; fontsize=12;")?;
    for &k in nodes {
        let name = node_legend(k);
        writeln!(w, "    \"legend:node:{name}\" [label=\"{name}\", {}];", node_style(k))?;
    }
    for &k in edges {
        let id = format!("legend:edge:{}", k.as_str());
        let (meaning, sample) = edge_legend(k);
        writeln!(w, "    {} [label=\"\", shape=point, width=0.06, color=\"#57606a\"];", q(&format!("{id}:from")))?;
        writeln!(w, "    {} [label={}, shape=plaintext, fontsize=10];", q(&format!("{id}:to")), q(meaning))?;
        let label = if sample.is_empty() { String::new() } else { format!(", label={}", q(sample)) };
        writeln!(
            w,
            "    {} {op} {} [{}, constraint=true, penwidth=2.0{label}];",
            q(&format!("{id}:from")),
            q(&format!("{id}:to")),
            edge_style(k)
        )?;
    }
    if !edges.is_empty() {
        let what = if edges.iter().all(|k| matches!(k, EdgeKind::Conflict | EdgeKind::Congruence)) { "concepts" } else { "statements" };
        writeln!(w, "    \"legend:width\" [label=\"thicker line:\\nmore {what}\", shape=plaintext, fontsize=10];")?;
    }
    writeln!(w, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::fixture;
    use crate::graph::{Level, Network};

    fn dot(r: &Report, opts: &GraphOptions) -> String {
        let mut out = Vec::new();
        write_dot(&mut out, r, opts).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Checks that braces balance outside quoted strings and that quotes close.
    fn balanced(s: &str) -> bool {
        let (mut depth, mut quoted, mut escaped) = (0i32, false, false);
        for c in s.chars() {
            match (quoted, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => quoted = false,
                (true, false, '\n') => return false,
                (false, _, '"') => quoted = true,
                (false, _, '{') => depth += 1,
                (false, _, '}') => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                _ => {}
            }
        }
        depth == 0 && !quoted
    }

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape_dot(fixture::ODD_NAME), r#"Ann \"Annie\" Lee & <Co>\nJr."#);
        assert_eq!(escape_dot("a\\\"b\rc\td"), r#"a\\\"b\nc d"#);
        let out = dot(&fixture::report(), &GraphOptions::default());
        assert!(out.contains(r#""person:ann-lee" [label="Ann \"Annie\" Lee & <Co>\nJr.", tooltip="person:ann-lee", shape=ellipse"#));
        assert!(out.contains(r#"label="Acme & Sons <Ltd>";"#));
        assert!(balanced(&out), "{out}");
    }

    #[test]
    fn stance_network_clusters_styles_and_legend() {
        let out = dot(&fixture::report(), &GraphOptions::default());
        assert!(out.starts_with("digraph quotegraph {\n"));
        assert!(out.contains("rankdir=LR") && out.contains("overlap=false") && out.contains("fontname=\"Helvetica\""));
        assert!(out.contains("subgraph \"cluster_org_acme\" {"));
        assert!(out.contains("subgraph \"cluster_org_zeta\" {"));
        assert!(
            out.contains(r#""concept:ceasefire" [label="A ceasefire now", tooltip="concept:ceasefire", shape=box, style="rounded,filled""#)
        );
        assert!(out.contains(
            r##""person:ann-lee" -> "concept:ceasefire" [color="#1a7f37", fontcolor="#1a7f37", style=solid, penwidth=1.0, label="+1""##
        ));
        assert!(out.contains(
            r##""person:ann-lee" -> "concept:sanctions" [color="#cf222e", fontcolor="#cf222e", style=dashed, penwidth=1.0, label="-1""##
        ));
        assert!(out.contains("subgraph cluster_legend {"));
        assert!(out.contains("\"legend:node:concept\""));
        assert!(out.contains("\"legend:edge:agree:from\" -> \"legend:edge:agree:to\""));
        assert!(!out.contains("legend:edge:conflict"), "the legend lists only kinds in use");
        assert!(out.ends_with("}\n"));
        assert!(balanced(&out));
    }

    #[test]
    fn conflict_and_congruence_are_undirected() {
        let r = fixture::report();
        let out = dot(&r, &GraphOptions { network: Network::Conflict, ..Default::default() });
        assert!(out.starts_with("graph quotegraph {\n"));
        assert!(!out.contains("->"));
        assert!(out.contains(r##""person:ann-lee" -- "person:bo-chen" [color="#cf222e", fontcolor="#cf222e", style=dashed"##));
        let out = dot(&r, &GraphOptions { network: Network::Congruence, ..Default::default() });
        assert!(out.contains(r##""person:ann-lee" -- "person:bo-chen" [color="#1a7f37", fontcolor="#1a7f37", style=solid"##));
        assert!(balanced(&out));
    }

    #[test]
    fn affiliation_puts_the_organization_in_its_cluster() {
        let out = dot(&fixture::report(), &GraphOptions { network: Network::Affiliation, ..Default::default() });
        let start = out.find("subgraph \"cluster_org_acme\"").unwrap();
        let cluster = &out[start..start + out[start..].find("\n  }\n").unwrap()];
        assert!(cluster.contains("\"org:acme\" [label=\"Acme & Sons <Ltd>\""));
        assert!(cluster.contains("\"person:ann-lee\""));
        assert!(!cluster.contains("\"person:bo-chen\""));
        assert!(out.contains(r##""person:ann-lee" -> "org:acme" [color="#6e7781""##));
    }

    #[test]
    fn quotes_network_shapes_and_contrast() {
        let out = dot(&fixture::report(), &GraphOptions { network: Network::Quotes, level: Level::Person });
        assert!(out.contains("shape=note"));
        assert!(out.contains("\"doc:talks\" [label=\"Talks & \\\"truce\\\"\", tooltip=\"doc:talks\", shape=folder"));
        assert!(out.contains(r##""stmt:talks:0001" -> "stmt:talks:0002" [color="#bc4c00", fontcolor="#bc4c00", style=dashed, constraint=false, penwidth=1.0, label="However""##));
        assert!(balanced(&out));
    }

    #[test]
    fn helpers() {
        assert_eq!(wrap("one two three", 7), "one two\nthree");
        assert_eq!(wrap("a\nbb cc", 3), "a\nbb\ncc");
        assert_eq!(penwidth(1), 1.0);
        assert_eq!(penwidth(4), 4.0);
        assert_eq!(penwidth(1000), 6.0);
        assert_eq!(cluster_name("org:european-union"), "cluster_org_european_union");
    }

    #[test]
    fn output_is_deterministic() {
        let r = fixture::report();
        for network in [Network::Stance, Network::Conflict, Network::Congruence, Network::Affiliation, Network::Quotes] {
            let opts = GraphOptions { network, ..Default::default() };
            assert_eq!(dot(&r, &opts), dot(&r, &opts));
        }
    }
}
