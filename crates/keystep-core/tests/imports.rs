//! Every import fixture under `tests/fixtures/imports/` (real-shaped export files, each written by
//! its folder's make_*.py from the app's published format): detected as the right format, read
//! with its password, and every entry's code at a fixed time equal to what the independent Python
//! calculator wrote in expected.txt; skipped entries named. Then the facade: an import lands in one
//! save, again is all duplicates, and a wrong password leaves the vault byte for byte as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use keystep_core::import::test_support::assert_expected;
use keystep_core::import::{self, Format};
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::sensitive::SecretString;
use keystep_core::{Error, Keystep};
use proptest::prelude::*;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 14,
        "fixtures missing under {}",
        root.display()
    );
    dirs
}

/// The export file of a fixture folder: the one file that is not the folder's own bookkeeping.
fn export_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            !matches!(
                name,
                "expected.txt" | "format.txt" | "password.txt" | "README.md"
            ) && !name.ends_with(".py")
                && p.is_file()
        })
        .collect();
    assert_eq!(files.len(), 1, "{}: {files:?}", dir.display());
    files[0].clone()
}

fn text(dir: &Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

fn password(dir: &Path) -> Option<SecretString> {
    text(dir, "password.txt").map(SecretString::new)
}

#[test]
fn every_fixture_is_detected_read_and_gives_the_expected_codes() {
    for dir in fixtures() {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let want_format = Format::parse(text(&dir, "format.txt").unwrap().trim()).unwrap();
        let read = import::read_path(&export_file(&dir), None, password(&dir).as_ref())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            read.format, want_format,
            "{name}: detected as another format"
        );
        let expected = text(&dir, "expected.txt").unwrap();
        assert_expected(&read.items, &expected);
    }
}

#[test]
fn an_encrypted_fixture_without_its_password_or_with_a_wrong_one_is_refused() {
    for dir in fixtures()
        .into_iter()
        .filter(|d| d.join("password.txt").exists())
    {
        let file = export_file(&dir);
        let none = import::read_path(&file, None, None).unwrap_err();
        assert_eq!(none.code(), "import.password_needed", "{}", dir.display());
        assert!(none.to_string().contains(&file.display().to_string()));
        let wrong = import::read_path(&file, None, Some(&SecretString::new("not it"))).unwrap_err();
        assert_eq!(wrong.code(), "import.wrong_password", "{}", dir.display());
    }
}

fn keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

#[test]
fn an_import_lands_in_one_save_and_a_second_one_adds_nothing() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let dir = fixtures()
        .into_iter()
        .find(|d| d.ends_with("aegis-plain"))
        .unwrap();
    let read = import::read_path(&export_file(&dir), None, None).unwrap();
    let preview = k.preview_import(&read).unwrap();
    assert!(preview.added > 3 && preview.skipped > 0, "{preview:?}");
    assert!(k.accounts().unwrap().is_empty(), "a preview writes nothing");
    let done = k.import(read, 1_700_000_000_000).unwrap();
    assert_eq!(done.added, preview.added);
    assert_eq!(k.accounts().unwrap().len(), preview.added);
    // Reopened from disk: everything was saved.
    drop(k);
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    assert_eq!(k.accounts().unwrap().len(), preview.added);
    let again = import::read_path(&export_file(&dir), None, None).unwrap();
    let second = k.import(again, 1_700_000_000_000).unwrap();
    assert_eq!((second.added, second.duplicates), (0, preview.added));
}

#[test]
fn a_wrong_password_leaves_the_vault_byte_for_byte_unchanged() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    k.add_uri(
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS",
        1,
    )
    .unwrap();
    let vault_file = home.path().join("vault.ksv");
    let before = std::fs::read(&vault_file).unwrap();
    for dir in fixtures()
        .into_iter()
        .filter(|d| d.join("password.txt").exists())
    {
        let result = import::read_path(&export_file(&dir), None, Some(&SecretString::new("wrong")));
        assert!(matches!(result, Err(Error::ImportWrongPassword { .. })));
    }
    assert_eq!(std::fs::read(&vault_file).unwrap(), before);
    assert_eq!(k.accounts().unwrap().len(), 1);
}

#[test]
fn export_to_aegis_encrypted_and_back_keeps_every_account_and_code() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let dir = fixtures()
        .into_iter()
        .find(|d| d.ends_with("aegis-plain"))
        .unwrap();
    k.import(
        import::read_path(&export_file(&dir), None, None).unwrap(),
        1,
    )
    .unwrap();
    let before = k.codes(1_767_225_600_000).unwrap();
    let out = home.path().join("aegis-export.json");
    let pw = SecretString::new("a password for the phone");
    let report = k
        .export(
            keystep_core::app::ExportFormat::AegisEncrypted,
            &out,
            Some(&pw),
        )
        .unwrap();
    assert_eq!(report.exported, before.len());

    let other = tempfile::tempdir().unwrap();
    let (mut k2, _) = Keystep::open_or_create(DataDir::at(other.path()), &kc).unwrap();
    let read = import::read_path(&out, None, Some(&pw)).unwrap();
    assert_eq!(read.format, Format::Aegis);
    k2.import(read, 1).unwrap();
    let mut codes_before: Vec<_> = before.iter().map(|c| c.code.clone()).collect();
    let mut codes_after: Vec<_> = k2
        .codes(1_767_225_600_000)
        .unwrap()
        .iter()
        .map(|c| c.code.clone())
        .collect();
    codes_before.sort();
    codes_after.sort();
    assert_eq!(codes_before, codes_after);
}

#[test]
fn export_to_google_qr_pictures_and_back_through_the_qr_reader() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    // 23 accounts: three QR codes of at most ten.
    for i in 0..23u32 {
        let secret = data_encoding::BASE32_NOPAD.encode(&[i as u8 + 1; 10]);
        k.add_uri(
            &format!("otpauth://totp/Site{i}:me?secret={secret}&issuer=Site{i}"),
            1,
        )
        .unwrap();
    }
    k.add_uri(
        "otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam",
        1,
    )
    .unwrap();
    let out = home.path().join("qr");
    let report = k
        .export(keystep_core::app::ExportFormat::GoogleQr, &out, None)
        .unwrap();
    assert_eq!(
        (report.files.len(), report.exported, report.skipped.len()),
        (3, 23, 1)
    );
    let mut texts = Vec::new();
    for f in &report.files {
        texts.extend(keystep_core::qr::read_image("qr", &std::fs::read(f).unwrap()).unwrap());
    }
    let read = import::read_qr_texts("pictures", &texts).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    let other = tempfile::tempdir().unwrap();
    let (mut k2, _) = Keystep::open_or_create(DataDir::at(other.path()), &kc).unwrap();
    assert_eq!(k2.import(read, 1).unwrap().added, 23);
    // Only two of the three: the import says which QR code is missing.
    let partial = import::read_qr_texts("pictures", &texts[..2]).unwrap();
    assert_eq!(partial.warnings.len(), 1);
    assert!(
        partial.warnings[0].contains("QR code 3 of 3"),
        "{:?}",
        partial.warnings
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any bytes, through detection and every reader: an answer or an error, never a panic.
    #[test]
    fn no_input_makes_the_import_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import::read("random", &bytes, None, Some(&SecretString::new("pw")));
        for format in Format::ALL {
            let _ = import::read("random", &bytes, Some(format), None);
        }
    }
}

#[test]
fn a_qr_code_with_a_web_address_adds_nothing_and_its_link_is_checked() {
    let home = tempfile::tempdir().unwrap();
    let kc = keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let texts = vec!["https://irs-gov-refund.com/claim".to_string()];
    let read = import::read_qr_texts("letter.png", &texts).unwrap();
    assert!(read.items.is_empty());
    let preview = k.preview_import(&read).unwrap();
    assert_eq!(preview.other_texts, texts);
    assert_eq!(preview.other_links.len(), 1);
    assert_ne!(
        preview.other_links[0].verdict,
        keystep_core::links::Verdict::Official
    );
    assert_eq!(k.import(read, 1).unwrap().added, 0);
    assert!(k.accounts().unwrap().is_empty());
}
