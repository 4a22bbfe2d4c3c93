//! `trygg content export` and `trygg content import` as a coordinator of translators meets
//! them: a PO file out, edited as a tool would, read back in; a bad edit refused with every
//! problem named by line and nothing written; usage mistakes with exit code 2.

mod cli_support;

use cli_support::{copy_fixture, trygg};
use std::fs;
use std::path::{Path, PathBuf};

/// A fresh copy of the core's fixture course in a temporary folder named for the test.
fn fixture_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trygg-po-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_fixture(&dir);
    dir
}

fn text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, with its bytes, to tell whether anything changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.push((path.clone(), fs::read(&path).expect("read")));
        }
    }
    out.sort();
    out
}

#[test]
fn a_translation_goes_out_and_comes_back_in() {
    let dir = fixture_copy("round");
    let content = dir.to_str().expect("utf-8");
    let po = dir.join("en.po");
    let po_path = po.to_str().expect("utf-8");
    let (code, out, err) = trygg(&[
        "content", "export", "--lang", "en", "--out", po_path, content,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    // Every text of the fixture (its words made whole from the shipped files), all translated.
    assert!(
        err.contains(" entries in en, 0 without a translation, 0 fuzzy"),
        "{err}"
    );
    // To standard output, the same file.
    let (code, out, _) = trygg(&["content", "export", "--lang=en", content]);
    assert_eq!(code, 0);
    assert_eq!(out, text(&po));

    // Unedited: nothing changes.
    let before = snapshot(&dir);
    let (code, out, err) = trygg(&["content", "import", po_path, content]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("0 of 5 files rewritten"), "{out}");
    assert_eq!(snapshot(&dir), before);

    // As a tool saves it: one translation changed.
    let edited = text(&po).replace(
        "msgstr \"Check answer\"",
        "msgstr \"Check\\tthe \\\"answer\\\"\"",
    );
    assert_ne!(edited, text(&po));
    fs::write(&po, edited).expect("write");
    let (code, out, err) = trygg(&["content", "import", po_path, content]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("1 of 5 files rewritten: languages/en/ui.json"),
        "{out}"
    );
    assert!(text(&dir.join("languages/en/ui.json"))
        .contains("\"quiz.check\": \"Check\\tthe \\\"answer\\\"\","));
    let (code, _, err) = trygg(&["content", "check", content]);
    assert_eq!(code, 0, "{err}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_edit_is_refused_by_line_and_nothing_is_written() {
    let dir = fixture_copy("refused");
    let content = dir.to_str().expect("utf-8");
    let po = dir.join("en.po");
    let po_path = po.to_str().expect("utf-8");
    let (code, _, err) = trygg(&[
        "content", "export", "--lang", "en", "--out", po_path, content,
    ]);
    assert_eq!(code, 0, "{err}");
    let edited = text(&po)
        .replace(
            "msgstr \"Question {n} of {total}\"",
            "msgstr \"Question {n}\"",
        )
        .replace("msgstr \"Check answer\"", "msgstr \"<b>Check</b>\"");
    fs::write(&po, &edited).expect("write");
    let line_of = |needle: &str| edited.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let before = snapshot(&dir);
    let (code, out, err) = trygg(&["content", "import", po_path, content]);
    assert_eq!(code, 1, "{out}{err}");
    let expected = [
        format!(
            "{po_path}:{}: ui.json|quiz.check: HTML is not allowed",
            line_of("<b>Check</b>")
        ),
        format!(
            "{po_path}:{}: ui.json|quiz.counter: uses {{n}} where the source uses {{n}}, {{total}}",
            line_of("msgstr \"Question {n}\"")
        ),
    ];
    for e in &expected {
        assert!(err.contains(e.as_str()), "{e}\nnot in\n{err}");
    }
    assert!(
        err.contains("2 problems found; nothing was written"),
        "{err}"
    );
    assert_eq!(snapshot(&dir), before);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn mistakes_in_the_command_are_usage_errors() {
    let dir = fixture_copy("usage");
    let content = dir.to_str().expect("utf-8");
    for args in [
        vec!["content", "export", content],
        vec!["content", "export", "--lang", "e n", content],
        vec!["content", "export", "--lang", "en"],
        vec!["content", "export", "--lang", "en", "--colour", content],
        vec!["content", "export", "--lang"],
        vec!["content", "import", content],
        vec!["content", "import", "missing.po", content],
    ] {
        let (code, _, err) = trygg(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty());
    }
    // A language the course does not list is a problem with the content, named.
    let (code, _, err) = trygg(&["content", "export", "--lang", "fi", content]);
    assert_eq!(code, 1);
    assert!(
        err.contains("fi is not one of the course's languages (sv, en)"),
        "{err}"
    );
    // That is all it says: the check would find nothing, so it does not send the reader there.
    assert!(!err.contains("fix them first"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, out, _) = trygg(&["content", "export", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("trygg content import FILE DIR"));
    let _ = fs::remove_dir_all(&dir);
}
