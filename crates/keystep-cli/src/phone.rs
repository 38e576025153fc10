//! `keystep phone ...` and `keystep service ...`: numbers, the accounts that use them, the review and
//! the change-number plan, over the same vault as the window.

use clap::{Subcommand, ValueEnum};
use keystep_core::app::unix_now_ms;
use keystep_core::catalog::Catalog;
use keystep_core::guides::format::Action;
use keystep_core::paths::DataDir;
use keystep_core::phones::views::MyAccountView;
use keystep_core::phones::{PhoneKind, PhoneStatus, ServiceRef, default_region};
use keystep_core::sensitive::SecretString;
use keystep_core::{Error, Keystep};
use serde::Serialize;
use std::io::Read as _;

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
    /// one used with --used N, or replace them with --set (codes read from standard input, one per
    /// line, so they never appear in your shell history).
    BackupCodes {
        /// The service: its catalog id (google) or name.
        service: String,
        /// Replace the saved codes with those read from standard input.
        #[arg(long)]
        set: bool,
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
            let p = v.add_phone(&number, &region, &label, kind.into())?;
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
            let steps: Vec<PlanStepOut> = plan
                .guide
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| PlanStepOut {
                    number: i + 1,
                    id: s.id.clone(),
                    title: s.title.clone(),
                    page: s.actions.iter().find_map(|a| match a {
                        Action::OpenPage { page, service, .. } => service
                            .as_deref()
                            .and_then(|svc| Catalog::bundled().official_page_url(svc, page).ok()),
                        _ => None,
                    }),
                })
                .collect();
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
            let added = v.add_my_account(service)?;
            let view = v.update_my_account(&added.id, &code, &recovery, None, security_key)?;
            eprintln!("Added {}.", view.service_name);
            println!("{}", view.id);
        }
        ServiceCommand::BackupCodes {
            service,
            set,
            show,
            used,
        } => {
            let mut v = vault(dir)?;
            let entry = v.find_my_account(&service)?;
            if set {
                let mut text = String::new();
                std::io::stdin().take(64 * 1024).read_to_string(&mut text)
                    .map_err(|e| Failure {
                        exit: 2,
                        message: format!("keystep: could not read the codes from standard input: {e} [input.bad_backup_codes]"),
                    })?;
                let saved = v.set_backup_codes(&entry.id, &SecretString::new(text))?;
                eprintln!(
                    "Saved {} backup codes for {}.",
                    saved.backup_codes_total, saved.service_name
                );
            }
            if let Some(n) = used {
                v.mark_backup_code(&entry.id, n.saturating_sub(1), true)?;
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

#[derive(Serialize)]
struct PlanOut {
    run_id: String,
    title: String,
    date: String,
    steps: Vec<PlanStepOut>,
}

#[derive(Serialize)]
struct PlanStepOut {
    number: usize,
    id: String,
    title: String,
    /// The official page to open for this step, if any.
    page: Option<String>,
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
