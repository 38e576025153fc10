//! The one error type of the core. Every variant has a stable machine `code` and a message written for a
//! person who is not technical. Messages never contain a secret: not the seed, not the URI that holds it,
//! not the vault key.

use std::path::PathBuf;

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

pub use crate::reasons::{InputReason, ReasonKey};

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A field of user input, named in [`Error::BadInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Uri,
    Kind,
    Issuer,
    Name,
    Secret,
    Algorithm,
    Digits,
    Period,
    Counter,
    Phone,
    Region,
    Label,
    Date,
    BackupCodes,
    Domain,
    Password,
    LockAfter,
    Format,
    Server,
}

impl Field {
    /// Every field, in the order above.
    pub const ALL: [Field; 19] = [
        Field::Uri,
        Field::Kind,
        Field::Issuer,
        Field::Name,
        Field::Secret,
        Field::Algorithm,
        Field::Digits,
        Field::Period,
        Field::Counter,
        Field::Phone,
        Field::Region,
        Field::Label,
        Field::Date,
        Field::BackupCodes,
        Field::Domain,
        Field::Password,
        Field::LockAfter,
        Field::Format,
        Field::Server,
    ];

    /// The stable name used in error codes (`input.bad_secret`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Uri => "uri",
            Field::Kind => "kind",
            Field::Issuer => "issuer",
            Field::Name => "name",
            Field::Secret => "secret",
            Field::Algorithm => "algorithm",
            Field::Digits => "digits",
            Field::Period => "period",
            Field::Counter => "counter",
            Field::Phone => "phone",
            Field::Region => "region",
            Field::Label => "label",
            Field::Date => "date",
            Field::BackupCodes => "backup_codes",
            Field::Domain => "domain",
            Field::Password => "password",
            Field::LockAfter => "lock_after",
            Field::Format => "format",
            Field::Server => "server",
        }
    }

    /// The name a person sees on the form.
    pub fn label(self) -> &'static str {
        match self {
            Field::Uri => "setup link",
            Field::Kind => "type",
            Field::Issuer => "service name",
            Field::Name => "account name",
            Field::Secret => "setup key",
            Field::Algorithm => "algorithm",
            Field::Digits => "number of digits",
            Field::Period => "time step",
            Field::Counter => "counter",
            Field::Phone => "phone number",
            Field::Region => "country",
            Field::Label => "label",
            Field::Date => "date",
            Field::BackupCodes => "list of backup codes",
            Field::Domain => "web address",
            Field::Password => "recovery password",
            Field::LockAfter => "time before locking",
            Field::Format => "file format",
            Field::Server => "time server",
        }
    }
}

/// Why the OS keychain could not give or keep the vault key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainProblem {
    /// No keychain service answers (no D-Bus session, or no Secret Service such as gnome-keyring).
    NoService,
    /// The keychain is locked and was not unlocked.
    Locked,
    /// Access was refused (an unlock prompt was dismissed, or the OS said no).
    Denied,
    /// The keychain works but holds no key for this vault.
    KeyMissing,
    /// The keychain did not answer in time, usually because it waits for an unlock prompt.
    Timeout,
    /// Anything else the keychain reported.
    Failed,
}

/// Everything that can go wrong in Keystep's core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The {} is not valid: {reason}", field.label())]
    BadInput { field: Field, reason: InputReason },

    #[error(
        "You already have this account{}. Nothing was added.",
        describe_existing(existing)
    )]
    Duplicate { existing: String },

    #[error("No account matches \"{query}\".")]
    NotFound { query: String },

    #[error("Several accounts match \"{query}\": {}. Use more of the name, or the id.", matches.join(", "))]
    Ambiguous { query: String, matches: Vec<String> },

    /// A next code was asked of an account whose codes follow the clock (only counter accounts give
    /// out a next code on request).
    #[error(
        "\"{name}\" is a time-based account: its code changes by itself every few seconds. Only counter accounts give out a next code. Nothing was changed."
    )]
    WrongKind { name: String },

    #[error("{}", keychain_message(*problem))]
    Keychain {
        problem: KeychainProblem,
        /// What the keychain itself said, for the details view. Never holds a secret.
        detail: String,
    },

    #[error("The file {} is damaged ({reason}). Nothing was changed. Keystep can open your newest backup instead (in the window, or: keystep recover).", path.display())]
    VaultCorrupt { path: PathBuf, reason: String },

    #[error("The vault {} could not be unlocked with the key in your keychain. The file may be damaged, or the key belongs to another vault. Nothing was changed.", path.display())]
    VaultWrongKey { path: PathBuf },

    #[error("The vault {} was written by a newer Keystep (format {version}). Update Keystep to open it.", path.display())]
    VaultTooNew { path: PathBuf, version: u64 },

    #[error("The vault {} is a link to {}, which is not there (a drive that is not connected, or a synced folder that is not ready yet). Connect it and try again, or remove the link to start a new vault. Nothing was changed.", path.display(), target.display())]
    VaultLinkBroken { path: PathBuf, target: PathBuf },

    #[error("The lock file {} is a link. Keystep does not follow links for its lock file: remove it and try again (Keystep makes a new one). Nothing was changed.", path.display())]
    LockIsLink { path: PathBuf },

    #[error("Keystep could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The vault could not be turned into the bytes of its file (serializing or encrypting failed):
    /// a bug in Keystep, found before anything was written.
    #[error(
        "Keystep could not prepare your data for saving. Nothing was saved, and no file was changed. Try again; if it keeps happening, report it: it is a fault in Keystep. The details below help to fix it."
    )]
    VaultEncode {
        /// What failed, for the details view. Never holds a secret.
        detail: String,
    },

    /// The system's random number generator failed.
    #[error(
        "Your system's random number generator failed, so Keystep could not {purpose}. Nothing was changed. Try again; if it keeps happening, restart the computer, and report it if that does not help."
    )]
    Random {
        /// What Keystep needed the random numbers for, such as "make a key for your vault".
        purpose: &'static str,
    },

    #[error("Keystep could not find a folder for its data. Set KEYSTEP_HOME or use --home DIR.")]
    NoDataDir,

    #[error("Keystep will not open this page: {reason}")]
    NotOfficial { reason: String },

    #[error("There is no guide \"{id}\". It may have been removed from your guides folder.")]
    GuideNotFound { id: String },

    #[error("This guide run was not found. Start the guide again from the list of guides.")]
    RunNotFound,

    #[error(
        "That choice does not belong to the step you are on. Go back to the guide and choose again."
    )]
    GuideBadAnswer,

    #[error(
        "You already have {number} in Keystep{}. Nothing was added.",
        describe_existing(label)
    )]
    PhoneDuplicate { number: String, label: String },

    #[error("No phone number matches \"{query}\". Add it first, or check the digits.")]
    PhoneNotFound { query: String },

    #[error("{name} is already in your services. Nothing was added.")]
    ServiceDuplicate { name: String },

    /// The recovery password does not open the vault or backup.
    #[error(
        "That is not the recovery password of these codes. Check it and try again (capital letters and spaces count). Nothing was changed."
    )]
    WrongPassword {
        /// The vault or backup it did not open (for the details).
        path: PathBuf,
    },

    /// The keychain cannot give the key, but the vault has a password slot: ask for the password.
    #[error(
        "Keystep cannot get the key of your codes from this computer's keychain, but you set a recovery password: open your codes with it (in the window, type it; on the command line, add --password-file FILE). Nothing was changed."
    )]
    PasswordNeeded {
        /// Why the keychain could not give the key.
        problem: KeychainProblem,
        /// What the keychain said. Never holds a secret.
        detail: String,
    },

    /// A backup off this computer or a password change needs a recovery password, and none is set.
    #[error(
        "{what} needs a recovery password, and none is set. Set one first (Settings, or: keystep password set --new-password-file FILE). Nothing was changed."
    )]
    NoPassword { what: &'static str },

    /// No automatic backup to recover from.
    #[error(
        "There is no backup of your codes in Keystep's data folder yet. If you have one elsewhere (a USB stick, a synced folder), restore it from there."
    )]
    NoBackup,

    /// Changing or removing the recovery password needs the current one.
    #[error(
        "To change or remove the recovery password, give the current one first (--password-file). Nothing was changed."
    )]
    CurrentPasswordNeeded,

    #[error("{}", service_not_found(query.as_deref()))]
    ServiceNotFound {
        /// What the person typed to find it (the CLI); `None` for an id the window sent.
        query: Option<String>,
    },

    /// Fewer backup codes were given than are saved, and replacing them was not confirmed.
    #[error("{}", fewer_codes_message(service, *saved, *read))]
    BackupCodesFewer {
        service: String,
        saved: usize,
        read: usize,
    },

    #[error("Keystep did not read {}: {problem}", path.display())]
    FileRefused { path: PathBuf, problem: FileProblem },

    /// An import file that is no export Keystep knows.
    #[error(
        "{file} is not an export Keystep can read. Keystep reads exports of Google Authenticator (its QR codes), Aegis, 2FAS, Bitwarden, Ente Auth, Proton Authenticator, andOTP, FreeOTP+ and LastPass Authenticator, and lists of otpauth:// links. Export again from your app, or name the app (--format). Nothing was added."
    )]
    ImportUnknown { file: String },

    /// An export that was recognised but cannot be read.
    #[error(
        "{file} looks like an export of {app}, but Keystep cannot read it: {reason} Nothing was added."
    )]
    ImportDamaged {
        file: String,
        app: &'static str,
        reason: String,
    },

    /// An encrypted export, and no password was given.
    #[error(
        "{file} is an encrypted export of {app}. Give the password you chose when you exported it (in the window, type it; on the command line, add --password-file FILE). Nothing was added."
    )]
    ImportPasswordNeeded { file: String, app: &'static str },

    /// The password does not open an encrypted export.
    #[error(
        "That password does not open {file} (an encrypted export of {app}). Use the password you chose when you exported it; capital letters and spaces count. Nothing was added."
    )]
    ImportWrongPassword { file: String, app: &'static str },

    /// An image with no QR code Keystep could read.
    #[error(
        "Keystep found no QR code in {file}. Make the QR code bigger on the screen (zoom in), make sure all of it shows, and try again; or use the site's \"can't scan it?\" link to get the setup key and type it. Nothing was added."
    )]
    NoQr { file: String },

    /// A picture that is too large, damaged, or of a kind Keystep does not read.
    #[error("Keystep did not read the picture {file}: {reason} Nothing was added.")]
    ImageRefused { file: String, reason: String },

    /// An export that is not encrypted was asked for without the recovery password.
    #[error(
        "This export is not encrypted: whoever gets the file can make every one of your codes. Give your recovery password first (in the window, type it; on the command line, --password-file FILE). Nothing was written."
    )]
    ExportPasswordNeeded,

    /// No time server answered (no network, a firewall, names not found).
    #[error(
        "No time server answered ({servers}), so Keystep could not check your computer's clock. Check your internet connection, or choose other time servers. Your codes are made with your computer's clock."
    )]
    ClockNoAnswer { servers: String },

    /// Time servers answered with something that is not a usable time; it was ignored.
    #[error(
        "The time servers' answers could not be used ({answers}), so Keystep ignored them. Your codes are made with your computer's clock. Choose other time servers if this goes on."
    )]
    ClockBadAnswer { answers: String },

    /// Time servers answered, and no two agree: none is trusted.
    #[error(
        "The time servers do not agree ({answers}), so Keystep trusts none of them and makes your codes with your computer's clock. Try again later, or choose other time servers."
    )]
    ClockDisagree { answers: String },
}

fn service_not_found(query: Option<&str>) -> String {
    match query {
        Some(q) => format!(
            "You have no service \"{q}\" in Keystep. Check the name, or add the service first."
        ),
        None => "That service is not in your list any more. Reload the list and try again.".into(),
    }
}

fn fewer_codes_message(service: &str, saved: usize, read: usize) -> String {
    let saved_codes = if saved == 1 {
        "1 backup code".to_string()
    } else {
        format!("{saved} backup codes")
    };
    let (were, these) = if read == 1 {
        ("1 was".to_string(), "this one".to_string())
    } else {
        (format!("{read} were"), format!("these {read}"))
    };
    format!(
        "{service} has {saved_codes} saved, and {were} read now. Saving would replace all {saved} with {these}. Nothing was changed."
    )
}

fn describe_existing(existing: &str) -> String {
    if existing.is_empty() {
        String::new()
    } else {
        format!(" (\"{existing}\")")
    }
}

fn keychain_message(problem: KeychainProblem) -> &'static str {
    match problem {
        KeychainProblem::NoService => {
            "No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed."
        }
        KeychainProblem::Locked => {
            "Your keychain is locked. Unlock it (in an unlock window if one is open, in the Passwords and Keys app, or by signing out and in again), then try again. Nothing was changed."
        }
        KeychainProblem::Denied => {
            "Access to your keychain was refused, so Keystep cannot read the key that protects your codes. Allow Keystep when the keychain asks, then try again. Nothing was changed."
        }
        KeychainProblem::KeyMissing => {
            "Your keychain does not hold the key for this vault: it may have been deleted, or this may be another user's keychain. Keystep did not touch your vault file; keep it, because it opens again once the key is back. If your system keeps a backup of your keychain, restore the keychain from it, then try again."
        }
        KeychainProblem::Timeout => {
            "Your keychain did not answer. It may be waiting for you to unlock it in another window. Unlock it, then try again. Nothing was changed."
        }
        KeychainProblem::Failed => {
            "The keychain reported a problem, so Keystep cannot reach the key that protects your codes. Nothing was changed. The details below may help."
        }
    }
}

impl Error {
    /// A stable machine name for the error, used by the UI and scripts.
    pub fn code(&self) -> String {
        match self {
            Error::BadInput { field, .. } => format!("input.bad_{}", field.key()),
            Error::Duplicate { .. } => "account.duplicate".into(),
            Error::NotFound { .. } => "account.not_found".into(),
            Error::Ambiguous { .. } => "account.ambiguous".into(),
            Error::WrongKind { .. } => "account.wrong_kind".into(),
            Error::Keychain { problem, .. } => match problem {
                KeychainProblem::NoService => "keychain.no_service",
                KeychainProblem::Locked => "keychain.locked",
                KeychainProblem::Denied => "keychain.denied",
                KeychainProblem::KeyMissing => "keychain.key_missing",
                KeychainProblem::Timeout => "keychain.timeout",
                KeychainProblem::Failed => "keychain.failed",
            }
            .into(),
            Error::VaultCorrupt { .. } => "vault.corrupt".into(),
            Error::VaultWrongKey { .. } => "vault.wrong_key".into(),
            Error::VaultTooNew { .. } => "vault.too_new".into(),
            Error::VaultLinkBroken { .. } => "vault.link_broken".into(),
            Error::LockIsLink { .. } => "vault.lock_is_link".into(),
            Error::Io { .. } => "vault.io".into(),
            Error::VaultEncode { .. } => "vault.encode".into(),
            Error::Random { .. } => "system.random".into(),
            Error::NoDataDir => "vault.no_data_dir".into(),
            Error::NotOfficial { .. } => "link.not_official".into(),
            Error::GuideNotFound { .. } => "guide.not_found".into(),
            Error::RunNotFound => "guide.run_not_found".into(),
            Error::GuideBadAnswer => "guide.bad_answer".into(),
            Error::PhoneDuplicate { .. } => "phone.duplicate".into(),
            Error::PhoneNotFound { .. } => "phone.not_found".into(),
            Error::ServiceDuplicate { .. } => "service.duplicate".into(),
            Error::ServiceNotFound { .. } => "service.not_found".into(),
            Error::BackupCodesFewer { .. } => "backup_codes.fewer".into(),
            Error::WrongPassword { .. } => "vault.wrong_password".into(),
            Error::PasswordNeeded { .. } => "vault.password_needed".into(),
            Error::NoPassword { .. } => "password.none".into(),
            Error::CurrentPasswordNeeded => "password.current_needed".into(),
            Error::NoBackup => "backup.none".into(),
            Error::FileRefused { problem, .. } => problem.code().into(),
            Error::ImportUnknown { .. } => "import.unknown_format".into(),
            Error::ImportDamaged { .. } => "import.damaged".into(),
            Error::ImportPasswordNeeded { .. } => "import.password_needed".into(),
            Error::ImportWrongPassword { .. } => "import.wrong_password".into(),
            Error::NoQr { .. } => "import.no_qr".into(),
            Error::ImageRefused { .. } => "import.image_refused".into(),
            Error::ExportPasswordNeeded => "export.password_needed".into(),
            Error::ClockNoAnswer { .. } => "clock.no_answer".into(),
            Error::ClockBadAnswer { .. } => "clock.bad_answer".into(),
            Error::ClockDisagree { .. } => "clock.disagree".into(),
        }
    }

    /// True for problems with the vault file or the keychain (CLI exit code 4), false for bad input or
    /// lookups.
    pub fn is_storage(&self) -> bool {
        matches!(
            self,
            Error::Keychain { .. }
                | Error::VaultCorrupt { .. }
                | Error::VaultWrongKey { .. }
                | Error::WrongPassword { .. }
                | Error::PasswordNeeded { .. }
                | Error::VaultTooNew { .. }
                | Error::VaultLinkBroken { .. }
                | Error::LockIsLink { .. }
                | Error::Io { .. }
                | Error::VaultEncode { .. }
                | Error::Random { .. }
                | Error::NoDataDir
        )
    }

    /// Shorthand for a [`Error::BadInput`].
    pub fn bad(field: Field, reason: impl Into<InputReason>) -> Self {
        Error::BadInput {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// The named values of the message, for the window to put in its own words (`ErrorDto.args`):
    /// names, queries, file names, counts. Never a secret: not a setup key, a link that holds one, a
    /// password or the vault key (those never enter an error at all). An English phrase the core
    /// chose from a fixed list (`action`, `purpose`, `what`, `app`) also comes as `NAME_key`, a stable
    /// key to translate it by.
    pub fn args(&self) -> Vec<(&'static str, ArgValue)> {
        let path_of = |p: &std::path::Path| ArgValue::from(p.display().to_string());
        match self {
            Error::BadInput { reason, .. } => reason.args.clone(),
            Error::Duplicate { existing } => vec![
                ("existing", existing.clone().into()),
                ("has_existing", yes_no(!existing.is_empty())),
            ],
            Error::NotFound { query } | Error::PhoneNotFound { query } => {
                vec![("query", query.clone().into())]
            }
            Error::Ambiguous { query, matches } => vec![
                ("query", query.clone().into()),
                ("matches", matches.join(", ").into()),
                ("count", matches.len().into()),
            ],
            Error::WrongKind { name } => vec![("name", name.clone().into())],
            Error::Keychain { .. }
            | Error::VaultEncode { .. }
            | Error::NoDataDir
            | Error::RunNotFound
            | Error::GuideBadAnswer
            | Error::WrongPassword { .. }
            | Error::PasswordNeeded { .. }
            | Error::NoBackup
            | Error::CurrentPasswordNeeded
            | Error::ExportPasswordNeeded => Vec::new(),
            Error::VaultCorrupt { path, reason } => {
                vec![("path", path_of(path)), ("problem", reason.clone().into())]
            }
            Error::VaultWrongKey { path } | Error::LockIsLink { path } => {
                vec![("path", path_of(path))]
            }
            Error::VaultTooNew { path, version } => {
                vec![("path", path_of(path)), ("version", (*version).into())]
            }
            Error::VaultLinkBroken { path, target } => {
                vec![("path", path_of(path)), ("target", path_of(target))]
            }
            Error::Io {
                action,
                path,
                source,
            } => vec![
                ("action", (*action).into()),
                ("action_key", phrase_key(action)),
                ("path", path_of(path)),
                ("problem", source.to_string().into()),
            ],
            Error::Random { purpose } => vec![
                ("purpose", (*purpose).into()),
                ("purpose_key", phrase_key(purpose)),
            ],
            Error::NotOfficial { reason } => vec![("problem", reason.clone().into())],
            Error::GuideNotFound { id } => vec![("id", id.clone().into())],
            Error::PhoneDuplicate { number, label } => vec![
                ("number", number.clone().into()),
                ("label", label.clone().into()),
                ("has_label", yes_no(!label.is_empty())),
            ],
            Error::ServiceDuplicate { name } => vec![("name", name.clone().into())],
            Error::NoPassword { what } => vec![
                ("what", (*what).into()),
                ("what_key", phrase_key(what)),
            ],
            Error::ServiceNotFound { query } => match query {
                Some(q) => vec![("query", q.clone().into()), ("has_query", yes_no(true))],
                None => vec![("has_query", yes_no(false))],
            },
            Error::BackupCodesFewer {
                service,
                saved,
                read,
            } => vec![
                ("service", service.clone().into()),
                ("saved", (*saved).into()),
                ("read", (*read).into()),
            ],
            Error::FileRefused { path, problem } => {
                let mut args = vec![("path", path_of(path))];
                match problem {
                    FileProblem::NotRegular { what } => {
                        args.push(("what", (*what).into()));
                        args.push(("what_key", phrase_key(what)));
                    }
                    FileProblem::TooLarge { limit_bytes } => {
                        args.push(("limit", size_words(*limit_bytes).into()));
                    }
                    FileProblem::NotText => {}
                    FileProblem::Unreadable(e) => args.push(("problem", e.to_string().into())),
                }
                args
            }
            Error::ImportUnknown { file } | Error::NoQr { file } => {
                vec![("file", file.clone().into())]
            }
            Error::ImportDamaged { file, app, reason } => vec![
                ("file", file.clone().into()),
                ("app", (*app).into()),
                ("problem", reason.clone().into()),
            ],
            Error::ImportPasswordNeeded { file, app } | Error::ImportWrongPassword { file, app } => {
                vec![("file", file.clone().into()), ("app", (*app).into())]
            }
            Error::ImageRefused { file, reason } => vec![
                ("file", file.clone().into()),
                ("problem", reason.clone().into()),
            ],
            Error::ClockNoAnswer { servers } => vec![("servers", servers.clone().into())],
            Error::ClockBadAnswer { answers } | Error::ClockDisagree { answers } => {
                vec![("answers", answers.clone().into())]
            }
        }
    }

    /// The serializable form sent to the UI and printed by `--json`.
    pub fn to_dto(&self) -> ErrorDto {
        let detail = match self {
            Error::Keychain { detail, .. }
            | Error::PasswordNeeded { detail, .. }
            | Error::VaultEncode { detail }
                if !detail.is_empty() =>
            {
                Some(detail.clone())
            }
            Error::Ambiguous { matches, .. } => Some(matches.join("\n")),
            _ => None,
        };
        let reason = match self {
            Error::BadInput { reason, .. } => Some(reason.key.key().to_string()),
            _ => None,
        };
        ErrorDto {
            code: self.code(),
            message: self.to_string(),
            detail,
            args: collect_args(self.args()),
            reason,
        }
    }
}

fn yes_no(yes: bool) -> ArgValue {
    ArgValue::from(if yes { "yes" } else { "no" })
}

/// A stable key for an English phrase from a fixed list ("move aside" -> `move_aside`), for the
/// window's messages to select on.
fn phrase_key(phrase: &str) -> ArgValue {
    let mut key = String::new();
    for c in phrase.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    ArgValue::Text(key.trim_end_matches('_').to_string())
}

fn collect_args(args: Vec<(&'static str, ArgValue)>) -> BTreeMap<String, ArgValue> {
    args.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// Problems only a front end meets (a vault not open yet, the clipboard, the browser, text without a
/// link), with stable codes beside the core's, so that the shells never invent codes of their own.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error("Your codes are not open yet. Wait a moment, or restart Keystep.")]
    VaultNotOpen,
    #[error("Keystep could not open your codes. Try again.")]
    Unexpected { detail: String },
    #[error("This account has no code yet. Press \"New code\" first.")]
    NoCodeYet,
    #[error("Keystep could not copy the {what}. {instead}")]
    Clipboard {
        /// "code" or "backup code".
        what: &'static str,
        /// What to do instead.
        instead: &'static str,
        detail: String,
    },
    #[error(
        "Keystep could not start your web browser. Open the page yourself: type the address shown in the guide."
    )]
    BrowserFailed { detail: String },
    #[error(
        "No link found. Paste the whole address (such as https://www.irs.gov) or the message that contains it."
    )]
    NoLinkFound,
    /// No vault in the data folder yet: the window offers to start new or to restore a backup.
    #[error("Keystep has no codes on this computer yet. Start new, or restore a backup.")]
    NoVaultYet,
    /// Keystep is locked (by the person, after a time without use, or because it asks for the password
    /// when it opens): only the recovery password opens it.
    #[error("Keystep is locked. Type your recovery password to open your codes.")]
    Locked,
    /// The person closed the file chooser without choosing.
    #[error("No file was chosen.")]
    NothingChosen,
    /// The screen could not be captured; the message says what to do instead.
    #[error("{message}")]
    ScreenCapture { message: String },
    /// "Paste a picture" with no picture on the clipboard.
    #[error(
        "There is no picture to paste. Take a screenshot of the QR code first (Print Screen, or your system's screenshot tool, copying it), then press Paste a picture again."
    )]
    NoPictureCopied,
    /// An import was confirmed, but nothing waits to be imported (already done or cancelled).
    #[error("There is nothing waiting to be added. Open the picture or file again.")]
    NothingToImport,
    /// Showing Google Authenticator QR codes, and no account Google can take.
    #[error(
        "None of your accounts can go to Google Authenticator: it takes only 6-digit codes that change every 30 seconds. Export them to an Aegis file instead."
    )]
    NothingToShow,
}

impl ShellError {
    /// A stable machine name, in the same families as [`Error::code`].
    pub fn code(&self) -> &'static str {
        match self {
            ShellError::VaultNotOpen => "vault.not_open",
            ShellError::Unexpected { .. } => "app.unexpected",
            ShellError::NoCodeYet => "account.no_code_yet",
            ShellError::Clipboard { .. } => "clipboard.failed",
            ShellError::BrowserFailed { .. } => "app.open_failed",
            ShellError::NoLinkFound => "link.none_found",
            ShellError::NoVaultYet => "vault.none",
            ShellError::Locked => "vault.locked",
            ShellError::NothingChosen => "app.nothing_chosen",
            ShellError::ScreenCapture { .. } => "import.screen_capture",
            ShellError::NoPictureCopied => "import.no_picture",
            ShellError::NothingToImport => "import.nothing_pending",
            ShellError::NothingToShow => "export.nothing_for_google",
        }
    }

    /// The serializable form, as for [`Error::to_dto`].
    pub fn to_dto(&self) -> ErrorDto {
        let detail = match self {
            ShellError::Unexpected { detail }
            | ShellError::Clipboard { detail, .. }
            | ShellError::BrowserFailed { detail } => Some(detail.clone()),
            _ => None,
        };
        ErrorDto {
            code: self.code().into(),
            message: self.to_string(),
            detail,
            args: collect_args(self.args()),
            reason: None,
        }
    }

    /// The named values of the message, as for [`Error::args`].
    pub fn args(&self) -> Vec<(&'static str, ArgValue)> {
        match self {
            ShellError::Clipboard { what, instead, .. } => vec![
                ("what", (*what).into()),
                ("what_key", phrase_key(what)),
                ("instead", (*instead).into()),
                ("instead_key", phrase_key(instead)),
            ],
            ShellError::ScreenCapture { message } => vec![("problem", message.clone().into())],
            _ => Vec::new(),
        }
    }
}

/// Why a file was not read. Shown after "Keystep did not read FILE: ".
#[derive(Debug)]
pub enum FileProblem {
    /// Not a regular file: `what` says what it is ("a named pipe (FIFO)", "a folder", ...).
    NotRegular { what: &'static str },
    /// Larger than the limit for this kind of file.
    TooLarge { limit_bytes: usize },
    /// Not UTF-8 text.
    NotText,
    /// The system refused to open or read it.
    Unreadable(std::io::Error),
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::NotRegular { what } => write!(
                f,
                "it is {what}, not a regular file. Give the path of a file saved on disk."
            ),
            FileProblem::TooLarge { limit_bytes } => write!(
                f,
                "it is larger than {}, more than a file of this kind can be.",
                size_words(*limit_bytes)
            ),
            FileProblem::NotText => write!(
                f,
                "it is not a text file (it is not UTF-8). Save it as plain text and try again."
            ),
            FileProblem::Unreadable(e) => write!(f, "it could not be read ({e})."),
        }
    }
}

impl FileProblem {
    /// A stable machine name (`file.too_large`).
    pub fn code(&self) -> &'static str {
        match self {
            FileProblem::NotRegular { .. } => "file.not_regular",
            FileProblem::TooLarge { .. } => "file.too_large",
            FileProblem::NotText => "file.not_text",
            FileProblem::Unreadable(_) => "file.unreadable",
        }
    }
}

/// "64 KB" for a limit in bytes (whole kilobytes when it is one).
pub fn size_words(bytes: usize) -> String {
    if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// A named value in an error's message: text, or a number (a count, a limit), so that the window's
/// messages can choose plural forms.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[serde(untagged)]
#[ts(export)]
pub enum ArgValue {
    Text(String),
    Number(u64),
}

impl std::fmt::Display for ArgValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgValue::Text(t) => f.write_str(t),
            ArgValue::Number(n) => write!(f, "{n}"),
        }
    }
}

impl From<String> for ArgValue {
    fn from(t: String) -> Self {
        ArgValue::Text(t)
    }
}

impl From<&str> for ArgValue {
    fn from(t: &str) -> Self {
        ArgValue::Text(t.to_string())
    }
}

impl From<u64> for ArgValue {
    fn from(n: u64) -> Self {
        ArgValue::Number(n)
    }
}

impl From<usize> for ArgValue {
    fn from(n: usize) -> Self {
        ArgValue::Number(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

impl From<u32> for ArgValue {
    fn from(n: u32) -> Self {
        ArgValue::Number(u64::from(n))
    }
}

impl From<u8> for ArgValue {
    fn from(n: u8) -> Self {
        ArgValue::Number(u64::from(n))
    }
}

/// An error as the UI and scripts see it: `{code, message, detail?, args?, reason?}`.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[ts(export)]
pub struct ErrorDto {
    /// Stable machine name, such as `keychain.locked` or `input.bad_secret`.
    pub code: String,
    /// One or two plain sentences saying what happened and what to do.
    pub message: String,
    /// Technical detail for the "details" part of the message, if any.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The named values `message` uses, for the window's translation of it (`error-CODE` in
    /// `ui/src/locales/*/errors.ftl`). Never a secret.
    #[ts(optional, type = "Record<string, string | number>")]
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, ArgValue>,
    /// For `input.bad_*`: why the input was refused, a stable key ([`ReasonKey::key`]).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl From<&Error> for ErrorDto {
    fn from(e: &Error) -> Self {
        e.to_dto()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serializes_as_code_message_and_optional_detail() {
        let e = Error::bad(Field::Digits, ReasonKey::DigitsNotNumber);
        let json = serde_json::to_value(e.to_dto()).unwrap();
        assert_eq!(json["code"], "input.bad_digits");
        assert_eq!(
            json["message"],
            "The number of digits is not valid: use a whole number from 6 to 10."
        );
        assert_eq!(json["reason"], "digits_not_number");
        assert!(json.get("detail").is_none());
        assert!(json.get("args").is_none());
    }

    #[test]
    fn front_end_problems_have_stable_codes_in_the_core_families() {
        let cases = [
            (ShellError::VaultNotOpen, "vault.not_open"),
            (
                ShellError::Unexpected {
                    detail: "join".into(),
                },
                "app.unexpected",
            ),
            (ShellError::NoCodeYet, "account.no_code_yet"),
            (
                ShellError::Clipboard {
                    what: "backup code",
                    instead: "Try again.",
                    detail: "no display".into(),
                },
                "clipboard.failed",
            ),
            (
                ShellError::BrowserFailed {
                    detail: "xdg-open".into(),
                },
                "app.open_failed",
            ),
            (ShellError::NoLinkFound, "link.none_found"),
        ];
        for (e, code) in cases {
            let dto = e.to_dto();
            assert_eq!(dto.code, code);
            assert!(!dto.message.is_empty());
        }
        assert_eq!(
            ShellError::Clipboard {
                what: "backup code",
                instead: "Try again.",
                detail: String::new()
            }
            .to_string(),
            "Keystep could not copy the backup code. Try again."
        );
    }

    #[test]
    fn a_missing_key_is_explained_without_promising_a_way_the_vault_has_not() {
        let message = Error::Keychain {
            problem: KeychainProblem::KeyMissing,
            detail: String::new(),
        }
        .to_string();
        // A copy of the vault is locked by the same key: "restore the vault from a backup" cannot help.
        assert!(!message.contains("vault from a backup"), "{message}");
        assert!(!message.to_lowercase().contains("password"), "{message}");
        assert!(
            message.contains("did not touch your vault file"),
            "{message}"
        );
        assert!(message.contains("another user's keychain"), "{message}");
        assert!(message.contains("restore the keychain"), "{message}");
    }

    #[test]
    fn keychain_errors_name_the_cause_and_keep_the_detail() {
        let e = Error::Keychain {
            problem: KeychainProblem::NoService,
            detail: "org.freedesktop.secrets was not provided".into(),
        };
        let dto = e.to_dto();
        assert_eq!(dto.code, "keychain.no_service");
        assert!(dto.message.contains("No keychain service is running"));
        assert_eq!(
            dto.detail.as_deref(),
            Some("org.freedesktop.secrets was not provided")
        );
        assert!(e.is_storage());
    }
}
