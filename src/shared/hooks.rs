//! The app's own hooks, in one place: state that several pages keep the same way. The
//! context hooks (`use_app`, `use_learner`, `use_route`, `use_hand_over`) stay beside the
//! context they read.

use yew::prelude::*;

use crate::shared::browser::document;
use crate::shared::browser::download::download;
use crate::shared::route::Route;

/// Whether a page's confirm box is showing, and the callbacks around it.
pub struct Confirm {
    pub shown: bool,
    /// Shows the box (the trigger button's `onclick`).
    pub ask: Callback<MouseEvent>,
    /// Hides the box and sends focus back to the trigger button ("no").
    pub cancel: Callback<MouseEvent>,
    /// Hides the box once the action was confirmed (call from the "yes" handler).
    pub done: Callback<()>,
}

/// The state behind a [`ConfirmBox`](crate::shared::components::confirm_box::ConfirmBox) shown in place of the button with id `trigger`.
#[hook]
pub fn use_confirm(trigger: &'static str) -> Confirm {
    let shown = use_state(|| false);
    let set = |value: bool| {
        let shown = shown.clone();
        move || shown.set(value)
    };
    let (show, hide, hide_too) = (set(true), set(false), set(false));
    Confirm {
        shown: *shown,
        ask: Callback::from(move |_| show()),
        cancel: Callback::from(move |_| {
            hide();
            document::focus_soon(trigger);
        }),
        done: Callback::from(move |_| hide_too()),
    }
}

/// Moves focus to the page heading each time a new page is ready: screen-reader and keyboard
/// users then start on the page they asked for. Not on the first page of a visit, unless
/// `focus_first` (the learner navigated here from a page rendered elsewhere).
#[hook]
pub fn use_heading_focus(route: Route, ready: bool, focus_first: bool) {
    let skip = use_mut_ref(move || !focus_first);
    use_effect_with((route, ready), move |(_, ready)| {
        if *ready && !std::mem::replace(&mut *skip.borrow_mut(), false) {
            document::focus("page-title");
        }
    });
}

/// Whether the learner has moved on from the first page this module showed (or had already
/// before it, `already`): from then on, focus goes to each new page's heading.
#[hook]
pub fn use_navigated(route: &Route, already: bool) -> bool {
    let first = use_mut_ref(|| route.clone());
    let navigated = use_mut_ref(|| already);
    if *first.borrow() != *route {
        *navigated.borrow_mut() = true;
    }
    let value = *navigated.borrow();
    value
}

/// Offers files for download and remembers the one the browser refused, for a
/// [`DownloadFailed`](crate::shared::components::download_failed::DownloadFailed) to show.
#[derive(Clone, PartialEq)]
pub struct Downloads {
    refused: UseStateHandle<Option<String>>,
}

impl Downloads {
    /// Offers `bytes` as `file_name`; a later success clears an earlier refusal.
    pub fn offer(&self, file_name: &str, mime: &str, bytes: &[u8]) {
        let refused = (!download(file_name, mime, bytes)).then(|| file_name.to_string());
        self.refused.set(refused);
    }

    /// The file the browser refused last, if the latest offer was refused.
    pub fn refused(&self) -> Option<String> {
        (*self.refused).clone()
    }
}

/// The state behind a page's downloads; see [`Downloads`].
#[hook]
pub fn use_downloads() -> Downloads {
    Downloads {
        refused: use_state(|| None),
    }
}
