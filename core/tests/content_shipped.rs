//! Editorial rules the shipped course keeps in every language, beyond what `trygg content
//! check` asks of any organisation's content.

mod content_support;

use content_support::{shipped_course_in, shipped_languages, shipped_words};
use trygg_core::content::QuestionKind;

/// After a right answer the page shows "Right!" and then the explanation: one that opens with
/// a verdict ("Wrong.") reads as "Right! Wrong.". Each true/false explanation opens with the
/// word of the button that is right, in each language.
#[test]
fn a_true_false_explanation_opens_with_the_right_buttons_word() {
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        let course = shipped_course_in(Some(tag));
        for module in &course.modules {
            for question in &module.questions {
                let QuestionKind::TrueFalse { answer } = question.kind else {
                    continue;
                };
                let word = words.t(if answer { "quiz.true" } else { "quiz.false" });
                let explanation = &question.explanation.value;
                assert!(
                    explanation.starts_with(&format!("{word}.")),
                    "{}: {}/{}: \"{explanation}\" should open with \"{word}.\"",
                    tag.code(),
                    module.id,
                    question.id
                );
            }
        }
    }
}
