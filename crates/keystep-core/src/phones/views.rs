//! What the window and `keystep phone list` show of phone numbers.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Phone, PhoneKind, PhoneStatus};
use crate::catalog::Catalog;
use crate::services::{Service, service_name};

/// A phone number, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PhoneView {
    pub id: String,
    pub e164: String,
    pub national: String,
    pub label: String,
    pub kind: PhoneKind,
    pub status: PhoneStatus,
    /// Names of the services that use this number for codes or recovery.
    pub used_by: Vec<String>,
}

/// A number as the window shows it, with the names of the services that use it.
pub fn phone_view(p: &Phone, catalog: &Catalog, services: &[Service]) -> PhoneView {
    PhoneView {
        id: p.id.clone(),
        e164: p.e164.clone(),
        national: super::number::national_of(&p.e164),
        label: p.label.clone(),
        kind: p.kind,
        status: p.status.clone(),
        used_by: services
            .iter()
            .filter(|a| a.code_phones.contains(&p.id) || a.recovery_phones.contains(&p.id))
            .map(|a| service_name(catalog, &a.service))
            .collect(),
    }
}
