//! Every screen at 100 % and 200 % text (GDK_DPI_SCALE=2, as GNOME's "Large text" and a screen reader's
//! users set it), in the light and the dark theme: a screenshot of each into artifacts/, no page that
//! scrolls sideways, the screens' names kept to one line at the top, dialogs that open at their title,
//! and no axe-core violation in either theme.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_e2e::{
    AxeReport, Window, js_click as click, screenshot, set_value, sideways_overflow, wait_for,
    wait_for_text,
};

const URI: &str =
    "otpauth://totp/IRS:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=IRS";

/// The screens, by the name MainNav gives them.
const SCREENS: [&str; 6] = ["codes", "check", "guides", "phones", "settings", "help"];

/// Shows `screen` through the screens' names, folded into the "Screens" button or not.
async fn show(window: &Window, screen: &str) {
    let client = &window.client;
    wait_for(client, "nav").await;
    let folded = client
        .find(fantoccini::Locator::Css("[data-testid=nav-menu]"))
        .await
        .is_ok();
    if folded {
        click(client, "[data-testid=nav-menu]").await;
        click(client, &format!("[data-testid=menu-{screen}]")).await;
    } else {
        click(client, &format!("[data-testid=nav-{screen}]")).await;
    }
    let heading = window
        .client
        .execute(
            "const pane = [...document.querySelectorAll('[data-testid=page] > div')].find(d => !d.hidden);
             return pane ? (pane.querySelector('h1') || {}).textContent : null;",
            vec![],
        )
        .await
        .unwrap();
    assert!(heading.is_string(), "{screen}: no heading shown");
}

/// The height of the screens' names and of the window, in CSS pixels.
async fn nav_and_window_height(window: &Window) -> (f64, f64) {
    let v = window
        .client
        .execute(
            "return [document.querySelector('nav').getBoundingClientRect().height, window.innerHeight];",
            vec![],
        )
        .await
        .unwrap();
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

async fn every_screen(scale: &str, theme: &str) -> (Vec<String>, Vec<String>) {
    let tag = format!("{}-{theme}", if scale == "1" { "100" } else { "200" });
    // GDK_DPI_SCALE=2 zooms the whole page: the 720 px window is 360 CSS px wide, the narrowest it can be.
    let window = Window::open_fresh(&[("GDK_DPI_SCALE", scale)]).await;
    let client = &window.client;
    click(client, "[data-testid=start-new]").await;
    click(client, "[data-testid=add-account]").await;
    set_value(client, "[data-testid=uri-input]", URI, "input").await;
    click(client, "[data-testid=add-submit]").await;
    wait_for(client, "[data-testid=account-row]").await;
    if theme == "dark" {
        show(&window, "settings").await;
        set_value(client, "[data-testid=theme-choice]", "dark", "change").await;
        wait_for_text(client, "[data-testid=settings-announcement]", "dark").await;
        let applied = client
            .execute("return document.documentElement.dataset.theme;", vec![])
            .await
            .unwrap();
        assert_eq!(applied, "dark", "the dark choice applies at once");
    }

    let mut overflow = Vec::new();
    let mut axe = AxeReport::default();
    for screen in SCREENS {
        show(&window, screen).await;
        if screen == "check" {
            set_value(
                client,
                "[data-testid=check-input]",
                "IRS: your refund is on hold. Verify at https://irs-gov-refund.example.com/verify now.",
                "input",
            )
            .await;
            click(client, "[data-testid=check-submit]").await;
            wait_for(client, "[data-testid=check-result]").await;
        }
        // Messages leave the status line after a few seconds: the screenshots show the page itself.
        screenshot(client, &format!("layout-{screen}-{tag}.png")).await;
        overflow.extend(
            sideways_overflow(&window.client)
                .await
                .into_iter()
                .map(|o| format!("{screen} at {tag}: {o}")),
        );
        axe.audit(client, &format!("{screen} ({tag})")).await;
        let (nav, height) = nav_and_window_height(&window).await;
        assert!(
            nav <= height * 0.2,
            "{screen} at {tag}: the screens' names take {nav} of {height} px"
        );
    }

    // The Add dialog opens at its title, even when it is taller than the window.
    show(&window, "codes").await;
    click(client, "[data-testid=add-account]").await;
    let dialog = wait_for(client, "[data-testid=add-dialog][open]").await;
    let title_top = client
        .execute(
            "const d = document.querySelector('[data-testid=add-dialog]');
             return d.querySelector('h2').getBoundingClientRect().top - d.getBoundingClientRect().top;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        (0.0..200.0).contains(&title_top),
        "at {tag} the Add dialog's title is {title_top} px from its top edge (scrolled away)"
    );
    screenshot(client, &format!("layout-add-dialog-{tag}.png")).await;
    overflow.extend(
        sideways_overflow(&window.client)
            .await
            .into_iter()
            .map(|o| format!("add dialog at {tag}: {o}")),
    );
    axe.audit(client, &format!("add dialog ({tag})")).await;
    drop(dialog);
    window.close().await;
    (overflow, axe.findings())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_at_100_and_200_percent_in_both_themes() {
    let mut overflow = Vec::new();
    let mut axe = Vec::new();
    for (scale, theme) in [("1", "light"), ("2", "light"), ("1", "dark"), ("2", "dark")] {
        let (o, a) = every_screen(scale, theme).await;
        overflow.extend(o);
        axe.extend(a);
    }
    assert!(
        overflow.is_empty(),
        "parts stick out sideways:\n{}",
        overflow.join("\n")
    );
    assert!(axe.is_empty(), "axe-core found:\n{}", axe.join("\n"));
}

/// A dark desktop (GTK's dark Adwaita, which WebKitGTK passes on as `prefers-color-scheme: dark`) gets
/// dark colours with no choice made in Keystep.
#[tokio::test(flavor = "multi_thread")]
async fn the_colours_follow_a_dark_desktop() {
    let window = Window::open(&[("GTK_THEME", "Adwaita:dark")]).await;
    let client = &window.client;
    wait_for(client, "nav").await;
    let (theme, background) = {
        let v = client
            .execute(
                "return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor,
                         matchMedia('(prefers-color-scheme: dark)').matches];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(v[2], true, "WebKitGTK passes the dark GTK theme on");
        (
            v[0].as_str().unwrap().to_string(),
            v[1].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(theme, "dark");
    assert_eq!(background, "rgb(21, 24, 28)", "the dark background");
    screenshot(client, "theme-follows-dark-desktop.png").await;
    window.close().await;
}

/// A desktop with animations turned off (GTK's gtk-enable-animations, which WebKitGTK passes on as
/// `prefers-reduced-motion: reduce`) gets no motion: transitions and animations take no time.
#[tokio::test(flavor = "multi_thread")]
async fn motion_stops_when_the_desktop_turns_animations_off() {
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(config.path().join("gtk-3.0")).unwrap();
    std::fs::write(
        config.path().join("gtk-3.0/settings.ini"),
        "[Settings]\ngtk-enable-animations=false\n",
    )
    .unwrap();
    let window = Window::open(&[("XDG_CONFIG_HOME", config.path().to_str().unwrap())]).await;
    let client = &window.client;
    wait_for(client, "nav").await;
    let v = client
        .execute(
            "const probe = document.createElement('div');
             probe.style.transition = 'opacity 2s'; probe.style.animation = 'none 3s';
             document.body.append(probe);
             const style = getComputedStyle(probe);
             const out = [matchMedia('(prefers-reduced-motion: reduce)').matches,
                          parseFloat(style.transitionDuration), parseFloat(style.animationDuration)];
             probe.remove();
             return out;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(v[0], true, "WebKitGTK passes the desktop's choice on");
    assert!(
        v[1].as_f64().unwrap() < 0.01 && v[2].as_f64().unwrap() < 0.01,
        "a 2 s transition and a 3 s animation take {} s and {} s",
        v[1],
        v[2]
    );
    window.close().await;
}
