//! UI strings. One table per language; lessons and questions come from `content/` instead.
//! Keys are plain strings so a missing translation shows up in a test, not as a blank.

mod en;
mod en_certificate;
mod en_course;
mod en_manager;
mod en_shell;
mod sv;
mod sv_certificate;
mod sv_course;
mod sv_manager;
mod sv_shell;

use std::cell::RefCell;

use trygg_core::content::{Lang, Role};

type Part = &'static [(&'static str, &'static str)];

/// The strings of one area of the UI in both languages. Each wasm module (the app, the course
/// pages, the manager view) registers the areas its pages use with [`use_areas`], so it
/// carries no other module's strings; [`COMMON`] is always there.
pub struct Area {
    sv: Part,
    en: Part,
}

impl Area {
    fn part(&self, lang: Lang) -> Part {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

/// Navigation, page names, storage warnings and notices, content errors: every module.
pub static COMMON: Area = Area {
    sv: sv::TABLE,
    en: en::TABLE,
};
/// The app's own pages: start and about.
pub static SHELL: Area = Area {
    sv: sv_shell::TABLE,
    en: en_shell::TABLE,
};
/// The course module: my training, lessons, quizzes, my data.
pub static COURSE: Area = Area {
    sv: sv_course::TABLE,
    en: en_course::TABLE,
};
/// The course module's certificate page and the files it makes.
pub static CERTIFICATE: Area = Area {
    sv: sv_certificate::TABLE,
    en: en_certificate::TABLE,
};
/// The manager module.
pub static MANAGER: Area = Area {
    sv: sv_manager::TABLE,
    en: en_manager::TABLE,
};

thread_local! {
    static AREAS: RefCell<Vec<&'static Area>> = const { RefCell::new(Vec::new()) };
}

/// Adds the areas this module's pages use to the lookup of [`t`].
pub fn use_areas(areas: &[&'static Area]) {
    AREAS.with(|registered| {
        let mut registered = registered.borrow_mut();
        for area in areas {
            if !registered.iter().any(|r| std::ptr::eq(*r, *area)) {
                registered.push(area);
            }
        }
    });
}

/// The text for `key`; the key itself if missing, so a gap is visible rather than silent.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let find = |part: Part| part.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    find(COMMON.part(lang))
        .or_else(|| {
            AREAS.with(|areas| areas.borrow().iter().find_map(|area| find(area.part(lang))))
        })
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

/// The key of a role's name in the UI tables.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Employee => "role.employee",
        Role::Manager => "role.manager",
        Role::Elected => "role.elected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<&'static str> {
        entries(lang).map(|(k, _)| *k).collect()
    }

    const ALL: [&Area; 5] = [&COMMON, &SHELL, &COURSE, &CERTIFICATE, &MANAGER];

    fn entries(lang: Lang) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
        ALL.into_iter().flat_map(move |area| area.part(lang).iter())
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
    fn every_key_used_in_the_source_exists_in_its_modules_areas() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        let known = keys(Lang::Sv);
        let prefixes: BTreeSet<&str> = known.iter().filter_map(|k| k.split('.').next()).collect();
        let mut check = |path: &str, text: &str| {
            if path.contains("src/shared/i18n/") {
                return; // the tables themselves
            }
            let mut areas = vec![&COMMON];
            areas.extend(areas_of(path));
            let reachable: BTreeSet<&str> = areas
                .iter()
                .flat_map(|area| area.part(Lang::Sv).iter().map(|(k, _)| *k))
                .collect();
            // Every string literal shaped like `area.key` whose area is a table area.
            for literal in text.split('"').skip(1).step_by(2) {
                let shaped = literal.contains('.')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                let area = literal.split('.').next().unwrap_or_default();
                if shaped && prefixes.contains(area) && !reachable.contains(literal) {
                    missing.push(format!("{path}: {literal}"));
                }
            }
        };
        for dir in ["src", "course/src", "manager/src"] {
            visit(&root.join(dir), &mut check);
        }
        assert!(
            missing.is_empty(),
            "keys used but not translated in the areas the file's module registers: {missing:?}"
        );
    }

    /// The areas registered by the module a source file is built into (besides COMMON),
    /// which its folder says: `src/shell/` (and the shell's `lib.rs`, `main.rs`),
    /// `src/course/` and the `course/` crate, `src/manager/` and the `manager/` crate. Files in
    /// `src/shared/` are rendered by every module and get COMMON only.
    fn areas_of(path: &str) -> Vec<&'static Area> {
        if path.contains("/src/manager/") || path.contains("/manager/src/") {
            vec![&MANAGER]
        } else if path.contains("/src/course/") || path.contains("/course/src/") {
            vec![&COURSE, &CERTIFICATE]
        } else if path.contains("/src/shell/")
            || path.ends_with("/src/lib.rs")
            || path.ends_with("/src/main.rs")
        {
            vec![&SHELL]
        } else {
            Vec::new()
        }
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&str, &str)) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                f(&path.to_string_lossy(), &text);
            }
        }
    }
}
