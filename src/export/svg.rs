//! The projected network drawn as SVG by quotegraph itself (no Graphviz).
//!
//! The layout is deterministic and sized for a printed A4 landscape page
//! (1123 × 794 CSS pixels at 96 dpi; taller when the content needs it), with
//! no text smaller than 11 px:
//!
//! - `stance`: a bipartite drawing, actors in a left column grouped by
//!   organization, concepts in a right column, one curve per actor and concept
//!   (agree green solid, disagree red dashed, neutral grey dotted; width by the
//!   number of statements) labelled `+a/−d` near the concept;
//! - `conflict` / `congruence`: actors on a circle, straight edges;
//! - `affiliation` / `quotes`: a layered drawing, one column per node kind.
//!
//! Every node is a focusable `<g class="node" data-id data-kind>` and every
//! edge a `<path class="edge" data-source data-target data-kind>`, each with a
//! `<title>`, so the HTML report ([`crate::export::html`]) can filter and
//! highlight them. A legend shows colour *and* dash pattern, so colour is never
//! the only signal. All text is escaped; long labels are cut with `…` and kept
//! whole in the `<title>`.

use std::collections::{BTreeMap, BTreeSet};
use std::f64::consts::PI;
use std::fmt::Write as _;
use std::io;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{build, EdgeKind, GraphOptions, Level, Network, Node, NodeKind, StanceGraph};
use crate::model::{Report, StatementInfo};

/// Page width: A4 landscape at 96 dpi.
pub const PAGE_WIDTH: f64 = 1123.0;
/// Page height: A4 landscape at 96 dpi. Drawings are as tall as their content
/// needs (a long list of actors runs over several pages).
pub const PAGE_HEIGHT: f64 = 794.0;

const MARGIN: f64 = 24.0;
const INK: &str = "#1f2328";
const MUTED: &str = "#57606a";
const GREEN: &str = "#1a7f37";
const RED: &str = "#cf222e";
const GREY: &str = "#6e7781";
const FONTS: &str = "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Helvetica Neue&apos;, Arial, sans-serif";

/// Escapes text for XML content and attribute values (`& < > " '`), dropping
/// the control characters XML 1.0 forbids.
///
/// ```
/// use quotegraph::export::svg::escape;
/// assert_eq!(escape("<a & 'b'>\""), "&lt;a &amp; &apos;b&apos;&gt;&quot;");
/// ```
pub fn escape(s: &str) -> String {
    crate::export::graphml::escape_xml(s).into_owned()
}

/// Collapses whitespace and cuts `s` to at most `max` characters, ending a cut
/// label with `…`.
///
/// ```
/// use quotegraph::export::svg::truncate;
/// assert_eq!(truncate("Dmytro  Kuleba", 20), "Dmytro Kuleba");
/// assert_eq!(truncate("abcdefghij", 5), "abcd…");
/// ```
pub fn truncate(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// A number with at most one decimal, for coordinates.
fn n(x: f64) -> String {
    let s = format!("{:.1}", x);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// Approximate width of `s` in pixels at `size` px (average sans-serif glyph).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.56
}

fn kind_heading(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "People",
        NodeKind::Organization => "Organizations",
        NodeKind::Concept => "Concepts",
        NodeKind::Statement => "Statements",
        NodeKind::Document => "Documents",
    }
}

fn kind_color(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "#0969da",
        NodeKind::Organization => "#8250df",
        NodeKind::Concept => "#9a6700",
        NodeKind::Statement => "#57606a",
        NodeKind::Document => "#1b7c83",
    }
}

/// What an edge kind says, for titles and the legend (with its line pattern).
fn edge_kind_text(k: EdgeKind) -> (&'static str, &'static str) {
    match k {
        EdgeKind::AffiliatedWith => ("speaks for", "solid"),
        EdgeKind::Said => ("said", "solid"),
        EdgeKind::Agree => ("agrees", "solid"),
        EdgeKind::Disagree => ("disagrees", "dashed"),
        EdgeKind::Neutral => ("neutral or mixed", "dotted"),
        EdgeKind::Contrast => ("set against by the writer", "dash-dot"),
        EdgeKind::PublishedIn => ("published in", "long dash"),
        EdgeKind::Conflict => ("on opposite sides", "dashed"),
        EdgeKind::Congruence => ("on the same side", "solid"),
    }
}

/// Colour, dash pattern (scaled to the stroke width) and line cap of an edge kind.
fn edge_style(k: EdgeKind, width: f64) -> (&'static str, Option<String>, &'static str) {
    let dashed = || Some(format!("{} {}", n((3.5 * width).max(6.0)), n((2.2 * width).max(4.0))));
    match k {
        EdgeKind::Agree | EdgeKind::Congruence => (GREEN, None, "butt"),
        EdgeKind::Disagree | EdgeKind::Conflict => (RED, dashed(), "butt"),
        EdgeKind::Neutral => (GREY, Some(format!("0.1 {}", n((2.6 * width).max(4.5)))), "round"),
        EdgeKind::AffiliatedWith => (MUTED, None, "butt"),
        EdgeKind::Said => ("#0969da", None, "butt"),
        EdgeKind::PublishedIn => ("#1b7c83", Some(format!("{} {}", n((5.0 * width).max(10.0)), n((2.0 * width).max(4.0)))), "butt"),
        EdgeKind::Contrast => ("#bc4c00", Some(format!("{} 3 2 3", n((4.0 * width).max(8.0)))), "butt"),
    }
}

/// Stroke width 1.5–6 from an edge's weight relative to the heaviest edge
/// (counted as at least 5, so that 2 against 1 is not drawn as 6 against 1.5).
fn stroke_width(w: u32, max: u32) -> f64 {
    let max = max.max(5);
    1.5 + 4.5 * (w.clamp(1, max) - 1) as f64 / (max - 1) as f64
}

/// The marker of a node kind centred on (x, y): circle for people, square for
/// organizations, diamond for concepts, so shape tells the kinds apart too.
fn marker(k: NodeKind, x: f64, y: f64, extra: &str) -> String {
    let c = kind_color(k);
    match k {
        NodeKind::Person => format!(
            r##"<circle class="qg-shape" cx="{}" cy="{}" r="6.5" fill="{c}" stroke="#fff" stroke-width="1.5"{extra}/>"##,
            n(x),
            n(y)
        ),
        NodeKind::Organization => format!(
            r##"<rect class="qg-shape" x="{}" y="{}" width="12" height="12" rx="1.5" fill="{c}" stroke="#fff" stroke-width="1.5"{extra}/>"##,
            n(x - 6.0),
            n(y - 6.0)
        ),
        NodeKind::Concept => {
            format!(
                r##"<path class="qg-shape" d="M{} {}l8 8l-8 8l-8 -8z" fill="{c}" stroke="#fff" stroke-width="1.5"{extra}/>"##,
                n(x),
                n(y - 8.0)
            )
        }
        NodeKind::Statement | NodeKind::Document => format!(
            r##"<rect class="qg-shape" x="{}" y="{}" width="10" height="12" fill="{c}" stroke="#fff" stroke-width="1.5"{extra}/>"##,
            n(x - 5.0),
            n(y - 6.0)
        ),
    }
}

/// Everything the drawing functions need to look up.
struct Ctx<'a> {
    r: &'a Report,
    opts: &'a GraphOptions,
    g: StanceGraph,
    stmts: BTreeMap<&'a str, &'a StatementInfo>,
    /// The matrix by (actor, concept): (for, against, neutral).
    cells: BTreeMap<(&'a str, &'a str), (u32, u32, u32)>,
    /// The concepts of each conflict (true) or congruence (false) pair of actors.
    pairs: BTreeMap<(bool, &'a str, &'a str), BTreeSet<&'a str>>,
    /// The heaviest edge's weight (at least 1).
    max_weight: u32,
}

impl<'a> Ctx<'a> {
    /// The hover text of a node: full label, kind, id, and what else is known.
    fn node_title(&self, i: NodeIndex) -> String {
        let node = &self.g[i];
        let mut t = format!("{} ({}, {})", node.label, node.kind.as_str(), node.id);
        match node.kind {
            NodeKind::Person => {
                if let Some(p) = crate::graph::by_id(&self.r.people, &node.id, |p| &p.id) {
                    if !p.titles.is_empty() {
                        let _ = write!(t, "\n{}", p.titles.join(", "));
                    }
                }
                if let Some(g) = &node.group_label {
                    let _ = write!(t, "\nspeaks for {g}");
                }
            }
            NodeKind::Statement => {
                if let Some(s) = self.stmts.get(node.id.as_str()) {
                    let who = s.speaker_name.as_deref().unwrap_or("(no speaker)");
                    t = format!("{who}: “{}”\n{} line {} ({})", s.content, s.document, s.line, node.id);
                }
            }
            NodeKind::Document => {
                let doc = node.id.strip_prefix("doc:").and_then(|id| crate::graph::by_id(&self.r.documents, id, |d| &d.id));
                if let Some(d) = doc {
                    let extra: Vec<&str> = [d.source.as_deref(), d.date.as_deref()].into_iter().flatten().collect();
                    if !extra.is_empty() {
                        let _ = write!(t, "\n{}", extra.join(", "));
                    }
                }
            }
            _ => {}
        }
        let deg = self.g.edges_directed(i, petgraph::Direction::Outgoing).count()
            + self.g.edges_directed(i, petgraph::Direction::Incoming).count();
        let _ = write!(t, "\n{deg} link{}", if deg == 1 { "" } else { "s" });
        t
    }

    /// The hover text of an edge: its meaning and the statement ids behind it.
    fn edge_title(&self, e: petgraph::graph::EdgeReference<'_, crate::graph::Edge>) -> String {
        let (a, b) = (&self.g[e.source()], &self.g[e.target()]);
        let w = e.weight();
        let (what, _) = edge_kind_text(w.kind);
        let mut t = match w.kind {
            EdgeKind::Agree | EdgeKind::Disagree | EdgeKind::Neutral => {
                let (ag, di, ne) = self.cell(&a.id, &b.id);
                format!("{} → {}: {what} ({ag} for, {di} against, {ne} neutral)", a.label, b.label)
            }
            EdgeKind::Conflict | EdgeKind::Congruence => {
                let concepts = self.pair_concepts(&a.id, &b.id, w.kind == EdgeKind::Conflict);
                format!(
                    "{} — {}: {what} on {} concept{}: {}",
                    a.label,
                    b.label,
                    w.weight,
                    if w.weight == 1 { "" } else { "s" },
                    concepts.join("; ")
                )
            }
            _ => format!("{} → {}: {what}", a.label, b.label),
        };
        if !w.statements.is_empty() {
            let _ = write!(t, "\nstatements: {}", w.statements.join(", "));
        }
        t
    }

    /// Agree, disagree and neutral counts of one matrix cell.
    fn cell(&self, actor: &str, concept: &str) -> (u32, u32, u32) {
        self.cells.get(&(actor, concept)).copied().unwrap_or((0, 0, 0))
    }

    /// Labels of the concepts two actors conflict (or agree) on.
    fn pair_concepts(&self, a: &str, b: &str, conflict: bool) -> Vec<String> {
        let set = self.pairs.get(&(conflict, a, b)).into_iter().flatten();
        set.map(|&c| crate::graph::by_id(&self.r.concepts, c, |x| &x.id).map_or(c.to_string(), |x| x.label.clone())).collect()
    }

    fn max_weight(&self) -> u32 {
        self.max_weight
    }
}

/// Opens a node group (the caller writes its shapes and closes it with `</g>`).
fn open_node(out: &mut String, node: &Node, title: &str) {
    let _ = write!(
        out,
        "<g class=\"node\" data-id=\"{}\" data-kind=\"{}\" tabindex=\"0\"><title>{}</title>",
        escape(&node.id),
        node.kind.as_str(),
        escape(title)
    );
}

/// Writes one edge path with its hover title.
fn write_edge(out: &mut String, cx: &Ctx, e: petgraph::graph::EdgeReference<'_, crate::graph::Edge>, d: &str) {
    let w = e.weight();
    let width = stroke_width(w.weight, cx.max_weight());
    let (color, dash, cap) = edge_style(w.kind, width);
    let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<path class=\"edge\" data-source=\"{}\" data-target=\"{}\" data-kind=\"{}\" d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\" stroke-linecap=\"{cap}\"{dash}><title>{}</title></path>",
        escape(&cx.g[e.source()].id),
        escape(&cx.g[e.target()].id),
        w.kind.as_str(),
        n(width),
        escape(&cx.edge_title(e))
    );
}

/// A cubic curve from (x1, y1) to (x2, y2) leaving and arriving horizontally.
fn curve(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    let mx = (x1 + x2) / 2.0;
    format!("M{} {}C{} {} {} {} {} {}", n(x1), n(y1), n(mx), n(y1), n(mx), n(y2), n(x2), n(y2))
}

/// A text element; `text` is escaped here.
fn text(x: f64, y: f64, size: f64, anchor: &str, attrs: &str, s: &str) -> String {
    let anchor = if anchor == "start" { String::new() } else { format!(" text-anchor=\"{anchor}\"") };
    format!("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{anchor}{attrs}>{}</text>", n(x), n(y), n(size), escape(s))
}

/// One legend entry: a line sample or a node marker, then its words.
enum LegendItem {
    Line(EdgeKind, String),
    Marker(NodeKind, String),
    Note(String),
}

const LEGEND_Y: f64 = 84.0;
const LEGEND_SIZE: f64 = 12.0;

fn legend_item_width(it: &LegendItem) -> f64 {
    match it {
        LegendItem::Line(_, s) => 34.0 + 8.0 + text_width(s, LEGEND_SIZE),
        LegendItem::Marker(_, s) => 16.0 + 6.0 + text_width(s, LEGEND_SIZE),
        LegendItem::Note(s) => text_width(s, LEGEND_SIZE),
    }
}

/// Splits the legend into rows that fit the drawing's width (after a "Key" label).
fn legend_rows(items: &[LegendItem], width: f64) -> Vec<Vec<&LegendItem>> {
    let avail = width - 2.0 * MARGIN - 40.0;
    let mut rows: Vec<Vec<&LegendItem>> = vec![Vec::new()];
    let mut used = 0.0;
    for it in items {
        let w = legend_item_width(it) + 24.0;
        if used + w > avail && !rows.last().is_some_and(|r| r.is_empty()) {
            rows.push(Vec::new());
            used = 0.0;
        }
        rows.last_mut().expect("one row").push(it);
        used += w;
    }
    rows
}

/// Where the drawing starts: below the heading, the legend and the column headings.
fn content_top(items: &[LegendItem], width: f64) -> f64 {
    let rows = if items.is_empty() { 0 } else { legend_rows(items, width).len() };
    LEGEND_Y + 22.0 * rows as f64 + 34.0
}

/// The legend, left-aligned in rows below the subtitle.
fn legend(items: &[LegendItem], width: f64) -> String {
    if items.is_empty() {
        return String::new();
    }
    let size = LEGEND_SIZE;
    let mut out = String::from("<g class=\"legend\" aria-hidden=\"true\">");
    out.push_str(&text(MARGIN, LEGEND_Y, size, "start", &format!(" font-weight=\"700\" fill=\"{MUTED}\""), "Key"));
    for (ri, row) in legend_rows(items, width).iter().enumerate() {
        let y = LEGEND_Y + ri as f64 * 22.0;
        let mut x = MARGIN + 40.0;
        for it in row {
            match it {
                LegendItem::Line(k, s) => {
                    let (color, dash, cap) = edge_style(*k, 2.5);
                    let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
                    let _ = write!(
                        out,
                        "<path d=\"M{} {}h34\" stroke=\"{color}\" stroke-width=\"2.5\" stroke-linecap=\"{cap}\" fill=\"none\"{dash}/>",
                        n(x),
                        n(y - 4.0)
                    );
                    out.push_str(&text(x + 42.0, y, size, "start", &format!(" fill=\"{INK}\""), s));
                }
                LegendItem::Marker(k, s) => {
                    out.push_str(&marker(*k, x + 8.0, y - 4.0, ""));
                    out.push_str(&text(x + 22.0, y, size, "start", &format!(" fill=\"{INK}\""), s));
                }
                LegendItem::Note(s) => out.push_str(&text(x, y, size, "start", &format!(" fill=\"{MUTED}\""), s)),
            }
            x += legend_item_width(it) + 24.0;
        }
    }
    out.push_str("</g>\n");
    out
}

/// What [`render_svg`] draws between the heading and the closing tag.
struct Body {
    width: f64,
    height: f64,
    svg: String,
    legend: Vec<LegendItem>,
    desc: String,
}

/// Draws the network `opts` names as one SVG element (no XML declaration), for
/// a file or for inlining into HTML.
///
/// ```
/// use quotegraph::{export::svg::render_svg, graph::GraphOptions, model::Report};
/// let svg = render_svg(&Report::default(), &GraphOptions::default());
/// assert!(svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"));
/// ```
pub fn render_svg(r: &Report, opts: &GraphOptions) -> String {
    let g = build(r, opts);
    let stmts = r.statements.iter().map(|s| (s.id.as_str(), s)).collect();
    let cells = r.matrix.iter().rev().map(|c| ((c.actor.as_str(), c.concept.as_str()), (c.agree, c.disagree, c.neutral))).collect();
    let mut pairs: BTreeMap<(bool, &str, &str), BTreeSet<&str>> = BTreeMap::new();
    for (conflict, list) in [(true, &r.divergence.conflicts), (false, &r.divergence.congruences)] {
        for p in list {
            pairs.entry((conflict, p.a.as_str(), p.b.as_str())).or_default().insert(p.concept.as_str());
        }
    }
    let max_weight = g.edge_weights().map(|e| e.weight).max().unwrap_or(1);
    let cx = Ctx { r, opts, g, stmts, cells, pairs, max_weight };
    let body = if cx.g.node_count() == 0 {
        empty(&cx)
    } else {
        match opts.network {
            Network::Stance => stance(&cx),
            Network::Conflict | Network::Congruence => circle(&cx),
            Network::Affiliation | Network::Quotes => layered(&cx),
        }
    };
    let (title, subtitle) = heading(&cx);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qg-graph\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"qg-graph-title qg-graph-desc\" font-family=\"{FONTS}\" font-size=\"13\" fill=\"{INK}\">",
        w = n(body.width),
        h = n(body.height)
    );
    let _ = writeln!(out, "<title id=\"qg-graph-title\">{}</title>", escape(&title));
    let _ = writeln!(out, "<desc id=\"qg-graph-desc\">{}</desc>", escape(&body.desc));
    out.push_str(
        "<style>.qg-graph .node:focus{outline:none}.qg-graph .node:focus .qg-shape,.qg-graph .node:focus .qg-box{stroke:#1f2328;stroke-width:3}</style>\n",
    );
    let _ = writeln!(out, "<rect class=\"qg-bg\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>", n(body.width), n(body.height));
    out.push_str(&text(MARGIN, 34.0, 18.0, "start", " font-weight=\"600\"", &title));
    out.push('\n');
    out.push_str(&text(MARGIN, 56.0, 12.0, "start", &format!(" fill=\"{MUTED}\""), &subtitle));
    out.push('\n');
    out.push_str(&legend(&body.legend, body.width));
    out.push_str(&body.svg);
    out.push_str("</svg>\n");
    out
}

/// Writes an SVG file: the XML declaration and [`render_svg`].
pub fn write_svg(w: &mut dyn io::Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    w.write_all(render_svg(r, opts).as_bytes())
}

/// The drawing's title and a subtitle with its counts.
fn heading(cx: &Ctx) -> (String, String) {
    let title = match cx.opts.network {
        Network::Stance => "Stance network: who agrees or disagrees with what",
        Network::Conflict => "Conflict network: actors on opposite sides",
        Network::Congruence => "Congruence network: actors on the same side",
        Network::Affiliation => "Affiliation network: people and the organizations they speak for",
        Network::Quotes => "Quotation network: actors, statements and documents",
    };
    let level = match cx.opts.level {
        Level::Person => "actors are people",
        Level::Organization => "actors are organizations",
    };
    let mut kinds: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for i in cx.g.node_indices() {
        *kinds.entry(cx.g[i].kind).or_default() += 1;
    }
    let mut parts = vec![level.to_string()];
    for (k, c) in kinds {
        let one = k.as_str();
        let many = if k == NodeKind::Person { "people".to_string() } else { format!("{one}s") };
        parts.push(format!("{c} {}", if c == 1 { one.to_string() } else { many }));
    }
    let e = cx.g.edge_count();
    parts.push(format!("{e} link{}", if e == 1 { "" } else { "s" }));
    (title.to_string(), parts.join(" · "))
}

fn empty(cx: &Ctx) -> Body {
    let what = match cx.opts.network {
        Network::Stance => "no actor takes a stance on a concept",
        Network::Conflict => "no two actors are on opposite sides of a concept",
        Network::Congruence => "no two actors are on the same side of a concept",
        Network::Affiliation => "no person is linked to an organization",
        Network::Quotes => "no statement has a speaker",
    };
    let msg = format!("Nothing to draw: {what}.");
    let svg = text(PAGE_WIDTH / 2.0, 150.0, 16.0, "middle", &format!(" fill=\"{MUTED}\""), &msg) + "\n";
    Body { width: PAGE_WIDTH, height: 220.0, svg, legend: Vec::new(), desc: msg }
}

/// Greedy word wrap into at most `lines` lines of `width` characters; the last
/// line ends with `…` when the text does not fit.
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    for (k, w) in words.iter().enumerate() {
        let len = cur.chars().count();
        if len > 0 && len + 1 + w.chars().count() > width {
            if out.len() + 1 == lines {
                let rest = format!("{cur} {}", words[k..].join(" "));
                out.push(truncate(&rest, width));
                return out;
            }
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(truncate(&cur, width));
    }
    out
}

/// Stance network: actors left (grouped by organization), concepts right; every
/// edge arrives at its own "port" beside the concept, where its `+a/−d` label sits.
fn stance(cx: &Ctx) -> Body {
    let g = &cx.g;
    let w = PAGE_WIDTH;
    let size = 13.0;
    let (row, head, port) = (24.0, 30.0, 15.0);
    let (actor_chars, concept_chars) = (44, 52);

    let mut actors: Vec<NodeIndex> = g.node_indices().filter(|&i| g[i].kind != NodeKind::Concept).collect();
    let mut concepts: Vec<NodeIndex> = g.node_indices().filter(|&i| g[i].kind == NodeKind::Concept).collect();
    let grouped = actors.iter().any(|&i| g[i].group.is_some());
    let group_key = |i: NodeIndex| -> (bool, String, String) {
        let gl = g[i].group_label.clone().or_else(|| g[i].group.clone());
        (gl.is_none(), gl.as_deref().unwrap_or("").to_lowercase(), gl.unwrap_or_default())
    };
    actors.sort_by_key(|&i| (group_key(i), g[i].label.to_lowercase(), g[i].label.clone(), g[i].id.clone()));
    concepts.sort_by_key(|&i| (g[i].label.to_lowercase(), g[i].label.clone(), g[i].id.clone()));

    let actor_kind = if cx.opts.level == Level::Organization { NodeKind::Organization } else { NodeKind::Person };
    let mut legend = vec![
        LegendItem::Line(EdgeKind::Agree, "agrees (solid)".into()),
        LegendItem::Line(EdgeKind::Disagree, "disagrees (dashed)".into()),
        LegendItem::Line(EdgeKind::Neutral, "neutral or mixed (dotted)".into()),
        LegendItem::Marker(actor_kind, actor_kind.as_str().into()),
    ];
    if actors.iter().any(|&i| g[i].kind != actor_kind) {
        let other = if actor_kind == NodeKind::Person { NodeKind::Organization } else { NodeKind::Person };
        legend.push(LegendItem::Marker(other, other.as_str().into()));
    }
    legend.push(LegendItem::Marker(NodeKind::Concept, "concept".into()));
    legend.push(LegendItem::Note("+a/−d: statements for / against · thicker line: larger net count".into()));
    let top = content_top(&legend, w);

    // column widths from the labels actually drawn
    let actor_labels: BTreeMap<NodeIndex, String> = actors.iter().map(|&i| (i, truncate(&g[i].label, actor_chars))).collect();
    let concept_lines: BTreeMap<NodeIndex, Vec<String>> = concepts.iter().map(|&i| (i, wrap(&g[i].label, concept_chars, 2))).collect();
    let heading_w = actors
        .iter()
        .filter_map(|&i| g[i].group_label.as_deref().or(g[i].group.as_deref()))
        .map(|l| text_width(&truncate(l, actor_chars), 12.0) * 1.08)
        .fold(if grouped { text_width("No organization", 12.0) * 1.08 } else { 0.0 }, f64::max);
    let actor_w = actor_labels
        .values()
        .map(|l| text_width(l, size))
        .fold(110.0f64.max(heading_w), f64::max)
        .min(text_width(&"x".repeat(actor_chars), size));
    let concept_w = concept_lines
        .values()
        .flatten()
        .map(|l| text_width(l, size))
        .fold(110.0, f64::max)
        .min(text_width(&"x".repeat(concept_chars), size));
    let lab_l = MARGIN + actor_w;
    let x_l = lab_l + 12.0;
    let x_r = w - MARGIN - concept_w - 16.0;
    let lab_r = x_r + 16.0;

    // left column: y of every actor and of every group heading
    let mut pos: BTreeMap<NodeIndex, (f64, f64)> = BTreeMap::new();
    let mut headings: Vec<(f64, String)> = Vec::new();
    let mut y = 0.0;
    let mut last_group: Option<(bool, String, String)> = None;
    for (k, &i) in actors.iter().enumerate() {
        if grouped {
            let key = group_key(i);
            if last_group.as_ref() != Some(&key) {
                if k > 0 {
                    y += 10.0;
                }
                let label = if key.0 { "No organization".to_string() } else { key.2.clone() };
                headings.push((y, label));
                y += head - row / 2.0;
                last_group = Some(key);
            }
        }
        pos.insert(i, (x_l, y + row / 2.0));
        y += row;
    }
    let left_h = y;
    // right column: each concept gets room for its label and its fan of ports
    let fan = |i: NodeIndex| g.edges_directed(i, petgraph::Direction::Incoming).count();
    let need: Vec<f64> =
        concepts.iter().map(|&i| (fan(i) as f64 * port + 12.0).max(concept_lines[&i].len() as f64 * 16.0 + 16.0).max(row + 8.0)).collect();
    let need_h: f64 = need.iter().sum();
    let extra = if concepts.is_empty() { 0.0 } else { ((left_h - need_h) / concepts.len() as f64).clamp(0.0, 2.0 * row) };
    let right_h = need_h + extra * concepts.len() as f64;
    let content_h = left_h.max(right_h);
    let off_l = top + (content_h - left_h) / 2.0;
    for v in pos.values_mut() {
        v.1 += off_l;
    }
    let mut yc = top + (content_h - right_h) / 2.0;
    for (k, &i) in concepts.iter().enumerate() {
        let h = need[k] + extra;
        pos.insert(i, (x_r, yc + h / 2.0));
        yc += h;
    }
    let height = top + content_h + 32.0;

    let mut out = String::new();
    let heading_attrs = format!(" font-weight=\"700\" fill=\"{MUTED}\" letter-spacing=\"0.5\"");
    out.push_str(&text(lab_l, top - 14.0, 12.0, "end", &heading_attrs, "ACTORS"));
    out.push_str(&text(lab_r - 16.0, top - 14.0, 12.0, "start", &heading_attrs, "CONCEPTS"));
    out.push_str("\n<g class=\"groups\">\n");
    for (hy, label) in &headings {
        let yy = hy + off_l + 14.0;
        out.push_str(&text(lab_l, yy, 12.0, "end", &format!(" font-weight=\"600\" fill=\"{MUTED}\""), &truncate(label, actor_chars)));
        let _ = writeln!(out, "<path d=\"M{} {}H{}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>", n(MARGIN), n(yy + 5.0), n(x_l + 6.0));
    }
    out.push_str("</g>\n");

    // ports: the edges into a concept, in the order of their actors, fanned out around it
    let mut port_y: BTreeMap<petgraph::graph::EdgeIndex, f64> = BTreeMap::new();
    for &c in &concepts {
        let mut es: Vec<(f64, String, petgraph::graph::EdgeIndex)> =
            g.edges_directed(c, petgraph::Direction::Incoming).map(|e| (pos[&e.source()].1, g[e.source()].id.clone(), e.id())).collect();
        es.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let k = es.len() as f64;
        for (j, (_, _, e)) in es.into_iter().enumerate() {
            port_y.insert(e, pos[&c].1 + (j as f64 - (k - 1.0) / 2.0) * port);
        }
    }
    let (xp, xq, xe) = (x_r - 84.0, x_r - 36.0, x_r - 11.0);
    out.push_str("<g class=\"edges\">\n");
    let mut labels = String::new();
    for e in g.edge_references() {
        let (x1, y1) = pos[&e.source()];
        let (_, y2) = pos[&e.target()];
        let py = port_y[&e.id()];
        let d =
            format!("{}H{}C{} {} {} {} {} {}", curve(x1 + 8.0, y1, xp, py), n(xq), n(xq + 14.0), n(py), n(xe - 10.0), n(y2), n(xe), n(y2));
        write_edge(&mut out, cx, e, &d);
        let (ag, di, _) = cx.cell(&g[e.source()].id, &g[e.target()].id);
        let color = match e.weight().kind {
            EdgeKind::Agree => GREEN,
            EdgeKind::Disagree => RED,
            _ => MUTED,
        };
        let attrs = format!(
            " class=\"edge-label\" data-source=\"{}\" data-target=\"{}\" font-weight=\"600\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\"",
            escape(&g[e.source()].id),
            escape(&g[e.target()].id)
        );
        let _ = writeln!(labels, "{}", text((xp + xq) / 2.0, py + 4.0, 11.0, "middle", &attrs, &format!("+{ag}/−{di}")));
    }
    out.push_str("</g>\n<g class=\"edge-labels\" aria-hidden=\"true\">\n");
    out.push_str(&labels);
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for &i in actors.iter().chain(concepts.iter()) {
        let node = &g[i];
        let (x, y) = pos[&i];
        open_node(&mut out, node, &cx.node_title(i));
        out.push_str(&marker(node.kind, x, y, ""));
        if node.kind == NodeKind::Concept {
            let lines = &concept_lines[&i];
            let y0 = y + 4.5 - (lines.len() as f64 - 1.0) * 8.0;
            for (k, l) in lines.iter().enumerate() {
                out.push_str(&text(lab_r, y0 + 16.0 * k as f64, size, "start", "", l));
            }
        } else {
            out.push_str(&text(lab_l, y + 4.5, size, "end", "", &actor_labels[&i]));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");

    let desc = format!(
        "{} actors in the left column{}, {} concepts in the right column, {} links. A green solid line means the actor agrees, a red dashed line that they disagree, a grey dotted line that they are neutral or mixed; the label +a/−d counts statements for and against.",
        actors.len(),
        if grouped { " grouped by organization" } else { "" },
        concepts.len(),
        g.edge_count()
    );
    Body { width: w, height, svg: out, legend, desc }
}

/// Conflict or congruence network: actors on a circle, straight edges.
fn circle(cx: &Ctx) -> Body {
    let g = &cx.g;
    let mut nodes: Vec<NodeIndex> = g.node_indices().collect();
    nodes.sort_by(|&a, &b| g[a].id.cmp(&g[b].id));
    let count = nodes.len();
    let radius = 250.0f64.max(count as f64 * 30.0 / (2.0 * PI));
    let label_space = 230.0;
    let width = PAGE_WIDTH.max(2.0 * (radius + label_space + MARGIN));
    let kind = if cx.opts.network == Network::Conflict { EdgeKind::Conflict } else { EdgeKind::Congruence };
    let mut legend = vec![if kind == EdgeKind::Conflict {
        LegendItem::Line(kind, "on opposite sides (dashed)".into())
    } else {
        LegendItem::Line(kind, "on the same side (solid)".into())
    }];
    let kinds: BTreeSet<NodeKind> = nodes.iter().map(|&i| g[i].kind).collect();
    for k in kinds {
        legend.push(LegendItem::Marker(k, k.as_str().into()));
    }
    legend.push(LegendItem::Note("thicker line: more concepts".into()));
    let top = content_top(&legend, width);
    let height = top + 2.0 * radius + 90.0;
    let (ccx, ccy) = (width / 2.0, top + (height - top) / 2.0 - 6.0);
    let mut pos: BTreeMap<NodeIndex, (f64, f64, f64)> = BTreeMap::new();
    for (k, &i) in nodes.iter().enumerate() {
        let a = -PI / 2.0 + 2.0 * PI * k as f64 / count as f64;
        pos.insert(i, (ccx + radius * a.cos(), ccy + radius * a.sin(), a));
    }
    let mut out = String::from("<g class=\"edges\">\n");
    for e in g.edge_references() {
        let (x1, y1, _) = pos[&e.source()];
        let (x2, y2, _) = pos[&e.target()];
        write_edge(&mut out, cx, e, &format!("M{} {}L{} {}", n(x1), n(y1), n(x2), n(y2)));
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for &i in &nodes {
        let node = &g[i];
        let (x, y, a) = pos[&i];
        let (c, s) = (a.cos(), a.sin());
        let anchor = if c > 0.25 {
            "start"
        } else if c < -0.25 {
            "end"
        } else {
            "middle"
        };
        let (lx, ly) = (
            x + 14.0 * c,
            y + 14.0 * s
                + 4.5
                + if s > 0.5 {
                    6.0
                } else if s < -0.5 {
                    -4.0
                } else {
                    0.0
                },
        );
        open_node(&mut out, node, &cx.node_title(i));
        out.push_str(&marker(node.kind, x, y, ""));
        out.push_str(&text(lx, ly, 13.0, anchor, "", &truncate(&node.label, 30)));
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    let desc = format!(
        "{} actors on a circle, sorted by id; {} links, each a {} line between two actors {}, thicker for more concepts.",
        count,
        g.edge_count(),
        if kind == EdgeKind::Conflict { "red dashed" } else { "green solid" },
        if kind == EdgeKind::Conflict { "on opposite sides of at least one concept" } else { "on the same side of at least one concept" }
    );
    Body { width, height, svg: out, legend, desc }
}

/// Affiliation or quotation network: one column per node kind, nodes as labelled boxes.
fn layered(cx: &Ctx) -> Body {
    let g = &cx.g;
    // columns: (heading, kinds, relative width); in the quotation network people
    // and organizations are both speakers and share a column
    let actors_together = cx.opts.network == Network::Quotes;
    let mut slots: Vec<(&str, Vec<NodeKind>, f64)> = Vec::new();
    for k in [NodeKind::Person, NodeKind::Organization, NodeKind::Concept, NodeKind::Statement, NodeKind::Document] {
        if !g.node_indices().any(|i| g[i].kind == k) {
            continue;
        }
        let weight = if k == NodeKind::Statement { 1.7 } else { 1.0 };
        match slots.last_mut() {
            Some(last) if actors_together && k == NodeKind::Organization && last.1 == [NodeKind::Person] => {
                last.0 = "SPEAKERS";
                last.1.push(k);
            }
            _ => slots.push((kind_heading(k), vec![k], weight)),
        }
    }
    let kinds: Vec<NodeKind> = slots.iter().flat_map(|s| s.1.iter().copied()).collect();
    let col_of = |k: NodeKind| slots.iter().position(|s| s.1.contains(&k)).unwrap_or(0);
    let width = PAGE_WIDTH;
    let total: f64 = slots.iter().map(|s| s.2).sum();
    let unit = (width - 2.0 * MARGIN) / total;
    let gap = (unit * 0.3).min(110.0);
    // left edge and box width of each column
    let mut geo: Vec<(f64, f64)> = Vec::new();
    let mut x = MARGIN;
    for s in &slots {
        let w = s.2 * unit;
        geo.push((x + gap / 2.0, w - gap));
        x += w;
    }
    let (box_h, pitch) = (22.0, 28.0);
    let chars = |box_w: f64| ((box_w - 30.0) / (12.0 * 0.56)).floor().max(8.0) as usize;

    // order: first column by label, each later column by the mean row of its
    // neighbours in earlier columns (fewer crossings), then by label
    let mut rows: BTreeMap<NodeIndex, f64> = BTreeMap::new();
    let mut columns: Vec<Vec<NodeIndex>> = Vec::new();
    for (c, slot) in slots.iter().enumerate() {
        let mut col: Vec<(f64, String, String, NodeIndex)> = g
            .node_indices()
            .filter(|&i| slot.1.contains(&g[i].kind))
            .map(|i| {
                let ys: Vec<f64> =
                    g.neighbors_undirected(i).filter_map(|j| (col_of(g[j].kind) < c).then(|| rows.get(&j).copied()).flatten()).collect();
                let key = if ys.is_empty() { f64::MAX } else { ys.iter().sum::<f64>() / ys.len() as f64 };
                (key, g[i].label.to_lowercase(), g[i].id.clone(), i)
            })
            .collect();
        col.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2)));
        let len = col.len().max(1) as f64;
        for (r, x) in col.iter().enumerate() {
            rows.insert(x.3, (r as f64 + 0.5) / len);
        }
        columns.push(col.into_iter().map(|x| x.3).collect());
    }
    let tallest = columns.iter().map(|c| c.len()).max().unwrap_or(1) as f64 * pitch;
    let present: BTreeSet<EdgeKind> = g.edge_weights().map(|e| e.kind).collect();
    let mut legend: Vec<LegendItem> = present
        .into_iter()
        .map(|k| {
            let (what, pattern) = edge_kind_text(k);
            LegendItem::Line(k, format!("{what} ({pattern})"))
        })
        .collect();
    for k in &kinds {
        legend.push(LegendItem::Marker(*k, k.as_str().into()));
    }
    let top = content_top(&legend, width);
    let mut pos: BTreeMap<NodeIndex, (f64, f64)> = BTreeMap::new();
    for (c, col) in columns.iter().enumerate() {
        let x = geo[c].0;
        let p = (tallest / col.len().max(1) as f64).clamp(pitch, 3.0 * pitch);
        let off = top + (tallest - p * col.len() as f64) / 2.0;
        for (r, &i) in col.iter().enumerate() {
            pos.insert(i, (x, off + p * (r as f64 + 0.5)));
        }
    }
    let height = top + tallest + 32.0;

    let mut out = String::new();
    for (c, slot) in slots.iter().enumerate() {
        out.push_str(&text(
            geo[c].0,
            top - 14.0,
            12.0,
            "start",
            &format!(" font-weight=\"700\" fill=\"{MUTED}\" letter-spacing=\"0.5\""),
            &slot.0.to_uppercase(),
        ));
    }
    out.push_str("\n<g class=\"edges\">\n");
    for e in g.edge_references() {
        let (xa, ya) = pos[&e.source()];
        let (xb, yb) = pos[&e.target()];
        let (ca, cb) = (col_of(g[e.source()].kind), col_of(g[e.target()].kind));
        let d = if ca == cb {
            let xr = xa + geo[ca].1;
            let bulge = xr + 30.0 + (ya - yb).abs().min(200.0) * 0.15;
            format!("M{} {}C{} {} {} {} {} {}", n(xr), n(ya), n(bulge), n(ya), n(bulge), n(yb), n(xr), n(yb))
        } else if ca < cb {
            curve(xa + geo[ca].1, ya, xb, yb)
        } else {
            curve(xa, ya, xb + geo[cb].1, yb)
        };
        write_edge(&mut out, cx, e, &d);
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for (c, col) in columns.iter().enumerate() {
        let box_w = geo[c].1;
        for &i in col {
            let node = &g[i];
            let (x, y) = pos[&i];
            let color = kind_color(node.kind);
            let rx = if node.kind == NodeKind::Person { 11.0 } else { 3.0 };
            open_node(&mut out, node, &cx.node_title(i));
            let _ = write!(
                out,
                "<rect class=\"qg-box\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"#fff\" stroke=\"{color}\" stroke-width=\"1.5\"/>",
                n(x),
                n(y - box_h / 2.0),
                n(box_w),
                n(box_h),
                n(rx)
            );
            out.push_str(&marker(node.kind, x + 12.0, y, ""));
            out.push_str(&text(x + 24.0, y + 4.5, 12.0, "start", "", &truncate(&node.label, chars(box_w))));
            out.push_str("</g>\n");
        }
    }
    out.push_str("</g>\n");
    let desc = format!(
        "A layered drawing with one column per kind of node ({}); {} nodes and {} links.",
        kinds.iter().map(|k| kind_heading(*k).to_lowercase()).collect::<Vec<_>>().join(", "),
        g.node_count(),
        g.edge_count()
    );
    Body { width, height, svg: out, legend, desc }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Code, ConceptInfo, Contested, Divergence, DocInfo, MatrixCell, OrgInfo, Pair, PersonInfo, QuoteKind, Stance};

    #[allow(clippy::too_many_arguments)]
    fn stmt(id: &str, doc: &str, who: &str, name: &str, org: &str, content: &str, line: usize, codes: &[(&str, Stance)]) -> StatementInfo {
        StatementInfo {
            id: id.into(),
            document: doc.into(),
            speaker: Some(who.into()),
            speaker_name: Some(name.into()),
            organization: Some(org.into()),
            content: content.into(),
            content_span: [0, content.chars().count()],
            kind: QuoteKind::Direct,
            cue: Some("said".into()),
            line,
            codes: codes.iter().map(|(c, s)| Code { concept: (*c).into(), stance: *s, evidence: "x".into() }).collect(),
            targets: Vec::new(),
        }
    }

    /// Two people in two organizations, two concepts, a conflict pair; one name needs escaping.
    pub(crate) fn sample_report() -> Report {
        let ann = "Ann <b>\"Lee\" & Co</b>";
        Report {
            documents: vec![
                DocInfo {
                    id: "d1".into(),
                    title: Some("Talks resume".into()),
                    source: Some("Wire".into()),
                    date: Some("2024-05-01".into()),
                },
                DocInfo { id: "d2".into(), title: None, source: None, date: None },
            ],
            people: vec![
                PersonInfo {
                    id: "person:ann-lee".into(),
                    name: ann.into(),
                    aliases: vec![],
                    titles: vec!["Spokeswoman".into()],
                    organizations: vec!["org:alpha".into()],
                    merged: vec![],
                },
                PersonInfo {
                    id: "person:bo-kim".into(),
                    name: "Bo Kim".into(),
                    aliases: vec![],
                    titles: vec![],
                    organizations: vec!["org:beta".into()],
                    merged: vec![],
                },
            ],
            organizations: vec![
                OrgInfo { id: "org:alpha".into(), name: "Alpha Ministry".into(), kind: "government".into() },
                OrgInfo { id: "org:beta".into(), name: "Beta Party".into(), kind: "party".into() },
            ],
            concepts: vec![
                ConceptInfo { id: "concept:ceasefire".into(), label: "A ceasefire should be agreed now".into(), parent: None },
                ConceptInfo { id: "concept:sanctions".into(), label: "Sanctions".into(), parent: None },
            ],
            statements: vec![
                stmt(
                    "stmt:d1:0001",
                    "d1",
                    "person:ann-lee",
                    ann,
                    "org:alpha",
                    "We want a ceasefire today.",
                    3,
                    &[("concept:ceasefire", Stance::Agree)],
                ),
                stmt(
                    "stmt:d1:0002",
                    "d1",
                    "person:bo-kim",
                    "Bo Kim",
                    "org:beta",
                    "A ceasefire now would be a trap.",
                    7,
                    &[("concept:ceasefire", Stance::Disagree)],
                ),
                stmt(
                    "stmt:d2:0001",
                    "d2",
                    "person:bo-kim",
                    "Bo Kim",
                    "org:beta",
                    "Sanctions must stay.",
                    2,
                    &[("concept:sanctions", Stance::Agree)],
                ),
            ],
            contrasts: vec![],
            matrix: vec![
                MatrixCell { actor: "person:ann-lee".into(), concept: "concept:ceasefire".into(), agree: 1, disagree: 0, neutral: 0 },
                MatrixCell { actor: "person:bo-kim".into(), concept: "concept:ceasefire".into(), agree: 0, disagree: 1, neutral: 0 },
                MatrixCell { actor: "person:bo-kim".into(), concept: "concept:sanctions".into(), agree: 2, disagree: 0, neutral: 1 },
            ],
            divergence: Divergence {
                contested: vec![Contested {
                    concept: "concept:ceasefire".into(),
                    agree: vec!["person:ann-lee".into()],
                    disagree: vec!["person:bo-kim".into()],
                }],
                conflicts: vec![Pair {
                    a: "person:ann-lee".into(),
                    b: "person:bo-kim".into(),
                    a_name: ann.into(),
                    b_name: "Bo Kim".into(),
                    concept: "concept:ceasefire".into(),
                    statements: ["stmt:d1:0001".into(), "stmt:d1:0002".into()],
                }],
                congruences: vec![],
            },
            ..Report::default()
        }
    }

    fn all_networks() -> Vec<GraphOptions> {
        let mut v = Vec::new();
        for network in [Network::Stance, Network::Conflict, Network::Congruence, Network::Affiliation, Network::Quotes] {
            for level in [Level::Person, Level::Organization] {
                v.push(GraphOptions { network, level });
            }
        }
        v
    }

    /// Checks that every opened element is closed in order (a small XML well-formedness check).
    fn balanced(svg: &str) -> Result<(), String> {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').ok_or("unclosed tag")?;
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('?') || tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().ok_or(format!("stray </{name}>"))?;
                if open != name {
                    return Err(format!("<{open}> closed by </{name}>"));
                }
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap_or("").to_string());
            }
            if tag.contains('<') {
                return Err(format!("'<' inside a tag: {tag}"));
            }
        }
        if stack.is_empty() {
            Ok(())
        } else {
            Err(format!("unclosed: {stack:?}"))
        }
    }

    #[test]
    fn every_network_is_well_formed_and_has_a_legend() {
        let r = sample_report();
        for opts in all_networks() {
            let svg = render_svg(&r, &opts);
            balanced(&svg).unwrap_or_else(|e| panic!("{opts:?}: {e}\n{svg}"));
            assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count(), "{opts:?}");
            assert!(svg.contains("class=\"legend\"") || svg.contains("Nothing to draw"), "{opts:?}");
            assert!(svg.contains("role=\"img\"") && svg.contains("<title id=\"qg-graph-title\">") && svg.contains("<desc"));
        }
        let empty = render_svg(&Report::default(), &GraphOptions::default());
        balanced(&empty).unwrap();
        assert!(empty.contains("Nothing to draw"));
    }

    #[test]
    fn stance_network_draws_nodes_edges_and_counts() {
        let svg = render_svg(&sample_report(), &GraphOptions::default());
        assert_eq!(svg.matches("<g class=\"node\"").count(), 4);
        assert_eq!(svg.matches("<path class=\"edge\"").count(), 3);
        assert!(svg.contains(r#"data-id="person:ann-lee" data-kind="person" tabindex="0""#));
        assert!(svg.contains(r#"data-source="person:bo-kim" data-target="concept:ceasefire" data-kind="disagree""#));
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("stroke=\"#1a7f37\"") && svg.contains("stroke=\"#cf222e\""));
        assert!(svg.contains("+2/−0") && svg.contains("+0/−1"));
        assert!(svg.contains("statements: stmt:d1:0002"));
        // group headings, sorted: Alpha before Beta
        let (a, b) = (svg.find(">Alpha Ministry<").unwrap(), svg.find(">Beta Party<").unwrap());
        assert!(a < b);
    }

    #[test]
    fn names_are_escaped() {
        let r = sample_report();
        for opts in all_networks() {
            let svg = render_svg(&r, &opts);
            assert!(!svg.contains("<b>"), "{opts:?}");
            assert!(!svg.contains("\"Lee\""), "{opts:?}");
        }
        let svg = render_svg(&r, &GraphOptions::default());
        assert!(svg.contains("Ann &lt;b&gt;&quot;Lee&quot; &amp; Co&lt;/b&gt;"));
    }

    #[test]
    fn output_is_deterministic_and_text_is_legible() {
        let r = sample_report();
        for opts in all_networks() {
            let a = render_svg(&r, &opts);
            assert_eq!(a, render_svg(&r.clone(), &opts));
            for part in a.split("font-size=\"").skip(1) {
                let size: f64 = part[..part.find('"').unwrap()].parse().unwrap();
                assert!(size >= 11.0, "{opts:?}: font-size {size}");
            }
        }
    }

    #[test]
    fn long_labels_are_cut_but_kept_in_titles() {
        let mut r = sample_report();
        let long = "The parties should agree on a ceasefire along the present line of contact before any talks on territory, guarantees, sanctions or reparations begin";
        r.concepts[0].label = long.into();
        let svg = render_svg(&r, &GraphOptions::default());
        assert!(svg.contains("…</text>"));
        assert!(svg.contains(">The parties should agree on a ceasefire along the</text>"), "wrapped onto two lines");
        assert!(svg.contains(&format!("<title>{long}")));
    }

    #[test]
    fn write_svg_adds_the_xml_declaration() {
        let mut out = Vec::new();
        write_svg(&mut out, &sample_report(), &GraphOptions { network: Network::Conflict, level: Level::Person }).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        assert!(s.contains("data-kind=\"conflict\""));
    }
}
