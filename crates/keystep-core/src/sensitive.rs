//! Wrappers for secrets. They print as `<redacted>`, have no `Serialize`, and wipe their memory on drop,
//! so a seed cannot reach a log, an error message or the webview by accident.

use std::fmt;

use serde::Deserialize;
use zeroize::{Zeroize, Zeroizing};

/// Secret bytes: an OTP seed or a vault key.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl Default for SecretBytes {
    /// No bytes (an entry whose secret is still to be read).
    fn default() -> Self {
        SecretBytes::new(Vec::new())
    }
}

impl SecretBytes {
    /// Takes ownership of the bytes; they are wiped when this value is dropped.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// The bytes, for the code that needs them (HMAC, AEAD). Do not copy them out.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Secret text typed or pasted by the user (a base32 seed, or an `otpauth://` URI that contains one).
/// It can be deserialized from the UI's request but never serialized back.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<&str> for SecretString {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_secret() {
        let bytes = SecretBytes::new(b"12345678901234567890".to_vec());
        let text = SecretString::new("JBSWY3DPEHPK3PXP");
        assert_eq!(format!("{bytes:?}"), "<redacted>");
        assert_eq!(
            format!("{text:?} {:#?}", Some(&text)),
            "<redacted> Some(\n    <redacted>,\n)"
        );
    }
}
