//! Every word the PDFs print that does not come from the record or the content. The app
//! fills these from its translation tables so the PDF speaks exactly like the page; the
//! defaults here serve the CLI, tests and any caller without its own tables.

use crate::content::Role;

/// The fixed text on a certificate, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

impl CertificateLabels {
    /// Swedish, the course's default language.
    pub fn swedish() -> Self {
        CertificateLabels {
            title: "Intyg".into(),
            certifies: "Härmed intygas att".into(),
            completed: "har genomfört utbildningen i säkerhetskultur och klarat följande moduler:"
                .into(),
            employee_number: "Anställningsnummer".into(),
            unit: "Enhet".into(),
            email: "E-post".into(),
            role: "Roll".into(),
            role_employee: "Medarbetare".into(),
            role_manager: "Chef".into(),
            role_elected: "Förtroendevald".into(),
            module: "Modul".into(),
            score: "Resultat".into(),
            passed_on: "Godkänd".into(),
            completed_on: "Genomförd".into(),
            valid_until: "Giltigt till och med".into(),
            certificate_id: "Intygsnummer".into(),
            verification_code: "Kontrollkod".into(),
            content_version: "Innehållsversion".into(),
            how_to_verify:
                "Kontrollera intyget i Trygg under Chefsvy: välj den här PDF-filen eller \
                            den bifogade JSON-filen. Kontrollkoden visar om uppgifterna har \
                            ändrats efter att intyget utfärdades."
                    .into(),
            continued: "(forts.)".into(),
            attachment: "Intygets uppgifter för import i Trygg".into(),
        }
    }

    /// English.
    pub fn english() -> Self {
        CertificateLabels {
            title: "Certificate of completion".into(),
            certifies: "This is to certify that".into(),
            completed: "has completed the security culture training and passed these modules:"
                .into(),
            employee_number: "Employee number".into(),
            unit: "Unit".into(),
            email: "Email".into(),
            role: "Role".into(),
            role_employee: "Employee".into(),
            role_manager: "Manager".into(),
            role_elected: "Elected official".into(),
            module: "Module".into(),
            score: "Score".into(),
            passed_on: "Passed on".into(),
            completed_on: "Completed on".into(),
            valid_until: "Valid until".into(),
            certificate_id: "Certificate number".into(),
            verification_code: "Verification code".into(),
            content_version: "Content version".into(),
            how_to_verify:
                "Check this certificate in Trygg's manager view: choose this PDF or the \
                            attached JSON file. The verification code shows whether the details \
                            were changed after the certificate was issued."
                    .into(),
            continued: "(continued)".into(),
            attachment: "The certificate's details, for import into Trygg".into(),
        }
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PocketCardLabels {
    /// Document title and the card's small heading, e.g. "Fickkort".
    pub title: String,
    /// Above the public emergency number.
    pub emergency: String,
    /// Above the internal alarm number.
    pub internal_alarm: String,
}

impl PocketCardLabels {
    /// Swedish, the course's default language.
    pub fn swedish() -> Self {
        PocketCardLabels {
            title: "Fickkort".into(),
            emergency: "Nödnummer".into(),
            internal_alarm: "Internt larm".into(),
        }
    }

    /// English.
    pub fn english() -> Self {
        PocketCardLabels {
            title: "Pocket card".into(),
            emergency: "Emergency".into(),
            internal_alarm: "Internal alarm".into(),
        }
    }
}
