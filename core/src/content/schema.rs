//! JSON Schemas for the content files, generated from the Rust types so they cannot drift
//! (a CLI test compares them with the committed `content/schema/*.json`). Editors use them
//! through each file's `$schema` to complete fields and flag mistakes as they are typed.
//! Three shapes are described by hand-written stand-ins: [`Question`], whose kind fields are
//! flattened, and the two kinds of language file, whose keys are ids the structure gives.

use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{InstanceType, Metadata, ObjectValidation, Schema, SchemaObject};
use schemars::JsonSchema;

use std::collections::BTreeMap;

use super::model::{
    AnswerOption, Module, OrderingStep, Organisation, Question, Role, ScenarioStep, Source, Sources,
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
        (
            "texts.schema.json",
            gen().into_root_schema_for::<TextsFile>(),
        ),
        ("ui.schema.json", gen().into_root_schema_for::<UiFile>()),
    ]
    .into_iter()
    .map(|(name, schema)| {
        let json = serde_json::to_string_pretty(&schema).unwrap_or_default();
        (name, json + "\n")
    })
    .collect()
}

/// A language's texts for the course (`languages/<tag>/course.json`) or for one module
/// (`languages/<tag>/modules/<id>.json`): objects keyed by the structure's ids, whose leaves
/// are texts. A text may use `**strong**` and `[label](https://…)`.
struct TextsFile;

impl JsonSchema for TextsFile {
    fn schema_name() -> String {
        "TextsFile".into()
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        keyed::<TextNode>(
            gen,
            "A language's texts for the course (`languages/<tag>/course.json`) or for one \
             module (`languages/<tag>/modules/<id>.json`): objects keyed by the structure's \
             ids, whose leaves are texts. A text may use `**strong**` and `[label](https://…)`.",
        )
    }
}

/// A text, or an object of texts keyed by ids.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum TextNode {
    Text(#[schemars(length(min = 1))] String),
    Group(BTreeMap<String, TextNode>),
}

/// A language's UI strings (`languages/<tag>/ui.json`), keyed like `quiz.check`. A counted
/// text gives a text per plural category the language uses; `other` is required.
struct UiFile;

impl JsonSchema for UiFile {
    fn schema_name() -> String {
        "UiFile".into()
    }

    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        keyed::<UiString>(
            gen,
            "A language's UI strings (`languages/<tag>/ui.json`), keyed like `quiz.check`. A \
             counted text gives a text per plural category the language uses; `other` is \
             required.",
        )
    }
}

/// An object whose `$schema` is a string and whose every other key holds a `T`: what a
/// flattened map does not give (schemars leaves such a map out).
fn keyed<T: JsonSchema>(gen: &mut SchemaGenerator, description: &str) -> Schema {
    let mut object = ObjectValidation::default();
    object
        .properties
        .insert("$schema".into(), gen.subschema_for::<String>());
    object.additional_properties = Some(Box::new(gen.subschema_for::<T>()));
    SchemaObject {
        instance_type: Some(InstanceType::Object.into()),
        object: Some(Box::new(object)),
        metadata: Some(Box::new(Metadata {
            description: Some(description.into()),
            ..Default::default()
        })),
        ..Default::default()
    }
    .into()
}

#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum UiString {
    Text(#[schemars(length(min = 1))] String),
    Counted(Counted),
}

/// A text per CLDR plural category.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Counted {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    zero: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    one: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    two: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    few: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    many: Option<String>,
    other: String,
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
        steps: Vec<OrderingStep>,
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
