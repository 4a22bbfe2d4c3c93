//! The characters `cmi.suspend_data` is written in, and the small pieces of the compact
//! format built from them: numbers in base 62, lists of small indices one character each,
//! and free text escaped into letters and digits.
//!
//! LMSs store suspend data in databases, HTML forms and URLs, and some of them mangle quotes,
//! backslashes, `<>&`, `%`, `+`, `;`, `=`, `,` and spaces. So everything written is drawn
//! from [`is_suspend_safe`]: ASCII letters and digits, `-` and `_` inside values, and
//! `. ~ ! : | *` as separators between them.

/// True for the characters the compact format may write.
pub fn is_suspend_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '!' | ':' | '|' | '*')
}

const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// One base-62 digit for a value below 62.
pub(super) fn digit(value: usize) -> Option<char> {
    DIGITS.get(value).map(|&b| char::from(b))
}

fn digit_value(c: char) -> Option<u64> {
    let v = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        'a'..='z' => u32::from(c) - u32::from('a') + 10,
        'A'..='Z' => u32::from(c) - u32::from('A') + 36,
        _ => return None,
    };
    Some(u64::from(v))
}

/// A number in base 62, most significant digit first: a unix-ms time takes 7 characters.
pub(super) fn number(mut value: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 62) as usize]);
        value /= 62;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

/// Reads [`number`]; `None` for an empty text, a foreign character or an overflow.
pub(super) fn read_number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.chars().try_fold(0u64, |acc, c| {
        acc.checked_mul(62)?.checked_add(digit_value(c)?)
    })
}

/// Small indices (options, steps, choices), one digit each. `None` if one is 62 or more,
/// which no real question reaches.
pub(super) fn digit_list(values: &[usize]) -> Option<String> {
    values.iter().map(|&v| digit(v)).collect()
}

pub(super) fn read_digit_list(text: &str) -> Option<Vec<usize>> {
    text.chars()
        .map(|c| digit_value(c).and_then(|v| usize::try_from(v).ok()))
        .collect()
}

/// Free text (ids, the learner's name): ASCII letters, digits and `-` as they are, every
/// other character as `_` + its code point in hex + `_`, so "Åsa Ek" is `_c5_sa_20_Ek`.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    out
}

/// Reads [`escape`]; `None` for a broken escape or a character it never writes.
pub(super) fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '_' {
            let end = rest[1..].find('_')? + 1;
            let code = u32::from_str_radix(&rest[1..end], 16).ok()?;
            out.push(char::from_u32(code)?);
            rest = &rest[end + 1..];
        } else if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
            rest = &rest[1..];
        } else {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for n in [0, 1, 61, 62, 1_790_000_000_000, u64::MAX] {
            assert_eq!(read_number(&number(n)), Some(n), "{n}");
        }
        assert_eq!(number(1_790_000_000_000).len(), 7);
        assert_eq!(read_number(""), None);
        assert_eq!(read_number("zzzzzzzzzzzzz"), None, "overflow");
        assert_eq!(read_number("1-"), None);
    }

    #[test]
    fn digit_lists_stop_at_sixty_two() {
        assert_eq!(digit_list(&[0, 9, 10, 61]).as_deref(), Some("09aZ"));
        assert_eq!(read_digit_list("09aZ"), Some(vec![0, 9, 10, 61]));
        assert_eq!(digit_list(&[62]), None);
        assert_eq!(read_digit_list("0_"), None);
    }

    #[test]
    fn text_escapes_to_safe_characters() {
        for text in [
            "Åsa Ek",
            "a_b",
            "",
            "Łukasz Żółć",
            "x@y.se",
            "日本",
            "🙂",
            "a-b",
        ] {
            let e = escape(text);
            assert!(e.chars().all(is_suspend_safe), "{e}");
            assert!(!e.contains(['.', '~', '!', ':', '|', '*']), "{e}");
            assert_eq!(unescape(&e).as_deref(), Some(text));
        }
        assert_eq!(escape("Åsa Ek"), "_c5_sa_20_Ek");
        assert_eq!(unescape("_zz_"), None);
        assert_eq!(unescape("_41"), None);
        assert_eq!(unescape("a.b"), None);
        assert_eq!(unescape("_d800_"), None, "a surrogate is no character");
    }
}
