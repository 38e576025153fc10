//! The clock check in the real window, against SNTP responders on 127.0.0.1 chosen in Settings: no
//! answer and broken answers leave the codes alone with no banner; two servers two minutes ahead bring
//! the banner and codes made for now + 120 s; turning the check off takes both away.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_e2e::sntp::{Answer, SntpResponder};
use keystep_e2e::{
    AxeReport, Window, add_account_by_link, bring_into_view, click, codes_around, codes_around_now,
    screenshot, shown_code, wait_for, wait_for_text,
};

const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";

fn now_s() -> u64 {
    keystep_core::app::unix_now_ms() / 1000
}

/// Types `servers` (one per line) into Settings' time servers and saves them: Keystep checks at once.
async fn use_servers(window: &Window, servers: &[&SntpResponder]) {
    let client = &window.client;
    let field = wait_for(client, "[data-testid=clock-servers]").await;
    // Settings begins with the language, which puts the field below the fold of the page.
    bring_into_view(client, &field).await;
    field.clear().await.unwrap();
    // One per line, with the Enter key between them, as a person types them.
    let lines: Vec<&str> = servers.iter().map(|s| s.address.as_str()).collect();
    field
        .send_keys(&lines.join(&char::from(fantoccini::key::Key::Enter).to_string()))
        .await
        .unwrap();
    click(client, "[data-testid=clock-servers-save]").await;
}

/// The code the row shows once it is one of `expected()` (the page asks for codes again when a
/// check ends, and paints them a moment later); fails with the code it shows.
async fn row_code_among(window: &Window, expected: impl Fn() -> Vec<String>, what: &str) -> String {
    let mut code = String::new();
    for _ in 0..80 {
        let row = wait_for(&window.client, "[data-testid=account-row]").await;
        code = shown_code(&row).await;
        if expected().contains(&code) {
            return code;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the window shows {code}, not a code of {what}");
}

async fn banner_shown(window: &Window) -> bool {
    window
        .client
        .find(fantoccini::Locator::Css("[data-testid=clock-banner]"))
        .await
        .is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clock_two_minutes_slow_brings_the_banner_and_codes_for_network_time_and_broken_answers_do_not()
 {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    add_account_by_link(client, URI).await;

    click(client, "[data-testid=nav-settings]").await;
    wait_for(client, "[data-testid=clock-check]").await;
    click(client, "[data-testid=clock-servers-toggle]").await;

    // No answer within the timeout: said in Settings, no banner, codes as they were.
    let quiet_a = SntpResponder::start(Answer::Silent);
    let quiet_b = SntpResponder::start(Answer::Silent);
    use_servers(&window, &[&quiet_a, &quiet_b]).await;
    wait_for_text(
        client,
        "[data-testid=clock-result]",
        "No time server answered",
    )
    .await;
    assert!(!banner_shown(&window).await);

    // Garbage, a client-mode packet and a zero timestamp, all claiming two minutes: ignored.
    let garbage = SntpResponder::start(Answer::Garbage);
    let wrong_mode = SntpResponder::start(Answer::WrongMode(120_000));
    let zero = SntpResponder::start(Answer::ZeroTimestamp);
    use_servers(&window, &[&garbage, &wrong_mode, &zero]).await;
    wait_for_text(client, "[data-testid=clock-result]", "could not be used").await;
    assert!(
        !banner_shown(&window).await,
        "a broken answer moved nothing"
    );
    axe.audit(client, "settings, clock check").await;
    click(client, "[data-testid=nav-codes]").await;
    row_code_among(&window, || codes_around_now(URI), "now").await;

    // Two servers agree that the clock is two minutes slow.
    let ahead_a = SntpResponder::start(Answer::Offset(120_000));
    let ahead_b = SntpResponder::start(Answer::Offset(120_000));
    click(client, "[data-testid=nav-settings]").await;
    use_servers(&window, &[&ahead_a, &ahead_b]).await;
    wait_for_text(client, "[data-testid=clock-result]", "2 minutes slow").await;
    let banner = wait_for_text(client, "[data-testid=clock-banner]", "2 minutes slow").await;
    assert!(banner.contains("Set time automatically"), "{banner}");
    click(client, "[data-testid=nav-codes]").await;
    let code = row_code_among(&window, || codes_around(URI, now_s() + 120), "now + 120 s").await;
    assert!(
        !codes_around_now(URI).contains(&code),
        "{code} is also a code of the uncorrected clock: the test proves nothing"
    );
    axe.audit(client, "codes with the clock banner").await;
    screenshot(client, "clock-banner.png").await;

    // Turned off: no banner, and codes for the computer's own clock again.
    click(client, "[data-testid=nav-settings]").await;
    click(client, "[data-testid=clock-check]").await;
    wait_for_text(
        client,
        "[data-testid=settings-announcement]",
        "no longer checks",
    )
    .await;
    assert!(!banner_shown(&window).await);
    click(client, "[data-testid=nav-codes]").await;
    row_code_among(&window, || codes_around_now(URI), "now").await;
    axe.assert_clean();
    window.close().await;
}
