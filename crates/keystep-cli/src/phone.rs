//! `keystep phone ...` and `keystep service ...`: numbers, the accounts that use them, the review and
//! the change-number plan, over the same vault as the window.

use clap::{Subcommand, ValueEnum};
use keystep_core::app::unix_now_ms;
use keystep_core::files::{read_bounded, size_words};
use keystep_core::paths::DataDir;
use keystep_core::phones::backup_codes::{MAX_BACKUP_CODES_BYTES, read_backup_codes};
use keystep_core::phones::planner::ChecklistStep;
use keystep_core::phones::views::MyAccountView;
use keystep_core::phones::{PhoneKind, PhoneStatus, ServiceRef, default_region};
use keystep_core::sensitive::SecretString;
use keystep_core::{Error, Keystep};
use serde::Serialize;

use crate::{Failure, open, to_json};

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Mobile,
    Landline,
    Voip,
}

impl From<KindArg> for PhoneKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Mobile => PhoneKind::Mobile,
            KindArg::Landline => PhoneKind::Landline,
            KindArg::Voip => PhoneKind::Voip,
        }
    }
}

#[derive(Subcommand)]
pub enum PhoneCommand {
    /// Add a phone number; prints it in E.164 form (+12025550143).
    Add {
        /// The number as you write it: '(202) 555-0143', or '+44 7400 123456' for another country.
        number: String,
        /// A name for it, such as 'my mobile'.
        #[arg(long, default_value = "")]
        label: String,
        #[arg(long, value_enum, default_value = "mobile")]
        kind: KindArg,
        /// Two-letter country to read the number in when it does not start with + (default: from the
        /// system locale, or KEYSTEP_REGION).
        #[arg(long, value_name = "CC")]
        region: Option<String>,
    },
    /// List your numbers and the services that use each.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Mark a number as leaving on a date, or as gone.
    Status {
        number: String,
        /// `in-use`, `gone`, or a date (YYYY-MM-DD) when the number stops working.
        status: String,
        #[arg(long, value_name = "CC")]
        region: Option<String>,
    },
    /// What could lock you out, most serious first.
    Review {
        #[arg(long)]
        json: bool,
    },
    /// Plan a change of number: an ordered checklist, finished while the old number still works.
    Plan {
        #[arg(long, value_name = "NUMBER")]
        from: String,
        #[arg(long, value_name = "NUMBER")]
        to: String,
        /// The day the old number stops working (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_name = "CC")]
        region: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

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

fn vault(dir: DataDir) -> Result<Keystep, Failure> {
    Ok(open(dir, true)?.ok_or(Error::NoDataDir)?)
}

pub fn run_phone(dir: DataDir, command: PhoneCommand) -> Result<(), Failure> {
    match command {
        PhoneCommand::Add {
            number,
            label,
            kind,
            region,
        } => {
            let region = region.unwrap_or_else(default_region);
            let mut v = vault(dir)?;
            let p = v.add_phone(&number, &region, &label, kind.into(), unix_now_ms())?;
            eprintln!("Added {} ({}).", p.national, kind_word(p.kind));
            println!("{}", p.e164);
        }
        PhoneCommand::List { json } => {
            let phones = match open(dir, false)? {
                Some(mut v) => v.phones()?,
                None => Vec::new(),
            };
            if json {
                println!("{}", to_json(&phones));
            } else if phones.is_empty() {
                eprintln!("No numbers yet. Add one with: keystep phone add '(202) 555-0143'");
            } else {
                for p in phones {
                    println!(
                        "{}  {}  {}  {}{}",
                        p.e164,
                        kind_word(p.kind),
                        status_words(&p.status),
                        p.label,
                        if p.used_by.is_empty() {
                            String::new()
                        } else {
                            format!("  (used by {})", p.used_by.join(", "))
                        }
                    );
                }
            }
        }
        PhoneCommand::Status {
            number,
            status,
            region,
        } => {
            let region = region.unwrap_or_else(default_region);
            let mut v = vault(dir)?;
            let p = v.find_phone(&number, &region)?;
            let status = match status.as_str() {
                "in-use" | "in_use" => PhoneStatus::InUse,
                "gone" => PhoneStatus::Gone,
                date => PhoneStatus::Leaving { on: date.into() },
            };
            let p = v.edit_phone(&p.id, &p.label, p.kind, status)?;
            println!("{}  {}", p.e164, status_words(&p.status));
        }
        PhoneCommand::Review { json } => {
            let items = match open(dir, false)? {
                Some(mut v) => v.review(unix_now_ms())?,
                None => Vec::new(),
            };
            if json {
                println!("{}", to_json(&items));
            } else if items.is_empty() {
                println!("Nothing to fix: no account depends on a number at risk.");
            } else {
                for i in items {
                    println!(
                        "[{:?}] {}: {}\n    What to do: {}",
                        i.severity, i.service_name, i.message, i.action
                    );
                }
            }
        }
        PhoneCommand::Plan {
            from,
            to,
            date,
            region,
            json,
        } => {
            let region = region.unwrap_or_else(default_region);
            let mut v = vault(dir)?;
            let (plan, run) = v.plan_change(&from, &to, date.as_deref(), &region, unix_now_ms())?;
            let steps = v.plan_checklist(&plan);
            if json {
                println!(
                    "{}",
                    to_json(&PlanOut {
                        run_id: run.id,
                        title: plan.guide.title,
                        date: plan.date,
                        steps
                    })
                );
            } else {
                println!("{}", plan.guide.title);
                for s in steps {
                    match s.page {
                        Some(url) => println!("{:>3}. {}  ({url})", s.number, s.title),
                        None => println!("{:>3}. {}", s.number, s.title),
                    }
                }
                eprintln!(
                    "Keystep keeps your progress: continue this plan under Guided sign-in in the Keystep window."
                );
            }
        }
    }
    Ok(())
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
            let added = v.add_my_account(service, unix_now_ms())?;
            let view = v.update_my_account(&added.id, &code, &recovery, None, security_key)?;
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
            let entry = v.find_my_account(&service).map_err(|e| match e {
                Error::MyAccountNotFound { .. } => Failure {
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
            let list: Vec<MyAccountView> = match open(dir, false)? {
                Some(mut v) => v.my_accounts()?,
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

#[derive(Serialize)]
struct PlanOut {
    run_id: String,
    title: String,
    date: String,
    steps: Vec<ChecklistStep>,
}

fn kind_word(k: PhoneKind) -> &'static str {
    match k {
        PhoneKind::Mobile => "mobile",
        PhoneKind::Landline => "landline",
        PhoneKind::Voip => "internet number",
    }
}

fn status_words(s: &PhoneStatus) -> String {
    match s {
        PhoneStatus::InUse => "in use".into(),
        PhoneStatus::Leaving { on } => format!("leaving on {on}"),
        PhoneStatus::Gone => "gone".into(),
    }
}
