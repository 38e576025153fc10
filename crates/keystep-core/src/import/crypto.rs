//! The ciphers other apps' encrypted exports share, with the limits that keep a hostile file from
//! making Keystep work for minutes or allocate gigabytes before a password is even checked.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use zeroize::Zeroizing;

use super::ReadError;
use crate::sensitive::SecretString;

/// Opens AES-256-GCM `ciphertext` (its 16-byte tag at the end) with a 12-byte `nonce`. A failed
/// tag means the key is wrong (so the password), or the file was changed: both read as a wrong
/// password, the only one of the two a person can act on.
pub fn aes_gcm_open(
    key: &[u8],
    nonce: &[u8],
    ciphertext: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>, ReadError> {
    if key.len() != 32 || nonce.len() != 12 || ciphertext.len() < 16 {
        return Err(ReadError::damaged(
            "its encryption key, nonce or data has the wrong length.",
        ));
    }
    let cipher = Aes256Gcm::new_from_slice(key)
        .map_err(|_| ReadError::damaged("its encryption key has the wrong length."))?;
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| ReadError::WrongPassword)
}

/// Seals `plaintext` with AES-256-GCM (tag appended), for exports Keystep writes.
pub fn aes_gcm_seal(key: &[u8], nonce: &[u8; 12], plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
    // A 32-byte key always fits and encryption cannot fail for these sizes.
    let Ok(cipher) = Aes256Gcm::new_from_slice(key) else {
        return Vec::new();
    };
    cipher
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap_or_default()
}

/// The password as the apps hash it: its UTF-8 bytes, as typed.
pub fn password_bytes(password: Option<&SecretString>) -> Result<&[u8], ReadError> {
    password
        .map(|p| p.expose().as_bytes())
        .ok_or(ReadError::PasswordNeeded)
}

/// Decodes standard base64 (padded or not) from a file, naming `what` when it is not base64.
pub fn base64(text: &str, what: &str) -> Result<Vec<u8>, ReadError> {
    let trimmed = text.trim().trim_end_matches('=');
    data_encoding::BASE64_NOPAD
        .decode(trimmed.as_bytes())
        .map_err(|_| ReadError::damaged(format!("its {what} is not valid base64.")))
}

/// Decodes hex from a file, naming `what` when it is not hex.
pub fn hex(text: &str, what: &str) -> Result<Vec<u8>, ReadError> {
    data_encoding::HEXLOWER_PERMISSIVE
        .decode(text.trim().as_bytes())
        .map_err(|_| ReadError::damaged(format!("its {what} is not valid hexadecimal.")))
}

/// Decrypted JSON: its strings (the secrets among them) are wiped when it is dropped, since
/// `serde_json::Value` does not wipe them itself.
pub struct WipedJson(pub serde_json::Value);

impl Drop for WipedJson {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

fn wipe(value: &mut serde_json::Value) {
    use serde_json::Value;
    use zeroize::Zeroize;
    match value {
        Value::String(text) => text.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        Value::Object(map) => map.values_mut().for_each(wipe),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
