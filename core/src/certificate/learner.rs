//! What a learner may type into the certificate form. The rules are about what can be
//! printed, stored and compared reliably, not about what a name "should" look like: names in
//! any script are fine, and so is text that looks like HTML or a spreadsheet formula,
//! because every renderer escapes and the CSV export neutralises formulas.

use std::fmt;

use super::Learner;
use crate::language::Words;

/// The fields of [`Learner`], so errors can say which one is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LearnerField {
    FullName,
    EmployeeNumber,
    Unit,
    Email,
}

impl LearnerField {
    /// The serde key, for messages that point into the file.
    pub fn key(self) -> &'static str {
        match self {
            LearnerField::FullName => "full_name",
            LearnerField::EmployeeNumber => "employee_number",
            LearnerField::Unit => "unit",
            LearnerField::Email => "email",
        }
    }
}

/// Why a typed value was refused. The app shows [`FieldError::message`] next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// Empty (after trimming) where a value is needed.
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// Line breaks, tabs, other control characters or bidirectional overrides: they break
    /// CSV and calendar lines, and overrides can make a name display as another.
    ControlCharacter,
    /// Not shaped like `name@example.org`.
    InvalidEmail,
}

impl FieldError {
    /// The message's key in `ui.json`; its `{min}` or `{max}` come from [`FieldError::values`].
    pub fn key(&self) -> &'static str {
        match self {
            FieldError::Required => "field.required",
            FieldError::TooShort { .. } => "field.too_short",
            FieldError::TooLong { .. } => "field.too_long",
            FieldError::ControlCharacter => "field.control_character",
            FieldError::InvalidEmail => "field.invalid_email",
        }
    }

    /// The placeholders the message fills in.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            FieldError::TooShort { min } => vec![("min", min.to_string())],
            FieldError::TooLong { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }

    /// The message in the words' language.
    pub fn message(&self, words: &Words) -> String {
        let values = self.values();
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        words.fill(self.key(), &values)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())?;
        for (name, value) in self.values() {
            write!(f, " ({name} {value})")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldError {}

const NAME_MIN: usize = 2;
const MAX_CHARS: usize = 100;

/// Characters refused anywhere: C0/C1 controls, and the invisible ones that change how the
/// surrounding text displays (bidirectional embeddings, overrides and isolates, line and
/// paragraph separators).
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2028}' | '\u{2029}'
        )
}

/// Checks and tidies one typed value, returning what to store: trimmed, 2–100 characters
/// for the name, at most 100 for the others (which may be empty), no control characters,
/// and a light `local@domain.tld` shape for a non-empty e-mail.
pub fn validate_learner_field(kind: LearnerField, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.chars().any(is_forbidden) {
        return Err(FieldError::ControlCharacter);
    }
    let chars = value.chars().count();
    if chars > MAX_CHARS {
        return Err(FieldError::TooLong { max: MAX_CHARS });
    }
    match kind {
        LearnerField::FullName if chars == 0 => return Err(FieldError::Required),
        LearnerField::FullName if chars < NAME_MIN => {
            return Err(FieldError::TooShort { min: NAME_MIN })
        }
        LearnerField::Email if chars > 0 && !looks_like_email(value) => {
            return Err(FieldError::InvalidEmail)
        }
        _ => {}
    }
    Ok(value.to_owned())
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// Validates every field of a learner, returning the tidied learner or the first field that
/// is wrong.
pub fn validate_learner(learner: &Learner) -> Result<Learner, (LearnerField, FieldError)> {
    let check = |kind: LearnerField, value: &str| {
        validate_learner_field(kind, value).map_err(|e| (kind, e))
    };
    Ok(Learner {
        full_name: check(LearnerField::FullName, &learner.full_name)?,
        employee_number: check(LearnerField::EmployeeNumber, &learner.employee_number)?,
        unit: check(LearnerField::Unit, &learner.unit)?,
        email: check(LearnerField::Email, &learner.email)?,
    })
}
