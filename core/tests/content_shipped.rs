//! Editorial rules the shipped course keeps in every language, beyond what `trygg content
//! check` asks of any organisation's content.

use std::path::{Path, PathBuf};

use trygg_core::content::{load_course_in, QuestionKind};

/// Every file under `content/`, by its path relative to that folder.
fn shipped_files() -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("content folder") {
            let path: PathBuf = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                let rel = path.strip_prefix(root).expect("under root");
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read(&path).expect("readable")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files
}

/// After a right answer the page shows "Right!" and then the explanation: one that opens with
/// a verdict ("Wrong.") reads as "Right! Wrong.". Each true/false explanation opens with the
/// word of the button that is right, in each language.
#[test]
fn a_true_false_explanation_opens_with_the_right_buttons_word() {
    let files = shipped_files();
    let source = load_course_in(&files, None).expect("the shipped course loads");
    for info in &source.organisation.languages {
        let ui = files
            .iter()
            .find(|(path, _)| *path == format!("languages/{}/ui.json", info.tag.code()))
            .map(|(_, bytes)| serde_json::from_slice::<serde_json::Value>(bytes).expect("ui.json"))
            .expect("every language has ui.json");
        let course = load_course_in(&files, Some(info.tag)).expect("the language loads");
        for module in &course.modules {
            for question in &module.questions {
                let QuestionKind::TrueFalse { answer } = question.kind else {
                    continue;
                };
                let key = if answer { "quiz.true" } else { "quiz.false" };
                let word = ui[key].as_str().expect("the button's word");
                let explanation = &question.explanation.value;
                assert!(
                    explanation.starts_with(&format!("{word}.")),
                    "{}: {}/{}: \"{explanation}\" should open with \"{word}.\"",
                    info.tag.code(),
                    module.id,
                    question.id
                );
            }
        }
    }
}
