//! Bringing codes in from other authenticator apps: one reader per export format, each behind
//! [`Importer`], and the detection that picks one from the content (never from the file name).
//!
//! A reader turns a file into [`Item`]s: an account ready to be checked against the vault, or an
//! entry it had to skip, with the reason in words. Nothing here touches the vault; the facade
//! previews the items against it and adds them in one save (`Keystep::preview_import`,
//! `Keystep::import`). The formats are described, with their sources, in `docs/import-formats.md`.

pub mod aegis;
mod andotp;
mod bitwarden;
mod crypto;
mod ente;
mod freeotp_plus;
pub mod google;
mod lastpass;
mod otpauth_list;
mod proton;
mod twofas;

use serde::Serialize;
use ts_rs::TS;

use crate::account::{ValidAccount, clean_names};
use crate::error::{Error, Field, Result};
use crate::otp::{Algorithm, OtpKind, OtpParams, steam_by_issuer};
use crate::sensitive::{SecretBytes, SecretString};

/// Largest export file read. A 1,000-account Aegis export with icons is a few megabytes; anything
/// far bigger is refused from its size before it is read.
pub const MAX_IMPORT_BYTES: usize = 32 << 20;

/// The formats Keystep reads, named as `keystep import --format` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Google Authenticator's transfer links (`otpauth-migration://`), from its export QR codes.
    Google,
    Aegis,
    #[serde(rename = "twofas")]
    TwoFas,
    Bitwarden,
    Ente,
    Proton,
    #[serde(rename = "andotp")]
    AndOtp,
    FreeotpPlus,
    Lastpass,
    /// A text file with one `otpauth://` link per line.
    Otpauth,
}

impl Format {
    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 10] = [
        Format::Google,
        Format::Aegis,
        Format::TwoFas,
        Format::Bitwarden,
        Format::Ente,
        Format::Proton,
        Format::AndOtp,
        Format::FreeotpPlus,
        Format::Lastpass,
        Format::Otpauth,
    ];

    /// The name `--format` takes.
    pub fn key(self) -> &'static str {
        match self {
            Format::Google => "google",
            Format::Aegis => "aegis",
            Format::TwoFas => "twofas",
            Format::Bitwarden => "bitwarden",
            Format::Ente => "ente",
            Format::Proton => "proton",
            Format::AndOtp => "andotp",
            Format::FreeotpPlus => "freeotp-plus",
            Format::Lastpass => "lastpass",
            Format::Otpauth => "otpauth",
        }
    }

    /// The app's name as people know it.
    pub fn title(self) -> &'static str {
        match self {
            Format::Google => "Google Authenticator",
            Format::Aegis => "Aegis",
            Format::TwoFas => "2FAS",
            Format::Bitwarden => "Bitwarden",
            Format::Ente => "Ente Auth",
            Format::Proton => "Proton Authenticator",
            Format::AndOtp => "andOTP",
            Format::FreeotpPlus => "FreeOTP+",
            Format::Lastpass => "LastPass Authenticator",
            Format::Otpauth => "a list of setup links",
        }
    }

    /// Reads a `--format` name (any case).
    pub fn parse(name: &str) -> Result<Format> {
        let name = name.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.key() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
                Error::bad(
                    Field::Format,
                    crate::error::ReasonKey::ImportFormatUnknown
                        .with("name", name)
                        .with("formats", names.join(", ")),
                )
            })
    }

    fn importer(self) -> &'static dyn Importer {
        match self {
            Format::Google => &google::GoogleImporter,
            Format::Aegis => &aegis::Aegis,
            Format::TwoFas => &twofas::TwoFas,
            Format::Bitwarden => &bitwarden::Bitwarden,
            Format::Ente => &ente::Ente,
            Format::Proton => &proton::Proton,
            Format::AndOtp => &andotp::AndOtp,
            Format::FreeotpPlus => &freeotp_plus::FreeOtpPlus,
            Format::Lastpass => &lastpass::LastPass,
            Format::Otpauth => &otpauth_list::OtpauthList,
        }
    }
}

/// A file's content, decoded once for every reader: its bytes, its text when it is UTF-8, and its
/// JSON when it parses (serde_json refuses nesting deeper than 128, so hostile nesting fails here).
pub struct Input<'a> {
    pub bytes: &'a [u8],
    pub text: Option<&'a str>,
    pub json: Option<serde_json::Value>,
}

impl<'a> Input<'a> {
    /// Decodes `bytes` as text and JSON where it can.
    pub fn new(bytes: &'a [u8]) -> Self {
        let text = std::str::from_utf8(bytes).ok();
        let json = text
            .map(|t| t.trim_start_matches('\u{feff}'))
            .filter(|t| t.trim_start().starts_with(['{', '[']))
            .and_then(|t| serde_json::from_str(t).ok());
        Input { bytes, text, json }
    }

    /// The JSON object, when the content is one.
    pub fn object(&self) -> Option<&serde_json::Map<String, serde_json::Value>> {
        self.json.as_ref()?.as_object()
    }
}

/// Why a reader could not read a file it recognised.
#[derive(Debug)]
pub enum ReadError {
    /// The file is of this format but damaged or incomplete: what is wrong, in words.
    Damaged(String),
    /// The file is encrypted and no password was given.
    PasswordNeeded,
    /// The password given does not open the file.
    WrongPassword,
    /// A version, kind of encryption or setting this reader does not handle, in words.
    Unsupported(String),
}

impl ReadError {
    /// A damaged-file error with its reason.
    pub fn damaged(reason: impl Into<String>) -> Self {
        ReadError::Damaged(reason.into())
    }
}

/// What a reader made of one entry of the file.
#[derive(Debug)]
pub enum Item {
    /// An account, checked, with how the file names it.
    Account {
        label: String,
        account: ValidAccount,
    },
    /// An entry that cannot be brought in, with how the file names it and why.
    Skipped { label: String, reason: String },
}

impl Item {
    /// The entry's name in the report: "Issuer:account", "line 3", "entry 2".
    pub fn label(&self) -> &str {
        match self {
            Item::Account { label, .. } | Item::Skipped { label, .. } => label,
        }
    }

    /// An entry skipped for `reason`.
    pub fn skipped(label: impl Into<String>, reason: impl Into<String>) -> Self {
        Item::Skipped {
            label: label.into(),
            reason: reason.into(),
        }
    }

    /// Reads a setup link (`otpauth://` or `steam://`) as one entry; a link Keystep cannot use
    /// becomes a skipped entry with the link's problem (never the link: it holds the secret).
    pub fn from_link(fallback_label: impl Into<String>, link: &str) -> Self {
        let fallback_label = fallback_label.into();
        match read_link(link) {
            Ok(account) => Item::Account {
                label: label_of(&account.issuer, &account.name, &fallback_label),
                account,
            },
            Err(e) => Item::skipped(fallback_label, reason_of(&e)),
        }
    }
}

/// One entry as a reader found it, before Keystep's checks.
#[derive(Debug)]
pub struct RawEntry {
    pub issuer: String,
    pub name: String,
    pub secret: SecretBytes,
    pub kind: OtpKind,
    pub algorithm: Algorithm,
    pub digits: u8,
    pub period: u64,
    pub counter: u64,
}

impl RawEntry {
    /// A time-based entry with the usual settings (SHA1, 6 digits, 30 seconds).
    pub fn totp(issuer: impl Into<String>, name: impl Into<String>, secret: SecretBytes) -> Self {
        let defaults = OtpParams::default();
        RawEntry {
            issuer: issuer.into(),
            name: name.into(),
            secret,
            kind: OtpKind::Totp,
            algorithm: defaults.algorithm,
            digits: defaults.digits,
            period: defaults.period,
            counter: 0,
        }
    }

    /// Checks the entry as the add form would: an entry that fails becomes a skipped one, named
    /// by `fallback_label` when it has no names of its own.
    pub fn into_item(self, fallback_label: &str) -> Item {
        let label = label_of(&self.issuer, &self.name, fallback_label);
        if self.secret.is_empty() {
            return Item::skipped(label, "it has no setup key.");
        }
        let kind = steam_by_issuer(self.kind, &self.issuer);
        let params = OtpParams {
            kind,
            algorithm: self.algorithm,
            digits: self.digits,
            period: self.period,
            counter: self.counter,
        }
        .validated();
        let checked = params.and_then(|params| {
            let (issuer, name) = clean_names(&self.issuer, &self.name, Field::Name)?;
            Ok(ValidAccount {
                issuer,
                name,
                secret: self.secret,
                params,
            })
        });
        match checked {
            Ok(account) => Item::Account { label, account },
            Err(e) => Item::skipped(label, reason_of(&e)),
        }
    }
}

/// "Issuer:account", the one name there is, or `fallback` ("line 3") when the entry has none.
pub fn label_of(issuer: &str, name: &str, fallback: &str) -> String {
    match (issuer.trim(), name.trim()) {
        ("", "") => fallback.to_string(),
        (issuer, "") => issuer.to_string(),
        ("", name) => name.to_string(),
        (issuer, name) => format!("{issuer}:{name}"),
    }
}

/// An error's message as a skip reason: "The time step is not valid: ..." reads as a reason.
fn reason_of(error: &Error) -> String {
    error.to_string()
}

/// Reads one setup link: `otpauth://`, or `steam://KEY` (Bitwarden, Proton), whose key is base32 or,
/// from steamguard-cli, base64.
pub fn read_link(link: &str) -> Result<ValidAccount> {
    let link = link.trim();
    let Some(key) = link
        .get(..8)
        .filter(|head| head.eq_ignore_ascii_case("steam://"))
        .map(|_| &link[8..])
    else {
        return crate::account::from_uri(link);
    };
    let secret = crate::otp::secret::decode_base32(key)
        .or_else(|_| decode_base64_secret(key).ok_or(()))
        .map_err(|()| Error::bad(Field::Secret, crate::error::ReasonKey::SteamKeyUnreadable))?;
    let params = OtpParams {
        kind: OtpKind::Steam,
        ..OtpParams::default()
    }
    .validated()?;
    Ok(ValidAccount {
        issuer: "Steam".into(),
        name: String::new(),
        secret,
        params,
    })
}

/// Standard base64, with or without padding (Steam's `shared_secret`, steamguard-cli's links).
pub fn decode_base64_secret(text: &str) -> Option<SecretBytes> {
    let trimmed = text.trim().trim_end_matches('=');
    data_encoding::BASE64_NOPAD
        .decode(trimmed.as_bytes())
        .ok()
        .map(SecretBytes::new)
}

/// Everything read from one file (or one image, or several QR codes of one export).
#[derive(Debug)]
pub struct ReadResult {
    pub format: Format,
    pub items: Vec<Item>,
    /// Things the person must know that concern no single entry (a Google export with QR codes
    /// missing), in words.
    pub warnings: Vec<String>,
    /// What QR codes held that is not a setup code (a web address, a Wi-Fi password): shown, never
    /// added.
    pub other_texts: Vec<String>,
}

/// Reads an export file or a picture of QR codes at `path`. A picture is searched for QR codes
/// (any `format` but `google` and `otpauth` is refused for it); anything else is read as `format`,
/// or as the format its content shows.
pub fn read_path(
    path: &std::path::Path,
    format: Option<Format>,
    password: Option<&SecretString>,
) -> Result<ReadResult> {
    match read_file_or_qr(path, format, password)? {
        FileRead::Export(read) => Ok(read),
        FileRead::QrTexts(texts) => read_qr_texts(&path.display().to_string(), &texts),
    }
}

/// Reads several files as one import: the QR codes of all the pictures together (the pictures of
/// one Google export, in any order), then each export file; their entries in that order.
pub fn read_paths(
    paths: &[std::path::PathBuf],
    format: Option<Format>,
    password: Option<&SecretString>,
) -> Result<ReadResult> {
    let mut texts = Vec::new();
    let mut exports = Vec::new();
    for path in paths {
        match read_file_or_qr(path, format, password)? {
            FileRead::QrTexts(found) => texts.extend(found),
            FileRead::Export(read) => exports.push(read),
        }
    }
    let mut result = match (texts.is_empty(), paths) {
        (false, [one]) => read_qr_texts(&one.display().to_string(), &texts)?,
        (false, _) => read_qr_texts("the pictures", &texts)?,
        (true, _) => match exports.is_empty() {
            true => {
                return Err(Error::NoQr {
                    file: "the pictures".into(),
                });
            }
            false => exports.remove(0),
        },
    };
    for mut read in exports {
        result.items.append(&mut read.items);
        result.warnings.append(&mut read.warnings);
    }
    Ok(result)
}

/// What a file held: an export, read; or a picture's QR codes, still as text (so that the QR codes
/// of one Google export, in several pictures, can be read together).
pub enum FileRead {
    Export(ReadResult),
    QrTexts(Vec<String>),
}

/// Reads an export file, or the QR codes of a picture (any `format` but `google` and `otpauth` is
/// refused for a picture). Anything else is read as `format`, or as the format its content shows.
pub fn read_file_or_qr(
    path: &std::path::Path,
    format: Option<Format>,
    password: Option<&SecretString>,
) -> Result<FileRead> {
    let bytes = zeroize::Zeroizing::new(crate::files::read_file(path, MAX_IMPORT_BYTES)?);
    let file = path.display().to_string();
    if crate::qr::is_image(&bytes)
        && matches!(format, None | Some(Format::Google | Format::Otpauth))
    {
        let texts = crate::qr::read_image(&file, &bytes)?;
        if texts.is_empty() {
            return Err(Error::NoQr { file });
        }
        return Ok(FileRead::QrTexts(texts));
    }
    read(&file, &bytes, format, password).map(FileRead::Export)
}

/// Reads what QR codes held (from pictures or the screen): setup links, Google transfer links (the
/// QR codes of one export in any order), and other text, kept apart. No QR code at all is
/// [`Error::NoQr`] naming `source`.
pub fn read_qr_texts(source: &str, texts: &[String]) -> Result<ReadResult> {
    if texts.is_empty() {
        return Err(Error::NoQr {
            file: source.to_string(),
        });
    }
    let mut transfers = Vec::new();
    let mut items = Vec::new();
    let mut other_texts = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        let lower = text.trim().get(..20).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with(google::SCHEME) {
            transfers.push(text.as_str());
        } else if lower.starts_with("otpauth://") || lower.starts_with("steam://") {
            items.push(Item::from_link(format!("QR code {}", index + 1), text));
        } else {
            other_texts.push(text.clone());
        }
    }
    let mut warnings = Vec::new();
    let format = if transfers.is_empty() {
        Format::Otpauth
    } else {
        let mut from_google = google::read_links(&transfers, &mut warnings)
            .map_err(|e| e.into_error(source, Format::Google))?;
        from_google.append(&mut items);
        items = from_google;
        Format::Google
    };
    Ok(ReadResult {
        format,
        items,
        warnings,
        other_texts,
    })
}

/// Reads `bytes` as `format`, or as the format its content shows when `format` is `None`.
/// `source` names the file in messages. Images are not read here: see `crate::qr`.
pub fn read(
    source: &str,
    bytes: &[u8],
    format: Option<Format>,
    password: Option<&SecretString>,
) -> Result<ReadResult> {
    let input = Input::new(bytes);
    let format = match format {
        Some(f) => f,
        None => detect(&input).ok_or_else(|| Error::ImportUnknown {
            file: source.to_string(),
        })?,
    };
    let importer = format.importer();
    let mut warnings = Vec::new();
    let items = importer
        .read(&input, password, &mut warnings)
        .map_err(|e| e.into_error(source, format))?;
    Ok(ReadResult {
        format,
        items,
        warnings,
        other_texts: Vec::new(),
    })
}

/// The format whose reader recognises the content, trying them in [`Format::ALL`] order.
pub fn detect(input: &Input<'_>) -> Option<Format> {
    Format::ALL.into_iter().find(|f| f.importer().detect(input))
}

impl ReadError {
    fn into_error(self, source: &str, format: Format) -> Error {
        let file = source.to_string();
        let app = format.title();
        match self {
            ReadError::Damaged(reason) | ReadError::Unsupported(reason) => {
                Error::ImportDamaged { file, app, reason }
            }
            ReadError::PasswordNeeded => Error::ImportPasswordNeeded { file, app },
            ReadError::WrongPassword => Error::ImportWrongPassword { file, app },
        }
    }
}

/// One export format Keystep reads.
pub trait Importer: Sync {
    /// True when the content is this app's export. Cheap: looks at the first bytes or the JSON
    /// keys, never decrypts.
    fn detect(&self, input: &Input<'_>) -> bool;

    /// Reads every entry. An encrypted file needs `password` ([`ReadError::PasswordNeeded`]
    /// without one); `warnings` collects what concerns the whole file.
    fn read(
        &self,
        input: &Input<'_>,
        password: Option<&SecretString>,
        warnings: &mut Vec<String>,
    ) -> std::result::Result<Vec<Item>, ReadError>;
}

/// What the importers' tests compare (here and in `tests/imports.rs`): each entry as one line.
#[doc(hidden)]
pub mod test_support;
