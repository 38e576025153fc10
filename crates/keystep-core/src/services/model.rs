//! What Keystep keeps about the services a person signs in to (the IRS, their bank, their email):
//! which numbers each sends codes to, its Keystep code and its backup codes. Nothing here is a secret
//! except backup codes, which live in [`BackupCode`] and are written only inside the encrypted vault.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sensitive::SecretString;

/// Which service a [`Service`] is: one of the catalog, or one the person named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceRef {
    /// A service of the catalog, by id.
    Catalog { id: String },
    /// A service Keystep does not know, with the official domain the person gave.
    Custom { name: String, domain: String },
}

/// A service the person signs in to, and how they get in: the numbers it sends codes to, the Keystep
/// code for it, a security key, backup codes. The window lists these under "Your services".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub service: ServiceRef,
    /// Numbers the service texts or calls with sign-in codes (ids of [`crate::phones::Phone`]s).
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

/// The name the window shows for a service: the catalog's name, or the one the person gave.
pub fn service_name(catalog: &crate::catalog::Catalog, service: &ServiceRef) -> String {
    match service {
        ServiceRef::Catalog { id } => catalog
            .service(id)
            .map_or_else(|| id.clone(), |s| s.name.clone()),
        ServiceRef::Custom { name, .. } => name.clone(),
    }
}
