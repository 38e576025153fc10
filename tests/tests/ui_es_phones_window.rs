//! The phone numbers screen in Spanish in the real window (issue 15): switched in Settings without a
//! restart, its own words and screen-reader names in Spanish, days spelled out the Spanish way, days
//! typed the Spanish way ("20 de enero de 2031", "3/2/2031" day first) read right, the review fetched
//! again so the core's sentences follow the language, and axe-core clean on the Spanish screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use fantoccini::Client;
use keystep_e2e::{
    AxeReport, Window, click, js_click, screenshot, set_value, show_screen, type_into, wait_for,
    wait_for_lang, wait_for_text,
};

const ROW: &str = "[data-testid=phone-row][data-e164='+12025550143']";
const IDME: &str = "[data-testid=service-row][data-service-name='ID.me']";

/// Lets a reload land and paint (the screen reloads everything after a change).
async fn settle() {
    tokio::time::sleep(Duration::from_millis(600)).await;
}

/// The accessible name a screen reader gets for the element matching `css` from its text (including
/// the words only screen readers get), or its aria-label.
async fn spoken_name(client: &Client, css: &str) -> String {
    let v = client
        .execute(
            "const el = document.querySelector(arguments[0]);
             if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
             const named = el.matches('input') ? el.closest('label') : el;
             return named.textContent.replace(/\\s+/g, ' ').trim();",
            vec![css.into()],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_string()
}

/// Chooses the window's language in Settings, as a person would, and comes back to the phone screen.
async fn choose_language(client: &Client, lang: &str) {
    show_screen(client, "settings").await;
    // Chosen from inside the page: WebKitWebDriver's click on an <option> may not tell the page.
    set_value(client, "[data-testid=language-choice]", lang, "change").await;
    wait_for_lang(client, lang).await;
    show_screen(client, "phones").await;
    settle().await;
}

/// Types `day` as the day the number stops working, saves, and waits for the row to say `shown`.
async fn leave_on(client: &Client, day: &str, shown: &str) {
    js_click(client, &format!("{ROW} [data-testid=phone-edit]")).await;
    set_value(
        client,
        "[data-testid=phone-status-select]",
        "leaving",
        "change",
    )
    .await;
    // Replaces what the field shows (the saved day, spelled out), as select-all and typing would.
    set_value(client, "[data-testid=phone-date-input]", day, "input").await;
    click(client, "[data-testid=phone-save]").await;
    wait_for_text(client, &format!("{ROW} [data-testid=phone-status]"), shown).await;
}

async fn saved_day(client: &Client) -> String {
    wait_for(client, &format!("{ROW} [data-testid=phone-status]"))
        .await
        .attr("data-on")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_phone_screen_speaks_spanish_and_reads_spanish_days() {
    let window = Window::open(&[("KEYSTEP_REGION", "US")]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();

    // In English: a number, ID.me sending codes to it, and the number leaving on a day.
    show_screen(client, "phones").await;
    type_into(client, "[data-testid=phone-number-input]", "(202) 555-0143").await;
    click(client, "[data-testid=phone-add-submit]").await;
    wait_for(client, ROW).await;
    set_value(client, "[data-testid=service-select]", "idme", "change").await;
    click(client, "[data-testid=service-add-submit]").await;
    wait_for(client, IDME).await;
    click(
        client,
        &format!("{IDME} [data-testid=code-phone][data-e164='+12025550143']"),
    )
    .await;
    click(client, &format!("{IDME} [data-testid=service-save]")).await;
    leave_on(client, "12/15/2030", "leaving on December 15, 2030").await;
    let leaving =
        "[data-testid=review-item][data-code=leaving_number] [data-testid=review-message]";
    wait_for_text(client, leaving, "December 15, 2030").await;

    // Spanish, chosen in Settings: the screen's words, the day and the review follow, with no restart.
    choose_language(client, "es").await;
    wait_for_text(
        client,
        "[data-testid=phones-screen] h1",
        "Números de teléfono",
    )
    .await;
    wait_for_text(
        client,
        &format!("{ROW} [data-testid=phone-status]"),
        "deja de funcionar el 15 de diciembre de 2030",
    )
    .await;
    let message = wait_for_text(client, leaving, "15 de diciembre de 2030").await;
    // The review was fetched again: the core's sentence is in Spanish too (the core speaks the window's
    // language once told; its English says "stops working").
    assert!(
        !message.contains("stops working"),
        "the review's sentence is still English: {message:?}"
    );
    wait_for_text(client, "[data-testid=review-summary]", "sin acceso").await;
    assert_eq!(
        spoken_name(client, &format!("{IDME} [data-testid=backup-codes-paste]")).await,
        "Pegar códigos de respaldo para ID.me"
    );
    assert_eq!(
        spoken_name(client, &format!("{IDME} form")).await,
        "Cómo inicia sesión en ID.me"
    );
    screenshot(client, "es-phones.png").await;
    axe.audit(client, "Spanish phone screen").await;

    // Days typed the Spanish way: month names, and numbers day first.
    leave_on(
        client,
        "20 de enero de 2031",
        "deja de funcionar el 20 de enero de 2031",
    )
    .await;
    assert_eq!(saved_day(client).await, "2031-01-20");
    leave_on(
        client,
        "3/2/2031",
        "deja de funcionar el 3 de febrero de 2031",
    )
    .await;
    assert_eq!(saved_day(client).await, "2031-02-03");

    // A day it cannot read is explained in Spanish, with Spanish examples.
    js_click(client, &format!("{ROW} [data-testid=phone-edit]")).await;
    set_value(
        client,
        "[data-testid=phone-date-input]",
        "pasado mañana",
        "input",
    )
    .await;
    click(client, "[data-testid=phone-save]").await;
    wait_for_text(
        client,
        &format!("{ROW} form"),
        "Escríbala así: 15/12/2026 o 15 de diciembre de 2026.",
    )
    .await;
    screenshot(client, "es-phones-date-error.png").await;
    axe.audit(client, "Spanish phone screen, a day not understood")
        .await;

    // Back to English: the same screen, the review fetched again.
    choose_language(client, "en").await;
    wait_for_text(client, "[data-testid=phones-screen] h1", "Phone numbers").await;
    wait_for_text(client, leaving, "February 3, 2031").await;
    window.close().await;
    axe.assert_clean();
}
