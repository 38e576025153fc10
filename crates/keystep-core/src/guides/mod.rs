//! Guided sign-in: guides as data (see docs/guide-format.md), their validation, and runs through them.

pub mod format;
pub mod library;
pub mod readability;
pub mod runner;
pub mod text;
pub mod translation;
pub mod validate;
pub mod view;

pub use format::{Action, Answer, Branch, Goto, Guide, Step};
pub use library::{GuideList, GuideSummary, Library, LocalGuide, RunSummary};
pub use runner::Run;
pub use validate::{GuideProblem, load_guide, unknown_guide_names, unsafe_markup};

use crate::catalog::Catalog;

/// The bundled guides: (file name, TOML text), compiled in.
pub const BUNDLED_GUIDES: &[(&str, &str)] = &[
    (
        "irs-sign-in.toml",
        include_str!("../../data/guides/irs-sign-in.toml"),
    ),
    (
        "idme-create-verify.toml",
        include_str!("../../data/guides/idme-create-verify.toml"),
    ),
    (
        "idme-authenticator.toml",
        include_str!("../../data/guides/idme-authenticator.toml"),
    ),
    (
        "logingov-sign-in.toml",
        include_str!("../../data/guides/logingov-sign-in.toml"),
    ),
    (
        "logingov-change-phone.toml",
        include_str!("../../data/guides/logingov-change-phone.toml"),
    ),
    (
        "ssa-sign-in.toml",
        include_str!("../../data/guides/ssa-sign-in.toml"),
    ),
    (
        "no-text-code.toml",
        include_str!("../../data/guides/no-text-code.toml"),
    ),
    (
        "locked-out.toml",
        include_str!("../../data/guides/locked-out.toml"),
    ),
    (
        "lost-phone.toml",
        include_str!("../../data/guides/lost-phone.toml"),
    ),
    (
        "logingov-create-verify.toml",
        include_str!("../../data/guides/logingov-create-verify.toml"),
    ),
    (
        "no-smartphone-selfie.toml",
        include_str!("../../data/guides/no-smartphone-selfie.toml"),
    ),
    (
        "forgot-password.toml",
        include_str!("../../data/guides/forgot-password.toml"),
    ),
    (
        "idme-change-phone.toml",
        include_str!("../../data/guides/idme-change-phone.toml"),
    ),
    (
        "is-it-the-irs.toml",
        include_str!("../../data/guides/is-it-the-irs.toml"),
    ),
    (
        "helping-someone.toml",
        include_str!("../../data/guides/helping-someone.toml"),
    ),
    (
        "is-it-ssa.toml",
        include_str!("../../data/guides/is-it-ssa.toml"),
    ),
    (
        "irs-ip-pin.toml",
        include_str!("../../data/guides/irs-ip-pin.toml"),
    ),
    (
        "account-in-your-name.toml",
        include_str!("../../data/guides/account-in-your-name.toml"),
    ),
    (
        "moving-from-authy.toml",
        include_str!("../../data/guides/moving-from-authy.toml"),
    ),
    (
        "moving-from-phone-authenticator.toml",
        include_str!("../../data/guides/moving-from-phone-authenticator.toml"),
    ),
];

/// The bundled translations: (language code, file name such as `es/irs-sign-in.toml`, TOML text), one
/// for each `data/guides/<lang>/*.toml`, compiled in by build.rs (so a new translation needs no entry
/// here). See [`translation`].
pub const BUNDLED_TRANSLATIONS: &[(&str, &str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/translations.rs"));

/// The bundled translations into `lang`, checked against the bundled English `guides` (see
/// [`translation::load_translations`]), and the problems of those left out. A file in a folder that
/// is not a language Keystep speaks is a problem too (reported with English, which has no folder).
pub fn bundled_translations(
    lang: crate::Lang,
    guides: &[Guide],
    catalog: &Catalog,
) -> (Vec<Guide>, Vec<GuideProblem>) {
    if lang == crate::Lang::En {
        let problems = BUNDLED_TRANSLATIONS
            .iter()
            .filter(|(code, _, _)| {
                !crate::Lang::ALL
                    .iter()
                    .any(|l| *l != crate::Lang::En && l.code() == *code)
            })
            .map(|(code, file, _)| GuideProblem {
                file: (*file).to_string(),
                line: 1,
                column: 1,
                message: format!(
                    "\"{code}\" is not a language Keystep speaks (its folders are: {})",
                    crate::Lang::ALL[1..]
                        .iter()
                        .map(|l| l.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect();
        return (Vec::new(), problems);
    }
    let files: Vec<(&str, &str)> = BUNDLED_TRANSLATIONS
        .iter()
        .filter(|(code, _, _)| *code == lang.code())
        .map(|(_, file, text)| (*file, *text))
        .collect();
    translation::load_translations(&files, guides, catalog)
}

/// Every bundled guide, parsed and validated against the catalog, each guide it names included (see
/// [`text`]); the problems of any that were left out. A bundled guide with a problem is a bug the tests
/// catch (see [`bundled`]).
pub fn bundled(catalog: &Catalog) -> Result<Vec<Guide>, Vec<GuideProblem>> {
    let (loaded, mut problems) = load_files(BUNDLED_GUIDES, catalog);
    let titles: Vec<&str> = loaded.iter().map(|(g, _, _)| g.title.as_str()).collect();
    for (g, file, text) in &loaded {
        problems.extend(unknown_guide_names(file, text, g, &titles));
    }
    if problems.is_empty() {
        Ok(loaded.into_iter().map(|(g, _, _)| g).collect())
    } else {
        Err(problems)
    }
}

/// The one loader of guides compiled in, `(file name, TOML text)` each: every file is parsed and
/// validated against the catalog, and a file with a problem, or whose guide id an earlier file already
/// uses, is left out and its problems returned. Tests fail on any problem ([`bundled`]); at run time the
/// rest of the guides are used ([`library::bundled_cached`]), and a guide name that opens no guide is
/// shown as plain emphasis.
pub fn load_bundled(files: &[(&str, &str)], catalog: &Catalog) -> (Vec<Guide>, Vec<GuideProblem>) {
    let (loaded, problems) = load_files(files, catalog);
    (loaded.into_iter().map(|(g, _, _)| g).collect(), problems)
}

/// [`load_bundled`], with the file name and text each guide came from.
#[allow(clippy::type_complexity)]
fn load_files<'f>(
    files: &[(&'f str, &'f str)],
    catalog: &Catalog,
) -> (Vec<(Guide, &'f str, &'f str)>, Vec<GuideProblem>) {
    let mut loaded: Vec<(Guide, &str, &str)> = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in files {
        match load_guide(file, text, catalog) {
            Ok(g) => match loaded.iter().find(|(o, _, _)| o.id == g.id) {
                Some((_, first, _)) => problems.push(GuideProblem {
                    file: (*file).to_string(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "guide id \"{}\" is already used by {first}; each guide needs its own id",
                        g.id
                    ),
                }),
                None => loaded.push((g, file, text)),
            },
            Err(p) => problems.extend(p),
        }
    }
    (loaded, problems)
}

/// Reads a guide file: a regular file of at most [`validate::MAX_GUIDE_BYTES`] (never more is read, and
/// a named pipe or a device is refused before it is opened). Else what is wrong, for a
/// [`GuideProblem`]'s message.
pub fn read_guide_file(path: &std::path::Path) -> Result<String, String> {
    crate::files::read_text_file(path, validate::MAX_GUIDE_BYTES).map_err(|e| match e {
        crate::Error::FileRefused { problem, .. } => {
            format!("Keystep did not read this guide file: {problem}")
        }
        other => other.to_string(),
    })
}

/// Most guide files read from a user folder (more is surely a wrong folder).
pub const MAX_USER_GUIDES: usize = 200;

/// Guides a person added in a folder of their own: every `.toml` file in `dir` (not its subfolders),
/// validated like the bundled ones. A file with problems is left out and its problems are returned; a
/// guide whose id is already taken (by a bundled guide or another file) is left out too.
pub fn load_folder(
    dir: &std::path::Path,
    catalog: &Catalog,
    taken_ids: &[String],
) -> (Vec<Guide>, Vec<GuideProblem>) {
    let mut guides: Vec<Guide> = Vec::new();
    let (files, mut problems) = read_folder_files(dir);
    let mut texts: Vec<(String, String)> = Vec::new();
    for (name, text) in files {
        match load_guide(&name, &text, catalog) {
            Ok(g) if taken_ids.contains(&g.id) || guides.iter().any(|o| o.id == g.id) => {
                problems.push(GuideProblem {
                    file: name,
                    line: 1,
                    column: 1,
                    message: format!(
                        "guide id \"{}\" is already used; give this guide another id",
                        g.id
                    ),
                });
            }
            Ok(g) => {
                guides.push(g);
                texts.push((name, text));
            }
            Err(p) => problems.extend(p),
        }
    }
    // A guide may name a bundled guide or another guide of the folder, by its exact title.
    let titles: Vec<String> = library::bundled_cached()
        .iter()
        .chain(&guides)
        .map(|g| g.title.clone())
        .collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut kept = Vec::new();
    for (g, (name, text)) in guides.into_iter().zip(texts) {
        let found = unknown_guide_names(&name, &text, &g, &titles);
        if found.is_empty() {
            kept.push(g);
        } else {
            problems.extend(found);
        }
    }
    (kept, problems)
}

/// The `.toml` files of a folder (not its subfolders), sorted, as (path, text): at most
/// [`MAX_USER_GUIDES`], each read by [`read_guide_file`]. What could not be read is a problem.
pub fn read_folder_files(dir: &std::path::Path) -> (Vec<(String, String)>, Vec<GuideProblem>) {
    let mut problems = Vec::new();
    let problem = |file: String, message: String| GuideProblem {
        file,
        line: 1,
        column: 1,
        message,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return (
                Vec::new(),
                vec![problem(
                    dir.display().to_string(),
                    format!("cannot read this folder: {e}"),
                )],
            );
        }
    };
    // Every `.toml` entry, files or not: one that is not a regular file (a named pipe, a device, a
    // folder) is reported, never opened for reading.
    let mut files: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    if files.len() > MAX_USER_GUIDES {
        problems.push(problem(
            dir.display().to_string(),
            format!(
                "{} guide files; only the first {MAX_USER_GUIDES} are read",
                files.len()
            ),
        ));
        files.truncate(MAX_USER_GUIDES);
    }
    let mut texts = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match read_guide_file(&path) {
            Ok(text) => texts.push((name, text)),
            Err(message) => problems.push(problem(name, message)),
        }
    }
    (texts, problems)
}
