//! Bringing codes in (a picture, the screen, another app's export) and taking them out. What was
//! read waits here, in Rust, until the person confirms the preview: the webview sees names and
//! kinds, never a secret.

use std::path::PathBuf;
use std::time::Duration;

use keystep_core::ShellError;
use keystep_core::app::{ExportFormat, ExportReport, ExportSkip, ImportPreview, unix_now_ms};
use keystep_core::import::{self, FileRead, ReadResult};
use keystep_core::sensitive::SecretString;
use tauri::{AppHandle, Manager, State, WebviewWindow};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;

use crate::commands::{CmdResult, with_vault};
use crate::recovery_commands::{blocking, chosen_path, nothing_chosen};
use crate::state::{AppState, PendingImport};

/// How long the window stays hidden before the screen is captured: long enough for the desktop to
/// draw what was behind it.
const HIDE_BEFORE_CAPTURE: Duration = Duration::from_millis(250);

/// Extensions offered by the file chooser: pictures and every export format Keystep reads.
const IMPORT_EXTENSIONS: [&str; 11] = [
    "png", "jpg", "jpeg", "webp", "gif", "json", "2fas", "txt", "csv", "aes", "bin",
];

/// Keeps what was read and answers with its preview against the open vault.
fn hold(
    state: &State<'_, AppState>,
    read: ReadResult,
    qr_texts: Option<Vec<String>>,
) -> CmdResult<ImportPreview> {
    let preview = with_vault(state, |v| v.preview_import(&read))?;
    *state.pending_import() = Some(PendingImport { read, qr_texts });
    Ok(preview)
}

/// Reads QR codes' text (with those read before when `more`: the other QR codes of a Google export
/// shown one at a time) and holds the result.
fn hold_qr(
    state: &State<'_, AppState>,
    source: &str,
    texts: Vec<String>,
    more: bool,
) -> CmdResult<ImportPreview> {
    let mut all = if more {
        state
            .pending_import()
            .as_ref()
            .and_then(|p| p.qr_texts.clone())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    for text in texts {
        if !all.contains(&text) {
            all.push(text);
        }
    }
    let read = import::read_qr_texts(source, &all).map_err(|e| e.to_dto())?;
    hold(state, read, Some(all))
}

/// Asks for a picture or an export file with the system's chooser: its path, or `app.nothing_chosen`.
#[tauri::command]
pub async fn choose_import_file(app: AppHandle) -> CmdResult<String> {
    blocking(move || {
        app.dialog()
            .file()
            .set_title("Choose a picture of a QR code, or an export from another app")
            .add_filter("Pictures and exports", &IMPORT_EXTENSIONS)
            .blocking_pick_file()
            .map(chosen_path)
            .unwrap_or_else(|| Err(nothing_chosen()))
    })
    .await
}

/// Reads a picture or an export file (chosen, or dropped on the window) and previews its import.
/// An encrypted export answers `import.password_needed` until `password` is given.
#[tauri::command]
pub async fn import_preview_file(
    state: State<'_, AppState>,
    path: String,
    password: Option<SecretString>,
    more: bool,
) -> CmdResult<ImportPreview> {
    let source = path.clone();
    let read = blocking(move || {
        import::read_file_or_qr(&PathBuf::from(path), None, password.as_ref())
            .map_err(|e| e.to_dto())
    })
    .await?;
    match read {
        FileRead::Export(read) => hold(&state, read, None),
        FileRead::QrTexts(texts) => hold_qr(&state, &source, texts, more),
    }
}

/// Finds the QR codes on the screen and previews them. Keystep must never read its own window:
/// on X11 it first looks at the screen with its own window's area blanked out (no flicker, and
/// fast when the site's QR code is beside Keystep); when that finds nothing, or on Wayland, it
/// hides its window, captures every monitor, and shows the window again.
#[tauri::command]
pub async fn import_scan_screen(
    state: State<'_, AppState>,
    window: WebviewWindow,
    more: bool,
) -> CmdResult<ImportPreview> {
    if let Some(texts) = scan_beside(&window).await {
        return hold_qr(&state, "the screen", texts, more);
    }
    let _ = window.hide();
    tokio::time::sleep(HIDE_BEFORE_CAPTURE).await;
    let captured = capture()
        .await
        .map_err(|message| ShellError::ScreenCapture { message }.to_dto());
    let _ = window.show();
    let _ = window.set_focus();
    let texts = blocking(move || Ok(keystep_core::qr::find_codes(captured?))).await?;
    hold_qr(&state, "the screen", texts, more)
}

/// The QR codes outside Keystep's own window, when the screen can be read without hiding it (X11)
/// and at least one is there.
async fn scan_beside(window: &WebviewWindow) -> Option<Vec<String>> {
    #[cfg(target_os = "linux")]
    if crate::screen::is_wayland() {
        return None;
    }
    let position = window.outer_position().ok()?;
    let size = window.outer_size().ok()?;
    let mut gray = capture().await.ok()?;
    let texts = tauri::async_runtime::spawn_blocking(move || {
        keystep_core::qr::blank(&mut gray, position.x, position.y, size.width, size.height);
        keystep_core::qr::find_codes(gray)
    })
    .await
    .ok()?;
    (!texts.is_empty()).then_some(texts)
}

#[cfg(target_os = "linux")]
async fn capture() -> Result<keystep_core::qr::GrayImage, String> {
    if crate::screen::is_wayland() {
        return crate::screen::capture_portal().await;
    }
    tauri::async_runtime::spawn_blocking(crate::screen::capture_gray)
        .await
        .map_err(|e| e.to_string())?
}

#[cfg(not(target_os = "linux"))]
async fn capture() -> Result<keystep_core::qr::GrayImage, String> {
    Err("Scanning the screen is not built for this system yet. Take a screenshot, then choose Open a picture and pick it.".into())
}

/// Reads a picture from the clipboard (a screenshot copied with Print Screen) and previews the QR
/// codes in it.
#[tauri::command]
pub async fn import_paste_image(
    app: AppHandle,
    state: State<'_, AppState>,
    more: bool,
) -> CmdResult<ImportPreview> {
    let no_picture = || ShellError::NoPictureCopied.to_dto();
    let image = app.clipboard().read_image().map_err(|_| no_picture())?;
    let (width, height) = (image.width(), image.height());
    let rgba = image.rgba().to_vec();
    let texts = blocking(move || {
        let gray = keystep_core::qr::gray_from_rgba(width, height, &rgba).ok_or_else(no_picture)?;
        Ok(keystep_core::qr::find_codes(gray))
    })
    .await?;
    hold_qr(&state, "the copied picture", texts, more)
}

/// Adds what the preview showed, in one save; answers what was done.
#[tauri::command]
pub async fn import_confirm(state: State<'_, AppState>) -> CmdResult<ImportPreview> {
    let pending = state
        .pending_import()
        .take()
        .ok_or_else(|| ShellError::NothingToImport.to_dto())?;
    with_vault(&state, |v| v.import(pending.read, unix_now_ms()))
}

/// Forgets what was read (the preview was cancelled).
#[tauri::command]
pub async fn import_cancel(state: State<'_, AppState>) -> CmdResult<()> {
    state.pending_import().take();
    Ok(())
}

/// Asks where to write an export: a file, or for Google QR pictures a folder.
#[tauri::command]
pub async fn choose_export_path(app: AppHandle, format: ExportFormat) -> CmdResult<String> {
    blocking(move || {
        let dialog = app.dialog().file();
        let chosen = match format {
            ExportFormat::GoogleQr => dialog
                .set_title("Choose a folder for the QR pictures")
                .blocking_pick_folder(),
            _ => {
                let (title, name) = match format {
                    ExportFormat::Keystep => ("Save a Keystep backup", "keystep-backup.ksv"),
                    ExportFormat::Otpauth => ("Save the setup links", "keystep-links.txt"),
                    _ => ("Save an Aegis export", "aegis-export-keystep.json"),
                };
                dialog
                    .set_title(title)
                    .set_file_name(name)
                    .blocking_save_file()
            }
        };
        chosen
            .map(chosen_path)
            .unwrap_or_else(|| Err(nothing_chosen()))
    })
    .await
}

/// Writes every account to `path` in `format` (see `Keystep::export` for what `password` is).
#[tauri::command]
pub async fn export_codes(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: String,
    password: Option<SecretString>,
) -> CmdResult<ExportReport> {
    with_vault(&state, |v| {
        v.export(format, &PathBuf::from(&path), password.as_ref())
    })
}

/// A file dropped on the window: kept in Rust, and the page told that one is waiting (by a DOM
/// event run in the page, so the page needs no event permission). The page then takes its path
/// with [`take_dropped_file`] and reads it like a chosen file.
pub fn on_file_dropped(window: &tauri::Window, event: &tauri::WindowEvent) {
    let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event else {
        return;
    };
    let Some(first) = paths.first() else {
        return;
    };
    *window.state::<AppState>().dropped() = Some(first.clone());
    if let Some(webview) = window.get_webview_window("main") {
        let _ = webview.eval("window.dispatchEvent(new CustomEvent('keystep:file-dropped'))");
    }
}

/// The path of the file dropped on the window (not a secret), once; `app.nothing_chosen` when
/// none waits.
#[tauri::command]
pub async fn take_dropped_file(state: State<'_, AppState>) -> CmdResult<String> {
    state
        .dropped()
        .take()
        .map(|p| p.display().to_string())
        .ok_or_else(nothing_chosen)
}

/// Shows one account's setup QR code in a window of its own (drawn by Rust, never by the
/// webview), to add the account to a second device. `password` as for an unencrypted export.
#[tauri::command]
pub async fn show_account_qr(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    password: Option<SecretString>,
) -> CmdResult<()> {
    let (link, name) = with_vault(&state, |v| v.setup_link(&id, password.as_ref()))?;
    let picture = keystep_core::qr::draw(&link, 6).map_err(|e| e.to_dto())?;
    let page = screen_qr::Page {
        caption: format!(
            "Scan this with the authenticator app on your other device to add {name}. It then makes the same codes as Keystep."
        ),
        picture,
    };
    screen_qr::show(
        &app,
        format!("QR code for {name}"),
        REVEAL_WARNING.to_string(),
        vec![page],
    )
}

/// Shows a Google Authenticator export of every account it can take, one QR code after another, in
/// a window of its own; answers which accounts were left out and why.
#[tauri::command]
pub async fn show_google_export_qr(
    app: AppHandle,
    state: State<'_, AppState>,
    password: Option<SecretString>,
) -> CmdResult<Vec<ExportSkip>> {
    let (links, skipped) = with_vault(&state, |v| v.google_transfer_links(password.as_ref()))?;
    if links.is_empty() {
        return Err(ShellError::NothingToShow.to_dto());
    }
    let total = links.len();
    let mut pages = Vec::with_capacity(total);
    for (index, link) in links.iter().enumerate() {
        pages.push(screen_qr::Page {
            caption: format!(
                "QR code {} of {total}. In Google Authenticator on your phone, tap + then Scan a QR code, and scan it.{}",
                index + 1,
                if index + 1 < total { " Then press Next QR code." } else { "" }
            ),
            picture: keystep_core::qr::draw(link, 5).map_err(|e| e.to_dto())?,
        });
    }
    screen_qr::show(
        &app,
        "QR codes for Google Authenticator".to_string(),
        REVEAL_WARNING.to_string(),
        pages,
    )?;
    Ok(skipped)
}

/// Said under every QR code of a secret shown on the screen.
const REVEAL_WARNING: &str = "Anyone who sees or photographs this QR code can make your codes. Close this window as soon as you are done.";

#[cfg(target_os = "linux")]
mod screen_qr {
    pub use crate::qr_window::Page;

    pub fn show(
        app: &tauri::AppHandle,
        title: String,
        warning: String,
        pages: Vec<Page>,
    ) -> Result<(), keystep_core::ErrorDto> {
        crate::qr_window::show(app, title, warning, pages)
            .map_err(|detail| keystep_core::ShellError::Unexpected { detail }.to_dto())
    }
}

#[cfg(not(target_os = "linux"))]
mod screen_qr {
    pub struct Page {
        pub caption: String,
        pub picture: keystep_core::qr::GrayImage,
    }

    pub fn show(
        _app: &tauri::AppHandle,
        _title: String,
        _warning: String,
        _pages: Vec<Page>,
    ) -> Result<(), keystep_core::ErrorDto> {
        Err(keystep_core::ShellError::ScreenCapture {
            message: "Showing QR codes is not built for this system yet. Export to a file instead."
                .into(),
        }
        .to_dto())
    }
}
