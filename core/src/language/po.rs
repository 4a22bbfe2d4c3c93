//! gettext PO files, the format translators' tools open (Poedit, Weblate, memoQ, Trados,
//! Lokalise): what `trygg content export` writes and `trygg content import` reads back. Only
//! what the course's round trip needs: one text per entry (`msgctxt`, `msgid`, `msgstr`), the
//! notes for the translator, the fuzzy flag and the header. Plural entries (`msgid_plural`)
//! are not used, as each plural category of a counted text is an entry of its own, and are
//! refused when read; obsolete entries (`#~`) and the translator's own comments are skipped.

use std::collections::HashMap;
use std::fmt::Write as _;

/// One text of a PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoEntry {
    /// `#.` lines: what the text is and where it stands, for the translator.
    pub notes: Vec<String>,
    /// `#:` lines: where the text lives.
    pub references: Vec<String>,
    /// `#, fuzzy`: the translation needs review (tools show it as "needs work").
    pub fuzzy: bool,
    /// `msgctxt`: which text this is; the same source text can stand in many places.
    pub context: Option<String>,
    /// `msgid`: the text in the source language.
    pub source: String,
    /// `msgstr`: the translation; empty when there is none yet.
    pub translation: String,
    /// The line of `msgstr` in the file read (what the translator edited); 0 for an entry
    /// made in code.
    pub line: usize,
}

/// A PO file: its header and its entries in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoFile {
    /// `#` lines before the header, written for whoever opens the file.
    pub comments: Vec<String>,
    /// The header entry's fields (`Language: fi`), in order.
    pub header: Vec<(String, String)>,
    pub entries: Vec<PoEntry>,
}

/// Why a PO file could not be read: the line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoProblem {
    pub line: usize,
    pub message: String,
}

impl PoFile {
    /// A header field's value, by its name (case as written).
    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The file as text, the way gettext's own tools lay it out (an entry per paragraph,
    /// a text with line breaks over several lines), so a diff of two exports reads well.
    pub fn write(&self) -> String {
        let mut out = String::new();
        for comment in &self.comments {
            let _ = writeln!(out, "{}", comment_line("#", comment));
        }
        out.push_str("msgid \"\"\nmsgstr \"\"\n");
        for (name, value) in &self.header {
            let _ = writeln!(out, "\"{}\"", escape(&format!("{name}: {value}\n")));
        }
        for entry in &self.entries {
            out.push('\n');
            for note in &entry.notes {
                let _ = writeln!(out, "{}", comment_line("#.", note));
            }
            for reference in &entry.references {
                let _ = writeln!(out, "{}", comment_line("#:", reference));
            }
            if entry.fuzzy {
                out.push_str("#, fuzzy\n");
            }
            if let Some(context) = &entry.context {
                write_string(&mut out, "msgctxt", context);
            }
            write_string(&mut out, "msgid", &entry.source);
            write_string(&mut out, "msgstr", &entry.translation);
        }
        out
    }
}

/// A comment line; a comment cannot span lines, so line breaks in it become spaces.
fn comment_line(mark: &str, text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    if text.is_empty() {
        mark.to_owned()
    } else {
        format!("{mark} {text}")
    }
}

/// `keyword "text"`, or for a text with line breaks `keyword ""` and a line per line of text.
fn write_string(out: &mut String, keyword: &str, text: &str) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        let _ = writeln!(out, "{keyword} \"{}\"", escape(text));
    } else {
        let _ = writeln!(out, "{keyword} \"\"");
        for line in lines {
            let _ = writeln!(out, "\"{}\"", escape(line));
        }
    }
}

/// A text inside PO quotes: backslash, quote, and the control characters that have escapes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The text between the quotes of a PO string, its escapes undone.
fn unquote(s: &str) -> Result<String, String> {
    let Some(inner) = s.strip_prefix('"') else {
        return Err("a text must be in double quotes".into());
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    loop {
        match chars.next() {
            None => return Err("the closing quote is missing".into()),
            Some('"') => break,
            Some('\\') => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    return Err(format!(
                        "\\{other} is not an escape this file may use (\\n, \\t, \\\", \\\\)"
                    ))
                }
                None => return Err("the closing quote is missing".into()),
            },
            Some(c) => out.push(c),
        }
    }
    let rest = chars.as_str().trim();
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(format!("unexpected text after the closing quote: {rest}"))
    }
}

/// Which string a continuation line (`"…"`) adds to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Context,
    Source,
    Translation,
}

/// An entry being read.
#[derive(Default)]
struct Pending {
    entry: PoEntry,
    has_context: bool,
    has_source: bool,
    has_translation: bool,
    /// The line the entry's first keyword is on.
    first_line: usize,
    field: Option<Field>,
}

impl Pending {
    fn started(&self) -> bool {
        self.has_context || self.has_source || self.has_translation
    }
}

struct Reader {
    file: PoFile,
    header_seen: bool,
    pending: Pending,
    problems: Vec<PoProblem>,
    /// Where each (context, source) was first seen, to find repeats.
    seen: HashMap<(Option<String>, String), usize>,
}

impl Reader {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(PoProblem {
            line,
            message: message.into(),
        });
    }

    /// Ends the entry being read, if one was begun.
    fn finish(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if !pending.started() {
            return;
        }
        let line = pending.first_line;
        if !pending.has_source {
            self.problem(line, "an entry without msgid");
            return;
        }
        if !pending.has_translation {
            self.problem(line, "an entry without msgstr");
            return;
        }
        let entry = pending.entry;
        if entry.context.is_none() && entry.source.is_empty() {
            if self.header_seen {
                self.problem(line, "a second header entry (msgid \"\")");
            }
            self.header_seen = true;
            self.file.header = entry
                .translation
                .lines()
                .filter_map(|l| l.split_once(':'))
                .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
                .collect();
            return;
        }
        let key = (entry.context.clone(), entry.source.clone());
        if let Some(first) = self.seen.get(&key) {
            let message = match &entry.context {
                Some(c) => format!("msgctxt \"{c}\" appears twice; the first is at line {first}"),
                None => format!("this msgid appears twice; the first is at line {first}"),
            };
            self.problem(entry.line, message);
            return;
        }
        self.seen.insert(key, entry.line);
        self.file.entries.push(entry);
    }

    fn comment(&mut self, line: &str) {
        if self.pending.started() {
            self.finish();
        }
        let mark = ["#.", "#:", "#,"]
            .into_iter()
            .find(|m| line.starts_with(m))
            .unwrap_or("#");
        let text = &line[mark.len()..];
        let text = text.strip_prefix(' ').unwrap_or(text).to_owned();
        let entry = &mut self.pending.entry;
        match mark {
            "#." => entry.notes.push(text),
            "#:" => entry.references.push(text),
            "#," => entry.fuzzy |= text.split(',').any(|flag| flag.trim() == "fuzzy"),
            // A translator's own comment (`# …`), or one before the header.
            _ if !self.header_seen && self.file.entries.is_empty() => {
                self.file.comments.push(text);
            }
            _ => {}
        }
    }

    fn keyword(&mut self, n: usize, keyword: &str, rest: &str) {
        let field = match keyword {
            "msgctxt" => Field::Context,
            "msgid" => Field::Source,
            "msgstr" => Field::Translation,
            "msgid_plural" => {
                self.problem(
                    n,
                    "plural entries (msgid_plural) are not used: each plural form is an entry \
                     of its own",
                );
                self.pending.field = None;
                return;
            }
            k if k.starts_with("msgstr[") => {
                self.problem(n, "plural forms (msgstr[n]) are not used: write msgstr");
                self.pending.field = None;
                return;
            }
            other => {
                self.problem(n, format!("unknown keyword {other}"));
                self.pending.field = None;
                return;
            }
        };
        // A new entry starts with msgctxt, or with msgid when the last one is complete.
        let p = &self.pending;
        let new_entry = match field {
            Field::Context => p.has_source || p.has_context,
            Field::Source => p.has_source,
            Field::Translation => false,
        };
        if new_entry {
            self.finish();
        }
        if !self.pending.started() {
            self.pending.first_line = n;
        }
        let text = match unquote(rest.trim()) {
            Ok(text) => text,
            Err(message) => {
                self.problem(n, message);
                String::new()
            }
        };
        let p = &mut self.pending;
        match field {
            Field::Context => {
                p.has_context = true;
                p.entry.context = Some(text);
            }
            Field::Source => {
                p.has_source = true;
                p.entry.source = text;
            }
            Field::Translation => {
                if !p.has_source {
                    self.problem(n, "msgstr before its msgid");
                    return;
                }
                if p.has_translation {
                    self.problem(n, "a second msgstr in one entry");
                    return;
                }
                p.has_translation = true;
                p.entry.translation = text;
                p.entry.line = n;
            }
        }
        self.pending.field = Some(field);
    }

    fn continuation(&mut self, n: usize, line: &str) {
        let Some(field) = self.pending.field else {
            self.problem(n, "a text line that follows no msgctxt, msgid or msgstr");
            return;
        };
        let text = match unquote(line) {
            Ok(text) => text,
            Err(message) => return self.problem(n, message),
        };
        let entry = &mut self.pending.entry;
        match field {
            Field::Context => entry
                .context
                .get_or_insert_with(String::new)
                .push_str(&text),
            Field::Source => entry.source.push_str(&text),
            Field::Translation => entry.translation.push_str(&text),
        }
    }
}

/// Reads a PO file. Every problem found is returned, each with its line.
pub fn parse_po(text: &str) -> Result<PoFile, Vec<PoProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        file: PoFile::default(),
        header_seen: false,
        pending: Pending::default(),
        problems: Vec::new(),
        seen: HashMap::new(),
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            reader.pending.field = None;
        } else if line.starts_with("#~") || line.starts_with("#|") {
            // Obsolete entries and previous source texts: kept by tools, not by the course.
            reader.pending.field = None;
        } else if line.starts_with('#') {
            reader.pending.field = None;
            reader.comment(line);
        } else if line.starts_with('"') {
            reader.continuation(n, line);
        } else {
            let (keyword, rest) = line.split_once([' ', '\t']).unwrap_or((line, ""));
            reader.keyword(n, keyword, rest);
        }
    }
    reader.finish();
    if !reader.header_seen && reader.problems.is_empty() {
        reader.problem(1, "the header entry (msgid \"\") is missing");
    }
    if reader.problems.is_empty() {
        Ok(reader.file)
    } else {
        Err(reader.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(entries: Vec<PoEntry>) -> PoFile {
        PoFile {
            comments: vec!["Made for a test".into()],
            header: vec![
                ("Language".into(), "fi".into()),
                ("Content-Type".into(), "text/plain; charset=UTF-8".into()),
            ],
            entries,
        }
    }

    fn entry(context: &str, source: &str, translation: &str) -> PoEntry {
        PoEntry {
            context: Some(context.into()),
            source: source.into(),
            translation: translation.into(),
            ..PoEntry::default()
        }
    }

    #[test]
    fn an_entry_is_written_as_gettext_lays_it_out() {
        let mut e = entry("ui.json|quiz.check", "Kontrollera svaret", "");
        e.notes = vec!["Button label".into()];
        e.references = vec!["ui.json:quiz.check".into()];
        e.fuzzy = true;
        let text = file(vec![e]).write();
        assert_eq!(
            text,
            "# Made for a test\nmsgid \"\"\nmsgstr \"\"\n\"Language: fi\\n\"\n\
             \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
             #. Button label\n#: ui.json:quiz.check\n#, fuzzy\n\
             msgctxt \"ui.json|quiz.check\"\nmsgid \"Kontrollera svaret\"\nmsgstr \"\"\n"
        );
    }

    #[test]
    fn escapes_and_line_breaks_survive_writing_and_reading() {
        let tricky = "Säg \"hej\"\\nu\tnu\nandra raden\nsista";
        let mut e = entry("a|b", tricky, "en \"quote\" och \\ snedstreck\n");
        e.line = 0;
        let written = file(vec![e.clone(), entry("a|c", "x", "y")]).write();
        assert!(
            written.contains(
                "msgid \"\"\n\"Säg \\\"hej\\\"\\\\nu\\tnu\\n\"\n\"andra raden\\n\"\n\"sista\"\n"
            ),
            "{written}"
        );
        let read = parse_po(&written).unwrap();
        assert_eq!(read.entries[0].source, tricky);
        assert_eq!(
            read.entries[0].translation,
            "en \"quote\" och \\ snedstreck\n"
        );
        assert_eq!(read.entries[1].translation, "y");
        assert_eq!(read.header_value("language"), Some("fi"));
        assert_eq!(read.comments, ["Made for a test"]);
    }

    #[test]
    fn what_tools_add_is_read_or_skipped() {
        let text =
            "\u{feff}# Header comment\r\nmsgid \"\"\r\nmsgstr \"\"\r\n\"Language: sv\\n\"\r\n\
                    \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\r\n\r\n\
                    # translator's note\r\n#. extracted\r\n#: ref:1\r\n#, fuzzy, c-format\r\n\
                    #| msgid \"old\"\r\nmsgctxt \"k\"\r\nmsgid \"\"\r\n\"one \"\r\n\"two\"\r\n\
                    msgstr \"ett \"\r\n  \"två\"\r\n\r\n\
                    #~ msgctxt \"gone\"\r\n#~ msgid \"x\"\r\n#~ msgstr \"y\"\r\n";
        let read = parse_po(text).unwrap();
        assert_eq!(read.header_value("Language"), Some("sv"));
        assert_eq!(read.entries.len(), 1);
        let e = &read.entries[0];
        assert_eq!(e.context.as_deref(), Some("k"));
        assert_eq!(
            (e.source.as_str(), e.translation.as_str()),
            ("one two", "ett två")
        );
        assert!(e.fuzzy);
        assert_eq!(e.notes, ["extracted"]);
        assert_eq!(e.references, ["ref:1"]);
        assert_eq!(e.line, 16);
    }

    #[test]
    fn every_problem_is_found_with_its_line() {
        let text = "msgid \"\"\nmsgstr \"Language: fi\\n\"\n\n\
                    msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"bad \\q escape\"\n\n\
                    msgctxt \"b\"\nmsgid \"y\"\nmsgid_plural \"ys\"\nmsgstr[0] \"z\"\n\n\
                    msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"again\"\n\n\
                    msgctxt \"c\"\nmsgid \"open\nmsgstr \"\"\n\
                    \"stray\"\n";
        let problems = parse_po(text).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [6, 10, 11, 8, 15, 18], "{problems:?}");
        assert!(problems[0].message.contains("\\q"), "{problems:?}");
        assert!(problems[1].message.contains("msgid_plural"));
        assert!(problems[4]
            .message
            .contains("appears twice; the first is at line 6"));
        assert!(problems[5].message.contains("closing quote"));
    }

    #[test]
    fn a_file_without_a_header_or_with_stray_lines_is_refused() {
        let problems = parse_po("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n").unwrap_err();
        assert!(problems[0].message.contains("header"), "{problems:?}");
        let problems = parse_po("msgid \"\"\nmsgstr \"\"\nhello\n\"x\"\n").unwrap_err();
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].message.contains("unknown keyword hello"));
        assert_eq!(problems[1].line, 4);
        let problems =
            parse_po("msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"x\"\n").unwrap_err();
        assert_eq!(problems[0].line, 4);
        assert!(problems[0].message.contains("without msgstr"));
    }
}
