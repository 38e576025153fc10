//! Every name Keystep stores and shows (account issuer and name from a setup link or the form, a rename,
//! phone labels, names of your own services) refuses characters that reorder or hide what is shown, with
//! the field named; and a custom service's web address goes through the official-site check.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keyring_core::mock;
use keystep_core::account::NewAccount;
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::phones::{PhoneKind, PhoneStatus};
use keystep_core::services::ServiceRef;
use keystep_core::{Error, Keystep};

/// The time given to additions in these tests.
const NOW: u64 = 1_764_300_000_000;

const T: u64 = 1_700_000_000_000;
/// RIGHT-TO-LEFT OVERRIDE: "moc.lagyap" then shows as "paypal.com".
const RLO: char = '\u{202E}';

fn open() -> (tempfile::TempDir, Keystep) {
    let dir = tempfile::tempdir().unwrap();
    let kc = Keychain::with_store(mock::Store::new().unwrap());
    let (k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    (dir, k)
}

fn refused(result: Result<impl std::fmt::Debug, Error>, code: &str, field_label: &str) {
    let e = result.unwrap_err();
    assert_eq!(e.code(), code, "{e}");
    let message = e.to_string();
    assert!(
        message.starts_with(&format!("The {field_label} is not valid: ")),
        "{message}"
    );
    assert!(
        message.contains("changes the direction") || message.contains("invisible character"),
        "{message}"
    );
    assert!(!message.contains(RLO), "{message}");
}

fn form(issuer: &str, name: &str) -> NewAccount {
    NewAccount {
        issuer: issuer.into(),
        name: name.into(),
        secret: "JBSWY3DPEHPK3PXP".into(),
        kind: None,
        algorithm: None,
        digits: None,
        period: None,
        counter: None,
    }
}

#[test]
fn setup_links_and_the_form_refuse_direction_tricks_in_issuer_and_name() {
    let (_d, mut k) = open();
    // %E2%80%AE is U+202E, percent-encoded as it would come in a QR code.
    let cases = [
        (
            "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer=%E2%80%AEmoc.lagyap",
            "input.bad_issuer",
            "service name",
        ),
        (
            "otpauth://totp/%E2%80%AEmoc.lagyap:me?secret=JBSWY3DPEHPK3PXP",
            "input.bad_issuer",
            "service name",
        ),
        (
            "otpauth://totp/PayPal:me%E2%81%A6x?secret=JBSWY3DPEHPK3PXP",
            "input.bad_name",
            "account name",
        ),
        (
            "otpauth://totp/Pay%E2%80%8Bpal:me?secret=JBSWY3DPEHPK3PXP",
            "input.bad_issuer",
            "service name",
        ),
    ];
    for (uri, code, label) in cases {
        refused(k.add_uri(uri, T), code, label);
    }
    refused(
        k.add_fields(&form(&format!("{RLO}moc.lagyap"), "me"), T),
        "input.bad_issuer",
        "service name",
    );
    refused(
        k.add_fields(&form("PayPal", &format!("me{RLO}")), T),
        "input.bad_name",
        "account name",
    );
    assert!(k.accounts().unwrap().is_empty(), "nothing was added");

    let ok = k
        .add_uri(
            "otpauth://totp/PayPal:me?secret=JBSWY3DPEHPK3PXP&issuer=PayPal",
            T,
        )
        .unwrap();
    refused(
        k.rename(&ok.id, &format!("{RLO}moc.lagyap"), "me"),
        "input.bad_issuer",
        "service name",
    );
    refused(
        k.rename(&ok.id, "PayPal", "m\u{200B}e"),
        "input.bad_name",
        "account name",
    );
    assert_eq!(
        k.accounts().unwrap()[0].issuer,
        "PayPal",
        "rename changed nothing"
    );
    // Scripts that need joiners keep them.
    let renamed = k.rename(&ok.id, "بنك", "می\u{200C}خواهم").unwrap();
    assert_eq!(renamed.name, "می\u{200C}خواهم");
}

#[test]
fn phone_labels_and_own_service_names_refuse_them_too() {
    let (_d, mut k) = open();
    refused(
        k.add_phone(
            "+12025550143",
            "US",
            &format!("{RLO}elibom"),
            PhoneKind::Mobile,
            NOW,
        ),
        "input.bad_label",
        "label",
    );
    let p = k
        .add_phone("+12025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    refused(
        k.edit_phone(
            &p.id,
            &format!("work{RLO}"),
            PhoneKind::Mobile,
            PhoneStatus::InUse,
        ),
        "input.bad_label",
        "label",
    );
    refused(
        k.add_service(
            ServiceRef::Custom {
                name: format!("{RLO}UC yM"),
                domain: "mycu.org".into(),
            },
            NOW,
        ),
        "input.bad_issuer",
        "service name",
    );
    assert!(k.services().unwrap().is_empty());
}

#[test]
fn a_custom_service_address_goes_through_the_official_site_check() {
    let (_d, mut k) = open();
    let custom = |domain: &str| ServiceRef::Custom {
        name: "Pay".into(),
        domain: domain.into(),
    };
    // Cyrillic "а" in pаypal.com.
    let e = k.add_service(custom("p\u{0430}ypal.com"), NOW).unwrap_err();
    assert_eq!(e.code(), "input.bad_domain");
    let message = e.to_string();
    assert!(
        message.starts_with("The web address is not valid: it imitates PayPal"),
        "{message}"
    );
    assert!(message.contains("xn--"), "{message}");
    for lookalike in [
        "paypa1.com",
        "https://www.irs.gov.refund-help.com/x",
        "paypal.com@evil.example",
    ] {
        let e = k.add_service(custom(lookalike), NOW).unwrap_err();
        assert_eq!(e.code(), "input.bad_domain", "{lookalike}: {e}");
    }
    for (official, id) in [
        ("paypal.com", "paypal"),
        ("https://www.irs.gov/", "irs"),
        ("HTTP://Mail.Google.com", "google"),
    ] {
        let e = k.add_service(custom(official), NOW).unwrap_err();
        assert_eq!(e.code(), "input.bad_domain", "{official}");
        assert!(
            e.to_string()
                .contains(&format!("use the catalog service {id} instead")),
            "{e}"
        );
    }
    let e = k.add_service(custom("not a domain"), NOW).unwrap_err();
    assert_eq!(e.code(), "input.bad_domain");
    assert_eq!(
        e.to_string(),
        "The web address is not valid: \"not a domain\" is not a web address. Type the service's own address, such as mycu.org."
    );
    assert!(k.services().unwrap().is_empty(), "nothing was added");
    let cu = k
        .add_service(
            ServiceRef::Custom {
                name: "My Credit Union".into(),
                domain: "https://online.mycu.org/login".into(),
            },
            NOW,
        )
        .unwrap();
    assert_eq!(
        cu.service,
        ServiceRef::Custom {
            name: "My Credit Union".into(),
            domain: "mycu.org".into()
        }
    );
}
