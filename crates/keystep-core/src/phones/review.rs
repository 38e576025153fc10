//! The risk review: what could lock the person out, most serious first, each with what to do.

use serde::Serialize;
use ts_rs::TS;

use super::model::{MyAccount, Phone, PhoneKind, PhoneStatus, ServiceRef};
use crate::catalog::{Catalog, Factor, ServiceKind, VoipPolicy};

/// How serious a finding is; the review lists the most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// Codes go to a number that no longer reaches you.
    Urgent,
    High,
    Medium,
    Low,
}

/// Where to go to fix a finding: a Keystep guide, or an official page of the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Fix {
    Guide {
        id: String,
        title: String,
    },
    Page {
        service: String,
        page: String,
        title: String,
    },
    /// Something to do in Keystep itself (add a number, a code, backup codes).
    InKeystep,
}

/// One finding of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RiskItem {
    pub severity: Severity,
    /// Stable code: `gone_number`, `leaving_number`, `only_one_phone`, `voip_refused`,
    /// `weak_email_recovery`, `no_backup_codes`.
    pub code: String,
    /// The "my accounts" entry it is about.
    pub account: String,
    pub service_name: String,
    /// The number it is about, in national format, if any.
    pub phone: Option<String>,
    /// What is wrong, in one or two plain sentences.
    pub message: String,
    /// What to do about it.
    pub action: String,
    pub fix: Fix,
}

/// The display name of a "my accounts" entry.
pub fn service_name(catalog: &Catalog, service: &ServiceRef) -> String {
    match service {
        ServiceRef::Catalog { id } => catalog
            .service(id)
            .map_or_else(|| id.clone(), |s| s.name.clone()),
        ServiceRef::Custom { name, .. } => name.clone(),
    }
}

/// Reviews every account against the numbers they use. `today` is YYYY-MM-DD.
pub fn review(
    catalog: &Catalog,
    phones: &[Phone],
    accounts: &[MyAccount],
    today: &str,
) -> Vec<RiskItem> {
    let mut items = Vec::new();
    let phone = |id: &str| phones.iter().find(|p| p.id == id);
    for a in accounts {
        let name = service_name(catalog, &a.service);
        let service = match &a.service {
            ServiceRef::Catalog { id } => catalog.service(id),
            ServiceRef::Custom { .. } => None,
        };
        let page = |preferred: &[&str]| -> Fix {
            service
                .and_then(|s| {
                    preferred.iter().find_map(|p| s.page(p)).map(|p| Fix::Page {
                        service: s.id.clone(),
                        page: p.id.clone(),
                        title: p.title.clone(),
                    })
                })
                .unwrap_or(Fix::InKeystep)
        };
        let mut item = |severity,
                        code: &str,
                        phone: Option<&Phone>,
                        message: String,
                        action: String,
                        fix: Fix| {
            items.push(RiskItem {
                severity,
                code: code.into(),
                account: a.id.clone(),
                service_name: name.clone(),
                phone: phone.map(|p| super::number::national_of(&p.e164)),
                message,
                action,
                fix,
            });
        };
        let all_phones: Vec<&Phone> = a
            .code_phones
            .iter()
            .chain(&a.recovery_phones)
            .filter_map(|id| phone(id))
            .collect();
        let mut seen = Vec::new();
        for p in all_phones {
            if seen.contains(&p.id) {
                continue;
            }
            seen.push(p.id.clone());
            let number = super::number::national_of(&p.e164);
            match &p.status {
                PhoneStatus::Gone => item(
                    Severity::Urgent,
                    "gone_number",
                    Some(p),
                    format!(
                        "{name} still has {number}, a number you no longer have. Codes sent there will not reach you."
                    ),
                    format!(
                        "Sign in to {name} now, while you still can, and replace {number} with a number you have."
                    ),
                    page(crate::phones::PHONE_PAGES),
                ),
                PhoneStatus::Leaving { on } => item(
                    if on.as_str() <= today {
                        Severity::Urgent
                    } else {
                        Severity::High
                    },
                    "leaving_number",
                    Some(p),
                    format!("{name} uses {number}, which stops working on {on}."),
                    format!(
                        "Add your new number to {name} before {on}, then remove {number}. The change-number planner makes a checklist."
                    ),
                    page(crate::phones::PHONE_PAGES),
                ),
                PhoneStatus::InUse => {}
            }
        }
        let code_numbers: Vec<&Phone> = a.code_phones.iter().filter_map(|id| phone(id)).collect();
        let other_ways =
            a.keystep_account.is_some() || a.security_key || a.backup_codes.iter().any(|b| !b.used);
        if code_numbers.len() == 1 && !other_ways {
            let only = code_numbers[0];
            let offers_app = service.is_some_and(|s| s.factors.contains(&Factor::Totp));
            item(
                Severity::High,
                "only_one_phone",
                Some(only),
                format!(
                    "The only way into {name} after your password is a code sent to {}. If you lose that phone or number, you are locked out.",
                    super::number::national_of(&only.e164)
                ),
                if offers_app {
                    format!(
                        "Set up an authenticator app for {name} and add it to Keystep, or save backup codes."
                    )
                } else {
                    format!(
                        "Add a second way in to {name}: another number, backup codes, or a security key."
                    )
                },
                if service.is_some_and(|s| s.id == "idme") {
                    Fix::Guide {
                        id: "idme-authenticator".into(),
                        title: "Set up a code generator on ID.me".into(),
                    }
                } else {
                    page(&["security", "phone", "sign_in"])
                },
            );
        }
        if let Some(s) = service.filter(|s| s.voip == VoipPolicy::NotAccepted) {
            for p in code_numbers.iter().filter(|p| p.kind == PhoneKind::Voip) {
                item(
                    Severity::Medium,
                    "voip_refused",
                    Some(p),
                    format!(
                        "{} does not send codes to internet numbers such as {}. Your codes may never arrive.",
                        s.name,
                        super::number::national_of(&p.e164)
                    ),
                    format!("Give {} a mobile number, or set up another way in.", s.name),
                    page(crate::phones::PHONE_PAGES),
                );
            }
        }
        let is_email = service.is_some_and(|s| s.kind == ServiceKind::Email);
        let strong =
            a.keystep_account.is_some() || a.security_key || a.backup_codes.iter().any(|b| !b.used);
        if is_email && accounts.len() > 1 && !strong {
            item(
                Severity::Medium,
                "weak_email_recovery",
                None,
                format!(
                    "Your {name} email can reset the passwords of your other accounts, but it is protected only by a password{}.",
                    if a.code_phones.is_empty() {
                        ""
                    } else {
                        " and a text message"
                    }
                ),
                format!(
                    "Give {name} a stronger second step: an authenticator app in Keystep, a security key, or backup codes."
                ),
                page(&["security", "sign_in"]),
            );
        }
        let offers_backup = service.is_some_and(|s| s.factors.contains(&Factor::BackupCodes));
        let unused = a.backup_codes.iter().filter(|b| !b.used).count();
        if offers_backup && unused == 0 {
            item(
                Severity::Low,
                "no_backup_codes",
                None,
                format!("{name} offers backup codes, and none are saved in Keystep."),
                format!(
                    "Make backup codes on {name} and paste them into Keystep. They get you in when no code arrives."
                ),
                page(&["security", "help", "sign_in"]),
            );
        }
    }
    items.sort_by_key(|a| a.severity);
    items
}
