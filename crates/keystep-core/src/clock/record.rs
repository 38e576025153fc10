//! The last check, kept in the data folder (`clock.json`, no secret in it) so that `keystep code` and a
//! restarted window use it, and the rule that says when its correction still holds.
//!
//! A correction is an offset from this computer's clock. The moment the person fixes their clock (as
//! the banner asks), the old offset would make every code wrong: so each correction remembers the
//! time since boot beside the clock's time, and is dropped as soon as the two stop moving together
//! (the clock was set), after a restart of the computer, or after a few hours.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ClockCheck;
use crate::error::{Error, Result};
use crate::vault::file::write_atomic;

/// The record's file name in the data folder.
pub const RECORD_FILE: &str = "clock.json";
/// A correction is trusted this long after its check (the desktop app checks every four hours).
const TRUST_FOR_MS: u64 = 6 * 60 * 60 * 1000;
/// The clock and the time since boot may drift apart this much before the clock counts as set.
const SET_CLOCK_TOLERANCE_MS: i64 = 2_000;

/// A check as kept on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockRecord {
    pub check: ClockCheck,
    /// This computer's clock at the check, in Unix milliseconds.
    pub wall_ms: u64,
    /// The time since boot at the check, where the system tells it.
    pub boot_ms: Option<u64>,
}

/// An offset that Keystep's codes use, while it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Correction {
    /// Network time minus this computer's time, in milliseconds.
    pub offset_ms: i64,
    wall_ms: u64,
    boot_ms: u64,
}

impl ClockRecord {
    /// The record of `check`, made now.
    pub fn new(check: ClockCheck, wall_ms: u64, boot_ms: Option<u64>) -> Self {
        Self {
            check,
            wall_ms,
            boot_ms,
        }
    }

    /// The correction this check allows: only an applied one, and only where the time since boot is
    /// known (without it a clock set later could not be noticed).
    pub fn correction(&self) -> Option<Correction> {
        if !self.check.applied {
            return None;
        }
        Some(Correction {
            offset_ms: self.check.offset_ms,
            wall_ms: self.wall_ms,
            boot_ms: self.boot_ms?,
        })
    }
}

impl Correction {
    /// The offset, if it still holds at `wall_ms` (this computer's clock) and `boot_ms` (time since
    /// boot): not when the computer restarted, the clock was set, or the check is too old.
    pub fn offset_now(&self, wall_ms: u64, boot_ms: Option<u64>) -> Option<i64> {
        let boot_ms = boot_ms?;
        let since_boot = boot_ms.checked_sub(self.boot_ms)?;
        if since_boot > TRUST_FOR_MS {
            return None;
        }
        let since_wall = i128::from(wall_ms) - i128::from(self.wall_ms);
        let drift = since_wall - i128::from(since_boot);
        (drift.abs() <= i128::from(SET_CLOCK_TOLERANCE_MS)).then_some(self.offset_ms)
    }

    /// `wall_ms` moved by the offset, if it still holds; `wall_ms` otherwise.
    pub fn corrected(this: Option<&Self>, wall_ms: u64, boot_ms: Option<u64>) -> u64 {
        match this.and_then(|c| c.offset_now(wall_ms, boot_ms)) {
            Some(offset) => wall_ms.saturating_add_signed(offset),
            None => wall_ms,
        }
    }
}

/// Milliseconds since the computer started (counting time asleep), from `/proc/uptime` on Linux;
/// `None` elsewhere.
pub fn boot_clock_ms() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/uptime").ok()?;
    let seconds = text.split_whitespace().next()?;
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
    let whole: u64 = whole.parse().ok()?;
    let hundredths: u64 = format!("{fraction:0<2}").get(..2)?.parse().ok()?;
    whole.checked_mul(1000)?.checked_add(hundredths * 10)
}

/// The last check kept in `data_dir`; none when missing or unreadable (a new check replaces it).
pub fn load_record(data_dir: &Path) -> Option<ClockRecord> {
    let bytes = std::fs::read(data_dir.join(RECORD_FILE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Keeps `record` in `data_dir`, atomically; only in an existing data folder (asking the time must not
/// make one).
pub fn save_record(data_dir: &Path, record: &ClockRecord) -> Result<()> {
    if !data_dir.is_dir() {
        return Ok(());
    }
    let bytes = serde_json::to_vec_pretty(record).map_err(|e| Error::VaultEncode {
        detail: format!("writing the clock check as JSON failed: {e}"),
    })?;
    write_atomic(&data_dir.join(RECORD_FILE), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(offset_ms: i64) -> ClockCheck {
        ClockCheck {
            offset_ms,
            servers: vec![],
            applied: true,
            checked_at: 1_000,
        }
    }

    #[test]
    fn a_correction_holds_while_the_clock_runs_on_and_stops_when_it_is_set() {
        let c = ClockRecord::new(applied(120_000), 1_000_000, Some(50_000))
            .correction()
            .unwrap();
        assert_eq!(c.offset_now(1_060_000, Some(110_000)), Some(120_000));
        assert_eq!(
            Correction::corrected(Some(&c), 1_060_000, Some(110_000)),
            1_180_000
        );
        // The person turned on automatic time: the clock jumped two minutes, the time since boot did not.
        assert_eq!(c.offset_now(1_180_000, Some(110_000)), None);
        assert_eq!(
            Correction::corrected(Some(&c), 1_180_000, Some(110_000)),
            1_180_000
        );
        // A restart of the computer, a check too old, or no time since boot: no correction.
        assert_eq!(c.offset_now(1_060_000, Some(10_000)), None);
        assert_eq!(
            c.offset_now(
                1_000_000 + TRUST_FOR_MS + 1,
                Some(50_000 + TRUST_FOR_MS + 1)
            ),
            None
        );
        assert_eq!(c.offset_now(1_060_000, None), None);
    }

    #[test]
    fn only_an_applied_check_with_a_boot_time_corrects() {
        let mut check = applied(120_000);
        assert!(
            ClockRecord::new(check.clone(), 0, None)
                .correction()
                .is_none()
        );
        check.applied = false;
        assert!(ClockRecord::new(check, 0, Some(1)).correction().is_none());
    }

    #[test]
    fn the_record_round_trips_and_a_damaged_one_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load_record(dir.path()).is_none());
        let record = ClockRecord::new(applied(-30_000), 5, Some(6));
        save_record(dir.path(), &record).unwrap();
        assert_eq!(load_record(dir.path()), Some(record.clone()));
        std::fs::write(dir.path().join(RECORD_FILE), b"{").unwrap();
        assert!(load_record(dir.path()).is_none());
        let missing = dir.path().join("no-data-folder-yet");
        save_record(&missing, &record).unwrap();
        assert!(!missing.exists(), "asking the time made a data folder");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_time_since_boot_is_read_on_linux() {
        let first = boot_clock_ms().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30));
        let second = boot_clock_ms().unwrap();
        assert!(first > 0 && second >= first, "{first} {second}");
    }
}
