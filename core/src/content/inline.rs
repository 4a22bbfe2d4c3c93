//! The only markup content text may carry: `**strong**` and `[label](href)`. The app renders
//! the parsed pieces as DOM nodes, never as HTML, so a content file cannot inject markup or
//! script; and a link can only lead to `https:`, `mailto:` or `tel:`, never to `javascript:`.

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Link { label: String, href: String },
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
            let (label, href, tail) = link(after)?;
            flush(&mut out, &mut text);
            out.push(Inline::Link { label, href });
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

/// Reads `label](href)` after a `[`; returns the label, the href and the text after `)`.
fn link(after: &str) -> Result<(String, String, &str), String> {
    let malformed = || "\"[\" starts a link but is not followed by \"label](href)\"".to_string();
    let end = after.find(']').ok_or_else(malformed)?;
    let label = &after[..end];
    let tail = after[end + 1..].strip_prefix('(').ok_or_else(malformed)?;
    if label.contains('[') {
        return Err(malformed());
    }
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
