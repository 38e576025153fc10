// A build script can only report failure by panicking.
#![allow(clippy::panic)]

// Declares Keystep's commands so that each needs an explicit allow in capabilities/ (no blanket access).
// tests/contract.rs checks this list against src/lib.rs, capabilities/main.json and ui/src/lib/ipc.ts.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "open_vault",
            "list_accounts",
            "get_codes",
            "add_account_uri",
            "add_account",
            "rename_account",
            "delete_account",
            "next_hotp_code",
            "copy_code",
            "first_code_painted",
            "check_links",
            "clipboard_links",
            "list_guides",
            "open_guide",
            "restart_guide",
            "get_run",
            "run_next",
            "run_answer",
            "run_start_wait",
            "open_official_page",
            "phone_region",
            "list_phones",
            "add_phone",
            "edit_phone",
            "remove_phone",
            "catalog_list",
            "list_services",
            "add_service",
            "update_service",
            "remove_service",
            "suggest_code_accounts",
            "set_backup_codes",
            "clear_backup_codes",
            "copy_backup_code",
            "backup_code_hints",
            "mark_backup_code",
            "review_risks",
            "plan_number_change",
        ]),
    ))
    .unwrap_or_else(|e| panic!("tauri build failed: {e:#}"));
}
