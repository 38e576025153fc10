//! `keystep`: the command line over the same vault as the desktop app.
//!
//! Exit codes (a contract, documented in the README): 0 success, 2 bad input or usage, 3 no match or
//! several matches, 4 vault or keychain problem. Messages go to stderr, results to stdout.

mod clock;
mod phone;
mod recovery;
mod service;
mod transfer;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use keystep_core::app::unix_now_ms;
use keystep_core::guides;
use keystep_core::keychain::{self, Keychain};
use keystep_core::links::Verdict;
use keystep_core::paths::DataDir;
use keystep_core::{AccountView, Error, Keystep, Lang, OtpKind};
use serde::Serialize;

/// Keystep: one-time codes whose secrets are guarded by your OS keychain.
#[derive(Parser)]
#[command(name = "keystep", version, about)]
struct Cli {
    /// Use this data folder instead of the default (also: KEYSTEP_HOME).
    #[arg(long, global = true, value_name = "DIR")]
    home: Option<PathBuf>,
    /// Open your codes (or a backup) with the recovery password in FILE (`-` = standard input)
    /// instead of the keychain. Passwords are never taken from arguments or the environment.
    #[arg(long, global = true, value_name = "FILE")]
    password_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add an account from an otpauth:// setup link; prints the new account's id. Give the link as `-`
    /// (read from standard input) or with --uri-file: a link typed on the command line holds the secret
    /// and stays in your shell history and, while it runs, in the process list of every user.
    Add {
        /// `-` to read the setup link from standard input; or the link itself (kept in your shell
        /// history), e.g. 'otpauth://totp/ID.me:me@example.com?secret=...&issuer=ID.me'.
        #[arg(required_unless_present = "uri_file", conflicts_with = "uri_file")]
        uri: Option<String>,
        /// Read the setup link from this file.
        #[arg(long, value_name = "FILE")]
        uri_file: Option<PathBuf>,
    },
    /// List the accounts (never their secrets).
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check whether the links in a URL or a pasted message go to official sites. Exit 0 when the check
    /// ran (whatever it found), 2 when the text has no link.
    CheckUrl {
        /// A URL, or a whole message with links in it (quote it).
        text: String,
        /// Print a JSON array with one object per link.
        #[arg(long)]
        json: bool,
    },
    /// Work with guides (step-by-step walkthroughs).
    Guide {
        #[command(subcommand)]
        command: GuideCommand,
    },
    /// Your phone numbers: add, list, review the risks, plan a change of number.
    Phone {
        #[command(subcommand)]
        command: phone::PhoneCommand,
    },
    /// The services you use and which numbers they send codes to.
    Service {
        #[command(subcommand)]
        command: service::ServiceCommand,
    },
    /// The recovery password: set, change or remove it, or get a suggested passphrase.
    Password {
        #[command(subcommand)]
        command: recovery::PasswordCommand,
    },
    /// Write a backup now (--out FILE; it opens with the recovery password on any computer), list the
    /// automatic backups, or choose a backup folder.
    #[command(args_conflicts_with_subcommands = true)]
    Backup {
        /// Where to write the backup.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(subcommand)]
        command: Option<recovery::BackupCommand>,
    },
    /// Restore a backup (its password with --password-file): into an empty data folder it makes the
    /// vault; otherwise it merges, keeping accounts already here once. --replace replaces everything
    /// after keeping the present vault as a backup.
    Restore {
        file: PathBuf,
        #[arg(long)]
        replace: bool,
        /// Print what came back as JSON: added, duplicates, phones, services, runs, replaced.
        #[arg(long)]
        json: bool,
    },
    /// When the vault file is damaged: keep it aside (vault.ksv.damaged-<time>) and open the newest
    /// automatic backup that opens (give its password with --password-file).
    Recover {
        #[arg(long)]
        json: bool,
    },
    /// Bring in accounts from another authenticator app's export, or from a picture of QR codes
    /// (Google Authenticator's export QR codes, or a site's setup QR code). The format is found from
    /// the content. Shows what happens to every entry; nothing is added if anything goes wrong.
    /// Exit 0 when it ran (even with entries skipped), 2 for a file of no known kind, a damaged file
    /// or a picture without a QR code, 4 for a wrong password.
    Import {
        /// The export file or picture; several pictures (the QR codes of one Google Authenticator
        /// export) are read together.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The app the file comes from: google, aegis, twofas, bitwarden, ente, proton, andotp,
        /// freeotp-plus, lastpass, otpauth.
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Show what would happen, add nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print {"added", "duplicates", "skipped": [{"name", "reason"}]} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What the QR codes in a picture hold, without adding anything: service, account name and kind
    /// of each setup code (never its secret), and any other text such as a web address, with the
    /// official-site check.
    ScanQr {
        image: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write every account to a file: keystep (a backup, opens with the recovery password),
    /// aegis-encrypted (a password for the file with --password-file), or the unencrypted aegis,
    /// otpauth (one link per line) and google-qr (a folder of QR pictures for Google Authenticator).
    /// Unencrypted exports ask for the recovery password (--password-file) when one is set.
    Export {
        #[arg(long, value_name = "FORMAT")]
        format: String,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Compare this computer's clock with network time (SNTP). Prints the offset and whether Keystep
    /// corrects its codes by it (two servers agree within a second, and the clock is off by more than
    /// 15 seconds and less than an hour). Sends one small packet to each server, nothing about you.
    /// Exit 0 with a usable answer, 4 when none came.
    Clock {
        /// A time server to ask, HOST or HOST:PORT (repeat for several); default: the servers chosen
        /// in Settings, else pool.ntp.org, time.cloudflare.com and time.google.com.
        #[arg(long = "server", value_name = "HOST[:PORT]")]
        servers: Vec<String>,
        /// Print {"offset_ms", "servers": [{"server", "offset_ms"}], "applied", "checked_at"}.
        #[arg(long)]
        json: bool,
    },
    /// Print the current code of one account. For a counter (HOTP) account, prints the code for the
    /// stored counter and then advances it.
    Code {
        /// The account's id, or its service or account name (any case; a part is enough if it is unique).
        query: String,
        /// Compute the code for this moment instead of now (Unix seconds).
        #[arg(long, value_name = "UNIX_SECONDS")]
        at: Option<u64>,
        /// Print a JSON object instead of the bare code.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum GuideCommand {
    /// List every guide: the bundled ones and those in your guides folder. Problems of guide files
    /// that were left out go to stderr.
    List {
        /// Print a JSON array: id, title, summary, services, steps (count), own, checked, translated.
        #[arg(long)]
        json: bool,
        /// The language of titles and summaries: en or es. A guide with no translation is listed in
        /// English, with translated = false.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Check guide files: unknown fields, duplicate ids, missing branches or pages, links outside the
    /// service's official pages, missing sources. Problems are listed as FILE:LINE:COLUMN: message.
    /// A file in a folder named after a language (`es/irs-sign-in.toml`) is a translation: it is also
    /// held against the guide with the same id (bundled, or in your guides folder), which must have
    /// the same steps, branches and actions. Exit 0 when every file is fine, 2 otherwise.
    Validate {
        /// One or more guide files (.toml).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// How easy each bundled guide is to read: the Flesch-Kincaid grade for English (the tests keep
    /// every guide at 8 or below), the Fernandez-Huerta score for Spanish (higher is easier).
    Readability {
        /// The language to measure: en or es. A guide with no translation has no Spanish score.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// Print a JSON array: id, title, lang, translated, score, words, sentences, syllables.
        #[arg(long)]
        json: bool,
    },
}

/// Reads `--lang`: a language Keystep speaks, or a usage error (exit 2) that names them.
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == text.trim().to_ascii_lowercase())
        .ok_or_else(|| {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            format!(
                "unknown language \"{text}\"; Keystep speaks: {} (English and Spanish)",
                known.join(", ")
            )
        })
}

/// A failure with its exit code; the message is already written for a person.
struct Failure {
    exit: u8,
    message: String,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let exit = match &e {
            Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::PhoneNotFound { .. }
            | Error::ServiceNotFound { .. }
            | Error::NoBackup => 3,
            // A wrong or missing password of a file to import is a password problem, like the
            // vault's own.
            Error::ImportWrongPassword { .. } | Error::ImportPasswordNeeded { .. } => 4,
            // No usable network time: like a keychain that does not answer, the outside world failed.
            Error::ClockNoAnswer { .. }
            | Error::ClockBadAnswer { .. }
            | Error::ClockDisagree { .. } => 4,
            e if e.is_storage() => 4,
            _ => 2,
        };
        let mut message = format!("keystep: {e}");
        if let Error::Ambiguous { matches, .. } = &e {
            for m in matches {
                message.push_str(&format!("\n  {m}"));
            }
        }
        if let Error::Keychain { detail, .. } | Error::PasswordNeeded { detail, .. } = &e
            && !detail.is_empty()
        {
            message.push_str(&format!("\n  (keychain said: {detail})"));
        }
        Failure {
            exit,
            message: format!("{message} [{}]", e.code()),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run(cli);
    if !keystep_core::app::finish_folder_backups(std::time::Duration::from_secs(30)) {
        eprintln!(
            "keystep: the backup folder did not take the backup within 30 seconds; your change is saved, and the next change tries again."
        );
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{}", f.message);
            ExitCode::from(f.exit)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let dir = DataDir::resolve(cli.home.as_deref())?;
    if let Some(file) = &cli.password_file {
        recovery::remember_password_file(file)?;
    }
    match cli.command {
        Command::Password { command } => recovery::run_password(dir, command)?,
        Command::Backup { out, command } => recovery::run_backup(dir, out, command)?,
        Command::Restore {
            file,
            replace,
            json,
        } => recovery::run_restore(dir, &file, replace, json)?,
        Command::Recover { json } => recovery::run_recover(dir, json)?,
        Command::Import {
            files,
            format,
            dry_run,
            json,
        } => transfer::run_import(dir, &files, format.as_deref(), dry_run, json)?,
        Command::Clock { servers, json } => clock::run_clock(&dir, &servers, json)?,
        Command::ScanQr { image, json } => transfer::run_scan_qr(&image, json)?,
        Command::Export { format, out, json } => transfer::run_export(dir, &format, &out, json)?,
        Command::Add { uri, uri_file } => {
            let uri = setup_link(uri, uri_file.as_deref())?;
            let mut vault = open(dir, true)?.ok_or(Error::NoDataDir)?;
            let view = vault.add_uri(&uri, unix_now_ms())?;
            eprintln!("Added {}.", view.label);
            println!("{}", view.id);
        }
        Command::List { json } => {
            let accounts = match open(dir, false)? {
                Some(mut vault) => vault.accounts()?,
                None => Vec::new(),
            };
            print_list(&accounts, json);
        }
        Command::CheckUrl { text, json } => check_url(&text, json)?,
        Command::Phone { command } => phone::run_phone(dir, command)?,
        Command::Service { command } => service::run_service(dir, command)?,
        Command::Guide {
            command: GuideCommand::Validate { files },
        } => validate_guides(&dir, &files)?,
        Command::Guide {
            command: GuideCommand::List { json, lang },
        } => list_guides(&dir, json, lang),
        Command::Guide {
            command: GuideCommand::Readability { lang, json },
        } => guide_readability(lang, json),
        Command::Code { query, at, json } => {
            let offset_ms = if at.is_none() {
                clock::code_offset_ms(&dir)
            } else {
                0
            };
            let Some(mut vault) = open(dir, false)? else {
                return Err(Error::NotFound { query }.into());
            };
            let view = vault.find(&query)?;
            let now_ms = match at {
                Some(s) => s.saturating_mul(1000),
                None => unix_now_ms().saturating_add_signed(offset_ms),
            };
            let out = if view.kind == OtpKind::Hotp {
                let (code, counter) = vault.next_hotp(&view.id)?;
                CodeOut {
                    id: view.id,
                    issuer: view.issuer,
                    name: view.name,
                    code,
                    valid_until: None,
                    counter: Some(counter),
                }
            } else {
                let c = vault.code(&view.id, now_ms)?;
                CodeOut {
                    id: view.id,
                    issuer: view.issuer,
                    name: view.name,
                    code: c.code.unwrap_or_default(),
                    valid_until: c.valid_until_ms.map(|ms| ms / 1000),
                    counter: None,
                }
            };
            if json {
                println!("{}", to_json(&out));
            } else {
                println!("{}", out.code);
            }
        }
    }
    Ok(())
}

/// The longest setup link read from standard input or a file (a real one is a few hundred bytes).
const MAX_SETUP_LINK_BYTES: u64 = 16 * 1024;

/// The setup link from the argument, standard input (`-`) or a file, in memory that is wiped after use.
fn setup_link(
    uri: Option<String>,
    file: Option<&std::path::Path>,
) -> Result<zeroize::Zeroizing<String>, Failure> {
    use std::io::Read;
    let bad = |message: String| Failure {
        exit: 2,
        message: format!("keystep: {message} [input.bad_uri]"),
    };
    let mut text = zeroize::Zeroizing::new(String::new());
    let (what, read) = match (uri.as_deref(), file) {
        (Some("-"), _) => (
            "standard input".to_string(),
            std::io::stdin()
                .take(MAX_SETUP_LINK_BYTES + 1)
                .read_to_string(&mut text),
        ),
        (_, Some(path)) => {
            // Only a plain file is read (a FIFO or a device would block or never end), and at most the
            // limit: the core's reader checks both.
            let limit = usize::try_from(MAX_SETUP_LINK_BYTES).unwrap_or(usize::MAX);
            text = zeroize::Zeroizing::new(keystep_core::files::read_text_file(path, limit)?);
            (path.display().to_string(), Ok(text.len()))
        }
        (Some(link), None) => return Ok(zeroize::Zeroizing::new(link.to_string())),
        (None, None) => return Err(bad("give the setup link, `-` or --uri-file FILE.".into())),
    };
    read.map_err(|e| bad(format!("could not read the setup link from {what}: {e}")))?;
    if text.len() as u64 > MAX_SETUP_LINK_BYTES {
        return Err(bad(format!(
            "{what} holds more than {} KiB: that is not one setup link. Put just the otpauth:// link there.",
            MAX_SETUP_LINK_BYTES / 1024
        )));
    }
    let link = text.trim();
    if link.is_empty() {
        return Err(bad(format!(
            "{what} is empty. Put the otpauth:// setup link there."
        )));
    }
    Ok(zeroize::Zeroizing::new(link.to_string()))
}

/// Lists the guides a person can run; the problems of left-out guide files go to stderr.
fn list_guides(dir: &DataDir, json: bool, lang: Lang) {
    let library = keystep_core::load_guides(Some(&dir.guides_dir()));
    for problem in library.problems() {
        eprintln!("keystep: left out: {problem}");
    }
    let entries = library.entries_in(lang);
    if json {
        println!("{}", to_json(&entries));
        return;
    }
    for g in &entries {
        let own = if g.own { " (your own)" } else { "" };
        let english = if g.translated {
            ""
        } else {
            " (no translation: in English)"
        };
        println!(
            "{}{own}{english}\n  {} — {} steps\n  {}",
            g.id, g.title, g.steps, g.summary
        );
    }
}

/// One guide's readability, as `keystep guide readability --json` prints it.
#[derive(Serialize)]
struct ReadabilityOut {
    id: String,
    title: String,
    lang: Lang,
    /// False when the guide has no translation into `lang` (then no score).
    translated: bool,
    /// The Flesch-Kincaid grade (en) or the Fernandez-Huerta score (es), rounded to one decimal.
    score: Option<f64>,
    words: usize,
    sentences: usize,
    syllables: usize,
}

/// Prints the readability of every bundled guide in `lang`.
fn guide_readability(lang: Lang, json: bool) {
    use keystep_core::guides::readability::{guide_counts, score_name};
    let library = keystep_core::load_guides(None);
    let rows: Vec<ReadabilityOut> = library
        .guides_in(lang)
        .into_iter()
        .map(|l| {
            let c = if l.translated {
                guide_counts(l.guide, lang)
            } else {
                Default::default()
            };
            ReadabilityOut {
                id: l.guide.id.clone(),
                title: l.guide.title.clone(),
                lang,
                translated: l.translated,
                score: l.translated.then(|| (c.score(lang) * 10.0).round() / 10.0),
                words: c.words,
                sentences: c.sentences,
                syllables: c.syllables,
            }
        })
        .collect();
    if json {
        println!("{}", to_json(&rows));
        return;
    }
    println!("{} ({}):", score_name(lang), lang.code());
    for r in &rows {
        match r.score {
            Some(score) => println!("{score:>6.1}  {}  {}", r.id, r.title),
            None => println!("     -  {}  (no translation)", r.id),
        }
    }
}

/// The language a guide file is a translation into: the name of its folder (`es/irs-sign-in.toml`),
/// when that is a language other than English.
fn translation_lang(path: &std::path::Path) -> Option<Lang> {
    let folder = path.parent()?.file_name()?.to_str()?;
    Lang::ALL
        .into_iter()
        .find(|l| *l != Lang::En && l.code() == folder)
}

/// Validates guide files against the bundled catalog; every problem of every file is listed.
fn validate_guides(dir: &DataDir, files: &[PathBuf]) -> Result<(), Failure> {
    let mut failed = 0;
    // The guides a translation may translate: the bundled ones and those of the guides folder.
    let mut library: Option<guides::Library> = None;
    for path in files {
        let name = path.display().to_string();
        // At most the size limit plus one byte; a named pipe or a device is refused unopened.
        let text = match guides::read_guide_file(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{name}:1:1: {message}");
                failed += 1;
                continue;
            }
        };
        let checked = match translation_lang(path) {
            Some(lang) => {
                let library = library
                    .get_or_insert_with(|| keystep_core::load_guides(Some(&dir.guides_dir())));
                keystep_core::check_guide_translation(library, &name, &text, lang)
                    .map(|g| (g, format!(", a translation into {}", lang.code())))
            }
            None => keystep_core::check_guide(&name, &text).map(|g| (g, String::new())),
        };
        match checked {
            Ok((guide, what)) => println!(
                "{name}: ok ({} steps, {} branches{what})",
                guide.steps.len(),
                guide.branches.len()
            ),
            Err(problems) => {
                failed += 1;
                for p in problems {
                    eprintln!("{p}");
                }
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure {
            exit: 2,
            message: format!(
                "keystep: {failed} of {} guide files have problems [guide.invalid]",
                files.len()
            ),
        })
    }
}

/// The official-site check needs no vault: it only reads the bundled catalog.
fn check_url(text: &str, json: bool) -> Result<(), Failure> {
    let checks = keystep_core::check_links(text);
    if checks.is_empty() {
        let e = keystep_core::ShellError::NoLinkFound;
        return Err(Failure {
            exit: 2,
            message: format!("keystep: {e} [{}]", e.code()),
        });
    }
    if json {
        println!("{}", to_json(&checks));
        return Ok(());
    }
    for c in &checks {
        let verdict = match c.verdict {
            Verdict::Official => "OFFICIAL",
            Verdict::NotOfficial => "NOT OFFICIAL",
            Verdict::Suspicious => "SUSPICIOUS",
        };
        match (c.verdict, c.service_name.as_deref()) {
            (Verdict::Official, Some(name)) => println!("{verdict}  {}  ({name})", c.url),
            _ => println!("{verdict}  {}", c.url),
        }
        for r in &c.reasons {
            println!("    - {}", r.message);
        }
    }
    Ok(())
}

/// The vault, made if there is none yet (for commands that add or change something).
fn vault(dir: DataDir) -> Result<Keystep, Failure> {
    Ok(open(dir, true)?.ok_or(Error::NoDataDir)?)
}

/// Opens the vault with the keychain on a worker thread, so a keychain waiting for an unlock prompt
/// ends in a clear message instead of a hang.
fn open(dir: DataDir, create: bool) -> Result<Option<Keystep>, Error> {
    open_with(dir, create, true)
}

/// [`open`], with the keychain only when `password_opens` is false: for commands whose
/// `--password-file` is another file's password (an export to import, a new encrypted export).
fn open_with(dir: DataDir, create: bool, password_opens: bool) -> Result<Option<Keystep>, Error> {
    let with_password = recovery::given_password().filter(|_| {
        password_opens
            && matches!(
                keystep_core::vault::file::locate_vault(&dir.vault_file()),
                Ok(Some(_))
            )
    });
    let vault = match with_password {
        Some(password) => Keystep::open_with_password(dir, password)?,
        None => keychain::with_timeout(keychain::timeout(), move || {
            let kc = Keychain::platform()?;
            if create {
                Keystep::open_or_create(dir, &kc).map(|(k, _)| Some(k))
            } else {
                Keystep::open_existing(dir, &kc)
            }
        })?,
    };
    if let Some(v) = &vault {
        let parts = v.unreadable_parts();
        if !parts.is_empty() {
            eprintln!(
                "keystep: this version could not read {} in your vault. It is kept unchanged; a newer Keystep can use it.",
                parts.join(", ")
            );
        }
    }
    Ok(vault)
}

#[derive(Serialize)]
struct CodeOut {
    id: String,
    issuer: String,
    name: String,
    code: String,
    /// Unix seconds when the code stops being valid (time-based accounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<u64>,
    /// The counter the code was made for (HOTP accounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    counter: Option<u64>,
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into())
}

fn print_list(accounts: &[AccountView], json: bool) {
    if json {
        println!("{}", to_json(&accounts));
        return;
    }
    if accounts.is_empty() {
        eprintln!("No accounts yet. Add one with: keystep add 'otpauth://...'");
        return;
    }
    let width = accounts
        .iter()
        .map(|a| a.issuer.chars().count())
        .max()
        .unwrap_or(0)
        .max(7);
    let name_width = accounts
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    println!(
        "{:<width$}  {:<name_width$}  {:<5}  ID",
        "SERVICE", "NAME", "TYPE"
    );
    for a in accounts {
        let kind = match a.kind {
            OtpKind::Totp => "totp",
            OtpKind::Hotp => "hotp",
            OtpKind::Steam => "steam",
        };
        println!(
            "{:<width$}  {:<name_width$}  {:<5}  {}",
            a.issuer, a.name, kind, a.id
        );
    }
}
