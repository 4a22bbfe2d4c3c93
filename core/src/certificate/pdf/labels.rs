//! Every word the PDFs print that does not come from the record or the content, read from
//! the language's `ui.json` ([`Words`]) so the PDF speaks exactly like the page.

use std::collections::BTreeMap;

use crate::certificate::CompletionRecord;
use crate::content::Role;
use crate::date::Date;
use crate::language::Words;

/// The fixed text on a certificate, in one language. Handed to the PDF maker as JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CertificateLabels {
    /// The big heading, e.g. "Intyg".
    pub title: String,
    /// Above the name, e.g. "Härmed intygas att".
    pub certifies: String,
    /// Below the name and details, introducing the modules.
    pub completed: String,
    pub employee_number: String,
    pub unit: String,
    pub email: String,
    pub role: String,
    pub role_employee: String,
    pub role_manager: String,
    pub role_elected: String,
    /// Column headings of the module table.
    pub module: String,
    pub score: String,
    /// A module's score, e.g. "{percent} %".
    pub percent: String,
    pub passed_on: String,
    pub completed_on: String,
    pub valid_until: String,
    pub certificate_id: String,
    pub verification_code: String,
    pub content_version: String,
    /// One or two sentences on how to check the certificate.
    pub how_to_verify: String,
    /// Marks the table heading on a second page, e.g. "(forts.)".
    pub continued: String,
    /// Shown by PDF readers next to the attached completion file.
    pub attachment: String,
    /// The attached completion file's name before its certificate id, as the page names the
    /// downloaded one ("trygg-intyg", "trygg-certificate"): one file, one name per language.
    pub file: String,
    /// The record's dates as the language writes them ("4 december 2026", "4.12.2026"), by
    /// ISO date, so the PDF writes them as the certificate page does: the browser's `Intl`
    /// knows how, the core does not. A date not here prints as ISO 8601 (the CLI's PDFs).
    #[serde(default)]
    pub dates: BTreeMap<String, String>,
}

impl CertificateLabels {
    /// The labels in the words' language. Where the page shows the same word (a column
    /// heading, a field name), the PDF uses the page's key, so each word is written once.
    pub fn from_words(words: &Words) -> Self {
        let t = |key: &str| words.t(key).to_owned();
        CertificateLabels {
            title: t("certificate.title"),
            certifies: t("pdf.certifies"),
            completed: t("pdf.completed"),
            employee_number: t("certificate.field.employee_number"),
            unit: t("pdf.unit"),
            email: t("certificate.field.email"),
            role: t("certificate.role"),
            role_employee: t("role.employee"),
            role_manager: t("role.manager"),
            role_elected: t("role.elected"),
            module: t("certificate.module"),
            score: t("certificate.score"),
            percent: t("pdf.percent"),
            passed_on: t("certificate.passed_on"),
            completed_on: t("certificate.completed_on"),
            valid_until: t("certificate.valid_until"),
            certificate_id: t("certificate.id"),
            verification_code: t("certificate.code"),
            content_version: t("certificate.content_version"),
            how_to_verify: t("pdf.how_to_verify"),
            continued: t("pdf.continued"),
            attachment: t("pdf.attachment"),
            file: t("file.certificate"),
            dates: BTreeMap::new(),
        }
    }

    /// These labels with every date on `record` written by `write` (the app passes the
    /// language's date format).
    pub fn with_dates(mut self, record: &CompletionRecord, write: impl Fn(Date) -> String) -> Self {
        let days = [record.completed_on, record.valid_until]
            .into_iter()
            .chain(record.modules.iter().map(|m| m.passed_on));
        for day in days {
            let written = write(day);
            if !written.trim().is_empty() {
                self.dates.insert(day.to_string(), written);
            }
        }
        self
    }

    /// How the PDF writes `day`: as the language writes it when known, else ISO 8601.
    pub fn date(&self, day: Date) -> String {
        let iso = day.to_string();
        self.dates.get(&iso).cloned().unwrap_or(iso)
    }

    /// The printed name of a role.
    pub fn role_name(&self, role: Role) -> &str {
        match role {
            Role::Employee => &self.role_employee,
            Role::Manager => &self.role_manager,
            Role::Elected => &self.role_elected,
        }
    }
}

/// The fixed text on the pocket card; the steps and headings come from the content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PocketCardLabels {
    /// Document title and the card's small heading, e.g. "Fickkort".
    pub title: String,
    /// Above the public emergency number.
    pub emergency: String,
    /// Above the internal alarm number.
    pub internal_alarm: String,
}

impl PocketCardLabels {
    /// The labels in the words' language.
    pub fn from_words(words: &Words) -> Self {
        PocketCardLabels {
            title: words.t("pdf.pocket_card").to_owned(),
            emergency: words.t("contact.public_emergency").to_owned(),
            internal_alarm: words.t("contact.internal_alarm").to_owned(),
        }
    }
}
