//! Keystep's core: every rule of the product, for the desktop app and the `keystep` command alike,
//! without any UI.
//!
//! The front ends call [`Keystep`] (in [`app`]), the facade over:
//! - [`vault`]: the encrypted vault file (one for codes, numbers, services, backup codes and guide
//!   progress), and [`keychain`]: its key in the OS keychain;
//! - [`otp`]: one-time codes (TOTP, HOTP, Steam) and `otpauth://` setup links; [`account`]: accounts;
//! - [`guides`]: guided sign-in (the guide format, the bundled guides and their translations, runs
//!   through them, readability); [`lang`]: the languages of the text the core writes;
//! - [`phones`]: the person's phone numbers and the change-number planner; [`services`]: the services
//!   they sign in to (which numbers each sends codes to, backup codes) and the risk review;
//! - [`links`]: the official-site check of links, against [`catalog`]: the services Keystep knows
//!   (both read host names through `domain`: a host's registrable part, from the public suffix list);
//! - [`import`]: other authenticator apps' exports, one reader per format, and Google's transfer QR
//!   codes; [`qr`]: QR codes found in pictures and drawn for exports;
//! - [`backups`]: automatic backups and their keep rule; [`recovery_password`]: strength and
//!   passphrases; [`settings`]: what must be known before the vault opens (lock, backup folder, the
//!   clock check); [`clock`]: the computer's clock against network time, and the codes' correction;
//! - `names`, `dates` and [`files`]: checks of what comes from outside (names people see, calendar days,
//!   files and piped text read bounded); [`paths`]: where the files live; [`error`]: the one error type,
//!   with stable codes and the named values of its message, and [`reasons`]: why an input was refused,
//!   by stable key; [`lang`]: the languages of the text the core writes (the catalog's, the review's,
//!   the change-number plan's).
//!
//! Secrets stay inside this crate ([`sensitive`]): what leaves it are views ([`AccountView`],
//! [`CodeView`], ...) that hold names and codes, never seeds, backup codes or keys.

pub mod account;
pub mod app;
pub mod backups;
pub mod catalog;
pub mod clock;
pub(crate) mod dates;
pub(crate) mod domain;
pub mod error;
pub mod files;
pub mod guides;
pub mod import;
pub mod keychain;
pub mod lang;
pub mod links;
pub(crate) mod names;
pub mod otp;
pub mod paths;
pub mod phones;
pub mod qr;
pub mod reasons;
pub mod recovery_password;
pub mod sensitive;
pub mod services;
pub mod settings;
pub mod vault;

pub use account::{AccountView, NewAccount};
pub use app::{CopyInfo, Keystep, OpenInfo, OpenOutcome, RecoveryStatus, RestoreReport};
pub use error::{Error, ErrorDto, Result, ShellError};
pub use lang::Lang;
pub use otp::{Algorithm, CodeView, OtpKind};

// Vault-free functions beside the facade: what the shells may call without an open vault. They use
// the bundled catalog, as `Keystep` does.

/// Whether each link in `text` (a URL or a whole message) goes to an official site. Only reads.
pub fn check_links(text: &str) -> Vec<links::LinkCheck> {
    links::check_text(catalog::Catalog::bundled(), text)
}

/// The address of an official page of a catalog service, after the official-site check; refused with
/// `link.not_official` otherwise.
pub fn official_page_url(service: &str, page: &str) -> Result<String> {
    links::official_page_url(catalog::Catalog::bundled(), service, page)
}

/// The services of the catalog, for the add-service form.
pub fn catalog_services() -> Vec<services::views::CatalogServiceView> {
    catalog_services_in(Lang::En)
}

/// The services of the catalog with their names in `lang` ("Seguro Social").
pub fn catalog_services_in(lang: Lang) -> Vec<services::views::CatalogServiceView> {
    services::views::catalog_services(catalog::Catalog::bundled_in(lang))
}

/// The guides a person can run: the bundled ones and the valid files of their guides folder.
pub fn load_guides(folder: Option<&std::path::Path>) -> guides::Library {
    guides::Library::load(catalog::Catalog::bundled(), folder)
}

/// Checks a translation file into `lang` (`name` is the file name used in problems): it is held
/// against the guide of `library` with the same id, and the guides it names must be titles in `lang`.
pub fn check_guide_translation(
    library: &guides::Library,
    name: &str,
    text: &str,
    lang: Lang,
) -> std::result::Result<guides::Guide, Vec<guides::GuideProblem>> {
    library.check_translation(name, text, lang, catalog::Catalog::bundled())
}

/// Checks one guide file's text against the bundled catalog: the guide, or every problem with its
/// line and column (`name` is the file name used in them).
pub fn check_guide(
    name: &str,
    text: &str,
) -> std::result::Result<guides::Guide, Vec<guides::GuideProblem>> {
    guides::load_guide(name, text, catalog::Catalog::bundled())
}

#[cfg(test)]
mod tests {
    /// The crate's doc says what the crate holds today: it names every module.
    #[test]
    fn the_crate_doc_names_every_module() {
        let source = include_str!("lib.rs");
        let doc: Vec<&str> = source.lines().filter(|l| l.starts_with("//!")).collect();
        let doc = doc.join(" ");
        let modules: Vec<&str> = source
            .lines()
            .filter_map(|l| l.split_once("mod ")?.1.strip_suffix(';'))
            .collect();
        assert!(modules.len() > 10, "{modules:?}");
        for name in modules {
            assert!(
                doc.contains(&format!("`{name}`")),
                "the crate doc (//! at the top of lib.rs) does not say what the module `{name}` holds"
            );
        }
    }
}
