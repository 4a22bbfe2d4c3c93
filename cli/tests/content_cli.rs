//! `trygg content check` as a user meets it: exit codes and output, on a copy of the core's
//! fixture course with one thing broken at a time.

mod cli_support;

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use cli_support::{copy_fixture, trygg};
use serde_json::Value;

/// The texts each language of the fixture should have: every UI text the app reads (the
/// fixture's words are made whole, see `copy_fixture`), its course texts and its two modules'.
fn texts() -> usize {
    trygg_core::language::ui_catalogue().count() + 11 + 39 + 10
}

/// Coverage as the check gives it: rounded down.
fn percent(present: usize, total: usize) -> usize {
    present * 100 / total
}

/// A fresh copy of the fixture course in a unique temporary folder.
struct Copy(PathBuf);

impl Copy {
    fn new() -> Copy {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "trygg-content-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        copy_fixture(&dir);
        Copy(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }

    /// Replaces the one occurrence of `from` in `file`.
    fn replace(&self, file: &str, from: &str, to: &str) -> &Self {
        let path = self.0.join(file);
        let text = fs::read_to_string(&path).expect("read");
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {file}");
        fs::write(&path, text.replace(from, to)).expect("write");
        self
    }

    fn check(&self, json: bool) -> (i32, String, String) {
        if json {
            trygg(&["content", "check", self.path(), "--json"])
        } else {
            trygg(&["content", "check", self.path()])
        }
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The options of alpha's first question, the second one right; and with none right.
const ONE_RIGHT: &str = r#"[{"id": "a"}, {"id": "b", "correct": true}, {"id": "c"}]"#;
const NONE_RIGHT: &str = r#"[{"id": "a"}, {"id": "b"}, {"id": "c"}]"#;

#[test]
fn help_and_version() {
    let (code, out, _) = trygg(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("trygg content check DIR [--json]"));
    assert!(out.contains("trygg verify"));
    let (code, out, _) = trygg(&["--version"]);
    assert_eq!((code, out.as_str()), (0, "trygg 0.1.0\n"));
}

#[test]
fn usage_errors_exit_2() {
    let missing = std::env::temp_dir().join("trygg-content-cli-no-such-folder");
    let missing = missing.to_str().expect("utf-8");
    for args in [
        &[][..],
        &["frobnicate"],
        &["content"],
        &["content", "lint"],
        &["content", "check"],
        &["content", "check", "a", "b"],
        &["content", "check", ".", "--yaml"],
        &["content", "check", missing],
        &["content", "schema"],
    ] {
        let (code, out, err) = trygg(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(!err.is_empty(), "{args:?}");
    }
}

#[test]
fn a_built_folder_points_to_its_content() {
    let built =
        std::env::temp_dir().join(format!("trygg-content-cli-built-{}", std::process::id()));
    let _ = fs::remove_dir_all(&built);
    copy_fixture(&built.join("content"));
    let (code, out, err) = trygg(&["content", "check", built.to_str().expect("utf-8")]);
    assert_eq!((code, out.as_str()), (2, ""));
    let inner = built.join("content");
    assert!(err.contains(&format!("is in {}", inner.display())), "{err}");
    let (code, _, _) = trygg(&["content", "check", inner.to_str().expect("utf-8")]);
    assert_eq!(code, 0);
    let _ = fs::remove_dir_all(&built);
}

#[test]
fn valid_content_prints_a_summary() {
    let copy = Copy::new();
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Course trygg-test, content version "));
    assert_eq!(
        lines[0].len(),
        "Course trygg-test, content version ".len() + 12
    );
    let n = texts();
    let sv = format!("  sv    source, {n} of {n} texts (100 %); missing 0, stale 0, for ids gone 0, placeholders off 0");
    let en = format!("  en    translation, {n} of {n} texts (100 %); missing 0, stale 0, for ids gone 0, placeholders off 0");
    assert_eq!(
        &lines[1..],
        [
            "Languages:",
            sv.as_str(),
            en.as_str(),
            "Modules (2):",
            "  alpha  Ansvar och rapportering (3 sections, 5 questions)",
            "  beta   Beredskap (1 section, 2 questions)",
            "Balance (true/false answered true; multiple-choice by right options):",
            "  alpha  true/false 0 of 1 (0 %); multiple 2 right: 1",
            "  beta   true/false 1 of 1 (100 %); multiple none",
            "Test-wise cues (seen [chance]; L/M/S: the key is the longest, a middle or the shortest option):",
            "  alpha  sv  true/false absolute 0:0, need-not 0:1, neither 0:0 (true:false); single L/M/S 0/0/1 [0.33/0.33/0.33]; scenario L/M/S 1/1/0 [0.5/1/0.5]; multiple longest right 0 of 1 [0.67]; reason right 0 of 0 [0]; absolute right 1 of 3 [1]",
            "  alpha  en  true/false absolute 0:0, need-not 0:1, neither 0:0 (true:false); single L/M/S 0/0/1 [0.33/0.33/0.33]; scenario L/M/S 1/0/1 [1/0/1]; multiple longest right 0 of 1 [0.67]; reason right 0 of 0 [0]; absolute right 1 of 3 [1]",
            "  beta   sv  true/false absolute 0:0, need-not 0:0, neither 1:0 (true:false); single L/M/S 0/0/1 [0.5/0/0.5]; scenario L/M/S 0/0/0 [0/0/0]; multiple longest right 0 of 0 [0]; reason right 0 of 0 [0]; absolute right 0 of 0 [0]",
            "  beta   en  true/false absolute 0:0, need-not 0:0, neither 1:0 (true:false); single L/M/S 0/0/1 [0.5/0/0.5]; scenario L/M/S 0/0/0 [0/0/0]; multiple longest right 0 of 0 [0]; reason right 0 of 0 [0]; absolute right 0 of 0 [0]",
            "Lesson sections: 4",
            "Questions: 7 (single 2, multiple 1, true_false 2, ordering 1, scenario 1)",
            "Roles:",
            "  employee: 1 required, 1 optional",
            "  manager: 2 required, 0 optional",
            "  elected: 1 required, 0 optional",
            "OK: no problems found",
        ]
    );
}

#[test]
fn valid_content_as_json() {
    let copy = Copy::new();
    let (code, out, _) = copy.check(true);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["ok"], true);
    assert_eq!(v["course_id"], "trygg-test");
    assert_eq!(v["version"].as_str().map(str::len), Some(12));
    assert_eq!(v["languages"], serde_json::json!(["sv", "en"]));
    assert_eq!(v["modules"][1]["id"], "beta");
    assert_eq!(v["questions_by_type"]["scenario"], 1);
    assert_eq!(v["roles"][2]["role"], "elected");
    assert_eq!(v["warnings"], serde_json::json!([]));
    let translations = v["translations"].as_array().expect("a report per language");
    assert_eq!(translations.len(), 2);
    assert_eq!(translations[0]["lang"], "sv");
    assert_eq!(translations[0]["source"], true);
    assert_eq!(translations[1]["lang"], "en");
    assert_eq!(translations[1]["coverage"], 100);
    assert_eq!(translations[1]["texts"], texts());
}

#[test]
fn balance_out_of_its_aims_is_a_warning_with_figures() {
    let copy = Copy::new();
    // alpha's "select all" question: ask in the singular, in English only, which suggests
    // one right option. The figures are read one language at a time, so the warning names it.
    copy.replace(
        "languages/en/modules/alpha.json",
        r#""prompt": "What do you report? Select all that apply.""#,
        r#""prompt": "Which one of these do you report?""#,
    );
    let expected = "modules/alpha.json: en: multiple-choice prompts that ask for one thing: \
                    what-report; ask in a form that fits any number of right options";
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    // Said once: the employees' pool has the same question, and the same words are not repeated.
    assert_eq!(out.matches("warning: ").count(), 1, "{out}");
    assert!(out.contains(&format!("warning: {expected}\n")), "{out}");
    let (code, out, _) = copy.check(true);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["warnings"], serde_json::json!([expected]));
    let cues = &v["modules"][0]["balance"]["cues"];
    assert_eq!(cues[0]["lang"], "sv");
    assert_eq!(cues[0]["singular_multiple"], serde_json::json!([]));
    assert_eq!(cues[1]["lang"], "en");
    assert_eq!(
        cues[1]["singular_multiple"],
        serde_json::json!(["what-report"])
    );
}

#[test]
fn a_role_pool_out_of_its_aims_is_named_with_the_role() {
    let copy = Copy::new();
    // Reasons ("because …") on three wrong options everyone sees, and on the two right
    // choices of the manager-only scenario: in balance for the whole module, but employees,
    // who do not get the scenario, see reasons only on wrong options. Written in English, so
    // the Swedish they were translated from stays as it was and no translation goes stale.
    let a = "languages/en/modules/alpha.json";
    copy.replace(
        a,
        r#""a": "Only the security unit""#,
        r#""a": "Only the security unit, because it knows how""#,
    )
    .replace(
        a,
        r#""c": "Only managers""#,
        r#""c": "Only managers, because they lead""#,
    )
    .replace(
        a,
        r#""c": "The lunch menu""#,
        r#""c": "The lunch menu, because it changes""#,
    )
    .replace(
        a,
        r#""text": "Listen""#,
        r#""text": "Listen, because it calms""#,
    )
    .replace(
        a,
        r#""text": "Report""#,
        r#""text": "Report, because it is needed""#,
    )
    // Keeps the wise choice from being the longest in both of the scenario's steps.
    .replace(
        a,
        r#""text": "Wait""#,
        r#""text": "Wait and see what happens after that""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    let warnings: Vec<&str> = out.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(
        warnings,
        ["warning: modules/alpha.json: (employee) en: options with a reason (because …) that are right: 0 of 3; chance gives 1.33; aim for 1–2"],
        "{out}"
    );
}

#[test]
fn the_version_is_the_same_as_the_core_computes() {
    let copy = Copy::new();
    let files: Vec<(String, Vec<u8>)> = [
        "organisation.json",
        "modules/alpha.json",
        "modules/beta.json",
    ]
    .iter()
    .map(|f| (f.to_string(), fs::read(copy.0.join(f)).expect("read")))
    .collect();
    // The structure alone gives the version, as the browser computes it.
    let course = trygg_core::content::load_structure(&files).expect("loads");
    let (_, out, _) = copy.check(true);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["version"], course.version.as_str());
}

#[test]
fn a_problem_is_printed_as_file_path_message_and_exits_1() {
    let copy = Copy::new();
    copy.replace("modules/alpha.json", ONE_RIGHT, NONE_RIGHT);
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1);
    let file = copy.0.join("modules/alpha.json");
    assert_eq!(
        out,
        format!(
            "{}: questions[0].options: no option is marked correct (question \"who-responsible\")\n1 problem found\n",
            file.display()
        )
    );
}

#[test]
fn problems_as_json() {
    let copy = Copy::new();
    copy.replace("modules/alpha.json", ONE_RIGHT, NONE_RIGHT)
        .replace(
            "organisation.json",
            r#""pass_mark": 80"#,
            r#""pass_mark": 0"#,
        );
    let (code, out, _) = copy.check(true);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["ok"], false);
    assert_eq!(
        v["issues"],
        serde_json::json!([
            {"file": "organisation.json", "path": "pass_mark", "message": "pass mark 0 must be between 1 and 100"},
            {"file": "modules/alpha.json", "path": "questions[0].options", "message": "no option is marked correct (question \"who-responsible\")"}
        ])
    );
}

#[test]
fn malformed_json_and_missing_module() {
    let copy = Copy::new();
    copy.replace(
        "sources.json",
        r#""title": "Testpolicy B","#,
        r#""title": "Testpolicy B""#,
    );
    fs::remove_file(copy.0.join("modules/beta.json")).expect("remove");
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1);
    let sources = copy.0.join("sources.json");
    assert_eq!(
        out,
        format!(
            "{}: invalid JSON at line 16, column 7: expected `,` or `}}`\n1 problem found\n",
            sources.display()
        )
    );
    copy.replace(
        "sources.json",
        r#""title": "Testpolicy B""#,
        r#""title": "Testpolicy B","#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1);
    let org = copy.0.join("organisation.json");
    assert_eq!(
        out,
        format!(
            "{}: modules[1]: module \"beta\" is listed but modules/beta.json is missing\n1 problem found\n",
            org.display()
        )
    );
}

#[test]
fn unlisted_module_files_and_uncovered_points_are_warnings() {
    let copy = Copy::new();
    fs::write(copy.0.join("modules/draft.json"), "{").expect("write");
    fs::write(copy.0.join("modules/notes.txt"), "ignored").expect("write");
    copy.replace(
        "modules/beta.json",
        r#""source": {"seed": "seed-b.txt", "section": "Beredskap", "points": ["b-prepare"]},
      "blocks""#,
        r#""source": {"seed": "seed-b.txt", "section": "Beredskap"},
      "blocks""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(
        "warning: modules/draft.json is not listed in organisation.json and was not checked\n"
    ));
    assert!(out.contains("warning: point \"b-prepare\" is not cited by any lesson section\n"));
    assert!(!out.contains("notes.txt"));
    assert!(out.ends_with("OK: no problems found\n"));
    let (_, out, _) = copy.check(true);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["uncovered"][0]["point"], "b-prepare");
    assert_eq!(v["uncovered"][0]["missing_in"], "lesson");
}

#[test]
fn a_text_problem_is_named_by_its_language_file_and_key() {
    let copy = Copy::new();
    copy.replace(
        "languages/en/modules/alpha.json",
        r#""prompt": "Who is responsible for security?""#,
        r#""prompt": "Who is <b>responsible</b>?""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    let file = copy.0.join("languages/en/modules/alpha.json");
    assert_eq!(
        out,
        format!(
            "{}: questions.who-responsible.prompt: HTML is not allowed; use **bold** and \
             [label](https://…)\n1 problem found\n",
            file.display()
        )
    );
}

#[test]
fn markup_in_a_heading_or_an_app_word_is_a_problem_named_with_its_text() {
    let copy = Copy::new();
    copy.replace(
        "languages/en/modules/alpha.json",
        r#""title": "Everyone is responsible""#,
        r#""title": "Everyone is [ansvarig]{lang=sv}""#,
    )
    .replace(
        "languages/en/ui.json",
        r#""quiz.check": "Check answer""#,
        r#""quiz.check": "Check **answer**""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    for (file, key, text) in [
        (
            "languages/en/modules/alpha.json",
            "sections.everyone.title",
            "Everyone is [ansvarig]{lang=sv}",
        ),
        ("languages/en/ui.json", "quiz.check", "Check **answer**"),
    ] {
        let line = format!(
            "{}: {key}: \"{text}\" has markup, but this place shows its text as typed",
            copy.0.join(file).display()
        );
        assert!(out.contains(&line), "{line}\nnot in\n{out}");
    }
    assert!(out.ends_with("2 problems found\n"), "{out}");
}

#[test]
fn gaps_in_a_translation_are_warnings_with_its_coverage() {
    let copy = Copy::new();
    copy.replace(
        "languages/en/modules/beta.json",
        r#""prompt": "Water belongs to home preparedness.","#,
        "",
    )
    .replace(
        "languages/sv/ui.json",
        r#""quiz.check": "Kontrollera svaret""#,
        r#""quiz.check": "Kontrollera""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    let n = texts();
    assert!(
        out.contains(&format!(
            "\n  en    translation, {} of {n} texts ({} %); missing 1, stale 1, for ids gone 0, \
             placeholders off 0\n",
            n - 1,
            percent(n - 1, n)
        )),
        "{out}"
    );
    for warning in [
        "languages/en: 1 text is missing and shows in the fallback language: \
         modules/beta.json: questions.water.prompt",
        "languages/en: 1 text was translated from a source text that has changed since: \
         ui.json: quiz.check",
    ] {
        assert!(out.contains(&format!("warning: {warning}\n")), "{out}");
    }
    let (code, out, _) = copy.check(true);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let en = &v["translations"][1];
    assert_eq!(
        en["missing"],
        serde_json::json!([{"file": "modules/beta.json", "key": "questions.water.prompt"}])
    );
    assert_eq!(en["coverage"], percent(texts() - 1, texts()));
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_placeholder_lost_or_a_brace_left_open_fails_the_check_as_the_import_refuses_it() {
    let file = |copy: &Copy| copy.0.join("languages/en/ui.json").display().to_string();
    let lost = Copy::new();
    lost.replace(
        "languages/en/ui.json",
        r#""quiz.counter": "Question {n} of {total}""#,
        r#""quiz.counter": "Question {n}""#,
    );
    let (code, out, _) = lost.check(false);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "{}: quiz.counter: uses {{n}} where the source uses {{n}}, {{total}}\n1 problem found\n",
            file(&lost)
        )
    );
    let open = Copy::new();
    open.replace(
        "languages/en/ui.json",
        r#""quiz.check": "Check answer""#,
        r#""quiz.check": "Check {answer""#,
    );
    let (code, out, _) = open.check(false);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "{}: quiz.check: the \"{{\" before \"answer\" is never closed\n1 problem found\n",
            file(&open)
        )
    );
}

#[test]
fn the_source_languages_words_are_checked_against_what_the_app_reads() {
    let file = |copy: &Copy| copy.0.join("languages/sv/ui.json").display().to_string();
    // A placeholder the app never fills in, typed in the source language.
    let typo = Copy::new();
    typo.replace(
        "languages/sv/ui.json",
        r#""quiz.intro.pass": "För godkänt krävs {mark} % av poängen.""#,
        r#""quiz.intro.pass": "För godkänt krävs {procent} % av poängen.""#,
    );
    let (code, out, _) = typo.check(false);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with(&format!(
            "{}: quiz.intro.pass: uses {{procent}}, which the app does not fill in: the page \
             would show it as typed (it fills in {{mark}})\n",
            file(&typo)
        )),
        "the source language is named first: {out}"
    );
    // A text the app reads, deleted from the source language, which has no fallback.
    let gone = Copy::new();
    gone.replace(
        "languages/sv/ui.json",
        r#"  "quiz.intro.pass": "För godkänt krävs {mark} % av poängen.",
"#,
        "",
    );
    let (code, out, _) = gone.check(false);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "{}: quiz.intro.pass: text is missing: the page would show the key in its place",
            file(&gone)
        )),
        "{out}"
    );
}

#[test]
fn a_broken_ui_file_fails_the_check_with_its_key() {
    let copy = Copy::new();
    copy.replace(
        "languages/en/ui.json",
        r#""other": "{count} accepted certificates""#,
        r#""several": "{count} accepted certificates""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    let file = copy.0.join("languages/en/ui.json");
    assert!(
        out.starts_with(&format!(
            "{}: manager.summary.accepted.several: \"several\" is not a plural category",
            file.display()
        )),
        "{out}"
    );
    assert!(out.ends_with("1 problem found\n"), "{out}");
}

#[test]
fn the_check_needs_sources_json_and_the_source_languages_files() {
    let copy = Copy::new();
    fs::remove_file(copy.0.join("sources.json")).expect("remove");
    let (code, out, _) = copy.check(true);
    assert_eq!(code, 1, "{out}");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["issues"],
        serde_json::json!([{"file": "sources.json", "path": "", "message": "file is missing"}])
    );
    let copy = Copy::new();
    copy.replace(
        "organisation.json",
        r#""pass_mark": 80"#,
        r#""pass_mark": 0"#,
    );
    fs::remove_file(copy.0.join("sources.json")).expect("remove");
    let (_, out, _) = copy.check(true);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["issues"][0]["file"], "organisation.json");
    assert_eq!(v["issues"][1]["file"], "sources.json");
    // A module's texts missing in the source language: one problem for the file.
    let copy = Copy::new();
    fs::remove_file(copy.0.join("languages/sv/modules/beta.json")).expect("remove");
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    let file = copy.0.join("languages/sv/modules/beta.json");
    assert_eq!(
        out,
        format!("{}: file is missing\n1 problem found\n", file.display())
    );
    // In a translation, the fallback shows instead and the report says what is missing.
    let copy = Copy::new();
    fs::remove_file(copy.0.join("languages/en/modules/beta.json")).expect("remove");
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    let n = texts();
    assert!(
        out.contains(&format!(
            "  en    translation, {} of {n} texts ({} %); missing 10,",
            n - 10,
            percent(n - 10, n)
        )),
        "{out}"
    );
}

#[test]
fn cue_words_are_the_languages_files() {
    // Without English cue words the English figures are read on length alone, and it says so;
    // the reason cue that warned above is no longer measured.
    let copy = Copy::new();
    fs::remove_file(copy.0.join("languages/en/cues.json")).expect("remove");
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("  en: no languages/en/cues.json, so only length cues are measured\n"),
        "{out}"
    );
    assert!(!out.contains("sv: no languages/sv/cues.json"), "{out}");
    let (_, json, _) = copy.check(true);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["without_cue_words"], serde_json::json!(["en"]));

    // A list the check cannot use is a problem naming the file, the list and the word.
    let copy = Copy::new();
    copy.replace("languages/sv/cues.json", r#""alltid""#, r#""Alltid""#);
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    let file = copy.0.join("languages/sv/cues.json").display().to_string();
    assert!(out.contains(&file), "{out}");
    assert!(
        out.contains(r#"absolutes: "Alltid" must be a lower-case word"#),
        "{out}"
    );
}

#[test]
fn a_broken_translation_file_is_one_problem_listed_once() {
    let copy = Copy::new();
    copy.replace(
        "languages/en/modules/alpha.json",
        r#""prompt": "Who is responsible for security?""#,
        r#""prompt": "Who is "responsible" for security?""#,
    );
    let (code, out, _) = copy.check(false);
    assert_eq!(code, 1, "{out}");
    let file = copy
        .0
        .join("languages/en/modules/alpha.json")
        .display()
        .to_string();
    assert_eq!(out.matches(&file).count(), 1, "{out}");
    assert!(out.ends_with("1 problem found\n"), "{out}");
}
