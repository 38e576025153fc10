//! IPC commands for the services a person signs in to and their backup codes. Backup codes only travel
//! inward (pasted by the person); going out they reach the clipboard from Rust, never the webview.

use keystep_core::app::unix_now_ms;
use keystep_core::sensitive::SecretString;
use keystep_core::services::ServiceRef;
use keystep_core::services::views::{BackupCodeHint, CatalogServiceView, ServiceView};
use keystep_core::{AccountView, CopyInfo};
use tauri::{AppHandle, State};

use crate::clipboard::{CLIPBOARD_CLEAR_AFTER_SECS, copy_and_schedule_clear};
use crate::commands::{CmdResult, with_vault};
use crate::state::AppState;

#[tauri::command]
pub async fn catalog_list(state: State<'_, AppState>) -> CmdResult<Vec<CatalogServiceView>> {
    Ok(keystep_core::catalog_services_in(state.lang()))
}

#[tauri::command]
pub async fn list_services(state: State<'_, AppState>) -> CmdResult<Vec<ServiceView>> {
    with_vault(&state, |v| v.services())
}

#[tauri::command]
pub async fn add_service(
    state: State<'_, AppState>,
    service: ServiceRef,
) -> CmdResult<ServiceView> {
    with_vault(&state, |v| v.add_service(service, unix_now_ms()))
}

#[tauri::command]
pub async fn update_service(
    state: State<'_, AppState>,
    id: String,
    code_phones: Vec<String>,
    recovery_phones: Vec<String>,
    keystep_account: Option<String>,
    security_key: bool,
) -> CmdResult<ServiceView> {
    with_vault(&state, |v| {
        v.update_service(
            &id,
            &code_phones,
            &recovery_phones,
            keystep_account.as_deref(),
            security_key,
        )
    })
}

#[tauri::command]
pub async fn remove_service(state: State<'_, AppState>, id: String) -> CmdResult<ServiceView> {
    with_vault(&state, |v| v.remove_service(&id))
}

/// Keystep code accounts that look like they belong to the service; the person confirms a link.
#[tauri::command]
pub async fn suggest_code_accounts(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<AccountView>> {
    with_vault(&state, |v| v.suggest_code_accounts(&id))
}

/// Replaces the backup codes with those pasted. Fewer codes than are saved replace them only with
/// `replace_fewer`, sent once the person confirmed it; else `backup_codes.fewer` and nothing changes.
#[tauri::command]
pub async fn set_backup_codes(
    state: State<'_, AppState>,
    id: String,
    codes: SecretString,
    replace_fewer: bool,
) -> CmdResult<ServiceView> {
    with_vault(&state, |v| v.set_backup_codes(&id, &codes, replace_fewer))
}

/// Removes every backup code of a service (the person confirmed it).
#[tauri::command]
pub async fn clear_backup_codes(state: State<'_, AppState>, id: String) -> CmdResult<ServiceView> {
    with_vault(&state, |v| v.clear_backup_codes(&id))
}

/// Copies the next unused backup code to the clipboard from Rust, then marks it used.
#[tauri::command]
pub async fn copy_backup_code(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<CopyInfo> {
    let (index, code) = with_vault(&state, |v| v.next_backup_code(&id))?;
    copy_and_schedule_clear(&app, code.expose().to_string()).map_err(|detail| {
        keystep_core::ShellError::Clipboard {
            what: "backup code",
            instead: "Try again.",
            detail,
        }
        .to_dto()
    })?;
    // Marked used only once it is on the clipboard: a failed copy does not use up a code.
    with_vault(&state, |v| v.mark_backup_code(&id, index, true))?;
    Ok(CopyInfo {
        clear_after_secs: CLIPBOARD_CLEAR_AFTER_SECS,
    })
}

/// The backup codes as hints (last two characters) with whether each was used.
#[tauri::command]
pub async fn backup_code_hints(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Vec<BackupCodeHint>> {
    with_vault(&state, |v| v.backup_code_hints(&id))
}

#[tauri::command]
pub async fn mark_backup_code(
    state: State<'_, AppState>,
    id: String,
    index: usize,
    used: bool,
) -> CmdResult<ServiceView> {
    with_vault(&state, |v| v.mark_backup_code(&id, index, used))
}
