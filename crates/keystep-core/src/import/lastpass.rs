//! LastPass Authenticator's JSON export (docs/import-formats.md §11): device fields, folders and
//! `accounts`, each with a base32 `secret`, `timeStep`, `digits`, `algorithm` and two sets of names:
//! as edited in the app (`issuerName`, `userName`) and as the QR code gave them (`original*`).
//! The app makes time-based codes only.

use super::{Importer, Input, Item, RawEntry, ReadError, label_of};
use crate::otp::secret::decode_base32;
use crate::otp::{Algorithm, OtpParams};
use crate::sensitive::SecretString;

use serde_json::{Map, Value};

/// The reader of LastPass Authenticator exports.
pub struct LastPass;

impl Importer for LastPass {
    fn detect(&self, input: &Input<'_>) -> bool {
        let Some(object) = input.object() else {
            return false;
        };
        let Some(accounts) = object.get("accounts").and_then(Value::as_array) else {
            return false;
        };
        // Steam maFiles also have "accounts"; LastPass's items carry timeStep and accountID.
        let lastpass_item = |a: &Value| a.get("timeStep").is_some() || a.get("accountID").is_some();
        accounts.iter().any(lastpass_item)
            || (accounts.is_empty() && object.contains_key("deviceId"))
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let accounts = input
            .object()
            .and_then(|object| object.get("accounts"))
            .and_then(Value::as_array)
            .ok_or_else(|| {
                ReadError::damaged(
                    "it is not a LastPass Authenticator export (it has no list of accounts).",
                )
            })?;
        Ok(accounts
            .iter()
            .enumerate()
            .map(|(index, account)| read_account(account, &format!("account {}", index + 1)))
            .collect())
    }
}

fn read_account(account: &Value, fallback: &str) -> Item {
    let Some(account) = account.as_object() else {
        return Item::skipped(fallback, "it is damaged (it is not an account).");
    };
    // The names as edited in the app are the ones the person knows the account by.
    let issuer = first_text(account, &["issuerName", "originalIssuerName"]);
    let name = first_text(account, &["userName", "originalUserName"]);
    let label = label_of(issuer, name, fallback);
    let entry = settings(account).and_then(|(algorithm, digits, period)| {
        let key = account
            .get("secret")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let secret = decode_base32(key).map_err(|e| e.to_string())?;
        Ok(RawEntry {
            algorithm,
            digits,
            period,
            ..RawEntry::totp(issuer, name, secret)
        })
    });
    match entry {
        Ok(entry) => entry.into_item(fallback),
        Err(reason) => Item::skipped(label, reason),
    }
}

/// The first of `keys` that holds text that is not blank.
fn first_text<'a>(account: &'a Map<String, Value>, keys: &[&str]) -> &'a str {
    keys.iter()
        .filter_map(|key| account.get(*key).and_then(Value::as_str))
        .find(|text| !text.trim().is_empty())
        .unwrap_or_default()
}

fn settings(account: &Map<String, Value>) -> Result<(Algorithm, u8, u64), String> {
    let defaults = OtpParams::default();
    let algorithm = match account.get("algorithm").and_then(Value::as_str) {
        None => defaults.algorithm,
        Some(name) => Algorithm::parse(name).map_err(|_| {
            "it uses an algorithm Keystep does not support (Keystep reads SHA1, SHA256 and SHA512)."
                .to_string()
        })?,
    };
    let digits = match number(account, "digits")? {
        None => defaults.digits,
        Some(d) => {
            u8::try_from(d).map_err(|_| format!("its number of digits ({d}) is not possible."))?
        }
    };
    let period = number(account, "timeStep")?.unwrap_or(defaults.period);
    Ok((algorithm, digits, period))
}

fn number(account: &Map<String, Value>, key: &str) -> Result<Option<u64>, String> {
    match account.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value.as_u64().map(Some).ok_or_else(|| {
            let what = if key == "timeStep" { "time step" } else { key };
            format!("its {what} is not a whole number.")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::{assert_lines, damage, lines};
    use proptest::prelude::*;

    const FIXTURE: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/lastpass/lastpass_authenticator_export.json"
    );
    const EXPECTED: &str = include_str!("../../../../tests/fixtures/imports/lastpass/expected.txt");

    fn read(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
        LastPass
            .read(&Input::new(bytes), None, &mut Vec::new())
            .map(|items| lines(&items))
    }

    #[test]
    fn reads_the_fixture() {
        assert!(LastPass.detect(&Input::new(FIXTURE)));
        let got = read(FIXTURE).unwrap();
        assert_lines(&got, EXPECTED);
    }

    #[test]
    fn detection_of_all_formats_picks_lastpass_for_the_fixture() {
        assert_eq!(
            crate::import::detect(&Input::new(FIXTURE)),
            Some(crate::import::Format::Lastpass)
        );
    }

    #[test]
    fn reads_the_docs_example_from_ios_with_an_empty_account_id() {
        // JBSWY3DPEHPK3PXP at AT, from tests/fixtures/imports/otp_reference.py: 260025.
        let json = br#"{"deviceId":"","deviceSecret":"","localDeviceId":null,"deviceName":"iPhone",
            "version":1,"folders":[],"accounts":[{"accountID":"","lmiUserId":"",
            "issuerName":"Example","originalIssuerName":"Example","userName":"alice",
            "originalUserName":"alice","pushNotification":false,"secret":"JBSWY3DPEHPK3PXP",
            "timeStep":30,"digits":6,"creationTimestamp":1738075355820,"isFavorite":false,
            "algorithm":"SHA1","folderData":{"folderId":0,"position":0}}]}"#;
        assert!(LastPass.detect(&Input::new(json)));
        assert_eq!(read(json).unwrap(), ["Example|alice|Totp|260025"]);
    }

    #[test]
    fn bad_accounts_are_skipped_with_reasons_that_never_repeat_the_key() {
        let json = br#"{"accounts":[
            {"issuerName":"A","userName":"a","secret":"JBSWY3DPEHPK3PXP","timeStep":30,"digits":6,"algorithm":"MD5"},
            {"issuerName":"B","userName":"b","secret":"JBSWY3DPEHPK3PXP","timeStep":-30,"digits":6},
            {"issuerName":"C","userName":"c","secret":"JBSWY3DPEHPK3PXP","timeStep":0,"digits":6},
            {"issuerName":"D","userName":"d","secret":"JBSWY3DPEHPK3PX1","timeStep":30,"digits":900},
            {"issuerName":"E","userName":"e","secret":"SECRETSECRET0","timeStep":30},
            {"timeStep":30},
            "x"]}"#;
        let got = read(json).unwrap();
        let prefixes = [
            "SKIP A:a: it uses an algorithm",
            "SKIP B:b: its time step is not a whole number.",
            "SKIP C:c: The time step is not valid",
            "SKIP D:d: its number of digits (900)",
            "SKIP E:e: The setup key is not valid",
            "SKIP account 6: The setup key is not valid",
            "SKIP account 7: it is damaged",
        ];
        assert_eq!(got.len(), prefixes.len(), "{got:#?}");
        for (got, prefix) in got.iter().zip(prefixes) {
            assert!(got.starts_with(prefix), "{got} / {prefix}");
            assert!(!got.contains("SECRET") && !got.contains("PXP"), "{got}");
        }
    }

    #[test]
    fn detects_only_lastpass_exports() {
        assert!(LastPass.detect(&Input::new(br#"{"deviceId":"","accounts":[]}"#)));
        for text in [
            "",
            "{}",
            r#"{"accounts":[]}"#,
            r#"{"accounts":[{"shared_secret":"AAAA","account_name":"x"}]}"#,
            r#"{"tokens":[],"tokenOrder":[]}"#,
            r#"{"encrypted":false,"items":[]}"#,
            r#"[{"timeStep":30}]"#,
        ] {
            assert!(!LastPass.detect(&Input::new(text.as_bytes())), "{text}");
        }
    }

    #[test]
    fn other_files_are_damaged() {
        for bytes in [&b"{}"[..], b"[]", b"\xff", br#"{"accounts":{}}"#] {
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
            let _ = LastPass.detect(&input);
            let _ = LastPass.read(&input, None, &mut Vec::new());
        }

        #[test]
        fn never_panics_on_a_damaged_fixture(
            cut in any::<usize>(),
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        ) {
            let bytes = damage(FIXTURE, cut, &flips);
            let input = Input::new(&bytes);
            let _ = LastPass.detect(&input);
            let _ = LastPass.read(&input, None, &mut Vec::new());
        }
    }
}
