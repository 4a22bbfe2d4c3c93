//! What the certificate's files are called.

use trygg_core::certificate::CompletionRecord;

use crate::shared::i18n::Words;

/// The downloaded files' name: a word in the learner's language and the certificate id.
pub fn file_stem(record: &CompletionRecord, words: &Words) -> String {
    format!("{}-{}", words.t("file.certificate"), record.certificate_id)
}
