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
fn schema_command_writes_the_three_files() {
    let dir = std::env::temp_dir().join(format!("trygg-content-schema-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(["content", "schema"])
        .arg(&dir)
        .output()
        .expect("run trygg");
    assert_eq!(out.status.code(), Some(0));
    let schemas = trygg_core::content::schemas();
    assert_eq!(schemas.len(), 3);
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
