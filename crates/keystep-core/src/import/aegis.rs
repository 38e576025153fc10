//! PLACEHOLDER: being written (issue 12); detects nothing yet.

use super::{Importer, Input, Item, ReadError};
use crate::sensitive::SecretString;

/// PLACEHOLDER.
pub struct Aegis;

impl Importer for Aegis {
    fn detect(&self, _input: &Input<'_>) -> bool {
        false
    }

    fn read(
        &self,
        _input: &Input<'_>,
        _password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        Err(ReadError::Unsupported("not written yet".into()))
    }
}

/// PLACEHOLDER (replaced by the Aegis writer).
pub struct ExportAccount<'a> {
    pub issuer: &'a str,
    pub name: &'a str,
    pub secret: &'a [u8],
    pub kind: crate::otp::OtpKind,
    pub algorithm: crate::otp::Algorithm,
    pub digits: u8,
    pub period: u64,
    pub counter: u64,
}

/// PLACEHOLDER.
pub fn write(
    _entries: &[ExportAccount<'_>],
    _password: Option<&SecretString>,
) -> crate::error::Result<zeroize::Zeroizing<Vec<u8>>> {
    Err(crate::error::Error::ExportPasswordNeeded)
}
