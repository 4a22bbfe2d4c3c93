//! Course content: the data model, its parsing, validation, coverage and version hash.

mod balance;
mod course;
mod coverage;
mod cue_figures;
mod cues;
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

pub use balance::{near_half, Balance, TrueFalseBalance, TRUE_SHARE_AIM};
pub use course::{load_course, Course, POCKET_CARD_MODULE};
pub use coverage::uncovered_points;
pub use cue_figures::{
    figure, rank_of, ChanceCount, Choices, CueSplit, KeyRank, LanguageCues, Rank,
};
pub use cues::{contains_any, CueWords, CUE_LANGUAGES};
pub use inline::{parse_inline, Inline, ALLOWED_SCHEMES};
pub use issue::ContentIssue;
pub use model::*;
pub use parse::{parse_module, parse_organisation, parse_sources, MAX_FILE_BYTES};
#[cfg(feature = "schema")]
pub use schema::schemas;
pub use summary::{
    ContentSummary, ModuleSummary, RoleBalance, RoleSummary, UncoveredPoint, QUESTION_TYPES,
};
pub use validate::validate;
pub use version::{content_version, course_files, module_file};
