//! The learner's progress as app state: a `Reducible` over the core's `Progress`
//! ([`state`]), the context pages change it through ([`handle`]), and the provider that
//! opens, saves and syncs it ([`provider`]).

mod handle;
mod provider;
mod rules;
mod state;

pub use handle::{use_learner, LearnerHandle};
pub use provider::{LearnerProvider, LearnerProviderProps};
pub use rules::{CourseRules, Fitted, Rules, Scope};
pub use state::{At, LearnerAction, LearnerState, Notice};
