//! The recovery password as people type it: strong enough (zxcvbn), or a passphrase of five words Keystep
//! makes for them to write down.

use crate::error::{Error, Field, ReasonKey, Result};
use crate::sensitive::SecretString;

/// Least zxcvbn score accepted (3: about 10^10 guesses, "safely unguessable" for a slow hash).
pub const MIN_SCORE: u8 = 3;
/// Words in a generated passphrase: five from the EFF long list, about 64 bits.
pub const PASSPHRASE_WORDS: usize = 5;
/// Longest password accepted, in characters (zxcvbn's time grows with length).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Refuses a password that is empty, too long, or guessable, with a plain reason. The password itself
/// never appears in the message.
pub fn check_strength(password: &SecretString) -> Result<()> {
    let text = password.expose();
    if text.is_empty() {
        return Err(Error::bad(Field::Password, ReasonKey::PasswordEmpty));
    }
    if text.chars().count() > MAX_PASSWORD_CHARS {
        return Err(Error::bad(
            Field::Password,
            ReasonKey::PasswordTooLong.with("max", MAX_PASSWORD_CHARS),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(Error::bad(Field::Password, ReasonKey::PasswordControlChar));
    }
    let estimate = zxcvbn::zxcvbn(text, &["keystep", "Keystep"]);
    if u8::from(estimate.score()) >= MIN_SCORE {
        return Ok(());
    }
    // The checker's advice is fixed English text about the kind of password, never the password.
    let mut feedback = String::new();
    if let Some(advice) = estimate.feedback() {
        if let Some(warning) = advice.warning() {
            feedback.push_str(&format!(" {warning}"));
        }
        if let Some(tip) = advice.suggestions().first() {
            feedback.push_str(&format!(" {tip}"));
        }
    }
    Err(Error::bad(
        Field::Password,
        ReasonKey::PasswordWeak.with("feedback", feedback),
    ))
}

/// The EFF long word list (7776 words, one per line), by the Electronic Frontier Foundation,
/// <https://www.eff.org/deeplinks/2016/07/new-wordlists-random-passphrases>, CC BY 3.0 US. The window
/// draws its suggestions from the same file (ui/scripts/make-wordlist.mjs).
const WORD_LIST: &str = include_str!("../data/eff_large_wordlist.txt");

/// Five random words from the EFF long word list, separated by spaces: easy to write down and to type,
/// hard to guess.
pub fn generate_passphrase() -> Result<SecretString> {
    let list: Vec<&str> = WORD_LIST.lines().collect();
    let mut words = Vec::with_capacity(PASSPHRASE_WORDS);
    for _ in 0..PASSPHRASE_WORDS {
        words.push(list[random_below(list.len())?]);
    }
    Ok(SecretString::new(words.join(" ")))
}

/// A uniform random number below `n`, without modulo bias.
fn random_below(n: usize) -> Result<usize> {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let zone = u32::MAX - u32::MAX % n;
    loop {
        let mut b = [0u8; 4];
        getrandom::fill(&mut b).map_err(|_| Error::Random {
            purpose: "make a passphrase",
        })?;
        let v = u32::from_le_bytes(b);
        if v < zone {
            return Ok((v % n) as usize);
        }
    }
}

/// A password read from a file or standard input: one final line break (`\n` or `\r\n`) is removed,
/// nothing else, so a password with spaces at its ends stays as typed.
pub fn from_file_text(text: String) -> SecretString {
    let mut text = zeroize::Zeroizing::new(text);
    let cut = if text.ends_with("\r\n") {
        2
    } else {
        usize::from(text.ends_with('\n'))
    };
    let keep = text.len() - cut;
    text.truncate(keep);
    SecretString::new(text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pw(s: &str) -> SecretString {
        SecretString::new(s)
    }

    #[test]
    fn weak_passwords_are_refused_with_a_reason_that_never_repeats_them() {
        for weak in [
            "",
            "password",
            "keystep2026",
            "qwertyuiop",
            "Summer2026!",
            "aaaaaaaaaaaa",
        ] {
            let e = check_strength(&pw(weak)).unwrap_err();
            assert_eq!(e.code(), "input.bad_password", "{weak}");
            let message = e.to_string();
            // "password" is a word of the message itself; the others must never appear in it.
            assert!(
                weak.is_empty() || weak == "password" || !message.contains(weak),
                "{message}"
            );
        }
        assert!(check_strength(&pw("line\nbreak and more words here")).is_err());
        assert!(check_strength(&pw(&"long ".repeat(60))).is_err());
    }

    #[test]
    fn strong_passwords_and_generated_passphrases_pass() {
        check_strength(&pw("plover kettle marsh quietly")).unwrap();
        for _ in 0..20 {
            let p = generate_passphrase().unwrap();
            assert_eq!(p.expose().split(' ').count(), PASSPHRASE_WORDS);
            check_strength(&p).unwrap();
        }
        assert_ne!(
            generate_passphrase().unwrap().expose(),
            generate_passphrase().unwrap().expose()
        );
    }

    #[test]
    fn the_word_list_is_the_whole_eff_long_list() {
        let words: std::collections::BTreeSet<&str> = WORD_LIST.lines().collect();
        assert_eq!(words.len(), 7776);
        assert!(words.contains("abacus") && words.contains("zoom"));
        assert!(
            words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn a_password_file_loses_one_final_line_break_only() {
        assert_eq!(from_file_text("a b\n".into()).expose(), "a b");
        assert_eq!(from_file_text("a b\r\n".into()).expose(), "a b");
        assert_eq!(from_file_text(" a b \n\n".into()).expose(), " a b \n");
        assert_eq!(from_file_text("a b".into()).expose(), "a b");
    }
}
