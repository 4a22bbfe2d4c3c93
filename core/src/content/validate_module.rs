//! The rules for one module file: ids, texts, sources, answer keys and quiz pools.

use std::collections::HashSet;

use super::model::{
    AnswerOption, Block, ContactKind, Module, Organisation, QuestionKind, Role, ScenarioStep,
};
use super::slots::RESERVED_IDS;
use super::validate::{file_stem, Out, SourceIndex};

pub(crate) fn check_module(
    out: &mut Out,
    file: &str,
    module: &Module,
    org: &Organisation,
    index: Option<&SourceIndex>,
) {
    let name = file.rsplit('/').next().unwrap_or(file);
    out.id("id", &module.id);
    if file_stem(file) != module.id {
        out.push(
            "id",
            format!(
                "module id \"{}\" does not match the file name \"{name}\"",
                module.id
            ),
        );
    } else if !org.modules.contains(&module.id) {
        out.push(
            "id",
            format!(
                "module \"{}\" is not listed in organisation.json",
                module.id
            ),
        );
    }
    if module.quiz_size == 0 {
        out.push("quiz_size", "quiz size must be at least 1");
    }
    if module.sections.is_empty() {
        out.push("sections", "the module has no lesson sections");
    }
    let mut ids = HashSet::new();
    for (i, section) in module.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        let mark = out.count();
        out.id(&format!("{at}.id"), &section.id);
        if !ids.insert(section.id.as_str()) {
            out.push(
                format!("{at}.id"),
                format!("duplicate section id \"{}\"", section.id),
            );
        }
        out.source(&format!("{at}.source"), &section.source, index);
        if section.blocks.is_empty() {
            out.push(format!("{at}.blocks"), "a section needs at least one block");
        }
        let mut block_ids = Ids::default();
        for (b, block) in section.blocks.iter().enumerate() {
            let at = format!("{at}.blocks[{b}]");
            if let Some(id) = block.id() {
                block_ids.check(out, &format!("{at}.id"), id, "block");
            }
            check_block(out, &at, block, org);
        }
        out.name_since(mark, "section", &section.id);
    }
    if module.questions.is_empty() {
        out.push("questions", "the module has no questions");
    }
    let mut ids = HashSet::new();
    for (i, question) in module.questions.iter().enumerate() {
        let at = format!("questions[{i}]");
        let mark = out.count();
        out.id(&format!("{at}.id"), &question.id);
        if !ids.insert(question.id.as_str()) {
            out.push(
                format!("{at}.id"),
                format!("duplicate question id \"{}\"", question.id),
            );
        }
        out.source(&format!("{at}.source"), &question.source, index);
        match &question.kind {
            QuestionKind::Single { options } => check_options(out, &at, options, true),
            QuestionKind::Multiple { options } => check_options(out, &at, options, false),
            QuestionKind::TrueFalse { .. } => {}
            QuestionKind::Ordering { steps } => {
                if steps.len() < 3 {
                    out.push(
                        format!("{at}.steps"),
                        format!(
                            "an ordering question needs at least 3 steps, found {}",
                            steps.len()
                        ),
                    );
                }
                let mut step_ids = Ids::default();
                for (s, step) in steps.iter().enumerate() {
                    step_ids.check(out, &format!("{at}.steps[{s}].id"), &step.id, "step");
                }
            }
            QuestionKind::Scenario { steps } => check_scenario(out, &at, steps),
        }
        out.name_since(mark, "question", &question.id);
    }
    check_roles(out, module, org);
}

/// Ids of the things in one place (a section's blocks, a list's items, a question's options,
/// a step's choices): plain, not a word that names a text, and each used once.
#[derive(Default)]
struct Ids<'a>(HashSet<&'a str>);

impl<'a> Ids<'a> {
    fn check(&mut self, out: &mut Out, path: &str, id: &'a str, what: &str) {
        out.id(path, id);
        if RESERVED_IDS.contains(&id) {
            out.push(
                path,
                format!("\"{id}\" names a text in the language files; choose another {what} id"),
            );
        }
        if !id.is_empty() && !self.0.insert(id) {
            out.push(path, format!("duplicate {what} id \"{id}\""));
        }
    }
}

fn check_block(out: &mut Out, at: &str, block: &Block, org: &Organisation) {
    match block {
        Block::Paragraph { .. } | Block::Callout { .. } => {}
        Block::List { items, .. } => {
            if items.is_empty() {
                out.push(format!("{at}.items"), "a list needs at least one item");
            }
            let mut ids = Ids::default();
            for (i, item) in items.iter().enumerate() {
                ids.check(out, &format!("{at}.items[{i}].id"), &item.id, "item");
            }
        }
        Block::Contact {
            which: ContactKind::ItServiceDesk,
        } if org.it_service_desk.is_none() => out.push(
            format!("{at}.which"),
            "the IT service desk is named here but organisation.json has no \"it_service_desk\"",
        ),
        Block::Contact { .. } => {}
    }
}

fn check_options(out: &mut Out, at: &str, options: &[AnswerOption], single: bool) {
    let path = format!("{at}.options");
    if options.len() < 2 {
        out.push(
            &path,
            format!(
                "a question needs at least 2 options, found {}",
                options.len()
            ),
        );
    }
    let correct = options.iter().filter(|o| o.correct).count();
    if correct == 0 {
        out.push(&path, "no option is marked correct");
    } else if single && correct > 1 {
        out.push(
            &path,
            format!(
                "a single-choice question must have exactly one correct option, found {correct}"
            ),
        );
    }
    let mut ids = Ids::default();
    for (o, option) in options.iter().enumerate() {
        ids.check(out, &format!("{path}[{o}].id"), &option.id, "option");
    }
}

fn check_scenario(out: &mut Out, at: &str, steps: &[ScenarioStep]) {
    if steps.is_empty() {
        out.push(format!("{at}.steps"), "a scenario needs at least one step");
    }
    let step_ids: HashSet<&str> = steps.iter().map(|s| s.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (s, step) in steps.iter().enumerate() {
        let at = format!("{at}.steps[{s}]");
        out.id(&format!("{at}.id"), &step.id);
        if !seen.insert(step.id.as_str()) {
            out.push(
                format!("{at}.id"),
                format!("duplicate step id \"{}\"", step.id),
            );
        }
        if RESERVED_IDS.contains(&step.id.as_str()) {
            out.push(
                format!("{at}.id"),
                format!(
                    "\"{}\" names a text in the language files; choose another step id",
                    step.id
                ),
            );
        }
        let choices = format!("{at}.choices");
        if step.choices.len() < 2 {
            out.push(
                &choices,
                format!(
                    "a step needs at least 2 choices, found {}",
                    step.choices.len()
                ),
            );
        }
        if !step.choices.iter().any(|c| c.correct) {
            out.push(&choices, "no choice is marked correct");
        }
        let mut ids = Ids::default();
        for (c, choice) in step.choices.iter().enumerate() {
            let at = format!("{choices}[{c}]");
            ids.check(out, &format!("{at}.id"), &choice.id, "choice");
            if let Some(next) = &choice.next {
                if !step_ids.contains(next.as_str()) {
                    out.push(
                        format!("{at}.next"),
                        format!("step \"{next}\" does not exist"),
                    );
                }
            }
        }
    }
}

/// Every role that takes the module must see a lesson and have enough questions to draw,
/// including the questions of its own that `role_draw` promises.
fn check_roles(out: &mut Out, module: &Module, org: &Organisation) {
    for role in Role::ALL {
        let lists = org.roles.get(role);
        let key = role.key();
        let wanted = module.role_draw.get(role);
        if !lists.required.contains(&module.id) && !lists.optional.contains(&module.id) {
            if wanted > 0 {
                out.push(
                    format!("role_draw.{key}"),
                    format!("role {key} does not take this module"),
                );
            }
            continue;
        }
        if !module.sections.is_empty() && !module.sections.iter().any(|s| s.is_for(role)) {
            out.push("sections", format!("role {key} sees no lesson sections"));
        }
        let pool = module.questions.iter().filter(|q| q.is_for(role)).count();
        if pool < module.quiz_size {
            out.push(
                "quiz_size",
                format!(
                    "role {key}: pool has {pool} questions but the quiz draws {}",
                    module.quiz_size
                ),
            );
        }
        if wanted == 0 {
            continue;
        }
        let own = module
            .questions
            .iter()
            .filter(|q| q.is_written_for(role))
            .count();
        if own < wanted {
            out.push(
                format!("role_draw.{key}"),
                format!(
                    "role {key}: each quiz should include {wanted} questions for {key}, but the pool has {own}"
                ),
            );
        }
        if wanted > module.quiz_size {
            out.push(
                format!("role_draw.{key}"),
                format!(
                    "role {key}: {wanted} questions for {key} do not fit in a quiz of {}",
                    module.quiz_size
                ),
            );
        }
    }
}
