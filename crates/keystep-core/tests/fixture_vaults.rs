//! Vault files written by released Keystep versions, committed under `tests/data/vaults/<name>/` with
//! their keys (test keys, for these files only). Every later Keystep must open each one and show the same
//! accounts, codes, numbers, services, backup codes, guide progress and plans: a refactor of the domain
//! types may never lock a person out of a vault they already have.
//!
//! Each format change adds a fixture: run
//! `KEYSTEP_WRITE_FIXTURE=tests/data/vaults/<new-name> cargo test -p keystep-core --test fixture_vaults -- --ignored`
//! and commit the folder. Never rewrite an existing fixture.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use keystep_core::catalog::Catalog;
use keystep_core::guides::Library;
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::phones::{PhoneKind, PhoneStatus};
use keystep_core::sensitive::SecretString;
use keystep_core::services::ServiceRef;
use keystep_core::vault::{self, VaultKey};
use keystep_core::{Keystep, OpenOutcome};
use serde_json::{Value, json};

/// The recovery password of fixtures from format version 2 on (also in their `password.txt`).
const FIXTURE_PASSWORD: &str = "fixture plover kettle marsh quietly";

/// The time given to additions in these tests.
const NOW: u64 = 1_764_300_000_000;

/// The moment the codes are compared at (and the clock the fixtures were written with).
const T: u64 = 1_764_300_000_000;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vaults")
}

fn mock_keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

/// What a person can see of a vault, from stored facts only (no catalog wording, which may change):
/// compared field by field with the fixture's `expected.json`.
fn summary(k: &mut Keystep) -> Value {
    let accounts: Vec<Value> = k
        .accounts()
        .unwrap()
        .iter()
        .map(|a| {
            let now = k.code(&a.id, T).unwrap();
            let later = k.code(&a.id, T + 45_000).unwrap();
            json!({
                "id": a.id, "issuer": a.issuer, "name": a.name,
                "kind": a.kind, "algorithm": a.algorithm, "digits": a.digits,
                "period": a.period, "counter": a.counter,
                "code": now.code, "code_45s_later": later.code,
            })
        })
        .collect();
    let phones: Vec<Value> = k
        .phones()
        .unwrap()
        .iter()
        .map(|p| json!({"id": p.id, "e164": p.e164, "label": p.label, "kind": p.kind, "status": p.status}))
        .collect();
    let services: Vec<Value> = k
        .services()
        .unwrap()
        .iter()
        .map(|m| {
            let hints = k.backup_code_hints(&m.id).unwrap();
            let codes: Vec<Value> = k
                .reveal_backup_codes(&m.id)
                .unwrap()
                .iter()
                .map(|(code, used)| json!([code.expose(), used]))
                .collect();
            json!({
                "id": m.id, "service": m.service, "code_phones": m.code_phones,
                "recovery_phones": m.recovery_phones, "keystep_account": m.keystep_account,
                "security_key": m.security_key, "backup_codes": codes,
                "hints": hints.iter().map(|h| h.hint.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let runs: Vec<Value> = k
        .runs()
        .unwrap()
        .iter()
        .map(|r| {
            json!({
                "id": r.id, "guide_id": r.guide_id, "started_at_ms": r.started_at_ms,
                "finished_at_ms": r.finished_at_ms, "stopped_at_ms": r.stopped_at_ms,
                "at": {"branch": r.at.branch, "step": r.at.step},
                "returns": r.returns.iter().map(|p| json!({"branch": p.branch, "step": p.step})).collect::<Vec<_>>(),
                "done": r.done, "branches_taken": r.branches_taken,
                "waits": r.waits.iter().map(|w| json!({"step_id": w.step_id, "until_ms": w.until_ms})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let library = Library::load(Catalog::bundled(), None);
    let list = k.guide_list(&library).unwrap();
    let plan_runs: Vec<Value> = runs
        .iter()
        .filter(|r| {
            r["guide_id"]
                .as_str()
                .is_some_and(|g| g.starts_with("plan-"))
        })
        .map(|r| {
            let view = k.run_view(&library, r["id"].as_str().unwrap()).unwrap();
            json!({"title": view.guide_title, "total": view.total, "done": view.done,
                   "step": view.step.map(|s| s.title)})
        })
        .collect();
    json!({
        "accounts": accounts, "phones": phones, "services": services, "runs": runs,
        "open_guides": list.guides.iter().filter(|g| g.open_run.is_some()).map(|g| g.id.clone()).collect::<Vec<_>>(),
        "plan_runs": plan_runs,
    })
}

/// A keychain holding the fixture's key, under the id of the vault in `home`.
fn keychain_with_fixture_key(dir: &Path, home: &Path) -> Keychain {
    let envelope = vault::read_envelope(&home.join("vault.ksv")).unwrap();
    let key_text = std::fs::read_to_string(dir.join("key.txt")).unwrap();
    let key = VaultKey::from_bytes(
        data_encoding::BASE64
            .decode(key_text.trim().as_bytes())
            .unwrap(),
    )
    .unwrap();
    let kc = mock_keychain();
    kc.store_key(&envelope.vault_id, &key).unwrap();
    kc
}

/// Opens a fixture the way a person's computer would: its file in a data folder, its key in the keychain.
fn open_fixture(dir: &Path) -> (tempfile::TempDir, Keystep) {
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(dir.join("vault.ksv"), home.path().join("vault.ksv")).unwrap();
    let kc = keychain_with_fixture_key(dir, home.path());
    let (k, outcome) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Opened, "{}", dir.display());
    (home, k)
}

#[test]
fn every_fixture_vault_opens_and_shows_the_same_codes_and_records() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("vault.ksv").exists() {
            continue;
        }
        seen += 1;
        let (_home, mut k) = open_fixture(&dir);
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let got = summary(&mut k);
        for part in expected.as_object().unwrap().keys() {
            assert_eq!(got[part], expected[part], "{}: {part}", dir.display());
        }
        // From version 2 on, the recovery password opens the same vault without any keychain.
        if let Ok(text) = std::fs::read_to_string(dir.join("password.txt")) {
            let home = tempfile::tempdir().unwrap();
            std::fs::copy(dir.join("vault.ksv"), home.path().join("vault.ksv")).unwrap();
            let password = keystep_core::recovery_password::from_file_text(text);
            let mut by_password = Keystep::open_with_password(DataDir::at(home.path()), &password)
                .unwrap()
                .unwrap();
            let got = summary(&mut by_password);
            for part in expected.as_object().unwrap().keys() {
                assert_eq!(
                    got[part],
                    expected[part],
                    "{} by password: {part}",
                    dir.display()
                );
            }
            let wrong = SecretString::new("not the fixture password");
            let e = Keystep::open_with_password(DataDir::at(home.path()), &wrong).unwrap_err();
            assert_eq!(e.code(), "vault.wrong_password");
        }
        // Every record kind is in at least one fixture, with real content.
        assert!(got["accounts"].as_array().unwrap().len() >= 5);
        assert!(
            got["accounts"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["code"].is_string())
        );
    }
    assert!(
        seen >= 1,
        "no fixture vaults under {}",
        fixtures_dir().display()
    );
}

/// A fixture opened, changed and saved by today's Keystep still opens, with the change.
#[test]
fn a_fixture_vault_saved_again_by_this_keystep_keeps_everything() {
    let dir = fixtures_dir().join("v1-every-record");
    let (home, mut k) = open_fixture(&dir);
    let before = summary(&mut k);
    let first = before["accounts"][0]["id"].as_str().unwrap().to_string();
    k.rename(&first, "Renamed", "someone").unwrap();
    let kc = keychain_with_fixture_key(&dir, home.path());
    let (mut again, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let after = summary(&mut again);
    for part in ["phones", "services", "runs", "plan_runs", "open_guides"] {
        assert_eq!(after[part], before[part], "{part}");
    }
    assert!(
        after["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["issuer"] == "Renamed" && a["code"] == before["accounts"][0]["code"])
    );
}

/// Writes a new fixture with every record kind. Run by hand when the format changes (see the top).
#[test]
#[ignore = "writes a fixture; run by hand when the vault format changes"]
fn write_fixture() {
    let Ok(out) = std::env::var("KEYSTEP_WRITE_FIXTURE") else {
        panic!("set KEYSTEP_WRITE_FIXTURE to the new fixture's folder");
    };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join(out);
    assert!(
        !out.exists(),
        "{} exists: fixtures are never rewritten",
        out.display()
    );
    let home = tempfile::tempdir().unwrap();
    let kc = mock_keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();

    // Accounts: every kind, algorithm, digit count and a non-default period.
    for uri in [
        "otpauth://totp/ID.me:taxpayer@example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLD&issuer=ID.me",
        "otpauth://totp/Login.gov:me@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&issuer=Login.gov&algorithm=SHA256&digits=8",
        "otpauth://totp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA&issuer=Bank&algorithm=SHA512&period=60",
        "otpauth://hotp/Work:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Work&counter=7",
        "otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam&encoder=steam",
        "otpauth://totp/Café%20Ünïcode:名前?secret=JBSWY3DPEHPK3PXP&issuer=Caf%C3%A9%20%C3%9Cn%C3%AFcode",
    ] {
        k.add_uri(uri, T).unwrap();
    }
    let hotp = k.find("Work").unwrap().id;
    k.next_hotp(&hotp).unwrap();
    let idme_code = k.find("ID.me").unwrap().id;

    // Phone numbers: every kind and status.
    let cell = k
        .add_phone("(202) 555-0143", "US", "My cell", PhoneKind::Mobile, NOW)
        .unwrap();
    let home_line = k
        .add_phone("+44 20 7946 0958", "US", "Home", PhoneKind::Landline, NOW)
        .unwrap();
    let voip = k
        .add_phone("415-555-0199", "US", "Google Voice", PhoneKind::Voip, NOW)
        .unwrap();
    k.edit_phone(
        &home_line.id,
        "Home",
        PhoneKind::Landline,
        PhoneStatus::Gone,
    )
    .unwrap();
    k.edit_phone(
        &voip.id,
        "Google Voice",
        PhoneKind::Voip,
        PhoneStatus::Leaving {
            on: "2027-03-31".into(),
        },
    )
    .unwrap();

    // Services: from the catalog and one's own, with numbers, a code link, a key and backup codes.
    let idme = k
        .add_service(ServiceRef::Catalog { id: "idme".into() }, NOW)
        .unwrap();
    k.update_service(
        &idme.id,
        std::slice::from_ref(&cell.id),
        std::slice::from_ref(&voip.id),
        Some(&idme_code),
        false,
    )
    .unwrap();
    k.set_backup_codes(
        &idme.id,
        &SecretString::new("1111-2222\n3333-4444\n5555-6666\n"),
        false,
    )
    .unwrap();
    k.mark_backup_code(&idme.id, 1, true).unwrap();
    let google = k
        .add_service(
            ServiceRef::Catalog {
                id: "google".into(),
            },
            NOW,
        )
        .unwrap();
    k.update_service(
        &google.id,
        std::slice::from_ref(&voip.id),
        std::slice::from_ref(&cell.id),
        None,
        true,
    )
    .unwrap();
    let club = k
        .add_service(
            ServiceRef::Custom {
                name: "Garden Club".into(),
                domain: "example.org".into(),
            },
            NOW,
        )
        .unwrap();
    k.update_service(&club.id, std::slice::from_ref(&cell.id), &[], None, false)
        .unwrap();

    // Guide runs: open in a branch with a wait running, finished, and stopped.
    let library = Library::load(Catalog::bundled(), None);
    let irs = k.open_guide(&library, "irs-sign-in", T).unwrap();
    k.run_next(&library, &irs.id, T).unwrap();
    let locked = k.open_guide(&library, "locked-out", T).unwrap();
    let guide = library.guide("locked-out").unwrap().clone();
    k.update_run(&locked.id, |run| {
        // Walk until a step with a wait, then start it: a deadline that must survive the format.
        for _ in 0..30 {
            if run.start_wait(&guide, T).is_some() || run.is_finished() {
                break;
            }
            run.advance(&guide, T);
        }
    })
    .unwrap();
    let done = k.open_guide(&library, "no-text-code", T).unwrap();
    let g = library.guide("no-text-code").unwrap().clone();
    k.update_run(&done.id, |run| {
        while !run.is_finished() {
            run.advance(&g, T);
        }
    })
    .unwrap();
    k.restart_guide(&library, "irs-sign-in", T + 1000).unwrap();
    let irs_again = k.open_guide(&library, "irs-sign-in", T + 2000).unwrap();
    let irs_guide = library.guide("irs-sign-in").unwrap().clone();
    k.update_run(&irs_again.id, |run| {
        while run
            .current(&irs_guide)
            .is_some_and(|s| s.id != "watch-for-text")
        {
            run.advance(&irs_guide, T + 2000);
        }
        run.answer(&irs_guide, "branch:no-text", T + 2000);
        run.advance(&irs_guide, T + 2000);
    })
    .unwrap();

    // A change-number plan, one step done.
    let (_plan, plan_run) = k
        .plan_change(
            "(202) 555-0143",
            "(202) 555-0177",
            Some("2027-01-15"),
            "US",
            T,
        )
        .unwrap();
    k.run_next(&library, &plan_run.id, T).unwrap();

    // A recovery password (format version 2): the fixture opens with it as well as with the key.
    let password = SecretString::new(FIXTURE_PASSWORD);
    k.set_password(&password, None).unwrap();

    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("password.txt"), format!("{FIXTURE_PASSWORD}\n")).unwrap();
    std::fs::copy(home.path().join("vault.ksv"), out.join("vault.ksv")).unwrap();
    let key = kc.read_key(k.vault_id()).unwrap();
    std::fs::write(
        out.join("key.txt"),
        format!("{}\n", data_encoding::BASE64.encode(key.expose())),
    )
    .unwrap();
    let (_h, mut reopened) = open_fixture(&out);
    let expected = summary(&mut reopened);
    std::fs::write(
        out.join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap() + "\n",
    )
    .unwrap();
}
