//! `imsmanifest.xml` for a SCORM package: one organisation with one item, launching one SCO
//! resource that lists every file of the release. Valid against the IMS content packaging
//! and ADL schemas of each version (checked with `xmllint --schema` in the tests).

use trygg_core::content::{Organisation, Role};
use trygg_core::language::Words;
use trygg_core::lms::ScormVersion;
use trygg_core::xml::escape_text;

/// The names that differ between the two versions' manifests.
struct Flavour {
    cp_namespace: &'static str,
    cp_schema: &'static str,
    adlcp_namespace: &'static str,
    adlcp_schema: &'static str,
    schema_version: &'static str,
    /// 1.2 spells it `scormtype`, 2004 `scormType`.
    scorm_type_attribute: &'static str,
}

const SCORM12: Flavour = Flavour {
    cp_namespace: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    cp_schema: "imscp_rootv1p1p2.xsd",
    adlcp_namespace: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    adlcp_schema: "adlcp_rootv1p2.xsd",
    schema_version: "1.2",
    scorm_type_attribute: "adlcp:scormtype",
};

const SCORM2004: Flavour = Flavour {
    cp_namespace: "http://www.imsglobal.org/xsd/imscp_v1p1",
    cp_schema: "imscp_v1p1.xsd",
    adlcp_namespace: "http://www.adlnet.org/xsd/adlcp_v1p3",
    adlcp_schema: "adlcp_v1p3.xsd",
    schema_version: "2004 4th Edition",
    scorm_type_attribute: "adlcp:scormType",
};

/// What the manifest says about the package.
pub struct ManifestInput<'a> {
    pub organisation: &'a Organisation,
    /// The course's own language's words (`package.*` in its `ui.json`).
    pub words: &'a Words,
    pub role: Option<Role>,
    /// Paths relative to the package root, with `/`, sorted.
    pub files: &'a [String],
    /// The release's fingerprint ([`release_version`]): the manifest's `version`, so an LMS
    /// administrator can tell one upload from the next by more than its date.
    pub version: &'a str,
}

/// A short fingerprint of the packed files (their paths and bytes, in `files` order): the
/// same release packs with the same version, and any changed file, app or content, gives a
/// new one. The content version on certificates covers only the course's structure, so a
/// reworded Finnish text would not change it; an LMS upload should.
pub fn release_version(files: &[(&str, &[u8])]) -> String {
    trygg_core::content::content_version(files)
}

/// The launch address: `index.html?lms=scorm` (the course then knows it was launched from an
/// LMS, and says so if it finds no API), with `&role=KEY` when the package is for one role
/// (the app then starts with that role chosen, and the learner does not pick one).
pub fn launch_href(role: Option<Role>) -> String {
    let mark = trygg_core::lms::PACKAGE_MARK;
    match role {
        Some(role) => format!("index.html?{mark}&role={}", role.key()),
        None => format!("index.html?{mark}"),
    }
}

/// The title an LMS lists: "Trygg – <organisation>", and the audience for a one-role package,
/// in the course's own language (`organisation` is its name there).
pub fn title(words: &Words, organisation: &str, role: Option<Role>) -> String {
    match role {
        None => words.fill("package.title", &[("organisation", organisation)]),
        Some(role) => words.fill(
            "package.title_role",
            &[
                ("organisation", organisation),
                (
                    "audience",
                    words.t(&format!("package.audience.{}", role.key())),
                ),
            ],
        ),
    }
}

/// The whole manifest.
pub fn manifest(version: ScormVersion, input: &ManifestInput<'_>) -> String {
    let org = input.organisation;
    // An xsd:ID may not start with a digit; course ids may.
    let course = if org.course_id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        org.course_id.clone()
    } else {
        format!("trygg-{}", org.course_id)
    };
    let identifier = match input.role {
        Some(role) => format!("{course}-{}", role.key()),
        None => course,
    };
    let title = escape_text(&title(input.words, org.name.as_str(), input.role));
    let release = escape_text(input.version);
    let href = escape_text(&launch_href(input.role));
    let f = match version {
        ScormVersion::Scorm12 => &SCORM12,
        ScormVersion::Scorm2004 => &SCORM2004,
    };
    let header = format!(
        "xmlns=\"{cp}\"\n          xmlns:adlcp=\"{adlcp}\"\n          \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n          \
         xsi:schemaLocation=\"{cp} {cp_xsd} {adlcp} {adlcp_xsd}\"",
        cp = f.cp_namespace,
        cp_xsd = f.cp_schema,
        adlcp = f.adlcp_namespace,
        adlcp_xsd = f.adlcp_schema,
    );
    let (schema_version, scorm_type) = (f.schema_version, f.scorm_type_attribute);
    // SCORM 1.2's pass mark on the score, which many LMSs show and some apply themselves: the
    // course's own, which the score reaches exactly when the course is passed (its score is
    // the weakest module's percent, `core/SCORING.md`). 2004 leaves passing to the course's
    // `success_status`, as its default sequencing does.
    let mastery = match version {
        ScormVersion::Scorm12 => format!(
            "        <adlcp:masteryscore>{}</adlcp:masteryscore>\n",
            org.pass_mark
        ),
        ScormVersion::Scorm2004 => String::new(),
    };
    let files: String = input
        .files
        .iter()
        .map(|f| format!("      <file href=\"{}\"/>\n", escape_text(f)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <manifest identifier=\"{identifier}\" version=\"{release}\"\n          {header}>\n  \
           <metadata>\n    <schema>ADL SCORM</schema>\n    \
             <schemaversion>{schema_version}</schemaversion>\n  </metadata>\n  \
           <organizations default=\"organisation\">\n    \
             <organization identifier=\"organisation\">\n      <title>{title}</title>\n      \
               <item identifier=\"course\" identifierref=\"sco\">\n        \
                 <title>{title}</title>\n{mastery}      </item>\n    </organization>\n  \
           </organizations>\n  <resources>\n    \
             <resource identifier=\"sco\" type=\"webcontent\" {scorm_type}=\"sco\" href=\"{href}\">\n\
         {files}    </resource>\n  </resources>\n</manifest>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use trygg_core::content::{parse_organisation, Lang};
    use trygg_core::language::Entry;

    /// The languages the shipped course lists.
    fn shipped() -> Vec<Lang> {
        let org = include_str!("../../content/organisation.json");
        let org = parse_organisation("organisation.json", org.as_bytes()).expect("parses");
        org.languages.iter().map(|l| l.tag).collect()
    }

    /// The keys a title is made from, found by asking words that have none (each lookup
    /// then gives its key), and for the audience, words whose role title is only it.
    fn title_keys(role: Option<Role>) -> Vec<String> {
        let lang = Lang::parse("sv").expect("tag");
        let title = title(&Words::new(lang, Vec::new()), "O", role);
        let mut keys = vec![title.clone()];
        if let Some(role) = role {
            let audience_only = Words::new(lang, vec![(title, Entry::Text("{audience}".into()))]);
            keys.push(super::title(&audience_only, "O", Some(role)));
        }
        keys
    }

    #[test]
    fn every_title_word_is_in_every_shipped_language() {
        let roles = [
            None,
            Some(Role::Employee),
            Some(Role::Manager),
            Some(Role::Elected),
        ];
        for lang in shipped() {
            let words = crate::words::words(lang, None).expect("built in");
            for role in roles {
                for key in title_keys(role) {
                    assert!(words.contains(&key), "{lang}: {key}");
                }
                let made = title(&words, "Region Ö", role);
                assert!(made.contains("Region Ö"), "{lang}: {made}");
                assert!(
                    !made.contains('{') && !made.contains("package."),
                    "{lang}: {made}"
                );
            }
        }
        assert_eq!(
            title_keys(Some(Role::Elected))[1],
            "package.audience.elected"
        );
    }
}
