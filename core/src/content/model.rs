//! The course as data: the shapes of `content/organisation.json`, `content/sources.json`
//! and `content/modules/*.json`. A security officer edits these files; the app and the CLI
//! read them with the same types, so both accept and reject exactly the same content.

use serde::{Deserialize, Serialize};

pub use crate::language::{Direction, Lang, LanguageInfo};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// One text of the course in the visit's language, read from that language's files
/// (`languages/<tag>/…`) and matched to the structure by ids. A structure file carries none:
/// its texts stay empty until a language's file fills them ([`crate::content::Course`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// May use `**strong**` and `[label](https://…)`.
    pub value: String,
    /// The language the text was taken from when the visit's language lacks it (its
    /// declared fallback); `None` when it is in the visit's language. The page marks such a
    /// text with its own `lang`.
    pub from: Option<Lang>,
}

impl Text {
    pub fn new(value: impl Into<String>) -> Text {
        Text {
            value: value.into(),
            from: None,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.value)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.value)
    }
}

/// The three audiences of the course; each has its own list of required modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    Manager,
    Elected,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Employee, Role::Manager, Role::Elected];

    pub fn key(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Manager => "manager",
            Role::Elected => "elected",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Where a claim comes from: a document in `sources.json` and the heading or paragraph in
/// it, so a reviewer can trace every lesson section and question back to the text it rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document in `sources.json`: a policy's `file` or any document's `id`.
    pub seed: String,
    /// One of that document's `sections`: a policy heading, a law's paragraph, a guidance
    /// page's heading.
    pub section: String,
    /// Ids of the individual statements (from `sources.json`) this rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
}

/// `content/sources.json`: the seed documents the course rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub documents: Vec<SourceDocument>,
}

/// What kind of text a document is, which decides how a reviewer finds it again: a policy by
/// its seed file, a law by its SFS number, public guidance by issuer, year and address.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A region's own policy or intranet page, kept as a seed text file.
    #[default]
    Policy,
    /// A Swedish statute, cited by its SFS number.
    Law,
    /// Public guidance from an authority (MSB, Polisen, IMY, Säkerhetspolisen …).
    Guidance,
}

impl DocumentKind {
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Policy => "policy",
            DocumentKind::Law => "law",
            DocumentKind::Guidance => "guidance",
        }
    }
}

/// One document the course rests on. Each kind has its own required fields (checked by
/// validation, so an author sees every gap at once): a policy needs `file`; a law needs `id`
/// and `sfs`; guidance needs `id`, `issuer`, `year` and an https `url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// `policy` (the default), `law` or `guidance`.
    #[serde(default, skip_serializing_if = "is_policy")]
    pub kind: DocumentKind,
    /// How content cites a law or guidance (`sfs-1992-1403`); optional for a policy, which
    /// may be cited by its `file` instead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// A policy's seed file name, e.g. `002_5fffc2445dade5da.txt`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// A human title, e.g. "Region Skåne – Policy för säkerhet och beredskap".
    pub title: String,
    /// A law's number in the Swedish Code of Statutes, e.g. `1992:1403`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]{4}:[0-9]+$")))]
    pub sfs: String,
    /// Who publishes a guidance document, e.g. `MSB`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    /// The year a guidance document was published or last revised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1900, max = 2100)))]
    pub year: Option<u16>,
    /// Where a reader finds the document (https); required for guidance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Headings (for a law: paragraphs such as `3 §`) that content may cite.
    pub sections: Vec<String>,
    /// Individual statements that must each be taught and tested somewhere.
    #[serde(default)]
    pub points: Vec<SourcePoint>,
}

fn is_policy(kind: &DocumentKind) -> bool {
    *kind == DocumentKind::Policy
}

impl SourceDocument {
    /// The name content uses for the document and messages show: its `id`, else its `file`.
    pub fn name(&self) -> &str {
        if self.id.is_empty() {
            &self.file
        } else {
            &self.id
        }
    }

    /// Whether a `source.seed` value names this document (by `file` or by `id`).
    pub fn is_named(&self, seed: &str) -> bool {
        !seed.is_empty() && (self.id == seed || self.file == seed)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourcePoint {
    pub id: String,
    /// The heading the statement stands under (one of `sections`).
    pub section: String,
    /// The statement in our own words, for reviewers.
    pub summary: String,
}

/// `content/organisation.json`: everything an organisation adapts without touching lessons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Namespaces stored progress and is stamped on certificates. Change it for a new course.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[a-z0-9-]{3,64}$")))]
    pub course_id: String,
    /// True for the shipped example, so the app can show that contacts are placeholders.
    #[serde(default)]
    pub example: bool,
    /// The course's languages; the first is the one it is written in, and the default.
    pub languages: Vec<LanguageInfo>,
    /// Where the organisation is (ISO 3166-1 alpha-2, such as `SE`): dates and numbers are
    /// written as each language writes them there, so English in a Swedish region reads
    /// "28 February 2026", not the United States' "February 28, 2026".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[A-Z]{2}$")))]
    pub country: Option<String>,
    /// From `languages/<tag>/course.json` (`organisation.name`).
    #[serde(skip)]
    pub name: Text,
    pub security_unit: Contact,
    pub reporting: Reporting,
    pub emergency: Emergency,
    /// The IT service desk learners are told to call; optional so older files still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub it_service_desk: Option<ServiceDesk>,
    /// Percentage of points needed to pass a module quiz (1–100).
    #[serde(default = "default_pass_mark")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub pass_mark: u8,
    /// How long a completion certificate is valid.
    #[serde(default = "default_validity")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub validity_months: u8,
    /// Module files in `modules/`, in course order (ids, without `.json`).
    pub modules: Vec<String>,
    pub roles: RoleRequirements,
}

fn default_pass_mark() -> u8 {
    80
}

fn default_validity() -> u8 {
    12
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// From the language's `course.json` (`organisation.security_unit.name`).
    #[serde(skip)]
    pub name: Text,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// Link to the unit's intranet page.
    #[serde(default)]
    pub intranet: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// Name of the reporting system, e.g. the incident system on the intranet (from the
    /// language's `course.json`).
    #[serde(skip)]
    pub system: Text,
    /// Link to where reports are made.
    #[serde(default)]
    pub url: String,
    /// Phone for reporting IT incidents around the clock.
    #[serde(default)]
    pub phone: String,
    /// How and when to report, in a sentence or two (from the language's `course.json`).
    #[serde(skip)]
    pub how: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Emergency {
    /// The public emergency number, 112 in Sweden.
    pub public: String,
    /// The internal alarm (guards, security centre).
    pub internal_alarm: String,
    /// From the language's `course.json`.
    #[serde(skip)]
    pub internal_alarm_note: Text,
}

/// A helpdesk with a number, such as the IT service desk that lessons send learners to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceDesk {
    /// From the language's `course.json`.
    #[serde(skip)]
    pub name: Text,
    pub phone: String,
    /// When it is open and what to call it about, in a sentence: `"note": true` here, the
    /// text in the language's `course.json`.
    #[serde(default, with = "has_text", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub note: Option<Text>,
}

/// Which modules each role must complete and which it may take.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleRequirements {
    pub employee: RoleModules,
    pub manager: RoleModules,
    pub elected: RoleModules,
}

impl RoleRequirements {
    pub fn get(&self, role: Role) -> &RoleModules {
        match role {
            Role::Employee => &self.employee,
            Role::Manager => &self.manager,
            Role::Elected => &self.elected,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleModules {
    pub required: Vec<String>,
    #[serde(default)]
    pub optional: Vec<String>,
}

/// One module file: lessons, then a quiz drawn from a pool of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Module {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Must equal the file name without `.json`.
    pub id: String,
    /// From the language's `course.json` (`modules.<id>.title`).
    #[serde(skip)]
    pub title: Text,
    /// One or two sentences shown on "my training" (`modules.<id>.summary`).
    #[serde(skip)]
    pub summary: Text,
    /// Estimated minutes to read and answer.
    #[serde(default)]
    pub minutes: u16,
    /// How many questions each quiz attempt draws from the pool.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub quiz_size: usize,
    /// The least number of questions written for a role alone (its `roles` lists that role
    /// and no other) that every quiz drawn for that role includes, so a manager's quiz always
    /// tests the manager's own duties rather than only what everyone, or all staff, must know.
    #[serde(default, skip_serializing_if = "RoleDraw::is_empty")]
    pub role_draw: RoleDraw,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    /// The language its lesson and quiz texts are filled in, once they are (see
    /// [`crate::content::Course::fill_module_texts`]).
    #[serde(skip)]
    pub texts: Option<Lang>,
}

/// Per role, how many of its own questions each quiz draws at least (see [`Module::role_draw`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleDraw {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub employee: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub manager: usize,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub elected: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl RoleDraw {
    pub fn get(&self, role: Role) -> usize {
        match role {
            Role::Employee => self.employee,
            Role::Manager => self.manager,
            Role::Elected => self.elected,
        }
    }

    pub fn is_empty(&self) -> bool {
        Role::ALL.iter().all(|&r| self.get(r) == 0)
    }
}

/// A short lesson page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    #[serde(skip)]
    pub title: Text,
    /// Only these roles see the section; empty means everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    pub source: Source,
    pub blocks: Vec<Block>,
}

/// Structured lesson text: never HTML, so no content file can inject markup or script.
// Deserialize is written by hand (`content::de`): serde's internally tagged enums buffer
// their fields, which loses the JSON path of an error inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        id: String,
        #[serde(skip)]
        text: Text,
    },
    List {
        id: String,
        #[serde(default)]
        ordered: bool,
        items: Vec<ListItem>,
    },
    Callout {
        id: String,
        #[serde(default)]
        tone: Tone,
        /// `"title": true` when the callout has a title (its text is in the language file).
        #[serde(default, with = "has_text", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schema", schemars(with = "bool"))]
        title: Option<Text>,
        #[serde(skip)]
        text: Text,
    },
    /// A "who to contact" box filled from `organisation.json`.
    Contact { which: ContactKind },
}

/// One item of a list block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    pub id: String,
    #[serde(skip)]
    pub text: Text,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    #[default]
    Info,
    Tip,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    SecurityUnit,
    Reporting,
    Emergency,
    /// The organisation's `it_service_desk`, which is optional: a module may name it only
    /// when `organisation.json` has one (validation says so otherwise).
    ItServiceDesk,
}

/// A quiz question. Every question explains why the right answer is right.
///
/// In JSON the kind's fields sit beside `id`, `prompt` and the rest (`"type": "single",
/// "options": [...]`). Deserialize and the JSON Schema are written by hand (`content::de`,
/// `content::schema`): serde cannot combine `flatten` with `deny_unknown_fields` (it rejected
/// every question, even `"type"`), and flattening loses the JSON path of errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    /// Only these roles get the question; empty means everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    pub source: Source,
    #[serde(skip)]
    pub prompt: Text,
    #[serde(skip)]
    pub explanation: Text,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// The kind of a question and the fields only that kind has (see [`Question`] for the JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one option is correct.
    Single { options: Vec<AnswerOption> },
    /// "Select all that apply": at least one option is correct.
    Multiple { options: Vec<AnswerOption> },
    /// A statement that is true or false.
    TrueFalse { answer: bool },
    /// Steps listed in the right order; the learner sees them shuffled.
    Ordering { steps: Vec<OrderingStep> },
    /// A situation in steps; each choice gets its own feedback before the next step.
    Scenario { steps: Vec<ScenarioStep> },
}

impl QuestionKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Ordering { .. } => "ordering",
            QuestionKind::Scenario { .. } => "scenario",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    #[serde(skip)]
    pub text: Text,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
}

/// One step of an ordering question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderingStep {
    pub id: String,
    #[serde(skip)]
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScenarioStep {
    pub id: String,
    /// What happens now and what the learner must decide.
    #[serde(skip)]
    pub text: Text,
    pub choices: Vec<ScenarioChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScenarioChoice {
    pub id: String,
    #[serde(skip)]
    pub text: Text,
    /// Shown right after the choice: why it is wise or not.
    #[serde(skip)]
    pub feedback: Text,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
    /// The step that follows this choice; by default the next step in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl Block {
    /// The id its texts are keyed by; a contact block has none.
    pub fn id(&self) -> Option<&str> {
        match self {
            Block::Paragraph { id, .. } | Block::List { id, .. } | Block::Callout { id, .. } => {
                Some(id)
            }
            Block::Contact { .. } => None,
        }
    }
}

impl Section {
    pub fn is_for(&self, role: Role) -> bool {
        self.roles.is_empty() || self.roles.contains(&role)
    }
}

impl Question {
    pub fn is_for(&self, role: Role) -> bool {
        self.roles.is_empty() || self.roles.contains(&role)
    }

    /// Written for this role alone (its `roles` names that role and no other), as
    /// `role_draw` counts. A question shared with another role is not the role's own: a
    /// question for employees and managers is a staff question, and counting it would let a
    /// manager's quiz meet its `role_draw` without a single question about leading.
    pub fn is_written_for(&self, role: Role) -> bool {
        !self.roles.is_empty() && self.roles.iter().all(|&r| r == role)
    }
}

/// An optional text whose presence the structure states (`"title": true`) and whose words a
/// language file gives.
mod has_text {
    use super::Text;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<Text>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(value.is_some())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Text>, D::Error> {
        Ok(bool::deserialize(deserializer)?.then(Text::default))
    }
}

impl Organisation {
    /// The language the course is written in: the first listed.
    pub fn source_language(&self) -> Option<Lang> {
        self.languages.first().map(|l| l.tag)
    }

    /// The listed language with this tag.
    pub fn language(&self, lang: Lang) -> Option<&LanguageInfo> {
        self.languages.iter().find(|l| l.tag == lang)
    }

    /// The language whose texts fill `lang`'s gaps: its declared fallback, else the source
    /// language; `None` for the source language itself.
    pub fn fallback_of(&self, lang: Lang) -> Option<Lang> {
        let declared = self.language(lang).and_then(|l| l.fallback);
        declared
            .or_else(|| self.source_language())
            .filter(|f| *f != lang)
    }

    /// The language PDFs are printed in for a learner reading `lang`: the same, except for a
    /// right-to-left language, which the PDF maker cannot shape and order yet; its fallback
    /// language then, and the page says so.
    pub fn print_language(&self, lang: Lang) -> Lang {
        let rtl = self.language(lang).is_some_and(|l| l.dir == Direction::Rtl);
        match self.fallback_of(lang) {
            Some(fallback) if rtl => fallback,
            _ => lang,
        }
    }

    /// The language to show: `wanted` when the course has it, else the source language.
    pub fn choose_language(&self, wanted: Option<Lang>) -> Option<Lang> {
        wanted
            .filter(|w| self.language(*w).is_some())
            .or_else(|| self.source_language())
    }
}
