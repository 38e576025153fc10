//! The encrypted vault file: a versioned JSON envelope around an XChaCha20-Poly1305-sealed JSON payload.
//! The format is specified in `docs/vault-format.md`.

pub mod crypto;
pub mod file;
pub mod password;
mod stored;

use std::path::Path;

use data_encoding::BASE64;
use serde::{Deserialize, Serialize};

use crate::account::Account;
use crate::error::{Error, Result};
use crate::guides::Run;
use crate::phones::Phone;
use crate::phones::planner::Plan;
use crate::sensitive::SecretString;
use crate::services::Service;
pub use crypto::{SealFailure, VaultKey};
pub use password::{KdfParams, PasswordSlot};

/// The `format` field of every vault file.
pub const FORMAT_NAME: &str = "keystep-vault";
/// The envelope version this Keystep writes and the newest it reads. Version 2 added the password
/// slot; version 1 files open and are written as version 2 on the next save.
pub const FORMAT_VERSION: u32 = 2;
/// The cipher named in the envelope.
pub const CIPHER: &str = "XChaCha20-Poly1305";
/// Vault files larger than this are refused before parsing (10,000 accounts take about 2.5 MB).
pub const MAX_VAULT_BYTES: u64 = 64 * 1024 * 1024;

/// The outer, unencrypted part of the vault file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub vault_id: String,
    pub slots: Vec<Slot>,
    pub payload: SealedPayload,
}

/// Where a copy of the vault key can be found: the OS keychain (every version), or wrapped under the
/// recovery password (version 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Slot {
    /// The key itself is in the OS keychain under `service` and `account`, base64-encoded.
    Keychain { service: String, account: String },
    /// The key wrapped under a key derived from the recovery password.
    Password(PasswordSlot),
}

impl Slot {
    /// The keychain account of a keychain slot.
    pub fn keychain_account(&self) -> Option<&str> {
        match self {
            Slot::Keychain { account, .. } => Some(account),
            Slot::Password(_) => None,
        }
    }

    /// The password slot, if this is one.
    pub fn password(&self) -> Option<&PasswordSlot> {
        match self {
            Slot::Password(p) => Some(p),
            Slot::Keychain { .. } => None,
        }
    }
}

/// The encrypted payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedPayload {
    pub cipher: String,
    /// Base64 of the 24-byte nonce.
    pub nonce: String,
    /// Base64 of the ciphertext followed by the 16-byte tag.
    pub data: String,
}

/// The decrypted contents: everything personal.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    pub accounts: Vec<Account>,
    /// Guide runs (progress, branches taken, waits), newest last.
    pub runs: Vec<Run>,
    /// The person's phone numbers.
    pub phones: Vec<Phone>,
    /// The services the person uses and how they get in.
    pub services: Vec<Service>,
    /// Change-number plans; their runs refer to the plan's guide by id.
    pub plans: Vec<Plan>,
    /// Records and parts this Keystep could not read, kept as they were and written back on save.
    pub unreadable: Vec<Unreadable>,
}

/// A record (or a whole part) of the payload that this Keystep could not read: written by a newer
/// Keystep, or damaged. It is kept exactly as read and written back on every save, never dropped.
#[derive(Debug, Clone)]
pub struct Unreadable {
    /// The part of the payload it belongs to: `plans`, `accounts`, or a part's own name.
    pub part: String,
    /// True for a whole part this Keystep does not know; false for one record of a known part.
    pub whole_part: bool,
    /// Why it could not be read (never holds a secret: names and numbers of records only).
    pub reason: String,
    /// The record's JSON as it was read (may hold a secret: only the vault module writes it).
    raw: SecretString,
}

/// The associated data that binds a payload to its vault id and format version.
pub fn associated_data(vault_id: &str, version: u32) -> Vec<u8> {
    format!("{FORMAT_NAME}/{version}/{vault_id}").into_bytes()
}

/// Reads only the envelope: enough to know the vault id (to ask the keychain) without any key.
pub fn read_envelope(path: &Path) -> Result<Envelope> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    // A pipe or a device in its place would block the read or never end.
    if !meta.is_file() {
        return Err(corrupt(path, "it is not a regular file"));
    }
    let limit = usize::try_from(MAX_VAULT_BYTES).unwrap_or(usize::MAX);
    let too_big = || corrupt(path, "it is larger than any vault Keystep writes");
    if meta.len() > MAX_VAULT_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
    let bytes = crate::files::read_bounded(file, limit)
        .map_err(|e| Error::io("read", path, e))?
        .ok_or_else(too_big)?;
    parse_envelope(path, &bytes)
}

/// Parses and checks an envelope read from `path`.
pub fn parse_envelope(path: &Path, bytes: &[u8]) -> Result<Envelope> {
    if bytes.is_empty() {
        return Err(corrupt(path, "the file is empty"));
    }
    #[derive(Deserialize)]
    struct VersionProbe {
        format: Option<String>,
        // Any JSON number: a version too big for u32 is a newer Keystep's, not a damaged file.
        version: Option<serde_json::Number>,
    }
    let probe: VersionProbe =
        serde_json::from_slice(bytes).map_err(|e| corrupt(path, describe_json_error(&e)))?;
    if probe.format.as_deref() != Some(FORMAT_NAME) {
        return Err(corrupt(path, "it is not a Keystep vault"));
    }
    match probe.version.as_ref().map(serde_json::Number::as_u64) {
        None => return Err(corrupt(path, "it has no version")),
        Some(None) => {
            return Err(corrupt(
                path,
                "its version is not a whole number of 1 or more",
            ));
        }
        Some(Some(0)) => {
            return Err(corrupt(path, "it says version 0, which no Keystep writes"));
        }
        Some(Some(v)) if v > u64::from(FORMAT_VERSION) => {
            return Err(Error::VaultTooNew {
                path: path.into(),
                version: v,
            });
        }
        Some(Some(_)) => {}
    }
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(|e| corrupt(path, describe_json_error(&e)))?;
    // Without a slot the key cannot be found anywhere: that is a damaged file, not a missing key.
    if envelope.slots.is_empty() {
        return Err(corrupt(path, "it lists no place where its key is kept"));
    }
    Ok(envelope)
}

fn describe_json_error(e: &serde_json::Error) -> String {
    if e.is_eof() {
        "it ends too early, as if it was cut off".into()
    } else {
        format!(
            "it is not valid at line {}, column {}",
            e.line(),
            e.column()
        )
    }
}

fn corrupt(path: &Path, reason: impl Into<String>) -> Error {
    Error::VaultCorrupt {
        path: path.into(),
        reason: reason.into(),
    }
}

/// Decrypts the payload of an envelope with the key.
pub fn decrypt(path: &Path, envelope: &Envelope, key: &VaultKey) -> Result<Contents> {
    if envelope.payload.cipher != CIPHER {
        return Err(corrupt(
            path,
            format!("it uses an unknown cipher \"{}\"", envelope.payload.cipher),
        ));
    }
    let nonce = BASE64
        .decode(envelope.payload.nonce.as_bytes())
        .map_err(|_| corrupt(path, "its nonce is not base64"))?;
    let sealed = BASE64
        .decode(envelope.payload.data.as_bytes())
        .map_err(|_| corrupt(path, "its data is not base64"))?;
    let aad = associated_data(&envelope.vault_id, envelope.version);
    let plain = key
        .open(&nonce, &sealed, &aad)
        .map_err(|_| Error::VaultWrongKey { path: path.into() })?;
    stored::read(path, &plain)
}

/// Encrypts `contents` into a complete vault file (the bytes to write).
pub fn encrypt(
    vault_id: &str,
    slots: &[Slot],
    contents: &Contents,
    key: &VaultKey,
) -> Result<Vec<u8>> {
    let plain = stored::write(contents).map_err(|e| encoding_failed("the payload", &e))?;
    let payload = seal_payload(vault_id, &plain, key)?;
    envelope_bytes(vault_id, slots, payload)
}

/// Encrypts `contents` once into two files that differ only in their slots: the vault, and a backup
/// that opens with `backup_slots` alone. Sealing once keeps a save with its backup close to a save.
pub fn encrypt_with_backup(
    vault_id: &str,
    slots: &[Slot],
    backup_slots: &[Slot],
    contents: &Contents,
    key: &VaultKey,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let plain = stored::write(contents).map_err(|e| encoding_failed("the payload", &e))?;
    let payload = seal_payload(vault_id, &plain, key)?;
    Ok((
        envelope_bytes(vault_id, slots, payload.clone())?,
        envelope_bytes(vault_id, backup_slots, payload)?,
    ))
}

/// The same vault file with other slots (the payload is not opened): a backup of a file just read.
pub fn with_slots(envelope: &Envelope, slots: &[Slot]) -> Result<Vec<u8>> {
    let mut copy = envelope.clone();
    copy.slots = slots.to_vec();
    to_file_bytes(&copy)
}

/// A vault that could not be serialized: a bug, since every stored type serializes.
fn encoding_failed(what: &str, e: &serde_json::Error) -> Error {
    Error::VaultEncode {
        detail: format!("writing {what} as JSON failed: {e}"),
    }
}

/// Sealing failed: the random generator gave no nonce, or the cipher refused.
fn sealing_failed(failure: SealFailure) -> Error {
    match failure {
        SealFailure::Random => Error::Random {
            purpose: "encrypt your data for saving",
        },
        SealFailure::Cipher => Error::VaultEncode {
            detail: "the cipher refused to encrypt the payload".into(),
        },
    }
}

/// Seals a payload (the decrypted JSON) for the current format version.
fn seal_payload(vault_id: &str, plain: &[u8], key: &VaultKey) -> Result<SealedPayload> {
    let aad = associated_data(vault_id, FORMAT_VERSION);
    let (nonce, sealed) = key.seal(plain, &aad).map_err(sealing_failed)?;
    Ok(SealedPayload {
        cipher: CIPHER.into(),
        nonce: BASE64.encode(&nonce),
        data: BASE64.encode(&sealed),
    })
}

/// Seals a payload (the decrypted JSON) into a complete vault file.
#[cfg(test)]
fn seal(vault_id: &str, slots: &[Slot], plain: &[u8], key: &VaultKey) -> Result<Vec<u8>> {
    envelope_bytes(vault_id, slots, seal_payload(vault_id, plain, key)?)
}

/// A complete vault file around a sealed payload.
fn envelope_bytes(vault_id: &str, slots: &[Slot], payload: SealedPayload) -> Result<Vec<u8>> {
    let envelope = Envelope {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        vault_id: vault_id.into(),
        slots: slots.to_vec(),
        payload,
    };
    to_file_bytes(&envelope)
}

/// An envelope as the file holds it: pretty JSON and a final line break.
fn to_file_bytes(envelope: &Envelope) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(envelope).map_err(|e| encoding_failed("the envelope", &e))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::OtpParams;
    use crate::sensitive::SecretBytes;

    fn sample() -> Contents {
        Contents {
            accounts: vec![Account {
                id: "id-1".into(),
                issuer: "ID.me".into(),
                name: "me".into(),
                secret: SecretBytes::new(b"12345678901234567890".to_vec()),
                params: OtpParams::default(),
                added_at: 1,
            }],
            runs: Vec::new(),
            ..Contents::default()
        }
    }

    fn slots() -> Vec<Slot> {
        vec![Slot::Keychain {
            service: "keystep".into(),
            account: "vid".into(),
        }]
    }

    #[test]
    fn a_vault_that_cannot_be_encoded_is_its_own_error_not_a_file_error_without_a_path() {
        let cause = serde_json::from_str::<u8>("not json").unwrap_err();
        for e in [
            encoding_failed("the payload", &cause),
            sealing_failed(SealFailure::Cipher),
        ] {
            assert_eq!(e.code(), "vault.encode");
            let message = e.to_string();
            assert!(message.contains("Nothing was saved"), "{message}");
            assert!(message.contains("Try again"), "{message}");
            assert!(message.contains("report it"), "{message}");
            assert!(e.is_storage());
            assert!(e.to_dto().detail.is_some_and(|d| !d.is_empty()));
        }
    }

    #[test]
    fn a_random_generator_failure_while_sealing_says_so() {
        let e = sealing_failed(SealFailure::Random);
        assert_eq!(e.code(), "system.random");
        let message = e.to_string();
        assert!(message.contains("random number generator"), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
    }

    #[test]
    fn round_trips_through_encrypt_and_decrypt() {
        let key = VaultKey::generate().unwrap();
        let bytes = encrypt("vid", &slots(), &sample(), &key).unwrap();
        let path = Path::new("v.ksv");
        let env = parse_envelope(path, &bytes).unwrap();
        assert_eq!(env.vault_id, "vid");
        let back = decrypt(path, &env, &key).unwrap();
        assert_eq!(back.accounts.len(), 1);
        assert_eq!(back.accounts[0].secret.expose(), b"12345678901234567890");
    }

    #[test]
    fn the_file_does_not_contain_the_secret_in_any_form() {
        let key = VaultKey::generate().unwrap();
        let bytes = encrypt("vid", &slots(), &sample(), &key).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("GEZDGNBVGY3TQOJQ"));
        assert!(!text.contains("12345678901234567890"));
    }

    #[test]
    fn wrong_key_is_reported_as_wrong_key() {
        let bytes = encrypt("vid", &slots(), &sample(), &VaultKey::generate().unwrap()).unwrap();
        let env = parse_envelope(Path::new("v"), &bytes).unwrap();
        let err = decrypt(Path::new("v"), &env, &VaultKey::generate().unwrap()).unwrap_err();
        assert_eq!(err.code(), "vault.wrong_key");
    }

    #[test]
    fn a_changed_vault_id_breaks_authentication() {
        let key = VaultKey::generate().unwrap();
        let bytes = encrypt("vid", &slots(), &sample(), &key).unwrap();
        let mut env = parse_envelope(Path::new("v"), &bytes).unwrap();
        env.vault_id = "other".into();
        assert_eq!(
            decrypt(Path::new("v"), &env, &key).unwrap_err().code(),
            "vault.wrong_key"
        );
    }

    #[test]
    fn truncated_file_is_corrupt_and_says_it_was_cut_off() {
        let bytes = encrypt("vid", &slots(), &sample(), &VaultKey::generate().unwrap()).unwrap();
        let err = parse_envelope(Path::new("v"), &bytes[..bytes.len() / 2]).unwrap_err();
        assert_eq!(err.code(), "vault.corrupt");
        assert!(err.to_string().contains("cut off"), "{err}");
        assert_eq!(
            parse_envelope(Path::new("v"), b"").unwrap_err().code(),
            "vault.corrupt"
        );
    }

    #[test]
    fn flipped_ciphertext_byte_is_detected() {
        let key = VaultKey::generate().unwrap();
        let bytes = encrypt("vid", &slots(), &sample(), &key).unwrap();
        let mut env = parse_envelope(Path::new("v"), &bytes).unwrap();
        let mut data = BASE64.decode(env.payload.data.as_bytes()).unwrap();
        data[3] ^= 1;
        env.payload.data = BASE64.encode(&data);
        assert_eq!(
            decrypt(Path::new("v"), &env, &key).unwrap_err().code(),
            "vault.wrong_key"
        );
    }

    /// The decrypted JSON of a vault file, as a later test reads what a save wrote.
    fn payload_json(bytes: &[u8], key: &VaultKey) -> serde_json::Value {
        let env = parse_envelope(Path::new("v"), bytes).unwrap();
        let nonce = BASE64.decode(env.payload.nonce.as_bytes()).unwrap();
        let data = BASE64.decode(env.payload.data.as_bytes()).unwrap();
        let plain = key
            .open(&nonce, &data, &associated_data(&env.vault_id, env.version))
            .unwrap();
        serde_json::from_slice(&plain).unwrap()
    }

    #[test]
    fn records_and_parts_a_newer_keystep_wrote_are_kept_and_never_hide_the_accounts() {
        let key = VaultKey::generate().unwrap();
        let account = serde_json::json!({
            "id": "a1", "issuer": "ID.me", "name": "me", "kind": "totp", "algorithm": "SHA1",
            "digits": 6, "period": 30, "counter": 0, "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "added_at": 1, "color": "blue"
        });
        let future_account = serde_json::json!({
            "id": "a2", "issuer": "Lab", "name": "me", "kind": "quantum", "algorithm": "SHA1",
            "digits": 6, "period": 30, "counter": 0, "secret": "GEZDGNBVGY3TQOJQ", "added_at": 2
        });
        let future_plan = serde_json::json!({
            "guide": {"id": "plan-x", "title": "Move", "service": "plan", "summary": "", "minutes": 5,
                      "steps": [{"id": "s", "title": "Scan", "text": "",
                                 "actions": [{"type": "scan_screen", "what": "qr"}]}]},
            "old_phone": "p1", "new_phone": "p2", "date": "2027-01-01"
        });
        let passwords = serde_json::json!([{"site": "example.com", "secret": "hunter2"}]);
        let plain = serde_json::json!({
            "accounts": [account, future_account],
            "runs": [{"id": "r1", "guide_id": "irs-sign-in", "started_at_ms": 5,
                      "at": {"branch": null, "step": 2}, "mood": "calm"}],
            "plans": [future_plan],
            "passwords": passwords,
        });
        let bytes = seal("vid", &slots(), &serde_json::to_vec(&plain).unwrap(), &key).unwrap();
        let path = Path::new("v.ksv");
        let contents = decrypt(path, &parse_envelope(path, &bytes).unwrap(), &key).unwrap();
        assert_eq!(contents.accounts.len(), 1, "the readable account opens");
        assert_eq!(
            contents.accounts[0].secret.expose(),
            b"12345678901234567890"
        );
        assert_eq!(
            contents.runs.len(),
            1,
            "an unknown field in a run is ignored"
        );
        assert_eq!(contents.runs[0].at.step, 2);
        assert!(contents.plans.is_empty());
        let kept: Vec<(&str, bool)> = contents
            .unreadable
            .iter()
            .map(|u| (u.part.as_str(), u.whole_part))
            .collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        for expected in [("accounts", false), ("plans", false), ("passwords", true)] {
            assert!(kept.contains(&expected), "{kept:?}");
        }
        assert!(
            contents
                .unreadable
                .iter()
                .all(|u| !u.reason.contains("hunter2") && !u.reason.contains("GEZDGNBV")),
            "reasons never quote a secret"
        );
        assert!(!format!("{contents:?}").contains("hunter2"));

        // Saved again by this Keystep: what it could not read is written back exactly as it was.
        let again = payload_json(&encrypt("vid", &slots(), &contents, &key).unwrap(), &key);
        assert_eq!(again["passwords"], passwords);
        assert_eq!(again["plans"][0], future_plan);
        assert!(
            again["accounts"]
                .as_array()
                .unwrap()
                .contains(&plain["accounts"][1])
        );
        assert_eq!(again["accounts"].as_array().unwrap().len(), 2);
        assert_eq!(again["runs"][0]["at"]["step"], 2);
    }

    #[test]
    fn a_payload_that_is_not_an_object_or_a_part_that_is_not_a_list_is_damaged() {
        let key = VaultKey::generate().unwrap();
        let path = Path::new("v.ksv");
        for plain in [&b"[1,2]"[..], br#"{"accounts": 3}"#, b"{"] {
            let bytes = seal("vid", &slots(), plain, &key).unwrap();
            let err = decrypt(path, &parse_envelope(path, &bytes).unwrap(), &key).unwrap_err();
            assert_eq!(err.code(), "vault.corrupt", "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_device_in_place_of_the_vault_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("vault.ksv");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        for path in [fifo.as_path(), Path::new("/dev/zero")] {
            let err = read_envelope(path).unwrap_err();
            assert_eq!(err.code(), "vault.corrupt", "{err}");
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }

    #[test]
    fn a_vault_without_key_slots_is_damaged_not_a_missing_key() {
        let bytes = encrypt("v-id", &[], &sample(), &VaultKey::generate().unwrap()).unwrap();
        let err = parse_envelope(Path::new("v"), &bytes).unwrap_err();
        assert_eq!(err.code(), "vault.corrupt", "{err}");
        assert!(err.to_string().contains("no place where its key is kept"));
    }

    #[test]
    fn newer_version_and_foreign_json_are_refused_clearly() {
        let newer = br#"{"format":"keystep-vault","version":9}"#;
        assert_eq!(
            parse_envelope(Path::new("v"), newer).unwrap_err().code(),
            "vault.too_new"
        );
        let huge = br#"{"format":"keystep-vault","version":18446744073709551615}"#;
        let err = parse_envelope(Path::new("v"), huge).unwrap_err();
        assert_eq!(err.code(), "vault.too_new", "{err}");
        assert!(err.to_string().contains("18446744073709551615"));
        for (bad, says) in [
            (
                &br#"{"format":"keystep-vault","version":0}"#[..],
                "version 0",
            ),
            (
                br#"{"format":"keystep-vault","version":-3}"#,
                "whole number",
            ),
            (
                br#"{"format":"keystep-vault","version":1.5}"#,
                "whole number",
            ),
        ] {
            let err = parse_envelope(Path::new("v"), bad).unwrap_err();
            assert_eq!(err.code(), "vault.corrupt", "{err}");
            assert!(err.to_string().contains(says), "{err}");
        }
        let foreign = br#"{"hello":1}"#;
        assert!(
            parse_envelope(Path::new("v"), foreign)
                .unwrap_err()
                .to_string()
                .contains("not a Keystep vault")
        );
    }
}
