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
        let unused_backup_codes = a.backup_codes.iter().filter(|b| !b.used).count();
        // A way in that no phone number can take away.
        let other_ways = a.keystep_account.is_some() || a.security_key || unused_backup_codes > 0;
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
                service
                    .filter(|s| s.id == "idme")
                    .and_then(|_| bundled_guide_fix("idme-authenticator"))
                    .unwrap_or_else(|| page(&["security", "phone", "sign_in"])),
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
        if is_email && accounts.len() > 1 && !other_ways {
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
        if offers_backup && unused_backup_codes == 0 {
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

/// A fix that opens a bundled guide, titled as the guide is today (a title written here would go stale
/// when the guide is renamed).
fn bundled_guide_fix(id: &str) -> Option<Fix> {
    crate::guides::library::bundled_cached()
        .iter()
        .find(|g| g.id == id)
        .map(|g| Fix::Guide {
            id: g.id.clone(),
            title: g.title.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phones::model::BackupCode;
    use crate::sensitive::SecretString;

    /// A small catalog with one service of each relevant shape, so every rule can be reached.
    fn catalog() -> Catalog {
        Catalog::parse(
            r#"
            [[service]]
            id = "mail"
            name = "Mail"
            kind = "email"
            domains = ["mail.example"]
            brands = ["mail"]
            factors = ["sms", "totp", "backup_codes"]
            [[service.pages]]
            id = "sign_in"
            title = "Sign in"
            url = "https://mail.example/"
            [[service.sources]]
            url = "https://mail.example/help"
            checked = "2026-11-26"

            [[service]]
            id = "bank"
            name = "Bank"
            kind = "bank"
            domains = ["bank.example"]
            brands = ["bank"]
            factors = ["sms"]
            voip = "not_accepted"
            [[service.pages]]
            id = "sign_in"
            title = "Sign in"
            url = "https://bank.example/"
            [[service.pages]]
            id = "phone"
            title = "Phone settings"
            url = "https://bank.example/phone"
            [[service.sources]]
            url = "https://bank.example/help"
            checked = "2026-11-26"
            "#,
        )
        .unwrap()
    }

    fn phone(id: &str, kind: PhoneKind, status: PhoneStatus) -> Phone {
        let last = 10 + id.len();
        Phone {
            id: id.into(),
            e164: format!("+120255501{last:02}"),
            label: id.into(),
            kind,
            status,
            added_at_ms: 0,
        }
    }

    fn account(id: &str, service: &str, code: &[&str], recovery: &[&str]) -> MyAccount {
        MyAccount {
            id: id.into(),
            service: ServiceRef::Catalog { id: service.into() },
            code_phones: code.iter().map(|s| s.to_string()).collect(),
            recovery_phones: recovery.iter().map(|s| s.to_string()).collect(),
            keystep_account: None,
            security_key: false,
            backup_codes: Vec::new(),
            added_at_ms: 0,
        }
    }

    fn codes(items: &[RiskItem]) -> Vec<(&str, &str)> {
        items
            .iter()
            .map(|i| (i.account.as_str(), i.code.as_str()))
            .collect()
    }

    #[test]
    fn each_scenario_gives_exactly_its_findings_in_order_of_seriousness() {
        let cat = catalog();
        let mobile = || phone("m", PhoneKind::Mobile, PhoneStatus::InUse);
        let today = "2026-11-26";
        let with_app = |mut a: MyAccount| {
            a.keystep_account = Some("k".into());
            a
        };
        let with_codes = |mut a: MyAccount, used: bool| {
            a.backup_codes = vec![BackupCode {
                code: SecretString::new("1234-5678"),
                used,
            }];
            a
        };
        type Case = (
            &'static str,
            Vec<Phone>,
            Vec<MyAccount>,
            Vec<(&'static str, &'static str)>,
        );
        let cases: Vec<Case> = vec![
            (
                "a bank that texts one number only",
                vec![mobile()],
                vec![account("b", "bank", &["m"], &[])],
                vec![("b", "only_one_phone")],
            ),
            (
                "the same bank with a security key is fine",
                vec![mobile()],
                vec![{
                    let mut a = account("b", "bank", &["m"], &[]);
                    a.security_key = true;
                    a
                }],
                vec![],
            ),
            (
                "a number that is gone comes first, before everything else",
                vec![mobile(), phone("old", PhoneKind::Mobile, PhoneStatus::Gone)],
                vec![account("b", "bank", &["m"], &["old"])],
                vec![("b", "gone_number"), ("b", "only_one_phone")],
            ),
            (
                "a number leaving later is high, on its day urgent",
                vec![phone(
                    "m",
                    PhoneKind::Mobile,
                    PhoneStatus::Leaving {
                        on: "2026-11-26".into(),
                    },
                )],
                vec![with_app(account("b", "bank", &["m"], &[]))],
                vec![("b", "leaving_number")],
            ),
            (
                "an internet number on a service that refuses them",
                vec![phone("v", PhoneKind::Voip, PhoneStatus::InUse), mobile()],
                vec![account("b", "bank", &["v", "m"], &[])],
                vec![("b", "voip_refused")],
            ),
            (
                "email that recovers others, protected by a text only, without backup codes",
                vec![mobile()],
                vec![
                    with_app(account("b", "bank", &[], &[])),
                    account("e", "mail", &["m"], &[]),
                ],
                vec![
                    ("e", "only_one_phone"),
                    ("e", "weak_email_recovery"),
                    ("e", "no_backup_codes"),
                ],
            ),
            (
                "email with an authenticator and unused backup codes is fine",
                vec![mobile()],
                vec![
                    with_app(account("b", "bank", &[], &[])),
                    with_codes(with_app(account("e", "mail", &["m"], &[])), false),
                ],
                vec![],
            ),
            (
                "backup codes that are all used count as none",
                vec![mobile()],
                vec![with_codes(
                    with_app(account("e", "mail", &["m"], &[])),
                    true,
                )],
                vec![("e", "no_backup_codes")],
            ),
        ];
        for (name, phones, accounts, expected) in cases {
            let items = review(&cat, &phones, &accounts, today);
            assert_eq!(codes(&items), expected, "{name}");
            assert!(
                items
                    .iter()
                    .all(|i| !i.message.is_empty() && !i.action.is_empty()),
                "{name}: every finding says what is wrong and what to do"
            );
            if let Some(leaving) = items.iter().find(|i| i.code == "leaving_number") {
                assert_eq!(leaving.severity, Severity::Urgent, "{name}");
            }
            if let Some(voip) = items.iter().find(|i| i.code == "voip_refused") {
                assert_eq!(
                    voip.fix,
                    Fix::Page {
                        service: "bank".into(),
                        page: "phone".into(),
                        title: "Phone settings".into()
                    },
                    "{name}: the fix opens the phone settings page"
                );
            }
        }
    }
}
