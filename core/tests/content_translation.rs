//! The translators' round trip: `export_po` writes a language's texts as a PO file,
//! `import_po` reads one back into the language's files. Exported and imported without edits,
//! every file comes back byte for byte, but for texts of ids the structure no longer has,
//! which are left out; edits land in the right file and key, and a file with a bad edit is
//! refused whole.

mod content_support;

use std::collections::BTreeMap;

use content_support::edit::*;
use content_support::{fixture_files, lang, shipped_files};
use serde_json::Value;
use trygg_core::content::{
    course_slots, export_po, import_po, language_reports, load_course_in, module_slots, text_hash,
    Import, ImportError, ImportProblem, TextPlace, CUES_FILE, TRANSLATED_FROM_FILE,
};
use trygg_core::language::{parse_po, PoEntry, PoFile};

fn languages(files: &[(String, Vec<u8>)]) -> Vec<String> {
    let org = files
        .iter()
        .find(|(f, _)| f == ORG)
        .expect("organisation.json");
    let org = trygg_core::content::parse_organisation(ORG, &org.1).expect("organisation parses");
    org.languages
        .iter()
        .map(|l| l.tag.code().to_owned())
        .collect()
}

/// Exports `tag` and imports the file unedited; every file the import writes must be the
/// file as it was, and every file of the language must be written. A language with texts for
/// ids the structure no longer has (its report's orphans, left when a new edition of the
/// source moved or dropped them) loses exactly those, there and in `translated-from.json`,
/// and nothing else.
fn assert_round_trip(name: &str, files: &[(String, Vec<u8>)], tag: &str) {
    let export = export_po(files, lang(tag)).unwrap_or_else(|e| panic!("{name} {tag}: {e:?}"));
    let import =
        import_po(files, export.po.as_bytes()).unwrap_or_else(|e| panic!("{name} {tag}: {e:?}"));
    assert_eq!(import.lang, lang(tag));
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let folder = format!("languages/{tag}/");
    let before: Bytes = files
        .iter()
        // The check's cue words are not text for translators: no PO file carries them.
        .filter(|(f, _)| f.starts_with(&folder) && !f.ends_with(CUES_FILE))
        .cloned()
        .collect();
    let after: Bytes = import
        .files
        .iter()
        .map(|(f, t)| (f.clone(), t.clone().into_bytes()))
        .collect();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "{name} {tag}: the files written are the language's files"
    );
    let orphans = orphans_of(files, tag);
    for (file, bytes) in &before {
        let written = &after[file];
        let relative = file.strip_prefix(&folder).unwrap_or(file);
        let gone: Vec<String> = if relative == TRANSLATED_FROM_FILE {
            orphans
                .iter()
                .map(|o| format!("{}|{}", o.file, o.key))
                .collect()
        } else {
            orphans
                .iter()
                .filter(|o| o.file == relative)
                .map(|o| o.key.clone())
                .collect()
        };
        if gone.is_empty() {
            assert!(
                written == bytes,
                "{name}: {file} changed on a round trip without edits:\n{}",
                first_difference(bytes, written)
            );
            continue;
        }
        let mut kept = flat_json(bytes, relative == TRANSLATED_FROM_FILE);
        let dropped: Vec<String> = kept
            .keys()
            .filter(|k| {
                gone.iter()
                    .any(|g| k == &g || k.starts_with(&format!("{g}.")))
            })
            .cloned()
            .collect();
        assert_eq!(dropped.len(), gone.len(), "{name}: {file}: {gone:?}");
        for key in dropped {
            kept.remove(&key);
        }
        assert_eq!(
            flat_json(written, relative == TRANSLATED_FROM_FILE),
            kept,
            "{name}: {file}: a round trip drops the texts of ids gone, and only those"
        );
    }
}

/// The texts of `tag` that belong to no id of the structure, by the language's report.
fn orphans_of(files: &[(String, Vec<u8>)], tag: &str) -> Vec<TextPlace> {
    let source = load_course_in(files, None).unwrap_or_else(|e| panic!("{e:?}"));
    let reports = language_reports(files, &source).unwrap_or_else(|e| panic!("{e:?}"));
    reports
        .into_iter()
        .find(|r| r.lang == tag)
        .map(|r| r.orphans)
        .unwrap_or_default()
}

/// A JSON file's string leaves by dotted path (without `$schema`); in `translated-from.json`
/// the file and the key are joined by `|`, as the key itself has dots.
fn flat_json(bytes: &[u8], by_file: bool) -> BTreeMap<String, String> {
    fn walk(value: &Value, path: &str, out: &mut BTreeMap<String, String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter().filter(|(k, _)| !k.starts_with('$')) {
                    let key = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(v, &key, out);
                }
            }
            other => {
                out.insert(path.to_owned(), other.to_string());
            }
        }
    }
    let value: Value = serde_json::from_slice(bytes).expect("JSON");
    let mut out = BTreeMap::new();
    if by_file {
        for (file, entries) in value.as_object().expect("object") {
            for (key, hash) in entries.as_object().expect("object") {
                out.insert(format!("{file}|{key}"), hash.to_string());
            }
        }
    } else {
        walk(&value, "", &mut out);
    }
    out
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n- {x}\n+ {y}", i + 1);
        }
    }
    format!("lengths {} and {}", a.len(), b.len())
}

#[test]
fn the_shipped_languages_come_back_byte_for_byte() {
    let files = shipped_files();
    let tags = languages(&files);
    assert!(tags.len() >= 2, "{tags:?}");
    for tag in &tags {
        assert_round_trip("shipped", &files, tag);
    }
}

#[test]
fn the_fixture_languages_come_back_byte_for_byte() {
    let files = fixture_files();
    for tag in languages(&files) {
        assert_round_trip("fixture", &files, &tag);
    }
}

// ---- helpers for edits on the fixture ----

type List = Vec<(String, Vec<u8>)>;

fn export(files: &List, tag: &str) -> PoFile {
    let export = export_po(files, lang(tag)).unwrap_or_else(|e| panic!("{e:?}"));
    parse_po(&export.po).unwrap_or_else(|e| panic!("{e:?}"))
}

fn entry<'a>(po: &'a mut PoFile, context: &str) -> &'a mut PoEntry {
    po.entries
        .iter_mut()
        .find(|e| e.context.as_deref() == Some(context))
        .unwrap_or_else(|| panic!("no entry {context}"))
}

fn import(files: &List, po: &PoFile) -> Import {
    import_po(files, po.write().as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn refused(files: &List, po: &PoFile) -> Vec<ImportProblem> {
    match import_po(files, po.write().as_bytes()) {
        Err(ImportError::Refused(problems)) => problems,
        other => panic!("not refused: {other:?}"),
    }
}

/// A file the import would write, as JSON.
fn written(import: &Import, path: &str) -> Value {
    let (_, text) = import
        .files
        .iter()
        .find(|(f, _)| f == path)
        .unwrap_or_else(|| panic!("{path} not written"));
    serde_json::from_str(text).expect("JSON")
}

/// The fixture with the import's files in place of the language's.
fn after(files: &List, import: &Import) -> List {
    let mut out: BTreeMap<String, Vec<u8>> = files.iter().cloned().collect();
    for (path, text) in &import.files {
        out.insert(path.clone(), text.clone().into_bytes());
    }
    out.into_iter().collect()
}

/// The fixture with one file's JSON edited.
fn edited(path: &str, edit: impl FnOnce(&mut Value)) -> List {
    let mut files = fixture_json();
    edit(files.get_mut(path).expect("fixture file"));
    let mut list = as_list(to_bytes(&files));
    // Keep every other file's bytes as shipped, so only the edit differs.
    let shipped: BTreeMap<String, Vec<u8>> = fixture_files().into_iter().collect();
    for (f, b) in &mut list {
        if f != path {
            *b = shipped[f].clone();
        }
    }
    list
}

fn stale_places(files: &List) -> Vec<TextPlace> {
    let course = load_course_in(files, None).expect("course loads");
    let reports = language_reports(files, &course).expect("reports");
    reports[1].stale.clone()
}

// ---- what the export writes ----

#[test]
fn every_text_of_the_structure_is_an_entry_keyed_by_file_and_key() {
    let files = fixture_files();
    let po = export(&files, "en");
    let contexts: Vec<&str> = po
        .entries
        .iter()
        .filter_map(|e| e.context.as_deref())
        .collect();
    let mut course = load_course_in(&files, None).expect("course");
    let mut expected: Vec<String> =
        course_slots(&mut course.organisation.clone(), course.modules.iter_mut())
            .into_iter()
            .map(|(k, _)| format!("course.json|{k}"))
            .collect();
    for module in &mut course.modules {
        let file = format!("modules/{}.json", module.id);
        expected.extend(
            module_slots(module)
                .into_iter()
                .map(|(k, _)| format!("{file}|{k}")),
        );
    }
    let ui: Vec<&str> = contexts
        .iter()
        .copied()
        .filter(|c| c.starts_with("ui.json|"))
        .collect();
    assert_eq!(
        ui,
        [
            "ui.json|quiz.check",
            "ui.json|quiz.counter",
            "ui.json|manager.summary.accepted[one]",
            "ui.json|manager.summary.accepted[other]"
        ]
    );
    let rest: Vec<&str> = contexts[ui.len()..].to_vec();
    assert_eq!(rest, expected);
    let e = entry(&mut po.clone(), "modules/beta.json|sections.prepare.l1.a").clone();
    assert_eq!(
        (e.source.as_str(), e.translation.as_str()),
        ("Vatten", "Water")
    );
    assert_eq!(e.references, ["modules/beta.json:sections.prepare.l1.a"]);
    assert!(!e.fuzzy);
    assert_eq!(po.header_value("Language"), Some("en"));
    assert_eq!(po.header_value("X-Source-Language"), Some("sv"));
}

#[test]
fn notes_tell_the_translator_where_a_text_stands_and_what_it_must_keep() {
    let mut po = export(&fixture_files(), "en");
    let notes = |po: &mut PoFile, context: &str| entry(po, context).notes.join("\n");
    let right = notes(&mut po, "modules/beta.json|questions.radio.a");
    assert!(
        right.contains("question radio: \"Varför en batteriradio?\""),
        "{right}"
    );
    assert!(right.contains("Answer option: right answer."), "{right}");
    let wrong = notes(&mut po, "modules/beta.json|questions.radio.b");
    assert!(wrong.contains("Answer option: wrong answer."), "{wrong}");
    let statement = notes(&mut po, "modules/beta.json|questions.water.prompt");
    assert!(
        statement.contains("It is true: the translation must stay true"),
        "{statement}"
    );
    let item = notes(&mut po, "modules/beta.json|sections.prepare.l1.b");
    assert!(item.contains("lesson section \"Förbered dig\""), "{item}");
    assert!(item.contains("Item 2 of 2 of a bulleted list."), "{item}");
    let link = notes(&mut po, "modules/beta.json|sections.prepare.c2.text");
    assert!(link.contains("Text of a warning box"), "{link}");
    assert!(link.contains("[link text](address)"), "{link}");
    let heading = notes(&mut po, "modules/beta.json|sections.prepare.title");
    assert!(heading.contains("Length: a heading"), "{heading}");
    let counter = notes(&mut po, "ui.json|quiz.counter");
    assert!(
        counter.contains("Keep {n}, {total} as written"),
        "{counter}"
    );
    let button = notes(&mut po, "ui.json|quiz.check");
    assert!(button.contains("short label"), "{button}");
    let one = notes(&mut po, "ui.json|manager.summary.accepted[one]");
    assert!(one.contains("plural form \"one\""), "{one}");
    let feedback = notes(
        &mut po,
        "modules/alpha.json|questions.manager-follow-up.listen.b.feedback",
    );
    assert!(feedback.contains("(wrong answer)"), "{feedback}");
}

#[test]
fn a_translation_of_an_older_source_text_is_fuzzy_and_stays_stale_until_cleared() {
    let files = edited(SV_BETA, |v| {
        v["questions"]["radio"]["a"] = "Den fungerar utan ström och nät".into();
    });
    let key = "modules/beta.json|questions.radio.a";
    let mut po = export(&files, "en");
    assert!(entry(&mut po, key).fuzzy);
    assert_eq!(
        entry(&mut po, key).source,
        "Den fungerar utan ström och nät"
    );
    assert_eq!(
        po.entries.iter().filter(|e| e.fuzzy).count(),
        1,
        "only the changed text"
    );
    let stale = vec![TextPlace {
        file: "modules/beta.json".into(),
        key: "questions.radio.a".into(),
    }];
    assert_eq!(stale_places(&files), stale);

    // Imported as it is: the text stays, and so does the old record: still stale.
    let unchanged = import(&files, &po);
    assert_eq!(unchanged.fuzzy, 1);
    assert_eq!(stale_places(&after(&files, &unchanged)), stale);

    // Reviewed (new words, the mark cleared): the record is of the new source text.
    let e = entry(&mut po, key);
    e.fuzzy = false;
    e.translation = "It works without power or network".into();
    let reviewed = import(&files, &po);
    let from = written(&reviewed, EN_FROM);
    assert_eq!(
        from["modules/beta.json"]["questions.radio.a"],
        text_hash("Den fungerar utan ström och nät").as_str()
    );
    assert_eq!(
        written(&reviewed, EN_BETA)["questions"]["radio"]["a"],
        "It works without power or network"
    );
    assert!(stale_places(&after(&files, &reviewed)).is_empty());
}

#[test]
fn a_missing_text_is_an_empty_entry_and_an_empty_entry_a_missing_text() {
    let files = edited(EN_BETA, |v| {
        v["sections"]["prepare"]["l1"]
            .as_object_mut()
            .unwrap()
            .remove("b");
    });
    let mut po = export(&files, "en");
    assert_eq!(
        entry(&mut po, "modules/beta.json|sections.prepare.l1.b").translation,
        ""
    );
    let export = export_po(&files, lang("en")).unwrap();
    assert_eq!(export.missing, 1);

    // Cleared by the translator: that text goes, with its record.
    entry(&mut po, "modules/beta.json|questions.radio.b")
        .translation
        .clear();
    let imported = import(&files, &po);
    assert_eq!(imported.missing, 2);
    let beta = written(&imported, EN_BETA);
    assert!(beta["sections"]["prepare"]["l1"].get("b").is_none());
    assert!(beta["questions"]["radio"].get("b").is_none());
    assert_eq!(beta["questions"]["radio"]["a"], "It works without power");
    let from = written(&imported, EN_FROM);
    assert!(from["modules/beta.json"].get("questions.radio.b").is_none());
    assert!(from["modules/beta.json"].get("questions.radio.a").is_some());
}

#[test]
fn an_edit_lands_in_its_file_and_key_and_records_its_source() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    entry(&mut po, "ui.json|quiz.check").translation = "Check".into();
    entry(&mut po, "ui.json|manager.summary.accepted[one]").translation =
        "one accepted certificate".into();
    entry(&mut po, "course.json|modules.beta.title").translation = "Being ready".into();
    let imported = import(&files, &po);
    let ui = written(&imported, EN_UI);
    assert_eq!(ui["quiz.check"], "Check");
    assert_eq!(
        ui["manager.summary.accepted"]["one"],
        "one accepted certificate"
    );
    assert_eq!(
        written(&imported, EN_COURSE)["modules"]["beta"]["title"],
        "Being ready"
    );
    let changed: Vec<&str> = imported
        .files
        .iter()
        .filter(|(f, t)| {
            files
                .iter()
                .find(|(p, _)| p == f)
                .map(|(_, b)| b.as_slice())
                != Some(t.as_bytes())
        })
        .map(|(f, _)| f.as_str())
        .collect();
    assert_eq!(
        changed,
        [EN_UI, EN_COURSE],
        "no other file and no record changes"
    );
    // The Swedish files are not among those written.
    assert!(imported
        .files
        .iter()
        .all(|(f, _)| f.starts_with("languages/en/")));
}

#[test]
fn a_text_the_file_does_not_mention_keeps_what_it_had() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    po.entries
        .retain(|e| e.context.as_deref() != Some("modules/alpha.json|sections.everyone.p1"));
    let imported = import(&files, &po);
    assert_eq!(after(&files, &imported), files);
}

#[test]
fn texts_for_ids_that_are_gone_are_dropped_and_unknown_entries_skipped() {
    let files = edited(EN_BETA, |v| {
        v["questions"]["gone"] = serde_json::json!({"prompt": "Old question"});
    });
    let mut po = export(&files, "en");
    let mut extra = entry(&mut po, "modules/beta.json|questions.radio.a").clone();
    extra.context = Some("modules/beta.json|questions.removed.a".into());
    po.entries.push(extra);
    let imported = import(&files, &po);
    assert!(written(&imported, EN_BETA)["questions"]
        .get("gone")
        .is_none());
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert!(imported.warnings[0].contains("modules/beta.json|questions.removed.a"));
    assert_eq!(after(&files, &imported), fixture_files());
}

#[test]
fn texts_are_written_in_the_structures_order() {
    let files = edited(EN_BETA, |v| {
        let questions = v["questions"].as_object().unwrap().clone();
        let mut reordered = serde_json::Map::new();
        for key in ["radio", "water"] {
            reordered.insert(key.into(), questions[key].clone());
        }
        v["questions"] = Value::Object(reordered);
    });
    let imported = import(&files, &export(&files, "en"));
    assert_eq!(after(&files, &imported), fixture_files());
}

#[test]
fn a_bad_edit_refuses_the_whole_file_with_every_problem() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    entry(&mut po, "ui.json|quiz.counter").translation = "Question {n} of {count}".into();
    entry(&mut po, "modules/beta.json|questions.radio.a").translation = "<b>Power</b>".into();
    entry(&mut po, "modules/beta.json|sections.prepare.c2.text").translation =
        "Call [112](http://x) now".into();
    entry(&mut po, "ui.json|manager.summary.accepted[other]")
        .translation
        .clear();
    entry(&mut po, "course.json|modules.alpha.title").translation = "Fine".into();
    let problems = refused(&files, &po);
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "sorted by line: {lines:?}"
    );
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.context.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[0].0, "ui.json|quiz.counter");
    assert_eq!(
        found[0].1,
        "uses {count}, {n} where the source uses {n}, {total}"
    );
    assert_eq!(found[1].0, "ui.json|manager.summary.accepted[other]");
    assert!(found[1].1.contains("\"other\" form"), "{found:?}");
    assert_eq!(found[2].0, "modules/beta.json|sections.prepare.c2.text");
    assert_eq!(found[3].0, "modules/beta.json|questions.radio.a");
    assert!(found[3].1.contains("HTML"), "{found:?}");
    let written = po.write();
    for p in &problems {
        let line = written.lines().nth(p.line - 1).unwrap();
        assert!(line.starts_with("msgstr"), "line {} is {line}", p.line);
    }
}

#[test]
fn markup_is_refused_where_the_app_shows_the_text_as_typed() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    let marked = "Be [ready]{lang=en-GB}";
    for context in [
        "ui.json|quiz.check",
        "course.json|modules.beta.title",
        "modules/beta.json|sections.prepare.title",
    ] {
        entry(&mut po, context).translation = marked.into();
    }
    // An answer option shows its markup, so there it is a translation like any other.
    entry(&mut po, "modules/beta.json|questions.radio.a").translation = marked.into();
    let problems = refused(&files, &po);
    let found: Vec<&str> = problems.iter().map(|p| p.context.as_str()).collect();
    assert_eq!(
        found,
        [
            "ui.json|quiz.check",
            "course.json|modules.beta.title",
            "modules/beta.json|sections.prepare.title"
        ]
    );
    assert!(
        problems.iter().all(|p| p.message.contains(marked)),
        "{problems:?}"
    );
}

#[test]
fn the_file_must_name_a_language_of_the_course() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    po.header.retain(|(n, _)| n != "Language");
    let problems = refused(&files, &po);
    assert!(
        problems[0].message.contains("names no Language"),
        "{problems:?}"
    );
    po.header.push(("Language".into(), "fi".into()));
    let problems = refused(&files, &po);
    assert!(problems[0]
        .message
        .contains("\"fi\" is not one of the course's languages (sv, en)"));
    // gettext's spelling of a tag is taken for the course's.
    po.header.last_mut().unwrap().1 = "EN".into();
    assert_eq!(import(&files, &po).lang, lang("en"));
    let problems = match import_po(
        &files,
        b"msgid \"\"\nmsgstr \"Language: en\\n\"\nmsgid \"x\"\n",
    ) {
        Err(ImportError::Refused(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(problems[0].line, 3);
}

#[test]
fn the_source_language_can_be_proofread_but_not_emptied() {
    let files = fixture_files();
    let mut po = export(&files, "sv");
    let e = entry(&mut po, "modules/beta.json|questions.radio.b");
    assert_eq!(e.source, e.translation);
    e.translation = "Den är billigare än en mobil".into();
    let imported = import(&files, &po);
    assert!(imported.source);
    assert!(imported
        .files
        .iter()
        .all(|(f, _)| !f.ends_with("translated-from.json")));
    let files = after(&files, &imported);
    assert_eq!(
        stale_places(&files),
        [TextPlace {
            file: "modules/beta.json".into(),
            key: "questions.radio.b".into()
        }],
        "the translation of the edited text is now stale"
    );
    entry(&mut po, "modules/beta.json|questions.radio.a")
        .translation
        .clear();
    let problems = refused(&files, &po);
    assert!(problems[0]
        .message
        .contains("source language needs every text"));
}

#[test]
fn a_new_language_starts_empty_and_gets_only_the_files_it_has_texts_for() {
    let mut files = edited(ORG, |v| {
        v["languages"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"tag": "fi", "name": "Suomi"}));
    });
    let export = export_po(&files, lang("fi")).unwrap();
    assert_eq!(
        export.missing,
        export.entries - 1,
        "all but the optional plural form"
    );
    let mut po = parse_po(&export.po).unwrap();
    assert!(po.entries.iter().all(|e| e.translation.is_empty()));
    entry(&mut po, "modules/beta.json|sections.prepare.l1.a").translation = "Vesi".into();
    entry(&mut po, "ui.json|quiz.check").translation = "Tarkista vastaus".into();
    let imported = import(&files, &po);
    let names: Vec<&str> = imported.files.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        names,
        [
            "languages/fi/ui.json",
            "languages/fi/modules/beta.json",
            "languages/fi/translated-from.json"
        ]
    );
    let from = written(&imported, "languages/fi/translated-from.json");
    assert_eq!(
        from["ui.json"]["quiz.check"],
        text_hash("Kontrollera svaret").as_str()
    );
    assert_eq!(
        from["modules/beta.json"]["sections.prepare.l1.a"],
        text_hash("Vatten").as_str()
    );
    files = after(&files, &imported);
    let course = load_course_in(&files, Some(lang("fi"))).expect("the new language loads");
    assert_eq!(course.modules[1].sections[0].title.as_str(), "Förbered dig");
}

#[test]
fn a_plural_form_the_source_lacks_can_be_given_when_the_language_writes_it() {
    let files = edited(EN_UI, |v| {
        v["manager.summary.accepted"]["few"] = "{count} accepted (few)".into();
    });
    let mut po = export(&files, "en");
    let few = entry(&mut po, "ui.json|manager.summary.accepted[few]");
    assert_eq!(
        few.source, "{count} godkända bevis",
        "the source's other form"
    );
    few.translation = "{count} accepted, a few".into();
    let imported = import(&files, &po);
    let ui = written(&imported, EN_UI);
    assert_eq!(
        ui["manager.summary.accepted"]["few"],
        "{count} accepted, a few"
    );
    let (_, text) = imported.files.iter().find(|(f, _)| f == EN_UI).unwrap();
    let at = |form: &str| text.find(&format!("\"{form}\": ")).unwrap();
    assert!(
        at("one") < at("few") && at("few") < at("other"),
        "in CLDR order:\n{text}"
    );
    // A form may leave a placeholder out, never bring one the source lacks.
    entry(&mut po, "ui.json|manager.summary.accepted[one]").translation = "one accepted".into();
    import(&files, &po);
    entry(&mut po, "ui.json|manager.summary.accepted[one]").translation = "{n} accepted".into();
    let problems = refused(&files, &po);
    assert!(problems[0].message.contains("only {count}"), "{problems:?}");
}

#[test]
fn a_translation_records_the_source_text_it_was_made_from_not_todays() {
    // Exported, then the Swedish changes while the translator works.
    let files = fixture_files();
    let mut po = export(&files, "en");
    let key = "modules/beta.json|questions.radio.b";
    entry(&mut po, key).translation = "It costs less than a phone".into();
    let changed_source = edited(SV_BETA, |v| {
        v["questions"]["radio"]["b"] = "Den är billigare än en mobiltelefon".into();
    });
    let imported = import(&changed_source, &po);
    let from = written(&imported, EN_FROM);
    assert_eq!(
        from["modules/beta.json"]["questions.radio.b"],
        text_hash("Den är billigare än en telefon").as_str()
    );
    assert_eq!(
        stale_places(&after(&changed_source, &imported)),
        [TextPlace {
            file: "modules/beta.json".into(),
            key: "questions.radio.b".into()
        }],
        "still to be brought up to date with the new source text"
    );
}

#[test]
fn braces_entities_and_html_that_would_show_as_typed_are_refused_with_what_is_wrong() {
    let files = fixture_files();
    let mut po = export(&files, "en");
    // A placeholder left open: the message says so, not that another placeholder is missing.
    entry(&mut po, "ui.json|quiz.counter").translation = "Question {n of {total}".into();
    // Braces round a word that is no placeholder.
    entry(&mut po, "ui.json|quiz.check").translation = "Check {answer now}".into();
    // An HTML entity, in a word of the app and in a lesson text.
    entry(&mut po, "course.json|modules.alpha.title").translation = "Safe&nbsp;work".into();
    entry(&mut po, "modules/beta.json|sections.prepare.c2.text").translation =
        "Call 112 &amp; stay".into();
    // HTML where the text shows as typed: no advice to use markup that place would refuse.
    entry(&mut po, "modules/beta.json|sections.prepare.title").translation =
        "Be <b>ready</b>".into();
    let problems = refused(&files, &po);
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.context.as_str(), p.message.as_str()))
        .collect();
    let message = |context: &str| {
        found
            .iter()
            .find(|(c, _)| *c == context)
            .map(|(_, m)| m.to_string())
            .unwrap_or_else(|| panic!("{context} not refused: {found:?}"))
    };
    assert!(
        message("ui.json|quiz.counter").contains("never closed"),
        "{found:?}"
    );
    assert!(message("ui.json|quiz.check").contains("\"{answer now}\" is not a placeholder"));
    assert!(message("course.json|modules.alpha.title").contains("\"&nbsp;\" is an HTML entity"));
    assert!(message("modules/beta.json|sections.prepare.c2.text").contains("\"&amp;\""));
    let html = message("modules/beta.json|sections.prepare.title");
    assert!(
        html.contains("HTML") && !html.contains("**bold**"),
        "{html}"
    );
    assert_eq!(found.len(), 5, "{found:?}");
}
