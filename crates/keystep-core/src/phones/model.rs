//! What Keystep keeps about phone numbers and the accounts that use them. Nothing here is a secret
//! except backup codes, which live in [`BackupCode`] and are written only inside the encrypted vault.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sensitive::SecretString;

/// What kind of line a number is; internet numbers are refused by some services for codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PhoneKind {
    Mobile,
    Landline,
    /// An internet (VoIP) number such as Google Voice.
    Voip,
}

/// Whether a number still reaches the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum PhoneStatus {
    InUse,
    /// The number stops working on this date (YYYY-MM-DD).
    Leaving {
        on: String,
    },
    /// The number no longer reaches the person.
    Gone,
}

/// One phone number the person has (or had).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    pub id: String,
    /// `+12025550143`
    pub e164: String,
    pub label: String,
    pub kind: PhoneKind,
    pub status: PhoneStatus,
    #[serde(default)]
    pub added_at_ms: u64,
}

/// Which service an entry of "my accounts" is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceRef {
    /// A service of the catalog, by id.
    Catalog { id: String },
    /// A service Keystep does not know, with the official domain the person gave.
    Custom { name: String, domain: String },
}

/// One account the person has with a service, and how they get into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAccount {
    pub id: String,
    pub service: ServiceRef,
    /// Numbers the service texts or calls with sign-in codes (ids of [`Phone`]s).
    #[serde(default)]
    pub code_phones: Vec<String>,
    /// Numbers the service keeps for recovery or contact.
    #[serde(default)]
    pub recovery_phones: Vec<String>,
    /// The Keystep code account linked to this service, confirmed by the person.
    #[serde(default)]
    pub keystep_account: Option<String>,
    /// A security key or passkey is set up.
    #[serde(default)]
    pub security_key: bool,
    /// Written by the vault module into its own encrypted field, never by this derive.
    #[serde(skip)]
    pub backup_codes: Vec<BackupCode>,
    #[serde(default)]
    pub added_at_ms: u64,
}

/// One backup (recovery) code. Only the vault module turns it into text, inside the encryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupCode {
    pub code: SecretString,
    pub used: bool,
}
