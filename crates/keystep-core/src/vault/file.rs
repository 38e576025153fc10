//! Writing files so that a crash never leaves a half-written vault, and serializing writers.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: a new owner-only temp file in the same folder, fsync, rename over
/// the target, fsync the folder. Readers see the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, bytes, true)
}

/// [`write_atomic`], with the fsyncs only when `durable`. Without them a crash right after may leave the
/// old file or an empty new one (never a mix): right for a copy whose original is already durable, such
/// as the automatic backup beside the vault.
pub fn write_atomic_with(path: &Path, bytes: &[u8], durable: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("vault");
    let mut suffix = [0u8; 6];
    getrandom::fill(&mut suffix).map_err(|_| Error::Random {
        purpose: "name a temporary file for saving",
    })?;
    let tmp = dir.join(format!(
        ".{file_name}.tmp-{}",
        data_encoding::HEXLOWER.encode(&suffix)
    ));
    let result = write_new_file(&tmp, bytes, durable)
        .and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io("save", path, e)));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    if durable {
        sync_dir(dir);
    }
    Ok(())
}

fn write_new_file(path: &Path, bytes: &[u8], durable: bool) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Error::io("save", path, e))?;
    file.write_all(bytes)
        .map_err(|e| Error::io("save", path, e))?;
    if durable {
        file.sync_all().map_err(|e| Error::io("save", path, e))?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    // A folder fsync makes the rename durable on Linux; elsewhere it is unsupported and not needed.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Where the vault really is. A link is followed for every read and for the atomic write (its temporary
/// file and rename happen in the target's folder, so the link stays a link): a vault kept on another
/// drive or in a synced folder is updated in place. `Ok(None)`: nothing is there, so there is no vault
/// yet. A link whose target is missing is an error, never "no vault": creating a new vault over it would
/// hide the real one the day the drive comes back.
pub fn locate_vault(path: &Path) -> Result<Option<PathBuf>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    if !meta.file_type().is_symlink() {
        return Ok(Some(path.to_path_buf()));
    }
    match std::fs::canonicalize(path) {
        Ok(target) => Ok(Some(target)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::VaultLinkBroken {
            path: path.to_path_buf(),
            target: std::fs::read_link(path).unwrap_or_default(),
        }),
        Err(e) => Err(Error::io("follow the link", path, e)),
    }
}

/// Removes temporary files that saves killed half-way left beside `path` (`.vault.ksv.tmp-…`). Call
/// it only under the [`WriteLock`]: then no save of ours is writing one.
pub fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
            && entry.file_type().is_ok_and(|t| t.is_file());
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An exclusive lock on the vault's lock file, held while a save reads, changes and writes the vault.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
}

impl WriteLock {
    /// Waits until no other Keystep process is writing, then holds the lock until dropped.
    pub fn acquire(lock_path: &Path) -> Result<Self> {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A link here would make Keystep create or lock some other file.
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        if std::fs::symlink_metadata(lock_path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::LockIsLink {
                path: lock_path.to_path_buf(),
            });
        }
        let file = options.open(lock_path).map_err(|e| {
            #[cfg(unix)]
            if e.raw_os_error() == Some(libc::ELOOP) {
                return Error::LockIsLink {
                    path: lock_path.to_path_buf(),
                };
            }
            Error::io("lock", lock_path, e)
        })?;
        file.lock().map_err(|e| Error::io("lock", lock_path, e))?;
        Ok(Self { file })
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_leaves_no_temp_and_is_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.ksv");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn failed_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.ksv");
        write_atomic(&path, b"good").unwrap();
        // A directory where the target is makes the rename fail.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("x"), b"").unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"good");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
