//! CSV tables of a [`Report`]: one row per coded statement, the nodes and edges
//! of a projected network ([`crate::graph`]), and the time windows' matrices, for
//! spreadsheets, R and pandas.
//!
//! The format is RFC 4180: a header row, comma-separated fields, CRLF line
//! endings; a field holding a comma, a double quote, CR or LF is enclosed in
//! double quotes, with inner quotes doubled. Rows follow the report's sorted
//! lists (and the graph's node and edge order), so output is deterministic.
//!
//! The kind names (`NodeKind::as_str`, `EdgeKind::as_str`) are the serde names
//! the JSON export uses; every graph export here writes them.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::graph::{actor_of, build, by_id, GraphOptions, Level};
use crate::model::Report;

/// Quotes one field when RFC 4180 requires it (comma, double quote, CR or LF).
pub(crate) fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Writes one row, CRLF-terminated.
pub(crate) fn row<S: AsRef<str>>(w: &mut dyn Write, fields: &[S]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(field(f.as_ref()).as_bytes())?;
    }
    w.write_all(b"\r\n")
}

/// Writes one row per (statement, code); a statement without codes gets one
/// row with empty concept, concept_label, stance and evidence.
///
/// Columns: `statement,document,date,source,line,start,end,kind,speaker_id,
/// speaker,organization,concept,concept_label,stance,evidence,cue,quote`.
/// `start`/`end` are the statement's code-point `content_span`; `speaker_id`
/// and `speaker` are the actor the statement counts for at `level` (the
/// organization at [`Level::Organization`] when known); `organization` is the
/// name of the organization the speaker spoke for.
///
/// ```
/// use quotegraph::{export::csv::write_statements, graph::Level, model::Report};
/// let mut out = Vec::new();
/// write_statements(&mut out, &Report::default(), Level::Person).unwrap();
/// assert!(out.starts_with(b"statement,document,date,"));
/// assert!(out.ends_with(b",quote\r\n"));
/// ```
pub fn write_statements(w: &mut dyn Write, r: &Report, level: Level) -> io::Result<()> {
    row(
        w,
        &[
            "statement",
            "document",
            "date",
            "source",
            "line",
            "start",
            "end",
            "kind",
            "speaker_id",
            "speaker",
            "organization",
            "concept",
            "concept_label",
            "stance",
            "evidence",
            "cue",
            "quote",
        ],
    )?;
    for s in &r.statements {
        let doc = by_id(&r.documents, &s.document, |d| &d.id);
        let (speaker_id, speaker) = actor_of(r, s, level).unwrap_or_default();
        let org = s.organization.as_deref().map(|o| by_id(&r.organizations, o, |x| &x.id).map_or(o, |x| x.name.as_str())).unwrap_or("");
        let common = [
            s.id.clone(),
            s.document.clone(),
            doc.and_then(|d| d.date.clone()).unwrap_or_default(),
            doc.and_then(|d| d.source.clone()).unwrap_or_default(),
            s.line.to_string(),
            s.content_span[0].to_string(),
            s.content_span[1].to_string(),
            s.kind.as_str().to_string(),
            speaker_id,
            speaker,
            org.to_string(),
        ];
        let tail = [s.cue.clone().unwrap_or_default(), s.content.clone()];
        let mut write_one = |coded: [String; 4]| -> io::Result<()> {
            let fields: Vec<&str> = common.iter().chain(coded.iter()).chain(tail.iter()).map(String::as_str).collect();
            row(w, &fields)
        };
        if s.codes.is_empty() {
            write_one(Default::default())?;
        }
        for c in &s.codes {
            let label = by_id(&r.concepts, &c.concept, |k| &k.id).map(|k| k.label.clone()).unwrap_or_default();
            write_one([c.concept.clone(), label, c.stance.as_str().to_string(), c.evidence.clone()])?;
        }
    }
    Ok(())
}

/// Writes the nodes of the network `opts` names: `id,label,kind,group`
/// (`group` is the organization id a person is clustered under, if any).
///
/// ```
/// use quotegraph::{export::csv::write_nodes, graph::GraphOptions, model::Report};
/// let mut out = Vec::new();
/// write_nodes(&mut out, &Report::default(), &GraphOptions::default()).unwrap();
/// assert_eq!(out, b"id,label,kind,group\r\n");
/// ```
pub fn write_nodes(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    let g = build(r, opts);
    row(w, &["id", "label", "kind", "group"])?;
    for n in g.node_weights() {
        row(w, &[n.id.as_str(), n.label.as_str(), n.kind.as_str(), n.group.as_deref().unwrap_or("")])?;
    }
    Ok(())
}

/// Writes the edges of the network `opts` names:
/// `source,target,kind,weight,sign,statements` (node ids; statement ids
/// separated by spaces).
///
/// ```
/// use quotegraph::{export::csv::write_edges, graph::GraphOptions, model::Report};
/// let mut out = Vec::new();
/// write_edges(&mut out, &Report::default(), &GraphOptions::default()).unwrap();
/// assert_eq!(out, b"source,target,kind,weight,sign,statements\r\n");
/// ```
pub fn write_edges(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    let g = build(r, opts);
    row(w, &["source", "target", "kind", "weight", "sign", "statements"])?;
    for e in g.raw_edges() {
        let d = &e.weight;
        row(
            w,
            &[
                g[e.source()].id.clone(),
                g[e.target()].id.clone(),
                d.kind.as_str().to_string(),
                d.weight.to_string(),
                d.sign.to_string(),
                d.statements.join(" "),
            ],
        )?;
    }
    Ok(())
}

/// Writes the time windows of a report built with `--window`: one row per window and
/// matrix cell, `window,start,end,documents,statements,actor,concept,agree,disagree,
/// neutral,total`. `documents` and `statements` are the window's (repeated on each of
/// its rows); a window without cells gets one row with empty actor and concept and
/// zero counts. The undated window has empty `start` and `end`. A report without
/// windows gives the header alone.
///
/// ```
/// use quotegraph::{export::csv::write_windows, model::Report};
/// let mut out = Vec::new();
/// write_windows(&mut out, &Report::default()).unwrap();
/// assert_eq!(out, b"window,start,end,documents,statements,actor,concept,agree,disagree,neutral,total\r\n");
/// ```
pub fn write_windows(w: &mut dyn Write, r: &Report) -> io::Result<()> {
    row(w, &["window", "start", "end", "documents", "statements", "actor", "concept", "agree", "disagree", "neutral", "total"])?;
    for win in r.windows.iter().flatten() {
        let head = [
            win.key.clone(),
            win.start.clone().unwrap_or_default(),
            win.end.clone().unwrap_or_default(),
            win.documents.to_string(),
            win.statements.to_string(),
        ];
        let mut write_one = |cell: [String; 6]| -> io::Result<()> {
            let fields: Vec<&str> = head.iter().chain(cell.iter()).map(String::as_str).collect();
            row(w, &fields)
        };
        if win.matrix.is_empty() {
            write_one([String::new(), String::new(), "0".into(), "0".into(), "0".into(), "0".into()])?;
        }
        for c in &win.matrix {
            write_one([
                c.actor.clone(),
                c.concept.clone(),
                c.agree.to_string(),
                c.disagree.to_string(),
                c.neutral.to_string(),
                (c.agree + c.disagree + c.neutral).to_string(),
            ])?;
        }
    }
    Ok(())
}

/// A small hand-built report shared by the export tests.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::*;

    /// The awkward name every export must escape.
    pub const ODD_NAME: &str = "Ann \"Annie\" Lee & <Co>\nJr.";

    /// 2 people in 2 organizations, 2 concepts, 4 statements (agree and
    /// disagree codes, one uncoded and unattributed), a contrast, a conflict,
    /// a congruence and the person-level matrix; every list sorted by id.
    pub fn report() -> Report {
        let stmt = |n: u32, speaker: Option<(&str, &str, &str)>, content: &str, codes: Vec<Code>| StatementInfo {
            id: format!("stmt:talks:{n:04}"),
            document: "talks".into(),
            speaker: speaker.map(|s| s.0.to_string()),
            speaker_name: speaker.map(|s| s.1.to_string()),
            organization: speaker.map(|s| s.2.to_string()),
            content: content.into(),
            content_span: [10 * n as usize, 10 * n as usize + content.chars().count()],
            kind: QuoteKind::Direct,
            cue: Some("said".into()),
            line: n as usize,
            codes,
            targets: Vec::new(),
        };
        let code = |concept: &str, stance: Stance, evidence: &str| Code { concept: concept.into(), stance, evidence: evidence.into() };
        let ann = Some(("person:ann-lee", ODD_NAME, "org:acme"));
        let bo = Some(("person:bo-chen", "Bo Chen", "org:zeta"));
        let pair = |concept: &str, a: u32, b: u32| Pair {
            a: "person:ann-lee".into(),
            b: "person:bo-chen".into(),
            a_name: ODD_NAME.into(),
            b_name: "Bo Chen".into(),
            concept: concept.into(),
            statements: [format!("stmt:talks:{a:04}"), format!("stmt:talks:{b:04}")],
        };
        let cell = |actor: &str, concept: &str, agree: u32, disagree: u32| MatrixCell {
            actor: actor.into(),
            concept: concept.into(),
            agree,
            disagree,
            neutral: 0,
        };
        Report {
            documents: vec![DocInfo {
                id: "talks".into(),
                title: Some("Talks & \"truce\"".into()),
                source: Some("Wire".into()),
                date: Some("2024-05-01".into()),
            }],
            people: vec![
                PersonInfo {
                    id: "person:ann-lee".into(),
                    name: ODD_NAME.into(),
                    aliases: vec![],
                    titles: vec![],
                    organizations: vec!["org:acme".into()],
                    merged: vec![],
                },
                PersonInfo {
                    id: "person:bo-chen".into(),
                    name: "Bo Chen".into(),
                    aliases: vec![],
                    titles: vec![],
                    organizations: vec!["org:zeta".into()],
                    merged: vec![],
                },
            ],
            organizations: vec![
                OrgInfo { id: "org:acme".into(), name: "Acme & Sons <Ltd>".into(), kind: "company".into() },
                OrgInfo { id: "org:zeta".into(), name: "Zeta Party".into(), kind: "party".into() },
            ],
            concepts: vec![
                ConceptInfo { id: "concept:ceasefire".into(), label: "A ceasefire now".into(), parent: None },
                ConceptInfo { id: "concept:sanctions".into(), label: "More sanctions".into(), parent: None },
            ],
            statements: vec![
                stmt(
                    1,
                    ann,
                    "We want peace, \"now\"\nand no sanctions",
                    vec![
                        code("concept:ceasefire", Stance::Agree, "want peace"),
                        code("concept:sanctions", Stance::Disagree, "no sanctions"),
                    ],
                ),
                stmt(2, bo, "No truce", vec![code("concept:ceasefire", Stance::Disagree, "No truce")]),
                stmt(3, bo, "Sanctions hurt", vec![code("concept:sanctions", Stance::Disagree, "hurt")]),
                stmt(4, None, "Talks went on", vec![]),
            ],
            contrasts: vec![Contrast { a: "stmt:talks:0001".into(), b: "stmt:talks:0002".into(), marker: "However".into() }],
            matrix: vec![
                cell("person:ann-lee", "concept:ceasefire", 1, 0),
                cell("person:ann-lee", "concept:sanctions", 0, 1),
                cell("person:bo-chen", "concept:ceasefire", 0, 1),
                cell("person:bo-chen", "concept:sanctions", 0, 1),
            ],
            divergence: Divergence {
                contested: vec![Contested {
                    concept: "concept:ceasefire".into(),
                    agree: vec!["person:ann-lee".into()],
                    disagree: vec!["person:bo-chen".into()],
                }],
                conflicts: vec![pair("concept:ceasefire", 1, 2)],
                congruences: vec![pair("concept:sanctions", 1, 3)],
            },
            ..Report::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Network;
    use crate::model::{MatrixCell, Window, WindowSize};

    fn text(f: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("a\rb"), "\"a\rb\"");
    }

    #[test]
    fn statements_one_row_per_code_with_rfc4180_quoting() {
        let r = fixture::report();
        let out = text(|w| write_statements(w, &r, Level::Person));
        assert!(out.starts_with(
            "statement,document,date,source,line,start,end,kind,speaker_id,speaker,organization,concept,concept_label,stance,evidence,cue,quote\r\n"
        ));
        assert!(out.ends_with("\r\n"));
        // Every line break outside a quoted field is CRLF.
        assert!(!out.replace("\r\n", "").replace('\n', "").contains('\r'));
        // The content with comma, quotes and newline, and the odd name.
        assert!(out.contains(",\"We want peace, \"\"now\"\"\nand no sanctions\"\r\n"));
        assert!(out.contains(",person:ann-lee,\"Ann \"\"Annie\"\" Lee & <Co>\nJr.\",Acme & Sons <Ltd>,concept:ceasefire,A ceasefire now,agree,want peace,said,"));
        assert!(out.contains("stmt:talks:0001,talks,2024-05-01,Wire,1,10,"));
        // Two codes → two rows; an uncoded, unattributed statement → one row with empty fields.
        assert_eq!(out.matches("stmt:talks:0001,").count(), 2);
        assert!(out.contains("stmt:talks:0004,talks,2024-05-01,Wire,4,40,53,direct,,,,,,,,said,Talks went on\r\n"));
    }

    #[test]
    fn statements_at_organization_level_name_the_organization() {
        let r = fixture::report();
        let out = text(|w| write_statements(w, &r, Level::Organization));
        assert!(out.contains(",direct,org:zeta,Zeta Party,Zeta Party,concept:ceasefire,"));
    }

    #[test]
    fn nodes_and_edges() {
        let r = fixture::report();
        let opts = GraphOptions::default();
        let nodes = text(|w| write_nodes(w, &r, &opts));
        assert_eq!(
            nodes,
            "id,label,kind,group\r\n\
             person:ann-lee,\"Ann \"\"Annie\"\" Lee & <Co>\nJr.\",person,org:acme\r\n\
             concept:ceasefire,A ceasefire now,concept,\r\n\
             concept:sanctions,More sanctions,concept,\r\n\
             person:bo-chen,Bo Chen,person,org:zeta\r\n"
        );
        let edges = text(|w| write_edges(w, &r, &opts));
        assert!(edges.starts_with("source,target,kind,weight,sign,statements\r\n"));
        assert!(edges.contains("person:ann-lee,concept:ceasefire,agree,1,1,stmt:talks:0001\r\n"));
        assert!(edges.contains("person:ann-lee,concept:sanctions,disagree,1,-1,stmt:talks:0001\r\n"));
        let opts = GraphOptions { network: Network::Congruence, ..Default::default() };
        let edges = text(|w| write_edges(w, &r, &opts));
        assert!(edges.ends_with("person:ann-lee,person:bo-chen,congruence,1,1,stmt:talks:0001 stmt:talks:0003\r\n"));
    }

    #[test]
    fn windows_one_row_per_cell_and_one_for_a_window_without_cells() {
        let mut r = fixture::report();
        let cell = |actor: &str, concept: &str, agree: u32, disagree: u32| MatrixCell {
            actor: actor.into(),
            concept: concept.into(),
            agree,
            disagree,
            neutral: 1,
        };
        r.window = Some(WindowSize::Month);
        r.windows = Some(vec![
            Window {
                key: "2024-05".into(),
                start: Some("2024-05-01".into()),
                end: Some("2024-05-31".into()),
                documents: 1,
                statements: 4,
                matrix: vec![cell("person:ann-lee", "concept:ceasefire", 1, 0), cell("person:bo-chen", "concept:sanctions", 0, 2)],
            },
            Window { key: "undated".into(), start: None, end: None, documents: 2, statements: 0, matrix: vec![] },
        ]);
        assert_eq!(
            text(|w| write_windows(w, &r)),
            "window,start,end,documents,statements,actor,concept,agree,disagree,neutral,total\r\n\
             2024-05,2024-05-01,2024-05-31,1,4,person:ann-lee,concept:ceasefire,1,0,1,2\r\n\
             2024-05,2024-05-01,2024-05-31,1,4,person:bo-chen,concept:sanctions,0,2,1,3\r\n\
             undated,,,2,0,,,0,0,0,0\r\n"
        );
    }

    #[test]
    fn output_is_deterministic() {
        let r = fixture::report();
        for network in [Network::Stance, Network::Conflict, Network::Congruence, Network::Affiliation, Network::Quotes] {
            let opts = GraphOptions { network, ..Default::default() };
            assert_eq!(text(|w| write_nodes(w, &r, &opts)), text(|w| write_nodes(w, &r, &opts)));
            assert_eq!(text(|w| write_edges(w, &r, &opts)), text(|w| write_edges(w, &r, &opts)));
        }
        assert_eq!(text(|w| write_statements(w, &r, Level::Person)), text(|w| write_statements(w, &r, Level::Person)));
    }

    #[test]
    fn kind_names_are_the_serde_names() {
        use crate::graph::NodeKind::*;
        for k in [Person, Organization, Concept, Statement, Document] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        use crate::graph::EdgeKind::*;
        for k in [AffiliatedWith, Said, Agree, Disagree, Neutral, Contrast, PublishedIn, Conflict, Congruence] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }
}
