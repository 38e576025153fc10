//! Never losing access: the recovery password (a password slot beside the keychain slot), automatic
//! backups after every change, and restoring a backup on this or another computer.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::{Keystep, sort_accounts, stamp_of, unix_now_ms};
use crate::backups::{self, BackupFailure, BackupStatus};
use crate::error::{Error, Result};
use crate::keychain::{self, Keychain};
use crate::paths::DataDir;
use crate::recovery_password::check_strength;
use crate::sensitive::SecretString;
use crate::settings::Settings;
use crate::vault::file::{WriteLock, locate_vault, write_atomic};
use crate::vault::password::{UnwrapFailure, WrapFailure, calibrate};
use crate::vault::{self, Contents, Envelope, KdfParams, PasswordSlot, Slot, VaultKey};

/// The folder of automatic backups inside the data folder.
pub const BACKUPS_DIR: &str = "backups";

/// What opens a backup: the recovery password (anywhere) or this computer's keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SealedBy {
    Password,
    Keychain,
}

impl SealedBy {
    /// What opens a vault or backup file: its password slot when it has one, else the keychain.
    pub fn of(envelope: &Envelope) -> Self {
        if envelope.slots.iter().any(|s| s.password().is_some()) {
            SealedBy::Password
        } else {
            SealedBy::Keychain
        }
    }
}

/// One backup, as `keystep backup list` and the window show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    /// When it was made, Unix seconds.
    #[ts(type = "number")]
    pub created: u64,
    /// Accounts in it; `None` when this vault's key does not open it (another vault's backup).
    pub accounts: Option<usize>,
    pub sealed_by: SealedBy,
}

/// What a restore brought back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    /// Code accounts added.
    pub added: usize,
    /// Code accounts already here (same secret and settings), kept once.
    pub duplicates: usize,
    /// Phone numbers added.
    pub phones: usize,
    /// Services added.
    pub services: usize,
    /// Guide runs and change-number plans added.
    pub runs: usize,
    /// True when the restore replaced everything (the previous vault was kept as a backup first).
    pub replaced: bool,
}

/// What the Settings screen shows about the recovery password, locking and backups. No secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoveryStatus {
    pub has_password: bool,
    /// Lock after this many minutes without use; 0 = never.
    pub lock_after_minutes: u32,
    /// The same in milliseconds: what the window's idle timer uses (tests may shorten it).
    #[ts(type = "number")]
    pub lock_after_ms: u64,
    pub ask_password_on_open: bool,
    /// The chosen backup folder, if any.
    pub backup_folder: Option<String>,
    /// When a backup last reached the backup folder, Unix milliseconds.
    #[ts(type = "number | null")]
    pub last_backup_ok_ms: Option<u64>,
    /// The last backup that failed (after the last one that worked).
    pub failure: Option<BackupFailureView>,
    /// False when Keystep was opened with the password because the keychain had no key for it.
    pub key_in_keychain: bool,
    /// The newest automatic backups, newest first (at most 10).
    pub backups: Vec<BackupInfo>,
}

/// A backup that failed, for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupFailureView {
    pub folder: String,
    pub reason: String,
    #[ts(type = "number")]
    pub at_ms: u64,
}

/// The key in a vault's or backup's password slot.
pub(super) fn unwrap_with_password(
    path: &Path,
    envelope: &Envelope,
    password: &SecretString,
) -> Result<VaultKey> {
    let slot = envelope
        .slots
        .iter()
        .find_map(Slot::password)
        .ok_or(Error::NoPassword {
            what: "Opening with a password",
        })?;
    slot.unwrap_key(&envelope.vault_id, password)
        .map_err(|f| match f {
            UnwrapFailure::WrongPassword => Error::WrongPassword { path: path.into() },
            UnwrapFailure::Unusable(reason) => Error::VaultCorrupt {
                path: path.into(),
                reason,
            },
        })
}

/// A new password slot for `key`.
pub(super) fn password_slot(
    vault_id: &str,
    password: &SecretString,
    key: &VaultKey,
    params: KdfParams,
) -> Result<Slot> {
    PasswordSlot::wrap(vault_id, password, key, params)
        .map(Slot::Password)
        .map_err(|f| match f {
            WrapFailure::Random => Error::Random {
                purpose: "protect your key with your password",
            },
            WrapFailure::Cipher => Error::VaultEncode {
                detail: "wrapping the vault key under the password failed".into(),
            },
        })
}

/// The slots of a backup: the password slot alone (it opens anywhere), else the keychain slot.
pub(super) fn backup_slots(slots: &[Slot]) -> Vec<Slot> {
    let password: Vec<Slot> = slots
        .iter()
        .filter(|s| s.password().is_some())
        .cloned()
        .collect();
    if password.is_empty() {
        slots.to_vec()
    } else {
        password
    }
}

/// After a save: the backup in `backups/` (at once; it is on the same disk) and, with a password and
/// a chosen folder, in the backup folder (in the background: a slow or stuck folder never holds up the
/// window). Failures are noted in the backup status, never returned.
pub(super) fn write_automatic_backups(dir: &DataDir, backup: &[u8], slots: &[Slot], now_ms: u64) {
    let local = dir.root().join(BACKUPS_DIR);
    match backups::write_beside_vault(&local, backup, now_ms) {
        Err(e) => note_failure(dir.root(), &local, &e.to_string(), now_ms),
        Ok(_) => {
            let mut status = BackupStatus::load(dir.root());
            if status.failure.as_ref().is_some_and(|f| f.folder == local) {
                status.failure = None;
                status.save(dir.root());
            }
        }
    }
    let has_password = slots.iter().any(|s| s.password().is_some());
    if let (true, Some(folder)) = (has_password, Settings::load(dir.root()).backup_folder) {
        let job = FolderJob {
            data_dir: dir.root().to_path_buf(),
            folder,
            bytes: backup.to_vec(),
            now_ms,
        };
        // Without a thread for it (the system refused one), the backup is written now instead.
        match folder_worker() {
            Some(worker) => worker.submit(job),
            None => write_to_folder(&job),
        }
    }
}

fn note_failure(data_dir: &Path, folder: &Path, reason: &str, now_ms: u64) {
    let mut status = BackupStatus::load(data_dir);
    status.failure = Some(BackupFailure {
        at_ms: now_ms,
        folder: folder.to_path_buf(),
        reason: reason.to_string(),
    });
    status.save(data_dir);
}

/// One backup for the backup folder.
struct FolderJob {
    data_dir: PathBuf,
    folder: PathBuf,
    bytes: Vec<u8>,
    now_ms: u64,
}

/// Writes backups to the backup folder on one background thread. Only the newest waiting backup is
/// written: each is a full copy, so an older one still waiting is not needed.
struct FolderWorker {
    state: Mutex<WorkerState>,
    changed: Condvar,
}

#[derive(Default)]
struct WorkerState {
    waiting: Option<FolderJob>,
    busy: bool,
}

fn folder_worker() -> Option<&'static FolderWorker> {
    static WORKER: OnceLock<Option<&'static FolderWorker>> = OnceLock::new();
    *WORKER.get_or_init(|| {
        let worker: &'static FolderWorker = Box::leak(Box::new(FolderWorker {
            state: Mutex::new(WorkerState::default()),
            changed: Condvar::new(),
        }));
        std::thread::Builder::new()
            .name("keystep-backup-folder".into())
            .spawn(move || worker.run())
            .ok()
            .map(|_| worker)
    })
}

impl FolderWorker {
    fn submit(&self, job: FolderJob) {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.waiting = Some(job);
        self.changed.notify_all();
    }

    fn run(&self) {
        loop {
            let job = {
                let mut state = self
                    .state
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                while state.waiting.is_none() {
                    state = self
                        .changed
                        .wait(state)
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                }
                state.busy = true;
                state.waiting.take()
            };
            if let Some(job) = job {
                write_to_folder(&job);
            }
            let mut state = self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            state.busy = false;
            self.changed.notify_all();
        }
    }

    /// Waits until no backup is waiting or being written, at most `limit`. True when all are done.
    fn wait_idle(&self, limit: Duration) -> bool {
        let state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (state, _) = self
            .changed
            .wait_timeout_while(state, limit, |s| s.busy || s.waiting.is_some())
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        !state.busy && state.waiting.is_none()
    }
}

fn write_to_folder(job: &FolderJob) {
    match backups::write(&job.folder, &job.bytes, job.now_ms) {
        Ok(_) => {
            let status = BackupStatus {
                last_ok_ms: Some(job.now_ms),
                failure: None,
            };
            status.save(&job.data_dir);
        }
        Err(e) => note_failure(&job.data_dir, &job.folder, &e.to_string(), job.now_ms),
    }
}

/// Waits (at most `limit`) for backups still being written to the backup folder; the command line
/// calls it before it exits. True when none is left.
pub fn finish_folder_backups(limit: Duration) -> bool {
    folder_worker().is_none_or(|w| w.wait_idle(limit))
}

/// The backup file at `path`, opened with `password` (or, for a backup sealed by the keychain, with
/// this computer's keychain).
fn open_backup(
    path: &Path,
    password: Option<&SecretString>,
    keychain: Option<&Keychain>,
) -> Result<(Envelope, Contents)> {
    let envelope = vault::read_envelope(path)?;
    let sealed_by_password = SealedBy::of(&envelope) == SealedBy::Password;
    let keychain_account = envelope.slots.iter().find_map(Slot::keychain_account);
    let (key, by_password) = match (password, sealed_by_password, keychain_account, keychain) {
        (Some(password), true, _, _) => (unwrap_with_password(path, &envelope, password)?, true),
        // A backup made before a password was set opens with this computer's keychain.
        (_, _, Some(account), Some(k)) => (k.read_key(account)?, false),
        _ => return Err(Error::NoPassword { what: "Restoring" }),
    };
    let mut contents = vault::decrypt(path, &envelope, &key).map_err(|e| {
        if by_password {
            damaged_if_wrong_key(e)
        } else {
            e
        }
    })?;
    sort_accounts(&mut contents);
    Ok((envelope, contents))
}

/// A key from a password slot is the vault's own: the slot's tag binds it to the vault id. When it
/// does not open the payload, the file was changed or damaged after it was written; saying "the key
/// in your keychain" or "another vault's key" would send the person looking in the wrong place.
pub(super) fn damaged_if_wrong_key(e: Error) -> Error {
    match e {
        Error::VaultWrongKey { path } => Error::VaultCorrupt {
            path,
            reason: "its encrypted data does not match its checksum: it was changed after it was written"
                .into(),
        },
        e => e,
    }
}

impl Keystep {
    /// Whether a recovery password is set.
    pub fn has_password(&self) -> bool {
        self.slots.iter().any(|s| s.password().is_some())
    }

    /// Sets the recovery password, or changes it (`current` must then open the present slot). Weak
    /// passwords are refused. Returns the Argon2 settings chosen for this computer.
    pub fn set_password(
        &mut self,
        new: &SecretString,
        current: Option<&SecretString>,
    ) -> Result<KdfParams> {
        check_strength(new)?;
        // Another process (the CLI beside the window) may have set or changed it since.
        self.refresh()?;
        self.check_current_password(current)?;
        let (params, _) = calibrate();
        let slot = password_slot(&self.vault_id, new, &self.key, params)?;
        let mut slots: Vec<Slot> = self
            .slots
            .iter()
            .filter(|s| s.password().is_none())
            .cloned()
            .collect();
        slots.push(slot);
        self.save_slots(slots)?;
        Ok(params)
    }

    /// Removes the recovery password (`current` must open it). Backups then open only with this
    /// computer's keychain, and nothing more goes to the backup folder.
    pub fn remove_password(&mut self, current: Option<&SecretString>) -> Result<()> {
        self.refresh()?;
        if !self.has_password() {
            return Err(Error::NoPassword {
                what: "Removing the recovery password",
            });
        }
        self.check_current_password(current)?;
        if !self.slots.iter().any(|s| s.keychain_account().is_some()) {
            return Err(Error::NoPassword {
                what: "This vault opens only with its password, so removing it",
            });
        }
        let slots = self
            .slots
            .iter()
            .filter(|s| s.password().is_none())
            .cloned()
            .collect();
        self.save_slots(slots)
    }

    pub(super) fn check_current_password(&self, current: Option<&SecretString>) -> Result<()> {
        let Some(slot) = self.slots.iter().find_map(Slot::password) else {
            return Ok(());
        };
        let current = current.ok_or(Error::CurrentPasswordNeeded)?;
        slot.unwrap_key(&self.vault_id, current)
            .map(|_| ())
            .map_err(|_| Error::WrongPassword {
                path: self.dir.vault_file(),
            })
    }

    /// Puts this vault's key back into the keychain (after opening with the password because the
    /// keychain had lost it), so that Keystep opens without the password again.
    pub fn put_key_in_keychain(&mut self, keychain: &Keychain) -> Result<()> {
        // A keychain waiting on an unlock prompt must not hang the caller.
        let (kc, id, key) = (keychain.clone(), self.vault_id.clone(), self.key.clone());
        keychain::with_timeout(keychain::timeout(), move || kc.store_key(&id, &key))?;
        if self.slots.iter().any(|s| s.keychain_account().is_some()) {
            return Ok(());
        }
        let mut slots = self.slots.clone();
        slots.insert(
            0,
            Slot::Keychain {
                service: keychain::SERVICE.into(),
                account: self.vault_id.clone(),
            },
        );
        self.save_slots(slots)
    }

    /// Saves the current contents with new slots, under the write lock.
    fn save_slots(&mut self, slots: Vec<Slot>) -> Result<()> {
        let _lock = WriteLock::acquire(&self.dir.lock_file())?;
        let path = self.refresh()?;
        let contents = self.contents.clone();
        self.save_locked(&path, &slots, &contents)
    }

    /// Writes a backup that opens with the recovery password alone to `out` (a file). Without a
    /// password there is nothing that would open it elsewhere: refused.
    pub fn backup_to(&mut self, out: &Path) -> Result<()> {
        self.refresh()?;
        if !self.has_password() {
            return Err(Error::NoPassword {
                what: "A backup that opens on another computer",
            });
        }
        let path = self.refresh()?;
        let envelope = vault::read_envelope(&path)?;
        let bytes = vault::with_slots(&envelope, &backup_slots(&self.slots))?;
        write_atomic(out, &bytes)
    }

    /// The automatic backups in `backups/` and in the backup folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        Ok(self.newest_backups(usize::MAX))
    }

    /// The newest `limit` backups that can be read, newest first. Only those are opened (to count
    /// their accounts): a vault of 10,000 accounts has 3 MB backups, and the folder may hold 40.
    fn newest_backups(&self, limit: usize) -> Vec<BackupInfo> {
        let mut folders = vec![self.dir.root().join(BACKUPS_DIR)];
        if let Some(f) = Settings::load(self.dir.root()).backup_folder {
            folders.push(f);
        }
        let mut files: Vec<backups::BackupFile> = folders
            .iter()
            .flat_map(|folder| backups::list(folder).unwrap_or_default())
            .collect();
        files.sort_by_key(|b| std::cmp::Reverse(b.created));
        files
            .into_iter()
            .filter_map(|b| {
                let envelope = vault::read_envelope(&b.path).ok()?;
                let accounts = (envelope.vault_id == self.vault_id)
                    .then(|| vault::decrypt(&b.path, &envelope, &self.key).ok())
                    .flatten()
                    .map(|c| c.accounts.len());
                Some(BackupInfo {
                    path: b.path.display().to_string(),
                    created: b.created,
                    accounts,
                    sealed_by: SealedBy::of(&envelope),
                })
            })
            .take(limit)
            .collect()
    }

    /// Chooses the backup folder (`None`: no backup folder) and, with a password set, writes a backup
    /// there at once, so a folder that cannot be written is known now, not after the next change.
    pub fn set_backup_folder(&mut self, folder: Option<PathBuf>) -> Result<()> {
        self.refresh()?;
        let mut settings = Settings::load(self.dir.root());
        settings.backup_folder.clone_from(&folder);
        settings.save(self.dir.root())?;
        let Some(folder) = folder.filter(|_| self.has_password()) else {
            // No folder, or nothing may go there: an old failure no longer applies.
            BackupStatus::default().save(self.dir.root());
            return Ok(());
        };
        let path = self.refresh()?;
        let envelope = vault::read_envelope(&path)?;
        let bytes = vault::with_slots(&envelope, &backup_slots(&self.slots))?;
        let now = unix_now_ms();
        match backups::write(&folder, &bytes, now) {
            Ok(_) => {
                BackupStatus {
                    last_ok_ms: Some(now),
                    failure: None,
                }
                .save(self.dir.root());
                Ok(())
            }
            Err(e) => {
                note_failure(self.dir.root(), &folder, &e.to_string(), now);
                Err(e)
            }
        }
    }

    /// How the last backup to the backup folder went.
    pub fn backup_status(&self) -> BackupStatus {
        BackupStatus::load(self.dir.root())
    }

    /// Everything the Settings screen shows. `key_in_keychain` is the shell's to say (it knows how
    /// the vault was opened); `lock_after_ms_override` shortens the idle time for tests.
    pub fn recovery_status(
        &mut self,
        key_in_keychain: bool,
        lock_after_ms_override: Option<u64>,
    ) -> RecoveryStatus {
        // A password set or removed by another process shows here; a vault that cannot be read now
        // keeps what was read last (the next change reports the problem).
        let _ = self.refresh();
        let settings = Settings::load(self.dir.root());
        let status = self.backup_status();
        let has_password = self.has_password();
        let minutes = if has_password {
            settings.lock_after(true)
        } else {
            0
        };
        let backups = self.newest_backups(10);
        RecoveryStatus {
            has_password,
            lock_after_minutes: minutes,
            lock_after_ms: match (has_password, minutes, lock_after_ms_override) {
                (true, m, Some(ms)) if m > 0 => ms,
                (_, m, _) => u64::from(m) * 60_000,
            },
            ask_password_on_open: has_password && settings.ask_password_on_open,
            backup_folder: settings.backup_folder.map(|f| f.display().to_string()),
            last_backup_ok_ms: status.last_ok_ms,
            failure: status.failure.map(|f| BackupFailureView {
                folder: f.folder.display().to_string(),
                reason: f.reason,
                at_ms: f.at_ms,
            }),
            key_in_keychain,
            backups,
        }
    }

    /// Saves the lock settings (`lock_after_minutes` 0 = never).
    pub fn set_lock_settings(
        &mut self,
        lock_after_minutes: u32,
        ask_password_on_open: bool,
    ) -> Result<()> {
        if lock_after_minutes != 0
            && !crate::settings::LOCK_AFTER_CHOICES.contains(&lock_after_minutes)
        {
            return Err(Error::bad(
                crate::error::Field::LockAfter,
                crate::error::ReasonKey::LockAfterChoice.with("minutes", lock_after_minutes),
            ));
        }
        let mut settings = Settings::load(self.dir.root());
        settings.lock_after_minutes = Some(lock_after_minutes);
        settings.ask_password_on_open = ask_password_on_open;
        settings.save(self.dir.root())
    }

    /// Writes a backup to the backup folder now (the "Try again" of a failed backup).
    pub fn retry_backup(&mut self) -> Result<()> {
        let folder = Settings::load(self.dir.root()).backup_folder;
        let result = self.set_backup_folder(folder);
        if let Err(e) = &result {
            let folder = Settings::load(self.dir.root())
                .backup_folder
                .unwrap_or_default();
            note_failure(self.dir.root(), &folder, &e.to_string(), unix_now_ms());
        }
        result
    }

    /// Restores the backup at `file` into `dir`. Into a data folder with no vault it creates one (a new
    /// keychain key; the same recovery password when the backup was opened with one). With a vault
    /// there it merges: code accounts already here are kept once, the rest added. With `replace`, the
    /// present vault is kept as a backup first, then its contents are replaced. Nothing is changed
    /// when the backup does not open.
    pub fn restore(
        dir: DataDir,
        keychain: &Keychain,
        file: &Path,
        password: Option<&SecretString>,
        replace: bool,
    ) -> Result<(Self, RestoreReport)> {
        let (_, restored) = open_backup(file, password, Some(keychain))?;
        dir.ensure_exists()?;
        let lock = WriteLock::acquire(&dir.lock_file())?;
        if locate_vault(&dir.vault_file())?.is_none() {
            let report = RestoreReport {
                added: restored.accounts.len(),
                phones: restored.phones.len(),
                services: restored.services.len(),
                runs: restored.runs.len() + restored.plans.len(),
                ..RestoreReport::default()
            };
            let with_password = password.map(|p| (p, calibrate().0));
            let made = Self::create_locked(dir, keychain, restored, with_password)?;
            return Ok((made, report));
        }
        drop(lock);
        let mut present = match Self::open_existing(dir.clone(), keychain) {
            Ok(Some(k)) => k,
            Ok(None) => unreachable_vault(&dir)?,
            Err(e @ Error::PasswordNeeded { .. }) => match password {
                Some(p) => {
                    Self::open_with_password(dir.clone(), p)?.ok_or_else(|| missing_vault(&dir))?
                }
                None => return Err(e),
            },
            Err(e) => return Err(e),
        };
        let report = if replace {
            present.keep_backup_before_replacing()?;
            present.update(|c| {
                let unreadable = std::mem::take(&mut c.unreadable);
                *c = restored.clone();
                c.unreadable = unreadable;
                Ok(RestoreReport {
                    added: restored.accounts.len(),
                    phones: restored.phones.len(),
                    services: restored.services.len(),
                    runs: restored.runs.len() + restored.plans.len(),
                    replaced: true,
                    ..RestoreReport::default()
                })
            })?
        } else {
            present.update(|c| Ok(merge(c, restored)))?
        };
        Ok((present, report))
    }

    /// Writes the present vault into `backups/` before a restore replaces it; refuses to go on if
    /// that fails.
    fn keep_backup_before_replacing(&mut self) -> Result<()> {
        let path = self.refresh()?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
        let now_ms = unix_now_ms();
        backups::write(&self.dir.root().join(BACKUPS_DIR), &bytes, now_ms)?;
        self.stamp = stamp_of(&path);
        // Backups are named by the second: the automatic backup of the replacing save, made in the
        // same second, would take this one's name and replace it. Wait for the next second.
        let next_second_ms = (now_ms / 1000 + 1) * 1000;
        std::thread::sleep(Duration::from_millis(
            next_second_ms.saturating_sub(unix_now_ms()),
        ));
        Ok(())
    }
}

/// What recovering from a damaged vault did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoverReport {
    /// Where the damaged vault file was kept (never deleted).
    pub damaged_kept: String,
    /// The backup the codes came back from, and when it was made (Unix seconds).
    pub backup: String,
    #[ts(type = "number")]
    pub backup_created: u64,
    /// What came back.
    pub restored: RestoreReport,
}

/// The newest automatic backup in `dir`, whether or not it opens (the window asks for the password
/// when it is sealed by one).
pub fn newest_backup(dir: &DataDir) -> Option<(PathBuf, u64, SealedBy)> {
    backups::list(&dir.root().join(BACKUPS_DIR))
        .ok()?
        .into_iter()
        .find_map(|b| {
            let envelope = vault::read_envelope(&b.path).ok()?;
            Some((b.path, b.created, SealedBy::of(&envelope)))
        })
}

impl Keystep {
    /// When the vault file is damaged: keeps it aside as `vault.ksv.damaged-<date>-<time>` (never
    /// deleted) and restores the newest automatic backup that opens (with the keychain, or with
    /// `password`) into a new vault. Nothing is moved unless a backup opens first.
    pub fn recover_damaged(
        dir: DataDir,
        keychain: &Keychain,
        password: Option<&SecretString>,
    ) -> Result<(Self, RecoverReport)> {
        let list = backups::list(&dir.root().join(BACKUPS_DIR))?;
        let mut last_error = None;
        let mut chosen = None;
        // Newest first. Only a damaged backup is passed over for an older one: a backup that needs the
        // password (or another one) stops here, so the newest codes are never quietly swapped for
        // an older copy.
        for b in list {
            match open_backup(&b.path, password, Some(keychain)) {
                Ok(_) => {
                    chosen = Some(b);
                    break;
                }
                Err(e) if e.code() == "vault.corrupt" => last_error = Some(e),
                Err(e) => return Err(e),
            }
        }
        let Some(backup) = chosen else {
            return Err(last_error.unwrap_or(Error::NoBackup));
        };
        let vault_file = dir.vault_file();
        let kept = {
            let _lock = WriteLock::acquire(&dir.lock_file())?;
            let Some(path) = locate_vault(&vault_file)? else {
                return Err(missing_vault(&dir));
            };
            let stamp = backups::file_name(unix_now_ms())
                .trim_start_matches(backups::NAME_PREFIX)
                .trim_end_matches(backups::NAME_SUFFIX)
                .to_string();
            let kept = path.with_file_name(format!("vault.ksv.damaged-{stamp}"));
            std::fs::rename(&path, &kept).map_err(|e| Error::io("move aside", &path, e))?;
            if path != vault_file {
                // A link to the damaged file: the link goes too, so the restored vault is a plain file.
                let _ = std::fs::remove_file(&vault_file);
            }
            kept
        };
        let (k, restored) = Self::restore(dir, keychain, &backup.path, password, false)?;
        Ok((
            k,
            RecoverReport {
                damaged_kept: kept.display().to_string(),
                backup: backup.path.display().to_string(),
                backup_created: backup.created,
                restored,
            },
        ))
    }
}

fn missing_vault(dir: &DataDir) -> Error {
    Error::io(
        "read",
        dir.vault_file(),
        std::io::Error::from(std::io::ErrorKind::NotFound),
    )
}

fn unreachable_vault<T>(dir: &DataDir) -> Result<T> {
    Err(missing_vault(dir))
}

/// Adds what `from` has and `into` lacks. Code accounts are the same when secret, kind, algorithm,
/// digits and period are; phone numbers when the number is; services when they name the same service.
/// Links between records (a service's numbers and code) follow the records they point to.
fn merge(into: &mut Contents, from: Contents) -> RestoreReport {
    use std::collections::HashMap;
    let mut report = RestoreReport::default();
    let mut account_ids: HashMap<String, String> = HashMap::new();
    for a in from.accounts {
        let same = into.accounts.iter().find(|b| {
            b.secret.expose() == a.secret.expose()
                && b.params.kind == a.params.kind
                && b.params.algorithm == a.params.algorithm
                && b.params.digits == a.params.digits
                && b.params.period == a.params.period
        });
        match same {
            Some(b) => {
                account_ids.insert(a.id.clone(), b.id.clone());
                report.duplicates += 1;
            }
            None => {
                let mut a = a;
                if into.accounts.iter().any(|b| b.id == a.id) {
                    a.id = uuid::Uuid::new_v4().to_string();
                }
                account_ids.insert(a.id.clone(), a.id.clone());
                into.accounts.push(a);
                report.added += 1;
            }
        }
    }
    let mut phone_ids: HashMap<String, String> = HashMap::new();
    for p in from.phones {
        match into.phones.iter().find(|q| q.e164 == p.e164) {
            Some(q) => {
                phone_ids.insert(p.id.clone(), q.id.clone());
            }
            None => {
                let mut p = p;
                let old = p.id.clone();
                if into.phones.iter().any(|q| q.id == p.id) {
                    p.id = uuid::Uuid::new_v4().to_string();
                }
                phone_ids.insert(old, p.id.clone());
                into.phones.push(p);
                report.phones += 1;
            }
        }
    }
    for s in from.services {
        if into.services.iter().any(|t| t.service == s.service) {
            continue;
        }
        let mut s = s;
        if into.services.iter().any(|t| t.id == s.id) {
            s.id = uuid::Uuid::new_v4().to_string();
        }
        let map = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|i| phone_ids.get(i).cloned())
                .collect()
        };
        s.code_phones = map(&s.code_phones);
        s.recovery_phones = map(&s.recovery_phones);
        s.keystep_account = s
            .keystep_account
            .as_ref()
            .and_then(|a| account_ids.get(a).cloned());
        into.services.push(s);
        report.services += 1;
    }
    for r in from.runs {
        if !into.runs.iter().any(|q| q.id == r.id) {
            into.runs.push(r);
            report.runs += 1;
        }
    }
    for p in from.plans {
        if !into.plans.iter().any(|q| q.guide.id == p.guide.id) {
            into.plans.push(p);
        }
    }
    report
}
