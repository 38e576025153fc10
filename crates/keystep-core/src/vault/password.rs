//! The password slot: the vault key wrapped (XChaCha20-Poly1305) under a key derived from the recovery
//! password with Argon2id. With it a vault or a backup opens on a computer whose keychain never held
//! the key. The format is in `docs/vault-format.md`.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use data_encoding::BASE64;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::crypto::{KEY_LEN, VaultKey};
use crate::sensitive::SecretString;

/// The only key derivation function of password slots.
pub const KDF: &str = "argon2id";
/// Argon2 version 1.3 (0x13), the one every library implements.
pub const ARGON2_VERSION: u32 = 0x13;
/// Least memory a slot may ask for: 64 MiB makes guessing on graphics cards expensive.
pub const MIN_MEMORY_KIB: u32 = 64 * 1024;
/// Most memory a slot may ask for: a damaged or hostile file must not make Keystep allocate gigabytes.
pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
/// Most iterations a slot may ask for (a file must not make opening take hours).
pub const MAX_ITERATIONS: u32 = 64;
/// Length of the salt in bytes.
pub const SALT_LEN: usize = 16;
/// How long deriving should take on the computer that sets the password: long for a guesser, short
/// enough for a person.
pub const TARGET_DERIVE: Duration = Duration::from_millis(750);

/// Argon2id's cost settings, stored in the slot so that any later Keystep derives the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// The least a slot may use; tests use it to stay fast.
    pub const MINIMUM: KdfParams = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
}

/// A password slot as stored in the envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordSlot {
    pub kdf: String,
    pub argon2_version: u32,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Base64 of the 16-byte salt.
    pub salt: String,
    /// Base64 of the 24-byte nonce of the wrapped key.
    pub nonce: String,
    /// Base64 of the vault key sealed under the password's key, with its tag.
    pub wrapped_key: String,
}

/// Why a password slot did not give the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnwrapFailure {
    /// The password is not the one the slot was made with (or the slot was changed).
    WrongPassword,
    /// The slot is not one Keystep can use: the reason, for the "damaged file" message.
    Unusable(String),
}

/// Why a slot could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrapFailure {
    Random,
    Cipher,
}

impl PasswordSlot {
    /// Wraps `key` for the vault `vault_id` under `password`, with a new salt and nonce.
    pub fn wrap(
        vault_id: &str,
        password: &SecretString,
        key: &VaultKey,
        params: KdfParams,
    ) -> Result<Self, WrapFailure> {
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|_| WrapFailure::Random)?;
        let mut slot = PasswordSlot {
            kdf: KDF.into(),
            argon2_version: ARGON2_VERSION,
            memory_kib: params.memory_kib,
            iterations: params.iterations,
            parallelism: params.parallelism,
            salt: BASE64.encode(&salt),
            nonce: String::new(),
            wrapped_key: String::new(),
        };
        let kek = derive(password, &salt, params).map_err(|_| WrapFailure::Cipher)?;
        let (nonce, sealed) = kek
            .seal(key.expose(), &slot.associated_data(vault_id))
            .map_err(|f| match f {
                super::SealFailure::Random => WrapFailure::Random,
                super::SealFailure::Cipher => WrapFailure::Cipher,
            })?;
        slot.nonce = BASE64.encode(&nonce);
        slot.wrapped_key = BASE64.encode(&sealed);
        Ok(slot)
    }

    /// The vault key, if `password` is the slot's password. Slot settings outside the limits above
    /// are refused before any memory is asked for.
    pub fn unwrap_key(
        &self,
        vault_id: &str,
        password: &SecretString,
    ) -> Result<VaultKey, UnwrapFailure> {
        let params = self.params()?;
        let unusable = |what: &str| UnwrapFailure::Unusable(what.into());
        let salt = BASE64
            .decode(self.salt.as_bytes())
            .map_err(|_| unusable("its password slot's salt is not base64"))?;
        if salt.len() != SALT_LEN {
            return Err(unusable("its password slot's salt has the wrong length"));
        }
        let nonce = BASE64
            .decode(self.nonce.as_bytes())
            .map_err(|_| unusable("its password slot's nonce is not base64"))?;
        if nonce.len() != super::crypto::NONCE_LEN {
            return Err(unusable("its password slot's nonce has the wrong length"));
        }
        let sealed = BASE64
            .decode(self.wrapped_key.as_bytes())
            .map_err(|_| unusable("its password slot's key is not base64"))?;
        let kek = derive(password, &salt, params)
            .map_err(|_| unusable("its password slot has settings Argon2 refuses"))?;
        let plain = kek
            .open(&nonce, &sealed, &self.associated_data(vault_id))
            .map_err(|_| UnwrapFailure::WrongPassword)?;
        VaultKey::from_bytes(plain.to_vec()).ok_or(UnwrapFailure::WrongPassword)
    }

    /// The slot's cost settings, refused when outside what Keystep writes.
    pub fn params(&self) -> Result<KdfParams, UnwrapFailure> {
        let unusable = |what: String| Err(UnwrapFailure::Unusable(what));
        if self.kdf != KDF {
            return unusable(format!(
                "its password slot uses an unknown method \"{}\"",
                self.kdf
            ));
        }
        if self.argon2_version != ARGON2_VERSION {
            return unusable("its password slot uses an unknown Argon2 version".into());
        }
        if !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            || !(1..=MAX_ITERATIONS).contains(&self.iterations)
            || self.parallelism != 1
        {
            return unusable("its password slot has settings outside what Keystep writes".into());
        }
        Ok(KdfParams {
            memory_kib: self.memory_kib,
            iterations: self.iterations,
            parallelism: self.parallelism,
        })
    }

    /// What the wrapped key is bound to: the vault id and every setting of the slot, so that a slot
    /// moved to another vault or with a changed setting does not open.
    fn associated_data(&self, vault_id: &str) -> Vec<u8> {
        format!(
            "keystep-vault/password-slot/{vault_id}/{}/v={}/m={}/t={}/p={}/salt={}",
            self.kdf,
            self.argon2_version,
            self.memory_kib,
            self.iterations,
            self.parallelism,
            self.salt
        )
        .into_bytes()
    }
}

/// The key-encryption key: Argon2id of the password in Unicode NFC form (so "é" typed as one character
/// or as "e" and an accent is the same password), as UTF-8, nothing trimmed.
fn derive(
    password: &SecretString,
    salt: &[u8],
    params: KdfParams,
) -> Result<VaultKey, argon2::Error> {
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            Some(KEY_LEN),
        )?,
    );
    let mut out = Zeroizing::new(vec![0u8; KEY_LEN]);
    let normalized: Zeroizing<String> = Zeroizing::new(password.expose().nfc().collect());
    argon.hash_password_into(normalized.as_bytes(), salt, &mut out)?;
    VaultKey::from_bytes(out.to_vec()).ok_or(argon2::Error::OutputTooShort)
}

/// Chooses the iterations for this computer: at 64 MiB, as many as fit in [`TARGET_DERIVE`] (at
/// least 1). One pass is measured over a two-pass derivation (a single pass also pays for the first
/// touch of 64 MiB, which made the choice too low). Returns the settings and the expected time.
pub fn calibrate() -> (KdfParams, Duration) {
    let probe = SecretString::new("keystep calibration");
    let salt = [0u8; SALT_LEN];
    let two = KdfParams {
        iterations: 2,
        ..KdfParams::MINIMUM
    };
    let started = Instant::now();
    let _ = derive(&probe, &salt, two);
    let one = (started.elapsed() / 2).max(Duration::from_millis(1));
    let iterations = (TARGET_DERIVE.as_micros() / one.as_micros().max(1)).clamp(1, 16);
    let iterations = u32::try_from(iterations).unwrap_or(1);
    let params = KdfParams {
        iterations,
        ..KdfParams::MINIMUM
    };
    (params, one * iterations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pw(s: &str) -> SecretString {
        SecretString::new(s)
    }

    #[test]
    fn the_right_password_unwraps_the_key_and_a_wrong_one_does_not() {
        let key = VaultKey::generate().unwrap();
        let slot =
            PasswordSlot::wrap("vid", &pw("correct horse"), &key, KdfParams::MINIMUM).unwrap();
        assert_eq!(slot.unwrap_key("vid", &pw("correct horse")).unwrap(), key);
        assert_eq!(
            slot.unwrap_key("vid", &pw("correct horsE")),
            Err(UnwrapFailure::WrongPassword)
        );
        assert_eq!(
            slot.unwrap_key("other-vault", &pw("correct horse")),
            Err(UnwrapFailure::WrongPassword),
            "a slot moved to another vault must not open"
        );
    }

    #[test]
    fn changed_slot_settings_do_not_open_and_hostile_ones_are_refused_before_deriving() {
        let key = VaultKey::generate().unwrap();
        let slot = PasswordSlot::wrap("vid", &pw("pw"), &key, KdfParams::MINIMUM).unwrap();
        let mut more = slot.clone();
        more.iterations = 2;
        assert_eq!(
            more.unwrap_key("vid", &pw("pw")),
            Err(UnwrapFailure::WrongPassword)
        );
        for change in [
            |s: &mut PasswordSlot| s.memory_kib = u32::MAX,
            |s: &mut PasswordSlot| s.memory_kib = 8,
            |s: &mut PasswordSlot| s.iterations = 0,
            |s: &mut PasswordSlot| s.iterations = 1_000_000,
            |s: &mut PasswordSlot| s.parallelism = 4,
            |s: &mut PasswordSlot| s.kdf = "scrypt".into(),
            |s: &mut PasswordSlot| s.argon2_version = 0x10,
            |s: &mut PasswordSlot| s.salt = "not base64!".into(),
            |s: &mut PasswordSlot| s.salt = BASE64.encode(b"short"),
        ] {
            let mut bad = slot.clone();
            change(&mut bad);
            assert!(
                matches!(
                    bad.unwrap_key("vid", &pw("pw")),
                    Err(UnwrapFailure::Unusable(_))
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_password_opens_however_its_accents_were_typed() {
        let key = VaultKey::generate().unwrap();
        let slot =
            PasswordSlot::wrap("vid", &pw("caf\u{e9} au lait"), &key, KdfParams::MINIMUM).unwrap();
        assert_eq!(
            slot.unwrap_key("vid", &pw("cafe\u{301} au lait")).unwrap(),
            key
        );
    }

    #[test]
    fn a_slot_never_holds_the_password_or_the_key() {
        let key = VaultKey::generate().unwrap();
        let slot =
            PasswordSlot::wrap("vid", &pw("my secret words"), &key, KdfParams::MINIMUM).unwrap();
        let json = serde_json::to_string(&slot).unwrap();
        assert!(!json.contains("my secret words"));
        assert!(!json.contains(&BASE64.encode(key.expose())));
    }
}
