//! The real Keystep window, driven through tauri-driver and WebKitWebDriver under Xvfb: add an account,
//! see the same code the core computes, copy it, delete it; and the keychain error screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Locator;
use keystep_core::account::from_uri;
use keystep_core::otp::generate::{code_at_step, time_step};
use keystep_core::paths::DataDir;
use keystep_e2e::{Driver, read_clipboard, require_session, screenshot, wait_for};

const URI: &str = "otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";
const SECRET: &str = "JBSWY3DPEHPK3PXP";

/// The codes of the previous, current and next time step: the page and this test may straddle a step.
fn codes_around_now() -> Vec<String> {
    let account = from_uri(URI).unwrap();
    let step = time_step(
        keystep_core::app::unix_now_ms() / 1000,
        account.params.period,
    );
    [step - 1, step, step + 1]
        .iter()
        .map(|s| code_at_step(&account.params, &account.secret, *s))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn add_see_copy_and_delete_an_account_in_the_real_window() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let home_str = home.path().to_str().unwrap();
    let driver = Driver::start(&[("KEYSTEP_HOME", home_str)]);
    let client = driver.connect().await;
    wait_for(&client, "[data-testid=empty-state]").await;
    screenshot(&client, "empty.png").await;

    wait_for(&client, "[data-testid=add-account]")
        .await
        .click()
        .await
        .unwrap();
    let input = wait_for(&client, "[data-testid=uri-input]").await;
    input.send_keys(URI).await.unwrap();
    wait_for(&client, "[data-testid=add-submit]")
        .await
        .click()
        .await
        .unwrap();

    let row = wait_for(&client, "[data-testid=account-row]").await;
    let row_text = row.text().await.unwrap();
    assert!(
        row_text.contains("IRS") && row_text.contains("taxpayer@example.com"),
        "{row_text}"
    );
    let shown = row
        .find(Locator::Css("[data-testid=code]"))
        .await
        .unwrap()
        .attr("data-code")
        .await
        .unwrap()
        .unwrap();
    let expected = codes_around_now();
    assert!(
        expected.contains(&shown),
        "window shows {shown}, core computes {expected:?}"
    );
    let visible = row
        .find(Locator::Css("[data-testid=code]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        visible.replace(' ', ""),
        shown,
        "the code is shown grouped: {visible}"
    );

    // The secret is gone from the page once the dialog closed: the webview never gets it back.
    let source = client.source().await.unwrap();
    assert!(!source.contains(SECRET), "the page still holds the secret");

    row.find(Locator::Css("[data-testid=copy-button]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let status = wait_for(&client, "[data-testid=copy-status]").await;
    client
        .wait()
        .for_element(Locator::XPath(
            "//*[@data-testid='copy-status'][contains(., 'Copied')]",
        ))
        .await
        .unwrap();
    let _ = status;
    let copied_at = std::time::Instant::now();
    let copied = read_clipboard();
    assert!(
        codes_around_now().contains(&copied) || expected.contains(&copied),
        "clipboard holds {copied:?}"
    );
    screenshot(&client, "accounts.png").await;

    row.find(Locator::Css("[data-testid=delete-button]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "[data-testid=confirm-delete]")
        .await
        .click()
        .await
        .unwrap();
    wait_for(&client, "[data-testid=empty-state]").await;
    assert!(
        client
            .find_all(Locator::Css("[data-testid=account-row]"))
            .await
            .unwrap()
            .is_empty()
    );

    // A second start hands over to the window that is open and exits, instead of opening the vault twice.
    let mut second = std::process::Command::new(keystep_e2e::binary("keystep-desktop"))
        .env("KEYSTEP_HOME", home_str)
        .spawn()
        .unwrap();
    let mut exited = None;
    for _ in 0..150 {
        if let Some(status) = second.try_wait().unwrap() {
            exited = Some(status);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    if exited.is_none() {
        let _ = second.kill();
    }
    assert!(
        exited.is_some(),
        "a second Keystep kept running beside the first"
    );
    wait_for(&client, "[data-testid=empty-state]").await;

    // The copied code leaves the clipboard after 30 seconds, while the app keeps running.
    let clear_after = std::time::Duration::from_secs(32);
    tokio::time::sleep(clear_after.saturating_sub(copied_at.elapsed())).await;
    assert_eq!(
        read_clipboard(),
        "",
        "the code is still on the clipboard after 30 s"
    );

    client.close().await.unwrap();
    drop(driver);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_keychain_the_window_says_so_and_creates_nothing() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let home_str = home.path().to_str().unwrap();
    let driver = Driver::start(&[
        ("KEYSTEP_HOME", home_str),
        (
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/keystep-test-bus",
        ),
    ]);
    let client = driver.connect().await;
    let screen = wait_for(&client, "[data-testid=error-screen]").await;
    let text = screen.text().await.unwrap();
    assert!(text.contains("No keychain service is running"), "{text}");
    assert!(!DataDir::at(home.path()).vault_file().exists());
    screenshot(&client, "keychain-error.png").await;
    client.close().await.unwrap();
    drop(driver);
}
