//! The `keystep` command line contract: outputs, JSON shapes and exit codes (0 ok, 2 bad input or usage,
//! 3 no match or several, 4 vault or keychain problem), run as a real process against the real keychain.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_e2e::{files_under, keystep, keystep_with_stdin, require_session};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

#[test]
fn code_at_a_given_moment_matches_rfc_6238_and_json_has_the_documented_fields() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    // The RFC 6238 SHA1 seed "12345678901234567890" in base32, 8 digits.
    let uri = "otpauth://totp/RFC:test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8";
    assert!(keystep(home.path(), &["add", uri]).status.success());
    let out = keystep(home.path(), &["code", "rfc", "--at", "1111111109"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "07081804");

    let out = keystep(home.path(), &["code", "RFC:test", "--at", "59", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["code"], "94287082");
    assert_eq!(json["valid_until"], 60);

    let list: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(home.path(), &["list", "--json"]))).unwrap();
    let first = &list[0];
    for field in ["id", "issuer", "name", "label", "kind", "digits", "period"] {
        assert!(
            first.get(field).is_some(),
            "list --json lacks {field}: {first}"
        );
    }
    assert_eq!(first["kind"], "totp");
    assert_eq!(first["label"], "RFC (test)");
    assert!(first.get("secret").is_none());
}

#[test]
fn hotp_code_uses_the_stored_counter_and_then_advances_it() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let uri = "otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0";
    assert!(keystep(home.path(), &["add", uri]).status.success());
    // RFC 4226 Appendix D: counters 0, 1, 2.
    for expected in ["755224", "287082", "359152"] {
        assert_eq!(stdout(&keystep(home.path(), &["code", "bank"])), expected);
    }
}

#[test]
fn exit_codes_follow_the_contract() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let bad = keystep(
        home.path(),
        &["add", "otpauth://totp/x?secret=JBSWY3DPEHPK3PX0"],
    );
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("setup key") && stderr.contains("input.bad_secret"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("JBSWY3DPEHPK3PX"),
        "the message repeats the secret: {stderr}"
    );

    assert_eq!(keystep(home.path(), &["frobnicate"]).status.code(), Some(2));
    assert!(
        keystep(
            home.path(),
            &["add", "otpauth://totp/ID.me:a@x?secret=JBSWY3DPEHPK3PXP"]
        )
        .status
        .success()
    );
    assert!(
        keystep(
            home.path(),
            &["add", "otpauth://totp/ID.me:b@x?secret=GEZDGNBVGY3TQOJQ"]
        )
        .status
        .success()
    );

    let dup = keystep(
        home.path(),
        &["add", "otpauth://totp/id.me:other?secret=jbswy3dpehpk3pxp"],
    );
    assert_eq!(dup.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("account.duplicate"));

    let none = keystep(home.path(), &["code", "login.gov"]);
    assert_eq!(none.status.code(), Some(3));
    let many = keystep(home.path(), &["code", "id.me"]);
    assert_eq!(many.status.code(), Some(3));
    let listed = String::from_utf8_lossy(&many.stderr);
    assert!(
        listed.contains("a@x") && listed.contains("b@x"),
        "ambiguous matches are listed: {listed}"
    );
    assert_eq!(
        keystep(home.path(), &["code", "b@x"]).status.code(),
        Some(0)
    );

    std::fs::write(
        home.path().join("vault.ksv"),
        b"{\"format\":\"keystep-vault\",\"vers",
    )
    .unwrap();
    let corrupt = keystep(home.path(), &["list"]);
    assert_eq!(corrupt.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&corrupt.stderr).contains("vault.corrupt"));
}

#[test]
fn check_url_reports_each_link_with_a_verdict_and_reason_codes() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let message = "IRS: refund on hold, verify at irs-gov-refund.com/claim or sign in at https://www.irs.gov today.";
    let out = keystep(home.path(), &["check-url", message, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let links = json.as_array().unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["url"], "irs-gov-refund.com/claim");
    assert_eq!(links[0]["verdict"], "suspicious");
    assert_eq!(links[0]["service"], "irs");
    assert_eq!(links[0]["reasons"][0]["code"], "link.brand_in_other_domain");
    assert!(
        links[0]["reasons"][0]["message"]
            .as_str()
            .unwrap()
            .contains("irs.gov")
    );
    assert_eq!(links[1]["verdict"], "official");
    assert_eq!(links[1]["service"], "irs");
    assert_eq!(links[1]["reasons"].as_array().unwrap().len(), 0);

    let plain = keystep(
        home.path(),
        &["check-url", "https://irs.gov@evil.example/login"],
    );
    assert_eq!(plain.status.code(), Some(0));
    assert!(
        stdout(&plain).starts_with("SUSPICIOUS"),
        "{}",
        stdout(&plain)
    );

    let none = keystep(home.path(), &["check-url", "call us at 1-800-829-1040"]);
    assert_eq!(none.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert!(
        stderr.contains("No link found") && stderr.contains("[link.none_found]"),
        "{stderr}"
    );
    assert!(
        !home.path().join("vault.ksv").exists(),
        "checking a link must not create a vault"
    );
}

#[test]
fn guide_validate_lists_every_problem_with_file_line_and_column() {
    require_session();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        r#"id = "open-ssa"
title = "Open my Social Security"
service = "ssa"
summary = "Open the sign-in page."
minutes = 1
[[sources]]
url = "https://www.ssa.gov/myaccount/"
checked = "2026-11-25"
[[steps]]
id = "open"
title = "Open the page"
text = "Press the button."
[[steps.actions]]
type = "open_page"
page = "sign_in"
label = "Open my Social Security"
"#,
    )
    .unwrap();
    let ok = keystep(dir.path(), &["guide", "validate", good.to_str().unwrap()]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout(&ok).contains("ok (1 steps, 0 branches)"));

    let bad = dir.path().join("bad.toml");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(
        &bad,
        text.replace("page = \"sign_in\"", "page = \"nowhere\"")
            .replace("Press the button.", "Go to <b>ssa.gov</b>"),
    )
    .unwrap();
    let out = keystep(dir.path(), &["guide", "validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let path = bad.to_str().unwrap();
    assert!(
        stderr.contains(&format!("{path}:15:8: ")) && stderr.contains("no page \"nowhere\""),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:12:")) && stderr.contains("raw HTML"),
        "{stderr}"
    );
}

#[test]
fn guide_list_prints_bundled_and_own_guides_and_names_files_left_out() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("guides");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("mine.toml"),
        r#"id = "my-ssa"
title = "My Social Security page"
service = "ssa"
summary = "Open the sign-in page."
minutes = 1
[[sources]]
url = "https://www.ssa.gov/myaccount/"
checked = "2026-11-20"
[[steps]]
id = "open"
title = "Open the page"
text = "Press the button."
[[steps.actions]]
type = "open_page"
page = "sign_in"
label = "Open my Social Security"
[[steps.actions]]
type = "show_code"
service = "logingov"
"#,
    )
    .unwrap();
    std::fs::write(folder.join("broken.toml"), "id = \"x\"\ntitle = 3\n").unwrap();

    let out = keystep(home.path(), &["guide", "list", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = list.as_array().unwrap();
    let irs = list.iter().find(|g| g["id"] == "irs-sign-in").unwrap();
    assert_eq!(irs["title"], "Sign in to your IRS online account");
    assert_eq!(irs["services"][0], "irs");
    assert!(irs["services"].as_array().unwrap().contains(&"idme".into()));
    assert!(irs["steps"].as_u64().unwrap() >= 5);
    assert_eq!(irs["own"], false);
    assert!(irs["summary"].as_str().unwrap().len() > 20);
    let mine = list.iter().find(|g| g["id"] == "my-ssa").unwrap();
    assert_eq!(mine["own"], true);
    assert_eq!(mine["steps"], 1);
    assert_eq!(mine["services"], serde_json::json!(["ssa", "logingov"]));
    assert_eq!(mine["checked"], "2026-11-20");
    assert!(
        list.len() >= 19,
        "bundled guides and one of your own: {}",
        list.len()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.toml"), "{stderr}");

    let text = keystep(home.path(), &["guide", "list"]);
    assert_eq!(text.status.code(), Some(0));
    assert!(stdout(&text).contains("my-ssa (your own)"));
}

#[test]
fn guide_list_in_spanish_flags_each_guide_and_an_unknown_language_is_a_usage_error() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    // A guide of the person's own (a copy of the IRS guide) and its Spanish translation in `es/`.
    let folder = home.path().join("guides");
    std::fs::create_dir_all(folder.join("es")).unwrap();
    let english = keystep_core::guides::BUNDLED_GUIDES
        .iter()
        .find(|(f, _)| *f == "irs-sign-in.toml")
        .unwrap()
        .1
        .replacen("id = \"irs-sign-in\"", "id = \"my-irs\"", 1)
        .replacen(
            "title = \"Sign in to your IRS online account\"",
            "title = \"My IRS sign-in\"",
            1,
        );
    std::fs::write(folder.join("mine.toml"), &english).unwrap();
    // Its texts name English guides, which a Spanish translation may not: those names are unmade.
    let translation = english
        .replacen(
            "title = \"My IRS sign-in\"",
            "title = \"Mi inicio de sesión del IRS\"",
            1,
        )
        .replace("guide *", "guide: *");
    let file = folder.join("es").join("my-irs.toml");
    std::fs::write(&file, &translation).unwrap();

    let out = keystep(home.path(), &["guide", "list", "--json", "--lang", "es"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 19, "{}", list.len());
    for g in list {
        assert!(g["translated"].is_boolean(), "{g}");
    }
    let mine = list.iter().find(|g| g["id"] == "my-irs").unwrap();
    assert_eq!(mine["title"], "Mi inicio de sesión del IRS");
    assert_eq!(mine["translated"], true);
    assert_eq!(mine["own"], true);
    // In English every guide is in its own language.
    let out = keystep(home.path(), &["guide", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|g| g["translated"] == true)
    );

    let out = keystep(home.path(), &["guide", "list", "--json", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fr") && err.contains("en, es"), "{err}");
    assert!(stdout(&out).is_empty());

    // A file under es/ validates as a translation: a renamed step is reported at its line.
    let out = keystep(home.path(), &["guide", "validate", file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout(&out).contains("a translation into es"),
        "{}",
        stdout(&out)
    );
    let broken = translation.replacen("id = \"check-idme-page\"", "id = \"check-page\"", 1);
    std::fs::write(&file, &broken).unwrap();
    let out = keystep(home.path(), &["guide", "validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let line = broken
        .lines()
        .position(|l| l.contains("\"check-page\""))
        .unwrap()
        + 1;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}:{line}:6: step \"check-page\" is not in",
            file.display()
        )),
        "{err}"
    );

    let out = keystep(home.path(), &["guide", "readability", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for row in rows.as_array().unwrap() {
        assert!(row["score"].as_f64().unwrap() <= 8.0, "{row}");
    }
}

#[test]
fn phone_commands_add_list_review_and_plan_against_the_real_keychain() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = keystep(
        h,
        &[
            "phone",
            "add",
            "(202) 555-0143",
            "--label",
            "my mobile",
            "--region",
            "US",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "+12025550143");
    let out = keystep(
        h,
        &[
            "phone",
            "add",
            "07400 123456",
            "--kind",
            "voip",
            "--region",
            "GB",
        ],
    );
    assert_eq!(stdout(&out), "+447400123456");

    let bad = keystep(h, &["phone", "add", "555-01", "--region", "US"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("phone number") && err.contains("[input.bad_phone]"),
        "{err}"
    );
    let dup = keystep(h, &["phone", "add", "+12025550143"]);
    assert_eq!(dup.status.code(), Some(2));

    let list: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(h, &["phone", "list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    for field in ["id", "e164", "label", "kind", "status"] {
        assert!(
            list[0].get(field).is_some(),
            "phone list lacks {field}: {}",
            list[0]
        );
    }
    assert_eq!(list[1]["kind"], "voip");

    let added = keystep(
        h,
        &[
            "service",
            "add",
            "idme",
            "--code-phone",
            "202-555-0143",
            "--region",
            "US",
        ],
    );
    assert_eq!(added.status.code(), Some(0), "{added:?}");
    let review: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(h, &["phone", "review", "--json"]))).unwrap();
    assert_eq!(review[0]["code"], "only_one_phone", "{review}");
    assert_eq!(review[0]["serviceName"], "ID.me");

    let unknown = keystep(
        h,
        &[
            "phone",
            "plan",
            "--from",
            "202-555-0100",
            "--to",
            "202-555-0199",
            "--region",
            "US",
        ],
    );
    assert_eq!(unknown.status.code(), Some(3));
    let plan = keystep(
        h,
        &[
            "phone",
            "plan",
            "--from",
            "202-555-0143",
            "--to",
            "202-555-0199",
            "--date",
            "2027-01-15",
            "--region",
            "US",
            "--json",
        ],
    );
    assert_eq!(plan.status.code(), Some(0), "{plan:?}");
    let plan: serde_json::Value = serde_json::from_str(&stdout(&plan)).unwrap();
    let steps = plan["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1]["title"], "Update ID.me");
    assert!(
        steps[1]["page"]
            .as_str()
            .unwrap()
            .starts_with("https://help.id.me/"),
        "{}",
        steps[1]
    );
    let phones: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(h, &["phone", "list", "--json"]))).unwrap();
    assert_eq!(phones[0]["status"]["state"], "leaving");
    assert_eq!(phones[2]["e164"], "+12025550199");
}

/// Adds Google with the backup codes "1111 2222" and "3333 4444" (read from standard input); the
/// output of the set command.
fn google_with_two_backup_codes(h: &std::path::Path) -> std::process::Output {
    assert!(keystep(h, &["service", "add", "google"]).status.success());
    let set = keystep_with_stdin(
        h,
        &["service", "backup-codes", "google", "--set"],
        "1111 2222\n3333 4444\n",
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    set
}

#[test]
fn backup_codes_go_in_through_stdin_show_as_hints_and_in_full_only_when_asked() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let set = google_with_two_backup_codes(h);
    assert!(!stdout(&set).contains("1111"));

    let hints = stdout(&keystep(
        h,
        &["service", "backup-codes", "google", "--used", "1"],
    ));
    assert_eq!(hints, "1. •••• ••22  (used)\n  2. •••• ••44");
    let full = stdout(&keystep(
        h,
        &[
            "service",
            "backup-codes",
            "Google Account (Gmail)",
            "--show",
        ],
    ));
    assert_eq!(full, "1. 1111 2222  (used)\n  2. 3333 4444");
    for file in files_under(h) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("3333 4444"),
            "{} holds a backup code in the clear",
            file.display()
        );
    }
    let missing = keystep(h, &["service", "backup-codes", "chase"]);
    assert_eq!(missing.status.code(), Some(3));
}

#[test]
fn marking_backup_code_zero_or_past_the_last_is_refused_and_changes_nothing() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    google_with_two_backup_codes(h);
    for n in ["0", "3"] {
        let out = keystep(h, &["service", "backup-codes", "google", "--used", n]);
        assert_eq!(out.status.code(), Some(2), "--used {n}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("no backup code number {n}"))
                && stderr.contains("numbered 1 to 2")
                && stderr.contains("[input.bad_backup_codes]"),
            "{stderr}"
        );
        assert!(stdout(&out).is_empty(), "{out:?}");
    }
    // With --set, the number is checked against the new codes before they are saved.
    let out = keystep_with_stdin(
        h,
        &[
            "service",
            "backup-codes",
            "google",
            "--set",
            "--replace",
            "--used",
            "2",
        ],
        "5555 6666\n",
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("has 1 backup code, number 1"), "{stderr}");
    let hints = stdout(&keystep(h, &["service", "backup-codes", "google"]));
    assert_eq!(
        hints, "1. •••• ••22\n  2. •••• ••44",
        "nothing was marked or replaced"
    );
}

/// Runs `keystep` with `stdin` (bytes, written from another thread whose write errors are ignored: a
/// refusal may stop reading early) and fails the test if it runs longer than `limit` (it is killed).
fn keystep_within(
    home: &std::path::Path,
    args: &[&str],
    stdin: Option<std::process::Stdio>,
    input: Option<Vec<u8>>,
    limit: std::time::Duration,
) -> std::process::Output {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(keystep_e2e::binary("keystep"))
        .arg("--home")
        .arg(home)
        .args(args)
        .stdin(match (stdin, &input) {
            (Some(s), _) => s,
            (None, Some(_)) => Stdio::piped(),
            (None, None) => Stdio::null(),
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let (Some(bytes), Some(mut pipe)) = (input, child.stdin.take()) {
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("keystep {args:?} still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    std::process::Output {
        status,
        stdout,
        stderr,
    }
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn shown_codes(h: &std::path::Path) -> String {
    stdout(&keystep(
        h,
        &["service", "backup-codes", "google", "--show"],
    ))
}

#[test]
fn backup_codes_set_never_loses_codes_silently_and_clear_is_explicit() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let ten = std::time::Duration::from_secs(20);
    assert!(keystep(h, &["service", "add", "google"]).status.success());
    let set = ["service", "backup-codes", "google", "--set"];
    let saved = keystep_with_stdin(h, &set, "aaaa-1111\nbbbb-2222\ncccc-3333\n");
    assert_eq!(saved.status.code(), Some(0), "{saved:?}");
    let before = shown_codes(h);
    assert_eq!(before, "1. aaaa-1111\n  2. bbbb-2222\n  3. cccc-3333");

    // No code read: refused, and removing is pointed to as its own action.
    for empty in ["", "\n\n  \n"] {
        let out = keystep_with_stdin(h, &set, empty);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = stderr(&out);
        assert!(err.contains("no backup codes were read"), "{err}");
        assert!(
            err.contains("keystep service backup-codes google --clear"),
            "{err}"
        );
        assert!(err.contains("[input.bad_backup_codes]"), "{err}");
        assert_eq!(shown_codes(h), before, "nothing changed");
    }

    // Longer than 64 KB: refused, not cut (the code crossing the cut was saved shortened).
    let mut long = "\n".repeat(64 * 1024 - 5).into_bytes();
    long.extend_from_slice(b"dddd-4444\neeee-5555\nffff-6666\n");
    let out = keystep_within(h, &set, None, Some(long), ten);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("more than 64 KB"), "{}", stderr(&out));
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = keystep_within(h, &set, Some(zero.into()), None, ten);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("more than 64 KB"), "{}", stderr(&out));
    assert_eq!(shown_codes(h), before, "nothing changed");

    // A line that is not a backup code, by its number, and a control character by its own message.
    let out = keystep_with_stdin(h, &set, "dddd-4444\neeee-5555\nab\nffff-6666\n");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("line 3 is not a backup code"),
        "{}",
        stderr(&out)
    );
    let out = keystep_with_stdin(h, &set, "dddd-4444\nee\u{1b}ee-5555\nffff-6666\n");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(err.contains("line 2 has a control character"), "{err}");
    assert!(
        !err.contains("dddd") && !err.contains("5555"),
        "a code in the message: {err}"
    );
    assert_eq!(shown_codes(h), before, "nothing changed");

    // Fewer than saved: needs --replace.
    let out = keystep_with_stdin(h, &set, "new1-0001\nnew2-0002\n");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("3 backup codes saved, and 2 were read now") && err.contains("--replace"),
        "{err}"
    );
    assert!(err.contains("[backup_codes.fewer]"), "{err}");
    assert_eq!(shown_codes(h), before, "nothing changed");
    let out = keystep_with_stdin(
        h,
        &["service", "backup-codes", "google", "--set", "--replace"],
        "new1-0001\nnew2-0002\n",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stderr(&out).contains("Saved 2 backup codes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(shown_codes(h), "1. new1-0001\n  2. new2-0002");
    assert_eq!(
        keystep(h, &["service", "backup-codes", "google", "--replace"])
            .status
            .code(),
        Some(2),
        "--replace needs --set"
    );

    // Removing them is explicit.
    assert_eq!(
        keystep(
            h,
            &["service", "backup-codes", "google", "--set", "--clear"]
        )
        .status
        .code(),
        Some(2)
    );
    let out = keystep(h, &["service", "backup-codes", "google", "--clear"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stderr(&out).contains("Removed 2 backup codes of Google Account (Gmail)."),
        "{}",
        stderr(&out)
    );
    assert_eq!(shown_codes(h), "");
}

#[test]
fn an_unknown_service_is_named_with_how_to_list_services() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(keystep(h, &["service", "add", "google"]).status.success());
    let out = keystep(h, &["service", "backup-codes", "nosuch"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("\"nosuch\""), "{err}");
    assert!(err.contains("keystep service list"), "{err}");
    assert!(!err.contains("Reload the list"), "{err}");
    assert!(err.contains("[service.not_found]"), "{err}");
}

#[test]
fn impossible_dates_are_refused_by_phone_status_and_plan() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert!(
        keystep(h, &["phone", "add", "+12025550143"])
            .status
            .success()
    );
    for (date, why) in [
        ("2026-99-99", "there is no month 99"),
        ("2026-02-30", "February 2026 has days 01 to 28"),
        ("2026-00-00", "there is no month 0"),
        ("0000-01-01", "the year must be from 1900 to 2200"),
    ] {
        let out = keystep(h, &["phone", "status", "+12025550143", date]);
        assert_eq!(out.status.code(), Some(2), "{date}: {out:?}");
        let err = stderr(&out);
        assert!(
            err.contains(why) && err.contains("[input.bad_date]"),
            "{date}: {err}"
        );
    }
    let out = keystep(
        h,
        &[
            "phone",
            "plan",
            "--from",
            "+12025550143",
            "--to",
            "+12025550199",
            "--date",
            "2026-13-45",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("there is no month 13"),
        "{}",
        stderr(&out)
    );
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(h, &["phone", "list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "the plan added nothing");
    assert_eq!(list[0]["status"]["state"], "in_use");
    let ok = keystep(h, &["phone", "status", "+12025550143", "2028-02-29"]);
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
}

#[test]
fn names_with_direction_tricks_and_lookalike_service_addresses_are_refused() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = keystep(
        h,
        &[
            "add",
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=%E2%80%AEmoc.lagyap",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("The service name is not valid") && err.contains("direction"),
        "{err}"
    );
    let out = keystep(
        h,
        &["phone", "add", "+12025550143", "--label", "\u{202E}elibom"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("[input.bad_label]"),
        "{}",
        stderr(&out)
    );

    let out = keystep(
        h,
        &["service", "add", "Pay", "--domain", "p\u{0430}ypal.com"],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = stderr(&out);
    assert!(
        err.contains("The web address is not valid: it imitates PayPal"),
        "{err}"
    );
    assert!(err.contains("[input.bad_domain]"), "{err}");
    let out = keystep(h, &["service", "add", "Pay", "--domain", "paypal.com"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("use the catalog service paypal instead"),
        "{}",
        stderr(&out)
    );
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&keystep(h, &["service", "list", "--json"]))).unwrap();
    assert_eq!(list, serde_json::json!([]), "nothing was added");
    let ok = keystep(h, &["service", "add", "My CU", "--domain", "mycu.org"]);
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
}

#[test]
fn guide_validate_refuses_a_named_pipe_a_device_and_an_oversized_file_without_hanging() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let fifo = h.join("pipe.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = h.join("huge.toml");
    std::fs::write(&huge, "#".repeat(256 * 1024 + 1)).unwrap();
    let limit = std::time::Duration::from_secs(10);
    for (file, expected) in [
        (
            fifo.to_str().unwrap(),
            "it is a named pipe (FIFO), not a regular file",
        ),
        ("/dev/zero", "it is a device, not a regular file"),
        (huge.to_str().unwrap(), "it is larger than 256 KB"),
    ] {
        let out = keystep_within(h, &["guide", "validate", file], None, None, limit);
        assert_eq!(out.status.code(), Some(2), "{file}: {out:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "{file}:1:1: Keystep did not read this guide file: {expected}"
            )),
            "{err}"
        );
        assert!(err.contains("[guide.invalid]"), "{err}");
    }
}
