//! The real Keystep window, driven through tauri-driver and WebKitWebDriver under Xvfb: add an account,
//! see the same code the core computes, copy it, delete it; and the keychain error screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Locator;
use keystep_core::paths::DataDir;
use keystep_e2e::{
    Window, accessibility_violations, click, codes_around_now, read_clipboard, screenshot,
    type_into, wait_for,
};

const URI: &str = "otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";
const SECRET: &str = "JBSWY3DPEHPK3PXP";

#[tokio::test(flavor = "multi_thread")]
async fn add_see_copy_and_delete_an_account_in_the_real_window() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let home_str = window.home.path().to_str().unwrap();
    wait_for(client, "[data-testid=empty-state]").await;
    screenshot(client, "empty.png").await;

    click(client, "[data-testid=add-account]").await;
    let input = wait_for(client, "[data-testid=uri-input]").await;
    input.send_keys(URI).await.unwrap();
    click(client, "[data-testid=add-submit]").await;

    let row = wait_for(client, "[data-testid=account-row]").await;
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
    let expected = codes_around_now(URI);
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
    let status = wait_for(client, "[data-testid=copy-status]").await;
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
        codes_around_now(URI).contains(&copied) || expected.contains(&copied),
        "clipboard holds {copied:?}"
    );
    screenshot(client, "accounts.png").await;

    row.find(Locator::Css("[data-testid=delete-button]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(client, "[data-testid=confirm-delete]").await;
    wait_for(client, "[data-testid=empty-state]").await;
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
    wait_for(client, "[data-testid=empty-state]").await;

    // The copied code leaves the clipboard after 30 seconds, while the app keeps running.
    let clear_after = std::time::Duration::from_secs(32);
    tokio::time::sleep(clear_after.saturating_sub(copied_at.elapsed())).await;
    assert_eq!(
        read_clipboard(),
        "",
        "the code is still on the clipboard after 30 s"
    );

    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_keychain_the_window_says_so_and_creates_nothing() {
    let window = Window::open(&[(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/keystep-test-bus",
    )])
    .await;
    let client = &window.client;
    // "I'm new to Keystep" was pressed: the welcome screen says why the vault could not be made.
    let screen = wait_for(client, "[data-testid=start-error]").await;
    let text = screen.text().await.unwrap();
    assert!(text.contains("No keychain service is running"), "{text}");
    assert!(!DataDir::at(window.home.path()).vault_file().exists());
    screenshot(client, "keychain-error.png").await;
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_text_message_gets_a_verdict_for_each_link() {
    let window = Window::open(&[]).await;
    let client = &window.client;

    wait_for(client, "[data-testid=empty-state]").await;
    click(client, "[data-testid=nav-check]").await;
    let input = wait_for(client, "[data-testid=check-input]").await;
    input
        .send_keys("IRS: your refund is on hold. Verify at irs-gov-refund.com/claim or sign in at https://www.irs.gov")
        .await
        .unwrap();
    click(client, "[data-testid=check-submit]").await;
    wait_for(client, "[data-testid=check-result]").await;
    let results = client
        .find_all(Locator::Css("[data-testid=check-result]"))
        .await
        .unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0].attr("data-verdict").await.unwrap().as_deref(),
        Some("suspicious")
    );
    assert!(results[0].text().await.unwrap().contains("irs.gov"));
    assert_eq!(
        results[1].attr("data-verdict").await.unwrap().as_deref(),
        Some("official")
    );
    // The screen shows verdicts; it never offers the checked links as something to click.
    let anchors = client
        .find_all(Locator::Css("[data-testid=check-results] a"))
        .await
        .unwrap();
    assert!(anchors.is_empty());
    screenshot(client, "check-link.png").await;
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_core_in_the_real_window() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut report = Vec::new();
    let mut audit = |screen: &str, violations: Vec<String>| {
        report.extend(violations.into_iter().map(|v| format!("{screen}: {v}")));
    };

    wait_for(client, "[data-testid=empty-state]").await;
    audit("empty state", accessibility_violations(client).await);

    click(client, "[data-testid=add-account]").await;
    type_into(
        client,
        "[data-testid=uri-input]",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PX0",
    )
    .await;
    click(client, "[data-testid=add-submit]").await;
    wait_for(client, "[aria-invalid=true]").await;
    audit(
        "add dialog with an error",
        accessibility_violations(client).await,
    );
    let input = wait_for(client, "[data-testid=uri-input]").await;
    input.clear().await.unwrap();
    input.send_keys(URI).await.unwrap();
    click(client, "[data-testid=add-submit]").await;
    wait_for(client, "[data-testid=account-row]").await;
    audit("accounts", accessibility_violations(client).await);

    click(client, "[data-testid=nav-check]").await;
    type_into(
        client,
        "[data-testid=check-input]",
        "see irs-gov-refund.com and https://www.irs.gov and example.com",
    )
    .await;
    click(client, "[data-testid=check-submit]").await;
    wait_for(client, "[data-testid=check-result]").await;
    audit("check a link", accessibility_violations(client).await);

    // The same vault with no keychain service: the problem screen.
    let error_window = window
        .restart(&[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/keystep-test-bus",
        )])
        .await;
    wait_for(&error_window.client, "[data-testid=error-screen]").await;
    audit(
        "keychain problem",
        accessibility_violations(&error_window.client).await,
    );
    // The audit itself works: a control without a label, added on purpose, is reported.
    error_window
        .client
        .execute(
            "const i = document.createElement('input'); i.type = 'text'; document.body.appendChild(i);",
            vec![],
        )
        .await
        .unwrap();
    let planted = accessibility_violations(&error_window.client).await;
    assert!(
        planted.iter().any(|v| v.starts_with("label:")),
        "axe-core missed an unlabelled input: {planted:?}"
    );
    error_window.close().await;

    assert!(
        report.is_empty(),
        "axe-core found violations:\n{}",
        report.join("\n")
    );
}
