//! Editorial rules the shipped course keeps in every language, beyond what `trygg content
//! check` asks of any organisation's content.

mod content_support;

use content_support::{shipped_course_in, shipped_languages, shipped_words};
use trygg_core::content::QuestionKind;

/// The page says whether an answer was right ("Right!", "Not right.") and, when it was not,
/// which answer is ("Right answer: False"); the explanation then says why. One that opens
/// with a verdict of its own repeats the page ("Right answer: False. False. …") or contradicts
/// it ("Right! Wrong. …"), so no explanation opens with a button's word or the page's verdicts.
/// A scenario's choice likewise: the page says "Good choice." before its feedback.
#[test]
fn no_explanation_or_feedback_opens_with_a_verdict() {
    for tag in shipped_languages() {
        let words = shipped_words(tag);
        let mut verdicts: Vec<String> = ["quiz.true", "quiz.false", "quiz.right", "quiz.wrong"]
            .iter()
            .map(|key| {
                let text = words.t(key);
                text.trim_end_matches(['.', '!']).to_owned()
            })
            .collect();
        // "Good" of "Good choice.", which a choice's feedback opened with ("Good. …").
        let good = words.t("quiz.scenario.good");
        verdicts.extend(good.split_whitespace().next().map(str::to_owned));
        let course = shipped_course_in(Some(tag));
        let mut opened = Vec::new();
        for module in &course.modules {
            for question in &module.questions {
                let mut texts = vec![&question.explanation.value];
                if let QuestionKind::Scenario { steps } = &question.kind {
                    let choices = steps.iter().flat_map(|s| &s.choices);
                    texts.extend(choices.map(|c| &c.feedback.value));
                }
                for text in texts {
                    for verdict in &verdicts {
                        let rest = text.strip_prefix(verdict.as_str());
                        if rest.is_some_and(|r| r.starts_with(['.', '!', ',', ':', ';'])) {
                            opened.push(format!("{}/{}: \"{text}\"", module.id, question.id));
                        }
                    }
                }
            }
        }
        assert!(
            opened.is_empty(),
            "{}: explanations or feedback opening with a verdict: {opened:#?}",
            tag.code()
        );
    }
}
