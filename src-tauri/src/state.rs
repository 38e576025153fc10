//! What the desktop app holds between commands: where the data lives, the open vault, and the opening
//! that starts with the process.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use keystep_core::guides::Library;
use keystep_core::keychain::{self, Keychain};
use keystep_core::paths::DataDir;
use keystep_core::settings::Settings;
use keystep_core::vault::{self, file::locate_vault};
use keystep_core::{ErrorDto, Keystep, Lang, OpenOutcome, ShellError};
use tauri::async_runtime::JoinHandle;

/// An attempt to open the vault, running on a blocking worker.
pub type Opening = JoinHandle<Result<(Keystep, OpenOutcome), ErrorDto>>;

/// What an import read, waiting for the person to confirm its preview.
pub struct PendingImport {
    pub read: keystep_core::import::ReadResult,
    /// The QR codes' text, when it came from QR codes: a second scan adds to them (the next QR code
    /// of a Google export). Holds secrets, like `read`; both are dropped on confirm or cancel.
    pub qr_texts: Option<Vec<String>>,
}

/// The app's state, managed by Tauri.
pub struct AppState {
    /// `--home DIR` from the command line, if given (else `KEYSTEP_HOME` or the platform default).
    pub home: Option<PathBuf>,
    vault: Mutex<Option<Keystep>>,
    /// The guides that can be run; read again whenever the guides list is shown.
    library: Mutex<Option<Arc<Library>>>,
    /// The attempt under way, if any. Async so that a second `open_vault` waits for the same attempt.
    pub opening: tokio::sync::Mutex<Option<Opening>>,
    /// False once the keychain could not give the key and the password opened the codes instead: the
    /// window then offers to put the key back.
    key_in_keychain: AtomicBool,
    /// Set by `lock`: until the password is typed, nothing opens the codes (not the keychain either).
    locked: AtomicBool,
    /// What an import read (with its secrets), waiting for the person to confirm the preview.
    pending_import: Mutex<Option<PendingImport>>,
    /// The file last dropped on the window, until the page takes it.
    dropped: Mutex<Option<PathBuf>>,
    /// The clock check and the correction the codes use.
    pub clock: crate::clock_commands::ClockWatch,
    /// The window's language (`set_language`): given to the open vault and to every vault opened later,
    /// so the core's own text (notes, review, checklist) follows the window.
    lang: Mutex<Lang>,
}

impl AppState {
    /// State whose vault starts opening now, while WebKit is still starting: the keychain round trips
    /// then overlap the page load instead of following it.
    pub fn new_opening(home: Option<PathBuf>) -> Self {
        let first = start_open(home.clone());
        Self {
            home,
            vault: Mutex::new(None),
            library: Mutex::new(None),
            opening: tokio::sync::Mutex::new(Some(first)),
            key_in_keychain: AtomicBool::new(true),
            locked: AtomicBool::new(false),
            pending_import: Mutex::new(None),
            dropped: Mutex::new(None),
            clock: Default::default(),
            lang: Mutex::new(Lang::En),
        }
    }

    /// Whether the person locked Keystep (only `unlock` with the password opens it again).
    pub fn is_locked(&self) -> bool {
        self.locked.load(Ordering::Relaxed)
    }

    pub fn set_locked(&self, yes: bool) {
        self.locked.store(yes, Ordering::Relaxed);
    }

    /// Whether the open vault's key is known to be in this computer's keychain.
    pub fn key_in_keychain(&self) -> bool {
        self.key_in_keychain.load(Ordering::Relaxed)
    }

    pub fn set_key_in_keychain(&self, yes: bool) {
        self.key_in_keychain.store(yes, Ordering::Relaxed);
    }

    /// The data folder.
    pub fn data_dir(&self) -> Result<DataDir, ErrorDto> {
        DataDir::resolve(self.home.as_deref()).map_err(|e| e.to_dto())
    }

    /// The guide library, loaded on first use.
    pub fn library(&self) -> Arc<Library> {
        let mut slot = self.library.lock().unwrap_or_else(|p| p.into_inner());
        slot.get_or_insert_with(|| Arc::new(self.load_library()))
            .clone()
    }

    /// Reads the bundled guides and the person's guides folder again.
    pub fn reload_library(&self) -> Arc<Library> {
        let fresh = Arc::new(self.load_library());
        *self.library.lock().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        fresh
    }

    fn load_library(&self) -> Library {
        let folder = DataDir::resolve(self.home.as_deref())
            .ok()
            .map(|d| d.guides_dir());
        keystep_core::load_guides(folder.as_deref())
    }

    /// The open vault, if any. A poisoned lock still holds a consistent vault (saves are all-or-nothing).
    pub fn pending_import(&self) -> MutexGuard<'_, Option<PendingImport>> {
        self.pending_import
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    pub fn dropped(&self) -> MutexGuard<'_, Option<PathBuf>> {
        self.dropped.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn vault(&self) -> MutexGuard<'_, Option<Keystep>> {
        self.vault.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes `vault` the open vault, speaking the window's language. Every opening goes through here,
    /// so a vault opened after `set_language` speaks it too.
    pub fn put_vault(&self, mut vault: Keystep) {
        vault.set_lang(self.lang());
        *self.vault() = Some(vault);
    }

    /// The window's language.
    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps the window's language and applies it to the open vault, if any.
    pub fn set_lang(&self, lang: Lang) {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner()) = lang;
        if let Some(vault) = self.vault().as_mut() {
            vault.set_lang(lang);
        }
    }
}

/// Opens the vault on a worker thread, asking the keychain with a timeout so that a keychain stuck on an
/// unlock prompt ends in a clear message. Creates nothing: with no vault yet the answer is `vault.none`
/// (the window offers to start new or to restore a backup); when the person asked for the password at
/// every start, it is `vault.locked` and the keychain is not asked at all.
pub fn start_open(home: Option<PathBuf>) -> Opening {
    tauri::async_runtime::spawn_blocking(move || {
        let dir = DataDir::resolve(home.as_deref()).map_err(|e| e.to_dto())?;
        let Some(path) = locate_vault(&dir.vault_file()).map_err(|e| e.to_dto())? else {
            return Err(ShellError::NoVaultYet.to_dto());
        };
        if Settings::load(dir.root()).ask_password_on_open {
            let envelope = vault::read_envelope(&path).map_err(|e| e.to_dto())?;
            if envelope.slots.iter().any(|s| s.password().is_some()) {
                return Err(ShellError::Locked.to_dto());
            }
        }
        keychain::with_timeout(keychain::timeout(), move || {
            let kc = Keychain::platform()?;
            Keystep::open_or_create(dir, &kc)
        })
        .map_err(|e| e.to_dto())
    })
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
