//! `trygg sample`: writes realistic, valid completion files, so the roster (in the app and
//! the CLI) can be tried and load-tested without real learners' data. Names mix Swedish,
//! Polish, Turkish, Vietnamese and Cyrillic spellings to shake out encoding bugs; dates
//! spread over two years so every status appears; some people have renewed.

use std::fs;
use std::path::PathBuf;

use crate::args::{self, Arg, Args};
use std::time::{SystemTime, UNIX_EPOCH};

use trygg_core::certificate::{issue, IssueInput, Learner, ModuleResult};
use trygg_core::content::{load_course, load_course_in, Course, Lang, Role};
use trygg_core::date::Date;

const USAGE: &str = "usage: trygg sample --count N --out DIR [--seed S] [--today YYYY-MM-DD]
                    [--content CONTENT_DIR | --course ID]

Writes N valid completion files into DIR (created if missing), named by certificate id.
The same seed and --today give the same files. Completion dates fall in the two years
before --today (default: today, UTC).

With --content, the files are for that course as it is now: its id, content version,
validity and each role's required modules, so the manager view of a deployment shows them
as current. Without it, they are for a made-up course (id from --course, default
trygg-exempelregionen) with made-up modules and versions.";

const DEFAULT_COURSE: &str = "trygg-exempelregionen";
const DEFAULT_SEED: u64 = 20_240_229;

const FIRST_NAMES: &[&str] = &[
    "Åsa",
    "Örjan",
    "Ängla",
    "Björn",
    "Märta",
    "Göran",
    "Karin",
    "Lars",
    "Anna",
    "Mohammed",
    "Łukasz",
    "Małgorzata",
    "Ćwierć",
    "Şule",
    "Ayşe",
    "Ömer",
    "Nguyễn",
    "Thị Ngọc",
    "Анна",
    "Дмитрий",
    "Ольга",
    "Sören",
    "Jürgen",
    "Zoë",
    "Siobhán",
    "Aino",
    "José",
    "Fatima",
];

const LAST_NAMES: &[&str] = &[
    "Öberg",
    "Åström",
    "Ärlig",
    "Lindqvist",
    "Svensson",
    "Ek",
    "Håkansson",
    "Nyström",
    "Kowalczyk",
    "Wiśniewski",
    "Ćwikła",
    "Şahin",
    "Yılmaz",
    "Trần",
    "Phạm",
    "Lê Văn",
    "Петрова",
    "Иванов",
    "Smirnova",
    "Järvinen",
    "O'Brien",
    "García-López",
    "Al-Hassan",
];

const UNITS: &[&str] = &[
    "Akutmottagningen",
    "Vårdcentralen Öster",
    "Regionservice, IT",
    "HR & Lön",
    "Kollektivtrafik",
    "Kultur och fritid",
    "Miljöförvaltningen",
    "Regionstyrelsen",
];

/// (id, Swedish title, English title)
const MODULES: &[(&str, &str, &str)] = &[
    ("grunder", "Grunderna i säkerhet", "Security basics"),
    (
        "informationssakerhet",
        "Informationssäkerhet",
        "Information security",
    ),
    ("incidenter", "Rapportera incidenter", "Reporting incidents"),
    ("beredskap", "Kris och beredskap", "Crisis preparedness"),
    ("ledning", "Säkerhet i ledningen", "Security leadership"),
];

/// SplitMix64: tiny, seedable, good enough for sample data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for sample data.
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

struct Options {
    count: usize,
    out: PathBuf,
    seed: u64,
    course: String,
    content: Option<PathBuf>,
    today: Option<Date>,
}

/// The course the files are issued for.
struct SampleCourse {
    id: String,
    /// `None`: made-up versions by year of completion.
    version: Option<String>,
    validity_months: u8,
    /// The course's languages, its own first, each with the organisation's name in it.
    languages: Vec<(Lang, String)>,
    /// Each role's required modules: the id, and the title in each of `languages`, in order.
    required: [Vec<(String, Vec<String>)>; 3],
}

impl SampleCourse {
    fn made_up(id: &str) -> SampleCourse {
        let first = |n: usize| {
            MODULES[..n]
                .iter()
                .map(|(id, sv, en)| (id.to_string(), vec![sv.to_string(), en.to_string()]))
                .collect()
        };
        let languages = [("sv", "Exempelregionen"), ("en", "Example Region")]
            .into_iter()
            .filter_map(|(tag, name)| Lang::parse(tag).map(|l| (l, name.to_owned())))
            .collect();
        SampleCourse {
            id: id.to_owned(),
            version: None,
            validity_months: 12,
            languages,
            required: [first(3), first(5), first(4)],
        }
    }

    /// The course as filled in each of its languages, its own first.
    fn of(courses: &[Course]) -> SampleCourse {
        let course = &courses[0];
        let required = |role: Role| {
            course
                .required_modules(role)
                .into_iter()
                .map(|m| {
                    let titles = courses
                        .iter()
                        .map(|c| {
                            c.module(&m.id)
                                .map_or_else(String::new, |m| m.title.value.clone())
                        })
                        .collect();
                    (m.id.clone(), titles)
                })
                .collect()
        };
        SampleCourse {
            id: course.organisation.course_id.clone(),
            version: Some(course.version.clone()),
            validity_months: course.organisation.validity_months,
            languages: courses
                .iter()
                .filter_map(|c| c.lang.map(|l| (l, c.organisation.name.value.clone())))
                .collect(),
            required: [
                required(Role::Employee),
                required(Role::Manager),
                required(Role::Elected),
            ],
        }
    }

    fn required(&self, role: Role) -> &[(String, Vec<String>)] {
        match role {
            Role::Employee => &self.required[0],
            Role::Manager => &self.required[1],
            Role::Elected => &self.required[2],
        }
    }
}

/// Loads and checks the course in `dir`, as `trygg content check` does.
fn load_sample_course(dir: &std::path::Path) -> Result<SampleCourse, String> {
    let read = crate::content::read_course_files(dir);
    if let Some(issue) = read.unreadable.first() {
        return Err(format!("{}: {issue}", dir.display()));
    }
    let in_every_language = || -> Result<Vec<Course>, Vec<trygg_core::content::ContentIssue>> {
        let source = load_course(&read.files)?;
        let mut courses = vec![source.clone()];
        for info in source.organisation.languages.iter().skip(1) {
            courses.push(load_course_in(&read.files, Some(info.tag))?);
        }
        Ok(courses)
    };
    in_every_language()
        .map(|courses| SampleCourse::of(&courses))
        .map_err(|issues| {
            format!(
                "the content in {} has {} problem(s); run trygg content check {0}",
                dir.display(),
                issues.len()
            )
        })
}

fn parse_args(args: Args) -> Result<Option<Options>, String> {
    let mut count = None;
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut course = None;
    let mut content = None;
    let mut today = None;
    let mut parser = args::parser(args);
    while let Some(arg) = args::next(&mut parser)? {
        match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(None),
            Arg::Long("count") => {
                let v = args::text(&mut parser, "--count")?;
                count = Some(
                    v.parse::<usize>()
                        .map_err(|_| format!("--count must be a whole number, not {v}"))?,
                );
            }
            Arg::Long("out") => out = Some(args::path(&mut parser, "--out")?),
            Arg::Long("seed") => {
                let v = args::text(&mut parser, "--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed must be a whole number, not {v}"))?;
            }
            Arg::Long("course") => {
                let id = args::text(&mut parser, "--course")?;
                if id.trim().is_empty() {
                    return Err("--course must not be empty".into());
                }
                course = Some(id);
            }
            Arg::Long("content") => content = Some(args::path(&mut parser, "--content")?),
            Arg::Long("today") => today = Some(args::date(&mut parser, "--today")?),
            other => return Err(args::unexpected(other)),
        }
    }
    if course.is_some() && content.is_some() {
        return Err(
            "--course and --content cannot be used together: the course id comes from the content"
                .into(),
        );
    }
    Ok(Some(Options {
        count: count.ok_or("--count is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        course: course.unwrap_or_else(|| DEFAULT_COURSE.to_owned()),
        content,
        today,
    }))
}

/// Runs the subcommand on the arguments after `sample`; returns the exit code: 0 when all
/// files were written, 1 when writing failed, 2 for bad arguments.
pub fn run(args: Args) -> i32 {
    let o = match args::parsed_or_exit("sample", USAGE, parse_args(args)) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let course = match &o.content {
        Some(dir) => match load_sample_course(dir) {
            Ok(course) => course,
            Err(problem) => {
                complain!("trygg sample: {problem}");
                return 1;
            }
        },
        None => SampleCourse::made_up(&o.course),
    };
    if let Err(e) = fs::create_dir_all(&o.out) {
        complain!("trygg sample: could not create {}: {e}", o.out.display());
        return 1;
    }
    let today = o.today.unwrap_or_else(system_today);
    let mut rng = Rng(o.seed);
    // About one in six files belongs to someone who already has one: a renewal.
    let people = (o.count * 5 / 6).max(1);
    for i in 0..o.count {
        let person = if i < people { i } else { rng.below(people) };
        let mut person_rng = Rng(o.seed ^ (person as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let input = sample_input(&mut person_rng, person, &course);
        let record = issue_sample(input, &course, &mut rng, today, i);
        let path = o.out.join(format!("{}.json", record.certificate_id));
        let text = match serde_json::to_string_pretty(&record) {
            Ok(text) => text,
            Err(e) => {
                complain!("trygg sample: could not serialise a record: {e}");
                return 1;
            }
        };
        if let Err(e) = fs::write(&path, text + "\n") {
            complain!("trygg sample: could not write {}: {e}", path.display());
            return 1;
        }
    }
    say!(
        "Wrote {} completion files for course {} to {}",
        o.count,
        course.id,
        o.out.display()
    );
    0
}

/// The person-dependent part of a record; the same person always gets the same details.
fn sample_input(rng: &mut Rng, person: usize, course: &SampleCourse) -> IssueInput {
    let first = rng.pick(FIRST_NAMES);
    let last = rng.pick(LAST_NAMES);
    let full_name = format!("{first} {last}");
    // Unique per person: a shared number would merge two people in the roster.
    let employee_number = if rng.chance(80) {
        format!("{}", 100_000 + person)
    } else {
        String::new()
    };
    let unit = if rng.chance(95) { rng.pick(UNITS) } else { "" }.to_owned();
    let email = if rng.chance(60) {
        format!("{}.{}@exempelregionen.se", ascii(first), ascii(last))
    } else {
        String::new()
    };
    let role = match rng.below(10) {
        0..=6 => Role::Employee,
        7 | 8 => Role::Manager,
        _ => Role::Elected,
    };
    // Three in four learners use the course's own language, the rest one of the others.
    let others = course.languages.len().saturating_sub(1);
    let which = if others == 0 || rng.chance(75) {
        0
    } else {
        1 + rng.below(others)
    };
    let (lang, organisation) = course.languages[which].clone();
    IssueInput {
        course_id: course.id.clone(),
        content_version: String::new(),
        organisation,
        learner: Learner {
            full_name,
            employee_number,
            unit,
            email,
        },
        role,
        lang,
        modules: Vec::new(),
        validity_months: course.validity_months,
    }
}

/// Where `lang` stands among the course's languages.
fn which_language(course: &SampleCourse, lang: Lang) -> usize {
    course
        .languages
        .iter()
        .position(|(l, _)| *l == lang)
        .unwrap_or(0)
}

/// Adds the occasion-dependent part: when, which modules, what scores.
fn issue_sample(
    mut input: IssueInput,
    course: &SampleCourse,
    rng: &mut Rng,
    today: Date,
    index: usize,
) -> trygg_core::certificate::CompletionRecord {
    let completed_on = today.add_days(-(rng.below(730) as i64));
    input.content_version = match &course.version {
        Some(version) => version.clone(),
        None if completed_on.year >= 2025 => "2025.1".to_owned(),
        None => "2024.2".to_owned(),
    };
    let modules = course.required(input.role);
    let required = modules.len();
    let mut passed_on = completed_on.add_days(-(rng.below(20) as i64));
    input.modules = modules
        .iter()
        .enumerate()
        .map(|(i, (id, titles))| {
            if i > 0 {
                passed_on = passed_on.add_days(rng.below(4) as i64).min(completed_on);
            }
            let on = if i + 1 == required {
                completed_on
            } else {
                passed_on
            };
            ModuleResult {
                id: id.clone(),
                title: titles
                    .get(which_language(course, input.lang))
                    .cloned()
                    .unwrap_or_default(),
                percent: (80 + rng.below(21)) as u8,
                passed_on: on,
            }
        })
        .collect();
    // Issued on the completion day, at some time of the working day; the index keeps
    // every file's issue time (and so its id) distinct.
    let ms = completed_on.to_unix_ms() + 25_200_000 + (rng.below(36_000_000) as u64) + index as u64;
    issue(input, ms)
}

/// A rough ASCII form of a name for an e-mail address ("person" for scripts it cannot
/// transliterate, such as Cyrillic).
fn ascii(name: &str) -> String {
    let text: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(transliterate)
        .take(30)
        .collect();
    if text.is_empty() {
        "person".to_owned()
    } else {
        text
    }
}

fn transliterate(c: char) -> Option<char> {
    Some(match c {
        'å' | 'ä' | 'à' | 'á' | 'â' | 'ă' | 'ạ' | 'ầ' => 'a',
        'ö' | 'ó' | 'ò' | 'ô' | 'ơ' | 'ọ' | 'ø' => 'o',
        'é' | 'è' | 'ê' | 'ë' | 'ễ' | 'ệ' | 'ế' => 'e',
        'ü' | 'ú' | 'ù' | 'ư' => 'u',
        'ı' | 'í' | 'ì' | 'ị' => 'i',
        'ł' => 'l',
        'ś' | 'ş' => 's',
        'ć' => 'c',
        'ğ' => 'g',
        'ñ' => 'n',
        'đ' => 'd',
        c if c.is_ascii_alphanumeric() => c,
        _ => return None,
    })
}

fn system_today() -> Date {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0);
    Date::from_unix_ms(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::args;
    use trygg_core::certificate::{certificate_valid_until, verify, DEFAULT_MAX_BYTES};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("trygg-sample-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn read_all(dir: &PathBuf) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn writes_valid_varied_reproducible_files() {
        let dir = temp_dir("a");
        let d = dir.to_string_lossy().into_owned();
        let base = [
            "--count",
            "300",
            "--out",
            &d,
            "--seed",
            "7",
            "--today",
            "2025-06-15",
        ];
        assert_eq!(run(args(&base)), 0);
        let files = read_all(&dir);
        assert_eq!(files.len(), 300);
        let today = Date::parse_iso("2025-06-15").unwrap();
        let mut units = std::collections::HashSet::new();
        let mut roles = std::collections::HashSet::new();
        let mut names = String::new();
        let (mut expired, mut valid) = (0, 0);
        for (name, text) in &files {
            let r = verify(text.as_bytes(), Some(DEFAULT_COURSE), DEFAULT_MAX_BYTES)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(name, &format!("{}.json", r.certificate_id));
            assert!(r.completed_on <= today && r.completed_on >= today.add_days(-730));
            assert!(r.modules.iter().all(|m| m.passed_on <= r.completed_on));
            units.insert(r.learner.unit.clone());
            roles.insert(r.role);
            names.push_str(&r.learner.full_name);
            if r.valid_until < today {
                expired += 1;
            } else {
                valid += 1;
            }
        }
        assert!(units.len() >= 6, "{units:?}");
        assert_eq!(roles.len(), 3);
        assert!(expired > 50 && valid > 50, "{expired} {valid}");
        for letter in ['å', 'ä', 'ö', 'ł', 'ş', 'ễ', 'ć'] {
            assert!(names.contains(letter), "no {letter}");
        }
        assert!(
            names.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)),
            "no Cyrillic"
        );

        // Same seed, same files; another seed, other files.
        let again = temp_dir("b");
        let a = again.to_string_lossy().into_owned();
        let mut same = base;
        same[3] = &a;
        assert_eq!(run(args(&same)), 0);
        assert_eq!(read_all(&again), files);
        let _ = fs::remove_dir_all(&again);
        let mut other = same;
        other[5] = "8";
        assert_eq!(run(args(&other)), 0);
        assert_ne!(read_all(&again), files);
        let _ = fs::remove_dir_all(&again);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn files_for_a_real_course_carry_its_id_version_and_modules() {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let read = crate::content::read_course_files(&content);
        let course = load_course(&read.files).expect("the shipped content is valid");
        let dir = temp_dir("real");
        let d = dir.to_string_lossy().into_owned();
        let c = content.to_string_lossy().into_owned();
        let list = [
            "--count",
            "40",
            "--out",
            &d,
            "--content",
            &c,
            "--today",
            "2026-11-25",
        ];
        assert_eq!(run(args(&list)), 0);
        let files = read_all(&dir);
        assert_eq!(files.len(), 40);
        for (name, text) in &files {
            let r = verify(
                text.as_bytes(),
                Some(&course.organisation.course_id),
                DEFAULT_MAX_BYTES,
            )
            .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(r.content_version, course.version);
            let ids: Vec<&str> = r.modules.iter().map(|m| m.id.as_str()).collect();
            let required: Vec<&str> = course
                .required_modules(r.role)
                .iter()
                .map(|m| m.id.as_str())
                .collect();
            assert_eq!(ids, required, "{name}");
            assert_eq!(
                Some(r.valid_until),
                certificate_valid_until(&r.modules, course.organisation.validity_months),
                "{name}: valid until the earliest module expires"
            );
        }
        let _ = fs::remove_dir_all(&dir);
        let both = [
            "--count",
            "1",
            "--out",
            &d,
            "--content",
            &c,
            "--course",
            "x",
        ];
        assert_eq!(run(args(&both)), 2);
        let broken = ["--count", "1", "--out", &d, "--content", "/nonexistent"];
        assert_eq!(run(args(&broken)), 1);
    }

    #[test]
    fn bad_arguments_exit_2() {
        assert_eq!(run(Vec::new()), 2);
        assert_eq!(run(args(&["--count", "x", "--out", "/tmp/x"])), 2);
        assert_eq!(run(args(&["--count", "3"])), 2);
        assert_eq!(run(args(&["--out", "/tmp/x"])), 2);
        assert_eq!(
            run(args(&[
                "--count",
                "3",
                "--out",
                "/tmp/x",
                "--today",
                "2025-13-01"
            ])),
            2
        );
        assert_eq!(run(args(&["--count", "3", "--out", "/tmp/x", "--wat"])), 2);
        assert_eq!(run(args(&["--help"])), 0);
    }

    #[test]
    fn custom_course_and_zero_count() {
        let dir = temp_dir("c");
        let d = dir.to_string_lossy().into_owned();
        assert_eq!(run(args(&["--count=0", "--out", &d])), 0);
        assert!(read_all(&dir).is_empty());
        assert_eq!(run(args(&["--count=2", "--out", &d, "--course=kurs-x"])), 0);
        for (_, text) in read_all(&dir) {
            assert!(verify(text.as_bytes(), Some("kurs-x"), DEFAULT_MAX_BYTES).is_ok());
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn ascii_handles_every_script() {
        assert_eq!(ascii("Åsa"), "asa");
        assert_eq!(ascii("Ćwikła"), "cwikla");
        assert_eq!(ascii("Lê Văn"), "levan");
        assert_eq!(ascii("Анна"), "person");
    }
}
