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
            Error::NoPassword { what } => {
                vec![("what", (*what).into()), ("what_key", phrase_key(what))]
            }
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
            Error::ImportPasswordNeeded { file, app }
            | Error::ImportWrongPassword { file, app } => {
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
    // Said wherever something unforeseen fails (opening, restoring, choosing a folder): no one context.
    #[error("Something went wrong. Try again.")]
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
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(untagged)]
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
    /// `ui/src/locales/LANG/errors.ftl`). Never a secret.
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

/// One example of every error the core and the shells send (every code; every reason of every
/// `input.bad_*` code, with each of its fields; each choice of the phrases that come from a fixed
/// list), for the list of codes the window's messages must cover ([`error_codes`]) and for the tests
/// that render those messages.
pub fn examples() -> Vec<ErrorDto> {
    // When a variant is added, this match stops compiling: add it to the examples below too.
    fn _every_variant_is_listed(e: &Error, s: &ShellError) {
        match e {
            Error::BadInput { .. }
            | Error::Duplicate { .. }
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::WrongKind { .. }
            | Error::Keychain { .. }
            | Error::VaultCorrupt { .. }
            | Error::VaultWrongKey { .. }
            | Error::VaultTooNew { .. }
            | Error::VaultLinkBroken { .. }
            | Error::LockIsLink { .. }
            | Error::Io { .. }
            | Error::VaultEncode { .. }
            | Error::Random { .. }
            | Error::NoDataDir
            | Error::NotOfficial { .. }
            | Error::GuideNotFound { .. }
            | Error::RunNotFound
            | Error::GuideBadAnswer
            | Error::PhoneDuplicate { .. }
            | Error::PhoneNotFound { .. }
            | Error::ServiceDuplicate { .. }
            | Error::WrongPassword { .. }
            | Error::PasswordNeeded { .. }
            | Error::NoPassword { .. }
            | Error::NoBackup
            | Error::CurrentPasswordNeeded
            | Error::ServiceNotFound { .. }
            | Error::BackupCodesFewer { .. }
            | Error::FileRefused { .. }
            | Error::ImportUnknown { .. }
            | Error::ImportDamaged { .. }
            | Error::ImportPasswordNeeded { .. }
            | Error::ImportWrongPassword { .. }
            | Error::NoQr { .. }
            | Error::ImageRefused { .. }
            | Error::ExportPasswordNeeded
            | Error::ClockNoAnswer { .. }
            | Error::ClockBadAnswer { .. }
            | Error::ClockDisagree { .. } => {}
        }
        match s {
            ShellError::VaultNotOpen
            | ShellError::Unexpected { .. }
            | ShellError::NoCodeYet
            | ShellError::Clipboard { .. }
            | ShellError::BrowserFailed { .. }
            | ShellError::NoLinkFound
            | ShellError::NoVaultYet
            | ShellError::Locked
            | ShellError::NothingChosen
            | ShellError::ScreenCapture { .. }
            | ShellError::NoPictureCopied
            | ShellError::NothingToImport
            | ShellError::NothingToShow => {}
        }
    }
    let path = || PathBuf::from("/home/sam/.local/share/keystep/vault.json");
    let file = || "export.json".to_string();
    let mut errors: Vec<Error> = Vec::new();
    for reason in ReasonKey::ALL {
        for field in reason.fields() {
            let mut r = InputReason::from(*reason);
            for (i, name) in crate::reasons::placeholders(reason.english())
                .into_iter()
                .enumerate()
            {
                r = r.with(name, format!("value{i}"));
            }
            if *reason == ReasonKey::DateDay {
                r = r.with("month_number", 2u8);
            }
            errors.push(Error::bad(*field, r));
        }
    }
    for existing in ["Login.gov (sam@example.com)", ""] {
        errors.push(Error::Duplicate {
            existing: existing.into(),
        });
    }
    errors.push(Error::NotFound {
        query: "bank".into(),
    });
    errors.push(Error::Ambiguous {
        query: "id".into(),
        matches: vec!["ID.me (sam)".into(), "ID.me (alex)".into()],
    });
    errors.push(Error::WrongKind {
        name: "ID.me".into(),
    });
    for problem in [
        KeychainProblem::NoService,
        KeychainProblem::Locked,
        KeychainProblem::Denied,
        KeychainProblem::KeyMissing,
        KeychainProblem::Timeout,
        KeychainProblem::Failed,
    ] {
        errors.push(Error::Keychain {
            problem,
            detail: "org.freedesktop.secrets".into(),
        });
    }
    errors.push(Error::VaultCorrupt {
        path: path(),
        reason: "the file ends too early".into(),
    });
    errors.push(Error::VaultWrongKey { path: path() });
    errors.push(Error::VaultTooNew {
        path: path(),
        version: 9,
    });
    errors.push(Error::VaultLinkBroken {
        path: path(),
        target: PathBuf::from("/media/usb/vault.json"),
    });
    errors.push(Error::LockIsLink { path: path() });
    for action in [
        "read",
        "save",
        "lock",
        "move aside",
        "make the export folder",
        "make the backup folder",
        "follow the link",
        "create the data folder",
    ] {
        errors.push(Error::io(
            action,
            path(),
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        ));
    }
    errors.push(Error::VaultEncode {
        detail: "serde".into(),
    });
    for purpose in [
        "make a key for your new vault",
        "number a Google Authenticator export",
        "protect your key with your password",
        "name a temporary file for saving",
        "encrypt your data for saving",
        "make the keys of the Aegis export",
        "make a passphrase",
    ] {
        errors.push(Error::Random { purpose });
    }
    errors.push(Error::NoDataDir);
    errors.push(Error::NotOfficial {
        reason: "irs-gov.help is not an address of the IRS.".into(),
    });
    errors.push(Error::GuideNotFound {
        id: "irs-sign-in".into(),
    });
    errors.push(Error::RunNotFound);
    errors.push(Error::GuideBadAnswer);
    for label in ["Work phone", ""] {
        errors.push(Error::PhoneDuplicate {
            number: "(202) 555-0143".into(),
            label: label.into(),
        });
    }
    errors.push(Error::PhoneNotFound {
        query: "555".into(),
    });
    errors.push(Error::ServiceDuplicate {
        name: "Chase".into(),
    });
    errors.push(Error::WrongPassword { path: path() });
    errors.push(Error::PasswordNeeded {
        problem: KeychainProblem::Locked,
        detail: String::new(),
    });
    for what in [
        "Opening with a password",
        "Restoring",
        "Removing the recovery password",
        "This vault opens only with its password, so removing it",
        "A backup that opens on another computer",
    ] {
        errors.push(Error::NoPassword { what });
    }
    errors.push(Error::NoBackup);
    errors.push(Error::CurrentPasswordNeeded);
    errors.push(Error::ServiceNotFound {
        query: Some("my bank".into()),
    });
    errors.push(Error::ServiceNotFound { query: None });
    for (saved, read) in [(2, 1), (10, 1), (10, 3), (1, 0)] {
        errors.push(Error::BackupCodesFewer {
            service: "Google Account (Gmail)".into(),
            saved,
            read,
        });
    }
    for what in [
        "a folder",
        "a named pipe (FIFO)",
        "a device",
        "a socket",
        "something other than a file",
    ] {
        errors.push(Error::FileRefused {
            path: path(),
            problem: FileProblem::NotRegular { what },
        });
    }
    errors.push(Error::FileRefused {
        path: path(),
        problem: FileProblem::TooLarge {
            limit_bytes: 64 * 1024,
        },
    });
    errors.push(Error::FileRefused {
        path: path(),
        problem: FileProblem::NotText,
    });
    errors.push(Error::FileRefused {
        path: path(),
        problem: FileProblem::Unreadable(std::io::Error::other("input/output error")),
    });
    errors.push(Error::ImportUnknown { file: file() });
    errors.push(Error::ImportDamaged {
        file: file(),
        app: "Aegis",
        reason: "its list of accounts is missing.".into(),
    });
    errors.push(Error::ImportPasswordNeeded {
        file: file(),
        app: "Aegis",
    });
    errors.push(Error::ImportWrongPassword {
        file: file(),
        app: "2FAS",
    });
    errors.push(Error::NoQr {
        file: "screenshot.png".into(),
    });
    errors.push(Error::ImageRefused {
        file: "screenshot.png".into(),
        reason: "it is larger than 20 MB.".into(),
    });
    errors.push(Error::ExportPasswordNeeded);
    errors.push(Error::ClockNoAnswer {
        servers: "time.google.com, pool.ntp.org".into(),
    });
    errors.push(Error::ClockBadAnswer {
        answers: "time.google.com: no answer".into(),
    });
    errors.push(Error::ClockDisagree {
        answers: "time.google.com: +2 s; pool.ntp.org: -40 s".into(),
    });
    let mut dtos: Vec<ErrorDto> = errors.iter().map(Error::to_dto).collect();
    let shell = [
        ShellError::VaultNotOpen,
        ShellError::Unexpected {
            detail: "join".into(),
        },
        ShellError::NoCodeYet,
        ShellError::Clipboard {
            what: "code",
            instead: "Type it in by hand instead.",
            detail: String::new(),
        },
        ShellError::Clipboard {
            what: "address",
            instead: "Type it into your browser by hand instead.",
            detail: String::new(),
        },
        ShellError::Clipboard {
            what: "backup code",
            instead: "Try again.",
            detail: String::new(),
        },
        ShellError::BrowserFailed {
            detail: "xdg-open".into(),
        },
        ShellError::NoLinkFound,
        ShellError::NoVaultYet,
        ShellError::Locked,
        ShellError::NothingChosen,
        ShellError::ScreenCapture {
            message: "Showing QR codes is not built for this system yet. Export to a file instead."
                .into(),
        },
        ShellError::NoPictureCopied,
        ShellError::NothingToImport,
        ShellError::NothingToShow,
    ];
    dtos.extend(shell.iter().map(ShellError::to_dto));
    dtos
}

/// Every error code, each once, sorted.
pub fn error_codes() -> Vec<String> {
    let mut codes: Vec<String> = examples().into_iter().map(|e| e.code).collect();
    codes.sort();
    codes.dedup();
    codes
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

/// The error messages of the window (`ui/src/locales/*/errors.ftl`) against the core: every code has
/// its message in every language, every reason its variant, and the English messages say exactly what
/// the core says. The messages are read by a small reader of the Fluent syntax they use (text,
/// `{ $name }`, and selectors on a `$name` with `[key]`, `[one]` and `*[other]` variants).
#[cfg(test)]
mod window_messages {
    use std::collections::BTreeMap;

    use super::*;

    fn locales() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/locales")
    }

    /// Message id -> its pattern (the text after `=`, continuation lines joined with `\n`).
    fn read_ftl(text: &str) -> BTreeMap<String, String> {
        let mut messages = BTreeMap::new();
        let mut current: Option<(String, String)> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') && !line.trim().is_empty() {
                if let Some((id, value)) = current.take() {
                    messages.insert(id, value);
                }
                if let Some((id, value)) = line.split_once('=') {
                    current = Some((id.trim().to_string(), value.trim_start().to_string()));
                }
            } else if let Some((_, value)) = current.as_mut() {
                value.push('\n');
                value.push_str(line);
            }
        }
        if let Some((id, value)) = current {
            messages.insert(id, value);
        }
        messages
    }

    /// The end of the placeable that starts at `open` (a `{`), counting nested braces.
    fn closing(text: &str, open: usize) -> Option<usize> {
        let mut depth = 0;
        for (i, c) in text[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The variants of a selector: each starts on a line of its own (`[key]` or `*[key]`) outside any
    /// nested placeable; its value may go on over lines inside a nested placeable.
    fn split_variants(text: &str) -> Result<Vec<(bool, &str, &str)>, String> {
        let mut starts = Vec::new();
        let mut depth = 0i32;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if depth == 0 && (trimmed.starts_with('[') || trimmed.starts_with("*[")) {
                starts.push(offset + line.len() - trimmed.len());
            }
            for c in line.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            offset += line.len();
        }
        let mut out = Vec::new();
        for (i, start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let variant = text[*start..end].trim();
            let is_default = variant.starts_with('*');
            let (key, value) = variant
                .trim_start_matches('*')
                .strip_prefix('[')
                .and_then(|v| v.split_once(']'))
                .ok_or(format!("not a variant: {variant}"))?;
            out.push((is_default, key.trim(), value.trim()));
        }
        Ok(out)
    }

    fn render(pattern: &str, args: &BTreeMap<String, ArgValue>) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = closing(rest, open).ok_or("a { is not closed")?;
            let inside = rest[open + 1..close].trim();
            if let Some((selector, variants)) = inside.split_once("->") {
                let name = selector.trim().strip_prefix('$').ok_or("selector")?;
                let value = args.get(name).ok_or(format!("no value for ${name}"))?;
                let wanted = match value {
                    ArgValue::Text(t) => t.clone(),
                    ArgValue::Number(n) => n.to_string(),
                };
                let plural = match value {
                    ArgValue::Number(1) => Some("one"),
                    ArgValue::Number(_) => Some("other"),
                    ArgValue::Text(_) => None,
                };
                let mut chosen = None;
                let mut default = None;
                for (is_default, key, text) in split_variants(variants)? {
                    if key == wanted || Some(key) == plural {
                        chosen.get_or_insert(text);
                    }
                    if is_default {
                        default = Some(text);
                    }
                }
                let text = chosen.or(default).ok_or("no default variant")?;
                out.push_str(&render(text, args)?);
            } else if let Some(name) = inside.strip_prefix('$') {
                let value = args.get(name).ok_or(format!("no value for ${name}"))?;
                out.push_str(&value.to_string());
            } else if let Some(literal) = inside.strip_prefix('"').and_then(|l| l.strip_suffix('"'))
            {
                out.push_str(literal);
            } else {
                return Err(format!("cannot read {{{inside}}}"));
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn message_id(code: &str) -> String {
        format!("error-{}", code.replace(['.', '_'], "-"))
    }

    fn with_reason(e: &ErrorDto) -> BTreeMap<String, ArgValue> {
        let mut args = e.args.clone();
        if let Some(r) = &e.reason {
            args.insert("reason".into(), ArgValue::Text(r.clone()));
        }
        args
    }

    #[test]
    fn english_messages_say_what_the_core_says() {
        let text = std::fs::read_to_string(locales().join("en/errors.ftl")).unwrap();
        let messages = read_ftl(&text);
        let mut wrong = Vec::new();
        for e in examples() {
            let id = message_id(&e.code);
            let Some(pattern) = messages.get(&id) else {
                wrong.push(format!("{id}: missing"));
                continue;
            };
            match render(pattern, &with_reason(&e)) {
                Ok(shown) if shown == e.message => {}
                Ok(shown) => wrong.push(format!(
                    "{id} ({:?}):\n  window: {shown}\n  core:   {}",
                    e.reason, e.message
                )),
                Err(why) => wrong.push(format!("{id}: {why}")),
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_language_has_a_message_for_every_error_and_reason() {
        let codes = error_codes();
        for lang in crate::Lang::ALL {
            let path = locales().join(lang.code()).join("errors.ftl");
            let text = std::fs::read_to_string(&path).unwrap();
            let messages = read_ftl(&text);
            let ids: Vec<String> = codes.iter().map(|c| message_id(c)).collect();
            for id in &ids {
                assert!(messages.contains_key(id), "{}: no {id}", path.display());
            }
            for id in messages.keys() {
                assert!(
                    ids.contains(id),
                    "{}: {id} is no error code",
                    path.display()
                );
            }
            for e in examples() {
                let pattern = &messages[&message_id(&e.code)];
                if let Some(reason) = &e.reason {
                    assert!(
                        pattern.contains(&format!("[{reason}]")),
                        "{}: {} has no variant [{reason}]",
                        path.display(),
                        e.code
                    );
                }
                let shown = render(pattern, &with_reason(&e))
                    .unwrap_or_else(|why| panic!("{}: {}: {why}", path.display(), e.code));
                assert!(!shown.contains('{') && !shown.trim().is_empty(), "{shown}");
            }
        }
    }

    /// The list of codes and reasons the window's key check reads (`ui/src/lib/bindings`), written as
    /// the ts-rs bindings are: by this test, and committed.
    #[test]
    fn writes_the_error_code_list_for_the_window() {
        let mut out = String::from(
            "// Written by crates/keystep-core (src/error.rs, test writes_the_error_code_list_for_the_window). Do not edit.\n\n/** Every error code the core and the shell send (ErrorDto.code). The window's message for a code is `error-` + the code with `.` and `_` as `-`. */\nexport const ERROR_CODES: readonly string[] = [\n",
        );
        for code in error_codes() {
            out.push_str(&format!("  '{code}',\n"));
        }
        out.push_str("];\n\n/** For each `input.bad_*` code, the reasons (ErrorDto.reason) it can come with: one variant each in its message. */\nexport const INPUT_REASONS: Readonly<Record<string, readonly string[]>> = {\n");
        for field in Field::ALL {
            let reasons: Vec<String> = ReasonKey::ALL
                .iter()
                .filter(|r| r.fields().contains(&field))
                .map(|r| format!("'{}'", r.key()))
                .collect();
            if !reasons.is_empty() {
                out.push_str(&format!(
                    "  'input.bad_{}': [{}],\n",
                    field.key(),
                    reasons.join(", ")
                ));
            }
        }
        out.push_str("};\n");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/bindings/errorCodes.ts");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(out.as_str()) {
            std::fs::write(&path, out).unwrap();
        }
    }

    /// No error that a secret went into carries any part of it in its values, its message or its
    /// detail: setup keys, setup links, recovery and export passwords, backup codes.
    #[test]
    fn no_secret_reaches_the_args_of_an_error() {
        use crate::sensitive::SecretString;
        const KEY: &str = "JBSWY3DPEHPK3PXP";
        let mut cases: Vec<(&str, Error)> = Vec::new();
        // Setup keys: a bad character, too long, incomplete, not base32; steam:// keys.
        for secret in [
            "JBSWY3DPEHPK3PX1",
            "JBSWY3DPEHPK3PXPA",
            "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP!",
        ] {
            if let Err(e) = crate::otp::secret::decode_base32(secret) {
                cases.push((secret, e));
            }
        }
        let long = KEY.repeat(2000);
        cases.push((KEY, crate::otp::secret::decode_base32(&long).unwrap_err()));
        cases.push((
            "SECRETSTEAM",
            crate::import::read_link("steam://SECRETSTEAM!!").unwrap_err(),
        ));
        // Setup links that hold a key.
        for uri in [
            format!("otpauth://totp/Bank:sam?secret={KEY}&digits=99"),
            format!("otpauth://totp/Bank:sam?secret={KEY}&period=0"),
            format!("otpauth://totp/Bank:sam?secret={KEY}&algorithm=MD5"),
            format!("otpauth://nope/Bank:sam?secret={KEY}"),
            format!("otpauth://totp/Bank:sam?secret={KEY}&issuer=%FF"),
            format!(
                "otpauth://totp/Bank:sam?secret={KEY}&counter=x{}",
                "9".repeat(5000)
            ),
        ] {
            if let Err(e) = crate::otp::uri::parse(&uri) {
                cases.push((KEY, e));
            }
        }
        // Recovery passwords: too easy, too long, with a line break.
        let long_password = "correct horse ".repeat(100);
        for password in [
            "hunter2hunter2",
            long_password.as_str(),
            "tall\nhorse battery",
        ] {
            let e =
                crate::recovery_password::check_strength(&SecretString::new(password.to_string()))
                    .unwrap_err();
            cases.push((password.split_whitespace().next().unwrap_or(password), e));
        }
        // Backup codes: a code too short, too long, with an odd character.
        for (code, text) in [
            ("AB1", "ZX81-QW77\nAB1"),
            (
                "Q9",
                "ZX81-QW77\nQ9W8E7R6T5Y4U3I2O1P0A9S8D7F6G5H4J3K2L1Z0X9C8V7B6N5M4Q3W2E1R0T9Y8U7",
            ),
            ("PW77", "ZX81-QW77\nPW77$$"),
        ] {
            let e = crate::services::backup_codes::read_backup_codes(&SecretString::new(
                text.to_string(),
            ))
            .unwrap_err();
            cases.push((code, e));
            cases.push((
                "ZX81",
                crate::services::backup_codes::read_backup_codes(&SecretString::new(
                    text.to_string(),
                ))
                .unwrap_err(),
            ));
        }
        assert!(cases.len() > 15);
        for (secret, e) in cases {
            let dto = e.to_dto();
            let json = serde_json::to_string(&dto).unwrap();
            assert!(!json.contains(secret), "{secret} in {json}");
            assert!(!json.contains(KEY), "the key in {json}");
            assert!(dto.code.starts_with("input.bad_"), "{json}");
            assert!(dto.reason.is_some(), "{json}");
        }
        // The errors about passwords and keys themselves carry no values that could hold one.
        for e in [
            Error::WrongPassword {
                path: PathBuf::from("/v"),
            },
            Error::PasswordNeeded {
                problem: KeychainProblem::Locked,
                detail: String::new(),
            },
            Error::ExportPasswordNeeded,
            Error::CurrentPasswordNeeded,
            Error::VaultWrongKey {
                path: PathBuf::from("/v"),
            },
        ] {
            let names: Vec<&str> = e.args().iter().map(|(n, _)| *n).collect();
            assert!(names.iter().all(|n| *n == "path"), "{names:?}");
        }
    }

    #[test]
    fn every_value_a_message_uses_is_in_its_args() {
        for e in examples() {
            if let Some(key) = &e.reason {
                let reason = ReasonKey::ALL.iter().find(|r| r.key() == key).unwrap();
                for name in crate::reasons::placeholders(reason.english()) {
                    assert!(e.args.contains_key(name), "{}: no {name}", e.code);
                }
            }
        }
        // A real error, not an example: a reason's values come from its call site.
        let e = crate::otp::secret::decode_base32("JBSWY3DP0")
            .unwrap_err()
            .to_dto();
        assert_eq!(e.reason.as_deref(), Some("secret_bad_char"));
        assert_eq!(e.args.get("position"), Some(&ArgValue::Number(9)));
        let e = crate::dates::parse_iso_date_reason("2026-02-30").unwrap_err();
        assert_eq!(e.key, ReasonKey::DateDay);
        assert_eq!(
            e.to_string(),
            "2026-02-30 does not exist: February 2026 has days 01 to 28. Use YYYY-MM-DD, for example 2026-12-31."
        );
        assert_eq!(e.arg("month_number"), Some(&ArgValue::Number(2)));
    }

    #[test]
    fn the_reader_reads_selectors_and_plurals() {
        let messages = read_ftl(
            "a = Hi { $name }.\nb = { $n ->\n    [one] one code\n   *[other] { $n } codes\n    }\n",
        );
        let mut args = BTreeMap::new();
        args.insert("name".into(), ArgValue::from("Sam"));
        args.insert("n".into(), ArgValue::from(1u64));
        assert_eq!(render(&messages["a"], &args).unwrap(), "Hi Sam.");
        assert_eq!(render(&messages["b"], &args).unwrap(), "one code");
        args.insert("n".into(), ArgValue::from(3u64));
        assert_eq!(render(&messages["b"], &args).unwrap(), "3 codes");
        args.remove("name");
        assert!(render(&messages["a"], &args).is_err());
    }
}
