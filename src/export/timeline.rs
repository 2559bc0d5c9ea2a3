//! A speaker's statements over time: the `Timeline` section of the HTML report
//! and `quotegraph report --format text`.
//!
//! Each speaker's statements are grouped by concept (a statement coded to two
//! concepts is in both groups; statements coded to none come last, under "(no
//! concept)") and ordered by date, then outlet, then document and position in
//! it, so the same report always gives the same lines. A statement that agrees
//! where the speaker's previous statement with a side on the concept disagreed,
//! or the other way round, is a **stance change**; neutral statements sit between
//! without breaking or making one.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::model::{Report, Stance};

/// One statement on a speaker's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Statement id.
    pub statement: String,
    /// Document id.
    pub document: String,
    /// Publication date ("" when the document has none).
    pub date: String,
    /// Outlet ("" when the document has none).
    pub source: String,
    /// Stance on the group's concept; `None` in the "(no concept)" group.
    pub stance: Option<Stance>,
    /// The reported words, whitespace collapsed.
    pub content: String,
    /// 1-based line in the document.
    pub line: usize,
    /// The earlier stance and this one, when this statement changes side.
    pub change: Option<(Stance, Stance)>,
}

impl Entry {
    /// "agree", "disagree", "neutral" or "-".
    pub fn stance_word(&self) -> &'static str {
        self.stance.map_or("-", Stance::as_str)
    }
    /// The change as words ("agree → disagree"), or "".
    pub fn change_words(&self) -> String {
        self.change.map_or(String::new(), |(a, b)| format!("{} → {}", a.as_str(), b.as_str()))
    }
}

/// A speaker's statements on one concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Concept id; `None` for statements coded to no concept.
    pub concept: Option<String>,
    /// Concept label, or "(no concept)".
    pub label: String,
    /// The statements, in order.
    pub entries: Vec<Entry>,
    /// How many of them change side.
    pub changes: usize,
}

/// One speaker's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Person or organization id.
    pub speaker: String,
    /// Name.
    pub name: String,
    /// Number of statements (each once, whatever its concepts).
    pub statements: usize,
    /// Concept groups, by label; "(no concept)" last.
    pub groups: Vec<Group>,
}

impl Timeline {
    /// Stance changes over all concepts.
    pub fn changes(&self) -> usize {
        self.groups.iter().map(|g| g.changes).sum()
    }
    /// Concepts the speaker has statements on.
    pub fn concepts(&self) -> usize {
        self.groups.iter().filter(|g| g.concept.is_some()).count()
    }
}

/// True when the report's statements that have a speaker all have the same one.
pub fn single_speaker(r: &Report) -> bool {
    let mut ids = r.statements.iter().filter_map(|s| s.speaker.as_deref());
    ids.next().is_some_and(|first| ids.all(|x| x == first))
}

/// Marks stance changes in entries already in order; returns how many.
fn mark_changes(entries: &mut [Entry]) -> usize {
    let mut last: Option<Stance> = None;
    let mut n = 0;
    for e in entries.iter_mut() {
        if let Some(s @ (Stance::Agree | Stance::Disagree)) = e.stance {
            if let Some(prev) = last.filter(|&p| p != s) {
                e.change = Some((prev, s));
                n += 1;
            }
            last = Some(s);
        }
    }
    n
}

/// The timeline of every speaker in the report, by name.
pub fn timelines(r: &Report) -> Vec<Timeline> {
    let docs: BTreeMap<&str, (&str, &str)> =
        r.documents.iter().map(|d| (d.id.as_str(), (d.date.as_deref().unwrap_or(""), d.source.as_deref().unwrap_or("")))).collect();
    let labels: BTreeMap<&str, &str> = r.concepts.iter().map(|c| (c.id.as_str(), c.label.as_str())).collect();
    // speaker id → (name, statements, concept → entries)
    type Acc<'a> = (String, usize, BTreeMap<Option<&'a str>, Vec<Entry>>);
    let mut by: BTreeMap<&str, Acc> = BTreeMap::new();
    for s in &r.statements {
        let Some(id) = s.speaker.as_deref() else { continue };
        let (date, source) = docs.get(s.document.as_str()).copied().unwrap_or(("", ""));
        let name = || crate::graph::actor_of(r, s, crate::graph::Level::Person).map_or_else(|| crate::graph::actor_name(r, id), |(_, n)| n);
        let slot = by.entry(id).or_insert_with(|| (name(), 0, BTreeMap::new()));
        slot.1 += 1;
        let entry = |stance: Option<Stance>| Entry {
            statement: s.id.clone(),
            document: s.document.clone(),
            date: date.to_string(),
            source: source.to_string(),
            stance,
            content: s.content.split_whitespace().collect::<Vec<_>>().join(" "),
            line: s.line,
            change: None,
        };
        if s.codes.is_empty() {
            slot.2.entry(None).or_default().push(entry(None));
        }
        let mut seen = Vec::new();
        for c in &s.codes {
            if !seen.contains(&c.concept.as_str()) {
                seen.push(c.concept.as_str());
                slot.2.entry(Some(c.concept.as_str())).or_default().push(entry(Some(c.stance)));
            }
        }
    }
    let mut out: Vec<Timeline> = by
        .into_iter()
        .map(|(id, (name, statements, groups))| {
            let mut groups: Vec<Group> = groups
                .into_iter()
                .map(|(concept, mut entries)| {
                    // undated and unsourced last; then document and the statement's place in it
                    entries.sort_by(|a, b| {
                        (a.date.is_empty(), &a.date, a.source.is_empty(), &a.source, &a.document, &a.statement).cmp(&(
                            b.date.is_empty(),
                            &b.date,
                            b.source.is_empty(),
                            &b.source,
                            &b.document,
                            &b.statement,
                        ))
                    });
                    let changes = mark_changes(&mut entries);
                    let label = match concept {
                        Some(c) => labels.get(c).map_or_else(|| c.to_string(), |l| l.to_string()),
                        None => "(no concept)".to_string(),
                    };
                    Group { concept: concept.map(String::from), label, entries, changes }
                })
                .collect();
            groups.sort_by(|a, b| {
                (a.concept.is_none(), a.label.to_lowercase(), &a.concept).cmp(&(b.concept.is_none(), b.label.to_lowercase(), &b.concept))
            });
            Timeline { speaker: id.to_string(), name, statements, groups }
        })
        .collect();
    out.sort_by(|a, b| (a.name.to_lowercase(), &a.speaker).cmp(&(b.name.to_lowercase(), &b.speaker)));
    out
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// Writes timelines as plain text: a heading per speaker, then one line per
/// statement and concept, `date  source  concept  stance  “words”`, a blank
/// line between concepts, and `← stance changes (agree → disagree)` after a
/// statement that changes side.
///
/// ```
/// use quotegraph::export::timeline::write_text;
/// let mut out = Vec::new();
/// write_text(&mut out, &[]).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "No statement has a speaker.\n");
/// ```
pub fn write_text(w: &mut dyn Write, timelines: &[Timeline]) -> io::Result<()> {
    if timelines.is_empty() {
        return writeln!(w, "No statement has a speaker.");
    }
    for (i, t) in timelines.iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            w,
            "== {} ({}): {}, {}, {}",
            t.name,
            t.speaker,
            plural(t.statements, "statement", "statements"),
            plural(t.concepts(), "concept", "concepts"),
            plural(t.changes(), "stance change", "stance changes")
        )?;
        let all = t.groups.iter().flat_map(|g| g.entries.iter().map(move |e| (g, e)));
        let date_w = all.clone().map(|(_, e)| e.date.chars().count().max(if e.date.is_empty() { 9 } else { 0 })).max().unwrap_or(0);
        let source_w = all.clone().map(|(_, e)| e.source.chars().count().max(if e.source.is_empty() { 11 } else { 0 })).max().unwrap_or(0);
        let concept_w = t.groups.iter().map(|g| g.label.chars().count()).max().unwrap_or(0);
        for g in &t.groups {
            writeln!(w)?;
            for e in &g.entries {
                let date = if e.date.is_empty() { "(no date)" } else { &e.date };
                let source = if e.source.is_empty() { "(no source)" } else { &e.source };
                let mut line = format!(
                    "{}  {}  {}  {}  “{}”",
                    pad(date, date_w),
                    pad(source, source_w),
                    pad(&g.label, concept_w),
                    pad(e.stance_word(), 8),
                    e.content
                );
                if e.change.is_some() {
                    line.push_str(&format!("  ← stance changes ({})", e.change_words()));
                }
                writeln!(w, "{line}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Code, ConceptInfo, DocInfo, QuoteKind, StatementInfo};

    fn doc(id: &str, date: Option<&str>, source: &str) -> DocInfo {
        DocInfo { id: id.into(), title: None, source: Some(source.into()), date: date.map(String::from) }
    }

    fn stmt(doc: &str, n: usize, who: &str, codes: &[(&str, Stance)]) -> StatementInfo {
        StatementInfo {
            id: format!("stmt:{doc}:{n:04}"),
            document: doc.into(),
            speaker: Some(format!("person:{}", who.to_lowercase().replace(' ', "-"))),
            speaker_name: Some(who.into()),
            organization: None,
            content: format!("words  {doc} {n}"),
            content_span: [0, 1],
            kind: QuoteKind::Direct,
            cue: None,
            line: n,
            codes: codes.iter().map(|(c, s)| Code { concept: format!("concept:{c}"), stance: *s, evidence: String::new() }).collect(),
            targets: Vec::new(),
        }
    }

    fn report() -> Report {
        use Stance::*;
        Report {
            documents: vec![
                doc("a", Some("2020-01-03"), "Zeta"),
                doc("b", Some("2020-01-01"), "Beta"),
                doc("c", None, "Alpha"),
                doc("d", Some("2020-01-03"), "Alpha"),
            ],
            concepts: vec![
                ConceptInfo { id: "concept:tax".into(), label: "Taxes".into(), parent: None },
                ConceptInfo { id: "concept:war".into(), label: "A war".into(), parent: None },
            ],
            statements: vec![
                stmt("a", 1, "Ann Lee", &[("tax", Disagree)]),
                stmt("b", 1, "Ann Lee", &[("tax", Agree), ("war", Neutral)]),
                stmt("c", 1, "Ann Lee", &[("tax", Agree)]),
                stmt("d", 1, "Ann Lee", &[("tax", Neutral)]),
                stmt("d", 2, "Ann Lee", &[]),
                stmt("d", 3, "Bo Kim", &[("tax", Agree)]),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn entries_go_by_date_then_outlet_and_changes_are_marked() {
        let t = timelines(&report());
        assert_eq!(t.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["Ann Lee", "Bo Kim"]);
        let ann = &t[0];
        assert_eq!(ann.statements, 5);
        let labels: Vec<&str> = ann.groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["A war", "Taxes", "(no concept)"]);
        let tax = &ann.groups[1];
        let order: Vec<&str> = tax.entries.iter().map(|e| e.document.as_str()).collect();
        // 01-01 Beta, 01-03 Alpha, 01-03 Zeta, then the undated one
        assert_eq!(order, ["b", "d", "a", "c"]);
        let changes: Vec<Option<(Stance, Stance)>> = tax.entries.iter().map(|e| e.change).collect();
        // agree, neutral (no change), disagree (change from agree), agree (change back)
        assert_eq!(changes, [None, None, Some((Stance::Agree, Stance::Disagree)), Some((Stance::Disagree, Stance::Agree))]);
        assert_eq!(ann.changes(), 2);
        assert!(!single_speaker(&report()));
    }

    #[test]
    fn text_lines_have_every_column_and_the_marker() {
        let mut r = report();
        r.statements.retain(|s| s.speaker_name.as_deref() == Some("Ann Lee"));
        assert!(single_speaker(&r));
        let mut out = Vec::new();
        write_text(&mut out, &timelines(&r)).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "== Ann Lee (person:ann-lee): 5 statements, 2 concepts, 2 stance changes");
        assert_eq!(lines[2], "2020-01-01  Beta   A war         neutral   “words b 1”");
        assert_eq!(lines[5], "2020-01-03  Alpha  Taxes         neutral   “words d 1”");
        assert_eq!(lines[6], "2020-01-03  Zeta   Taxes         disagree  “words a 1”  ← stance changes (agree → disagree)");
        assert_eq!(lines[7], "(no date)   Alpha  Taxes         agree     “words c 1”  ← stance changes (disagree → agree)");
        assert_eq!(lines[9], "2020-01-03  Alpha  (no concept)  -         “words d 2”");
    }
}
