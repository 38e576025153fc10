//! Opening (read + decrypt + parse) and saving (serialize + encrypt + atomic write with fsync) a vault of
//! 10,000 accounts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use keystep_core::vault::{
    Contents, Slot, VaultKey, decrypt, encrypt, file::write_atomic, read_envelope,
};

mod support;

fn contents() -> Contents {
    Contents {
        accounts: support::accounts(10_000),
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
