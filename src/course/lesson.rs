//! A module's lesson sections, one at a time, with previous and next.

use trygg_core::content::{Block, ContactKind, Lang, Organisation, Tone};
use yew::prelude::*;

use crate::shared::components::inline_text::InlineText;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::{fill, t};
use crate::shared::learner::use_learner;
use crate::shared::route::Route;
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub module: AttrValue,
    pub step: usize,
}

#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let lang = app.lang;
    let role = learner.role_or_default();
    let found = app
        .course()
        .and_then(|c| c.module(&props.module))
        .and_then(|module| {
            let sections = module.lesson_sections(role);
            let (index, section) = *props.step.checked_sub(1).and_then(|i| sections.get(i))?;
            Some((module, section, index, sections.len()))
        });
    let record = found.map(|(m, _, index, total)| (m.id.clone(), index, props.step == total));

    // Remember where the learner is, after every lesson step.
    {
        let learner = learner.clone();
        use_effect_with(record, move |record| {
            if let Some((module, index, last)) = record {
                learner.lesson_step(module, *index);
                if *last {
                    learner.finish_lessons(module);
                }
            }
        });
    }

    let (Some(course), Some((module, section, _, total))) = (app.course(), found) else {
        return html! { <crate::shared::not_found::NotFoundPage /> };
    };
    let step = props.step;
    let id = module.id.clone();
    let prev = (step > 1).then(|| Route::Lesson {
        module: id.clone(),
        step: step - 1,
    });
    let next = if step < total {
        Route::Lesson {
            module: id.clone(),
            step: step + 1,
        }
    } else {
        Route::Quiz { module: id.clone() }
    };
    let next_label = if step < total {
        t(lang, "lesson.next")
    } else {
        t(lang, "lesson.to_quiz")
    };
    let progress = fill(
        t(lang, "lesson.progress"),
        &[("n", &step.to_string()), ("total", &total.to_string())],
    );

    html! {
        <article class="page lesson">
            <p class="eyebrow">{ module.title.get(lang).to_string() }</p>
            <PageTitle text={section.title.get(lang).to_string()} of={AttrValue::from(module.title.get(lang).to_string())} />
            <p class="step-count">{ progress.clone() }</p>
            <progress class="step-bar" max={total.to_string()} value={step.to_string()} aria-label={progress}></progress>
            { for section.blocks.iter().map(|b| render_block(b, lang, &course.organisation)) }
            <nav class="pager" aria-label={t(lang, "lesson.pager")}>
                { prev.map(|r| html! { <a class="button secondary" href={r.href()}>{ t(lang, "lesson.previous") }</a> }).unwrap_or_default() }
                <a class="button" href={next.href()}>{ next_label }</a>
            </nav>
        </article>
    }
}

/// Renders one lesson block. Text is always rendered as nodes, never parsed as HTML.
pub fn render_block(block: &Block, lang: Lang, org: &Organisation) -> Html {
    match block {
        Block::Paragraph { text } => {
            html! { <p><InlineText text={text.get(lang).to_string()} /></p> }
        }
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .map(|i| html! { <li><InlineText text={i.get(lang).to_string()} /></li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Callout { tone, title, text } => {
            let class = match tone {
                Tone::Info => "callout info",
                Tone::Tip => "callout tip",
                Tone::Warning => "callout warning",
            };
            html! {
                <aside class={class}>
                    { title.as_ref().map(|t| html! { <p class="callout-title"><strong>{ t.get(lang).to_string() }</strong></p> }).unwrap_or_default() }
                    <p><InlineText text={text.get(lang).to_string()} /></p>
                </aside>
            }
        }
        Block::Contact { which } => contact_box(*which, lang, org),
    }
}

/// A "who to contact" box filled from the organisation file.
pub fn contact_box(which: ContactKind, lang: Lang, org: &Organisation) -> Html {
    let phone = |n: &str| html! { <a href={format!("tel:{}", n.replace([' ', '-'], ""))}>{ n.to_string() }</a> };
    let body = match which {
        ContactKind::SecurityUnit => {
            let u = &org.security_unit;
            html! {
                <>
                    <p class="contact-title"><strong>{ t(lang, "contact.security_unit") }</strong></p>
                    <p>{ u.name.get(lang).to_string() }</p>
                    <ul class="plain">
                        { if u.phone.is_empty() { html!{} } else { html!{ <li>{ t(lang, "contact.phone") }{ ": " }{ phone(&u.phone) }</li> } } }
                        { if u.email.is_empty() { html!{} } else { html!{ <li>{ t(lang, "contact.email") }{ ": " }<a href={format!("mailto:{}", u.email)}>{ u.email.clone() }</a></li> } } }
                        { if u.intranet.is_empty() { html!{} } else { html!{ <li><a href={u.intranet.clone()}>{ t(lang, "contact.intranet") }</a></li> } } }
                    </ul>
                </>
            }
        }
        ContactKind::Reporting => {
            let r = &org.reporting;
            html! {
                <>
                    <p class="contact-title"><strong>{ t(lang, "contact.reporting") }</strong></p>
                    <p>{ r.how.get(lang).to_string() }</p>
                    <ul class="plain">
                        <li>{ if r.url.is_empty() { html!{ { r.system.get(lang).to_string() } } } else { html!{ <a href={r.url.clone()}>{ r.system.get(lang).to_string() }</a> } } }</li>
                        { if r.phone.is_empty() { html!{} } else { html!{ <li>{ t(lang, "contact.phone") }{ ": " }{ phone(&r.phone) }</li> } } }
                    </ul>
                </>
            }
        }
        ContactKind::Emergency => {
            let e = &org.emergency;
            html! {
                <>
                    <p class="contact-title"><strong>{ t(lang, "contact.emergency") }</strong></p>
                    <ul class="plain">
                        <li>{ t(lang, "contact.public_emergency") }{ ": " }<strong>{ phone(&e.public) }</strong></li>
                        <li>{ t(lang, "contact.internal_alarm") }{ ": " }<strong>{ phone(&e.internal_alarm) }</strong></li>
                    </ul>
                    <p>{ e.internal_alarm_note.get(lang).to_string() }</p>
                </>
            }
        }
    };
    let example = org
        .example
        .then(|| html! { <p class="example-note">{ t(lang, "contact.example_note") }</p> });
    html! { <aside class="contact-box">{ body }{ example.unwrap_or_default() }</aside> }
}
