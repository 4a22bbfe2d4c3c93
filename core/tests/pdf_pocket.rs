//! The pocket card from the shipped content: one A6 page, both numbers, and the steps from
//! the violence module's "before", "during" and "after" sections, in the learner's language.

mod pdf_support;

use pdf_support::{
    assert_inside, flat_text, lang, list_items, pocket_content, pocket_labels as labels,
    shipped_languages, tool, write, Fonts,
};
use trygg_core::certificate::pdf::{pocket_card_pdf, PocketCardContent};
use trygg_core::content::{Block, Module, Text};

fn field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .map_or("", str::trim)
}

/// The first three words of a section's first step: what must appear on the card.
fn first_item_start(module: &Module, id: &str) -> String {
    let first = list_items(module, id).swap_remove(0);
    first
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last three words of a section's last step: the card must not cut it short.
fn last_item_end(module: &Module, id: &str) -> String {
    let last = list_items(module, id).pop().expect("a step");
    let words: Vec<&str> = last.split_whitespace().collect();
    words[words.len().saturating_sub(3)..].join(" ")
}

#[test]
fn card_has_numbers_and_steps_in_every_language() {
    let fonts = Fonts::load();
    for lang in shipped_languages() {
        let (org, module) = pocket_content(lang);
        let card = PocketCardContent::of(&org, &module, lang);
        let pdf = pocket_card_pdf(&card, &labels(lang), &fonts.get()).expect("pdf");
        let path = write(&format!("pocket-{}.pdf", lang.code()), &pdf);
        assert_inside(&path, 18.0);
        let Some(text) = flat_text(&path) else { return };
        let l = labels(lang);
        let mut expected = vec![
            org.name.value.clone(),
            org.emergency.public.clone(),
            org.emergency.internal_alarm.clone(),
            l.emergency.clone(),
            l.internal_alarm.clone(),
        ];
        let desk = org
            .it_service_desk
            .as_ref()
            .expect("the shipped course has one");
        expected.push(format!("{}: {}", desk.name, desk.phone));
        for id in ["before", "during", "after"] {
            let section = module
                .sections
                .iter()
                .find(|s| s.id == id)
                .expect("section");
            expected.push(section.title.value.clone());
            expected.push(first_item_start(&module, id));
        }
        for line in expected {
            assert!(
                text.contains(&line),
                "{line:?} missing ({}):\n{text}",
                lang.code()
            );
        }
        // Every step in full: safety advice is never cut off on the shipped card.
        assert!(
            !text.contains('…'),
            "a step is cut ({}):\n{text}",
            lang.code()
        );
        for id in ["before", "during", "after"] {
            let ending = last_item_end(&module, id);
            assert!(
                text.contains(&ending),
                "{ending:?} missing ({}):\n{text}",
                lang.code()
            );
        }
        let Some(info) = tool("pdfinfo", &[path.to_str().expect("path")]) else {
            return;
        };
        // The shipped steps do not fit one side in readable type: a front and a back.
        assert_eq!(field(&info, "Pages"), "2");
        // A6 is 105 × 148 mm; poppler does not name the size.
        assert_eq!(field(&info, "Page size"), "297.638 x 419.528 pts");
        let title = format!("{} – {}", l.title, module.title);
        assert_eq!(field(&info, "Title"), title);
        assert!(pdf
            .windows(10)
            .any(|w| w == format!("/Lang ({})", lang.code()).as_bytes()));
    }
}

#[test]
fn long_steps_are_cut_with_an_ellipsis_and_stay_on_the_card() {
    let fonts = Fonts::load();
    let sv = lang("sv");
    let (org, mut module) = pocket_content(sv);
    let long = "Ett mycket långt steg som fortsätter och fortsätter ".repeat(12);
    for section in &mut module.sections {
        for block in &mut section.blocks {
            if let Block::List { items, .. } = block {
                for item in items.iter_mut() {
                    item.text = Text::new(long.clone());
                }
                items.extend(items.clone());
            }
        }
    }
    let card = PocketCardContent::of(&org, &module, sv);
    let pdf = pocket_card_pdf(&card, &labels(sv), &fonts.get()).expect("pdf");
    let path = write("pocket-long.pdf", &pdf);
    assert_inside(&path, 18.0);
    if let Some(text) = flat_text(&path) {
        assert!(text.contains('…'), "{text}");
        assert!(text.contains(org.emergency.internal_alarm.as_str()));
        for id in ["before", "during", "after"] {
            let section = module
                .sections
                .iter()
                .find(|s| s.id == id)
                .expect("section");
            assert!(
                text.contains(section.title.as_str()),
                "{id} heading kept:\n{text}"
            );
        }
    }
}

#[test]
fn paragraphs_stand_in_when_a_section_has_no_list_and_missing_sections_are_skipped() {
    let fonts = Fonts::load();
    let en = lang("en");
    let (org, mut module) = pocket_content(en);
    module.sections.retain(|s| s.id != "after");
    for section in &mut module.sections {
        section.blocks.retain(|b| !matches!(b, Block::List { .. }));
    }
    let card = PocketCardContent::of(&org, &module, en);
    let pdf = pocket_card_pdf(&card, &labels(en), &fonts.get()).expect("pdf");
    let path = write("pocket-paragraphs.pdf", &pdf);
    assert_inside(&path, 18.0);
    let Some(text) = flat_text(&path) else { return };
    let before = module
        .sections
        .iter()
        .find(|s| s.id == "before")
        .expect("before");
    let para = before
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.value.clone()),
            _ => None,
        })
        .expect("a paragraph");
    let start: String = para
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&start), "{start:?} missing:\n{text}");
    assert!(!text.contains("After:"), "{text}");
}
