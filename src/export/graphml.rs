//! GraphML 1.0 of a projected network ([`crate::graph`]), for networkx,
//! Gephi, yEd, Cytoscape and igraph.
//!
//! Every attribute is declared with a typed `<key>`: nodes carry `label`,
//! `kind`, `group` and `group_label` (strings); edges carry `kind` (string),
//! `weight` (int, the `|count|` behind the edge), `sign` (int: +1, −1 or 0) and
//! `statements` (string: the evidence's statement ids, separated by spaces).
//! The graph records which `network` and `level` it is. Node ids are the report
//! ids; edge ids are `e0`, `e1`, … in graph order. Conflict and congruence
//! networks are undirected, the others directed.
//!
//! The XML is written by hand; [`escape_xml`] makes any text safe in element
//! content and in attribute values.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::graph::{build, GraphOptions, Level, Network};
use crate::model::Report;

/// Escapes text for XML 1.0 element content or a double- or single-quoted
/// attribute value.
///
/// `& < > " '` become entities; tab, LF and CR become character references
/// (so attribute-value normalization keeps them); the characters XML 1.0
/// cannot carry at all (the other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
///
/// ```
/// use quotegraph::export::graphml::escape_xml;
/// assert_eq!(escape_xml("a & \"b\" <c>\nd"), "a &amp; &quot;b&quot; &lt;c&gt;&#10;d");
/// assert_eq!(escape_xml("plain"), "plain");
/// ```
pub fn escape_xml(s: &str) -> Cow<'_, str> {
    // Characters XML 1.0 cannot carry, even as a reference.
    let forbidden = |c: char| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r') || forbidden(c);
    if !s.contains(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The name of a network, as the exports record it.
pub(crate) fn network_name(n: Network) -> &'static str {
    match n {
        Network::Stance => "stance",
        Network::Conflict => "conflict",
        Network::Congruence => "congruence",
        Network::Affiliation => "affiliation",
        Network::Quotes => "quotes",
    }
}

/// The name of an actor level, as the exports record it.
pub(crate) fn level_name(l: Level) -> &'static str {
    match l {
        Level::Person => "person",
        Level::Organization => "organization",
    }
}

/// True for the networks whose edges have no direction.
pub(crate) fn is_undirected(n: Network) -> bool {
    matches!(n, Network::Conflict | Network::Congruence)
}

/// Writes the network `opts` names as GraphML.
///
/// ```
/// use quotegraph::{export::graphml::write_graphml, graph::GraphOptions, model::Report};
/// let mut out = Vec::new();
/// write_graphml(&mut out, &Report::default(), &GraphOptions::default()).unwrap();
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains(r#"<key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#));
/// assert!(xml.contains(r#"<graph id="quotegraph" edgedefault="directed">"#));
/// ```
pub fn write_graphml(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    let g = build(r, opts);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    // (id, for, attr.name, attr.type); ids differ from names only where a name is on both nodes and edges.
    const KEYS: [(&str, &str, &str, &str); 10] = [
        ("network", "graph", "network", "string"),
        ("level", "graph", "level", "string"),
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("group", "node", "group", "string"),
        ("group_label", "node", "group_label", "string"),
        ("edge_kind", "edge", "kind", "string"),
        ("weight", "edge", "weight", "int"),
        ("sign", "edge", "sign", "int"),
        ("statements", "edge", "statements", "string"),
    ];
    for (id, target, name, ty) in KEYS {
        writeln!(w, r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    let direction = if is_undirected(opts.network) { "undirected" } else { "directed" };
    writeln!(w, r#"  <graph id="quotegraph" edgedefault="{direction}">"#)?;
    writeln!(w, r#"    <data key="network">{}</data>"#, network_name(opts.network))?;
    writeln!(w, r#"    <data key="level">{}</data>"#, level_name(opts.level))?;
    for n in g.node_weights() {
        writeln!(w, r#"    <node id="{}">"#, escape_xml(&n.id))?;
        writeln!(w, r#"      <data key="label">{}</data>"#, escape_xml(&n.label))?;
        writeln!(w, r#"      <data key="kind">{}</data>"#, n.kind.as_str())?;
        if let Some(group) = &n.group {
            writeln!(w, r#"      <data key="group">{}</data>"#, escape_xml(group))?;
        }
        if let Some(label) = &n.group_label {
            writeln!(w, r#"      <data key="group_label">{}</data>"#, escape_xml(label))?;
        }
        writeln!(w, "    </node>")?;
    }
    for (i, e) in g.raw_edges().iter().enumerate() {
        let d = &e.weight;
        let (source, target) = (escape_xml(&g[e.source()].id), escape_xml(&g[e.target()].id));
        writeln!(w, r#"    <edge id="e{i}" source="{source}" target="{target}">"#)?;
        writeln!(w, r#"      <data key="edge_kind">{}</data>"#, d.kind.as_str())?;
        writeln!(w, r#"      <data key="weight">{}</data>"#, d.weight)?;
        writeln!(w, r#"      <data key="sign">{}</data>"#, d.sign)?;
        writeln!(w, r#"      <data key="statements">{}</data>"#, escape_xml(&d.statements.join(" ")))?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

/// A tiny XML checker for the tests of the XML exports.
#[cfg(test)]
pub(crate) mod xmlcheck {
    /// Checks that every element opened is closed in order, that every `&`
    /// starts a known entity or a character reference, that no raw `<` or
    /// `"` sits inside a quoted attribute value, and that there is one root.
    /// Returns the element names in document order.
    /// Checks `write`'s output for every network at both levels: well formed, with
    /// `root` as its root element and at least one edge.
    pub fn check_every_network(root: &str, write: impl Fn(&crate::model::Report, &crate::graph::GraphOptions) -> String) {
        use crate::graph::{GraphOptions, Level, Network};
        let r = crate::export::csv::fixture::report();
        for network in [Network::Stance, Network::Conflict, Network::Congruence, Network::Affiliation, Network::Quotes] {
            for level in [Level::Person, Level::Organization] {
                let out = write(&r, &GraphOptions { network, level });
                let names = check(&out).unwrap_or_else(|e| panic!("{network:?}: {e}\n{out}"));
                assert_eq!(names[0], root);
                assert!(names.iter().any(|n| n == "edge"), "{network:?} has edges");
            }
        }
    }

    pub fn check(xml: &str) -> Result<Vec<String>, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        let mut roots = 0;
        let mut rest = xml;
        while let Some(lt) = rest.find('<') {
            check_text(&rest[..lt])?;
            rest = &rest[lt..];
            if rest.starts_with("<?") {
                let end = rest.find("?>").ok_or("unclosed <?")?;
                rest = &rest[end + 2..];
                continue;
            }
            let end = tag_end(rest)?;
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().ok_or(format!("</{name}> closes nothing"))?;
                if open != name.trim() {
                    return Err(format!("<{open}> closed by </{name}>"));
                }
                continue;
            }
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().ok_or("empty tag")?.to_string();
            check_attributes(&body[name.len()..])?;
            if stack.is_empty() {
                roots += 1;
            }
            seen.push(name.clone());
            if !self_closing {
                stack.push(name);
            }
        }
        check_text(rest)?;
        match (stack.last(), roots) {
            (Some(open), _) => Err(format!("<{open}> never closed")),
            (None, 1) => Ok(seen),
            (None, n) => Err(format!("{n} root elements")),
        }
    }

    /// The index of the `>` ending the tag at the start of `s`, outside quotes.
    fn tag_end(s: &str) -> Result<usize, String> {
        let mut quote = None;
        for (i, c) in s.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (Some(_), '<') => return Err("raw < in an attribute value".into()),
                (None, '>') => return Ok(i),
                (None, '<') => return Err("< inside a tag".into()),
                _ => {}
            }
        }
        Err("unclosed tag".into())
    }

    /// Checks `name="value"` pairs.
    fn check_attributes(mut s: &str) -> Result<(), String> {
        loop {
            s = s.trim_start();
            if s.is_empty() {
                return Ok(());
            }
            let eq = s.find('=').ok_or(format!("attribute without value: {s}"))?;
            let q = s[eq + 1..].chars().next().ok_or("no value")?;
            if q != '"' && q != '\'' {
                return Err(format!("unquoted value: {s}"));
            }
            let value_start = eq + 2;
            let len = s[value_start..].find(q).ok_or("unclosed value")?;
            let value = &s[value_start..value_start + len];
            check_text(value)?;
            if value.contains(['\n', '\r', '\t']) {
                return Err(format!("raw whitespace control in attribute value {value:?}"));
            }
            s = &s[value_start + len + 1..];
        }
    }

    /// Checks that every `&` in text starts an entity or a character reference.
    fn check_text(s: &str) -> Result<(), String> {
        if s.contains('>') {
            return Err(format!("raw > in {s:?}"));
        }
        for (i, _) in s.match_indices('&') {
            let end = s[i..].find(';').ok_or(format!("unterminated & in {s:?}"))?;
            let entity = &s[i + 1..i + end];
            let ok = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
                || entity.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return Err(format!("unknown entity &{entity};"));
            }
        }
        Ok(())
    }

    #[test]
    fn the_checker_rejects_broken_xml() {
        assert!(check("<a><b/></a>").is_ok());
        assert!(check("<a><b></a>").is_err());
        assert!(check("<a x=\"1\"></a><c/>").is_err());
        assert!(check("<a>x & y</a>").is_err());
        assert!(check("<a x=\"<\"/>").is_err());
        assert!(check("<a>").is_err());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::fixture;

    fn xml(r: &Report, opts: &GraphOptions) -> String {
        let mut out = Vec::new();
        write_graphml(&mut out, r, opts).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(escape_xml("<a href='x'>&\"\r\t\u{1}"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&#13;&#9;\u{FFFD}");
        assert_eq!(escape_xml("naïve “quote”"), "naïve “quote”");
    }

    #[test]
    fn well_formed_for_every_network() {
        xmlcheck::check_every_network("graphml", xml);
    }

    #[test]
    fn typed_keys_and_escaped_data() {
        let r = fixture::report();
        let out = xml(&r, &GraphOptions::default());
        for key in [
            r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#,
            r#"<key id="kind" for="node" attr.name="kind" attr.type="string"/>"#,
            r#"<key id="group" for="node" attr.name="group" attr.type="string"/>"#,
            r#"<key id="group_label" for="node" attr.name="group_label" attr.type="string"/>"#,
            r#"<key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>"#,
            r#"<key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#,
            r#"<key id="sign" for="edge" attr.name="sign" attr.type="int"/>"#,
            r#"<key id="statements" for="edge" attr.name="statements" attr.type="string"/>"#,
        ] {
            assert!(out.contains(key), "missing {key}");
        }
        assert!(out.contains(r#"<graph id="quotegraph" edgedefault="directed">"#));
        assert!(out.contains(r#"<data key="label">Ann &quot;Annie&quot; Lee &amp; &lt;Co&gt;&#10;Jr.</data>"#));
        assert!(out.contains(r#"<data key="group_label">Acme &amp; Sons &lt;Ltd&gt;</data>"#));
        assert!(out.contains(r#"<edge id="e1" source="person:ann-lee" target="concept:sanctions">"#));
        assert!(out
            .contains("<data key=\"edge_kind\">disagree</data>\n      <data key=\"weight\">1</data>\n      <data key=\"sign\">-1</data>"));
    }

    #[test]
    fn conflict_and_congruence_are_undirected() {
        let r = fixture::report();
        for network in [Network::Conflict, Network::Congruence] {
            let out = xml(&r, &GraphOptions { network, ..Default::default() });
            assert!(out.contains(r#"edgedefault="undirected""#));
            assert!(out.contains("stmt:talks:0001 stmt:talks:000"));
        }
    }

    #[test]
    fn output_is_deterministic() {
        let r = fixture::report();
        let opts = GraphOptions { network: Network::Quotes, ..Default::default() };
        assert_eq!(xml(&r, &opts), xml(&r, &opts));
    }
}
