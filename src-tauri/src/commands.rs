//! The IPC commands: each one turns a request into a core call and the result into a DTO. Secrets only
//! ever travel inward (a typed key or setup link); what goes back is ids, names and codes.

use std::sync::atomic::{AtomicBool, Ordering};

use keystep_core::app::unix_now_ms;
use keystep_core::links::{self, LinkCheck};
use keystep_core::sensitive::SecretString;
use keystep_core::{
    AccountView, CodeView, CopyInfo, ErrorDto, Keystep, NewAccount, OpenInfo, OpenOutcome,
    ShellError,
};
use tauri::{AppHandle, State};

use crate::clipboard::{CLIPBOARD_CLEAR_AFTER_SECS, copy_and_schedule_clear};
use crate::state::{AppState, start_open};

pub(crate) type CmdResult<T> = Result<T, ErrorDto>;

fn not_open() -> ErrorDto {
    ShellError::VaultNotOpen.to_dto()
}

/// Runs `f` on the open vault.
pub(crate) fn with_vault<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Keystep) -> keystep_core::Result<T>,
) -> CmdResult<T> {
    let mut guard = state.vault();
    let vault = guard.as_mut().ok_or_else(not_open)?;
    f(vault).map_err(|e| e.to_dto())
}

pub(crate) fn open_info(vault: &Keystep, outcome: OpenOutcome) -> OpenInfo {
    OpenInfo {
        created: outcome == OpenOutcome::Created,
        data_dir: vault.data_dir().root().display().to_string(),
        unreadable: vault.unreadable_parts(),
    }
}

/// Opens (or on first start creates) the vault. The first attempt started with the process; this waits
/// for it, or starts a new one after a failure ("Try again"). The keychain is asked on a worker thread
/// with a timeout, so a keychain stuck on an unlock prompt never freezes the window.
#[tauri::command]
pub async fn open_vault(state: State<'_, AppState>) -> CmdResult<OpenInfo> {
    if state.is_locked() {
        return Err(ShellError::Locked.to_dto());
    }
    let mut opening = state.opening.lock().await;
    if let Some(v) = state.vault().as_ref() {
        return Ok(open_info(v, OpenOutcome::Opened));
    }
    let attempt = opening
        .take()
        .unwrap_or_else(|| start_open(state.home.clone()));
    let result = attempt.await.map_err(|e| {
        ShellError::Unexpected {
            detail: e.to_string(),
        }
        .to_dto()
    })?;
    let (vault, outcome) = result.inspect_err(|e| {
        if e.code == "vault.password_needed" {
            state.set_key_in_keychain(false);
        }
    })?;
    state.set_key_in_keychain(true);
    let info = open_info(&vault, outcome);
    state.put_vault(vault);
    Ok(info)
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> CmdResult<Vec<AccountView>> {
    with_vault(&state, |v| v.accounts())
}

#[tauri::command]
pub async fn get_codes(state: State<'_, AppState>) -> CmdResult<Vec<CodeView>> {
    let now_ms = state.clock.code_now_ms();
    with_vault(&state, |v| v.codes(now_ms))
}

#[tauri::command]
pub async fn add_account_uri(
    state: State<'_, AppState>,
    uri: SecretString,
) -> CmdResult<AccountView> {
    with_vault(&state, |v| v.add_uri(uri.expose(), unix_now_ms()))
}

#[tauri::command]
pub async fn add_account(
    state: State<'_, AppState>,
    account: NewAccount,
) -> CmdResult<AccountView> {
    with_vault(&state, |v| v.add_fields(&account, unix_now_ms()))
}

#[tauri::command]
pub async fn rename_account(
    state: State<'_, AppState>,
    id: String,
    issuer: String,
    name: String,
) -> CmdResult<AccountView> {
    with_vault(&state, |v| v.rename(&id, &issuer, &name))
}

#[tauri::command]
pub async fn delete_account(state: State<'_, AppState>, id: String) -> CmdResult<AccountView> {
    with_vault(&state, |v| v.delete(&id))
}

/// Gives out the next code of a counter (HOTP) account and returns it as the account's current code.
#[tauri::command]
pub async fn next_hotp_code(state: State<'_, AppState>, id: String) -> CmdResult<CodeView> {
    let now_ms = state.clock.code_now_ms();
    with_vault(&state, |v| {
        v.next_hotp(&id)?;
        v.code(&id, now_ms)
    })
}

/// Copies the account's current code from Rust; the webview never passes the code to the clipboard.
#[tauri::command]
pub async fn copy_code(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<CopyInfo> {
    let now_ms = state.clock.code_now_ms();
    let code = with_vault(&state, |v| v.code(&id, now_ms))?
        .code
        .ok_or_else(|| ShellError::NoCodeYet.to_dto())?;
    copy_and_schedule_clear(&app, code).map_err(|detail| {
        ShellError::Clipboard {
            what: "code",
            instead: "Type it in by hand instead.",
            detail,
        }
        .to_dto()
    })?;
    Ok(CopyInfo {
        clear_after_secs: CLIPBOARD_CLEAR_AFTER_SECS,
    })
}

/// Checks every link in a URL or a pasted message against the catalog's official domains. It only
/// reads; it never opens a link.
#[tauri::command]
pub async fn check_links(text: String) -> CmdResult<Vec<LinkCheck>> {
    Ok(keystep_core::check_links(&text))
}

/// The addresses in the text on the clipboard, for a guide's "Check this address in Keystep" (the
/// person copied the address bar). Only what reads as a link goes to the webview, never the rest of the
/// clipboard: it may hold a code or a password copied from elsewhere.
#[tauri::command]
pub async fn clipboard_links(app: AppHandle) -> CmdResult<Vec<String>> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    // An empty or non-text clipboard is simply "no address copied".
    let text = app.clipboard().read_text().unwrap_or_default();
    Ok(links::find_links(&text))
}

static FIRST_PAINT_REPORTED: AtomicBool = AtomicBool::new(false);

/// Environment variable naming a file where the launch benchmark wants the first-paint time.
pub const BENCH_PAINT_FILE_ENV: &str = "KEYSTEP_BENCH_PAINT_FILE";

/// The page calls this once its first codes are painted. With `KEYSTEP_BENCH_PAINT_FILE` set (by
/// bench/launch.sh), the time in Unix milliseconds is written there; otherwise it does nothing.
#[tauri::command]
pub async fn first_code_painted() -> CmdResult<()> {
    let at_ms = unix_now_ms();
    if FIRST_PAINT_REPORTED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    if let Some(path) = std::env::var_os(BENCH_PAINT_FILE_ENV) {
        let _ = std::fs::write(path, at_ms.to_string());
    }
    Ok(())
}

/// The window's language: kept for the rest of the session and given to the open vault (and to one
/// opened later), so the text the core writes (service notes, the review, the change-number checklist)
/// is in that language. Nothing is stored: the window keeps the choice.
#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, lang: keystep_core::Lang) -> CmdResult<()> {
    state.set_lang(lang);
    Ok(())
}
