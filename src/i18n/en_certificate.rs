//! English UI strings for the certificate page.

pub const TABLE: &[(&str, &str)] = &[];
