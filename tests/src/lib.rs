//! Helpers shared by the end-to-end tests: where the built binaries are, the private test session
//! (checked, never skipped), a tauri-driver per test, and the artifacts folder for screenshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod sntp;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// The end-to-end environment is made by `scripts/with-test-session.sh`. Without it these tests fail
/// (they must never pass by skipping).
pub fn require_session() {
    assert!(
        std::env::var_os("KEYSTEP_E2E").is_some(),
        "These tests need the private keychain session and the virtual display. Run them with scripts/test.sh (or scripts/with-test-session.sh cargo test ...)."
    );
}

/// `target/debug` of this workspace (or of CARGO_TARGET_DIR).
pub fn target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("debug")
}

/// Path of a built binary; fails with how to build it.
pub fn binary(name: &str) -> PathBuf {
    let path = target_dir().join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --workspace` first",
        path.display()
    );
    path.canonicalize().unwrap()
}

/// Where tests put screenshots and other things worth keeping.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("KEYSTEP_TEST_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../artifacts"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the `keystep` CLI with `--home home`.
pub fn keystep(home: &Path, args: &[&str]) -> Output {
    keystep_with_env(home, args, &[])
}

/// Runs the `keystep` CLI with extra environment variables.
pub fn keystep_with_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(binary("keystep"));
    cmd.arg("--home").arg(home).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// Starts `cmd` with a pipe on its standard input, writes `input` and closes the pipe.
fn spawn_with_input(cmd: &mut Command, input: &str) -> std::process::Child {
    use std::io::Write;
    let mut child = cmd.stdin(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child
}

/// Runs the `keystep` CLI with `input` on its standard input.
pub fn keystep_with_stdin(home: &Path, args: &[&str], input: &str) -> Output {
    let mut cmd = Command::new(binary("keystep"));
    cmd.arg("--home")
        .arg(home)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    spawn_with_input(&mut cmd, input)
        .wait_with_output()
        .unwrap()
}

/// Only one WebDriver session can drive the app at a time.
static WINDOW_LOCK: Mutex<()> = Mutex::new(());

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A tauri-driver process (and the WebKitWebDriver it starts), stopped when dropped.
pub struct Driver {
    child: Child,
    port: u16,
    _lock: MutexGuard<'static, ()>,
}

impl Driver {
    /// Starts tauri-driver; the app it launches inherits `env` (such as KEYSTEP_HOME).
    pub fn start(env: &[(&str, &str)]) -> Self {
        let lock = WINDOW_LOCK.lock().unwrap_or_else(|p| p.into_inner());
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new("tauri-driver");
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .process_group(0);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .spawn()
            .expect("tauri-driver could not start: run scripts/install-deps.sh --test");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Self {
            child,
            port,
            _lock: lock,
        }
    }

    /// Opens a WebDriver session on the real `keystep-desktop` window of this workspace's build.
    pub async fn connect(&self) -> Client {
        self.connect_app(&binary("keystep-desktop")).await
    }

    /// Opens a WebDriver session on the window of the app at `app` (an absolute path), such as the
    /// installed /usr/bin/keystep-desktop. tauri-driver sets TAURI_WEBVIEW_AUTOMATION=true for it, which
    /// lets WebDriver drive a release build too.
    pub async fn connect_app(&self, app: &Path) -> Client {
        assert!(
            app.is_absolute() && app.exists(),
            "{} is not an absolute path to an app",
            app.display()
        );
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        // Plain HTTP to tauri-driver on 127.0.0.1: no TLS. tauri-driver accepts connections before
        // WebKitWebDriver behind it is ready, and then drops the first request unanswered
        // (IncompleteMessage): a request that got no answer is sent again, a refusal is not.
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut last = None;
        for attempt in 0..5 {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return client,
                Err(
                    e @ (fantoccini::error::NewSessionError::Failed(_)
                    | fantoccini::error::NewSessionError::FailedC(_)
                    | fantoccini::error::NewSessionError::Lost(_)),
                ) => {
                    eprintln!("WebDriver session, attempt {}: {e}", attempt + 1);
                    last = Some(e);
                }
                Err(e) => panic!("WebDriver session on the Keystep window: {e:?}"),
            }
        }
        panic!("WebDriver session on the Keystep window: {last:?}")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // tauri-driver leaves WebKitWebDriver (and the app) running when killed alone: stop its group.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .status();
        std::thread::sleep(Duration::from_millis(200));
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

/// Waits for an element matching `css` (up to 30 s).
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
}

/// Waits until WebKit has painted the current DOM (two animation frames), then saves what the X display
/// shows of the window. The pixels come from the display (scrot), not from WebDriver: WebKitWebDriver's
/// own screenshot hangs when accelerated compositing is off, and the display is what a person sees.
pub async fn screenshot(client: &Client, name: &str) -> PathBuf {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .unwrap();
    let (x, y, w, h) = client.get_window_rect().await.unwrap();
    let path = artifacts_dir().join(name);
    let _ = std::fs::remove_file(&path);
    let status = Command::new("scrot")
        .arg("-a")
        .arg(format!("{x},{y},{w},{h}"))
        .arg(&path)
        .status()
        .unwrap();
    assert!(
        status.success() && path.exists(),
        "scrot could not capture the window"
    );
    path
}

/// The text on the X clipboard (read with xclip, as another program would).
pub fn read_clipboard() -> String {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Puts `text` on the X clipboard (with xclip, as the person copying from their browser would). xclip
/// keeps serving it in the background after this returns.
pub fn write_clipboard(text: &str) {
    let mut cmd = Command::new("xclip");
    cmd.args(["-i", "-selection", "clipboard"])
        .stdout(Stdio::null());
    spawn_with_input(&mut cmd, text).wait().unwrap();
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The environment of a test window: its data directory, its webview storage, then `env`.
fn window_env<'a>(
    home: &'a tempfile::TempDir,
    web_data: &'a tempfile::TempDir,
    env: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![
        ("KEYSTEP_HOME", home.path().to_str().unwrap()),
        ("XDG_DATA_HOME", web_data.path().to_str().unwrap()),
    ];
    all.extend_from_slice(env);
    all
}

/// The real Keystep window in a data directory of its own, driven through WebDriver.
pub struct Window {
    pub client: Client,
    pub home: tempfile::TempDir,
    /// The webview's own storage (`XDG_DATA_HOME`): the page keeps the theme and language choices
    /// there, so each window gets its own, and one test's choice never reaches another test.
    web_data: tempfile::TempDir,
    driver: Option<Driver>,
}

impl Window {
    /// Starts Keystep on a fresh data directory and answers its welcome screen with "I'm new to
    /// Keystep", as a first-time user would; `env` is added to the app's environment.
    pub async fn open(env: &[(&str, &str)]) -> Self {
        let window = Self::open_fresh(env).await;
        click(&window.client, "[data-testid=start-new]").await;
        window
    }

    /// Starts Keystep on a fresh data directory and leaves its first screen (the welcome screen) as it
    /// is.
    pub async fn open_fresh(env: &[(&str, &str)]) -> Self {
        require_session();
        let home = tempfile::tempdir().unwrap();
        let web_data = tempfile::tempdir().unwrap();
        let driver = Driver::start(&window_env(&home, &web_data, env));
        let client = driver.connect().await;
        Self {
            client,
            home,
            web_data,
            driver: Some(driver),
        }
    }

    /// Stops the app and starts it again on the same data directory, as a person closing and
    /// reopening Keystep would.
    pub async fn restart(mut self, env: &[(&str, &str)]) -> Self {
        let _ = self.client.clone().close().await;
        drop(self.driver.take());
        let driver = Driver::start(&window_env(&self.home, &self.web_data, env));
        self.client = driver.connect().await;
        self.driver = Some(driver);
        self
    }

    /// Ends the WebDriver session and stops the app.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        drop(self.driver.take());
    }
}

/// Runs axe-core (from ui/node_modules, the version locked in ui/package-lock.json) inside the real
/// window and returns its violations as "rule: help (n nodes)" lines; empty means none.
pub async fn accessibility_violations(client: &Client) -> Vec<String> {
    let axe_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/install-deps.sh)", axe_path.display()));
    client
        .execute(&axe, vec![])
        .await
        .expect("axe-core loads in the page");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map(n => n.target.join(' ')).join(', ')})`)))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    result
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result: {result}")])
}

/// Brings `element` into view inside its own scrolling area, as a person would scroll to it (no move if
/// it is in view). The page scrolls inside the window, between the screens' names and the status line:
/// WebKitWebDriver only brings an element into the window, so one below the fold of the page, or under
/// the status line, would not take a click or typing.
pub async fn bring_into_view(client: &Client, element: &fantoccini::elements::Element) {
    let _ = client
        .execute(
            "arguments[0].scrollIntoView({ block: 'nearest', inline: 'nearest' });",
            vec![serde_json::to_value(element).unwrap()],
        )
        .await;
}

/// Waits for the element matching `css` and clicks it. A click that fails leaves a screenshot of the
/// window in artifacts/ (click-failed.png), to see what was in the way.
pub async fn click(client: &Client, css: &str) {
    let element = wait_for(client, css).await;
    bring_into_view(client, &element).await;
    if let Err(e) = element.click().await {
        let shot = screenshot(client, "click-failed.png").await;
        panic!("clicking {css}: {e:?} (the window: {})", shot.display());
    }
}

/// Waits for the field matching `css`, sets its value from inside the page and sends `event` ("input"
/// for a text field, "change" for a drop-down), as the page hears a person's typing or choice. For where
/// WebKitWebDriver's own typing and choosing do not reach the page: at 200 % text (GDK_DPI_SCALE=2) its
/// pointer lands at the unzoomed position, and its click on an <option> can leave the page without a
/// change event.
pub async fn set_value(client: &Client, css: &str, value: &str, event: &str) {
    let element = wait_for(client, css).await;
    client
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event(arguments[2], { bubbles: true }));",
            vec![
                serde_json::to_value(&element).unwrap(),
                value.into(),
                event.into(),
            ],
        )
        .await
        .unwrap_or_else(|e| panic!("setting {css}: {e}"));
}

/// What makes the window scroll sideways or sticks out to its right; empty means none. Checked: the
/// document and the body, every dialog and every element that scrolls sideways, and the box of every
/// element on the page.
pub async fn sideways_overflow(client: &Client) -> Vec<String> {
    let found = client
        .execute(
            "const root = document.documentElement;
             const width = root.clientWidth;
             const out = [];
             const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? `[${el.dataset.testid}]` : '')
               + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
             if (root.scrollWidth > width) out.push(`the window scrolls sideways (${root.scrollWidth} > ${width})`);
             if (document.body.scrollWidth > width) out.push(`the body scrolls sideways (${document.body.scrollWidth} > ${width})`);
             for (const el of document.querySelectorAll('body *')) {
               const scrolls = el.tagName === 'DIALOG' ? el.open : ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
               if (scrolls && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
               const r = el.getBoundingClientRect();
               if (r.width > 0 && r.right > width + 1) out.push(`${name(el)} ends at ${Math.round(r.right)} of ${width}: ${(el.textContent || '').trim().slice(0, 40)}`);
             }
             return out.slice(0, 12);",
            vec![],
        )
        .await
        .unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// A computer set to Spanish (the locale comes from scripts/install-deps.sh --test): WebKit takes the
/// page's language from the process locale.
pub const SPANISH_COMPUTER: [(&str, &str); 3] = [
    ("LANG", "es_US.UTF-8"),
    ("LC_ALL", "es_US.UTF-8"),
    ("LANGUAGE", "es_US:es"),
];

/// The text the element matching `css` shows, once it is there.
pub async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.unwrap_or_default()
}

/// The string `script` returns when run in the page with `args`, or "" when it returns something else.
pub async fn page_string(client: &Client, script: &str, args: Vec<serde_json::Value>) -> String {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The page's language (`<html lang>`), which the window sets to the language it speaks.
pub async fn page_lang(client: &Client) -> String {
    page_string(client, "return document.documentElement.lang;", vec![]).await
}

/// The data-testid of the focused element, or "" when it has none.
pub async fn focused_testid(client: &Client) -> String {
    page_string(
        client,
        "const el = document.activeElement; return el && el.dataset ? (el.dataset.testid || '') : '';",
        vec![],
    )
    .await
}

/// Chooses a language (`en`, `es`, or `system`) under Settings → Language, as a person would, and
/// leaves the window on Settings.
pub async fn choose_language(client: &Client, choice: &str) {
    show_screen(client, "settings").await;
    wait_for(client, "[data-testid=language-choice]").await;
    // Chosen from inside the page: WebKitWebDriver's click on an <option> may not tell the page.
    set_value(client, "[data-testid=language-choice]", choice, "change").await;
    wait_for(client, "[data-testid=settings-screen]").await;
    if choice != "system" {
        wait_for_lang(client, choice).await;
    }
}

/// Waits until the page speaks `lang`: a language chosen for the first time is switched to once its
/// messages have loaded, a frame or two after the choice.
pub async fn wait_for_lang(client: &Client, lang: &str) {
    for _ in 0..300 {
        if page_lang(client).await == lang {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the page never switched to {lang}: it says {:?}",
        page_lang(client).await
    );
}

/// Shows a screen (`codes`, `check`, `guides`, `phones`, `settings`, `help`) by its tab, or through the
/// "Screens" menu when the names are folded into it: in a narrow window, with large text, and with
/// names longer than the English ones (Spanish).
pub async fn show_screen(client: &Client, view: &str) {
    // The tabs or the menu, whichever the window shows once it is up.
    wait_for(client, "[data-testid=nav-codes], [data-testid=nav-menu]").await;
    // Names that no longer fit (a language just changed) fold into the menu within a frame or two.
    tokio::time::sleep(Duration::from_millis(150)).await;
    let tab = format!("[data-testid=nav-{view}]");
    if client.find(fantoccini::Locator::Css(&tab)).await.is_ok() {
        click(client, &tab).await;
    } else {
        click(client, "[data-testid=nav-menu]").await;
        click(client, &format!("[data-testid=menu-{view}]")).await;
    }
}

/// The name the window gives a screen: its tab's, or its item's in the folded menu (open or not).
pub async fn screen_name(client: &Client, view: &str) -> String {
    wait_for(client, "nav").await;
    page_string(
        client,
        "const el = document.querySelector(`[data-testid=nav-${arguments[0]}], [data-testid=menu-${arguments[0]}]`);
         return el ? el.textContent.trim() : '';",
        vec![view.into()],
    )
    .await
}

/// Waits until the guide step on screen is `id`.
pub async fn wait_for_step(client: &Client, id: &str) {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=step-title][data-step-id='{id}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("waiting for step {id}: {e}"));
}

/// Waits for the element matching `css` and clicks it from inside the page. For windows at 200 % text
/// (GDK_DPI_SCALE=2), where WebKitWebDriver's pointer clicks land at the unzoomed position.
pub async fn js_click(client: &Client, css: &str) {
    let element = wait_for(client, css).await;
    client
        .execute(
            "arguments[0].scrollIntoView({ block: 'nearest' }); arguments[0].click();",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
}

/// Waits for the field matching `css` and types `text` into it.
pub async fn type_into(client: &Client, css: &str, text: &str) {
    wait_for(client, css)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
}

/// Adds an account through the add dialog by pasting its setup link, as a person would, and waits for
/// its row.
pub async fn add_account_by_link(client: &Client, uri: &str) {
    click(client, "[data-testid=add-account]").await;
    type_into(client, "[data-testid=uri-input]", uri).await;
    click(client, "[data-testid=add-submit]").await;
    wait_for(client, "[data-testid=account-row]").await;
}

/// axe-core findings gathered over the screens of one test; the test fails at its end if there are any,
/// so one run reports every screen's problems together.
#[derive(Default)]
pub struct AxeReport(Vec<String>);

impl AxeReport {
    /// Audits what the window shows now, naming the findings after `screen`.
    pub async fn audit(&mut self, client: &Client, screen: &str) {
        let found = accessibility_violations(client).await;
        self.0
            .extend(found.into_iter().map(|v| format!("{screen}: {v}")));
    }

    /// The findings so far, each "screen: rule: help (nodes)".
    pub fn findings(&self) -> Vec<String> {
        self.0.clone()
    }

    pub fn assert_clean(&self) {
        assert!(
            self.0.is_empty(),
            "axe-core found violations:\n{}",
            self.0.join("\n")
        );
    }
}

/// The codes of the previous, current and next time step of an `otpauth://` account: the page and the
/// test may straddle a step.
pub fn codes_around_now(uri: &str) -> Vec<String> {
    codes_around(uri, keystep_core::app::unix_now_ms() / 1000)
}

/// The codes of the time step holding `unix_seconds` and of the steps either side.
pub fn codes_around(uri: &str, unix_seconds: u64) -> Vec<String> {
    use keystep_core::otp::generate::{code_at_step, time_step};
    let account = keystep_core::account::from_uri(uri).unwrap();
    let step = time_step(unix_seconds, account.params.period);
    [step - 1, step, step + 1]
        .iter()
        .map(|s| code_at_step(&account.params, &account.secret, *s))
        .collect()
}

/// Waits (up to 10 s) until the element matching `css` shows text containing `needle`, and returns the
/// text; fails with the last text seen. Text only screen readers get (a `visually-hidden` status line)
/// counts: WebDriver's own text of it is empty, so its text content is read then.
pub async fn wait_for_text(client: &Client, css: &str, needle: &str) -> String {
    let mut text = String::new();
    for _ in 0..100 {
        let element = wait_for(client, css).await;
        text = element.text().await.unwrap_or_default();
        if text.is_empty() {
            text = element
                .prop("textContent")
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
        }
        if text.contains(needle) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} shows {text:?}, not {needle:?}");
}

/// Waits for the GTK chooser titled `title`, focuses it, and types `path` into its location field
/// (Ctrl+L, Ctrl+A, the path, Enter), as a person would with the keyboard. There is no window manager under
/// Xvfb, so the focus is given with xdotool.
pub async fn choose_in_gtk_dialog(title: &str, path: &Path) {
    let mut id = String::new();
    for _ in 0..100 {
        let out = Command::new("xdotool")
            .args(["search", "--name", title])
            .output()
            .unwrap();
        id = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        if !id.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!id.is_empty(), "no file chooser titled {title:?} appeared");
    tokio::time::sleep(Duration::from_millis(700)).await;
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?}");
    };
    xdotool(&["windowfocus", "--sync", &id]);
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A save dialog keeps its suggested name in the same field: typed over, not after.
    xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
    xdotool(&["type", "--delay", "15", path.to_str().unwrap()]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "Return"]);
}

/// The code an account row shows (its `data-code`).
pub async fn shown_code(row: &fantoccini::elements::Element) -> String {
    row.find(Locator::Css("[data-testid=code]"))
        .await
        .unwrap()
        .attr("data-code")
        .await
        .unwrap()
        .unwrap()
}
