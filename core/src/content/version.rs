//! The content version: a short hash of the course's structure, the files every language
//! shares (`organisation.json` and `modules/<id>.json`). It is stamped on certificates so a
//! result can be tied to the questions, answers and rules the learner was tested on, and it
//! changes whenever one of those files changes, is renamed or is reordered in the course.
//! Wording in a language's files does not change it: a translation fixed in Finnish does not
//! make every earlier certificate look out of date.

use sha2::{Digest, Sha256};

use super::model::Organisation;

/// The structure files of a course, relative to the content folder, in the order the version
/// is computed over: `organisation.json`, then `modules/<id>.json` in course order. The app
/// and the CLI both fetch and hash in this order, so they agree on the version.
pub fn course_files(org: &Organisation) -> Vec<String> {
    let mut files = vec!["organisation.json".to_string()];
    files.extend(org.modules.iter().map(|id| module_file(id)));
    files
}

/// Where a module's file lives, relative to the content folder.
pub fn module_file(id: &str) -> String {
    format!("modules/{id}.json")
}

/// The first 12 hex digits of SHA-256 over each file's path, a 0 byte, its length as 8 bytes
/// little-endian and its bytes. Path and length are included so moving bytes from one file to
/// the next, or renaming a file, also changes the version.
pub fn content_version(files: &[(&str, &[u8])]) -> String {
    let mut hasher = Sha256::new();
    for (path, bytes) in files {
        hasher.update(path.as_bytes());
        hasher.update([0u8]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}
