//! Swedish UI strings for the manager page.

pub const TABLE: &[(&str, &str)] = &[];
