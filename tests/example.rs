//! Acceptance check on the bundled example article, data/examples/istanbul-talks.txt:
//! the attributions a careful reader makes there.
//!
//! Each expectation is its own test so `cargo test --test example` shows which of
//! them the extractor meets.

use std::sync::OnceLock;

use quotegraph::lexicon::Lexicon;
use quotegraph::model::{Attribution, Document, QuoteKind};

struct Found {
    text: String,
    atts: Vec<Attribution>,
}

fn found() -> &'static Found {
    static FOUND: OnceLock<Found> = OnceLock::new();
    FOUND.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/istanbul-talks.txt");
        let text = std::fs::read_to_string(path).expect("read the example article");
        let doc = Document::new("istanbul-talks", text.clone());
        let atts = quotegraph::attributions(&doc, &Lexicon::default_lexicon());
        Found { text, atts }
    })
}

/// Lower case, a leading "the " dropped: "the Kremlin" and "Kremlin" name the same thing.
fn norm(s: &str) -> String {
    let l = s.trim().to_lowercase();
    l.strip_prefix("the ").map(str::to_string).unwrap_or(l)
}

/// Every attribution, one per line, for failure messages.
fn listing() -> String {
    let f = found();
    f.atts
        .iter()
        .map(|a| {
            format!(
                "  {:?} speaker={:?} title={:?} org={:?} content={:?}",
                a.kind,
                a.speaker.name,
                a.speaker.title,
                a.speaker.org,
                a.content.of(&f.text)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts at least `times` direct or mixed quotes by `name`, with a title containing
/// `title` and one of `orgs` as organization (compared case-insensitively).
fn expect_quoted(name: &str, title: &str, orgs: &[&str], times: usize) {
    let f = found();
    let by_name: Vec<&Attribution> = f
        .atts
        .iter()
        .filter(|a| matches!(a.kind, QuoteKind::Direct | QuoteKind::Mixed))
        .filter(|a| a.speaker.name.as_deref() == Some(name))
        .collect();
    let good = by_name
        .iter()
        .filter(|a| a.speaker.title.as_deref().is_some_and(|t| t.to_lowercase().contains(&title.to_lowercase())))
        .filter(|a| a.speaker.org.as_deref().is_some_and(|o| orgs.iter().any(|x| norm(x) == norm(o))))
        .count();
    assert!(
        good >= times,
        "expected {times} direct/mixed quote(s) by {name} (title ~ {title:?}, org in {orgs:?}); \
         found {good} matching and {} by that name in all\nattributions:\n{}",
        by_name.len(),
        listing()
    );
}

/// Asserts an indirect attribution whose content starts with `start`, spoken by one of `speakers`.
fn expect_indirect(start: &str, speakers: &[&str]) {
    let f = found();
    let hit = f.atts.iter().find(|a| a.content.of(&f.text).trim_start().starts_with(start));
    let Some(a) = hit else {
        panic!("no attribution whose content starts with {start:?}\nattributions:\n{}", listing());
    };
    assert_eq!(a.kind, QuoteKind::Indirect, "kind of {start:?}\nattributions:\n{}", listing());
    assert!(
        a.speaker.name.as_deref().is_some_and(|n| speakers.iter().any(|s| norm(s) == norm(n))),
        "speaker of {start:?} is {:?}, expected one of {speakers:?}\nattributions:\n{}",
        a.speaker.name,
        listing()
    );
}

#[test]
fn elena_petrova_twice() {
    expect_quoted("Elena Petrova", "senior fellow", &["Center for Eurasian Studies"], 2);
}

#[test]
fn dmytro_kuleba() {
    expect_quoted("Dmytro Kuleba", "Foreign Minister", &["Ukraine"], 1);
}

#[test]
fn dmitry_peskov() {
    expect_quoted("Dmitry Peskov", "spokesperson", &["Kremlin"], 1);
}

#[test]
fn mark_simmons_twice() {
    expect_quoted("Mark Simmons", "advisor", &["NATO"], 2);
}

#[test]
fn antony_blinken() {
    expect_quoted("Antony Blinken", "Secretary of State", &["United States"], 1);
}

#[test]
fn wang_yi() {
    expect_quoted("Wang Yi", "Foreign Minister", &["China"], 1);
}

#[test]
fn andrzej_duda() {
    expect_quoted("Andrzej Duda", "President", &["Poland"], 1);
}

#[test]
fn rachel_kowalski_twice() {
    expect_quoted("Rachel Kowalski", "economist", &["International Monetary Fund", "IMF"], 2);
}

#[test]
fn michael_mcfaul() {
    expect_quoted("Michael McFaul", "ambassador to Russia", &["United States"], 1);
}

#[test]
fn josep_borrell_twice() {
    expect_quoted("Josep Borrell", "foreign policy chief", &["European Union"], 2);
}

#[test]
fn un_data_on_displacement() {
    expect_indirect("the conflict has displaced", &["United Nations"]);
}

#[test]
fn imf_figures_on_russias_economy() {
    expect_indirect("Russia’s economy has contracted", &["International Monetary Fund", "IMF"]);
}

#[test]
fn ukrainian_officials_on_territorial_integrity() {
    expect_indirect("territorial integrity as non-negotiable", &["Ukrainian officials"]);
}

#[test]
fn military_analysts_on_timing() {
    expect_indirect("the timing coincides", &["Military analysts"]);
}

#[test]
fn kyiv_estimates_on_counteroffensive() {
    expect_indirect("Ukraine’s counteroffensive", &["Ukraine"]);
}

#[test]
fn who_on_attacks() {
    expect_indirect("703 attacks", &["World Health Organization"]);
}

#[test]
fn a_scare_quote_is_nobodys_statement() {
    let f = found();
    let bad: Vec<&str> = f.atts.iter().map(|a| a.content.of(&f.text)).filter(|c| c.contains("cold weather ceasefire")).collect();
    assert!(bad.is_empty(), "scare quote attributed: {bad:?}\nattributions:\n{}", listing());
}

#[test]
fn total_count_is_plausible() {
    let n = found().atts.len();
    assert!((18..=24).contains(&n), "{n} attributions, expected 18..=24\nattributions:\n{}", listing());
}
