//! The learner's language inside an LMS: the one they chose travels in the suspend data, so it
//! follows them to another computer, and on a first launch the LMS's own preference for the
//! learner picks it. Languages are compared as tags (`sv`, `en`, `fi` …), so any language the
//! course ships works here unchanged.
//!
//! Only the start of the suspend text is read here, never the whole progress: the first page
//! of a visit needs the language before anything else, and this keeps the full reader out of
//! the modules that do not need it.

use super::text::{escape, unescape};

/// The field of the suspend data (format 2) that holds the language, counted from 0 with the
/// format tag (`T2|course|flags|language|…`).
pub(super) const LANGUAGE_FIELD: usize = 3;

/// The language the course starts in, inside an LMS. `suspend_data` is the LMS's saved
/// progress, `preference` its `cmi.learner_preference.language` (2004) or
/// `cmi.student_preference.language` (1.2), `offered` the course's language tags. The language
/// the suspend data names wins, as the learner chose it; then the LMS's preference, when it
/// names a language the course has (`sv-SE`, `SV` and `sv_SE` all name `sv`); else `None`, and
/// the app keeps the language it would use outside an LMS.
pub fn launch_language(suspend_data: &str, preference: &str, offered: &[&str]) -> Option<String> {
    let chosen = suspended_language(suspend_data);
    chosen
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(preference))
        .find_map(|tag| offered_tag(tag, offered))
        .map(str::to_string)
}

/// The offered tag `tag` names: the same tag ignoring case and `_`/`-`, else the same primary
/// language (`en-GB` is `en` when the course has no `en-GB`).
fn offered_tag<'a>(tag: &str, offered: &[&'a str]) -> Option<&'a str> {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    if tag.is_empty() {
        return None;
    }
    let primary = tag.split('-').next().unwrap_or_default();
    let same = |want: &str| {
        offered
            .iter()
            .copied()
            .find(|o| o.replace('_', "-").eq_ignore_ascii_case(want))
    };
    same(&tag).or_else(|| same(primary))
}

/// The language the suspend data names, without reading the rest: format 2's language field,
/// or format 1's one-letter flag (`s` Swedish, `e` English). `None` for none, an empty text or
/// text that is not Trygg's.
pub fn suspended_language(suspend_data: &str) -> Option<String> {
    let mut fields = suspend_data.split('|');
    let language = match fields.next()? {
        "T1" => match fields.nth(1)?.chars().next()? {
            's' => "sv".to_string(),
            'e' => "en".to_string(),
            _ => return None,
        },
        "T2" => unescape(fields.nth(LANGUAGE_FIELD - 1)?)?,
        _ => return None,
    };
    Some(language).filter(|l| !l.is_empty())
}

/// The suspend data with its language replaced by `language`, everything else untouched, for
/// a module that does not write the progress itself (the start page) when the learner changes
/// language there. `None` when the text is not format 2 (the course's next save writes it
/// whole) or names that language already.
pub fn with_language(suspend_data: &str, language: &str) -> Option<String> {
    if !suspend_data.starts_with("T2|") {
        return None;
    }
    let mut fields: Vec<&str> = suspend_data.split('|').collect();
    let escaped = escape(language);
    let slot = fields.get_mut(LANGUAGE_FIELD)?;
    if *slot == escaped {
        return None;
    }
    *slot = &escaped;
    Some(fields.join("|"))
}

/// The value to write to the LMS's language preference when the course runs in `language`:
/// `None` while the preference already names that language (`sv-SE` names `sv`), so a
/// preference the LMS set in its own form is left as it is; the learner's choice otherwise,
/// so the LMS's report and the next launch agree with the course.
pub fn preference_to_write(preference: &str, language: &str) -> Option<String> {
    let names_it = offered_tag(preference, &[language]).is_some();
    (!names_it && !language.is_empty()).then(|| language.to_string())
}
