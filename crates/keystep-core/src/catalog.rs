//! The services Keystep knows (government sign-ins, email, banks, payment, shopping, social, carriers):
//! their kind (which orders the change-number checklist), official domains and the brand words a
//! lookalike would borrow (for the link check), official pages (sign-in, security and phone settings,
//! help, forms) that guides and plans open, the sign-in factors they offer and whether they take
//! internet (VoIP) numbers (for the risk review), and the sources the facts came from. The bundled
//! catalog is a TOML data file compiled in; tests validate it.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The catalog shipped with Keystep.
pub const BUNDLED_CATALOG_TOML: &str = include_str!("../data/catalog.toml");

/// The catalog's text in Spanish: names that differ, notes and page titles, by service and page id.
pub const BUNDLED_CATALOG_ES_TOML: &str = include_str!("../data/catalog.es.toml");

/// A sign-in factor a service offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Factor {
    Sms,
    Voice,
    Totp,
    Push,
    SecurityKey,
    Passkey,
    BackupCodes,
    Email,
    PivCac,
}

/// What kind of organisation runs a service (it orders the change-number checklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ServiceKind {
    Government,
    /// A sign-in provider for government services (ID.me, Login.gov): updated with government.
    Identity,
    Email,
    Bank,
    Payment,
    Shopping,
    Social,
    Carrier,
    Other,
}

/// Whether a service sends sign-in codes to internet (VoIP) numbers such as Google Voice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoipPolicy {
    /// The service's help pages say nothing either way.
    #[default]
    Unknown,
    Accepted,
    /// The service documents that it refuses internet numbers for codes.
    NotAccepted,
}

/// An official page of a service, opened by id (never by a raw URL from elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// Where a fact came from and when it was last checked (YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub checked: String,
}

/// What Keystep knows about one service from its catalog (names, official domains, factors, help
/// pages). The services a person uses are [`crate::services::Service`]s, which may point here.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownService {
    pub id: String,
    pub name: String,
    pub kind: ServiceKind,
    /// Registrable official domains (`irs.gov`); any host under them is official.
    pub domains: Vec<String>,
    /// Lower-case words that name the brand inside a lookalike domain (`irs`, `idme`).
    pub brands: Vec<String>,
    pub factors: Vec<Factor>,
    /// What the service's help pages say about internet (VoIP) numbers.
    #[serde(default)]
    pub voip: VoipPolicy,
    #[serde(default)]
    pub notes: Vec<String>,
    pub pages: Vec<Page>,
    pub sources: Vec<Source>,
    /// The English name, kept when `name` is translated: matching code accounts to services reads
    /// issuers, which are written in English whatever the window's language.
    #[serde(skip)]
    pub english_name: Option<String>,
}

impl KnownService {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// The squashed words that name this service in a code account's issuer: its name and its brand
    /// words ("ID.me", "idme").
    pub fn name_keys(&self) -> Vec<String> {
        std::iter::once(squash(self.english_name.as_deref().unwrap_or(&self.name)))
            .chain(self.brands.iter().map(|b| squash(b)))
            .collect()
    }

    /// True if `registrable` (a registrable domain, lower case) is one of this service's.
    pub fn owns(&self, registrable: &str) -> bool {
        self.domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(registrable))
    }
}

/// Letters and digits only, lower case: "ID.me", "id me" and "IDME" all give "idme".
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The whole catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(rename = "service")]
    pub services: Vec<KnownService>,
}

/// A problem found by [`Catalog::validate`], naming the service and what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    pub service: String,
    pub problem: String,
}

impl std::fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.service, self.problem)
    }
}

impl Catalog {
    /// Parses catalog TOML; the error names the line and column.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The bundled catalog. If it ever failed to parse, Keystep would know no services (and the catalog
    /// tests fail long before a release).
    pub fn bundled() -> &'static Catalog {
        static BUNDLED: OnceLock<Catalog> = OnceLock::new();
        BUNDLED.get_or_init(|| Catalog::parse(BUNDLED_CATALOG_TOML).unwrap_or_default())
    }

    /// The bundled catalog with its text (names, notes, page titles) in `lang`. The facts (ids,
    /// domains, factors, addresses) are the same in every language.
    pub fn bundled_in(lang: crate::Lang) -> &'static Catalog {
        static SPANISH: OnceLock<Catalog> = OnceLock::new();
        match lang {
            crate::Lang::En => Catalog::bundled(),
            crate::Lang::Es => SPANISH.get_or_init(|| {
                let mut catalog = Catalog::bundled().clone();
                if let Ok(text) = CatalogText::parse(BUNDLED_CATALOG_ES_TOML) {
                    text.apply(&mut catalog);
                }
                catalog
            }),
        }
    }

    /// The service with this id.
    pub fn service(&self, id: &str) -> Option<&KnownService> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The service that owns a registrable domain.
    pub fn service_for_domain(&self, registrable: &str) -> Option<&KnownService> {
        self.services.iter().find(|s| s.owns(registrable))
    }

    /// Every problem: duplicate ids, missing sign-in page or sources, URLs that are not https on the
    /// service's own domains, dates that are not YYYY-MM-DD.
    pub fn validate(&self) -> Vec<CatalogProblem> {
        let mut problems = Vec::new();
        let mut say = |service: &str, problem: String| {
            problems.push(CatalogProblem {
                service: service.to_string(),
                problem,
            })
        };
        for (i, s) in self.services.iter().enumerate() {
            if self.services[..i].iter().any(|o| o.id == s.id) {
                say(&s.id, "the id is used twice".into());
            }
            if s.domains.is_empty() {
                say(&s.id, "it lists no official domain".into());
            }
            for d in &s.domains {
                if crate::domain::registrable_domain(d).as_deref() != Some(d.as_str()) {
                    say(
                        &s.id,
                        format!(
                            "\"{d}\" is not a registrable domain (use e.g. irs.gov, not www.irs.gov)"
                        ),
                    );
                }
            }
            if s.page("sign_in").is_none() {
                say(&s.id, "it has no page with id \"sign_in\"".into());
            }
            if s.sources.is_empty() {
                say(&s.id, "it lists no source".into());
            }
            for (j, p) in s.pages.iter().enumerate() {
                if s.pages[..j].iter().any(|o| o.id == p.id) {
                    say(&s.id, format!("page id \"{}\" is used twice", p.id));
                }
                if let Err(why) = crate::domain::https_on(&p.url, &s.domains) {
                    say(&s.id, format!("page \"{}\": {why}", p.id));
                }
            }
            for src in &s.sources {
                if !src.url.starts_with("https://") {
                    say(&s.id, format!("source {} is not https", src.url));
                }
                if !is_iso_date(&src.checked) {
                    say(
                        &s.id,
                        format!(
                            "source {} has checked = \"{}\"; use YYYY-MM-DD",
                            src.url, src.checked
                        ),
                    );
                }
            }
        }
        problems
    }
}

/// The catalog's text in another language, by service id: what `catalog.es.toml` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct CatalogText {
    pub services: std::collections::BTreeMap<String, ServiceText>,
}

/// One service's text in another language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceText {
    /// The name, only where it differs from the English one (brand names stay).
    pub name: Option<String>,
    /// Every note, in the order of the English ones.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Page titles by page id.
    #[serde(default)]
    pub pages: std::collections::BTreeMap<String, String>,
}

impl CatalogText {
    /// Parses a translation file; the error names the line and column.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Puts the translated text into `catalog`. Text that is missing (a note count that differs, a
    /// page without a title) stays in English, so a fact is never dropped: [`CatalogText::check`]
    /// reports it.
    pub fn apply(&self, catalog: &mut Catalog) {
        for service in &mut catalog.services {
            let Some(text) = self.services.get(&service.id) else {
                continue;
            };
            if let Some(name) = &text.name {
                service.english_name = Some(std::mem::replace(&mut service.name, name.clone()));
            }
            if text.notes.len() == service.notes.len() {
                service.notes.clone_from(&text.notes);
            }
            for page in &mut service.pages {
                if let Some(title) = text.pages.get(&page.id) {
                    page.title.clone_from(title);
                }
            }
        }
    }

    /// Every problem of the translation against `catalog`: a service or a page it does not have, a
    /// service, note or page title not translated, an empty text.
    pub fn check(&self, catalog: &Catalog) -> Vec<CatalogProblem> {
        let mut problems = Vec::new();
        let mut say = |service: &str, problem: String| {
            problems.push(CatalogProblem {
                service: service.to_string(),
                problem,
            })
        };
        for id in self.services.keys() {
            if catalog.service(id).is_none() {
                say(id, "the catalog has no service with this id".into());
            }
        }
        for service in &catalog.services {
            let Some(text) = self.services.get(&service.id) else {
                say(&service.id, "it is not translated".into());
                continue;
            };
            if text.notes.len() != service.notes.len() {
                say(
                    &service.id,
                    format!(
                        "{} notes in English, {} translated",
                        service.notes.len(),
                        text.notes.len()
                    ),
                );
            }
            if text.name.as_deref().is_some_and(|n| n.trim().is_empty())
                || text.notes.iter().any(|n| n.trim().is_empty())
                || text.pages.values().any(|t| t.trim().is_empty())
            {
                say(&service.id, "a text is empty".into());
            }
            for page in &service.pages {
                if !text.pages.contains_key(&page.id) {
                    say(&service.id, format!("page \"{}\" has no title", page.id));
                }
            }
            for id in text.pages.keys() {
                if service.page(id).is_none() {
                    say(&service.id, format!("it has no page \"{id}\""));
                }
            }
        }
        problems
    }
}

/// True for a real day written YYYY-MM-DD (see [`crate::dates::parse_iso_date`]).
pub fn is_iso_date(text: &str) -> bool {
    crate::dates::is_iso_date(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_catalog_parses_and_passes_validation() {
        let catalog = Catalog::parse(BUNDLED_CATALOG_TOML).unwrap();
        let problems = catalog.validate();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(
            catalog.services.len() >= 30,
            "{} services",
            catalog.services.len()
        );
        for kind in [
            ServiceKind::Government,
            ServiceKind::Email,
            ServiceKind::Bank,
            ServiceKind::Payment,
            ServiceKind::Shopping,
            ServiceKind::Social,
            ServiceKind::Carrier,
        ] {
            assert!(
                catalog.services.iter().any(|s| s.kind == kind),
                "no {kind:?} service"
            );
        }
        for id in ["irs", "idme", "logingov", "ssa"] {
            assert!(catalog.service(id).is_some(), "the catalog lacks {id}");
        }
    }

    #[test]
    fn validation_names_each_problem() {
        let bad = Catalog::parse(
            r#"
            [[service]]
            id = "x"
            name = "X"
            kind = "other"
            domains = ["www.example.com"]
            brands = ["x"]
            factors = ["sms"]
            [[service.pages]]
            id = "help"
            title = "Help"
            url = "http://evil.example/help"
            [[service.sources]]
            url = "https://example.com"
            checked = "yesterday"
            "#,
        )
        .unwrap();
        let text: Vec<String> = bad.validate().iter().map(ToString::to_string).collect();
        let all = text.join("\n");
        assert!(all.contains("not a registrable domain"), "{all}");
        assert!(all.contains("no page with id \"sign_in\""), "{all}");
        assert!(all.contains("is not https"), "{all}");
        assert!(all.contains("use YYYY-MM-DD"), "{all}");
    }

    #[test]
    fn the_spanish_text_covers_every_service_note_and_page_and_nothing_else() {
        let catalog = Catalog::parse(BUNDLED_CATALOG_TOML).unwrap();
        let text = CatalogText::parse(BUNDLED_CATALOG_ES_TOML).unwrap();
        let problems = text.check(&catalog);
        assert!(problems.is_empty(), "{problems:#?}");
        let spanish = Catalog::bundled_in(crate::Lang::Es);
        let ssa = spanish.service("ssa").unwrap();
        assert_eq!(ssa.name, "my Social Security (Seguro Social)");
        assert!(ssa.notes[0].contains("Login.gov"), "{}", ssa.notes[0]);
        assert_eq!(
            spanish
                .service("logingov")
                .unwrap()
                .page("sign_in")
                .unwrap()
                .title,
            "Iniciar sesión en Login.gov"
        );
        // The facts stay: the same services, addresses and factors in the same order.
        for (en, es) in catalog.services.iter().zip(&spanish.services) {
            assert_eq!(en.id, es.id);
            assert_eq!(en.domains, es.domains);
            assert_eq!(en.factors, es.factors);
            let urls = |s: &KnownService| s.pages.iter().map(|p| p.url.clone()).collect::<Vec<_>>();
            assert_eq!(urls(en), urls(es));
            // Matching issuers still reads the English name.
            assert_eq!(en.name_keys(), es.name_keys());
        }
        assert!(std::ptr::eq(
            Catalog::bundled_in(crate::Lang::En),
            Catalog::bundled()
        ));
    }

    #[test]
    fn the_translation_check_names_what_is_missing_or_left_over() {
        let catalog = Catalog::parse(BUNDLED_CATALOG_TOML).unwrap();
        let mut text = CatalogText::parse(BUNDLED_CATALOG_ES_TOML).unwrap();
        text.services.get_mut("irs").unwrap().notes.pop();
        text.services
            .get_mut("idme")
            .unwrap()
            .pages
            .remove("sign_in");
        text.services.remove("zelle");
        text.services.insert("nope".into(), ServiceText::default());
        let all: Vec<String> = text
            .check(&catalog)
            .iter()
            .map(ToString::to_string)
            .collect();
        let all = all.join("\n");
        assert!(
            all.contains("irs: 4 notes in English, 3 translated"),
            "{all}"
        );
        assert!(all.contains("idme: page \"sign_in\" has no title"), "{all}");
        assert!(all.contains("zelle: it is not translated"), "{all}");
        assert!(all.contains("nope: the catalog has no service"), "{all}");
        // What is not translated stays in English rather than disappearing.
        let mut applied = catalog.clone();
        text.apply(&mut applied);
        assert_eq!(
            applied.service("irs").unwrap().notes,
            catalog.service("irs").unwrap().notes
        );
    }

    #[test]
    fn unknown_fields_are_errors_with_a_position() {
        let err = Catalog::parse("[[service]]\nid = \"x\"\ncolour = \"red\"\n").unwrap_err();
        assert!(err.contains("colour") && err.contains("line"), "{err}");
    }
}
