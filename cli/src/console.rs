//! Printing that cannot panic. `println!` and `eprintln!` panic when the stream cannot be
//! written, as when stdout is a pipe whose reader has gone (`trygg content schema DIR | head
//! -1`); the command's own outcome is what counts then, and its exit code says it.

/// A line on stdout; a stream that cannot be written is ignored.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// A line on stderr; a stream that cannot be written is ignored.
macro_rules! complain {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
