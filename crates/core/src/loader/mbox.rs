//! Mailbox files (`.mbox`, `.mbx`): many messages end to end, each opening
//! with a `From ` line after an empty one. Thunderbird keeps its folders so,
//! and Google Takeout exports mail so; a newsletter or press-release folder
//! is a collection of articles like an export with one per record.
//!
//! Messages are streamed one at a time, so a mailbox of gigabytes is read
//! in the memory of its largest message; each becomes a record read as a
//! message (see [`super::mail`]). Body lines that begin with `From ` are
//! written `>From ` by mailers (mboxrd): one `>` is taken off again.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{Problem, ProblemKind};

/// Largest message read; a larger one is skipped and reported (it is an
/// attachment of that size, not an article).
pub(super) const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// Streams the messages of the mailbox at `path` to `emit` (1-based number,
/// raw bytes) until it returns false. Problems are pushed to `problems`.
pub(super) fn stream(
    path: &Path,
    problems: &mut Vec<Problem>,
    emit: &mut dyn FnMut(u32, Vec<u8>) -> bool,
) {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(err) => return problems.push(super::file::read_problem(path, &err)),
    };
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut line = Vec::new();
    let mut message = Vec::new();
    // Messages delivered so far: a message's number is given when it ends.
    let mut number = 0u32;
    let mut oversized = false;
    let mut after_blank = true;
    let mut read_error = None;
    let mut deliver = |message: &mut Vec<u8>, oversized: bool| -> bool {
        let bytes = std::mem::take(message);
        if !oversized && bytes.iter().all(u8::is_ascii_whitespace) {
            return true;
        }
        number += 1;
        if oversized {
            let reason = format!(
                "message {number} is larger than {} MB and was skipped",
                MAX_MESSAGE_BYTES / 1_000_000
            );
            problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
            return true;
        }
        emit(number, bytes)
    };
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(err) => {
                read_error = Some(format!("read stopped inside the mailbox: {err}"));
                break;
            }
        }
        if after_blank && line.starts_with(b"From ") {
            if !deliver(&mut message, oversized) {
                return;
            }
            oversized = false;
        }
        after_blank = line.iter().all(u8::is_ascii_whitespace);
        if oversized {
            continue;
        }
        if message.len() + line.len() > MAX_MESSAGE_BYTES {
            oversized = true;
            message = Vec::new();
            continue;
        }
        message.extend_from_slice(unescape_from(&line));
    }
    deliver(&mut message, oversized);
    if let Some(reason) = read_error {
        problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
    }
}

/// A body line as written before the mailer escaped it: `>From ` and
/// `>>From ` lose one `>`.
fn unescape_from(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(mbox: &str) -> (Vec<(u32, String)>, Vec<Problem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox.mbox");
        std::fs::write(&path, mbox).unwrap();
        let mut out = Vec::new();
        let mut problems = Vec::new();
        stream(&path, &mut problems, &mut |n, bytes| {
            out.push((n, String::from_utf8(bytes).unwrap()));
            true
        });
        (out, problems)
    }

    #[test]
    fn messages_split_at_from_lines_after_a_blank_line() {
        let (out, problems) = messages(
            "From a@x Sat Sep 26 10:15:00 2020\nSubject: One\n\nFirst body.\nFrom the desk: not a new message.\n\n\
             >From here on, escaped.\n\nFrom b@x Sun Sep 27 10:15:00 2020\nSubject: Two\n\nSecond body.\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].0, 1);
        assert!(out[0].1.contains("From the desk: not a new message."));
        assert!(
            out[0].1.contains("\nFrom here on, escaped."),
            "{}",
            out[0].1
        );
        assert_eq!(out[1].0, 2);
        assert!(out[1].1.starts_with("From b@x"));
        assert!(out[1].1.ends_with("Second body.\n"));
    }

    #[test]
    fn an_oversized_message_is_reported_by_number_and_the_next_still_read() {
        let huge = "x".repeat(MAX_MESSAGE_BYTES);
        let mbox = format!(
            "From a@x Sat Sep 26 10:15:00 2020\nSubject: Huge\n\n{huge}\n\n\
             From b@x Sun Sep 27 10:15:00 2020\nSubject: Small\n\nBody.\n"
        );
        let (out, problems) = messages(&mbox);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, 2);
        assert!(out[0].1.contains("Subject: Small"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].reason.contains("message 1 is larger than"),
            "{:?}",
            problems[0]
        );
        assert!(problems[0].path.ends_with("inbox.mbox"));
    }

    #[test]
    fn an_empty_mailbox_has_no_messages() {
        assert!(messages("").0.is_empty());
        assert!(messages("\n\n").0.is_empty());
    }
}
