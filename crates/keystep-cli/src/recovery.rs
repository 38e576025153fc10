//! `keystep password ...`, `keystep backup ...` and `keystep restore ...`: the recovery password,
//! backups, and restoring them on this or another computer. Passwords come only from files or
//! standard input (`--password-file`), never from arguments or the environment.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap::Subcommand;
use keystep_core::files::read_bounded;
use keystep_core::keychain::{self, Keychain};
use keystep_core::paths::DataDir;
use keystep_core::recovery_password::{from_file_text, generate_passphrase};
use keystep_core::sensitive::SecretString;
use keystep_core::{Error, Keystep};

use crate::{Failure, open, to_json, vault};

/// Longest password file read, in bytes.
const MAX_PASSWORD_FILE_BYTES: usize = 4096;

/// The password given with the global `--password-file`, read once.
static PASSWORD: OnceLock<SecretString> = OnceLock::new();

/// Reads the global `--password-file` (`-` = standard input) for every command of this run.
pub fn remember_password_file(file: &Path) -> Result<(), Failure> {
    let password = read_password_file(file)?;
    let _ = PASSWORD.set(password);
    Ok(())
}

/// The password of `--password-file`, if one was given.
pub fn given_password() -> Option<&'static SecretString> {
    PASSWORD.get()
}

fn read_password_file(file: &Path) -> Result<SecretString, Failure> {
    let bad = |message: String| Failure {
        exit: 2,
        message: format!("keystep: {message} Nothing was changed. [input.bad_password]"),
    };
    let bytes = if file == Path::new("-") {
        read_bounded(std::io::stdin().lock(), MAX_PASSWORD_FILE_BYTES)
    } else {
        std::fs::File::open(file).and_then(|f| read_bounded(f, MAX_PASSWORD_FILE_BYTES))
    }
    .map_err(|e| bad(format!("Could not read the password file {}: {e}.", file.display())))?
    .ok_or_else(|| bad(format!("The password file {} is larger than {MAX_PASSWORD_FILE_BYTES} bytes: it holds more than a password.", file.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        bad(format!(
            "The password file {} is not text (UTF-8).",
            file.display()
        ))
    })?;
    let password = from_file_text(text);
    if password.expose().is_empty() {
        return Err(bad(format!(
            "The password file {} is empty.",
            file.display()
        )));
    }
    Ok(password)
}

#[derive(Subcommand)]
pub enum PasswordCommand {
    /// Set the recovery password, or change it (then give the current one with --password-file). With
    /// it your codes open on another computer, or if this computer's keychain is lost.
    Set {
        /// The file that holds the new password (`-` = standard input).
        #[arg(long, value_name = "FILE")]
        new_password_file: PathBuf,
    },
    /// Remove the recovery password (give it with --password-file). Backups then open only on this
    /// computer, and nothing more goes to the backup folder.
    Remove,
    /// Print a passphrase of five random words to use as the recovery password. Write it down.
    Suggest,
    /// Put your vault's key back into this computer's keychain (open with --password-file), so that
    /// Keystep opens without the password again.
    RestoreKey,
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The automatic backups, newest first (in the data folder and the backup folder).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Choose a folder that also receives every backup (a USB stick, a synced folder), or --off.
    Folder {
        #[arg(required_unless_present = "off", conflicts_with = "off")]
        dir: Option<PathBuf>,
        #[arg(long)]
        off: bool,
    },
}

pub fn run_password(dir: DataDir, command: PasswordCommand) -> Result<(), Failure> {
    match command {
        PasswordCommand::Suggest => {
            println!("{}", generate_passphrase()?.expose());
        }
        PasswordCommand::Set { new_password_file } => {
            let new = read_password_file(&new_password_file)?;
            let mut v = vault(dir)?;
            let had = v.has_password();
            let params = v.set_password(&new, given_password())?;
            eprintln!(
                "{} the recovery password (Argon2id, {} MiB, {} passes). Keep it somewhere safe: with it your codes open on another computer.",
                if had { "Changed" } else { "Set" },
                params.memory_kib / 1024,
                params.iterations
            );
        }
        PasswordCommand::RestoreKey => {
            let Some(password) = given_password() else {
                return Err(Error::CurrentPasswordNeeded.into());
            };
            let mut v = Keystep::open_with_password(dir, password)?.ok_or(Error::NoDataDir)?;
            keychain::with_timeout(keychain::timeout(), move || {
                let kc = Keychain::platform()?;
                v.put_key_in_keychain(&kc)
            })?;
            eprintln!(
                "Put the key back into this computer's keychain: Keystep opens without the password again."
            );
        }
        PasswordCommand::Remove => {
            let mut v = vault(dir)?;
            v.remove_password(given_password())?;
            eprintln!(
                "Removed the recovery password. Backups now open only with this computer's keychain."
            );
        }
    }
    Ok(())
}

pub fn run_backup(
    dir: DataDir,
    out: Option<PathBuf>,
    command: Option<BackupCommand>,
) -> Result<(), Failure> {
    match (out, command) {
        (Some(out), None) => {
            let mut v = vault(dir)?;
            v.backup_to(&out)?;
            eprintln!(
                "Wrote a backup to {}. It opens with your recovery password, on any computer.",
                out.display()
            );
        }
        (None, Some(BackupCommand::List { json })) => {
            let list = match open(dir, false)? {
                Some(v) => v.backups()?,
                None => Vec::new(),
            };
            if json {
                println!("{}", to_json(&list));
            } else if list.is_empty() {
                eprintln!("No backups yet. Keystep makes one after every change.");
            } else {
                for b in list {
                    let accounts = b.accounts.map_or_else(
                        || "another vault's".to_string(),
                        |n| format!("{n} accounts"),
                    );
                    let by = match b.sealed_by {
                        keystep_core::app::SealedBy::Password => "opens with the recovery password",
                        keystep_core::app::SealedBy::Keychain => "opens only on this computer",
                    };
                    let secs = b.created % 86_400;
                    println!(
                        "{} {:02}:{:02} UTC  {accounts}, {by}  {}",
                        keystep_core::app::iso_date(b.created.saturating_mul(1000)),
                        secs / 3600,
                        secs / 60 % 60,
                        b.path
                    );
                }
            }
        }
        (None, Some(BackupCommand::Folder { dir: folder, off })) => {
            let mut v = vault(dir)?;
            let folder = if off { None } else { folder };
            let has_password = v.has_password();
            v.set_backup_folder(folder.clone())?;
            match (folder, has_password) {
                (None, _) => eprintln!("No backup folder: backups stay in the data folder."),
                (Some(f), true) => {
                    eprintln!("Every change is now also backed up to {}.", f.display())
                }
                (Some(f), false) => eprintln!(
                    "Chose {}. Backups go there once you set a recovery password (keystep password set).",
                    f.display()
                ),
            }
        }
        _ => {
            return Err(Failure {
                exit: 2,
                message: "keystep: give --out FILE, or one of: backup list, backup folder DIR. [input.usage]".into(),
            });
        }
    }
    Ok(())
}

/// What `keystep restore --json` prints.
#[derive(serde::Serialize)]
struct RestoreOut {
    added: usize,
    duplicates: usize,
    phones: usize,
    services: usize,
    runs: usize,
    replaced: bool,
}

pub fn run_restore(dir: DataDir, file: &Path, replace: bool, json: bool) -> Result<(), Failure> {
    let password = given_password().cloned();
    let file = file.to_path_buf();
    let (_, report) = keychain::with_timeout(keychain::timeout(), move || {
        let kc = Keychain::platform()?;
        Keystep::restore(dir, &kc, &file, password.as_ref(), replace)
    })?;
    if json {
        println!(
            "{}",
            to_json(&RestoreOut {
                added: report.added,
                duplicates: report.duplicates,
                phones: report.phones,
                services: report.services,
                runs: report.runs,
                replaced: report.replaced,
            })
        );
    } else {
        let what = if report.replaced {
            "Replaced everything with the backup"
        } else {
            "Restored"
        };
        eprintln!(
            "{what}: {} accounts added, {} already here, {} phone numbers, {} services, {} guide runs and plans.",
            report.added, report.duplicates, report.phones, report.services, report.runs
        );
    }
    Ok(())
}

pub fn run_recover(dir: DataDir, json: bool) -> Result<(), Failure> {
    let password = given_password().cloned();
    let (_, report) = keychain::with_timeout(keychain::timeout(), move || {
        let kc = Keychain::platform()?;
        Keystep::recover_damaged(dir, &kc, password.as_ref())
    })?;
    if json {
        println!("{}", to_json(&report));
    } else {
        eprintln!(
            "Kept the damaged file as {} and opened the backup {} ({} accounts).",
            report.damaged_kept, report.backup, report.restored.added
        );
    }
    Ok(())
}
