//! Issue 14 on "Your codes" and the Add dialog, in the real window: Copy does not move when the next
//! code appears, and the next code stays for the whole last 10 seconds; a setup key pasted where the
//! link goes adds the account; "Type the setup key" is reached with Tab and chosen with Enter; Enter
//! sends the link; Tab never lands on nothing; focus goes to the new account; screen readers get each
//! code as text with its service.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::key::Key;
use keystep_e2e::{
    Window, add_account_by_link, click, screenshot, shown_code, type_into, wait_for,
    write_clipboard,
};

/// A 20-second time step: 10 seconds without the next code, then 10 with it, so both come soon.
const URI_20S: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS&period=20";
const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";
/// The key of URI, as services show it: small letters in groups of four.
const KEY_WITH_SPACES: &str = "krsx g5ct mvrx ezlu kn2x azld";

async fn js(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// What the first row shows in one look (one script, so the parts cannot come from two paints): the
/// seconds left, whether the next code is shown, and the top of its Copy button.
async fn row_now(client: &Client) -> (u64, bool, f64) {
    let v = js(
        client,
        "const row = document.querySelector('[data-testid=account-row]');
         const left = parseInt(row.querySelector('[data-testid=countdown]').textContent, 10);
         const next = row.querySelector('[data-testid=next-code]') !== null;
         const top = row.querySelector('[data-testid=copy-button]').getBoundingClientRect().top;
         return [left, next, top];",
    )
    .await;
    (
        v[0].as_u64().unwrap(),
        v[1].as_bool().unwrap(),
        v[2].as_f64().unwrap(),
    )
}

/// Presses a key where the focus is, as a person at the keyboard does.
async fn press(client: &Client, key: Key) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&char::from(key).to_string())
        .await
        .unwrap();
}

/// The focused element, described: its data-testid (or tag), whether it is inside the open dialog,
/// and whether it shows anything (a box of some size). The page itself (body) counts as nothing.
async fn focused(client: &Client) -> (String, bool, bool) {
    let v = js(
        client,
        "const a = document.activeElement;
         if (!a || a === document.body || a === document.documentElement) return ['(nothing)', false, false];
         const r = a.getBoundingClientRect();
         return [a.dataset.testid || a.localName, a.closest('dialog[open]') !== null, r.width > 0 && r.height > 0];",
    )
    .await;
    (
        v[0].as_str().unwrap().to_string(),
        v[1].as_bool().unwrap(),
        v[2].as_bool().unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_stays_put_when_the_next_code_appears_and_the_next_code_stays_for_the_last_ten_seconds()
 {
    let window = Window::open(&[]).await;
    let client = &window.client;
    add_account_by_link(client, URI_20S).await;

    // Before the last 10 seconds: no next code, and where Copy is.
    let deadline = Instant::now() + Duration::from_secs(25);
    let before = loop {
        let (left, next, top) = row_now(client).await;
        if left > 11 && !next {
            break top;
        }
        assert!(
            Instant::now() < deadline,
            "never saw the code without its next code"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    screenshot(client, "a11y-codes-before-next.png").await;

    // Through the period's end: every look in the last 10 seconds shows the next code, none before,
    // and Copy never moves.
    let mut looks = Vec::new();
    let mut during = None;
    let end = Instant::now() + Duration::from_secs(21);
    while Instant::now() < end {
        let (left, next, top) = row_now(client).await;
        looks.push((left, next, top));
        if next && during.is_none() {
            during = Some(top);
            screenshot(client, "a11y-codes-with-next.png").await;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let during = during.expect("the next code never appeared");
    assert!(
        (during - before).abs() < 0.5,
        "Copy moved from {before} to {during} px when the next code appeared"
    );
    for (left, next, top) in &looks {
        assert!(
            (top - before).abs() < 0.5,
            "Copy at {top}, not {before}: {looks:?}"
        );
        match left {
            1..=10 => assert!(next, "no next code at {left} s left: {looks:?}"),
            11.. => assert!(!next, "next code already at {left} s left: {looks:?}"),
            // 0 s: the moment of the change, before the new code is painted.
            _ => {}
        }
    }
    assert!(
        looks
            .iter()
            .filter(|(left, ..)| (1..=10).contains(left))
            .count()
            >= 20,
        "too few looks in the last 10 seconds: {looks:?}"
    );
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_setup_key_with_spaces_pasted_where_the_link_goes_adds_the_account() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    click(client, "[data-testid=add-account]").await;
    let link = wait_for(client, "[data-testid=uri-input]").await;
    write_clipboard(KEY_WITH_SPACES);
    // Ctrl+V, then the Null key lets Ctrl go. The paste takes the link field away (the key moves to its
    // own field), so WebDriver may call the rest of the keys "not interactable": what counts is below.
    let _ = link
        .send_keys(&format!(
            "{}v{}",
            char::from(Key::Control),
            char::from(Key::Null)
        ))
        .await;

    // The key moved to the setup key field, and focus to the service's name.
    let secret = wait_for(client, "[data-testid=secret-input]").await;
    assert_eq!(
        secret.prop("value").await.unwrap().as_deref(),
        Some(KEY_WITH_SPACES)
    );
    let moved = wait_for(client, "[data-testid=key-moved]").await;
    assert!(
        moved.text().await.unwrap().contains("setup key"),
        "no word on where the key went"
    );
    assert_eq!(focused(client).await.0, "issuer-input");
    screenshot(client, "a11y-codes-key-moved.png").await;

    type_into(client, "[data-testid=issuer-input]", "IRS").await;
    type_into(client, "[data-testid=name-input]", "taxpayer@example.com").await;
    click(client, "[data-testid=add-submit]").await;
    let row = wait_for(client, "[data-testid=account-row]").await;
    let shown = shown_code(&row).await;
    assert!(
        keystep_e2e::codes_around_now(URI).contains(&shown),
        "the window shows {shown}, not a code of the pasted key"
    );
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn type_the_setup_key_is_reached_with_tab_and_chosen_with_enter_and_tab_never_lands_on_nothing()
 {
    let window = Window::open(&[]).await;
    let client = &window.client;
    click(client, "[data-testid=add-account]").await;
    wait_for(client, "[data-testid=uri-input]").await;

    // Tab from the first control until "Type the setup key" has focus.
    let mut path = Vec::new();
    for _ in 0..20 {
        let (id, _, _) = focused(client).await;
        if id == "mode-key" {
            break;
        }
        path.push(id);
        press(client, Key::Tab).await;
    }
    assert_eq!(
        focused(client).await.0,
        "mode-key",
        "Tab never reached Type the setup key: {path:?}"
    );
    press(client, Key::Enter).await;
    let pressed = wait_for(client, "[data-testid=mode-key]").await;
    assert_eq!(
        pressed.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        focused(client).await.0,
        "issuer-input",
        "focus did not go on to the first field"
    );

    // Twice round the dialog: every stop is a control inside it that shows, none is the page itself.
    let mut stops = Vec::new();
    for _ in 0..40 {
        press(client, Key::Tab).await;
        let (id, in_dialog, shows) = focused(client).await;
        assert!(
            in_dialog && shows,
            "Tab landed on {id} (in the dialog: {in_dialog}, shows: {shows}) after {stops:?}"
        );
        stops.push(id);
    }
    assert!(stops.contains(&"add-submit".to_string()), "{stops:?}");

    // The same on the Codes screen once it has an account.
    press(client, Key::Escape).await;
    add_account_by_link(client, URI).await;
    for _ in 0..40 {
        press(client, Key::Tab).await;
        let (id, _, shows) = focused(client).await;
        assert!(shows, "Tab landed on {id}, which shows nothing");
    }
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn enter_sends_the_link_and_focus_goes_to_the_new_account_whose_code_is_named_with_its_service()
 {
    let window = Window::open(&[]).await;
    let client = &window.client;
    click(client, "[data-testid=add-account]").await;
    type_into(client, "[data-testid=uri-input]", URI).await;
    press(client, Key::Enter).await;

    let row = wait_for(client, "[data-testid=account-row]").await;
    let id = row.attr("data-account-id").await.unwrap().unwrap();
    // Focus lands on the new row (after the dialog has given it back to its opener).
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let on_row = js(
            client,
            "const a = document.activeElement; return a && a.dataset.testid === 'account-row' ? a.dataset.accountId : null;",
        )
        .await;
        if on_row.as_str() == Some(id.as_str()) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "focus is on {:?}, not on the new row",
            focused(client).await.0
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(client, "a11y-codes-new-row-focused.png").await;

    // The row's name, and the code as text with its service and seconds left (no image).
    let names = js(
        client,
        "const row = document.querySelector('[data-testid=account-row]');
         const name = row.getAttribute('aria-labelledby').split(' ')
           .map(id => document.getElementById(id).textContent.trim()).join(' ');
         return [
           name,
           row.querySelector('[data-testid=code-spoken]').textContent,
           row.querySelector('[data-testid=code]').getAttribute('aria-hidden'),
           row.querySelectorAll('[role=img]').length,
           row.querySelector('[data-testid=copy-button]').getAttribute('aria-label'),
           row.querySelector('[data-testid=code]').dataset.code,
         ];",
    )
    .await;
    assert_eq!(names[0].as_str(), Some("IRS taxpayer@example.com"));
    let spoken = names[1].as_str().unwrap();
    let code = names[5].as_str().unwrap();
    let grouped = format!("{} {}", &code[..3], &code[3..]);
    assert!(
        spoken.starts_with(&format!("IRS code {grouped}, ")) && spoken.ends_with(" left"),
        "the code is said as {spoken:?}"
    );
    assert_eq!(names[2].as_str(), Some("true"));
    assert_eq!(names[3].as_u64(), Some(0), "a code is still an image");
    assert_eq!(
        names[4].as_str(),
        Some("Copy IRS (taxpayer@example.com) code")
    );
    window.close().await;
}
