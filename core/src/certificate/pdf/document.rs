//! Turns drawn pages into a PDF file: catalog, metadata (title and language for screen
//! readers and file managers), the pages, the fonts, and an optional attached file.

use pdf_writer::types::AssociationKind;
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::canvas::{Canvas, Face};
use super::embed::write_font;
use super::PdfError;
use crate::content::Lang;
use crate::date::Date;

/// A file carried inside the PDF (PDF 1.7 EmbeddedFiles, and `AF` for PDF/A-3 readers).
pub(crate) struct Attachment<'b> {
    pub name: String,
    pub description: String,
    pub mime: &'static [u8],
    pub bytes: &'b [u8],
}

/// What the document says about itself.
pub(crate) struct Meta<'b> {
    pub title: String,
    pub subject: String,
    pub lang: Lang,
    pub date: Option<Date>,
    pub attachment: Option<Attachment<'b>>,
}

const CATALOG: Ref = Ref::new(1);
const PAGES: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
const FILE: Ref = Ref::new(4);
const FILE_SPEC: Ref = Ref::new(5);
const FIRST_PAGE: i32 = 6;

/// Writes the finished PDF. The attachment is written first and uncompressed, so a
/// reader without a PDF parser ([`crate::certificate::extract_from_pdf`]) finds it.
pub(crate) fn finish(canvas: Canvas, meta: Meta) -> Result<Vec<u8>, PdfError> {
    let mut pdf = Pdf::new();
    let page_count = i32::try_from(canvas.pages.len()).unwrap_or(i32::MAX);
    let font_base = FIRST_PAGE + 2 * page_count;

    let mut catalog = pdf.catalog(CATALOG);
    catalog.pages(PAGES).lang(TextStr(meta.lang.code()));
    catalog.viewer_preferences().display_doc_title(true);
    if let Some(file) = &meta.attachment {
        catalog
            .names()
            .embedded_files()
            .names()
            .insert(Str(file.name.as_bytes()), FILE_SPEC);
        catalog.insert(Name(b"AF")).array().item(FILE_SPEC);
    }
    catalog.finish();

    let mut info = pdf.document_info(INFO);
    info.title(TextStr(&meta.title))
        .subject(TextStr(&meta.subject))
        .creator(TextStr("Trygg"))
        .producer(TextStr("Trygg (pdf-writer)"));
    if let Some(d) = meta.date.and_then(pdf_date) {
        info.creation_date(d);
    }
    info.finish();

    if let Some(file) = &meta.attachment {
        let size = i32::try_from(file.bytes.len()).unwrap_or(i32::MAX);
        let mut embedded = pdf.embedded_file(FILE, file.bytes);
        embedded.subtype(Name(file.mime));
        embedded.params().size(size);
        embedded.finish();
        pdf.file_spec(FILE_SPEC)
            .path(Str(file.name.as_bytes()))
            .unic_file(TextStr(&file.name))
            .description(TextStr(&file.description))
            .association_kind(AssociationKind::Data)
            .embedded_file_with_unicode(FILE);
    }

    let page_refs: Vec<Ref> = (0..page_count)
        .map(|i| Ref::new(FIRST_PAGE + 2 * i))
        .collect();
    pdf.pages(PAGES)
        .kids(page_refs.iter().copied())
        .count(page_count);

    let faces = [(Face::Regular, &canvas.regular), (Face::Bold, &canvas.bold)];
    let mut fonts = Vec::new();
    for (i, (face, glyphs)) in faces.iter().enumerate() {
        if glyphs.chars.is_empty() {
            continue;
        }
        let (family, which) = match face {
            Face::Regular => ("TryggSans", "regular"),
            Face::Bold => ("TryggSans-Bold", "bold"),
        };
        let first = Ref::new(font_base + 6 * i as i32);
        fonts.push((*face, write_font(&mut pdf, first, glyphs, family, which)?));
    }

    let media = Rect::new(0.0, 0.0, canvas.width, canvas.height);
    for (page_ref, content) in page_refs.iter().zip(canvas.pages) {
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(*page_ref);
        page.parent(PAGES).media_box(media).contents(content_ref);
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for (face, id) in &fonts {
            font_dict.pair(face.resource(), *id);
        }
        font_dict.finish();
        resources.finish();
        page.finish();
        pdf.stream(content_ref, &content.finish());
    }
    Ok(pdf.finish())
}

fn pdf_date(d: Date) -> Option<pdf_writer::Date> {
    let year = u16::try_from(d.year).ok().filter(|y| *y <= 9999)?;
    Some(pdf_writer::Date::new(year).month(d.month).day(d.day))
}
