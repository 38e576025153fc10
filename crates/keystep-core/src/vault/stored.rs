//! The payload's own types: what is written inside the encryption, kept apart from the domain types so
//! that renaming a field of a guide, a run or a phone never makes an existing vault unreadable.
//!
//! Reading is strict where it must be (the payload is a JSON object; an account's secret and settings
//! are checked) and tolerant everywhere else: unknown fields of a record are ignored, and a record this
//! Keystep cannot read (written by a newer one, or damaged) is kept exactly as it was, reported, and
//! written back on every save. The same goes for whole parts of the payload this Keystep does not know.
//! So one unreadable plan never hides the accounts, and is never dropped by the next save.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use zeroize::{Zeroize, Zeroizing};

use super::{Contents, Unreadable, corrupt, describe_json_error};
use crate::account::Account;
use crate::error::Result;
use crate::guides::format::{Action, Answer, Branch, Guide, GuideSource, Step};
use crate::guides::runner::{Position, Run, Visit, Wait};
use crate::otp::secret::{decode_base32, encode_base32};
use crate::otp::{Algorithm, OtpKind, OtpParams};
use crate::phones::planner::Plan;
use crate::phones::{Phone, PhoneKind, PhoneStatus};
use crate::sensitive::SecretString;
use crate::services::{BackupCode, Service, ServiceRef};

/// The parts of the payload, by their key. Parts not listed here are kept unread.
const ACCOUNTS: &str = "accounts";
const RUNS: &str = "runs";
const PHONES: &str = "phones";
/// The payload key of the services: its first name, kept so that every vault keeps opening.
const SERVICES_KEY: &str = "my_accounts";
const BACKUP_CODES: &str = "backup_codes";
const PLANS: &str = "plans";

/// Reads the decrypted payload.
pub(super) fn read(path: &Path, plain: &[u8]) -> Result<Contents> {
    let parts: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(plain).map_err(|e| {
        corrupt(
            path,
            format!(
                "its decrypted contents are not valid ({})",
                describe_json_error(&e)
            ),
        )
    })?;
    let mut contents = Contents::default();
    let mut backup_sets = Vec::new();
    for (key, raw) in parts {
        match key.as_str() {
            ACCOUNTS => {
                for (record, i) in records(path, &key, raw)?.into_iter().zip(1..) {
                    let account = read_record::<StoredAccount>(&record)
                        .map_err(|e| e.to_string())
                        .and_then(|s| s.into_account());
                    keep_or(&mut contents, &key, i, record, account, |c, a| {
                        c.accounts.push(a);
                    });
                }
            }
            RUNS => read_part(path, &mut contents, &key, raw, |c, s: StoredRun| {
                c.runs.push(s.into());
            })?,
            PHONES => read_part(path, &mut contents, &key, raw, |c, s: StoredPhone| {
                c.phones.push(s.into());
            })?,
            SERVICES_KEY => read_part(path, &mut contents, &key, raw, |c, s: StoredService| {
                c.services.push(s.into());
            })?,
            PLANS => read_part(path, &mut contents, &key, raw, |c, s: StoredPlan| {
                c.plans.push(s.into());
            })?,
            BACKUP_CODES => {
                for (record, i) in records(path, &key, raw)?.into_iter().zip(1..) {
                    match read_record::<StoredBackupCodes>(&record) {
                        Ok(set) => {
                            backup_sets.push((set, record));
                        }
                        Err(e) => keep(&mut contents, &key, i, &record, e.to_string()),
                    }
                }
            }
            _ => {
                // A whole part a newer Keystep writes: kept as it is.
                contents.unreadable.push(Unreadable {
                    part: key.clone(),
                    whole_part: true,
                    reason: "this version of Keystep does not know this kind of information".into(),
                    raw: SecretString::new(raw.get()),
                });
                wipe(raw);
            }
        }
    }
    // Backup codes are stored apart from their service (only this module writes secrets as text).
    for ((set, record), i) in backup_sets.into_iter().zip(1..) {
        match contents.services.iter_mut().find(|m| m.id == set.account) {
            Some(entry) => {
                entry.backup_codes = set
                    .codes
                    .iter()
                    .map(|c| BackupCode {
                        code: SecretString::new(c.code.as_str()),
                        used: c.used,
                    })
                    .collect();
                wipe(record);
            }
            None => keep(
                &mut contents,
                BACKUP_CODES,
                i,
                &record,
                format!(
                    "they belong to a service that is not there ({})",
                    set.account
                ),
            ),
        }
    }
    Ok(contents)
}

/// Writes the payload: every record in its stored form, then the kept ones as they were read.
pub(super) fn write(contents: &Contents) -> Result<Zeroizing<Vec<u8>>, serde_json::Error> {
    serde_json::to_vec(&Payload(contents)).map(Zeroizing::new)
}

/// The records of one part: its array, element by element (each kept raw until read).
fn records(path: &Path, part: &str, raw: Box<RawValue>) -> Result<Vec<Box<RawValue>>> {
    let parsed = serde_json::from_str(raw.get());
    wipe(raw);
    parsed.map_err(|e| {
        corrupt(
            path,
            format!(
                "its \"{part}\" are not a list ({})",
                describe_json_error(&e)
            ),
        )
    })
}

fn read_record<T: DeserializeOwned>(record: &RawValue) -> serde_json::Result<T> {
    serde_json::from_str(record.get())
}

/// Reads every record of a part that holds no secret; the ones that cannot be read are kept.
fn read_part<T: DeserializeOwned>(
    path: &Path,
    contents: &mut Contents,
    part: &str,
    raw: Box<RawValue>,
    mut add: impl FnMut(&mut Contents, T),
) -> Result<()> {
    for (record, i) in records(path, part, raw)?.into_iter().zip(1..) {
        let read = read_record::<T>(&record).map_err(|e| e.to_string());
        keep_or(contents, part, i, record, read, &mut add);
    }
    Ok(())
}

fn keep_or<T>(
    contents: &mut Contents,
    part: &str,
    number: usize,
    record: Box<RawValue>,
    read: std::result::Result<T, String>,
    add: impl FnOnce(&mut Contents, T),
) {
    match read {
        Ok(value) => {
            add(contents, value);
            wipe(record);
        }
        Err(reason) => keep(contents, part, number, &record, reason),
    }
}

fn keep(contents: &mut Contents, part: &str, number: usize, record: &RawValue, reason: String) {
    contents.unreadable.push(Unreadable {
        part: part.to_string(),
        whole_part: false,
        reason: format!("record {number}: {reason}"),
        raw: SecretString::new(record.get()),
    });
}

/// Overwrites a raw piece of the decrypted payload before it is freed (it may hold a secret).
fn wipe(raw: Box<RawValue>) {
    let mut text: Box<str> = raw.into();
    text.zeroize();
}

/// The whole payload: the six parts this Keystep knows, then the parts it kept unread.
struct Payload<'a>(&'a Contents);

impl Serialize for Payload<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let c = self.0;
        let whole: Vec<&Unreadable> = c.unreadable.iter().filter(|u| u.whole_part).collect();
        let mut map = serializer.serialize_map(Some(6 + whole.len()))?;
        let accounts: Vec<StoredAccount> = c.accounts.iter().map(StoredAccount::from).collect();
        map.serialize_entry(ACCOUNTS, &PartList::new(c, ACCOUNTS, &accounts))?;
        let runs: Vec<StoredRun> = c.runs.iter().map(StoredRun::from).collect();
        map.serialize_entry(RUNS, &PartList::new(c, RUNS, &runs))?;
        let phones: Vec<StoredPhone> = c.phones.iter().map(StoredPhone::from).collect();
        map.serialize_entry(PHONES, &PartList::new(c, PHONES, &phones))?;
        let mine: Vec<StoredService> = c.services.iter().map(StoredService::from).collect();
        map.serialize_entry(SERVICES_KEY, &PartList::new(c, SERVICES_KEY, &mine))?;
        let codes: Vec<StoredBackupCodes> = c
            .services
            .iter()
            .filter(|m| !m.backup_codes.is_empty())
            .map(StoredBackupCodes::from)
            .collect();
        map.serialize_entry(BACKUP_CODES, &PartList::new(c, BACKUP_CODES, &codes))?;
        let plans: Vec<StoredPlan> = c.plans.iter().map(StoredPlan::from).collect();
        map.serialize_entry(PLANS, &PartList::new(c, PLANS, &plans))?;
        for u in whole {
            map.serialize_entry(&u.part, &KeptRaw(u))?;
        }
        map.end()
    }
}

/// One part: its records in stored form, then the kept records of that part.
struct PartList<'a, T> {
    typed: &'a [T],
    kept: Vec<&'a Unreadable>,
}

impl<'a, T> PartList<'a, T> {
    fn new(contents: &'a Contents, part: &str, typed: &'a [T]) -> Self {
        let kept = contents
            .unreadable
            .iter()
            .filter(|u| !u.whole_part && u.part == part)
            .collect();
        PartList { typed, kept }
    }
}

impl<T: Serialize> Serialize for PartList<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.typed.len() + self.kept.len()))?;
        for item in self.typed {
            seq.serialize_element(item)?;
        }
        for u in &self.kept {
            seq.serialize_element(&KeptRaw(u))?;
        }
        seq.end()
    }
}

/// A kept record or part, written back exactly as it was read.
struct KeptRaw<'a>(&'a Unreadable);

impl Serialize for KeptRaw<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let raw =
            RawValue::from_string(self.0.raw.expose().to_string()).map_err(S::Error::custom)?;
        let result = raw.serialize(serializer);
        wipe(raw);
        result
    }
}

// ---- Accounts (secrets: written as text only here, inside the encryption) ----

#[derive(Serialize, Deserialize)]
struct StoredAccount {
    id: String,
    issuer: String,
    name: String,
    kind: OtpKind,
    algorithm: Algorithm,
    digits: u8,
    period: u64,
    counter: u64,
    secret: Zeroizing<String>,
    added_at: u64,
}

impl From<&Account> for StoredAccount {
    fn from(a: &Account) -> Self {
        StoredAccount {
            id: a.id.clone(),
            issuer: a.issuer.clone(),
            name: a.name.clone(),
            kind: a.params.kind,
            algorithm: a.params.algorithm,
            digits: a.params.digits,
            period: a.params.period,
            counter: a.params.counter,
            secret: encode_base32(&a.secret),
            added_at: a.added_at,
        }
    }
}

impl StoredAccount {
    fn into_account(self) -> std::result::Result<Account, String> {
        let secret = decode_base32(&self.secret)
            .map_err(|_| format!("account {} has a damaged secret", self.id))?;
        let params = OtpParams {
            kind: self.kind,
            algorithm: self.algorithm,
            digits: self.digits,
            period: self.period,
            counter: self.counter,
        }
        .validated()
        .map_err(|_| format!("account {} has impossible settings", self.id))?;
        Ok(Account {
            id: self.id,
            issuer: self.issuer,
            name: self.name,
            secret,
            params,
            added_at: self.added_at,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct StoredBackupCodes {
    account: String,
    codes: Vec<StoredBackupCode>,
}

#[derive(Serialize, Deserialize)]
struct StoredBackupCode {
    code: Zeroizing<String>,
    used: bool,
}

impl From<&Service> for StoredBackupCodes {
    fn from(m: &Service) -> Self {
        StoredBackupCodes {
            account: m.id.clone(),
            codes: m
                .backup_codes
                .iter()
                .map(|b| StoredBackupCode {
                    code: Zeroizing::new(b.code.expose().to_string()),
                    used: b.used,
                })
                .collect(),
        }
    }
}

// ---- Guide runs ----

#[derive(Serialize, Deserialize)]
struct StoredRun {
    id: String,
    guide_id: String,
    started_at_ms: u64,
    #[serde(default)]
    finished_at_ms: Option<u64>,
    #[serde(default)]
    stopped_at_ms: Option<u64>,
    at: StoredPosition,
    #[serde(default)]
    returns: Vec<StoredPosition>,
    #[serde(default)]
    done: Vec<String>,
    #[serde(default)]
    branches_taken: Vec<String>,
    #[serde(default)]
    waits: Vec<StoredWait>,
    /// Added after format version 2: runs saved before have none.
    #[serde(default)]
    history: Vec<StoredVisit>,
}

#[derive(Serialize, Deserialize)]
struct StoredVisit {
    at: StoredPosition,
    #[serde(default)]
    returns: Vec<StoredPosition>,
}

#[derive(Serialize, Deserialize)]
struct StoredPosition {
    #[serde(default)]
    branch: Option<String>,
    step: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredWait {
    step_id: String,
    until_ms: u64,
}

impl From<&Run> for StoredRun {
    fn from(r: &Run) -> Self {
        let position = |p: &Position| StoredPosition {
            branch: p.branch.clone(),
            step: p.step,
        };
        StoredRun {
            id: r.id.clone(),
            guide_id: r.guide_id.clone(),
            started_at_ms: r.started_at_ms,
            finished_at_ms: r.finished_at_ms,
            stopped_at_ms: r.stopped_at_ms,
            at: position(&r.at),
            returns: r.returns.iter().map(position).collect(),
            done: r.done.clone(),
            branches_taken: r.branches_taken.clone(),
            waits: r
                .waits
                .iter()
                .map(|w| StoredWait {
                    step_id: w.step_id.clone(),
                    until_ms: w.until_ms,
                })
                .collect(),
            history: r
                .history
                .iter()
                .map(|v| StoredVisit {
                    at: position(&v.at),
                    returns: v.returns.iter().map(position).collect(),
                })
                .collect(),
        }
    }
}

impl From<StoredRun> for Run {
    fn from(s: StoredRun) -> Self {
        let position = |p: StoredPosition| Position {
            branch: p.branch,
            step: p.step,
        };
        Run {
            id: s.id,
            guide_id: s.guide_id,
            started_at_ms: s.started_at_ms,
            finished_at_ms: s.finished_at_ms,
            stopped_at_ms: s.stopped_at_ms,
            at: position(s.at),
            returns: s.returns.into_iter().map(position).collect(),
            done: s.done,
            branches_taken: s.branches_taken,
            waits: s
                .waits
                .into_iter()
                .map(|w| Wait {
                    step_id: w.step_id,
                    until_ms: w.until_ms,
                })
                .collect(),
            history: s
                .history
                .into_iter()
                .map(|v| Visit {
                    at: position(v.at),
                    returns: v.returns.into_iter().map(position).collect(),
                })
                .collect(),
        }
    }
}

// ---- Phone numbers and services ----

#[derive(Serialize, Deserialize)]
struct StoredPhone {
    id: String,
    e164: String,
    #[serde(default)]
    label: String,
    kind: StoredPhoneKind,
    status: StoredPhoneStatus,
    #[serde(default)]
    added_at_ms: u64,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StoredPhoneKind {
    Mobile,
    Landline,
    Voip,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum StoredPhoneStatus {
    InUse,
    Leaving { on: String },
    Gone,
}

impl From<&Phone> for StoredPhone {
    fn from(p: &Phone) -> Self {
        StoredPhone {
            id: p.id.clone(),
            e164: p.e164.clone(),
            label: p.label.clone(),
            kind: match p.kind {
                PhoneKind::Mobile => StoredPhoneKind::Mobile,
                PhoneKind::Landline => StoredPhoneKind::Landline,
                PhoneKind::Voip => StoredPhoneKind::Voip,
            },
            status: match &p.status {
                PhoneStatus::InUse => StoredPhoneStatus::InUse,
                PhoneStatus::Leaving { on } => StoredPhoneStatus::Leaving { on: on.clone() },
                PhoneStatus::Gone => StoredPhoneStatus::Gone,
            },
            added_at_ms: p.added_at_ms,
        }
    }
}

impl From<StoredPhone> for Phone {
    fn from(s: StoredPhone) -> Self {
        Phone {
            id: s.id,
            e164: s.e164,
            label: s.label,
            kind: match s.kind {
                StoredPhoneKind::Mobile => PhoneKind::Mobile,
                StoredPhoneKind::Landline => PhoneKind::Landline,
                StoredPhoneKind::Voip => PhoneKind::Voip,
            },
            status: match s.status {
                StoredPhoneStatus::InUse => PhoneStatus::InUse,
                StoredPhoneStatus::Leaving { on } => PhoneStatus::Leaving { on },
                StoredPhoneStatus::Gone => PhoneStatus::Gone,
            },
            added_at_ms: s.added_at_ms,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct StoredService {
    id: String,
    service: StoredServiceRef,
    #[serde(default)]
    code_phones: Vec<String>,
    #[serde(default)]
    recovery_phones: Vec<String>,
    #[serde(default)]
    keystep_account: Option<String>,
    #[serde(default)]
    security_key: bool,
    #[serde(default)]
    added_at_ms: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StoredServiceRef {
    Catalog { id: String },
    Custom { name: String, domain: String },
}

impl From<&Service> for StoredService {
    fn from(m: &Service) -> Self {
        StoredService {
            id: m.id.clone(),
            service: match &m.service {
                ServiceRef::Catalog { id } => StoredServiceRef::Catalog { id: id.clone() },
                ServiceRef::Custom { name, domain } => StoredServiceRef::Custom {
                    name: name.clone(),
                    domain: domain.clone(),
                },
            },
            code_phones: m.code_phones.clone(),
            recovery_phones: m.recovery_phones.clone(),
            keystep_account: m.keystep_account.clone(),
            security_key: m.security_key,
            added_at_ms: m.added_at_ms,
        }
    }
}

impl From<StoredService> for Service {
    fn from(s: StoredService) -> Self {
        Service {
            id: s.id,
            service: match s.service {
                StoredServiceRef::Catalog { id } => ServiceRef::Catalog { id },
                StoredServiceRef::Custom { name, domain } => ServiceRef::Custom { name, domain },
            },
            code_phones: s.code_phones,
            recovery_phones: s.recovery_phones,
            keystep_account: s.keystep_account,
            security_key: s.security_key,
            backup_codes: Vec::new(),
            added_at_ms: s.added_at_ms,
        }
    }
}

// ---- Change-number plans: their steps, in the vault's own types (not the guide file format) ----

#[derive(Serialize, Deserialize)]
struct StoredPlan {
    guide: StoredPlanSteps,
    old_phone: String,
    new_phone: String,
    date: String,
}

/// The checklist a plan was made into. Kept under the name `guide` that version 1 wrote.
#[derive(Serialize, Deserialize)]
struct StoredPlanSteps {
    id: String,
    title: String,
    service: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    minutes: u32,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    sources: Vec<StoredSource>,
    steps: Vec<StoredStep>,
    #[serde(default)]
    branches: Vec<StoredBranch>,
}

#[derive(Serialize, Deserialize)]
struct StoredSource {
    url: String,
    checked: String,
}

#[derive(Serialize, Deserialize)]
struct StoredStep {
    id: String,
    title: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    actions: Vec<StoredAction>,
}

#[derive(Serialize, Deserialize)]
struct StoredBranch {
    id: String,
    title: String,
    #[serde(default)]
    returns: bool,
    steps: Vec<StoredStep>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StoredAction {
    OpenPage {
        page: String,
        #[serde(default)]
        service: Option<String>,
        label: String,
    },
    ShowCode {
        service: String,
    },
    ShowPhone {
        service: String,
    },
    Warning {
        text: String,
    },
    CheckAddress {
        ending: String,
        #[serde(default)]
        service: Option<String>,
    },
    Wait {
        minutes: u32,
        text: String,
    },
    Question {
        text: String,
        answers: Vec<StoredAnswer>,
    },
}

#[derive(Serialize, Deserialize)]
struct StoredAnswer {
    label: String,
    goto: String,
}

impl From<&Plan> for StoredPlan {
    fn from(p: &Plan) -> Self {
        let g = &p.guide;
        StoredPlan {
            guide: StoredPlanSteps {
                id: g.id.clone(),
                title: g.title.clone(),
                service: g.service.clone(),
                summary: g.summary.clone(),
                minutes: g.minutes,
                needs: g.needs.clone(),
                sources: g
                    .sources
                    .iter()
                    .map(|s| StoredSource {
                        url: s.url.clone(),
                        checked: s.checked.clone(),
                    })
                    .collect(),
                steps: g.steps.iter().map(StoredStep::from).collect(),
                branches: g
                    .branches
                    .iter()
                    .map(|b| StoredBranch {
                        id: b.id.clone(),
                        title: b.title.clone(),
                        returns: b.returns,
                        steps: b.steps.iter().map(StoredStep::from).collect(),
                    })
                    .collect(),
            },
            old_phone: p.old_phone.clone(),
            new_phone: p.new_phone.clone(),
            date: p.date.clone(),
        }
    }
}

impl From<StoredPlan> for Plan {
    fn from(s: StoredPlan) -> Self {
        let g = s.guide;
        Plan {
            guide: Guide {
                id: g.id,
                title: g.title,
                service: g.service,
                summary: g.summary,
                minutes: g.minutes,
                needs: g.needs,
                sources: g
                    .sources
                    .into_iter()
                    .map(|s| GuideSource {
                        url: s.url,
                        checked: s.checked,
                    })
                    .collect(),
                steps: g.steps.into_iter().map(Step::from).collect(),
                branches: g
                    .branches
                    .into_iter()
                    .map(|b| Branch {
                        id: b.id,
                        title: b.title,
                        returns: b.returns,
                        steps: b.steps.into_iter().map(Step::from).collect(),
                    })
                    .collect(),
            },
            old_phone: s.old_phone,
            new_phone: s.new_phone,
            date: s.date,
        }
    }
}

impl From<&Step> for StoredStep {
    fn from(s: &Step) -> Self {
        StoredStep {
            id: s.id.clone(),
            title: s.title.clone(),
            text: s.text.clone(),
            actions: s.actions.iter().map(StoredAction::from).collect(),
        }
    }
}

impl From<StoredStep> for Step {
    fn from(s: StoredStep) -> Self {
        Step {
            id: s.id,
            title: s.title,
            text: s.text,
            actions: s.actions.into_iter().map(Action::from).collect(),
        }
    }
}

impl From<&Action> for StoredAction {
    fn from(a: &Action) -> Self {
        match a.clone() {
            Action::OpenPage {
                page,
                service,
                label,
            } => StoredAction::OpenPage {
                page,
                service,
                label,
            },
            Action::ShowCode { service } => StoredAction::ShowCode { service },
            Action::ShowPhone { service } => StoredAction::ShowPhone { service },
            Action::Warning { text } => StoredAction::Warning { text },
            Action::CheckAddress { ending, service } => {
                StoredAction::CheckAddress { ending, service }
            }
            Action::Wait { minutes, text } => StoredAction::Wait { minutes, text },
            Action::Question { text, answers } => StoredAction::Question {
                text,
                answers: answers
                    .into_iter()
                    .map(|a| StoredAnswer {
                        label: a.label,
                        goto: a.goto,
                    })
                    .collect(),
            },
        }
    }
}

impl From<StoredAction> for Action {
    fn from(a: StoredAction) -> Self {
        match a {
            StoredAction::OpenPage {
                page,
                service,
                label,
            } => Action::OpenPage {
                page,
                service,
                label,
            },
            StoredAction::ShowCode { service } => Action::ShowCode { service },
            StoredAction::ShowPhone { service } => Action::ShowPhone { service },
            StoredAction::Warning { text } => Action::Warning { text },
            StoredAction::CheckAddress { ending, service } => {
                Action::CheckAddress { ending, service }
            }
            StoredAction::Wait { minutes, text } => Action::Wait { minutes, text },
            StoredAction::Question { text, answers } => Action::Question {
                text,
                answers: answers
                    .into_iter()
                    .map(|a| Answer {
                        label: a.label,
                        goto: a.goto,
                    })
                    .collect(),
            },
        }
    }
}
