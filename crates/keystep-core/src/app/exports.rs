//! Taking codes out: to another app, to a phone, or as a Keystep backup. The file formats live with
//! their readers (`import::aegis`, `import::google`, `otp::uri`); this is what the front ends call.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::Keystep;
use crate::account::Account;
use crate::error::{Error, Field, Result};
use crate::import::google::{self, ExportEntry};
use crate::otp::{Algorithm, OtpKind, uri};
use crate::sensitive::SecretString;
use crate::vault::file::write_atomic;

/// Accounts per Google Authenticator transfer QR code (what Aegis writes; a QR code of ten accounts
/// is still easy for a phone camera).
pub const ACCOUNTS_PER_GOOGLE_QR: usize = 10;

/// The formats Keystep writes, named as `keystep export --format` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// A Keystep backup: encrypted, opens with the recovery password.
    Keystep,
    /// Aegis's JSON, not encrypted.
    Aegis,
    /// Aegis's JSON, encrypted with a password chosen for the file.
    AegisEncrypted,
    /// One `otpauth://` link per line, not encrypted.
    Otpauth,
    /// Google Authenticator transfer QR codes, as PNG pictures (not encrypted).
    GoogleQr,
}

impl ExportFormat {
    /// Every format, as listed in help texts.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Keystep,
        ExportFormat::Aegis,
        ExportFormat::AegisEncrypted,
        ExportFormat::Otpauth,
        ExportFormat::GoogleQr,
    ];

    /// The name `--format` takes.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Keystep => "keystep",
            ExportFormat::Aegis => "aegis",
            ExportFormat::AegisEncrypted => "aegis-encrypted",
            ExportFormat::Otpauth => "otpauth",
            ExportFormat::GoogleQr => "google-qr",
        }
    }

    /// Reads a `--format` name (any case).
    pub fn parse(name: &str) -> Result<Self> {
        let lower = name.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.key() == lower)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.key()).collect();
                Error::bad(
                    Field::Format,
                    crate::error::ReasonKey::ExportFormatUnknown
                        .with("name", name)
                        .with("formats", names.join(", ")),
                )
            })
    }

    /// Whether the file it writes is encrypted. Anything else shows every secret to whoever gets it.
    pub fn is_encrypted(self) -> bool {
        matches!(self, ExportFormat::Keystep | ExportFormat::AegisEncrypted)
    }
}

/// An account left out of an export, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportSkip {
    pub name: String,
    pub reason: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub format: ExportFormat,
    /// How many accounts are in the written file(s).
    pub exported: usize,
    pub skipped: Vec<ExportSkip>,
    /// The files written (several for Google QR codes).
    #[ts(type = "string[]")]
    pub files: Vec<PathBuf>,
}

impl Keystep {
    /// Writes every account to `out` in `format`. `password` is, for `aegis-encrypted`, the
    /// password of the new file; for a format that is not encrypted, the recovery password when
    /// one is set (whoever gets the file gets every code, so the person proves it is them first).
    /// A Google QR export writes `out` as a folder of PNG files, one per QR code.
    pub fn export(
        &mut self,
        format: ExportFormat,
        out: &Path,
        password: Option<&SecretString>,
    ) -> Result<ExportReport> {
        self.refresh()?;
        if !format.is_encrypted() {
            self.check_reveal(password)?;
        }
        let count = self.contents.accounts.len();
        let (files, exported, skipped) = match format {
            ExportFormat::Keystep => {
                self.backup_to(out)?;
                (vec![out.to_path_buf()], count, Vec::new())
            }
            ExportFormat::Otpauth => {
                let mut text = Zeroizing::new(String::new());
                for a in &self.contents.accounts {
                    text.push_str(&uri::format(
                        &a.issuer,
                        &a.name,
                        a.secret.expose(),
                        &a.params,
                    ));
                    text.push('\n');
                }
                write_atomic(out, text.as_bytes())?;
                (vec![out.to_path_buf()], count, Vec::new())
            }
            ExportFormat::GoogleQr => {
                let (links, skipped) = google_links(&self.contents.accounts)?;
                let files = write_qr_pictures(out, &links)?;
                (files, count - skipped.len(), skipped)
            }
            ExportFormat::Aegis | ExportFormat::AegisEncrypted => {
                let encrypt_with = match format {
                    ExportFormat::AegisEncrypted => Some(new_file_password(password)?),
                    _ => None,
                };
                let entries: Vec<_> = self.contents.accounts.iter().map(aegis_entry).collect();
                let bytes = crate::import::aegis::write(&entries, encrypt_with)?;
                write_atomic(out, &bytes)?;
                (vec![out.to_path_buf()], count, Vec::new())
            }
        };
        Ok(ExportReport {
            format,
            exported,
            skipped,
            files,
        })
    }

    /// Whoever sees an unencrypted export (a file, or QR codes on the screen) can make every code:
    /// when a recovery password is set, `password` must be it.
    fn check_reveal(&self, password: Option<&SecretString>) -> Result<()> {
        if self.has_password() {
            let given = password.ok_or(Error::ExportPasswordNeeded)?;
            self.check_current_password(Some(given))?;
        }
        Ok(())
    }

    /// The transfer links of a Google Authenticator export of every account that Google
    /// Authenticator can take, ten per QR code, and the accounts left out (to show on screen;
    /// `password` as for an unencrypted export).
    pub fn google_transfer_links(
        &mut self,
        password: Option<&SecretString>,
    ) -> Result<(Vec<Zeroizing<String>>, Vec<ExportSkip>)> {
        self.refresh()?;
        self.check_reveal(password)?;
        google_links(&self.contents.accounts)
    }

    /// One account's setup link and its name, to show as a QR code for a second device
    /// (`password` as for an unencrypted export).
    pub fn setup_link(
        &mut self,
        id: &str,
        password: Option<&SecretString>,
    ) -> Result<(Zeroizing<String>, String)> {
        self.refresh()?;
        self.check_reveal(password)?;
        let a = self.account_by_id(id)?;
        Ok((
            uri::format(&a.issuer, &a.name, a.secret.expose(), &a.params),
            a.display_name(),
        ))
    }
}

fn new_file_password(password: Option<&SecretString>) -> Result<&SecretString> {
    match password {
        Some(p) if !p.expose().trim().is_empty() => Ok(p),
        _ => Err(Error::bad(
            Field::Password,
            crate::error::ReasonKey::ExportPasswordNeeded,
        )),
    }
}

fn aegis_entry(a: &Account) -> crate::import::aegis::ExportAccount<'_> {
    crate::import::aegis::ExportAccount {
        issuer: &a.issuer,
        name: &a.name,
        secret: a.secret.expose(),
        kind: a.params.kind,
        algorithm: a.params.algorithm,
        digits: a.params.digits,
        period: a.params.period,
        counter: a.params.counter,
    }
}

/// Why Google Authenticator cannot take an account, if it cannot.
fn google_refuses(a: &Account) -> Option<&'static str> {
    let p = &a.params;
    if p.kind == OtpKind::Steam {
        Some("Google Authenticator does not make Steam codes.")
    } else if p.algorithm != Algorithm::Sha1 || p.digits != 6 {
        Some("Google Authenticator's transfer codes carry only 6-digit SHA1 codes.")
    } else if p.kind == OtpKind::Totp && p.period != 30 {
        Some("Google Authenticator's transfer codes carry only codes that change every 30 seconds.")
    } else {
        None
    }
}

fn google_links(accounts: &[Account]) -> Result<(Vec<Zeroizing<String>>, Vec<ExportSkip>)> {
    let mut skipped = Vec::new();
    let mut entries = Vec::new();
    for a in accounts {
        match google_refuses(a) {
            Some(reason) => skipped.push(ExportSkip {
                name: a.display_name(),
                reason: reason.to_string(),
            }),
            None => entries.push(ExportEntry {
                secret: a.secret.expose(),
                name: &a.name,
                issuer: &a.issuer,
                hotp_counter: (a.params.kind == OtpKind::Hotp).then_some(a.params.counter),
            }),
        }
    }
    let chunks: Vec<_> = entries.chunks(ACCOUNTS_PER_GOOGLE_QR).collect();
    let size = i32::try_from(chunks.len()).unwrap_or(i32::MAX);
    let mut id = [0u8; 4];
    getrandom::fill(&mut id).map_err(|_| Error::Random {
        purpose: "number a Google Authenticator export",
    })?;
    // Positive, so that every varint stays short (a negative one takes 10 bytes).
    let batch_id = i32::from_le_bytes(id).unsigned_abs().max(1) as i32 & i32::MAX;
    let links = chunks
        .iter()
        .enumerate()
        .map(|(index, chunk)| {
            google::encode_link(chunk, size, i32::try_from(index).unwrap_or(0), batch_id)
        })
        .collect();
    Ok((links, skipped))
}

/// Writes each link as a QR picture `keystep-google-export-N-of-M.png` in the folder `out`.
fn write_qr_pictures(out: &Path, links: &[Zeroizing<String>]) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out).map_err(|e| Error::io("make the export folder", out, e))?;
    let total = links.len();
    let mut files = Vec::new();
    for (index, link) in links.iter().enumerate() {
        let picture = crate::qr::draw(link, 8)?;
        let png = Zeroizing::new(crate::qr::png_bytes(&picture)?);
        let path = out.join(format!(
            "keystep-google-export-{}-of-{total}.png",
            index + 1
        ));
        write_atomic(&path, &png)?;
        files.push(path);
    }
    Ok(files)
}
