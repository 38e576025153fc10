//! What the importers' tests compare: each entry as one line, with its code at a fixed time.

use super::Item;
use crate::otp::OtpKind;
use crate::otp::generate::{code_at_step, time_step};

/// 2026-01-01 00:00:00 UTC, the time the importers' tests read codes at.
pub const AT: u64 = 1_767_225_600;

/// One line per entry: `issuer|name|kind|code at AT` for an account (the code of the stored counter
/// for HOTP), `SKIP label: reason` for a skipped one.
pub fn lines(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Account { account, .. } => {
                let p = &account.params;
                let step = match p.kind {
                    OtpKind::Hotp => p.counter,
                    OtpKind::Totp | OtpKind::Steam => time_step(AT, p.period),
                };
                format!(
                    "{}|{}|{:?}|{}",
                    account.issuer,
                    account.name,
                    p.kind,
                    code_at_step(p, &account.secret, step)
                )
            }
            Item::Skipped { label, reason } => format!("SKIP {label}: {reason}"),
        })
        .collect()
}

/// Compares `items` with a fixture's expected.txt: accounts line for line, a `SKIP label` line with
/// a skipped entry of that label (any reason: the words are Keystep's, not the fixture's).
pub fn assert_expected(items: &[Item], expected: &str) {
    assert_lines(&lines(items), expected);
}

/// [`assert_expected`] for entries already turned into [`lines`].
pub fn assert_lines(got: &[String], expected: &str) {
    let want: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (got, want) in got.iter().zip(want) {
        match want.strip_prefix("SKIP ") {
            Some(label) => assert!(
                got.starts_with(&format!("SKIP {label}: ")) && got.ends_with('.'),
                "expected {label} skipped with a reason (a sentence), got {got}"
            ),
            None => assert_eq!(got, want),
        }
    }
}

/// `sample` cut after `cut` bytes (taken modulo its length + 1) and with a byte changed at each
/// of `flips` (positions modulo what is left): what the readers' property tests feed in to prove
/// that a damaged file never makes them panic.
pub fn damage(sample: &[u8], cut: usize, flips: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = sample[..cut % (sample.len() + 1)].to_vec();
    let len = bytes.len();
    if len > 0 {
        for &(at, value) in flips {
            bytes[at % len] = value;
        }
    }
    bytes
}
