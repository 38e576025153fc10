//! Google Authenticator's transfer QR codes: `otpauth-migration://offline?data=` followed by the
//! base64 of a protobuf `MigrationPayload` (schema in docs/import-formats.md §4, after Aegis's
//! `google_auth.proto`). An export of many accounts is split over several QR codes (a batch); an
//! import that misses one of them says which.
//!
//! The protobuf is read and written by hand (about a hundred lines, no build step): varints up to
//! 10 bytes (a negative batch id takes 10), length-delimited fields checked against what is left.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use super::{Importer, Input, Item, RawEntry, ReadError};
use crate::otp::{Algorithm, OtpKind};
use crate::sensitive::{SecretBytes, SecretString};

/// The start of every transfer link.
pub const SCHEME: &str = "otpauth-migration://";

/// Most QR codes one export may claim to have; a larger claim is damage, not a real export.
const MAX_BATCH_SIZE: i32 = 100;

/// The reader of transfer links, one per line (from `scan-qr`, or pasted).
pub struct GoogleImporter;

impl Importer for GoogleImporter {
    fn detect(&self, input: &Input<'_>) -> bool {
        input.text.is_some_and(|t| {
            t.trim_start_matches('\u{feff}')
                .trim_start()
                .get(..SCHEME.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(SCHEME))
        })
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let text = input
            .text
            .ok_or_else(|| ReadError::damaged("it is not text (UTF-8)."))?;
        let links: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        read_links(&links, warnings)
    }
}

/// One decoded transfer QR code.
#[derive(Debug, Default)]
pub struct Payload {
    pub entries: Vec<Parameters>,
    pub batch_size: i32,
    pub batch_index: i32,
    pub batch_id: i32,
}

/// One account of a transfer QR code, as Google writes it.
#[derive(Debug, Default)]
pub struct Parameters {
    pub secret: SecretBytes,
    pub name: String,
    pub issuer: String,
    /// 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5.
    pub algorithm: u64,
    /// 0 unspecified, 1 six, 2 eight.
    pub digits: u64,
    /// 0 unspecified, 1 HOTP, 2 TOTP.
    pub kind: u64,
    pub counter: u64,
}

/// Reads transfer links (of one or several exports), in any order, each QR counted once; warns of
/// every batch with QR codes missing.
pub fn read_links(links: &[&str], warnings: &mut Vec<String>) -> Result<Vec<Item>, ReadError> {
    let mut batches: BTreeMap<i32, (i32, BTreeMap<i32, Payload>)> = BTreeMap::new();
    let mut singles = Vec::new();
    for (index, link) in links.iter().enumerate() {
        let payload = decode_link(link).map_err(|reason| {
            if links.len() == 1 {
                ReadError::Damaged(reason)
            } else {
                ReadError::Damaged(format!("transfer code {}: {reason}", index + 1))
            }
        })?;
        if payload.batch_size <= 1 {
            singles.push(payload);
        } else {
            let (size, parts) = batches
                .entry(payload.batch_id)
                .or_insert_with(|| (payload.batch_size, BTreeMap::new()));
            *size = (*size).max(payload.batch_size);
            parts.entry(payload.batch_index).or_insert(payload);
        }
    }
    let mut items = Vec::new();
    let mut counter = 0usize;
    let mut take = |payload: Payload, items: &mut Vec<Item>| {
        for entry in payload.entries {
            counter += 1;
            items.push(entry.into_item(counter));
        }
    };
    for payload in singles {
        take(payload, &mut items);
    }
    for (_, (size, parts)) in batches {
        let missing: Vec<String> = (0..size)
            .filter(|i| !parts.contains_key(i))
            .map(|i| (i + 1).to_string())
            .collect();
        if !missing.is_empty() {
            let (codes, numbers) = if missing.len() == 1 {
                ("QR code", missing[0].clone())
            } else {
                ("QR codes", join_and(&missing))
            };
            warnings.push(format!(
                "This Google Authenticator export has {size} QR codes, and {codes} {numbers} of {size} {} not read. The accounts in {} are not here: scan {} too.",
                if missing.len() == 1 { "was" } else { "were" },
                if missing.len() == 1 { "it" } else { "them" },
                if missing.len() == 1 { "it" } else { "them" },
            ));
        }
        for (_, payload) in parts {
            take(payload, &mut items);
        }
    }
    Ok(items)
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Parameters {
    fn into_item(self, position: usize) -> Item {
        let fallback = format!("account {position}");
        let (issuer, name) = names(&self.issuer, &self.name);
        let label = super::label_of(&issuer, &name, &fallback);
        let algorithm = match self.algorithm {
            0 | 1 => Algorithm::Sha1,
            2 => Algorithm::Sha256,
            3 => Algorithm::Sha512,
            _ => {
                return Item::skipped(
                    label,
                    "it uses the MD5 algorithm, which Keystep (like Google Authenticator) does not support.",
                );
            }
        };
        let digits = match self.digits {
            0 | 1 => 6,
            2 => 8,
            other => {
                return Item::skipped(label, format!("its number of digits ({other}) is unknown."));
            }
        };
        let kind = match self.kind {
            0 | 2 => OtpKind::Totp,
            1 => OtpKind::Hotp,
            other => {
                return Item::skipped(label, format!("its kind of code ({other}) is unknown."));
            }
        };
        RawEntry {
            issuer,
            name,
            secret: self.secret,
            kind,
            algorithm,
            digits,
            // The format has no period: Google's codes are always 30 s.
            period: 30,
            counter: self.counter,
        }
        .into_item(&fallback)
    }
}

/// The issuer, and the name without an "Issuer:" prefix Google often repeats in it.
fn names(issuer: &str, name: &str) -> (String, String) {
    let issuer = issuer.trim();
    if issuer.is_empty() {
        if let Some((prefix, rest)) = name.split_once(':') {
            return (prefix.trim().to_string(), rest.trim().to_string());
        }
        return (String::new(), name.trim().to_string());
    }
    let name = name
        .strip_prefix(issuer)
        .and_then(|rest| rest.strip_prefix(':'))
        .unwrap_or(name);
    (issuer.to_string(), name.trim().to_string())
}

/// Decodes one transfer link; the error is a reason in words.
pub fn decode_link(link: &str) -> Result<Payload, String> {
    let link = link.trim();
    let rest = link
        .get(..SCHEME.len())
        .filter(|head| head.eq_ignore_ascii_case(SCHEME))
        .map(|_| &link[SCHEME.len()..])
        .ok_or("it does not start with otpauth-migration://.")?;
    let (host, query) = rest.split_once('?').unwrap_or((rest, ""));
    if !host.trim_end_matches('/').eq_ignore_ascii_case("offline") {
        return Err(
            "it is not an offline transfer link (otpauth-migration://offline?data=...).".into(),
        );
    }
    let data = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "data")
        .map(|(_, value)| value)
        .ok_or("it has no data= part.")?;
    let decoded = percent_encoding::percent_decode_str(data)
        .decode_utf8()
        .map_err(|_| "its data is not text.".to_string())?;
    // A link pasted by hand may have had its '+' turned into spaces.
    let base64 = Zeroizing::new(decoded.replace(' ', "+"));
    let bytes = Zeroizing::new(
        data_encoding::BASE64_NOPAD
            .decode(base64.trim().trim_end_matches('=').as_bytes())
            .map_err(|_| "its data is not valid base64: was the link cut short?".to_string())?,
    );
    decode_payload(&bytes)
}

/// Decodes a `MigrationPayload`.
pub fn decode_payload(bytes: &[u8]) -> Result<Payload, String> {
    let mut payload = Payload::default();
    let mut reader = Reader { bytes, at: 0 };
    while let Some((field, value)) = reader.field()? {
        match (field, value) {
            (1, Value::Bytes(b)) => payload.entries.push(decode_parameters(b)?),
            (3, Value::Varint(v)) => payload.batch_size = v as i32,
            (4, Value::Varint(v)) => payload.batch_index = v as i32,
            (5, Value::Varint(v)) => payload.batch_id = v as i32,
            _ => {}
        }
    }
    if !(0..=MAX_BATCH_SIZE).contains(&payload.batch_size)
        || payload.batch_index < 0
        || (payload.batch_size > 0 && payload.batch_index >= payload.batch_size)
    {
        return Err(format!(
            "its QR code number ({} of {}) is not possible.",
            i64::from(payload.batch_index) + 1,
            payload.batch_size
        ));
    }
    Ok(payload)
}

fn decode_parameters(bytes: &[u8]) -> Result<Parameters, String> {
    let mut p = Parameters::default();
    let mut reader = Reader { bytes, at: 0 };
    while let Some((field, value)) = reader.field()? {
        match (field, value) {
            (1, Value::Bytes(b)) => p.secret = SecretBytes::new(b.to_vec()),
            (2, Value::Bytes(b)) => p.name = text(b)?,
            (3, Value::Bytes(b)) => p.issuer = text(b)?,
            (4, Value::Varint(v)) => p.algorithm = v,
            (5, Value::Varint(v)) => p.digits = v,
            (6, Value::Varint(v)) => p.kind = v,
            (7, Value::Varint(v)) => p.counter = v,
            _ => {}
        }
    }
    Ok(p)
}

fn text(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| "an account name is not text.".to_string())
}

enum Value<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Other,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

const DAMAGED: &str = "its data is damaged (it ends in the middle of an account).";

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(DAMAGED)?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift.min(63);
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(DAMAGED.into())
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(len).ok_or(DAMAGED)?;
        let slice = self.bytes.get(self.at..end).ok_or(DAMAGED)?;
        self.at = end;
        Ok(slice)
    }

    fn field(&mut self) -> Result<Option<(u64, Value<'a>)>, String> {
        if self.at >= self.bytes.len() {
            return Ok(None);
        }
        let key = self.varint()?;
        let value = match key & 7 {
            0 => Value::Varint(self.varint()?),
            1 => {
                self.take(8)?;
                Value::Other
            }
            2 => {
                let len = usize::try_from(self.varint()?).map_err(|_| DAMAGED)?;
                Value::Bytes(self.take(len)?)
            }
            5 => {
                self.take(4)?;
                Value::Other
            }
            _ => return Err("its data is not a Google Authenticator export.".into()),
        };
        Ok(Some((key >> 3, value)))
    }
}

/// One account to write into a transfer QR code.
pub struct ExportEntry<'a> {
    pub secret: &'a [u8],
    pub name: &'a str,
    pub issuer: &'a str,
    pub hotp_counter: Option<u64>,
}

/// Writes one transfer link of a batch (`index` from 0 of `size`, all with `batch_id`).
pub fn encode_link(
    entries: &[ExportEntry<'_>],
    size: i32,
    index: i32,
    batch_id: i32,
) -> Zeroizing<String> {
    let mut out = Zeroizing::new(Vec::new());
    for entry in entries {
        let mut p = Zeroizing::new(Vec::new());
        put_bytes(&mut p, 1, entry.secret);
        put_bytes(&mut p, 2, entry.name.as_bytes());
        put_bytes(&mut p, 3, entry.issuer.as_bytes());
        put_varint_field(&mut p, 4, 1); // SHA1
        put_varint_field(&mut p, 5, 1); // six digits
        match entry.hotp_counter {
            Some(counter) => {
                put_varint_field(&mut p, 6, 1);
                put_varint_field(&mut p, 7, counter);
            }
            None => put_varint_field(&mut p, 6, 2),
        }
        put_bytes(&mut out, 1, &p);
    }
    put_varint_field(&mut out, 2, 1);
    put_varint_field(&mut out, 3, size as u64);
    put_varint_field(&mut out, 4, index as u64);
    put_varint_field(&mut out, 5, batch_id as u64);
    let base64 = Zeroizing::new(data_encoding::BASE64.encode(&out));
    let encoded: String =
        percent_encoding::utf8_percent_encode(&base64, percent_encoding::NON_ALPHANUMERIC)
            .collect();
    Zeroizing::new(format!("{SCHEME}offline?data={encoded}"))
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_varint_field(out: &mut Vec<u8>, field: u64, value: u64) {
    put_varint(out, field << 3);
    put_varint(out, value);
}

fn put_bytes(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
    put_varint(out, (field << 3) | 2);
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::lines;

    /// Built for docs/import-formats.md §4: QR 1 of 2 of a batch (id 123456789).
    const FIRST_OF_TWO: &str = "otpauth-migration://offline?data=Ci4KCkhlbGxvId6tvu8SEWFsaWNlQGV4YW1wbGUuY29tGgdFeGFtcGxlIAEoATACCh8KCkhlbGxvId6tvu8SA2JvYhoEQmFuayABKAEwATgFEAEYAiAAKJWa7zo%3D";
    /// dim13/otpauth's test vector (ISC): name "Example:alice@google.com", issuer "Example", no batch.
    const DIM13: &str = "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC";

    fn read(links: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut warnings = Vec::new();
        let items = read_links(links, &mut warnings).unwrap();
        (lines(&items), warnings)
    }

    #[test]
    fn reads_dim13s_vector_without_the_repeated_issuer() {
        let (got, warnings) = read(&[DIM13]);
        assert_eq!(got, ["Example|alice@google.com|Totp|260025"]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn an_incomplete_batch_is_read_and_says_what_is_missing() {
        let (got, warnings) = read(&[FIRST_OF_TWO, FIRST_OF_TWO]);
        // Scanned twice, counted once.
        assert_eq!(
            got,
            [
                "Example|alice@example.com|Totp|260025",
                "Bank|bob|Hotp|768897"
            ]
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("2 QR codes, and QR code 2 of 2 was not read"),
            "{warnings:?}"
        );
    }

    #[test]
    fn writes_what_it_reads_and_a_negative_batch_id_round_trips() {
        let secret = [1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let entries = [
            ExportEntry {
                secret: &secret,
                name: "a@example.com",
                issuer: "A",
                hotp_counter: None,
            },
            ExportEntry {
                secret: &secret,
                name: "b",
                issuer: "",
                hotp_counter: Some(7),
            },
        ];
        let first = encode_link(&entries, 2, 0, -1_320_898_453);
        let second = encode_link(&entries[..1], 2, 1, -1_320_898_453);
        let payload = decode_link(&first).unwrap();
        assert_eq!(
            (payload.batch_id, payload.batch_size, payload.batch_index),
            (-1_320_898_453, 2, 0)
        );
        let (got, warnings) = read(&[&second, &first]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(got.len(), 3);
        assert!(got[1].starts_with("|b|Hotp|"), "{got:?}");
    }

    #[test]
    fn damaged_links_are_refused_with_a_reason() {
        for (link, words) in [
            ("otpauth-migration://online?data=AA", "offline"),
            ("otpauth-migration://offline?x=1", "no data="),
            ("otpauth-migration://offline?data=%FF%FE", "not text"),
            ("otpauth-migration://offline?data=Ci4KCkhlbGxv", "damaged"),
            ("otpauth-migration://offline?data=!!!!", "base64"),
        ] {
            let err = decode_link(link).unwrap_err();
            assert!(err.contains(words), "{link}: {err}");
        }
    }
}
