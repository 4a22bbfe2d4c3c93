//! Version 2 of the progress document and its migration to version 3. Version 2 was
//! version 3 plus a top-level `"lang"` (`"sv"`, `"en"` or absent), which no part of the app
//! read: the language lives in the app's own setting, so version 3 drops it.

use serde::Deserialize;

use super::Progress;
use crate::content::Lang;

#[derive(Debug, Deserialize)]
pub(super) struct ProgressV2 {
    /// Read so a version 2 document with a language this app does not know is refused as
    /// version 2 refused it, then dropped.
    #[serde(default, rename = "lang")]
    pub(super) _lang: Option<Lang>,
    #[serde(flatten)]
    pub(super) rest: Progress,
}

impl ProgressV2 {
    /// Version 3: the same document without the language.
    pub(super) fn migrate(self) -> Progress {
        Progress {
            version: 3,
            ..self.rest
        }
    }
}
