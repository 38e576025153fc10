//! Reading base32 secrets the way services hand them out: any case, with spaces, dashes or `=` padding.

use data_encoding::{BASE32_NOPAD, DecodeKind};

use crate::error::{Error, Field, Result};
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
                    format!(
                        "character {} is not allowed. A setup key uses only the letters A to Z and the digits 2 to 7. Check for a 0 (zero) instead of O, or 1 (one) instead of I.",
                        index + 1
                    ),
                ));
            }
        }
    }
    if cleaned.is_empty() {
        return Err(Error::bad(
            Field::Secret,
            "it is empty. Copy the setup key (or the setup link) from the service's setup page.",
        ));
    }
    if cleaned.len() > MAX_SECRET_CHARS {
        return Err(Error::bad(
            Field::Secret,
            format!(
                "it is too long ({} characters; at most {MAX_SECRET_CHARS}).",
                cleaned.len()
            ),
        ));
    }
    let mut spec = BASE32_NOPAD.specification();
    spec.check_trailing_bits = false;
    let lenient = spec
        .encoding()
        .map_err(|_| Error::bad(Field::Secret, "it could not be read."))?;
    match lenient.decode(cleaned.as_bytes()) {
        Ok(bytes) => Ok(SecretBytes::new(bytes)),
        Err(e) if e.kind == DecodeKind::Length => Err(Error::bad(
            Field::Secret,
            format!(
                "it has {} characters, which cannot be a complete key. Check that you copied all of it.",
                cleaned.len()
            ),
        )),
        Err(_) => Err(Error::bad(Field::Secret, "it is not a valid base32 key.")),
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
