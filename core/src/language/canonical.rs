//! The one way a language file is written: two-space indents, one text a line, every
//! character as itself but the few JSON must escape, and a final newline — byte for byte what
//! Python's `json.dumps(value, ensure_ascii=False, indent=2)` gives, which is how the shipped
//! files were first written. `trygg content import` writes every file this way, so an export
//! read back without edits changes no byte, and a diff of an import shows only the texts.

/// A value of a language file: a text, or an object whose keys keep their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonNode {
    Text(String),
    Object(Vec<(String, JsonNode)>),
}

/// Nests dotted keys (`sections.a.l2.b`) into objects, in the order the keys come: the shape
/// of `languages/<tag>/course.json` and `modules/<id>.json`. `Err` names a key that would put a
/// text where another key needs an object (or the reverse).
pub fn nest(
    entries: impl IntoIterator<Item = (String, String)>,
) -> Result<Vec<(String, JsonNode)>, String> {
    let mut root = Vec::new();
    for (key, text) in entries {
        let mut level = &mut root;
        let mut parts = key.split('.').peekable();
        while let Some(part) = parts.next() {
            let at = level.iter().position(|(k, _)| k == part);
            if parts.peek().is_none() {
                if at.is_some() {
                    return Err(key);
                }
                level.push((part.to_owned(), JsonNode::Text(text)));
                break;
            }
            let at = match at {
                Some(at) => at,
                None => {
                    level.push((part.to_owned(), JsonNode::Object(Vec::new())));
                    level.len() - 1
                }
            };
            match &mut level[at].1 {
                JsonNode::Object(inner) => level = inner,
                JsonNode::Text(_) => return Err(key),
            }
        }
    }
    Ok(root)
}

/// An object as the file's whole text.
pub fn to_json(object: &[(String, JsonNode)]) -> String {
    let mut out = String::new();
    write_object(&mut out, object, 0);
    out.push('\n');
    out
}

fn write_object(out: &mut String, object: &[(String, JsonNode)], depth: usize) {
    if object.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (key, value)) in object.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        indent(out, depth + 1);
        write_string(out, key);
        out.push_str(": ");
        match value {
            JsonNode::Text(text) => write_string(out, text),
            JsonNode::Object(inner) => write_object(out, inner, depth + 1),
        }
    }
    out.push('\n');
    indent(out, depth);
    out.push('}');
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON string as Python writes it with `ensure_ascii=False`: only the quote, the backslash
/// and control characters are escaped, those without a short escape as `\u00xx`.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> JsonNode {
        JsonNode::Text(s.into())
    }

    #[test]
    fn written_as_python_writes_it() {
        let value = vec![
            ("$schema".to_owned(), text("../x.json")),
            (
                "a".to_owned(),
                JsonNode::Object(vec![
                    (
                        "b".to_owned(),
                        text("Åsa säger \"hej\" – \\ \n\t\u{1}\u{8}\u{7f}"),
                    ),
                    ("c".to_owned(), JsonNode::Object(Vec::new())),
                ]),
            ),
        ];
        // What json.dumps(value, ensure_ascii=False, indent=2) + "\n" gives for this value.
        let python = "{\n  \"$schema\": \"../x.json\",\n  \"a\": {\n    \"b\": \
                      \"Åsa säger \\\"hej\\\" – \\\\ \\n\\t\\u0001\\b\u{7f}\",\n    \"c\": {}\n  }\n}\n";
        assert_eq!(to_json(&value), python);
        assert_eq!(to_json(&[]), "{}\n");
    }

    #[test]
    fn dotted_keys_nest_in_the_order_they_come() {
        let nested = nest([
            ("s.x.title".to_owned(), "T".to_owned()),
            ("s.x.l2.b".to_owned(), "B".to_owned()),
            ("q.y.prompt".to_owned(), "P".to_owned()),
            ("s.x.l2.a".to_owned(), "A".to_owned()),
        ])
        .unwrap();
        assert_eq!(
            to_json(&nested),
            "{\n  \"s\": {\n    \"x\": {\n      \"title\": \"T\",\n      \"l2\": {\n        \
             \"b\": \"B\",\n        \"a\": \"A\"\n      }\n    }\n  },\n  \"q\": {\n    \
             \"y\": {\n      \"prompt\": \"P\"\n    }\n  }\n}\n"
        );
        let clash = nest([
            ("a.b".to_owned(), "x".to_owned()),
            ("a.b.c".to_owned(), "y".to_owned()),
        ]);
        assert_eq!(clash, Err("a.b.c".to_owned()));
    }
}
