//! Plain words for why a file was refused, in the manager's language. The core's messages
//! are English only, so each `VerifyError` maps to a translated sentence; a detail the
//! core words for developers (a damaged field's path) is quoted in its own words.

use trygg_core::certificate::VerifyError;

use super::session::Refusal;
use crate::shared::i18n::Words;

pub fn refusal_text(refusal: &Refusal, words: &Words) -> String {
    let e = match refusal {
        Refusal::Unreadable => return words.t("manager.reason.unreadable").to_owned(),
        Refusal::Verify(e) => e,
    };
    match e {
        VerifyError::TooLarge { size, max } => words.fill(
            "manager.reason.too_large",
            &[("size", &kilobytes(*size)), ("max", &kilobytes(*max))],
        ),
        VerifyError::Empty => words.t("manager.reason.empty").to_owned(),
        VerifyError::NotJson { line, column } => words.fill(
            "manager.reason.not_json",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        VerifyError::NotCompletionFile => words.t("manager.reason.not_completion").to_owned(),
        VerifyError::UnknownVersion(n) => words.fill(
            "manager.reason.unknown_version",
            &[("version", &n.to_string())],
        ),
        VerifyError::Malformed(detail) => {
            words.fill("manager.reason.malformed", &[("detail", detail)])
        }
        VerifyError::WrongCourse { found, .. } => {
            words.fill("manager.reason.wrong_course", &[("course", found)])
        }
        VerifyError::CodeMismatch { .. } => words.t("manager.reason.edited").to_owned(),
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
    fn every_reason_is_translated_in_every_shipped_language() {
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
        let languages = crate::shared::i18n::shipped_words();
        assert!(languages.len() >= 2, "the shipped languages are found");
        for words in &languages {
            let lang = words.lang();
            for refusal in &all {
                let text = refusal_text(refusal, words);
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
        for words in &languages {
            assert!(refusal_text(&all[1], words).contains("4883"));
            assert!(refusal_text(&all[7], words).contains("other"));
        }
    }
}
