//! Finding, reading and checking the files `trygg roster` is given, on every core: worker
//! threads take the files in numbered batches, read and check them, and hand each batch back
//! to the calling thread, which merges them strictly in file order. The roster, the CSV and
//! every line on stderr are therefore the same whatever the number of threads.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};
use std::thread;

use trygg_core::certificate::{VerifyError, DEFAULT_MAX_BYTES};
use trygg_core::roster::{export_members, Intake, Prepared};

/// Files larger than this are refused from their size alone, unread: no completion file or
/// certificate PDF comes near it, and each thread holds at most one file in memory.
pub const MAX_FILE_BYTES: usize = DEFAULT_MAX_BYTES;

/// Files per batch: large enough that handing batches around costs nothing next to reading
/// them, small enough that batches waiting to be merged in order stay a few hundred KB.
const BATCH: usize = 64;

/// What became of one file before merging.
// One value per file, merged at once: boxing the record would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum FileOutcome {
    /// Read, checked and readied for the roster.
    Checked(Prepared),
    /// A roster export (`--json`, or the manager view's JSON): its records, each checked
    /// and readied as a file of its own, in the export's order.
    Export(Vec<Prepared>),
    /// Larger than [`MAX_FILE_BYTES`]; not read.
    TooLarge(VerifyError),
    /// Could not be opened or read.
    Unreadable(io::Error),
}

/// Reads and checks `files` for the roster `intake` comes from on `threads` threads (1: on
/// this one), calling `merge` on this thread for each file in the order of `files`.
pub fn check_files(
    files: &[PathBuf],
    intake: &Intake,
    course_id: Option<&str>,
    threads: usize,
    mut merge: impl FnMut(&Path, FileOutcome),
) {
    if threads <= 1 || files.len() <= BATCH {
        let mut buffer = Vec::new();
        for path in files {
            merge(path, check_one(path, intake, course_id, &mut buffer));
        }
        return;
    }
    let next_batch = AtomicUsize::new(0);
    let gate = Gate {
        due: Mutex::new(0),
        moved: Condvar::new(),
    };
    let window = threads * 4;
    let (send, receive) = mpsc::channel::<(usize, Vec<FileOutcome>)>();
    thread::scope(|scope| {
        // No more workers than batches: a large --threads on a small folder spawns few.
        for _ in 0..threads.min(files.len().div_ceil(BATCH)) {
            let send = send.clone();
            let (next_batch, gate) = (&next_batch, &gate);
            scope.spawn(move || {
                let mut buffer = Vec::new();
                loop {
                    let batch = next_batch.fetch_add(1, Ordering::Relaxed);
                    let start = batch.saturating_mul(BATCH);
                    if start >= files.len() {
                        break;
                    }
                    gate.wait_for(batch, window);
                    let outcomes = files[start..files.len().min(start + BATCH)]
                        .iter()
                        .map(|p| check_one(p, intake, course_id, &mut buffer))
                        .collect();
                    if send.send((batch, outcomes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting: BTreeMap<usize, Vec<FileOutcome>> = BTreeMap::new();
        let mut due = 0;
        for (batch, outcomes) in receive {
            waiting.insert(batch, outcomes);
            while let Some(outcomes) = waiting.remove(&due) {
                for (path, outcome) in files[due * BATCH..].iter().zip(outcomes) {
                    merge(path, outcome);
                }
                due += 1;
                gate.advance(due);
            }
        }
    });
}

/// Holds workers back while the batch they took is more than a window ahead of the merge,
/// so one slow file (a network share, a file being written) cannot make checked batches
/// pile up waiting for it.
struct Gate {
    /// The next batch to merge.
    due: Mutex<usize>,
    moved: Condvar,
}

impl Gate {
    fn wait_for(&self, batch: usize, window: usize) {
        let mut due = self.due.lock().unwrap_or_else(PoisonError::into_inner);
        while batch >= *due + window {
            due = self.moved.wait(due).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn advance(&self, due: usize) {
        *self.due.lock().unwrap_or_else(PoisonError::into_inner) = due;
        self.moved.notify_all();
    }
}

/// Reads one file into `buffer` (reused from file to file), checks it and readies it.
fn check_one(
    path: &Path,
    intake: &Intake,
    course_id: Option<&str>,
    buffer: &mut Vec<u8>,
) -> FileOutcome {
    match read_limited(path, MAX_FILE_BYTES, buffer) {
        Ok(Ok(())) => match export_members(buffer) {
            Some(members) => FileOutcome::Export(
                members
                    .into_iter()
                    .map(|member| intake.file(&member, course_id))
                    .collect(),
            ),
            None => FileOutcome::Checked(intake.file(buffer, course_id)),
        },
        Ok(Err(too_large)) => FileOutcome::TooLarge(too_large),
        Err(e) => FileOutcome::Unreadable(e),
    }
}

/// Reads at most `max` bytes into `buffer`. A file whose size says it is larger is refused
/// before a byte is read; one that grows while being read is cut off just past `max`.
fn read_limited(
    path: &Path,
    max: usize,
    buffer: &mut Vec<u8>,
) -> io::Result<Result<(), VerifyError>> {
    buffer.clear();
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let too_large = |size: usize| Ok(Err(VerifyError::TooLarge { size, max }));
    if len > u64::try_from(max).unwrap_or(u64::MAX) {
        return too_large(usize::try_from(len).unwrap_or(usize::MAX));
    }
    // One read, with room for a byte more than the size given: when exactly that size
    // comes back, the file is whole, and the read that would only find its end is skipped
    // (a fifth of the system calls per file). Anything else (a file that grew or shrank, a
    // /proc file that says it is empty, a short read) is read on to its end.
    let expected = usize::try_from(len).unwrap_or(max);
    buffer.resize(expected.saturating_add(1), 0);
    let got = loop {
        match file.read(buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            got => break got?,
        }
    };
    buffer.truncate(got);
    if got == expected {
        return Ok(Ok(()));
    }
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let rest = limit.saturating_sub(u64::try_from(got).unwrap_or(u64::MAX));
    file.take(rest).read_to_end(buffer)?;
    if buffer.len() > max {
        return too_large(buffer.len());
    }
    Ok(Ok(()))
}

/// Appends every candidate file under `root` to `files`, in name order. Explicitly named
/// files are always taken; inside folders only `.json` and `.pdf` files are, and links to
/// them, or named like them but leading nowhere (dangling, or a loop of links), so that they
/// are reported. Symbolic links to folders are not followed (no loops). A folder that cannot
/// be listed goes in `errors`.
pub fn collect_files(
    root: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<(PathBuf, io::Error)>,
) {
    match fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return files.push(root.to_path_buf()),
        Err(e) => return errors.push((root.to_path_buf(), e)),
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push((dir, e));
                continue;
            }
        };
        let mut here: Vec<PathBuf> = Vec::new();
        let mut dirs = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push((dir.clone(), e));
                    continue;
                }
            };
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                dirs.push(path);
            } else if !is_candidate(&path) {
            } else if kind.is_file() {
                here.push(path);
            } else if kind.is_symlink() {
                // A link to a file is taken; one that leads nowhere too, so that reading it
                // reports why in its place among the files.
                match fs::metadata(&path) {
                    Ok(target) if !target.is_file() => {}
                    _ => here.push(path),
                }
            }
        }
        // All in one folder, so the paths share everything up to the name and their bytes
        // from there order them by name, without splitting every path into components at
        // each comparison or keeping each name a second time.
        let folder = dir.as_os_str().len();
        here.sort_unstable_by(|a, b| name_bytes(a, folder).cmp(name_bytes(b, folder)));
        files.append(&mut here);
        // Reversed, so the stack pops folders in name order.
        dirs.sort_by(|a, b| b.cmp(a));
        stack.extend(dirs);
    }
}

/// The bytes of `path` from `folder` on: its name, for a path in a folder that long.
fn name_bytes(path: &Path, folder: usize) -> &[u8] {
    path.as_os_str()
        .as_encoded_bytes()
        .get(folder..)
        .unwrap_or_default()
}

/// Inside folders only completion files are read, by the same rule as the manager view. A
/// name that is not UTF-8 is judged as it is shown, so such a file is read and, if refused,
/// named like any other instead of passed over in silence.
fn is_candidate(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| trygg_core::roster::is_completion_file_name(&n.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_dir;
    use trygg_core::date::Date;
    use trygg_core::roster::{Merged, Roster};

    #[test]
    fn a_file_over_the_limit_is_refused_from_its_size_unread() {
        let dir = temp_dir("over-limit");
        let path = dir.join("film.json");
        // Sparse: 2 GB on paper, nothing on disk.
        File::create(&path)
            .and_then(|f| f.set_len(2 << 30))
            .unwrap();
        let mut buffer = Vec::new();
        let outcome = read_limited(&path, MAX_FILE_BYTES, &mut buffer).unwrap();
        assert_eq!(
            outcome,
            Err(VerifyError::TooLarge {
                size: 2 << 30,
                max: MAX_FILE_BYTES
            })
        );
        assert_eq!(buffer.capacity(), 0, "nothing was read or reserved");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_at_the_limit_is_read_and_one_past_it_is_not() {
        let dir = temp_dir("at-limit");
        let path = dir.join("a.json");
        fs::write(&path, "0123456789").unwrap();
        let mut buffer = Vec::new();
        assert_eq!(read_limited(&path, 10, &mut buffer).unwrap(), Ok(()));
        assert_eq!(buffer, b"0123456789");
        assert_eq!(
            read_limited(&path, 9, &mut buffer).unwrap(),
            Err(VerifyError::TooLarge { size: 10, max: 9 })
        );
        let _ = fs::remove_dir_all(&dir);
    }

    /// A file whose size says nothing (a /proc file says 0) is read on to its end, not
    /// taken as empty from its size.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_says_it_is_empty_is_still_read_to_its_end() {
        let mut buffer = Vec::new();
        let status = Path::new("/proc/self/status");
        assert_eq!(fs::metadata(status).unwrap().len(), 0);
        assert_eq!(read_limited(status, 1 << 20, &mut buffer).unwrap(), Ok(()));
        assert!(buffer.starts_with(b"Name:"), "{buffer:?}");
        assert!(buffer.ends_with(b"\n"));
    }

    #[test]
    fn merges_in_file_order_whatever_the_threads() {
        let dir = temp_dir("order");
        let files: Vec<PathBuf> = (0..BATCH * 5 + 3)
            .map(|i| {
                let path = dir.join(format!("{i:04}.json"));
                // Every file refused, each with a reason of its own.
                fs::write(&path, "x".repeat(i % 7 + 1)).unwrap();
                path
            })
            .collect();
        let order = |threads| {
            let mut roster = Roster::new().for_table_only();
            let intake = roster.intake(Date::from_unix_ms(0));
            let mut seen = Vec::new();
            check_files(&files, &intake, None, threads, |path, outcome| {
                let name = path.display();
                let FileOutcome::Checked(prepared) = outcome else {
                    panic!("{name} was not read");
                };
                let Merged::Rejected(reason) = roster.add_prepared(|| name.to_string(), prepared)
                else {
                    panic!("{name} was not refused");
                };
                seen.push((path.to_path_buf(), reason.to_string()));
            });
            assert_eq!(roster.rejected().len(), seen.len());
            seen
        };
        let one = order(1);
        assert_eq!(one.len(), files.len());
        assert!(one.iter().map(|(p, _)| p).eq(files.iter()));
        for threads in [2, 3, 8] {
            assert_eq!(order(threads), one, "{threads} threads");
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
