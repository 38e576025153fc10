//! Reading phone numbers the way people type them ("(202) 555-0143", "+44 7700 900123"), with
//! libphonenumber's data (the `phonenumber` crate): stored as E.164, shown in national format.

use crate::error::{Error, Field, ReasonKey, Result};

/// Longest text accepted as a phone number, in characters (longer is surely pasted by mistake).
pub const MAX_NUMBER_CHARS: usize = 64;

/// A number that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNumber {
    /// `+12025550143`
    pub e164: String,
    /// `(202) 555-0143`, as people in its country write it.
    pub national: String,
    /// `+1 202-555-0143`
    pub international: String,
    /// Two-letter region of the number (`US`), if libphonenumber knows it.
    pub region: Option<String>,
}

/// The region to read numbers without a `+` country code in: `KEYSTEP_REGION`, else the system
/// locale's country (`en_US` → `US`), else `US`.
pub fn default_region() -> String {
    std::env::var("KEYSTEP_REGION")
        .ok()
        .and_then(|r| region_code(&r))
        .or_else(|| sys_locale::get_locale().and_then(|l| region_of_locale(&l)))
        .unwrap_or_else(|| "US".to_string())
}

/// The country part of a locale name: `en-US`, `en_US.UTF-8`, `de_DE@euro` → `US`, `DE`.
pub fn region_of_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    base.split(['-', '_']).skip(1).find_map(region_code)
}

/// A two-letter region code libphonenumber knows, in upper case.
fn region_code(text: &str) -> Option<String> {
    let upper = text.trim().to_ascii_uppercase();
    (upper.len() == 2 && upper.parse::<phonenumber::country::Id>().is_ok()).then_some(upper)
}

/// Parses and validates `text`. Without a leading `+`, the number is read as a number of `region`
/// (a two-letter code such as `US` or `GB`).
pub fn parse_number(text: &str, region: &str) -> Result<ParsedNumber> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::bad(Field::Phone, ReasonKey::PhoneEmpty));
    }
    if trimmed.chars().count() > MAX_NUMBER_CHARS {
        return Err(Error::bad(
            Field::Phone,
            ReasonKey::PhoneTooLong.with("max", MAX_NUMBER_CHARS),
        ));
    }
    if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(Error::bad(Field::Phone, ReasonKey::PhoneNoDigits));
    }
    let country = region_code(region).ok_or_else(|| {
        Error::bad(
            Field::Region,
            ReasonKey::RegionUnknown.with("region", region),
        )
    })?;
    let id = country.parse::<phonenumber::country::Id>().ok();
    let number = phonenumber::parse(id, trimmed).map_err(|_| {
        Error::bad(
            Field::Phone,
            ReasonKey::PhoneUnreadable.with("region", country.as_str()),
        )
    })?;
    if number.extension().is_some() {
        return Err(Error::bad(Field::Phone, ReasonKey::PhoneExtension));
    }
    if !number.is_valid() {
        return Err(Error::bad(
            Field::Phone,
            ReasonKey::PhoneInvalid.with("number", trimmed).with(
                "region",
                number
                    .country()
                    .id()
                    .map_or_else(|| country.clone(), |c| c.as_ref().to_string()),
            ),
        ));
    }
    use phonenumber::Mode;
    Ok(ParsedNumber {
        e164: number.format().mode(Mode::E164).to_string(),
        national: number.format().mode(Mode::National).to_string(),
        international: number.format().mode(Mode::International).to_string(),
        region: number.country().id().map(|c| c.as_ref().to_string()),
    })
}

/// The national form of a stored E.164 number, for display (the E.164 text if it cannot be read).
pub fn national_of(e164: &str) -> String {
    parse_number(e164, "US").map_or_else(|_| e164.to_string(), |p| p.national)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_numbers_as_people_type_them_in_several_regions() {
        let us = parse_number("(202) 555-0143", "US").unwrap();
        assert_eq!(us.e164, "+12025550143");
        assert_eq!(us.national, "(202) 555-0143");
        assert_eq!(
            parse_number("202.555.0143", "us").unwrap().e164,
            "+12025550143"
        );
        assert_eq!(
            parse_number("+1 202 555 0143", "GB").unwrap().e164,
            "+12025550143"
        );
        let gb = parse_number("07400 123456", "GB").unwrap();
        assert_eq!(gb.e164, "+447400123456");
        assert_eq!(gb.region.as_deref(), Some("GB"));
        let de = parse_number("030 123456", "DE").unwrap();
        assert_eq!(de.e164, "+4930123456");
        let ca = parse_number("613-555-0199", "CA").unwrap();
        assert_eq!(ca.e164, "+16135550199");
        let fr = parse_number("+33 6 12 34 56 78", "US").unwrap();
        assert_eq!(fr.region.as_deref(), Some("FR"));
    }

    #[test]
    fn rejects_what_is_not_a_number_with_a_reason() {
        for (text, region, words) in [
            ("", "US", "empty"),
            ("call me", "US", "no digits"),
            ("12", "US", "phone number"),
            ("(202) 555-01", "US", "not a valid phone number"),
            ("202 555 0143 ext. 12", "US", "extension"),
            ("202 555 0143", "XX", "not a country code"),
            ("202 555 0143", "USA", "not a country code"),
        ] {
            let err = parse_number(text, region).unwrap_err();
            assert!(err.to_string().contains(words), "{text:?}: {err}");
            assert!(err.code().starts_with("input.bad_"), "{}", err.code());
        }
        let long = "1".repeat(100);
        assert!(
            parse_number(&long, "US")
                .unwrap_err()
                .to_string()
                .contains("longer")
        );
    }

    #[test]
    fn locale_names_give_their_country() {
        assert_eq!(region_of_locale("en-US").as_deref(), Some("US"));
        assert_eq!(region_of_locale("de_DE.UTF-8").as_deref(), Some("DE"));
        assert_eq!(region_of_locale("fr_CA@euro").as_deref(), Some("CA"));
        assert_eq!(region_of_locale("C"), None);
        assert_eq!(region_of_locale("zh-Hant-TW").as_deref(), Some("TW"));
        assert_eq!(default_region().len(), 2);
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in ".{0,80}", region in "[A-Za-z]{0,3}") {
            let _ = parse_number(&text, &region);
        }

        #[test]
        fn never_panics_on_number_like_text(text in "[+0-9 ()#*.;=a-z-]{0,40}") {
            if let Ok(n) = parse_number(&text, "US") {
                prop_assert!(n.e164.starts_with('+'));
                prop_assert_eq!(parse_number(&n.e164, "US").map(|m| m.e164).ok(), Some(n.e164.clone()));
            }
        }
    }
}
