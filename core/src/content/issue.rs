//! One problem found in the content, located well enough for an editor to jump to it.

use serde::Serialize;
use std::fmt;

/// A content problem. `file` is relative to the content folder (`modules/roles.json`) and
/// `path` is the JSON path inside it (`questions[7].options`), so the same issue reads the
/// same in the CLI, in tests and in the app's error page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentIssue {
    pub file: String,
    /// Empty when the problem concerns the whole file (unreadable, too large, missing).
    pub path: String,
    pub message: String,
}

impl ContentIssue {
    pub fn new(
        file: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ContentIssue {
            file: file.into(),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

impl std::error::Error for ContentIssue {}
