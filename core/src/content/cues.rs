//! The words a test-wise learner reads instead of the question: absolutes ("always", "never")
//! and "need not" in true/false statements, reasons ("because …") tacked onto options, and a
//! multiple-choice prompt that asks in the singular. Each measure is a plain function over one
//! language's text, so the balance report can run it on whichever language a module is
//! written in.
//!
//! The word lists are detection patterns, not text anyone reads, so they live here rather
//! than in the language files. A language without a list is simply not measured for these
//! cues (its length cues still are; see `content::balance`).

/// One language's cue words, all lower case. A phrase of several words matches those words in
/// a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWords {
    /// The language tag these words belong to.
    pub lang: &'static str,
    /// Words that claim there is no exception: a test-wise learner takes them as a sign that a
    /// statement is false.
    pub absolutes: &'static [&'static str],
    /// "Need not" and its kin: a statement that something is unnecessary reads as a trap.
    pub need_not: &'static [&'static str],
    /// Words that attach a reason to an option ("because …"), which test-wise learners take as
    /// the mark of a made-up wrong option.
    pub reasons: &'static [&'static str],
    /// Words that ask for exactly one thing; in a "select all that apply" prompt they give away
    /// (or wrongly suggest) how many options are right.
    pub singular_asks: &'static [&'static str],
}

const SWEDISH: CueWords = CueWords {
    lang: "sv",
    absolutes: &[
        "alltid",
        "aldrig",
        "alla",
        "allt",
        "allting",
        "ingen",
        "inget",
        "inga",
        "ingenting",
        "bara",
        "endast",
        "enbart",
        "oavsett",
        "varje",
        "helt",
        "samtliga",
    ],
    // Swedish puts the subject after the verb in many sentences ("Då behöver du inte …"),
    // so the common pronouns between "behöver" and "inte" are listed too.
    need_not: &[
        "behöver inte",
        "behöver inget",
        "behöver ingen",
        "behöver inga",
        "behöver aldrig",
        "behöver du inte",
        "behöver man inte",
        "behöver hen inte",
        "behöver den inte",
        "behöver det inte",
        "behöver de inte",
        "behöver vi inte",
        "behöver ni inte",
        "behöver jag inte",
        "måste inte",
        "slipper",
    ],
    reasons: &["eftersom", "därför att"],
    singular_asks: &["vilket", "vilken"],
};

const ENGLISH: CueWords = CueWords {
    lang: "en",
    absolutes: &[
        "always",
        "never",
        "all",
        "every",
        "everyone",
        "everything",
        "no one",
        "nobody",
        "none",
        "nothing",
        "only",
        "regardless",
        "whatever",
        "entirely",
        "completely",
    ],
    need_not: &[
        "need not",
        "needn't",
        "no need",
        "not needed",
        "does not need",
        "do not need",
        "doesn't need",
        "don't need",
        "does not have to",
        "do not have to",
        "doesn't have to",
        "don't have to",
    ],
    reasons: &["because", "since"],
    singular_asks: &["which one", "which single"],
};

// Finnish inflects its words, so the forms the course's statements and options use are listed
// one by one. The negative-polarity pronouns ("mitään", "kenellekään") are left out: they
// stand where Swedish says "något" or "någon" ("sanomatta mitään" = "utan att säga något"),
// so counting them would flag options the Swedish leaves plain.
const FINNISH: CueWords = CueWords {
    lang: "fi",
    absolutes: &[
        "aina",
        "koskaan",
        "kaikki",
        "kaiken",
        "kaikkea",
        "kaikkia",
        "kaikkien",
        "kaikille",
        "kaikilla",
        "kaikilta",
        "kaikissa",
        "kaikkiin",
        "jokainen",
        "jokaisen",
        "jokaista",
        "jokaisella",
        "jokaiselle",
        "jokaisessa",
        "jokaiseen",
        "vain",
        "ainoastaan",
        "pelkästään",
        "yksinomaan",
        "kukaan",
        "täysin",
        "kokonaan",
        "riippumatta",
    ],
    // Finnish says "need not" with the negative verb before "tarvitse", in every person, and
    // with the subject between them when it leads the clause ("ei sinun tarvitse").
    need_not: &[
        "ei tarvitse",
        "en tarvitse",
        "et tarvitse",
        "emme tarvitse",
        "ette tarvitse",
        "eivät tarvitse",
        "ei tarvita",
        "ei sinun tarvitse",
        "ei ole pakko",
    ],
    reasons: &[
        "koska",
        "siksi että",
        "sen vuoksi että",
        "siitä syystä että",
    ],
    singular_asks: &[
        "mikä seuraavista",
        "minkä seuraavista",
        "mikä näistä",
        "minkä näistä",
    ],
};

/// The languages whose cue words are known.
pub const CUE_LANGUAGES: [CueWords; 3] = [SWEDISH, ENGLISH, FINNISH];

impl CueWords {
    /// The cue words for a language tag (`"sv"`, `"en"`, `"fi"`), if the course knows them.
    pub fn for_lang(tag: &str) -> Option<&'static CueWords> {
        CUE_LANGUAGES.iter().find(|w| w.lang == tag)
    }

    /// Whether a true/false statement (or an option) claims there is no exception.
    pub fn has_absolute(&self, text: &str) -> bool {
        contains_any(text, self.absolutes)
    }

    /// Whether a statement says that something is unnecessary.
    pub fn has_need_not(&self, text: &str) -> bool {
        contains_any(text, self.need_not)
    }

    /// Whether an option carries a reason ("… because …").
    pub fn has_reason(&self, text: &str) -> bool {
        contains_any(text, self.reasons)
    }

    /// Whether a prompt asks for a single thing ("Vilket …", "Which one …").
    pub fn asks_in_singular(&self, text: &str) -> bool {
        contains_any(text, self.singular_asks)
    }
}

/// Whether any of `phrases` occurs in `text` as whole words, ignoring case.
pub fn contains_any(text: &str, phrases: &[&str]) -> bool {
    let words = words(text);
    phrases.iter().any(|phrase| {
        let wanted: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        !wanted.is_empty()
            && words
                .windows(wanted.len())
                .any(|run| run.iter().zip(&wanted).all(|(a, b)| a == b))
    })
}

/// The words of a text, lower case. Letters, digits and apostrophes inside a word belong to
/// it ("needn't"); everything else, including `**` and link brackets, separates words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let sv = CueWords::for_lang("sv").expect("sv");
        assert!(sv.has_absolute("Du ska **alltid** larma."));
        assert!(!sv.has_absolute("Hallå, allra först"));
        assert!(sv.has_need_not("Du behöver inte rapportera."));
        assert!(sv.has_need_not("Då behöver du inte rapportera."));
        assert!(!sv.has_need_not("Du behöver rapportera inte bara det."));
        assert!(sv.has_reason("Säger nej, eftersom det inte står där."));
        assert!(sv.asks_in_singular("Vilket av följande ska bort?"));
        assert!(!sv.asks_in_singular("Vilka av följande ska bort?"));
        let en = CueWords::for_lang("en").expect("en");
        assert!(en.has_need_not("You needn’t report it."));
        assert!(en.has_absolute("No one may enter."));
        assert!(!en.has_absolute("An allowance, once"));
        let fi = CueWords::for_lang("fi").expect("fi");
        assert!(fi.has_absolute("Korttia ei saa koskaan lainata."));
        assert!(!fi.has_absolute("Lupaan olla sanomatta mitään."));
        assert!(fi.has_need_not("Sinun ei tarvitse ilmoittaa."));
        assert!(fi.has_reason("Et ilmoita, koska potilas ei tiennyt."));
        assert!(fi.asks_in_singular("Mikä seuraavista pitää paikkansa?"));
        assert!(!fi.asks_in_singular("Mitkä seuraavista pitävät paikkansa?"));
        assert!(CueWords::for_lang("de").is_none());
    }
}
