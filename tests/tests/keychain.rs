//! The vault key in a real Secret Service (gnome-keyring in the private D-Bus session of
//! scripts/with-test-session.sh), used by separate `keystep` processes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use keystep_core::keychain::SERVICE;
use keystep_core::paths::DataDir;
use keystep_core::vault::{self, VaultKey};
use keystep_e2e::{files_under, keystep, keystep_with_env, require_session};

const SEEDS: [&str; 3] = [
    "JBSWY3DPEHPK3PXP",
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    "KRUGS4ZANFZSAYJAMZQWWZJAONSWKZBB",
];

fn vault_id(home: &std::path::Path) -> String {
    vault::read_envelope(&DataDir::at(home).vault_file())
        .unwrap()
        .vault_id
}

fn secret_tool_lookup(vault_id: &str) -> String {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, "username", vault_id])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "secret-tool found no item for {vault_id}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_vault_created_by_one_process_opens_in_another_with_the_key_from_the_keychain() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let add = add_ok(
        home.path(),
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS",
    );
    let id = String::from_utf8(add.stdout).unwrap().trim().to_string();

    let list = keystep(home.path(), &["list", "--json"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let accounts: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(accounts[0]["id"], id.as_str());
    assert_eq!(accounts[0]["issuer"], "IRS");

    // The key is in the keychain under service "keystep", account = vault id, and it opens the file.
    let vid = vault_id(home.path());
    let stored = secret_tool_lookup(&vid);
    let bytes = data_encoding::BASE64
        .decode(stored.trim().as_bytes())
        .unwrap();
    let key = VaultKey::from_bytes(bytes).expect("a 32-byte key");
    let path = DataDir::at(home.path()).vault_file();
    let contents = vault::decrypt(&path, &vault::read_envelope(&path).unwrap(), &key).unwrap();
    assert_eq!(contents.accounts.len(), 1);
}

#[test]
fn no_file_in_the_data_directory_contains_a_seed_in_any_form() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    for (i, seed) in SEEDS.iter().enumerate() {
        let uri = format!("otpauth://totp/Service{i}:me?secret={seed}");
        assert!(keystep(home.path(), &["add", &uri]).status.success());
    }
    // A rejected add (duplicate) and a HOTP counter save are writes too.
    assert!(
        !keystep(
            home.path(),
            &[
                "add",
                &format!("otpauth://totp/Service0:me?secret={}", SEEDS[0])
            ]
        )
        .status
        .success()
    );
    assert!(
        keystep(
            home.path(),
            &[
                "add",
                "otpauth://hotp/Counter:me?secret=MFRGGZDFMZTWQ2LK&counter=1"
            ]
        )
        .status
        .success()
    );
    assert!(keystep(home.path(), &["code", "Counter"]).status.success());

    let files = files_under(home.path());
    assert!(
        files.len() >= 2,
        "expected the vault and its lock file, got {files:?}"
    );
    let mut needles: Vec<Vec<u8>> = Vec::new();
    for seed in SEEDS.iter().chain(["MFRGGZDFMZTWQ2LK"].iter()) {
        let raw = data_encoding::BASE32_NOPAD.decode(seed.as_bytes()).unwrap();
        needles.push(seed.as_bytes().to_vec());
        needles.push(seed.to_lowercase().into_bytes());
        needles.push(
            data_encoding::BASE64
                .encode(&raw)
                .trim_end_matches('=')
                .as_bytes()
                .to_vec(),
        );
        needles.push(data_encoding::HEXLOWER.encode(&raw).into_bytes());
        needles.push(raw);
    }
    for file in files {
        let content = std::fs::read(&file).unwrap();
        for needle in &needles {
            assert!(
                !content
                    .windows(needle.len())
                    .any(|w| w == needle.as_slice()),
                "{} contains a seed",
                file.display()
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} has mode {mode:o}", file.display());
        }
    }
}

#[test]
fn without_a_keychain_service_nothing_is_created_and_the_message_names_the_cause() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let no_bus = [(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/keystep-test-bus",
    )];
    let out = keystep_with_env(
        home.path(),
        &["add", "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP"],
        &no_bus,
    );
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("No keychain service is running"),
        "{stderr}"
    );
    assert!(stderr.contains("keychain.no_service"), "{stderr}");
    assert!(
        !DataDir::at(home.path()).vault_file().exists(),
        "a vault was created without a keychain"
    );
}

#[test]
fn an_existing_vault_is_left_byte_for_byte_alone_when_the_keychain_is_unreachable_or_lacks_the_key()
{
    require_session();
    let home = tempfile::tempdir().unwrap();
    assert!(
        keystep(
            home.path(),
            &["add", "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP"]
        )
        .status
        .success()
    );
    let path = DataDir::at(home.path()).vault_file();
    let before = std::fs::read(&path).unwrap();

    let no_bus = [(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/keystep-test-bus",
    )];
    let out = keystep_with_env(
        home.path(),
        &["add", "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQ"],
        &no_bus,
    );
    assert_eq!(out.status.code(), Some(4));

    // Delete the key from the keychain: Keystep must say so and must not start a second vault.
    let vid = vault_id(home.path());
    let cleared = Command::new("secret-tool")
        .args(["clear", "service", SERVICE, "username", &vid])
        .status()
        .unwrap();
    assert!(cleared.success());
    let out = keystep(
        home.path(),
        &["add", "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQ"],
    );
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("keychain.key_missing"), "{stderr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the vault file changed"
    );
    assert_eq!(vault_id(home.path()), vid);
}

/// A keychain that is locked and waits for an unlock prompt must not hang Keystep: it gives up after the
/// keychain timeout with a message that says so, and changes nothing. Runs in a D-Bus session of its own
/// (with its own keyring files) so that locking it cannot disturb the other tests.
#[test]
fn a_locked_keychain_ends_in_a_clear_message_not_a_hang() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let keyrings = tempfile::tempdir().unwrap();
    // Its own runtime folder too: gnome-keyring finds a running daemon through the control socket there,
    // and this test must never reach (or lock) the daemon the other tests use.
    let runtime = tempfile::tempdir().unwrap();
    let keystep = keystep_e2e::binary("keystep");
    let script = r#"
        set -e
        printf %s locked-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        "$KEYSTEP" --home "$HOME_DIR" add 'otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP' >/dev/null
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
        set +e
        env -u DISPLAY KEYSTEP_KEYCHAIN_TIMEOUT_SECS=3 "$KEYSTEP" --home "$HOME_DIR" list
        echo "exit=$?"
    "#;
    let started = std::time::Instant::now();
    let out = Command::new("dbus-run-session")
        .args(["--", "bash", "-c", script])
        .env("KEYSTEP", &keystep)
        .env("HOME_DIR", home.path())
        .env("XDG_DATA_HOME", keyrings.path())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("exit=4"),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    // The keyring says only "prompt dismissed" (no display for an unlock window); Keystep asks the
    // Secret Service whether the collection is locked, and says so and how to unlock it.
    assert!(stderr.contains("[keychain.locked]"), "{stderr}");
    assert!(stderr.contains("Unlock it"), "{stderr}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "Keystep waited too long"
    );
}

/// Adds an account from a setup link with the real `keystep` and the real keychain; fails the test
/// with keystep's message if that does not work.
fn add_ok(home: &std::path::Path, uri: &str) -> std::process::Output {
    let add = keystep(home, &["add", uri]);
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    add
}

/// How many Keystep keys the real keychain holds (every item under service "keystep").
fn keystep_keys_in_keychain() -> usize {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", SERVICE])
        .output()
        .unwrap();
    // secret-tool prints one "[/org/freedesktop/secrets/collection/…]" header per item.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .filter(|l| l.starts_with('[') && l.contains("/org/freedesktop/secrets"))
        .count()
}

/// A vault kept elsewhere through a link (another drive, a synced folder): read and written in place,
/// and a link whose target is missing is exit 4 with nothing created, never "no accounts yet".
#[test]
fn a_linked_vault_is_followed_and_a_dangling_link_creates_nothing() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let real_home = tempfile::tempdir().unwrap();
    add_ok(
        real_home.path(),
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS",
    );
    let target = DataDir::at(real_home.path()).vault_file();
    let link = DataDir::at(home.path()).vault_file();
    std::os::unix::fs::symlink(&target, &link).unwrap();

    add_ok(
        home.path(),
        "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQ&issuer=SSA",
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let through_real = keystep(real_home.path(), &["list", "--json"]);
    let accounts: serde_json::Value = serde_json::from_slice(&through_real.stdout).unwrap();
    assert_eq!(
        accounts.as_array().unwrap().len(),
        2,
        "the real vault got the new account"
    );

    // The drive goes away: the link dangles.
    let keys_before = keystep_keys_in_keychain();
    let moved = real_home.path().join("unmounted");
    std::fs::rename(real_home.path().join("vault.ksv"), &moved).unwrap();
    for args in [
        &["list"][..],
        &["add", "otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP"][..],
    ] {
        let out = keystep(home.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {stderr}");
        assert!(stderr.contains("[vault.link_broken]"), "{stderr}");
        assert!(!String::from_utf8_lossy(&out.stdout).contains("No accounts"));
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!target.exists(), "nothing was created at the link's target");
    assert_eq!(
        keystep_keys_in_keychain(),
        keys_before,
        "no new key in the keychain"
    );
}

/// What a kill during the very first save leaves (the key in the keychain, the note, a temporary file)
/// is picked up by the next start: the key is reused, so keys do not pile up in the keychain.
#[test]
fn a_first_save_killed_half_way_leaves_no_extra_key_in_the_real_keychain() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let orphan = "5d1c0e6a-8b7f-4e2d-9c3a-2b1a0f9e8d7c";
    let key = VaultKey::generate().unwrap();
    let mut store = Command::new("secret-tool")
        .args([
            "store",
            "--label",
            "Keystep vault key",
            "service",
            SERVICE,
            "username",
            orphan,
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let encoded = data_encoding::BASE64.encode(key.expose());
        store
            .stdin
            .take()
            .unwrap()
            .write_all(encoded.as_bytes())
            .unwrap();
    }
    assert!(store.wait().unwrap().success());
    std::fs::write(home.path().join("vault.pending"), orphan).unwrap();
    std::fs::write(home.path().join(".vault.ksv.tmp-9f8e7d"), b"half").unwrap();
    let keys_before = keystep_keys_in_keychain();

    add_ok(
        home.path(),
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS",
    );
    assert_eq!(vault_id(home.path()), orphan);
    assert_eq!(
        keystep_keys_in_keychain(),
        keys_before,
        "the orphaned key was reused"
    );
    assert!(!home.path().join("vault.pending").exists());
    assert!(!home.path().join(".vault.ksv.tmp-9f8e7d").exists());
}

/// A setup link from standard input or a file never has to be typed on the command line (where it
/// stays in the shell history and shows in `ps` for every user).
#[test]
fn a_setup_link_can_come_from_standard_input_or_a_file_and_a_fifo_is_refused() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let piped = keystep_e2e::keystep_with_stdin(
        home.path(),
        &["add", "-"],
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS\n",
    );
    assert!(
        piped.status.success(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    let file = home.path().join("link.txt");
    std::fs::write(
        &file,
        "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQ&issuer=SSA",
    )
    .unwrap();
    let from_file = keystep(home.path(), &["add", "--uri-file", file.to_str().unwrap()]);
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    let list = keystep(home.path(), &["list", "--json"]);
    let accounts: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(accounts.as_array().unwrap().len(), 2);

    let empty = keystep_e2e::keystep_with_stdin(home.path(), &["add", "-"], "\n");
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("standard input is empty"));

    let fifo = home.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = std::time::Instant::now();
    let out = keystep(home.path(), &["add", "--uri-file", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "no hang on a FIFO"
    );
}

/// A bad keychain wait setting is named, not silently replaced.
#[test]
fn a_bad_keychain_wait_setting_is_named_and_the_default_used() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    for bad in ["0", "abc", "18446744073709551615"] {
        let out = keystep_with_env(
            home.path(),
            &["list"],
            &[("KEYSTEP_KEYCHAIN_TIMEOUT_SECS", bad)],
        );
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("KEYSTEP_KEYCHAIN_TIMEOUT_SECS") && stderr.contains("from 1 to 300"),
            "{bad}: {stderr}"
        );
    }
}
