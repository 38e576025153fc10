//! Why an input was refused ([`crate::Error::BadInput`]): a stable key, the named values its sentence
//! uses, and the sentence in English. The window translates the sentence from the key and the values
//! (`ui/src/locales/*/errors.ftl`, one variant per key); the command line prints the English sentence.
//! Every English sentence is written here once, with `{name}` where a value goes, so the key, the
//! values and the text cannot drift apart.

use std::fmt;

use crate::error::{ArgValue, Field};

/// Defines [`ReasonKey`]: for each reason its variant, its stable key, the fields it can be about, and
/// its English sentence.
macro_rules! reasons {
    ($( $(#[$doc:meta])* $variant:ident = $key:literal [$($field:ident),+] $text:literal, )+) => {
        /// Why an input was refused. The key is stable: the window's messages select on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ReasonKey {
            $( $(#[$doc])* $variant, )+
        }

        impl ReasonKey {
            /// Every reason, in the order they are written here.
            pub const ALL: &'static [ReasonKey] = &[$(ReasonKey::$variant,)+];

            /// The stable key, as sent in `ErrorDto.reason`.
            pub fn key(self) -> &'static str {
                match self { $(ReasonKey::$variant => $key,)+ }
            }

            /// The fields this reason can be given for (its `input.bad_FIELD` codes).
            pub fn fields(self) -> &'static [Field] {
                match self { $(ReasonKey::$variant => &[$(Field::$field),+],)+ }
            }

            /// The English sentence, with `{name}` where a value goes.
            pub fn english(self) -> &'static str {
                match self { $(ReasonKey::$variant => $text,)+ }
            }
        }
    };
}

reasons! {
    UriTooLong = "uri_too_long" [Uri] "it is longer than {max} characters.",
    UriNoScheme = "uri_no_scheme" [Uri] "it must start with otpauth://. Copy the whole setup link, or type the setup key instead.",
    UriNoLabel = "uri_no_label" [Uri] "it has no account label after the type (otpauth://totp/Label?secret=...).",
    UriBadType = "uri_bad_type" [Uri] "the type after otpauth:// must be totp, hotp or steam.",
    UriNoSecret = "uri_no_secret" [Uri] "it has no setup key in it. Check that you copied the whole link, or type the setup key instead.",
    UriTooLongForQr = "uri_too_long_for_qr" [Uri] "it is too long for one QR code.",
    /// A percent-encoded part of a setup link that is not UTF-8.
    NotText = "not_text" [Name, Issuer, Secret, Algorithm] "it contains percent-encoded bytes that are not text.",
    DigitsNotNumber = "digits_not_number" [Digits] "use a whole number from 6 to 10.",
    PeriodNotNumber = "period_not_number" [Period] "use a whole number of seconds, such as 30.",
    CounterNotNumber = "counter_not_number" [Counter] "use a whole number, such as 0.",
    KindUnknown = "kind_unknown" [Kind] "it must be time-based (totp), counter-based (hotp) or Steam.",
    AlgorithmUnknown = "algorithm_unknown" [Algorithm] "use SHA1, SHA256 or SHA512.",
    DigitsRange = "digits_range" [Digits] "codes have {min} to {max} digits; {digits} is not possible.",
    PeriodZero = "period_zero" [Period] "the time step must be at least 1 second (most services use 30).",
    CounterExhausted = "counter_exhausted" [Counter] "\"{name}\" has used its last code: its counter is at the highest value there is. Set up the code again on the service's site to get a new key.",
    SecretBadChar = "secret_bad_char" [Secret] "character {position} is not allowed. A setup key uses only the letters A to Z and the digits 2 to 7. Check for a 0 (zero) instead of O, or 1 (one) instead of I.",
    SecretEmpty = "secret_empty" [Secret] "it is empty. Copy the setup key (or the setup link) from the service's setup page.",
    SecretTooLong = "secret_too_long" [Secret] "it is too long ({count} characters; at most {max}).",
    SecretUnreadable = "secret_unreadable" [Secret] "it could not be read.",
    SecretIncomplete = "secret_incomplete" [Secret] "it has {count} characters, which cannot be a complete key. Check that you copied all of it.",
    SecretNotBase32 = "secret_not_base32" [Secret] "it is not a valid base32 key.",
    SteamKeyUnreadable = "steam_key_unreadable" [Secret] "the key after steam:// is neither base32 nor base64.",
    NameOrIssuerNeeded = "name_or_issuer_needed" [Issuer, Name] "give the service name or the account name (or both), so you can tell this account apart.",
    NameControlChar = "name_control_char" [Issuer, Name, Label] "it has a line break or another control character ({character}, character {position}). Type it on one line.",
    NameDirectionChar = "name_direction_char" [Issuer, Name, Label] "it has an invisible character that changes the direction of the text ({character}, character {position}). It can make a name show as another one (\"moc.lagyap\" as \"paypal.com\"). Type the name yourself instead of pasting it.",
    NameInvisibleChar = "name_invisible_char" [Issuer, Name, Label] "it has an invisible character ({character}, character {position}). It can make a name look like another one. Type the name yourself instead of pasting it.",
    NameTooLong = "name_too_long" [Issuer, Name, Label] "it is {count} characters long; at most {max} fit.",
    IssuerUnknownService = "issuer_unknown_service" [Issuer] "Keystep does not know a service \"{id}\". Add it as your own service with its web address.",
    IssuerNameNeeded = "issuer_name_needed" [Issuer] "type the name of the service, such as My Credit Union",
    DomainNotAddress = "domain_not_address" [Domain] "\"{address}\" is not a web address. Type the service's own address, such as mycu.org.",
    /// The typed text is too long or odd to repeat: the sentence says "that".
    DomainNotAddressUnshown = "domain_not_address_unshown" [Domain] "that is not a web address. Type the service's own address, such as mycu.org.",
    DomainKnownService = "domain_known_service" [Domain] "{domain} is an official address of {service}, which Keystep already knows: use the catalog service {service_id} instead (choose {service} in the list of services).",
    /// `problems` are the link check's findings, in English (their codes are in the link check).
    DomainImitates = "domain_imitates" [Domain] "it imitates {service}, a service Keystep knows: {problems} Type the address exactly as the service itself writes it.",
    DomainUnsafe = "domain_unsafe" [Domain] "it is not safe: {problems} Type the address exactly as the service itself writes it.",
    BackupCodesTextTooLong = "backup_codes_text_too_long" [BackupCodes] "the text is longer than {limit}; backup codes are much shorter. Nothing was changed. Put one code on each line.",
    BackupCodesControlChar = "backup_codes_control_char" [BackupCodes] "line {line} has a control character ({character}). Backup codes are letters and digits: paste them as text, one on each line. Nothing was changed.",
    BackupCodesLength = "backup_codes_length" [BackupCodes] "line {line} is not a backup code: it has {count} characters, and backup codes have {min} to {max}. Put one code on each line. Nothing was changed.",
    BackupCodesBadChar = "backup_codes_bad_char" [BackupCodes] "line {line} is not a backup code: character {position} is not a letter or a digit (inside a code, spaces, '-', '.' and '_' are fine too). Put one code on each line. Nothing was changed.",
    BackupCodesNone = "backup_codes_none" [BackupCodes] "no backup codes were read: the text is empty or has only blank lines. Nothing was changed. Removing the saved codes is a separate action (Remove all backup codes in the window, --clear with the keystep command).",
    BackupCodesTooMany = "backup_codes_too_many" [BackupCodes] "there are {count} codes; Keystep keeps up to {max}. Put one code on each line. Nothing was changed.",
    BackupCodesNoneLeft = "backup_codes_none_left" [BackupCodes] "no unused backup code is left for {service}. Make new ones on {service} and paste them in.",
    BackupCodeGone = "backup_code_gone" [BackupCodes] "that backup code is not in the list any more. Reload and try again.",
    ExportFormatUnknown = "export_format_unknown" [Format] "\"{name}\" is not one Keystep writes. Use one of: {formats}.",
    ImportFormatUnknown = "import_format_unknown" [Format] "\"{name}\" is not one Keystep reads. Use one of: {formats}.",
    ExportPasswordNeeded = "export_password_needed" [Password] "an encrypted export needs a password for the file (--password-file). Choose one you will type again on the other device.",
    PasswordEmpty = "password_empty" [Password] "Type a recovery password.",
    PasswordTooLong = "password_too_long" [Password] "That password is longer than {max} characters. Use a shorter one.",
    PasswordControlChar = "password_control_char" [Password] "That password holds a line break or another invisible character. Use letters, digits, spaces and punctuation.",
    /// `feedback` is the password checker's own advice, in English, with a space before it (or empty).
    PasswordWeak = "password_weak" [Password] "That password is too easy to guess.{feedback} Or use the passphrase Keystep suggests, and write it down.",
    LockAfterChoice = "lock_after_choice" [LockAfter] "Keystep locks after 1, 5, 15 or 60 minutes, or never; not {minutes}.",
    PhoneSameNumber = "phone_same_number" [Phone] "the new number is the same as the old one",
    PhoneEmpty = "phone_empty" [Phone] "it is empty. Type the phone number, for example (202) 555-0143.",
    PhoneTooLong = "phone_too_long" [Phone] "it is longer than {max} characters. Type just the number.",
    PhoneNoDigits = "phone_no_digits" [Phone] "it has no digits. Type the phone number, for example (202) 555-0143.",
    PhoneUnreadable = "phone_unreadable" [Phone] "it could not be read as a phone number. Check the digits. For a number outside {region}, start with + and the country code.",
    PhoneExtension = "phone_extension" [Phone] "it has an extension. Sign-in codes cannot be sent to an extension: use a direct number.",
    PhoneInvalid = "phone_invalid" [Phone] "{number} is not a valid phone number in {region}. Check the digits, or start with + and the country code.",
    RegionUnknown = "region_unknown" [Region] "\"{region}\" is not a country code. Use two letters, such as US, CA or GB.",
    DateShape = "date_shape" [Date] "\"{date}\" is not written as a date. Use YYYY-MM-DD, for example 2026-12-31.",
    /// The typed text is too long or odd to repeat: the sentence says "that".
    DateShapeUnshown = "date_shape_unshown" [Date] "that is not written as a date. Use YYYY-MM-DD, for example 2026-12-31.",
    DateYear = "date_year" [Date] "{date} is not a possible day: the year must be from {min} to {max}.",
    DateMonth = "date_month" [Date] "{date} does not exist: there is no month {month} (months go from 01 to 12). Use YYYY-MM-DD, for example 2026-12-31.",
    /// `month` is the month's English name; `month_number` its number (1 to 12), for other languages.
    DateDay = "date_day" [Date] "{date} does not exist: {month} {year} has days 01 to {days}. Use YYYY-MM-DD, for example 2026-12-31.",
    DateInvalid = "date_invalid" [Date] "{date} does not exist ({problem}).",
    ServerEmpty = "server_empty" [Server] "\"{server}\" is not a time server: it is empty. Write a name such as pool.ntp.org, or name:port.",
    ServerHasPath = "server_has_path" [Server] "\"{server}\" is not a time server: write only the server's name, without http:// or a path. Write a name such as pool.ntp.org, or name:port.",
    ServerBracket = "server_bracket" [Server] "\"{server}\" is not a time server: the bracket is not closed. Write a name such as pool.ntp.org, or name:port.",
    ServerNotIp = "server_not_ip" [Server] "\"{server}\" is not a time server: that is not an IP address. Write a name such as pool.ntp.org, or name:port.",
    ServerAfterAddress = "server_after_address" [Server] "\"{server}\" is not a time server: only :port may follow the address. Write a name such as pool.ntp.org, or name:port.",
    ServerPort = "server_port" [Server] "\"{server}\" is not a time server: the port must be a number from 1 to 65535. Write a name such as pool.ntp.org, or name:port.",
    ServerNameChars = "server_name_chars" [Server] "\"{server}\" is not a time server: a server name has only letters, digits, dots and hyphens. Write a name such as pool.ntp.org, or name:port.",
    ServerTooMany = "server_too_many" [Server] "Keystep asks at most {max} time servers; {count} were given.",
}

/// A reason with its values: what [`crate::Error::BadInput`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputReason {
    pub key: ReasonKey,
    /// The named values of the sentence. Never a secret: a key, a link that holds one, a password.
    pub args: Vec<(&'static str, ArgValue)>,
}

impl ReasonKey {
    /// This reason with a value for `{name}`.
    pub fn with(self, name: &'static str, value: impl Into<ArgValue>) -> InputReason {
        InputReason::from(self).with(name, value)
    }
}

impl InputReason {
    /// Adds a value for `{name}`.
    pub fn with(mut self, name: &'static str, value: impl Into<ArgValue>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The value of `{name}`, if given.
    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl From<ReasonKey> for InputReason {
    fn from(key: ReasonKey) -> Self {
        InputReason {
            key,
            args: Vec::new(),
        }
    }
}

/// `template` with each `{name}` replaced by its value (a name without a value stays as it is).
pub fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                match value(&after[..close]) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s of a template, in order, each once.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !names.contains(&name)
        {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

impl fmt::Display for InputReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = fill(self.key.english(), |name| {
            self.arg(name).map(ToString::to_string)
        });
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_plain() {
        let mut seen = std::collections::HashSet::new();
        for r in ReasonKey::ALL {
            assert!(seen.insert(r.key()), "{} twice", r.key());
            // Fluent variant keys are identifiers.
            assert!(
                r.key()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                r.key()
            );
            assert!(!r.fields().is_empty());
        }
    }

    #[test]
    fn a_reason_is_its_english_sentence_with_its_values() {
        let r = ReasonKey::SecretTooLong
            .with("count", 300u64)
            .with("max", 256u64);
        assert_eq!(
            r.to_string(),
            "it is too long (300 characters; at most 256)."
        );
        assert_eq!(
            placeholders(ReasonKey::DateDay.english()),
            ["date", "month", "year", "days"]
        );
        // A missing value shows as its name, so a test that renders it sees the gap.
        assert_eq!(
            ReasonKey::PhoneTooLong.with("other", 1u64).to_string(),
            "it is longer than {max} characters. Type just the number."
        );
    }
}
