//! Code generation: HOTP (RFC 4226) is the one primitive; TOTP (RFC 6238) and Steam Guard are HOTP over a
//! time counter with a different rendering.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Sha256, Sha512};

use super::{Algorithm, OtpKind, OtpParams};
use crate::sensitive::SecretBytes;

/// The longest decimal code (and the buffer it is written into).
const MAX_CODE_DIGITS: usize = super::MAX_DIGITS as usize;
const STEAM_ALPHABET: &[u8; 26] = b"23456789BCDFGHJKMNPQRTVWXY";

/// The 31-bit value of RFC 4226's dynamic truncation for one counter value.
pub fn truncated_value(algorithm: Algorithm, secret: &[u8], counter: u64) -> u32 {
    let msg = counter.to_be_bytes();
    match algorithm {
        Algorithm::Sha1 => truncate(&mac::<Hmac<Sha1>>(secret, &msg)),
        Algorithm::Sha256 => truncate(&mac::<Hmac<Sha256>>(secret, &msg)),
        Algorithm::Sha512 => truncate(&mac::<Hmac<Sha512>>(secret, &msg)),
    }
}

fn mac<M: Mac + hmac::digest::KeyInit>(secret: &[u8], msg: &[u8]) -> hmac::digest::Output<M> {
    // HMAC accepts keys of any length, so this cannot fail; an empty fallback keeps it panic-free.
    let mut m = <M as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| <M as hmac::digest::KeyInit>::new(&Default::default()));
    m.update(msg);
    m.finalize().into_bytes()
}

fn truncate(digest: &[u8]) -> u32 {
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let bytes = [
        digest[offset],
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ];
    u32::from_be_bytes(bytes) & 0x7fff_ffff
}

/// The code for `counter` with `digits` decimal digits (6 to 10), zero-padded.
pub fn hotp(algorithm: Algorithm, secret: &[u8], counter: u64, digits: u8) -> String {
    let mut value = u64::from(truncated_value(algorithm, secret, counter));
    // Written by hand: `format!` with zero padding costs as much as a fifth of the HMAC.
    let digits = usize::from(digits).min(MAX_CODE_DIGITS);
    let mut buf = [b'0'; MAX_CODE_DIGITS];
    for slot in buf[..digits].iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
    buf[..digits].iter().map(|&b| char::from(b)).collect()
}

/// A Steam Guard code: 5 characters from Steam's alphabet.
pub fn steam(secret: &[u8], counter: u64) -> String {
    let mut value = truncated_value(Algorithm::Sha1, secret, counter);
    let mut code = String::with_capacity(5);
    for _ in 0..5 {
        code.push(char::from(STEAM_ALPHABET[(value % 26) as usize]));
        value /= 26;
    }
    code
}

/// The time step that contains `unix_secs`.
pub fn time_step(unix_secs: u64, period: u64) -> u64 {
    unix_secs / period.max(1)
}

/// The code of a time-based account (TOTP or Steam) for one time step.
pub fn code_at_step(params: &OtpParams, secret: &SecretBytes, step: u64) -> String {
    match params.kind {
        OtpKind::Steam => steam(secret.expose(), step),
        OtpKind::Totp | OtpKind::Hotp => {
            hotp(params.algorithm, secret.expose(), step, params.digits)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SHA1: &[u8] = b"12345678901234567890";
    const RFC_SHA256: &[u8] = b"12345678901234567890123456789012";
    const RFC_SHA512: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";

    #[test]
    fn rfc4226_appendix_d_vectors() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp(Algorithm::Sha1, RFC_SHA1, counter as u64, 6), *code);
        }
    }

    #[test]
    fn rfc4226_truncated_values() {
        // Appendix D, "Truncated" column (decimal).
        let expected = [1284755224u32, 1094287082, 137359152, 1726969429, 1640338314];
        for (counter, value) in expected.iter().enumerate() {
            assert_eq!(
                truncated_value(Algorithm::Sha1, RFC_SHA1, counter as u64),
                *value
            );
        }
    }

    #[test]
    fn rfc6238_appendix_b_vectors_for_all_three_algorithms() {
        let table: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (time, sha1, sha256, sha512) in table {
            let step = time_step(time, 30);
            assert_eq!(
                hotp(Algorithm::Sha1, RFC_SHA1, step, 8),
                sha1,
                "SHA1 at {time}"
            );
            assert_eq!(
                hotp(Algorithm::Sha256, RFC_SHA256, step, 8),
                sha256,
                "SHA256 at {time}"
            );
            assert_eq!(
                hotp(Algorithm::Sha512, RFC_SHA512, step, 8),
                sha512,
                "SHA512 at {time}"
            );
        }
    }

    #[test]
    fn ten_digit_codes_keep_the_leading_zeroes() {
        // 1284755224 is the RFC 4226 truncated value for counter 0: all 10 digits show.
        assert_eq!(hotp(Algorithm::Sha1, RFC_SHA1, 0, 10), "1284755224");
        // 137359152 has 9 digits: the 10-digit code pads it.
        assert_eq!(hotp(Algorithm::Sha1, RFC_SHA1, 2, 10), "0137359152");
    }

    #[test]
    fn steam_codes_use_steams_alphabet() {
        let code = steam(RFC_SHA1, 1);
        assert_eq!(code.len(), 5);
        assert!(code.bytes().all(|b| STEAM_ALPHABET.contains(&b)), "{code}");
    }
}
