//! GEXF 1.3 of a projected network ([`crate::graph`]), Gephi's own format
//! (networkx reads it too).
//!
//! Nodes carry their label in the `label` attribute and, as declared
//! attributes, `kind`, `group` and `group_label` (strings); edges carry their
//! weight in the `weight` attribute and, as declared attributes, `kind`
//! (string), `sign` (integer) and `statements` (string: statement ids
//! separated by spaces). Node ids are the report ids; edge ids are `0`, `1`, …
//! in graph order. Conflict and congruence networks are undirected, the others
//! directed. No timestamp is written, so output is deterministic.

use std::io::{self, Write};

use crate::export::graphml::{escape_xml, is_undirected, level_name, network_name};
use crate::graph::{build, GraphOptions};
use crate::model::Report;

/// Writes the network `opts` names as GEXF 1.3.
///
/// ```
/// use quotegraph::{export::gexf::write_gexf, graph::GraphOptions, model::Report};
/// let mut out = Vec::new();
/// write_gexf(&mut out, &Report::default(), &GraphOptions::default()).unwrap();
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains(r#"<graph mode="static" defaultedgetype="directed">"#));
/// assert!(xml.contains(r#"<attribute id="sign" title="sign" type="integer"/>"#));
/// ```
pub fn write_gexf(w: &mut dyn Write, r: &Report, opts: &GraphOptions) -> io::Result<()> {
    let g = build(r, opts);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>quotegraph</creator>")?;
    writeln!(w, "    <description>{} network, {} level</description>", network_name(opts.network), level_name(opts.level))?;
    writeln!(w, "  </meta>")?;
    let direction = if is_undirected(opts.network) { "undirected" } else { "directed" };
    writeln!(w, r#"  <graph mode="static" defaultedgetype="{direction}">"#)?;
    writeln!(w, r#"    <attributes class="node">"#)?;
    for name in ["kind", "group", "group_label"] {
        writeln!(w, r#"      <attribute id="{name}" title="{name}" type="string"/>"#)?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge">"#)?;
    for (name, ty) in [("kind", "string"), ("sign", "integer"), ("statements", "string")] {
        writeln!(w, r#"      <attribute id="{name}" title="{name}" type="{ty}"/>"#)?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, "    <nodes>")?;
    for n in g.node_weights() {
        writeln!(w, r#"      <node id="{}" label="{}">"#, escape_xml(&n.id), escape_xml(&n.label))?;
        writeln!(w, "        <attvalues>")?;
        writeln!(w, r#"          <attvalue for="kind" value="{}"/>"#, n.kind.as_str())?;
        if let Some(group) = &n.group {
            writeln!(w, r#"          <attvalue for="group" value="{}"/>"#, escape_xml(group))?;
        }
        if let Some(label) = &n.group_label {
            writeln!(w, r#"          <attvalue for="group_label" value="{}"/>"#, escape_xml(label))?;
        }
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    for (i, e) in g.raw_edges().iter().enumerate() {
        let d = &e.weight;
        let (source, target) = (escape_xml(&g[e.source()].id), escape_xml(&g[e.target()].id));
        writeln!(w, r#"      <edge id="{i}" source="{source}" target="{target}" weight="{}">"#, d.weight)?;
        writeln!(w, "        <attvalues>")?;
        writeln!(w, r#"          <attvalue for="kind" value="{}"/>"#, d.kind.as_str())?;
        writeln!(w, r#"          <attvalue for="sign" value="{}"/>"#, d.sign)?;
        writeln!(w, r#"          <attvalue for="statements" value="{}"/>"#, escape_xml(&d.statements.join(" ")))?;
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::fixture;
    use crate::graph::Network;

    fn xml(r: &Report, opts: &GraphOptions) -> String {
        let mut out = Vec::new();
        write_gexf(&mut out, r, opts).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn well_formed_for_every_network() {
        crate::export::graphml::xmlcheck::check_every_network("gexf", xml);
    }

    #[test]
    fn declares_typed_attributes_and_escapes_labels() {
        let r = fixture::report();
        let out = xml(&r, &GraphOptions::default());
        assert!(out.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
        assert!(out.contains(r#"version="1.3">"#));
        assert!(out.contains(r#"<graph mode="static" defaultedgetype="directed">"#));
        for decl in [
            r#"<attributes class="node">"#,
            r#"<attribute id="kind" title="kind" type="string"/>"#,
            r#"<attribute id="group" title="group" type="string"/>"#,
            r#"<attributes class="edge">"#,
            r#"<attribute id="sign" title="sign" type="integer"/>"#,
            r#"<attribute id="statements" title="statements" type="string"/>"#,
        ] {
            assert!(out.contains(decl), "missing {decl}");
        }
        assert!(out.contains(r#"<node id="person:ann-lee" label="Ann &quot;Annie&quot; Lee &amp; &lt;Co&gt;&#10;Jr.">"#));
        assert!(out.contains(r#"<attvalue for="group_label" value="Acme &amp; Sons &lt;Ltd&gt;"/>"#));
        assert!(out.contains(r#"<edge id="1" source="person:ann-lee" target="concept:sanctions" weight="1">"#));
        assert!(out.contains(r#"<attvalue for="sign" value="-1"/>"#));
    }

    #[test]
    fn conflict_is_undirected() {
        let r = fixture::report();
        let out = xml(&r, &GraphOptions { network: Network::Conflict, ..Default::default() });
        assert!(out.contains(r#"defaultedgetype="undirected""#));
        assert!(out.contains(r#"<attvalue for="statements" value="stmt:talks:0001 stmt:talks:0002"/>"#));
    }

    #[test]
    fn output_is_deterministic() {
        let r = fixture::report();
        let opts = GraphOptions { network: Network::Quotes, ..Default::default() };
        assert_eq!(xml(&r, &opts), xml(&r, &opts));
    }
}
