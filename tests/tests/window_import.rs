//! Bringing codes in, in the real window: "Scan the screen" with a site's QR code shown by another
//! program on the same X display (feh), an export file opened through the real GTK file chooser
//! with its preview (an entry that cannot be added, and why), and a screenshot pasted from the
//! clipboard. The codes the window then shows equal the core's. Each new screen is checked with
//! axe-core and photographed into `artifacts/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::Locator;
use keystep_e2e::{
    AxeReport, Window, choose_in_gtk_dialog, click, codes_around_now, keystep, screenshot,
    shown_code, wait_for, wait_for_text,
};

const URI: &str =
    "otpauth://totp/ID.me:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=ID.me";

/// A PNG of `text` as a QR code, written into `dir`.
fn qr_picture(dir: &Path, text: &str) -> PathBuf {
    let picture = keystep_core::qr::draw(text, 6).unwrap();
    let path = dir.join("setup-qr.png");
    std::fs::write(&path, keystep_core::qr::png_bytes(&picture).unwrap()).unwrap();
    path
}

/// Shows `picture` in its own X window (feh), as a site's setup page would show its QR code;
/// waits until the window is mapped. Killed when dropped.
struct Viewer(Child);

impl Viewer {
    /// Shows `picture` with its top-left corner at `at` (X geometry, such as "+40+40").
    async fn show(picture: &Path, at: &str) -> Self {
        // Owned by the Viewer at once, so that even a failed wait below stops it.
        let viewer = Viewer(
            Command::new("feh")
                .args(["--title", "setup-page", "--geometry", at])
                .arg(picture)
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("feh is missing: run scripts/install-deps.sh --test"),
        );
        for _ in 0..100 {
            let found = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", "setup-page"])
                .output()
                .unwrap();
            if !found.stdout.is_empty() {
                // Raised above Keystep's window, as a browser the person switched to would be.
                let id = String::from_utf8_lossy(&found.stdout)
                    .lines()
                    .next()
                    .unwrap()
                    .to_string();
                let _ = Command::new("xdotool").args(["windowraise", &id]).status();
                tokio::time::sleep(Duration::from_millis(300)).await;
                return viewer;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the QR picture never showed on the display");
    }
}

impl Drop for Viewer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn scan_the_screen_finds_a_sites_qr_code_in_another_window_and_adds_it() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    let files = tempfile::tempdir().unwrap();
    let picture = qr_picture(files.path(), URI);

    click(client, "[data-testid=add-account]").await;
    wait_for(client, "[data-testid=scan-screen]").await;
    axe.audit(client, "add dialog with Scan the screen").await;
    screenshot(client, "import-add-dialog.png").await;
    // Beside Keystep's window (720 px wide at the left of a 1280 px screen): found without
    // hiding Keystep.
    let viewer = Viewer::show(&picture, "+760+60").await;
    click(client, "[data-testid=scan-screen]").await;
    let row = wait_for(client, "[data-testid=import-row]").await;
    drop(viewer);
    assert_eq!(
        row.attr("data-action").await.unwrap().as_deref(),
        Some("add")
    );
    let text = row.text().await.unwrap();
    assert!(text.contains("ID.me (taxpayer@example.com)"), "{text}");
    // The preview holds names and kinds, never the secret.
    assert!(
        !client
            .source()
            .await
            .unwrap()
            .contains("KRSXG5CTMVRXEZLUKN2XAZLD")
    );
    axe.audit(client, "scan preview").await;
    screenshot(client, "import-scan-preview.png").await;

    click(client, "[data-testid=import-confirm]").await;
    wait_for(client, "[data-testid=import-done]").await;
    click(client, "[data-testid=import-close]").await;
    let row = wait_for(client, "[data-testid=account-row]").await;
    let code = shown_code(&row).await;
    assert!(codes_around_now(URI).contains(&code), "{code}");
    axe.assert_clean();
    window.close().await;
}

/// The Aegis fixture: real-shaped, with entries Keystep must skip (mOTP, Yandex).
fn aegis_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/imports/aegis-plain")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_file_opened_through_the_file_chooser_previews_every_entry_then_adds() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    let file = std::fs::read_dir(aegis_fixture())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let expected: Vec<String> = std::fs::read_to_string(aegis_fixture().join("expected.txt"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let skips = expected.iter().filter(|l| l.starts_with("SKIP ")).count();

    click(client, "[data-testid=add-account]").await;
    click(client, "[data-testid=import-file]").await;
    choose_in_gtk_dialog("Choose a picture of a QR code", &file).await;
    wait_for(client, "[data-testid=import-row]").await;
    let rows = client
        .find_all(Locator::Css("[data-testid=import-row]"))
        .await
        .unwrap();
    assert_eq!(rows.len(), expected.len());
    let mut skipped = 0;
    for row in &rows {
        if row.attr("data-action").await.unwrap().as_deref() == Some("skip") {
            skipped += 1;
            let text = row.text().await.unwrap();
            assert!(text.contains("Not added"), "{text}");
        }
    }
    assert_eq!(skipped, skips);
    axe.audit(client, "import preview with skipped entries")
        .await;
    screenshot(client, "import-file-preview.png").await;

    click(client, "[data-testid=import-confirm]").await;
    let done = wait_for_text(client, "[data-testid=import-done]", "Added").await;
    assert!(
        done.contains(&format!("{}", expected.len() - skips)),
        "{done}"
    );
    click(client, "[data-testid=import-close]").await;
    let listed = client
        .find_all(Locator::Css("[data-testid=account-row]"))
        .await
        .unwrap();
    assert_eq!(listed.len(), expected.len() - skips);
    axe.assert_clean();
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_screenshot_pasted_from_the_clipboard_is_read() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    wait_for(client, "[data-testid=empty-state]").await;
    let files = tempfile::tempdir().unwrap();
    let picture = qr_picture(files.path(), URI);
    // xclip serves the picture as image/png until another program takes the clipboard.
    let mut xclip = Command::new("xclip")
        .args(["-selection", "clipboard", "-t", "image/png", "-i"])
        .arg(&picture)
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    click(client, "[data-testid=add-account]").await;
    click(client, "[data-testid=paste-image]").await;
    let row = wait_for(client, "[data-testid=import-row]").await;
    let text = row.text().await.unwrap();
    assert!(text.contains("ID.me (taxpayer@example.com)"), "{text}");
    click(client, "[data-testid=import-confirm]").await;
    click(client, "[data-testid=import-close]").await;
    let row = wait_for(client, "[data-testid=account-row]").await;
    let code = shown_code(&row).await;
    assert!(codes_around_now(URI).contains(&code), "{code}");
    let _ = xclip.kill();
    let _ = xclip.wait();
    window.close().await;
}

/// Two QR pictures of one Google Authenticator export (12 accounts: ten, then two), written by
/// `keystep export --format google-qr` from another data folder, as a phone would show them.
fn google_export_pictures(dir: &Path) -> Vec<PathBuf> {
    let phone = dir.join("phone");
    for i in 0..12u8 {
        let secret = data_encoding::BASE32_NOPAD.encode(&[i + 1; 10]);
        let uri = format!("otpauth://totp/Site{i}:me?secret={secret}&issuer=Site{i}");
        assert!(keystep(&phone, &["add", &uri]).status.success());
    }
    let out = dir.join("qr");
    let export = keystep(
        &phone,
        &[
            "export",
            "--format",
            "google-qr",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let mut pictures: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pictures.sort();
    assert_eq!(pictures.len(), 2);
    pictures
}

#[tokio::test(flavor = "multi_thread")]
async fn the_qr_codes_of_a_google_export_shown_one_after_another_are_scanned_into_one_import() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    let files = tempfile::tempdir().unwrap();
    let pictures = google_export_pictures(files.path());

    click(client, "[data-testid=add-account]").await;
    wait_for(client, "[data-testid=scan-screen]").await;
    // Over Keystep's window: found only once Keystep hides.
    let first = Viewer::show(&pictures[0], "+40+40").await;
    click(client, "[data-testid=scan-screen]").await;
    let warning = wait_for_text(client, "[data-testid=import-warning]", "QR code 2 of 2").await;
    assert!(warning.contains("not read"), "{warning}");
    drop(first);
    axe.audit(client, "a Google export with a QR code missing")
        .await;
    screenshot(client, "import-google-missing.png").await;

    let second = Viewer::show(&pictures[1], "+40+40").await;
    click(client, "[data-testid=scan-more]").await;
    // The warning goes once both QR codes are read, and the list holds all twelve.
    for _ in 0..100 {
        if client
            .find(Locator::Css("[data-testid=import-warning]"))
            .await
            .is_err()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(second);
    let rows = client
        .find_all(Locator::Css("[data-testid=import-row]"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 12);
    click(client, "[data-testid=import-confirm]").await;
    wait_for_text(client, "[data-testid=import-done]", "12").await;
    axe.assert_clean();
    window.close().await;
}

/// Waits for the native window titled `title` and reads the QR codes it shows, from the display's
/// pixels (scrot of the window's area), as a phone camera would.
async fn qr_codes_in_window(title: &str) -> Vec<String> {
    for _ in 0..100 {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .unwrap();
        let Some(id) = String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .map(String::from)
        else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        let geometry = Command::new("xdotool")
            .args(["getwindowgeometry", "--shell", &id])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&geometry.stdout).to_string();
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap()
                .trim()
                .to_string()
        };
        let shot = keystep_e2e::artifacts_dir().join("qr-window.png");
        let _ = std::fs::remove_file(&shot);
        let area = format!(
            "{},{},{},{}",
            value("X"),
            value("Y"),
            value("WIDTH"),
            value("HEIGHT")
        );
        assert!(
            Command::new("scrot")
                .args(["-a", &area])
                .arg(&shot)
                .status()
                .unwrap()
                .success()
        );
        return keystep_core::qr::read_image("window", &std::fs::read(&shot).unwrap()).unwrap();
    }
    panic!("no window titled {title:?} appeared");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accounts_qr_code_is_shown_in_a_native_window_never_in_the_page() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    wait_for(client, "[data-testid=empty-state]").await;
    keystep_e2e::add_account_by_link(client, URI).await;

    click(client, "[data-testid=show-qr-button]").await;
    let codes = qr_codes_in_window("QR code for ID.me").await;
    assert_eq!(codes.len(), 1);
    // The QR code sets up the same codes as the account (read back through the core).
    let read = keystep_core::import::read_qr_texts("window", &codes).unwrap();
    let keystep_core::import::Item::Account { account, .. } = &read.items[0] else {
        panic!("{:?}", read.items[0]);
    };
    assert_eq!(
        account.secret.expose(),
        data_encoding::BASE32_NOPAD
            .decode(b"KRSXG5CTMVRXEZLUKN2XAZLD")
            .unwrap()
    );
    assert_eq!(
        (account.issuer.as_str(), account.name.as_str()),
        ("ID.me", "taxpayer@example.com")
    );
    assert!(
        !client
            .source()
            .await
            .unwrap()
            .contains("KRSXG5CTMVRXEZLUKN2XAZLD")
    );
    screenshot(client, "qr-window-behind.png").await;
    let _ = Command::new("xdotool")
        .args(["search", "--name", "QR code for ID.me", "windowclose"])
        .status();
    window.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn codes_exported_from_settings_to_an_encrypted_aegis_file_import_back_with_the_same_codes() {
    let window = Window::open(&[]).await;
    let client = &window.client;
    let mut axe = AxeReport::default();
    wait_for(client, "[data-testid=empty-state]").await;
    keystep_e2e::add_account_by_link(client, URI).await;

    click(client, "[data-testid=nav-settings]").await;
    click(client, "[data-testid=export-format-aegis-encrypted]").await;
    keystep_e2e::type_into(
        client,
        "[data-testid=export-password]",
        "a phone password 42",
    )
    .await;
    keystep_e2e::type_into(
        client,
        "[data-testid=export-password-again]",
        "a phone password 42",
    )
    .await;
    axe.audit(client, "export section").await;
    screenshot(client, "export-settings.png").await;
    let files = tempfile::tempdir().unwrap();
    let out = files.path().join("aegis-export-keystep.json");
    click(client, "[data-testid=export-submit]").await;
    choose_in_gtk_dialog("Save an Aegis export", &out).await;
    let result = wait_for_text(client, "[data-testid=export-result]", "1").await;
    assert!(result.contains(out.to_str().unwrap()), "{result}");
    axe.audit(client, "export result").await;
    assert!(
        !client
            .source()
            .await
            .unwrap()
            .contains("KRSXG5CTMVRXEZLUKN2XAZLD")
    );

    // The file opens with its password in the core's Aegis reader, with the same account.
    let read = keystep_core::import::read_path(
        &out,
        None,
        Some(&keystep_core::sensitive::SecretString::new(
            "a phone password 42",
        )),
    )
    .unwrap();
    assert_eq!(read.format, keystep_core::import::Format::Aegis);
    let keystep_core::import::Item::Account { account, .. } = &read.items[0] else {
        panic!("{:?}", read.items[0]);
    };
    assert_eq!(
        (account.issuer.as_str(), account.name.as_str()),
        ("ID.me", "taxpayer@example.com")
    );
    assert_eq!(
        account.secret.expose(),
        data_encoding::BASE32_NOPAD
            .decode(b"KRSXG5CTMVRXEZLUKN2XAZLD")
            .unwrap()
    );
    axe.assert_clean();
    window.close().await;
}
