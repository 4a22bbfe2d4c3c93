//! What the certificate's files are called.

use trygg_core::certificate::CompletionRecord;
use trygg_core::content::Lang;

use crate::shared::i18n::t;

/// The downloaded files' name: a word in the learner's language and the certificate id.
pub fn file_stem(record: &CompletionRecord, lang: Lang) -> String {
    format!("{}-{}", t(lang, "file.certificate"), record.certificate_id)
}
