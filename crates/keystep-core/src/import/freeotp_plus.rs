//! FreeOTP+'s JSON backup (`freeotp-backup.json`, docs/import-formats.md §11): Gson's form of
//! `{"tokens": [...], "tokenOrder": [...]}`. Each token holds its secret as a JSON array of signed
//! bytes, and its HOTP counter as the next one to use (what Keystep stores too).

use super::{Importer, Input, Item, RawEntry, ReadError, label_of};
use crate::otp::{Algorithm, OtpKind, OtpParams};
use crate::sensitive::{SecretBytes, SecretString};

use serde_json::{Map, Value};

/// The reader of FreeOTP+ JSON backups.
pub struct FreeOtpPlus;

impl Importer for FreeOtpPlus {
    fn detect(&self, input: &Input<'_>) -> bool {
        input.object().is_some_and(|object| {
            let Some(tokens) = object.get("tokens").and_then(Value::as_array) else {
                return false;
            };
            object.contains_key("tokenOrder")
                || tokens
                    .first()
                    .is_some_and(|t| t.get("secret").is_some_and(Value::is_array))
        })
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        // tokenOrder is only the display order; FreeOTP+'s own import drops tokens missing from
        // it, but every token in the file is an account the person has.
        let tokens = input
            .object()
            .and_then(|object| object.get("tokens"))
            .and_then(Value::as_array)
            .ok_or_else(|| {
                ReadError::damaged("it is not a FreeOTP+ backup (it has no list of tokens).")
            })?;
        Ok(tokens
            .iter()
            .enumerate()
            .map(|(index, token)| read_token(token, &format!("token {}", index + 1)))
            .collect())
    }
}

fn read_token(token: &Value, fallback: &str) -> Item {
    let Some(token) = token.as_object() else {
        return Item::skipped(fallback, "it is damaged (it is not a token).");
    };
    let text = |key: &str| token.get(key).and_then(Value::as_str).unwrap_or_default();
    // issuerInt is the link's issuer= parameter, issuerExt the label's prefix: FreeOTP+ shows
    // issuerInt when it is not blank.
    let issuer = match text("issuerInt") {
        internal if !internal.trim().is_empty() => internal,
        _ => text("issuerExt"),
    };
    let name = text("label");
    let label = label_of(issuer, name, fallback);
    match settings(token) {
        Ok((kind, algorithm, digits, period, counter)) => match secret(token) {
            Ok(secret) => RawEntry {
                issuer: issuer.to_string(),
                name: name.to_string(),
                secret,
                kind,
                algorithm,
                digits,
                period,
                counter,
            }
            .into_item(fallback),
            Err(reason) => Item::skipped(label, reason),
        },
        Err(reason) => Item::skipped(label, reason),
    }
}

type Settings = (OtpKind, Algorithm, u8, u64, u64);

fn settings(token: &Map<String, Value>) -> Result<Settings, String> {
    let kind = match token.get("type").and_then(Value::as_str) {
        Some(t) if t.eq_ignore_ascii_case("TOTP") => OtpKind::Totp,
        Some(t) if t.eq_ignore_ascii_case("HOTP") => OtpKind::Hotp,
        _ => return Err("its kind of code is not one Keystep knows (TOTP or HOTP).".into()),
    };
    let algorithm = match token.get("algo").and_then(Value::as_str) {
        None => Algorithm::Sha1,
        Some(algo) if algo.trim().eq_ignore_ascii_case("MD5") => {
            return Err("it uses the MD5 algorithm, which Keystep does not support.".into());
        }
        Some(algo) => Algorithm::parse(algo).map_err(|_| {
            "it uses an algorithm Keystep does not support (Keystep reads SHA1, SHA256 and SHA512)."
                .to_string()
        })?,
    };
    let defaults = OtpParams::default();
    let digits = match number(token, "digits")? {
        None => defaults.digits,
        Some(d) => {
            u8::try_from(d).map_err(|_| format!("its number of digits ({d}) is not possible."))?
        }
    };
    let period = number(token, "period")?.map_or(defaults.period, |p| p.max(0) as u64);
    // FreeOTP+ stores a link's counter=N as N - 1, the next code it makes: a link with counter=0
    // (or none) leaves -1, for which the next code is the link's first, counter 0.
    let counter = number(token, "counter")?.map_or(0, |c| c.max(0) as u64);
    Ok((kind, algorithm, digits, period, counter))
}

/// A whole number, or `None` when the token leaves it out (Gson omits nothing for numbers, but a
/// hand-made file may).
fn number(token: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    match token.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("its {key} is not a whole number.")),
    }
}

/// The secret: Java's `byte[]` as Gson writes it, numbers from -128 to 127 (0 to 255, from other
/// writers, is read the same way).
fn secret(token: &Map<String, Value>) -> Result<SecretBytes, String> {
    const DAMAGED: &str = "its setup key is damaged (it is not a list of bytes).";
    let values = token
        .get("secret")
        .and_then(Value::as_array)
        .ok_or(DAMAGED)?;
    let mut bytes = zeroize::Zeroizing::new(Vec::with_capacity(values.len()));
    for value in values {
        let byte = value
            .as_i64()
            .filter(|b| (-128..=255).contains(b))
            .ok_or(DAMAGED)?;
        bytes.push(byte as u8);
    }
    Ok(SecretBytes::new(std::mem::take(&mut *bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::{assert_lines, damage, lines};
    use proptest::prelude::*;

    const FIXTURE: &[u8] =
        include_bytes!("../../../../tests/fixtures/imports/freeotp-plus/freeotp-backup.json");
    const EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/freeotp-plus/expected.txt");

    fn read(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
        FreeOtpPlus
            .read(&Input::new(bytes), None, &mut Vec::new())
            .map(|items| lines(&items))
    }

    #[test]
    fn reads_the_fixture() {
        assert!(FreeOtpPlus.detect(&Input::new(FIXTURE)));
        let got = read(FIXTURE).unwrap();
        assert_lines(&got, EXPECTED);
    }

    #[test]
    fn detection_of_all_formats_picks_freeotp_plus_for_the_fixture() {
        assert_eq!(
            crate::import::detect(&Input::new(FIXTURE)),
            Some(crate::import::Format::FreeotpPlus)
        );
    }

    #[test]
    fn reads_the_docs_example_with_signed_bytes() {
        // JBSWY3DPEHPK3PXP at AT, from tests/fixtures/imports/otp_reference.py: 260025.
        let json = br#"{"tokenOrder": ["Example:alice"],
            "tokens": [{"algo": "SHA1", "counter": 0, "digits": 6, "issuerExt": "Example",
            "issuerInt": "Example", "label": "alice", "period": 30, "type": "TOTP",
            "secret": [72, 101, 108, 108, 111, 33, -34, -83, -66, -17]}]}"#;
        assert_eq!(read(json).unwrap(), ["Example|alice|Totp|260025"]);
    }

    #[test]
    fn a_counter_of_minus_one_is_the_first_code() {
        // HOTP of JBSWY3DPEHPK3PXP at counter 0, from otp_reference.py: 282760.
        let json = br#"{"tokens": [{"issuerExt": "Bank", "label": "bob", "type": "HOTP",
            "algo": "SHA1", "digits": 6, "counter": -1, "period": 30,
            "secret": [72, 101, 108, 108, 111, 33, -34, -83, -66, -17]}]}"#;
        assert_eq!(read(json).unwrap(), ["Bank|bob|Hotp|282760"]);
    }

    #[test]
    fn unknown_kinds_and_damaged_tokens_are_skipped_with_reasons() {
        let json = br#"{"tokenOrder": [], "tokens": [
            {"issuerExt": "A", "label": "a", "type": "MOTP", "secret": [1, 2, 3]},
            {"issuerExt": "B", "label": "b", "type": "TOTP", "algo": "SHA224", "secret": [1]},
            {"issuerExt": "C", "label": "c", "type": "TOTP", "secret": [1, 999]},
            {"issuerExt": "D", "label": "d", "type": "TOTP", "secret": "AAAA"},
            {"issuerExt": "E", "label": "e", "type": "TOTP", "digits": 5, "secret": [1, 2]},
            {"issuerExt": "F", "label": "f", "type": "TOTP", "digits": 300, "secret": [1, 2]},
            {"label": "", "type": "TOTP", "secret": []},
            7]}"#;
        let got = read(json).unwrap();
        let prefixes = [
            "SKIP A:a: its kind",
            "SKIP B:b: it uses an algorithm",
            "SKIP C:c: its setup key is damaged",
            "SKIP D:d: its setup key is damaged",
            "SKIP E:e: The number of digits",
            "SKIP F:f: its number of digits (300)",
            "SKIP token 7: it has no setup key.",
            "SKIP token 8: it is damaged",
        ];
        assert_eq!(got.len(), prefixes.len(), "{got:#?}");
        for (got, prefix) in got.iter().zip(prefixes) {
            assert!(got.starts_with(prefix), "{got} / {prefix}");
        }
    }

    #[test]
    fn detects_only_freeotp_plus_backups() {
        assert!(FreeOtpPlus.detect(&Input::new(br#"{"tokens":[],"tokenOrder":[]}"#)));
        for text in [
            "",
            "{}",
            r#"{"tokens":"x","tokenOrder":[]}"#,
            r#"{"tokens":[{"secret":"JBSWY3DPEHPK3PXP"}]}"#,
            r#"{"encrypted":false,"items":[]}"#,
            r#"{"accounts":[{"timeStep":30}]}"#,
            r#"[{"secret":"A","type":"TOTP","label":"x"}]"#,
        ] {
            assert!(!FreeOtpPlus.detect(&Input::new(text.as_bytes())), "{text}");
        }
    }

    #[test]
    fn other_files_are_damaged() {
        for bytes in [&b"{}"[..], b"[1]", b"\xff", br#"{"tokens":{}}"#] {
            assert!(
                matches!(read(bytes), Err(ReadError::Damaged(_))),
                "{bytes:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = FreeOtpPlus.detect(&input);
            let _ = FreeOtpPlus.read(&input, None, &mut Vec::new());
        }

        #[test]
        fn never_panics_on_a_damaged_fixture(
            cut in any::<usize>(),
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        ) {
            let bytes = damage(FIXTURE, cut, &flips);
            let input = Input::new(&bytes);
            let _ = FreeOtpPlus.detect(&input);
            let _ = FreeOtpPlus.read(&input, None, &mut Vec::new());
        }
    }
}
