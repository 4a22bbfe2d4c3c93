//! The committed JSON Schemas in `content/schema/` must equal what the Rust types generate,
//! so editors never validate against a stale format.

use std::fs;
use std::path::Path;
use std::process::Command;

#[test]
fn committed_schemas_match_the_types() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/schema");
    for (name, fresh) in trygg_core::content::schemas() {
        let path = committed.join(name);
        let on_disk = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == fresh,
            "{} is out of date; run `cargo run -p trygg-cli -- content schema content/schema`",
            path.display()
        );
    }
}

#[test]
fn schema_command_writes_every_schema() {
    let dir = std::env::temp_dir().join(format!("trygg-content-schema-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(["content", "schema"])
        .arg(&dir)
        .output()
        .expect("run trygg");
    assert_eq!(out.status.code(), Some(0));
    let schemas = trygg_core::content::schemas();
    let names: Vec<&str> = schemas.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names,
        [
            "organisation.schema.json",
            "sources.schema.json",
            "module.schema.json",
            "texts.schema.json",
            "ui.schema.json"
        ]
    );
    for (name, fresh) in schemas {
        assert_eq!(
            fs::read_to_string(dir.join(name)).ok(),
            Some(fresh),
            "{name}"
        );
        let v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join(name)).unwrap_or_default())
                .expect("schema is JSON");
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
    }
    let _ = fs::remove_dir_all(&dir);
}

/// The schema a content file names in `$schema`, as its folder sees it; every file names one.
fn named_schema(root: &Path, rel: &str) -> String {
    let text = fs::read_to_string(root.join(rel)).expect("content file");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let named = v["$schema"]
        .as_str()
        .unwrap_or_else(|| panic!("{rel} names no $schema"));
    // Resolve `../` against the file's folder.
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for part in named.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Every file of a content folder names the schema for its kind, and that schema exists.
fn assert_schemas_named(root: &Path) {
    let org = fs::read(root.join("organisation.json")).expect("organisation.json");
    let org = trygg_core::content::parse_organisation("organisation.json", &org).expect("parses");
    let mut expected = vec![
        (
            "organisation.json".to_owned(),
            "schema/organisation.schema.json",
        ),
        ("sources.json".to_owned(), "schema/sources.schema.json"),
    ];
    for id in &org.modules {
        expected.push((format!("modules/{id}.json"), "schema/module.schema.json"));
    }
    for language in &org.languages {
        let dir = format!("languages/{}", language.tag);
        expected.push((format!("{dir}/ui.json"), "schema/ui.schema.json"));
        expected.push((format!("{dir}/course.json"), "schema/texts.schema.json"));
        for id in &org.modules {
            expected.push((
                format!("{dir}/modules/{id}.json"),
                "schema/texts.schema.json",
            ));
        }
    }
    for (file, schema) in expected {
        if file.ends_with("ui.json") && !root.join(&file).exists() {
            continue; // the core's fixture has no UI words for some languages
        }
        assert_eq!(
            named_schema(root, &file),
            schema,
            "{}",
            root.join(&file).display()
        );
    }
}

#[test]
fn every_content_file_names_its_schema() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shipped = workspace.join("content");
    assert_schemas_named(&shipped);
    for (name, _) in trygg_core::content::schemas() {
        assert!(shipped.join("schema").join(name).is_file(), "{name}");
    }
    assert_schemas_named(&workspace.join("core/tests/fixtures/content"));
}

/// The UI schema's counted text has the categories the reader knows, `other` required.
#[test]
fn the_ui_schema_knows_the_plural_categories() {
    let (_, text) = trygg_core::content::schemas()
        .into_iter()
        .find(|(name, _)| *name == "ui.schema.json")
        .expect("ui.schema.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let counted = &v["definitions"]["Counted"];
    let mut names: Vec<&str> = counted["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    let mut known: Vec<&str> = trygg_core::language::PluralCategory::ALL
        .iter()
        .map(|c| c.name())
        .collect();
    known.sort_unstable();
    assert_eq!(names, known);
    assert_eq!(counted["required"], serde_json::json!(["other"]));
    assert_eq!(counted["additionalProperties"], false);
    assert_eq!(v["additionalProperties"]["$ref"], "#/definitions/UiString");
}
