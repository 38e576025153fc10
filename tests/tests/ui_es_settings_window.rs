//! Settings → Language in the real window: choosing Español turns the whole window to Spanish at once,
//! without a restart, says so in Spanish, and leaves the focus on the list; the choice is kept for the
//! next start. The start screens and Settings in Spanish pass axe-core, with screenshots in artifacts/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Client;
use keystep_e2e::{
    AxeReport, Window, click, focused_testid, page_lang, page_string, screen_name, screenshot,
    set_value, show_screen, wait_for, wait_for_text,
};

/// The text of the first element matching `css`, or "" when there is none.
async fn text_of(client: &Client, css: &str) -> String {
    page_string(
        client,
        "const el = document.querySelector(arguments[0]); return el ? el.textContent.trim() : '';",
        vec![css.into()],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_espanol_in_settings_turns_the_whole_window_to_spanish_at_once_and_keeps_the_focus()
 {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();

    show_screen(client, "settings").await;
    let choice = wait_for(client, "[data-testid=language-choice]").await;
    assert_eq!(
        text_of(client, "[data-testid=settings-screen] h1").await,
        "Settings"
    );
    // Each language is named in itself, so a person finds theirs in any language.
    let names = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=language-choice] option')].map(o => o.textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    let names: Vec<String> = names
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(names[1..], ["English".to_string(), "Español".to_string()]);
    assert!(names[0].starts_with("Same as this computer ("), "{names:?}");

    // As a person using the keyboard: the list has the focus when its value changes.
    client
        .execute(
            "arguments[0].focus();",
            vec![serde_json::to_value(&choice).unwrap()],
        )
        .await
        .unwrap();
    set_value(client, "[data-testid=language-choice]", "es", "change").await;

    // No restart: the same page, in Spanish, from the screens' names to the sections.
    wait_for_text(client, "[data-testid=settings-screen] h1", "Configuración").await;
    assert_eq!(screen_name(client, "settings").await, "Configuración");
    assert_eq!(screen_name(client, "codes").await, "Códigos");
    let headings = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=settings-screen] h2')].map(h => h.textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    let headings = headings.to_string();
    assert!(
        headings.contains("Idioma")
            && headings.contains("Copias de seguridad")
            && headings.contains("Contraseña de recuperación"),
        "{headings}"
    );
    assert_eq!(page_lang(client).await, "es");
    wait_for_text(
        client,
        "[data-testid=settings-announcement]",
        "Keystep ahora está en español.",
    )
    .await;
    assert_eq!(focused_testid(client).await, "language-choice");
    screenshot(client, "settings-es.png").await;
    axe.audit(client, "settings in Spanish").await;

    // Kept for the next start.
    let window = window.restart(&[]).await;
    let client = &window.client;
    wait_for(client, "[data-testid=empty-state]").await;
    assert_eq!(screen_name(client, "codes").await, "Códigos");
    assert_eq!(page_lang(client).await, "es");

    // And back to the computer's language.
    show_screen(client, "settings").await;
    set_value(client, "[data-testid=language-choice]", "system", "change").await;
    wait_for_text(client, "[data-testid=settings-screen] h1", "Settings").await;
    axe.assert_clean();
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_welcome_and_restore_screens_read_in_spanish() {
    let window = Window::open_fresh(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=welcome-screen]").await;
    // The choice Settings keeps, as if made before; the page reads it when it loads.
    client
        .execute(
            "localStorage.setItem('keystep.lang', 'es'); location.reload();",
            vec![],
        )
        .await
        .unwrap();
    wait_for_text(
        client,
        "[data-testid=welcome-screen] h1",
        "Le damos la bienvenida a Keystep",
    )
    .await;
    assert_eq!(
        text_of(client, "[data-testid=start-restore]").await,
        "Restaurar desde una copia de seguridad"
    );
    screenshot(client, "welcome-es.png").await;
    axe.audit(client, "welcome in Spanish").await;

    click(client, "[data-testid=start-restore]").await;
    wait_for_text(
        client,
        "[data-testid=choose-backup-file]",
        "Elegir el archivo de copia de seguridad",
    )
    .await;
    axe.audit(client, "restore in Spanish").await;
    axe.assert_clean();
    window.close().await;
}
