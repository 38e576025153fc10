//! The cost of never losing access: (a) opening the vault with the recovery password (Argon2id with the
//! passes `calibrate()` chose on this computer; the vault is small, so the key derivation is what is
//! measured), and (b) a save of 10,000 accounts without and with its automatic backup: the vault file
//! alone (seal + atomic write with fsync) against the vault and the backup (sealed once, both written,
//! the backup folder pruned), and the whole facade call (a rename) that does the latter.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use keystep_core::Keystep;
use keystep_core::backups;
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::recovery_password::generate_passphrase;
use keystep_core::vault::{
    Contents, KdfParams, PasswordSlot, Slot, VaultKey, encrypt, encrypt_with_backup,
    file::write_atomic,
};

const ACCOUNTS: usize = 10_000;

mod support;
use support::accounts;

fn mock_keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

fn bench_unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let kc = mock_keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    k.add_uri(
        "otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS",
        1_700_000_000_000,
    )
    .unwrap();
    let password = generate_passphrase().unwrap();
    // set_password calibrates: as many passes at 64 MiB as fit in about 0.7 s on this computer.
    let params = k.set_password(&password, None).unwrap();
    let started = Instant::now();
    let opened = Keystep::open_with_password(DataDir::at(dir.path()), &password).unwrap();
    assert!(opened.is_some());
    println!(
        "calibrate() chose Argon2id m={} KiB, t={} passes, p={}; one unlock took {:?}",
        params.memory_kib,
        params.iterations,
        params.parallelism,
        started.elapsed()
    );

    let mut group = c.benchmark_group("recovery_unlock");
    group.sample_size(10);
    group.bench_function("open_with_password_calibrated", |b| {
        b.iter(|| {
            black_box(
                Keystep::open_with_password(DataDir::at(dir.path()), &password)
                    .unwrap()
                    .unwrap(),
            )
        })
    });
    group.finish();
}

fn bench_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.ksv");
    let folder = dir.path().join("backups");
    let key = VaultKey::generate().unwrap();
    let password = generate_passphrase().unwrap();
    // The slots are copied into the file, never derived again on a save: the least Argon2 settings
    // make the same bytes' worth of slot.
    let password_slot =
        Slot::Password(PasswordSlot::wrap("bench", &password, &key, KdfParams::MINIMUM).unwrap());
    let slots = vec![
        Slot::Keychain {
            service: "keystep".into(),
            account: "bench".into(),
        },
        password_slot.clone(),
    ];
    let backup_slots = vec![password_slot];
    let contents = Contents {
        accounts: accounts(ACCOUNTS),
        ..Contents::default()
    };
    let (vault_bytes, backup_bytes) =
        encrypt_with_backup("bench", &slots, &backup_slots, &contents, &key).unwrap();
    println!(
        "10,000 accounts: vault file {} bytes, backup file {} bytes",
        vault_bytes.len(),
        backup_bytes.len()
    );

    let mut group = c.benchmark_group("recovery_save_10k");
    group.sample_size(20);
    group.bench_function("vault_only", |b| {
        b.iter(|| write_atomic(&path, &encrypt("bench", &slots, &contents, &key).unwrap()).unwrap())
    });
    // One backup a second, as after a change each second: the folder fills to the ten kept and is
    // pruned from then on, as it is in use.
    let mut now_ms = 1_800_000_000_000u64;
    group.bench_function("vault_and_backup", |b| {
        b.iter(|| {
            let (vault, backup) =
                encrypt_with_backup("bench", &slots, &backup_slots, &contents, &key).unwrap();
            write_atomic(&path, &vault).unwrap();
            now_ms += 1000;
            backups::write_beside_vault(&folder, &backup, now_ms).unwrap()
        })
    });

    // The facade: a rename is a whole save (lock, look for another process's save, seal, write, and
    // the backup into backups/), on a vault with a recovery password.
    let home = tempfile::tempdir().unwrap();
    let kc = mock_keychain();
    let (k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let vault_id = k.vault_id().to_string();
    let key = kc.read_key(&vault_id).unwrap();
    let slots = vec![Slot::Keychain {
        service: "keystep".into(),
        account: vault_id.clone(),
    }];
    let bytes = encrypt(&vault_id, &slots, &contents, &key).unwrap();
    write_atomic(&DataDir::at(home.path()).vault_file(), &bytes).unwrap();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    k.set_password(&password, None).unwrap();
    let id = k.accounts().unwrap()[0].id.clone();
    let mut n = 0u64;
    group.bench_function("facade_rename_with_backup", |b| {
        b.iter(|| {
            n += 1;
            black_box(k.rename(&id, "Service 0", &format!("user{n}")).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_unlock, bench_save);
criterion_main!(benches);
