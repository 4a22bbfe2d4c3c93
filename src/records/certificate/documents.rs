//! The certificate on screen (also the print view) and its downloads: the PDF, the
//! completion file, the renewal reminder and the pocket card.

use std::cell::RefCell;
use std::rc::Rc;

use trygg_core::certificate::pdf::{CertificateLabels, PocketCardContent, PocketCardLabels};
use trygg_core::certificate::{renewal_ics_dated, CompletionRecord};
use trygg_core::content::{Course, Lang, Role, POCKET_CARD_MODULE};
use trygg_core::progress::Progress;
use yew::prelude::*;

use super::record::file_stem;
use crate::shared::browser::clock::local_clock;
use crate::shared::browser::download::download;
use crate::shared::browser::fetch::{fetch_bytes, FetchError};
use crate::shared::browser::lazy as docs;
use crate::shared::components::download_failed::DownloadFailed;
use crate::shared::components::inline_text::{foreign_lang, plain};
use crate::shared::content_error::fetch_reason;
use crate::shared::content_loader::{fill_course, load_words};
use crate::shared::hooks::{use_downloads, use_module_texts};
use crate::shared::i18n::WordsHtml;
use crate::shared::i18n::{date, role_key, Words};
use crate::shared::learner::use_learner;
use crate::shared::state::use_app;
use crate::shared::state::ContentFailure;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub record: CompletionRecord,
}

#[derive(Clone, PartialEq)]
enum PdfState {
    Idle,
    Working,
    Failed(PdfFailure),
}

/// Why a PDF did not reach the learner; each is told in their language.
#[derive(Clone, PartialEq)]
enum PdfFailure {
    /// A font or content file could not be fetched.
    Fetch { file: String, error: FetchError },
    /// The PDF maker refused; its own message is English, for developers.
    Maker,
    /// The PDF was made but the browser refused the download.
    Download { file: String },
}

/// What a PDF is printed with: the record and the words, in the page's language or, for a
/// right-to-left one, in its fallback language ([`Organisation::print_language`]).
struct Print {
    record: CompletionRecord,
    words: Rc<Words>,
    course: Rc<Course>,
}

/// The course, record and words in `lang`, read when a PDF is asked for in another language
/// than the page's.
async fn print_in(
    lang: Lang,
    course: Rc<Course>,
    progress: Rc<Progress>,
    role: Role,
) -> Result<Print, PdfFailure> {
    let failed = |failure: ContentFailure| match failure {
        ContentFailure::Fetch { file, error } => PdfFailure::Fetch { file, error },
        ContentFailure::Invalid(_) => PdfFailure::Maker,
    };
    let words = load_words(lang).await.map_err(failed)?;
    let course = fill_course(&course, lang).await.map_err(failed)?;
    let record = progress
        .certificate(&course, role, lang, local_clock())
        .map_err(|_| PdfFailure::Maker)?;
    Ok(Print {
        record,
        words: Rc::new(words),
        course: Rc::new(course),
    })
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let app = use_app();
    let learner = use_learner();
    let words = app.words();
    let lang = words.lang();
    let pdf_state = use_state(|| PdfState::Idle);
    let downloads = use_downloads();
    let card_ready = use_module_texts(Some(POCKET_CARD_MODULE));
    // The fonts, fetched once and only when the first PDF is made on this page.
    let fonts = use_mut_ref(|| None::<FontPair>);
    let Some(course) = app.course().cloned() else {
        return html! {};
    };
    let record = props.record.clone();
    let stem = file_stem(&record, &words);
    let print_lang = course.organisation.print_language(lang);
    // How to get what a PDF prints: at hand, or read in the print language first.
    let print = {
        let here = (print_lang == lang).then(|| Print {
            record: record.clone(),
            words: words.clone(),
            course: course.clone(),
        });
        let here = here.map(Rc::new);
        let course = course.clone();
        let progress = learner.progress.clone();
        let role = learner.role_or_default();
        move || {
            let here = here.clone();
            let (course, progress) = (course.clone(), progress.clone());
            async move {
                match here {
                    Some(print) => Ok(print),
                    None => print_in(print_lang, course, progress, role)
                        .await
                        .map(Rc::new),
                }
            }
        }
    };

    let on_json = {
        let record = record.clone();
        let stem = stem.clone();
        let downloads = downloads.clone();
        Callback::from(move |_| {
            let json = serde_json::to_vec_pretty(&record).unwrap_or_default();
            downloads.offer(&format!("{stem}.json"), "application/json", &json);
        })
    };
    let on_ics = {
        let record = record.clone();
        let org = course.organisation.name.value.clone();
        let downloads = downloads.clone();
        let words = words.clone();
        Callback::from(move |_| {
            let today = local_clock().today();
            let until = date(words.lang(), record.valid_until);
            let ics = renewal_ics_dated(&record, &words, &org, today, &until);
            downloads.offer(
                &format!("{}.ics", words.t("file.renewal")),
                "text/calendar",
                ics.as_bytes(),
            );
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_pdf = {
        let name = format!("{stem}.pdf");
        let print = print.clone();
        make_pdf_callback(pdf_state.clone(), fonts.clone(), move |fonts: FontPair| {
            let name = name.clone();
            let print = print();
            async move {
                let print = print.await?;
                // The same writer as the JSON download, so the module links one (the PDF
                // maker reads either form).
                let record_json = serde_json::to_string_pretty(&print.record).unwrap_or_default();
                // Dates as the certificate's language writes them, as on the page.
                let lang = print.words.lang();
                let labels = CertificateLabels::from_words(&print.words)
                    .with_dates(&print.record, |day| date(lang, day));
                let labels = serde_json::to_string(&labels).unwrap_or_default();
                let bytes = docs::certificate_pdf(&record_json, &labels, &fonts.0, &fonts.1)
                    .await
                    .map_err(|_| PdfFailure::Maker)?;
                Ok((name, bytes))
            }
        })
    };
    let on_card = course.pocket_card_module().map(|_| {
        let name = format!("{}.pdf", words.t("file.pocket_card"));
        make_pdf_callback(pdf_state.clone(), fonts.clone(), move |fonts: FontPair| {
            let name = name.clone();
            let print = print();
            async move {
                let print = print.await?;
                let module = print.course.pocket_card_module().ok_or(PdfFailure::Maker)?;
                let card = PocketCardContent::of(&print.course.organisation, module, print_lang);
                let card = serde_json::to_string(&card).unwrap_or_default();
                let labels = PocketCardLabels::from_words(&print.words);
                let labels = serde_json::to_string(&labels).unwrap_or_default();
                let bytes = docs::pocket_card_pdf(&card, &labels, &fonts.0, &fonts.1)
                    .await
                    .map_err(|_| PdfFailure::Maker)?;
                Ok((name, bytes))
            }
        })
    });
    // The card prints the violence module's steps: offered once its texts are here.
    let on_card = on_card.filter(|_| card_ready);
    let working = *pdf_state == PdfState::Working;
    // While a PDF is being made the buttons say so (aria-disabled) and ignore clicks, but
    // are not `disabled`: that would drop the keyboard focus on the body.
    let (on_pdf, on_card) = if working {
        (Callback::noop(), on_card.map(|_| Callback::noop()))
    } else {
        (on_pdf, on_card)
    };
    let busy = working.then_some(AttrValue::Static("true"));

    html! {
        <div class="certificate-documents">
            { preview(&record, &course, &words) }
            <div class="no-print">
                <h2>{ words.html("certificate.downloads") }</h2>
                <p class="button-row">
                    <button type="button" class="button" onclick={on_pdf} aria-disabled={busy.clone()}>{ words.html("certificate.download_pdf") }</button>
                    <button type="button" class="button secondary" onclick={on_json}>{ words.html("certificate.download_json") }</button>
                    <button type="button" class="button secondary" onclick={on_ics}>{ words.html("certificate.download_ics") }</button>
                    <button type="button" class="button secondary" onclick={on_print}>{ words.html("certificate.print") }</button>
                </p>
                <DownloadFailed file={downloads.refused()} />
                if print_lang != lang {
                    <p class="hint">{ words.html_with("certificate.pdf_language", "language", html! { <span lang={print_lang.code().to_owned()}>{ language_name(&course, print_lang) }</span> }) }</p>
                }
                <p class="hint">{ words.html("certificate.json_hint") }</p>
                if let Some(on_card) = on_card {
                    <h2>{ words.html("certificate.pocket_title") }</h2>
                    <p>{ words.html("certificate.pocket_text") }</p>
                    <p><button type="button" class="button secondary" onclick={on_card} aria-disabled={busy}>{ words.html("certificate.download_pocket") }</button></p>
                }
                <div role="status">
                    { match &*pdf_state {
                        PdfState::Idle => html! {},
                        PdfState::Working => html! { <p>{ words.html("certificate.pdf_working") }</p> },
                        PdfState::Failed(failure) => html! { <p class="feedback bad">{ pdf_failure_text(failure, &words) }</p> },
                    } }
                </div>
            </div>
        </div>
    }
}

/// A language's own name, as `organisation.json` lists it.
fn language_name(course: &Course, lang: Lang) -> String {
    course
        .organisation
        .language(lang)
        .map_or_else(|| lang.code().to_owned(), |l| l.name.clone())
}

/// The `lang` of a module's title on the certificate, when the course gives it in the
/// fallback language.
fn title_lang(course: &Course, id: &str) -> Option<AttrValue> {
    course.module(id).and_then(|m| foreign_lang(&m.title))
}

/// The certificate as a page section; the print CSS shows only this.
fn preview(record: &CompletionRecord, course: &Course, words: &Words) -> Html {
    let lang = words.lang();
    let percent = |p: u8| words.fill("pdf.percent", &[("percent", &p.to_string())]);
    let l = &record.learner;
    let detail = |key: &'static str, value: &str| {
        (!value.is_empty())
            .then(|| html! { <><dt>{ words.html(key) }</dt><dd>{ value.to_string() }</dd></> })
    };
    html! {
        <section class="certificate-preview" aria-labelledby="certificate-preview-title">
            <p class="certificate-org">{ plain(&course.organisation.name) }</p>
            <h2 id="certificate-preview-title" tabindex="-1">{ words.html("certificate.title") }</h2>
            <p class="certificate-name">{ l.full_name.clone() }</p>
            <dl class="certificate-facts">
                { detail("certificate.field.employee_number", &l.employee_number).unwrap_or_default() }
                { detail("certificate.field.unit", &l.unit).unwrap_or_default() }
                { detail("certificate.field.email", &l.email).unwrap_or_default() }
                <dt>{ words.html("certificate.role") }</dt><dd>{ words.html(role_key(record.role)) }</dd>
            </dl>
            <table class="certificate-modules">
                <caption>{ words.html("certificate.modules") }</caption>
                <thead><tr>
                    <th scope="col">{ words.html("certificate.module") }</th>
                    <th scope="col">{ words.html("certificate.score") }</th>
                    <th scope="col">{ words.html("certificate.passed_on") }</th>
                </tr></thead>
                <tbody>
                    { for record.modules.iter().map(|m| html! {
                        <tr><td lang={title_lang(course, &m.id)}>{ m.title.clone() }</td><td>{ percent(m.percent) }</td><td>{ date(lang, m.passed_on) }</td></tr>
                    }) }
                </tbody>
            </table>
            <dl class="certificate-facts">
                <dt>{ words.html("certificate.completed_on") }</dt><dd>{ date(lang, record.completed_on) }</dd>
                <dt>{ words.html("certificate.valid_until") }</dt><dd>{ date(lang, record.valid_until) }</dd>
                <dt>{ words.html("certificate.id") }</dt><dd><code>{ record.certificate_id.clone() }</code></dd>
                <dt>{ words.html("certificate.code") }</dt><dd><code class="code">{ record.verification_code.clone() }</code></dd>
                <dt>{ words.html("certificate.content_version") }</dt><dd><code>{ record.content_version.clone() }</code></dd>
            </dl>
            <p class="hint">{ words.html("certificate.code_hint") }</p>
        </section>
    }
}

/// The regular and bold font files.
type FontPair = Rc<(Vec<u8>, Vec<u8>)>;

/// The fonts as `kept` holds them, else fetched and kept there.
async fn fonts(kept: Rc<RefCell<Option<FontPair>>>) -> Result<FontPair, PdfFailure> {
    if let Some(pair) = kept.borrow().clone() {
        return Ok(pair);
    }
    let regular = fetch_file("fonts/trygg-sans.ttf").await?;
    let bold = fetch_file("fonts/trygg-sans-bold.ttf").await?;
    let pair = Rc::new((regular, bold));
    *kept.borrow_mut() = Some(pair.clone());
    Ok(pair)
}

async fn fetch_file(url: &str) -> Result<Vec<u8>, PdfFailure> {
    fetch_bytes(url).await.map_err(|error| PdfFailure::Fetch {
        file: url.to_string(),
        error,
    })
}

fn pdf_failure_text(failure: &PdfFailure, words: &Words) -> String {
    let reason = match failure {
        PdfFailure::Fetch { file, error } => {
            let why = fetch_reason(error, words);
            words.fill(
                "certificate.pdf_reason.fetch",
                &[("file", file), ("reason", &why)],
            )
        }
        PdfFailure::Maker => words.t("certificate.pdf_reason.maker").to_string(),
        PdfFailure::Download { file } => return words.fill("download.failed", &[("file", file)]),
    };
    words.fill("certificate.pdf_failed", &[("reason", &reason)])
}

/// A click handler that fetches the fonts, makes a PDF with the PDF maker and downloads it,
/// reporting failures.
fn make_pdf_callback<F, Fut>(
    state: UseStateHandle<PdfState>,
    kept_fonts: Rc<RefCell<Option<FontPair>>>,
    make: F,
) -> Callback<MouseEvent>
where
    F: Fn(FontPair) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(String, Vec<u8>), PdfFailure>> + 'static,
{
    let make = Rc::new(make);
    Callback::from(move |_| {
        let state = state.clone();
        let make = make.clone();
        let kept_fonts = kept_fonts.clone();
        state.set(PdfState::Working);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match fonts(kept_fonts).await {
                Ok(f) => make(f).await,
                Err(e) => Err(e),
            };
            match result {
                Ok((name, bytes)) => state.set(if download(&name, "application/pdf", &bytes) {
                    PdfState::Idle
                } else {
                    PdfState::Failed(PdfFailure::Download { file: name })
                }),
                Err(reason) => state.set(PdfState::Failed(reason)),
            }
        });
    })
}
