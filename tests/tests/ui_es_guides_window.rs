//! Issue 15, the guides in Spanish in the real window: the words around a guide (progress, moves, the
//! list) change language in place with Settings → Language, and the guide's own words are fetched again
//! from the core in Spanish, for the open step and for the list; the link check and Help follow the
//! computer's language when it is Spanish. Screenshots and axe-core on each Spanish screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use fantoccini::Client;
use keystep_e2e::{
    AxeReport, Window, click, page_lang, screenshot, set_value, show_screen, text_of, type_into,
    wait_for, wait_for_lang, wait_for_text,
};

/// The title the bundled guide `id` has in `lang` ("" for English), read from its file.
fn bundled_title(lang: &str, id: &str) -> String {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/keystep-core/data/guides");
    let file = if lang.is_empty() {
        dir.join(format!("{id}.toml"))
    } else {
        dir.join(lang).join(format!("{id}.toml"))
    };
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let line = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    line.trim_start_matches("title = ")
        .trim_matches('"')
        .to_string()
}

async fn attribute(client: &Client, css: &str, name: &str) -> String {
    wait_for(client, css)
        .await
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Waits (up to 10 s) until the element matching `css` shows exactly `expected`.
async fn wait_for_exact(client: &Client, css: &str, expected: &str) {
    let mut seen = String::new();
    for _ in 0..100 {
        seen = text_of(client, css).await;
        if seen.trim() == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} shows {seen:?}, not {expected:?}");
}

const IRS_CARD_TITLE: &str = "[data-guide-id='irs-sign-in'] h2";

#[tokio::test(flavor = "multi_thread")]
async fn a_guide_and_the_guides_list_change_to_spanish_in_place() {
    let env = [("LANGUAGE", "en"), ("LANG", "en_US.UTF-8")];
    let window = Window::open(&env).await;
    let mut report = AxeReport::default();
    {
        let client = &window.client;
        wait_for(client, "[data-testid=empty-state]").await;
        show_screen(client, "guides").await;
        wait_for_exact(client, IRS_CARD_TITLE, &bundled_title("", "irs-sign-in")).await;

        // A run open in English: its step and the words around it.
        click(client, "[data-testid='guide-start-irs-sign-in']").await;
        wait_for(client, "[data-testid=step-title][data-step-id='open-irs']").await;
        wait_for_exact(client, "[data-testid=run-next]", "Done, next step").await;
        let english_step = text_of(client, "[data-testid=step-title]").await;

        // Settings → Language → Español, while the run stays open behind it.
        show_screen(client, "settings").await;
        set_value(client, "[data-testid=language-choice]", "es", "change").await;
        wait_for_lang(client, "es").await;

        // Back on the guide: the same step, now in Spanish from the core, and Spanish buttons around it.
        show_screen(client, "guides").await;
        wait_for(client, "[data-testid=step-title][data-step-id='open-irs']").await;
        wait_for_exact(client, "[data-testid=run-next]", "Listo, siguiente paso").await;
        let mut spanish_step = String::new();
        for _ in 0..100 {
            spanish_step = text_of(client, "[data-testid=step-title]").await;
            if spanish_step != english_step {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_ne!(
            spanish_step, english_step,
            "the open step was not fetched again in Spanish"
        );
        assert!(
            attribute(client, "[data-testid=run-progress]", "aria-valuetext")
                .await
                .starts_with("Paso 1 de "),
            "progress"
        );
        assert_eq!(
            attribute(client, "[data-testid=run-progress]", "aria-label").await,
            "Avance en esta guía"
        );
        wait_for_text(client, "[data-testid=run-back]", "Volver a todas las guías").await;
        // A translated guide carries no note about being in English.
        assert!(
            client
                .find_all(fantoccini::Locator::Css("[data-testid=run-not-translated]"))
                .await
                .unwrap()
                .is_empty()
        );
        screenshot(client, "ui-es-guides-run.png").await;
        report.audit(client, "a run in Spanish").await;

        // The list: its heading, the guide's Spanish title from the core, and the run it keeps.
        click(client, "[data-testid=run-back]").await;
        wait_for_exact(
            client,
            "[data-testid=guides-screen] h1",
            "Inicio de sesión guiado",
        )
        .await;
        wait_for_exact(client, IRS_CARD_TITLE, &bundled_title("es", "irs-sign-in")).await;
        let start = "[data-testid='guide-start-irs-sign-in']";
        wait_for_text(client, start, "Continuar (paso 1 de ").await;
        let name = attribute(client, start, "aria-label").await;
        assert_eq!(
            name,
            format!(
                "{}: {}",
                text_of(client, start).await.trim(),
                bundled_title("es", "irs-sign-in")
            )
        );
        screenshot(client, "ui-es-guides-list.png").await;
        report.audit(client, "the guides list in Spanish").await;
    }
    window.close().await;
    report.assert_clean();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_link_check_and_help_speak_spanish_on_a_spanish_computer() {
    let env = [("LANGUAGE", "es"), ("LANG", "es_US.UTF-8")];
    let window = Window::open(&env).await;
    let mut report = AxeReport::default();
    {
        let client = &window.client;
        wait_for(client, "[data-testid=empty-state]").await;
        assert_eq!(
            page_lang(client).await,
            "es",
            "the window did not follow the computer's Spanish"
        );

        show_screen(client, "check").await;
        wait_for_exact(
            client,
            "[data-testid=check-screen] h1",
            "¿Este enlace es real?",
        )
        .await;
        type_into(
            client,
            "[data-testid=check-input]",
            "IRS: confirme en https://irs-gov.refund-help.com/claim o vea https://www.irs.gov/refunds",
        )
        .await;
        click(client, "[data-testid=check-submit]").await;
        wait_for_text(
            client,
            "[data-testid=check-summary]",
            "Se revisaron 2 enlaces: 1 advertencia, 1 oficial.",
        )
        .await;
        let verdicts = client
            .execute(
                "return [...document.querySelectorAll('[data-testid=check-verdict]')].map((v) => v.textContent.trim());",
                vec![],
            )
            .await
            .unwrap();
        let verdicts: Vec<String> = serde_json::from_value(verdicts).unwrap();
        assert!(
            verdicts[0].starts_with("Advertencia: este no es un enlace real de "),
            "{verdicts:?}"
        );
        assert!(verdicts[1].starts_with("Sitio oficial de "), "{verdicts:?}");
        assert_eq!(
            attribute(client, "[data-testid=check-reasons]", "aria-label").await,
            "Por qué"
        );
        let reasons = text_of(client, "[data-testid=check-reasons]").await;
        assert!(reasons.contains("refund-help.com"), "{reasons}");
        assert!(
            !reasons.contains("belongs to"),
            "a reason is still in English: {reasons}"
        );
        wait_for_text(
            client,
            "[data-testid=check-advice]",
            "No lo abra ni responda.",
        )
        .await;
        screenshot(client, "ui-es-check-link.png").await;
        report.audit(client, "the link check in Spanish").await;

        show_screen(client, "help").await;
        wait_for_exact(client, "[data-testid=help-screen] h1", "Ayuda").await;
        wait_for_text(
            client,
            "[data-testid=shortcut-list]",
            "Buscar en sus códigos",
        )
        .await;
        wait_for_text(
            client,
            "[data-testid=help-screen]",
            "Nunca le dé un código de inicio de sesión a nadie",
        )
        .await;
        screenshot(client, "ui-es-help.png").await;
        report.audit(client, "Help in Spanish").await;
    }
    window.close().await;
    report.assert_clean();
}
