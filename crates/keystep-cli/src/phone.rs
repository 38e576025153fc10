//! `keystep phone ...`: numbers, the review of the services that use them, and the change-number
//! plan, over the same vault as the window.

use clap::{Subcommand, ValueEnum};
use keystep_core::app::unix_now_ms;
use keystep_core::paths::DataDir;
use keystep_core::phones::planner::ChecklistStep;
use keystep_core::phones::{PhoneKind, PhoneStatus, default_region};
use serde::Serialize;

use crate::{Failure, open, to_json, vault};

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
                println!("Nothing to fix: no service depends on a number at risk.");
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
