//! Issue 15 on "Your codes" and the Add dialog, in the real window: on a computer set to Spanish the
//! codes screen, the Add dialog and what screen readers hear of a code are in Spanish (with the words
//! the Spanish guides use for the same buttons), the longer Spanish words still fit the window's first
//! size, and axe-core finds nothing on the Spanish screens; choosing Español in Settings turns the codes
//! already on screen to Spanish without a restart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fantoccini::Client;
use keystep_e2e::{
    AxeReport, SPANISH_COMPUTER, Window, add_account_by_link, click, screenshot, set_value,
    show_screen, sideways_overflow, text_of, type_into, wait_for, wait_for_text,
};

const URI: &str = "otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";

async fn js(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

async fn attr_of(client: &Client, css: &str, name: &str) -> String {
    wait_for(client, css)
        .await
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_codes_screen_and_the_add_dialog_speak_spanish_on_a_spanish_computer() {
    let window = Window::open(&SPANISH_COMPUTER).await;
    let client = &window.client;
    let mut axe = AxeReport::default();

    // The empty codes screen.
    wait_for_text(client, "h1", "Sus códigos").await;
    assert_eq!(
        js(client, "return document.documentElement.lang;").await,
        "es"
    );
    wait_for_text(
        client,
        "[data-testid=empty-state]",
        "Todavía no hay cuentas.",
    )
    .await;
    assert_eq!(
        text_of(client, "[data-testid=add-account]").await,
        "Agregar cuenta"
    );
    axe.audit(client, "es: no accounts").await;

    // The Add dialog, with the guides' words for its buttons.
    click(client, "[data-testid=add-account]").await;
    wait_for_text(client, "[data-testid=add-dialog] h2", "Agregar una cuenta").await;
    assert_eq!(
        text_of(client, "[data-testid=mode-uri]").await,
        "Pegar un enlace de configuración"
    );
    assert_eq!(
        text_of(client, "[data-testid=mode-key]").await,
        "Escribir la clave de configuración"
    );
    assert_eq!(text_of(client, "[data-testid=add-submit]").await, "Agregar");
    let overflow = sideways_overflow(client).await;
    assert!(
        overflow.is_empty(),
        "the Spanish Add dialog sticks out: {overflow:?}"
    );
    axe.audit(client, "es: add dialog").await;
    screenshot(client, "ui-es-add-dialog.png").await;

    // The account, by its link.
    type_into(client, "[data-testid=uri-input]", URI).await;
    click(client, "[data-testid=add-submit]").await;
    wait_for(client, "[data-testid=account-row]").await;
    wait_for_text(client, "[data-testid=status-line]", "Se agregó IRS").await;

    // The row's buttons and what screen readers hear.
    assert_eq!(text_of(client, "[data-testid=copy-button]").await, "Copiar");
    let copy_name = attr_of(client, "[data-testid=copy-button]", "aria-label").await;
    assert!(
        copy_name.starts_with("Copiar el código de IRS"),
        "Copy is named {copy_name:?}"
    );
    assert_eq!(
        text_of(client, "[data-testid=rename-button]").await,
        "Cambiar nombre"
    );
    assert_eq!(
        text_of(client, "[data-testid=delete-button]").await,
        "Eliminar"
    );
    let spoken = js(
        client,
        "return document.querySelector('[data-testid=code-spoken]').textContent;",
    )
    .await;
    let spoken = spoken.as_str().unwrap();
    assert!(
        spoken.starts_with("Código de IRS ")
            && (spoken.contains(", quedan ") || spoken.ends_with(", queda 1 segundo")),
        "the code is said as {spoken:?}"
    );
    let timer = attr_of(client, "[data-testid=countdown]", "aria-label").await;
    assert!(
        timer.starts_with("Queda"),
        "the countdown is named {timer:?}"
    );

    // The longer Spanish names of the row's buttons still fit the window's first size.
    let overflow = sideways_overflow(client).await;
    assert!(
        overflow.is_empty(),
        "the Spanish codes screen sticks out: {overflow:?}"
    );
    axe.audit(client, "es: codes").await;

    click(client, "[data-testid=copy-button]").await;
    wait_for_text(client, "[data-testid=status-line]", "Copiado.").await;
    screenshot(client, "ui-es-codes.png").await;

    axe.assert_clean();
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_espanol_in_settings_turns_the_codes_on_screen_to_spanish_without_a_restart() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    add_account_by_link(client, URI).await;
    assert_eq!(text_of(client, "[data-testid=copy-button]").await, "Copy");

    show_screen(client, "settings").await;
    wait_for(client, "[data-testid=language-choice]").await;
    set_value(client, "[data-testid=language-choice]", "es", "change").await;
    show_screen(client, "codes").await;

    // The same rows, now in Spanish, and the spoken code follows at its next second.
    wait_for_text(client, "[data-testid=copy-button]", "Copiar").await;
    wait_for_text(client, "h1", "Sus códigos").await;
    let copy_name = attr_of(client, "[data-testid=copy-button]", "aria-label").await;
    assert!(
        copy_name.starts_with("Copiar el código de IRS"),
        "Copy is named {copy_name:?}"
    );
    let mut spoken = String::new();
    for _ in 0..30 {
        spoken = js(
            client,
            "return document.querySelector('[data-testid=code-spoken]').textContent;",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
        if spoken.starts_with("Código de IRS ") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        spoken.starts_with("Código de IRS "),
        "the code is said as {spoken:?}"
    );
    let overflow = sideways_overflow(client).await;
    assert!(
        overflow.is_empty(),
        "the Spanish codes screen sticks out: {overflow:?}"
    );

    // Back to the computer's language, so the choice kept in the page's storage is gone.
    show_screen(client, "settings").await;
    set_value(client, "[data-testid=language-choice]", "system", "change").await;
    show_screen(client, "codes").await;
    wait_for_text(client, "[data-testid=copy-button]", "Copy").await;
    window.close().await;
}
