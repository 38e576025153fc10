//! IPC commands for phone numbers, the review of the services that use them, and the change-number
//! plan.

use keystep_core::app::unix_now_ms;
use keystep_core::guides::view::RunView;
use keystep_core::phones::views::PhoneView;
use keystep_core::phones::{PhoneKind, PhoneStatus, default_region};
use keystep_core::services::review::RiskItem;
use tauri::State;

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
