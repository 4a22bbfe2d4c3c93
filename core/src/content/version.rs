//! The content version: a short hash of exactly the files the course is built from. It is
//! stamped on progress and certificates so a result can be tied to the text the learner saw,
//! and it changes whenever any file changes, is renamed or is reordered in the course.

use sha2::{Digest, Sha256};

use super::model::Organisation;

/// The files of a course, relative to the content folder, in the order the version is
/// computed over: `organisation.json`, `sources.json`, then `modules/<id>.json` in course
/// order. The app and the CLI both fetch and hash in this order, so they agree on the version.
pub fn course_files(org: &Organisation) -> Vec<String> {
    let mut files = vec!["organisation.json".to_string(), "sources.json".to_string()];
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
