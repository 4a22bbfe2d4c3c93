//! Course content: the data model, its parsing, validation, coverage and version hash.

mod balance;
mod course;
mod coverage;
mod de;
mod inline;
mod issue;
mod model;
pub(crate) mod parse;
#[cfg(feature = "schema")]
mod schema;
mod summary;
mod validate;
mod validate_module;
mod version;

pub use balance::{Balance, Longest, TrueFalseBalance, LONGEST_RIGHT_AIM, TRUE_SHARE_AIM};
pub use course::{load_course, Course, POCKET_CARD_MODULE};
pub use coverage::uncovered_points;
pub use inline::{parse_inline, Inline, ALLOWED_SCHEMES};
pub use issue::ContentIssue;
pub use model::*;
pub use parse::{parse_module, parse_organisation, parse_sources, MAX_FILE_BYTES};
#[cfg(feature = "schema")]
pub use schema::schemas;
pub use summary::{ContentSummary, ModuleSummary, RoleSummary, UncoveredPoint, QUESTION_TYPES};
pub use validate::validate;
pub use version::{content_version, course_files, module_file};
