//! andOTP's plain backup (`otp_accounts.json`): a JSON array of entries with a base32 `secret`,
//! `issuer`, `label`, `digits`, `type` (TOTP, HOTP, STEAM or MOTP), `algorithm`, and `period` (TOTP)
//! or `counter` (HOTP) (docs/import-formats.md §10).
//!
//! andOTP's encrypted backup (`.json.aes`) has no marker that tells it from any other binary file,
//! so it is not detected; its bytes are not JSON and fall through to "unknown format".

use serde_json::{Map, Value};

use super::{Importer, Input, Item, RawEntry, ReadError};
use crate::otp::secret::decode_base32;
use crate::otp::{Algorithm, OtpKind, OtpParams};
use crate::sensitive::SecretString;

/// The reader of andOTP's plain backup.
pub struct AndOtp;

/// The keys every andOTP entry has; the first entry having them all is what tells the format.
const KEYS: [&str; 3] = ["secret", "type", "label"];

impl Importer for AndOtp {
    fn detect(&self, input: &Input<'_>) -> bool {
        input
            .json
            .as_ref()
            .and_then(Value::as_array)
            .and_then(|entries| entries.first())
            .and_then(Value::as_object)
            .is_some_and(|first| KEYS.iter().all(|key| first.contains_key(*key)))
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let entries = input
            .json
            .as_ref()
            .and_then(Value::as_array)
            .ok_or_else(|| {
                ReadError::damaged("it is not an andOTP backup (a JSON list of accounts).")
            })?;
        Ok(entries
            .iter()
            .enumerate()
            .map(|(index, entry)| read_entry(entry, &format!("entry {}", index + 1)))
            .collect())
    }
}

/// One entry, or the reason it is skipped; `fallback` names it when it has no names.
fn read_entry(entry: &Value, fallback: &str) -> Item {
    let Some(entry) = entry.as_object() else {
        return Item::skipped(fallback, "it is not an andOTP account.");
    };
    let (issuer, name) = names(entry);
    let label = super::label_of(&issuer, &name, fallback);
    match settings(entry) {
        Ok(settings) => {
            let secret = match decode_base32(text(entry, "secret")) {
                Ok(secret) => secret,
                Err(e) => return Item::skipped(label, e.to_string()),
            };
            RawEntry {
                issuer,
                name,
                secret,
                kind: settings.kind,
                algorithm: settings.algorithm,
                digits: settings.digits,
                period: settings.period,
                counter: settings.counter,
            }
            .into_item(fallback)
        }
        Err(reason) => Item::skipped(label, reason),
    }
}

/// The issuer and account name. Backups from before andOTP 0.6 have no `issuer`: their label reads
/// "Issuer - Account", as Aegis's andOTP importer takes it.
fn names(entry: &Map<String, Value>) -> (String, String) {
    let label = text(entry, "label");
    match entry.get("issuer").and_then(Value::as_str) {
        Some(issuer) => (issuer.trim().to_string(), label.trim().to_string()),
        None => match label.split_once(" - ") {
            Some((issuer, name)) => (issuer.trim().to_string(), name.trim().to_string()),
            None => (String::new(), label.trim().to_string()),
        },
    }
}

/// An entry's code settings, checked later with the rest by [`RawEntry::into_item`].
struct Settings {
    kind: OtpKind,
    algorithm: Algorithm,
    digits: u8,
    period: u64,
    counter: u64,
}

/// Reads type, algorithm, digits, period and counter with andOTP's own defaults for missing ones
/// (TOTP, SHA1, 6 digits, 30 seconds); the error is a skip reason.
fn settings(entry: &Map<String, Value>) -> Result<Settings, String> {
    let defaults = OtpParams::default();
    let kind = match entry.get("type").and_then(Value::as_str).map(str::trim) {
        None => OtpKind::Totp,
        Some(kind) if kind.eq_ignore_ascii_case("TOTP") => OtpKind::Totp,
        Some(kind) if kind.eq_ignore_ascii_case("HOTP") => OtpKind::Hotp,
        Some(kind) if kind.eq_ignore_ascii_case("STEAM") => OtpKind::Steam,
        Some(kind) if kind.eq_ignore_ascii_case("MOTP") => {
            return Err("it is an mOTP code, a kind Keystep does not support.".into());
        }
        Some(_) => {
            return Err("its kind of code is not one Keystep knows (TOTP, HOTP or Steam).".into());
        }
    };
    let algorithm = match entry.get("algorithm").and_then(Value::as_str) {
        None => defaults.algorithm,
        Some(name) => Algorithm::parse(name).map_err(|_| {
            "its algorithm is not SHA1, SHA256 or SHA512, the ones Keystep supports.".to_string()
        })?,
    };
    let digits = match entry.get("digits") {
        None => defaults.digits,
        // A number too big for u8 stays too big, so the check that follows refuses it.
        Some(digits) => digits
            .as_u64()
            .map(|d| u8::try_from(d).unwrap_or(u8::MAX))
            .ok_or("its number of digits is not a whole number.")?,
    };
    // andOTP writes a period only for TOTP; Steam's codes always change every 30 seconds.
    let period = match entry.get("period") {
        None => defaults.period,
        Some(period) => period
            .as_u64()
            .ok_or("its time step is not a whole number of seconds.")?,
    };
    let counter = match (kind, entry.get("counter")) {
        (OtpKind::Hotp, None) => {
            // andOTP itself refuses such an entry: the next code cannot be known.
            return Err("it is a counter-based code without its counter.".into());
        }
        (_, None) => 0,
        (_, Some(counter)) => counter
            .as_u64()
            .ok_or("its counter is not a whole number.")?,
    };
    Ok(Settings {
        kind,
        algorithm,
        digits,
        period,
        counter,
    })
}

/// A text field, or "" when it is missing or not text.
fn text<'a>(entry: &'a Map<String, Value>, key: &str) -> &'a str {
    entry.get(key).and_then(Value::as_str).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::import::test_support::{assert_lines, lines};
    use crate::import::{Format, detect};

    const PLAIN: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/andotp-plain/otp_accounts_2026-01-01_12-00-00.json"
    );
    const EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/andotp-plain/expected.txt");

    fn read(bytes: &[u8]) -> Vec<String> {
        let input = Input::new(bytes);
        assert!(AndOtp.detect(&input), "{}", String::from_utf8_lossy(bytes));
        lines(&AndOtp.read(&input, None, &mut Vec::new()).unwrap())
    }

    #[test]
    fn reads_the_fixture_and_skips_motp() {
        assert_eq!(detect(&Input::new(PLAIN)), Some(Format::AndOtp));
        let got = read(PLAIN);
        assert_lines(&got, EXPECTED);
    }

    #[test]
    fn other_shapes_are_not_andotp() {
        for other in [
            &b"[]"[..],
            b"[1]",
            b"{}",
            br#"[{"secret":"JBSWY3DPEHPK3PXP","label":"a"}]"#,
            br#"{"version":1,"kdfParams":{},"encryptedData":"","encryptionNonce":""}"#,
            b"otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\n",
            // An encrypted backup: iterations, salt, nonce, ciphertext; no JSON.
            &[
                0u8, 2, 71, 112, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            ][..],
        ] {
            assert!(!AndOtp.detect(&Input::new(other)));
        }
    }

    #[test]
    fn old_backups_split_the_label_and_bad_entries_are_skipped_with_a_reason() {
        let got = read(
            br#"[{"secret":"JBSWY3DPEHPK3PXP","label":"Example - alice","type":"TOTP","digits":6,"period":30,"algorithm":"SHA1"},
                {"secret":"JBSWY3DPEHPK3PXP","label":"plain","type":"TOTP"},
                {"secret":"JBSWY3DPEHPK3PX0","issuer":"Bad","label":"key","type":"TOTP"},
                {"secret":"JBSWY3DPEHPK3PXP","issuer":"","label":"","type":"HOTP"},
                {"secret":"JBSWY3DPEHPK3PXP","issuer":"A","label":"b","type":"YANDEX"},
                {"secret":"JBSWY3DPEHPK3PXP","issuer":"A","label":"c","type":"TOTP","algorithm":"MD5"},
                {"secret":"JBSWY3DPEHPK3PXP","issuer":"A","label":"d","type":"TOTP","digits":300},
                {"secret":"","issuer":"A","label":"e","type":"TOTP"},
                "text"]"#,
        );
        // Codes from tests/fixtures/imports/otp_reference.py for JBSWY3DPEHPK3PXP at AT.
        assert_eq!(got[0], "Example|alice|Totp|260025");
        assert_eq!(got[1], "|plain|Totp|260025");
        assert!(
            got[2].starts_with("SKIP Bad:key: The setup key is not valid"),
            "{}",
            got[2]
        );
        assert_eq!(
            got[3],
            "SKIP entry 4: it is a counter-based code without its counter."
        );
        assert!(
            got[4].starts_with("SKIP A:b: its kind of code"),
            "{}",
            got[4]
        );
        assert!(got[5].starts_with("SKIP A:c: its algorithm"), "{}", got[5]);
        assert!(got[6].starts_with("SKIP A:d: "), "{}", got[6]);
        assert!(
            got[7].starts_with("SKIP A:e: The setup key is not valid: it is empty."),
            "{}",
            got[7]
        );
        assert_eq!(got[8], "SKIP entry 9: it is not an andOTP account.");
        for line in &got {
            assert!(!line.contains("JBSWY3DPEHPK3P"), "{line}");
        }
    }

    #[test]
    fn json_that_is_not_a_list_is_damaged() {
        let input = Input::new(b"{}");
        assert!(matches!(
            AndOtp.read(&input, None, &mut Vec::new()),
            Err(ReadError::Damaged(_))
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = AndOtp.detect(&input);
            let _ = AndOtp.read(&input, None, &mut Vec::new());
        }

        #[test]
        fn cut_or_changed_fixtures_never_panic(
            cut in 0usize..4096,
            at in 0usize..4096,
            byte in any::<u8>(),
        ) {
            let mut bytes = PLAIN.to_vec();
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            bytes.truncate(cut);
            let input = Input::new(&bytes);
            let _ = AndOtp.detect(&input);
            let _ = AndOtp.read(&input, None, &mut Vec::new());
        }
    }
}
