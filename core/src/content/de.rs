//! Hand-written `Deserialize` for [`Question`] and [`Block`], the two shapes whose `"type"`
//! tag sits beside the other fields. Serde's derives for such shapes buffer the fields first,
//! which loses the JSON path of a type error (and `flatten` cannot deny unknown fields). Here
//! every field is read straight from the input, so an error names its full path, e.g.
//! `questions[7].options[1].correct`, and a field that does not belong to the kind is named.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::model::{
    AnswerOption, Block, ContactKind, ListItem, OrderingStep, Question, QuestionKind, Role,
    ScenarioChoice, ScenarioStep, Source, Text, Tone,
};

const QUESTION_FIELDS: &[&str] = &[
    "id", "roles", "source", "type", "options", "answer", "steps",
];

const BLOCK_FIELDS: &[&str] = &["type", "id", "ordered", "items", "tone", "title", "which"];

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Scenario,
}

impl QuestionType {
    fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
            QuestionType::Ordering => "ordering",
            QuestionType::Scenario => "scenario",
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum BlockType {
    Paragraph,
    List,
    Callout,
    Contact,
}

impl BlockType {
    fn name(self) -> &'static str {
        match self {
            BlockType::Paragraph => "paragraph",
            BlockType::List => "list",
            BlockType::Callout => "callout",
            BlockType::Contact => "contact",
        }
    }
}

/// `steps` means ordering steps or scenario steps; when it comes before `"type"` it is read
/// as [`AnyStep`]s and sorted out once the type is known.
enum Steps {
    Ordering(Vec<OrderingStep>),
    Scenario(Vec<ScenarioStep>),
    Either(Vec<AnyStep>),
}

/// The fields of both kinds of step, each read in place so type errors keep their path.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnyStep {
    id: Option<String>,
    choices: Option<Vec<ScenarioChoice>>,
}

impl AnyStep {
    fn ordering<E: de::Error>(self, i: usize) -> Result<OrderingStep, E> {
        step_fields(i, &[("choices", self.choices.is_some())], "an ordering")?;
        let missing = || de::Error::custom(format!("steps[{i}]: missing field `id`"));
        Ok(OrderingStep {
            id: self.id.ok_or_else(missing)?,
            text: Text::default(),
        })
    }

    fn scenario<E: de::Error>(self, i: usize) -> Result<ScenarioStep, E> {
        let missing = |name: &str| de::Error::custom(format!("steps[{i}]: missing field `{name}`"));
        Ok(ScenarioStep {
            id: self.id.ok_or_else(|| missing("id"))?,
            text: Text::default(),
            choices: self.choices.ok_or_else(|| missing("choices"))?,
        })
    }
}

fn step_fields<E: de::Error>(i: usize, foreign: &[(&str, bool)], kind: &str) -> Result<(), E> {
    match foreign.iter().find(|(_, present)| *present) {
        Some((name, _)) => Err(de::Error::custom(format!(
            "steps[{i}]: field `{name}` does not belong to {kind} step"
        ))),
        None => Ok(()),
    }
}

/// Sets a field once; JSON objects with a repeated key are rejected like serde's derives do.
fn set<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Rejects an unknown key while reading its value, so the error's path ends in that key
/// (`questions[3].extra`), as it does for the derived types.
struct Unknown<'a>(&'a str, &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Unknown<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::unknown_field(self.0, self.1))
    }
}

fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| de::Error::missing_field(name))
}

/// Rejects a field that is valid for some kind but not for this one.
fn foreign<E: de::Error>(present: &[(&str, bool)], kind: &str, what: &str) -> Result<(), E> {
    match present.iter().find(|(_, is_present)| *is_present) {
        Some((name, _)) => Err(de::Error::custom(format!(
            "field `{name}` does not belong to a {kind} {what}"
        ))),
        None => Ok(()),
    }
}

impl<'de> Deserialize<'de> for Question {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Question", QUESTION_FIELDS, QuestionVisitor)
    }
}

struct QuestionVisitor;

impl<'de> Visitor<'de> for QuestionVisitor {
    type Value = Question;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a question object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Question, A::Error> {
        let mut id: Option<String> = None;
        let mut roles: Option<Vec<Role>> = None;
        let mut source: Option<Source> = None;
        let mut kind: Option<QuestionType> = None;
        let mut options: Option<Vec<AnswerOption>> = None;
        let mut answer: Option<bool> = None;
        let mut steps: Option<Steps> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => set(&mut id, "id", &mut map)?,
                "roles" => set(&mut roles, "roles", &mut map)?,
                "source" => set(&mut source, "source", &mut map)?,
                "type" => set(&mut kind, "type", &mut map)?,
                "options" => set(&mut options, "options", &mut map)?,
                "answer" => set(&mut answer, "answer", &mut map)?,
                "steps" => {
                    if steps.is_some() {
                        return Err(de::Error::duplicate_field("steps"));
                    }
                    steps = Some(match kind {
                        Some(QuestionType::Ordering) => Steps::Ordering(map.next_value()?),
                        Some(QuestionType::Scenario) => Steps::Scenario(map.next_value()?),
                        _ => Steps::Either(map.next_value()?),
                    });
                }
                other => map.next_value_seed(Unknown(other, QUESTION_FIELDS))?,
            }
        }
        let kind = required(kind, "type")?;
        let present = [
            ("options", options.is_some()),
            ("answer", answer.is_some()),
            ("steps", steps.is_some()),
        ];
        let own = |name: &str| match kind {
            QuestionType::Single | QuestionType::Multiple => name == "options",
            QuestionType::TrueFalse => name == "answer",
            QuestionType::Ordering | QuestionType::Scenario => name == "steps",
        };
        let others: Vec<(&str, bool)> = present.into_iter().filter(|(n, _)| !own(n)).collect();
        foreign(&others, kind.name(), "question")?;
        let kind = match kind {
            QuestionType::Single => QuestionKind::Single {
                options: required(options, "options")?,
            },
            QuestionType::Multiple => QuestionKind::Multiple {
                options: required(options, "options")?,
            },
            QuestionType::TrueFalse => QuestionKind::TrueFalse {
                answer: required(answer, "answer")?,
            },
            QuestionType::Ordering => QuestionKind::Ordering {
                steps: match required(steps, "steps")? {
                    Steps::Ordering(steps) => steps,
                    Steps::Either(steps) => {
                        let steps = steps.into_iter().enumerate();
                        steps
                            .map(|(i, s)| s.ordering(i))
                            .collect::<Result<_, _>>()?
                    }
                    Steps::Scenario(_) => return Err(de::Error::custom("steps of the wrong kind")),
                },
            },
            QuestionType::Scenario => QuestionKind::Scenario {
                steps: match required(steps, "steps")? {
                    Steps::Scenario(steps) => steps,
                    Steps::Either(steps) => {
                        let steps = steps.into_iter().enumerate();
                        steps
                            .map(|(i, s)| s.scenario(i))
                            .collect::<Result<_, _>>()?
                    }
                    Steps::Ordering(_) => return Err(de::Error::custom("steps of the wrong kind")),
                },
            },
        };
        Ok(Question {
            id: required(id, "id")?,
            roles: roles.unwrap_or_default(),
            source: required(source, "source")?,
            prompt: Text::default(),
            explanation: Text::default(),
            kind,
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Block", BLOCK_FIELDS, BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut kind: Option<BlockType> = None;
        let mut id: Option<String> = None;
        let mut ordered: Option<bool> = None;
        let mut items: Option<Vec<ListItem>> = None;
        let mut tone: Option<Tone> = None;
        let mut title: Option<bool> = None;
        let mut which: Option<ContactKind> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => set(&mut kind, "type", &mut map)?,
                "id" => set(&mut id, "id", &mut map)?,
                "ordered" => set(&mut ordered, "ordered", &mut map)?,
                "items" => set(&mut items, "items", &mut map)?,
                "tone" => set(&mut tone, "tone", &mut map)?,
                "title" => set(&mut title, "title", &mut map)?,
                "which" => set(&mut which, "which", &mut map)?,
                other => map.next_value_seed(Unknown(other, BLOCK_FIELDS))?,
            }
        }
        let kind = required(kind, "type")?;
        let present = [
            ("id", id.is_some()),
            ("ordered", ordered.is_some()),
            ("items", items.is_some()),
            ("tone", tone.is_some()),
            ("title", title.is_some()),
            ("which", which.is_some()),
        ];
        let own: &[&str] = match kind {
            BlockType::Paragraph => &["id"],
            BlockType::List => &["id", "ordered", "items"],
            BlockType::Callout => &["id", "tone", "title"],
            BlockType::Contact => &["which"],
        };
        let others: Vec<(&str, bool)> = present
            .into_iter()
            .filter(|(name, _)| !own.contains(name))
            .collect();
        foreign(&others, kind.name(), "block")?;
        Ok(match kind {
            BlockType::Paragraph => Block::Paragraph {
                id: required(id, "id")?,
                text: Text::default(),
            },
            BlockType::List => Block::List {
                id: required(id, "id")?,
                ordered: ordered.unwrap_or_default(),
                items: required(items, "items")?,
            },
            BlockType::Callout => Block::Callout {
                id: required(id, "id")?,
                tone: tone.unwrap_or_default(),
                title: title.unwrap_or_default().then(Text::default),
                text: Text::default(),
            },
            BlockType::Contact => Block::Contact {
                which: required(which, "which")?,
            },
        })
    }
}
