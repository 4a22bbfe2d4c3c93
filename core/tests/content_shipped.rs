//! Editorial rules the shipped course keeps in every language, beyond what `trygg content
//! check` asks of any organisation's content.

mod content_support;

use content_support::{shipped_course_in, shipped_languages, shipped_words};

/// The page says whether an answer was right ("Right!", "Not right.") and, when it was not,
/// which answer is ("Right answer: False"); the explanation then says why. One that opens
/// with a verdict of its own repeats the page ("Right answer: False. False. …") or contradicts
/// it ("Right! Wrong. …"), so no explanation opens with a button's word or the page's verdicts.
#[test]
fn no_explanation_opens_with_a_verdict() {
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        let verdicts: Vec<String> = ["quiz.true", "quiz.false", "quiz.right", "quiz.wrong"]
            .iter()
            .map(|key| {
                let text = words.t(key);
                text.trim_end_matches(['.', '!']).to_owned()
            })
            .collect();
        let course = shipped_course_in(Some(tag));
        let mut opened = Vec::new();
        for module in &course.modules {
            for question in &module.questions {
                let explanation = &question.explanation.value;
                for verdict in &verdicts {
                    let rest = explanation.strip_prefix(verdict.as_str());
                    if rest.is_some_and(|r| r.starts_with(['.', '!', ',', ':', ';'])) {
                        opened.push(format!("{}/{}: \"{explanation}\"", module.id, question.id));
                    }
                }
            }
        }
        assert!(
            opened.is_empty(),
            "{}: explanations opening with a verdict: {opened:#?}",
            tag.code()
        );
    }
}
