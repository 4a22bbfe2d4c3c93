//! XML text for the documents Trygg writes: the PDFs' XMP metadata and the SCORM manifests.

/// Text as XML character data, also fit for attribute values in double quotes. Control
/// characters, which XML 1.0 cannot carry even escaped, become spaces (a name pasted with a
/// tab still reads the same).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_text;

    #[test]
    fn markup_is_escaped_and_control_characters_become_spaces() {
        assert_eq!(
            escape_text("Ek & <Berg> \"Å\"\tx\u{1}y"),
            "Ek &amp; &lt;Berg&gt; &quot;Å&quot; x y"
        );
    }
}
