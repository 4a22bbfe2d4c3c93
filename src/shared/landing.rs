//! Whether the learner is still on the page the visit began with, for the one place that
//! asks: a quiz question opened by a link or a reload leaves focus where the browser put it
//! (the top of the document, like every other first page); every later question takes focus.
//! Kept in the app state of a module's mount ([`crate::shared::state::AppState::landing`]),
//! so no new context type (and its code) is needed.

use std::cell::Cell;
use std::rc::Rc;

/// Shared by the course module's root (which knows how the visit began), its page (which
/// sees the learner move on) and the question card (which asks). One per mount of the
/// module: a new mount is a new arrival in the course.
#[derive(Clone, Debug)]
pub struct Landing(Rc<Cell<bool>>);

impl PartialEq for Landing {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Landing {
    /// On the landing page unless the learner arrived by navigating from another module.
    pub fn new(arrived_by_navigation: bool) -> Landing {
        Landing(Rc::new(Cell::new(!arrived_by_navigation)))
    }

    /// Already moved on: where nothing asks (the shell and the manager view).
    pub fn left() -> Landing {
        Landing::new(true)
    }

    /// True only the first time it is asked while still on the landing page.
    pub fn keep_focus(&self) -> bool {
        self.0.replace(false)
    }

    /// The learner went to another page.
    pub fn moved_on(&self) {
        self.0.set(false);
    }
}
