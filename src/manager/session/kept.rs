//! Where the manager's session is kept: in the module's root component, above the view, so
//! it lasts as long as the module's app. An import in progress carries on across a language
//! switch and while the view is replaced (the course read again after a failure), and its
//! result is there after; it stops only when another module takes the page over.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::SessionHandle;

/// The session of the course on show, if one was opened; the root hands it to the view.
#[derive(Clone)]
pub struct Sessions(Rc<RefCell<Kept>>);

impl PartialEq for Sessions {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Sessions {
    /// The course's session, opened (and its stored roster restored) on first use. A
    /// session of another course is closed.
    pub fn for_course(&self, course_id: &str, content_version: &str) -> SessionHandle {
        let mut kept = self.0.borrow_mut();
        if let Some(session) = kept.0.as_ref() {
            if session.is_for(course_id) {
                return session.clone();
            }
            session.close();
        }
        let session = SessionHandle::open(course_id, content_version);
        kept.0 = Some(session.clone());
        session
    }
}

/// The root's hold on the session. The root's hooks are dropped with the module's app when
/// another module takes the page over; the session is closed then, as no page can show it.
#[derive(Default)]
struct Kept(Option<SessionHandle>);

impl Drop for Kept {
    fn drop(&mut self) {
        if let Some(session) = self.0.take() {
            session.close();
        }
    }
}

/// Keeps the manager's session for as long as the calling component is mounted. Called by
/// the module's root.
#[hook]
pub fn use_sessions() -> Sessions {
    Sessions(use_mut_ref(Kept::default))
}
