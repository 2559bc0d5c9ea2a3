//! What the integration tests share: running `quotegraph report` on the bundled
//! example article with its codebook.

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
