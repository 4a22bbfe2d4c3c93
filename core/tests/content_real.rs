//! The shipped course in `<workspace>/content`: it must load, be complete and cover every
//! policy point. (While module authors are still writing, this test may fail; the fixture
//! tests are what guard the checker itself.)

mod content_support;

use std::path::{Path, PathBuf};

use content_support::{lang, shipped_course, shipped_course_in, shipped_languages};
use trygg_core::content::{
    markup_shown, module_slots, parse_inline, uncovered_points, Inline, QuestionKind, Role,
};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn real_content_passes_every_check() {
    let course = shipped_course();
    assert_eq!(course.modules.len(), 7, "all seven modules");
    // Every shipped language has its own title for every module, none taken from another.
    for lang in shipped_languages() {
        let course = shipped_course_in(Some(lang));
        assert_eq!(course.lang, Some(lang));
        for module in &course.modules {
            assert!(!module.title.value.is_empty(), "{lang}: {}", module.id);
            assert_eq!(module.title.from, None, "{lang}: {}", module.id);
        }
    }
    let mut types: Vec<&str> = course
        .modules
        .iter()
        .flat_map(|m| &m.questions)
        .map(|q| q.kind.type_name())
        .collect();
    types.sort_unstable();
    types.dedup();
    assert_eq!(
        types,
        ["multiple", "ordering", "scenario", "single", "true_false"]
    );
    assert_eq!(uncovered_points(&course), vec![]);
}

/// Elected officials are not staff: their quizzes never ask about patient records, the
/// clinic's own routines or what a manager tells them to do at work.
/// Swedish terms the Finnish course quotes (laws, agencies, alarms, security classes, the
/// region's bodies), lower case; a compound (`säkerhetsskyddslagen`) counts by its stem.
const SWEDISH_TERMS: [&str; 33] = [
    "säkerhetsskydd",
    "hemlig",
    "konfidentiell",
    "offentlig",
    "säkerhetsprövning",
    "säkerhetsklass",
    "registerkontroll",
    "säkerhetspolisen",
    "integritetsskyddsmyndigheten",
    "cybersäkerhetslagen",
    "försvarsmakten",
    "höjd beredskap",
    "beredskapslarm",
    "särskild händelse",
    "tjänsteman i beredskap",
    "stabsläge",
    "förstärkningsläge",
    "katastrofläge",
    "extraordinär",
    "viktigt meddelande till allmänheten",
    "flyglarm",
    "skyddsrum",
    "krisledningsnämnd",
    "hemvärnet",
    "regionfullmäktige",
    "regionstyrelsen",
    "regiondirektören",
    "välfärdsbrott",
    "sekretessmarkering",
    "skyddad folkbokföring",
    "fingerade personuppgifter",
    "visselblåsar",
    "myndigheten för",
];

/// WCAG 3.1.2: a screen reader reads a Finnish page in Finnish, so each Swedish term it
/// quotes must be marked `[…]{lang=sv}` wherever the app renders markup, options included.
#[test]
fn swedish_terms_in_the_finnish_course_are_marked_as_swedish() {
    let course = shipped_course_in(Some(lang("fi")));
    let mut unmarked = Vec::new();
    let mut marked = 0;
    for module in &course.modules {
        for (key, text) in module_slots(&mut module.clone()) {
            assert_eq!(text.from, None, "{}: {key} is not Finnish", module.id);
            if !markup_shown(&key) {
                continue;
            }
            let parts = parse_inline(&text.value).expect("the check passed");
            for part in parts {
                match part {
                    Inline::Foreign { lang, .. } if lang == "sv" => marked += 1,
                    Inline::Text(words) | Inline::Strong(words) => {
                        let words = words.to_lowercase();
                        unmarked.extend(
                            SWEDISH_TERMS
                                .iter()
                                .filter(|term| words.contains(*term))
                                .map(|term| format!("{}: {key}: {term}", module.id)),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    assert_eq!(unmarked, Vec::<String>::new());
    assert!(marked >= 60, "{marked} Swedish terms marked");
}

#[test]
fn elected_officials_get_no_questions_written_for_staff() {
    // The words below are Swedish.
    let course = shipped_course_in(Some(lang("sv")));
    let staff_only = [
        "journal",
        "klinik",
        "mottagning",
        "din chef",
        "ny på jobbet",
    ];
    for module in &course.modules {
        for q in module.questions.iter().filter(|q| q.is_for(Role::Elected)) {
            let mut text = q.prompt.value.to_lowercase();
            if let QuestionKind::Scenario { steps } = &q.kind {
                for step in steps {
                    text.push(' ');
                    text.push_str(&step.text.value.to_lowercase());
                }
            }
            for word in staff_only {
                assert!(
                    !text.contains(word),
                    "{}: question {} is asked of elected officials but mentions \"{word}\"",
                    module.id,
                    q.id
                );
            }
        }
    }
}

/// Every policy section heading cited in sources.json must be found verbatim in its seed, so
/// a reviewer can search for it. The seeds (the organisation's own policy texts) live outside
/// the repository, so CI cannot run this; whoever edits sources.json runs it with the seeds
/// at hand: `TRYGG_SEEDS=/path/to/seeds cargo test -p trygg-core --test content_real --
/// --ignored` (README, "Tests").
#[test]
#[ignore = "needs the policy seeds from outside the repository: set TRYGG_SEEDS and pass --ignored"]
fn source_sections_appear_verbatim_in_their_seeds() {
    let seeds = std::env::var_os("TRYGG_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared/seeds"));
    assert!(
        seeds.is_dir(),
        "no seed folder at {}: set TRYGG_SEEDS to the folder of policy seeds",
        seeds.display()
    );
    let bytes = std::fs::read(workspace().join("content/sources.json")).expect("sources.json");
    let sources = trygg_core::content::parse_sources("sources.json", &bytes).expect("parses");
    let mut missing = Vec::new();
    // Laws and guidance are public texts outside the seeds; only policies have a seed file.
    let policies = sources
        .documents
        .iter()
        .filter(|d| d.kind == trygg_core::content::DocumentKind::Policy);
    for doc in policies {
        let text = std::fs::read_to_string(seeds.join(&doc.file))
            .unwrap_or_else(|e| panic!("seed {}: {e}", doc.file));
        // "(…)" locates a passage that has no heading in the excerpt; it is not quoted.
        let quoted = doc
            .sections
            .iter()
            .filter(|s| !(s.starts_with('(') && s.ends_with(')')));
        for section in quoted {
            if !text.contains(section.as_str()) {
                missing.push(format!("{}: \"{section}\"", doc.file));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "sections not found verbatim:\n{}",
        missing.join("\n")
    );
}

/// A source names one section of its document, and every point it cites must stand under
/// that section: either the very same one, or, for a law cited by chapter (`4 kap.`), one of
/// that chapter's paragraphs (`4 kap. 2 §`). A lesson that draws on several places of a
/// document is split so that each part cites its own.
#[test]
fn every_cited_point_stands_under_the_cited_section() {
    let course = shipped_course();
    let sources = course
        .sources
        .as_ref()
        .expect("the shipped course has sources.json");
    let mut point_section = std::collections::HashMap::new();
    for doc in &sources.documents {
        for point in &doc.points {
            point_section.insert(point.id.as_str(), point.section.as_str());
        }
    }
    let under = |cited: &str, of_point: &str| {
        cited == of_point
            || (cited.ends_with(" kap.") && of_point.starts_with(&format!("{cited} ")))
    };
    let mut wrong = Vec::new();
    for module in &course.modules {
        let sources = module
            .sections
            .iter()
            .map(|s| (&s.id, &s.source))
            .chain(module.questions.iter().map(|q| (&q.id, &q.source)));
        for (id, source) in sources {
            for point in &source.points {
                let of_point = point_section.get(point.as_str()).copied().unwrap_or("?");
                if !under(&source.section, of_point) {
                    wrong.push(format!(
                        "{}/{id}: cites \"{}\" for {point}, which stands under \"{of_point}\"",
                        module.id, source.section
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
