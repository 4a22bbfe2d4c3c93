//! The learner's details form; once valid, the certificate and its documents.

use trygg_core::certificate::{validate_learner_field, LearnerField};
use trygg_core::progress::Learner;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::shared::browser::clock::local_clock;

use super::documents::Documents;
use crate::shared::browser::document::focus_soon;
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;

const FIELDS: [(LearnerField, &str, &str, &str); 4] = [
    (
        LearnerField::FullName,
        "full-name",
        "certificate.field.name",
        "name",
    ),
    (
        LearnerField::EmployeeNumber,
        "employee-number",
        "certificate.field.employee_number",
        "off",
    ),
    (
        LearnerField::Unit,
        "unit",
        "certificate.field.unit",
        "organization",
    ),
    (
        LearnerField::Email,
        "email",
        "certificate.field.email",
        "email",
    ),
];

fn get(d: &Learner, f: LearnerField) -> &str {
    match f {
        LearnerField::FullName => &d.full_name,
        LearnerField::EmployeeNumber => &d.employee_number,
        LearnerField::Unit => &d.unit,
        LearnerField::Email => &d.email,
    }
}

fn set(d: &mut Learner, f: LearnerField, v: String) {
    match f {
        LearnerField::FullName => d.full_name = v,
        LearnerField::EmployeeNumber => d.employee_number = v,
        LearnerField::Unit => d.unit = v,
        LearnerField::Email => d.email = v,
    }
}

#[component]
pub fn CertificateFlow() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let lang = words.lang();
    // Inside an LMS the name it knows is offered; the learner can still change it.
    let lms_name = learner.lms.as_ref().and_then(|s| s.name.clone());
    let draft = use_state(|| {
        let mut details = learner.progress.learner.clone();
        if details.full_name.is_empty() {
            details.full_name = lms_name.unwrap_or_default();
        }
        details
    });
    let errors = use_state(Vec::<(LearnerField, String)>::new);
    let saved = &learner.progress.learner;
    let saved_valid = validate_learner_field(LearnerField::FullName, &saved.full_name).is_ok();

    let onsubmit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let learner = learner.clone();
        let words = words.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut clean = Learner::default();
            let mut found = Vec::new();
            for (field, ..) in FIELDS {
                match validate_learner_field(field, get(&draft, field)) {
                    Ok(v) => set(&mut clean, field, v),
                    Err(err) => found.push((field, err.message(&words))),
                }
            }
            if let Some((field, _)) = found.first() {
                let id = FIELDS
                    .iter()
                    .find(|f| f.0 == *field)
                    .map_or("full-name", |f| f.1);
                focus_soon(id);
            } else {
                draft.set(clean.clone());
                learner.set_details(clean);
                focus_soon("certificate-preview-title");
            }
            errors.set(found);
        })
    };

    let inputs = FIELDS.iter().map(|&(field, id, label, autocomplete)| {
        let error = errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone());
        let oninput = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*draft).clone();
                set(&mut next, field, e.target_unchecked_into::<HtmlInputElement>().value());
                draft.set(next);
            })
        };
        let required = field == LearnerField::FullName;
        let error_id = format!("{id}-error");
        html! {
            <div class="field">
                <label for={id}>{ words.html(label) }{ if required { html!{} } else { html!{ <span class="optional">{ " " }{ words.html("certificate.optional") }</span> } } }</label>
                <input type={if field == LearnerField::Email { "email" } else { "text" }} id={id} name={id}
                    value={get(&draft, field).to_string()} {oninput} {required} maxlength="100" autocomplete={autocomplete}
                    aria-invalid={error.is_some().then_some("true")} aria-describedby={error.as_ref().map(|_| error_id.clone())} />
                if let Some(message) = error {
                    <p class="error" id={error_id}>{ message }</p>
                }
            </div>
        }
    });

    let record = app.course().filter(|_| saved_valid).and_then(|course| {
        learner
            .progress
            .certificate(course, learner.role_or_default(), lang, local_clock())
            .ok()
    });

    html! {
        <>
            <p>{ words.html(if record.is_some() { "certificate.made" } else { "certificate.ready" }) }</p>
            <form class="details-form no-print" {onsubmit} novalidate=true>
                <fieldset>
                    <legend>{ words.html("certificate.details") }</legend>
                    { for inputs }
                </fieldset>
                <button type="submit" class="button">{ words.html("certificate.save_details") }</button>
            </form>
            if let Some(record) = record {
                if *draft != *saved {
                    <p class="callout warning no-print" role="status">
                        { words.fill_html("certificate.unsaved", &[("name", &saved.full_name)]) }
                    </p>
                }
                <Documents {record} />
            }
        </>
    }
}
