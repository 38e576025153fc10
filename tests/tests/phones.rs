//! Phone numbers in the real window: add two numbers and three accounts, see the review flag the
//! account whose only way in is a text, plan a change of number, work through it, and see the old
//! number marked gone, with axe-core on every new screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use fantoccini::{Client, Locator};
use keystep_e2e::{
    AxeReport, Window, click, read_clipboard, screenshot, type_into, wait_for, wait_for_text,
};

async fn select(client: &Client, css: &str, value: &str) {
    wait_for(client, css)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choosing {value} in {css}: {e}"));
}

async fn add_number(client: &Client, number: &str, label: &str, kind: &str, e164: &str) {
    let input = wait_for(client, "[data-testid=phone-number-input]").await;
    input.clear().await.unwrap();
    input.send_keys(number).await.unwrap();
    let label_input = wait_for(client, "[data-testid=phone-label-input]").await;
    label_input.clear().await.unwrap();
    label_input.send_keys(label).await.unwrap();
    select(client, "[data-testid=phone-kind-select]", kind).await;
    click(client, "[data-testid=phone-add-submit]").await;
    wait_for(
        client,
        &format!("[data-testid=phone-row][data-e164='{e164}']"),
    )
    .await;
}

/// Adds a catalog service and ticks its code numbers (and security key), then saves.
async fn add_service(client: &Client, id: &str, name: &str, code_numbers: &[&str], key: bool) {
    select(client, "[data-testid=service-select]", id).await;
    click(client, "[data-testid=service-add-submit]").await;
    let row_css = format!("[data-testid=service-row][data-service-name='{name}']");
    wait_for(client, &row_css).await;
    for e164 in code_numbers {
        click(
            client,
            &format!("{row_css} [data-testid=code-phone][data-e164='{e164}']"),
        )
        .await;
    }
    if key {
        click(client, &format!("{row_css} [data-testid=security-key]")).await;
    }
    click(client, &format!("{row_css} [data-testid=service-save]")).await;
    // The save is done when the row no longer says it has unsaved changes; the next service is
    // chosen only then, as a person would after seeing it saved (the list reloads on save).
    let unsaved = format!("{row_css} [data-testid=service-unsaved]");
    for _ in 0..100 {
        if client.find(Locator::Css(&unsaved)).await.is_err() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{name} was never saved");
}

async fn review_codes(client: &Client) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in client
        .find_all(Locator::Css("[data-testid=review-item]"))
        .await
        .unwrap()
    {
        out.push((
            item.attr("data-code").await.unwrap().unwrap_or_default(),
            item.text().await.unwrap_or_default(),
        ));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn numbers_accounts_review_and_a_planned_change_in_the_real_window() {
    let window = Window::open(&[("KEYSTEP_REGION", "US")]).await;
    let client = &window.client;
    let mut report = AxeReport::default();

    wait_for(client, "[data-testid=empty-state]").await;
    click(client, "[data-testid=nav-phones]").await;
    wait_for(client, "[data-testid=phone-number-input]").await;
    report.audit(client, "empty phones screen").await;

    add_number(
        client,
        "(202) 555-0143",
        "My mobile",
        "mobile",
        "+12025550143",
    )
    .await;
    add_number(
        client,
        "202 555 0188",
        "Google Voice",
        "voip",
        "+12025550188",
    )
    .await;

    // A bad number gets a message next to the field, and nothing is added.
    type_into(client, "[data-testid=phone-number-input]", "555-01").await;
    click(client, "[data-testid=phone-add-submit]").await;
    wait_for(
        client,
        "[data-testid=phone-number-input][aria-invalid=true]",
    )
    .await;
    assert_eq!(
        client
            .find_all(Locator::Css("[data-testid=phone-row]"))
            .await
            .unwrap()
            .len(),
        2
    );
    wait_for(client, "[data-testid=phone-number-input]")
        .await
        .clear()
        .await
        .unwrap();

    add_service(client, "idme", "ID.me", &["+12025550143"], false).await;
    add_service(client, "logingov", "Login.gov", &["+12025550143"], true).await;
    add_service(
        client,
        "google",
        "Google Account (Gmail)",
        &["+12025550143", "+12025550188"],
        false,
    )
    .await;

    // Backup codes go in, and never come back to the page: only how many are left.
    let google = "[data-testid=service-row][data-service-name='Google Account (Gmail)']";
    // The paste box opens on demand, so a row stays short.
    click(
        client,
        &format!("{google} [data-testid=backup-codes-paste]"),
    )
    .await;
    type_into(
        client,
        &format!("{google} [data-testid=backup-codes-input]"),
        // WebKitWebDriver drops a bare "\n"; the Enter key (U+E007) makes the line break.
        "9876-5432\u{E007}1234-8765",
    )
    .await;
    click(client, &format!("{google} [data-testid=backup-codes-save]")).await;
    let left_css = format!("{google} [data-testid=backup-codes-left]");
    wait_for_text(client, &left_css, "2 of 2").await;
    // Copy hands the next code to the clipboard from Rust and marks it used.
    click(client, &format!("{google} [data-testid=backup-code-copy]")).await;
    wait_for_text(client, &left_css, "1 of 2").await;
    assert_eq!(read_clipboard(), "9876-5432");
    let source = client.source().await.unwrap();
    assert!(
        !source.contains("9876-5432") && !source.contains("1234-8765"),
        "the page holds a backup code"
    );

    // The review flags ID.me: its only second step is a text to one number.
    let mut flagged = Vec::new();
    for _ in 0..50 {
        flagged = review_codes(client).await;
        if flagged
            .iter()
            .any(|(code, text)| code == "only_one_phone" && text.contains("ID.me"))
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        flagged
            .iter()
            .any(|(code, text)| code == "only_one_phone" && text.contains("ID.me")),
        "{flagged:?}"
    );
    assert!(
        !flagged
            .iter()
            .any(|(code, text)| code == "only_one_phone" && text.contains("Login.gov")),
        "Login.gov has a security key: {flagged:?}"
    );
    // The review is what the README shows: bring it into view (it follows the services, so that a
    // finding that comes or goes never pushes the rows being worked on).
    client
        .execute(
            "document.querySelector('[data-testid=review-item]').closest('section').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await
        .unwrap();
    screenshot(client, "phones.png").await;
    report.audit(client, "phones with review").await;

    // Plan the move from the mobile to a new number and work through it.
    select(client, "[data-testid=plan-from]", "+12025550143").await;
    type_into(client, "[data-testid=plan-to-input]", "(202) 555-0199").await;
    click(client, "[data-testid=plan-submit]").await;
    wait_for(client, "[data-testid=run-screen]").await;
    let first = wait_for(client, "[data-testid=step-title]").await;
    assert_eq!(
        first.attr("data-step-id").await.unwrap().as_deref(),
        Some("keep-old-number")
    );
    click(client, "[data-testid=run-next]").await;
    // Email comes first: it recovers everything else.
    let second = client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::XPath(
            "//*[@data-testid='step-title'][contains(., 'Google')]",
        ))
        .await
        .unwrap();
    assert!(second.text().await.unwrap().contains("Update"));
    screenshot(client, "plan-step.png").await;
    report.audit(client, "plan step").await;
    for _ in 0..10 {
        if !client
            .find_all(Locator::Css("[data-testid=run-finished]"))
            .await
            .unwrap()
            .is_empty()
        {
            break;
        }
        let before = wait_for(client, "[data-testid=step-title]")
            .await
            .attr("data-step-id")
            .await
            .unwrap();
        click(client, "[data-testid=run-next]").await;
        for _ in 0..100 {
            let done = !client
                .find_all(Locator::Css("[data-testid=run-finished]"))
                .await
                .unwrap()
                .is_empty();
            let now = match client.find(Locator::Css("[data-testid=step-title]")).await {
                Ok(t) => t.attr("data-step-id").await.unwrap_or_default(),
                Err(_) => None,
            };
            if done || now != before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    wait_for(client, "[data-testid=run-finished]").await;
    click(client, "[data-testid=run-back]").await;

    // The old number is gone, the new one carries the accounts, and the review has nothing on it.
    wait_for_text(
        client,
        "[data-testid=phone-row][data-e164='+12025550143'] [data-testid=phone-status]",
        "gone",
    )
    .await;
    let new_row = wait_for(client, "[data-testid=phone-row][data-e164='+12025550199']").await;
    assert!(new_row.text().await.unwrap().contains("ID.me"));
    let after = review_codes(client).await;
    assert!(
        !after.iter().any(|(_, text)| text.contains("555-0143")),
        "{after:?}"
    );
    report.audit(client, "after the change").await;
    window.close().await;

    report.assert_clean();
}
