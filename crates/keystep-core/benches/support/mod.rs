//! What the benchmarks share: the same 10,000 accounts, so their figures compare.

use keystep_core::account::Account;
use keystep_core::otp::OtpParams;
use keystep_core::sensitive::SecretBytes;

/// `n` TOTP accounts with distinct names and 20-byte secrets.
pub fn accounts(n: usize) -> Vec<Account> {
    (0..n)
        .map(|i| Account {
            id: format!("{i:08}-0000-4000-8000-000000000000"),
            issuer: format!("Service {i}"),
            name: format!("user{i}@example.com"),
            secret: SecretBytes::new((0..20u8).map(|b| b ^ (i as u8)).collect()),
            params: OtpParams::default(),
            added_at: 1_700_000_000,
        })
        .collect()
}
