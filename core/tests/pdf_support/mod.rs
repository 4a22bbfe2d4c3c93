//! Shared by the `pdf_*` tests: the fonts, sample data, and poppler's command-line tools
//! (`pdftotext`, `pdfinfo`, `pdfdetach`), which read the PDFs the way a person's viewer does.
#![allow(dead_code)]

#[path = "../content_support/mod.rs"]
mod content_support;

use std::path::{Path, PathBuf};
use std::process::Command;

// Not every pdf_* test uses both.
#[allow(unused_imports)]
pub use content_support::{lang, shipped_languages};
use trygg_core::certificate::pdf::{CertificateLabels, PdfFonts, PocketCardLabels};
use trygg_core::certificate::{issue, CompletionRecord, IssueInput, Learner, ModuleResult};
use trygg_core::content::{Block, Lang, Module, Organisation, Role};
use trygg_core::date::Date;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The subset fonts from `web/fonts/` (made by `scripts/font.sh`), else the full DejaVu
/// Sans from `node_modules`. Never skips: a missing font is a broken setup.
pub struct Fonts {
    pub regular: Vec<u8>,
    pub bold: Vec<u8>,
}

impl Fonts {
    pub fn load() -> Fonts {
        let root = workspace();
        let candidates = [
            ("web/fonts/trygg-sans.ttf", "web/fonts/trygg-sans-bold.ttf"),
            (
                "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
                "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
            ),
        ];
        for (r, b) in candidates {
            if let (Ok(regular), Ok(bold)) =
                (std::fs::read(root.join(r)), std::fs::read(root.join(b)))
            {
                return Fonts { regular, bold };
            }
        }
        panic!(
            "the PDF tests need DejaVu Sans: neither web/fonts/trygg-sans*.ttf nor \
             node_modules/dejavu-fonts-ttf/ttf/DejaVuSans*.ttf exists. Run `make setup` \
             (npm ci installs the font; scripts/font.sh makes the subset)."
        );
    }

    pub fn get(&self) -> PdfFonts<'_> {
        PdfFonts {
            regular: &self.regular,
            bold: &self.bold,
        }
    }
}

/// Where the tests leave their PDFs, to look at when one fails.
pub fn out_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("trygg-pdf-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// Runs a poppler tool; `None` when it is not installed, which fails the test under CI
/// (see [`missing`]).
pub fn tool(name: &str, args: &[&str]) -> Option<String> {
    let out = match Command::new(name).args(args).output() {
        Ok(out) => out,
        Err(_) => {
            missing(&format!("{name} (poppler-utils)"));
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}

pub fn pdftotext(path: &Path) -> Option<String> {
    let p = path.to_str().expect("path");
    tool("pdftotext", &["-enc", "UTF-8", p, "-"])
}

/// `pdftotext` with whitespace (line breaks from wrapping) collapsed to single spaces.
pub fn flat_text(path: &Path) -> Option<String> {
    pdftotext(path).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One word as poppler placed it: text, and xMin, yMin, xMax, yMax (top-left origin).
pub struct WordBox {
    pub text: String,
    pub rect: [f32; 4],
    pub page: (f32, f32),
}

/// Every word's box, from `pdftotext -bbox`.
pub fn word_boxes(path: &Path) -> Option<Vec<WordBox>> {
    let p = path.to_str().expect("path");
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8", p, "-"])?;
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).expect("attribute") + key.len();
        let end = start + tag[start..].find('"').expect("quote");
        tag[start..end].parse().expect("number")
    };
    let mut page = (0.0, 0.0);
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let text_start = line.find('>').expect("tag end") + 1;
            let text_end = line.rfind("</word>").expect("close");
            words.push(WordBox {
                text: line[text_start..text_end].to_owned(),
                rect: ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(line, n)),
                page,
            });
        }
    }
    Some(words)
}

/// Every word lies inside the page's inner border (`inset` points from each edge).
pub fn assert_inside(path: &Path, inset: f32) {
    let Some(words) = word_boxes(path) else {
        return;
    };
    assert!(!words.is_empty(), "no text found in {}", path.display());
    for w in words {
        let [x0, y0, x1, y1] = w.rect;
        let (pw, ph) = w.page;
        assert!(
            x0 >= inset && y0 >= inset && x1 <= pw - inset && y1 <= ph - inset,
            "{:?} at {:?} is outside the border of {}",
            w.text,
            w.rect,
            path.display()
        );
    }
}

pub fn date(text: &str) -> Date {
    Date::parse_iso(text).expect("date")
}

/// A certificate as the app would issue it, for `full_name`.
pub fn record(full_name: &str, lang: Lang, modules: Vec<ModuleResult>) -> CompletionRecord {
    issue(
        IssueInput {
            course_id: "trygg-exempelregionen".into(),
            content_version: "2025-11-a1b2c3d4".into(),
            organisation: "Exempelregionen".into(),
            learner: Learner {
                full_name: full_name.into(),
                employee_number: "E-10427".into(),
                unit: "Akutmottagningen, Skånes universitetssjukhus".into(),
                email: "lukasz.sahin@exempelregionen.example".into(),
            },
            role: Role::Manager,
            lang,
            modules,
            validity_months: 12,
        },
        1_764_000_000_000,
    )
}

pub fn module(id: &str, title: &str, percent: u8, passed_on: &str) -> ModuleResult {
    ModuleResult {
        id: id.into(),
        title: title.into(),
        percent,
        passed_on: date(passed_on),
    }
}

/// The shipped course's six modules with Swedish titles.
pub fn six_modules() -> Vec<ModuleResult> {
    vec![
        module("roles", "Roller och ansvar", 100, "2025-11-03"),
        module("threats", "Hot och risker", 90, "2025-11-04"),
        module("report", "Att rapportera", 85, "2025-11-05"),
        module("violence", "Hot och våld", 100, "2025-11-10"),
        module(
            "preparedness",
            "Beredskap för kris och krig",
            80,
            "2025-11-12",
        ),
        module("everyday", "Säkerhet i vardagen", 95, "2025-11-14"),
    ]
}

/// The Python that runs `inspect_pdf.py`: `$TRYGG_PDF_PYTHON`, else the venv that
/// `scripts/setup.sh` makes (`target/pdf-check-venv`, with pikepdf and pdfua), else
/// `python3`.
fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("TRYGG_PDF_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = workspace().join("target/pdf-check-venv/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

/// A checker that is missing skips its check on a developer's machine (with a note), but
/// fails under CI, where `scripts/setup.sh` must have installed it.
pub fn missing(what: &str) {
    let msg = format!("{what} is not installed (scripts/setup.sh --browser installs it)");
    assert!(std::env::var_os("CI").is_none(), "{msg}");
    eprintln!("note: {msg}; check skipped");
}

/// What `inspect_pdf.py` (pikepdf, and the `pdfua` checker when present) reads from the
/// PDF at `path`; `None` when pikepdf is not installed.
pub fn inspect(path: &Path) -> Option<serde_json::Value> {
    let script = workspace().join("core/tests/pdf_support/inspect_pdf.py");
    let out = Command::new(python()).arg(script).arg(path).output();
    let out = match out {
        Ok(out) => out,
        Err(_) => {
            missing("python3");
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("No module named 'pikepdf'") {
        missing("pikepdf");
        return None;
    }
    assert!(
        out.status.success(),
        "inspect_pdf.py {} failed: {stderr}",
        path.display()
    );
    Some(serde_json::from_slice(&out.stdout).expect("inspect_pdf.py prints JSON"))
}

/// `qpdf --check` finds nothing wrong with the file's syntax, streams or cross-reference.
pub fn assert_qpdf_clean(path: &Path) {
    let out = match Command::new("qpdf").arg("--check").arg(path).output() {
        Ok(out) => out,
        Err(_) => return missing("qpdf"),
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "qpdf --check {}: {text}{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

/// A name that needs three lines and three scripts.
pub const LONG_NAME: &str =
    "Maximiliana Aleksandra Świętochowska-Wiśniewska-Nguyễn Thị Ngọc Bích Ольга Дмитриевна";

/// `count` modules with titles long enough to wrap: the table runs onto a second page.
pub fn many_modules(count: usize) -> Vec<ModuleResult> {
    let words = "Säkerhetsskydd, informationssäkerhet och beredskap för kris och höjd beredskap";
    (0..count)
        .map(|i| {
            module(
                &format!("m{i}"),
                &format!("{words} del {i}"),
                80 + (i % 21) as u8,
                "2025-10-01",
            )
        })
        .collect()
}

/// The certificate's labels in a shipped language, from its `ui.json`.
pub fn certificate_labels(lang: Lang) -> CertificateLabels {
    CertificateLabels::from_words(&content_support::shipped_words(lang))
}

/// The pocket card's labels in a shipped language, from its `ui.json`.
pub fn pocket_labels(lang: Lang) -> PocketCardLabels {
    PocketCardLabels::from_words(&content_support::shipped_words(lang))
}

/// The shipped organisation and the threats-and-violence module the pocket card is made of,
/// filled in `lang`.
pub fn pocket_content(lang: Lang) -> (Organisation, Module) {
    let course = content_support::shipped_course_in(Some(lang));
    let module = course
        .pocket_card_module()
        .expect("violence module")
        .clone();
    (course.organisation, module)
}

/// A section's list items without markup, as they read on the card.
pub fn list_items(module: &Module, id: &str) -> Vec<String> {
    let section = module
        .sections
        .iter()
        .find(|s| s.id == id)
        .expect("section");
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::List { items, .. } => Some(
                items
                    .iter()
                    .map(|t| t.text.value.replace("**", ""))
                    .collect(),
            ),
            _ => None,
        })
        .expect("a list")
}
