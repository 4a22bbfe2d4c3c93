//! Turns drawn pages into a PDF file: catalog, metadata (title and language for screen
//! readers and file managers, XMP for archives), the structure tree, the colour profile
//! PDF/A asks for, the pages, the fonts, and an optional attached file.

use pdf_writer::types::{AssociationKind, OutputIntentSubtype};
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::canvas::{Canvas, Face};
use super::embed::write_font;
use super::xmp::Xmp;
use super::PdfError;
use crate::content::Lang;
use crate::date::Date;

/// The sRGB colour profile the pages' colours are given in: `sRGB.icc` from Debian's
/// `icc-profiles-free` (zlib licence, see `srgb-icc-LICENSE.txt`).
const SRGB: &[u8] = include_bytes!("srgb.icc");

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
const CREATOR: &str = "Trygg";
const PRODUCER: &str = "Trygg (pdf-writer)";

/// Writes the finished PDF, tagged for PDF/UA-1 and identified as PDF/A-3b. The
/// attachment is written first and uncompressed, so a reader without a PDF parser
/// ([`crate::certificate::extract_from_pdf`]) finds it.
pub(crate) fn finish(canvas: Canvas, meta: Meta) -> Result<Vec<u8>, PdfError> {
    let mut pdf = Pdf::new();
    let page_count = i32::try_from(canvas.pages.len()).unwrap_or(i32::MAX);
    let font_base = FIRST_PAGE + 2 * page_count;
    let metadata = Ref::new(font_base + 12);
    let profile = Ref::new(font_base + 13);
    let tree_root = Ref::new(font_base + 14);
    let date = meta.date.and_then(|d| pdf_date(d).map(|p| (d, p)));

    write_catalog(&mut pdf, &meta, [metadata, profile, tree_root]);

    let mut info = pdf.document_info(INFO);
    info.title(TextStr(&meta.title))
        .subject(TextStr(&meta.subject))
        .creator(TextStr(CREATOR))
        .producer(TextStr(PRODUCER));
    if let Some((_, d)) = date {
        info.creation_date(d).modified_date(d);
    }
    info.finish();

    if let Some(file) = &meta.attachment {
        write_attachment(&mut pdf, file, date.map(|(_, d)| d));
    }

    let xmp = Xmp {
        title: &meta.title,
        subject: &meta.subject,
        lang: meta.lang.code(),
        creator: CREATOR,
        producer: PRODUCER,
        date: date.map(|(d, _)| d),
        conforms: canvas.regular.complete() && canvas.bold.complete(),
    };
    let packet = xmp.packet();
    pdf.metadata(metadata, &packet);
    pdf.icc_profile(profile, SRGB).n(3);

    let page_refs: Vec<Ref> = (0..page_count)
        .map(|i| Ref::new(FIRST_PAGE + 2 * i))
        .collect();
    pdf.pages(PAGES)
        .kids(page_refs.iter().copied())
        .count(page_count);
    canvas
        .tags
        .write(&mut pdf, tree_root, &page_refs, font_base + 15);

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

    // The file's identifier comes from what it shows and carries, so the same record
    // gives the same bytes and a different one a different identifier.
    let mut id = FileId::new();
    id.update(meta.title.as_bytes());
    id.update(&packet);
    if let Some(file) = &meta.attachment {
        id.update(file.bytes);
    }
    let media = Rect::new(0.0, 0.0, canvas.width, canvas.height);
    for (i, (page_ref, content)) in page_refs.iter().zip(canvas.pages).enumerate() {
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(*page_ref);
        page.parent(PAGES)
            .media_box(media)
            .contents(content_ref)
            .struct_parents(i32::try_from(i).unwrap_or(i32::MAX));
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for (face, id) in &fonts {
            font_dict.pair(face.resource(), *id);
        }
        font_dict.finish();
        resources.finish();
        page.finish();
        let bytes = content.finish();
        id.update(&bytes);
        pdf.stream(content_ref, &bytes);
    }
    let id = id.bytes();
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

/// The catalog: what a reader, a screen reader and an archive look at first.
fn write_catalog(pdf: &mut Pdf, meta: &Meta, [metadata, profile, tree_root]: [Ref; 3]) {
    let mut catalog = pdf.catalog(CATALOG);
    catalog
        .pages(PAGES)
        .lang(TextStr(meta.lang.code()))
        .metadata(metadata);
    catalog.pair(Name(b"StructTreeRoot"), tree_root);
    catalog.mark_info().marked(true);
    catalog.viewer_preferences().display_doc_title(true);
    catalog
        .output_intents()
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr("sRGB"))
        .info(TextStr("sRGB IEC61966-2.1"))
        .dest_output_profile(profile);
    if let Some(file) = &meta.attachment {
        catalog
            .names()
            .embedded_files()
            .names()
            .insert(Str(file.name.as_bytes()), FILE_SPEC);
        catalog.insert(Name(b"AF")).array().item(FILE_SPEC);
    }
}

/// The attached file as PDF/A-3 wants an associated file: MIME type, size and
/// modification date on the stream, both names and the relationship on its spec.
fn write_attachment(pdf: &mut Pdf, file: &Attachment, date: Option<pdf_writer::Date>) {
    let size = i32::try_from(file.bytes.len()).unwrap_or(i32::MAX);
    let mut embedded = pdf.embedded_file(FILE, file.bytes);
    embedded.subtype(Name(file.mime));
    let mut params = embedded.params();
    params.size(size);
    if let Some(d) = date {
        params.modification_date(d);
    }
    params.finish();
    embedded.finish();
    pdf.file_spec(FILE_SPEC)
        .path(Str(file.name.as_bytes()))
        .unic_file(TextStr(&file.name))
        .description(TextStr(&file.description))
        .association_kind(AssociationKind::Data)
        .embedded_file_with_unicode(FILE);
}

/// A day as a PDF date at midnight UTC, the form the XMP packet repeats.
fn pdf_date(d: Date) -> Option<pdf_writer::Date> {
    let year = u16::try_from(d.year).ok().filter(|y| *y <= 9999)?;
    Some(
        pdf_writer::Date::new(year)
            .month(d.month)
            .day(d.day)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0),
    )
}

/// The 16 bytes of a file identifier: two 64-bit FNV-1a hashes from different starting
/// points. PDF asks only that different files get different identifiers, and a
/// cryptographic hash would add 6 KB to the PDF maker for nothing.
struct FileId([u64; 2]);

impl FileId {
    fn new() -> Self {
        FileId([0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142])
    }

    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            for h in &mut self.0 {
                *h = (*h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.to_be_bytes()).collect()
    }
}
