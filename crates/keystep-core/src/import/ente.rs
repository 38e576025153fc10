//! Ente Auth's encrypted export: a JSON object holding the plain export (a list of `otpauth://`
//! links, read by [`super::otpauth_list`]) encrypted with libsodium's
//! `crypto_secretstream_xchacha20poly1305` under an Argon2id key (docs/import-formats.md §8).
//!
//! Ente's plain export is itself a link list, so the `otpauth` reader takes it; this reader only
//! opens the encrypted one. The secretstream is built here from the `chacha20` and `poly1305`
//! crates: libsodium's own crate bindings would add a C library for forty lines of logic.

use chacha20::cipher::consts::U10;
use chacha20::cipher::generic_array::GenericArray;
use chacha20::cipher::{KeyIvInit, StreamCipher, StreamCipherSeek};
use chacha20::{ChaCha20, hchacha};
use poly1305::Poly1305;
use poly1305::universal_hash::KeyInit;
use serde_json::{Map, Value};
use zeroize::{Zeroize, Zeroizing};

use super::otpauth_list::OtpauthList;
use super::{Importer, Input, Item, ReadError, crypto};
use crate::sensitive::SecretString;

/// The reader of Ente Auth's encrypted export.
pub struct Ente;

/// The keys every encrypted export has at its top level.
const KEYS: [&str; 4] = ["version", "kdfParams", "encryptedData", "encryptionNonce"];

/// Argon2id's memory in bytes, as Ente writes it: below 8 KiB Argon2 cannot run, and above 1 GiB
/// (libsodium's "sensitive" level, the most any Ente version asks for) a file could make Keystep
/// allocate without bound before the password is checked.
const MEM_LIMIT: std::ops::RangeInclusive<u64> = 8 << 10..=1 << 30;
/// Argon2id's passes: Ente writes 16 or more after halving memory; 64 bounds the time.
const OPS_LIMIT: std::ops::RangeInclusive<u64> = 1..=64;

/// libsodium's secretstream header (the file's `encryptionNonce`) and what it adds to a message:
/// one encrypted tag byte before it and a 16-byte MAC after it.
const HEADER_LEN: usize = 24;
const TAG_LEN: usize = 1;
const MAC_LEN: usize = 16;
/// The secretstream tags a single-message stream may end with: Ente's app writes FINAL, its
/// command-line tool reads MESSAGE too.
const TAG_MESSAGE: u8 = 0;
const TAG_FINAL: u8 = 3;

/// What the file's JSON holds, checked, before any key is derived.
struct Sealed {
    mem_limit: u64,
    ops_limit: u64,
    salt: Vec<u8>,
    header: Vec<u8>,
    data: Vec<u8>,
}

impl Importer for Ente {
    fn detect(&self, input: &Input<'_>) -> bool {
        input
            .object()
            .is_some_and(|object| KEYS.iter().all(|key| object.contains_key(*key)))
    }

    fn read(
        &self,
        input: &Input<'_>,
        password: Option<&SecretString>,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let object = input.object().ok_or_else(|| {
            ReadError::damaged("it is not an Ente Auth encrypted export (a JSON object).")
        })?;
        let sealed = parse(object)?;
        let password = crypto::password_bytes(password)?;
        let key = derive_key(password, &sealed)?;
        let plain = secretstream_pull(&key, &sealed.header, &sealed.data)?;
        if plain.iter().all(u8::is_ascii_whitespace) {
            // An export made with no codes in the app: nothing to bring in, nothing wrong.
            return Ok(Vec::new());
        }
        if std::str::from_utf8(&plain).is_err() {
            return Err(ReadError::damaged(
                "its decrypted content is not text, so it is not a list of codes.",
            ));
        }
        OtpauthList.read(&Input::new(&plain), None, warnings)
    }
}

/// Reads and checks the JSON: version, key settings within limits, lengths.
fn parse(object: &Map<String, Value>) -> Result<Sealed, ReadError> {
    match object.get("version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(_) => {
            return Err(ReadError::Unsupported(
                "it is from a newer version of Ente Auth's export, which Keystep does not read yet."
                    .into(),
            ));
        }
        None => return Err(ReadError::damaged("its version number is missing.")),
    }
    let kdf = object
        .get("kdfParams")
        .and_then(Value::as_object)
        .ok_or_else(|| ReadError::damaged("its key settings (kdfParams) are missing."))?;
    let number = |key: &str| {
        kdf.get(key).and_then(Value::as_u64).ok_or_else(|| {
            ReadError::damaged(format!(
                "its key setting {key} is missing or not a whole number."
            ))
        })
    };
    let (mem_limit, ops_limit) = (number("memLimit")?, number("opsLimit")?);
    if !MEM_LIMIT.contains(&mem_limit) || !OPS_LIMIT.contains(&ops_limit) {
        return Err(ReadError::Unsupported(
            "its key settings ask for more memory or time than Keystep allows (at most 1 GiB and 64 passes), or for too little to be real.".into(),
        ));
    }
    let salt = base64_field(kdf, "salt", "salt")?;
    let header = base64_field(object, "encryptionNonce", "nonce")?;
    let data = base64_field(object, "encryptedData", "encrypted data")?;
    // libsodium's salt is always 16 bytes; Argon2 refuses fewer than 8.
    if salt.len() != 16 || header.len() != HEADER_LEN {
        return Err(ReadError::damaged(
            "its salt or nonce has the wrong length.",
        ));
    }
    if data.len() < TAG_LEN + MAC_LEN {
        return Err(ReadError::damaged(
            "its encrypted data is too short: the file was cut short.",
        ));
    }
    Ok(Sealed {
        mem_limit,
        ops_limit,
        salt,
        header,
        data,
    })
}

fn base64_field(object: &Map<String, Value>, key: &str, what: &str) -> Result<Vec<u8>, ReadError> {
    let text = object
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| ReadError::damaged(format!("its {what} is missing.")))?;
    crypto::base64(text, what)
}

/// Argon2id v1.3 as libsodium's `crypto_pwhash` runs it: `memLimit` bytes, `opsLimit` passes, one
/// lane, a 32-byte key.
fn derive_key(password: &[u8], sealed: &Sealed) -> Result<Zeroizing<[u8; 32]>, ReadError> {
    let unsupported =
        |_| ReadError::Unsupported("its key settings are ones Argon2 cannot use.".into());
    let memory_kib = u32::try_from(sealed.mem_limit / 1024).map_err(|_| {
        ReadError::Unsupported("its key settings ask for more memory than Keystep allows.".into())
    })?;
    let passes = u32::try_from(sealed.ops_limit).map_err(|_| {
        ReadError::Unsupported("its key settings ask for more time than Keystep allows.".into())
    })?;
    let params = argon2::Params::new(memory_kib, passes, 1, Some(32)).map_err(unsupported)?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(password, &sealed.salt, key.as_mut())
        .map_err(unsupported)?;
    Ok(key)
}

/// libsodium's `crypto_secretstream_xchacha20poly1305` pull of the stream's one message, no
/// additional data. A MAC that does not match means a wrong password (or a changed file: the same
/// to the person, who can only try the password again).
fn secretstream_pull(
    key: &[u8; 32],
    header: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, ReadError> {
    let Some((key_nonce, stream_nonce)) = header
        .split_first_chunk::<16>()
        .and_then(|(key_nonce, rest)| Some((key_nonce, <&[u8; 8]>::try_from(rest).ok()?)))
    else {
        return Err(ReadError::damaged("its nonce has the wrong length."));
    };
    let Some(message_len) = sealed.len().checked_sub(TAG_LEN + MAC_LEN) else {
        return Err(ReadError::damaged("its encrypted data is too short."));
    };
    let (Some(&sealed_tag), Some(ciphertext), Some(mac)) = (
        sealed.first(),
        sealed.get(TAG_LEN..TAG_LEN + message_len),
        sealed.get(TAG_LEN + message_len..),
    ) else {
        return Err(ReadError::damaged("its encrypted data is too short."));
    };
    let mut cipher = stream_cipher(key, key_nonce, stream_nonce);

    // Block 0 of the keystream keys Poly1305; block 1 hides the tag; message bytes start at block 2.
    let mut mac_key = Zeroizing::new([0u8; 64]);
    cipher.apply_keystream(mac_key.as_mut());
    let mut tag_block = Zeroizing::new([0u8; 64]);
    tag_block[0] = sealed_tag;
    cipher.seek(64u64);
    cipher.apply_keystream(tag_block.as_mut());
    let tag = tag_block[0];
    tag_block[0] = sealed_tag;

    let (poly_key, _) = mac_key
        .split_first_chunk::<32>()
        .ok_or(ReadError::WrongPassword)?;
    let expected = secretstream_mac(poly_key, tag_block.as_ref(), ciphertext);
    if !constant_time_eq(&expected, mac) {
        return Err(ReadError::WrongPassword);
    }
    if tag != TAG_FINAL && tag != TAG_MESSAGE {
        return Err(ReadError::Unsupported(
            "its encrypted data is split into parts, which Ente Auth's exports never are.".into(),
        ));
    }
    let mut plain = Zeroizing::new(ciphertext.to_vec());
    cipher.seek(128u64);
    cipher.apply_keystream(plain.as_mut_slice());
    Ok(plain)
}

/// ChaCha20 (IETF, 96-bit nonce) under the subkey HChaCha20(key, first 16 header bytes), with
/// libsodium's initial stream counter 1 in the nonce's first four bytes.
fn stream_cipher(key: &[u8; 32], key_nonce: &[u8; 16], stream_nonce: &[u8; 8]) -> ChaCha20 {
    // By reference, not `into()`: a copied key would stay on the stack.
    let mut subkey = hchacha::<U10>(GenericArray::from_slice(key), &(*key_nonce).into());
    let mut nonce = [0u8; 12];
    nonce[0] = 1;
    nonce[4..].copy_from_slice(stream_nonce);
    let cipher = ChaCha20::new(&subkey, &nonce.into());
    subkey.as_mut_slice().zeroize();
    cipher
}

/// The MAC as libsodium's secretstream computes it: the 64-byte tag block, the ciphertext, a pad
/// of `(0x10 - 64 + mlen) & 0xf` zero bytes (libsodium's formula, which does not align to a block),
/// then the additional data's length (0) and `64 + mlen`, as 64-bit little-endian numbers.
fn secretstream_mac(mac_key: &[u8; 32], tag_block: &[u8], ciphertext: &[u8]) -> [u8; 16] {
    let pad = (0x10usize.wrapping_sub(64).wrapping_add(ciphertext.len())) & 0xf;
    let mut input = Vec::with_capacity(tag_block.len() + ciphertext.len() + pad + 16);
    input.extend_from_slice(tag_block);
    input.extend_from_slice(ciphertext);
    input.resize(input.len() + pad, 0);
    input.extend_from_slice(&0u64.to_le_bytes());
    input.extend_from_slice(&(64u64 + ciphertext.len() as u64).to_le_bytes());
    let tag = Poly1305::new(GenericArray::from_slice(mac_key)).compute_unpadded(&input);
    // The tag block holds keystream bytes.
    input.zeroize();
    tag.into()
}

/// Compares MACs without stopping at the first difference, so timing tells nothing of the MAC.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::import::test_support::{assert_expected, lines};
    use crate::import::{Format, detect};

    const PLAIN: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/ente-plain/ente-auth-codes-plaintext-2026-01-01.txt"
    );
    const PLAIN_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/ente-plain/expected.txt");
    const SEALED: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/ente-encrypted/ente-auth-codes-2026-01-01.txt"
    );
    const SEALED_PASSWORD: &str =
        include_str!("../../../../tests/fixtures/imports/ente-encrypted/password.txt");
    const SEALED_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/ente-encrypted/expected.txt");

    /// Printed by `make_ente_encrypted.py --message-tag-sample` (PyNaCl: Argon2id at 10 KiB and
    /// one pass, the MESSAGE tag), password "password", with the code the Python calculator gave.
    const MESSAGE_TAG: &str = r#"{"version":1,"kdfParams":{"memLimit":10240,"opsLimit":1,"salt":"/sBL++u0YN48rpC8Rkj4yw=="},"encryptedData":"oqNHRGahgYXLkrwZcqwWbt69KmtuRO8n44xVvICkTa7gF3e2e+WGZEBDsqM1iBA9T39FYPeFgTGI5FyBQuDUOCEyLbLZniQmXRX02iI/w9rVg9JuWC/yVI1AuQ+jrxsj6uIg1zvvUQCqyNMuWhb8E1BwynRr+wQKvqd5pMnjTxC99G+N9hLkGMM89uYxsVRDDxfQJBrhlU8WwE1dVXZQMRRWAidVCtHGdQSFsKjuXj8S9f1swhyOrbMeB6WMAtTcbb6cDCIPvnF2kz/iCYKi4kNWfIl44tHY8YKBggK0EQpIxdfh+Fk6Xoxq7d8VJ+do8zGuut+j/B8RflNrXFnGlmEBPMMMwpJCYRL/ZgYMFkYYAgEz5KH/hJ6CD1fWzDPGg6rGw4YTM0BULUkVTvA32WcSQobM6W7aNUR0AODDpXBbrIchJKNSYG8Rcw+2tYYkHfQtsu0j+2GPSn/Ll/1B8w==","encryptionNonce":"49oAdwUq0P1w4iSBMibu631h5lnFYzyb"}"#;
    const MESSAGE_TAG_EXPECTED: &str = "Example|alice@example.com|Totp|260025";

    fn read(bytes: &[u8], password: Option<&str>) -> Result<Vec<Item>, ReadError> {
        let password = password.map(SecretString::from);
        Ente.read(&Input::new(bytes), password.as_ref(), &mut Vec::new())
    }

    /// The sample with `edit` applied to its JSON.
    fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
        let mut json: Value = serde_json::from_str(MESSAGE_TAG).unwrap();
        edit(&mut json);
        json.to_string().into_bytes()
    }

    #[test]
    fn detects_the_encrypted_export_and_nothing_else() {
        assert!(Ente.detect(&Input::new(SEALED)));
        assert_eq!(detect(&Input::new(SEALED)), Some(Format::Ente));
        for other in [
            &b"{}"[..],
            PLAIN,
            br#"{"version":1,"header":{},"db":{}}"#,
            br#"{"version":1,"kdfParams":{},"encryptedData":""}"#,
            br#"[{"secret":"JBSWY3DPEHPK3PXP","type":"TOTP","label":"a"}]"#,
            &[0u8, 2, 71, 112, 1, 2, 3][..],
        ] {
            assert!(!Ente.detect(&Input::new(other)));
        }
    }

    #[test]
    fn the_plain_export_is_read_as_a_link_list_without_its_trash() {
        let input = Input::new(PLAIN);
        assert_eq!(detect(&input), Some(Format::Otpauth));
        let items = OtpauthList.read(&input, None, &mut Vec::new()).unwrap();
        assert_expected(&items, PLAIN_EXPECTED);
    }

    #[test]
    fn reads_the_encrypted_fixture_with_entes_nominal_key_settings() {
        let items = read(SEALED, Some(SEALED_PASSWORD)).unwrap();
        assert_expected(&items, SEALED_EXPECTED);
    }

    #[test]
    fn reads_a_stream_whose_message_has_the_message_tag() {
        let items = read(MESSAGE_TAG.as_bytes(), Some("password")).unwrap();
        assert_eq!(lines(&items), [MESSAGE_TAG_EXPECTED]);
    }

    #[test]
    fn a_wrong_or_missing_password_is_told_apart() {
        assert!(matches!(
            read(MESSAGE_TAG.as_bytes(), Some("passwore")),
            Err(ReadError::WrongPassword)
        ));
        assert!(matches!(
            read(MESSAGE_TAG.as_bytes(), None),
            Err(ReadError::PasswordNeeded)
        ));
    }

    #[test]
    fn a_changed_byte_of_the_data_fails_the_mac() {
        let mut data = crypto::base64(
            serde_json::from_str::<Value>(MESSAGE_TAG).unwrap()["encryptedData"]
                .as_str()
                .unwrap(),
            "data",
        )
        .unwrap();
        for index in [0, 5, data.len() - 1] {
            data[index] ^= 1;
            let bytes = edited(|json| {
                json["encryptedData"] = data_encoding::BASE64.encode(&data).into();
            });
            assert!(matches!(
                read(&bytes, Some("password")),
                Err(ReadError::WrongPassword)
            ));
            data[index] ^= 1;
        }
    }

    #[test]
    fn key_settings_beyond_the_limits_are_refused_before_any_work() {
        for (mem, ops) in [
            (Value::from(2u64 << 30), Value::from(16)),
            (Value::from(1024), Value::from(1)),
            (Value::from(10240), Value::from(0)),
            (Value::from(10240), Value::from(65)),
            (Value::from(u64::MAX), Value::from(u64::MAX)),
        ] {
            let bytes = edited(|json| {
                json["kdfParams"]["memLimit"] = mem;
                json["kdfParams"]["opsLimit"] = ops;
            });
            // No password: the limits are checked before one is asked for.
            assert!(
                matches!(read(&bytes, None), Err(ReadError::Unsupported(_))),
                "{}",
                String::from_utf8_lossy(&bytes)
            );
        }
        let bytes = edited(|json| json["version"] = 2.into());
        assert!(matches!(read(&bytes, None), Err(ReadError::Unsupported(_))));
    }

    #[test]
    fn damaged_files_say_what_is_wrong() {
        let cases: Vec<Vec<u8>> = vec![
            edited(|json| json["encryptedData"] = "AAAA".into()),
            edited(|json| json["encryptedData"] = "not base64!".into()),
            edited(|json| json["encryptionNonce"] = "AAAA".into()),
            edited(|json| json["kdfParams"]["salt"] = "AAAA".into()),
            edited(|json| json["kdfParams"]["memLimit"] = "10240".into()),
            edited(|json| json["kdfParams"] = Value::Null),
            edited(|json| json["version"] = Value::Null),
            b"[1, 2]".to_vec(),
        ];
        for bytes in cases {
            let result = read(&bytes, Some("password"));
            assert!(
                matches!(result, Err(ReadError::Damaged(ref reason)) if reason.ends_with('.')),
                "{}: {result:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }

    #[test]
    fn an_export_of_no_codes_is_empty_not_damaged() {
        // Printed by the same script: an empty message, tag FINAL, password "password".
        let empty = br#"{"version":1,"kdfParams":{"memLimit":10240,"opsLimit":1,"salt":"hfjvEAAq4hUTqcnbf4fFbg=="},"encryptedData":"9g0gUbRc5Zt6DwaGRoTDGn8=","encryptionNonce":"oBYXIbTmnwYIbwUU0CfQ2pOPxrYEcuu/"}"#;
        assert!(read(empty, Some("password")).unwrap().is_empty());
    }

    #[test]
    fn the_stream_checks_lengths_before_the_mac() {
        let key = [7u8; 32];
        let header = [9u8; HEADER_LEN];
        assert!(matches!(
            secretstream_pull(&key, &header, &[0u8; 17]),
            Err(ReadError::WrongPassword)
        ));
        assert!(matches!(
            secretstream_pull(&key, &header[..23], &[0u8; 17]),
            Err(ReadError::Damaged(_))
        ));
        assert!(matches!(
            secretstream_pull(&key, &header, &[0u8; 16]),
            Err(ReadError::Damaged(_))
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = Ente.detect(&input);
            let _ = read(&bytes, Some("password"));
        }

        #[test]
        fn cut_or_changed_samples_never_panic(
            cut in 0usize..1024,
            at in 0usize..1024,
            byte in any::<u8>(),
        ) {
            // The sample's key settings are cheap, and one changed byte keeps them so.
            let mut bytes = MESSAGE_TAG.as_bytes().to_vec();
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            bytes.truncate(cut);
            let _ = read(&bytes, Some("password"));
            let _ = read(&bytes, None);
        }
    }
}
