//! Backup codes as people paste or pipe them: one per line, checked line by line before anything is
//! saved. A code is a secret: no message repeats any part of one.

use crate::error::{Error, Field, InputReason, ReasonKey, Result};
use crate::sensitive::SecretString;

/// Most backup codes kept for one account (services give 8 to 16).
pub const MAX_BACKUP_CODES: usize = 50;
/// Most bytes of backup codes read at once, pasted or piped: far more than [`MAX_BACKUP_CODES`] need.
pub const MAX_BACKUP_CODES_BYTES: usize = 64 * 1024;
/// Fewest characters of one backup code.
pub const MIN_BACKUP_CODE_CHARS: usize = 4;
/// Most characters of one backup code.
pub const MAX_BACKUP_CODE_CHARS: usize = 64;

/// The backup codes in text pasted or piped, one per line: blank lines are skipped, list marks
/// (`-`, `*`, `•`) dropped, repeats kept once. A line that is not a plausible code (4 to 64 letters
/// or digits, with spaces, `-`, `.` or `_` inside) is refused by its number; nothing of a code is
/// repeated in a message.
pub fn read_backup_codes(text: &SecretString) -> Result<Vec<SecretString>> {
    let text = text.expose();
    let bad = |reason: InputReason| Error::bad(Field::BackupCodes, reason);
    if text.len() > MAX_BACKUP_CODES_BYTES {
        return Err(bad(ReasonKey::BackupCodesTextTooLong
            .with("limit", crate::files::size_words(MAX_BACKUP_CODES_BYTES))));
    }
    let mut codes: Vec<SecretString> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let code = line.trim().trim_start_matches(['-', '*', '•']).trim();
        if code.is_empty() {
            continue;
        }
        if let Some(c) = code
            .chars()
            .find(|&c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        {
            return Err(bad(ReasonKey::BackupCodesControlChar
                .with("line", n)
                .with("character", format!("U+{:04X}", u32::from(c)))));
        }
        let count = code.chars().count();
        if !(MIN_BACKUP_CODE_CHARS..=MAX_BACKUP_CODE_CHARS).contains(&count) {
            return Err(bad(ReasonKey::BackupCodesLength
                .with("line", n)
                .with("count", count)
                .with("min", MIN_BACKUP_CODE_CHARS)
                .with("max", MAX_BACKUP_CODE_CHARS)));
        }
        let last = count - 1;
        let odd = code.chars().enumerate().find(|&(at, c)| {
            let inside = at != 0 && at != last;
            !(c.is_ascii_alphanumeric() || (inside && matches!(c, ' ' | '-' | '.' | '_')))
        });
        if let Some((at, _)) = odd {
            return Err(bad(ReasonKey::BackupCodesBadChar
                .with("line", n)
                .with("position", at + 1)));
        }
        if !codes.iter().any(|c| c.expose() == code) {
            codes.push(SecretString::new(code));
        }
    }
    if codes.is_empty() {
        return Err(bad(ReasonKey::BackupCodesNone.into()));
    }
    if codes.len() > MAX_BACKUP_CODES {
        return Err(bad(ReasonKey::BackupCodesTooMany
            .with("count", codes.len())
            .with("max", MAX_BACKUP_CODES)));
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<String>> {
        read_backup_codes(&SecretString::new(text))
            .map(|codes| codes.iter().map(|c| c.expose().to_string()).collect())
    }

    fn refusal(text: &str) -> String {
        let e = read(text).unwrap_err();
        assert_eq!(e.code(), "input.bad_backup_codes", "{text:?}");
        e.to_string()
    }

    #[test]
    fn codes_are_read_one_per_line_without_marks_blanks_or_repeats() {
        assert_eq!(
            read("  1111-2222\n\n3333 4444\r\n- 5555-6666\n* abcd.efgh\n• ab_cd\n3333 4444\n")
                .unwrap(),
            ["1111-2222", "3333 4444", "5555-6666", "abcd.efgh", "ab_cd"]
        );
    }

    #[test]
    fn text_with_no_code_is_refused_and_points_to_the_separate_removal() {
        for text in ["", "\n", "  \n\t\n", "-\n*\n"] {
            let m = refusal(text);
            assert!(m.contains("no backup codes were read"), "{m}");
            assert!(m.contains("Nothing was changed"), "{m}");
            assert!(m.contains("--clear"), "{m}");
        }
    }

    #[test]
    fn a_line_that_is_not_a_code_is_named_by_its_number_and_never_repeated() {
        let cases = [
            (
                "1111-2222\n3333-4444\nabc\n",
                "line 3 is not a backup code: it has 3 characters",
            ),
            (
                &format!("1111-2222\n{}\n", "7".repeat(65)),
                "line 2 is not a backup code: it has 65 characters",
            ),
            (
                "1111-2222\nsecret#9999\n",
                "line 2 is not a backup code: character 7",
            ),
            (
                "1111-2222\n9999-\n",
                "line 2 is not a backup code: character 5",
            ),
            (
                "pay\u{202E}9999\n",
                "line 1 is not a backup code: character 4",
            ),
            (
                "1111-2222\n99\u{0}99\n",
                "line 2 has a control character (U+0000)",
            ),
            (
                "1111-2222\n99\u{1b}[2J99\n",
                "line 2 has a control character (U+001B)",
            ),
            ("99\t99\n", "line 1 has a control character (U+0009)"),
        ];
        for (text, expected) in cases {
            let m = refusal(text);
            assert!(m.contains(expected), "{text:?}: {m}");
            assert!(
                m.starts_with("The list of backup codes is not valid: "),
                "{m}"
            );
            assert!(
                !m.contains("9999") && !m.contains("7777"),
                "a code is repeated: {m}"
            );
        }
    }

    #[test]
    fn too_much_text_or_too_many_codes_are_refused_not_cut() {
        let long = "1234-5678\n".repeat(MAX_BACKUP_CODES_BYTES / 10 + 1);
        assert!(refusal(&long).contains("longer than 64 KB"));
        let many: String = (0..=MAX_BACKUP_CODES)
            .map(|i| format!("code{i:04}\n"))
            .collect();
        assert!(refusal(&many).contains("there are 51 codes"));
    }
}
