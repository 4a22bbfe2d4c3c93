//! A module's lesson sections, one at a time, with previous and next.

use trygg_core::content::{Block, ContactKind, Organisation, Tone};
use yew::prelude::*;

use crate::shared::components::inline_text::{foreign_lang, inline, plain};
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;
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
    let words = app.words();
    let role = learner.role_or_default();
    let found = app
        .course()
        .and_then(|c| c.module(&props.module))
        .and_then(|module| {
            let (place, section) = module.lesson_page(role, props.step)?;
            Some((module, section, place))
        });
    let record = found.map(|(m, _, place)| (m.id.clone(), place));

    // Remember where the learner is, after every lesson page.
    {
        let learner = learner.clone();
        use_effect_with(record, move |record| {
            if let Some((module, place)) = record {
                learner.read_lesson_page(module, *place);
            }
        });
    }

    let (Some(course), Some((module, section, place))) = (app.course(), found) else {
        return html! { <crate::shared::not_found::NotFoundPage /> };
    };
    let (step, total) = (place.page, place.pages);
    let id = module.id.clone();
    let prev = (step > 1).then(|| Route::Lesson {
        module: id.clone(),
        step: step - 1,
    });
    let next = if place.is_last() {
        Route::Quiz { module: id.clone() }
    } else {
        Route::Lesson {
            module: id.clone(),
            step: step + 1,
        }
    };
    let next_label = if place.is_last() {
        "lesson.to_quiz"
    } else {
        "lesson.next"
    };
    let progress = words.fill(
        "lesson.progress",
        &[("n", &step.to_string()), ("total", &total.to_string())],
    );

    html! {
        <article class="page lesson">
            <p class="eyebrow">{ plain(&module.title) }</p>
            <PageTitle text={section.title.value.clone()} lang={foreign_lang(&section.title)}
                of={AttrValue::from(module.title.value.clone())} />
            <p class="step-count" lang={words.lang_of("lesson.progress")}>{ progress.clone() }</p>
            <progress class="step-bar" max={total.to_string()} value={step.to_string()} aria-label={progress}></progress>
            { for section.blocks.iter().map(|b| render_block(b, &words, &course.organisation)) }
            <nav class="pager" aria-label={words.t("lesson.pager").to_owned()}>
                { prev.map(|r| html! { <a class="button secondary" href={r.href()}>{ words.html("lesson.previous") }</a> }).unwrap_or_default() }
                <a class="button" href={next.href()}>{ words.html(next_label) }</a>
            </nav>
        </article>
    }
}

/// Renders one lesson block. Text is always rendered as nodes, never parsed as HTML.
pub fn render_block(block: &Block, words: &Words, org: &Organisation) -> Html {
    match block {
        Block::Paragraph { text, .. } => html! { <p>{ inline(text) }</p> },
        Block::List { ordered, items, .. } => {
            let items = items.iter().map(|i| html! { <li>{ inline(&i.text) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Callout {
            tone, title, text, ..
        } => {
            let class = match tone {
                Tone::Info => "callout info",
                Tone::Tip => "callout tip",
                Tone::Warning => "callout warning",
            };
            html! {
                <aside class={class}>
                    { title.as_ref().map(|t| html! { <p class="callout-title"><strong>{ plain(t) }</strong></p> }).unwrap_or_default() }
                    <p>{ inline(text) }</p>
                </aside>
            }
        }
        Block::Contact { which } => contact_box(*which, words, org),
    }
}

/// A "who to contact" box filled from the organisation file.
pub fn contact_box(which: ContactKind, words: &Words, org: &Organisation) -> Html {
    let phone = |n: &str| html! { <a href={format!("tel:{}", n.replace([' ', '-'], ""))}>{ n.to_string() }</a> };
    let body = match which {
        ContactKind::SecurityUnit => {
            let u = &org.security_unit;
            html! {
                <>
                    <p class="contact-title"><strong>{ words.html("contact.security_unit") }</strong></p>
                    <p>{ plain(&u.name) }</p>
                    <ul class="plain">
                        { if u.phone.is_empty() { html!{} } else { html!{ <li>{ words.html("contact.phone") }{ ": " }{ phone(&u.phone) }</li> } } }
                        { if u.email.is_empty() { html!{} } else { html!{ <li>{ words.html("contact.email") }{ ": " }<a href={format!("mailto:{}", u.email)}>{ u.email.clone() }</a></li> } } }
                        { if u.intranet.is_empty() { html!{} } else { html!{ <li><a href={u.intranet.clone()}>{ words.html("contact.intranet") }</a></li> } } }
                    </ul>
                </>
            }
        }
        ContactKind::Reporting => {
            let r = &org.reporting;
            html! {
                <>
                    <p class="contact-title"><strong>{ words.html("contact.reporting") }</strong></p>
                    <p>{ plain(&r.how) }</p>
                    <ul class="plain">
                        <li>{ if r.url.is_empty() { plain(&r.system) } else { html!{ <a href={r.url.clone()}>{ plain(&r.system) }</a> } } }</li>
                        { if r.phone.is_empty() { html!{} } else { html!{ <li>{ words.html("contact.phone") }{ ": " }{ phone(&r.phone) }</li> } } }
                    </ul>
                </>
            }
        }
        ContactKind::Emergency => {
            let e = &org.emergency;
            html! {
                <>
                    <p class="contact-title"><strong>{ words.html("contact.emergency") }</strong></p>
                    <ul class="plain">
                        <li>{ words.html("contact.public_emergency") }{ ": " }<strong>{ phone(&e.public) }</strong></li>
                        <li>{ words.html("contact.internal_alarm") }{ ": " }<strong>{ phone(&e.internal_alarm) }</strong></li>
                    </ul>
                    <p>{ plain(&e.internal_alarm_note) }</p>
                </>
            }
        }
        // Validation refuses a module naming a desk the organisation lacks; a file edited
        // after publishing shows no box rather than an empty one.
        ContactKind::ItServiceDesk => {
            let Some(d) = &org.it_service_desk else {
                return html! {};
            };
            html! {
                <>
                    <p class="contact-title"><strong>{ words.html("contact.it_service_desk") }</strong></p>
                    <p>{ plain(&d.name) }</p>
                    <ul class="plain">
                        <li>{ words.html("contact.phone") }{ ": " }<strong>{ phone(&d.phone) }</strong></li>
                    </ul>
                    if let Some(note) = &d.note {
                        <p>{ plain(note) }</p>
                    }
                </>
            }
        }
    };
    let example = org
        .example
        .then(|| html! { <p class="example-note">{ words.html("contact.example_note") }</p> });
    html! { <aside class="contact-box">{ body }{ example.unwrap_or_default() }</aside> }
}
