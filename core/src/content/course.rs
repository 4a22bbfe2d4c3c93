//! A whole course, loaded from its files and checked: the one entry point the course pages,
//! the manager view and the CLI share, so all accept exactly the same content and compute the
//! same version.

use std::collections::HashSet;

use super::issue::ContentIssue;
use super::model::{Lang, Module, Organisation, Role, Section, Sources};
use super::parse::{parse_module, parse_organisation, parse_sources};
use super::slots::{course_slots, module_slots};
use super::texts::{fill, FillError, LanguageFile};
use super::validate::{missing_module_message, validate, ORGANISATION, SOURCES};
use super::version::{content_version, course_files, module_file};
use crate::language::{course_texts_file, module_texts_file, parse_texts, Texts};

/// The module whose before/during/after sections the pocket card prints.
pub const POCKET_CARD_MODULE: &str = "violence";

/// A course whose structure parsed and passed validation, with the texts of one language
/// filled in as they are read: the organisation's names and the modules' titles first
/// ([`Course::fill_course_texts`]), each module's lessons and questions when it is opened
/// ([`Course::fill_module_texts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub organisation: Organisation,
    /// Read by the CLI, which checks every source reference; the browser leaves it out.
    pub sources: Option<Sources>,
    /// In course order (`organisation.modules`).
    pub modules: Vec<Module>,
    /// See [`content_version`].
    pub version: String,
    /// The language the course texts are filled in, once they are.
    pub lang: Option<Lang>,
}

/// Parses, validates and versions a course's structure from `(relative path, bytes)` pairs:
/// `organisation.json`, `modules/<id>.json` and, when given, `sources.json` (whose references
/// are then checked too). Files the course does not list are ignored. On failure every problem
/// found is returned, ordered by file in course order. No texts are filled in yet.
pub fn load_structure(files: &[(String, Vec<u8>)]) -> Result<Course, Vec<ContentIssue>> {
    let find = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, bytes)| bytes.as_slice())
    };
    let mut issues = Vec::new();
    let org = match find(ORGANISATION) {
        None => {
            issues.push(ContentIssue::new(ORGANISATION, "", "file is missing"));
            None
        }
        Some(b) => parse_organisation(ORGANISATION, b)
            .map_err(|e| issues.extend(e))
            .ok(),
    };
    let sources =
        find(SOURCES).and_then(|b| parse_sources(SOURCES, b).map_err(|e| issues.extend(e)).ok());
    let Some(org) = org else {
        return Err(issues);
    };
    if !issues.is_empty() {
        return Err(issues);
    }

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
        validate(&org, sources.as_ref(), &modules)
            .into_iter()
            .filter(|i| !(i.file == ORGANISATION && unparsed.contains(&i.message))),
    );
    let order = course_files(&org);
    if !issues.is_empty() {
        // sources.json is not part of the version, but its problems come right after the
        // organisation's, as an author reads the files.
        let rank = |file: &str| match order.iter().position(|f| f == file) {
            Some(0) => 0,
            Some(i) => i + 1,
            None if file == SOURCES => 1,
            None => order.len() + 1,
        };
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
        lang: None,
    })
}

/// The whole course in one language (the course's first when `lang` is `None`), from files:
/// the structure, then `course.json` and every module's texts of that language, with its
/// fallback language's files filling the gaps. What the CLI and tests read; the browser reads
/// the same files one at a time as pages need them.
pub fn load_course_in(
    files: &[(String, Vec<u8>)],
    lang: Option<Lang>,
) -> Result<Course, Vec<ContentIssue>> {
    let mut course = load_structure(files)?;
    let org = &course.organisation;
    let Some(lang) = org.choose_language(lang) else {
        return Err(vec![ContentIssue::new(
            ORGANISATION,
            "languages",
            "the course lists no languages",
        )]);
    };
    let mut issues = Vec::new();
    let mut read = |file: String| -> Texts {
        match files.iter().find(|(p, _)| *p == file) {
            Some((_, bytes)) => parse_texts(&file, bytes).unwrap_or_else(|e| {
                issues.extend(e);
                Texts::default()
            }),
            None => Texts::default(),
        }
    };
    let chain: Vec<Lang> = std::iter::successors(Some(lang), |l| org.fallback_of(*l))
        .take(2)
        .collect();
    let course_files: Vec<(String, Texts)> = chain
        .iter()
        .map(|l| (course_texts_file(*l), read(course_texts_file(*l))))
        .collect();
    let module_files: Vec<(String, Vec<(String, Texts)>)> = course
        .modules
        .iter()
        .map(|m| {
            let per_lang = chain
                .iter()
                .map(|l| {
                    let file = module_texts_file(*l, &m.id);
                    let texts = read(file.clone());
                    (file, texts)
                })
                .collect();
            (m.id.clone(), per_lang)
        })
        .collect();
    if !issues.is_empty() {
        return Err(issues);
    }
    let pair = |files: &[(String, Texts)]| -> Vec<(Lang, String, Texts)> {
        chain
            .iter()
            .zip(files.iter())
            .map(|(l, (f, t))| (*l, f.clone(), t.clone()))
            .collect()
    };
    let collect = |issues: &mut Vec<ContentIssue>, result: Result<(), FillError>| match result {
        Ok(()) => {}
        Err(FillError::Invalid(e)) => issues.extend(e),
        Err(FillError::NeedsFallback(_)) => {} // the whole chain is always given here
    };
    // A file with nothing to fill from is one problem, not one per text it should have.
    let absent = |chain: &[(String, Texts)]| -> Option<ContentIssue> {
        let present = |file: &str| files.iter().any(|(p, _)| p == file);
        let own = &chain.first()?.0;
        match chain.get(1) {
            _ if present(own) => None,
            None => Some(ContentIssue::new(own, "", "file is missing")),
            Some((fallback, _)) if !present(fallback) => Some(ContentIssue::new(
                own,
                "",
                format!("file is missing, and so is {fallback}"),
            )),
            Some(_) => None,
        }
    };
    if let Some(issue) = absent(&course_files) {
        issues.push(issue);
    } else {
        let course_chain = pair(&course_files);
        let filled = course.fill_course_texts(
            &file_of(&course_chain[0]),
            course_chain.get(1).map(file_of).as_ref(),
        );
        collect(&mut issues, filled);
    }
    for (id, files) in &module_files {
        if let Some(issue) = absent(files) {
            issues.push(issue);
            continue;
        }
        let module_chain = pair(files);
        let filled = course.fill_module_texts(
            id,
            &file_of(&module_chain[0]),
            module_chain.get(1).map(file_of).as_ref(),
        );
        collect(&mut issues, filled);
    }
    if issues.is_empty() {
        Ok(course)
    } else {
        Err(issues)
    }
}

fn file_of((lang, file, texts): &(Lang, String, Texts)) -> LanguageFile<'_> {
    LanguageFile {
        lang: *lang,
        file,
        texts,
    }
}

/// [`load_course_in`] the course's first language.
pub fn load_course(files: &[(String, Vec<u8>)]) -> Result<Course, Vec<ContentIssue>> {
    load_course_in(files, None)
}

impl Course {
    /// Fills in the organisation's names and every module's title and summary from
    /// `languages/<tag>/course.json` (`own`), with `fallback` (its fallback language's) for
    /// what it lacks. Switching language fills them again and forgets module texts of the
    /// language before, which are read again as their pages open.
    pub fn fill_course_texts(
        &mut self,
        own: &LanguageFile,
        fallback: Option<&LanguageFile>,
    ) -> Result<(), FillError> {
        let declared = self.organisation.fallback_of(own.lang);
        let slots = course_slots(&mut self.organisation, self.modules.iter_mut());
        fill(slots, own, fallback, declared)?;
        if self.lang != Some(own.lang) {
            for module in &mut self.modules {
                module.texts = None;
            }
        }
        self.lang = Some(own.lang);
        Ok(())
    }

    /// Fills in one module's lesson and quiz texts from
    /// `languages/<tag>/modules/<id>.json` (`own`), with `fallback` for what it lacks.
    pub fn fill_module_texts(
        &mut self,
        module_id: &str,
        own: &LanguageFile,
        fallback: Option<&LanguageFile>,
    ) -> Result<(), FillError> {
        let declared = self.organisation.fallback_of(own.lang);
        let Some(module) = self.modules.iter_mut().find(|m| m.id == module_id) else {
            return Err(FillError::Invalid(vec![ContentIssue::new(
                own.file,
                "",
                format!("module \"{module_id}\" is not in the course"),
            )]));
        };
        let mut filled = module.clone();
        fill(module_slots(&mut filled), own, fallback, declared)?;
        filled.texts = Some(own.lang);
        *module = filled;
        Ok(())
    }

    /// Whether a module's lessons and questions are filled in, in the course's language.
    pub fn has_texts(&self, module_id: &str) -> bool {
        self.module(module_id)
            .is_some_and(|m| m.texts.is_some() && m.texts == self.lang)
    }

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

impl Organisation {
    /// Fills in only the organisation's names and notes from `languages/<tag>/course.json`:
    /// what the start and about pages need, without the modules.
    pub fn fill_texts(
        &mut self,
        own: &LanguageFile,
        fallback: Option<&LanguageFile>,
    ) -> Result<(), FillError> {
        let declared = self.fallback_of(own.lang);
        fill(
            course_slots(self, std::iter::empty()),
            own,
            fallback,
            declared,
        )
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

    /// Lesson page `page` (from 1) for `role`, with the section it shows; `None` for a page
    /// the role does not have (page 0 or past the last).
    pub fn lesson_page(&self, role: Role, page: usize) -> Option<(LessonPlace, &Section)> {
        let sections = self.lesson_sections(role);
        let (section, shown) = *sections.get(page.checked_sub(1)?)?;
        let place = LessonPlace {
            section,
            page,
            pages: sections.len(),
        };
        Some((place, shown))
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

/// Where a lesson page sits in a module, for the learner's role: the bookmark stored in
/// progress and the pager both come from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonPlace {
    /// The section's index among all the module's sections (what progress stores).
    pub section: usize,
    /// The page number, from 1.
    pub page: usize,
    /// How many pages the role reads.
    pub pages: usize,
}

impl LessonPlace {
    /// The role's last page: reaching it finishes the lessons, and its "next" leads to the
    /// quiz.
    pub fn is_last(&self) -> bool {
        self.page == self.pages
    }
}
