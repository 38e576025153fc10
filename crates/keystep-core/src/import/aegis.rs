//! Aegis's export (`aegis-export-*.json`), plain or encrypted with a password: read, and written
//! for people moving from Keystep to Aegis. The format is in docs/import-formats.md §5, after
//! Aegis's own `docs/vault.md`.
//!
//! An encrypted export keeps a random master key wrapped once per "slot" (password, fingerprint).
//! Keystep opens password slots only: scrypt turns the password into a key that unwraps the master
//! key (AES-256-GCM), and the master key opens the accounts (AES-256-GCM). Aegis stores each GCM tag
//! apart from its ciphertext.

use serde::Serialize;
use serde_json::{Map, Value};
use zeroize::{Zeroize, Zeroizing};

use super::crypto::{aes_gcm_open, aes_gcm_seal, base64, hex, password_bytes};
use super::{Importer, Input, Item, RawEntry, ReadError, label_of, reason_of};
use crate::error::{Error, Result};
use crate::otp::secret::decode_base32;
use crate::otp::{Algorithm, DEFAULT_DIGITS, DEFAULT_PERIOD_SECS, OtpKind, STEAM_DIGITS};
use crate::sensitive::SecretString;

/// The newest envelope version Aegis writes (`VaultFile.VERSION`).
const FILE_VERSION: u64 = 1;
/// The newest content (`db`) version Aegis writes (`Vault.VERSION`).
const CONTENT_VERSION: u64 = 3;
/// scrypt needs `128 * r * N` bytes; Aegis's own settings need 32 MiB. More than this is refused
/// before any work (docs/import-formats.md §13).
const MAX_SCRYPT_MEMORY: u64 = 256 << 20;
/// Most scrypt passes (`p`) accepted: each repeats the whole memory-hard work.
const MAX_SCRYPT_P: u64 = 16;
/// Aegis exports have one password slot (two with a backup password); a file with dozens could
/// make Keystep derive keys for minutes.
const MAX_PASSWORD_SLOTS: usize = 8;
/// Old Aegis hashed passwords longer than this many bytes wrongly (Aegis issue #95).
const OLD_AEGIS_PASSWORD_BYTES: usize = 64;
/// scrypt as Aegis writes it: N = 2^15, r = 8, p = 1.
const WRITE_COST: ScryptCost = ScryptCost {
    log_n: 15,
    r: 8,
    p: 1,
};
const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
/// Slot type of a password (0 is a raw key, 2 a fingerprint held by the phone).
const PASSWORD_SLOT: u64 = 1;

const FINGERPRINT_ONLY: &str =
    "it can only be opened with a fingerprint or on the phone: in Aegis, export with a password.";
const OLD_AEGIS: &str = "the password did not open it. If the password is right, the file was written by an old version of Aegis that handled long passwords differently: open it in Aegis, then export it again.";

/// The reader of Aegis exports, plain or encrypted.
pub struct Aegis;

impl Importer for Aegis {
    fn detect(&self, input: &Input<'_>) -> bool {
        input.object().is_some_and(|o| {
            ["version", "header", "db"]
                .iter()
                .all(|k| o.contains_key(*k))
        })
    }

    fn read(
        &self,
        input: &Input<'_>,
        password: Option<&SecretString>,
        _warnings: &mut Vec<String>,
    ) -> std::result::Result<Vec<Item>, ReadError> {
        let file = input.object().ok_or_else(|| {
            ReadError::damaged(
                "it is not a complete Aegis export (its text is cut short or damaged).",
            )
        })?;
        let version = version_of(file.get("version"), "its format version is missing.")?;
        if version > FILE_VERSION {
            return Err(ReadError::Unsupported(format!(
                "it comes from a newer version of Aegis (file format {version}) than Keystep can read."
            )));
        }
        let header = file
            .get("header")
            .and_then(Value::as_object)
            .ok_or_else(|| ReadError::damaged("its header is missing."))?;
        let db = file.get("db").unwrap_or(&Value::Null);
        // Aegis's own test: both null (or absent) means a plain export.
        if is_null(header.get("slots")) && is_null(header.get("params")) {
            let content = db
                .as_object()
                .ok_or_else(|| ReadError::damaged("its list of accounts is missing."))?;
            return read_content(content);
        }
        let plaintext = Sealed::parse(header, db)?.open(password)?;
        let content =
            ScrubbedJson(serde_json::from_slice(&plaintext).map_err(|_| {
                ReadError::damaged("its accounts, once decrypted, are not readable.")
            })?);
        let content = content
            .0
            .as_object()
            .ok_or_else(|| ReadError::damaged("its accounts, once decrypted, are not readable."))?;
        read_content(content)
    }
}

fn is_null(value: Option<&Value>) -> bool {
    value.is_none_or(Value::is_null)
}

/// A format version: a whole number, or the file is damaged (`missing` says which).
fn version_of(value: Option<&Value>, missing: &str) -> std::result::Result<u64, ReadError> {
    value
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::damaged(missing))
}

/// Reads the vault content (`db`): every entry becomes an account or a skip.
fn read_content(content: &Map<String, Value>) -> std::result::Result<Vec<Item>, ReadError> {
    let version = version_of(
        content.get("version"),
        "the format version of its accounts is missing.",
    )?;
    if version > CONTENT_VERSION {
        return Err(ReadError::Unsupported(format!(
            "its accounts are stored in a newer format of Aegis (version {version}) than Keystep can read."
        )));
    }
    let entries = content
        .get("entries")
        .and_then(Value::as_array)
        .ok_or_else(|| ReadError::damaged("its list of accounts is missing."))?;
    Ok(entries
        .iter()
        .enumerate()
        .map(|(index, entry)| read_entry(entry, index + 1))
        .collect())
}

fn read_entry(entry: &Value, position: usize) -> Item {
    let fallback = format!("entry {position}");
    let Some(entry) = entry.as_object() else {
        return Item::skipped(fallback, "it is not an account (the file may be damaged).");
    };
    let text = |key: &str| entry.get(key).and_then(Value::as_str).unwrap_or_default();
    let (issuer, name) = (text("issuer"), text("name"));
    match raw_entry(entry, issuer, name) {
        Ok(raw) => raw.into_item(&fallback),
        Err(reason) => Item::skipped(label_of(issuer, name, &fallback), reason),
    }
}

/// The entry's settings as Aegis stores them, or why Keystep cannot use it.
fn raw_entry(
    entry: &Map<String, Value>,
    issuer: &str,
    name: &str,
) -> std::result::Result<RawEntry, String> {
    let kind = kind_of(
        entry
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default(),
    )?;
    let info = entry
        .get("info")
        .and_then(Value::as_object)
        .ok_or("its code settings are missing.")?;
    let secret = match info.get("secret").and_then(Value::as_str) {
        Some(text) if !text.trim().is_empty() => decode_base32(text).map_err(|e| reason_of(&e))?,
        _ => return Err("it has no setup key.".into()),
    };
    let algorithm = match info.get("algo") {
        None | Some(Value::Null) => Algorithm::Sha1,
        Some(Value::String(name)) => algorithm_of(name)?,
        Some(_) => return Err("its algorithm is not readable.".into()),
    };
    let digits = match (kind, whole_number(info, "digits", "number of digits")?) {
        (OtpKind::Steam, _) => STEAM_DIGITS,
        (_, None) => DEFAULT_DIGITS,
        (_, Some(digits)) => u8::try_from(digits)
            .map_err(|_| format!("its number of digits ({digits}) is not possible."))?,
    };
    let (period, counter) = match kind {
        OtpKind::Hotp => (
            DEFAULT_PERIOD_SECS,
            whole_number(info, "counter", "counter")?.unwrap_or(0),
        ),
        OtpKind::Totp | OtpKind::Steam => (
            whole_number(info, "period", "time step")?.unwrap_or(DEFAULT_PERIOD_SECS),
            0,
        ),
    };
    Ok(RawEntry {
        issuer: issuer.to_string(),
        name: name.to_string(),
        secret,
        kind,
        algorithm,
        digits,
        period,
        counter,
    })
}

fn kind_of(name: &str) -> std::result::Result<OtpKind, String> {
    match name.trim().to_ascii_lowercase().as_str() {
        "totp" => Ok(OtpKind::Totp),
        "hotp" => Ok(OtpKind::Hotp),
        "steam" => Ok(OtpKind::Steam),
        "motp" => Err("it is an mOTP entry, a kind of code Keystep does not support.".into()),
        "yandex" => Err("it is a Yandex entry, a kind of code Keystep does not support.".into()),
        "" => Err("it does not say what kind of code it makes.".into()),
        other => Err(format!(
            "its kind of code (\"{}\") is not one Keystep knows.",
            shortened(other)
        )),
    }
}

/// SHA1, SHA256 or SHA512, any case, with Java's `Hmac` prefix or not. MD5 here is read as SHA1,
/// as Aegis does: only mOTP (skipped) really uses MD5, and Aegis once wrote MD5 on other entries.
fn algorithm_of(name: &str) -> std::result::Result<Algorithm, String> {
    let upper = name.trim().to_ascii_uppercase();
    let bare = upper.strip_prefix("HMAC").unwrap_or(&upper);
    if bare == "MD5" {
        return Ok(Algorithm::Sha1);
    }
    Algorithm::parse(bare).map_err(|_| {
        format!(
            "it uses the {} algorithm, which Keystep does not support.",
            shortened(bare)
        )
    })
}

/// A setting that should be a whole number (Aegis's org.json also accepts one written as text).
fn whole_number(
    info: &Map<String, Value>,
    key: &str,
    words: &str,
) -> std::result::Result<Option<u64>, String> {
    match info.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(Value::Number(n)) => n.as_u64().map(Some),
        Some(Value::String(s)) => s.trim().parse().ok().map(Some),
        Some(_) => None,
    }
    .ok_or_else(|| format!("its {words} is not a whole number."))
}

/// A name from the file, cut to a length that fits in a sentence.
fn shortened(text: &str) -> String {
    let mut short: String = text.chars().take(20).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Decrypted JSON whose strings (the secrets among them) are wiped when it is dropped.
struct ScrubbedJson(Value);

impl Drop for ScrubbedJson {
    fn drop(&mut self) {
        let mut stack = vec![&mut self.0];
        while let Some(value) = stack.pop() {
            match value {
                Value::String(s) => s.zeroize(),
                Value::Array(items) => stack.extend(items.iter_mut()),
                Value::Object(map) => stack.extend(map.values_mut()),
                Value::Null | Value::Bool(_) | Value::Number(_) => {}
            }
        }
    }
}

/// The encrypted parts of an export, checked before any key is derived.
struct Sealed {
    slots: Vec<PasswordSlot>,
    nonce: Vec<u8>,
    /// The accounts' ciphertext with its tag appended, as AES-GCM expects it.
    ciphertext: Vec<u8>,
}

/// One password slot: the master key wrapped with a key scrypt derives from the password.
struct PasswordSlot {
    salt: Vec<u8>,
    cost: scrypt::Params,
    nonce: Vec<u8>,
    /// The wrapped master key with its tag appended.
    wrapped_key: Vec<u8>,
    repaired: bool,
}

impl Sealed {
    fn parse(header: &Map<String, Value>, db: &Value) -> std::result::Result<Self, ReadError> {
        let slots = header
            .get("slots")
            .and_then(Value::as_array)
            .ok_or_else(|| ReadError::damaged("its list of keys (slots) is missing."))?;
        let mut password_slots = Vec::new();
        for slot in slots {
            let slot = slot
                .as_object()
                .ok_or_else(|| ReadError::damaged("one of its keys (slots) is not readable."))?;
            if slot.get("type").and_then(Value::as_u64) == Some(PASSWORD_SLOT) {
                password_slots.push(PasswordSlot::parse(slot)?);
            }
        }
        if password_slots.is_empty() {
            return Err(ReadError::Unsupported(FINGERPRINT_ONLY.into()));
        }
        if password_slots.len() > MAX_PASSWORD_SLOTS {
            return Err(ReadError::Unsupported(format!(
                "it has {} password keys; Aegis writes one or two, and Keystep tries at most {MAX_PASSWORD_SLOTS}.",
                password_slots.len()
            )));
        }
        let params = header
            .get("params")
            .and_then(Value::as_object)
            .ok_or_else(|| ReadError::damaged("its encryption settings are missing."))?;
        let (nonce, tag) = nonce_and_tag(params, "accounts'")?;
        let db = db
            .as_str()
            .ok_or_else(|| ReadError::damaged("its encrypted accounts are missing."))?;
        let mut ciphertext = base64(db, "encrypted accounts")?;
        ciphertext.extend_from_slice(&tag);
        Ok(Sealed {
            slots: password_slots,
            nonce,
            ciphertext,
        })
    }

    /// Tries the password on every password slot; the first that opens gives the accounts.
    fn open(
        &self,
        password: Option<&SecretString>,
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ReadError> {
        let password = password_bytes(password)?;
        for slot in &self.slots {
            let Some(master_key) = slot.unwrap(password)? else {
                continue;
            };
            // The slot's tag proved the master key right: a failure now is a changed file.
            return aes_gcm_open(&master_key, &self.nonce, &self.ciphertext, &[]).map_err(
                |e| match e {
                    ReadError::WrongPassword => ReadError::damaged(
                        "its accounts do not match its key: the file was changed or is damaged.",
                    ),
                    other => other,
                },
            );
        }
        if password.len() > OLD_AEGIS_PASSWORD_BYTES && self.slots.iter().any(|s| !s.repaired) {
            return Err(ReadError::Unsupported(OLD_AEGIS.into()));
        }
        Err(ReadError::WrongPassword)
    }
}

impl PasswordSlot {
    fn parse(slot: &Map<String, Value>) -> std::result::Result<Self, ReadError> {
        let number = |key: &str| slot.get(key).and_then(Value::as_u64);
        let (Some(n), Some(r), Some(p)) = (number("n"), number("r"), number("p")) else {
            return Err(ReadError::damaged(
                "its password settings (scrypt) are missing.",
            ));
        };
        let cost = scrypt_cost(n, r, p)?;
        let salt = hex(text_of(slot, "salt"), "password salt")?;
        let mut wrapped_key = hex(text_of(slot, "key"), "wrapped key")?;
        if wrapped_key.len() != KEY_LEN {
            return Err(ReadError::damaged("its wrapped key has the wrong length."));
        }
        let key_params = slot
            .get("key_params")
            .and_then(Value::as_object)
            .ok_or_else(|| ReadError::damaged("its wrapped key's settings are missing."))?;
        let (nonce, tag) = nonce_and_tag(key_params, "wrapped key's")?;
        wrapped_key.extend_from_slice(&tag);
        Ok(PasswordSlot {
            salt,
            cost,
            nonce,
            wrapped_key,
            repaired: slot
                .get("repaired")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    /// The master key, or `None` when the password is not this slot's.
    fn unwrap(
        &self,
        password: &[u8],
    ) -> std::result::Result<Option<Zeroizing<Vec<u8>>>, ReadError> {
        let mut derived = Zeroizing::new([0u8; KEY_LEN]);
        scrypt::scrypt(password, &self.salt, &self.cost, derived.as_mut())
            .map_err(|_| ReadError::damaged("its password settings (scrypt) are not possible."))?;
        match aes_gcm_open(derived.as_ref(), &self.nonce, &self.wrapped_key, &[]) {
            Ok(master_key) => Ok(Some(master_key)),
            Err(ReadError::WrongPassword) => Ok(None),
            Err(other) => Err(other),
        }
    }
}

fn text_of<'a>(object: &'a Map<String, Value>, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Checks scrypt's settings against the limits before anything is derived.
fn scrypt_cost(n: u64, r: u64, p: u64) -> std::result::Result<scrypt::Params, ReadError> {
    let memory = n.checked_mul(r).and_then(|nr| nr.checked_mul(128));
    if memory.is_none_or(|m| m > MAX_SCRYPT_MEMORY) || p > MAX_SCRYPT_P {
        return Err(ReadError::Unsupported(format!(
            "its password settings would make Keystep work far longer than Aegis does (scrypt N={n}, r={r}, p={p}; Aegis uses N=32768, r=8, p=1), so Keystep does not try them."
        )));
    }
    let impossible = || {
        ReadError::damaged(format!(
            "its password settings (scrypt N={n}, r={r}, p={p}) are not possible."
        ))
    };
    if n < 2 || !n.is_power_of_two() {
        return Err(impossible());
    }
    let log_n = u8::try_from(n.trailing_zeros()).map_err(|_| impossible())?;
    let r = u32::try_from(r).map_err(|_| impossible())?;
    let p = u32::try_from(p).map_err(|_| impossible())?;
    scrypt::Params::new(log_n, r, p, KEY_LEN).map_err(|_| impossible())
}

/// The `{nonce, tag}` pair Aegis stores beside each ciphertext, checked for length.
fn nonce_and_tag(
    params: &Map<String, Value>,
    whose: &str,
) -> std::result::Result<(Vec<u8>, Vec<u8>), ReadError> {
    let nonce = hex(text_of(params, "nonce"), &format!("{whose} nonce"))?;
    let tag = hex(text_of(params, "tag"), &format!("{whose} tag"))?;
    if nonce.len() != NONCE_LEN || tag.len() != TAG_LEN {
        return Err(ReadError::damaged(format!(
            "its {whose} nonce or tag has the wrong length."
        )));
    }
    Ok((nonce, tag))
}

/// One account to write into an Aegis export.
pub struct ExportAccount<'a> {
    /// The service, as Aegis shows it above the code.
    pub issuer: &'a str,
    /// The account at that service.
    pub name: &'a str,
    /// The secret key's bytes (written as base32 without padding, as Aegis does).
    pub secret: &'a [u8],
    pub kind: OtpKind,
    /// Written as is for TOTP and HOTP; Steam is always SHA1.
    pub algorithm: Algorithm,
    /// Written as is for TOTP and HOTP; Steam always has 5 characters.
    pub digits: u8,
    /// Time step in seconds (TOTP and Steam).
    pub period: u64,
    /// The next counter value (HOTP).
    pub counter: u64,
}

/// Writes an Aegis export of `entries`: plain without a password, encrypted with one (scrypt with
/// Aegis's own settings, so it takes Aegis as long to open as its own exports).
pub fn write(
    entries: &[ExportAccount<'_>],
    password: Option<&SecretString>,
) -> Result<Zeroizing<Vec<u8>>> {
    write_with(entries, password, WRITE_COST)
}

/// scrypt's settings for writing (lower only in tests, to keep them fast).
#[derive(Clone, Copy)]
struct ScryptCost {
    log_n: u8,
    r: u32,
    p: u32,
}

fn write_with(
    entries: &[ExportAccount<'_>],
    password: Option<&SecretString>,
    cost: ScryptCost,
) -> Result<Zeroizing<Vec<u8>>> {
    let content = Content {
        version: CONTENT_VERSION,
        entries: entries
            .iter()
            .map(EntryOut::new)
            .collect::<Result<Vec<_>>>()?,
        groups: &[],
        icons_optimized: true,
    };
    let capacity = 256
        + entries
            .iter()
            .map(|e| 512 + 6 * (e.issuer.len() + e.name.len()) + 2 * e.secret.len())
            .sum::<usize>();
    let Some(password) = password else {
        return to_json(
            &File {
                version: FILE_VERSION,
                header: Header {
                    slots: None,
                    params: None,
                },
                db: &content,
            },
            capacity,
        );
    };
    let plaintext = to_json(&content, capacity)?;
    let master_key = random::<KEY_LEN>()?;
    let db_nonce = random::<NONCE_LEN>()?;
    let (ciphertext, db_params) = seal(master_key.as_ref(), &db_nonce, &plaintext)?;
    let slot = Slot::new(password, master_key.as_ref(), cost)?;
    to_json(
        &File {
            version: FILE_VERSION,
            header: Header {
                slots: Some(vec![slot]),
                params: Some(db_params),
            },
            db: data_encoding::BASE64.encode(&ciphertext),
        },
        capacity * 2,
    )
}

/// Serializes into a buffer sized up front, so that no copy of the secrets is left behind by a
/// reallocation in the usual case.
fn to_json(value: &impl Serialize, capacity: usize) -> Result<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::with_capacity(capacity));
    serde_json::to_writer(&mut *out, value).map_err(|_| Error::VaultEncode {
        detail: "the Aegis export could not be written as JSON".into(),
    })?;
    Ok(out)
}

fn random<const N: usize>() -> Result<Zeroizing<[u8; N]>> {
    let mut bytes = Zeroizing::new([0u8; N]);
    getrandom::fill(bytes.as_mut()).map_err(|_| Error::Random {
        purpose: "make the keys of the Aegis export",
    })?;
    Ok(bytes)
}

fn random_uuid() -> Result<String> {
    let bytes = random::<16>()?;
    Ok(uuid::Builder::from_random_bytes(*bytes)
        .into_uuid()
        .to_string())
}

/// AES-256-GCM as Aegis stores it: the ciphertext, and the nonce and tag apart.
fn seal(key: &[u8], nonce: &[u8; NONCE_LEN], plaintext: &[u8]) -> Result<(Vec<u8>, NonceAndTag)> {
    let mut sealed = aes_gcm_seal(key, nonce, plaintext, &[]);
    let tag_at = sealed
        .len()
        .checked_sub(TAG_LEN)
        .ok_or_else(|| Error::VaultEncode {
            detail: "encrypting the Aegis export failed".into(),
        })?;
    let tag = sealed.split_off(tag_at);
    Ok((
        sealed,
        NonceAndTag {
            nonce: data_encoding::HEXLOWER.encode(nonce),
            tag: data_encoding::HEXLOWER.encode(&tag),
        },
    ))
}

#[derive(Serialize)]
struct File<Db: Serialize> {
    version: u64,
    header: Header,
    db: Db,
}

#[derive(Serialize)]
struct Header {
    slots: Option<Vec<Slot>>,
    params: Option<NonceAndTag>,
}

#[derive(Serialize)]
struct NonceAndTag {
    nonce: String,
    tag: String,
}

#[derive(Serialize)]
struct Slot {
    #[serde(rename = "type")]
    kind: u64,
    uuid: String,
    key: String,
    key_params: NonceAndTag,
    n: u64,
    r: u32,
    p: u32,
    salt: String,
    repaired: bool,
    is_backup: bool,
}

impl Slot {
    /// A password slot wrapping `master_key` with the key scrypt derives from `password`.
    fn new(password: &SecretString, master_key: &[u8], cost: ScryptCost) -> Result<Self> {
        let encode_failed = || Error::VaultEncode {
            detail: "deriving the Aegis export's key failed".into(),
        };
        let params = scrypt::Params::new(cost.log_n, cost.r, cost.p, KEY_LEN)
            .map_err(|_| encode_failed())?;
        let salt = random::<32>()?;
        let mut derived = Zeroizing::new([0u8; KEY_LEN]);
        scrypt::scrypt(
            password.expose().as_bytes(),
            salt.as_ref(),
            &params,
            derived.as_mut(),
        )
        .map_err(|_| encode_failed())?;
        let nonce = random::<NONCE_LEN>()?;
        let (wrapped, key_params) = seal(derived.as_ref(), &nonce, master_key)?;
        Ok(Slot {
            kind: PASSWORD_SLOT,
            uuid: random_uuid()?,
            key: data_encoding::HEXLOWER.encode(&wrapped),
            key_params,
            n: 1u64 << cost.log_n,
            r: cost.r,
            p: cost.p,
            salt: data_encoding::HEXLOWER.encode(salt.as_ref()),
            repaired: true,
            is_backup: false,
        })
    }
}

#[derive(Serialize)]
struct Content<'a> {
    version: u64,
    entries: Vec<EntryOut<'a>>,
    groups: &'static [&'static str],
    icons_optimized: bool,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    uuid: String,
    name: &'a str,
    issuer: &'a str,
    note: &'static str,
    favorite: bool,
    icon: Option<&'static str>,
    groups: &'static [&'static str],
    info: InfoOut,
}

#[derive(Serialize)]
struct InfoOut {
    secret: Zeroizing<String>,
    algo: &'static str,
    digits: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counter: Option<u64>,
}

impl<'a> EntryOut<'a> {
    fn new(account: &ExportAccount<'a>) -> Result<Self> {
        let (kind, algorithm, digits) = match account.kind {
            OtpKind::Totp => ("totp", account.algorithm, account.digits),
            OtpKind::Hotp => ("hotp", account.algorithm, account.digits),
            // Aegis's Steam entries are always SHA1 with 5 characters.
            OtpKind::Steam => ("steam", Algorithm::Sha1, STEAM_DIGITS),
        };
        let (period, counter) = match account.kind {
            OtpKind::Hotp => (None, Some(account.counter)),
            OtpKind::Totp | OtpKind::Steam => (Some(account.period), None),
        };
        Ok(EntryOut {
            kind,
            uuid: random_uuid()?,
            name: account.name,
            issuer: account.issuer,
            note: "",
            favorite: false,
            icon: None,
            groups: &[],
            info: InfoOut {
                secret: Zeroizing::new(data_encoding::BASE32_NOPAD.encode(account.secret)),
                algo: algorithm.as_str(),
                digits,
                period,
                counter,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::import::test_support::{assert_expected, lines};
    use crate::import::{Format, detect};

    const PLAIN: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/aegis-plain/aegis-export-plain-20260101-120000.json"
    );
    const PLAIN_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/aegis-plain/expected.txt");
    const ENCRYPTED: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/aegis-encrypted/aegis-export-20260101-120000.json"
    );
    const ENCRYPTED_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/aegis-encrypted/expected.txt");
    const PASSWORD: &str =
        include_str!("../../../../tests/fixtures/imports/aegis-encrypted/password.txt");
    /// scrypt at N=16: for tests that write or mutate many encrypted files.
    const CHEAP: ScryptCost = ScryptCost {
        log_n: 4,
        r: 8,
        p: 1,
    };

    fn read(bytes: &[u8], password: Option<&str>) -> std::result::Result<Vec<Item>, ReadError> {
        let password = password.map(SecretString::from);
        Aegis.read(&Input::new(bytes), password.as_ref(), &mut Vec::new())
    }

    fn read_json(
        file: &Value,
        password: Option<&str>,
    ) -> std::result::Result<Vec<Item>, ReadError> {
        read(&serde_json::to_vec(file).unwrap(), password)
    }

    fn reason(error: ReadError) -> String {
        match error {
            ReadError::Damaged(r) | ReadError::Unsupported(r) => r,
            other => panic!("not a reason: {other:?}"),
        }
    }

    fn encrypted_json() -> Value {
        serde_json::from_slice(ENCRYPTED).unwrap()
    }

    /// The fixture's password slot (the second; the first is a fingerprint's).
    fn password_slot(file: &mut Value) -> &mut Value {
        &mut file["header"]["slots"][1]
    }

    fn exports_of(items: &[Item]) -> Vec<ExportAccount<'_>> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Account { account, .. } => Some(ExportAccount {
                    issuer: &account.issuer,
                    name: &account.name,
                    secret: account.secret.expose(),
                    kind: account.params.kind,
                    algorithm: account.params.algorithm,
                    digits: account.params.digits,
                    period: account.params.period,
                    counter: account.params.counter,
                }),
                Item::Skipped { .. } => None,
            })
            .collect()
    }

    fn accounts_only(expected: &str) -> String {
        expected
            .lines()
            .filter(|l| !l.starts_with("SKIP "))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn detects_aegis_exports_and_no_other_shape() {
        for bytes in [PLAIN, ENCRYPTED] {
            let input = Input::new(bytes);
            assert!(Aegis.detect(&input));
            assert_eq!(detect(&input), Some(Format::Aegis));
        }
        for other in [
            "{}",
            r#"{"version":1,"header":{}}"#,
            r#"{"schemaVersion":4,"services":[]}"#,
            r#"{"version":1,"salt":"AA","content":"AA"}"#,
            r#"{"version":1,"kdfParams":{},"encryptedData":"","encryptionNonce":""}"#,
            r#"[{"secret":"JBSWY3DPEHPK3PXP","type":"TOTP","label":"a"}]"#,
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\n",
            "\u{89}PNG",
        ] {
            assert!(!Aegis.detect(&Input::new(other.as_bytes())), "{other}");
        }
    }

    #[test]
    fn reads_the_plain_fixture_and_skips_motp_and_yandex_with_reasons() {
        let items = read(PLAIN, None).unwrap();
        assert_expected(&items, PLAIN_EXPECTED);
        let got = lines(&items);
        assert!(
            got.contains(
                &"SKIP Old VPN:dave: it is an mOTP entry, a kind of code Keystep does not support."
                    .to_string()
            )
        );
        assert!(
            got.contains(
                &"SKIP Yandex:erin: it is a Yandex entry, a kind of code Keystep does not support."
                    .to_string()
            )
        );
        assert_eq!(items[0].label(), "Example:alice@example.com");
    }

    #[test]
    fn reads_the_encrypted_fixture_with_its_password() {
        let items = read(ENCRYPTED, Some(PASSWORD)).unwrap();
        assert_expected(&items, ENCRYPTED_EXPECTED);
    }

    #[test]
    fn an_encrypted_export_needs_the_right_password() {
        assert!(matches!(
            read(ENCRYPTED, None),
            Err(ReadError::PasswordNeeded)
        ));
        assert!(matches!(
            read(ENCRYPTED, Some("correct horse battery stapler")),
            Err(ReadError::WrongPassword)
        ));
    }

    #[test]
    fn a_file_only_a_fingerprint_opens_says_to_export_with_a_password() {
        let mut file = encrypted_json();
        file["header"]["slots"].as_array_mut().unwrap().truncate(1);
        let got = reason(read_json(&file, Some(PASSWORD)).unwrap_err());
        assert_eq!(got, FINGERPRINT_ONLY);
    }

    #[test]
    fn newer_formats_are_refused_in_words() {
        let mut file: Value = serde_json::from_slice(PLAIN).unwrap();
        file["version"] = json!(2);
        let err = read_json(&file, None).unwrap_err();
        assert!(
            matches!(&err, ReadError::Unsupported(r) if r.contains("newer version of Aegis")),
            "{err:?}"
        );
        file["version"] = json!(1);
        file["db"]["version"] = json!(4);
        let err = read_json(&file, None).unwrap_err();
        assert!(
            matches!(&err, ReadError::Unsupported(r) if r.contains("newer format")),
            "{err:?}"
        );
    }

    #[test]
    fn scrypt_settings_beyond_the_limits_are_refused_before_any_work() {
        // 128 * 8 * 2^22 is 4 GiB: deriving would take seconds and gigabytes.
        for (n, r, p) in [
            (1u64 << 22, 8u64, 1u64),
            (1 << 15, 8, 17),
            (1 << 62, 1 << 40, 1),
        ] {
            let mut file = encrypted_json();
            let slot = password_slot(&mut file);
            slot["n"] = json!(n);
            slot["r"] = json!(r);
            slot["p"] = json!(p);
            let err = read_json(&file, Some(PASSWORD)).unwrap_err();
            assert!(
                matches!(&err, ReadError::Unsupported(r) if r.contains("Aegis uses N=32768")),
                "{err:?}"
            );
        }
        let mut file = encrypted_json();
        password_slot(&mut file)["n"] = json!(1000);
        let err = reason(read_json(&file, None).unwrap_err());
        assert!(err.contains("not possible"), "{err}");
    }

    #[test]
    fn damaged_files_say_what_is_wrong() {
        let cut = &PLAIN[..PLAIN.len() / 2];
        assert!(matches!(read(cut, None), Err(ReadError::Damaged(_))));
        type Damage = fn(&mut Value);
        let cases: [(&str, Damage); 6] = [
            ("header is missing", |f| f["header"] = json!(null)),
            ("not valid base64", |f| f["db"] = json!("!!!")),
            ("nonce is not valid hexadecimal", |f| {
                f["header"]["params"]["nonce"] = json!("xyz")
            }),
            ("wrong length", |f| {
                f["header"]["params"]["tag"] = json!("00")
            }),
            ("slots", |f| f["header"]["slots"] = json!({})),
            ("wrapped key has the wrong length", |f| {
                f["header"]["slots"][1]["key"] = json!("0011")
            }),
        ];
        for (words, damage) in cases {
            let mut file = encrypted_json();
            damage(&mut file);
            let err = reason(read_json(&file, Some(PASSWORD)).unwrap_err());
            assert!(err.contains(words), "{words}: {err}");
        }
        let mut plain: Value = serde_json::from_slice(PLAIN).unwrap();
        plain["db"]["entries"] = json!(null);
        assert!(reason(read_json(&plain, None).unwrap_err()).contains("list of accounts"));
        // Accounts that do not match the master key: the key opened, so the file was changed.
        let mut file = encrypted_json();
        file["header"]["params"]["tag"] = json!("00".repeat(16));
        let err = reason(read_json(&file, Some(PASSWORD)).unwrap_err());
        assert!(err.contains("changed or is damaged"), "{err}");
    }

    #[test]
    fn entries_keystep_cannot_use_are_skipped_and_none_is_lost() {
        let info = json!({"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 30});
        let entry = |kind: &str, info: Value| json!({"type": kind, "issuer": "I", "name": "n", "info": info});
        let entries = json!([
            "not an entry",
            entry("totp", json!({"secret": "JBSWY3DPEHPK3PX0"})),
            entry("totp", json!({"secret": ""})),
            entry(
                "totp",
                json!({"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA224"})
            ),
            entry("totp", json!({"secret": "JBSWY3DPEHPK3PXP", "digits": 300})),
            entry("totp", json!({"secret": "JBSWY3DPEHPK3PXP", "period": -1})),
            entry("totp", json!({"secret": "JBSWY3DPEHPK3PXP", "period": 0})),
            entry("push", info.clone()),
            entry("", info.clone()),
            json!({"type": "totp", "issuer": "I", "name": "n"}),
            // Text numbers (org.json reads them) and a Hmac-prefixed algorithm are read.
            entry(
                "totp",
                json!({"secret": "jbsw y3dp ehpk 3pxp", "algo": "HmacSHA1", "digits": "6", "period": "30"})
            ),
        ]);
        let file = json!({"version": 1, "header": {"slots": null, "params": null},
            "db": {"version": 1, "entries": entries}});
        let got = lines(&read_json(&file, None).unwrap());
        let want = [
            "SKIP entry 1: it is not an account (the file may be damaged).",
            "SKIP I:n: The setup key",
            "SKIP I:n: it has no setup key.",
            "SKIP I:n: it uses the SHA224 algorithm, which Keystep does not support.",
            "SKIP I:n: its number of digits (300) is not possible.",
            "SKIP I:n: its time step is not a whole number.",
            "SKIP I:n: The time step",
            "SKIP I:n: its kind of code (\"push\") is not one Keystep knows.",
            "SKIP I:n: it does not say what kind of code it makes.",
            "SKIP I:n: its code settings are missing.",
            "I|n|Totp|260025",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (got, want) in got.iter().zip(want) {
            assert!(got.starts_with(want), "{got} is not {want}");
            assert!(
                !got.contains("JBSWY3DP"),
                "a reason repeats the secret: {got}"
            );
        }
    }

    #[test]
    fn an_old_aegis_file_with_a_long_password_gets_its_own_sentence() {
        let long = "a password longer than sixty-four bytes, as some people choose them!!";
        let items = read(PLAIN, None).unwrap();
        let written =
            write_with(&exports_of(&items), Some(&SecretString::from(long)), CHEAP).unwrap();
        let mut file: Value = serde_json::from_slice(&written).unwrap();
        let wrong = format!("{long}?");
        assert!(matches!(
            read_json(&file, Some(&wrong)),
            Err(ReadError::WrongPassword)
        ));
        file["header"]["slots"][0]["repaired"] = json!(false);
        let err = reason(read_json(&file, Some(&wrong)).unwrap_err());
        assert_eq!(err, OLD_AEGIS);
        assert!(matches!(
            read_json(&file, Some("short")),
            Err(ReadError::WrongPassword)
        ));
    }

    #[test]
    fn a_plain_export_written_reads_back_with_the_same_codes() {
        let items = read(PLAIN, None).unwrap();
        let written = write(&exports_of(&items), None).unwrap();
        let back = read(&written, None).unwrap();
        assert_expected(&back, &accounts_only(PLAIN_EXPECTED));

        let file: Value = serde_json::from_slice(&written).unwrap();
        assert_eq!(file["version"], 1);
        assert_eq!(file["header"], json!({"slots": null, "params": null}));
        let db = &file["db"];
        assert_eq!(
            (&db["version"], &db["groups"], &db["icons_optimized"]),
            (&json!(3), &json!([]), &json!(true))
        );
        let entries = db["entries"].as_array().unwrap();
        for entry in entries {
            let id = uuid::Uuid::parse_str(entry["uuid"].as_str().unwrap()).unwrap();
            assert_eq!(id.get_version_num(), 4);
            assert_eq!(
                (
                    &entry["note"],
                    &entry["favorite"],
                    &entry["icon"],
                    &entry["groups"]
                ),
                (&json!(""), &json!(false), &json!(null), &json!([]))
            );
            assert!(!entry["info"]["secret"].as_str().unwrap().contains('='));
        }
        let hotp = entries.iter().find(|e| e["type"] == "hotp").unwrap();
        assert_eq!(hotp["info"]["counter"], 5);
        assert!(hotp["info"].get("period").is_none());
        let steam = entries.iter().find(|e| e["type"] == "steam").unwrap();
        assert_eq!(
            (
                &steam["info"]["digits"],
                &steam["info"]["period"],
                &steam["info"]["algo"]
            ),
            (&json!(5), &json!(30), &json!("SHA1"))
        );
    }

    #[test]
    fn an_encrypted_export_written_reads_back_with_the_same_codes() {
        let items = read(ENCRYPTED, Some(PASSWORD)).unwrap();
        let password = SecretString::from(PASSWORD);
        let written = write(&exports_of(&items), Some(&password)).unwrap();
        assert!(matches!(
            read(&written, None),
            Err(ReadError::PasswordNeeded)
        ));
        assert!(matches!(
            read(&written, Some("nope")),
            Err(ReadError::WrongPassword)
        ));
        let back = read(&written, Some(PASSWORD)).unwrap();
        assert_expected(&back, &accounts_only(ENCRYPTED_EXPECTED));

        let file: Value = serde_json::from_slice(&written).unwrap();
        let slots = file["header"]["slots"].as_array().unwrap();
        assert_eq!(slots.len(), 1);
        let slot = &slots[0];
        assert_eq!(
            (&slot["type"], &slot["n"], &slot["r"], &slot["p"]),
            (&json!(1), &json!(32768), &json!(8), &json!(1))
        );
        assert_eq!(
            (&slot["repaired"], &slot["is_backup"]),
            (&json!(true), &json!(false))
        );
        assert_eq!(slot["salt"].as_str().unwrap().len(), 64);
        assert_eq!(slot["key"].as_str().unwrap().len(), 64);
        assert_eq!(file["header"]["params"]["tag"].as_str().unwrap().len(), 32);
        assert!(file["db"].is_string());
        let text = String::from_utf8(written.to_vec()).unwrap();
        for item in &items {
            if let Item::Account { account, .. } = item {
                let secret = crate::otp::secret::encode_base32(&account.secret);
                assert!(!text.contains(secret.as_str()), "a secret is in the clear");
            }
        }
    }

    #[test]
    fn an_empty_export_is_written_and_read() {
        let written = write(&[], None).unwrap();
        assert!(read(&written, None).unwrap().is_empty());
    }

    fn cheap_encrypted() -> Zeroizing<Vec<u8>> {
        let items = read(PLAIN, None).unwrap();
        write_with(&exports_of(&items), Some(&SecretString::from("pw")), CHEAP).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = Aegis.detect(&input);
            let _ = Aegis.read(&input, Some(&SecretString::from("pw")), &mut Vec::new());
        }

        #[test]
        fn cut_or_changed_plain_exports_never_panic(cut in 0usize..PLAIN.len(), at in 0usize..PLAIN.len(), byte in any::<u8>()) {
            let _ = read(&PLAIN[..cut], None);
            let mut changed = PLAIN.to_vec();
            changed[at] = byte;
            let _ = read(&changed, None);
        }

        #[test]
        fn cut_or_changed_encrypted_exports_never_panic(cut in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let sample = cheap_encrypted();
            let _ = read(&sample[..cut.index(sample.len())], Some("pw"));
            let mut changed = sample.to_vec();
            changed[at.index(sample.len())] = byte;
            let _ = read(&changed, Some("pw"));
        }
    }
}
