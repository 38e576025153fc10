//! Codes for 10,000 accounts at one instant, against a bare HMAC-SHA1 loop over the same secrets (the
//! floor: Keystep's per-code cost should stay within 1.3x of it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hmac::{Hmac, Mac};
use keystep_core::Keystep;
use keystep_core::account::Account;
use keystep_core::app::code_view;
use keystep_core::keychain::Keychain;
use keystep_core::otp::OtpParams;
use keystep_core::paths::DataDir;
use keystep_core::sensitive::SecretBytes;
use keystep_core::vault::{Contents, Slot, VaultKey, encrypt, file::write_atomic};
use sha1::Sha1;

const ACCOUNTS: usize = 10_000;
/// An instant 5 s into a 30 s step, so no account needs its next code: one code per account.
const NOW_MS: u64 = 1_699_999_985_000;
/// An instant in the last 10 s of a step: every account also shows its next code (two HMACs each).
const LATE_NOW_MS: u64 = 1_699_999_975_000;

fn secret(i: usize) -> Vec<u8> {
    (0..20u8)
        .map(|b| (i as u8).wrapping_mul(31).wrapping_add(b.wrapping_mul(7)) ^ (i >> 8) as u8)
        .collect()
}

fn accounts() -> Vec<Account> {
    (0..ACCOUNTS)
        .map(|i| Account {
            id: format!("{i:08}-0000-4000-8000-000000000000"),
            issuer: format!("Service {i}"),
            name: format!("user{i}@example.com"),
            secret: SecretBytes::new(secret(i)),
            params: OtpParams::default(),
            added_at: 0,
        })
        .collect()
}

fn bench_codes(c: &mut Criterion) {
    let accounts = accounts();
    let secrets: Vec<Vec<u8>> = (0..ACCOUNTS).map(secret).collect();
    let step = (NOW_MS / 1000 / 30).to_be_bytes();

    let mut group = c.benchmark_group("codes_10k");
    group.bench_function("bare_hmac_sha1", |b| {
        b.iter(|| {
            for s in &secrets {
                let mut m = Hmac::<Sha1>::new_from_slice(s).unwrap();
                m.update(&step);
                black_box(m.finalize().into_bytes());
            }
        })
    });
    group.bench_function("keystep_code_view", |b| {
        b.iter(|| {
            for a in &accounts {
                black_box(code_view(a, NOW_MS));
            }
        })
    });

    // The whole facade call the window makes once per step: an unlocked vault on disk, codes for all.
    let dir = tempfile::tempdir().unwrap();
    let kc = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let (k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let slots = vec![Slot::Keychain {
        service: "keystep".into(),
        account: k.vault_id().into(),
    }];
    let key = kc.read_key(k.vault_id()).unwrap();
    let bytes = encrypt(
        k.vault_id(),
        &slots,
        &Contents {
            accounts: accounts.clone(),
            ..Contents::default()
        },
        &key,
    )
    .unwrap();
    write_atomic(&DataDir::at(dir.path()).vault_file(), &bytes).unwrap();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let _: &VaultKey = &key;
    group.bench_function("keystep_facade_codes", |b| {
        b.iter(|| black_box(k.codes(NOW_MS).unwrap()))
    });
    group.bench_function("keystep_facade_codes_with_next", |b| {
        b.iter(|| black_box(k.codes(LATE_NOW_MS).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench_codes);
criterion_main!(benches);
