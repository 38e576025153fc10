//! What the desktop app holds between commands: where the data lives and the open vault.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use keystep_core::Keystep;

/// The app's state, managed by Tauri.
pub struct AppState {
    /// `--home DIR` from the command line, if given (else `KEYSTEP_HOME` or the platform default).
    pub home: Option<PathBuf>,
    vault: Mutex<Option<Keystep>>,
}

impl AppState {
    pub fn new(home: Option<PathBuf>) -> Self {
        Self {
            home,
            vault: Mutex::new(None),
        }
    }

    /// The open vault, if any. A poisoned lock still holds a consistent vault (saves are all-or-nothing).
    pub fn vault(&self) -> MutexGuard<'_, Option<Keystep>> {
        self.vault.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Reads `--home DIR` or `--home=DIR` from the process arguments.
pub fn home_from_args(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--home" {
            return args.next().map(PathBuf::from);
        }
        if let Some(rest) = arg.to_str().and_then(|s| s.strip_prefix("--home=")) {
            return Some(PathBuf::from(rest));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_home_in_both_spellings() {
        let a = |v: &[&str]| home_from_args(v.iter().map(OsString::from));
        assert_eq!(
            a(&["keystep-desktop", "--home", "/d"]),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            a(&["keystep-desktop", "--home=/e"]),
            Some(PathBuf::from("/e"))
        );
        assert_eq!(a(&["keystep-desktop"]), None);
    }
}
