//! What the integration tests share: running `quotegraph report` (with its
//! codebook) and `quotegraph view` on the bundled example article, and temporary
//! directories.

#![allow(dead_code)] // each test file uses its own part of this module

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A fresh, empty directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new directory under the system's temporary directory, named after `name`.
    pub fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("qg-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
    /// A path inside it.
    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
    /// The sorted names of the entries of its subdirectory `sub` ("" for itself).
    pub fn entries(&self, sub: &str) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(self.0.join(sub)).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
