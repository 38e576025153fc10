//! A text file with one setup link per line: what Aegis and FreeOTP+ export as "URI" files, what
//! Ente Auth's plain export is, and what people collect by hand. Blank lines and `#` comments are
//! passed over; each other line is an entry named "line N".

use super::{Importer, Input, Item, ReadError};
use crate::sensitive::SecretString;

/// The reader of `otpauth://` (and `steam://`) link lists.
pub struct OtpauthList;

fn is_link(line: &str) -> bool {
    let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    lower.starts_with("otpauth://") || lower.starts_with("steam://")
}

fn entry_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

impl Importer for OtpauthList {
    fn detect(&self, input: &Input<'_>) -> bool {
        let Some(text) = input.text else {
            return false;
        };
        // The first entry decides; a stray line further down is reported as skipped, by number.
        entry_lines(text.trim_start_matches('\u{feff}'))
            .next()
            .is_some_and(|(_, line)| is_link(line))
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let text = input
            .text
            .ok_or_else(|| ReadError::damaged("it is not text (UTF-8)."))?;
        let items: Vec<Item> = entry_lines(text.trim_start_matches('\u{feff}'))
            .map(|(index, line)| {
                let label = format!("line {}", index + 1);
                if is_link(line) {
                    // Ente writes the trash with the rest; a trashed code is not brought back.
                    if ente_trashed(line) {
                        return Item::skipped(label, "it is in Ente Auth's trash.");
                    }
                    Item::from_link(label, line)
                } else {
                    Item::skipped(
                        label,
                        "it is not a setup link (it does not start with otpauth://).",
                    )
                }
            })
            .collect();
        if items.is_empty() {
            return Err(ReadError::damaged("it holds no setup links."));
        }
        Ok(items)
    }
}

/// Ente Auth adds `codeDisplay=<JSON>` to each link, with `"trashed":true` for a deleted code.
fn ente_trashed(line: &str) -> bool {
    let Some((_, query)) = line.split_once('?') else {
        return false;
    };
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| key.eq_ignore_ascii_case("codeDisplay"))
        .filter_map(|(_, value)| {
            percent_encoding::percent_decode_str(value)
                .decode_utf8()
                .ok()
        })
        .filter_map(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
        .any(|json| json.get("trashed").and_then(serde_json::Value::as_bool) == Some(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::lines;

    fn read(text: &str) -> Vec<String> {
        let input = Input::new(text.as_bytes());
        assert!(OtpauthList.detect(&input), "{text}");
        lines(&OtpauthList.read(&input, None, &mut Vec::new()).unwrap())
    }

    #[test]
    fn reads_totp_hotp_and_steam_lines_and_names_bad_ones_by_line() {
        let got = read(
            "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example\n\
             \n\
             otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=5\n\
             otpauth://totp/Steam:carol?secret=JBSWY3DPEHPK3PXP&issuer=Steam\n\
             otpauth://totp/Broken?secret=JBSWY3DPEHPK3PX0\n\
             steam://JBSWY3DPEHPK3PXP\n",
        );
        assert_eq!(got[0], "Example|alice@example.com|Totp|260025");
        assert_eq!(got[1], "Bank|bob|Hotp|768897");
        // Steam's own links are plain totp links with issuer=Steam: 5 Steam characters.
        assert_eq!(got[2], "Steam|carol|Steam|TDBRV");
        assert!(
            got[3].starts_with("SKIP line 5: The setup key is not valid"),
            "{}",
            got[3]
        );
        assert_eq!(got[4], "Steam||Steam|TDBRV");
    }

    #[test]
    fn skips_codes_in_ente_trash() {
        let got = read(
            "otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP&codeDisplay=%7B%22trashed%22%3Atrue%7D\n",
        );
        assert_eq!(got, ["SKIP line 1: it is in Ente Auth's trash."]);
    }

    #[test]
    fn text_that_is_not_a_link_list_is_not_detected() {
        for text in [
            "",
            "hello\n",
            "hello\notpauth://totp/A?secret=JBSWY3DPEHPK3PXP",
            "{}",
        ] {
            assert!(!OtpauthList.detect(&Input::new(text.as_bytes())), "{text}");
        }
    }
}
