//! Keystep's desktop shell: a Tauri window over keystep-core. Commands are thin; everything that matters
//! is decided in the core.

mod browser;
mod clipboard;
mod clock_commands;
mod commands;
mod guide_commands;
mod import_commands;
mod phone_commands;
#[cfg(target_os = "linux")]
mod qr_window;
mod recovery_commands;
#[cfg(target_os = "linux")]
mod screen;
mod service_commands;
mod state;
mod webkit;

use tauri::Manager;

pub use webkit::configure_before_threads;

/// Starts the app: one instance, the main window, and Keystep's commands.
pub fn run() {
    let home = state::home_from_args(std::env::args_os());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second start shows the window that is already open instead of opening the vault twice.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new_opening(home))
        .on_window_event(import_commands::on_file_dropped)
        .setup(|app| {
            clock_commands::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::open_vault,
            commands::set_language,
            commands::list_accounts,
            commands::get_codes,
            commands::add_account_uri,
            commands::add_account,
            commands::rename_account,
            commands::delete_account,
            commands::next_hotp_code,
            commands::copy_code,
            commands::first_code_painted,
            commands::check_links,
            commands::clipboard_links,
            guide_commands::list_guides,
            guide_commands::open_guide,
            guide_commands::restart_guide,
            guide_commands::get_run,
            guide_commands::run_next,
            guide_commands::run_answer,
            guide_commands::run_start_wait,
            guide_commands::run_back,
            guide_commands::run_leave_branch,
            guide_commands::copy_official_address,
            guide_commands::open_official_page,
            phone_commands::phone_region,
            phone_commands::list_phones,
            phone_commands::add_phone,
            phone_commands::edit_phone,
            phone_commands::remove_phone,
            service_commands::catalog_list,
            service_commands::list_services,
            service_commands::add_service,
            service_commands::update_service,
            service_commands::remove_service,
            service_commands::suggest_code_accounts,
            service_commands::set_backup_codes,
            service_commands::clear_backup_codes,
            service_commands::copy_backup_code,
            service_commands::backup_code_hints,
            service_commands::mark_backup_code,
            phone_commands::review_risks,
            phone_commands::plan_number_change,
            recovery_commands::create_vault,
            recovery_commands::unlock,
            recovery_commands::lock,
            recovery_commands::recovery_status,
            recovery_commands::set_password,
            recovery_commands::remove_password,
            recovery_commands::set_lock_settings,
            recovery_commands::choose_backup_folder,
            recovery_commands::turn_off_backup_folder,
            recovery_commands::retry_backup,
            recovery_commands::put_key_in_keychain,
            import_commands::choose_import_file,
            import_commands::import_preview_file,
            import_commands::import_scan_screen,
            import_commands::import_paste_image,
            import_commands::import_confirm,
            import_commands::import_cancel,
            import_commands::choose_export_path,
            import_commands::export_codes,
            import_commands::show_account_qr,
            import_commands::show_google_export_qr,
            import_commands::take_dropped_file,
            recovery_commands::choose_backup_file,
            recovery_commands::restore_backup,
            recovery_commands::newest_backup_sealed_by,
            recovery_commands::recover_from_backup,
            clock_commands::clock_status,
            clock_commands::check_clock_now,
            clock_commands::set_clock_settings,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Keystep could not start its window: {e}");
        std::process::exit(1);
    }
}
