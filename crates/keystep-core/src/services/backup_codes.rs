//! Backup codes as people paste or pipe them: one per line, checked line by line before anything is
//! saved. A code is a secret: no message repeats any part of one.

use crate::error::{Error, Field, Result};
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
    let bad = |reason: String| Error::bad(Field::BackupCodes, reason);
    if text.len() > MAX_BACKUP_CODES_BYTES {
        return Err(bad(format!(
            "the text is longer than {}; backup codes are much shorter. Nothing was changed. Put one code on each line.",
            crate::files::size_words(MAX_BACKUP_CODES_BYTES)
        )));
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
            return Err(bad(format!(
                "line {n} has a control character (U+{:04X}). Backup codes are letters and digits: paste them as text, one on each line. Nothing was changed.",
                u32::from(c)
            )));
        }
        let count = code.chars().count();
        if !(MIN_BACKUP_CODE_CHARS..=MAX_BACKUP_CODE_CHARS).contains(&count) {
            return Err(bad(format!(
                "line {n} is not a backup code: it has {count} characters, and backup codes have {MIN_BACKUP_CODE_CHARS} to {MAX_BACKUP_CODE_CHARS}. Put one code on each line. Nothing was changed."
            )));
        }
        let last = count - 1;
        let odd = code.chars().enumerate().find(|&(at, c)| {
            let inside = at != 0 && at != last;
            !(c.is_ascii_alphanumeric() || (inside && matches!(c, ' ' | '-' | '.' | '_')))
        });
        if let Some((at, _)) = odd {
            return Err(bad(format!(
                "line {n} is not a backup code: character {} is not a letter or a digit (inside a code, spaces, '-', '.' and '_' are fine too). Put one code on each line. Nothing was changed.",
                at + 1
            )));
        }
        if !codes.iter().any(|c| c.expose() == code) {
            codes.push(SecretString::new(code));
        }
    }
    if codes.is_empty() {
        return Err(bad(
            "no backup codes were read: the text is empty or has only blank lines. Nothing was changed. Removing the saved codes is a separate action (Remove all backup codes in the window, --clear with the keystep command).".into(),
        ));
    }
    if codes.len() > MAX_BACKUP_CODES {
        return Err(bad(format!(
            "there are {} codes; Keystep keeps up to {MAX_BACKUP_CODES}. Put one code on each line. Nothing was changed.",
            codes.len()
        )));
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
