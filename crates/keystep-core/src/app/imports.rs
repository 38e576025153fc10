//! Bringing codes in: a preview of what an import would do to this vault, entry by entry, and the
//! import itself, in one save or not at all.

use serde::Serialize;
use ts_rs::TS;

use super::Keystep;
use crate::account::{Account, ValidAccount};
use crate::catalog::Catalog;
use crate::error::Result;
use crate::import::{Format, Item, ReadResult};
use crate::otp::{OtpKind, OtpParams};
use crate::sensitive::SecretBytes;
use crate::vault::Contents;

/// What an import does with one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum ImportAction {
    /// It is added.
    Add,
    /// The same code is already in Keystep (or earlier in the same file): not added twice.
    Duplicate,
    /// It cannot be brought in; the reason says why.
    Skip,
}

/// One entry of an import, as the preview shows it: never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// How the file names it: "Issuer:account", "line 3", "QR code 2".
    pub name: String,
    pub issuer: String,
    pub account: String,
    /// The kind of code, when the entry could be read.
    pub kind: Option<OtpKind>,
    pub action: ImportAction,
    /// Why it is skipped, or which account it duplicates.
    pub reason: Option<String>,
}

/// What an import would do (the preview) or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub format: Format,
    /// The app the file came from, as people name it.
    pub app: String,
    pub rows: Vec<ImportRow>,
    pub added: usize,
    pub duplicates: usize,
    pub skipped: usize,
    /// What concerns the whole file (a Google export with a QR code missing).
    pub warnings: Vec<String>,
    /// What QR codes held that is not a setup code (shown, never added).
    pub other_texts: Vec<String>,
    /// The official-site check of every link in those texts (a QR code on a letter or a message
    /// may lead to a lookalike site).
    pub other_links: Vec<crate::links::LinkCheck>,
}

/// Same secret and same settings: the same code generator, whatever its name. (The counter of a
/// counter account is left out: an older copy of the same account has a smaller one.)
fn same_code(a: (&SecretBytes, &OtpParams), b: (&SecretBytes, &OtpParams)) -> bool {
    let ((secret_a, pa), (secret_b, pb)) = (a, b);
    secret_a == secret_b
        && pa.kind == pb.kind
        && pa.algorithm == pb.algorithm
        && pa.digits == pb.digits
        && (pa.kind == OtpKind::Hotp || pa.period == pb.period)
}

/// Decides each entry against `contents` (and the entries before it), in file order.
fn plan(contents: &Contents, read: &ReadResult, catalog: &Catalog) -> ImportPreview {
    let mut rows = Vec::with_capacity(read.items.len());
    let mut taken: Vec<&ValidAccount> = Vec::new();
    for item in &read.items {
        let row = match item {
            Item::Skipped { label, reason } => ImportRow {
                name: label.clone(),
                issuer: String::new(),
                account: String::new(),
                kind: None,
                action: ImportAction::Skip,
                reason: Some(reason.clone()),
            },
            Item::Account { label, account } => {
                let new = (&account.secret, &account.params);
                let existing = contents
                    .accounts
                    .iter()
                    .find(|a| same_code(new, (&a.secret, &a.params)));
                let earlier = taken.iter().any(|t| same_code(new, (&t.secret, &t.params)));
                let (action, reason) = match (existing, earlier) {
                    (Some(a), _) => (
                        ImportAction::Duplicate,
                        Some(format!("already in Keystep as {}.", a.display_name())),
                    ),
                    (None, true) => (
                        ImportAction::Duplicate,
                        Some("it is in this file twice; added once.".to_string()),
                    ),
                    (None, false) => {
                        taken.push(account);
                        (ImportAction::Add, None)
                    }
                };
                ImportRow {
                    name: label.clone(),
                    issuer: account.issuer.clone(),
                    account: account.name.clone(),
                    kind: Some(account.params.kind),
                    action,
                    reason,
                }
            }
        };
        rows.push(row);
    }
    let count = |action| rows.iter().filter(|r| r.action == action).count();
    ImportPreview {
        format: read.format,
        app: read.format.title().to_string(),
        added: count(ImportAction::Add),
        duplicates: count(ImportAction::Duplicate),
        skipped: count(ImportAction::Skip),
        rows,
        warnings: read.warnings.clone(),
        other_texts: read.other_texts.clone(),
        other_links: read
            .other_texts
            .iter()
            .flat_map(|t| crate::links::check_text(catalog, t))
            .collect(),
    }
}

impl Keystep {
    /// What importing `read` would do into an empty vault (a dry run before there is one).
    pub fn preview_without_vault(read: &ReadResult) -> ImportPreview {
        plan(&Contents::default(), read, Catalog::bundled())
    }

    /// What importing `read` would do now, entry by entry. Writes nothing.
    pub fn preview_import(&mut self, read: &ReadResult) -> Result<ImportPreview> {
        self.refresh()?;
        Ok(plan(&self.contents, read, self.catalog()))
    }

    /// Adds every entry the preview marks "add", in one save: all of them, or (when the save
    /// fails) none. Decided again under the write lock, so an account added meanwhile in another
    /// window is not added twice.
    pub fn import(&mut self, read: ReadResult, now_ms: u64) -> Result<ImportPreview> {
        let catalog = self.catalog();
        self.update(|contents| {
            let preview = plan(contents, &read, catalog);
            let adds = read
                .items
                .into_iter()
                .zip(&preview.rows)
                .filter(|(_, row)| row.action == ImportAction::Add);
            for (item, _) in adds {
                if let Item::Account { account, .. } = item {
                    contents.accounts.push(Account {
                        id: uuid::Uuid::new_v4().to_string(),
                        issuer: account.issuer,
                        name: account.name,
                        secret: account.secret,
                        params: account.params,
                        added_at: now_ms / 1000,
                    });
                }
            }
            Ok(preview)
        })
    }
}
