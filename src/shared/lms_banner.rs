//! The warning shown above every page when the LMS did not take what the course sent, or
//! its saved progress could not be read: the learner goes on either way, and knows where
//! their progress is.

use trygg_core::lms::{Cut, SuspendError};
use yew::prelude::*;

use crate::shared::i18n::{Words, WordsHtml};
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

#[component]
pub fn LmsBanner() -> Html {
    let app = use_app();
    let words = app.words();
    let learner = use_learner();
    if app.lms_unreachable {
        return html! {
            <div class="banner warning" role="status" data-lms-warning="">
                <p>{ words.html("lms.unreachable") }</p>
            </div>
        };
    }
    let Some(session) = &learner.lms else {
        return html! {};
    };
    let mut lines: Vec<String> = Vec::new();
    if session.uncredited {
        lines.push(words.t("lms.uncredited").to_string());
    }
    if session.set_aside {
        lines.push(words.t("lms.new_attempt").to_string());
    }
    if let Some(error) = &session.unread {
        lines.push(words.fill("lms.unread", &[("reason", &unread_reason(error, &words))]));
    }
    let sent = &session.sent;
    if let Some(refused) = &sent.refused {
        let code = format!("{} {}", refused.call, refused.code);
        lines.push(words.fill("lms.refused", &[("code", code.trim())]));
    }
    if sent.too_large {
        lines.push(words.t("lms.too_large").to_string());
    }
    let cut = |wanted: fn(&Cut) -> bool| sent.cut.iter().any(wanted);
    if cut(|c| matches!(c, Cut::RunningQuiz { .. })) {
        lines.push(words.t("lms.cut.quiz").to_string());
    }
    if cut(|c| matches!(c, Cut::Review { .. } | Cut::LearnerDetails)) {
        lines.push(words.t("lms.cut.rest").to_string());
    }
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="banner warning" role="status" data-lms-warning="">
            { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
        </div>
    }
}

/// Why the LMS's saved progress was not read, in the learner's words (the core's own text is
/// English, for logs and `trygg`). The same reasons as for progress in this browser.
fn unread_reason(error: &SuspendError, words: &Words) -> String {
    match error {
        SuspendError::NotTrygg => words.t("storage.reason.not_progress").to_owned(),
        SuspendError::NewerFormat { .. } => words.t("storage.reason.newer").to_owned(),
        SuspendError::Damaged { .. } => words.t("lms.reason.damaged").to_owned(),
        SuspendError::ForeignCourse { found, .. } => {
            words.fill("storage.reason.foreign", &[("course", found)])
        }
    }
}
