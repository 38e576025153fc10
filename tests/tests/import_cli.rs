//! `keystep import`, `keystep scan-qr` and `keystep export`, run as real processes against the real
//! keychain: the JSON shapes and exit codes of the contract (0 ran, 2 unknown or damaged file or no
//! QR code, 4 wrong or missing password), hostile inputs refused with a message, nothing added on
//! any failure, and the round trip Keystep → Google QR pictures → scan-qr → Keystep.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use keystep_e2e::{keystep, require_session};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

fn fixture(name: &str) -> (PathBuf, Option<PathBuf>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/imports")
        .join(name);
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            !matches!(
                n,
                "expected.txt" | "format.txt" | "password.txt" | "README.md"
            ) && !n.ends_with(".py")
        })
        .unwrap();
    let password = dir.join("password.txt");
    (file, password.exists().then_some(password))
}

fn expected_counts(name: &str) -> (usize, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/imports")
        .join(name);
    let lines: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let skipped = lines.iter().filter(|l| l.starts_with("SKIP ")).count();
    (lines.len() - skipped, skipped)
}

fn json(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn an_encrypted_export_needs_its_password_refuses_a_wrong_one_and_then_imports_with_a_report() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let (file, password) = fixture("aegis-encrypted");
    let file = file.to_str().unwrap();
    let no_password = keystep(home.path(), &["import", file]);
    assert_eq!(
        no_password.status.code(),
        Some(4),
        "{}",
        stderr(&no_password)
    );
    assert!(stderr(&no_password).contains("[import.password_needed]"));
    let wrong = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(wrong.path(), "not the password\n").unwrap();
    let refused = keystep(
        home.path(),
        &[
            "--password-file",
            wrong.path().to_str().unwrap(),
            "import",
            file,
        ],
    );
    assert_eq!(refused.status.code(), Some(4));
    assert!(stderr(&refused).contains("[import.wrong_password]"));
    assert!(
        stderr(&refused).contains(file),
        "the message names the file"
    );

    let password = password.unwrap();
    let pw = password.to_str().unwrap();
    let dry = keystep(
        home.path(),
        &["--password-file", pw, "import", file, "--dry-run", "--json"],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    let (adds, skips) = expected_counts("aegis-encrypted");
    assert_eq!(json(&dry)["added"], adds);
    let listed = keystep(home.path(), &["list", "--json"]);
    assert_eq!(stdout(&listed), "[]", "a dry run adds nothing");

    let done = keystep(
        home.path(),
        &["--password-file", pw, "import", file, "--json"],
    );
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let report = json(&done);
    assert_eq!(report["added"], adds);
    assert_eq!(report["duplicates"], 0);
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), skips);
    for s in skipped {
        assert!(
            !s["name"].as_str().unwrap().is_empty() && !s["reason"].as_str().unwrap().is_empty()
        );
    }
    let again = keystep(
        home.path(),
        &["--password-file", pw, "import", file, "--json"],
    );
    assert_eq!(
        (
            json(&again)["added"].clone(),
            json(&again)["duplicates"].clone()
        ),
        (0.into(), adds.into())
    );
}

#[test]
fn files_of_no_known_kind_damaged_files_huge_files_and_pictures_without_a_qr_code_are_refused() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    assert!(
        keystep(
            home.path(),
            &[
                "add",
                "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS"
            ]
        )
        .status
        .success()
    );
    let vault = home.path().join("vault.ksv");
    let before = std::fs::read(&vault).unwrap();
    let dir = tempfile::tempdir().unwrap();

    let cases: Vec<(PathBuf, &str)> = {
        let unknown = dir.path().join("notes.txt");
        std::fs::write(&unknown, "shopping list\n").unwrap();
        // JSON nested 100,000 deep: refused by the parser's depth limit, not by a stack overflow.
        let nested = dir.path().join("nested.json");
        std::fs::write(
            &nested,
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        )
        .unwrap();
        // 1 GB, sparse: refused from its size, unread.
        let huge = dir.path().join("huge.json");
        std::fs::File::create(&huge)
            .unwrap()
            .set_len(1 << 30)
            .unwrap();
        // Aegis-shaped, with its entries cut off.
        let damaged = dir.path().join("aegis-export.json");
        std::fs::write(
            &damaged,
            r#"{"version": 1, "header": {"slots": null, "params": null}, "db": 7}"#,
        )
        .unwrap();
        let blank = dir.path().join("blank.png");
        let white = keystep_core::qr::GrayImage::from_pixel(300, 200, [255u8].into());
        std::fs::write(&blank, keystep_core::qr::png_bytes(&white).unwrap()).unwrap();
        vec![
            (unknown, "[import.unknown_format]"),
            (nested, "[import.unknown_format]"),
            (huge, "[file.too_large]"),
            (damaged, "[import.damaged]"),
            (blank, "[import.no_qr]"),
        ]
    };
    for (file, code) in cases {
        let out = keystep(home.path(), &["import", file.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: {}",
            file.display(),
            stderr(&out)
        );
        assert!(
            stderr(&out).contains(code),
            "{}: {}",
            file.display(),
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("Nothing was added") || code == "[file.too_large]",
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read(&vault).unwrap(),
        before,
        "the vault is untouched"
    );
}

#[test]
fn google_qr_pictures_exported_scan_back_to_the_same_accounts_without_printing_secrets() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    for (i, secret) in ["JBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLU", "GEZDGNBVGY3TQOJQ"]
        .iter()
        .enumerate()
    {
        let uri = format!("otpauth://totp/Site{i}:me@example.com?secret={secret}&issuer=Site{i}");
        assert!(keystep(home.path(), &["add", &uri]).status.success());
    }
    // Steam: a plain totp link whose issuer is exactly "Steam" makes 5-character Steam codes.
    let steam = keystep(
        home.path(),
        &[
            "add",
            "otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam",
        ],
    );
    assert!(steam.status.success());
    let code = keystep(home.path(), &["code", "steam"]);
    assert_eq!(stdout(&code).len(), 5, "{}", stdout(&code));

    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("qr");
    let export = keystep(
        home.path(),
        &[
            "export",
            "--format",
            "google-qr",
            "--out",
            folder.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let report = json(&export);
    assert_eq!(report["exported"], 3);
    assert_eq!(report["skipped"][0]["name"], "Steam (gamer)");
    assert!(stderr(&export).contains("not encrypted"));
    let picture = report["files"][0].as_str().unwrap().to_string();

    let scan = keystep(home.path(), &["scan-qr", &picture, "--json"]);
    assert_eq!(scan.status.code(), Some(0), "{}", stderr(&scan));
    let text = stdout(&scan);
    for secret in ["JBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLU", "otpauth-migration"] {
        assert!(!text.contains(secret), "scan-qr printed a secret: {text}");
    }
    let codes = json(&scan)["codes"].as_array().unwrap().clone();
    assert_eq!(codes.len(), 3);
    assert_eq!(codes[0]["issuer"], "Site0");
    assert_eq!(codes[0]["kind"], "totp");

    let other = tempfile::tempdir().unwrap();
    let imported = keystep(other.path(), &["import", &picture, "--json"]);
    assert_eq!(json(&imported)["added"], 3);
    assert_eq!(json(&imported)["format"], "google");
    for i in 0..3 {
        let a = keystep(
            home.path(),
            &["code", &format!("Site{i}"), "--at", "1767225600"],
        );
        let b = keystep(
            other.path(),
            &["code", &format!("Site{i}"), "--at", "1767225600"],
        );
        assert_eq!(stdout(&a), stdout(&b));
    }
}

#[test]
fn an_unencrypted_export_asks_for_the_recovery_password_when_one_is_set() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    assert!(
        keystep(
            home.path(),
            &[
                "add",
                "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS"
            ]
        )
        .status
        .success()
    );
    let files = tempfile::tempdir().unwrap();
    let pw = files.path().join("password.txt");
    std::fs::write(&pw, "plover kettle marsh quietly lantern\n").unwrap();
    let set = keystep(
        home.path(),
        &[
            "password",
            "set",
            "--new-password-file",
            pw.to_str().unwrap(),
        ],
    );
    assert!(set.status.success(), "{}", stderr(&set));
    let out = files.path().join("links.txt");
    let refused = keystep(
        home.path(),
        &[
            "export",
            "--format",
            "otpauth",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("[export.password_needed]"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.exists(), "nothing written");
    let done = keystep(
        home.path(),
        &[
            "--password-file",
            pw.to_str().unwrap(),
            "export",
            "--format",
            "otpauth",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn the_pictures_of_one_google_export_import_together_and_one_alone_names_what_is_missing() {
    require_session();
    let phone = tempfile::tempdir().unwrap();
    for i in 0..12u8 {
        let secret = data_encoding::BASE32_NOPAD.encode(&[i + 1; 10]);
        let uri = format!("otpauth://totp/Site{i}:me?secret={secret}&issuer=Site{i}");
        assert!(keystep(phone.path(), &["add", &uri]).status.success());
    }
    let out = phone.path().join("qr");
    let export = keystep(
        phone.path(),
        &[
            "export",
            "--format",
            "google-qr",
            "--out",
            out.to_str().unwrap(),
            "--json",
        ],
    );
    let files: Vec<String> = json(&export)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    assert_eq!(files.len(), 2);

    let one = tempfile::tempdir().unwrap();
    let alone = keystep(one.path(), &["import", &files[1], "--json"]);
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    assert_eq!(json(&alone)["added"], 2);
    assert!(
        stderr(&alone).contains("QR code 1 of 2 was not read"),
        "{}",
        stderr(&alone)
    );

    let both = tempfile::tempdir().unwrap();
    let together = keystep(both.path(), &["import", &files[1], &files[0], "--json"]);
    assert_eq!(json(&together)["added"], 12);
    assert_eq!(json(&together)["warnings"], serde_json::json!([]));
}
