//! `keystep service ...`: the services you sign in to, the numbers they use and their backup codes,
//! over the same vault as the window.

use clap::Subcommand;
use keystep_core::Error;
use keystep_core::app::unix_now_ms;
use keystep_core::files::{read_bounded, size_words};
use keystep_core::paths::DataDir;
use keystep_core::phones::default_region;
use keystep_core::sensitive::SecretString;
use keystep_core::services::ServiceRef;
use keystep_core::services::backup_codes::{MAX_BACKUP_CODES_BYTES, read_backup_codes};
use keystep_core::services::views::ServiceView;

use crate::{Failure, open, to_json, vault};

#[derive(Subcommand)]
pub enum ServiceCommand {
    /// Add a service you use: a catalog id (irs, idme, google, ...) or, with --domain, your own.
    Add {
        /// Catalog id, or the name of your own service with --domain.
        service: String,
        /// The official web address of a service Keystep does not know.
        #[arg(long)]
        domain: Option<String>,
        /// A number the service texts or calls with codes (repeatable).
        #[arg(long = "code-phone", value_name = "NUMBER")]
        code_phones: Vec<String>,
        /// A number the service keeps for recovery (repeatable).
        #[arg(long = "recovery-phone", value_name = "NUMBER")]
        recovery_phones: Vec<String>,
        /// The service also has a security key or passkey.
        #[arg(long)]
        security_key: bool,
        #[arg(long, value_name = "CC")]
        region: Option<String>,
    },
    /// Your backup codes for a service: which are used (hints only), all of them with --show, mark
    /// one used with --used N, replace them with --set (codes read from standard input, one per
    /// line, so they never appear in your shell history), or remove them all with --clear.
    BackupCodes {
        /// The service: its catalog id (google) or name.
        service: String,
        /// Replace the saved codes with those read from standard input (one per line). Input with no
        /// code is refused: remove codes with --clear.
        #[arg(long, conflicts_with = "clear")]
        set: bool,
        /// With --set: replace the saved codes even when fewer codes are read than are saved.
        #[arg(long, requires = "set")]
        replace: bool,
        /// Remove every saved backup code of the service.
        #[arg(long, conflicts_with = "used")]
        clear: bool,
        /// Print the codes in full.
        #[arg(long)]
        show: bool,
        /// Mark code number N (as listed) as used.
        #[arg(long, value_name = "N")]
        used: Option<usize>,
    },
    /// List your services.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run_service(dir: DataDir, command: ServiceCommand) -> Result<(), Failure> {
    match command {
        ServiceCommand::Add {
            service,
            domain,
            code_phones,
            recovery_phones,
            security_key,
            region,
        } => {
            let region = region.unwrap_or_else(default_region);
            let mut v = vault(dir)?;
            let mut ids = |numbers: &[String]| -> Result<Vec<String>, Error> {
                numbers
                    .iter()
                    .map(|n| v.find_phone(n, &region).map(|p| p.id))
                    .collect()
            };
            let code = ids(&code_phones)?;
            let recovery = ids(&recovery_phones)?;
            let service = match domain {
                Some(domain) => ServiceRef::Custom {
                    name: service,
                    domain,
                },
                None => ServiceRef::Catalog { id: service },
            };
            let added = v.add_service(service, unix_now_ms())?;
            let view = v.update_service(&added.id, &code, &recovery, None, security_key)?;
            eprintln!("Added {}.", view.service_name);
            println!("{}", view.id);
        }
        ServiceCommand::BackupCodes {
            service,
            set,
            replace,
            clear,
            show,
            used,
        } => {
            let mut v = vault(dir)?;
            let entry = v.find_service(&service).map_err(|e| match e {
                Error::ServiceNotFound { .. } => Failure {
                    exit: 3,
                    message: format!(
                        "keystep: {e} See your services with: keystep service list [{}]",
                        e.code()
                    ),
                },
                e => e.into(),
            })?;
            // The code to mark used, checked before anything changes: numbers run from 1 to the last
            // code (of the codes being saved, with --set).
            let mut used_index = match used {
                Some(n) if !set => Some(code_index(
                    n,
                    entry.backup_codes_total,
                    &entry.service_name,
                    &service,
                )?),
                _ => None,
            };
            if set {
                let text = read_codes_from_stdin()?;
                if !text.expose().lines().any(|l| !l.trim().is_empty()) {
                    return Err(Failure {
                        exit: 2,
                        message: format!(
                            "keystep: no backup codes were read from standard input (it was empty or had only blank lines), so nothing was changed. To remove the saved codes of {}, run: keystep service backup-codes {} --clear [input.bad_backup_codes]",
                            entry.service_name,
                            shell_word(&service)
                        ),
                    });
                }
                if let Some(n) = used {
                    let read = read_backup_codes(&text)?.len();
                    used_index = Some(code_index(n, read, &entry.service_name, &service)?);
                }
                let saved = v
                    .set_backup_codes(&entry.id, &text, replace)
                    .map_err(|e| match e {
                        Error::BackupCodesFewer { .. } => Failure {
                            exit: 2,
                            message: format!(
                                "keystep: {e} If these are the new codes, run the same command with --replace. [{}]",
                                e.code()
                            ),
                        },
                        e => e.into(),
                    })?;
                eprintln!(
                    "Saved {} for {}.",
                    count_codes(saved.backup_codes_total),
                    saved.service_name
                );
            }
            if clear {
                let removed = entry.backup_codes_total;
                let cleared = v.clear_backup_codes(&entry.id)?;
                eprintln!(
                    "Removed {} of {}.",
                    count_codes(removed),
                    cleared.service_name
                );
            }
            if let Some(index) = used_index {
                v.mark_backup_code(&entry.id, index, true)?;
            }
            if show {
                for (i, (code, used)) in v.reveal_backup_codes(&entry.id)?.iter().enumerate() {
                    let mark = if *used { "  (used)" } else { "" };
                    println!("{:>3}. {}{mark}", i + 1, code.expose());
                }
            } else {
                for h in v.backup_code_hints(&entry.id)? {
                    let mark = if h.used { "  (used)" } else { "" };
                    println!("{:>3}. {}{mark}", h.index + 1, h.hint);
                }
            }
        }
        ServiceCommand::List { json } => {
            let list: Vec<ServiceView> = match open(dir, false)? {
                Some(mut v) => v.services()?,
                None => Vec::new(),
            };
            if json {
                println!("{}", to_json(&list));
            } else {
                for a in list {
                    println!(
                        "{}  {} code number(s), {} backup code(s) left  {}",
                        a.service_name,
                        a.code_phones.len(),
                        a.backup_codes_left,
                        a.id
                    );
                }
            }
        }
    }
    Ok(())
}

/// Backup codes piped to standard input: at most the core's limit, refused (not cut) when longer.
fn read_codes_from_stdin() -> Result<SecretString, Failure> {
    let bad = |message: String| Failure {
        exit: 2,
        message: format!("keystep: {message} Nothing was changed. [input.bad_backup_codes]"),
    };
    let bytes = read_bounded(std::io::stdin().lock(), MAX_BACKUP_CODES_BYTES)
        .map_err(|e| bad(format!("could not read the codes from standard input ({e}).")))?
        .ok_or_else(|| {
            bad(format!(
                "standard input holds more than {}: that is not a list of backup codes. Put one code on each line.",
                size_words(MAX_BACKUP_CODES_BYTES)
            ))
        })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        bad("standard input is not text (UTF-8). Put one code on each line.".into())
    })?;
    Ok(SecretString::new(text))
}

/// A word as it can be pasted back into a shell command (quoted when it needs to be).
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@+/".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// "1 backup code", "3 backup codes".
/// The index of backup code number `n` (as listed, from 1) among `count` codes, or a refusal that
/// says which numbers there are.
fn code_index(n: usize, count: usize, service_name: &str, service: &str) -> Result<usize, Failure> {
    if (1..=count).contains(&n) {
        return Ok(n - 1);
    }
    let numbers = match count {
        0 => format!("{service_name} has no backup codes saved"),
        1 => format!("{service_name} has 1 backup code, number 1"),
        _ => format!("the backup codes of {service_name} are numbered 1 to {count}"),
    };
    Err(Failure {
        exit: 2,
        message: format!(
            "keystep: there is no backup code number {n}: {numbers} (see them with: keystep service backup-codes {}). Nothing was changed. [input.bad_backup_codes]",
            shell_word(service)
        ),
    })
}

fn count_codes(n: usize) -> String {
    if n == 1 {
        "1 backup code".into()
    } else {
        format!("{n} backup codes")
    }
}
