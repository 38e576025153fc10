//! Never losing access, with the real `keystep` and the real keychain (gnome-keyring in the private D-Bus
//! session of scripts/with-test-session.sh): the recovery password, backups, restoring them on another
//! computer (a D-Bus session and keyring of its own), damaged and foreign backups, a backup folder that
//! fails, a full disk, and saves killed half-way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use keystep_core::keychain::SERVICE;
use keystep_core::paths::DataDir;
use keystep_core::vault::{self, VaultKey};
use keystep_e2e::{files_under, keystep, require_session};

/// A test that counts the keys in the shared keychain runs alone (holding this for writing); the others
/// run side by side (holding it for reading), so a key made by one of them cannot spoil a count.
static KEYCHAIN: RwLock<()> = RwLock::new(());

fn shared() -> RwLockReadGuard<'static, ()> {
    KEYCHAIN.read().unwrap_or_else(|p| p.into_inner())
}

fn exclusive() -> RwLockWriteGuard<'static, ()> {
    KEYCHAIN.write().unwrap_or_else(|p| p.into_inner())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails with keystep's message unless `out` is a success.
fn ok(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out.stdout)))
}

/// `keystep --password-file FILE ARGS...`.
fn keystep_pw(home: &Path, password_file: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--password-file", password_file.to_str().unwrap()];
    all.extend_from_slice(args);
    keystep(home, &all)
}

/// A recovery password from `keystep password suggest`, written to `dir/name`: the file and the password.
fn suggested_password(dir: &Path, name: &str) -> (PathBuf, String) {
    let out = ok(keystep(dir, &["password", "suggest"]), "password suggest");
    let password = text(&out.stdout).trim().to_string();
    assert_eq!(password.split(' ').count(), 5, "five words: {password:?}");
    let file = dir.join(name);
    std::fs::write(&file, &out.stdout).unwrap();
    (file, password)
}

fn set_password(home: &Path, password_file: &Path) {
    ok(
        keystep(
            home,
            &[
                "password",
                "set",
                "--new-password-file",
                password_file.to_str().unwrap(),
            ],
        ),
        "password set",
    );
}

fn add_ok(home: &Path, uri: &str) -> String {
    let out = ok(keystep(home, &["add", uri]), uri);
    text(&out.stdout).trim().to_string()
}

/// The issuers `keystep list --json` shows, in its order.
fn issuers(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["issuer"].as_str().unwrap().to_string())
        .collect()
}

fn listed(home: &Path) -> Vec<String> {
    issuers(&json(&ok(keystep(home, &["list", "--json"]), "list")))
}

fn vault_id(home: &Path) -> String {
    vault::read_envelope(&DataDir::at(home).vault_file())
        .unwrap()
        .vault_id
}

/// How many Keystep keys the keychain holds (every item under service "keystep"), from the text
/// `secret-tool search --all` printed: one "[<item path>]" line per item (the whole object path
/// "[/org/freedesktop/secrets/collection/login/1]" in the test session, "[/1]" in a new keyring).
fn count_items(search_output: &str) -> usize {
    search_output
        .lines()
        .filter(|l| l.starts_with("[/") && l.ends_with(']'))
        .count()
}

fn keystep_keys_in_keychain() -> usize {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", SERVICE])
        .output()
        .unwrap();
    count_items(&(text(&out.stdout) + &text(&out.stderr)))
}

/// The vault key the keychain holds for `vault_id`.
fn key_from_keychain(vault_id: &str) -> VaultKey {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, "username", vault_id])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "no key for {vault_id} in the keychain"
    );
    let bytes = data_encoding::BASE64
        .decode(text(&out.stdout).trim().as_bytes())
        .unwrap();
    VaultKey::from_bytes(bytes).unwrap()
}

/// The issuers of the accounts in the vault or backup file at `path`, sorted, opened with `key`.
fn issuers_in_file(path: &Path, key: &VaultKey) -> Vec<String> {
    let envelope = vault::read_envelope(path).unwrap();
    let contents = vault::decrypt(path, &envelope, key).unwrap();
    let mut out: Vec<String> = contents.accounts.iter().map(|a| a.issuer.clone()).collect();
    out.sort();
    out
}

/// The automatic backups in `folder` (files named keystep-backup-YYYYMMDD-HHMMSS.ksv).
fn backup_files(folder: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(keystep_core::backups::created_of)
                .is_some()
        })
        .collect();
    out.sort();
    out
}

/// Runs `script` with bash in a new D-Bus session whose gnome-keyring keeps its keyrings in a new,
/// empty folder: a computer that has never seen this vault or its key. `env` is passed to the script.
fn on_another_computer(script: &str, env: &[(&str, &Path)]) -> Output {
    let keyrings = tempfile::tempdir().unwrap();
    // Its own runtime folder too: gnome-keyring finds a running daemon through the control socket
    // there, and this "computer" must never reach the daemon (and the keys) of the test session.
    let runtime = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("dbus-run-session");
    cmd.args(["--", "bash", "-c", script])
        .env("KEYSTEP", keystep_e2e::binary("keystep"))
        .env("XDG_DATA_HOME", keyrings.path())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env_remove("DISPLAY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// What one command of a script run elsewhere printed and returned (`run NAME ARGS...` in the script
/// writes NAME.out, NAME.err and NAME.rc into $OUT).
struct Ran {
    name: String,
    rc: i32,
    stdout: String,
    stderr: String,
}

impl Ran {
    fn read(out: &Path, name: &str) -> Self {
        let read = |ext: &str| {
            std::fs::read_to_string(out.join(format!("{name}.{ext}")))
                .unwrap_or_else(|e| panic!("{name}.{ext}: {e} (the script stopped early)"))
        };
        Ran {
            name: name.to_string(),
            rc: read("rc").trim().parse().unwrap(),
            stdout: read("out"),
            stderr: read("err"),
        }
    }

    fn ok(self) -> Self {
        assert_eq!(
            self.rc, 0,
            "{}: exit {}\nstdout: {}\nstderr: {}",
            self.name, self.rc, self.stdout, self.stderr
        );
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {}", self.name, self.stdout))
    }
}

/// The shell function behind `run NAME ARGS...`: `keystep --home "$HOME_DIR" ARGS...` with its output
/// and exit status kept in $OUT.
const RUN_FN: &str = r#"
run() {
    name=$1; shift
    set +e
    "$KEYSTEP" --home "$HOME_DIR" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
    echo $? >"$OUT/$name.rc"
    set -e
}
"#;

const IRS: &str = "otpauth://totp/IRS:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";
const SSA: &str = "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&algorithm=SHA256&digits=8&period=60&issuer=SSA";
const BANK: &str =
    "otpauth://hotp/Bank:me?secret=KRUGS4ZANFZSAYJAMZQWWZJAONSWKZBB&counter=7&issuer=Bank";
const OTHER: &str = "otpauth://totp/Other:me?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Other";

/// A backup written with `backup --out` opens on a computer that never saw the vault: another D-Bus
/// session with a new, empty keyring and a new data folder. `restore --password-file` there makes the
/// vault (with a new key in that keyring), reports what it brought back, and every account gives the
/// same codes as the original at the same moments (HOTP: the same code for the same counter).
#[test]
fn a_backup_restored_on_another_computer_gives_the_same_codes() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, password) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    set_password(&home, &password_file);
    add_ok(&home, SSA);
    add_ok(&home, BANK);
    ok(
        keystep(&home, &["phone", "add", "+12025550143", "--label", "mine"]),
        "phone add",
    );
    ok(
        keystep(
            &home,
            &["service", "add", "idme", "--code-phone", "+12025550143"],
        ),
        "service add",
    );
    let backup = work.path().join("keystep-backup.ksv");
    ok(
        keystep(&home, &["backup", "--out", backup.to_str().unwrap()]),
        "backup --out",
    );
    let backup_text = std::fs::read_to_string(&backup).unwrap();
    assert!(
        !backup_text.contains(&password),
        "the backup holds the password"
    );
    assert!(
        !backup_text.contains("\"keychain\""),
        "a backup for another computer has only the password slot"
    );

    // The original's codes, after the backup (the HOTP code moves the original's counter on; the
    // backup still has the counter it was made with, so the copy gives this same code next).
    let moments = ["59", "1111111109", "2000000000"];
    let mut expected = Vec::new();
    for issuer in ["IRS", "SSA"] {
        for at in moments {
            let out = ok(
                keystep(&home, &["code", issuer, "--at", at, "--json"]),
                "code",
            );
            expected.push((format!("code-{issuer}-{at}"), json(&out)));
        }
    }
    let bank = json(&ok(
        keystep(&home, &["code", "Bank", "--json"]),
        "code Bank",
    ));
    assert_eq!(bank["counter"], 7);
    expected.push(("code-Bank".to_string(), bank));

    let out_dir = tempfile::tempdir().unwrap();
    let new_home = tempfile::tempdir().unwrap();
    let mut script = format!(
        r#"
        set -e
        printf %s another-computer | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        {RUN_FN}
        secret-tool search --all service keystep >"$OUT/keys-before.txt" 2>&1 || true
        run restore --password-file "$PASSWORD_FILE" restore "$BACKUP" --json
        run list list --json
        run phones phone list --json
        run services service list --json
        run list-with-password --password-file "$PASSWORD_FILE" list --json
        secret-tool search --all service keystep >"$OUT/keys-after.txt" 2>&1 || true
        "#
    );
    for (name, _) in &expected {
        let args = match name.strip_prefix("code-").unwrap().split_once('-') {
            Some((issuer, at)) => format!("code {issuer} --at {at} --json"),
            None => "code Bank --json".to_string(),
        };
        script.push_str(&format!("run {name} {args}\n"));
    }
    let session = on_another_computer(
        &script,
        &[
            ("HOME_DIR", new_home.path()),
            ("OUT", out_dir.path()),
            ("PASSWORD_FILE", password_file.as_path()),
            ("BACKUP", backup.as_path()),
        ],
    );
    assert!(
        session.status.success(),
        "the other computer's session failed: {}",
        text(&session.stderr)
    );
    let out = out_dir.path();
    let keys_before = std::fs::read_to_string(out.join("keys-before.txt")).unwrap();
    assert_eq!(
        count_items(&keys_before),
        0,
        "the other computer's keyring starts empty: {keys_before}"
    );

    let restore = Ran::read(out, "restore").ok();
    assert_eq!(
        restore.json(),
        serde_json::json!({"added": 3, "duplicates": 0, "phones": 1, "services": 1, "runs": 0, "replaced": false}),
    );
    assert!(!restore.stderr.contains(&password));
    assert_eq!(
        count_items(&std::fs::read_to_string(out.join("keys-after.txt")).unwrap()),
        1,
        "the restore put a new key into the other computer's keyring"
    );
    // Opens there with the keychain alone, and still with the same password.
    let list = Ran::read(out, "list").ok().json();
    assert_eq!(issuers(&list), ["Bank", "IRS", "SSA"]);
    let with_password = Ran::read(out, "list-with-password").ok().json();
    assert_eq!(issuers(&with_password), ["Bank", "IRS", "SSA"]);
    let phones = Ran::read(out, "phones").ok().json();
    assert_eq!(phones[0]["e164"], "+12025550143");
    assert_eq!(phones[0]["label"], "mine");
    let services = Ran::read(out, "services").ok().json();
    assert_eq!(services.as_array().unwrap().len(), 1, "{services}");

    for (name, original) in &expected {
        let copy = Ran::read(out, name).ok().json();
        assert_eq!(
            copy["code"], original["code"],
            "{name}: the restored account gives another code"
        );
        assert_eq!(copy["counter"], original["counter"], "{name}");
        assert_eq!(copy["valid_until"], original["valid_until"], "{name}");
    }
}

/// When the keychain loses the key of a vault with a recovery password, Keystep says the password is
/// needed (exit 4, never an empty vault), opens with `--password-file`, and `password restore-key`
/// puts the key back so that it opens without the password again.
#[test]
fn a_lost_keychain_key_is_replaced_with_the_recovery_password() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, password) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    add_ok(&home, SSA);
    set_password(&home, &password_file);
    let vid = vault_id(&home);
    let vault_before = std::fs::read(DataDir::at(&home).vault_file()).unwrap();

    let cleared = Command::new("secret-tool")
        .args(["clear", "service", SERVICE, "username", &vid])
        .status()
        .unwrap();
    assert!(cleared.success());
    let out = keystep(&home, &["list"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("[vault.password_needed]"), "{stderr}");
    assert!(stderr.contains("--password-file"), "{stderr}");
    assert!(!text(&out.stdout).contains("No accounts"));
    assert_eq!(
        std::fs::read(DataDir::at(&home).vault_file()).unwrap(),
        vault_before,
        "the vault was changed"
    );

    let with_password = ok(
        keystep_pw(&home, &password_file, &["list", "--json"]),
        "list with the password",
    );
    assert_eq!(issuers(&json(&with_password)), ["IRS", "SSA"]);

    let wrong = work.path().join("wrong.txt");
    std::fs::write(&wrong, "not the password at all 123\n").unwrap();
    let out = keystep_pw(&home, &wrong, &["password", "restore-key"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("[vault.wrong_password]"));
    assert!(
        !Command::new("secret-tool")
            .args(["lookup", "service", SERVICE, "username", &vid])
            .status()
            .unwrap()
            .success(),
        "a wrong password put a key into the keychain"
    );

    let out = ok(
        keystep_pw(&home, &password_file, &["password", "restore-key"]),
        "password restore-key",
    );
    assert!(!text(&out.stderr).contains(&password));
    // The same key as before, under the same vault id.
    let key = key_from_keychain(&vid);
    assert_eq!(
        issuers_in_file(&DataDir::at(&home).vault_file(), &key),
        ["IRS", "SSA"]
    );
    assert_eq!(listed(&home), ["IRS", "SSA"]);
}

/// The reference decryptor (scripts/reference-decrypt.py, Python and PyNaCl only) opens a backup with
/// the recovery password, and the secrets in its JSON are the ones added (compared as bytes, after
/// decoding both); a wrong password is refused with status 1 and no output.
#[test]
fn the_reference_decryptor_opens_a_backup_with_the_password_alone() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, _) = suggested_password(work.path(), "password.txt");
    // Lower case: Keystep stores base32 upper case, so the text differs and only the bytes compare.
    let added = [
        ("IRS", "jbswy3dpehpk3pxp"),
        ("Bank", "krugs4zanfzsayjamzqwwzjaonswkzbb"),
    ];
    add_ok(
        &home,
        &format!("otpauth://totp/IRS:me?secret={}&issuer=IRS", added[0].1),
    );
    add_ok(
        &home,
        &format!(
            "otpauth://hotp/Bank:me?secret={}&counter=3&issuer=Bank",
            added[1].1
        ),
    );
    set_password(&home, &password_file);
    let backup = work.path().join("out.ksv");
    ok(
        keystep(&home, &["backup", "--out", backup.to_str().unwrap()]),
        "backup --out",
    );
    // The newest automatic backup (made by setting the password) opens the same way.
    let automatic = backup_files(&home.join("backups")).pop().unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/reference-decrypt.py");
    let decrypt = |file: &Path, password: &Path| {
        Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(file)
            .arg("--password-file")
            .arg(password)
            .output()
            .unwrap()
    };
    for file in [&backup, &automatic] {
        let out = decrypt(file, &password_file);
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            text(&out.stderr)
        );
        let payload = json(&out);
        let accounts = payload["accounts"].as_array().unwrap();
        assert_eq!(accounts.len(), 2);
        for (issuer, secret) in added {
            let account = accounts
                .iter()
                .find(|a| a["issuer"] == issuer)
                .unwrap_or_else(|| panic!("{issuer} missing: {payload}"));
            let stored = data_encoding::BASE32_NOPAD
                .decode(account["secret"].as_str().unwrap().as_bytes())
                .unwrap();
            let original = data_encoding::BASE32_NOPAD
                .decode(secret.to_uppercase().as_bytes())
                .unwrap();
            assert_eq!(stored, original, "{issuer}'s secret");
        }
        let bank = accounts.iter().find(|a| a["issuer"] == "Bank").unwrap();
        assert_eq!(bank["kind"], "hotp");
        assert_eq!(bank["counter"], 3);
    }

    let wrong = work.path().join("wrong.txt");
    std::fs::write(&wrong, "correct horse battery staple\n").unwrap();
    let out = decrypt(&backup, &wrong);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("wrong password"),
        "{}",
        text(&out.stderr)
    );
}

/// A backup that does not open (a wrong password, one changed byte in the encrypted data, a cut-off
/// file, an empty file, another program's file) is refused with exit 4 and the reason's code, and
/// restoring it into an empty data folder creates nothing: no file there and no key in the keychain.
/// No message repeats the password.
#[test]
fn a_bad_backup_is_refused_and_creates_nothing() {
    require_session();
    // Counts the keychain's keys: no other test of this file may make one meanwhile.
    let _keychain = exclusive();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, password) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    set_password(&home, &password_file);
    let good = work.path().join("good.ksv");
    ok(
        keystep(&home, &["backup", "--out", good.to_str().unwrap()]),
        "backup --out",
    );
    let raw = std::fs::read_to_string(&good).unwrap();

    // One bit of one byte of the ciphertext changed, the rest of the file as it was.
    let envelope: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let data = envelope["payload"]["data"].as_str().unwrap();
    let mut bytes = data_encoding::BASE64.decode(data.as_bytes()).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let flipped = raw.replace(data, &data_encoding::BASE64.encode(&bytes));
    assert_ne!(flipped, raw);

    let wrong = work.path().join("wrong.txt");
    let wrong_password = "tablet unsworn crumpet hazily quarry";
    std::fs::write(&wrong, format!("{wrong_password}\n")).unwrap();
    let cases: [(&str, Vec<u8>, &Path, &str); 7] = [
        (
            "wrong password",
            raw.clone().into_bytes(),
            &wrong,
            "[vault.wrong_password]",
        ),
        (
            "one flipped byte",
            flipped.into_bytes(),
            &password_file,
            "[vault.corrupt]",
        ),
        (
            "cut in half",
            raw.as_bytes()[..raw.len() / 2].to_vec(),
            &password_file,
            "[vault.corrupt]",
        ),
        (
            "last bytes cut off",
            raw.as_bytes()[..raw.len() - 3].to_vec(),
            &password_file,
            "[vault.corrupt]",
        ),
        ("empty", Vec::new(), &password_file, "[vault.corrupt]"),
        (
            "a PNG",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec(),
            &password_file,
            "[vault.corrupt]",
        ),
        (
            "another program's JSON",
            br#"{"format":"other","version":2,"data":"aGVsbG8="}"#.to_vec(),
            &password_file,
            "[vault.corrupt]",
        ),
    ];
    for (i, (what, bytes, password_used, code)) in cases.iter().enumerate() {
        let file = work.path().join(format!("bad-{i}.ksv"));
        std::fs::write(&file, bytes).unwrap();
        let empty = work.path().join(format!("empty-{i}"));
        std::fs::create_dir(&empty).unwrap();
        let keys_before = keystep_keys_in_keychain();
        let out = keystep_pw(
            &empty,
            password_used,
            &["restore", file.to_str().unwrap(), "--json"],
        );
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{what}: {stderr}");
        assert!(stderr.contains(code), "{what}: {stderr}");
        assert!(out.stdout.is_empty(), "{what}: {}", text(&out.stdout));
        for secret in [password.as_str(), wrong_password] {
            assert!(
                !stderr.contains(secret),
                "{what}: the message holds a password"
            );
        }
        assert!(
            std::fs::read_dir(&empty).unwrap().next().is_none(),
            "{what}: files were made: {:?}",
            files_under(&empty)
        );
        assert_eq!(
            keystep_keys_in_keychain(),
            keys_before,
            "{what}: a key was put into the keychain"
        );
    }
    // The good backup does restore (the cases above fail for their own reason, not the setup's).
    let empty = work.path().join("empty-good");
    std::fs::create_dir(&empty).unwrap();
    ok(
        keystep_pw(&empty, &password_file, &["restore", good.to_str().unwrap()]),
        "restore of the good backup",
    );
    assert_eq!(listed(&empty), ["IRS"]);
}

/// Restoring into a vault that already holds some of the backup's accounts adds only the others and
/// reports the rest as duplicates (again: nothing more is added). `--replace` first keeps the present
/// vault as a new backup in backups/ (one that opens and holds exactly the accounts that were there),
/// then holds exactly the backup's accounts.
#[test]
fn restoring_merges_and_replace_keeps_the_present_vault_as_a_backup_first() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("source");
    let (password_file, _) = suggested_password(work.path(), "password.txt");
    add_ok(&source, IRS);
    add_ok(&source, SSA);
    set_password(&source, &password_file);
    let backup = work.path().join("source.ksv");
    ok(
        keystep(&source, &["backup", "--out", backup.to_str().unwrap()]),
        "backup --out",
    );

    // Another vault (no password) with the same IRS account and one of its own.
    let home = work.path().join("home");
    add_ok(&home, IRS);
    add_ok(&home, OTHER);
    let restore = |extra: &[&str]| {
        let mut args = vec!["restore", backup.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        json(&ok(keystep_pw(&home, &password_file, &args), "restore"))
    };
    assert_eq!(
        restore(&[]),
        serde_json::json!({"added": 1, "duplicates": 1, "phones": 0, "services": 0, "runs": 0, "replaced": false})
    );
    assert_eq!(listed(&home), ["IRS", "Other", "SSA"]);
    assert_eq!(
        restore(&[]),
        serde_json::json!({"added": 0, "duplicates": 2, "phones": 0, "services": 0, "runs": 0, "replaced": false})
    );
    assert_eq!(listed(&home), ["IRS", "Other", "SSA"]);

    // Only what --replace itself keeps may be in backups/ afterwards (the automatic ones of the saves
    // above already hold the present accounts, so they could not tell).
    let backups = home.join("backups");
    for old in backup_files(&backups) {
        std::fs::remove_file(old).unwrap();
    }
    assert_eq!(
        restore(&["--replace"]),
        serde_json::json!({"added": 2, "duplicates": 0, "phones": 0, "services": 0, "runs": 0, "replaced": true})
    );
    assert_eq!(listed(&home), ["IRS", "SSA"]);
    let key = key_from_keychain(&vault_id(&home));
    let kept: Vec<Vec<String>> = backup_files(&backups)
        .iter()
        .map(|b| issuers_in_file(b, &key))
        .collect();
    assert!(
        kept.contains(&vec!["IRS".into(), "Other".into(), "SSA".into()]),
        "no backup in backups/ holds the vault as it was before --replace: {kept:?}"
    );
    let listed_backups = json(&ok(
        keystep(&home, &["backup", "list", "--json"]),
        "backup list",
    ));
    assert!(
        listed_backups
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["accounts"] == 3),
        "{listed_backups}"
    );
}

/// The review findings of `keystep phone review --json`, as (code, message).
fn review(home: &Path) -> Vec<(String, String)> {
    let out = ok(
        keystep(home, &["phone", "review", "--json"]),
        "phone review",
    );
    json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                i["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A backup folder that cannot be written never costs a change: the change is saved, and `phone review
/// --json` holds an urgent `backup_failed` naming the folder. Once the folder works again, the next
/// change clears the finding and a backup that opens is there. Run first with a folder made read-only
/// (only where chmod stops this user: not root), then always with a folder whose parent is a regular
/// file, which no user can write into.
#[test]
fn a_failing_backup_folder_is_reported_and_the_change_is_saved_anyway() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, _) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    set_password(&home, &password_file);
    let review_codes =
        |home: &Path| -> Vec<String> { review(home).into_iter().map(|(code, _)| code).collect() };
    assert!(review_codes(&home).contains(&"no_backup_outside".to_string()));
    let usb = work.path().join("usb");
    let folder = usb.join("keystep");
    ok(
        keystep(&home, &["backup", "folder", folder.to_str().unwrap()]),
        "backup folder",
    );
    assert_eq!(backup_files(&folder).len(), 1, "a backup at once");
    let codes = review_codes(&home);
    assert!(
        !codes.contains(&"no_backup_outside".to_string()),
        "{codes:?}"
    );
    assert!(!codes.contains(&"backup_failed".to_string()), "{codes:?}");

    let add_numbered = |home: &Path, issuer: &str, n: u32| {
        add_ok(
            home,
            &format!(
                "otpauth://totp/{issuer}:me?secret={}&issuer={issuer}",
                secret_for(n)
            ),
        );
    };
    let check_failure = |home: &Path, issuer: &str, n: u32| {
        add_numbered(home, issuer, n);
        assert!(
            listed(home).contains(&issuer.to_string()),
            "the change was not saved"
        );
        let found = review(home);
        let failed = found
            .iter()
            .find(|(code, _)| code == "backup_failed")
            .unwrap_or_else(|| panic!("no backup_failed in the review: {found:?}"));
        assert!(
            failed.1.contains(folder.to_str().unwrap()),
            "the finding does not name the folder: {}",
            failed.1
        );
        let all = json(&ok(keystep(home, &["phone", "review", "--json"]), "review"));
        assert_eq!(all[0]["code"], "backup_failed", "urgent comes first: {all}");
        assert_eq!(all[0]["severity"], "urgent");
    };
    let check_fixed = |home: &Path, issuer: &str, n: u32| {
        let before = backup_files(&folder).len();
        add_numbered(home, issuer, n);
        let codes = review_codes(home);
        assert!(!codes.contains(&"backup_failed".to_string()), "{codes:?}");
        assert!(backup_files(&folder).len() > before || before >= 10);
        let listed_backups = json(&ok(
            keystep(home, &["backup", "list", "--json"]),
            "backup list",
        ));
        let in_folder: Vec<&serde_json::Value> = listed_backups
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| {
                b["path"]
                    .as_str()
                    .unwrap()
                    .starts_with(folder.to_str().unwrap())
            })
            .collect();
        assert!(!in_folder.is_empty(), "{listed_backups}");
        assert!(
            in_folder.iter().all(|b| !b["accounts"].is_null()),
            "{listed_backups}"
        );
        assert_eq!(in_folder[0]["sealed_by"], "password");
    };

    // A read-only folder: chmod 500 stops every user but root (and others with CAP_DAC_OVERRIDE).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    let probe = folder.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        eprintln!(
            "NOTE: chmod 500 does not stop this user (root) from writing, so the read-only folder part is not checked here; the folder under a regular file below is."
        );
    } else {
        check_failure(&home, "ReadOnly", 1);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
        check_fixed(&home, "Writable", 2);
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();

    // The folder's parent becomes a regular file (a USB stick's mount point replaced by a file, say):
    // ENOTDIR, for every user.
    std::fs::remove_dir_all(&usb).unwrap();
    std::fs::write(&usb, b"not a folder").unwrap();
    check_failure(&home, "NotADir", 3);
    std::fs::remove_file(&usb).unwrap();
    check_fixed(&home, "Fixed", 4);
}

/// A base32 secret (10 bytes) of its own for `n`.
fn secret_for(n: u32) -> String {
    let mut bytes = n.to_be_bytes().to_vec();
    bytes.extend_from_slice(&[0x4b, 0x53, 0x54, 0x45, 0x50, 0x21]);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

/// A full disk: the data folder on a small tmpfs (mounted in a mount namespace of its own, so it goes
/// away with the test whatever happens), filled up by another file. A save then fails with exit 4
/// (`vault.io`, naming the cause), the vault file is byte for byte what it was and still opens with
/// the same accounts, and no temporary file is left behind. Once there is room again, saving works.
#[test]
fn a_save_on_a_full_disk_fails_clearly_and_the_old_vault_still_opens() {
    require_session();
    let _keychain = shared();
    let mount_point = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let script = format!(
        r#"
        set -e
        mount -t tmpfs -o size=256k,mode=0700 keystep-full-disk "$MNT"
        trap 'umount "$MNT"' EXIT
        HOME_DIR="$MNT/home"
        {RUN_FN}
        run add-irs add '{IRS}'
        run add-ssa add '{SSA}'
        cp "$HOME_DIR/vault.ksv" "$OUT/vault-before.ksv"
        dd if=/dev/zero of="$MNT/filler" bs=4k >/dev/null 2>&1 || true
        df -k "$MNT" >"$OUT/df.txt"
        run add-full add '{OTHER}'
        run list-full list --json
        cp "$HOME_DIR/vault.ksv" "$OUT/vault-after.ksv"
        ls -A "$HOME_DIR" >"$OUT/files-after.txt"
        rm "$MNT/filler"
        run add-room add '{OTHER}'
        run list-room list --json
        "#
    );
    // `unshare -m`: a private mount namespace (needs root or CAP_SYS_ADMIN, as these tests have).
    let out = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "bash", "-c", &script])
        .env("KEYSTEP", keystep_e2e::binary("keystep"))
        .env("MNT", mount_point.path())
        .env("OUT", out_dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "could not make a small full disk (a tmpfs in a private mount namespace; this needs root or CAP_SYS_ADMIN): {}",
        text(&out.stderr)
    );
    let dir = out_dir.path();
    Ran::read(dir, "add-irs").ok();
    Ran::read(dir, "add-ssa").ok();
    let df = std::fs::read_to_string(dir.join("df.txt")).unwrap();

    let full = Ran::read(dir, "add-full");
    assert_eq!(full.rc, 4, "a save on a full disk: {}\n{df}", full.stderr);
    assert!(full.stderr.contains("[vault.io]"), "{}", full.stderr);
    assert!(
        full.stderr.contains("No space left on device"),
        "the message names the cause: {}",
        full.stderr
    );
    assert!(full.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.join("vault-after.ksv")).unwrap(),
        std::fs::read(dir.join("vault-before.ksv")).unwrap(),
        "the vault file changed"
    );
    let files = std::fs::read_to_string(dir.join("files-after.txt")).unwrap();
    assert!(
        !files.contains(".tmp-"),
        "a temporary file was left: {files}"
    );
    let list = Ran::read(dir, "list-full").ok().json();
    assert_eq!(issuers(&list), ["IRS", "SSA"]);

    Ran::read(dir, "add-room").ok();
    assert_eq!(
        issuers(&Ran::read(dir, "list-room").ok().json()),
        ["IRS", "Other", "SSA"]
    );
}

/// xorshift64: enough randomness for delays, and a seed that replays a run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// 200 `keystep add`s on a vault with a recovery password and a backup folder, each killed with
/// SIGKILL at a random moment: after an offset that walks over the whole life of an add (start, the
/// keychain, the save, the backups, past its end) plus 0–40 ms. (0–40 ms alone would stop every add
/// long before its save: one takes about 100–170 ms here, and saves in its last quarter.) After each, `keystep list --json` succeeds and counts
/// every add that finished (exit 0), plus at most the killed ones (an add killed after its rename has
/// landed), never fewer and never fewer than before. At the end every backup file in backups/ and in
/// the backup folder opens (`backup list --json` shows each with its accounts), the vault still opens
/// with the password, and the next save that is not killed clears the half-written files the kills
/// left. KEYSTEP_KILL_SEED=N replays a run.
#[test]
fn adds_killed_at_random_moments_never_lose_or_damage_anything() {
    require_session();
    // Alone, so that its timing (and its runtime) does not depend on the other tests.
    let _keychain = exclusive();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, _) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    set_password(&home, &password_file);
    let folder = work.path().join("usb");
    ok(
        keystep(&home, &["backup", "folder", folder.to_str().unwrap()]),
        "backup folder",
    );

    let seed = std::env::var("KEYSTEP_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            u64::from(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .subsec_nanos(),
            ) | 1
        });
    eprintln!("kill loop seed: {seed} (KEYSTEP_KILL_SEED={seed} replays it)");
    let mut rng = Rng(seed);

    let keystep_bin = keystep_e2e::binary("keystep");
    let start_add = |i: u32| {
        Command::new(&keystep_bin)
            .arg("--home")
            .arg(&home)
            .args([
                "add",
                &format!(
                    "otpauth://totp/Kill{i}:me?secret={}&issuer=Kill{i}",
                    secret_for(i)
                ),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // How long one add takes here, to spread the kills over all of it.
    let mut took = Vec::new();
    for i in 0..3 {
        let started = Instant::now();
        let out = start_add(1_000_000 + i).wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        took.push(started.elapsed());
    }
    took.sort();
    let add_time = took[1];
    let mut landed = 4usize; // IRS and the three timed adds
    let mut killed = 0usize;
    let mut count = landed;

    let loop_started = Instant::now();
    for i in 0..200u32 {
        // Start, half-way (the keychain), then around the save and the backups, and past the end.
        let offset = add_time * [0, 10, 15, 18, 24][i as usize % 5] / 20;
        let delay = offset + Duration::from_millis(rng.next() % 41);
        let mut child = start_add(i);
        std::thread::sleep(delay);
        match child.try_wait().unwrap() {
            Some(status) => {
                let out = child.wait_with_output().unwrap();
                assert!(
                    status.success(),
                    "iteration {i}: an add that was not killed failed: {}",
                    text(&out.stderr)
                );
                landed += 1;
            }
            None => {
                child.kill().unwrap();
                let status = child.wait().unwrap();
                if status.success() {
                    landed += 1; // it finished between the look and the kill
                } else {
                    killed += 1;
                }
            }
        }
        let out = keystep(&home, &["list", "--json"]);
        assert!(
            out.status.success(),
            "iteration {i} (seed {seed}): list failed after a kill: {}",
            text(&out.stderr)
        );
        let now = json(&out).as_array().unwrap().len();
        assert!(
            now >= landed && now <= landed + killed && now >= count,
            "iteration {i} (seed {seed}): {now} accounts; {landed} adds finished, {killed} killed, {count} before"
        );
        count = now;
    }
    let elapsed = loop_started.elapsed();
    eprintln!(
        "kill loop: 200 adds in {elapsed:?} (one add took {add_time:?}): {} finished, {killed} killed, of which {} had landed",
        landed - 4,
        count - landed
    );
    assert!(
        killed > 0 && landed > 4,
        "the kills must hit adds both early and late (seed {seed})"
    );

    let listed_backups = json(&ok(
        keystep(&home, &["backup", "list", "--json"]),
        "backup list",
    ));
    let entries = listed_backups.as_array().unwrap();
    let on_disk = backup_files(&home.join("backups")).len() + backup_files(&folder).len();
    // `backup list` leaves out a file it cannot read at all: count the files on disk too.
    assert_eq!(entries.len(), on_disk, "{listed_backups}");
    for b in entries {
        assert!(!b["accounts"].is_null(), "a backup that does not open: {b}");
        assert_eq!(b["sealed_by"], "password", "{b}");
    }
    let with_password = ok(
        keystep_pw(&home, &password_file, &["list", "--json"]),
        "list with the password",
    );
    assert_eq!(json(&with_password).as_array().unwrap().len(), count);
    // What the killed adds left half-written of the vault and its backups (copies of the vault) goes
    // with the next save that is not killed: the vault's temporary files at once, a backup's once it is
    // older than a write still under way could be (dated back here, as if the kills were long ago).
    // (A half-written .backup-status.json.tmp-… holds no secret and is not looked at.)
    let half_written = || -> Vec<PathBuf> {
        files_under(&home)
            .into_iter()
            .chain(files_under(&folder))
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.contains(".tmp-")
                    && (name.starts_with(".vault.ksv") || name.starts_with(".keystep-backup-"))
            })
            .collect()
    };
    let left = half_written();
    eprintln!("half-written files the kills left: {}", left.len());
    let long_ago = std::time::SystemTime::now()
        - keystep_core::backups::ABANDONED_TEMP_AGE
        - Duration::from_secs(60);
    for p in left.iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".keystep-backup-")
    }) {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    add_ok(&home, OTHER);
    let still = half_written();
    assert!(still.is_empty(), "half-written files left: {still:?}");
}

/// A damaged `vault.ksv` (cut in half) is refused as damaged; `keystep recover` keeps it aside as
/// `vault.ksv.damaged-…` (byte for byte) and opens the newest automatic backup with the password,
/// after which the codes list again. Without a password the backup does not open and nothing moves.
#[test]
fn a_damaged_vault_is_kept_aside_and_recover_opens_the_newest_backup() {
    require_session();
    let _keychain = shared();
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    let (password_file, _) = suggested_password(work.path(), "password.txt");
    add_ok(&home, IRS);
    set_password(&home, &password_file);
    add_ok(&home, SSA);
    let vault = home.join("vault.ksv");
    let whole = std::fs::read(&vault).unwrap();
    let damaged = &whole[..whole.len() / 2];
    std::fs::write(&vault, damaged).unwrap();
    let refused = keystep(&home, &["list"]);
    assert_eq!(refused.status.code(), Some(4));
    assert!(
        text(&refused.stderr).contains("[vault.corrupt]"),
        "{}",
        text(&refused.stderr)
    );
    assert!(
        text(&refused.stderr).contains("keystep recover"),
        "{}",
        text(&refused.stderr)
    );

    let without = keystep(&home, &["recover"]);
    assert_eq!(without.status.code(), Some(2), "{}", text(&without.stderr));
    assert_eq!(
        std::fs::read(&vault).unwrap(),
        damaged,
        "a failed recover moved the file"
    );

    let out = ok(
        keystep_pw(&home, &password_file, &["recover", "--json"]),
        "recover",
    );
    let report = json(&out);
    let kept = PathBuf::from(report["damagedKept"].as_str().unwrap());
    assert!(
        kept.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("vault.ksv.damaged-")
    );
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        damaged,
        "the damaged file was not kept as it was"
    );
    assert_eq!(report["restored"]["added"], 2);
    let mut names = listed(&home);
    names.sort();
    assert_eq!(names, ["IRS", "SSA"]);
}
