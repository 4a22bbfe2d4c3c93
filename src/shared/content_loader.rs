//! Fetches the course from `content/` relative to `index.html`, one language at a time and
//! only what the page shows: the organisation file and the language's words and names first
//! (every page), the modules' structure for the course pages, and a module's texts when it is
//! opened. A text the language lacks is taken from its fallback language's file, read only
//! then. Every failure becomes a [`ContentFailure`] that names the file.

use trygg_core::content::{
    course_files, load_structure, parse_organisation, ContentIssue, Course, FillError, Lang,
    LanguageFile, Module, Organisation,
};
use trygg_core::language::{
    course_texts_file, module_texts_file, parse_texts, parse_words, ui_words_issues, words_file,
    Texts, Words,
};

use futures::future::join;

use crate::shared::browser::fetch::{self, FetchError};
use crate::shared::lms_session::launch_language;
use crate::shared::state::{ContentFailure, LanguageLoaded};

const ORGANISATION_FILE: &str = "organisation.json";

/// The organisation file as read and as parsed (its structure; names come with a language).
pub async fn fetch_organisation_file() -> Result<(Vec<u8>, Organisation), ContentFailure> {
    let bytes = fetch_file(ORGANISATION_FILE).await?;
    let organisation =
        parse_organisation(ORGANISATION_FILE, &bytes).map_err(ContentFailure::Invalid)?;
    crate::shared::i18n::set_country(organisation.country.as_deref());
    Ok((bytes, organisation))
}

/// The language to show of those `organisation` offers: `wanted`, else its first. On a visit's
/// first load inside an LMS, the learner's language there comes before `wanted`
/// ([`launch_language`]).
pub fn language_of(organisation: &Organisation, wanted: Lang) -> Result<Lang, ContentFailure> {
    let wanted = launch_language(organisation).unwrap_or(wanted);
    organisation.choose_language(Some(wanted)).ok_or_else(|| {
        ContentFailure::Invalid(vec![ContentIssue::new(
            ORGANISATION_FILE,
            "languages",
            "the course lists no languages",
        )])
    })
}

/// A language's UI words (`languages/<tag>/ui.json`).
pub async fn load_words(lang: Lang) -> Result<Words, ContentFailure> {
    read_words(lang, start_file(&words_file(lang))?).await
}

/// The words of `lang` as the course's pages (and the manager view) read them: checked against
/// the texts and placeholders the code reads ([`ui_words_issues`]), so a text deleted from the
/// file or a mistyped `{placeholder}` is named on the page with its file and key, not shown
/// to learners as a key or a brace. The start page goes without the check and its bytes.
pub async fn load_course_words(
    organisation: &Organisation,
    lang: Lang,
) -> Result<Words, ContentFailure> {
    let words = load_words(lang).await?;
    let has_fallback = organisation.fallback_of(lang).is_some();
    let issues = ui_words_issues(&words_file(lang), &words, has_fallback);
    if issues.is_empty() {
        Ok(words)
    } else {
        Err(ContentFailure::Invalid(issues))
    }
}

/// The words of `lang` from a request already sent.
async fn read_words(lang: Lang, request: fetch::PendingFetch) -> Result<Words, ContentFailure> {
    let file = words_file(lang);
    let bytes = request.bytes().await.map_err(|e| fetch_failure(&file, e))?;
    parse_words(&file, lang, &bytes).map_err(ContentFailure::Invalid)
}

/// Sends the request for a content file now.
fn start_file(name: &str) -> Result<fetch::PendingFetch, ContentFailure> {
    fetch::start_fetch(&fetch::content_url(name)).map_err(|e| fetch_failure(name, e))
}

/// The organisation with its names in `lang` (from the language's `course.json`): what the
/// start and about pages need.
pub async fn name_organisation(
    organisation: &Organisation,
    lang: Lang,
) -> Result<Organisation, ContentFailure> {
    let mut named = organisation.clone();
    let fallback = organisation.fallback_of(lang);
    fill_in(lang, fallback, course_texts_file, |own, fb| {
        named.fill_texts(own, fb)
    })
    .await?;
    Ok(named)
}

/// The course with its course texts (names, titles, summaries) in `lang`, and the texts of
/// every module already read in another language read again in this one, so a switch of
/// language keeps the page it is on.
pub async fn fill_course(course: &Course, lang: Lang) -> Result<Course, ContentFailure> {
    let mut course = course.clone();
    let open: Vec<String> = course
        .modules
        .iter()
        .filter(|m| m.texts.is_some())
        .map(|m| m.id.clone())
        .collect();
    let fallback = course.organisation.fallback_of(lang);
    fill_in(lang, fallback, course_texts_file, |own, fb| {
        course.fill_course_texts(own, fb)
    })
    .await?;
    for id in open {
        fill_in(
            lang,
            fallback,
            |l| module_texts_file(l, &id),
            |own, fb| course.fill_module_texts(&id, own, fb),
        )
        .await?;
    }
    Ok(course)
}

/// A language as the start and about pages need it: its words and the organisation's names.
pub async fn load_language(
    organisation: &Organisation,
    wanted: Lang,
) -> Result<LanguageLoaded, ContentFailure> {
    let lang = language_of(organisation, wanted)?;
    // The words' request goes out first and is read last: both travel at once without a
    // join, whose state machine would cost the start page's wasm more than this order.
    let words = start_file(&words_file(lang))?;
    let named = name_organisation(organisation, lang).await?;
    Ok(LanguageLoaded {
        words: std::rc::Rc::new(read_words(lang, words).await?),
        organisation: std::rc::Rc::new(named),
        course: None,
    })
}

/// A language as the course pages need it: its words, and the course in it ([`fill_course`]).
pub async fn load_course_language(
    course: &Course,
    wanted: Lang,
) -> Result<LanguageLoaded, ContentFailure> {
    let lang = language_of(&course.organisation, wanted)?;
    let (words, course) = join(
        load_course_words(&course.organisation, lang),
        fill_course(course, lang),
    )
    .await;
    let course = course?;
    Ok(LanguageLoaded {
        words: std::rc::Rc::new(words?),
        organisation: std::rc::Rc::new(course.organisation.clone()),
        course: Some(std::rc::Rc::new(course)),
    })
}

/// The fallback language's words, for the keys a language's `ui.json` lacks.
pub async fn load_fallback_words(
    organisation: &Organisation,
    lang: Lang,
) -> Result<Option<Words>, ContentFailure> {
    let Some(fallback) = organisation.fallback_of(lang) else {
        return Ok(None);
    };
    let file = words_file(fallback);
    let bytes = fetch_file(&file).await?;
    parse_words(&file, fallback, &bytes)
        .map(Some)
        .map_err(ContentFailure::Invalid)
}

/// The course's structure: the module files `organisation` lists, all requests sent
/// together, validated with the same core code as `trygg content check` (without
/// `sources.json`, which only reviewers read). No texts yet: see [`load_language`].
pub async fn load_course_structure(
    org_bytes: Vec<u8>,
    organisation: &Organisation,
) -> Result<Course, ContentFailure> {
    let mut pending = Vec::new();
    for name in course_files(organisation) {
        let request = if name == ORGANISATION_FILE {
            None
        } else {
            Some(
                fetch::start_fetch(&fetch::content_url(&name))
                    .map_err(|e| fetch_failure(&name, e))?,
            )
        };
        pending.push((name, request));
    }
    let mut files = Vec::new();
    for (name, request) in pending {
        let bytes = match request {
            None => org_bytes.clone(),
            Some(request) => match request.bytes().await {
                Ok(bytes) => bytes,
                // A listed module the server does not have: the course's check then names the
                // entry in `organisation.json` that lists it, as `trygg content check` does.
                Err(FetchError::Status(404)) => continue,
                Err(e) => return Err(fetch_failure(&name, e)),
            },
        };
        files.push((name, bytes));
    }
    load_structure(&files).map_err(ContentFailure::Invalid)
}

/// One module with its lesson and quiz texts in the course's language.
pub async fn load_module_texts(course: &Course, module_id: &str) -> Result<Module, ContentFailure> {
    let organisation = &course.organisation;
    let Some(lang) = course.lang else {
        // The course pages read the course's texts before any module's.
        return Err(not_ready(module_id));
    };
    let mut course = course.clone();
    fill_in(
        lang,
        organisation.fallback_of(lang),
        |l| module_texts_file(l, module_id),
        |own, fb| course.fill_module_texts(module_id, own, fb),
    )
    .await?;
    course
        .modules
        .into_iter()
        .find(|m| m.id == module_id)
        .ok_or_else(|| not_ready(module_id))
}

fn not_ready(module_id: &str) -> ContentFailure {
    ContentFailure::Invalid(vec![ContentIssue::new(
        format!("modules/{module_id}.json"),
        "",
        "the module is not in the course as read",
    )])
}

/// Sends the requests for the texts of every module of the course's language ahead, so each
/// module opens without a wait (and, with the offline worker, works offline): the module that
/// opens takes its request over.
pub fn prefetch_module_texts(course: &Course) {
    let Some(lang) = course.lang else {
        return;
    };
    for module in course.modules.iter().filter(|m| m.texts.is_none()) {
        fetch::prefetch(&fetch::content_url(&module_texts_file(lang, &module.id)));
    }
}

/// A language's text file as read, and its fallback language's once a fill has needed it:
/// read once, it fills as many times as the page needs (the organisation's names first, the
/// modules' titles when their structure arrives).
pub struct TextFile {
    lang: Lang,
    file: String,
    texts: Texts,
    fallback: Option<Lang>,
    /// The fallback's file (its language, name and texts), once read.
    fallback_texts: Option<(Lang, String, Texts)>,
}

impl TextFile {
    /// Reads `file` of `lang` (`fallback` is the language that fills its gaps). A file the
    /// server lacks reads as empty when there is a fallback to take every text from.
    pub async fn read(
        lang: Lang,
        fallback: Option<Lang>,
        file: String,
    ) -> Result<TextFile, ContentFailure> {
        let texts = fetch_texts(&file, fallback.is_some()).await?;
        Ok(TextFile {
            lang,
            file,
            texts,
            fallback,
            fallback_texts: None,
        })
    }

    /// Fills texts in with `fill`; when it needs the fallback language's file (same name in
    /// that language's folder), reads it once and fills again.
    pub async fn fill(
        &mut self,
        mut fill: impl FnMut(&LanguageFile, Option<&LanguageFile>) -> Result<(), FillError>,
    ) -> Result<(), ContentFailure> {
        let own = language_file(self.lang, &self.file, &self.texts);
        let first = match &self.fallback_texts {
            None => fill(&own, None),
            Some((lang, file, texts)) => fill(&own, Some(&language_file(*lang, file, texts))),
        };
        match first {
            Ok(()) => return Ok(()),
            Err(FillError::Invalid(issues)) => return Err(ContentFailure::Invalid(issues)),
            Err(FillError::NeedsFallback(_)) => {}
        }
        let Some(other) = self.fallback else {
            return Ok(());
        };
        let other_file = self.file.replacen(
            &format!("languages/{}/", self.lang.code()),
            &format!("languages/{}/", other.code()),
            1,
        );
        let texts = fetch_texts(&other_file, false).await?;
        let own = language_file(self.lang, &self.file, &self.texts);
        let result = fill(&own, Some(&language_file(other, &other_file, &texts)));
        self.fallback_texts = Some((other, other_file, texts));
        match result {
            Err(FillError::Invalid(issues)) => Err(ContentFailure::Invalid(issues)),
            // Not asked for twice: the fallback is given.
            Ok(()) | Err(FillError::NeedsFallback(_)) => Ok(()),
        }
    }
}

fn language_file<'a>(lang: Lang, file: &'a str, texts: &'a Texts) -> LanguageFile<'a> {
    LanguageFile { lang, file, texts }
}

/// Reads `file_of(lang)` and fills it in with `fill`, with its fallback as [`TextFile::fill`].
async fn fill_in(
    lang: Lang,
    fallback: Option<Lang>,
    file_of: impl Fn(Lang) -> String,
    fill: impl FnMut(&LanguageFile, Option<&LanguageFile>) -> Result<(), FillError>,
) -> Result<(), ContentFailure> {
    TextFile::read(lang, fallback, file_of(lang))
        .await?
        .fill(fill)
        .await
}

/// A language's text file; with `optional`, a file the server does not have reads as empty
/// (every text then comes from the fallback language).
async fn fetch_texts(file: &str, optional: bool) -> Result<Texts, ContentFailure> {
    match fetch::fetch_bytes(&fetch::content_url(file)).await {
        Ok(bytes) => parse_texts(file, &bytes).map_err(ContentFailure::Invalid),
        Err(FetchError::Status(404)) if optional => Ok(Texts::default()),
        Err(e) => Err(fetch_failure(file, e)),
    }
}

/// The addresses of the content files every page reads in `lang`: the organisation file and
/// the language's words and names. For the service worker to keep for offline use.
pub fn page_urls(lang: Lang) -> Vec<String> {
    [
        ORGANISATION_FILE.to_owned(),
        words_file(lang),
        course_texts_file(lang),
    ]
    .iter()
    .map(|name| fetch::content_url(name))
    .collect()
}

/// The addresses of the content files the course pages read in `lang`: those of
/// [`page_urls`], the modules' structure ([`load_course_structure`]) and each module's texts
/// ([`load_module_texts`]). For the service worker to keep for offline use; a fallback
/// language's files are kept once a page has read them.
pub fn course_urls(organisation: &Organisation, lang: Lang) -> Vec<String> {
    let structure = course_files(organisation)
        .into_iter()
        .filter(|name| name != ORGANISATION_FILE);
    let texts = organisation
        .modules
        .iter()
        .map(|id| module_texts_file(lang, id));
    let mut urls = page_urls(lang);
    urls.extend(structure.chain(texts).map(|name| fetch::content_url(&name)));
    urls
}

fn fetch_failure(name: &str, error: FetchError) -> ContentFailure {
    ContentFailure::Fetch {
        file: fetch::content_url(name),
        error,
    }
}

async fn fetch_file(name: &str) -> Result<Vec<u8>, ContentFailure> {
    fetch::fetch_bytes(&fetch::content_url(name))
        .await
        .map_err(|e| fetch_failure(name, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped organisation file, as the browser reads it.
    fn shipped_organisation() -> Organisation {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(root.join("content").join(ORGANISATION_FILE))
            .expect("the shipped organisation file");
        parse_organisation(ORGANISATION_FILE, &bytes).expect("the shipped organisation parses")
    }

    #[test]
    fn the_files_kept_offline_are_the_shown_languages_and_all_exist() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let organisation = shipped_organisation();
        for language in &organisation.languages {
            let tag = language.tag.code();
            let urls = course_urls(&organisation, language.tag);
            // The structure, the words and names, and every module's texts, once each.
            assert_eq!(urls.len(), 3 + 2 * organisation.modules.len(), "{tag}");
            let unique: std::collections::BTreeSet<&String> = urls.iter().collect();
            assert_eq!(unique.len(), urls.len(), "{tag}: no file twice");
            for id in &organisation.modules {
                assert!(urls.contains(&format!("content/modules/{id}.json")));
                assert!(urls.contains(&format!("content/languages/{tag}/modules/{id}.json")));
            }
            for url in &urls {
                let other = url.starts_with("content/languages/")
                    && !url.starts_with(&format!("content/languages/{tag}/"));
                assert!(!other, "{tag}: {url} is another language's");
                assert!(root.join(url).is_file(), "{tag}: {url} is not shipped");
            }
            assert!(page_urls(language.tag).iter().all(|url| urls.contains(url)));
        }
    }
}
