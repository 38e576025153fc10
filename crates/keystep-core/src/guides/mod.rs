//! Guided sign-in: guides as data (see docs/guide-format.md), their validation, and runs through them.

pub mod format;
pub mod runner;
pub mod text;
pub mod validate;
pub mod view;

pub use format::{Action, Answer, Branch, Goto, Guide, Step};
pub use runner::Run;
pub use validate::{GuideProblem, load_guide, unsafe_markup};

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
        "is-it-the-irs.toml",
        include_str!("../../data/guides/is-it-the-irs.toml"),
    ),
];

/// Every bundled guide, parsed and validated against the catalog.
pub fn bundled(catalog: &Catalog) -> Result<Vec<Guide>, Vec<GuideProblem>> {
    let mut guides = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in BUNDLED_GUIDES {
        match load_guide(file, text, catalog) {
            Ok(g) => guides.push(g),
            Err(p) => problems.extend(p),
        }
    }
    for (i, g) in guides.iter().enumerate() {
        if guides[..i].iter().any(|o| o.id == g.id) {
            problems.push(GuideProblem {
                file: g.id.clone(),
                line: 1,
                column: 1,
                message: format!("guide id \"{}\" is used by two files", g.id),
            });
        }
    }
    if problems.is_empty() {
        Ok(guides)
    } else {
        Err(problems)
    }
}
