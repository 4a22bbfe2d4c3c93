//! UI strings. One table per language; lessons and questions come from `content/` instead.
//! Keys are plain strings so a missing translation shows up in a test, not as a blank.

mod en;
mod en_certificate;
mod en_manager;
mod sv;
mod sv_certificate;
mod sv_manager;

use trygg_core::content::Lang;

type Part = &'static [(&'static str, &'static str)];

/// The table for a language, kept in parts by area so pages can be worked on separately.
pub fn table(lang: Lang) -> [Part; 3] {
    match lang {
        Lang::Sv => [sv::TABLE, sv_certificate::TABLE, sv_manager::TABLE],
        Lang::En => [en::TABLE, en_certificate::TABLE, en_manager::TABLE],
    }
}

/// The text for `key`; the key itself if missing, so a gap is visible rather than silent.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    table(lang)
        .iter()
        .flat_map(|part| part.iter())
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or(key)
}

/// Replaces `{name}` placeholders; values are plain text, never markup.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        entries(lang).map(|(k, _)| *k).collect()
    }

    fn entries(lang: Lang) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
        table(lang).into_iter().flat_map(|part| part.iter())
    }

    #[test]
    fn every_key_exists_in_both_languages() {
        let sv = keys(Lang::Sv);
        let en = keys(Lang::En);
        let only_sv: Vec<_> = sv.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sv).collect();
        assert!(only_sv.is_empty(), "missing in English: {only_sv:?}");
        assert!(only_en.is_empty(), "missing in Swedish: {only_en:?}");
    }

    #[test]
    fn no_key_is_listed_twice_or_left_empty() {
        for lang in Lang::ALL {
            assert_eq!(
                keys(lang).len(),
                entries(lang).count(),
                "duplicate key in {lang:?}"
            );
            for (k, v) in entries(lang) {
                assert!(!v.trim().is_empty(), "{lang:?}: {k} is empty");
            }
        }
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        let known = keys(Lang::Sv);
        let prefixes: BTreeSet<&str> = known.iter().filter_map(|k| k.split('.').next()).collect();
        visit(std::path::Path::new(src), &mut |text| {
            // Every string literal shaped like `area.key` whose area is a table area.
            for literal in text.split('"').skip(1).step_by(2) {
                let shaped = literal.contains('.')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                let area = literal.split('.').next().unwrap_or_default();
                if shaped && prefixes.contains(area) && !known.contains(literal) {
                    missing.push(literal.to_string());
                }
            }
        });
        assert!(
            missing.is_empty(),
            "keys used but not translated: {missing:?}"
        );
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&str)) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                f(&std::fs::read_to_string(&path).expect("source is UTF-8"));
            }
        }
    }
}
