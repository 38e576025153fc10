//! Issue 15 end to end: a person whose computer speaks Spanish opens Keystep, and the window is in
//! Spanish from the first screen; the IRS guide runs in Spanish into its "the code did not come" help
//! branch and back; the phone screen's review speaks Spanish; axe-core finds nothing on any of these
//! screens; screenshots go to artifacts/ (es-*.png). The Spanish words the guide must show are read from
//! the bundled translation, not written here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_core::Lang;
use keystep_e2e::{
    AxeReport, SPANISH_COMPUTER, Window, click, page_lang, screen_name, screenshot, set_value,
    show_screen, sideways_overflow, text_of, type_into, wait_for, wait_for_step, wait_for_text,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_spanish_computer_gets_the_irs_guide_and_the_phone_review_in_spanish() {
    let library = keystep_core::load_guides(None);
    let guide = library.guide_in("irs-sign-in", Lang::Es).unwrap();
    assert!(guide.translated, "the IRS guide has a Spanish translation");
    let guide = guide.guide;
    let step = |id: &str| {
        guide
            .all_steps()
            .find(|(_, s)| s.id == id)
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| panic!("step {id} in the Spanish IRS guide"))
    };

    let window =
        Window::open_fresh(&[SPANISH_COMPUTER.as_slice(), &[("KEYSTEP_REGION", "US")]].concat())
            .await;
    let client = &window.client;
    let mut axe = AxeReport::default();

    // The first screen is already Spanish: no English paint first, no choice needed.
    wait_for(client, "[data-testid=start-new]").await;
    assert_eq!(page_lang(client).await, "es");
    screenshot(client, "es-welcome.png").await;
    axe.audit(client, "welcome (es)").await;
    click(client, "[data-testid=start-new]").await;
    wait_for(client, "[data-testid=empty-state]").await;
    assert_eq!(screen_name(client, "guides").await, "Guías");
    assert_eq!(screen_name(client, "phones").await, "Teléfonos");
    axe.audit(client, "codes (es)").await;

    // The guides list and the IRS guide, in the words of its translation.
    show_screen(client, "guides").await;
    wait_for(client, "[data-testid='guide-start-irs-sign-in']").await;
    let list = text_of(client, "[data-testid=guides-screen]").await;
    assert!(list.contains(&guide.title), "{list}");
    screenshot(client, "es-guides.png").await;
    axe.audit(client, "guides (es)").await;
    click(client, "[data-testid='guide-start-irs-sign-in']").await;
    wait_for_step(client, "open-irs").await;
    wait_for_text(client, "[data-testid=step-title]", &step("open-irs").title).await;
    for id in ["check-idme-page", "enter-email-password", "choose-method"] {
        click(client, "[data-testid=run-next]").await;
        wait_for_step(client, id).await;
    }
    let question = text_of(client, "[data-testid=step-question]").await;
    let choose = step("choose-method");
    let answers = choose
        .actions
        .iter()
        .find_map(|a| match a {
            keystep_core::guides::Action::Question { answers, .. } => Some(answers.clone()),
            _ => None,
        })
        .unwrap();
    for answer in &answers {
        assert!(question.contains(&answer.label), "{question}");
    }
    click(client, "[data-testid='answer-next']").await;
    wait_for_step(client, "watch-for-text").await;

    // "No": into the help branch, whose steps and way back are Spanish.
    click(client, "[data-testid='answer-branch:no-text']").await;
    wait_for_step(client, "no-text-phone").await;
    wait_for_text(
        client,
        "[data-testid=step-title]",
        &step("no-text-phone").title,
    )
    .await;
    let branch = guide.branch("no-text").unwrap();
    wait_for_text(client, "[data-testid=branch-title]", &branch.title).await;
    let way_back = text_of(client, "[data-testid=run-leave-branch]").await;
    assert!(
        way_back.contains(&step("watch-for-text").title) && way_back.contains('5'),
        "the way back names step 5 in Spanish: {way_back}"
    );
    assert!(!way_back.contains("Back to step"), "{way_back}");
    click(client, "[data-testid=run-next]").await;
    wait_for_step(client, "no-text-number").await;
    // The guide named in this step is a link, by its Spanish title.
    wait_for(client, "[data-testid=guide-link-lost-phone]").await;
    screenshot(client, "es-guide-no-text.png").await;
    axe.audit(client, "IRS guide, no text branch (es)").await;
    click(client, "[data-testid=run-leave-branch]").await;
    wait_for_step(client, "watch-for-text").await;
    wait_for_text(
        client,
        "[data-testid=step-title]",
        &step("watch-for-text").title,
    )
    .await;

    // The phone screen: a number that stops working soon, sent codes by ID.me; the review says so in
    // Spanish, and the date is spelled the Spanish way.
    show_screen(client, "phones").await;
    type_into(client, "[data-testid=phone-number-input]", "(202) 555-0143").await;
    type_into(client, "[data-testid=phone-label-input]", "Mi celular").await;
    click(client, "[data-testid=phone-add-submit]").await;
    wait_for(client, "[data-testid=phone-row][data-e164='+12025550143']").await;
    set_value(client, "[data-testid=service-select]", "idme", "change").await;
    click(client, "[data-testid=service-add-submit]").await;
    let idme = "[data-testid=service-row][data-service-name='ID.me']";
    click(
        client,
        &format!("{idme} [data-testid=code-phone][data-e164='+12025550143']"),
    )
    .await;
    click(client, &format!("{idme} [data-testid=service-save]")).await;
    wait_for(client, "[data-testid=review-item]").await;
    let review = text_of(client, "[data-testid=review-item]").await;
    assert!(review.contains("ID.me"), "{review}");
    for english in ["only", "phone number", "Turn on", "Add "] {
        assert!(
            !review.contains(english),
            "the review still speaks English ({english:?}): {review}"
        );
    }
    let summary = text_of(client, "[data-testid=review-summary]").await;
    assert!(
        !summary.is_empty() && !summary.contains("to fix"),
        "{summary}"
    );
    assert!(
        sideways_overflow(client).await.is_empty(),
        "longer Spanish words push nothing out of the window"
    );
    // The picture shows the review, not the services above it.
    client
        .execute(
            "document.querySelector('[data-testid=review-summary]').scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .unwrap();
    screenshot(client, "es-phones-review.png").await;
    axe.audit(client, "phones with a review (es)").await;

    axe.assert_clean();
    window.close().await;
}
