//! JSON Schemas for the content files, generated from the Rust types so they cannot drift
//! (a CLI test compares them with the committed `content/schema/*.json`). Editors use them
//! through each file's `$schema` to complete fields and flag mistakes as they are typed.
//! Two shapes are described by hand-written stand-ins: [`Text`], whose languages the schema
//! requires although serde defaults them, and [`Question`], whose kind fields are flattened.

use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::Schema;
use schemars::JsonSchema;

use super::model::{
    AnswerOption, Module, Organisation, Question, Role, ScenarioStep, Source, Sources, Text,
};

/// The schema files, as `(file name, pretty JSON with a final newline)`.
pub fn schemas() -> Vec<(&'static str, String)> {
    let gen = || SchemaSettings::draft07().into_generator();
    [
        (
            "organisation.schema.json",
            gen().into_root_schema_for::<Organisation>(),
        ),
        (
            "sources.schema.json",
            gen().into_root_schema_for::<Sources>(),
        ),
        ("module.schema.json", gen().into_root_schema_for::<Module>()),
    ]
    .into_iter()
    .map(|(name, schema)| {
        let json = serde_json::to_string_pretty(&schema).unwrap_or_default();
        (name, json + "\n")
    })
    .collect()
}

/// A text in both languages. May use `**strong**` and `[label](https://…)`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct TextSchema {
    /// Swedish text.
    #[schemars(length(min = 1))]
    sv: String,
    /// English text.
    #[schemars(length(min = 1))]
    en: String,
}

impl JsonSchema for Text {
    fn schema_name() -> String {
        "Text".into()
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        TextSchema::json_schema(gen)
    }
}

/// A quiz question; `type` decides which other fields it has.
#[derive(JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[allow(dead_code)]
enum QuestionSchema {
    /// Exactly one option is correct.
    Single {
        #[serde(flatten)]
        common: Common,
        #[schemars(length(min = 2))]
        options: Vec<AnswerOption>,
    },
    /// "Select all that apply": at least one option is correct.
    Multiple {
        #[serde(flatten)]
        common: Common,
        #[schemars(length(min = 2))]
        options: Vec<AnswerOption>,
    },
    /// A statement that is true or false.
    TrueFalse {
        #[serde(flatten)]
        common: Common,
        answer: bool,
    },
    /// Steps listed in the right order; the learner sees them shuffled.
    Ordering {
        #[serde(flatten)]
        common: Common,
        #[schemars(length(min = 3))]
        steps: Vec<Text>,
    },
    /// A situation in steps; each choice gets its own feedback before the next step.
    Scenario {
        #[serde(flatten)]
        common: Common,
        #[schemars(length(min = 1))]
        steps: Vec<ScenarioStep>,
    },
}

/// The fields every question has.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct Common {
    /// Unique within the module: a–z, 0–9 and "-".
    id: String,
    /// Only these roles get the question; empty means everyone.
    #[serde(default)]
    roles: Vec<Role>,
    source: Source,
    prompt: Text,
    /// Why the right answer is right, in 1–3 sentences.
    explanation: Text,
}

impl JsonSchema for Question {
    fn schema_name() -> String {
        "Question".into()
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        let mut schema = QuestionSchema::json_schema(gen);
        // schemars drops `deny_unknown_fields` when a variant flattens `Common`; restore it.
        if let Schema::Object(object) = &mut schema {
            let variants = object.subschemas.as_mut().and_then(|s| s.one_of.as_mut());
            for variant in variants.into_iter().flatten() {
                if let Schema::Object(variant) = variant {
                    variant.object().additional_properties = Some(Box::new(Schema::Bool(false)));
                }
            }
        }
        schema
    }
}
