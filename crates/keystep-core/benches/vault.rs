//! Opening (read + decrypt + parse) and saving (serialize + encrypt + atomic write with fsync) a vault of
//! 10,000 accounts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use keystep_core::account::Account;
use keystep_core::otp::OtpParams;
use keystep_core::sensitive::SecretBytes;
use keystep_core::vault::{
    Contents, Slot, VaultKey, decrypt, encrypt, file::write_atomic, read_envelope,
};

fn contents() -> Contents {
    let accounts = (0..10_000usize)
        .map(|i| Account {
            id: format!("{i:08}-0000-4000-8000-000000000000"),
            issuer: format!("Service {i}"),
            name: format!("user{i}@example.com"),
            secret: SecretBytes::new((0..20u8).map(|b| b ^ (i as u8)).collect()),
            params: OtpParams::default(),
            added_at: 1_700_000_000,
        })
        .collect();
    Contents {
        accounts,
        ..Contents::default()
    }
}

fn bench_vault(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.ksv");
    let key = VaultKey::generate().unwrap();
    let slots = vec![Slot::Keychain {
        service: "keystep".into(),
        account: "bench".into(),
    }];
    let contents = contents();
    write_atomic(&path, &encrypt("bench", &slots, &contents, &key).unwrap()).unwrap();
    println!(
        "vault of 10,000 accounts: {} bytes",
        std::fs::metadata(&path).unwrap().len()
    );

    let mut group = c.benchmark_group("vault_10k");
    group.sample_size(20);
    group.bench_function("open", |b| {
        b.iter(|| {
            let env = read_envelope(&path).unwrap();
            black_box(decrypt(&path, &env, &key).unwrap())
        })
    });
    group.bench_function("save", |b| {
        b.iter(|| write_atomic(&path, &encrypt("bench", &slots, &contents, &key).unwrap()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_vault);
criterion_main!(benches);
