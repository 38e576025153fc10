//! What the window and `keystep service list` show of services. Backup codes appear only as counts
//! and hints: the codes themselves never leave the core this way.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Service, ServiceRef, service_name};
use crate::catalog::{Catalog, Factor, ServiceKind};

/// A service the person uses, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ServiceView {
    pub id: String,
    pub service: ServiceRef,
    pub service_name: String,
    /// The catalog's kind of service, `other` for custom ones.
    pub kind: ServiceKind,
    /// Sign-in factors the service offers, from the catalog.
    pub factors: Vec<Factor>,
    pub code_phones: Vec<String>,
    pub recovery_phones: Vec<String>,
    pub keystep_account: Option<String>,
    pub security_key: bool,
    pub backup_codes_left: usize,
    pub backup_codes_total: usize,
    /// Codes were saved and at most [`FEW_BACKUP_CODES`] are left unused (none included): time to make
    /// new ones. The window warns on this; it does not count for itself.
    pub backup_codes_low: bool,
}

/// Few enough unused backup codes to warn about.
pub const FEW_BACKUP_CODES: usize = 2;

/// Whether `left` unused codes of `total` saved ones are few enough to warn about.
pub fn backup_codes_low(left: usize, total: usize) -> bool {
    total > 0 && left <= FEW_BACKUP_CODES
}

/// A service as the window shows it: its name and kind from the catalog, counts of its backup codes.
pub fn service_view(a: &Service, catalog: &Catalog) -> ServiceView {
    let service = match &a.service {
        ServiceRef::Catalog { id } => catalog.service(id),
        ServiceRef::Custom { .. } => None,
    };
    let left = a.backup_codes.iter().filter(|b| !b.used).count();
    ServiceView {
        id: a.id.clone(),
        service: a.service.clone(),
        service_name: service_name(catalog, &a.service),
        kind: service.map_or(ServiceKind::Other, |s| s.kind),
        factors: service.map(|s| s.factors.clone()).unwrap_or_default(),
        code_phones: a.code_phones.clone(),
        recovery_phones: a.recovery_phones.clone(),
        keystep_account: a.keystep_account.clone(),
        security_key: a.security_key,
        backup_codes_left: left,
        backup_codes_total: a.backup_codes.len(),
        backup_codes_low: backup_codes_low(left, a.backup_codes.len()),
    }
}

/// A catalog service, for the "add a service" picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatalogServiceView {
    pub id: String,
    pub name: String,
    pub kind: ServiceKind,
    pub domains: Vec<String>,
}

/// Every catalog service, by name.
pub fn catalog_services(catalog: &Catalog) -> Vec<CatalogServiceView> {
    let mut list: Vec<CatalogServiceView> = catalog
        .services
        .iter()
        .map(|s| CatalogServiceView {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: s.kind,
            domains: s.domains.clone(),
        })
        .collect();
    list.sort_by_key(|s| s.name.to_lowercase());
    list
}

/// One backup code as the window lists it: only its last two characters, so the person can match it
/// with the code on paper, and whether it was used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupCodeHint {
    pub index: usize,
    /// `••••-••78`: every letter and digit but the last two hidden; separators kept.
    pub hint: String,
    pub used: bool,
}

/// The hint for one code.
pub fn hint_of(code: &str) -> String {
    let alnum = code.chars().filter(char::is_ascii_alphanumeric).count();
    let mut seen = 0;
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                seen += 1;
                if seen + 2 > alnum { c } else { '•' }
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_codes_are_low_from_two_left_down_to_none_but_not_when_none_were_saved() {
        assert!(
            !backup_codes_low(0, 0),
            "no codes saved: nothing to warn about here"
        );
        assert!(backup_codes_low(0, 10), "all used");
        assert!(backup_codes_low(1, 10));
        assert!(backup_codes_low(2, 10));
        assert!(!backup_codes_low(3, 10));
        assert!(backup_codes_low(2, 2), "only two were ever saved");
    }
}
