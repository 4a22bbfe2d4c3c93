//! The only markup content text may carry: `**strong**`, `[label](href)` and
//! `[words]{lang=sv}` for words in another language than the text's (a Swedish term quoted in
//! a Finnish lesson), so a screen reader pronounces them in their own language. The app
//! renders the parsed pieces as DOM nodes, never as HTML, so a content file cannot inject
//! markup or script; and a link can only lead to `https:`, `mailto:` or `tel:`, never to
//! `javascript:`.

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Link {
        label: String,
        href: String,
    },
    /// Words in another language, with its BCP 47 tag.
    Foreign {
        text: String,
        lang: String,
    },
}

impl Inline {
    /// The words a reader sees of this run, without its markup.
    pub fn into_words(self) -> String {
        match self {
            Inline::Text(text) | Inline::Strong(text) => text,
            Inline::Link { label, .. } => label,
            Inline::Foreign { text, .. } => text,
        }
    }
}

/// A text's words without its markup, for places that carry plain text only: an
/// `aria-label`, a PDF line, a file for another program. A text whose markup does not parse
/// (validation refuses it before this) comes back as written rather than not at all.
pub fn plain_words(s: &str) -> String {
    match parse_inline(s) {
        Ok(parts) => parts.into_iter().map(Inline::into_words).collect(),
        Err(_) => s.to_owned(),
    }
}

/// Why a text in a place that shows it as typed (a heading, a title, a name, an app word)
/// must not carry markup, if it does: its `**`, brackets and `{lang=…}` would be read as
/// characters on the page, and a `lang` that is never set leaves a screen reader in the wrong
/// language. A text whose markup is broken still shows those characters, so it counts too.
pub fn markup_shown_as_typed(s: &str) -> Option<String> {
    let marked = match parse_inline(s) {
        Ok(parts) => parts.iter().any(|p| !matches!(p, Inline::Text(_))),
        Err(_) => ["**", "](", "]{lang="].iter().any(|m| s.contains(m)),
    };
    marked.then(|| {
        format!(
            "\"{s}\" has markup, but this place shows its text as typed, so the reader would \
             see the characters; write the words without **, [label](…) or [words]{{lang=…}}"
        )
    })
}

/// Link targets a learner may be sent to; everything else (`http:`, `javascript:`,
/// relative paths) is refused so links are safe whatever the content says.
pub const ALLOWED_SCHEMES: [&str; 3] = ["https://", "mailto:", "tel:"];

/// Parses inline markup. The `Err` is a sentence for the content author; validation reports it
/// with the text's path, and the app (which only shows validated content) may fall back to
/// showing the raw text.
pub fn parse_inline(s: &str) -> Result<Vec<Inline>, String> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            let Some(end) = after.find("**") else {
                return Err("\"**\" is not closed: bold text needs \"**\" on both sides".into());
            };
            let strong = &after[..end];
            if strong.trim().is_empty() {
                return Err("\"**\" encloses no text".into());
            }
            if strong.contains('[') {
                return Err(format!(
                    "bold text \"{strong}\" contains \"[\": links cannot be inside \"**\""
                ));
            }
            flush(&mut out, &mut text);
            out.push(Inline::Strong(strong.to_string()));
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let (part, tail) = bracketed(after)?;
            flush(&mut out, &mut text);
            out.push(part);
            rest = tail;
        } else if rest.starts_with("](") {
            return Err("\"](\" without a \"[\" before it: write links as [label](href)".into());
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut out, &mut text);
    Ok(out)
}

/// Reads `label](href)` or `words]{lang=tag}` after a `[`; returns the part and the text
/// after it.
fn bracketed(after: &str) -> Result<(Inline, &str), String> {
    let malformed = || {
        "\"[\" is not followed by \"label](href)\" (a link) or \"words]{lang=sv}\" (words in another language)"
            .to_string()
    };
    let end = after.find(']').ok_or_else(malformed)?;
    let label = &after[..end];
    if label.contains('[') {
        return Err(malformed());
    }
    if let Some(tail) = after[end + 1..].strip_prefix("{lang=") {
        return foreign(label, tail);
    }
    let tail = after[end + 1..].strip_prefix('(').ok_or_else(malformed)?;
    let (label, href, tail) = link(label, tail)?;
    Ok((Inline::Link { label, href }, tail))
}

/// Reads `tag}` after `[words]{lang=`.
fn foreign<'a>(words: &str, tail: &'a str) -> Result<(Inline, &'a str), String> {
    let close = tail
        .find('}')
        .ok_or_else(|| format!("\"[{words}]{{lang=\" has no closing \"}}\""))?;
    let lang = &tail[..close];
    if words.trim().is_empty() {
        return Err(format!("\"{{lang={lang}}}\" marks no words"));
    }
    if !is_language_tag(lang) {
        return Err(format!(
            "\"{lang}\" in \"[{words}]{{lang={lang}}}\" is not a language tag such as sv, fi or en-GB"
        ));
    }
    let part = Inline::Foreign {
        text: words.to_string(),
        lang: lang.to_string(),
    };
    Ok((part, &tail[close + 1..]))
}

/// A BCP 47 tag's shape: a 2–3 letter language, then subtags of 1–8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads `href)` after `[label](`; returns the label, the href and the text after `)`.
fn link<'a>(label: &str, tail: &'a str) -> Result<(String, String, &'a str), String> {
    if label.trim().is_empty() {
        return Err("a link has an empty label".into());
    }
    let close = tail
        .find(')')
        .ok_or_else(|| format!("link \"{label}\" has no closing \")\""))?;
    let href = &tail[..close];
    if href.is_empty() || href.chars().any(char::is_whitespace) {
        return Err(format!(
            "link \"{label}\" has an empty address or one with spaces"
        ));
    }
    let allowed = ALLOWED_SCHEMES
        .iter()
        .any(|scheme| href.len() > scheme.len() && href.starts_with(scheme));
    if !allowed {
        return Err(format!(
            "link \"{label}\" goes to \"{href}\"; only https:, mailto: and tel: links are allowed"
        ));
    }
    Ok((label.to_string(), href.to_string(), &tail[close + 1..]))
}

fn flush(out: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}
