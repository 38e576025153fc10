//! Names people see and trust: account issuers and names, phone labels, names of their own services.
//! One check for all of them, so that no name can carry an invisible character that reorders what is
//! shown ("moc.lagyap" with a right-to-left override displays as "paypal.com") or hides letters.

use crate::error::{Error, Field, ReasonKey, Result};

/// Characters that change the direction of the text around them: embeddings, overrides, isolates and
/// marks. With them a name can display as something else than what it is.
fn is_direction_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that show nothing (or almost nothing) and have no place in a name: they make two names
/// that look the same differ, or hide text. Zero-width joiners are judged apart (see [`check_chars`]).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                      // soft hyphen
            | '\u{034F}'                // combining grapheme joiner
            | '\u{115F}' | '\u{1160}'   // Hangul fillers
            | '\u{17B4}' | '\u{17B5}'   // Khmer inherent vowels
            | '\u{180B}'..='\u{180F}'   // Mongolian variation selectors and vowel separator
            | '\u{200B}'                // zero-width space
            | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
            | '\u{206A}'..='\u{206F}'   // deprecated format characters
            | '\u{3164}'                // Hangul filler
            | '\u{FEFF}'                // zero-width no-break space (byte order mark)
            | '\u{FFA0}'                // halfwidth Hangul filler
            | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
            | '\u{1D173}'..='\u{1D17A}' // musical format characters
            | '\u{E0000}'..='\u{E007F}' // tags
    )
}

/// Checks the characters of a name (already trimmed) and says, naming `field`, what is wrong:
/// a line break or another control character, a direction control, an invisible character. A
/// zero-width joiner or non-joiner is accepted only next to a letter outside ASCII, where scripts and
/// emoji need it; between ASCII letters it only hides a difference.
pub fn check_chars(text: &str, field: Field) -> Result<()> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at = |key: ReasonKey| {
            key.with("character", format!("U+{:04X}", u32::from(c)))
                .with("position", i + 1)
        };
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            return Err(Error::bad(field, at(ReasonKey::NameControlChar)));
        }
        if is_direction_control(c) {
            return Err(Error::bad(field, at(ReasonKey::NameDirectionChar)));
        }
        let joiner = c == '\u{200C}' || c == '\u{200D}';
        let needed = |n: Option<&char>| n.is_some_and(|n| !n.is_ascii());
        if is_invisible(c)
            || (joiner
                && !needed(i.checked_sub(1).and_then(|p| chars.get(p)))
                && !needed(chars.get(i + 1)))
        {
            return Err(Error::bad(field, at(ReasonKey::NameInvisibleChar)));
        }
    }
    Ok(())
}

/// Trims a name and checks its characters ([`check_chars`]) and its length, naming `field`.
pub fn clean(text: &str, field: Field, max_chars: usize) -> Result<String> {
    let trimmed = text.trim();
    check_chars(trimmed, field)?;
    let count = trimmed.chars().count();
    if count > max_chars {
        return Err(Error::bad(
            field,
            ReasonKey::NameTooLong
                .with("count", count)
                .with("max", max_chars),
        ));
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_hidden_characters_are_refused_and_ordinary_ones_kept() {
        let ok = [
            "PayPal",
            "paypal.com",
            "Wells Fargo Online",
            "me@example.com",
            "Société Générale",
            "Müller",
            "Банк",
            "بنك",
            "שלום",
            "日本の銀行",
            "मेरा बैंक",
            "می\u{200C}خواهم",   // Persian: the non-joiner is part of the spelling
            "क्\u{200D}ष",        // Devanagari with a joiner
            "👩\u{200D}💻 work", // an emoji sequence
            "❤\u{FE0F} bank",    // an emoji presentation selector
            "",
        ];
        for name in ok {
            assert!(check_chars(name, Field::Issuer).is_ok(), "{name:?}");
        }
        let refused = [
            ("moc.lagyap\u{202E}", "direction"),
            ("\u{202E}moc.lagyap", "direction"),
            ("pay\u{202D}pal", "direction"),
            ("a\u{202A}b", "direction"),
            ("a\u{202B}b", "direction"),
            ("a\u{202C}b", "direction"),
            ("a\u{2066}b", "direction"),
            ("a\u{2067}b", "direction"),
            ("a\u{2068}b", "direction"),
            ("a\u{2069}b", "direction"),
            ("a\u{200E}b", "direction"),
            ("a\u{200F}b", "direction"),
            ("a\u{061C}b", "direction"),
            ("pay\u{200B}pal", "invisible"),
            ("pay\u{200D}pal", "invisible"),
            ("pay\u{200C}pal", "invisible"),
            ("\u{200D}paypal", "invisible"),
            ("pay\u{00AD}pal", "invisible"),
            ("pay\u{2060}pal", "invisible"),
            ("\u{FEFF}paypal", "invisible"),
            ("pay\u{3164}pal", "invisible"),
            ("paypal\u{E0041}", "invisible"),
            ("pay\u{180E}pal", "invisible"),
            ("a\nb", "control"),
            ("a\u{0}b", "control"),
            ("a\u{1b}[31mb", "control"),
            ("a\u{2028}b", "control"),
            ("a\u{85}b", "control"),
        ];
        for (name, kind) in refused {
            let e = check_chars(name, Field::Issuer).unwrap_err();
            assert_eq!(e.code(), "input.bad_issuer", "{name:?}");
            let message = e.to_string();
            assert!(
                message.starts_with("The service name is not valid: "),
                "{message}"
            );
            assert!(message.contains(kind), "{name:?}: {message}");
        }
    }

    #[test]
    fn the_message_names_the_field_and_the_character_but_repeats_nothing_else() {
        let e = check_chars("moc.lagyap\u{202E}", Field::Label).unwrap_err();
        let message = e.to_string();
        assert!(message.starts_with("The label is not valid: "), "{message}");
        assert!(message.contains("U+202E, character 11"), "{message}");
        assert!(!message.contains('\u{202E}'), "{message}");
    }

    #[test]
    fn clean_trims_and_limits_the_length() {
        assert_eq!(clean("  My CU ", Field::Issuer, 10).unwrap(), "My CU");
        assert_eq!(
            clean(&"x".repeat(11), Field::Issuer, 10)
                .unwrap_err()
                .to_string(),
            "The service name is not valid: it is 11 characters long; at most 10 fit."
        );
    }
}
