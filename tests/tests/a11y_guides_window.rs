//! Issue 14, guides, in the real window and with the keyboard alone where a person can: the IRS guide
//! into its "the code did not come" help branch, back out of it to the step it came from, "Previous
//! step", the official address with Copy when the browser does not open, a guide named in a step, "No
//! number saved yet" with its way to add one, the guide in progress under "Your codes" after a restart,
//! and the link check's pointer to a guide when a message has no link.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use keystep_e2e::{
    AxeReport, Window, read_clipboard, screenshot, text_of, wait_for, wait_for_step, wait_for_text,
};

/// Where the IRS guide's first button leads (the catalog's IRS sign-in page).
const IRS_SIGN_IN: &str = "https://www.irs.gov/privacy-disclosure/creating-an-account-for-irsgov";
const NO_LINK_GUIDE_TITLE: &str = "Is this message or link really from the IRS?";

/// A PATH with tauri-driver and WebKitWebDriver and no browser opener (no xdg-open, gio, …): Keystep's
/// real "open the page" then fails as on a computer whose browser cannot start, and the step shows the
/// address to type instead.
fn path_without_a_browser(dir: &Path) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    for tool in ["tauri-driver", "WebKitWebDriver"] {
        let found = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect::<Vec<PathBuf>>())
            .unwrap_or_default()
            .into_iter()
            .map(|d| d.join(tool))
            .find(|p| p.exists());
        if let Some(real) = found {
            let _ = std::os::unix::fs::symlink(real, bin.join(tool));
        }
    }
    bin.display().to_string()
}

/// Is the element focused now the one matching `css`?
async fn focused_is(client: &Client, css: &str) -> bool {
    client
        .execute(
            "const el = document.activeElement; return !!el && el.matches(arguments[0]);",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Sends a key to whatever has the focus, as a keyboard does.
async fn press(client: &Client, key: Key) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&key.to_string())
        .await
        .unwrap();
}

/// Presses Tab until the element matching `css` has the focus (at most 80 times), then Enter: the way a
/// person without a mouse presses a button.
async fn tab_to_and_press(client: &Client, css: &str) {
    wait_for(client, css).await;
    for _ in 0..80 {
        if focused_is(client, css).await {
            press(client, Key::Enter).await;
            return;
        }
        press(client, Key::Tab).await;
    }
    panic!("Tab never reached {css}");
}

/// The new step's title has the focus, so a screen reader says where the person is.
async fn assert_step_title_focused(client: &Client) {
    for _ in 0..50 {
        if focused_is(client, "[data-testid=step-title]").await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the step title did not get the focus");
}

async fn exists(client: &Client, css: &str) -> bool {
    !client.find_all(Locator::Css(css)).await.unwrap().is_empty()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_irs_guide_by_keys_into_its_help_branch_out_again_and_a_step_back() {
    let scratch = tempfile::tempdir().unwrap();
    let path = path_without_a_browser(scratch.path());
    let env = [("PATH", path.as_str())];
    let mut window = Window::open(&env).await;
    let mut report = AxeReport::default();
    {
        let client = &window.client;
        wait_for(client, "[data-testid=empty-state]").await;
        tab_to_and_press(client, "[data-testid=nav-guides]").await;
        tab_to_and_press(client, "[data-testid='guide-start-irs-sign-in']").await;
        wait_for_step(client, "open-irs").await;

        // The first step offers no way back.
        assert!(!exists(client, "[data-testid=run-previous]").await);

        // The browser cannot start: the official address shows as text, with Copy.
        tab_to_and_press(client, "[data-testid='open-page-sign_in']").await;
        let mut failed = false;
        for _ in 0..50 {
            if exists(client, "[data-testid=open-page-error]").await {
                failed = true;
                break;
            }
            if !text_of(client, "[data-testid=open-page-status]")
                .await
                .is_empty()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if failed {
            assert_eq!(
                text_of(client, "[data-testid=open-page-address]").await,
                IRS_SIGN_IN
            );
            screenshot(client, "a11y-guides-address-shown.png").await;
            report.audit(client, "address shown").await;
            tab_to_and_press(client, "[data-testid=open-page-copy]").await;
            wait_for_text(client, "[data-testid=open-page-copy-status]", "Copied.").await;
            assert_eq!(read_clipboard().trim(), IRS_SIGN_IN);
        } else {
            eprintln!("a browser opener was still found: the address-and-Copy part was not shown");
        }

        // Next, then "Previous step" back to the first step, whose title gets the focus.
        tab_to_and_press(client, "[data-testid=run-next]").await;
        wait_for_step(client, "check-idme-page").await;
        tab_to_and_press(client, "[data-testid=run-previous]").await;
        wait_for_step(client, "open-irs").await;
        assert_step_title_focused(client).await;
        assert!(!exists(client, "[data-testid=run-previous]").await);

        for id in ["check-idme-page", "enter-email-password", "choose-method"] {
            tab_to_and_press(client, "[data-testid=run-next]").await;
            wait_for_step(client, id).await;
        }
        // "Text message or phone call": both are answers.
        let question = text_of(client, "[data-testid=step-question]").await;
        assert!(
            question.contains("A text message") && question.contains("A phone call"),
            "{question}"
        );
        tab_to_and_press(client, "[data-testid='answer-next']").await;
        wait_for_step(client, "watch-for-text").await;

        // No number is kept yet: the step offers to add one.
        let phone = text_of(client, "[data-testid=step-phone]").await;
        assert!(phone.contains("No number saved yet"), "{phone}");
        assert!(exists(client, "[data-testid=step-phone-add]").await);

        // Into the help branch: its way out names the step it came from, on every one of its steps.
        tab_to_and_press(client, "[data-testid='answer-branch:no-text']").await;
        wait_for_step(client, "no-text-phone").await;
        let out = "Back to step 5: Wait for the text or the call";
        assert!(
            text_of(client, "[data-testid=run-leave-branch]")
                .await
                .contains(out)
        );
        tab_to_and_press(client, "[data-testid=run-next]").await;
        wait_for_step(client, "no-text-number").await;
        assert!(
            text_of(client, "[data-testid=run-leave-branch]")
                .await
                .contains(out)
        );
        // The guide this step names is a link to it.
        assert!(exists(client, "[data-testid=guide-link-lost-phone]").await);
        screenshot(client, "a11y-guides-branch-way-out.png").await;
        report.audit(client, "help branch with its way out").await;

        tab_to_and_press(client, "[data-testid=run-leave-branch]").await;
        wait_for_step(client, "watch-for-text").await;
        assert_step_title_focused(client).await;
        assert!(!exists(client, "[data-testid=branch-title]").await);

        // Previous step from there is the step before the branch was entered.
        tab_to_and_press(client, "[data-testid=run-previous]").await;
        wait_for_step(client, "choose-method").await;
        let progress = text_of(client, "[data-testid=run-progress]").await;
        assert!(progress.contains("Step 4 of 8"), "{progress}");
        screenshot(client, "a11y-guides-previous-step.png").await;
    }

    // After a restart, "Your codes" says a guide is in progress, and Continue opens it where it was.
    window = window.restart(&env).await;
    let client = &window.client;
    wait_for(client, "[data-testid=empty-state]").await;
    let note = text_of(client, "[data-testid=guide-in-progress]").await;
    assert!(
        note.contains("You have a guide in progress: Sign in to your IRS online account"),
        "{note}"
    );
    screenshot(client, "a11y-guides-in-progress-note.png").await;
    report
        .audit(client, "your codes with a guide in progress")
        .await;
    tab_to_and_press(client, "[data-testid=guide-in-progress-continue]").await;
    wait_for_step(client, "choose-method").await;
    let current = wait_for(client, "[data-testid=nav-guides]")
        .await
        .attr("aria-current")
        .await
        .unwrap();
    assert_eq!(current.as_deref(), Some("page"));
    report.assert_clean();
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_link_check_without_a_link_points_to_the_irs_message_guide() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    wait_for(client, "[data-testid=empty-state]").await;
    tab_to_and_press(client, "[data-testid=nav-check]").await;
    let input = wait_for(client, "[data-testid=check-input]").await;
    input
        .send_keys(
            "This is the IRS. You owe back taxes. Call us today or a warrant will be issued.",
        )
        .await
        .unwrap();
    tab_to_and_press(client, "[data-testid=check-submit]").await;

    let pointer = text_of(client, "[data-testid=check-no-link-guide]").await;
    assert!(
        pointer.contains("can be a scam even without a link")
            && pointer.contains(NO_LINK_GUIDE_TITLE),
        "{pointer}"
    );
    screenshot(client, "a11y-guides-no-link-pointer.png").await;
    let mut report = AxeReport::default();
    report.audit(client, "link check without a link").await;

    tab_to_and_press(client, "[data-testid=check-open-guide]").await;
    wait_for(client, "[data-testid=run-screen]").await;
    let title = text_of(client, "[data-testid=run-screen] h1").await;
    assert_eq!(title, NO_LINK_GUIDE_TITLE);
    wait_for_step(client, "pause").await;
    report.assert_clean();
    window.close().await;
}
