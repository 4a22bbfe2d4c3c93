//! A language as content names it. Languages are data: an organisation adds one by adding
//! its files under `content/languages/<tag>/` and listing it in `organisation.json`, so no
//! language is known to the code. A tag is kept inline and is `Copy`, as it travels with
//! every page, progress document and certificate.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest tag accepted. Real tags are short (`sv`, `fi`, `se-FI`, `sr-Latn-RS`,
/// `sv-x-lattlast`); a longer one is a mistake in a file, not a language.
pub const MAX_TAG_LEN: usize = 23;

/// A BCP 47 language tag such as `sv`, `fi` or `ar`, as written in `organisation.json`.
/// Compared byte for byte: `organisation.json` names each language once, and every file and
/// record uses that spelling.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    len: u8,
    bytes: [u8; MAX_TAG_LEN],
}

impl Lang {
    /// The tag if `code` is a well-formed BCP 47 tag: subtags of 1–8 ASCII letters or digits
    /// joined by `-`, the first being 2–8 letters, at most [`MAX_TAG_LEN`] characters.
    pub fn parse(code: &str) -> Option<Lang> {
        if !is_well_formed(code) {
            return None;
        }
        let mut bytes = [0; MAX_TAG_LEN];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        Some(Lang {
            len: code.len() as u8,
            bytes,
        })
    }

    /// The tag, for `<html lang>`, file names, PDF metadata and records.
    pub fn code(&self) -> &str {
        // Only ASCII is ever stored (see `parse`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The locale dates and numbers are written in: the tag with the organisation's `country`
    /// when the tag names a language alone (`en` in `SE` is `en-SE`: "28 February 2026", as
    /// English is written in Sweden), else the tag as it is (`en-GB`, `sv-x-lattlast`).
    pub fn format_locale(&self, country: Option<&str>) -> String {
        match country {
            Some(country) if !self.code().contains('-') => format!("{}-{country}", self.code()),
            _ => self.code().to_owned(),
        }
    }

    /// The primary language subtag (`se` of `se-FI`), in lowercase: what plural rules and
    /// similar per-language facts are keyed by.
    pub fn primary(&self) -> String {
        self.code()
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

fn is_well_formed(code: &str) -> bool {
    if code.is_empty() || code.len() > MAX_TAG_LEN {
        return false;
    }
    let mut subtags = code.split('-');
    let first = subtags.next().unwrap_or_default();
    let first_ok = (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic());
    first_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;
        impl Visitor<'_> for TagVisitor {
            type Value = Lang;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a language tag such as \"sv\" or \"fi\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Lang, E> {
                Lang::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "\"{v}\" is not a language tag such as \"sv\", \"fi\" or \"se-FI\""
                    ))
                })
            }
        }
        deserializer.deserialize_str(TagVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Lang {
    fn schema_name() -> String {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            string: Some(Box::new(schemars::schema::StringValidation {
                max_length: Some(MAX_TAG_LEN as u32),
                pattern: Some("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$".into()),
                ..Default::default()
            })),
            metadata: Some(Box::new(schemars::schema::Metadata {
                description: Some(
                    "A BCP 47 language tag, e.g. \"sv\", \"fi\" or \"se-FI\".".into(),
                ),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_language_is_written_as_in_the_organisations_country() {
        let format = |tag: &str, country| Lang::parse(tag).expect("a tag").format_locale(country);
        assert_eq!(format("en", Some("SE")), "en-SE");
        assert_eq!(format("fi", Some("SE")), "fi-SE");
        assert_eq!(format("en", None), "en");
        assert_eq!(
            format("en-GB", Some("SE")),
            "en-GB",
            "a tag with a country keeps it"
        );
        assert_eq!(format("sv-x-lattlast", Some("SE")), "sv-x-lattlast");
    }

    #[test]
    fn accepts_the_tags_regions_use_and_refuses_the_rest() {
        for good in [
            "sv",
            "fi",
            "ar",
            "se-FI",
            "sr-Latn-RS",
            "sv-x-lattlast",
            "fit",
            "yi",
        ] {
            assert_eq!(
                Lang::parse(good).map(|l| l.code().to_owned()),
                Some(good.to_owned())
            );
        }
        for bad in [
            "",
            "s",
            "sv_SE",
            "sv-",
            "-sv",
            "1a",
            "sv--x",
            "s v",
            "åå",
            "abcdefghijklmnopqrstuvwx",
        ] {
            assert!(Lang::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn reads_and_writes_as_a_plain_string() {
        let lang: Lang = serde_json::from_str("\"se-FI\"").unwrap();
        assert_eq!(lang.primary(), "se");
        assert_eq!(serde_json::to_string(&lang).unwrap(), "\"se-FI\"");
        let err = serde_json::from_str::<Lang>("\"sv_SE\"").unwrap_err();
        assert!(err.to_string().contains("is not a language tag"), "{err}");
    }
}
