//! Plain words for why a file was refused, in the manager's language. The core's messages
//! are English only, so each `VerifyError` maps to a translated sentence; a detail the
//! core words for developers (a damaged field's path) is quoted in its own words.

use trygg_core::certificate::VerifyError;
use trygg_core::content::Lang;

use super::session::Refusal;
use crate::shared::i18n::{fill, t};

pub fn refusal_text(refusal: &Refusal, lang: Lang) -> String {
    let e = match refusal {
        Refusal::Unreadable => return t(lang, "manager.reason.unreadable").to_owned(),
        Refusal::Verify(e) => e,
    };
    match e {
        VerifyError::TooLarge { size, max } => fill(
            t(lang, "manager.reason.too_large"),
            &[("size", &kilobytes(*size)), ("max", &kilobytes(*max))],
        ),
        VerifyError::Empty => t(lang, "manager.reason.empty").to_owned(),
        VerifyError::NotJson { line, column } => fill(
            t(lang, "manager.reason.not_json"),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        VerifyError::NotCompletionFile => t(lang, "manager.reason.not_completion").to_owned(),
        VerifyError::UnknownVersion(n) => fill(
            t(lang, "manager.reason.unknown_version"),
            &[("version", &n.to_string())],
        ),
        VerifyError::Malformed(detail) => {
            fill(t(lang, "manager.reason.malformed"), &[("detail", detail)])
        }
        VerifyError::WrongCourse { found, .. } => {
            fill(t(lang, "manager.reason.wrong_course"), &[("course", found)])
        }
        VerifyError::CodeMismatch { .. } => t(lang, "manager.reason.edited").to_owned(),
    }
}

/// Sizes in whole kilobytes (rounded up, so a file just over the limit never shows as equal).
fn kilobytes(bytes: usize) -> String {
    bytes.div_ceil(1024).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_is_translated_in_both_languages() {
        crate::shared::i18n::use_areas(&[&crate::shared::i18n::MANAGER]);
        let all = [
            Refusal::Unreadable,
            Refusal::Verify(VerifyError::TooLarge {
                size: 5_000_000,
                max: 4_194_304,
            }),
            Refusal::Verify(VerifyError::Empty),
            Refusal::Verify(VerifyError::NotJson { line: 1, column: 2 }),
            Refusal::Verify(VerifyError::NotCompletionFile),
            Refusal::Verify(VerifyError::UnknownVersion(9)),
            Refusal::Verify(VerifyError::Malformed("learner: missing field".into())),
            Refusal::Verify(VerifyError::WrongCourse {
                found: "other".into(),
                expected: "this".into(),
            }),
            Refusal::Verify(VerifyError::CodeMismatch {
                expected: "A".into(),
                found: "B".into(),
            }),
        ];
        for lang in Lang::ALL {
            for refusal in &all {
                let text = refusal_text(refusal, lang);
                // An untranslated key comes back as the key itself.
                assert!(
                    !text.contains("reason."),
                    "{lang:?}: {refusal:?} untranslated"
                );
                assert!(
                    !text.contains('{'),
                    "{lang:?}: {text} has an unfilled placeholder"
                );
            }
        }
        assert!(refusal_text(&all[1], Lang::En).contains("4883"));
        assert!(refusal_text(&all[7], Lang::Sv).contains("other"));
    }
}
