//! `keystep import`, `keystep scan-qr` and `keystep export`: codes in from other apps and pictures
//! of QR codes, and out to other apps, phones and backups.

use std::path::Path;

use keystep_core::app::{ExportFormat, ImportAction, ImportPreview, unix_now_ms};
use keystep_core::import::{self, Format, Item};
use keystep_core::paths::DataDir;
use serde::Serialize;

use crate::{Failure, open_with, recovery, to_json};

/// What `import --json` prints (part of the CLI contract).
#[derive(Serialize)]
struct ImportOut<'a> {
    added: usize,
    duplicates: usize,
    skipped: Vec<SkipOut<'a>>,
    format: Format,
    warnings: &'a [String],
    dry_run: bool,
}

#[derive(Serialize)]
struct SkipOut<'a> {
    name: &'a str,
    reason: &'a str,
}

pub fn run_import(
    dir: DataDir,
    files: &[std::path::PathBuf],
    format: Option<&str>,
    dry_run: bool,
    json: bool,
) -> Result<(), Failure> {
    let format = format.map(Format::parse).transpose()?;
    // Read (and decrypt) the file before the vault opens: a wrong password or a damaged file is
    // told without touching the keychain.
    let read = import::read_paths(files, format, recovery::given_password())?;
    let mut vault = open_with(dir, !dry_run, false)?;
    let preview = match (&mut vault, dry_run) {
        (Some(v), true) => v.preview_import(&read)?,
        (Some(v), false) => v.import(read, unix_now_ms())?,
        (None, _) => keystep_core::Keystep::preview_without_vault(&read),
    };
    print_import(&preview, dry_run, json);
    Ok(())
}

fn print_import(p: &ImportPreview, dry_run: bool, json: bool) {
    if json {
        let skipped = p
            .rows
            .iter()
            .filter(|r| r.action == ImportAction::Skip)
            .map(|r| SkipOut {
                name: &r.name,
                reason: r.reason.as_deref().unwrap_or(""),
            })
            .collect();
        let out = ImportOut {
            added: p.added,
            duplicates: p.duplicates,
            skipped,
            format: p.format,
            warnings: &p.warnings,
            dry_run,
        };
        println!("{}", to_json(&out));
    } else {
        println!("From {}:", p.app);
        for r in &p.rows {
            let what = match (r.action, dry_run) {
                (ImportAction::Add, true) => "would add",
                (ImportAction::Add, false) => "added",
                (ImportAction::Duplicate, _) => "already there",
                (ImportAction::Skip, _) => "skipped",
            };
            match &r.reason {
                Some(reason) => println!("  {what:<13} {}: {reason}", r.name),
                None => println!("  {what:<13} {}", r.name),
            }
        }
        let verb = if dry_run { "would be added" } else { "added" };
        println!(
            "{} {verb}, {} already there, {} skipped.",
            p.added, p.duplicates, p.skipped
        );
    }
    for w in &p.warnings {
        eprintln!("keystep: warning: {w}");
    }
    for t in &p.other_texts {
        eprintln!(
            "keystep: a QR code holds something that is not a setup code, and was not added: {t}"
        );
    }
}

#[derive(Serialize)]
struct QrOut {
    codes: Vec<QrCodeOut>,
    other_texts: Vec<OtherOut>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct QrCodeOut {
    name: String,
    issuer: Option<String>,
    account: Option<String>,
    kind: Option<keystep_core::OtpKind>,
    problem: Option<String>,
}

#[derive(Serialize)]
struct OtherOut {
    text: String,
    links: Vec<keystep_core::links::LinkCheck>,
}

pub fn run_scan_qr(image: &Path, json: bool) -> Result<(), Failure> {
    let read = import::read_path(image, Some(Format::Google), None)?;
    let out = QrOut {
        codes: read
            .items
            .iter()
            .map(|item| match item {
                Item::Account { label, account } => QrCodeOut {
                    name: label.clone(),
                    issuer: Some(account.issuer.clone()),
                    account: Some(account.name.clone()),
                    kind: Some(account.params.kind),
                    problem: None,
                },
                Item::Skipped { label, reason } => QrCodeOut {
                    name: label.clone(),
                    issuer: None,
                    account: None,
                    kind: None,
                    problem: Some(reason.clone()),
                },
            })
            .collect(),
        other_texts: read
            .other_texts
            .iter()
            .map(|t| OtherOut {
                text: t.clone(),
                links: keystep_core::check_links(t),
            })
            .collect(),
        warnings: read.warnings.clone(),
    };
    if json {
        println!("{}", to_json(&out));
        return Ok(());
    }
    for c in &out.codes {
        match (&c.kind, &c.problem) {
            (Some(kind), _) => println!(
                "{}  service: {}  account: {}  ({kind:?})",
                c.name,
                c.issuer.as_deref().unwrap_or(""),
                c.account.as_deref().unwrap_or("")
            ),
            (None, Some(problem)) => println!("{}  cannot be used: {problem}", c.name),
            (None, None) => {}
        }
    }
    for o in &out.other_texts {
        println!("not a setup code: {}", o.text);
        for l in &o.links {
            println!("    {:?}: {}", l.verdict, l.url);
        }
    }
    for w in &out.warnings {
        eprintln!("keystep: warning: {w}");
    }
    Ok(())
}

pub fn run_export(dir: DataDir, format: &str, out: &Path, json: bool) -> Result<(), Failure> {
    let format = ExportFormat::parse(format)?;
    // For an encrypted Aegis file the password is the new file's; otherwise it is the recovery
    // password, which may also open the vault.
    let password_opens = format != ExportFormat::AegisEncrypted;
    let mut vault = open_with(dir, false, password_opens)?.ok_or_else(|| Failure {
        exit: 3,
        message: "keystep: there are no codes in Keystep yet, so there is nothing to export. Nothing was written. [export.nothing]".into(),
    })?;
    let report = vault.export(format, out, recovery::given_password())?;
    if json {
        println!("{}", to_json(&report));
    } else {
        for s in &report.skipped {
            println!("  left out {}: {}", s.name, s.reason);
        }
        for f in &report.files {
            println!("{}", f.display());
        }
    }
    eprintln!(
        "Exported {} account{}.{}",
        report.exported,
        if report.exported == 1 { "" } else { "s" },
        if format.is_encrypted() {
            ""
        } else {
            " This is not encrypted: anyone who has it can make your codes. Delete it once you have used it."
        }
    );
    Ok(())
}
