//! Reading base32 secrets the way services hand them out: any case, with spaces, dashes or `=` padding.

use data_encoding::{BASE32_NOPAD, DecodeKind};

use crate::error::{Error, Field, ReasonKey, Result};
use crate::sensitive::SecretBytes;

/// Secrets longer than this (in base32 characters) are refused: real ones are 16 to 128.
pub const MAX_SECRET_CHARS: usize = 1024;

/// Decodes a base32 seed. Errors name the position of the problem, never the secret itself.
pub fn decode_base32(text: &str) -> Result<SecretBytes> {
    let mut cleaned = zeroize::Zeroizing::new(String::with_capacity(text.len()));
    for (index, ch) in text.chars().enumerate() {
        match ch {
            ' ' | '\t' | '\n' | '\r' | '-' => {}
            '=' => {}
            'a'..='z' | 'A'..='Z' | '2'..='7' => cleaned.push(ch.to_ascii_uppercase()),
            _ => {
                return Err(Error::bad(
                    Field::Secret,
                    ReasonKey::SecretBadChar.with("position", index + 1),
                ));
            }
        }
    }
    if cleaned.is_empty() {
        return Err(Error::bad(Field::Secret, ReasonKey::SecretEmpty));
    }
    if cleaned.len() > MAX_SECRET_CHARS {
        return Err(Error::bad(
            Field::Secret,
            ReasonKey::SecretTooLong
                .with("count", cleaned.len())
                .with("max", MAX_SECRET_CHARS),
        ));
    }
    let mut spec = BASE32_NOPAD.specification();
    spec.check_trailing_bits = false;
    let lenient = spec
        .encoding()
        .map_err(|_| Error::bad(Field::Secret, ReasonKey::SecretUnreadable))?;
    match lenient.decode(cleaned.as_bytes()) {
        Ok(bytes) => Ok(SecretBytes::new(bytes)),
        Err(e) if e.kind == DecodeKind::Length => Err(Error::bad(
            Field::Secret,
            ReasonKey::SecretIncomplete.with("count", cleaned.len()),
        )),
        Err(_) => Err(Error::bad(Field::Secret, ReasonKey::SecretNotBase32)),
    }
}

/// Encodes a seed as upper-case base32 without padding (the vault and `otpauth://` form).
pub fn encode_base32(secret: &SecretBytes) -> zeroize::Zeroizing<String> {
    zeroize::Zeroizing::new(BASE32_NOPAD.encode(secret.expose()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lower_case_spaces_dashes_and_padding() {
        let plain = decode_base32("JBSWY3DPEHPK3PXP").unwrap();
        for variant in [
            "jbswy3dpehpk3pxp",
            "JBSW Y3DP EHPK 3PXP",
            "jbsw-y3dp-ehpk-3pxp",
            "JBSWY3DPEHPK3PXP====",
        ] {
            assert_eq!(decode_base32(variant).unwrap(), plain, "{variant}");
        }
    }

    #[test]
    fn accepts_an_80_bit_secret() {
        assert_eq!(decode_base32("JBSWY3DPEHPK3PXP").unwrap().len(), 10);
    }

    #[test]
    fn rejects_secret_with_invalid_base32_character_naming_its_position_only() {
        let err = decode_base32("JBSWY3DPEHPK3PX1").unwrap_err();
        assert_eq!(err.code(), "input.bad_secret");
        let msg = err.to_string();
        assert!(msg.contains("character 16"), "{msg}");
        assert!(!msg.contains("JBSWY"), "{msg}");
    }

    #[test]
    fn rejects_empty_and_truncated_secrets() {
        assert_eq!(decode_base32("  ").unwrap_err().code(), "input.bad_secret");
        let err = decode_base32("JBSWY3").unwrap_err();
        assert!(err.to_string().contains("6 characters"), "{err}");
    }

    #[test]
    fn round_trips_through_encode() {
        let s = decode_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
        assert_eq!(
            encode_base32(&s).as_str(),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
    }
}
