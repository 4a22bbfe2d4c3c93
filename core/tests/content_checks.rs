//! Every content check, one broken thing at a time: the fixture course in
//! `tests/fixtures/content` is valid; each test changes one thing in a copy of its files and
//! asserts the exact issue (file, JSON path, message) the checker reports.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{json, Value};
use trygg_core::content::{
    load_course, parse_module, uncovered_points, validate, Balance, ContentIssue, ContentSummary,
    Course, Role,
};

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

const FILES: [&str; 4] = [
    "organisation.json",
    "sources.json",
    "modules/alpha.json",
    "modules/beta.json",
];

/// The fixture's files as raw bytes, keyed by relative path.
fn fixture_bytes() -> BTreeMap<String, Vec<u8>> {
    FILES
        .iter()
        .map(|f| {
            let bytes = std::fs::read(fixture_dir().join(f)).expect("fixture file");
            (f.to_string(), bytes)
        })
        .collect()
}

/// The fixture's files parsed as JSON, for editing.
fn fixture_json() -> BTreeMap<String, Value> {
    fixture_bytes()
        .into_iter()
        .map(|(f, b)| (f, serde_json::from_slice(&b).expect("fixture JSON")))
        .collect()
}

fn load_bytes(files: BTreeMap<String, Vec<u8>>) -> Result<Course, Vec<ContentIssue>> {
    let files: Vec<(String, Vec<u8>)> = files.into_iter().collect();
    load_course(&files)
}

fn load_json(files: &BTreeMap<String, Value>) -> Result<Course, Vec<ContentIssue>> {
    load_bytes(
        files
            .iter()
            .map(|(f, v)| (f.clone(), serde_json::to_vec_pretty(v).expect("serialize")))
            .collect(),
    )
}

/// Applies `edit` to a copy of the fixture and returns the issues found.
fn issues_after(edit: impl FnOnce(&mut BTreeMap<String, Value>)) -> Vec<ContentIssue> {
    let mut files = fixture_json();
    edit(&mut files);
    match load_json(&files) {
        Ok(_) => Vec::new(),
        Err(issues) => issues,
    }
}

fn issue(file: &str, path: &str, message: &str) -> ContentIssue {
    ContentIssue::new(file, path, message)
}

/// The edit yields exactly this one issue.
fn expect_only(edit: impl FnOnce(&mut BTreeMap<String, Value>), expected: ContentIssue) {
    assert_eq!(issues_after(edit), vec![expected]);
}

/// The edit yields this issue, possibly among consequences of the same change.
fn expect_among(edit: impl FnOnce(&mut BTreeMap<String, Value>), expected: ContentIssue) {
    let issues = issues_after(edit);
    assert!(issues.contains(&expected), "{expected} not in {issues:#?}");
}

fn at<'a>(files: &'a mut BTreeMap<String, Value>, file: &str, pointer: &str) -> &'a mut Value {
    files
        .get_mut(file)
        .and_then(|v| v.pointer_mut(pointer))
        .unwrap_or_else(|| panic!("{file} has no {pointer}"))
}

/// Sets the value at `pointer`, adding the last key to its object if absent.
fn put(files: &mut BTreeMap<String, Value>, file: &str, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    match at(files, file, parent) {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => {
            let i: usize = key.parse().expect("index");
            items[i] = value;
        }
        _ => panic!("{file}: {parent} is neither object nor array"),
    }
}

/// Keeps the first `n` items of the array at `pointer`.
fn truncate(files: &mut BTreeMap<String, Value>, file: &str, pointer: &str, n: usize) {
    match at(files, file, pointer) {
        Value::Array(items) => items.truncate(n),
        _ => panic!("{file}: {pointer} is not an array"),
    }
}

/// Removes `key` from the object at `pointer`.
fn remove(files: &mut BTreeMap<String, Value>, file: &str, pointer: &str, key: &str) {
    match at(files, file, pointer) {
        Value::Object(map) => {
            map.remove(key);
        }
        _ => panic!("{file}: {pointer} is not an object"),
    }
}

fn set(
    file: &'static str,
    pointer: &'static str,
    value: Value,
) -> impl FnOnce(&mut BTreeMap<String, Value>) {
    move |files| put(files, file, pointer, value)
}

const ORG: &str = "organisation.json";
const SRC: &str = "sources.json";
const ALPHA: &str = "modules/alpha.json";
const BETA: &str = "modules/beta.json";

// ---- the fixture itself ----

#[test]
fn fixture_is_valid_and_complete() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    assert_eq!(course.modules.len(), 2);
    assert_eq!(course.version.len(), 12);
    assert!(course.version.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(uncovered_points(&course).is_empty());
}

#[test]
fn lookups_follow_course_order_and_roles() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    assert_eq!(course.module("beta").map(|m| m.quiz_size), Some(2));
    assert!(course.module("gamma").is_none());
    let ids = |ms: Vec<&trygg_core::content::Module>| -> Vec<String> {
        ms.into_iter().map(|m| m.id.clone()).collect()
    };
    assert_eq!(ids(course.required_modules(Role::Employee)), ["alpha"]);
    assert_eq!(ids(course.optional_modules(Role::Employee)), ["beta"]);
    assert_eq!(
        ids(course.required_modules(Role::Manager)),
        ["alpha", "beta"]
    );
    assert!(course.optional_modules(Role::Manager).is_empty());
    assert_eq!(ids(course.required_modules(Role::Elected)), ["beta"]);
}

#[test]
fn summary_counts_the_fixture() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    let summary = serde_json::to_value(ContentSummary::of(&course)).expect("serialize");
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
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    let summary = serde_json::to_value(ContentSummary::of(&course)).expect("serialize");
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
    for m in &course.modules {
        assert!(Balance::of(m).warnings().is_empty(), "{}", m.id);
    }
}

#[test]
fn modules_round_trip_through_serialize() {
    let course = load_bytes(fixture_bytes()).expect("fixture loads");
    for module in &course.modules {
        let json = serde_json::to_vec(module).expect("serialize");
        let back = parse_module("m.json", &json).expect("parses again");
        assert_eq!(&back, module);
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
    let bytes = b"{\n  \"id\": \"beta\",\n    \"title\" {}\n}".to_vec();
    assert_eq!(
        with_bytes(BETA, bytes),
        vec![issue(
            BETA,
            "",
            "invalid JSON at line 3, column 13: expected `:`"
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
fn type_issue(edit: impl FnOnce(&mut BTreeMap<String, Value>)) -> ContentIssue {
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
        type_issue(set(
            ALPHA,
            "/questions/4/steps/1/choices/0/feedback",
            json!("Bra")
        )),
        issue(
            ALPHA,
            "questions[4].steps[1].choices[0].feedback",
            "invalid type: string \"Bra\", expected struct Text"
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
            "unknown field `hint`, expected one of `id`, `roles`, `source`, `prompt`, \
             `explanation`, `type`, `options`, `answer`, `steps`"
        )
    );
    assert_eq!(
        type_issue(|f| {
            at(f, ALPHA, "/title")["de"] = json!("Titel");
        }),
        issue(
            ALPHA,
            "title.de",
            "unknown field `de`, expected `sv` or `en`"
        )
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
        r#"{{"id":"q","steps":{steps},"type":"scenario","source":{{"seed":"seed-a.txt","section":"Ansvar"}},
        "prompt":{{"sv":"a","en":"b"}},"explanation":{{"sv":"a","en":"b"}}}}"#
    );
    let mut module = fixture_json()[BETA].clone();
    module["questions"][0] = serde_json::from_str(&text).expect("json");
    let bytes = serde_json::to_vec(&module).expect("serialize");
    parse_module(BETA, &bytes).err().unwrap_or_default()
}

#[test]
fn steps_before_type_keep_their_path() {
    let issues = scenario_with_steps_first(
        r#"[{"id":"s","text":{"sv":"a","en":"b"},"choices":[{"text":{"sv":"a","en":"b"},"feedback":7}]}]"#,
    );
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "questions[0].steps[0].choices[0].feedback");
    assert!(issues[0]
        .message
        .starts_with("invalid type: integer `7`, expected struct Text"));
    let issues = scenario_with_steps_first(r#"[{"sv":"a","en":"b"}]"#);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "questions[0]");
    assert!(issues[0]
        .message
        .starts_with("steps[0]: field `sv` does not belong to a scenario step"));
    let issues = scenario_with_steps_first(r#"[{"id":"s","text":{"sv":"a","en":"b"}}]"#);
    assert!(issues[0]
        .message
        .starts_with("steps[0]: missing field `choices`"));
}

#[test]
fn missing_files() {
    let mut files = fixture_bytes();
    files.remove(ORG);
    assert_eq!(
        load_bytes(files).err(),
        Some(vec![issue(ORG, "", "file is missing")])
    );
    let mut files = fixture_bytes();
    files.remove(SRC);
    assert_eq!(
        load_bytes(files).err(),
        Some(vec![issue(SRC, "", "file is missing")])
    );
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
        set(ORG, "/reporting/how/en", json!("")),
        issue(ORG, "reporting.how.en", "text is missing or empty"),
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
            "section \"Hemberedskap\" is not among the sections of \"sfs-1992-1403\" in sources.json",
        ),
    );
    expect_only(
        set(BETA, "/questions/1/source/section", json!("3 §")),
        issue(
            BETA,
            "questions[1].source.section",
            "section \"3 §\" is not among the sections of \"msb-krisen\" in sources.json",
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
            "point \"b-prepare\" belongs to \"seed-b.txt\", not to \"msb-krisen\"",
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
        set(ORG, "/it_service_desk/note/sv", json!(" ")),
        issue(ORG, "it_service_desk.note.sv", "text is missing or empty"),
    );
    assert!(issues_after(|f| remove(f, ORG, "/it_service_desk", "note")).is_empty());
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
        validate(&org, &sources, &modules),
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
            "duplicate step id \"listen\"",
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

#[test]
fn text_missing_in_a_language() {
    expect_only(
        |f| {
            remove(f, ALPHA, "/sections/0/title", "en");
        },
        issue(ALPHA, "sections[0].title.en", "text is missing or empty"),
    );
}

#[test]
fn empty_text_anywhere() {
    let cases: [(&str, &str, &str); 8] = [
        (BETA, "/summary/sv", "summary.sv"),
        (
            BETA,
            "/sections/0/blocks/0/items/1/en",
            "sections[0].blocks[0].items[1].en",
        ),
        (
            ALPHA,
            "/sections/0/blocks/2/title/sv",
            "sections[0].blocks[2].title.sv",
        ),
        (
            ALPHA,
            "/questions/0/options/1/text/en",
            "questions[0].options[1].text.en",
        ),
        (
            ALPHA,
            "/questions/2/explanation/sv",
            "questions[2].explanation.sv",
        ),
        (ALPHA, "/questions/3/steps/2/en", "questions[3].steps[2].en"),
        (
            ALPHA,
            "/questions/4/steps/0/choices/1/feedback/sv",
            "questions[4].steps[0].choices[1].feedback.sv",
        ),
        (
            ORG,
            "/emergency/internal_alarm_note/en",
            "emergency.internal_alarm_note.en",
        ),
    ];
    for (file, pointer, path) in cases {
        expect_only(
            |f| *at(f, file, pointer) = json!("  "),
            issue(file, path, "text is missing or empty"),
        );
    }
}

#[test]
fn single_or_multiple_without_a_correct_option() {
    expect_only(
        set(ALPHA, "/questions/0/options/1/correct", json!(false)),
        issue(ALPHA, "questions[0].options", "no option is marked correct"),
    );
    expect_only(
        |f| {
            *at(f, ALPHA, "/questions/1/options/0/correct") = json!(false);
            *at(f, ALPHA, "/questions/1/options/1/correct") = json!(false);
        },
        issue(ALPHA, "questions[1].options", "no option is marked correct"),
    );
}

#[test]
fn single_with_two_correct_options() {
    expect_only(
        set(ALPHA, "/questions/0/options/2/correct", json!(true)),
        issue(
            ALPHA,
            "questions[0].options",
            "a single-choice question must have exactly one correct option, found 2",
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
            "a question needs at least 2 options, found 1",
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
            "an ordering question needs at least 3 steps, found 2",
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
            "a scenario needs at least one step",
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
            "no choice is marked correct",
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
            "a step needs at least 2 choices, found 1",
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
            "step \"x\" does not exist",
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
            "seed \"seed-c.txt\" is not in sources.json",
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
            "section \"Beredskap\" is not among the sections of \"seed-a.txt\" in sources.json",
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
            "point \"b-nothing\" does not exist",
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
            "point \"a-report\" belongs to \"seed-a.txt\", not to \"seed-b.txt\"",
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
            set(ALPHA, "/sections/0/blocks/0/text/en", json!(format!("Read [this]({href})."))),
            issue(
                ALPHA,
                "sections[0].blocks[0].text.en",
                &format!(
                    "link \"this\" goes to \"{href}\"; only https:, mailto: and tel: links are allowed"
                ),
            ),
        );
    }
    for href in ["https://test.example/a", "mailto:a@test.example", "tel:112"] {
        let text = json!(format!("Read [this]({href})."));
        assert!(issues_after(set(ALPHA, "/sections/0/blocks/0/text/en", text)).is_empty());
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
            "\"[\" starts a link but is not followed by \"label](href)\"",
        ),
        (
            "Read [the policy] (https://test.example).",
            "\"[\" starts a link but is not followed by \"label](href)\"",
        ),
        (
            "Read [the policy](https://test.example.",
            "link \"the policy\" has no closing \")\"",
        ),
        (
            "Read the policy](https://test.example).",
            "\"](\" without a \"[\" before it: write links as [label](href)",
        ),
    ];
    for (text, message) in cases {
        expect_only(
            set(ALPHA, "/questions/0/prompt/en", json!(text)),
            issue(ALPHA, "questions[0].prompt.en", message),
        );
    }
}

#[test]
fn html_is_rejected() {
    expect_only(
        set(
            ALPHA,
            "/sections/2/blocks/0/text/sv",
            json!("Som <b>chef</b> följer du upp."),
        ),
        issue(
            ALPHA,
            "sections[2].blocks[0].text.sv",
            "HTML is not allowed; use **bold** and [label](https://…)",
        ),
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let issues = issues_after(|f| {
        *at(f, BETA, "/questions/1/options/0/correct") = json!(false);
        *at(f, ALPHA, "/title/en") = json!("");
        *at(f, SRC, "/documents/0/title") = json!("");
        *at(f, ORG, "/pass_mark") = json!(0);
        *at(f, ALPHA, "/questions/4/steps/0/choices/0/next") = json!("nowhere");
    });
    assert_eq!(
        issues,
        vec![
            issue(ORG, "pass_mark", "pass mark 0 must be between 1 and 100"),
            issue(SRC, "documents[0].title", "must not be empty"),
            issue(ALPHA, "title.en", "text is missing or empty"),
            issue(
                ALPHA,
                "questions[4].steps[0].choices[0].next",
                "step \"nowhere\" does not exist"
            ),
            issue(BETA, "questions[1].options", "no option is marked correct"),
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
            "the IT service desk is named here but organisation.json has no \"it_service_desk\"",
        ),
    );
}
