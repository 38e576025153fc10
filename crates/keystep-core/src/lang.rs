//! The languages Keystep speaks. The window chooses one (the system locale, or Settings); the core
//! uses it for the text it writes itself: guides, the service catalog's notes, the review and the
//! change-number checklist. The command line stays in English, except where a flag asks otherwise
//! (`keystep guide list --lang es`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language of Keystep's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    /// English: every text exists in it, and it is what is shown when a translation is missing.
    #[default]
    En,
    /// Spanish (US and Latin American Spanish, addressed as *usted*).
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language's code (`en`, `es`), as in file names and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a locale or language tag (`es`, `es-US`, `es_MX.UTF-8`); `None` for one Keystep
    /// does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags_and_locales() {
        assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("es-US"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("es_MX.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn codes_match_the_serialized_names() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
