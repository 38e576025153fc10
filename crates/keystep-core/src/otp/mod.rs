//! One-time codes: the parameters of an account ([`OtpParams`]), generation ([`generate`]), and the
//! `otpauth://` URI format ([`uri`]).

pub mod generate;
pub mod secret;
pub mod uri;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Result};

/// The kind of one-time code an account produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum OtpKind {
    /// Time-based (RFC 6238): a new code every period.
    Totp,
    /// Counter-based (RFC 4226): a new code each time one is asked for.
    Hotp,
    /// Steam Guard: time-based, 5 characters from Steam's alphabet.
    Steam,
}

impl OtpKind {
    /// Parses the type as written in URIs and forms (`totp`, `hotp`, `steam`), any case.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "totp" => Ok(OtpKind::Totp),
            "hotp" => Ok(OtpKind::Hotp),
            "steam" => Ok(OtpKind::Steam),
            _ => Err(Error::bad(
                Field::Kind,
                crate::error::ReasonKey::KindUnknown,
            )),
        }
    }
}

/// The HMAC hash function of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "UPPERCASE")]
#[ts(export)]
pub enum Algorithm {
    #[default]
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    /// Parses `SHA1`, `sha-256`, `SHA512` and the like.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_uppercase().replace('-', "").as_str() {
            "SHA1" => Ok(Algorithm::Sha1),
            "SHA256" => Ok(Algorithm::Sha256),
            "SHA512" => Ok(Algorithm::Sha512),
            _ => Err(Error::bad(
                Field::Algorithm,
                crate::error::ReasonKey::AlgorithmUnknown,
            )),
        }
    }

    /// The name used in `otpauth://` URIs.
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "SHA1",
            Algorithm::Sha256 => "SHA256",
            Algorithm::Sha512 => "SHA512",
        }
    }
}

/// A time-based account whose service is exactly "Steam" makes Steam Guard codes: Steam's own setup
/// link and steamguard-cli's export are plain `otpauth://totp/` links with `issuer=Steam`, and
/// FreeOTP and Aegis read them as Steam too. (A 6-digit code is refused by Steam.)
pub fn steam_by_issuer(kind: OtpKind, issuer: &str) -> OtpKind {
    if kind == OtpKind::Totp && issuer.trim() == "Steam" {
        OtpKind::Steam
    } else {
        kind
    }
}

/// Default number of digits of TOTP and HOTP codes.
pub const DEFAULT_DIGITS: u8 = 6;
/// Default time step of TOTP codes, in seconds.
pub const DEFAULT_PERIOD_SECS: u64 = 30;
/// Steam Guard codes always have this many characters.
pub const STEAM_DIGITS: u8 = 5;
/// The fewest digits a code may have (RFC 4226 asks for at least 6).
pub const MIN_DIGITS: u8 = 6;
/// The most digits a code may have (what an HOTP value of 31 bits can fill).
pub const MAX_DIGITS: u8 = 10;
/// Above this many seconds left, the next code is not shown yet.
pub const NEXT_CODE_SHOWN_BELOW_SECS: u64 = 10;
/// The next code is handed to the window this much before it is shown, so the window already holds it
/// when its own countdown reaches 10 s: a request for codes takes time and may wait on the vault.
pub const NEXT_CODE_SENT_AHEAD_MS: u64 = 2_000;

/// Everything needed to generate codes for one account, except the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpParams {
    pub kind: OtpKind,
    pub algorithm: Algorithm,
    pub digits: u8,
    /// Time step in seconds (TOTP and Steam).
    pub period: u64,
    /// The next counter value (HOTP).
    pub counter: u64,
}

impl Default for OtpParams {
    fn default() -> Self {
        Self {
            kind: OtpKind::Totp,
            algorithm: Algorithm::Sha1,
            digits: DEFAULT_DIGITS,
            period: DEFAULT_PERIOD_SECS,
            counter: 0,
        }
    }
}

impl OtpParams {
    /// Checks digits and period for the kind, and fixes what Steam dictates.
    pub fn validated(mut self) -> Result<Self> {
        if self.kind == OtpKind::Steam {
            self.digits = STEAM_DIGITS;
            self.algorithm = Algorithm::Sha1;
        } else if !(MIN_DIGITS..=MAX_DIGITS).contains(&self.digits) {
            return Err(Error::bad(
                Field::Digits,
                crate::error::ReasonKey::DigitsRange
                    .with("min", MIN_DIGITS)
                    .with("max", MAX_DIGITS)
                    .with("digits", self.digits),
            ));
        }
        if self.period == 0 {
            return Err(Error::bad(
                Field::Period,
                crate::error::ReasonKey::PeriodZero,
            ));
        }
        Ok(self)
    }
}

/// A code as the UI shows it: never the secret, only the code and when it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CodeView {
    /// The account's id.
    pub id: String,
    /// The current code, or none for a counter (HOTP) account that has not asked for one.
    pub code: Option<String>,
    /// The code after this one, given only when fewer than 12 seconds remain (the window shows it in the
    /// last 10).
    pub next_code: Option<String>,
    /// When the current code became valid (Unix milliseconds); none for HOTP.
    #[ts(type = "number | null")]
    pub valid_from_ms: Option<u64>,
    /// When the current code stops being valid (Unix milliseconds); none for HOTP.
    #[ts(type = "number | null")]
    pub valid_until_ms: Option<u64>,
}
