//! Accounts: what is stored (with the secret) and what is shown (without it).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Result};
use crate::otp::secret::decode_base32;
use crate::otp::{Algorithm, DEFAULT_DIGITS, DEFAULT_PERIOD_SECS, OtpKind, OtpParams, uri};
use crate::sensitive::{SecretBytes, SecretString};

/// Longest issuer or account name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// One account in the vault. Holds the secret, so it never leaves the core: front ends get [`AccountView`].
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub issuer: String,
    pub name: String,
    pub secret: SecretBytes,
    pub params: OtpParams,
    /// When it was added (Unix seconds).
    pub added_at: u64,
}

/// An account as the UI and `keystep list` show it: no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AccountView {
    pub id: String,
    pub issuer: String,
    pub name: String,
    /// How Keystep names the account to a person: "Issuer (name)", "Issuer" or "name" (see
    /// [`Account::display_name`]). Front ends show this instead of joining the names themselves.
    pub label: String,
    pub kind: OtpKind,
    pub algorithm: Algorithm,
    pub digits: u8,
    /// Seconds per code (time-based accounts).
    #[ts(type = "number")]
    pub period: u64,
    /// The next counter value (HOTP accounts only).
    #[ts(type = "number | null")]
    pub counter: Option<u64>,
}

impl Account {
    /// The view of this account that may leave the core.
    pub fn view(&self) -> AccountView {
        AccountView {
            id: self.id.clone(),
            issuer: self.issuer.clone(),
            name: self.name.clone(),
            label: self.display_name(),
            kind: self.params.kind,
            algorithm: self.params.algorithm,
            digits: self.params.digits,
            period: self.params.period,
            counter: (self.params.kind == OtpKind::Hotp).then_some(self.params.counter),
        }
    }

    /// "Issuer (name)", "Issuer" or "name": how messages refer to the account.
    pub fn display_name(&self) -> String {
        match (self.issuer.is_empty(), self.name.is_empty()) {
            (false, false) => format!("{} ({})", self.issuer, self.name),
            (false, true) => self.issuer.clone(),
            _ => self.name.clone(),
        }
    }

    /// Same secret and same issuer (ignoring case): the same account added twice.
    pub fn is_duplicate_of(&self, issuer: &str, secret: &SecretBytes) -> bool {
        self.secret == *secret && self.issuer.trim().eq_ignore_ascii_case(issuer.trim())
    }
}

/// An account as typed into the "add" form (or built from a URI), before it is checked.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewAccount {
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub name: String,
    /// The base32 secret key as typed; it travels only from the UI to Rust, never back.
    #[ts(type = "string")]
    pub secret: SecretString,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<OtpKind>,
    #[serde(default)]
    #[ts(optional)]
    pub algorithm: Option<Algorithm>,
    #[serde(default)]
    #[ts(optional)]
    pub digits: Option<u8>,
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub period: Option<u64>,
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub counter: Option<u64>,
}

/// A checked account, ready to be stored once it gets an id.
#[derive(Debug)]
pub struct ValidAccount {
    pub issuer: String,
    pub name: String,
    pub secret: SecretBytes,
    pub params: OtpParams,
}

impl NewAccount {
    /// Checks every field; the first problem found is reported with the field's name.
    pub fn validate(&self) -> Result<ValidAccount> {
        let (issuer, name) = clean_names(&self.issuer, &self.name, Field::Name)?;
        let secret = decode_base32(self.secret.expose())?;
        let kind = self.kind.unwrap_or(OtpKind::Totp);
        let params = OtpParams {
            kind,
            algorithm: self.algorithm.unwrap_or_default(),
            digits: self.digits.unwrap_or(DEFAULT_DIGITS),
            period: self.period.unwrap_or(DEFAULT_PERIOD_SECS),
            counter: self.counter.unwrap_or(0),
        }
        .validated()?;
        Ok(ValidAccount {
            issuer,
            name,
            secret,
            params,
        })
    }
}

/// Reads an `otpauth://` URI into a checked account.
pub fn from_uri(text: &str) -> Result<ValidAccount> {
    let parsed = uri::parse(text)?;
    let (issuer, name) = clean_names(&parsed.issuer, &parsed.name, Field::Uri)?;
    Ok(ValidAccount {
        issuer,
        name,
        secret: parsed.secret,
        params: parsed.params,
    })
}

/// Cleans the service and account names; at least one must be left, else the error names `blame`
/// (the form's name field, or the setup link that carried them).
pub fn clean_names(issuer: &str, name: &str, blame: Field) -> Result<(String, String)> {
    let issuer = clean_name(issuer, Field::Issuer)?;
    let name = clean_name(name, Field::Name)?;
    if issuer.is_empty() && name.is_empty() {
        return Err(Error::bad(
            blame,
            crate::error::ReasonKey::NameOrIssuerNeeded,
        ));
    }
    Ok((issuer, name))
}

/// Trims a name and checks its length and characters (no control, direction or invisible characters:
/// see [`crate::names`]).
pub fn clean_name(text: &str, field: Field) -> Result<String> {
    crate::names::clean(text, field, MAX_NAME_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(issuer: &str, name: &str, secret: &str) -> NewAccount {
        NewAccount {
            issuer: issuer.into(),
            name: name.into(),
            secret: secret.into(),
            kind: None,
            algorithm: None,
            digits: None,
            period: None,
            counter: None,
        }
    }

    #[test]
    fn form_defaults_to_totp_sha1_6_digits_30_seconds() {
        let a = form("ID.me", "me@example.com", "jbsw y3dp ehpk 3pxp")
            .validate()
            .unwrap();
        assert_eq!(a.params, OtpParams::default());
        assert_eq!(a.issuer, "ID.me");
    }

    #[test]
    fn form_rejects_missing_names_bad_digits_and_bad_secret_naming_the_field() {
        assert_eq!(
            form("", " ", "JBSWY3DPEHPK3PXP")
                .validate()
                .unwrap_err()
                .code(),
            "input.bad_name"
        );
        let mut f = form("A", "", "JBSWY3DPEHPK3PXP");
        f.digits = Some(11);
        assert_eq!(f.validate().unwrap_err().code(), "input.bad_digits");
        assert_eq!(
            form("A", "", "not base32!").validate().unwrap_err().code(),
            "input.bad_secret"
        );
        assert_eq!(
            form("A\nB", "", "JBSWY3DPEHPK3PXP")
                .validate()
                .unwrap_err()
                .code(),
            "input.bad_issuer"
        );
        assert_eq!(
            form(&"x".repeat(201), "", "JBSWY3DPEHPK3PXP")
                .validate()
                .unwrap_err()
                .code(),
            "input.bad_issuer"
        );
    }

    #[test]
    fn the_view_carries_the_one_display_name_of_the_account() {
        let v = from_uri("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP").unwrap();
        let mut account = Account {
            id: "a".into(),
            issuer: v.issuer,
            name: v.name,
            secret: v.secret,
            params: v.params,
            added_at: 0,
        };
        assert_eq!(account.view().label, "GitHub (alice)");
        account.name.clear();
        assert_eq!(account.view().label, "GitHub");
        account.name = "alice".into();
        account.issuer.clear();
        assert_eq!(account.view().label, "alice");
    }

    #[test]
    fn view_has_no_secret_field() {
        let v = from_uri("otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=3").unwrap();
        let account = Account {
            id: "a".into(),
            issuer: v.issuer,
            name: v.name,
            secret: v.secret,
            params: v.params,
            added_at: 0,
        };
        let json = serde_json::to_string(&account.view()).unwrap();
        assert_eq!(
            json,
            r#"{"id":"a","issuer":"Bank","name":"me","label":"Bank (me)","kind":"hotp","algorithm":"SHA1","digits":6,"period":30,"counter":3}"#
        );
    }
}
