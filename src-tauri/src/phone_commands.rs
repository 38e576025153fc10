//! IPC commands for phone numbers, "my accounts", backup codes, the review and the change-number plan.
//! Backup codes only travel inward (pasted by the person); going out they reach the clipboard from
//! Rust, never the webview.

use keystep_core::app::unix_now_ms;
use keystep_core::guides::view::RunView;
use keystep_core::phones::review::RiskItem;
use keystep_core::phones::views::{BackupCodeHint, CatalogServiceView, MyAccountView, PhoneView};
use keystep_core::phones::{PhoneKind, PhoneStatus, ServiceRef, default_region};
use keystep_core::sensitive::SecretString;
use keystep_core::{AccountView, CopyInfo};
use tauri::{AppHandle, State};

use crate::clipboard::{CLIPBOARD_CLEAR_AFTER_SECS, copy_and_schedule_clear};
use crate::commands::{CmdResult, with_vault};
use crate::state::AppState;

/// The two-letter region numbers are read in by default (from the system locale).
#[tauri::command]
pub async fn phone_region() -> CmdResult<String> {
    Ok(default_region())
}

#[tauri::command]
pub async fn list_phones(state: State<'_, AppState>) -> CmdResult<Vec<PhoneView>> {
    with_vault(&state, |v| v.phones())
}

#[tauri::command]
pub async fn add_phone(
    state: State<'_, AppState>,
    number: String,
    region: String,
    label: String,
    kind: PhoneKind,
) -> CmdResult<PhoneView> {
    with_vault(&state, |v| {
        v.add_phone(&number, &region, &label, kind, unix_now_ms())
    })
}

#[tauri::command]
pub async fn edit_phone(
    state: State<'_, AppState>,
    id: String,
    label: String,
    kind: PhoneKind,
    status: PhoneStatus,
) -> CmdResult<PhoneView> {
    with_vault(&state, |v| v.edit_phone(&id, &label, kind, status))
}

#[tauri::command]
pub async fn remove_phone(state: State<'_, AppState>, id: String) -> CmdResult<PhoneView> {
    with_vault(&state, |v| v.remove_phone(&id))
}

#[tauri::command]
pub async fn catalog_list() -> CmdResult<Vec<CatalogServiceView>> {
    Ok(keystep_core::catalog_services())
}

#[tauri::command]
pub async fn list_my_accounts(state: State<'_, AppState>) -> CmdResult<Vec<MyAccountView>> {
    with_vault(&state, |v| v.my_accounts())
}

#[tauri::command]
pub async fn add_my_account(
    state: State<'_, AppState>,
    service: ServiceRef,
) -> CmdResult<MyAccountView> {
    with_vault(&state, |v| v.add_my_account(service, unix_now_ms()))
}

#[tauri::command]
pub async fn update_my_account(
    state: State<'_, AppState>,
    id: String,
    code_phones: Vec<String>,
    recovery_phones: Vec<String>,
    keystep_account: Option<String>,
    security_key: bool,
) -> CmdResult<MyAccountView> {
    with_vault(&state, |v| {
        v.update_my_account(
            &id,
            &code_phones,
            &recovery_phones,
            keystep_account.as_deref(),
            security_key,
        )
    })
}

#[tauri::command]
pub async fn remove_my_account(state: State<'_, AppState>, id: String) -> CmdResult<MyAccountView> {
    with_vault(&state, |v| v.remove_my_account(&id))
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
) -> CmdResult<MyAccountView> {
    with_vault(&state, |v| v.set_backup_codes(&id, &codes, replace_fewer))
}

/// Removes every backup code of a service (the person confirmed it).
#[tauri::command]
pub async fn clear_backup_codes(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<MyAccountView> {
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
) -> CmdResult<MyAccountView> {
    with_vault(&state, |v| v.mark_backup_code(&id, index, used))
}

#[tauri::command]
pub async fn review_risks(state: State<'_, AppState>) -> CmdResult<Vec<RiskItem>> {
    with_vault(&state, |v| v.review(unix_now_ms()))
}

/// Plans a change of number and answers with the first step of its checklist.
#[tauri::command]
pub async fn plan_number_change(
    state: State<'_, AppState>,
    from: String,
    to: String,
    date: Option<String>,
    region: String,
) -> CmdResult<RunView> {
    let library = state.library();
    with_vault(&state, |v| {
        let (_, run) = v.plan_change(&from, &to, date.as_deref(), &region, unix_now_ms())?;
        v.run_view(&library, &run.id)
    })
}
