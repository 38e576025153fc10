//! What Keystep keeps about the person's phone numbers. Nothing here is a secret.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
