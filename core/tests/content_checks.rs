//! Every content check, one broken thing at a time: the fixture course in
//! `tests/fixtures/content` is valid; each test changes one thing in a copy of its files and
//! asserts the exact issue (file, JSON path, message) the checker reports.

mod content_support;

use content_support::edit::*;
use serde_json::json;
use trygg_core::content::{
    load_structure, parse_module, uncovered_points, validate, Balance, ContentIssue,
    ContentSummary, Course, CueLexicon, Module, Role,
};

/// The fixture course in its first language.
fn load_bytes(files: Bytes) -> Result<Course, Vec<ContentIssue>> {
    check_bytes(files).map(|mut courses| courses.remove(0))
}

fn load_json(files: &Files) -> Result<Course, Vec<ContentIssue>> {
    check_json(files).map(|mut courses| courses.remove(0))
}

// ---- the fixture itself ----

#[test]
fn fixture_is_valid_and_complete() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    assert_eq!(course.modules.len(), 2);
    assert_eq!(course.version.len(), 12);
    assert!(course.version.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(uncovered_points(&course).is_empty());
    let courses = check_bytes(fixture_bytes()).expect("every language loads");
    let langs: Vec<Option<&str>> = courses
        .iter()
        .map(|c| c.lang.as_ref().map(|l| l.code()))
        .collect();
    assert_eq!(langs, [Some("sv"), Some("en")]);
    for course in &courses {
        assert!(course.modules.iter().all(|m| course.has_texts(&m.id)));
    }
}

#[test]
fn lookups_follow_course_order_and_roles() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    assert_eq!(course.module("beta").map(|m| m.quiz_size), Some(2));
    assert!(course.module("gamma").is_none());
    let ids = |ms: Vec<&Module>| -> Vec<String> { ms.into_iter().map(|m| m.id.clone()).collect() };
    assert_eq!(ids(course.required_modules(Role::Employee)), ["alpha"]);
    assert_eq!(ids(course.optional_modules(Role::Employee)), ["beta"]);
    assert_eq!(
        ids(course.required_modules(Role::Manager)),
        ["alpha", "beta"]
    );
    assert!(course.optional_modules(Role::Manager).is_empty());
    assert_eq!(ids(course.required_modules(Role::Elected)), ["beta"]);
}

/// The fixture's cue words, as `trygg content check` reads them.
fn lexicon() -> CueLexicon {
    CueLexicon::from_files(&content_support::fixture_files()).expect("the fixture's cue words read")
}

#[test]
fn summary_counts_the_fixture() {
    let courses = check_bytes(fixture_bytes()).expect("fixture loads");
    let course = &courses[0];
    let summary =
        serde_json::to_value(ContentSummary::of(&courses, &lexicon())).expect("serialize");
    assert_eq!(summary["course_id"], "trygg-test");
    assert_eq!(summary["version"], json!(course.version));
    assert_eq!(summary["languages"], json!(["sv", "en"]));
    assert_eq!(summary["total_sections"], 4);
    assert_eq!(summary["total_questions"], 7);
    assert_eq!(
        summary["questions_by_type"],
        json!({"single": 2, "multiple": 1, "true_false": 2, "ordering": 1, "scenario": 1})
    );
    assert_eq!(
        summary["modules"][0]["title"],
        json!("Ansvar och rapportering")
    );
    assert_eq!(summary["modules"][0]["id"], "alpha");
    assert_eq!(summary["modules"][0]["sections"], 3);
    assert_eq!(summary["modules"][0]["questions"], 5);
    assert_eq!(
        summary["roles"],
        json!([
            {"role": "employee", "required": 1, "optional": 1},
            {"role": "manager", "required": 2, "optional": 0},
            {"role": "elected", "required": 1, "optional": 0}
        ])
    );
    assert_eq!(summary["uncovered"], json!([]));
}

#[test]
fn balance_figures_of_the_fixture_within_their_aims() {
    let courses = check_bytes(fixture_bytes()).expect("fixture loads");
    let summary =
        serde_json::to_value(ContentSummary::of(&courses, &lexicon())).expect("serialize");
    let alpha = &summary["modules"][0];
    assert_eq!(
        alpha["balance"]["true_false"],
        json!({ "questions": 1, "answered_true": 0, "percent_true": 0 })
    );
    assert_eq!(
        alpha["balance"]["multiple_right_options"],
        json!({ "2": 1 })
    );
    let sv = &alpha["balance"]["cues"][0];
    assert_eq!(sv["lang"], "sv");
    assert_eq!(sv["need_not"], json!({ "true_with": 0, "false_with": 1 }));
    assert_eq!(
        sv["single_key"],
        json!({ "items": 1, "longest": 0, "middle": 0, "shortest": 1, "chance_hundredths": [33, 33, 33] })
    );
    assert_eq!(
        sv["absolute_right"],
        json!({ "items": 3, "right": 1, "chance_hundredths": 100 })
    );
    assert_eq!(alpha["balance"]["cues"][1]["lang"], "en");
    // Employees get alpha without its manager questions; managers get all of it.
    let pools: Vec<&str> = alpha["role_balance"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p["role"].as_str())
        .collect();
    assert_eq!(pools, ["employee"]);
    for m in &courses[0].modules {
        let versions: Vec<&Module> = courses.iter().filter_map(|c| c.module(&m.id)).collect();
        assert_eq!(versions.len(), 2);
        assert!(
            Balance::of(&versions, &lexicon()).warnings().is_empty(),
            "{}",
            m.id
        );
    }
}

#[test]
fn modules_round_trip_through_serialize() {
    let structure = load_structure(&as_list(fixture_bytes())).expect("structure loads");
    let filled = load_bytes(fixture_bytes()).expect("fixture loads");
    for (module, with_texts) in structure.modules.iter().zip(&filled.modules) {
        let json = serde_json::to_vec(module).expect("serialize");
        let back = parse_module("m.json", &json).expect("parses again");
        assert_eq!(&back, module);
        // Texts stay in the language files: a filled module writes the same structure.
        assert_ne!(with_texts, module);
        assert_eq!(serde_json::to_vec(with_texts).expect("serialize"), json);
    }
}

#[test]
fn version_changes_with_any_byte_and_ignores_unlisted_files() {
    let base = load_bytes(fixture_bytes()).expect("loads").version;
    let mut files = fixture_bytes();
    files.insert("modules/extra.json".into(), b"not even json".to_vec());
    assert_eq!(load_bytes(files).expect("loads").version, base);
    let mut files = fixture_bytes();
    if let Some(beta) = files.get_mut(BETA) {
        beta.push(b'\n');
    }
    assert_ne!(load_bytes(files).expect("loads").version, base);
}

#[test]
fn uncovered_points_are_reported_per_kind() {
    let mut files = fixture_json();
    *at(&mut files, BETA, "/sections/0/source/points") = json!([]);
    let course = load_json(&files).expect("still valid");
    assert_eq!(
        uncovered_points(&course),
        vec![("b-prepare".to_string(), "lesson")]
    );
    *at(&mut files, BETA, "/questions/0/source/points") = json!([]);
    put(&mut files, BETA, "/questions/1/source/points", json!([]));
    let course = load_json(&files).expect("still valid");
    assert_eq!(
        uncovered_points(&course),
        vec![
            ("b-prepare".to_string(), "lesson"),
            ("b-prepare".to_string(), "question")
        ]
    );
}

// ---- parsing ----

fn with_bytes(file: &str, bytes: Vec<u8>) -> Vec<ContentIssue> {
    let mut files = fixture_bytes();
    files.insert(file.to_string(), bytes);
    load_bytes(files).err().unwrap_or_default()
}

#[test]
fn file_over_one_megabyte() {
    let mut bytes = fixture_bytes()[BETA].clone();
    bytes.resize(1024 * 1024 + 1, b' ');
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "file is 1048577 bytes; the limit is 1 MB (1048576 bytes)"
        )]
    );
}

#[test]
fn not_utf8() {
    let bytes = b"{\n  \"id\": \"beta\xff\"\n}".to_vec();
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "not valid UTF-8 at line 2, column 14; save the file as UTF-8"
        )]
    );
}

#[test]
fn malformed_json_gives_line_and_column() {
    let bytes = b"{\n  \"id\": \"beta\",\n    \"minutes\" {}\n}".to_vec();
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "invalid JSON at line 3, column 15: expected `:`"
        )]
    );
}

#[test]
fn truncated_json() {
    assert_eq!(
        with_bytes(SRC, b"{\"documents\": [".to_vec()),
        vec![issue(
            SRC,
            "",
            "invalid JSON at line 1, column 15: EOF while parsing a list"
        )]
    );
}

#[test]
fn text_after_the_json() {
    let mut bytes = fixture_bytes()[SRC].clone();
    bytes.extend_from_slice(b"\n}");
    let last_line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let issues = with_bytes(SRC, bytes);
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0]
            .message
            .starts_with(&format!("invalid JSON at line {last_line}, column 1"))
            && issues[0].message.ends_with("trailing characters"),
        "{issues:?}"
    );
}

#[test]
fn byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&fixture_bytes()[BETA]);
    assert_eq!(with_bytes(BETA, bytes), vec![]);
}

/// Type errors are located by JSON path; the message keeps serde's wording and adds the line.
fn type_issue(edit: impl FnOnce(&mut Files)) -> ContentIssue {
    let issues = issues_after(edit);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let mut issue = issues[0].clone();
    let cut = issue.message.rfind(" (line ").expect("has a line");
    assert!(issue.message.ends_with(')'));
    issue.message.truncate(cut);
    issue
}

#[test]
fn type_error_inside_a_question_has_its_path() {
    assert_eq!(
        type_issue(set(ALPHA, "/questions/1/options", json!(5))),
        issue(
            ALPHA,
            "questions[1].options",
            "invalid type: integer `5`, expected a sequence"
        )
    );
    assert_eq!(
        type_issue(set(ALPHA, "/questions/0/options/2/correct", json!("yes"))),
        issue(
            ALPHA,
            "questions[0].options[2].correct",
            "invalid type: string \"yes\", expected a boolean"
        )
    );
    assert_eq!(
        type_issue(set(ALPHA, "/questions/4/steps/1/choices/0/next", json!(2))),
        issue(
            ALPHA,
            "questions[4].steps[1].choices[0].next",
            "invalid type: integer `2`, expected a string"
        )
    );
}

#[test]
fn type_error_inside_a_block_has_its_path() {
    assert_eq!(
        type_issue(set(ALPHA, "/sections/0/blocks/1/items", json!("Se"))),
        issue(
            ALPHA,
            "sections[0].blocks[1].items",
            "invalid type: string \"Se\", expected a sequence"
        )
    );
    assert_eq!(
        type_issue(set(BETA, "/sections/0/blocks/1/tone", json!("loud"))),
        issue(
            BETA,
            "sections[0].blocks[1].tone",
            "unknown variant `loud`, expected one of `info`, `tip`, `warning`"
        )
    );
}

#[test]
fn unknown_fields_are_named() {
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/questions/2")["hint"] = json!("x");
        }),
        issue(
            ALPHA,
            "questions[2].hint",
            "unknown field `hint`, expected one of `id`, `roles`, `source`, `type`, \
             `options`, `answer`, `steps`"
        )
    );
    // A text left in the structure is named as a field that does not belong there: texts
    // live in the language files.
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/questions/2")["prompt"] = json!("Små saker?");
        }),
        issue(
            ALPHA,
            "questions[2].prompt",
            "unknown field `prompt`, expected one of `id`, `roles`, `source`, `type`, \
             `options`, `answer`, `steps`"
        )
    );
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/sections/0/blocks/1/items/0")["text"] = json!("Se");
        }),
        issue(
            ALPHA,
            "sections[0].blocks[1].items[0].text",
            "unknown field `text`, expected `id`"
        )
    );
    assert_eq!(
        type_issue(|f| {
            at(f, BETA, "")["title"] = json!("Beredskap");
        })
        .message
        .split(',')
        .next(),
        Some("unknown field `title`")
    );
    assert_eq!(
        type_issue(|f| {
            at(f, ORG, "")["colour"] = json!("blue");
        })
        .message
        .split(',')
        .next(),
        Some("unknown field `colour`")
    );
}

#[test]
fn fields_of_another_kind_are_rejected() {
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/questions/2")["options"] = json!([]);
        }),
        issue(
            ALPHA,
            "questions[2]",
            "field `options` does not belong to a true_false question"
        )
    );
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/sections/0/blocks/0")["items"] = json!([]);
        }),
        issue(
            ALPHA,
            "sections[0].blocks[0]",
            "field `items` does not belong to a paragraph block"
        )
    );
}

#[test]
fn missing_fields_are_named() {
    assert_eq!(
        type_issue(|f| {
            remove(f, ALPHA, "/questions/3", "steps");
        }),
        issue(ALPHA, "questions[3]", "missing field `steps`")
    );
    assert_eq!(
        type_issue(|f| {
            remove(f, BETA, "", "quiz_size");
        }),
        issue(BETA, "", "missing field `quiz_size`")
    );
}

/// A question with `steps` before `"type"`, as an editor that sorts keys would write it.
fn scenario_with_steps_first(steps: &str) -> Vec<ContentIssue> {
    let text = format!(
        r#"{{"id":"q","steps":{steps},"type":"scenario","source":{{"seed":"seed-a.txt","section":"Ansvar"}}}}"#
    );
    let mut module = fixture_json()[BETA].clone();
    module["questions"][0] = serde_json::from_str(&text).expect("json");
    let bytes = serde_json::to_vec(&module).expect("serialize");
    parse_module(BETA, &bytes).err().unwrap_or_default()
}

#[test]
fn steps_before_type_keep_their_path() {
    let issues =
        scenario_with_steps_first(r#"[{"id":"s","choices":[{"id":"a","correct":7},{"id":"b"}]}]"#);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "questions[0].steps[0].choices[0].correct");
    assert!(issues[0]
        .message
        .starts_with("invalid type: integer `7`, expected a boolean"));
    let issues = scenario_with_steps_first(r#"[{"id":"s","text":"Vad gör du?","choices":[]}]"#);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "questions[0].steps[0].text");
    assert!(
        issues[0].message.starts_with("unknown field `text`"),
        "{}",
        issues[0].message
    );
    let issues = scenario_with_steps_first(r#"[{"id":"s"}]"#);
    assert!(issues[0]
        .message
        .starts_with("steps[0]: missing field `choices`"));
    // An ordering question's steps before its type may not have choices.
    let text = r#"{"id":"q","steps":[{"id":"a","choices":[]}],"type":"ordering","source":{"seed":"seed-a.txt","section":"Ansvar"}}"#;
    let mut module = fixture_json()[BETA].clone();
    module["questions"][0] = serde_json::from_str(text).expect("json");
    let issues = parse_module(BETA, &serde_json::to_vec(&module).expect("serialize"))
        .err()
        .unwrap_or_default();
    assert_eq!(issues.len(), 1);
    assert!(issues[0]
        .message
        .starts_with("steps[0]: field `choices` does not belong to an ordering step"));
}

#[test]
fn missing_files() {
    let mut files = fixture_bytes();
    files.remove(ORG);
    assert_eq!(
        load_bytes(files).err(),
        Some(vec![issue(ORG, "", "file is missing")])
    );
}

/// The browser reads no `sources.json`: the structure loads without it, and the references
/// into it go unchecked until it is given (as the CLI gives it).
#[test]
fn the_structure_loads_without_sources_json() {
    let mut files = fixture_bytes();
    files.remove(SRC);
    let course = load_structure(&as_list(files.clone())).expect("loads without sources.json");
    assert_eq!(course.sources, None);
    assert_eq!(course.modules.len(), 2);
    let with_sources = load_structure(&as_list(fixture_bytes())).expect("loads");
    assert!(with_sources.sources.is_some());
    // Without texts, and with the same version: sources.json is not part of it.
    assert_eq!(course.version, with_sources.version);
    assert_eq!(course.lang, None);
    assert!(course.modules[0].title.value.is_empty());
    assert!(!course.has_texts("alpha"));
    // An unknown seed is only found when sources.json is there to look it up in.
    let mut json = fixture_json();
    put(
        &mut json,
        ALPHA,
        "/sections/1/source/seed",
        json!("seed-c.txt"),
    );
    let mut broken = to_bytes(&json);
    assert!(load_structure(&as_list(broken.clone())).is_err());
    broken.remove(SRC);
    assert!(load_structure(&as_list(broken)).is_ok());
}

#[test]
fn a_module_that_fails_to_parse_is_not_also_missing() {
    assert_eq!(
        with_bytes(BETA, b"\"beta\"".to_vec()),
        vec![issue(
            BETA,
            "",
            "invalid type: string \"beta\", expected struct Module (line 1, column 6)"
        )]
    );
}

// ---- validation: organisation ----

#[test]
fn module_listed_but_missing() {
    let mut files = fixture_bytes();
    files.remove(BETA);
    assert_eq!(
        load_bytes(files).err(),
        Some(vec![issue(
            ORG,
            "modules[1]",
            "module \"beta\" is listed but modules/beta.json is missing"
        )])
    );
}

#[test]
fn duplicate_module_in_organisation() {
    expect_only(
        set(ORG, "/modules", json!(["alpha", "beta", "alpha"])),
        issue(ORG, "modules[2]", "module \"alpha\" is listed twice"),
    );
}

#[test]
fn role_requiring_an_unknown_module() {
    expect_only(
        set(ORG, "/roles/manager/required/1", json!("gamma")),
        issue(
            ORG,
            "roles.manager.required[1]",
            "role manager requires module \"gamma\", which is not in modules",
        ),
    );
    expect_only(
        set(ORG, "/roles/employee/optional/0", json!("gamma")),
        issue(
            ORG,
            "roles.employee.optional[0]",
            "role employee offers module \"gamma\", which is not in modules",
        ),
    );
}

#[test]
fn role_with_no_required_module() {
    expect_only(
        set(ORG, "/roles/elected/required", json!([])),
        issue(
            ORG,
            "roles.elected.required",
            "role elected requires no modules",
        ),
    );
}

#[test]
fn pass_mark_outside_range() {
    expect_only(
        set(ORG, "/pass_mark", json!(0)),
        issue(ORG, "pass_mark", "pass mark 0 must be between 1 and 100"),
    );
    expect_only(
        set(ORG, "/pass_mark", json!(101)),
        issue(ORG, "pass_mark", "pass mark 101 must be between 1 and 100"),
    );
}

#[test]
fn validity_zero() {
    expect_only(
        set(ORG, "/validity_months", json!(0)),
        issue(ORG, "validity_months", "validity must be at least 1 month"),
    );
}

#[test]
fn a_country_is_two_capital_letters() {
    for bad in ["se", "SWE", "S1", ""] {
        expect_only(
            set(ORG, "/country", json!(bad)),
            issue(
                ORG,
                "country",
                &format!("\"{bad}\" is not a country code: two capital letters, such as SE or FI"),
            ),
        );
    }
    assert_eq!(issues_after(set(ORG, "/country", json!("FI"))), vec![]);
}

#[test]
fn course_id_pattern() {
    for bad in ["ab", "Trygg-Test", "trygg test", "trygg_test"] {
        expect_only(
            set(ORG, "/course_id", json!(bad)),
            issue(
                ORG,
                "course_id",
                &format!("course id \"{bad}\" must be 3–64 characters of a–z, 0–9 and \"-\""),
            ),
        );
    }
    let long = "a".repeat(65);
    assert_eq!(issues_after(set(ORG, "/course_id", json!(long))).len(), 1);
    assert!(issues_after(set(ORG, "/course_id", json!("a".repeat(64)))).is_empty());
}

#[test]
fn empty_required_string() {
    expect_only(
        set(ORG, "/emergency/public", json!(" ")),
        issue(ORG, "emergency.public", "must not be empty"),
    );
}

#[test]
fn organisation_links_must_be_https() {
    expect_only(
        set(ORG, "/reporting/url", json!("http://intranat.test.example")),
        issue(
            ORG,
            "reporting.url",
            "\"http://intranat.test.example\" must be an https:// address",
        ),
    );
}

#[test]
fn organisation_texts_are_checked() {
    expect_only(
        set(EN_COURSE, "/organisation/reporting/how", json!("")),
        issue(EN_COURSE, "organisation.reporting.how", "text is empty"),
    );
}

// ---- validation: sources ----

#[test]
fn duplicate_point_id() {
    expect_among(
        set(SRC, "/documents/1/points/0/id", json!("a-report")),
        issue(
            SRC,
            "documents[1].points[0].id",
            "duplicate point id \"a-report\"",
        ),
    );
}

#[test]
fn point_under_an_unlisted_section() {
    expect_only(
        set(SRC, "/documents/0/points/1/section", json!("Rapport")),
        issue(
            SRC,
            "documents[0].points[1].section",
            "section \"Rapport\" is not among this document's sections",
        ),
    );
}

#[test]
fn duplicate_document() {
    expect_among(
        set(SRC, "/documents/1/file", json!("seed-a.txt")),
        issue(
            SRC,
            "documents[1].file",
            "document \"seed-a.txt\" is listed twice",
        ),
    );
}

const LAW: &str = "/documents/2";
const GUIDANCE: &str = "/documents/3";

#[test]
fn laws_and_guidance_are_cited_by_id() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    let radio = &course.modules[1].questions[1];
    assert_eq!(radio.source.seed, "msb-krisen");
    let kinds: Vec<&str> = course
        .sources
        .as_ref()
        .expect("sources.json was given")
        .documents
        .iter()
        .map(|d| d.kind.key())
        .collect();
    assert_eq!(kinds, ["policy", "policy", "law", "guidance"]);
    // A policy given an id may be cited by either name.
    let mut files = fixture_json();
    put(&mut files, SRC, "/documents/0/id", json!("policy-a"));
    put(
        &mut files,
        ALPHA,
        "/questions/0/source/seed",
        json!("policy-a"),
    );
    assert!(load_json(&files).is_ok());
}

#[test]
fn a_law_needs_a_valid_sfs_number() {
    expect_only(
        |f| remove(f, SRC, LAW, "sfs"),
        issue(SRC, "documents[2].sfs", "a law needs its `sfs` number"),
    );
    expect_only(
        set(SRC, "/documents/2/sfs", json!("SFS 1992:1403")),
        issue(
            SRC,
            "documents[2].sfs",
            "\"SFS 1992:1403\" is not an SFS number such as 1992:1403",
        ),
    );
}

#[test]
fn laws_and_guidance_need_an_id_and_no_file() {
    expect_among(
        |f| {
            remove(f, SRC, LAW, "id");
            put(f, SRC, "/documents/2/file", json!("law.txt"));
        },
        issue(SRC, "documents[2].id", "a law needs an `id`"),
    );
    expect_among(
        set(SRC, "/documents/3/file", json!("guidance.txt")),
        issue(
            SRC,
            "documents[3].file",
            "a guidance has no seed file; cite it by its `id`",
        ),
    );
    expect_among(
        set(SRC, "/documents/3/id", json!("MSB Krisen")),
        issue(
            SRC,
            "documents[3].id",
            "id \"MSB Krisen\" must be at most 64 characters of a–z, 0–9 and \"-\"",
        ),
    );
}

#[test]
fn guidance_needs_issuer_year_and_https_url() {
    let issues = issues_after(|f| {
        for key in ["issuer", "year", "url"] {
            remove(f, SRC, GUIDANCE, key);
        }
    });
    assert_eq!(
        issues,
        vec![
            issue(SRC, "documents[3].issuer", "guidance needs its `issuer`"),
            issue(SRC, "documents[3].year", "guidance needs its `year`"),
            issue(SRC, "documents[3].url", "guidance needs its https:// `url`"),
        ]
    );
    expect_only(
        set(SRC, "/documents/3/url", json!("http://www.msb.se/")),
        issue(
            SRC,
            "documents[3].url",
            "\"http://www.msb.se/\" must be an https:// address",
        ),
    );
    expect_only(
        set(SRC, "/documents/3/year", json!(24)),
        issue(
            SRC,
            "documents[3].year",
            "year 24 must be between 1900 and 2100",
        ),
    );
}

#[test]
fn fields_of_another_kind_of_document_are_rejected() {
    expect_only(
        set(SRC, "/documents/3/sfs", json!("1992:1403")),
        issue(
            SRC,
            "documents[3].sfs",
            "`sfs` belongs to a law, not to a guidance",
        ),
    );
    expect_only(
        set(SRC, "/documents/0/issuer", json!("VGR")),
        issue(
            SRC,
            "documents[0].issuer",
            "`issuer` belongs to a guidance, not to a policy",
        ),
    );
    expect_only(
        set(SRC, "/documents/2/year", json!(1992)),
        issue(
            SRC,
            "documents[2].year",
            "`year` belongs to a guidance, not to a law",
        ),
    );
}

#[test]
fn a_policy_needs_its_file_and_names_are_unique() {
    expect_among(
        |f| remove(f, SRC, "/documents/1", "file"),
        issue(SRC, "documents[1].file", "a policy needs its seed `file`"),
    );
    expect_among(
        set(SRC, "/documents/3/id", json!("sfs-1992-1403")),
        issue(
            SRC,
            "documents[3].id",
            "document \"sfs-1992-1403\" is listed twice",
        ),
    );
    assert_eq!(
        type_issue(set(SRC, "/documents/3/kind", json!("statute"))),
        issue(
            SRC,
            "documents[3].kind",
            "unknown variant `statute`, expected one of `policy`, `law`, `guidance`",
        ),
    );
}

#[test]
fn section_must_be_one_of_a_laws_paragraphs() {
    expect_only(
        |f| {
            put(f, BETA, "/questions/1/source/seed", json!("sfs-1992-1403"));
            put(f, BETA, "/questions/1/source/section", json!("Hemberedskap"));
        },
        issue(
            BETA,
            "questions[1].source.section",
            "section \"Hemberedskap\" is not among the sections of \"sfs-1992-1403\" in sources.json (question \"radio\")",
        ),
    );
    expect_only(
        set(BETA, "/questions/1/source/section", json!("3 §")),
        issue(
            BETA,
            "questions[1].source.section",
            "section \"3 §\" is not among the sections of \"msb-krisen\" in sources.json (question \"radio\")",
        ),
    );
}

#[test]
fn a_point_cited_under_another_document_names_its_owner() {
    expect_only(
        set(BETA, "/questions/1/source/points", json!(["b-prepare"])),
        issue(
            BETA,
            "questions[1].source.points[0]",
            "point \"b-prepare\" belongs to \"seed-b.txt\", not to \"msb-krisen\" (question \"radio\")",
        ),
    );
}

// ---- validation: the IT service desk ----

#[test]
fn it_service_desk_is_optional_but_checked_when_given() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    let desk = course
        .organisation
        .it_service_desk
        .expect("fixture has one");
    assert_eq!(desk.phone, "010-000 00 02");
    assert!(issues_after(|f| remove(f, ORG, "", "it_service_desk")).is_empty());
    expect_only(
        set(ORG, "/it_service_desk/phone", json!("")),
        issue(ORG, "it_service_desk.phone", "must not be empty"),
    );
    expect_only(
        set(SV_COURSE, "/organisation/it_service_desk/note", json!(" ")),
        issue(
            SV_COURSE,
            "organisation.it_service_desk.note",
            "text is empty",
        ),
    );
    assert!(issues_after(|f| remove(f, ORG, "/it_service_desk", "note")).is_empty());
    // A note the structure declares needs its text.
    expect_only(
        |f| remove(f, SV_COURSE, "/organisation/it_service_desk", "note"),
        issue(
            SV_COURSE,
            "organisation.it_service_desk.note",
            "text is missing",
        ),
    );
}

// ---- validation: role_draw ----

#[test]
fn role_draw_cannot_ask_for_more_than_the_pool_has() {
    // alpha has one question written for managers.
    expect_only(
        set(ALPHA, "/role_draw", json!({ "manager": 2 })),
        issue(
            ALPHA,
            "role_draw.manager",
            "role manager: each quiz should include 2 questions for manager, but the pool has 1",
        ),
    );
    // Questions for everyone do not count as the role's own.
    expect_only(
        set(ALPHA, "/role_draw", json!({ "manager": 1, "employee": 1 })),
        issue(
            ALPHA,
            "role_draw.employee",
            "role employee: each quiz should include 1 questions for employee, but the pool has 0",
        ),
    );
    // Nor do questions shared with another role: a staff question is not a manager's own.
    expect_only(
        |files| {
            put(files, ALPHA, "/role_draw", json!({ "manager": 1 }));
            put(
                files,
                ALPHA,
                "/questions/4/roles",
                json!(["employee", "manager"]),
            );
        },
        issue(
            ALPHA,
            "role_draw.manager",
            "role manager: each quiz should include 1 questions for manager, but the pool has 0",
        ),
    );
}

#[test]
fn role_draw_must_fit_the_quiz_and_a_role_that_takes_the_module() {
    expect_among(
        set(ALPHA, "/role_draw", json!({ "manager": 4 })),
        issue(
            ALPHA,
            "role_draw.manager",
            "role manager: 4 questions for manager do not fit in a quiz of 3",
        ),
    );
    expect_only(
        set(ALPHA, "/role_draw", json!({ "manager": 1, "elected": 1 })),
        issue(
            ALPHA,
            "role_draw.elected",
            "role elected does not take this module",
        ),
    );
    assert_eq!(
        type_issue(set(ALPHA, "/role_draw", json!({ "officer": 1 }))),
        issue(
            ALPHA,
            "role_draw.officer",
            "unknown field `officer`, expected one of `employee`, `manager`, `elected`",
        ),
    );
}

// ---- validation: modules ----

#[test]
fn module_id_must_match_file_name() {
    expect_only(
        set(BETA, "/id", json!("gamma")),
        issue(
            BETA,
            "id",
            "module id \"gamma\" does not match the file name \"beta.json\"",
        ),
    );
}

#[test]
fn module_not_listed_in_organisation() {
    let mut files = fixture_json();
    let beta = files[BETA].clone();
    let org = serde_json::from_value(files[ORG].clone()).expect("org");
    let sources = serde_json::from_value(files.remove(SRC).expect("sources")).expect("sources");
    let mut gamma: trygg_core::content::Module = serde_json::from_value(beta).expect("module");
    gamma.id = "gamma".into();
    let alpha = serde_json::from_value(files[ALPHA].clone()).expect("alpha");
    let beta = serde_json::from_value(files[BETA].clone()).expect("beta");
    let modules = vec![
        (ALPHA.to_string(), alpha),
        (BETA.to_string(), beta),
        ("modules/gamma.json".to_string(), gamma),
    ];
    assert_eq!(
        validate(&org, Some(&sources), &modules),
        vec![issue(
            "modules/gamma.json",
            "id",
            "module \"gamma\" is not listed in organisation.json"
        )]
    );
}

#[test]
fn duplicate_section_id() {
    expect_only(
        set(ALPHA, "/sections/2/id", json!("everyone")),
        issue(ALPHA, "sections[2].id", "duplicate section id \"everyone\""),
    );
}

#[test]
fn duplicate_question_id() {
    expect_only(
        set(ALPHA, "/questions/3/id", json!("what-report")),
        issue(
            ALPHA,
            "questions[3].id",
            "duplicate question id \"what-report\"",
        ),
    );
}

#[test]
fn duplicate_step_id() {
    expect_among(
        set(ALPHA, "/questions/4/steps/1/id", json!("listen")),
        issue(
            ALPHA,
            "questions[4].steps[1].id",
            "duplicate step id \"listen\" (question \"manager-follow-up\")",
        ),
    );
}

/// Blocks, list items, options, ordering steps and scenario choices carry the ids their texts
/// are keyed by in the language files: each once in its place, and none a word that names a
/// text beside them.
#[test]
fn ids_of_the_things_that_carry_texts_are_unique_in_their_place() {
    let cases = [
        (
            "/sections/0/blocks/1/id",
            "p1",
            "sections[0].blocks[1].id",
            "block",
        ),
        (
            "/sections/0/blocks/1/items/1/id",
            "a",
            "sections[0].blocks[1].items[1].id",
            "item",
        ),
        (
            "/questions/0/options/2/id",
            "b",
            "questions[0].options[2].id",
            "option",
        ),
        (
            "/questions/3/steps/2/id",
            "a",
            "questions[3].steps[2].id",
            "step",
        ),
        (
            "/questions/4/steps/0/choices/1/id",
            "a",
            "questions[4].steps[0].choices[1].id",
            "choice",
        ),
    ];
    for (pointer, id, path, what) in cases {
        expect_only(
            |f| put(f, ALPHA, pointer, json!(id)),
            issue(
                ALPHA,
                path,
                &format!("duplicate {what} id \"{id}\" ({})", owner_in_alpha(path)),
            ),
        );
    }
    // The same id in another place is another text: p1 in two sections, a in two lists.
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    let alpha = course.module("alpha").expect("alpha");
    assert_eq!(alpha.sections[0].blocks[0].id(), Some("p1"));
    assert_eq!(alpha.sections[2].blocks[0].id(), Some("p1"));
}

#[test]
fn ids_that_name_a_text_are_reserved() {
    let cases = [
        (
            "/sections/0/blocks/0/id",
            "title",
            "sections[0].blocks[0].id",
            "block",
        ),
        (
            "/sections/0/blocks/1/items/0/id",
            "text",
            "sections[0].blocks[1].items[0].id",
            "item",
        ),
        (
            "/questions/0/options/0/id",
            "prompt",
            "questions[0].options[0].id",
            "option",
        ),
        (
            "/questions/3/steps/0/id",
            "explanation",
            "questions[3].steps[0].id",
            "step",
        ),
        (
            "/questions/4/steps/0/id",
            "prompt",
            "questions[4].steps[0].id",
            "step",
        ),
        (
            "/questions/4/steps/1/choices/1/id",
            "feedback",
            "questions[4].steps[1].choices[1].id",
            "choice",
        ),
        (
            "/questions/4/steps/1/choices/0/id",
            "summary",
            "questions[4].steps[1].choices[0].id",
            "choice",
        ),
    ];
    for (pointer, id, path, what) in cases {
        expect_only(
            |f| put(f, ALPHA, pointer, json!(id)),
            issue(
                ALPHA,
                path,
                &format!(
                    "\"{id}\" names a text in the language files; choose another {what} id ({})",
                    owner_in_alpha(path)
                ),
            ),
        );
    }
    assert_eq!(
        trygg_core::content::RESERVED_IDS,
        [
            "title",
            "text",
            "prompt",
            "explanation",
            "feedback",
            "summary"
        ]
    );
}

#[test]
fn ids_of_items_options_and_choices_must_be_plain() {
    expect_only(
        set(ALPHA, "/sections/0/blocks/1/items/0/id", json!("")),
        issue(
            ALPHA,
            "sections[0].blocks[1].items[0].id",
            "must not be empty (section \"everyone\")",
        ),
    );
    expect_only(
        set(ALPHA, "/questions/1/options/0/id", json!("Nära ögat")),
        issue(
            ALPHA,
            "questions[1].options[0].id",
            "id \"Nära ögat\" must be at most 64 characters of a–z, 0–9 and \"-\" (question \"what-report\")",
        ),
    );
    expect_only(
        set(ALPHA, "/sections/1/blocks/0/id", json!("C1")),
        issue(
            ALPHA,
            "sections[1].blocks[0].id",
            "id \"C1\" must be at most 64 characters of a–z, 0–9 and \"-\" (section \"report\")",
        ),
    );
    assert_eq!(
        type_issue(|f| remove(f, ALPHA, "/questions/4/steps/1/choices/1", "id")),
        issue(
            ALPHA,
            "questions[4].steps[1].choices[1]",
            "missing field `id`"
        ),
    );
}

#[test]
fn ids_must_be_plain() {
    expect_only(
        set(ALPHA, "/sections/1/id", json!("Report now")),
        issue(
            ALPHA,
            "sections[1].id",
            "id \"Report now\" must be at most 64 characters of a–z, 0–9 and \"-\"",
        ),
    );
    expect_only(
        set(ALPHA, "/questions/0/id", json!("")),
        issue(ALPHA, "questions[0].id", "must not be empty"),
    );
}

// ---- validation: texts ----

#[test]
fn a_text_missing_in_a_translation_comes_from_the_fallback() {
    let mut files = fixture_json();
    remove(&mut files, EN_ALPHA, "/sections/everyone", "title");
    let courses = check_json(&files).expect("a gap in a translation is no error");
    let title = &courses[1].modules[0].sections[0].title;
    assert_eq!(title.value, "Alla har ansvar");
    assert_eq!(title.from.map(|l| l.code().to_owned()), Some("sv".into()));
    // Its neighbours are English and say so by saying nothing.
    let p1 = match &courses[1].modules[0].sections[0].blocks[0] {
        trygg_core::content::Block::Paragraph { text, .. } => text.clone(),
        other => panic!("{other:?}"),
    };
    assert!(p1.value.starts_with("Security is"), "{}", p1.value);
    assert_eq!(p1.from, None);
}

#[test]
fn an_id_mistyped_in_a_text_file_is_named_beside_the_texts_it_leaves_missing() {
    let issues = issues_after(|f| {
        let texts = at(f, SV_ALPHA, "/questions")
            .as_object_mut()
            .expect("questions");
        let moved = texts.remove("small-things").expect("small-things");
        texts.insert("smal-things".into(), moved);
    });
    let missing = issues
        .iter()
        .filter(|i| i.message == "text is missing")
        .count();
    assert!(missing >= 2, "{issues:?}");
    assert_eq!(
        issues.last(),
        Some(&issue(
            SV_ALPHA,
            "questions.smal-things",
            "there is no question \"smal-things\" to put these texts in: is the id mistyped?",
        )),
        "named once, after the texts it leaves missing: {issues:?}"
    );
    // With every text in place, a text for an unknown id is no error (the report warns).
    let whole = issues_after(|f| {
        let texts = at(f, SV_ALPHA, "/questions")
            .as_object_mut()
            .expect("questions");
        texts.insert("extra".into(), json!({ "prompt": "Extra" }));
    });
    assert_eq!(whole, Vec::new());
}

#[test]
fn a_text_missing_in_the_source_language_is_an_issue_in_its_file() {
    expect_only(
        |f| remove(f, SV_ALPHA, "/sections/everyone", "title"),
        issue(SV_ALPHA, "sections.everyone.title", "text is missing"),
    );
    // Missing in a translation and its fallback: named in the translation's file.
    let mut files = fixture_json();
    remove(&mut files, SV_ALPHA, "/sections/everyone", "title");
    remove(&mut files, EN_ALPHA, "/sections/everyone", "title");
    let en = trygg_core::content::Lang::parse("en");
    let issues = trygg_core::content::load_course_in(&as_list(to_bytes(&files)), en)
        .err()
        .unwrap_or_default();
    assert_eq!(
        issues,
        vec![issue(
            EN_ALPHA,
            "sections.everyone.title",
            "text is missing here and in languages/sv/modules/alpha.json"
        )]
    );
}

#[test]
fn empty_text_anywhere() {
    let cases: [(&str, &str, &str); 8] = [
        (SV_COURSE, "/modules/beta/summary", "modules.beta.summary"),
        (EN_BETA, "/sections/prepare/l1/b", "sections.prepare.l1.b"),
        (
            SV_ALPHA,
            "/sections/everyone/c3/title",
            "sections.everyone.c3.title",
        ),
        (
            EN_ALPHA,
            "/questions/who-responsible/b",
            "questions.who-responsible.b",
        ),
        (
            SV_ALPHA,
            "/questions/small-things/explanation",
            "questions.small-things.explanation",
        ),
        (
            EN_ALPHA,
            "/questions/report-order/c",
            "questions.report-order.c",
        ),
        (
            SV_ALPHA,
            "/questions/manager-follow-up/listen/b/feedback",
            "questions.manager-follow-up.listen.b.feedback",
        ),
        (
            EN_COURSE,
            "/organisation/emergency/internal_alarm_note",
            "organisation.emergency.internal_alarm_note",
        ),
    ];
    for (file, pointer, path) in cases {
        expect_only(
            |f| *at(f, file, pointer) = json!("  "),
            issue(file, path, "text is empty"),
        );
    }
}

#[test]
fn single_or_multiple_without_a_correct_option() {
    expect_only(
        set(ALPHA, "/questions/0/options/1/correct", json!(false)),
        issue(
            ALPHA,
            "questions[0].options",
            "no option is marked correct (question \"who-responsible\")",
        ),
    );
    expect_only(
        |f| {
            *at(f, ALPHA, "/questions/1/options/0/correct") = json!(false);
            *at(f, ALPHA, "/questions/1/options/1/correct") = json!(false);
        },
        issue(
            ALPHA,
            "questions[1].options",
            "no option is marked correct (question \"what-report\")",
        ),
    );
}

#[test]
fn single_with_two_correct_options() {
    expect_only(
        set(ALPHA, "/questions/0/options/2/correct", json!(true)),
        issue(
            ALPHA,
            "questions[0].options",
            "a single-choice question must have exactly one correct option, found 2 (question \"who-responsible\")",
        ),
    );
}

#[test]
fn fewer_than_two_options() {
    expect_only(
        |f| {
            truncate(f, BETA, "/questions/1/options", 1);
        },
        issue(
            BETA,
            "questions[1].options",
            "a question needs at least 2 options, found 1 (question \"radio\")",
        ),
    );
}

#[test]
fn ordering_with_two_steps() {
    expect_only(
        |f| {
            truncate(f, ALPHA, "/questions/3/steps", 2);
        },
        issue(
            ALPHA,
            "questions[3].steps",
            "an ordering question needs at least 3 steps, found 2 (question \"report-order\")",
        ),
    );
}

#[test]
fn scenario_without_steps() {
    expect_only(
        set(ALPHA, "/questions/4/steps", json!([])),
        issue(
            ALPHA,
            "questions[4].steps",
            "a scenario needs at least one step (question \"manager-follow-up\")",
        ),
    );
}

#[test]
fn step_without_a_correct_choice() {
    expect_only(
        set(
            ALPHA,
            "/questions/4/steps/1/choices/0/correct",
            json!(false),
        ),
        issue(
            ALPHA,
            "questions[4].steps[1].choices",
            "no choice is marked correct (question \"manager-follow-up\")",
        ),
    );
}

#[test]
fn step_with_one_choice() {
    expect_only(
        |f| {
            truncate(f, ALPHA, "/questions/4/steps/1/choices", 1);
        },
        issue(
            ALPHA,
            "questions[4].steps[1].choices",
            "a step needs at least 2 choices, found 1 (question \"manager-follow-up\")",
        ),
    );
}

#[test]
fn choice_next_to_a_missing_step() {
    expect_only(
        set(ALPHA, "/questions/4/steps/0/choices/0/next", json!("x")),
        issue(
            ALPHA,
            "questions[4].steps[0].choices[0].next",
            "step \"x\" does not exist (question \"manager-follow-up\")",
        ),
    );
}

#[test]
fn pool_smaller_than_quiz() {
    // alpha has 4 questions for everyone and 1 more for managers.
    let issues = issues_after(set(ALPHA, "/quiz_size", json!(5)));
    assert_eq!(
        issues,
        vec![issue(
            ALPHA,
            "quiz_size",
            "role employee: pool has 4 questions but the quiz draws 5"
        )]
    );
    let issues = issues_after(set(ALPHA, "/quiz_size", json!(6)));
    assert_eq!(
        issues,
        vec![
            issue(
                ALPHA,
                "quiz_size",
                "role employee: pool has 4 questions but the quiz draws 6"
            ),
            issue(
                ALPHA,
                "quiz_size",
                "role manager: pool has 5 questions but the quiz draws 6"
            ),
        ]
    );
}

#[test]
fn quiz_size_zero() {
    expect_only(
        set(BETA, "/quiz_size", json!(0)),
        issue(BETA, "quiz_size", "quiz size must be at least 1"),
    );
}

#[test]
fn role_that_sees_no_section() {
    expect_only(
        set(BETA, "/sections/0/roles", json!(["manager", "elected"])),
        issue(BETA, "sections", "role employee sees no lesson sections"),
    );
}

#[test]
fn unknown_seed() {
    expect_only(
        set(ALPHA, "/sections/1/source/seed", json!("seed-c.txt")),
        issue(
            ALPHA,
            "sections[1].source.seed",
            "seed \"seed-c.txt\" is not in sources.json (section \"report\")",
        ),
    );
}

#[test]
fn section_not_in_the_seed() {
    expect_only(
        set(ALPHA, "/questions/2/source/section", json!("Beredskap")),
        issue(
            ALPHA,
            "questions[2].source.section",
            "section \"Beredskap\" is not among the sections of \"seed-a.txt\" in sources.json (question \"small-things\")",
        ),
    );
}

#[test]
fn unknown_point() {
    expect_only(
        set(BETA, "/questions/0/source/points/0", json!("b-nothing")),
        issue(
            BETA,
            "questions[0].source.points[0]",
            "point \"b-nothing\" does not exist (question \"water\")",
        ),
    );
}

#[test]
fn point_of_another_document() {
    expect_only(
        set(
            BETA,
            "/sections/0/source/points",
            json!(["b-prepare", "a-report"]),
        ),
        issue(
            BETA,
            "sections[0].source.points[1]",
            "point \"a-report\" belongs to \"seed-a.txt\", not to \"seed-b.txt\" (section \"prepare\")",
        ),
    );
}

#[test]
fn links_must_be_https_mailto_or_tel() {
    for href in [
        "http://test.example",
        "javascript:alert",
        "/relative",
        "ftp://x",
    ] {
        expect_only(
            set(EN_ALPHA, "/sections/everyone/p1", json!(format!("Read [this]({href})."))),
            issue(
                EN_ALPHA,
                "sections.everyone.p1",
                &format!(
                    "link \"this\" goes to \"{href}\"; only https:, mailto: and tel: links are allowed"
                ),
            ),
        );
    }
    for href in ["https://test.example/a", "mailto:a@test.example", "tel:112"] {
        let text = json!(format!("Read [this]({href})."));
        assert!(issues_after(set(EN_ALPHA, "/sections/everyone/p1", text)).is_empty());
    }
}

#[test]
fn malformed_markup() {
    let cases = [
        (
            "Security is **everyone's job.",
            "\"**\" is not closed: bold text needs \"**\" on both sides",
        ),
        (
            "Read [the policy(https://test.example).",
            "\"[\" is not followed by \"label](href)\" (a link) or \"words]{lang=sv}\" (words in another language)",
        ),
        (
            "Read [the policy] (https://test.example).",
            "\"[\" is not followed by \"label](href)\" (a link) or \"words]{lang=sv}\" (words in another language)",
        ),
        (
            "Read [the policy](https://test.example.",
            "link \"the policy\" has no closing \")\"",
        ),
        (
            "The [visselblåsarkanal]{lang=swedish} is for this.",
            "\"swedish\" in \"[visselblåsarkanal]{lang=swedish}\" is not a language tag such as sv, fi or en-GB",
        ),
        (
            "Read the policy](https://test.example).",
            "\"](\" without a \"[\" before it: write links as [label](href)",
        ),
    ];
    for (text, message) in cases {
        expect_only(
            set(EN_ALPHA, "/questions/who-responsible/prompt", json!(text)),
            issue(EN_ALPHA, "questions.who-responsible.prompt", message),
        );
    }
}

#[test]
fn html_is_rejected() {
    expect_only(
        set(
            SV_ALPHA,
            "/sections/managers/p1",
            json!("Som <b>chef</b> följer du upp."),
        ),
        issue(
            SV_ALPHA,
            "sections.managers.p1",
            "HTML is not allowed; use **bold** and [label](https://…)",
        ),
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let issues = issues_after(|f| {
        *at(f, BETA, "/questions/1/options/0/correct") = json!(false);
        *at(f, ALPHA, "/sections/0/id") = json!("Alla");
        *at(f, SRC, "/documents/0/title") = json!("");
        *at(f, ORG, "/pass_mark") = json!(0);
        *at(f, ALPHA, "/questions/4/steps/0/choices/0/next") = json!("nowhere");
        // Texts are read once the structure is sound: this one waits.
        *at(f, SV_ALPHA, "/sections/everyone/title") = json!("");
    });
    assert_eq!(
        issues,
        vec![
            issue(ORG, "pass_mark", "pass mark 0 must be between 1 and 100"),
            issue(SRC, "documents[0].title", "must not be empty"),
            issue(
                ALPHA,
                "sections[0].id",
                "id \"Alla\" must be at most 64 characters of a–z, 0–9 and \"-\""
            ),
            issue(
                ALPHA,
                "questions[4].steps[0].choices[0].next",
                "step \"nowhere\" does not exist (question \"manager-follow-up\")"
            ),
            issue(
                BETA,
                "questions[1].options",
                "no option is marked correct (question \"radio\")"
            ),
        ]
    );
}

#[test]
fn every_text_problem_is_reported_by_file_in_course_order() {
    let issues = issues_after(|f| {
        *at(f, SV_BETA, "/questions/radio/b") = json!("Se <i>detta</i>");
        *at(f, SV_ALPHA, "/questions/small-things/prompt") = json!("**Små saker");
        *at(f, SV_COURSE, "/modules/alpha/title") = json!("");
        remove(f, SV_ALPHA, "/sections/report/c1", "text");
        // The translation is checked once the source language is sound: this one waits.
        *at(f, EN_ALPHA, "/sections/report/title") = json!("");
    });
    assert_eq!(
        issues,
        vec![
            issue(SV_COURSE, "modules.alpha.title", "text is empty"),
            issue(SV_ALPHA, "sections.report.c1.text", "text is missing"),
            issue(
                SV_ALPHA,
                "questions.small-things.prompt",
                "\"**\" is not closed: bold text needs \"**\" on both sides"
            ),
            issue(
                SV_BETA,
                "questions.radio.b",
                "HTML is not allowed; use **bold** and [label](https://…)"
            ),
        ]
    );
    expect_only(
        set(EN_ALPHA, "/sections/report/title", json!("")),
        issue(EN_ALPHA, "sections.report.title", "text is empty"),
    );
}

// ---- markup where the app shows a text as typed ----

/// The issue for markup in a place that shows its text as typed: named by file and key, and
/// quoting the text, so the author finds the characters a reader would have seen.
fn shown_as_typed(file: &str, key: &str, text: &str) -> ContentIssue {
    let message = trygg_core::content::markup_shown_as_typed(text).expect("text has markup");
    assert!(message.contains(text), "{message}");
    issue(file, key, &message)
}

#[test]
fn markup_in_headings_titles_summaries_and_names_is_an_issue() {
    let swedish = "Larm ([flyglarm]{lang=sv})";
    let issues = issues_after(|f| {
        *at(f, SV_ALPHA, "/sections/everyone/title") = json!(swedish);
        *at(f, SV_ALPHA, "/sections/everyone/c3/title") = json!("**Tips**");
        *at(f, SV_COURSE, "/organisation/name") = json!("[Region]{lang=sv} Test");
        *at(f, SV_COURSE, "/modules/alpha/title") = json!("Se [policyn](https://test.example/p)");
        *at(f, SV_COURSE, "/modules/beta/summary") = json!(swedish);
    });
    assert_eq!(
        issues,
        vec![
            shown_as_typed(SV_COURSE, "organisation.name", "[Region]{lang=sv} Test"),
            shown_as_typed(
                SV_COURSE,
                "modules.alpha.title",
                "Se [policyn](https://test.example/p)"
            ),
            shown_as_typed(SV_COURSE, "modules.beta.summary", swedish),
            shown_as_typed(SV_ALPHA, "sections.everyone.title", swedish),
            shown_as_typed(SV_ALPHA, "sections.everyone.c3.title", "**Tips**"),
        ]
    );
    // A translation's headings are held to the same rule.
    expect_only(
        set(EN_ALPHA, "/sections/report/title", json!(swedish)),
        shown_as_typed(EN_ALPHA, "sections.report.title", swedish),
    );
}

#[test]
fn markup_in_options_steps_and_choices_is_shown_and_allowed() {
    let swedish = "Larm ([flyglarm]{lang=sv})";
    let issues = issues_after(|f| {
        *at(f, SV_ALPHA, "/questions/who-responsible/a") = json!(swedish);
        *at(f, SV_ALPHA, "/questions/what-report/b") = json!(swedish);
        *at(f, SV_ALPHA, "/questions/report-order/a") = json!(swedish);
        *at(f, SV_ALPHA, "/questions/manager-follow-up/listen/a/text") = json!(swedish);
        *at(f, SV_ALPHA, "/questions/manager-follow-up/listen/text") = json!(swedish);
    });
    assert_eq!(issues, vec![]);
}

#[test]
fn markup_in_the_apps_words_is_an_issue() {
    let mut files = fixture_json();
    let marked = "Kontrollera [svaret]{lang=sv}";
    *at(&mut files, SV_UI, "/quiz.check") = json!(marked);
    *at(&mut files, SV_UI, "/manager.summary.accepted/one") = json!("{count} **godkänt** bevis");
    let list = as_list(to_bytes(&files));
    let course = trygg_core::content::load_course_in(&list, None).expect("the course loads");
    let issues = trygg_core::content::language_reports(&list, &course).expect_err("markup");
    assert_eq!(
        issues,
        // In the file's order, which the fixture writes by key.
        vec![
            shown_as_typed(
                SV_UI,
                "manager.summary.accepted",
                "{count} **godkänt** bevis"
            ),
            shown_as_typed(SV_UI, "quiz.check", marked),
        ]
    );
}

#[test]
fn issue_display() {
    assert_eq!(
        issue(ALPHA, "questions[7].options", "no option is marked correct").to_string(),
        "modules/alpha.json: questions[7].options: no option is marked correct"
    );
    assert_eq!(
        issue(ORG, "", "file is missing").to_string(),
        "organisation.json: file is missing"
    );
    assert_eq!(
        issue(
            EN_ALPHA,
            "questions.who-responsible.prompt",
            "text is missing here and in languages/sv/modules/alpha.json"
        )
        .to_string(),
        "languages/en/modules/alpha.json: questions.who-responsible.prompt: \
         text is missing here and in languages/sv/modules/alpha.json"
    );
}

// ---- the IT service desk contact ----

#[test]
fn a_module_may_name_the_it_service_desk_when_the_organisation_has_one() {
    let edit = set(
        ALPHA,
        "/sections/0/blocks/3/which",
        json!("it_service_desk"),
    );
    assert_eq!(issues_after(edit), Vec::<ContentIssue>::new());
}

#[test]
fn naming_an_it_service_desk_the_organisation_lacks_is_an_issue() {
    expect_only(
        |f| {
            put(
                f,
                ALPHA,
                "/sections/0/blocks/3/which",
                json!("it_service_desk"),
            );
            remove(f, ORG, "", "it_service_desk");
        },
        issue(
            ALPHA,
            "sections[0].blocks[3].which",
            "the IT service desk is named here but organisation.json has no \"it_service_desk\" (section \"everyone\")",
        ),
    );
}

#[test]
fn a_text_left_open_is_told_on_its_own_line_in_plain_words() {
    let bytes = b"{\n  \"id\": \"beta,\n  \"minutes\": 5\n}".to_vec();
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "invalid JSON at line 2, column 15: a text is not closed: its closing quote (\") is missing"
        )]
    );
}

#[test]
fn a_comma_after_the_last_entry_is_told_at_the_comma() {
    let bytes = b"{\n  \"id\": \"beta\",\n  \"minutes\": 5,\n\n}".to_vec();
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "invalid JSON at line 3, column 15: a comma after the last entry (remove it)"
        )]
    );
}

/// How the check names the section or question a path in the fixture's alpha module lies in.
fn owner_in_alpha(path: &str) -> &'static str {
    const OWNERS: [(&str, &str); 6] = [
        ("sections[0].", "section \"everyone\""),
        ("sections[1].", "section \"report\""),
        ("questions[0].", "question \"who-responsible\""),
        ("questions[1].", "question \"what-report\""),
        ("questions[3].", "question \"report-order\""),
        ("questions[4].", "question \"manager-follow-up\""),
    ];
    OWNERS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map_or("", |(_, owner)| owner)
}
