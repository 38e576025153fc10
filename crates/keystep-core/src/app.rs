//! [`Keystep`], the facade both front ends use: open or create the vault, manage accounts, make codes.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::account::{self, Account, AccountView, NewAccount, ValidAccount, clean_names};
use crate::catalog::Catalog;
use crate::error::{Error, Field, KeychainProblem, Result};
use crate::keychain::{self, Keychain};
use crate::otp::generate::{code_at_step, hotp, time_step};
use crate::otp::{CodeView, NEXT_CODE_SENT_AHEAD_MS, NEXT_CODE_SHOWN_BELOW_SECS, OtpKind};
use crate::paths::DataDir;
use crate::sensitive::SecretString;
use crate::vault::file::{WriteLock, locate_vault, remove_stale_temps, write_atomic};
use crate::vault::{self, Contents, Slot, VaultKey};

mod exports;
mod guide_runs;
mod imports;
mod phones;
mod recovery;
mod services;

pub use exports::{ACCOUNTS_PER_GOOGLE_QR, ExportFormat, ExportReport, ExportSkip};
pub use imports::{ImportAction, ImportPreview, ImportRow};
pub use phones::iso_date;
pub use recovery::{
    BackupFailureView, BackupInfo, RecoverReport, RecoveryStatus, RestoreReport, SealedBy,
    finish_folder_backups, newest_backup,
};

/// What the desktop app learns when the vault opens.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OpenInfo {
    /// True when this start created a new, empty vault.
    pub created: bool,
    /// The folder that holds the vault, to show under "Where is my data?".
    pub data_dir: String,
    /// What this Keystep could not read in the vault (kept unchanged), such as "1 change-number
    /// plan"; empty when everything was read.
    pub unreadable: Vec<String>,
}

/// What the desktop app reports after copying a code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CopyInfo {
    /// The clipboard is cleared after this many seconds if it still holds the code.
    #[ts(type = "number")]
    pub clear_after_secs: u64,
}

/// Whether opening found a vault or made a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenOutcome {
    Created,
    Opened,
}

/// The current time in Unix milliseconds: the one clock of Keystep. Everything else takes time as input.
pub fn unix_now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Size and modification time of the vault file when we last read or wrote it, to notice another
/// process's save (the CLI while the app runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp_of(path: &std::path::Path) -> Option<FileStamp> {
    std::fs::metadata(path).ok().map(|m| FileStamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

/// An unlocked vault. Holds the vault key (read once from the keychain) and the decrypted contents.
#[derive(Debug)]
pub struct Keystep {
    dir: DataDir,
    vault_id: String,
    slots: Vec<Slot>,
    key: VaultKey,
    contents: Contents,
    stamp: Option<FileStamp>,
    /// The services Keystep knows, fixed when the vault is opened: every view and check uses this one.
    catalog: &'static Catalog,
    /// The language of the text the core writes for the window (guides, notes, the review). English
    /// until the shell says otherwise; not stored in the vault (the window keeps the choice).
    lang: crate::Lang,
}

impl Keystep {
    /// Opens the vault in `dir`, creating it (and its key in the keychain) when there is none. If the
    /// keychain fails, nothing is written; an existing vault is never replaced.
    pub fn open_or_create(dir: DataDir, keychain: &Keychain) -> Result<(Self, OpenOutcome)> {
        dir.ensure_exists()?;
        let _lock = WriteLock::acquire(&dir.lock_file())?;
        if let Some(path) = locate_vault(&dir.vault_file())? {
            return Self::open_locked(dir, &path, keychain).map(|k| (k, OpenOutcome::Opened));
        }
        Self::create_locked(dir, keychain, Contents::default(), None)
            .map(|k| (k, OpenOutcome::Created))
    }

    /// Opens the vault in `dir` if there is one; `Ok(None)` if there is none. Creates nothing.
    pub fn open_existing(dir: DataDir, keychain: &Keychain) -> Result<Option<Self>> {
        match locate_vault(&dir.vault_file())? {
            Some(path) => Self::open_locked(dir, &path, keychain).map(Some),
            None => Ok(None),
        }
    }

    /// Opens the vault in `dir` with the recovery password instead of the keychain; `Ok(None)` if
    /// there is no vault. A wrong password is [`Error::WrongPassword`]; nothing is changed either way.
    pub fn open_with_password(dir: DataDir, password: &SecretString) -> Result<Option<Self>> {
        let Some(path) = locate_vault(&dir.vault_file())? else {
            return Ok(None);
        };
        let stamp = stamp_of(&path);
        let envelope = vault::read_envelope(&path)?;
        let key = recovery::unwrap_with_password(&path, &envelope, password)?;
        Self::from_envelope(dir, &path, envelope, key, stamp)
            .map(Some)
            .map_err(recovery::damaged_if_wrong_key)
    }

    /// Opens the vault file at `path` (the file in `dir`, or the target of the link there) with the
    /// key from the keychain. When the keychain cannot give it but the vault has a password slot, the
    /// answer is [`Error::PasswordNeeded`]: the person can still get in.
    fn open_locked(dir: DataDir, path: &std::path::Path, keychain: &Keychain) -> Result<Self> {
        let stamp = stamp_of(path);
        let envelope = vault::read_envelope(path)?;
        let has_password = envelope.slots.iter().any(|s| s.password().is_some());
        let account = envelope.slots.iter().find_map(Slot::keychain_account);
        let key = match account {
            Some(account) => keychain.read_key(account),
            None => Err(Error::Keychain {
                problem: KeychainProblem::KeyMissing,
                detail: "the vault file lists no keychain slot".into(),
            }),
        };
        let key = match key {
            Ok(key) => key,
            Err(Error::Keychain { problem, detail }) if has_password => {
                return Err(Error::PasswordNeeded { problem, detail });
            }
            Err(e) => return Err(e),
        };
        Self::from_envelope(dir, path, envelope, key, stamp)
    }

    fn from_envelope(
        dir: DataDir,
        path: &std::path::Path,
        envelope: vault::Envelope,
        key: VaultKey,
        stamp: Option<FileStamp>,
    ) -> Result<Self> {
        let mut contents = vault::decrypt(path, &envelope, &key)?;
        sort_accounts(&mut contents);
        Ok(Self {
            dir,
            vault_id: envelope.vault_id,
            slots: envelope.slots,
            key,
            contents,
            stamp,
            catalog: Catalog::bundled(),
            lang: crate::Lang::En,
        })
    }

    /// Creates the vault with `contents` (empty for a new person, a backup's for a restore) and, when
    /// `password` is given, a password slot. The caller holds the write lock.
    fn create_locked(
        dir: DataDir,
        keychain: &Keychain,
        contents: Contents,
        password: Option<(&SecretString, vault::KdfParams)>,
    ) -> Result<Self> {
        let path = dir.vault_file();
        remove_stale_temps(&path);
        // A first save killed after the key reached the keychain left the key and this note: reuse
        // that key, so that keys do not pile up in the keychain, one per crash.
        let pending = dir.pending_file();
        remove_stale_temps(&pending);
        let (vault_id, key) = match pending_key(&pending, keychain)? {
            Some(found) => found,
            None => {
                let vault_id = uuid::Uuid::new_v4().to_string();
                let key = VaultKey::generate().map_err(|_| Error::Random {
                    purpose: "make a key for your new vault",
                })?;
                write_atomic(&pending, vault_id.as_bytes())?;
                // Key first: a vault file whose key never reached the keychain could not be opened again.
                if let Err(e) = keychain.store_key(&vault_id, &key) {
                    let _ = std::fs::remove_file(&pending);
                    return Err(e);
                }
                (vault_id, key)
            }
        };
        let mut slots = vec![Slot::Keychain {
            service: keychain::SERVICE.into(),
            account: vault_id.clone(),
        }];
        if let Some((password, params)) = password {
            slots.push(recovery::password_slot(&vault_id, password, &key, params)?);
        }
        let bytes = vault::encrypt(&vault_id, &slots, &contents, &key)?;
        if let Err(e) = write_atomic(&path, &bytes) {
            let _ = keychain.delete_key(&vault_id);
            let _ = std::fs::remove_file(&pending);
            return Err(e);
        }
        let _ = std::fs::remove_file(&pending);
        let stamp = stamp_of(&path);
        Ok(Self {
            dir,
            vault_id,
            slots,
            key,
            contents,
            stamp,
            catalog: Catalog::bundled(),
            lang: crate::Lang::En,
        })
    }

    /// What this Keystep could not read in the vault, in words for a person ("1 change-number plan").
    /// Those records are kept as they are and written back on every save.
    pub fn unreadable_parts(&self) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for u in &self.contents.unreadable {
            let what = if u.whole_part {
                format!("information of a kind it does not know (\"{}\")", u.part)
            } else {
                u.part.clone()
            };
            match counts.iter_mut().find(|(w, _)| *w == what) {
                Some((_, n)) => *n += 1,
                None => counts.push((what, 1)),
            }
        }
        counts
            .into_iter()
            .map(|(what, n)| {
                let (one, many) = match what.as_str() {
                    "accounts" => ("code account", "code accounts"),
                    "runs" => ("guide run", "guide runs"),
                    "phones" => ("phone number", "phone numbers"),
                    "my_accounts" => ("service", "services"),
                    "backup_codes" => ("set of backup codes", "sets of backup codes"),
                    "plans" => ("change-number plan", "change-number plans"),
                    _ => return what,
                };
                format!("{n} {}", if n == 1 { one } else { many })
            })
            .collect()
    }

    /// The catalog this vault was opened with.
    pub fn catalog(&self) -> &'static Catalog {
        self.catalog
    }

    /// The vault's id (the keychain account name of its key).
    pub fn vault_id(&self) -> &str {
        &self.vault_id
    }

    /// The data directory.
    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    /// Re-reads the vault if another process saved it since we last looked; the path of the vault file
    /// it looked at (followed through a link), for a save that comes next.
    fn refresh(&mut self) -> Result<std::path::PathBuf> {
        let path = located(&self.dir)?;
        let now = stamp_of(&path);
        if now == self.stamp {
            return Ok(path);
        }
        let envelope = vault::read_envelope(&path)?;
        if envelope.vault_id != self.vault_id {
            return Err(Error::VaultWrongKey { path });
        }
        self.contents = vault::decrypt(&path, &envelope, &self.key)?;
        sort_accounts(&mut self.contents);
        self.slots = envelope.slots;
        self.stamp = now;
        Ok(path)
    }

    /// Applies `change` to a copy of the newest contents under the write lock, saves atomically, and only
    /// then makes the copy current. A failed save changes nothing, on disk or in memory.
    fn update<R>(&mut self, change: impl FnOnce(&mut Contents) -> Result<R>) -> Result<R> {
        let _lock = WriteLock::acquire(&self.dir.lock_file())?;
        let path = self.refresh()?;
        remove_stale_temps(&path);
        let mut next = self.contents.clone();
        let result = change(&mut next)?;
        sort_accounts(&mut next);
        let slots = self.slots.clone();
        self.save_locked(&path, &slots, &next)?;
        self.contents = next;
        Ok(result)
    }

    /// Writes `contents` with `slots` to the vault file (the caller holds the write lock), then the
    /// automatic backups. The vault is saved first: a backup that fails never undoes a change; it is
    /// noted for the window and the review instead.
    fn save_locked(
        &mut self,
        path: &std::path::Path,
        slots: &[Slot],
        contents: &Contents,
    ) -> Result<()> {
        let backup_slots = recovery::backup_slots(slots);
        let (bytes, backup) =
            vault::encrypt_with_backup(&self.vault_id, slots, &backup_slots, contents, &self.key)?;
        write_atomic(path, &bytes)?;
        self.stamp = stamp_of(path);
        self.slots = slots.to_vec();
        recovery::write_automatic_backups(&self.dir, &backup, slots, unix_now_ms());
        Ok(())
    }

    /// Every account, sorted by service then name.
    pub fn accounts(&mut self) -> Result<Vec<AccountView>> {
        self.refresh()?;
        Ok(self.contents.accounts.iter().map(Account::view).collect())
    }

    /// Adds an account from an `otpauth://` URI.
    pub fn add_uri(&mut self, uri: &str, now_ms: u64) -> Result<AccountView> {
        let valid = account::from_uri(uri)?;
        self.add_valid(valid, now_ms)
    }

    /// Adds an account from the fields of the "add" form.
    pub fn add_fields(&mut self, new: &NewAccount, now_ms: u64) -> Result<AccountView> {
        let valid = new.validate()?;
        self.add_valid(valid, now_ms)
    }

    /// Adds a checked account, unless one with the same secret and issuer is already there.
    pub fn add_valid(&mut self, valid: ValidAccount, now_ms: u64) -> Result<AccountView> {
        self.update(|contents| {
            if let Some(existing) = contents
                .accounts
                .iter()
                .find(|a| a.is_duplicate_of(&valid.issuer, &valid.secret))
            {
                return Err(Error::Duplicate {
                    existing: existing.display_name(),
                });
            }
            let account = Account {
                id: uuid::Uuid::new_v4().to_string(),
                issuer: valid.issuer,
                name: valid.name,
                secret: valid.secret,
                params: valid.params,
                added_at: now_ms / 1000,
            };
            let view = account.view();
            contents.accounts.push(account);
            Ok(view)
        })
    }

    /// Changes the service and account name shown for an account.
    pub fn rename(&mut self, id: &str, issuer: &str, name: &str) -> Result<AccountView> {
        let (issuer, name) = clean_names(issuer, name, Field::Name)?;
        self.update(|contents| {
            let account = find_by_id(contents, id)?;
            account.issuer = issuer;
            account.name = name;
            Ok(account.view())
        })
    }

    /// Deletes an account and returns what it was.
    pub fn delete(&mut self, id: &str) -> Result<AccountView> {
        self.update(|contents| {
            let index = contents
                .accounts
                .iter()
                .position(|a| a.id == id)
                .ok_or_else(|| Error::NotFound {
                    query: id.to_string(),
                })?;
            Ok(contents.accounts.remove(index).view())
        })
    }

    /// The codes of every account at `now_ms`, in the order of [`Keystep::accounts`].
    pub fn codes(&mut self, now_ms: u64) -> Result<Vec<CodeView>> {
        self.refresh()?;
        Ok(self
            .contents
            .accounts
            .iter()
            .map(|a| code_view(a, now_ms))
            .collect())
    }

    /// The code of one account at `now_ms`. For a counter (HOTP) account, the last code given out.
    pub fn code(&mut self, id: &str, now_ms: u64) -> Result<CodeView> {
        self.refresh()?;
        Ok(code_view(self.account_by_id(id)?, now_ms))
    }

    /// The account with this id, as last read (the caller refreshes first).
    fn account_by_id(&self, id: &str) -> Result<&Account> {
        self.contents
            .accounts
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::NotFound {
                query: id.to_string(),
            })
    }

    /// For a counter (HOTP) account: the code for the stored counter and that counter (read under the
    /// write lock, so it is the one the code was made from), then the counter moves on (saved).
    pub fn next_hotp(&mut self, id: &str) -> Result<(String, u64)> {
        self.update(|contents| {
            let account = find_by_id(contents, id)?;
            if account.params.kind != OtpKind::Hotp {
                return Err(Error::WrongKind {
                    name: account.display_name(),
                });
            }
            let counter = account.params.counter;
            // The counter cannot go past its highest value: the same code would come back forever.
            let Some(next) = counter.checked_add(1) else {
                return Err(Error::bad(
                    Field::Counter,
                    crate::error::ReasonKey::CounterExhausted.with("name", account.display_name()),
                ));
            };
            let code = hotp(
                account.params.algorithm,
                account.secret.expose(),
                counter,
                account.params.digits,
            );
            account.params.counter = next;
            Ok((code, counter))
        })
    }

    /// Finds one account by id, or by service/account name ignoring case: exact names first, then parts
    /// of names. Several matches are an error that lists them.
    pub fn find(&mut self, query: &str) -> Result<AccountView> {
        let accounts = self.accounts()?;
        let q = query.trim().to_lowercase();
        if let Some(v) = accounts.iter().find(|v| v.id == query.trim()) {
            return Ok(v.clone());
        }
        let full = |v: &AccountView| format!("{}:{}", v.issuer, v.name).to_lowercase();
        let exact: Vec<&AccountView> = accounts
            .iter()
            .filter(|v| v.issuer.to_lowercase() == q || v.name.to_lowercase() == q || full(v) == q)
            .collect();
        let candidates = if exact.is_empty() {
            accounts
                .iter()
                .filter(|v| {
                    !q.is_empty()
                        && (v.issuer.to_lowercase().contains(&q)
                            || v.name.to_lowercase().contains(&q))
                })
                .collect()
        } else {
            exact
        };
        match candidates.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound {
                query: query.to_string(),
            }),
            many => Err(Error::Ambiguous {
                query: query.to_string(),
                matches: many
                    .iter()
                    .map(|v| format!("{} {}:{}", v.id, v.issuer, v.name))
                    .collect(),
            }),
        }
    }
}

/// Keeps accounts in display order (service, then name, ignoring case) so listing needs no sort.
/// The vault file to read and write: the file in the data folder, or the target of the link there. A
/// vault that is gone since it was opened is an error here, not a reason to make a new one.
fn located(dir: &DataDir) -> Result<std::path::PathBuf> {
    let path = dir.vault_file();
    locate_vault(&path)?.ok_or_else(|| {
        Error::io(
            "read",
            &path,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })
}

/// The vault id and key a killed first save left: the id in the pending note, the key still in the
/// keychain. `None` when there is no note, or its key is not in the keychain (then a new one is made).
fn pending_key(
    pending: &std::path::Path,
    keychain: &Keychain,
) -> Result<Option<(String, VaultKey)>> {
    let Ok(text) = std::fs::read_to_string(pending) else {
        return Ok(None);
    };
    let Ok(id) = uuid::Uuid::parse_str(text.trim()) else {
        let _ = std::fs::remove_file(pending);
        return Ok(None);
    };
    let id = id.to_string();
    match keychain.read_key(&id) {
        Ok(key) => Ok(Some((id, key))),
        Err(Error::Keychain {
            problem: KeychainProblem::KeyMissing,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

fn sort_accounts(contents: &mut Contents) {
    contents
        .accounts
        .sort_by_cached_key(|a| (a.issuer.to_lowercase(), a.name.to_lowercase(), a.id.clone()));
}

fn find_by_id<'a>(contents: &'a mut Contents, id: &str) -> Result<&'a mut Account> {
    contents
        .accounts
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or_else(|| Error::NotFound {
            query: id.to_string(),
        })
}

/// The code view of one account at `now_ms`.
pub fn code_view(account: &Account, now_ms: u64) -> CodeView {
    let p = &account.params;
    if p.kind == OtpKind::Hotp {
        let code = p
            .counter
            .checked_sub(1)
            .map(|last| hotp(p.algorithm, account.secret.expose(), last, p.digits));
        return CodeView {
            id: account.id.clone(),
            code,
            next_code: None,
            valid_from_ms: None,
            valid_until_ms: None,
        };
    }
    let step = time_step(now_ms / 1000, p.period);
    let valid_from_ms = step.saturating_mul(p.period).saturating_mul(1000);
    let valid_until_ms = step
        .saturating_add(1)
        .saturating_mul(p.period)
        .saturating_mul(1000);
    let remaining_ms = valid_until_ms.saturating_sub(now_ms);
    let next_code = (remaining_ms < NEXT_CODE_SHOWN_BELOW_SECS * 1000 + NEXT_CODE_SENT_AHEAD_MS)
        .then(|| code_at_step(p, &account.secret, step + 1));
    CodeView {
        id: account.id.clone(),
        code: Some(code_at_step(p, &account.secret, step)),
        next_code,
        valid_from_ms: Some(valid_from_ms),
        valid_until_ms: Some(valid_until_ms),
    }
}

impl Keystep {
    /// The language of the text the core writes for the window.
    pub fn lang(&self) -> crate::Lang {
        self.lang
    }

    /// Changes the language of the text the core writes from now on (nothing stored changes): the
    /// catalog's names, notes and page titles in every view, the review, the change-number plans.
    pub fn set_lang(&mut self, lang: crate::Lang) {
        self.lang = lang;
        self.catalog = Catalog::bundled_in(lang);
    }
}
