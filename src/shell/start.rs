//! The start page: what the training is, then language, role and the shared-computer
//! option, and a button into "my training".

use trygg_core::content::{course_files, LanguageInfo, Role};
use trygg_core::language::{course_texts_file, words_file};
use trygg_core::lms::launch_role;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::shared::browser::lazy::prefetch_course;
use crate::shared::browser::lms::launch_query;
use crate::shared::components::page_title::PageTitle;
use crate::shared::i18n::WordsHtml;
use crate::shared::learner::use_learner;
use crate::shared::route::{navigate, Route};
use crate::shared::state::use_app;

/// The page: what the training is, then language, role and the shared-computer option,
/// kept here until the learner starts; the button saves them and opens "my training".
#[component]
pub fn StartPage() -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    use_return_to_bookmark();
    let saved_role = learner.role();
    let role = use_state(|| saved_role);
    let shared = use_state(|| learner.progress.shared_computer);
    let role_missing = use_state(|| false);
    // A package for one role names it in its launch URL: the question is not asked.
    let role_given = launch_role(&launch_query()).is_some();
    let prefetch = use_course_prefetch();

    let onsubmit = {
        let role = role.clone();
        let shared = shared.clone();
        let learner = learner.clone();
        let role_missing = role_missing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(chosen) = *role else {
                role_missing.set(true);
                crate::shared::browser::document::focus("role-employee");
                return;
            };
            if learner.role() != Some(chosen) {
                learner.set_role(chosen);
            }
            if learner.progress.shared_computer != *shared {
                learner.set_shared_computer(*shared);
            }
            navigate(&Route::Training);
        })
    };
    let onfocusin = prefetch.reform(|_: FocusEvent| ());
    // Some browsers do not focus a radio button on click; the change still says it.
    let onchange = prefetch.reform(|_: Event| ());
    let on_role = {
        let role = role.clone();
        Callback::from(move |r: Role| role.set(Some(r)))
    };
    let on_shared = {
        let shared = shared.clone();
        Callback::from(move |e: Event| {
            shared.set(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let example = app
        .organisation()
        .is_some_and(|o| o.example)
        .then(|| html! { <p class="callout warning">{ words.html("start.example") }</p> });
    let role_changing = saved_role.is_some() && *role != saved_role;
    let button = if saved_role.is_some() {
        "start.continue"
    } else {
        "start.begin"
    };

    html! {
        <section class="page">
            <PageTitle text={words.t("start.title").to_owned()} lang={words.lang_of("start.title")} />
            <p class="lead">{ words.html("start.lead") }</p>
            { example.unwrap_or_default() }
            <form class="start-form" {onsubmit} {onfocusin} {onchange}>
                <LanguageChoice />
                if !role_given {
                    <RoleChoice role={*role} missing={*role_missing} onchoose={on_role} />
                }
                if role_changing {
                    <p class="callout info" role="status">{ words.html("start.role_change") }</p>
                }
                // Inside an LMS the progress is the LMS learner's own, kept apart from anyone
                // else's in this browser, so the shared-computer choice is not offered.
                if app.in_lms {
                    <p data-privacy="">{ words.html("start.privacy.lms") }</p>
                } else {
                    <div class="choice checkbox">
                        <input type="checkbox" id="shared-computer" checked={*shared} onchange={on_shared}
                            aria-describedby="shared-computer-hint" />
                        <label for="shared-computer">{ words.html("start.shared") }</label>
                        <p class="hint" id="shared-computer-hint">{ words.html("start.shared.hint") }</p>
                    </div>
                    <p data-privacy="">{ words.html("start.privacy") }</p>
                }
                <button type="submit" class="button">{ words.html(button) }</button>
            </form>
        </section>
    }
}

/// A learner relaunched from the LMS goes back to where they left off.
#[hook]
fn use_return_to_bookmark() {
    let learner = use_learner();
    use_effect_with((), move |_| {
        let bookmark = learner.lms.as_ref().and_then(|s| s.lms.take_bookmark());
        if let Some(bookmark) = bookmark {
            let route = Route::parse(&bookmark);
            if !matches!(route, Route::Start | Route::NotFound) {
                navigate(&route);
            }
        }
    });
}

/// Asks for the course module and files ahead, once: learners who touch the form, or come
/// back with a role, are on their way into the course.
#[hook]
fn use_course_prefetch() -> Callback<()> {
    let app = use_app();
    let learner = use_learner();
    let prefetch = {
        let mut files = app.organisation().map(course_files).unwrap_or_default();
        files.push(course_texts_file(app.lang()));
        files.push(words_file(app.lang()));
        Callback::from(move |_: ()| prefetch_course(files.clone()))
    };
    {
        let prefetch = prefetch.clone();
        use_effect_with(learner.role().is_some(), move |returning| {
            if *returning {
                prefetch.emit(());
            }
        });
    }
    prefetch
}

/// The course's languages; a pick switches the page at once.
#[component]
fn LanguageChoice() -> Html {
    let app = use_app();
    let words = app.words();
    let languages = app
        .organisation()
        .map(|o| o.languages.clone())
        .unwrap_or_default();
    let radio = |language: &LanguageInfo| {
        let l = language.tag;
        let onchange = {
            let app = app.clone();
            Callback::from(move |_| app.choose_lang(l))
        };
        let id = format!("lang-{}", l.code());
        html! {
            <div class="choice">
                <input type="radio" name="lang" id={id.clone()} checked={app.wanted == l} {onchange} />
                <label for={id} lang={l.code().to_owned()} dir={language.dir.key()}>{ language.name.clone() }</label>
            </div>
        }
    };
    html! {
        <fieldset>
            <legend>{ words.html("start.language") }</legend>
            { for languages.iter().map(radio) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RoleChoiceProps {
    role: Option<Role>,
    /// The learner tried to start without one (the message shows until they pick one).
    missing: bool,
    onchoose: Callback<Role>,
}

/// The three roles, each with what it means.
#[component]
fn RoleChoice(props: &RoleChoiceProps) -> Html {
    let words = use_app().words();
    let radio = |r: Role, label: &'static str, hint: &'static str| {
        let checked = props.role == Some(r);
        let onchange = props.onchoose.reform(move |_: Event| r);
        let id = format!("role-{}", r.key());
        let hint_id = format!("{id}-hint");
        html! {
            <div class="choice">
                <input type="radio" name="role" id={id.clone()} {checked} {onchange}
                    aria-describedby={hint_id.clone()} />
                <label for={id}>{ words.html(label) }</label>
                <p class="hint" id={hint_id}>{ words.html(hint) }</p>
            </div>
        }
    };
    html! {
        <fieldset aria-describedby={props.missing.then_some("role-missing")}>
            <legend>{ words.html("start.role") }</legend>
            if props.missing && props.role.is_none() {
                <p class="error" id="role-missing" role="alert">{ words.html("start.role_missing") }</p>
            }
            { radio(Role::Employee, "role.employee", "role.employee.hint") }
            { radio(Role::Manager, "role.manager", "role.manager.hint") }
            { radio(Role::Elected, "role.elected", "role.elected.hint") }
        </fieldset>
    }
}
