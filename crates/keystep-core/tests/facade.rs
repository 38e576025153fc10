//! The Keystep facade over a real vault file, with keyring-core's mock store standing in for the keychain
//! (the real Secret Service is tested in tests/tests/keychain.rs; the mock is here for fault injection).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use keyring_core::{Entry, Error as KeyringError, mock};
use keystep_core::account::NewAccount;
use keystep_core::keychain::{Keychain, SERVICE};
use keystep_core::paths::DataDir;
use keystep_core::vault;
use keystep_core::{Keystep, OpenOutcome};

const IRS: &str = "otpauth://totp/IRS:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";
const T: u64 = 1_700_000_000_000;

fn setup() -> (tempfile::TempDir, Arc<mock::Store>, Keychain) {
    let dir = tempfile::tempdir().unwrap();
    let store = mock::Store::new().unwrap();
    let kc = Keychain::with_store(store.clone());
    (dir, store, kc)
}

fn fail_next_call(store: &Arc<mock::Store>, vault_id: &str, err: KeyringError) {
    let entry: Entry =
        keyring_core::api::CredentialStoreApi::build(store.as_ref(), SERVICE, vault_id, None)
            .unwrap();
    let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(err);
}

#[test]
fn first_open_creates_an_empty_vault_and_the_second_opens_it() {
    let (dir, _store, kc) = setup();
    let (mut k, outcome) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Created);
    assert!(k.accounts().unwrap().is_empty());
    k.add_uri(IRS, T).unwrap();
    let (mut again, outcome) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Opened);
    assert_eq!(again.accounts().unwrap()[0].issuer, "IRS");
    assert_eq!(again.vault_id(), k.vault_id());
}

#[test]
fn duplicates_are_reported_not_added() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.add_uri(IRS, T).unwrap();
    let err = k
        .add_uri("otpauth://totp/irs:other?secret=jbswy3dpehpk3pxp", T)
        .unwrap_err();
    assert_eq!(err.code(), "account.duplicate");
    assert!(err.to_string().contains("IRS (me@example.com)"), "{err}");
    // Same secret for another service is a different account.
    k.add_uri("otpauth://totp/SSA:me?secret=JBSWY3DPEHPK3PXP", T)
        .unwrap();
    assert_eq!(k.accounts().unwrap().len(), 2);
}

#[test]
fn accounts_are_listed_by_service_then_name_ignoring_case() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    for (issuer, secret) in [
        ("ssa", "GEZDGNBV"),
        ("IRS", "JBSWY3DP"),
        ("Login.gov", "MFRGGZDF"),
    ] {
        k.add_uri(&format!("otpauth://totp/{issuer}:me?secret={secret}"), T)
            .unwrap();
    }
    let names: Vec<String> = k
        .accounts()
        .unwrap()
        .into_iter()
        .map(|a| a.issuer)
        .collect();
    assert_eq!(names, ["IRS", "Login.gov", "ssa"]);
}

#[test]
fn rename_and_delete_change_the_vault_on_disk() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let id = k.add_uri(IRS, T).unwrap().id;
    k.rename(&id, "IRS Online Account", "me").unwrap();
    let (mut other, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(other.accounts().unwrap()[0].issuer, "IRS Online Account");
    assert_eq!(k.rename(&id, " ", "").unwrap_err().code(), "input.bad_name");
    k.delete(&id).unwrap();
    assert!(
        other.accounts().unwrap().is_empty(),
        "the other handle sees the deletion"
    );
    assert_eq!(k.delete(&id).unwrap_err().code(), "account.not_found");
}

#[test]
fn form_input_is_checked_before_it_reaches_the_vault() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let before = std::fs::read(DataDir::at(dir.path()).vault_file()).unwrap();
    let bad = NewAccount {
        issuer: "ID.me".into(),
        name: "me".into(),
        secret: "JBSWY3DPEHPK3PX!".into(),
        kind: None,
        algorithm: None,
        digits: None,
        period: None,
        counter: None,
    };
    assert_eq!(
        k.add_fields(&bad, T).unwrap_err().code(),
        "input.bad_secret"
    );
    assert_eq!(
        std::fs::read(DataDir::at(dir.path()).vault_file()).unwrap(),
        before
    );
}

#[test]
fn codes_follow_the_clock_and_hand_over_the_next_code_two_seconds_before_its_last_ten() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.add_uri(
        "otpauth://totp/RFC:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8",
        T,
    )
    .unwrap();
    let at_59 = &k.codes(59_000).unwrap()[0];
    assert_eq!(at_59.code.as_deref(), Some("94287082"));
    assert_eq!(
        (at_59.valid_from_ms, at_59.valid_until_ms),
        (Some(30_000), Some(60_000))
    );
    assert!(at_59.next_code.is_some());
    let early = &k.codes(31_000).unwrap()[0];
    assert_eq!(early.next_code, None);
    // Handed over 2 s before the window shows it (at 10 s left), so it is there in time.
    let ahead = &k.codes(48_001).unwrap()[0];
    assert!(ahead.next_code.is_some());
    assert_eq!(k.codes(48_000).unwrap()[0].next_code, None);
}

#[test]
fn hotp_counter_advances_and_is_saved() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let id = k
        .add_uri(
            "otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            T,
        )
        .unwrap()
        .id;
    assert_eq!(k.code(&id, T).unwrap().code, None, "no code given out yet");
    assert_eq!(k.next_hotp(&id).unwrap().0, "755224");
    assert_eq!(k.code(&id, T).unwrap().code.as_deref(), Some("755224"));
    let (mut other, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(other.next_hotp(&id).unwrap(), ("287082".to_string(), 1));
    // `k` last saw counter 1; the counter it reports is the one its code was made from (2), read under
    // the lock after the other writer's save.
    assert_eq!(k.next_hotp(&id).unwrap(), ("359152".to_string(), 2));
    let totp = k.add_uri(IRS, T).unwrap().id;
    let err = k.next_hotp(&totp).unwrap_err();
    assert_eq!(err.code(), "account.wrong_kind");
    // It says what happened: the account is time-based, not a counter account.
    let message = err.to_string();
    assert!(message.contains("is a time-based account"), "{message}");
    assert!(message.contains("Only counter accounts"), "{message}");
    assert!(!message.contains("needs a time-based account"), "{message}");
}

#[test]
fn a_counter_at_its_highest_value_refuses_instead_of_repeating_a_code() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let id = k
        .add_uri(
            "otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=18446744073709551614",
            T,
        )
        .unwrap()
        .id;
    let (_, used) = k.next_hotp(&id).unwrap();
    assert_eq!(used, u64::MAX - 1);
    for _ in 0..2 {
        let err = k.next_hotp(&id).unwrap_err();
        assert_eq!(err.code(), "input.bad_counter");
        assert!(err.to_string().contains("has used its last code"), "{err}");
    }
    assert_eq!(k.accounts().unwrap()[0].counter, Some(u64::MAX));
}

#[test]
fn keychain_failure_at_creation_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let refusing = Keychain::with_store(Arc::new(RefusingStore));
    let err = Keystep::open_or_create(DataDir::at(dir.path()), &refusing).unwrap_err();
    assert_eq!(err.code(), "keychain.locked");
    assert!(!DataDir::at(dir.path()).vault_file().exists());
}

/// A store whose every entry says the keychain is locked.
#[derive(Debug)]
struct RefusingStore;

impl keyring_core::api::CredentialStoreApi for RefusingStore {
    fn vendor(&self) -> String {
        "refusing".into()
    }
    fn id(&self) -> String {
        "refusing".into()
    }
    fn build(
        &self,
        _s: &str,
        _u: &str,
        _m: Option<&std::collections::HashMap<&str, &str>>,
    ) -> keyring_core::Result<Entry> {
        Err(KeyringError::NoStorageAccess(Box::new(
            std::io::Error::other("SS Error: object locked"),
        )))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[test]
fn keychain_failure_on_open_changes_nothing_and_never_creates_a_second_vault() {
    let (dir, store, kc) = setup();
    let (k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let path = DataDir::at(dir.path()).vault_file();
    let before = std::fs::read(&path).unwrap();
    fail_next_call(
        &store,
        k.vault_id(),
        KeyringError::NoStorageAccess(Box::new(std::io::Error::other(
            "SS error: prompt dismissed",
        ))),
    );
    let err = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap_err();
    assert_eq!(err.code(), "keychain.denied");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // With the key gone, opening fails the same careful way.
    let empty = Keychain::with_store(mock::Store::new().unwrap());
    let err = Keystep::open_or_create(DataDir::at(dir.path()), &empty).unwrap_err();
    assert_eq!(err.code(), "keychain.key_missing");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_save_that_fails_changes_nothing_in_memory_or_on_disk() {
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.add_uri(IRS, T).unwrap();
    let data = DataDir::at(dir.path());
    let before = std::fs::read(data.vault_file()).unwrap();
    // A folder where the lock file belongs makes every save fail, even for root.
    std::fs::remove_file(data.lock_file()).unwrap();
    std::fs::create_dir(data.lock_file()).unwrap();
    let err = k
        .add_uri("otpauth://totp/SSA:me?secret=GEZDGNBV", T)
        .unwrap_err();
    assert_eq!(err.code(), "vault.io");
    assert!(err.to_string().contains("vault.lock"), "{err}");
    assert_eq!(k.accounts().unwrap().len(), 1);
    assert_eq!(std::fs::read(data.vault_file()).unwrap(), before);
}

#[test]
fn a_corrupted_vault_file_is_reported_and_left_alone() {
    let (dir, _s, kc) = setup();
    let (k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    drop(k);
    let path = DataDir::at(dir.path()).vault_file();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 40]).unwrap();
    let err = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap_err();
    assert_eq!(err.code(), "vault.corrupt");
    assert_eq!(std::fs::read(&path).unwrap(), &bytes[..bytes.len() - 40]);
    assert!(vault::read_envelope(&path).is_err());
}

#[test]
fn guide_progress_branches_and_waits_survive_reopening_the_vault() {
    use keystep_core::catalog::Catalog;
    use keystep_core::guides::load_guide;
    let guide = load_guide(
        "g.toml",
        r#"id = "g"
title = "Sign in"
service = "irs"
summary = "Sign in."
minutes = 5
[[sources]]
url = "https://www.irs.gov/"
checked = "2026-11-25"
[[steps]]
id = "ask"
title = "Did it work?"
text = "Tell us."
[[steps.actions]]
type = "question"
text = "Did the text arrive?"
[[steps.actions.answers]]
label = "No"
goto = "branch:locked"
[[branches]]
id = "locked"
title = "Locked out"
returns = true
[[branches.steps]]
id = "wait"
title = "Wait"
text = "Wait a day."
[[branches.steps.actions]]
type = "wait"
minutes = 1440
text = "Try again in 24 hours."
"#,
        Catalog::bundled(),
    )
    .unwrap();
    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let run = k.start_run(&guide, T).unwrap();
    k.update_run(&run.id, |r| r.answer(&guide, "branch:locked", T))
        .unwrap();
    k.update_run(&run.id, |r| {
        r.start_wait(&guide, T);
    })
    .unwrap();
    drop(k);

    let (mut reopened, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let runs = reopened.runs().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].current(&guide).unwrap().id, "wait");
    assert_eq!(runs[0].branches_taken, ["locked"]);
    let hour_later = T + 3_600_000;
    assert_eq!(
        runs[0].wait_left_ms("wait", hour_later),
        Some(23 * 3_600_000)
    );
    assert_eq!(
        reopened
            .update_run("no-such-run", |_| {})
            .unwrap_err()
            .code(),
        "guide.run_not_found"
    );
}

#[test]
fn the_irs_guide_runs_through_the_no_text_branch_back_to_the_code_and_to_the_end() {
    use keystep_core::catalog::Catalog;
    use keystep_core::guides::Library;
    use keystep_core::guides::view::ActionView;

    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.add_fields(
        &NewAccount {
            issuer: "ID.me".into(),
            name: "me@example.com".into(),
            secret: "JBSWY3DPEHPK3PXP".into(),
            kind: None,
            algorithm: None,
            digits: None,
            period: None,
            counter: None,
        },
        T,
    )
    .unwrap();
    let lib = Library::load(Catalog::bundled(), None);
    let run = k.open_guide(&lib, "irs-sign-in", T).unwrap();
    assert_eq!(k.open_guide(&lib, "irs-sign-in", T).unwrap().id, run.id);

    // A step without a question takes no answer, and nothing changes.
    let err = k.run_answer(&lib, &run.id, "end", T).unwrap_err();
    assert_eq!(err.code(), "guide.bad_answer");
    assert_eq!(k.runs().unwrap()[0], run);

    let step = |k: &mut Keystep| {
        k.run_view(&lib, &run.id)
            .unwrap()
            .step
            .map(|s| s.id)
            .unwrap_or_default()
    };
    k.run_next(&lib, &run.id, T).unwrap();
    k.run_next(&lib, &run.id, T).unwrap();
    k.run_next(&lib, &run.id, T).unwrap();
    assert_eq!(step(&mut k), "choose-method");
    k.run_answer(&lib, &run.id, "next", T).unwrap();
    assert_eq!(step(&mut k), "watch-for-text");
    k.run_answer(&lib, &run.id, "branch:no-text", T).unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    assert_eq!(
        view.branch_title.as_deref(),
        Some("The code did not come by text or call")
    );
    for _ in 0..4 {
        k.run_next(&lib, &run.id, T).unwrap();
    }
    assert_eq!(step(&mut k), "watch-for-text", "the branch returns");
    k.run_answer(&lib, &run.id, "enter-keystep-code", T)
        .unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    let code = view
        .step
        .unwrap()
        .actions
        .into_iter()
        .find_map(|a| match a {
            ActionView::ShowCode { account_id, .. } => Some(account_id),
            _ => None,
        });
    let idme = k.find("ID.me").unwrap();
    assert_eq!(
        code,
        Some(Some(idme.id)),
        "the step names the ID.me account"
    );
    k.run_answer(&lib, &run.id, "next", T).unwrap();
    assert_eq!(step(&mut k), "signed-in");
    let done = k.run_next(&lib, &run.id, T + 5).unwrap();
    assert_eq!(done.finished_at_ms, Some(T + 5));
    assert_eq!(done.branches_taken, ["no-text"]);

    let list = k.guide_list(&lib).unwrap();
    assert_eq!(list.past_runs[0].run_id, run.id);
    let irs = list.guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
    assert!(irs.open_run.is_none(), "a finished run is not continued");
}

#[test]
fn previous_step_and_the_way_out_of_a_branch_are_saved_and_survive_reopening_the_vault() {
    use keystep_core::catalog::Catalog;
    use keystep_core::guides::Library;

    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let lib = Library::load(Catalog::bundled(), None);
    let run = k.open_guide(&lib, "irs-sign-in", T).unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    assert!(!view.can_go_back, "not on the first step");
    assert_eq!(
        k.run_back(&lib, &run.id).unwrap_err().code(),
        "guide.bad_answer"
    );
    for _ in 0..3 {
        k.run_next(&lib, &run.id, T).unwrap();
    }
    k.run_answer(&lib, &run.id, "next", T).unwrap();
    k.run_answer(&lib, &run.id, "branch:no-text", T).unwrap();
    k.run_next(&lib, &run.id, T).unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    assert_eq!(view.step.unwrap().id, "no-text-number");
    assert!(view.can_go_back);
    assert_eq!(view.step_number, 5);
    let origin = view.branch_origin.unwrap();
    assert_eq!(
        (origin.title.as_str(), origin.step_number),
        ("Wait for the text or the call", Some(5))
    );

    // The history is in the vault: a reopened Keystep goes back the same way.
    drop(k);
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.run_leave_branch(&lib, &run.id).unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    assert_eq!(view.step.unwrap().id, "watch-for-text");
    assert_eq!((view.branch_title, view.branch_origin), (None, None));
    assert_eq!(
        k.run_leave_branch(&lib, &run.id).unwrap_err().code(),
        "guide.bad_answer"
    );
    k.run_back(&lib, &run.id).unwrap();
    let view = k.run_view(&lib, &run.id).unwrap();
    assert_eq!(view.step.unwrap().id, "choose-method");
    assert_eq!(view.step_number, 4);
    assert!(view.done >= 4, "what was done stays done: {}", view.done);
}

#[test]
fn starting_a_guide_over_keeps_the_old_run_as_stopped() {
    use keystep_core::catalog::Catalog;
    use keystep_core::guides::Library;

    let (dir, _s, kc) = setup();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let lib = Library::load(Catalog::bundled(), None);
    let first = k.open_guide(&lib, "locked-out", T).unwrap();
    k.run_next(&lib, &first.id, T).unwrap();
    let second = k.restart_guide(&lib, "locked-out", T + 1).unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(
        k.open_guide(&lib, "locked-out", T + 2).unwrap().id,
        second.id
    );
    let list = k.guide_list(&lib).unwrap();
    assert_eq!(list.past_runs.len(), 1);
    assert_eq!(list.past_runs[0].stopped_at_ms, Some(T + 1));
    assert_eq!(list.past_runs[0].done, 1);
    assert_eq!(
        k.open_guide(&lib, "no-such-guide", T).unwrap_err().code(),
        "guide.not_found"
    );
}

#[cfg(unix)]
#[test]
fn a_vault_that_is_a_link_is_read_and_written_through_the_link() {
    let (dir, _s, kc) = setup();
    let elsewhere = tempfile::tempdir().unwrap();
    let (mut real, _) = Keystep::open_or_create(DataDir::at(elsewhere.path()), &kc).unwrap();
    real.add_uri(IRS, T).unwrap();
    let target = elsewhere.path().join("vault.ksv");
    let link = dir.path().join("vault.ksv");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let (mut k, outcome) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Opened);
    assert_eq!(k.accounts().unwrap().len(), 1);
    k.add_uri(
        "otpauth://totp/ID.me:me@example.com?secret=GEZDGNBVGY3TQOJQ&issuer=ID.me",
        T,
    )
    .unwrap();
    // The link is still a link, the save went to the real file, and its temporary file lived there.
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        real.accounts().unwrap().len(),
        2,
        "the real vault was updated"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp-")),
        "no temporary file beside the link: {names:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_missing_vault_is_an_error_never_an_empty_new_vault() {
    let (dir, _s, kc) = setup();
    let gone = dir.path().join("drive-not-mounted").join("vault.ksv");
    let link = dir.path().join("vault.ksv");
    std::os::unix::fs::symlink(&gone, &link).unwrap();
    let data = DataDir::at(dir.path());
    let err = Keystep::open_existing(data.clone(), &kc).unwrap_err();
    assert_eq!(err.code(), "vault.link_broken");
    assert!(err.is_storage(), "exit 4 on the command line");
    assert!(err.to_string().contains("drive-not-mounted"), "{err}");
    assert_eq!(
        Keystep::open_or_create(data, &kc).unwrap_err().code(),
        "vault.link_broken"
    );
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        gone,
        "the link is untouched"
    );
    assert!(!gone.exists());
    assert!(
        !dir.path().join("vault.pending").exists(),
        "no key was made"
    );
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_refused_and_its_target_not_created() {
    let (dir, _s, kc) = setup();
    let target = dir.path().join("somewhere-else.lock");
    std::os::unix::fs::symlink(&target, dir.path().join("vault.lock")).unwrap();
    let err = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap_err();
    assert_eq!(err.code(), "vault.lock_is_link");
    assert!(!target.exists());
    assert!(!dir.path().join("vault.ksv").exists());
}

#[test]
fn a_first_save_killed_after_the_key_was_stored_reuses_that_key() {
    let (dir, _s, kc) = setup();
    // What a kill between "key stored" and "vault written" leaves: the note and the key.
    let orphan = "0b5e7c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60";
    let key = vault::VaultKey::generate().unwrap();
    kc.store_key(orphan, &key).unwrap();
    std::fs::write(dir.path().join("vault.pending"), orphan).unwrap();
    std::fs::write(dir.path().join(".vault.ksv.tmp-0a1b2c"), b"half a vault").unwrap();

    let (k, outcome) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Created);
    assert_eq!(
        k.vault_id(),
        orphan,
        "the orphaned key is reused, not a second one made"
    );
    assert!(!dir.path().join("vault.pending").exists());
    assert!(
        !dir.path().join(".vault.ksv.tmp-0a1b2c").exists(),
        "leftovers removed"
    );
    let (again, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(again.vault_id(), orphan);
}

#[test]
fn a_note_whose_key_is_gone_starts_a_fresh_vault_and_leftover_temps_go_on_the_next_save() {
    let (dir, _s, kc) = setup();
    std::fs::write(
        dir.path().join("vault.pending"),
        "0b5e7c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60",
    )
    .unwrap();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_ne!(k.vault_id(), "0b5e7c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60");
    assert!(!dir.path().join("vault.pending").exists());
    std::fs::write(dir.path().join(".vault.ksv.tmp-ffeedd"), b"killed save").unwrap();
    k.add_uri(IRS, T).unwrap();
    assert!(!dir.path().join(".vault.ksv.tmp-ffeedd").exists());
}
