//! Running the built `trygg` binary from the CLI's integration tests.

use std::process::Command;

/// Runs `trygg` with `args`: its exit code (-1 when killed by a signal), stdout and stderr.
pub fn trygg(args: &[&str]) -> (i32, String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_trygg"))
        .args(args)
        .output()
        .expect("the trygg binary runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        run.status.code().unwrap_or(-1),
        text(&run.stdout),
        text(&run.stderr),
    )
}
