//! The vault key and the AEAD (XChaCha20-Poly1305) that seals the payload with it.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::sensitive::SecretBytes;

/// Length of the vault key in bytes (256 bits).
pub const KEY_LEN: usize = 32;
/// Length of an XChaCha20 nonce in bytes: long enough to be chosen at random for every save.
pub const NONCE_LEN: usize = 24;

/// The random 256-bit key that encrypts the vault payload. It lives in the OS keychain, never on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultKey(SecretBytes);

/// The key or the random generator failed; the caller turns this into a user-facing error.
#[derive(Debug, PartialEq, Eq)]
pub struct CryptoFailure;

/// Why sealing failed: the random generator gave no nonce, or the cipher refused the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealFailure {
    Random,
    Cipher,
}

impl VaultKey {
    /// A fresh key from the OS's random generator.
    pub fn generate() -> Result<Self, CryptoFailure> {
        let mut bytes = vec![0u8; KEY_LEN];
        getrandom::fill(&mut bytes).map_err(|_| CryptoFailure)?;
        Ok(Self(SecretBytes::new(bytes)))
    }

    /// A key from bytes read back from the keychain; `None` unless exactly 32 bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Self> {
        let secret = SecretBytes::new(bytes);
        (secret.len() == KEY_LEN).then_some(Self(secret))
    }

    pub fn expose(&self) -> &[u8] {
        self.0.expose()
    }

    fn cipher(&self) -> Result<XChaCha20Poly1305, CryptoFailure> {
        XChaCha20Poly1305::new_from_slice(self.expose()).map_err(|_| CryptoFailure)
    }

    /// Encrypts with a new random nonce; returns (nonce, ciphertext with tag).
    pub fn seal(
        &self,
        plaintext: &[u8],
        aad: &[u8],
    ) -> Result<([u8; NONCE_LEN], Vec<u8>), SealFailure> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| SealFailure::Random)?;
        let sealed = self
            .cipher()
            .map_err(|_| SealFailure::Cipher)?
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| SealFailure::Cipher)?;
        Ok((nonce, sealed))
    }

    /// Decrypts and authenticates; fails for a wrong key, a changed byte, or a different `aad`.
    pub fn open(
        &self,
        nonce: &[u8],
        sealed: &[u8],
        aad: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, CryptoFailure> {
        if nonce.len() != NONCE_LEN {
            return Err(CryptoFailure);
        }
        self.cipher()?
            .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
            .map(Zeroizing::new)
            .map_err(|_| CryptoFailure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_then_open_round_trips_and_a_wrong_key_or_aad_fails() {
        let key = VaultKey::generate().unwrap();
        let (nonce, sealed) = key.seal(b"payload", b"aad").unwrap();
        assert_eq!(
            key.open(&nonce, &sealed, b"aad").unwrap().as_slice(),
            b"payload"
        );
        let other = VaultKey::generate().unwrap();
        assert_eq!(other.open(&nonce, &sealed, b"aad"), Err(CryptoFailure));
        assert_eq!(key.open(&nonce, &sealed, b"other"), Err(CryptoFailure));
        assert_eq!(VaultKey::from_bytes(vec![0; 31]), None);
    }
}
