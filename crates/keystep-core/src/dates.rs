//! Calendar days written YYYY-MM-DD, as people type them (the day a number stops working) and as data
//! files record them (the day a guide was checked): only days that exist, in a plausible range.

use time::{Date, Month};

use crate::error::{InputReason, ReasonKey};

/// Earliest year accepted.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted.
pub const MAX_YEAR: i32 = 2200;

/// The day `text` names, if it is written YYYY-MM-DD, exists on the calendar, and falls in
/// [`MIN_YEAR`]..=[`MAX_YEAR`]. Otherwise why not, in a sentence for a person (the text is quoted
/// only when it is short and printable).
pub fn parse_iso_date(text: &str) -> Result<Date, String> {
    parse_iso_date_reason(text).map_err(|r| r.to_string())
}

/// As [`parse_iso_date`], with why not as a reason the window can translate.
pub fn parse_iso_date_reason(text: &str) -> Result<Date, InputReason> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(
            if text.chars().count() <= 40 && !text.chars().any(char::is_control) {
                ReasonKey::DateShape.with("date", text)
            } else {
                ReasonKey::DateShapeUnshown.into()
            },
        );
    }
    let number = |range: std::ops::Range<usize>| -> u32 {
        text[range]
            .bytes()
            .fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(ReasonKey::DateYear
            .with("date", text)
            .with("min", MIN_YEAR.unsigned_abs())
            .with("max", MAX_YEAR.unsigned_abs()));
    }
    let Some(month) = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
    else {
        return Err(ReasonKey::DateMonth.with("date", text).with("month", month));
    };
    let days = month.length(year);
    let day = u8::try_from(day).unwrap_or(u8::MAX);
    if day == 0 || day > days {
        return Err(ReasonKey::DateDay
            .with("date", text)
            .with("month", month.to_string())
            .with("month_number", u8::from(month))
            .with("year", year.unsigned_abs())
            .with("days", days));
    }
    Date::from_calendar_date(year, month, day).map_err(|e| {
        ReasonKey::DateInvalid
            .with("date", text)
            .with("problem", e.to_string())
    })
}

/// A day written YYYY-MM-DD spelled out in `lang`: "December 15, 2026", "15 de diciembre de 2026".
/// Other text is returned as it is.
pub fn spelled_out_in(text: &str, lang: crate::Lang) -> String {
    const MESES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    match lang {
        crate::Lang::En => spelled_out(text),
        crate::Lang::Es => parse_iso_date(text).map_or_else(
            |_| text.to_string(),
            |d| {
                let month = MESES[usize::from(u8::from(d.month())).saturating_sub(1) % 12];
                format!("{} de {month} de {}", d.day(), d.year())
            },
        ),
    }
}

/// A day written YYYY-MM-DD spelled out for a person: "2026-12-15" -> "December 15, 2026" (the core
/// writes English; the window spells days in the person's own language). Other text is returned as it
/// is.
pub fn spelled_out(text: &str) -> String {
    parse_iso_date(text).map_or_else(
        |_| text.to_string(),
        |d| format!("{} {}, {}", d.month(), d.day(), d.year()),
    )
}

/// True for a real day written YYYY-MM-DD (see [`parse_iso_date`]).
pub fn is_iso_date(text: &str) -> bool {
    parse_iso_date(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_spelled_out_and_other_text_is_kept() {
        assert_eq!(spelled_out("2026-12-15"), "December 15, 2026");
        assert_eq!(spelled_out("2027-01-05"), "January 5, 2027");
        assert_eq!(spelled_out("2026-02-30"), "2026-02-30");
        assert_eq!(spelled_out("soon"), "soon");
    }

    #[test]
    fn real_days_pass_and_impossible_ones_say_why() {
        for ok in [
            "2026-12-31",
            "2024-02-29",
            "2000-02-29",
            "1900-01-01",
            "2200-12-31",
        ] {
            assert!(parse_iso_date(ok).is_ok(), "{ok}");
        }
        let cases = [
            ("2026-99-99", "there is no month 99"),
            ("2026-13-45", "there is no month 13"),
            ("2026-00-00", "there is no month 0"),
            ("2026-02-30", "February 2026 has days 01 to 28"),
            ("2025-02-29", "February 2025 has days 01 to 28"),
            ("1900-02-29", "February 1900 has days 01 to 28"),
            ("2026-04-31", "April 2026 has days 01 to 30"),
            ("2026-01-00", "January 2026 has days 01 to 31"),
            ("0000-01-01", "the year must be from 1900 to 2200"),
            ("1899-12-31", "the year must be from 1900 to 2200"),
            ("2201-01-01", "the year must be from 1900 to 2200"),
            ("9999-12-31", "the year must be from 1900 to 2200"),
            ("2026-1-5", "\"2026-1-5\" is not written as a date"),
            ("next friday", "\"next friday\" is not written as a date"),
            ("2026-01-01\u{1b}[2J", "that is not written as a date"),
            ("２０２６-01-01", "is not written as a date"),
        ];
        for (text, reason) in cases {
            let e = parse_iso_date(text).unwrap_err();
            assert!(e.contains(reason), "{text}: {e}");
        }
    }
}
