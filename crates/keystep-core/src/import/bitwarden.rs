//! Bitwarden's exports (docs/import-formats.md §7): the password manager's unencrypted `.json` and
//! `.csv`, and the Bitwarden Authenticator app's `.json` and `.csv`.
//!
//! A password-manager item is an entry only when its login has a verification code (`totp`): an
//! `otpauth://` link, `steam://KEY`, or a bare base32 key (TOTP, SHA1, 6 digits, 30 s, named by the
//! item's name and username). Logins without one, notes and cards are no entries at all. Encrypted
//! exports are refused with the way out: export again without encryption.

use super::{Importer, Input, Item, RawEntry, ReadError, label_of, read_link};
use crate::error::Error;
use crate::otp::secret::decode_base32;
use crate::sensitive::SecretString;

/// The reader of Bitwarden's and Bitwarden Authenticator's exports.
pub struct Bitwarden;

const ENCRYPTED: &str = "it is an encrypted Bitwarden export: in Bitwarden, export again as .json (not encrypted), import it, then delete that file.";

const NOT_BITWARDEN: &str = "it is not a Bitwarden export (a .json file with \"items\", or a .csv file with a login_totp column).";

/// The CSV column that holds the verification code, in both apps' CSV exports.
const TOTP_COLUMN: &str = "login_totp";

impl Importer for Bitwarden {
    fn detect(&self, input: &Input<'_>) -> bool {
        input.object().is_some_and(is_json_export) || csv_text(input).is_some()
    }

    fn read(
        &self,
        input: &Input<'_>,
        _password: Option<&SecretString>,
        warnings: &mut Vec<String>,
    ) -> Result<Vec<Item>, ReadError> {
        let items = if let Some(object) = input.object().filter(|o| is_json_export(o)) {
            read_json(object)?
        } else if let Some(text) = csv_text(input) {
            read_csv(text)?
        } else {
            return Err(ReadError::damaged(NOT_BITWARDEN));
        };
        if items.is_empty() {
            warnings.push(
                "This Bitwarden export has no verification codes: none of its logins has a TOTP key."
                    .into(),
            );
        }
        Ok(items)
    }
}

/// `{"encrypted": ..., "items": [...]}`, or a password-protected export (which has no `items`).
fn is_json_export(object: &serde_json::Map<String, serde_json::Value>) -> bool {
    object
        .get("encrypted")
        .is_some_and(serde_json::Value::is_boolean)
        && (object.contains_key("items") || object.contains_key("passwordProtected"))
}

/// The text when its first line is a CSV header with a `login_totp` column.
fn csv_text<'a>(input: &Input<'a>) -> Option<&'a str> {
    let text = input.text?.trim_start_matches('\u{feff}');
    let header = text.lines().next()?;
    header
        .split(',')
        .any(|column| {
            column
                .trim()
                .trim_matches('"')
                .eq_ignore_ascii_case(TOTP_COLUMN)
        })
        .then_some(text)
}

fn read_json(object: &serde_json::Map<String, serde_json::Value>) -> Result<Vec<Item>, ReadError> {
    let encrypted = object.get("encrypted").and_then(serde_json::Value::as_bool) == Some(true);
    if encrypted || object.contains_key("passwordProtected") {
        return Err(ReadError::Unsupported(ENCRYPTED.into()));
    }
    let items = object
        .get("items")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| ReadError::damaged("its list of items is missing or damaged."))?;
    Ok(items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| json_item(item, &format!("item {}", index + 1)))
        .collect())
}

/// One item of the JSON export, or `None` when it has no verification code (no entry).
fn json_item(item: &serde_json::Value, fallback: &str) -> Option<Item> {
    let Some(item) = item.as_object() else {
        return Some(Item::skipped(
            fallback,
            "it is damaged (it is not an item).",
        ));
    };
    let login = item.get("login")?.as_object()?;
    let text = |map: &serde_json::Map<String, serde_json::Value>, key: &str| {
        map.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let names = Names {
        item: text(item, "name"),
        username: text(login, "username"),
        // Bitwarden Authenticator writes a login with its link alone, and HTML-escapes the link's
        // label; the password manager's logins always carry username and password too.
        html_escaped: login.keys().all(|key| key == "totp"),
    };
    match login.get("totp")? {
        serde_json::Value::Null => None,
        serde_json::Value::String(totp) if totp.trim().is_empty() => None,
        serde_json::Value::String(totp) => Some(entry(totp, &names, fallback)),
        _ => Some(Item::skipped(
            names.label(fallback),
            "its verification code key is not text.",
        )),
    }
}

fn read_csv(text: &str) -> Result<Vec<Item>, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|_| ReadError::damaged("its first line (the column names) cannot be read."))?
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let columns = Columns {
        totp: column(TOTP_COLUMN)
            .ok_or_else(|| ReadError::damaged("it has no login_totp column."))?,
        name: column("name"),
        username: column("login_username"),
    };
    let mut items = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record
            .map_err(|_| ReadError::damaged(format!("row {} cannot be read as CSV.", index + 2)))?;
        let row = record
            .position()
            .map_or(index as u64 + 2, |position| position.line());
        if let Some(item) = csv_row(&record, &columns, &format!("row {row}")) {
            items.push(item);
        }
    }
    Ok(items)
}

/// Where the columns are, found by their names in the header.
struct Columns {
    totp: usize,
    name: Option<usize>,
    username: Option<usize>,
}

/// One CSV row, or `None` when it has no verification code.
fn csv_row(record: &csv::StringRecord, columns: &Columns, fallback: &str) -> Option<Item> {
    let field = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or_default();
    if columns.username.is_some() {
        let totp = field(Some(columns.totp));
        let names = Names {
            item: field(columns.name).to_string(),
            username: field(columns.username).to_string(),
            html_escaped: false,
        };
        return (!totp.trim().is_empty()).then(|| entry(totp, &names, fallback));
    }
    // Bitwarden Authenticator: `,,1,<issuer>,,<link>,<issuer>,<period>,<digits>`, unquoted, so an
    // issuer with a comma shifts the link to the right; it is found by its scheme.
    let name_at = columns.name.unwrap_or(3);
    let (link_at, link) = record
        .iter()
        .enumerate()
        .skip(name_at + 1)
        .find(|(_, field)| is_link(field))
        .or_else(|| Some((columns.totp, record.get(columns.totp)?)))?;
    let issuer: Vec<&str> = record
        .iter()
        .skip(name_at)
        .take(link_at.saturating_sub(name_at + 1).max(1))
        .collect();
    let names = Names {
        item: issuer.join(","),
        username: String::new(),
        html_escaped: true,
    };
    (!link.trim().is_empty()).then(|| entry(link, &names, fallback))
}

/// What the item (or row) names, for links and keys that carry no names of their own.
struct Names {
    item: String,
    username: String,
    /// Bitwarden Authenticator's links: `&` in the label is written `&amp;`.
    html_escaped: bool,
}

impl Names {
    fn label(&self, fallback: &str) -> String {
        label_of(&self.item, &self.username, fallback)
    }
}

fn is_link(text: &str) -> bool {
    starts_with_ignore_case(text, "otpauth://") || starts_with_ignore_case(text, "steam://")
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.trim_start()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// One verification code: a link or a bare key, named by the item where it names nothing itself.
fn entry(totp: &str, names: &Names, fallback: &str) -> Item {
    let totp = totp.trim();
    let raw = if is_link(totp) {
        link_entry(totp, names)
    } else if totp.contains("://") {
        return Item::skipped(
            names.label(fallback),
            "its verification code is a kind of link Keystep does not read (only otpauth:// and steam:// links).",
        );
    } else {
        decode_base32(totp).map(|secret| RawEntry::totp(&names.item, &names.username, secret))
    };
    match raw {
        Ok(raw) => raw.into_item(fallback),
        Err(e) => {
            let label =
                link_label(totp, names.html_escaped).unwrap_or_else(|| names.label(fallback));
            Item::skipped(label, e.to_string())
        }
    }
}

/// The label of a link Keystep could not read ("Issuer:account"), to name it in the report: a
/// Bitwarden Authenticator row has no account name of its own.
fn link_label(link: &str, html_escaped: bool) -> Option<String> {
    let rest = link.trim().get("otpauth://".len()..)?;
    if !starts_with_ignore_case(link, "otpauth://") {
        return None;
    }
    let (_, after_type) = rest.split_once('/')?;
    let raw = after_type.split(['?', '#']).next().unwrap_or_default();
    let label = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
    let label = if html_escaped {
        html_unescape(&label)
    } else {
        label.into_owned()
    };
    let label = label.trim();
    (!label.is_empty()).then(|| label.to_string())
}

/// Reads a link, then fills in the names it lacks from the item.
fn link_entry(link: &str, names: &Names) -> Result<RawEntry, Error> {
    let (mut issuer, mut name, secret, params) = if starts_with_ignore_case(link, "steam://") {
        // A steam:// link has no names: the item's name is the better one, then "Steam".
        let account = read_link(link)?;
        let issuer = if names.item.trim().is_empty() {
            account.issuer
        } else {
            names.item.clone()
        };
        (issuer, account.name, account.secret, account.params)
    } else {
        let parsed = crate::otp::uri::parse(link)?;
        (parsed.issuer, parsed.name, parsed.secret, parsed.params)
    };
    if names.html_escaped {
        issuer = html_unescape(&issuer);
        name = html_unescape(&name);
    }
    // A label of the issuer alone ("otpauth://totp/GitHub?issuer=GitHub") names no account.
    if name.trim() == issuer.trim() {
        name.clear();
    }
    if issuer.trim().is_empty() {
        issuer.clone_from(&names.item);
    }
    if name.trim().is_empty() {
        name.clone_from(&names.username);
    }
    Ok(RawEntry {
        issuer,
        name,
        secret,
        kind: params.kind,
        algorithm: params.algorithm,
        digits: params.digits,
        period: params.period,
        counter: params.counter,
    })
}

/// Undoes Android's `htmlEncode`, in one pass so that `&amp;lt;` stays `&lt;`.
fn html_unescape(text: &str) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (before, tail) = rest.split_at(at);
        out.push_str(before);
        match ENTITIES.iter().find(|(entity, _)| tail.starts_with(entity)) {
            Some((entity, ch)) => {
                out.push(*ch);
                rest = tail.get(entity.len()..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::test_support::{assert_lines, damage, lines};
    use proptest::prelude::*;

    const JSON: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/bitwarden-json/bitwarden_export_20260101120000.json"
    );
    const JSON_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/bitwarden-json/expected.txt");
    const CSV: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/bitwarden-csv/bitwarden_export_20260101120000.csv"
    );
    const CSV_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/bitwarden-csv/expected.txt");
    const AUTH_CSV: &[u8] = include_bytes!(
        "../../../../tests/fixtures/imports/bitwarden-authenticator-csv/authenticator_export_20260101120000.csv"
    );
    const AUTH_CSV_EXPECTED: &str =
        include_str!("../../../../tests/fixtures/imports/bitwarden-authenticator-csv/expected.txt");

    fn read(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
        let input = Input::new(bytes);
        Bitwarden
            .read(&input, None, &mut Vec::new())
            .map(|items| lines(&items))
    }

    #[test]
    fn reads_the_password_manager_json_fixture() {
        assert!(Bitwarden.detect(&Input::new(JSON)));
        assert_lines(&read(JSON).unwrap(), JSON_EXPECTED);
    }

    #[test]
    fn reads_the_password_manager_csv_fixture() {
        assert!(Bitwarden.detect(&Input::new(CSV)));
        assert_lines(&read(CSV).unwrap(), CSV_EXPECTED);
    }

    #[test]
    fn reads_the_authenticator_csv_fixture_with_a_comma_in_an_issuer() {
        assert!(Bitwarden.detect(&Input::new(AUTH_CSV)));
        assert_lines(&read(AUTH_CSV).unwrap(), AUTH_CSV_EXPECTED);
    }

    #[test]
    fn detection_of_all_formats_picks_bitwarden_for_every_fixture() {
        for bytes in [JSON, CSV, AUTH_CSV] {
            assert_eq!(
                crate::import::detect(&Input::new(bytes)),
                Some(crate::import::Format::Bitwarden)
            );
        }
    }

    #[test]
    fn reads_authenticator_json_with_escaped_labels() {
        // Codes from tests/fixtures/imports/otp_reference.py (JBSWY3DPEHPK3PXP at AT: 260025).
        let json = r#"{"encrypted":false,"items":[
            {"id":"1","name":"AT&T","folderId":null,"organizationId":null,"collectionIds":null,
             "notes":null,"type":1,"favorite":false,
             "login":{"totp":"otpauth://totp/AT%26amp%3BT%3Ao%26%2339%3Bbrien?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=AT%26T"}},
            {"id":"2","name":"Forum","type":1,"favorite":false,
             "login":{"totp":"otpauth://totp/Forum?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30&issuer=Forum"}},
            {"id":"3","name":"Steam (alt)","type":1,"favorite":false,
             "login":{"totp":"steam://JBSWY3DPEHPK3PXP"}}]}"#;
        let got = read(json.as_bytes()).unwrap();
        assert_eq!(
            got,
            [
                "AT&T|o'brien|Totp|260025",
                "Forum||Totp|260025",
                "Steam (alt)||Steam|TDBRV"
            ]
        );
    }

    #[test]
    fn a_link_without_names_takes_the_items_names() {
        let json = r#"{"encrypted":false,"items":[{"type":1,"name":"Shop","login":
            {"username":"bob","password":null,"uris":[],"totp":"otpauth://totp/?secret=JBSWY3DPEHPK3PXP"}}]}"#;
        assert_eq!(read(json.as_bytes()).unwrap(), ["Shop|bob|Totp|260025"]);
    }

    #[test]
    fn encrypted_exports_are_refused_with_the_way_out() {
        for json in [
            r#"{"encrypted":true,"encKeyValidation_DO_NOT_EDIT":"2.x","folders":[],"items":[]}"#,
            r#"{"encrypted":true,"passwordProtected":true,"salt":"c2FsdA==","kdfType":0,"kdfIterations":600000,"encKeyValidation_DO_NOT_EDIT":"2.x","data":"2.y"}"#,
        ] {
            let input = Input::new(json.as_bytes());
            assert!(Bitwarden.detect(&input), "{json}");
            match Bitwarden.read(&input, None, &mut Vec::new()) {
                Err(ReadError::Unsupported(reason)) => assert_eq!(reason, ENCRYPTED),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn logins_without_codes_are_no_entries_and_an_empty_result_says_why() {
        let json = r#"{"encrypted":false,"folders":[],"items":[
            {"type":1,"name":"Mail","login":{"username":"a","password":"p","totp":null}},
            {"type":1,"name":"Blog","login":{"username":"a","password":"p","totp":"  "}},
            {"type":2,"name":"Note","secureNote":{"type":0}}]}"#;
        let input = Input::new(json.as_bytes());
        let mut warnings = Vec::new();
        let items = Bitwarden.read(&input, None, &mut warnings).unwrap();
        assert!(items.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn bad_codes_are_skipped_with_reasons_that_never_repeat_the_key() {
        let json = r#"{"encrypted":false,"items":[
            {"type":1,"name":"A","login":{"username":"x","totp":"JBSWY3DPEHPK3PX0"}},
            {"type":1,"name":"B","login":{"username":"y","totp":"otpauth-migration://offline?data=AAAA"}},
            {"type":1,"name":"C","login":{"username":"z","totp":42}},
            "not an item"]}"#;
        let got = read(json.as_bytes()).unwrap();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("SKIP A:x: "), "{}", got[0]);
        assert!(!got[0].contains("JBSWY3DPEHPK3PX0"));
        assert!(got[1].starts_with("SKIP B:y: "), "{}", got[1]);
        assert!(!got[1].contains("AAAA"));
        assert!(got[2].starts_with("SKIP C:z: "), "{}", got[2]);
        assert!(got[3].starts_with("SKIP item 4: "), "{}", got[3]);
    }

    #[test]
    fn csv_rows_without_names_are_named_by_row() {
        let csv = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n\
                   ,,login,,,,0,,,,JBSWY3DPEHPK3PX0\n";
        let got = read(csv.as_bytes()).unwrap();
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("SKIP row 2: "), "{}", got[0]);
    }

    #[test]
    fn other_shapes_are_not_detected() {
        for text in [
            "",
            "{}",
            r#"{"items":[]}"#,
            r#"{"encrypted":"no","items":[]}"#,
            r#"{"version":1,"header":{},"db":{}}"#,
            r#"{"tokens":[],"tokenOrder":[]}"#,
            r#"[{"secret":"A","type":"TOTP","label":"x"}]"#,
            "name,url,username\nA,B,C\n",
            "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\n",
        ] {
            assert!(!Bitwarden.detect(&Input::new(text.as_bytes())), "{text}");
        }
    }

    #[test]
    fn other_files_read_as_bitwarden_are_damaged() {
        assert!(matches!(read(b"{}"), Err(ReadError::Damaged(_))));
        assert!(matches!(
            read(br#"{"encrypted":false,"items":"x"}"#),
            Err(ReadError::Damaged(_))
        ));
        assert!(matches!(read(b"\xff\xfe"), Err(ReadError::Damaged(_))));
    }

    #[test]
    fn html_unescape_is_one_pass() {
        assert_eq!(html_unescape("a&amp;lt;b&#39;&x;&"), "a&lt;b'&x;&");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let input = Input::new(&bytes);
            let _ = Bitwarden.detect(&input);
            let _ = Bitwarden.read(&input, None, &mut Vec::new());
        }

        #[test]
        fn never_panics_on_damaged_fixtures(
            which in 0usize..3,
            cut in any::<usize>(),
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        ) {
            let source = [JSON, CSV, AUTH_CSV][which];
            let bytes = damage(source, cut, &flips);
            let input = Input::new(&bytes);
            let _ = Bitwarden.detect(&input);
            let _ = Bitwarden.read(&input, None, &mut Vec::new());
        }
    }
}
