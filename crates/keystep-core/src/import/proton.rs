//! Proton Authenticator exports (`proton_authenticator_backup.json`), plain or protected by a
//! password (docs/import-formats.md §9).
//!
//! The plain export is `{"version": 1, "entries": [{"content": {"uri", "entry_type", "name"}}]}`,
//! each `uri` an `otpauth://totp/` link whose label is the account alone, or `steam://KEY`. The
//! encrypted one is `{"version": 1, "salt": base64(16 bytes), "content": base64(nonce||ciphertext||tag)}`:
//! AES-256-GCM (with Proton's export tag as associated data) under an Argon2id key of fixed cost,
//! whose plaintext is the plain export.

use argon2::{Algorithm, Argon2, Params, Version};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::crypto::{WipedJson, aes_gcm_open, base64, password_bytes};
use super::{Importer, Input, Item, ReadError, label_of, read_link};
use crate::error::Field;
use crate::sensitive::SecretString;

/// The only export version Proton Authenticator writes.
const VERSION: u64 = 1;
/// The associated data Proton binds its password exports to.
const AAD: &[u8] = b"proton.authenticator.export.v1";
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
/// Proton's fixed Argon2id cost: 19 MiB, 2 passes, 1 lane. The file cannot choose another.
const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
const ARGON2_PASSES: u32 = 2;
const ARGON2_LANES: u32 = 1;

/// The reader of Proton Authenticator exports.
pub struct Proton;

impl Importer for Proton {
    fn detect(&self, input: &Input<'_>) -> bool {
        input
            .object()
            .is_some_and(|o| is_plain(o) || is_encrypted(o))
    }

    fn read(
        &self,
        input: &Input<'_>,
        password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let export = input.object().ok_or_else(|| {
            ReadError::damaged("it is not a Proton Authenticator export (a JSON object).")
        })?;
        if export.contains_key("entries") {
            return read_plain(export);
        }
        let envelope = Envelope::parse(export)?;
        let key = derive_key(password_bytes(password)?, &envelope.salt)?;
        envelope.open(key.as_ref())
    }
}

/// `version` and `entries`, the entries (if any) holding setup links.
fn is_plain(export: &Map<String, Value>) -> bool {
    let Some(entries) = export.get("entries").and_then(Value::as_array) else {
        return false;
    };
    export.contains_key("version")
        && (entries.is_empty()
            || entries.iter().any(|e| {
                e.get("content")
                    .and_then(|c| c.get("uri"))
                    .is_some_and(Value::is_string)
            }))
}

/// `version`, `salt` and `content`, and no entries (Proton's own test for an encrypted export).
fn is_encrypted(export: &Map<String, Value>) -> bool {
    ["version", "salt", "content"]
        .iter()
        .all(|key| export.contains_key(*key))
        && !export.contains_key("entries")
}

/// Refuses an export version this reader does not know before reading anything else.
fn check_version(export: &Map<String, Value>) -> Result<(), ReadError> {
    match export.get("version").and_then(Value::as_u64) {
        Some(VERSION) => Ok(()),
        Some(other) => Err(ReadError::Unsupported(format!(
            "it is a Proton Authenticator export of version {other}, which Keystep cannot read (it reads version 1)."
        ))),
        None => Err(ReadError::damaged("its export version is not a number.")),
    }
}

fn read_plain(export: &Map<String, Value>) -> Result<Vec<Item>, ReadError> {
    check_version(export)?;
    let entries = export
        .get("entries")
        .and_then(Value::as_array)
        .ok_or_else(|| ReadError::damaged("its list of accounts (entries) is not a list."))?;
    Ok(entries
        .iter()
        .enumerate()
        .map(|(index, entry)| read_entry(index + 1, entry))
        .collect())
}

/// One entry: its link read as a setup link; `content.name` names the account when the link does
/// not (a `steam://` link has no names; a TOTP link without a label).
fn read_entry(position: usize, entry: &Value) -> Item {
    let fallback = format!("entry {position}");
    let content = entry.get("content").and_then(Value::as_object);
    let name = content
        .and_then(|c| c.get("name"))
        .and_then(Value::as_str)
        .map_or("", str::trim);
    // Until the link is read, the entry is known by its name in Proton (if that name is fit to show).
    let known_as = crate::account::clean_name(name, Field::Name)
        .ok()
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| fallback.clone());
    let Some(uri) = content.and_then(|c| c.get("uri")).and_then(Value::as_str) else {
        return Item::skipped(known_as, "it has no setup link.");
    };
    let mut account = match read_link(uri) {
        Ok(account) => account,
        Err(e) => return Item::skipped(known_as, e.to_string()),
    };
    // Proton names an entry without a label after its issuer: that is no account name.
    if account.name.is_empty() && !name.is_empty() && name != account.issuer {
        match crate::account::clean_name(name, Field::Name) {
            Ok(name) => account.name = name,
            Err(e) => return Item::skipped(known_as, e.to_string()),
        }
    }
    Item::Account {
        label: label_of(&account.issuer, &account.name, &fallback),
        account,
    }
}

/// The parts of an encrypted export, checked before any key is derived.
struct Envelope {
    salt: Vec<u8>,
    nonce: Vec<u8>,
    ciphertext: Vec<u8>,
}

impl Envelope {
    fn parse(export: &Map<String, Value>) -> Result<Self, ReadError> {
        let text = |key: &str, what: &str| {
            export
                .get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| ReadError::damaged(format!("its {what} is missing or not text.")))
        };
        let salt = text("salt", "salt")?;
        let content = text("content", "encrypted content")?;
        check_version(export)?;
        let salt = base64(salt, "salt")?;
        if salt.len() != SALT_LEN {
            return Err(ReadError::damaged("its salt has the wrong length."));
        }
        let content = base64(content, "encrypted content")?;
        if content.len() < NONCE_LEN + TAG_LEN {
            return Err(ReadError::damaged(
                "its encrypted content is too short: the file was cut.",
            ));
        }
        let (nonce, ciphertext) = content.split_at(NONCE_LEN);
        Ok(Envelope {
            salt,
            nonce: nonce.to_vec(),
            ciphertext: ciphertext.to_vec(),
        })
    }

    /// Decrypts and reads the export inside; a failed tag means a wrong password.
    fn open(&self, key: &[u8]) -> Result<Vec<Item>, ReadError> {
        let plain = aes_gcm_open(key, &self.nonce, &self.ciphertext, AAD)?;
        let json = serde_json::from_slice(&plain)
            .map(WipedJson)
            .map_err(|_| ReadError::damaged("its decrypted content is not readable (not JSON)."))?;
        let export = json.0.as_object().ok_or_else(|| {
            ReadError::damaged("its decrypted content is not a Proton Authenticator export.")
        })?;
        read_plain(export)
    }
}

/// Proton's key: Argon2id v1.3 of the password as typed (UTF-8) and the salt, at its fixed cost.
fn derive_key(password: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>, ReadError> {
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
        .map_err(|_| ReadError::damaged("its key settings are not possible."))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password, salt, key.as_mut())
        .map_err(|_| ReadError::damaged("its salt or key settings are not possible."))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
    use crate::import::test_support::{assert_expected, lines};

    const PLAIN: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/proton-plain/proton_authenticator_backup.json"
    );
    const PLAIN_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/proton-plain/expected.txt");
    const ENCRYPTED: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/proton-encrypted/proton_authenticator_backup.json"
    );
    const ENCRYPTED_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/proton-encrypted/expected.txt");
    const PASSWORD: &str =
        include_str!("../../../../tests/fixtures/imports/proton-encrypted/password.txt");

    fn read(bytes: &[u8], password: Option<&str>) -> Result<Vec<Item>, ReadError> {
        let password = password.map(SecretString::new);
        Proton.read(&Input::new(bytes), password.as_ref(), &mut Vec::new())
    }

    /// The encrypted fixture's key, derived once for the tests that change the file.
    fn fixture_key() -> &'static [u8; 32] {
        static KEY: OnceLock<Zeroizing<[u8; 32]>> = OnceLock::new();
        KEY.get_or_init(|| {
            let input = Input::new(ENCRYPTED);
            let envelope = Envelope::parse(input.object().unwrap()).unwrap();
            derive_key(PASSWORD.as_bytes(), &envelope.salt).unwrap()
        })
    }

    #[test]
    fn detects_plain_and_encrypted_exports_and_nothing_else() {
        assert!(Proton.detect(&Input::new(PLAIN)));
        assert!(Proton.detect(&Input::new(ENCRYPTED)));
        assert!(Proton.detect(&Input::new(br#"{"version":1,"entries":[]}"#)));
        for other in [
            "{}",
            "[]",
            r#"{"version":1,"entries":[{"secret":"JBSWY3DPEHPK3PXP"}]}"#,
            r#"{"version":1,"salt":"AAAA","content":"AAAA","entries":[{}]}"#,
            r#"{"schemaVersion":4,"services":[]}"#,
            r#"{"version":1,"header":{"slots":null,"params":null},"db":{"entries":[]}}"#,
            r#"{"version":1,"kdfParams":{},"encryptedData":"","encryptionNonce":""}"#,
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP",
        ] {
            assert!(!Proton.detect(&Input::new(other.as_bytes())), "{other}");
        }
    }

    #[test]
    fn reads_the_plain_fixture_with_steam_names_and_a_skip() {
        let items = read(PLAIN, None).unwrap();
        assert_expected(&items, PLAIN_EXPECTED);
        let got = lines(&items);
        assert!(
            got.iter()
                .any(|l| l.starts_with("SKIP dave: ") && l.ends_with('.')),
            "{got:#?}"
        );
    }

    #[test]
    fn reads_the_encrypted_fixture_with_its_password() {
        let items = read(ENCRYPTED, Some(PASSWORD)).unwrap();
        assert_expected(&items, ENCRYPTED_EXPECTED);
    }

    #[test]
    fn an_encrypted_export_asks_for_the_password_and_refuses_a_wrong_one() {
        assert!(matches!(
            read(ENCRYPTED, None),
            Err(ReadError::PasswordNeeded)
        ));
        assert!(matches!(
            read(ENCRYPTED, Some("Correct horse battery staple")),
            Err(ReadError::WrongPassword)
        ));
    }

    #[test]
    fn an_unknown_version_is_refused() {
        for export in [
            r#"{"version":2,"entries":[]}"#,
            r#"{"version":2,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","content":"AAAA"}"#,
        ] {
            assert!(
                matches!(read(export.as_bytes(), Some("pw")), Err(ReadError::Unsupported(r)) if r.contains("version 2")),
                "{export}"
            );
        }
    }

    #[test]
    fn names_come_from_the_link_then_from_proton() {
        let export = r#"{"version":1,"entries":[
            {"content":{"uri":"otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example","entry_type":"Totp","name":"renamed"}},
            {"content":{"uri":"steam://JBSWY3DPEHPK3PXP","entry_type":"Steam","name":""}},
            {"content":{"uri":"otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=Solo","entry_type":"Totp","name":"Solo"}},
            {"content":{"uri":"otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=7","entry_type":"Totp","name":"bob"}}
        ]}"#;
        let got = lines(&read(export.as_bytes(), None).unwrap());
        // Codes from tests/fixtures/imports/otp_reference.py (JBSWY3DPEHPK3PXP).
        assert_eq!(
            got,
            [
                "Example|alice|Totp|260025",
                "Steam||Steam|TDBRV",
                "Solo||Totp|260025",
                "Bank|bob|Hotp|449891",
            ]
        );
    }

    #[test]
    fn bad_entries_are_skipped_by_name_without_their_link() {
        let export = r#"{"version":1,"entries":[
            {"content":{"uri":"otpauth://totp/x?secret=JBSWY3DPEHPK3PX0&issuer=X","name":"x"}},
            {"content":{"entry_type":"Totp","name":"no link"}},
            {"content":{"uri":"steam://!!!!","name":""}},
            {"content":{"uri":"steam://JBSWY3DPEHPK3PXP","name":"bad\u0007name"}},
            7
        ]}"#;
        let got = lines(&read(export.as_bytes(), None).unwrap());
        let want = [
            "SKIP x: The setup key is not valid",
            "SKIP no link: it has no setup link.",
            "SKIP entry 3: ",
            "SKIP entry 4: The account name is not valid",
            "SKIP entry 5: it has no setup link.",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (got, want) in got.iter().zip(want) {
            assert!(got.starts_with(want), "{got}\n  expected {want}");
            assert!(got.ends_with('.'), "{got}");
            assert!(!got.contains("JBSWY3DP") && !got.contains("!!!!"), "{got}");
        }
    }

    #[test]
    fn damaged_exports_are_refused_with_a_reason() {
        let half = PLAIN.get(..PLAIN.len() / 2).unwrap_or_default();
        let cases = [
            half.to_vec(),
            br#"{"version":"one","entries":[]}"#.to_vec(),
            br#"{"version":1,"entries":{}}"#.to_vec(),
            br#"{"version":1,"salt":7,"content":"AAAA"}"#.to_vec(),
            br#"{"version":1,"salt":"!!","content":"AAAA"}"#.to_vec(),
            br#"{"version":1,"salt":"AAAA","content":"AAAA"}"#.to_vec(),
            br#"{"version":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","content":"AAAA"}"#.to_vec(),
            br#"{"version":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}"#.to_vec(),
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
        let input = Input::new(ENCRYPTED);
        let mut envelope = Envelope::parse(input.object().unwrap()).unwrap();
        assert!(envelope.open(fixture_key()).is_ok());
        if let Some(byte) = envelope.ciphertext.get_mut(3) {
            *byte ^= 1;
        }
        assert!(matches!(
            envelope.open(fixture_key()),
            Err(ReadError::WrongPassword)
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = Proton.detect(&input);
            // An encrypted-looking object would cost a key derivation: read its envelope only.
            if let Some(export) = input.object().filter(|o| is_encrypted(o)) {
                let _ = Envelope::parse(export).map(|e| e.open(fixture_key()));
            } else {
                let _ = Proton.read(&input, None, &mut Vec::new());
            }
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
            let _ = Proton.detect(&input);
            match input.object() {
                // The fixture's key: a changed salt just makes it the wrong one.
                Some(export) if !export.contains_key("entries") => {
                    let _ = Envelope::parse(export).map(|e| e.open(fixture_key()));
                }
                _ => {
                    let _ = Proton.read(&input, None, &mut Vec::new());
                }
            }
        }
    }
}
