//! Each main flow with the keyboard alone, in the real window: add an account (Ctrl+N, the link, Enter),
//! copy its code (Ctrl+C on the account), check a link, add a phone number, and the Help screen (F1).
//! After the first screen, no pointer click is made: keys go to whatever has the focus, and the test only
//! looks at where the focus is. (The IRS guide by keys, through its branch and back, is in
//! a11y_guides_window.rs.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Client;
use fantoccini::key::Key;
use keystep_e2e::{
    Window, codes_around_now, focused_testid, read_clipboard, screenshot, wait_for, wait_for_text,
};

const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";

/// Presses `keys` where the focus is, as a person typing would.
async fn press(client: &Client, keys: &str) {
    let focused = client.active_element().await.unwrap();
    focused.send_keys(keys).await.unwrap();
}

fn ctrl(letter: char) -> String {
    format!(
        "{}{letter}{}",
        char::from(Key::Control),
        char::from(Key::Null)
    )
}

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// Presses Tab until the element with `testid` has the focus (at most 60 times).
async fn tab_to(client: &Client, testid: &str) {
    for _ in 0..60 {
        if focused_testid(client).await == testid {
            return;
        }
        press(client, &key(Key::Tab)).await;
    }
    panic!("Tab never reached [data-testid={testid}]");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_main_flows_work_with_the_keyboard_alone() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    wait_for(client, "[data-testid=add-account]").await;

    // Add an account: Ctrl+N opens Add, Tab reaches the link box, Enter adds.
    press(client, &ctrl('n')).await;
    wait_for(client, "[data-testid=add-dialog][open]").await;
    tab_to(client, "uri-input").await;
    press(client, URI).await;
    press(client, &key(Key::Enter)).await;
    wait_for(client, "[data-testid=account-row]").await;
    // The focus is on the new account, so Ctrl+C copies its code at once.
    for _ in 0..50 {
        if focused_testid(client).await == "account-row" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(focused_testid(client).await, "account-row");
    press(client, &ctrl('c')).await;
    wait_for_text(client, "[data-testid=copy-status]", "Copied").await;
    let copied = read_clipboard();
    assert!(
        codes_around_now(URI).contains(&copied.trim().to_string()),
        "the clipboard holds {copied:?}, not the account's code"
    );

    // Check a link: Tab to its tab, Enter, Tab to the box, type, Tab to Check, Enter.
    tab_to(client, "nav-check").await;
    press(client, &key(Key::Enter)).await;
    wait_for(client, "[data-testid=check-screen]").await;
    tab_to(client, "check-input").await;
    press(
        client,
        "Your refund: https://irs-gov-refund.example.com/claim",
    )
    .await;
    tab_to(client, "check-submit").await;
    press(client, &key(Key::Enter)).await;
    let verdict = wait_for_text(client, "[data-testid=check-result]", "not a real IRS link").await;
    assert!(verdict.contains("irs-gov-refund.example.com"), "{verdict}");

    // Add a phone number: Tab to Phones, Enter, Tab to the number, type it, Enter in the form adds it.
    tab_to(client, "nav-phones").await;
    press(client, &key(Key::Enter)).await;
    wait_for(client, "[data-testid=phones-screen]").await;
    tab_to(client, "phone-number-input").await;
    press(client, "(202) 555-0142").await;
    tab_to(client, "phone-add-submit").await;
    press(client, &key(Key::Enter)).await;
    let row = wait_for(client, "[data-testid=phone-row]").await;
    assert!(
        row.text().await.unwrap().contains("555-0142"),
        "the new number is listed"
    );

    // F1: the Help screen, with the shortcuts used above.
    press(client, &key(Key::F1)).await;
    let help = wait_for_text(client, "[data-testid=shortcut-list]", "Ctrl+N").await;
    for shortcut in ["Ctrl+F", "Ctrl+C", "F1"] {
        assert!(help.contains(shortcut), "Help lists {shortcut}: {help}");
    }
    // Ctrl+F from there: back to the codes, in the search box.
    press(client, &ctrl('f')).await;
    for _ in 0..50 {
        if focused_testid(client).await == "search" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(focused_testid(client).await, "search");
    screenshot(client, "keyboard-search-focused.png").await;
    window.close().await;
}
