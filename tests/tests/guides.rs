//! Guided sign-in in the real window: the IRS guide from start to end, through the "no text arrived"
//! branch and back, with the live ID.me code in the code step, an official page opened through the
//! browser, progress kept across a restart, and axe-core on every guide screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use fantoccini::{Client, Locator};
use keystep_e2e::{
    AxeReport, Window, click, codes_around_now, screenshot, wait_for, wait_for_step, wait_for_text,
    write_clipboard,
};

const IDME_URI: &str =
    "otpauth://totp/ID.me:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=ID.me";

/// A stand-in for the browser: an `xdg-open` first on PATH that writes down what it was asked to open,
/// and then the WebKit tuning it inherited ("unset" when it inherited none).
/// Everything before it (the official-site check, the `open` call) is Keystep's real code.
fn fake_browser(dir: &Path) -> (String, std::path::PathBuf) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opened = dir.join("opened.txt");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n%s %s\\n' \"$1\" \"${{WEBKIT_DISABLE_COMPOSITING_MODE-unset}}\" \"${{JSC_useDFGJIT-unset}}\" >> '{}'\n",
            opened.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (path, opened)
}

async fn step_id(client: &Client) -> String {
    wait_for(client, "[data-testid=step-title]")
        .await
        .attr("data-step-id")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn next_to(client: &Client, id: &str) {
    click(client, "[data-testid=run-next]").await;
    wait_for_step(client, id).await;
}

async fn answer_to(client: &Client, goto: &str, id: &str) {
    click(client, &format!("[data-testid='answer-{goto}']")).await;
    wait_for_step(client, id).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_irs_guide_runs_to_the_end_through_the_no_text_branch_with_the_live_code() {
    let scratch = tempfile::tempdir().unwrap();
    let (path, opened) = fake_browser(scratch.path());
    let env = [("PATH", path.as_str())];
    let mut window = Window::open(&env).await;
    let mut report = AxeReport::default();

    {
        let client = &window.client;
        wait_for(client, "[data-testid=empty-state]").await;
        click(client, "[data-testid=add-account]").await;
        wait_for(client, "[data-testid=uri-input]")
            .await
            .send_keys(IDME_URI)
            .await
            .unwrap();
        click(client, "[data-testid=add-submit]").await;
        wait_for(client, "[data-testid=account-row]").await;

        click(client, "[data-testid=nav-guides]").await;
        wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
        report.audit(client, "guides list").await;
        click(client, "[data-testid='guide-start-irs-sign-in']").await;
        wait_for(client, "[data-testid=run-screen]").await;
        assert_eq!(step_id(client).await, "open-irs");

        // The page opens in the browser, and only after Keystep's official-site check.
        click(client, "[data-testid='open-page-sign_in']").await;
        let mut seen = String::new();
        for _ in 0..100 {
            seen = std::fs::read_to_string(&opened).unwrap_or_default();
            if seen.lines().count() >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The browser gets the address, and not the tuning Keystep set for its own WebKit (a WebKit
        // browser would run without compositing and without its optimizing JavaScript tier).
        assert_eq!(
            seen.lines().collect::<Vec<_>>(),
            [
                "https://www.irs.gov/privacy-disclosure/creating-an-account-for-irsgov",
                "unset unset"
            ]
        );
        report.audit(client, "first step").await;

        next_to(client, "check-idme-page").await;
    }

    // Progress survives closing Keystep.
    window = window.restart(&env).await;
    let client = &window.client;
    wait_for(client, "[data-testid=account-row]").await;
    click(client, "[data-testid=nav-guides]").await;
    let resume = wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
    let label = resume.text().await.unwrap();
    assert!(label.contains("Continue"), "{label}");
    resume.click().await.unwrap();
    wait_for_step(client, "check-idme-page").await;
    // The step names the exact ending and checks the address copied from the browser.
    let ending = wait_for(client, "[data-testid=check-address-ending]").await;
    assert_eq!(ending.text().await.unwrap(), ".id.me");
    screenshot(client, "guide-address-check.png").await;
    write_clipboard("https://api.id.me/en/session/new");
    click(client, "[data-testid=check-address-button]").await;
    wait_for_text(client, "[data-testid=check-result]", "Official ID.me site").await;
    write_clipboard("https://irs-verify.me/login");
    click(client, "[data-testid=nav-guides]").await;
    wait_for_step(client, "check-idme-page").await;
    click(client, "[data-testid=check-address-button]").await;
    let verdict = wait_for_text(client, "[data-testid=check-result]", "irs-verify.me").await;
    assert!(!verdict.contains("Official"), "{verdict}");
    click(client, "[data-testid=nav-guides]").await;
    wait_for_step(client, "check-idme-page").await;
    let progress = wait_for(client, "[data-testid=run-progress]").await;
    let progress_text = progress.text().await.unwrap_or_default();
    let valuenow = progress.attr("aria-valuenow").await.unwrap();
    let value = progress.attr("value").await.unwrap();
    assert!(
        valuenow.as_deref() == Some("1") || value.as_deref() == Some("1"),
        "progress after one step: {progress_text:?} {valuenow:?} {value:?}"
    );

    next_to(client, "enter-email-password").await;
    next_to(client, "choose-method").await;
    answer_to(client, "next", "watch-for-text").await;
    let phone = wait_for(client, "[data-testid=step-phone]").await;
    assert!(
        phone.text().await.unwrap().contains("No number saved yet"),
        "no phone number is kept yet"
    );

    // No text arrived: the help branch, then back to the same step.
    answer_to(client, "branch:no-text", "no-text-phone").await;
    let banner = wait_for(client, "[data-testid=branch-title]").await;
    assert!(
        banner
            .text()
            .await
            .unwrap()
            .contains("The code did not come by text or call")
    );
    screenshot(client, "guide-branch.png").await;
    report.audit(client, "help branch").await;
    next_to(client, "no-text-number").await;
    next_to(client, "no-text-resend").await;
    next_to(client, "no-text-other-way").await;
    next_to(client, "watch-for-text").await;
    assert!(
        client
            .find_all(Locator::Css("[data-testid=branch-title]"))
            .await
            .unwrap()
            .is_empty(),
        "back on the main path"
    );

    // The code step shows the live ID.me code, the same the core computes.
    answer_to(client, "enter-keystep-code", "enter-keystep-code").await;
    let code = wait_for(client, "[data-testid=step-code] [data-testid=code]").await;
    let shown = code.attr("data-code").await.unwrap().unwrap();
    let expected = codes_around_now(IDME_URI);
    assert!(
        expected.contains(&shown),
        "the step shows {shown}, the core computes {expected:?}"
    );
    screenshot(client, "guide-step.png").await;
    report.audit(client, "code step").await;

    answer_to(client, "next", "signed-in").await;
    click(client, "[data-testid=run-next]").await;
    let finished = wait_for(client, "[data-testid=run-finished]").await;
    assert!(!finished.text().await.unwrap().is_empty());
    report.audit(client, "finished").await;

    click(client, "[data-testid=run-back]").await;
    let start = wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
    assert!(!start.text().await.unwrap().contains("Continue"));
    let page = client.source().await.unwrap();
    assert!(page.contains("Done"), "the finished run is listed");
    window.close().await;

    report.assert_clean();
}
