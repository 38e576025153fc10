//! IPC commands of guided sign-in. Every change to a run answers with the new view of the run, so the
//! window never works out where it is on its own. Pages open by catalog ids, after the official-site
//! check, and in the person's browser: the webview never receives a URL to open.

use keystep_core::Keystep;
use keystep_core::app::unix_now_ms;
use keystep_core::guides::view::RunView;
use keystep_core::guides::{GuideList, Library, Run};
use tauri::{AppHandle, State};

use crate::commands::{CmdResult, with_vault};
use crate::state::AppState;

/// Runs `change` on the open vault with the current guide library, then answers with the run's view.
fn change_then_view(
    state: &State<'_, AppState>,
    change: impl FnOnce(&mut Keystep, &Library) -> keystep_core::Result<Run>,
) -> CmdResult<RunView> {
    let library = state.library();
    with_vault(state, |v| {
        let run = change(v, &library)?;
        v.run_view(&library, &run.id)
    })
}

/// Every guide (the person's own guides folder is read again, so a new file shows up), with open and
/// past runs.
#[tauri::command]
pub async fn list_guides(state: State<'_, AppState>) -> CmdResult<GuideList> {
    let library = state.reload_library();
    with_vault(&state, |v| v.guide_list(&library))
}

/// Continues the guide's open run, or starts one.
#[tauri::command]
pub async fn open_guide(state: State<'_, AppState>, guide_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| v.open_guide(lib, &guide_id, unix_now_ms()))
}

/// Starts the guide over (the old run is kept as stopped).
#[tauri::command]
pub async fn restart_guide(state: State<'_, AppState>, guide_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| {
        v.restart_guide(lib, &guide_id, unix_now_ms())
    })
}

#[tauri::command]
pub async fn get_run(state: State<'_, AppState>, run_id: String) -> CmdResult<RunView> {
    let library = state.library();
    with_vault(&state, |v| v.run_view(&library, &run_id))
}

#[tauri::command]
pub async fn run_next(state: State<'_, AppState>, run_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| v.run_next(lib, &run_id, unix_now_ms()))
}

#[tauri::command]
pub async fn run_answer(
    state: State<'_, AppState>,
    run_id: String,
    goto: String,
) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| {
        v.run_answer(lib, &run_id, &goto, unix_now_ms())
    })
}

#[tauri::command]
pub async fn run_start_wait(state: State<'_, AppState>, run_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| {
        v.run_start_wait(lib, &run_id, unix_now_ms())
    })
}

/// "Previous step".
#[tauri::command]
pub async fn run_back(state: State<'_, AppState>, run_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| v.run_back(lib, &run_id))
}

/// Out of the help branch, back to the step it was entered from.
#[tauri::command]
pub async fn run_leave_branch(state: State<'_, AppState>, run_id: String) -> CmdResult<RunView> {
    change_then_view(&state, |v, lib| v.run_leave_branch(lib, &run_id))
}

/// Copies the official address of a catalog page, for a person whose browser did not open. Like
/// opening, it goes by ids and passes the official-site check; an address is no secret, so it is
/// copied plainly and not cleared later.
#[tauri::command]
pub async fn copy_official_address(app: AppHandle, service: String, page: String) -> CmdResult<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    let url = keystep_core::official_page_url(&service, &page).map_err(|e| e.to_dto())?;
    app.clipboard().write_text(url).map_err(|e| {
        keystep_core::ShellError::Clipboard {
            what: "address",
            instead: "Type it into your browser by hand instead.",
            detail: e.to_string(),
        }
        .to_dto()
    })
}

/// Opens an official page of a catalog service in the default browser. The address comes from the
/// catalog and passes the official-site check first; anything else is refused with `link.not_official`.
#[tauri::command]
pub async fn open_official_page(service: String, page: String) -> CmdResult<()> {
    let url = keystep_core::official_page_url(&service, &page).map_err(|e| e.to_dto())?;
    crate::browser::open_url(&url).map_err(|e| {
        keystep_core::ShellError::BrowserFailed {
            detail: format!("{url}: {e}"),
        }
        .to_dto()
    })
}
