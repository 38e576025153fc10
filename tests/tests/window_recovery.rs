//! Never losing access, in the real window: a recovery password set in Settings, locking and unlocking
//! with it (by hand and after a time without use), restoring a backup on a computer with no codes
//! through the real GTK file chooser, and the banner of a backup that failed. Each screen is checked
//! with axe-core and photographed into `artifacts/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use fantoccini::Locator;
use keystep_e2e::{
    AxeReport, Window, add_account_by_link, choose_in_gtk_dialog, click, codes_around_now, keystep,
    screenshot, shown_code, type_into, wait_for, wait_for_text,
};

const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";
const SECRET: &str = "KRSXG5CTMVRXEZLUKN2XAZLD";
const PASSWORD: &str = "plover kettle marsh quietly lantern";

/// The page's whole source, to prove what it does not hold.
async fn page_source(window: &Window) -> String {
    window.client.source().await.unwrap()
}

/// Sets [`PASSWORD`] as the recovery password of the vault in `home` with the command line (the file
/// it reads the password from goes in `files`).
fn set_password_with_cli(home: &Path, files: &Path) {
    let file = files.join("password.txt");
    std::fs::write(&file, format!("{PASSWORD}\n")).unwrap();
    let set = keystep(
        home,
        &[
            "password",
            "set",
            "--new-password-file",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_set_in_settings_locks_and_unlocks_the_window_and_never_reaches_the_page() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    add_account_by_link(&window.client, URI).await;

    click(client, "[data-testid=nav-settings]").await;
    wait_for(client, "[data-testid=new-password]").await;
    axe.audit(client, "settings without a password").await;
    // A weak password is refused with Rust's reason, next to the field.
    type_into(client, "[data-testid=new-password]", "password").await;
    type_into(client, "[data-testid=repeat-password]", "password").await;
    click(client, "[data-testid=set-password]").await;
    wait_for_text(client, "[data-testid=settings-screen]", "too easy to guess").await;
    for field in [
        "[data-testid=new-password]",
        "[data-testid=repeat-password]",
    ] {
        let input = wait_for(client, field).await;
        input.clear().await.unwrap();
        input.send_keys(PASSWORD).await.unwrap();
    }
    click(client, "[data-testid=set-password]").await;
    wait_for(client, "[data-testid=change-password]").await;
    axe.audit(client, "settings with a password").await;
    screenshot(client, "settings-password.png").await;
    let envelope: serde_json::Value =
        serde_json::from_slice(&std::fs::read(window.home.path().join("vault.ksv")).unwrap())
            .unwrap();
    assert!(
        envelope["slots"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["type"] == "password"),
        "the vault file has no password slot: {envelope}"
    );

    // Lock: only the unlock screen shows, and the page holds neither the password nor the secret.
    click(client, "[data-testid=lock-now]").await;
    wait_for(client, "[data-testid=unlock-screen]").await;
    assert!(
        client
            .find_all(Locator::Css("[data-testid=account-row]"))
            .await
            .unwrap()
            .is_empty(),
        "codes still on the page while locked"
    );
    axe.audit(client, "unlock screen").await;
    screenshot(client, "unlock.png").await;
    let source = page_source(&window).await;
    assert!(!source.contains(PASSWORD), "the password is in the page");
    assert!(!source.contains(SECRET), "the secret is in the page");
    // While locked, Rust has no open vault: a command for the codes is refused.
    let refused = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke('get_codes').then(() => done('answered'), (e) => done(e.code));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(refused, "vault.not_open", "the codes answered while locked");

    type_into(client, "[data-testid=unlock-password]", "not my password").await;
    click(client, "[data-testid=unlock-submit]").await;
    wait_for_text(
        client,
        "[data-testid=unlock-screen]",
        "not the recovery password",
    )
    .await;
    let field = wait_for(client, "[data-testid=unlock-password]").await;
    field.clear().await.unwrap();
    field.send_keys(PASSWORD).await.unwrap();
    click(client, "[data-testid=unlock-submit]").await;
    let row = wait_for(client, "[data-testid=account-row]").await;
    let code = shown_code(&row).await;
    assert!(codes_around_now(URI).contains(&code));
    assert!(!page_source(&window).await.contains(PASSWORD));

    // After a time without use (shortened for the test), Keystep locks by itself.
    let window = window
        .restart(&[("KEYSTEP_TEST_LOCK_AFTER_MS", "3000")])
        .await;
    let client = &window.client;
    wait_for(client, "[data-testid=account-row]").await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    wait_for(client, "[data-testid=unlock-screen]").await;
    window.close().await;
    axe.assert_clean();
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_computer_with_no_codes_a_backup_is_restored_through_the_file_chooser() {
    // The backup, made on "the old computer" with the command line.
    let old = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    assert!(keystep(old.path(), &["add", URI]).status.success());
    set_password_with_cli(old.path(), files.path());
    let backup = files.path().join("keystep-backup.ksv");
    let out = keystep(old.path(), &["backup", "--out", backup.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // "The new computer": a fresh data folder, a first start.
    let window = Window::open_fresh(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=welcome-screen]").await;
    axe.audit(client, "welcome").await;
    screenshot(client, "welcome.png").await;
    click(client, "[data-testid=start-restore]").await;
    click(client, "[data-testid=choose-backup-file]").await;
    choose_in_gtk_dialog("Choose your Keystep backup", &backup).await;
    wait_for_text(client, "[data-testid=welcome-screen]", "keystep-backup.ksv").await;
    type_into(client, "[data-testid=restore-password]", PASSWORD).await;
    click(client, "[data-testid=restore-submit]").await;
    let report = wait_for(client, "[data-testid=restore-report]").await;
    let text = report.text().await.unwrap();
    assert!(text.contains("1 account"), "{text}");
    axe.audit(client, "restore report").await;
    screenshot(client, "restore-report.png").await;
    click(client, "[data-testid=restore-continue]").await;
    let row = wait_for(client, "[data-testid=account-row]").await;
    let code = shown_code(&row).await;
    assert!(codes_around_now(URI).contains(&code), "{code}");
    assert!(!page_source(&window).await.contains(PASSWORD));
    assert!(window.home.path().join("vault.ksv").exists());
    window.close().await;
    axe.assert_clean();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_that_cannot_reach_its_folder_shows_a_banner_until_it_works_again() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    add_account_by_link(&window.client, URI).await;
    let files = tempfile::tempdir().unwrap();
    set_password_with_cli(window.home.path(), files.path());
    // A "folder" whose parent is a file: no one, not even root, can write there (a USB stick that
    // is gone behaves the same).
    let blocker = files.path().join("usb-stick");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let folder = blocker.join("keystep");
    let chosen = keystep(
        window.home.path(),
        &["backup", "folder", folder.to_str().unwrap()],
    );
    assert!(!chosen.status.success(), "writing under a file worked");

    click(client, "[data-testid=nav-settings]").await;
    let banner = wait_for(client, "[data-testid=backup-failed-banner]").await;
    let text = banner.text().await.unwrap();
    assert!(text.contains("usb-stick"), "{text}");
    axe.audit(client, "failed backup banner").await;
    screenshot(client, "backup-failed.png").await;

    // The stick is back: Try again writes the backup and the banner goes.
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir_all(&folder).unwrap();
    click(client, "[data-testid=retry-backup]").await;
    for _ in 0..100 {
        if client
            .find_all(Locator::Css("[data-testid=backup-failed-banner]"))
            .await
            .unwrap()
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        client
            .find_all(Locator::Css("[data-testid=backup-failed-banner]"))
            .await
            .unwrap()
            .is_empty(),
        "the banner stayed after a backup that worked"
    );
    let written: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(written.len(), 1, "one backup in the folder");
    window.close().await;
    axe.assert_clean();
}
