//! Settings that must be known before the vault is open (whether to ask for the password when Keystep
//! opens), that concern files outside it (the backup folder), or the network (the clock check). They
//! hold no secret and live in
//! `settings.json` in the data folder, written atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vault::file::write_atomic;

/// The settings file's name in the data folder.
pub const SETTINGS_FILE: &str = "settings.json";
/// Minutes without use after which Keystep locks, offered in Settings.
pub const LOCK_AFTER_CHOICES: [u32; 4] = [1, 5, 15, 60];
/// The lock delay once a recovery password exists, unless the person chose another.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 5;

/// What the person chose in Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The clock check: on unless turned off, and which time servers it asks.
    pub clock: ClockSettings,
    /// A folder that also receives every backup (a USB stick, a synced folder), if chosen.
    pub backup_folder: Option<PathBuf>,
    /// Lock after this many minutes without use; `None` is the default, `Some(0)` is off.
    pub lock_after_minutes: Option<u32>,
    /// Ask for the recovery password when Keystep opens, even when the keychain has the key.
    pub ask_password_on_open: bool,
}

/// Whether Keystep compares the computer's clock with network time, and with which servers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClockSettings {
    /// On by default: a wrong clock is the most common reason a code is refused.
    pub check: bool,
    /// `HOST` or `HOST:PORT`; empty means [`crate::clock::DEFAULT_SERVERS`].
    pub servers: Vec<String>,
}

impl Default for ClockSettings {
    fn default() -> Self {
        Self {
            check: true,
            servers: Vec::new(),
        }
    }
}

impl ClockSettings {
    /// The servers to ask (the defaults when none were chosen), read.
    pub fn addresses(&self) -> Result<Vec<crate::clock::ServerAddress>> {
        crate::clock::parse_servers(&self.servers)
    }
}

impl Settings {
    /// The settings in `data_dir`; a missing or damaged file gives the defaults (nothing in it is
    /// worth refusing to open the codes for).
    pub fn load(data_dir: &Path) -> Self {
        std::fs::read(data_dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Saves the settings atomically.
    pub fn save(&self, data_dir: &Path) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::VaultEncode {
            detail: format!("writing the settings as JSON failed: {e}"),
        })?;
        write_atomic(&data_dir.join(SETTINGS_FILE), &bytes)
    }

    /// The lock delay in minutes (0 = never), given whether a recovery password is set.
    pub fn lock_after(&self, has_password: bool) -> u32 {
        match self.lock_after_minutes {
            Some(m) => m,
            None if has_password => DEFAULT_LOCK_AFTER_MINUTES,
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_a_damaged_file_gives_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        let chosen = Settings {
            backup_folder: Some("/media/usb/keystep".into()),
            lock_after_minutes: Some(15),
            ask_password_on_open: true,
            clock: ClockSettings {
                check: false,
                servers: vec!["127.0.0.1:1234".into()],
            },
        };
        chosen.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), chosen);
        std::fs::write(dir.path().join(SETTINGS_FILE), b"{not json").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
    }

    #[test]
    fn an_older_settings_file_has_the_clock_check_on_with_the_default_servers() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(SETTINGS_FILE),
            br#"{"ask_password_on_open":true}"#,
        )
        .unwrap();
        let s = Settings::load(dir.path());
        assert!(s.ask_password_on_open);
        assert!(s.clock.check);
        assert_eq!(
            s.clock.addresses().unwrap().len(),
            crate::clock::DEFAULT_SERVERS.len()
        );
    }

    #[test]
    fn the_lock_delay_defaults_to_five_minutes_once_a_password_exists() {
        let s = Settings::default();
        assert_eq!(s.lock_after(false), 0);
        assert_eq!(s.lock_after(true), 5);
        let off = Settings {
            lock_after_minutes: Some(0),
            ..Settings::default()
        };
        assert_eq!(off.lock_after(true), 0);
    }
}
