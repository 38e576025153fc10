//! 2FAS Authenticator backups (`2fas-backup-<date>.2fas`), plain or protected by a password
//! (docs/import-formats.md §6).
//!
//! A backup is a JSON object with `schemaVersion` and `services`. When it is encrypted, `services` is
//! empty and `servicesEncrypted` holds `base64(ciphertext||tag):base64(salt):base64(iv)`: AES-256-GCM
//! under PBKDF2-HMAC-SHA256 of the password (10,000 rounds, a 32-byte key), whose plaintext is the
//! JSON array of services. The names are read as Aegis reads them: the service name is the issuer
//! (`otp.issuer` when it is empty) and `otp.account` the account name.

use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::crypto::{WipedJson, aes_gcm_open, base64, password_bytes};
use super::{Importer, Input, Item, RawEntry, ReadError};
use crate::otp::{Algorithm, OtpKind, OtpParams};
use crate::sensitive::{SecretBytes, SecretString};

/// The newest backup schema 2FAS writes (and the newest Keystep reads).
const NEWEST_SCHEMA: u64 = 4;
/// 2FAS derives its key with exactly this many PBKDF2 rounds; the file cannot choose another.
const PBKDF2_ROUNDS: u32 = 10_000;
/// 2FAS writes a 256-byte salt; anything far longer is damage.
const MAX_SALT_LEN: usize = 1024;

/// The reader of 2FAS backups.
pub struct TwoFas;

impl Importer for TwoFas {
    fn detect(&self, input: &Input<'_>) -> bool {
        input
            .object()
            .is_some_and(|o| o.contains_key("schemaVersion") && o.contains_key("services"))
    }

    fn read(
        &self,
        input: &Input<'_>,
        password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let backup = input
            .object()
            .ok_or_else(|| ReadError::damaged("it is not a 2FAS backup (a JSON object)."))?;
        check_schema(backup)?;
        match encrypted_services(backup)? {
            Some(sealed) => {
                let sealed = Sealed::parse(sealed)?;
                let key = derive_key(password_bytes(password)?, &sealed.salt);
                let services = sealed.open(key.as_ref())?;
                read_services(&services.0)
            }
            None => read_services(backup.get("services").unwrap_or(&Value::Null)),
        }
    }
}

/// Refuses a backup from a newer 2FAS before reading anything else of it.
fn check_schema(backup: &Map<String, Value>) -> Result<(), ReadError> {
    let version = backup
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::damaged("its backup version (schemaVersion) is not a number."))?;
    if version > NEWEST_SCHEMA {
        return Err(ReadError::Unsupported(format!(
            "it was made by a newer 2FAS (backup version {version}), which Keystep cannot read yet."
        )));
    }
    Ok(())
}

/// The `servicesEncrypted` text of an encrypted backup; none for a plain one.
fn encrypted_services(backup: &Map<String, Value>) -> Result<Option<&str>, ReadError> {
    match backup.get("servicesEncrypted") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(ReadError::damaged(
            "its encrypted accounts (servicesEncrypted) are not text.",
        )),
    }
}

/// The three parts of `servicesEncrypted`.
struct Sealed {
    ciphertext: Vec<u8>,
    salt: Vec<u8>,
    iv: Vec<u8>,
}

impl Sealed {
    fn parse(text: &str) -> Result<Self, ReadError> {
        let parts: Vec<&str> = text.trim().split(':').collect();
        let [ciphertext, salt, iv] = parts.as_slice() else {
            return Err(ReadError::damaged(
                "its encrypted accounts are not in the form 2FAS writes (data:salt:iv).",
            ));
        };
        let sealed = Sealed {
            ciphertext: base64(ciphertext, "encrypted data")?,
            salt: base64(salt, "salt")?,
            iv: base64(iv, "nonce")?,
        };
        if sealed.salt.is_empty() || sealed.salt.len() > MAX_SALT_LEN {
            return Err(ReadError::damaged("its salt has the wrong length."));
        }
        Ok(sealed)
    }

    /// Decrypts the services; a failed tag means a wrong password.
    fn open(&self, key: &[u8]) -> Result<WipedJson, ReadError> {
        let plain = aes_gcm_open(key, &self.iv, &self.ciphertext, &[])?;
        serde_json::from_slice(&plain)
            .map(WipedJson)
            .map_err(|_| ReadError::damaged("its decrypted accounts are not readable (not JSON)."))
    }
}

fn derive_key(password: &[u8], salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, PBKDF2_ROUNDS, key.as_mut());
    key
}

/// Reads the array of services, one item for each.
fn read_services(services: &Value) -> Result<Vec<Item>, ReadError> {
    let services = services.as_array().ok_or_else(|| {
        ReadError::damaged("its list of accounts (services) is missing or is not a list.")
    })?;
    Ok(services
        .iter()
        .enumerate()
        .map(|(index, service)| read_service(index + 1, service))
        .collect())
}

/// The text of `key` in `object`, or "" when it is missing, null or not text.
fn text<'a>(object: Option<&'a Map<String, Value>>, key: &str) -> &'a str {
    object
        .and_then(|o| o.get(key))
        .and_then(Value::as_str)
        .map_or("", str::trim)
}

/// A whole number the file may write as a number or as text; none when missing.
fn whole_number(
    otp: Option<&Map<String, Value>>,
    key: &str,
    what: &str,
) -> Result<Option<u64>, String> {
    match otp.and_then(|o| o.get(key)) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => value
            .as_u64()
            .or_else(|| value.as_str().and_then(|t| t.trim().parse().ok()))
            .map(Some)
            .ok_or_else(|| format!("its {what} is not a whole number.")),
    }
}

/// A short name from the file, quoted for a reason, or nothing when it is long or odd (it could be
/// anything, even a secret pasted in the wrong field).
fn quoted(value: &str) -> String {
    let plain = value.chars().count() <= 20
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' '));
    if plain && !value.is_empty() {
        format!(" (\"{value}\")")
    } else {
        String::new()
    }
}

/// The issuer and account name: the service name, else `otp.issuer`; `otp.account`, else (schema
/// 1) `otp.label` without an "Issuer:" prefix.
fn names(service: &Map<String, Value>, otp: Option<&Map<String, Value>>) -> (String, String) {
    let issuer = match text(Some(service), "name") {
        "" => text(otp, "issuer"),
        name => name,
    };
    let name = match text(otp, "account") {
        "" => {
            let label = text(otp, "label");
            label
                .strip_prefix(issuer)
                .and_then(|rest| rest.strip_prefix(':'))
                .filter(|_| !issuer.is_empty())
                .unwrap_or(label)
                .trim()
        }
        account => account,
    };
    (issuer.to_string(), name.to_string())
}

fn read_service(position: usize, service: &Value) -> Item {
    let fallback = format!("entry {position}");
    let Some(service) = service.as_object() else {
        return Item::skipped(fallback, "it is not an account (not a JSON object).");
    };
    let otp = service.get("otp").and_then(Value::as_object);
    let (issuer, name) = names(service, otp);
    let label = super::label_of(&issuer, &name, &fallback);
    let settings = match settings(otp) {
        Ok(settings) => settings,
        Err(reason) => return Item::skipped(label, reason),
    };
    let secret = match text(Some(service), "secret") {
        "" => SecretBytes::default(),
        base32 => match crate::otp::secret::decode_base32(base32) {
            Ok(secret) => secret,
            Err(e) => return Item::skipped(label, e.to_string()),
        },
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
    .into_item(&fallback)
}

/// The code settings of `otp`, with 2FAS's defaults; the error is a skip reason.
fn settings(otp: Option<&Map<String, Value>>) -> Result<OtpParams, String> {
    let defaults = OtpParams::default();
    let kind = match text(otp, "tokenType").to_ascii_uppercase().as_str() {
        "" | "TOTP" => OtpKind::Totp,
        "HOTP" => OtpKind::Hotp,
        "STEAM" => OtpKind::Steam,
        _ => {
            return Err(format!(
                "its kind of code{} is not one Keystep knows (time-based, counter-based or Steam).",
                quoted(text(otp, "tokenType"))
            ));
        }
    };
    let algorithm = match text(otp, "algorithm")
        .to_ascii_uppercase()
        .replace('-', "")
        .as_str()
    {
        "" => defaults.algorithm,
        name @ ("SHA224" | "SHA384") => {
            return Err(format!(
                "it uses the {name} algorithm, which Keystep does not support."
            ));
        }
        name => Algorithm::parse(name).map_err(|_| {
            format!(
                "its algorithm{} is not one Keystep knows (SHA1, SHA256 or SHA512).",
                quoted(name)
            )
        })?,
    };
    let digits = match whole_number(otp, "digits", "number of digits")? {
        None => defaults.digits,
        Some(digits) => u8::try_from(digits)
            .map_err(|_| format!("its codes would have {digits} digits, which is not possible."))?,
    };
    Ok(OtpParams {
        kind,
        algorithm,
        digits,
        period: whole_number(otp, "period", "time step")?.unwrap_or(defaults.period),
        counter: whole_number(otp, "counter", "counter")?.unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::import::test_support::{assert_expected, lines};

    const PLAIN: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/2fas-plain/2fas-backup-20260101120000.2fas"
    );
    const PLAIN_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/2fas-plain/expected.txt");
    const ENCRYPTED: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/2fas-encrypted/2fas-backup-20260101120500.2fas"
    );
    const ENCRYPTED_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/2fas-encrypted/expected.txt");
    const PASSWORD: &str =
        include_str!("../../../../tests/fixtures/imports/2fas-encrypted/password.txt");

    fn read(bytes: &[u8], password: Option<&str>) -> Result<Vec<Item>, ReadError> {
        let password = password.map(SecretString::new);
        TwoFas.read(&Input::new(bytes), password.as_ref(), &mut Vec::new())
    }

    fn backup(services: &str) -> String {
        format!(r#"{{"schemaVersion":4,"services":{services},"groups":[]}}"#)
    }

    #[test]
    fn detects_2fas_backups_and_nothing_else() {
        assert!(TwoFas.detect(&Input::new(PLAIN)));
        assert!(TwoFas.detect(&Input::new(ENCRYPTED)));
        for other in [
            "{}",
            "[]",
            r#"{"services":[]}"#,
            r#"{"version":1,"header":{"slots":null,"params":null},"db":{"entries":[]}}"#,
            r#"{"version":1,"entries":[{"content":{"uri":"steam://JBSWY3DPEHPK3PXP"}}]}"#,
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP",
        ] {
            assert!(!TwoFas.detect(&Input::new(other.as_bytes())), "{other}");
        }
    }

    #[test]
    fn reads_the_plain_fixture_and_skips_sha224_with_a_reason() {
        let items = read(PLAIN, None).unwrap();
        assert_expected(&items, PLAIN_EXPECTED);
        assert_eq!(
            lines(&items).last().map(String::as_str),
            Some(
                "SKIP Legacy:frank: it uses the SHA224 algorithm, which Keystep does not support."
            )
        );
        // A password given for a plain backup is not needed and does no harm.
        assert_expected(&read(PLAIN, Some("x")).unwrap(), PLAIN_EXPECTED);
    }

    #[test]
    fn reads_the_encrypted_fixture_with_its_password() {
        let items = read(ENCRYPTED, Some(PASSWORD)).unwrap();
        assert_expected(&items, ENCRYPTED_EXPECTED);
    }

    #[test]
    fn an_encrypted_backup_asks_for_the_password_and_refuses_a_wrong_one() {
        assert!(matches!(
            read(ENCRYPTED, None),
            Err(ReadError::PasswordNeeded)
        ));
        assert!(matches!(
            read(ENCRYPTED, Some("correct horse battery stapler")),
            Err(ReadError::WrongPassword)
        ));
    }

    #[test]
    fn a_newer_schema_is_refused_and_schema_1_is_read() {
        let newer = r#"{"schemaVersion":5,"services":[]}"#;
        assert!(matches!(
            read(newer.as_bytes(), None),
            Err(ReadError::Unsupported(reason)) if reason.contains("newer 2FAS")
        ));
        // Schema 1: no tokenType, digits, period or algorithm; the label may carry the issuer.
        let schema1 = r#"{"schemaVersion":1,"services":[
            {"name":"Example","secret":"JBSWY3DPEHPK3PXP","otp":{"label":"Example:alice","issuer":"Example"}},
            {"name":"","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"bob","issuer":"Bank"}}]}"#;
        let got = lines(&read(schema1.as_bytes(), None).unwrap());
        // Codes from tests/fixtures/imports/otp_reference.py (JBSWY3DPEHPK3PXP, SHA1, 6, 30).
        assert_eq!(got, ["Example|alice|Totp|260025", "Bank|bob|Totp|260025"]);
    }

    #[test]
    fn odd_entries_are_skipped_with_their_reason_and_never_their_secret() {
        let services = r#"[
            {"name":"A","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"a","tokenType":"MOTP"}},
            {"name":"B","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"b","algorithm":"SHA384"}},
            {"name":"C","secret":"JBSWY3DPEHPK3PX0","otp":{"account":"c"}},
            {"name":"D","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"d","digits":300}},
            {"name":"E","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"e","period":"soon"}},
            {"name":"F","secret":"","otp":{"account":"f"}},
            {"name":"G","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"g","algorithm":"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}},
            "not an object",
            {"name":"Up","secret":"JBSWY3DPEHPK3PXP","otp":{"account":"h","tokenType":"hotp","counter":7}}
        ]"#;
        let got = lines(&read(backup(services).as_bytes(), None).unwrap());
        let want = [
            "SKIP A:a: its kind of code (\"MOTP\") is not one Keystep knows",
            "SKIP B:b: it uses the SHA384 algorithm, which Keystep does not support.",
            "SKIP C:c: The setup key is not valid",
            "SKIP D:d: its codes would have 300 digits, which is not possible.",
            "SKIP E:e: its time step is not a whole number.",
            "SKIP F:f: it has no setup key.",
            "SKIP G:g: its algorithm is not one Keystep knows",
            "SKIP entry 8: it is not an account (not a JSON object).",
            // Code from otp_reference.py: HOTP, JBSWY3DPEHPK3PXP, counter 7.
            "Up|h|Hotp|449891",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (got, want) in got.iter().zip(want) {
            assert!(got.starts_with(want), "{got}\n  expected {want}");
            assert!(!got.contains("JBSWY3DP"), "{got}");
        }
    }

    #[test]
    fn damaged_backups_are_refused_with_a_reason() {
        let half = PLAIN.get(..PLAIN.len() / 2).unwrap_or_default();
        let cases = [
            half.to_vec(),
            br#"{"schemaVersion":"four","services":[]}"#.to_vec(),
            br#"{"schemaVersion":4,"services":{}}"#.to_vec(),
            br#"{"schemaVersion":4,"services":[],"servicesEncrypted":7}"#.to_vec(),
            br#"{"schemaVersion":4,"services":[],"servicesEncrypted":"abc"}"#.to_vec(),
            br#"{"schemaVersion":4,"services":[],"servicesEncrypted":"!!:AAAA:AAAA"}"#.to_vec(),
            br#"{"schemaVersion":4,"services":[],"servicesEncrypted":"AAAA:AAAA:AAAA"}"#.to_vec(),
            br#"{"schemaVersion":4,"services":[],"servicesEncrypted":"AAAA::AAAAAAAAAAAAAAAA"}"#
                .to_vec(),
        ];
        for bytes in cases {
            let result = read(&bytes, Some("pw"));
            assert!(
                matches!(&result, Err(ReadError::Damaged(r)) if r.ends_with('.')),
                "{}: {result:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    #[test]
    fn a_changed_ciphertext_reads_as_a_wrong_password() {
        let text = std::str::from_utf8(ENCRYPTED).unwrap();
        let at = text.find("\"servicesEncrypted\":\"").unwrap() + 21;
        let mut changed = text.as_bytes().to_vec();
        changed[at + 5] = if changed[at + 5] == b'A' { b'B' } else { b'A' };
        assert!(matches!(
            read(&changed, Some(PASSWORD)),
            Err(ReadError::WrongPassword)
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = TwoFas.detect(&input);
            let _ = TwoFas.read(&input, Some(&SecretString::new("pw")), &mut Vec::new());
        }

        #[test]
        fn cut_or_changed_fixtures_never_panic(
            encrypted in any::<bool>(),
            cut in any::<prop::sample::Index>(),
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        ) {
            let mut bytes = if encrypted { ENCRYPTED } else { PLAIN }.to_vec();
            for (at, byte) in changes {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            bytes.truncate(cut.index(bytes.len() + 1));
            let input = Input::new(&bytes);
            let _ = TwoFas.detect(&input);
            let _ = TwoFas.read(&input, Some(&SecretString::new(PASSWORD)), &mut Vec::new());
        }
    }
}
