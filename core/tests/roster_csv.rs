mod content_support;

use content_support::words;
use trygg_core::content::Role;
use trygg_core::date::Date;
use trygg_core::roster::{to_csv_in, CsvWords, Row, Status};

/// The CSV's words in a shipped language.
fn csv_words(code: &str) -> CsvWords {
    CsvWords::from_words(&words(code))
}

/// The CSV in English.
fn to_csv(rows: &[Row], separator: char) -> String {
    to_csv_in(rows, separator, &csv_words("en"))
}

fn row(name: &str) -> Row {
    Row {
        person_key: format!("name:{name}"),
        full_name: name.into(),
        employee_number: "0042".into(),
        unit: "Vård & omsorg".into(),
        email: "a@b.se".into(),
        role: Role::Employee,
        completed_on: Date::parse_iso("2024-02-29").unwrap(),
        valid_until: Date::parse_iso("2025-02-28").unwrap(),
        status: Status::Expired,
        certificate_id: "TRG-ABCDEFGHJKMN".into(),
        content_version: "2025.1".into(),
        certificates: 1,
        flagged_files: Vec::new(),
        notes: Vec::new(),
    }
}

/// A minimal RFC 4180 reader (quoted fields only, as we write them).
fn parse(csv: &str, sep: char) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{FEFF}').expect("BOM");
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut chars = body.chars().peekable();
    loop {
        match chars.next() {
            None => break,
            Some('"') => {
                let mut field = String::new();
                loop {
                    match chars.next().expect("unterminated quote") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        c => field.push(c),
                    }
                }
                fields.push(field);
                match chars.next() {
                    Some(c) if c == sep => {}
                    Some('\r') => {
                        assert_eq!(chars.next(), Some('\n'), "CR without LF");
                        rows.push(std::mem::take(&mut fields));
                    }
                    other => panic!("unexpected {other:?} after a field"),
                }
            }
            Some(c) => panic!("unquoted field starting with {c:?}"),
        }
    }
    assert!(fields.is_empty(), "last row not terminated");
    rows
}

#[test]
fn every_field_is_quoted_with_bom_crlf_and_a_header() {
    let csv = to_csv(&[row("Anna Berg")], ';');
    assert!(csv.starts_with("\u{FEFF}\"Name\";\"Employee number\";\"Unit\""));
    assert!(csv.ends_with("\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 2);
    let rows = parse(&csv, ';');
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), rows[1].len());
    assert_eq!(
        rows[1][..8],
        [
            "Anna Berg",
            "0042",
            "Vård & omsorg",
            "a@b.se",
            "Employee",
            "2024-02-29",
            "2025-02-28",
            "Expired"
        ]
    );
    let comma = parse(&to_csv(&[row("Anna Berg")], ','), ',');
    assert_eq!(comma, rows);
}

#[test]
fn swedish_headers_and_characters_survive() {
    let names = [
        "Åsa Öberg",
        "Ängla Åström",
        "Łukasz Ćwikła",
        "Nguyễn Thị",
        "Şule",
        "Анна Петрова",
    ];
    let rows: Vec<Row> = names.iter().map(|n| row(n)).collect();
    let csv = to_csv_in(&rows, ';', &csv_words("sv"));
    let parsed = parse(&csv, ';');
    assert_eq!(parsed[0][0], "Namn");
    assert_eq!(parsed[0][1], "Anställningsnummer");
    for (i, name) in names.iter().enumerate() {
        assert_eq!(parsed[i + 1][0], *name);
        assert_eq!(parsed[i + 1][7], "Utgången");
        assert_eq!(parsed[i + 1][4], "Medarbetare");
    }
}

#[test]
fn quotes_newlines_and_separators_stay_inside_their_cell() {
    let tricky = [
        "Anna \"Annie\" Berg",
        "Rad ett\r\nRad två",
        "Berg; Anna",
        "Berg, Anna",
        "\"",
        "Line\nbreak",
    ];
    let rows: Vec<Row> = tricky.iter().map(|n| row(n)).collect();
    for sep in [';', ','] {
        let parsed = parse(&to_csv(&rows, sep), sep);
        assert_eq!(parsed.len(), tricky.len() + 1);
        for (i, name) in tricky.iter().enumerate() {
            assert_eq!(parsed[i + 1][0], *name, "with {sep:?}");
        }
    }
    assert!(to_csv(&[row("Anna \"Annie\" Berg")], ';').contains("\"Anna \"\"Annie\"\" Berg\""));
}

#[test]
fn formula_injection_is_neutralised() {
    let cases = [
        (
            "=HYPERLINK(\"http://x\",\"click\")",
            "'=HYPERLINK(\"http://x\",\"click\")",
        ),
        ("+46 70 123", "'+46 70 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("＝1+1", "'＝1+1"),
        (
            "<img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>",
        ),
        ("Anna=Berg", "Anna=Berg"),
        (" =1", " =1"),
    ];
    for (input, expected) in cases {
        let mut r = row(input);
        r.unit = input.into();
        r.email = input.into();
        r.employee_number = input.into();
        let parsed = parse(&to_csv(&[r], ';'), ';');
        for (col, cell) in parsed[1][..4].iter().enumerate() {
            assert_eq!(cell, expected, "column {col} for {input:?}");
        }
    }
}

#[test]
fn flagged_files_are_listed_and_a_bad_separator_falls_back() {
    let mut r = row("Anna");
    r.status = Status::Flagged;
    r.flagged_files = vec!["a.json".into(), "=b.json".into()];
    let parsed = parse(&to_csv(&[r.clone()], ','), ',');
    assert_eq!(parsed[1][7], "Flagged");
    assert_eq!(parsed[1][10], "a.json | =b.json");
    let fallback = to_csv(&[r], '"');
    assert_eq!(parse(&fallback, ',').len(), 2);
}

#[test]
fn an_empty_table_is_just_the_header() {
    let csv = to_csv(&[], ';');
    assert_eq!(parse(&csv, ';').len(), 1);
}
