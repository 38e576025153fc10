//! The recovery password, automatic backups and restore through the facade, with keyring-core's mock
//! store as the keychain (the real Secret Service and a new computer are in tests/tests/recovery.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use keystep_core::backups;
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::phones::PhoneKind;
use keystep_core::sensitive::SecretString;
use keystep_core::services::ServiceRef;
use keystep_core::vault;
use keystep_core::{Keystep, OpenOutcome};
use proptest::prelude::*;

const IRS: &str = "otpauth://totp/IRS:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=IRS";
const SSA: &str = "otpauth://totp/SSA:me?secret=GEZDGNBVGY3TQOJQ&issuer=SSA";
const BANK: &str = "otpauth://totp/Bank:me?secret=KRSXG5CTMVRXEZLU&issuer=Bank";
const T: u64 = 1_700_000_000_000;
const PASSWORD: &str = "plover kettle marsh quietly lantern";

fn keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

fn pw(s: &str) -> SecretString {
    SecretString::new(s)
}

fn new_vault(dir: &Path, kc: &Keychain) -> Keystep {
    let (k, outcome) = Keystep::open_or_create(DataDir::at(dir), kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Created);
    k
}

fn issuers(k: &mut Keystep) -> Vec<String> {
    k.accounts()
        .unwrap()
        .into_iter()
        .map(|a| a.issuer)
        .collect()
}

#[test]
fn a_version_1_vault_opens_and_is_written_as_version_2_on_the_next_save() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vaults/v1-every-record");
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(fixture.join("vault.ksv"), home.path().join("vault.ksv")).unwrap();
    let envelope = vault::read_envelope(&home.path().join("vault.ksv")).unwrap();
    assert_eq!(envelope.version, 1);
    let key_text = std::fs::read_to_string(fixture.join("key.txt")).unwrap();
    let key = vault::VaultKey::from_bytes(
        data_encoding::BASE64
            .decode(key_text.trim().as_bytes())
            .unwrap(),
    )
    .unwrap();
    let kc = keychain();
    kc.store_key(&envelope.vault_id, &key).unwrap();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let before = k.accounts().unwrap().len();
    k.add_uri(BANK, T).unwrap();
    let after = vault::read_envelope(&home.path().join("vault.ksv")).unwrap();
    assert_eq!(after.version, vault::FORMAT_VERSION);
    assert_eq!(after.vault_id, envelope.vault_id);
    let (mut again, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    assert_eq!(again.accounts().unwrap().len(), before + 1);
}

#[test]
fn the_password_opens_the_vault_without_the_keychain_and_a_lost_key_asks_for_it() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(home.path(), &kc);
    k.add_uri(IRS, T).unwrap();
    assert!(!k.has_password());
    // A weak password is refused and changes nothing.
    let e = k.set_password(&pw("password123"), None).unwrap_err();
    assert_eq!(e.code(), "input.bad_password");
    assert!(!k.has_password());
    k.set_password(&pw(PASSWORD), None).unwrap();
    assert!(k.has_password());

    let mut by_password = Keystep::open_with_password(DataDir::at(home.path()), &pw(PASSWORD))
        .unwrap()
        .unwrap();
    assert_eq!(issuers(&mut by_password), ["IRS"]);
    let e =
        Keystep::open_with_password(DataDir::at(home.path()), &pw("wrong words here")).unwrap_err();
    assert_eq!(e.code(), "vault.wrong_password");
    assert!(!e.to_string().contains("wrong words here"));

    // The keychain loses the key: opening asks for the password instead of failing.
    kc.delete_key(k.vault_id()).unwrap();
    let e = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap_err();
    assert_eq!(e.code(), "vault.password_needed");
    by_password.put_key_in_keychain(&kc).unwrap();
    let (mut again, outcome) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    assert_eq!(outcome, OpenOutcome::Opened);
    assert_eq!(issuers(&mut again), ["IRS"]);
}

#[test]
fn changing_or_removing_the_password_needs_the_current_one() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(home.path(), &kc);
    k.set_password(&pw(PASSWORD), None).unwrap();
    let other = "violet harbor engine pickle summit";
    assert_eq!(
        k.set_password(&pw(other), None).unwrap_err().code(),
        "password.current_needed"
    );
    assert_eq!(
        k.set_password(&pw(other), Some(&pw("not it at all")))
            .unwrap_err()
            .code(),
        "vault.wrong_password"
    );
    k.set_password(&pw(other), Some(&pw(PASSWORD))).unwrap();
    assert_eq!(
        Keystep::open_with_password(DataDir::at(home.path()), &pw(PASSWORD))
            .unwrap_err()
            .code(),
        "vault.wrong_password",
        "the old password still opens the vault"
    );
    assert_eq!(
        k.remove_password(Some(&pw(PASSWORD))).unwrap_err().code(),
        "vault.wrong_password"
    );
    k.remove_password(Some(&pw(other))).unwrap();
    assert!(!k.has_password());
    let envelope = vault::read_envelope(&home.path().join("vault.ksv")).unwrap();
    assert!(envelope.slots.iter().all(|s| s.password().is_none()));
}

#[test]
fn every_change_leaves_a_backup_that_opens_with_the_password_alone() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(home.path(), &kc);
    k.add_uri(IRS, T).unwrap();
    let list = backups::list(&home.path().join("backups")).unwrap();
    assert_eq!(list.len(), 1, "one backup after one change");
    let sealed = vault::read_envelope(&list[0].path).unwrap();
    assert!(
        sealed.slots.iter().all(|s| s.keychain_account().is_some()),
        "without a password the backup is sealed by the keychain"
    );

    k.set_password(&pw(PASSWORD), None).unwrap();
    k.add_uri(SSA, T).unwrap();
    let newest = &k.backups().unwrap()[0];
    assert_eq!(newest.accounts, Some(2));
    assert_eq!(newest.sealed_by, keystep_core::app::SealedBy::Password);
    let envelope = vault::read_envelope(Path::new(&newest.path)).unwrap();
    assert_eq!(envelope.slots.len(), 1);
    assert!(
        envelope.slots[0].password().is_some(),
        "{:?}",
        envelope.slots
    );
}

#[test]
fn a_restore_into_an_empty_folder_makes_the_vault_with_everything_and_the_same_password() {
    let old = tempfile::tempdir().unwrap();
    let kc_old = keychain();
    let mut k = new_vault(old.path(), &kc_old);
    k.add_uri(IRS, T).unwrap();
    k.add_uri(SSA, T).unwrap();
    let cell = k
        .add_phone("(202) 555-0143", "US", "Cell", PhoneKind::Mobile, T)
        .unwrap();
    let irs = k
        .add_service(ServiceRef::Catalog { id: "irs".into() }, T)
        .unwrap();
    let code = k.find("IRS").unwrap().id;
    k.update_service(
        &irs.id,
        std::slice::from_ref(&cell.id),
        &[],
        Some(&code),
        false,
    )
    .unwrap();
    k.set_password(&pw(PASSWORD), None).unwrap();
    let files = tempfile::tempdir().unwrap();
    let backup = files.path().join("b.ksv");
    k.backup_to(&backup).unwrap();

    // A new computer: another keychain, an empty data folder.
    let new = tempfile::tempdir().unwrap();
    let kc_new = keychain();
    let e = Keystep::restore(
        DataDir::at(new.path()),
        &kc_new,
        &backup,
        Some(&pw("wrong words here")),
        false,
    )
    .unwrap_err();
    assert_eq!(e.code(), "vault.wrong_password");
    assert!(
        !new.path().join("vault.ksv").exists(),
        "a wrong password created a vault"
    );

    let (mut restored, report) = Keystep::restore(
        DataDir::at(new.path()),
        &kc_new,
        &backup,
        Some(&pw(PASSWORD)),
        false,
    )
    .unwrap();
    assert_eq!((report.added, report.phones, report.services), (2, 1, 1));
    assert_ne!(
        restored.vault_id(),
        k.vault_id(),
        "a new vault with its own key"
    );
    assert!(restored.has_password());
    for id in [k.find("IRS").unwrap().id, k.find("SSA").unwrap().id] {
        let label = k.code(&id, T).unwrap().code;
        let there = restored.find(&id).unwrap();
        assert_eq!(restored.code(&there.id, T).unwrap().code, label);
    }
    let services = restored.services().unwrap();
    assert_eq!(services[0].code_phones.len(), 1);
    assert_eq!(services[0].keystep_account.as_deref(), Some(code.as_str()));
    drop(restored);
    let (mut reopened, _) = Keystep::open_or_create(DataDir::at(new.path()), &kc_new).unwrap();
    assert_eq!(reopened.accounts().unwrap().len(), 2);
}

#[test]
fn a_restore_into_a_vault_merges_and_replace_keeps_a_backup_first() {
    let old = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(old.path(), &kc);
    k.add_uri(IRS, T).unwrap();
    k.add_uri(SSA, T).unwrap();
    k.set_password(&pw(PASSWORD), None).unwrap();
    let files = tempfile::tempdir().unwrap();
    let backup = files.path().join("b.ksv");
    k.backup_to(&backup).unwrap();

    let here = tempfile::tempdir().unwrap();
    let mut present = new_vault(here.path(), &kc);
    // The same IRS account (same secret and settings, another name) and one of its own.
    present
        .add_uri("otpauth://totp/IRS:renamed?secret=JBSWY3DPEHPK3PXP", T)
        .unwrap();
    present.add_uri(BANK, T).unwrap();
    drop(present);
    let (mut merged, report) = Keystep::restore(
        DataDir::at(here.path()),
        &kc,
        &backup,
        Some(&pw(PASSWORD)),
        false,
    )
    .unwrap();
    assert_eq!(
        (report.added, report.duplicates, report.replaced),
        (1, 1, false)
    );
    let mut names = issuers(&mut merged);
    names.sort();
    assert_eq!(names, ["Bank", "IRS", "SSA"]);
    drop(merged);

    let before = backups::list(&here.path().join("backups")).unwrap().len();
    let (mut replaced, report) = Keystep::restore(
        DataDir::at(here.path()),
        &kc,
        &backup,
        Some(&pw(PASSWORD)),
        true,
    )
    .unwrap();
    assert!(report.replaced);
    let mut names = issuers(&mut replaced);
    names.sort();
    assert_eq!(names, ["IRS", "SSA"]);
    let kept = backups::list(&here.path().join("backups")).unwrap();
    assert!(kept.len() > before, "no backup of the replaced vault");
    // The kept backup still holds the bank account that the replace removed.
    let kept_accounts: Vec<usize> = replaced
        .backups()
        .unwrap()
        .iter()
        .filter_map(|b| b.accounts)
        .collect();
    assert!(kept_accounts.contains(&3), "{kept_accounts:?}");
}

#[test]
fn damaged_or_foreign_backups_are_refused_and_nothing_is_created() {
    let old = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(old.path(), &kc);
    k.add_uri(IRS, T).unwrap();
    k.set_password(&pw(PASSWORD), None).unwrap();
    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("good.ksv");
    k.backup_to(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let data_at = String::from_utf8_lossy(&bytes)
        .find("\"data\": \"")
        .unwrap()
        + 12;
    let mut flipped = bytes.clone();
    flipped[data_at] = if flipped[data_at] == b'A' { b'B' } else { b'A' };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("flipped", flipped, "vault.corrupt"),
        (
            "truncated",
            bytes[..bytes.len() / 2].to_vec(),
            "vault.corrupt",
        ),
        ("empty", Vec::new(), "vault.corrupt"),
        (
            "png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "vault.corrupt",
        ),
        (
            "other json",
            br#"{"format":"other","version":1}"#.to_vec(),
            "vault.corrupt",
        ),
    ];
    for (name, content, code) in cases {
        let file = files.path().join(format!("{name}.ksv"));
        std::fs::write(&file, content).unwrap();
        let new = tempfile::tempdir().unwrap();
        let e = Keystep::restore(
            DataDir::at(new.path()),
            &keychain(),
            &file,
            Some(&pw(PASSWORD)),
            false,
        )
        .unwrap_err();
        assert_eq!(e.code(), code, "{name}: {e}");
        assert!(e.is_storage(), "{name}");
        assert!(
            !new.path().join("vault.ksv").exists(),
            "{name} created a vault"
        );
    }
}

#[test]
fn a_backup_folder_that_cannot_be_written_is_noted_and_the_change_is_kept() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let mut k = new_vault(home.path(), &kc);
    k.set_password(&pw(PASSWORD), None).unwrap();
    let files = tempfile::tempdir().unwrap();
    let blocker = files.path().join("stick");
    std::fs::write(&blocker, b"a file, not a folder").unwrap();
    let folder = blocker.join("keystep");
    assert!(k.set_backup_folder(Some(folder.clone())).is_err());
    k.add_uri(IRS, T).unwrap();
    assert!(keystep_core::app::finish_folder_backups(
        std::time::Duration::from_secs(10)
    ));
    assert_eq!(issuers(&mut k), ["IRS"], "the change was not kept");
    let status = k.backup_status();
    let failure = status.failure.expect("the failure is noted");
    assert_eq!(failure.folder, folder);
    let review = k.review(T).unwrap();
    assert_eq!(review[0].code.as_str(), "backup_failed");

    std::fs::remove_file(&blocker).unwrap();
    k.retry_backup().unwrap();
    assert!(k.backup_status().failure.is_none());
    assert_eq!(backups::list(&folder).unwrap().len(), 1);
    let codes: Vec<&str> = k
        .review(T)
        .unwrap()
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert!(!codes.contains(&"backup_failed"), "{codes:?}");
    assert!(!codes.contains(&"no_recovery_password"), "{codes:?}");
}

#[test]
fn a_damaged_vault_is_kept_aside_and_the_newest_backup_opens_instead() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let dir = DataDir::at(home.path());
    // No backup yet: nothing to recover from, and nothing is moved.
    let mut k = new_vault(home.path(), &kc);
    std::fs::write(dir.vault_file(), b"{ damaged").unwrap();
    let e = Keystep::recover_damaged(dir.clone(), &kc, None).unwrap_err();
    assert_eq!(e.code(), "backup.none");
    assert_eq!(std::fs::read(dir.vault_file()).unwrap(), b"{ damaged");
    std::fs::remove_file(dir.vault_file()).unwrap();
    drop(k);

    k = new_vault(home.path(), &kc);
    k.add_uri(IRS, T).unwrap();
    k.set_password(&pw(PASSWORD), None).unwrap();
    k.add_uri(SSA, T).unwrap();
    drop(k);
    let original = std::fs::read(dir.vault_file()).unwrap();
    let damaged = &original[..original.len() / 2];
    std::fs::write(dir.vault_file(), damaged).unwrap();
    assert_eq!(
        Keystep::open_or_create(dir.clone(), &kc)
            .unwrap_err()
            .code(),
        "vault.corrupt"
    );
    // The newest backup is sealed by the password: without it, or with a wrong one, nothing moves.
    assert!(Keystep::recover_damaged(dir.clone(), &kc, Some(&pw("wrong words here"))).is_err());
    assert_eq!(std::fs::read(dir.vault_file()).unwrap(), damaged);

    let (mut back, report) =
        Keystep::recover_damaged(dir.clone(), &kc, Some(&pw(PASSWORD))).unwrap();
    let mut names = issuers(&mut back);
    names.sort();
    assert_eq!(names, ["IRS", "SSA"]);
    assert_eq!(report.restored.added, 2);
    assert_eq!(
        std::fs::read(&report.damaged_kept).unwrap(),
        damaged,
        "the damaged file is kept as it was"
    );
    assert!(report.damaged_kept.contains("vault.ksv.damaged-"));
    drop(back);
    let (mut reopened, _) = Keystep::open_or_create(dir, &kc).unwrap();
    assert_eq!(reopened.accounts().unwrap().len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever bytes a file holds, reading it as a vault ends in a value or a clear error, never a
    /// panic; a valid envelope with any one byte changed is never taken for a different valid vault
    /// silently (it fails to parse, or its payload fails to decrypt).
    #[test]
    fn the_envelope_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = vault::parse_envelope(Path::new("fuzz.ksv"), &bytes);
    }

    /// Any changed byte of the format, id, version or payload is detected. The slots are outside the
    /// payload's authentication by design (each slot authenticates itself: a changed password slot
    /// does not unwrap, a changed keychain slot names a key that is not there), so they are left out.
    #[test]
    fn a_changed_byte_never_opens(at in 0usize..2000, to in any::<u8>()) {
        let key = vault::VaultKey::from_bytes(vec![7; 32]).unwrap();
        let contents = vault::Contents::default();
        let slots = [vault::Slot::Keychain { service: "keystep".into(), account: "vid".into() }];
        let bytes = vault::encrypt("vid", &slots, &contents, &key).unwrap();
        let at = at % bytes.len();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let slots_start = text.find("\"slots\"").unwrap();
        let slots_end = slots_start + text[slots_start..].find(']').unwrap();
        prop_assume!(!(slots_start..=slots_end).contains(&at));
        let mut changed = bytes.clone();
        prop_assume!(changed[at] != to);
        changed[at] = to;
        if let Ok(envelope) = vault::parse_envelope(Path::new("x.ksv"), &changed) {
            let same_meaning = serde_json::from_slice::<serde_json::Value>(&changed).ok()
                == serde_json::from_slice::<serde_json::Value>(&bytes).ok();
            let opened = vault::decrypt(Path::new("x.ksv"), &envelope, &key);
            prop_assert!(opened.is_err() || same_meaning, "a changed byte at {at} opened");
        }
    }
}
