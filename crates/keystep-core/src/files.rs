//! Reading files and streams that come from outside (guide files, pasted or piped text, later imports)
//! without trusting them: never more than a limit plus one byte, and never a named pipe, a device or a
//! folder, which could block forever (a pipe with no writer) or never end (`/dev/zero`).

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
pub use crate::error::{FileProblem, size_words};

/// Reads at most `limit` bytes from `reader`: `Ok(None)` when there is more (it reads `limit + 1` bytes
/// to know, never more), so an endless stream ends here and nothing is cut silently.
pub fn read_bounded(reader: impl Read, limit: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// What a file that is not a regular file is, in words.
fn kind_words(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "something other than a file"
}

/// Reads a text file of at most `limit` bytes (see [`read_file`]), refused when it is not UTF-8.
pub fn read_text_file(path: &Path, limit: usize) -> Result<String> {
    let bytes = read_file(path, limit)?;
    String::from_utf8(bytes).map_err(|_| Error::FileRefused {
        path: path.to_path_buf(),
        problem: FileProblem::NotText,
    })
}

/// Reads a file of at most `limit` bytes. Refuses, before opening it, anything that is not a regular
/// file (links to a regular file are followed) and a file larger than the limit (a 1 GB file is
/// refused from its size, unread); on Unix it opens without blocking and checks the opened file
/// again, so a file swapped for a pipe in between cannot hang the read.
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>> {
    let refused = |problem: FileProblem| Error::FileRefused {
        path: path.to_path_buf(),
        problem,
    };
    let meta = std::fs::metadata(path).map_err(|e| refused(FileProblem::Unreadable(e)))?;
    if !meta.is_file() {
        return Err(refused(FileProblem::NotRegular {
            what: kind_words(meta.file_type()),
        }));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| refused(FileProblem::Unreadable(e)))?;
    let meta = file
        .metadata()
        .map_err(|e| refused(FileProblem::Unreadable(e)))?;
    if !meta.is_file() {
        return Err(refused(FileProblem::NotRegular {
            what: kind_words(meta.file_type()),
        }));
    }
    if meta.len() > u64::try_from(limit).unwrap_or(u64::MAX) {
        return Err(refused(FileProblem::TooLarge { limit_bytes: limit }));
    }
    read_bounded(file, limit)
        .map_err(|e| refused(FileProblem::Unreadable(e)))?
        .ok_or_else(|| refused(FileProblem::TooLarge { limit_bytes: limit }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn problem(r: Result<String>) -> FileProblem {
        match r {
            Err(Error::FileRefused { problem, .. }) => problem,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn reads_a_small_text_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "id = \"x\"\n").unwrap();
        assert_eq!(read_text_file(&path, 16).unwrap(), "id = \"x\"\n");
        // Exactly the limit fits.
        assert_eq!(read_text_file(&path, 9).unwrap().len(), 9);
    }

    #[test]
    fn refuses_a_file_over_the_limit_instead_of_cutting_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, "x".repeat(1025)).unwrap();
        let p = problem(read_text_file(&path, 1024));
        assert!(matches!(p, FileProblem::TooLarge { limit_bytes: 1024 }));
        assert_eq!(
            p.to_string(),
            "it is larger than 1 KB, more than a file of this kind can be."
        );
    }

    #[test]
    fn refuses_dev_zero_and_a_folder_without_reading_them() {
        let started = Instant::now();
        let p = problem(read_text_file(Path::new("/dev/zero"), 1024));
        assert!(
            matches!(p, FileProblem::NotRegular { what: "a device" }),
            "{p:?}"
        );
        let dir = tempfile::tempdir().unwrap();
        let p = problem(read_text_file(dir.path(), 1024));
        assert!(matches!(p, FileProblem::NotRegular { what: "a folder" }));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn refuses_a_named_pipe_with_no_writer_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("guide.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = tx.send(read_text_file(&path, 1024).map_err(|e| e.to_string()));
        });
        let got = rx
            .recv_timeout(Duration::from_secs(5))
            .expect("reading a FIFO with no writer hangs");
        let message = got.unwrap_err();
        assert!(
            message.contains("a named pipe (FIFO), not a regular file"),
            "{message}"
        );
        assert!(message.contains("guide.toml"), "{message}");
    }

    #[test]
    fn bounded_reads_stop_one_byte_after_the_limit() {
        let zero = std::fs::File::open("/dev/zero").unwrap();
        assert_eq!(read_bounded(zero, 64 * 1024).unwrap(), None);
        assert_eq!(
            read_bounded(&b"abcd"[..], 4).unwrap().as_deref(),
            Some(&b"abcd"[..])
        );
        assert_eq!(read_bounded(&b"abcde"[..], 4).unwrap(), None);
    }

    #[test]
    fn refuses_text_that_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bin.toml");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            problem(read_text_file(&path, 1024)),
            FileProblem::NotText
        ));
    }
}
