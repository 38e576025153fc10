//! The services a person signs in to, their backup codes and the risk review, saved in the vault like
//! everything else (read the newest file, change, save atomically under the lock).

use super::Keystep;
use super::phones::iso_date;
use crate::catalog::{Catalog, squash};
use crate::error::{Error, Field, ReasonKey, Result};
use crate::sensitive::SecretString;
use crate::services::backup_codes::read_backup_codes;
use crate::services::review::{
    AccessState, CodeChoice, RiskItem, access_review_in, offer_codes_in, review_in,
};
use crate::services::views::{BackupCodeHint, ServiceView, hint_of, service_view};
use crate::services::{BackupCode, Service, ServiceRef, service_name};
use crate::vault::Contents;

/// Shortest name key that suggests a code account by appearing inside its issuer ("wellsfargo" in
/// "Wells Fargo Online").
const MIN_KEY_INSIDE_ISSUER: usize = 5;

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
        let reason = if typed.chars().count() <= 80 && !typed.chars().any(char::is_control) {
            ReasonKey::DomainNotAddress.with("address", typed)
        } else {
            ReasonKey::DomainNotAddressUnshown.into()
        };
        Error::bad(Field::Domain, reason)
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
            ReasonKey::DomainKnownService
                .with("domain", registrable.as_str())
                .with("service", owner.name.as_str())
                .with("service_id", owner.id.as_str()),
        ));
    }
    if check.verdict == crate::links::Verdict::Suspicious {
        let reasons: Vec<&str> = check.reasons.iter().map(|r| r.message.as_str()).collect();
        let reason = match named {
            Some(s) => ReasonKey::DomainImitates.with("service", s.name.as_str()),
            None => ReasonKey::DomainUnsafe.into(),
        };
        return Err(Error::bad(
            Field::Domain,
            reason.with("problems", reasons.join(" ")),
        ));
    }
    Ok(registrable)
}

fn service_by_id<'c>(c: &'c Contents, id: &str) -> Result<&'c Service> {
    c.services
        .iter()
        .find(|a| a.id == id)
        .ok_or(Error::ServiceNotFound { query: None })
}

/// The code accounts that look like `entry`'s service, by its name, brands or domains (see
/// [`Keystep::suggest_code_accounts`]).
fn matching_code_accounts<'c>(
    catalog: &Catalog,
    c: &'c Contents,
    entry: &Service,
) -> Vec<&'c crate::account::Account> {
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
    c.accounts
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
        .collect()
}

fn service_mut<'c>(c: &'c mut Contents, id: &str) -> Result<&'c mut Service> {
    c.services
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or(Error::ServiceNotFound { query: None })
}

impl Keystep {
    /// Every service the person uses, in the order they were added.
    pub fn services(&mut self) -> Result<Vec<ServiceView>> {
        self.refresh()?;
        let catalog = self.catalog;
        Ok(self
            .contents
            .services
            .iter()
            .map(|a| service_view(a, catalog))
            .collect())
    }

    /// Adds a service the person uses: from the catalog, or a custom one with its official domain.
    pub fn add_service(&mut self, service: ServiceRef, now_ms: u64) -> Result<ServiceView> {
        let catalog = self.catalog;
        let service = match service {
            ServiceRef::Catalog { id } => {
                if catalog.service(&id).is_none() {
                    return Err(Error::bad(
                        Field::Issuer,
                        ReasonKey::IssuerUnknownService.with("id", id.as_str()),
                    ));
                }
                ServiceRef::Catalog { id }
            }
            ServiceRef::Custom { name, domain } => {
                let name =
                    crate::names::clean(&name, Field::Issuer, crate::account::MAX_NAME_CHARS)?;
                if name.is_empty() {
                    return Err(Error::bad(Field::Issuer, ReasonKey::IssuerNameNeeded));
                }
                let registrable = custom_domain(catalog, &domain)?;
                ServiceRef::Custom {
                    name,
                    domain: registrable,
                }
            }
        };
        let entry = Service {
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
                .services
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
                return Err(Error::ServiceDuplicate {
                    name: service_name(catalog, &same.service),
                });
            }
            c.services.push(entry.clone());
            Ok(service_view(&entry, catalog))
        })
    }

    /// Sets which numbers a service uses, its linked Keystep code account and its security key.
    /// Every id must exist; the Keystep link is set only when the person confirmed it.
    pub fn update_service(
        &mut self,
        id: &str,
        code_phones: &[String],
        recovery_phones: &[String],
        keystep_account: Option<&str>,
        security_key: bool,
    ) -> Result<ServiceView> {
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
            let a = service_mut(c, id)?;
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
            Ok(service_view(a, catalog))
        })
    }

    pub fn remove_service(&mut self, id: &str) -> Result<ServiceView> {
        let catalog = self.catalog;
        self.update(|c| {
            let at = c
                .services
                .iter()
                .position(|a| a.id == id)
                .ok_or(Error::ServiceNotFound { query: None })?;
            Ok(service_view(&c.services.remove(at), catalog))
        })
    }

    /// Keystep code accounts whose service name matches the entry's service (by name, brand or the
    /// custom domain's name): suggestions the person confirms before they are linked.
    pub fn suggest_code_accounts(&mut self, id: &str) -> Result<Vec<crate::AccountView>> {
        self.refresh()?;
        let entry = service_by_id(&self.contents, id)?;
        Ok(matching_code_accounts(self.catalog, &self.contents, entry)
            .into_iter()
            .map(crate::account::Account::view)
            .collect())
    }

    /// Replaces a service's backup codes with those pasted or typed, one per line (read by
    /// [`read_backup_codes`]: text with no code is refused; removing codes is [`Keystep::clear_backup_codes`]).
    /// Fewer codes than are saved replace them only when `fewer_confirmed` (the person confirmed it in the
    /// window, or gave `--replace`); else [`Error::BackupCodesFewer`] and nothing changes.
    pub fn set_backup_codes(
        &mut self,
        id: &str,
        text: &SecretString,
        fewer_confirmed: bool,
    ) -> Result<ServiceView> {
        let catalog = self.catalog;
        let codes = read_backup_codes(text)?;
        self.update(|c| {
            let a = service_mut(c, id)?;
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
            Ok(service_view(a, catalog))
        })
    }

    /// Removes every backup code of a service: the one explicit way to remove them (saving an empty
    /// list is refused). Answers with the service, now without codes.
    pub fn clear_backup_codes(&mut self, id: &str) -> Result<ServiceView> {
        let catalog = self.catalog;
        self.update(|c| {
            let a = service_mut(c, id)?;
            a.backup_codes.clear();
            Ok(service_view(a, catalog))
        })
    }

    /// The next unused backup code and its place in the list, without marking it: the caller marks it
    /// used with [`Keystep::mark_backup_code`] once the code really reached the person (copied).
    pub fn next_backup_code(&mut self, id: &str) -> Result<(usize, SecretString)> {
        let catalog = self.catalog;
        self.refresh()?;
        let a = service_by_id(&self.contents, id)?;
        let name = service_name(catalog, &a.service);
        a.backup_codes
            .iter()
            .position(|b| !b.used)
            .map(|i| (i, a.backup_codes[i].code.clone()))
            .ok_or_else(|| {
                Error::bad(
                    Field::BackupCodes,
                    ReasonKey::BackupCodesNoneLeft.with("service", name.as_str()),
                )
            })
    }

    /// The backup codes of a service as hints (last two characters), with whether each was used.
    pub fn backup_code_hints(&mut self, id: &str) -> Result<Vec<BackupCodeHint>> {
        self.refresh()?;
        let a = service_by_id(&self.contents, id)?;
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
    pub fn mark_backup_code(&mut self, id: &str, index: usize, used: bool) -> Result<ServiceView> {
        let catalog = self.catalog;
        self.update(|c| {
            let a = service_mut(c, id)?;
            let code = a
                .backup_codes
                .get_mut(index)
                .ok_or_else(|| Error::bad(Field::BackupCodes, ReasonKey::BackupCodeGone))?;
            code.used = used;
            Ok(service_view(a, catalog))
        })
    }

    /// Finds one of the person's services by id, catalog id, or name (any case).
    pub fn find_service(&mut self, query: &str) -> Result<ServiceView> {
        let q = query.trim().to_lowercase();
        let all = self.services()?;
        let hit = |a: &ServiceView| {
            a.id == query
                || a.service_name.to_lowercase() == q
                || matches!(&a.service, ServiceRef::Catalog { id } if *id == q)
                || matches!(&a.service, ServiceRef::Custom { domain, .. } if *domain == q)
        };
        all.into_iter()
            .find(hit)
            .ok_or_else(|| Error::ServiceNotFound {
                query: Some(query.trim().to_string()),
            })
    }

    /// Every backup code of a service with whether it was used, for the person who asked to see them
    /// (the CLI's `--show`).
    pub fn reveal_backup_codes(&mut self, id: &str) -> Result<Vec<(SecretString, bool)>> {
        self.refresh()?;
        let a = service_by_id(&self.contents, id)?;
        Ok(a.backup_codes
            .iter()
            .map(|b| (b.code.clone(), b.used))
            .collect())
    }

    /// The risk review, most serious first, as of `now_ms`.
    pub fn review(&mut self, now_ms: u64) -> Result<Vec<RiskItem>> {
        let catalog = self.catalog;
        self.refresh()?;
        let status = self.backup_status();
        let state = AccessState {
            accounts: self.contents.accounts.len(),
            has_password: self.has_password(),
            backup_folder: crate::settings::Settings::load(self.dir.root())
                .backup_folder
                .is_some(),
            failure: status
                .failure
                .map(|f| (f.folder.display().to_string(), f.reason)),
        };
        let lang = self.lang();
        let mut items = access_review_in(lang, &state);
        items.extend(review_in(
            lang,
            catalog,
            &self.contents.phones,
            &self.contents.services,
            &iso_date(now_ms),
        ));
        // A finding that asks for a code in Keystep, when one that looks right is already there, offers
        // to link it instead of sending the person to find it.
        for item in &mut items {
            let Some(entry) = item
                .service_id
                .as_deref()
                .and_then(|id| service_by_id(&self.contents, id).ok())
                .filter(|e| e.keystep_account.is_none())
            else {
                continue;
            };
            let codes = matching_code_accounts(catalog, &self.contents, entry)
                .into_iter()
                .map(|a| {
                    let view = a.view();
                    CodeChoice {
                        id: view.id,
                        label: view.label,
                    }
                })
                .collect();
            offer_codes_in(lang, item, codes);
        }
        items.sort_by_key(|i| i.severity);
        Ok(items)
    }
}
