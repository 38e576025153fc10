//! Keystep as a person installs it: the .deb made by scripts/package.sh (KEYSTEP_TEST_DEB) installed with
//! apt, validated as the desktop sees it, opened from its desktop entry, used from the installed `keystep`
//! command and window, and removed again, leaving the person's codes and keychain entry alone. Also what
//! the .deb and the .rpm (KEYSTEP_TEST_RPM) declare. Run by scripts/test.sh as root in the private
//! session of scripts/with-test-session.sh; without the packages, root or the session these tests fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use keystep_core::keychain::SERVICE;
use keystep_core::paths::DataDir;
use keystep_core::vault;
use keystep_e2e::{
    Driver, artifacts_dir, codes_around_now, require_session, screenshot, shown_code, wait_for,
};

const PACKAGE: &str = "keystep";
/// The desktop entry the bundler writes: its file name is the product name, so its id is "Keystep".
const DESKTOP_ID: &str = "Keystep.desktop";
const DESKTOP_FILE: &str = "/usr/share/applications/Keystep.desktop";
const METAINFO: &str = "/usr/share/metainfo/app.keystep.Keystep.metainfo.xml";
/// The icon name of the desktop entry: the bundler names the icons after the app's binary.
const ICON: &str = "keystep-desktop";
/// WM_CLASS's class of the real window (GTK takes it from the program name).
const WM_CLASS: &str = "Keystep-desktop";
const APP: &str = "/usr/bin/keystep-desktop";
const CLI: &str = "/usr/bin/keystep";
/// Debian's Python, the one python3-gi is installed for (a python3 earlier in PATH may lack it).
const PYTHON: &str = "/usr/bin/python3";
const URI: &str = "otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";

/// A package file named by an environment variable that scripts/test.sh sets.
fn package_file(var: &str) -> PathBuf {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        panic!("{var} is not set: scripts/test.sh builds the packages with scripts/package.sh and names them in {var}")
    });
    assert!(
        path.is_absolute() && path.is_file(),
        "{var}={} is not a package file",
        path.display()
    );
    path
}

fn require_root() {
    let uid = std::fs::metadata("/proc/self").unwrap().uid();
    assert_eq!(
        uid, 0,
        "installing the package with apt needs root (scripts/test.sh runs as root in CI)"
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `program args` and fails with its output unless it succeeds.
fn run(program: &str, args: &[&str]) -> Output {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (run scripts/install-deps.sh --test)"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn apt_get(args: &[&str]) -> Output {
    Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .unwrap()
}

fn installed() -> bool {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", PACKAGE])
        .output()
        .unwrap();
    text(&out.stdout).contains("install ok installed")
}

/// Removes the package when dropped, so that a failed assertion does not leave Keystep installed.
struct RemoveOnDrop;

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if installed() {
            let out = apt_get(&["remove", "-y", PACKAGE]);
            if !out.status.success() {
                eprintln!("apt-get remove {PACKAGE} failed: {}", text(&out.stderr));
            }
        }
    }
}

/// Stops a process that this test did not start itself (the app gtk-launch started) when dropped.
struct KillOnDrop(Option<u32>);

impl KillOnDrop {
    fn stop(&mut self) {
        if let Some(pid) = self.0.take() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            for _ in 0..50 {
                if !Path::new(&format!("/proc/{pid}")).exists() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The value of `key` in the [Desktop Entry] group of a desktop file.
fn desktop_key<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

/// Width and height of a PNG file, from its IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR",
        "{} is not a PNG",
        path.display()
    );
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// The windows titled exactly "Keystep" whose process runs `exe` with KEYSTEP_HOME=`home`, with their PIDs.
fn keystep_windows(exe: &Path, home: &Path) -> Vec<(String, u32)> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Keystep$"])
        .output()
        .unwrap();
    let wanted_home = format!("KEYSTEP_HOME={}", home.display());
    text(&out.stdout)
        .lines()
        .filter_map(|id| {
            let pid = Command::new("xdotool")
                .args(["getwindowpid", id])
                .output()
                .ok()?;
            let pid: u32 = text(&pid.stdout).trim().parse().ok()?;
            let running = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
            let environ = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
            let has_home = environ
                .split(|b| *b == 0)
                .any(|kv| kv == wanted_home.as_bytes());
            (running == exe && has_home).then(|| (id.to_string(), pid))
        })
        .collect()
}

/// The environment variable `key` of process `pid`.
fn process_env(pid: u32, key: &str) -> Option<String> {
    let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
    let prefix = format!("{key}=");
    environ
        .split(|b| *b == 0)
        .find_map(|kv| kv.strip_prefix(prefix.as_bytes()).map(text))
}

/// How many different colours the rectangle `(x, y, w, h)` of the PNG at `path` holds (read with
/// GdkPixbuf from python3-gi). A window whose page never painted is one flat colour.
fn colours_in(path: &Path, (x, y, w, h): (u32, u32, u32, u32)) -> usize {
    let script = r#"
import sys, gi
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf
p = GdkPixbuf.Pixbuf.new_from_file(sys.argv[1])
x, y, w, h = (int(v) for v in sys.argv[2:6])
p = p.new_subpixbuf(x, y, min(w, p.get_width() - x), min(h, p.get_height() - y))
data, n, stride = p.get_pixels(), p.get_n_channels(), p.get_rowstride()
print(len({bytes(data[r * stride + c * n: r * stride + c * n + 3]) for r in range(p.get_height()) for c in range(p.get_width())}))
"#;
    let out = run(
        PYTHON,
        &[
            "-c",
            script,
            path.to_str().unwrap(),
            &x.to_string(),
            &y.to_string(),
            &w.to_string(),
            &h.to_string(),
        ],
    );
    text(&out.stdout).trim().parse().unwrap()
}

/// Position and size of X window `id`, from `xdotool getwindowgeometry --shell`.
fn window_geometry(id: &str) -> (u32, u32, u32, u32) {
    let out = run("xdotool", &["getwindowgeometry", "--shell", id]);
    let shell = text(&out.stdout);
    let get = |k: &str| -> u32 {
        shell
            .lines()
            .find_map(|l| l.strip_prefix(k)?.strip_prefix('='))
            .and_then(|v| v.parse::<i64>().ok())
            .map(|v| v.max(0) as u32)
            .unwrap_or_else(|| panic!("no {k} in {shell}"))
    };
    (get("X"), get("Y"), get("WIDTH"), get("HEIGHT"))
}

/// The installed `keystep` command with `--home home`.
fn installed_keystep(home: &Path, args: &[&str], input: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(CLI)
        .arg("--home")
        .arg(home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(input) = input {
        stdin.write_all(input.as_bytes()).unwrap();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "keystep {args:?} failed: {}",
        text(&out.stderr)
    );
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn install_open_from_the_menu_use_and_remove_keeping_the_codes() {
    require_session();
    require_root();
    let deb = package_file("KEYSTEP_TEST_DEB");
    let started = Instant::now();

    // A Keystep someone installed on this machine would be replaced and then removed: refuse instead.
    assert!(
        !installed(),
        "{PACKAGE} is already installed here; this test installs and removes it: `apt remove {PACKAGE}` first"
    );

    // Installed as a person would, with apt from the downloaded file (everything it needs is already
    // on this machine, so no network is used).
    let _remove = RemoveOnDrop;
    let install = apt_get(&["install", "-y", deb.to_str().unwrap()]);
    assert!(
        install.status.success(),
        "apt-get install {} failed:\n{}{}",
        deb.display(),
        text(&install.stdout),
        text(&install.stderr)
    );
    assert!(installed(), "dpkg does not list {PACKAGE} as installed");
    let files = text(&run("dpkg", &["-L", PACKAGE]).stdout);
    for path in [APP, CLI, DESKTOP_FILE, METAINFO] {
        assert!(
            files.lines().any(|l| l == path),
            "{path} is not in the package:\n{files}"
        );
        assert!(Path::new(path).is_file(), "{path} was not installed");
    }
    for exe in [APP, CLI] {
        let mode = std::fs::metadata(exe).unwrap().mode();
        assert_eq!(mode & 0o755, 0o755, "{exe} is not executable: {mode:o}");
    }

    // The desktop entry and the AppStream metadata pass the validators the desktop's tools use.
    // desktop-file-validate's one hint is expected: it suggests adding Settings or System beside
    // Security, which would file Keystep under the system tools; errors and warnings fail.
    let validate = run("desktop-file-validate", &[DESKTOP_FILE]);
    let said = text(&validate.stdout) + &text(&validate.stderr);
    assert!(
        said.lines().all(|l| l.contains(": hint: ")),
        "desktop-file-validate: {said}"
    );
    run("appstreamcli", &["validate", "--no-net", METAINFO]);
    let entry = std::fs::read_to_string(DESKTOP_FILE).unwrap();
    assert_eq!(desktop_key(&entry, "Name"), Some("Keystep"), "{entry}");
    assert_eq!(desktop_key(&entry, "GenericName"), Some("Authenticator"));
    assert_eq!(desktop_key(&entry, "Exec"), Some("keystep-desktop"));
    assert_eq!(desktop_key(&entry, "Icon"), Some(ICON));
    assert_eq!(desktop_key(&entry, "Terminal"), Some("false"));
    assert_eq!(desktop_key(&entry, "StartupWMClass"), Some(WM_CLASS));
    assert_eq!(desktop_key(&entry, "Categories"), Some("Utility;Security;"));
    let keywords = desktop_key(&entry, "Keywords").unwrap_or_default();
    for word in ["2FA", "authenticator", "IRS", "ID.me", "Login.gov"] {
        assert!(
            keywords.split(';').any(|k| k == word),
            "no {word} in Keywords={keywords}"
        );
    }
    let metainfo = std::fs::read_to_string(METAINFO).unwrap();
    assert!(
        metainfo.contains(&format!(
            "<launchable type=\"desktop-id\">{DESKTOP_ID}</launchable>"
        )),
        "the metainfo's launchable is not {DESKTOP_ID}"
    );

    // The icon: a PNG of each size in the hicolor theme, the SVG for any other size, and GTK's own
    // lookup of the entry's Icon= name finds Keystep's file.
    for size in [32, 48, 64, 128, 256, 512] {
        let png = PathBuf::from(format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/{ICON}.png"
        ));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
    let svg = format!("/usr/share/icons/hicolor/scalable/apps/{ICON}.svg");
    assert!(
        std::fs::read_to_string(&svg).unwrap().contains("<svg"),
        "{svg}"
    );
    for size in ["16", "48", "128"] {
        let lookup = run(
            PYTHON,
            &[
                "-c",
                "import sys, gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk; \
                 i = Gtk.IconTheme.get_default().lookup_icon(sys.argv[1], int(sys.argv[2]), 0); \
                 print(i.get_filename() if i else '')",
                ICON,
                size,
            ],
        );
        let found = text(&lookup.stdout).trim().to_string();
        assert!(
            found.starts_with("/usr/share/icons/hicolor/") && files.lines().any(|l| l == found),
            "GTK finds icon {ICON} at {size} px in {found:?}, not in the package's files"
        );
    }

    // Opened from the applications menu: gtk-launch starts the desktop entry's Exec line as the
    // desktop would, here on a fresh data folder.
    let home = tempfile::tempdir().unwrap();
    let launched_at = Instant::now();
    // The app inherits gtk-launch's standard streams and outlives it: no pipes, or reading them would
    // wait for the app to end.
    let launch = Command::new("gtk-launch")
        .arg(DESKTOP_ID)
        .env("KEYSTEP_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .unwrap();
    assert!(launch.success(), "gtk-launch {DESKTOP_ID}: {launch}");
    let mut found = Vec::new();
    while found.is_empty() && launched_at.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        found = keystep_windows(Path::new(APP), home.path());
    }
    assert_eq!(
        found.len(),
        1,
        "no single window named Keystep of {APP} appeared within 60 s of gtk-launch"
    );
    let (window_id, pid) = found.remove(0);
    let mut app = KillOnDrop(Some(pid));
    eprintln!(
        "installed Keystep's window appeared {} ms after gtk-launch",
        launched_at.elapsed().as_millis()
    );
    assert_eq!(
        process_env(pid, "GIO_LAUNCHED_DESKTOP_FILE").as_deref(),
        Some(DESKTOP_FILE),
        "the app was not started from its desktop entry"
    );
    let wm_class = text(&run("xprop", &["-id", &window_id, "WM_CLASS"]).stdout);
    assert!(
        wm_class.contains(&format!("\"{WM_CLASS}\"")),
        "the window's {wm_class} does not match StartupWMClass={WM_CLASS}"
    );
    // Its first screen is painted: the page draws text and buttons, not one flat colour. The welcome
    // screen of a fresh data folder makes no vault.
    let geometry = window_geometry(&window_id);
    assert!(
        geometry.2 >= 360 && geometry.3 >= 480,
        "the window is {geometry:?}"
    );
    let shot = artifacts_dir().join("installed-first-screen.png");
    let mut colours = 0;
    for _ in 0..30 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let _ = std::fs::remove_file(&shot);
        run("scrot", &["--overwrite", shot.to_str().unwrap()]);
        colours = colours_in(&shot, geometry);
        if colours >= 50 {
            break;
        }
    }
    assert!(
        colours >= 50,
        "the installed window shows {colours} colours: its first screen did not paint (see {})",
        shot.display()
    );
    assert!(
        Path::new(&format!("/proc/{pid}")).exists(),
        "the installed app stopped"
    );
    assert!(
        !DataDir::at(home.path()).vault_file().exists(),
        "the first screen made a vault before being asked"
    );
    app.stop();

    // The installed command adds an account and prints its code ...
    let id = text(&installed_keystep(home.path(), &["add", "-"], Some(URI)).stdout)
        .trim()
        .to_string();
    assert!(!id.is_empty(), "keystep add printed no id");
    let code_json: serde_json::Value = serde_json::from_slice(
        &installed_keystep(home.path(), &["code", "IRS", "--json"], None).stdout,
    )
    .unwrap();
    let cli_code = code_json["code"].as_str().unwrap().to_string();
    assert!(
        codes_around_now(URI).contains(&cli_code),
        "the installed keystep prints {cli_code}"
    );

    // ... and the installed window shows the same code (the window and the command may straddle a
    // 30-second step: the command's codes of the steps around the window's moment are compared).
    let home_str = home.path().to_str().unwrap().to_string();
    let driver = Driver::start(&[("KEYSTEP_HOME", home_str.as_str())]);
    let client = driver.connect_app(Path::new(APP)).await;
    let row = wait_for(&client, "[data-testid=account-row]").await;
    let shown = shown_code(&row).await;
    let now = keystep_core::app::unix_now_ms() / 1000;
    let cli_codes: Vec<String> = [now - 30, now, now + 30]
        .iter()
        .map(|t| {
            let out = installed_keystep(
                home.path(),
                &["code", "IRS", "--at", &t.to_string(), "--json"],
                None,
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v["code"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(
        cli_codes.contains(&shown),
        "the installed window shows {shown}, the installed keystep prints {cli_codes:?}"
    );
    screenshot(&client, "installed-window.png").await;
    let _ = client.close().await;
    drop(driver);

    // Removed as a person would: the app and the command go, the codes and the keychain entry stay.
    let vault_id = vault::read_envelope(&DataDir::at(home.path()).vault_file())
        .unwrap()
        .vault_id;
    let remove = apt_get(&["remove", "-y", PACKAGE]);
    assert!(
        remove.status.success(),
        "apt-get remove {PACKAGE}: {}",
        text(&remove.stderr)
    );
    assert!(!installed(), "{PACKAGE} is still installed");
    for gone in [APP, CLI, DESKTOP_FILE, METAINFO] {
        assert!(
            !Path::new(gone).exists(),
            "{gone} is still there after removal"
        );
    }
    assert!(
        DataDir::at(home.path()).vault_file().is_file(),
        "removing the package removed the vault"
    );
    let key = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, "username", &vault_id])
        .output()
        .unwrap();
    assert!(
        key.status.success() && !key.stdout.is_empty(),
        "removing the package removed the keychain entry"
    );

    // Cleanup: this test's keychain entry (its data folder goes with the temporary directory).
    run(
        "secret-tool",
        &["clear", "service", SERVICE, "username", &vault_id],
    );
    eprintln!(
        "install, open, use and remove took {} s",
        started.elapsed().as_secs()
    );
}

#[test]
fn the_packages_declare_what_keystep_needs_and_run_no_scripts() {
    let deb = package_file("KEYSTEP_TEST_DEB");
    let rpm = package_file("KEYSTEP_TEST_RPM");

    let info = text(&run("dpkg-deb", &["--info", deb.to_str().unwrap()]).stdout);
    let field = |name: &str| -> String {
        info.lines()
            .find_map(|l| l.trim_start().strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in the control file:\n{info}"))
            .to_string()
    };
    assert_eq!(field("Package"), PACKAGE);
    let depends = field("Depends");
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "xdg-utils"] {
        assert!(
            depends.split(", ").any(|d| d == needed),
            "Depends: {depends} lacks {needed}"
        );
    }
    assert!(
        field("Recommends").contains("gnome-keyring"),
        "no Secret Service provider is recommended"
    );
    // No maintainer script: installing and removing never touch a person's data or keychain.
    for script in ["preinst", "postinst", "prerm", "postrm"] {
        assert!(
            !info.contains(script),
            "the .deb has a {script} script:\n{info}"
        );
    }
    // `dpkg-deb --contents` lists "usr/bin/keystep" or "./usr/bin/keystep" as the last field.
    let contents = text(&run("dpkg-deb", &["--contents", deb.to_str().unwrap()]).stdout);
    for path in [APP, CLI, DESKTOP_FILE, METAINFO] {
        assert!(
            contents.lines().any(|l| l
                .split_whitespace()
                .last()
                .is_some_and(|f| f.trim_start_matches('.').trim_start_matches('/') == &path[1..])),
            "{path} is not in the .deb:\n{contents}"
        );
    }

    let rpm = rpm.to_str().unwrap();
    let requires = text(&run("rpm", &["-qp", "--requires", rpm]).stdout);
    for needed in ["libwebkit2gtk-4.1.so.0", "libgtk-3.so.0", "xdg-utils"] {
        assert!(
            requires.contains(needed),
            "the .rpm does not require {needed}:\n{requires}"
        );
    }
    let recommends = text(&run("rpm", &["-qp", "--recommends", rpm]).stdout);
    assert!(
        recommends.contains("gnome-keyring"),
        "the .rpm recommends {recommends:?}"
    );
    let scripts = text(&run("rpm", &["-qp", "--scripts", rpm]).stdout);
    assert!(
        scripts.trim().is_empty(),
        "the .rpm has scripts:\n{scripts}"
    );
    let listing = text(&run("rpm", &["-qplv", rpm]).stdout);
    for path in [APP, CLI, DESKTOP_FILE, METAINFO] {
        let line = listing
            .lines()
            .find(|l| l.ends_with(&format!(" {path}")))
            .unwrap_or_else(|| panic!("{path} is not in the .rpm:\n{listing}"));
        if path == APP || path == CLI {
            assert!(line.starts_with("-rwxr-xr-x"), "{line}");
        }
    }
}
