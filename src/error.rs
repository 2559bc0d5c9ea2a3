//! One error type for the library: every error names the file (and line) it is about.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error that stops a run, with the input it is about.
///
/// ```
/// use quotegraph::error::Error;
/// let e = Error::input("news.jsonl", "line 3: missing field `text`");
/// assert_eq!(e.to_string(), "news.jsonl: line 3: missing field `text`");
/// ```
#[derive(Debug)]
pub enum Error {
    /// The file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was read but its content is not usable.
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong with it (with the line, when there is one).
        message: String,
    },
    /// A problem with the arguments, not with a file.
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().to_path_buf(), source }
    }
    /// Bad content in `path`.
    pub fn input(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::Input { path: path.as_ref().to_path_buf(), message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => {
                let what = match source.kind() {
                    std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    std::io::ErrorKind::InvalidData => "not valid UTF-8 text".to_string(),
                    _ => source.to_string(),
                };
                write!(f, "{}: {}", path.display(), what)
            }
            Error::Input { path, message } => write!(f, "{}: {}", path.display(), message),
            Error::Usage(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
