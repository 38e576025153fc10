//! The `otpauth://` URI format (Google Authenticator's "Key Uri Format"), read as leniently as the services
//! that hand it out write it: issuer in the label, in the parameter, or both; percent-encoding; lower-case
//! or padded secrets; `otpauth://steam/` and `encoder=steam` for Steam Guard.

use percent_encoding::percent_decode_str;

use super::secret::decode_base32;
use super::{Algorithm, OtpKind, OtpParams};
use crate::error::{Error, Field, ReasonKey, Result};
use crate::sensitive::SecretBytes;

/// Longest URI accepted; a QR code holds at most about 4 KB.
pub const MAX_URI_CHARS: usize = 4096;

/// What an `otpauth://` URI describes.
#[derive(Debug)]
pub struct ParsedUri {
    pub issuer: String,
    pub name: String,
    pub secret: SecretBytes,
    pub params: OtpParams,
}

/// Reads an `otpauth://` URI. Errors say which part is wrong and never repeat the URI (it holds the secret).
pub fn parse(text: &str) -> Result<ParsedUri> {
    let text = text.trim();
    if text.len() > MAX_URI_CHARS {
        return Err(Error::bad(
            Field::Uri,
            ReasonKey::UriTooLong.with("max", MAX_URI_CHARS),
        ));
    }
    let rest = strip_prefix_ignore_case(text, "otpauth://")
        .ok_or_else(|| Error::bad(Field::Uri, ReasonKey::UriNoScheme))?;
    let (type_part, after_type) = rest
        .split_once('/')
        .ok_or_else(|| Error::bad(Field::Uri, ReasonKey::UriNoLabel))?;
    let mut kind =
        OtpKind::parse(type_part).map_err(|_| Error::bad(Field::Uri, ReasonKey::UriBadType))?;
    let after_type = after_type.split('#').next().unwrap_or_default();
    let (label_raw, query) = after_type.split_once('?').unwrap_or((after_type, ""));
    let label = decode_component(label_raw, Field::Name)?;

    let mut params = OtpParams {
        kind,
        ..OtpParams::default()
    };
    let mut secret = None;
    let mut issuer_param = None;
    let mut counter_seen = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = key.to_ascii_lowercase();
        match key.as_str() {
            "secret" => {
                secret = Some(zeroize::Zeroizing::new(decode_component(
                    raw_value,
                    Field::Secret,
                )?))
            }
            "issuer" => issuer_param = Some(decode_component(raw_value, Field::Issuer)?),
            "algorithm" => {
                params.algorithm =
                    Algorithm::parse(&decode_component(raw_value, Field::Algorithm)?)?
            }
            "digits" => params.digits = parse_number(raw_value, Field::Digits)?,
            "period" => params.period = parse_number(raw_value, Field::Period)?,
            "counter" => {
                params.counter = parse_number(raw_value, Field::Counter)?;
                counter_seen = true;
            }
            "encoder" if raw_value.eq_ignore_ascii_case("steam") => kind = OtpKind::Steam,
            // image, color and other display hints carry nothing Keystep needs.
            _ => {}
        }
    }
    params.kind = kind;
    let secret = secret.ok_or_else(|| Error::bad(Field::Uri, ReasonKey::UriNoSecret))?;
    let secret = match decode_base32(&secret) {
        Ok(bytes) => bytes,
        // steamguard-cli's KeePassXC links (encoder=steam) carry Steam's base64 shared secret.
        Err(e) if kind == OtpKind::Steam => steam_base64(&secret).ok_or(e)?,
        Err(e) => return Err(e),
    };
    if kind == OtpKind::Hotp && !counter_seen {
        params.counter = 0;
    }
    // The parameter wins when both are given: it is the one the spec calls authoritative, and the label
    // prefix is often a display name.
    let issuer_param = issuer_param.filter(|i| !i.trim().is_empty());
    let (label_issuer, name) = match &issuer_param {
        // An issuer that itself holds a colon ("Bank: Online") is taken whole from the label.
        Some(i) if label.trim() == i.trim() => (None, String::new()),
        Some(i) => match label
            .trim()
            .strip_prefix(i.trim())
            .and_then(|r| r.strip_prefix(':'))
        {
            Some(rest) => (None, rest.trim().to_string()),
            None => split_label(&label),
        },
        None => split_label(&label),
    };
    let issuer = issuer_param.or(label_issuer).unwrap_or_default();
    let issuer = if kind == OtpKind::Steam && issuer.is_empty() {
        "Steam".to_string()
    } else {
        issuer
    };
    params.kind = super::steam_by_issuer(kind, &issuer);
    Ok(ParsedUri {
        issuer: issuer.trim().to_string(),
        name: name.trim().to_string(),
        secret,
        params: params.validated()?,
    })
}

/// Writes an `otpauth://` link that [`parse`] (and other apps) read back: `Issuer:name` in the label,
/// `issuer=` too, the secret in base32 without padding, and every setting. Steam accounts are
/// written as `otpauth://totp/` with `issuer=Steam` and `encoder=steam`, which Aegis, FreeOTP and
/// Keystep read as Steam. The link holds the secret: it is zeroized when dropped.
pub fn format(
    issuer: &str,
    name: &str,
    secret: &[u8],
    params: &OtpParams,
) -> zeroize::Zeroizing<String> {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let enc = |t: &str| utf8_percent_encode(t, NON_ALPHANUMERIC).to_string();
    let label = match (issuer.is_empty(), name.is_empty()) {
        (false, false) => format!("{}:{}", enc(issuer), enc(name)),
        (false, true) => enc(issuer),
        _ => enc(name),
    };
    let secret = zeroize::Zeroizing::new(data_encoding::BASE32_NOPAD.encode(secret));
    let (kind, extra) = match params.kind {
        OtpKind::Totp => ("totp", format!("&period={}", params.period)),
        OtpKind::Hotp => ("hotp", format!("&counter={}", params.counter)),
        OtpKind::Steam => ("totp", format!("&period={}&encoder=steam", params.period)),
    };
    let issuer_part = if issuer.is_empty() {
        String::new()
    } else {
        format!("&issuer={}", enc(issuer))
    };
    zeroize::Zeroizing::new(format!(
        "otpauth://{kind}/{label}?secret={}{issuer_part}&algorithm={}&digits={}{extra}",
        secret.as_str(),
        params.algorithm.as_str(),
        params.digits,
    ))
}

/// Steam's base64 `shared_secret`; a `+` read as a space in the query is put back.
fn steam_base64(text: &str) -> Option<SecretBytes> {
    let restored = zeroize::Zeroizing::new(text.trim().replace(' ', "+"));
    let bytes = data_encoding::BASE64_NOPAD
        .decode(restored.trim_end_matches('=').as_bytes())
        .ok()?;
    (!bytes.is_empty()).then(|| SecretBytes::new(bytes))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn decode_component(raw: &str, field: Field) -> Result<String> {
    // '+' means a space in form-encoded query strings, which many generators produce.
    let spaced = raw.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| Error::bad(field, ReasonKey::NotText))
}

fn split_label(label: &str) -> (Option<String>, String) {
    match label.split_once(':') {
        Some((issuer, name)) if !issuer.trim().is_empty() => {
            (Some(issuer.trim().to_string()), name.trim().to_string())
        }
        Some((_, name)) => (None, name.trim().to_string()),
        None => (None, label.trim().to_string()),
    }
}

fn parse_number<T: std::str::FromStr>(raw: &str, field: Field) -> Result<T> {
    raw.trim().parse::<T>().map_err(|_| {
        let hint = match field {
            Field::Digits => ReasonKey::DigitsNotNumber,
            Field::Period => ReasonKey::PeriodNotNumber,
            _ => ReasonKey::CounterNotNumber,
        };
        Error::bad(field, hint)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(uri: &str) -> ParsedUri {
        match parse(uri) {
            Ok(p) => p,
            Err(e) => panic!("{uri}: {e}"),
        }
    }

    #[test]
    fn reads_the_google_example() {
        let p =
            ok("otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        assert_eq!(
            (p.issuer.as_str(), p.name.as_str()),
            ("Example", "alice@google.com")
        );
        assert_eq!(p.params, OtpParams::default());
        assert_eq!(p.secret.len(), 10);
    }

    #[test]
    fn issuer_from_label_only_parameter_only_or_both() {
        assert_eq!(
            ok("otpauth://totp/ACME%20Co:john?secret=JBSWY3DPEHPK3PXP").issuer,
            "ACME Co"
        );
        let p = ok("otpauth://totp/john.doe?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co");
        assert_eq!(
            (p.issuer.as_str(), p.name.as_str()),
            ("ACME Co", "john.doe")
        );
        let both = ok("otpauth://totp/Acme:%20john?issuer=ACME+Co&secret=JBSWY3DPEHPK3PXP");
        assert_eq!(
            (both.issuer.as_str(), both.name.as_str()),
            ("ACME Co", "john")
        );
    }

    #[test]
    fn reads_lower_case_padded_and_spaced_secrets() {
        for s in [
            "jbswy3dpehpk3pxp",
            "JBSWY3DPEHPK3PXP%3D%3D%3D%3D",
            "JBSW%20Y3DP%20EHPK%203PXP",
        ] {
            let p = ok(&format!("otpauth://totp/x?secret={s}"));
            assert_eq!(p.secret.len(), 10, "{s}");
        }
    }

    #[test]
    fn reads_algorithm_digits_period_and_case_insensitive_scheme() {
        let p = ok("OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=8&period=60");
        assert_eq!(p.params.algorithm, Algorithm::Sha512);
        assert_eq!((p.params.digits, p.params.period), (8, 60));
    }

    #[test]
    fn reads_hotp_with_counter_and_steam_both_ways() {
        let h = ok("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=42");
        assert_eq!((h.params.kind, h.params.counter), (OtpKind::Hotp, 42));
        let s1 = ok("otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP");
        let s2 = ok("otpauth://totp/me?secret=JBSWY3DPEHPK3PXP&encoder=steam");
        // What Steam's own enrolment returns and steamguard-cli prints: a totp link, issuer Steam.
        let s3 = ok("otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&issuer=Steam");
        // steamguard-cli's KeePassXC shape: base64 secret (here "Hello!\xde\xad\xbe\xef").
        let s4 =
            ok("otpauth://totp/Steam:me?secret=SGVsbG8h3q2%2B7w%3D%3D&encoder=steam&issuer=Steam");
        assert_eq!(s3.secret, s4.secret);
        for s in [s1, s2, s3, s4] {
            assert_eq!(
                (s.params.kind, s.params.digits, s.issuer.as_str()),
                (OtpKind::Steam, 5, "Steam")
            );
        }
        // Only the exact service name: "Steam Deck Store" or "steam" stays a 6-digit account.
        let other = ok("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=Steam%20Deck%20Store");
        assert_eq!(other.params.kind, OtpKind::Totp);
    }

    #[test]
    fn format_writes_links_that_read_back_the_same() {
        let secret = [7u8; 20];
        for (issuer, name, params) in [
            ("ID.me", "me@example.com", OtpParams::default()),
            (
                "Bank & Co: ünïcode",
                "",
                OtpParams {
                    kind: OtpKind::Hotp,
                    counter: 41,
                    digits: 8,
                    algorithm: Algorithm::Sha256,
                    period: 30,
                },
            ),
            (
                "Steam",
                "gamer",
                OtpParams {
                    kind: OtpKind::Steam,
                    digits: 5,
                    ..OtpParams::default()
                },
            ),
            (
                "",
                "only a name",
                OtpParams {
                    period: 60,
                    algorithm: Algorithm::Sha512,
                    ..OtpParams::default()
                },
            ),
        ] {
            let link = format(issuer, name, &secret, &params);
            let back = ok(&link);
            assert_eq!(
                (back.issuer.as_str(), back.name.as_str(), back.params),
                (issuer, name, params),
                "{}",
                link.as_str()
            );
            assert_eq!(back.secret.expose(), secret);
        }
    }

    #[test]
    fn rejects_bad_uris_naming_the_part() {
        let cases = [
            ("https://example.com", "input.bad_uri"),
            ("otpauth://totp/x?issuer=A", "input.bad_uri"),
            ("otpauth://motp/x?secret=JBSWY3DPEHPK3PXP", "input.bad_uri"),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PX0",
                "input.bad_secret",
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5",
                "input.bad_digits",
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=eight",
                "input.bad_digits",
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0",
                "input.bad_period",
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30",
                "input.bad_period",
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
                "input.bad_algorithm",
            ),
            (
                "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=x",
                "input.bad_counter",
            ),
            (
                "otpauth://totp/%FF?secret=JBSWY3DPEHPK3PXP",
                "input.bad_name",
            ),
            ("otpauth://totp", "input.bad_uri"),
        ];
        for (uri, code) in cases {
            let err = parse(uri).unwrap_err();
            assert_eq!(err.code(), code, "{uri}");
            assert!(
                !err.to_string().contains("JBSWY3DP"),
                "secret leaked for {uri}: {err}"
            );
        }
    }

    #[test]
    fn a_link_without_its_setup_key_says_so_plainly_and_keeps_the_misspelled_part_to_itself() {
        for uri in [
            "otpauth://totp/IRS:me?secrte=JBSWY3DPEHPK3PXP&issuer=IRS",
            "otpauth://totp/IRS:me?issuer=IRS",
            "otpauth://totp/IRS:me",
        ] {
            let err = parse(uri).unwrap_err();
            assert_eq!(err.code(), "input.bad_uri", "{uri}");
            let message = err.to_string();
            assert_eq!(
                message,
                "The setup link is not valid: it has no setup key in it. Check that you copied the whole link, or type the setup key instead."
            );
            assert!(!message.contains("JBSWY3DP"), "secret leaked: {message}");
        }
    }

    #[test]
    fn a_bare_setup_key_is_told_to_go_in_as_a_key() {
        let err = parse("JBSW Y3DP EHPK 3PXP").unwrap_err();
        assert_eq!(err.code(), "input.bad_uri");
        let message = err.to_string();
        assert!(message.contains("type the setup key instead"), "{message}");
        assert!(!message.contains("JBSW"), "secret leaked: {message}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for uri in [
            "",
            "otpauth://",
            "otpauth:///",
            "otpauth://totp/?",
            "otpauth://totp/a?=&&=&secret",
            "otpauth://é/",
            "otpauth://totp/%",
        ] {
            let _ = parse(uri);
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_is_parsed_or_rejected_without_panic(s in "\\PC{0,200}") {
                let _ = parse(&s);
                let _ = parse(&format!("otpauth://totp/{s}"));
            }
        }
    }
}
