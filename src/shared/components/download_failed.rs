//! Tells the learner, in their language, that the browser refused a download: without it a
//! refused download looks like a button that does nothing.

use yew::prelude::*;

use crate::shared::i18n::WordsHtml;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct DownloadFailedProps {
    /// The refused file's name (`Downloads::refused`); nothing is shown when `None`.
    pub file: Option<String>,
}

/// An alert region that is always in the page, so the message is announced when it appears.
#[component]
pub fn DownloadFailed(props: &DownloadFailedProps) -> Html {
    let words = use_app().words();
    html! {
        <div class="download-failed" role="alert">
            if let Some(file) = &props.file {
                <p class="feedback bad">{ words.fill_html("download.failed", &[("file", file)]) }</p>
            }
        </div>
    }
}
