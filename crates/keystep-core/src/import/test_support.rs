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
