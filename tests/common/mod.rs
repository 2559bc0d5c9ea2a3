//! What the integration tests share: running `quotegraph report` (with its
//! codebook) and `quotegraph view` on the bundled example article.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `report` on the example with its codebook and `extra` options into
/// `dir/NAME.FORMAT`, and returns that path.
pub fn report_example(dir: &Path, name: &str, format: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("{name}.{format}"));
    let st = Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .arg("report")
        .arg(root().join("data/examples/istanbul-talks.txt"))
        .arg("--codebook")
        .arg(root().join("data/codebooks/istanbul-talks.toml"))
        .args(extra)
        .arg("-o")
        .arg(&out)
        .status()
        .expect("run quotegraph");
    assert!(st.success(), "report --format {format} {extra:?} failed");
    out
}

/// Runs `view` on the example into `dir/example-view.html`, and returns that path.
#[allow(dead_code)] // not every test file that shares this module views
pub fn view_example(dir: &Path) -> PathBuf {
    let out = dir.join("example-view.html");
    let st = Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .arg("view")
        .arg(root().join("data/examples/istanbul-talks.txt"))
        .arg("-o")
        .arg(&out)
        .status()
        .expect("run quotegraph");
    assert!(st.success(), "view failed");
    out
}
