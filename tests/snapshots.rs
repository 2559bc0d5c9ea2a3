//! Snapshot tests: `quotegraph report` on the example article with its codebook,
//! in every format, and `quotegraph view` of it, must give exactly the bytes stored
//! in `tests/snapshots/`.
//! After an intended change, regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and review the diff.

mod common;

use std::path::Path;

use common::{report_example, root};

static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Runs `report` on the example into a temporary file and returns its bytes.
fn report(format: &str, extra: &[&str]) -> Vec<u8> {
    // tests run in parallel: every run gets its own directory
    let n = RUN.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("qg-snap-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bytes = std::fs::read(report_example(&dir, "example", format, extra)).expect("read output");
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

fn check(name: &str, got: &[u8]) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).expect("write snapshot");
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|_| panic!("{}: no snapshot; run with UPDATE_SNAPSHOTS=1", path.display()));
    if want != got {
        let w = String::from_utf8_lossy(&want);
        let g = String::from_utf8_lossy(got);
        let line = w.lines().zip(g.lines()).position(|(a, b)| a != b).map_or(w.lines().count().min(g.lines().count()), |i| i);
        panic!(
            "{} differs from the snapshot at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_SNAPSHOTS=1 regenerates)",
            Path::new(name).display(),
            line + 1,
            w.lines().nth(line).unwrap_or(""),
            g.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn json() {
    check("example.json", &report("json", &[]));
}

#[test]
fn dot() {
    check("example.dot", &report("dot", &[]));
}

#[test]
fn dot_conflict_network() {
    check("example-conflict.dot", &report("dot", &["--network", "conflict"]));
}

#[test]
fn svg() {
    check("example.svg", &report("svg", &[]));
}

#[test]
fn html() {
    check("example.html", &report("html", &[]));
}

#[test]
fn view() {
    let n = RUN.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("qg-snap-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = common::view_example(&dir);
    check("example-view.html", &std::fs::read(&out).expect("read output"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn graphml() {
    check("example.graphml", &report("graphml", &[]));
}

#[test]
fn gexf() {
    check("example.gexf", &report("gexf", &[]));
}

#[test]
fn csv() {
    check("example.csv", &report("csv", &[]));
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for f in ["json", "dot", "svg", "html", "graphml", "gexf", "csv"] {
        assert_eq!(report(f, &[]), report(f, &[]), "{f}");
    }
}
