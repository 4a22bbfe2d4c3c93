//! Course content: the structure (`organisation.json`, `modules/<id>.json`), its parsing,
//! validation, coverage and version hash, and how a language's texts fill it in.

mod balance;
mod course;
mod coverage;
mod cue_figures;
mod cues;
mod de;
mod inline;
mod issue;
mod languages;
mod model;
pub(crate) mod parse;
#[cfg(feature = "schema")]
mod schema;
mod slots;
mod summary;
mod texts;
mod translation;
mod validate;
mod validate_module;
mod version;

pub use balance::{near_half, Balance, TrueFalseBalance, TRUE_SHARE_AIM};
pub use course::{
    load_course, load_course_in, load_structure, Course, LessonPlace, POCKET_CARD_MODULE,
};
pub use coverage::uncovered_points;
pub use cue_figures::{
    figure, rank_of, ChanceCount, Choices, CueSplit, KeyRank, LanguageCues, Rank,
};
pub use cues::{contains_any, CueLexicon, CueWords, CUES_FILE};
pub use inline::{markup_shown_as_typed, parse_inline, plain_words, Inline, ALLOWED_SCHEMES};
pub use issue::ContentIssue;
pub use languages::{
    language_reports, text_hash, LanguageReport, PlaceholderMismatch, TextPlace, TranslatedFrom,
    TRANSLATED_FROM_FILE,
};
pub use model::*;
pub(crate) use parse::parse_with;
pub use parse::{parse_module, parse_organisation, parse_sources, MAX_FILE_BYTES};
#[cfg(feature = "schema")]
pub use schema::schemas;
pub use slots::{course_slots, markup_shown, module_slots, RESERVED_IDS};
pub use summary::{
    ContentSummary, ModuleSummary, RoleBalance, RoleSummary, UncoveredPoint, QUESTION_TYPES,
};
pub use texts::{text_problem, text_problem_at, typed_text_problem, FillError, LanguageFile};
pub use translation::{export_po, import_po, Export, Import, ImportError, ImportProblem};
pub use validate::validate;
pub use version::{content_version, course_files, module_file};
