//! Copying codes: written from Rust (the webview never handles the code for the clipboard), marked as
//! secret so clipboard managers skip their history, and cleared after a while if it is still ours.

use std::time::Duration;

use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// The clipboard is cleared this many seconds after a copy, if it still holds the copied code.
pub const CLIPBOARD_CLEAR_AFTER_SECS: u64 = 30;

/// Puts `code` on the clipboard and schedules the clear.
pub fn copy_and_schedule_clear<R: Runtime>(app: &AppHandle<R>, code: String) -> Result<(), String> {
    app.clipboard()
        .write_secret(code.clone())
        .map_err(|e| e.to_string())?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_secs(CLIPBOARD_CLEAR_AFTER_SECS)).await;
        // Leave the clipboard alone if the person copied something else since.
        if app.clipboard().read_text().ok().as_deref() == Some(code.as_str()) {
            let _ = app.clipboard().clear();
        }
    });
    Ok(())
}
