//! The warning shown above every page when the LMS did not take what the course sent, or
//! its saved progress could not be read: the learner goes on either way, and knows where
//! their progress is.

use trygg_core::lms::Cut;
use yew::prelude::*;

use crate::shared::i18n::{fill, t};
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

#[component]
pub fn LmsBanner() -> Html {
    let lang = use_app().lang;
    let learner = use_learner();
    let Some(session) = &learner.lms else {
        return html! {};
    };
    let mut lines: Vec<String> = Vec::new();
    if let Some(error) = &session.unread {
        lines.push(fill(
            t(lang, "lms.unread"),
            &[("reason", &error.to_string())],
        ));
    }
    let sent = &session.sent;
    if let Some(refused) = &sent.refused {
        let code = format!("{} {}", refused.call, refused.code);
        lines.push(fill(t(lang, "lms.refused"), &[("code", code.trim())]));
    }
    if sent.too_large {
        lines.push(t(lang, "lms.too_large").to_string());
    }
    let cut = |wanted: fn(&Cut) -> bool| sent.cut.iter().any(wanted);
    if cut(|c| matches!(c, Cut::RunningQuiz { .. })) {
        lines.push(t(lang, "lms.cut.quiz").to_string());
    }
    if cut(|c| matches!(c, Cut::Review { .. } | Cut::LearnerDetails)) {
        lines.push(t(lang, "lms.cut.rest").to_string());
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
