//! Automatic backups: after every change a copy of the vault is written to `backups/` in the data
//! folder and, when the person chose one, to a backup folder (a USB stick, a synced folder). A backup
//! is a vault file whose only slot is the password slot (or the keychain slot when no recovery password
//! is set), so a password-sealed backup opens on a computer that has never seen Keystep. Old backups
//! are pruned by one rule: the newest [`KEEP_NEWEST`], and the newest of each of the last
//! [`KEEP_DAYS`] days.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vault::file::write_atomic;

/// Backups kept whatever their age.
pub const KEEP_NEWEST: usize = 10;
/// Days for which the newest backup of the day is kept.
pub const KEEP_DAYS: u64 = 30;
/// The start of every backup file's name.
pub const NAME_PREFIX: &str = "keystep-backup-";
/// The end of every backup file's name.
pub const NAME_SUFFIX: &str = ".ksv";
/// The note of the last backup to the backup folder, in the data folder.
pub const STATUS_FILE: &str = "backup-status.json";
/// A backup's temporary file (`.keystep-backup-….ksv.tmp-…`) older than this was left by a Keystep
/// that was stopped while writing it, and is removed. Writing one takes seconds at most, so a younger
/// one may be another Keystep's (the window's, the command line's) still being written: it is left.
pub const ABANDONED_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// One backup file found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// When it was made, Unix seconds (from its name).
    pub created: u64,
}

/// `keystep-backup-20261129-143005.ksv` for a backup made at `now_ms` (UTC).
pub fn file_name(now_ms: u64) -> String {
    let secs = now_ms / 1000;
    let date = crate::app::iso_date(now_ms).replace('-', "");
    let in_day = secs % 86_400;
    format!(
        "{NAME_PREFIX}{date}-{:02}{:02}{:02}{NAME_SUFFIX}",
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}

/// The Unix seconds a backup file's name says it was made, `None` for any other name.
pub fn created_of(name: &str) -> Option<u64> {
    let stamp = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let (date, time) = stamp.split_once('-')?;
    if date.len() != 8 || time.len() != 6 || !stamp.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let iso = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]);
    let day = crate::dates::parse_iso_date(&iso).ok()?;
    let days = u64::try_from(day.to_julian_day() - 2_440_588).ok()?;
    let n = |s: &str| s.parse::<u64>().ok();
    let (h, m, s) = (n(&time[..2])?, n(&time[2..4])?, n(&time[4..])?);
    (h < 24 && m < 60 && s < 60).then_some(days * 86_400 + h * 3600 + m * 60 + s)
}

/// The backups in `folder`, newest first. A folder that does not exist has none.
pub fn list(folder: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read", folder, e)),
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name();
            let created = created_of(name.to_str()?)?;
            e.file_type()
                .ok()
                .filter(std::fs::FileType::is_file)
                .map(|_| BackupFile {
                    path: e.path(),
                    created,
                })
        })
        .collect();
    found.sort_by(|a, b| b.created.cmp(&a.created).then(b.path.cmp(&a.path)));
    Ok(found)
}

/// Which of `backups` (newest first) the keep rule lets go at `now_secs`.
pub fn to_prune(backups: &[BackupFile], now_secs: u64) -> Vec<PathBuf> {
    let mut kept_days: Vec<u64> = Vec::new();
    let mut gone = Vec::new();
    for (i, b) in backups.iter().enumerate() {
        let day = b.created / 86_400;
        let recent = now_secs.saturating_sub(b.created) < KEEP_DAYS * 86_400;
        let first_of_day = recent && !kept_days.contains(&day);
        if first_of_day {
            kept_days.push(day);
        }
        if i >= KEEP_NEWEST && !first_of_day {
            gone.push(b.path.clone());
        }
    }
    gone
}

/// Writes a backup (`bytes`, a complete vault file) into `folder` (made if missing, owner-only) and
/// prunes the old ones. Returns the new file's path. Synced to the disk: for a backup folder on a USB
/// stick that may be pulled out next.
pub fn write(folder: &Path, bytes: &[u8], now_ms: u64) -> Result<PathBuf> {
    write_with(folder, bytes, now_ms, true)
}

/// [`write`] without the fsyncs, for the automatic backup in the data folder right after the vault
/// itself was saved and synced on the same disk: a crash may cost that newest backup (an empty file,
/// which is listed as unreadable and pruned in time), never the vault. This keeps a save with its
/// backup close to a save alone.
pub fn write_beside_vault(folder: &Path, bytes: &[u8], now_ms: u64) -> Result<PathBuf> {
    write_with(folder, bytes, now_ms, false)
}

fn write_with(folder: &Path, bytes: &[u8], now_ms: u64, durable: bool) -> Result<PathBuf> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(folder)
        .map_err(|e| Error::io("make the backup folder", folder, e))?;
    let path = folder.join(file_name(now_ms));
    crate::vault::file::write_atomic_with(&path, bytes, durable)?;
    crate::vault::file::remove_stale_temps(&path);
    remove_abandoned_temps(folder, SystemTime::now());
    for old in to_prune(&list(folder)?, now_ms / 1000) {
        let _ = std::fs::remove_file(old);
    }
    Ok(path)
}

/// Removes what backups cut off half-way (their Keystep killed, the computer turned off) left in
/// `folder`: temporary files older than [`ABANDONED_TEMP_AGE`]. Only those of the same second go with
/// the new backup's own clean-up; each of the others is a whole or partial copy of the vault that
/// nothing else would ever remove.
fn remove_abandoned_temps(folder: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{NAME_PREFIX}");
    let marker = format!("{NAME_SUFFIX}.tmp-");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_temp = name
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix) && n.contains(&marker));
        // The entry's own metadata: a link is never followed, nor removed.
        let abandoned = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age >= ABANDONED_TEMP_AGE)
        });
        if is_temp && abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// How the last backup to the backup folder went: the window and the review read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupStatus {
    /// When the last backup reached the backup folder, Unix milliseconds.
    #[serde(default)]
    pub last_ok_ms: Option<u64>,
    /// The last failure, when it is newer than the last success.
    #[serde(default)]
    pub failure: Option<BackupFailure>,
}

/// A backup that did not reach the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFailure {
    pub at_ms: u64,
    pub folder: PathBuf,
    /// Why, in words for a person (never a secret).
    pub reason: String,
}

impl BackupStatus {
    /// The note in the data folder; a missing or unreadable note is "nothing known yet".
    pub fn load(data_dir: &Path) -> Self {
        std::fs::read(data_dir.join(STATUS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Saves the note atomically. A note that cannot be written is not worth failing a change for.
    pub fn save(&self, data_dir: &Path) {
        if let Ok(bytes) = serde_json::to_vec_pretty(self) {
            let _ = write_atomic(&data_dir.join(STATUS_FILE), &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = 86_400;

    #[test]
    fn names_carry_the_utc_date_and_time_and_read_back() {
        let ms = 1_798_675_200_000 + (14 * 3600 + 30 * 60 + 5) * 1000 + 999;
        let name = file_name(ms);
        assert_eq!(name, "keystep-backup-20261231-143005.ksv");
        assert_eq!(created_of(&name), Some(ms / 1000));
        for other in [
            "vault.ksv",
            "keystep-backup-20261231-143005.ksv.tmp",
            "keystep-backup-20261331-143005.ksv",
            "keystep-backup-20261231-246005.ksv",
            "keystep-backup-2026123-1430051.ksv",
            "keystep-backup-+0261231-143005.ksv",
        ] {
            assert_eq!(created_of(other), None, "{other}");
        }
    }

    fn at(secs: u64) -> BackupFile {
        BackupFile {
            path: PathBuf::from(format!("b{secs}")),
            created: secs,
        }
    }

    #[test]
    fn the_keep_rule_keeps_the_newest_ten_and_the_newest_of_each_of_the_last_30_days() {
        // Noon: the five backups of each day below fall on the same calendar day.
        let now = 100 * DAY + DAY / 2;
        // Five backups a day for 40 days, newest first.
        let mut all: Vec<BackupFile> = (0..40u64)
            .flat_map(|d| (0..5u64).map(move |k| at(now - d * DAY - k * 600)))
            .collect();
        all.sort_by_key(|b| std::cmp::Reverse(b.created));
        let gone = to_prune(&all, now);
        let kept: Vec<&BackupFile> = all.iter().filter(|b| !gone.contains(&b.path)).collect();
        // The newest ten (two days' worth), plus the newest of each of the other 28 recent days.
        assert_eq!(kept.len(), 10 + 28);
        assert!(all[..10].iter().all(|b| !gone.contains(&b.path)));
        for d in 0..30u64 {
            let newest_of_day = now - d * DAY;
            assert!(kept.iter().any(|b| b.created == newest_of_day), "day {d}");
        }
        assert!(kept.iter().all(|b| now - b.created < 30 * DAY));
    }

    #[test]
    fn few_backups_are_all_kept() {
        let now = 1_000 * DAY;
        let all: Vec<BackupFile> = (0..10).map(|i| at(now - i * 40 * DAY)).collect();
        assert!(to_prune(&all, now).is_empty());
    }

    #[test]
    fn writing_prunes_the_folder_and_leaves_other_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"mine").unwrap();
        let start = 1_798_675_200_000u64;
        for i in 0..15u64 {
            write(dir.path(), b"backup", start + i * 1000).unwrap();
        }
        let left = list(dir.path()).unwrap();
        assert_eq!(
            left.len(),
            KEEP_NEWEST,
            "all on one day: the newest ten stay"
        );
        assert_eq!(left[0].created, start / 1000 + 14);
        assert!(dir.path().join("notes.txt").exists());
    }

    #[test]
    fn writing_removes_temporary_files_of_stopped_writes_but_not_fresh_ones() {
        let dir = tempfile::tempdir().unwrap();
        let temp = |name: &str, age: Duration| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"half").unwrap();
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(SystemTime::now() - age)
                .unwrap();
            path
        };
        let abandoned = temp(
            ".keystep-backup-20261231-143005.ksv.tmp-0a1b2c3d4e5f",
            ABANDONED_TEMP_AGE + Duration::from_secs(60),
        );
        let in_progress = temp(
            ".keystep-backup-20261231-143006.ksv.tmp-0a1b2c3d4e5f",
            Duration::from_secs(1),
        );
        let not_ours = temp(".notes.txt.tmp-0a1b2c3d4e5f", Duration::from_secs(86_400));
        write(dir.path(), b"backup", 1_798_675_200_000).unwrap();
        assert!(!abandoned.exists());
        assert!(in_progress.exists(), "another writer's file is left alone");
        assert!(not_ours.exists());
    }
}
