//! Checks with outside programs: Graphviz accepts our DOT, networkx reads our
//! GraphML and GEXF, headless Chromium opens the HTML report and the article view. Each test says so
//! and skips when its program is missing; `.ci/run` installs them, so in CI they run.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn have(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd).args(args).output().map(|o| o.status.success()).unwrap_or(false)
}

/// Writes the example report in `format` (with `extra` options) and returns its path.
fn write(dir: &std::path::Path, format: &str, extra: &[&str]) -> PathBuf {
    common::report_example(dir, &format!("example-{}", extra.join("-")), format, extra)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qg-ext-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn graphviz_accepts_every_network() {
    if !have("dot", &["-V"]) {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    }
    let d = tmp("dot");
    for net in ["stance", "conflict", "congruence", "affiliation", "quotes"] {
        let f = write(&d, "dot", &["--network", net]);
        let o = Command::new("dot").arg("-Tsvg").arg(&f).output().expect("run dot");
        assert!(o.status.success(), "dot rejected the {net} network: {}", String::from_utf8_lossy(&o.stderr));
        assert!(o.stderr.is_empty() || !String::from_utf8_lossy(&o.stderr).contains("Error"), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn networkx_reads_graphml_and_gexf() {
    if !have("python3", &["-c", "import networkx"]) {
        eprintln!("skipped: python3 with networkx is not installed");
        return;
    }
    let d = tmp("nx");
    let gml = write(&d, "graphml", &[]);
    let gexf = write(&d, "gexf", &[]);
    let script = "import sys, networkx as nx\n\
g = nx.read_graphml(sys.argv[1]); h = nx.read_gexf(sys.argv[2])\n\
assert g.number_of_nodes() > 0 and g.number_of_edges() > 0, 'empty graphml'\n\
assert h.number_of_nodes() == g.number_of_nodes(), (h.number_of_nodes(), g.number_of_nodes())\n\
assert h.number_of_edges() == g.number_of_edges(), (h.number_of_edges(), g.number_of_edges())\n\
w = [d.get('weight') for _, _, d in g.edges(data=True)]\n\
assert all(isinstance(x, int) and x >= 1 for x in w), w\n\
print(g.number_of_nodes(), g.number_of_edges())\n";
    let o = Command::new("python3").arg("-c").arg(script).arg(&gml).arg(&gexf).output().expect("run python3");
    assert!(o.status.success(), "networkx: {}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(&d);
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| have(c, &["--version"]))
}

/// Opens `html` in headless Chromium, takes a screenshot, and checks that nothing
/// is loaded from outside, no script error reaches the console, and the page is not blank.
fn open_in_chromium(chromium: &str, d: &std::path::Path, html: &std::path::Path) {
    let text = std::fs::read_to_string(html).expect("read html");
    for bad in ["<script src", "<link ", "@import", "url(http", "src=\"http", "href=\"http"] {
        assert!(!text.contains(bad), "the page loads something from outside: {bad}");
    }
    let shot = d.join("shot.png");
    let profile = d.join("profile");
    let o = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,1600")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "chromium failed: {log}");
    assert!(!log.contains("Uncaught"), "a JavaScript error in the console: {log}");
    // nothing at all in the console: no error, no warning, no log line
    assert!(!log.contains(":CONSOLE"), "the page wrote to the console: {log}");
    let png = std::fs::read(&shot).expect("a screenshot");
    // a blank page compresses to almost nothing; a drawn page does not
    assert!(png.len() > 20_000, "the screenshot looks blank ({} bytes)", png.len());
}

#[test]
fn chromium_opens_the_html_report_without_network_and_draws_something() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: Chromium is not installed");
        return;
    };
    let d = tmp("chromium");
    let html = write(&d, "html", &[]);
    open_in_chromium(chromium, &d, &html);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn chromium_opens_the_article_view_with_no_console_errors() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: Chromium is not installed");
        return;
    };
    let d = tmp("chromium-view");
    let html = common::view_example(&d);
    open_in_chromium(chromium, &d, &html);
    let _ = std::fs::remove_dir_all(&d);
}
