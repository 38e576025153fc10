//! IPC commands for never losing access: starting new, unlocking and locking, the recovery password,
//! backups and restore. Passwords only travel inward; what goes back are statuses and counts. Anything
//! slow (Argon2, the keychain, the file choosers) runs on a blocking worker, never on the main thread.

use std::path::PathBuf;

use keystep_core::app::{RecoverReport, SealedBy, newest_backup};
use keystep_core::keychain::{self, Keychain};
use keystep_core::sensitive::SecretString;
use keystep_core::{
    ErrorDto, Keystep, OpenInfo, OpenOutcome, RecoveryStatus, RestoreReport, ShellError,
};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{CmdResult, open_info};
use crate::state::AppState;

/// Shortens the idle time before locking, for the end-to-end tests only.
const TEST_LOCK_AFTER_ENV: &str = "KEYSTEP_TEST_LOCK_AFTER_MS";

fn unexpected(e: impl std::fmt::Display) -> ErrorDto {
    ShellError::Unexpected {
        detail: e.to_string(),
    }
    .to_dto()
}

/// Runs `f` on a blocking worker (Argon2, keychain round trips, file choosers).
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ErrorDto> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(unexpected)?
}

fn status_of(state: &State<'_, AppState>, vault: &mut Keystep) -> RecoveryStatus {
    let override_ms = std::env::var(TEST_LOCK_AFTER_ENV)
        .ok()
        .and_then(|v| v.parse().ok());
    vault.recovery_status(state.key_in_keychain(), override_ms)
}

/// Runs `f` on the open vault (taken out of the state while a blocking worker runs it, then put back),
/// and answers with the new recovery status.
async fn on_vault_blocking(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Keystep) -> keystep_core::Result<()> + Send + 'static,
) -> CmdResult<RecoveryStatus> {
    let mut vault = state
        .vault()
        .take()
        .ok_or_else(|| ShellError::VaultNotOpen.to_dto())?;
    let (vault, result) = tauri::async_runtime::spawn_blocking(move || {
        let result = f(&mut vault);
        (vault, result)
    })
    .await
    .map_err(unexpected)?;
    let mut vault = vault;
    let status = status_of(state, &mut vault);
    state.put_vault(vault);
    result.map_err(|e| e.to_dto())?;
    Ok(status)
}

/// "I'm new to Keystep": makes the vault and its key in the keychain.
#[tauri::command]
pub async fn create_vault(state: State<'_, AppState>) -> CmdResult<OpenInfo> {
    if state.is_locked() {
        return Err(ShellError::Locked.to_dto());
    }
    if let Some(v) = state.vault().as_ref() {
        return Ok(open_info(v, OpenOutcome::Opened));
    }
    let dir = state.data_dir()?;
    let (vault, outcome) = blocking(move || {
        keychain::with_timeout(keychain::timeout(), move || {
            let kc = Keychain::platform()?;
            Keystep::open_or_create(dir, &kc)
        })
        .map_err(|e| e.to_dto())
    })
    .await?;
    state.set_key_in_keychain(true);
    let info = open_info(&vault, outcome);
    state.put_vault(vault);
    Ok(info)
}

/// Opens the codes with the recovery password.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, password: String) -> CmdResult<OpenInfo> {
    let password = SecretString::new(password);
    let dir = state.data_dir()?;
    let vault = blocking(move || {
        Keystep::open_with_password(dir, &password)
            .map_err(|e| e.to_dto())?
            .ok_or_else(|| ShellError::NoVaultYet.to_dto())
    })
    .await?;
    let info = open_info(&vault, OpenOutcome::Opened);
    state.put_vault(vault);
    state.set_locked(false);
    Ok(info)
}

/// Locks Keystep: the open vault, its key and its contents are dropped (their secrets are zeroized on
/// drop), not only hidden. Only the recovery password opens it again.
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> CmdResult<()> {
    let has_password = state.vault().as_ref().is_some_and(Keystep::has_password);
    if !has_password {
        return Err(keystep_core::Error::NoPassword {
            what: "Locking Keystep",
        }
        .to_dto());
    }
    state.set_locked(true);
    drop(state.vault().take());
    Ok(())
}

#[tauri::command]
pub async fn recovery_status(state: State<'_, AppState>) -> CmdResult<RecoveryStatus> {
    let mut guard = state.vault();
    let vault = guard.as_mut().ok_or_else(|| ShellError::Locked.to_dto())?;
    Ok(status_of(&state, vault))
}

#[tauri::command]
pub async fn set_password(
    state: State<'_, AppState>,
    new_password: String,
    current_password: Option<String>,
) -> CmdResult<RecoveryStatus> {
    let new = SecretString::new(new_password);
    let current = current_password.map(SecretString::new);
    on_vault_blocking(&state, move |v| {
        v.set_password(&new, current.as_ref()).map(|_| ())
    })
    .await
}

#[tauri::command]
pub async fn remove_password(
    state: State<'_, AppState>,
    current_password: String,
) -> CmdResult<RecoveryStatus> {
    let current = SecretString::new(current_password);
    on_vault_blocking(&state, move |v| v.remove_password(Some(&current))).await
}

#[tauri::command]
pub async fn set_lock_settings(
    state: State<'_, AppState>,
    lock_after_minutes: u32,
    ask_password_on_open: bool,
) -> CmdResult<RecoveryStatus> {
    let mut guard = state.vault();
    let vault = guard
        .as_mut()
        .ok_or_else(|| ShellError::VaultNotOpen.to_dto())?;
    vault
        .set_lock_settings(lock_after_minutes, ask_password_on_open)
        .map_err(|e| e.to_dto())?;
    Ok(status_of(&state, vault))
}

/// The answer when the person closed a chooser without choosing.
pub(crate) fn nothing_chosen() -> ErrorDto {
    ShellError::NothingChosen.to_dto()
}

/// The path a chooser gave, as the page gets it (not a secret); a path that is not a local file
/// counts as nothing chosen.
pub(crate) fn chosen_path(chosen: tauri_plugin_dialog::FilePath) -> CmdResult<String> {
    chosen
        .into_path()
        .map(|p| p.display().to_string())
        .map_err(|_| nothing_chosen())
}

/// Asks for a folder with the system's chooser; `app.nothing_chosen` when the person cancels.
async fn pick_folder(app: AppHandle, title: &'static str) -> CmdResult<PathBuf> {
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
            .ok_or_else(nothing_chosen)
    })
    .await
}

#[tauri::command]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<RecoveryStatus> {
    let folder = pick_folder(app, "Choose a backup folder").await?;
    on_vault_blocking(&state, move |v| v.set_backup_folder(Some(folder))).await
}

#[tauri::command]
pub async fn turn_off_backup_folder(state: State<'_, AppState>) -> CmdResult<RecoveryStatus> {
    on_vault_blocking(&state, |v| v.set_backup_folder(None)).await
}

#[tauri::command]
pub async fn retry_backup(state: State<'_, AppState>) -> CmdResult<RecoveryStatus> {
    on_vault_blocking(&state, Keystep::retry_backup).await
}

#[tauri::command]
pub async fn put_key_in_keychain(state: State<'_, AppState>) -> CmdResult<RecoveryStatus> {
    let status = on_vault_blocking(&state, |v| {
        let kc = keychain::with_timeout(keychain::timeout(), Keychain::platform)?;
        v.put_key_in_keychain(&kc)
    })
    .await?;
    state.set_key_in_keychain(true);
    Ok(RecoveryStatus {
        key_in_keychain: true,
        ..status
    })
}

/// Asks for a backup file with the system's chooser: its path (not a secret), or `app.nothing_chosen`.
#[tauri::command]
pub async fn choose_backup_file(app: AppHandle) -> CmdResult<String> {
    blocking(move || {
        app.dialog()
            .file()
            .set_title("Choose your Keystep backup")
            .add_filter("Keystep backups", &["ksv"])
            .blocking_pick_file()
            .map(chosen_path)
            .unwrap_or_else(|| Err(nothing_chosen()))
    })
    .await
}

/// Restores a backup: on a computer with no codes yet it makes the vault and opens it; otherwise it
/// merges, or with `replace` replaces everything after keeping a backup of the present vault.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
    password: String,
    replace: bool,
) -> CmdResult<RestoreReport> {
    let password = SecretString::new(password);
    let dir = state.data_dir()?;
    // The open vault (if any) is closed first: the restore opens the vault file itself, under its lock.
    drop(state.vault().take());
    let (vault, report) = blocking(move || {
        keychain::with_timeout(keychain::timeout(), move || {
            let kc = Keychain::platform()?;
            Keystep::restore(
                dir,
                &kc,
                std::path::Path::new(&path),
                Some(&password),
                replace,
            )
        })
        .map_err(|e| e.to_dto())
    })
    .await?;
    state.set_key_in_keychain(true);
    state.put_vault(vault);
    Ok(report)
}

/// How the newest automatic backup is sealed (`password` or `keychain`), so the window knows whether to
/// ask for the password before recovering from a damaged vault; `backup.none` when there is none.
#[tauri::command]
pub async fn newest_backup_sealed_by(state: State<'_, AppState>) -> CmdResult<SealedBy> {
    let dir = state.data_dir()?;
    newest_backup(&dir)
        .map(|(_, _, by)| by)
        .ok_or_else(|| keystep_core::Error::NoBackup.to_dto())
}

/// The vault file is damaged: keeps it aside and opens the newest backup that opens (`password` may
/// be empty for a backup sealed by this computer's keychain).
#[tauri::command]
pub async fn recover_from_backup(
    state: State<'_, AppState>,
    password: String,
) -> CmdResult<RecoverReport> {
    if state.is_locked() {
        return Err(ShellError::Locked.to_dto());
    }
    let password = Some(SecretString::new(password)).filter(|p| !p.expose().is_empty());
    let dir = state.data_dir()?;
    let (vault, report) = blocking(move || {
        keychain::with_timeout(keychain::timeout(), move || {
            let kc = Keychain::platform()?;
            Keystep::recover_damaged(dir, &kc, password.as_ref())
        })
        .map_err(|e| e.to_dto())
    })
    .await?;
    state.set_key_in_keychain(true);
    state.put_vault(vault);
    Ok(report)
}
