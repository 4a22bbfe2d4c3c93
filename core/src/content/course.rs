//! A whole course, loaded from its files and checked: the one entry point the course pages,
//! the manager view and the CLI share, so all accept exactly the same content and compute the
//! same version.

use std::collections::HashSet;

use super::issue::ContentIssue;
use super::model::{Module, Organisation, Role, Section, Sources};
use super::parse::{parse_module, parse_organisation, parse_sources};
use super::validate::{missing_module_message, validate, ORGANISATION, SOURCES};
use super::version::{content_version, course_files, module_file};

/// A course that parsed and passed validation; nothing in it needs checking again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub organisation: Organisation,
    pub sources: Sources,
    /// In course order (`organisation.modules`).
    pub modules: Vec<Module>,
    /// See [`content_version`].
    pub version: String,
}

/// Parses, validates and versions a course from `(relative path, bytes)` pairs such as
/// `("modules/roles.json", …)`. Files the course does not list are ignored. On failure every
/// problem found is returned, ordered by file in course order.
pub fn load_course(files: &[(String, Vec<u8>)]) -> Result<Course, Vec<ContentIssue>> {
    let find = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, bytes)| bytes.as_slice())
    };
    let mut issues = Vec::new();
    let read = |file: &str, issues: &mut Vec<ContentIssue>| {
        let bytes = find(file);
        if bytes.is_none() {
            issues.push(ContentIssue::new(file, "", "file is missing"));
        }
        bytes
    };
    let org = read(ORGANISATION, &mut issues).and_then(|b| {
        parse_organisation(ORGANISATION, b)
            .map_err(|e| issues.extend(e))
            .ok()
    });
    let sources = read(SOURCES, &mut issues)
        .and_then(|b| parse_sources(SOURCES, b).map_err(|e| issues.extend(e)).ok());
    let (Some(org), Some(sources)) = (org, sources) else {
        return Err(issues);
    };

    let mut modules = Vec::new();
    let mut unparsed = HashSet::new();
    let mut seen = HashSet::new();
    for id in org.modules.iter().filter(|id| seen.insert(id.as_str())) {
        let file = module_file(id);
        let Some(bytes) = find(&file) else {
            continue; // validate reports it against organisation.json
        };
        match parse_module(&file, bytes) {
            Ok(module) => modules.push((file, module)),
            Err(e) => {
                issues.extend(e);
                unparsed.insert(missing_module_message(id));
            }
        }
    }
    issues.extend(
        validate(&org, &sources, &modules)
            .into_iter()
            .filter(|i| !(i.file == ORGANISATION && unparsed.contains(&i.message))),
    );
    let order = course_files(&org);
    if !issues.is_empty() {
        let rank = |file: &str| order.iter().position(|f| f == file).unwrap_or(order.len());
        issues.sort_by_key(|i| rank(&i.file));
        return Err(issues);
    }

    let hashed: Vec<(&str, &[u8])> = order
        .iter()
        .map(|f| (f.as_str(), find(f).unwrap_or_default()))
        .collect();
    let version = content_version(&hashed);
    Ok(Course {
        organisation: org,
        sources,
        modules: modules.into_iter().map(|(_, m)| m).collect(),
        version,
    })
}

/// The module whose before/during/after sections the pocket card prints.
pub const POCKET_CARD_MODULE: &str = "violence";

impl Course {
    /// The module the pocket card is made from, if the course has it.
    pub fn pocket_card_module(&self) -> Option<&Module> {
        self.module(POCKET_CARD_MODULE)
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The modules a role must pass for a certificate, in course order.
    pub fn required_modules(&self, role: Role) -> Vec<&Module> {
        let ids = &self.organisation.roles.get(role).required;
        self.modules
            .iter()
            .filter(|m| ids.contains(&m.id))
            .collect()
    }

    /// The modules a role may take but need not, in course order.
    pub fn optional_modules(&self, role: Role) -> Vec<&Module> {
        let ids = &self.organisation.roles.get(role).optional;
        self.modules
            .iter()
            .filter(|m| ids.contains(&m.id))
            .collect()
    }
}

impl Module {
    /// The sections `role` reads, in content order, with their index in `sections`: lesson
    /// page N (from 1) shows the N-th. The lesson pages, "my training" and the LMS bookmark
    /// all count pages this way.
    pub fn lesson_sections(&self, role: Role) -> Vec<(usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_for(role))
            .collect()
    }

    /// The lesson page (from 1) that shows section `index` (as stored in progress) for
    /// `role`; page 1 when the role does not read that section.
    pub fn lesson_page_of(&self, role: Role, index: usize) -> usize {
        self.lesson_sections(role)
            .iter()
            .position(|(i, _)| *i == index)
            .map_or(1, |p| p + 1)
    }
}
