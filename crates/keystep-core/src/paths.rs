//! Where Keystep keeps its files. One place decides it, for the CLI, the desktop app and the tests.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Environment variable that overrides the data directory (as `--home` does).
pub const HOME_ENV: &str = "KEYSTEP_HOME";
/// The vault file's name inside the data directory.
pub const VAULT_FILE: &str = "vault.ksv";
/// The folder of a person's own guides inside the data directory.
pub const GUIDES_DIR: &str = "guides";
/// The note of a first save under way (see [`DataDir::pending_file`]).
pub const PENDING_FILE: &str = "vault.pending";
/// The lock file that serializes writers (the app and the CLI at the same time).
pub const LOCK_FILE: &str = "vault.lock";

/// The data directory and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `explicit` (from `--home`) wins, then `KEYSTEP_HOME`, then the platform's data directory
    /// (`~/.local/share/keystep` on Linux, `~/Library/Application Support/app.keystep.Keystep` on macOS,
    /// `%APPDATA%\Keystep\Keystep\data` on Windows).
    pub fn resolve(explicit: Option<&Path>) -> Result<Self> {
        if let Some(dir) = explicit {
            return Ok(Self::at(dir));
        }
        if let Some(dir) = std::env::var_os(HOME_ENV).filter(|v| !v.is_empty()) {
            return Ok(Self::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("app", "Keystep", "Keystep")
            .map(|p| Self::at(p.data_dir()))
            .ok_or(Error::NoDataDir)
    }

    /// A data directory at exactly this path.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn vault_file(&self) -> PathBuf {
        self.root.join(VAULT_FILE)
    }

    pub fn lock_file(&self) -> PathBuf {
        self.root.join(LOCK_FILE)
    }

    /// The note a first save leaves while it runs: the new vault's id (no secret), so that a save killed
    /// after the key reached the keychain reuses that key instead of leaving it behind.
    pub fn pending_file(&self) -> PathBuf {
        self.root.join(PENDING_FILE)
    }

    /// The folder where a person may put guides of their own (`.toml` files).
    pub fn guides_dir(&self) -> PathBuf {
        self.root.join(GUIDES_DIR)
    }

    /// Creates the directory (owner-only on Unix) if it is missing.
    pub fn ensure_exists(&self) -> Result<()> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(&self.root)
            .map_err(|e| Error::io("create the data folder", &self.root, e))
    }
}
