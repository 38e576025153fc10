//! Phone numbers, "my accounts", backup codes, the review and the change-number plan, saved in the
//! vault like everything else (read the newest file, change, save atomically under the lock).

use super::Keystep;
use crate::catalog::{Catalog, squash};
use crate::error::{Error, Field, Result};
use crate::guides::Run;
use crate::phones::backup_codes::read_backup_codes;
use crate::phones::planner::{Plan, plan_guide};
use crate::phones::review::{RiskItem, review, service_name};
use crate::phones::views::{
    BackupCodeHint, MyAccountView, PhoneView, hint_of, my_account_view, phone_view,
};
use crate::phones::{
    BackupCode, MyAccount, Phone, PhoneKind, PhoneStatus, ServiceRef, parse_number,
};
use crate::sensitive::SecretString;
use crate::vault::Contents;

/// Longest label of a number, in characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// Shortest name key that suggests a code account by appearing inside its issuer ("wellsfargo" in
/// "Wells Fargo Online").
const MIN_KEY_INSIDE_ISSUER: usize = 5;

/// The UTC calendar date (YYYY-MM-DD) of a Unix time in milliseconds.
pub fn iso_date(ms: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = i64::try_from(ms / 86_400_000).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn clean_label(label: &str) -> Result<String> {
    crate::names::clean(label, Field::Label, MAX_LABEL_CHARS)
}

/// A real calendar day written YYYY-MM-DD, in a plausible range (see [`crate::dates`]).
fn check_date(date: &str) -> Result<()> {
    crate::dates::parse_iso_date(date)
        .map(|_| ())
        .map_err(|reason| Error::bad(Field::Date, reason))
}

/// The registrable domain of a custom service's web address, refused when it is not a web address, when
/// the official-site check finds it imitates a service Keystep knows, or when it is the official
/// address of one (that service should be added from the catalog).
fn custom_domain(catalog: &Catalog, typed: &str) -> Result<String> {
    let typed = typed.trim();
    let lower = typed.to_ascii_lowercase();
    let without_scheme = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| &typed[s.len()..]))
        .unwrap_or(typed);
    let host = without_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let not_an_address = || {
        let shown = if typed.chars().count() <= 80 && !typed.chars().any(char::is_control) {
            format!("\"{typed}\"")
        } else {
            "that".into()
        };
        Error::bad(
            Field::Domain,
            format!(
                "{shown} is not a web address. Type the service's own address, such as mycu.org."
            ),
        )
    };
    if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(not_an_address());
    }
    let check = crate::links::check_link(catalog, host);
    let Some(registrable) = check.registrable_domain.clone() else {
        return Err(not_an_address());
    };
    let named = check.service.as_deref().and_then(|id| catalog.service(id));
    if let Some(owner) = named.filter(|s| s.owns(&registrable)) {
        return Err(Error::bad(
            Field::Domain,
            format!(
                "{registrable} is an official address of {}, which Keystep already knows: use the catalog service {} instead (choose {} in the list of services).",
                owner.name, owner.id, owner.name
            ),
        ));
    }
    if check.verdict == crate::links::Verdict::Suspicious {
        let reasons: Vec<&str> = check.reasons.iter().map(|r| r.message.as_str()).collect();
        let what = match named {
            Some(s) => format!("it imitates {}, a service Keystep knows", s.name),
            None => "it is not safe".into(),
        };
        return Err(Error::bad(
            Field::Domain,
            format!(
                "{what}: {} Type the address exactly as the service itself writes it.",
                reasons.join(" ")
            ),
        ));
    }
    Ok(registrable)
}

fn check_status(status: &PhoneStatus) -> Result<()> {
    match status {
        PhoneStatus::Leaving { on } => check_date(on),
        _ => Ok(()),
    }
}

fn my_account<'c>(c: &'c Contents, id: &str) -> Result<&'c MyAccount> {
    c.my_accounts
        .iter()
        .find(|a| a.id == id)
        .ok_or(Error::MyAccountNotFound { query: None })
}

fn my_account_mut<'c>(c: &'c mut Contents, id: &str) -> Result<&'c mut MyAccount> {
    c.my_accounts
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or(Error::MyAccountNotFound { query: None })
}

impl Keystep {
    /// Every phone number, with the services that use it.
    pub fn phones(&mut self) -> Result<Vec<PhoneView>> {
        self.refresh()?;
        let catalog = self.catalog;
        Ok(self
            .contents
            .phones
            .iter()
            .map(|p| phone_view(p, catalog, &self.contents.my_accounts))
            .collect())
    }

    /// Adds a number typed by the person, read in `region` unless it starts with `+`.
    pub fn add_phone(
        &mut self,
        text: &str,
        region: &str,
        label: &str,
        kind: PhoneKind,
        now_ms: u64,
    ) -> Result<PhoneView> {
        let catalog = self.catalog;
        let parsed = parse_number(text, region)?;
        let label = clean_label(label)?;
        let phone = Phone {
            id: uuid::Uuid::new_v4().to_string(),
            e164: parsed.e164,
            label,
            kind,
            status: PhoneStatus::InUse,
            added_at_ms: now_ms,
        };
        self.update(|c| {
            if let Some(same) = c.phones.iter().find(|p| p.e164 == phone.e164) {
                return Err(Error::PhoneDuplicate {
                    number: parsed.national.clone(),
                    label: same.label.clone(),
                });
            }
            c.phones.push(phone.clone());
            Ok(phone_view(&phone, catalog, &c.my_accounts))
        })
    }

    /// Changes a number's label, kind and status.
    pub fn edit_phone(
        &mut self,
        id: &str,
        label: &str,
        kind: PhoneKind,
        status: PhoneStatus,
    ) -> Result<PhoneView> {
        let catalog = self.catalog;
        let label = clean_label(label)?;
        check_status(&status)?;
        self.update(|c| {
            let p =
                c.phones
                    .iter_mut()
                    .find(|p| p.id == id)
                    .ok_or_else(|| Error::PhoneNotFound {
                        query: id.to_string(),
                    })?;
            p.label = label;
            p.kind = kind;
            p.status = status;
            let p = p.clone();
            Ok(phone_view(&p, catalog, &c.my_accounts))
        })
    }

    /// Removes a number, and takes it off every account that listed it.
    pub fn remove_phone(&mut self, id: &str) -> Result<PhoneView> {
        let catalog = self.catalog;
        self.update(|c| {
            let at =
                c.phones
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or_else(|| Error::PhoneNotFound {
                        query: id.to_string(),
                    })?;
            let view = phone_view(&c.phones[at], catalog, &c.my_accounts);
            c.phones.remove(at);
            for a in &mut c.my_accounts {
                a.code_phones.retain(|p| p != id);
                a.recovery_phones.retain(|p| p != id);
            }
            Ok(view)
        })
    }

    /// The number a person typed, found among theirs (any format: it is parsed first).
    pub fn find_phone(&mut self, text: &str, region: &str) -> Result<PhoneView> {
        let e164 = parse_number(text, region)?.e164;
        self.phones()?
            .into_iter()
            .find(|p| p.e164 == e164)
            .ok_or_else(|| Error::PhoneNotFound {
                query: text.trim().to_string(),
            })
    }

    /// Every entry of "my accounts", in the order they were added.
    pub fn my_accounts(&mut self) -> Result<Vec<MyAccountView>> {
        self.refresh()?;
        let catalog = self.catalog;
        Ok(self
            .contents
            .my_accounts
            .iter()
            .map(|a| my_account_view(a, catalog))
            .collect())
    }

    /// Adds a service the person uses: from the catalog, or a custom one with its official domain.
    pub fn add_my_account(&mut self, service: ServiceRef, now_ms: u64) -> Result<MyAccountView> {
        let catalog = self.catalog;
        let service = match service {
            ServiceRef::Catalog { id } => {
                if catalog.service(&id).is_none() {
                    return Err(Error::bad(
                        Field::Issuer,
                        format!(
                            "Keystep does not know a service \"{id}\". Add it as your own service with its web address."
                        ),
                    ));
                }
                ServiceRef::Catalog { id }
            }
            ServiceRef::Custom { name, domain } => {
                let name =
                    crate::names::clean(&name, Field::Issuer, crate::account::MAX_NAME_CHARS)?;
                if name.is_empty() {
                    return Err(Error::bad(
                        Field::Issuer,
                        "type the name of the service, such as My Credit Union",
                    ));
                }
                let registrable = custom_domain(catalog, &domain)?;
                ServiceRef::Custom {
                    name,
                    domain: registrable,
                }
            }
        };
        let entry = MyAccount {
            id: uuid::Uuid::new_v4().to_string(),
            service,
            code_phones: Vec::new(),
            recovery_phones: Vec::new(),
            keystep_account: None,
            security_key: false,
            backup_codes: Vec::new(),
            added_at_ms: now_ms,
        };
        self.update(|c| {
            let same = c
                .my_accounts
                .iter()
                .find(|a| match (&a.service, &entry.service) {
                    (ServiceRef::Catalog { id: x }, ServiceRef::Catalog { id: y }) => x == y,
                    (
                        ServiceRef::Custom { domain: x, .. },
                        ServiceRef::Custom { domain: y, .. },
                    ) => x == y,
                    _ => false,
                });
            if let Some(same) = same {
                return Err(Error::MyAccountDuplicate {
                    name: service_name(catalog, &same.service),
                });
            }
            c.my_accounts.push(entry.clone());
            Ok(my_account_view(&entry, catalog))
        })
    }

    /// Sets which numbers an account uses, its linked Keystep code account and its security key.
    /// Every id must exist; the Keystep link is set only when the person confirmed it.
    pub fn update_my_account(
        &mut self,
        id: &str,
        code_phones: &[String],
        recovery_phones: &[String],
        keystep_account: Option<&str>,
        security_key: bool,
    ) -> Result<MyAccountView> {
        let catalog = self.catalog;
        self.update(|c| {
            for p in code_phones.iter().chain(recovery_phones) {
                if !c.phones.iter().any(|x| &x.id == p) {
                    return Err(Error::PhoneNotFound { query: p.clone() });
                }
            }
            if let Some(k) = keystep_account
                && !c.accounts.iter().any(|a| a.id == k)
            {
                return Err(Error::NotFound {
                    query: k.to_string(),
                });
            }
            let a = my_account_mut(c, id)?;
            let dedupe = |v: &[String]| {
                let mut out: Vec<String> = Vec::new();
                for x in v {
                    if !out.contains(x) {
                        out.push(x.clone());
                    }
                }
                out
            };
            a.code_phones = dedupe(code_phones);
            a.recovery_phones = dedupe(recovery_phones);
            a.keystep_account = keystep_account.map(str::to_string);
            a.security_key = security_key;
            Ok(my_account_view(a, catalog))
        })
    }

    pub fn remove_my_account(&mut self, id: &str) -> Result<MyAccountView> {
        let catalog = self.catalog;
        self.update(|c| {
            let at = c
                .my_accounts
                .iter()
                .position(|a| a.id == id)
                .ok_or(Error::MyAccountNotFound { query: None })?;
            Ok(my_account_view(&c.my_accounts.remove(at), catalog))
        })
    }

    /// Keystep code accounts whose service name matches the entry's service (by name, brand or the
    /// custom domain's name): suggestions the person confirms before they are linked.
    pub fn suggest_code_accounts(&mut self, id: &str) -> Result<Vec<crate::AccountView>> {
        let catalog = self.catalog;
        self.refresh()?;
        let entry = my_account(&self.contents, id)?;
        let first_label = |d: &str| squash(d.split('.').next().unwrap_or_default());
        let names: Vec<String> = match &entry.service {
            ServiceRef::Catalog { id } => catalog
                .service(id)
                .map(|s| {
                    let mut keys = s.name_keys();
                    keys.extend(s.domains.iter().map(|d| first_label(d)));
                    keys
                })
                .unwrap_or_default(),
            ServiceRef::Custom { name, domain } => vec![squash(name), first_label(domain)],
        };
        Ok(self
            .contents
            .accounts
            .iter()
            .filter(|a| {
                let issuer = squash(&a.issuer);
                !issuer.is_empty()
                    && names.iter().any(|n| {
                        // A short key ("x" of x.com, "id" of id.me) is inside too many names: it
                        // must be the whole issuer.
                        issuer == *n
                            || (n.len() >= MIN_KEY_INSIDE_ISSUER && issuer.contains(n.as_str()))
                    })
            })
            .map(crate::account::Account::view)
            .collect())
    }

    /// Replaces an account's backup codes with those pasted or typed, one per line (read by
    /// [`read_backup_codes`]: text with no code is refused; removing codes is [`Keystep::clear_backup_codes`]).
    /// Fewer codes than are saved replace them only when `fewer_confirmed` (the person confirmed it in the
    /// window, or gave `--replace`); else [`Error::BackupCodesFewer`] and nothing changes.
    pub fn set_backup_codes(
        &mut self,
        id: &str,
        text: &SecretString,
        fewer_confirmed: bool,
    ) -> Result<MyAccountView> {
        let catalog = self.catalog;
        let codes = read_backup_codes(text)?;
        self.update(|c| {
            let a = my_account_mut(c, id)?;
            let saved = a.backup_codes.len();
            if codes.len() < saved && !fewer_confirmed {
                return Err(Error::BackupCodesFewer {
                    service: service_name(catalog, &a.service),
                    saved,
                    read: codes.len(),
                });
            }
            a.backup_codes = codes
                .into_iter()
                .map(|code| BackupCode { code, used: false })
                .collect();
            Ok(my_account_view(a, catalog))
        })
    }

    /// Removes every backup code of an account: the one explicit way to remove them (saving an empty
    /// list is refused). Answers with the account, now without codes.
    pub fn clear_backup_codes(&mut self, id: &str) -> Result<MyAccountView> {
        let catalog = self.catalog;
        self.update(|c| {
            let a = my_account_mut(c, id)?;
            a.backup_codes.clear();
            Ok(my_account_view(a, catalog))
        })
    }

    /// The next unused backup code and its place in the list, without marking it: the caller marks it
    /// used with [`Keystep::mark_backup_code`] once the code really reached the person (copied).
    pub fn next_backup_code(&mut self, id: &str) -> Result<(usize, SecretString)> {
        let catalog = self.catalog;
        self.refresh()?;
        let a = my_account(&self.contents, id)?;
        let name = service_name(catalog, &a.service);
        a.backup_codes
            .iter()
            .position(|b| !b.used)
            .map(|i| (i, a.backup_codes[i].code.clone()))
            .ok_or_else(|| {
                Error::bad(
                    Field::BackupCodes,
                    format!("no unused backup code is left for {name}. Make new ones on {name} and paste them in."),
                )
            })
    }

    /// The backup codes of an account as hints (last two characters), with whether each was used.
    pub fn backup_code_hints(&mut self, id: &str) -> Result<Vec<BackupCodeHint>> {
        self.refresh()?;
        let a = my_account(&self.contents, id)?;
        Ok(a.backup_codes
            .iter()
            .enumerate()
            .map(|(index, b)| BackupCodeHint {
                index,
                hint: hint_of(b.code.expose()),
                used: b.used,
            })
            .collect())
    }

    /// Marks one backup code used (a code typed from paper) or unused (marked by mistake).
    pub fn mark_backup_code(
        &mut self,
        id: &str,
        index: usize,
        used: bool,
    ) -> Result<MyAccountView> {
        let catalog = self.catalog;
        self.update(|c| {
            let a = my_account_mut(c, id)?;
            let code = a.backup_codes.get_mut(index).ok_or_else(|| {
                Error::bad(
                    Field::BackupCodes,
                    "that backup code is not in the list any more. Reload and try again.",
                )
            })?;
            code.used = used;
            Ok(my_account_view(a, catalog))
        })
    }

    /// Finds one of "my accounts" by id, catalog id, or name (any case).
    pub fn find_my_account(&mut self, query: &str) -> Result<MyAccountView> {
        let q = query.trim().to_lowercase();
        let all = self.my_accounts()?;
        let hit = |a: &MyAccountView| {
            a.id == query
                || a.service_name.to_lowercase() == q
                || matches!(&a.service, ServiceRef::Catalog { id } if *id == q)
                || matches!(&a.service, ServiceRef::Custom { domain, .. } if *domain == q)
        };
        all.into_iter()
            .find(hit)
            .ok_or_else(|| Error::MyAccountNotFound {
                query: Some(query.trim().to_string()),
            })
    }

    /// Every backup code of an account with whether it was used, for the person who asked to see them
    /// (the CLI's `--show`).
    pub fn reveal_backup_codes(&mut self, id: &str) -> Result<Vec<(SecretString, bool)>> {
        self.refresh()?;
        let a = my_account(&self.contents, id)?;
        Ok(a.backup_codes
            .iter()
            .map(|b| (b.code.clone(), b.used))
            .collect())
    }

    /// The risk review, most serious first, as of `now_ms`.
    pub fn review(&mut self, now_ms: u64) -> Result<Vec<RiskItem>> {
        let catalog = self.catalog;
        self.refresh()?;
        Ok(review(
            catalog,
            &self.contents.phones,
            &self.contents.my_accounts,
            &iso_date(now_ms),
        ))
    }

    /// Plans a change from one of the person's numbers to another: the new number is added if it is
    /// not kept yet, the old one is marked as leaving on `date`, and a run of the plan starts.
    /// The checklist of a plan, each step with its official page (from this vault's catalog).
    pub fn plan_checklist(&self, plan: &Plan) -> Vec<crate::phones::planner::ChecklistStep> {
        crate::phones::planner::checklist(plan, self.catalog)
    }

    pub fn plan_change(
        &mut self,
        from: &str,
        to: &str,
        date: Option<&str>,
        region: &str,
        now_ms: u64,
    ) -> Result<(Plan, Run)> {
        let catalog = self.catalog;
        let old_e164 = parse_number(from, region)?.e164;
        let new = parse_number(to, region)?;
        if new.e164 == old_e164 {
            return Err(Error::bad(
                Field::Phone,
                "the new number is the same as the old one",
            ));
        }
        let date = date.map_or_else(|| iso_date(now_ms), str::to_string);
        check_date(&date)?;
        let plan_id = uuid::Uuid::new_v4().to_string();
        self.update(|c| {
            let old = c
                .phones
                .iter_mut()
                .find(|p| p.e164 == old_e164)
                .ok_or_else(|| Error::PhoneNotFound {
                    query: from.trim().to_string(),
                })?;
            if old.status != PhoneStatus::Gone {
                old.status = PhoneStatus::Leaving { on: date.clone() };
            }
            let old = old.clone();
            let new_phone = match c.phones.iter().find(|p| p.e164 == new.e164) {
                Some(p) => p.clone(),
                None => {
                    let p = Phone {
                        id: uuid::Uuid::new_v4().to_string(),
                        e164: new.e164.clone(),
                        label: "New number".into(),
                        kind: PhoneKind::Mobile,
                        status: PhoneStatus::InUse,
                        added_at_ms: now_ms,
                    };
                    c.phones.push(p.clone());
                    p
                }
            };
            let guide = plan_guide(catalog, &c.my_accounts, &old, &new_phone, &date, &plan_id);
            let run = Run::start(&guide, uuid::Uuid::new_v4().to_string(), now_ms);
            let plan = Plan {
                guide,
                old_phone: old.id.clone(),
                new_phone: new_phone.id.clone(),
                date: date.clone(),
            };
            c.plans.push(plan.clone());
            c.runs.push(run.clone());
            Ok((plan, run))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_match_the_calendar() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29");
        assert_eq!(iso_date(1_700_000_000_000), "2023-11-14");
        assert_eq!(iso_date(1_798_675_200_000), "2026-12-31");
    }
}
