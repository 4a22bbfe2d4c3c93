//! Every rule content must meet beyond its JSON shape. All problems are reported at once,
//! each with its file and JSON path, so an author can fix a whole file in one pass.

use std::collections::{HashMap, HashSet};

use super::issue::ContentIssue;
use super::model::{DocumentKind, Organisation, Role, Source, SourceDocument, Sources};
use super::validate_module::check_module;
use super::version::module_file;

pub(crate) const ORGANISATION: &str = "organisation.json";
pub(crate) const SOURCES: &str = "sources.json";

/// Checks the whole course. `modules` pairs each module with the file it came from
/// (`modules/<id>.json`); a module the organisation lists but that is absent here is reported
/// as missing.
pub fn validate(
    org: &Organisation,
    sources: Option<&Sources>,
    modules: &[(String, super::model::Module)],
) -> Vec<ContentIssue> {
    let mut issues = Vec::new();
    let index = sources.map(SourceIndex::new);
    check_organisation(&mut Out::new(ORGANISATION, &mut issues), org, modules);
    if let Some(sources) = sources {
        check_sources(&mut Out::new(SOURCES, &mut issues), sources);
    }
    for (file, module) in modules {
        check_module(
            &mut Out::new(file, &mut issues),
            file,
            module,
            org,
            index.as_ref(),
        );
    }
    issues
}

/// The message for a listed module without a file; `load_course` leaves it out for a module
/// whose file exists but did not parse, which is already reported.
pub(crate) fn missing_module_message(id: &str) -> String {
    format!(
        "module \"{id}\" is listed but {} is missing",
        module_file(id)
    )
}

/// Collects issues for one file.
pub(crate) struct Out<'a> {
    file: &'a str,
    issues: &'a mut Vec<ContentIssue>,
}

impl<'a> Out<'a> {
    pub(crate) fn new(file: &'a str, issues: &'a mut Vec<ContentIssue>) -> Self {
        Out { file, issues }
    }

    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues
            .push(ContentIssue::new(self.file, path, message));
    }

    /// How many issues were found so far: the mark [`Out::name_since`] names from.
    pub(crate) fn count(&self) -> usize {
        self.issues.len()
    }

    /// Names the section or question (`what`, with its `id`) in each issue found since
    /// `mark`: paths count by position (`questions[7]`), which a person editing the file does
    /// not see.
    pub(crate) fn name_since(&mut self, mark: usize, what: &str, id: &str) {
        if id.trim().is_empty() {
            return;
        }
        let quoted = format!("\"{id}\"");
        for issue in self.issues.iter_mut().skip(mark) {
            if !issue.message.contains(&quoted) {
                issue.message = format!("{} ({what} {quoted})", issue.message);
            }
        }
    }

    pub(crate) fn nonempty(&mut self, path: &str, value: &str) -> bool {
        let ok = !value.trim().is_empty();
        if !ok {
            self.push(path, "must not be empty");
        }
        ok
    }

    /// Ids end up in file names, URLs and storage keys, so they stay plain.
    pub(crate) fn id(&mut self, path: &str, id: &str) {
        if self.nonempty(path, id) && !is_plain_id(id, 1) {
            self.push(
                path,
                format!("id \"{id}\" must be at most 64 characters of a–z, 0–9 and \"-\""),
            );
        }
    }

    /// An https link an organisation gives (intranet, reporting system), when given.
    fn url(&mut self, path: &str, url: &str) {
        let https = url.starts_with("https://") && url.len() > "https://".len();
        if !url.is_empty() && !https {
            self.push(path, format!("\"{url}\" must be an https:// address"));
        }
    }

    /// A lesson's or question's source, when `sources.json` was read to check it against.
    pub(crate) fn source(&mut self, path: &str, source: &Source, index: Option<&SourceIndex>) {
        let Some(index) = index else {
            return;
        };
        let doc = index.documents.get(source.seed.as_str()).copied();
        match doc {
            None => self.push(
                format!("{path}.seed"),
                format!("seed \"{}\" is not in sources.json", source.seed),
            ),
            Some(doc) if !doc.sections.contains(&source.section) => self.push(
                format!("{path}.section"),
                format!(
                    "section \"{}\" is not among the sections of \"{}\" in sources.json",
                    source.section, source.seed
                ),
            ),
            Some(_) => {}
        }
        for (i, point) in source.points.iter().enumerate() {
            match index.points.get(point.as_str()) {
                None => self.push(
                    format!("{path}.points[{i}]"),
                    format!("point \"{point}\" does not exist"),
                ),
                Some(owner) if doc.is_some_and(|d| !std::ptr::eq(d, *owner)) => self.push(
                    format!("{path}.points[{i}]"),
                    format!(
                        "point \"{point}\" belongs to \"{}\", not to \"{}\"",
                        owner.name(),
                        source.seed
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}

/// `modules/roles.json` → `roles`.
pub(crate) fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".json").unwrap_or(name)
}

/// `[a-z0-9-]`, between `min` and 64 characters.
pub(crate) fn is_plain_id(id: &str, min: usize) -> bool {
    (min..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Documents by every name content may cite them by (`file` and `id`), and point ids with the
/// document that defines them.
pub(crate) struct SourceIndex<'a> {
    pub(crate) documents: HashMap<&'a str, &'a SourceDocument>,
    pub(crate) points: HashMap<&'a str, &'a SourceDocument>,
}

impl<'a> SourceIndex<'a> {
    fn new(sources: &'a Sources) -> Self {
        let mut documents = HashMap::new();
        let mut points = HashMap::new();
        for doc in &sources.documents {
            for name in [doc.file.as_str(), doc.id.as_str()] {
                if !name.is_empty() {
                    documents.entry(name).or_insert(doc);
                }
            }
            for point in &doc.points {
                points.entry(point.id.as_str()).or_insert(doc);
            }
        }
        SourceIndex { documents, points }
    }
}

fn check_organisation(
    out: &mut Out,
    org: &Organisation,
    modules: &[(String, super::model::Module)],
) {
    if !is_plain_id(&org.course_id, 3) {
        out.push(
            "course_id",
            format!(
                "course id \"{}\" must be 3–64 characters of a–z, 0–9 and \"-\"",
                org.course_id
            ),
        );
    }
    check_languages(out, org);
    out.url("security_unit.intranet", &org.security_unit.intranet);
    out.url("reporting.url", &org.reporting.url);
    out.nonempty("emergency.public", &org.emergency.public);
    out.nonempty("emergency.internal_alarm", &org.emergency.internal_alarm);
    if let Some(desk) = &org.it_service_desk {
        out.nonempty("it_service_desk.phone", &desk.phone);
    }
    if !(1..=100).contains(&org.pass_mark) {
        out.push(
            "pass_mark",
            format!("pass mark {} must be between 1 and 100", org.pass_mark),
        );
    }
    if org.validity_months == 0 {
        out.push("validity_months", "validity must be at least 1 month");
    }
    if let Some(country) = &org.country {
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push(
                "country",
                format!(
                    "\"{country}\" is not a country code: two capital letters, such as SE or FI"
                ),
            );
        }
    }
    if org.modules.is_empty() {
        out.push("modules", "the course lists no modules");
    }
    // By file name: a module whose id differs from its file name is reported on its own.
    let present: HashSet<&str> = modules.iter().map(|(file, _)| file_stem(file)).collect();
    let mut seen = HashSet::new();
    for (i, id) in org.modules.iter().enumerate() {
        let path = format!("modules[{i}]");
        out.id(&path, id);
        if !seen.insert(id.as_str()) {
            out.push(&path, format!("module \"{id}\" is listed twice"));
        } else if !id.is_empty() && !present.contains(id.as_str()) {
            out.push(&path, missing_module_message(id));
        }
    }
    let listed: HashSet<&str> = org.modules.iter().map(String::as_str).collect();
    for role in Role::ALL {
        let lists = org.roles.get(role);
        let key = role.key();
        if lists.required.is_empty() {
            out.push(
                format!("roles.{key}.required"),
                format!("role {key} requires no modules"),
            );
        }
        let mut seen = HashSet::new();
        for (list, ids) in [("required", &lists.required), ("optional", &lists.optional)] {
            for (i, id) in ids.iter().enumerate() {
                let path = format!("roles.{key}.{list}[{i}]");
                if !listed.contains(id.as_str()) {
                    let verb = if list == "required" {
                        "requires"
                    } else {
                        "offers"
                    };
                    out.push(
                        path,
                        format!("role {key} {verb} module \"{id}\", which is not in modules"),
                    );
                } else if !seen.insert(id.as_str()) {
                    out.push(
                        path,
                        format!("module \"{id}\" appears twice for role {key}"),
                    );
                }
            }
        }
    }
}

/// At least one language; each listed once, with a name, and a fallback among the listed.
fn check_languages(out: &mut Out, org: &Organisation) {
    if org.languages.is_empty() {
        out.push("languages", "the course lists no languages");
    }
    let mut seen = HashSet::new();
    for (i, language) in org.languages.iter().enumerate() {
        let at = format!("languages[{i}]");
        if !seen.insert(language.tag) {
            out.push(
                format!("{at}.tag"),
                format!("language \"{}\" is listed twice", language.tag),
            );
        }
        out.nonempty(&format!("{at}.name"), &language.name);
        if let Some(fallback) = language.fallback {
            if fallback == language.tag {
                out.push(
                    format!("{at}.fallback"),
                    "a language cannot be its own fallback",
                );
            } else if org.language(fallback).is_none() {
                out.push(
                    format!("{at}.fallback"),
                    format!("fallback \"{fallback}\" is not among the languages"),
                );
            }
        }
    }
}

fn check_sources(out: &mut Out, sources: &Sources) {
    if sources.documents.is_empty() {
        out.push("documents", "no source documents are listed");
    }
    let mut names = HashSet::new();
    let mut point_ids = HashSet::new();
    for (d, doc) in sources.documents.iter().enumerate() {
        let at = format!("documents[{d}]");
        check_document_kind(out, &at, doc);
        for (field, name) in [("file", &doc.file), ("id", &doc.id)] {
            if !name.is_empty() && !names.insert(name.as_str()) {
                out.push(
                    format!("{at}.{field}"),
                    format!("document \"{name}\" is listed twice"),
                );
            }
        }
        out.nonempty(&format!("{at}.title"), &doc.title);
        if doc.sections.is_empty() {
            out.push(
                format!("{at}.sections"),
                "a document needs at least one section",
            );
        }
        let mut sections = HashSet::new();
        for (s, section) in doc.sections.iter().enumerate() {
            let path = format!("{at}.sections[{s}]");
            if out.nonempty(&path, section) && !sections.insert(section.as_str()) {
                out.push(path, format!("section \"{section}\" is listed twice"));
            }
        }
        for (p, point) in doc.points.iter().enumerate() {
            let path = format!("{at}.points[{p}]");
            out.id(&format!("{path}.id"), &point.id);
            if !point.id.is_empty() && !point_ids.insert(point.id.as_str()) {
                out.push(
                    format!("{path}.id"),
                    format!("duplicate point id \"{}\"", point.id),
                );
            }
            if !doc.sections.contains(&point.section) {
                out.push(
                    format!("{path}.section"),
                    format!(
                        "section \"{}\" is not among this document's sections",
                        point.section
                    ),
                );
            }
            out.nonempty(&format!("{path}.summary"), &point.summary);
        }
    }
}

/// Each kind of document has the fields a reviewer needs to find it again, and none of the
/// fields of another kind (a `sfs` on guidance is a mistake, not extra detail).
fn check_document_kind(out: &mut Out, at: &str, doc: &SourceDocument) {
    let kind = doc.kind.key();
    if !doc.id.is_empty() {
        out.id(&format!("{at}.id"), &doc.id);
    }
    let (needs_id, needs_file) = match doc.kind {
        DocumentKind::Policy => (false, true),
        DocumentKind::Law | DocumentKind::Guidance => (true, false),
    };
    if needs_file && doc.file.trim().is_empty() {
        out.push(format!("{at}.file"), "a policy needs its seed `file`");
    }
    if !needs_file && !doc.file.is_empty() {
        out.push(
            format!("{at}.file"),
            format!("a {kind} has no seed file; cite it by its `id`"),
        );
    }
    if needs_id && doc.id.is_empty() {
        out.push(format!("{at}.id"), format!("a {kind} needs an `id`"));
    }
    let foreign = |field: &str, present: bool, owner: &str| {
        (present && kind != owner).then(|| {
            (
                format!("{at}.{field}"),
                format!("`{field}` belongs to a {owner}, not to a {kind}"),
            )
        })
    };
    let misplaced = [
        foreign("sfs", !doc.sfs.is_empty(), "law"),
        foreign("issuer", !doc.issuer.is_empty(), "guidance"),
        foreign("year", doc.year.is_some(), "guidance"),
    ];
    for (path, message) in misplaced.into_iter().flatten() {
        out.push(path, message);
    }
    match doc.kind {
        DocumentKind::Policy => {}
        DocumentKind::Law => {
            if doc.sfs.is_empty() {
                out.push(format!("{at}.sfs"), "a law needs its `sfs` number");
            } else if !is_sfs_number(&doc.sfs) {
                out.push(
                    format!("{at}.sfs"),
                    format!("\"{}\" is not an SFS number such as 1992:1403", doc.sfs),
                );
            }
        }
        DocumentKind::Guidance => {
            if doc.issuer.trim().is_empty() {
                out.push(format!("{at}.issuer"), "guidance needs its `issuer`");
            }
            match doc.year {
                None => out.push(format!("{at}.year"), "guidance needs its `year`"),
                Some(year) if !(1900..=2100).contains(&year) => out.push(
                    format!("{at}.year"),
                    format!("year {year} must be between 1900 and 2100"),
                ),
                Some(_) => {}
            }
            if doc.url.is_empty() {
                out.push(format!("{at}.url"), "guidance needs its https:// `url`");
            }
        }
    }
    out.url(&format!("{at}.url"), &doc.url);
}

/// `YYYY:N`, the form every statute in the Swedish Code of Statutes is numbered in.
fn is_sfs_number(sfs: &str) -> bool {
    sfs.split_once(':').is_some_and(|(year, number)| {
        year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && !number.is_empty()
            && number.len() <= 5
            && number.bytes().all(|b| b.is_ascii_digit())
    })
}
