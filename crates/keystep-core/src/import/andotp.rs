//! PLACEHOLDER: being written (issue 12); detects nothing yet.

use super::{Importer, Input, Item, ReadError};
use crate::sensitive::SecretString;

/// PLACEHOLDER.
pub struct AndOtp;

impl Importer for AndOtp {
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
