//! Guides in Spanish in the real window: with Español chosen in Settings, the guides list and a run
//! show the bundled Spanish translation (titles taken from the translation files, not written here),
//! and a run started in Spanish continues at the same step in English after switching back.
//!
//! Needs the shell to pass the window's language to the core (`Keystep::set_lang`), so that
//! `list_guides` and the run views come in that language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Client;
use keystep_core::Lang;
use keystep_e2e::{
    Window, choose_language, click, page_string, screenshot, show_screen, wait_for, wait_for_step,
    wait_for_text,
};

/// The title of the guide card of `id`.
async fn card_title(client: &Client, id: &str) -> String {
    page_string(
        client,
        "const el = document.querySelector(`[data-testid=guide-card][data-guide-id='${arguments[0]}'] h2`); return el ? el.textContent.trim() : '';",
        vec![id.into()],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_irs_guide_shows_in_spanish_and_its_run_continues_in_english() {
    let library = keystep_core::load_guides(None);
    let es = library.guide_in("irs-sign-in", Lang::Es).unwrap();
    let en = library.guide_in("irs-sign-in", Lang::En).unwrap();
    assert!(es.translated, "the IRS guide has a bundled translation");

    let window = Window::open(&[]).await;
    let client = &window.client;
    choose_language(client, "es").await;

    show_screen(client, "guides").await;
    wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
    assert_eq!(card_title(client, "irs-sign-in").await, es.guide.title);
    screenshot(client, "guides-es.png").await;

    click(client, "[data-testid='guide-start-irs-sign-in']").await;
    wait_for(client, "[data-testid=run-screen]").await;
    wait_for_step(client, &es.guide.steps[0].id).await;
    wait_for_text(client, "[data-testid=step-title]", &es.guide.steps[0].title).await;
    click(client, "[data-testid=run-next]").await;
    wait_for_step(client, &es.guide.steps[1].id).await;
    wait_for_text(client, "[data-testid=step-title]", &es.guide.steps[1].title).await;
    screenshot(client, "guide-run-es.png").await;

    // Back to English: the Guides screen goes back to the open run, at the same step, in English.
    choose_language(client, "en").await;
    show_screen(client, "guides").await;
    wait_for_step(client, &en.guide.steps[1].id).await;
    wait_for_text(client, "[data-testid=step-title]", &en.guide.steps[1].title).await;
}
