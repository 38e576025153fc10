//! `keystep clock` against SNTP responders on 127.0.0.1 (tests/src/sntp.rs): the measured offset, the
//! rule that applies a correction (two servers within a second, over 15 seconds, under an hour), the
//! answers that must be ignored, and `keystep code` made with the corrected time and warning about it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Output;

use keystep_e2e::sntp::{Answer, SntpResponder};
use keystep_e2e::{codes_around, codes_around_now, keystep, require_session};

const URI: &str = "otpauth://totp/IRS:taxpayer?secret=JBSWY3DPEHPK3PXP&issuer=IRS";

fn clock(home: &std::path::Path, servers: &[&SntpResponder]) -> Output {
    let mut args = vec!["clock", "--json"];
    for s in servers {
        args.push("--server");
        args.push(&s.address);
    }
    keystep(home, &args)
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn now_s() -> u64 {
    keystep_core::app::unix_now_ms() / 1000
}

#[test]
fn two_servers_two_minutes_ahead_are_measured_within_50_ms_and_codes_use_their_time() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    assert!(keystep(home.path(), &["add", URI]).status.success());
    let a = SntpResponder::start(Answer::Offset(120_000));
    let b = SntpResponder::start(Answer::Offset(120_000));
    let before = now_s();
    let check = json(&clock(home.path(), &[&a, &b]));
    let offset = check["offset_ms"].as_i64().unwrap();
    assert!(
        (offset - 120_000).abs() <= 50,
        "measured {offset} ms: {check}"
    );
    assert_eq!(check["applied"], true, "{check}");
    let servers = check["servers"].as_array().unwrap();
    assert_eq!(servers.len(), 2);
    for s in servers {
        assert!(
            (s["offset_ms"].as_i64().unwrap() - 120_000).abs() <= 50,
            "{s}"
        );
        assert!(
            s["server"].as_str().unwrap().starts_with("127.0.0.1:"),
            "{s}"
        );
    }
    let checked_at = check["checked_at"].as_u64().unwrap();
    assert!(checked_at >= before && checked_at <= now_s(), "{check}");

    // `keystep code` now makes the code for the network time and says why on stderr.
    let out = keystep(home.path(), &["code", "irs"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        codes_around(URI, now_s() + 120).contains(&code),
        "{code} is not a code of now + 120 s"
    );
    let warning = stderr(&out);
    assert!(warning.contains("2 minutes slow"), "{warning}");
    assert!(warning.contains("[clock.off]"), "{warning}");
    // A code for a given moment is that moment's, with no warning.
    let at = keystep(home.path(), &["code", "irs", "--at", "59"]);
    assert!(stderr(&at).is_empty(), "{}", stderr(&at));

    // The human form says it in words.
    let text = keystep(
        home.path(),
        &["clock", "--server", &a.address, "--server", &b.address],
    );
    let said = String::from_utf8_lossy(&text.stdout);
    assert!(said.contains("clock is 2 minutes slow"), "{said}");
    assert!(said.contains("Set time automatically"), "{said}");
}

#[test]
fn a_right_clock_one_server_alone_and_an_hour_off_are_never_applied() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    assert!(keystep(home.path(), &["add", URI]).status.success());

    let a = SntpResponder::start(Answer::Offset(3_000));
    let b = SntpResponder::start(Answer::Offset(3_000));
    let right = json(&clock(home.path(), &[&a, &b]));
    assert_eq!(right["applied"], false, "{right}");
    assert!((right["offset_ms"].as_i64().unwrap() - 3_000).abs() <= 50);

    let alone = SntpResponder::start(Answer::Offset(120_000));
    let one = json(&clock(home.path(), &[&alone]));
    assert_eq!(one["applied"], false, "one server is not enough: {one}");
    let out = keystep(home.path(), &["code", "irs"]);
    assert!(
        stderr(&out).is_empty(),
        "one server's word moved nothing: {}",
        stderr(&out)
    );
    let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(codes_around_now(URI).contains(&code));

    let c = SntpResponder::start(Answer::Offset(7_200_000));
    let d = SntpResponder::start(Answer::Offset(7_200_000));
    let hours = json(&clock(home.path(), &[&c, &d]));
    assert_eq!(hours["applied"], false, "{hours}");
}

#[test]
fn broken_answers_are_ignored_and_named() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    for answer in [
        Answer::Garbage,
        Answer::WrongMode(120_000),
        Answer::ZeroTimestamp,
        Answer::Unsynchronized(120_000),
    ] {
        let a = SntpResponder::start(answer);
        let b = SntpResponder::start(answer);
        let out = clock(home.path(), &[&a, &b]);
        assert_eq!(out.status.code(), Some(4), "{answer:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{answer:?}");
        assert!(
            stderr(&out).contains("[clock.bad_answer]"),
            "{answer:?}: {}",
            stderr(&out)
        );
    }
    // One forged answer among two honest ones is outvoted.
    let forged = SntpResponder::start(Answer::Offset(1_800_000));
    let a = SntpResponder::start(Answer::Offset(0));
    let b = SntpResponder::start(Answer::Offset(0));
    let bad = SntpResponder::start(Answer::Garbage);
    let check = json(&clock(home.path(), &[&forged, &a, &bad, &b]));
    assert!(check["offset_ms"].as_i64().unwrap().abs() <= 50, "{check}");
    assert_eq!(check["applied"], false);
    assert_eq!(check["servers"].as_array().unwrap().len(), 3, "{check}");
}

#[test]
fn silence_and_disagreement_are_errors_that_say_why() {
    require_session();
    let home = tempfile::tempdir().unwrap();
    let quiet = SntpResponder::start(Answer::Silent);
    let out = clock(home.path(), &[&quiet]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("[clock.no_answer]"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(&quiet.address), "{}", stderr(&out));

    let a = SntpResponder::start(Answer::Offset(0));
    let b = SntpResponder::start(Answer::Offset(120_000));
    let out = clock(home.path(), &[&a, &b]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("[clock.disagree]"),
        "{}",
        stderr(&out)
    );

    let out = keystep(home.path(), &["clock", "--server", "http://pool.ntp.org"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("[input.bad_server]"),
        "{}",
        stderr(&out)
    );
}
