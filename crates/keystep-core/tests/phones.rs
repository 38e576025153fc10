//! Phone numbers, services, backup codes, the risk review and the change-number planner, through
//! the facade over a real vault file (keyring-core's mock store stands in for the keychain here; the
//! real Secret Service is tested in tests/tests/keychain.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keyring_core::mock;
use keystep_core::Keystep;
use keystep_core::catalog::{Catalog, ServiceKind};
use keystep_core::guides::Library;
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::phones::{PhoneKind, PhoneStatus};
use keystep_core::sensitive::SecretString;
use keystep_core::services::ServiceRef;

/// The time given to additions in these tests.
const NOW: u64 = 1_764_300_000_000;

const T: u64 = 1_798_675_200_000; // 2026-12-31

fn open() -> (tempfile::TempDir, Keychain, Keystep) {
    let dir = tempfile::tempdir().unwrap();
    let kc = Keychain::with_store(mock::Store::new().unwrap());
    let (k, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    (dir, kc, k)
}

fn catalog(id: &str) -> ServiceRef {
    ServiceRef::Catalog { id: id.into() }
}

#[test]
fn numbers_are_stored_as_e164_and_duplicates_refused() {
    let (dir, kc, mut k) = open();
    let mobile = k
        .add_phone("(202) 555-0143", "US", "My mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    assert_eq!(mobile.e164, "+12025550143");
    assert_eq!(mobile.national, "(202) 555-0143");
    let err = k
        .add_phone("+1 202 555 0143", "GB", "again", PhoneKind::Mobile, NOW)
        .unwrap_err();
    assert_eq!(err.code(), "phone.duplicate");
    assert!(err.to_string().contains("My mobile"), "{err}");
    let err = k
        .add_phone("not a number", "US", "x", PhoneKind::Mobile, NOW)
        .unwrap_err();
    assert_eq!(err.code(), "input.bad_phone");
    let err = k
        .edit_phone(
            &mobile.id,
            "My mobile",
            PhoneKind::Mobile,
            PhoneStatus::Leaving {
                on: "next week".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "input.bad_date");

    // Saved in the vault: another process sees it.
    let (mut again, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert_eq!(again.phones().unwrap()[0].label, "My mobile");
    assert_eq!(
        again.find_phone("202-555-0143", "US").unwrap().id,
        mobile.id
    );
}

#[test]
fn removing_a_number_takes_it_off_every_account() {
    let (_d, _kc, mut k) = open();
    let p = k
        .add_phone("2025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    let irs = k.add_service(catalog("idme"), NOW).unwrap();
    k.update_service(
        &irs.id,
        std::slice::from_ref(&p.id),
        std::slice::from_ref(&p.id),
        None,
        false,
    )
    .unwrap();
    assert_eq!(k.phones().unwrap()[0].used_by, ["ID.me"]);
    k.remove_phone(&p.id).unwrap();
    let after = &k.services().unwrap()[0];
    assert!(after.code_phones.is_empty() && after.recovery_phones.is_empty());
    let err = k
        .update_service(&irs.id, &["nope".into()], &[], None, false)
        .unwrap_err();
    assert_eq!(err.code(), "phone.not_found");
}

#[test]
fn custom_services_need_a_real_domain_and_are_not_added_twice() {
    let (_d, _kc, mut k) = open();
    let cu = k
        .add_service(
            ServiceRef::Custom {
                name: "My Credit Union".into(),
                domain: "https://www.mycu.org/login".into(),
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
    let err = k
        .add_service(
            ServiceRef::Custom {
                name: "X".into(),
                domain: "not a domain".into(),
            },
            NOW,
        )
        .unwrap_err();
    assert!(err.to_string().contains("not a web address"), "{err}");
    k.add_service(catalog("irs"), NOW).unwrap();
    assert_eq!(
        k.add_service(catalog("irs"), NOW).unwrap_err().code(),
        "service.duplicate"
    );
    assert_eq!(
        k.add_service(catalog("nasa"), NOW).unwrap_err().code(),
        "input.bad_issuer"
    );
}

#[test]
fn code_accounts_are_suggested_by_service_name_and_linked_only_when_confirmed() {
    let (_d, _kc, mut k) = open();
    let idme_code = k
        .add_uri(
            "otpauth://totp/ID.me:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ID.me",
            T,
        )
        .unwrap();
    k.add_uri(
        "otpauth://totp/GitHub:me?secret=KRSXG5CTMVRXEZLU&issuer=GitHub",
        T,
    )
    .unwrap();
    // Short domain names ("id" of id.me, "x" of x.com) must not pull in every issuer that has them.
    k.add_uri(
        "otpauth://totp/Apple%20ID:me?secret=KRSXG5CTMVRXEZLU&issuer=Apple%20ID",
        T,
    )
    .unwrap();
    k.add_uri(
        "otpauth://totp/Dropbox:me?secret=KRSXG5CTMVRXEZLU&issuer=Dropbox",
        T,
    )
    .unwrap();
    let idme = k.add_service(catalog("idme"), NOW).unwrap();
    let suggested = k.suggest_code_accounts(&idme.id).unwrap();
    assert_eq!(suggested.len(), 1, "{suggested:?}");
    assert_eq!(suggested[0].id, idme_code.id);
    let x = k.add_service(catalog("x"), NOW).unwrap();
    assert!(k.suggest_code_accounts(&x.id).unwrap().is_empty());
    let bank = k.add_service(catalog("wellsfargo"), NOW).unwrap();
    let wf = k
        .add_uri(
            "otpauth://totp/Wells%20Fargo%20Online:me?secret=KRSXG5CTMVRXEZLU&issuer=Wells%20Fargo%20Online",
            T,
        )
        .unwrap();
    assert_eq!(k.suggest_code_accounts(&bank.id).unwrap()[0].id, wf.id);
    assert!(k.services().unwrap()[0].keystep_account.is_none());
    let linked = k
        .update_service(&idme.id, &[], &[], Some(&idme_code.id), false)
        .unwrap();
    assert_eq!(
        linked.keystep_account.as_deref(),
        Some(idme_code.id.as_str())
    );
}

#[test]
fn backup_codes_are_counted_used_once_and_never_in_a_view() {
    let (dir, kc, mut k) = open();
    let google = k.add_service(catalog("idme"), NOW).unwrap();
    let pasted = SecretString::new("  1111-2222\n\n3333-4444\n- 5555-6666\n3333-4444\n");
    let view = k.set_backup_codes(&google.id, &pasted, false).unwrap();
    assert_eq!((view.backup_codes_left, view.backup_codes_total), (3, 3));
    assert!(!view.backup_codes_low, "3 left is enough");
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("1111"), "{json}");
    let (index, code) = k.next_backup_code(&google.id).unwrap();
    assert_eq!(code.expose(), "1111-2222");
    assert_eq!(
        k.services().unwrap()[0].backup_codes_left,
        3,
        "not used until marked"
    );
    let view = k.mark_backup_code(&google.id, index, true).unwrap();
    assert_eq!(view.backup_codes_left, 2);
    assert!(
        view.backup_codes_low,
        "2 left: the core says it is time for new ones"
    );
    // Kept across a reopen, and the used mark too.
    let (mut again, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    let all = again.reveal_backup_codes(&google.id).unwrap();
    let shown: Vec<(&str, bool)> = all.iter().map(|(c, u)| (c.expose(), *u)).collect();
    assert_eq!(
        shown,
        [
            ("1111-2222", true),
            ("3333-4444", false),
            ("5555-6666", false)
        ]
    );
    // The vault file holds them only encrypted.
    let bytes = std::fs::read(DataDir::at(dir.path()).vault_file()).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("3333-4444"));
    let hints = again.backup_code_hints(&google.id).unwrap();
    let shown: Vec<(&str, bool)> = hints.iter().map(|h| (h.hint.as_str(), h.used)).collect();
    assert_eq!(
        shown,
        [
            ("••••-••22", true),
            ("••••-••44", false),
            ("••••-••66", false)
        ]
    );
    // A code typed from paper is marked by hand; the next copy skips it.
    let view = again.mark_backup_code(&google.id, 1, true).unwrap();
    assert_eq!(view.backup_codes_left, 1);
    assert_eq!(
        again
            .mark_backup_code(&google.id, 9, true)
            .unwrap_err()
            .code(),
        "input.bad_backup_codes"
    );
    assert_eq!(
        again.next_backup_code(&google.id).unwrap().1.expose(),
        "5555-6666"
    );
    again.mark_backup_code(&google.id, 2, true).unwrap();
    let err = again.next_backup_code(&google.id).unwrap_err();
    assert!(err.to_string().contains("no unused backup code"), "{err}");
}

/// The review on a table of scenarios: each line is what the person has, and the codes expected.
#[test]
fn the_review_flags_each_risk_most_serious_first() {
    let (_d, _kc, mut k) = open();
    let mobile = k
        .add_phone("2025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    let voip = k
        .add_phone("2025550188", "US", "Google Voice", PhoneKind::Voip, NOW)
        .unwrap();
    let old = k
        .add_phone("2025550111", "US", "old", PhoneKind::Mobile, NOW)
        .unwrap();
    k.edit_phone(&old.id, "old", PhoneKind::Mobile, PhoneStatus::Gone)
        .unwrap();

    // ID.me: texts to one number only, nothing else: only_one_phone (+ no backup codes).
    let idme = k.add_service(catalog("idme"), NOW).unwrap();
    k.update_service(&idme.id, std::slice::from_ref(&mobile.id), &[], None, false)
        .unwrap();
    // Login.gov: a second way in (security key) and an old number that is gone.
    let lg = k.add_service(catalog("logingov"), NOW).unwrap();
    k.update_service(
        &lg.id,
        std::slice::from_ref(&mobile.id),
        std::slice::from_ref(&old.id),
        None,
        true,
    )
    .unwrap();
    // SSA: nothing risky on record.
    let ssa = k.add_service(catalog("ssa"), NOW).unwrap();
    k.update_service(&ssa.id, &[], &[], None, true).unwrap();
    let _ = voip;

    let items = k.review(T).unwrap();
    let codes: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.service_name.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(codes[0], ("Login.gov", "gone_number"), "{codes:?}");
    assert!(codes.contains(&("ID.me", "only_one_phone")), "{codes:?}");
    assert!(codes.contains(&("ID.me", "no_backup_codes")), "{codes:?}");
    assert!(
        !codes
            .iter()
            .any(|(s, _)| s.contains("SSA") || s.contains("Social")),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&("Login.gov", "only_one_phone")),
        "{codes:?}"
    );
    let sms_only = items
        .iter()
        .find(|i| i.code.as_str() == "only_one_phone")
        .unwrap();
    assert_eq!(sms_only.phone.as_deref(), Some("(202) 555-0143"));
    assert!(
        sms_only.message.contains("locked out"),
        "{}",
        sms_only.message
    );
    // Every item says what to do.
    assert!(items.iter().all(|i| !i.action.is_empty()));
    let order: Vec<_> = items.iter().map(|i| i.severity).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);

    // Leaving numbers: high before the date, urgent on it.
    k.edit_phone(
        &mobile.id,
        "mobile",
        PhoneKind::Mobile,
        PhoneStatus::Leaving {
            on: "2027-01-15".into(),
        },
    )
    .unwrap();
    let leaving: Vec<_> = k
        .review(T)
        .unwrap()
        .into_iter()
        .filter(|i| i.code.as_str() == "leaving_number")
        .collect();
    assert_eq!(leaving.len(), 2);
    assert!(
        leaving
            .iter()
            .all(|i| format!("{:?}", i.severity) == "High")
    );
}

#[test]
fn the_plan_updates_email_first_and_ends_with_the_old_number_gone() {
    let (_d, _kc, mut k) = open();
    let old = k
        .add_phone("2025550143", "US", "old mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    let mut ids = Vec::new();
    for id in ["ssa", "idme", "irs"] {
        let a = k.add_service(catalog(id), NOW).unwrap();
        k.update_service(&a.id, std::slice::from_ref(&old.id), &[], None, false)
            .unwrap();
        ids.push(a.id);
    }
    let custom = k
        .add_service(
            ServiceRef::Custom {
                name: "Corner Bank".into(),
                domain: "cornerbank.example.com".into(),
            },
            NOW,
        )
        .unwrap();
    k.update_service(&custom.id, &[], std::slice::from_ref(&old.id), None, false)
        .unwrap();
    // An email account must be in the plan, or "email comes first" below would check nothing.
    let email = Catalog::bundled()
        .service("google")
        .expect("the catalog has Google, the email service this plan is tested with");
    assert_eq!(email.kind, ServiceKind::Email);
    let g = k.add_service(catalog(&email.id), NOW).unwrap();
    k.update_service(&g.id, std::slice::from_ref(&old.id), &[], None, false)
        .unwrap();

    let (plan, run) = k
        .plan_change(
            "202-555-0143",
            "(202) 555-0199",
            Some("2027-01-15"),
            "US",
            T,
        )
        .unwrap();
    let steps: Vec<&str> = plan.guide.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(steps[0], "Keep your old number working until the end");
    assert_eq!(*steps.last().unwrap(), "Let the old number go");
    assert_eq!(
        steps[1],
        format!("Update {}", email.name),
        "email comes first: {steps:?}"
    );
    let gov: Vec<usize> = steps
        .iter()
        .enumerate()
        .filter(|(_, t)| t.contains("IRS") || t.contains("ID.me") || t.contains("Social"))
        .map(|(i, _)| i)
        .collect();
    let bank = steps
        .iter()
        .position(|t| t.contains("Corner Bank"))
        .unwrap();
    assert_eq!(gov.len(), 3, "{steps:?}");
    assert!(
        gov.iter().all(|g| *g < bank),
        "government before others: {steps:?}"
    );
    // The new number was added, the old one is leaving.
    let phones = k.phones().unwrap();
    assert_eq!(phones.len(), 2);
    let old_now = phones.iter().find(|p| p.id == old.id).unwrap();
    assert_eq!(
        old_now.status,
        PhoneStatus::Leaving {
            on: "2027-01-15".into()
        }
    );

    // Walk the plan through the runner; progress is kept in the vault.
    let lib = Library::load(Catalog::bundled(), None);
    let list = k.guide_list(&lib).unwrap();
    assert_eq!(
        list.guides[0].id, plan.guide.id,
        "the open plan is listed first"
    );
    for _ in 0..plan.guide.steps.len() {
        k.run_next(&lib, &run.id, T).unwrap();
    }
    let finished = k
        .runs()
        .unwrap()
        .into_iter()
        .find(|r| r.id == run.id)
        .unwrap();
    assert!(finished.is_finished());
    let old_now = k
        .phones()
        .unwrap()
        .into_iter()
        .find(|p| p.id == old.id)
        .unwrap();
    assert_eq!(old_now.status, PhoneStatus::Gone);
    assert!(old_now.used_by.is_empty(), "{:?}", old_now.used_by);
    let left_on_old: Vec<_> = k
        .review(T)
        .unwrap()
        .into_iter()
        .filter(|i| i.phone.as_deref() == Some("(202) 555-0143"))
        .collect();
    assert!(left_on_old.is_empty(), "{left_on_old:?}");

    let err = k
        .plan_change("202-555-0100", "202-555-0199", None, "US", T)
        .unwrap_err();
    assert_eq!(err.code(), "phone.not_found");
}

#[test]
fn guide_steps_show_the_linked_code_and_the_number_kept_for_the_service() {
    use keystep_core::guides::view::ActionView;
    let (_d, _kc, mut k) = open();
    // A code account whose name does not say ID.me: only the person's link ties it to the service.
    let code = k
        .add_uri(
            "otpauth://totp/Gov%20sign-in:me?secret=JBSWY3DPEHPK3PXP&issuer=Gov%20sign-in",
            T,
        )
        .unwrap();
    let mobile = k
        .add_phone("2025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    let idme = k.add_service(catalog("idme"), NOW).unwrap();
    k.update_service(
        &idme.id,
        std::slice::from_ref(&mobile.id),
        &[],
        Some(&code.id),
        false,
    )
    .unwrap();
    let lib = Library::load(Catalog::bundled(), None);
    let run = k.open_guide(&lib, "irs-sign-in", T).unwrap();
    let actions = |k: &mut Keystep| k.run_view(&lib, &run.id).unwrap().step.unwrap().actions;
    for _ in 0..3 {
        k.run_next(&lib, &run.id, T).unwrap();
    }
    k.run_answer(&lib, &run.id, "next", T).unwrap();
    let phone = actions(&mut k).into_iter().find_map(|a| match a {
        ActionView::ShowPhone { phone, .. } => Some(phone),
        _ => None,
    });
    assert_eq!(phone, Some(Some("(202) 555-0143".to_string())));
    k.run_answer(&lib, &run.id, "enter-keystep-code", T)
        .unwrap();
    let shown = actions(&mut k).into_iter().find_map(|a| match a {
        ActionView::ShowCode { account_id, .. } => Some(account_id),
        _ => None,
    });
    assert_eq!(shown, Some(Some(code.id)));
}

#[test]
fn backup_codes_are_never_lost_silently_empty_text_fewer_codes_and_clearing() {
    let (dir, kc, mut k) = open();
    let google = k.add_service(catalog("google"), NOW).unwrap();
    let ten: String = (0..10).map(|i| format!("code-{i:04}\n")).collect();
    k.set_backup_codes(&google.id, &SecretString::new(ten), false)
        .unwrap();
    let file = DataDir::at(dir.path()).vault_file();
    let before = std::fs::read(&file).unwrap();

    // Nothing to read: refused, nothing written.
    for empty in ["", "\n\n", "   \n"] {
        let e = k
            .set_backup_codes(&google.id, &SecretString::new(empty), true)
            .unwrap_err();
        assert_eq!(e.code(), "input.bad_backup_codes");
        assert!(e.to_string().contains("no backup codes were read"), "{e}");
    }
    // A line that is not a code, by its number; nothing of the codes in the message.
    let e = k
        .set_backup_codes(
            &google.id,
            &SecretString::new("aaaa-1111\nbbbb-2222\nx\n"),
            true,
        )
        .unwrap_err();
    assert!(e.to_string().contains("line 3 is not a backup code"), "{e}");
    assert!(!e.to_string().contains("1111"), "{e}");
    let e = k
        .set_backup_codes(&google.id, &SecretString::new("aaaa\u{0}1111\n"), true)
        .unwrap_err();
    assert!(
        e.to_string().contains("line 1 has a control character"),
        "{e}"
    );

    // Fewer than saved: refused unless confirmed, saying how many are saved and how many were read.
    let e = k
        .set_backup_codes(
            &google.id,
            &SecretString::new("new-0001\nnew-0002\nnew-0003\n"),
            false,
        )
        .unwrap_err();
    assert_eq!(e.code(), "backup_codes.fewer");
    assert_eq!(
        e.to_string(),
        "Google Account (Gmail) has 10 backup codes saved, and 3 were read now. Saving would replace all 10 with these 3. Nothing was changed."
    );
    assert!(matches!(
        e,
        keystep_core::Error::BackupCodesFewer {
            saved: 10,
            read: 3,
            ..
        }
    ));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the vault is untouched"
    );
    assert_eq!(k.services().unwrap()[0].backup_codes_total, 10);

    // As many or more need no confirmation; fewer with it replace.
    let twelve: String = (0..12).map(|i| format!("more-{i:04}\n")).collect();
    let view = k
        .set_backup_codes(&google.id, &SecretString::new(twelve), false)
        .unwrap();
    assert_eq!(view.backup_codes_total, 12);
    let view = k
        .set_backup_codes(
            &google.id,
            &SecretString::new("new-0001\nnew-0002\nnew-0003\n"),
            true,
        )
        .unwrap();
    assert_eq!(view.backup_codes_total, 3);

    // Removing them is its own action.
    let view = k.clear_backup_codes(&google.id).unwrap();
    assert_eq!((view.backup_codes_total, view.backup_codes_left), (0, 0));
    let (mut again, _) = Keystep::open_or_create(DataDir::at(dir.path()), &kc).unwrap();
    assert!(again.reveal_backup_codes(&google.id).unwrap().is_empty());
    assert_eq!(
        again.clear_backup_codes("no-such-id").unwrap_err().code(),
        "service.not_found"
    );
}

#[test]
fn a_service_not_found_by_name_says_which_and_by_id_keeps_the_window_wording() {
    let (_d, _kc, mut k) = open();
    k.add_service(catalog("google"), NOW).unwrap();
    let e = k.find_service("nosuch").unwrap_err();
    assert_eq!(e.code(), "service.not_found");
    assert_eq!(
        e.to_string(),
        "You have no service \"nosuch\" in Keystep. Check the name, or add the service first."
    );
    let e = k.backup_code_hints("gone-id").unwrap_err();
    assert_eq!(
        e.to_string(),
        "That service is not in your list any more. Reload the list and try again."
    );
    assert_eq!(
        k.find_service("GOOGLE").unwrap().service_name,
        "Google Account (Gmail)"
    );
}

#[test]
fn impossible_dates_are_refused_when_a_number_leaves_and_in_a_plan() {
    let (_d, _kc, mut k) = open();
    let p = k
        .add_phone("+12025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    for (date, why) in [
        ("2026-99-99", "there is no month 99"),
        ("2026-02-30", "February 2026 has days 01 to 28"),
        ("2026-00-00", "there is no month 0"),
        ("0000-01-01", "the year must be from 1900 to 2200"),
        ("2300-01-01", "the year must be from 1900 to 2200"),
    ] {
        let e = k
            .edit_phone(
                &p.id,
                "mobile",
                PhoneKind::Mobile,
                PhoneStatus::Leaving { on: date.into() },
            )
            .unwrap_err();
        assert_eq!(e.code(), "input.bad_date", "{date}");
        assert!(e.to_string().starts_with("The date is not valid: "), "{e}");
        assert!(e.to_string().contains(why), "{date}: {e}");
    }
    let e = k
        .plan_change("+12025550143", "+12025550199", Some("2026-13-45"), "US", T)
        .unwrap_err();
    assert_eq!(e.code(), "input.bad_date");
    assert!(e.to_string().contains("there is no month 13"), "{e}");
    assert_eq!(k.phones().unwrap()[0].status, PhoneStatus::InUse);
    assert_eq!(k.phones().unwrap().len(), 1, "the plan added nothing");
    k.edit_phone(
        &p.id,
        "mobile",
        PhoneKind::Mobile,
        PhoneStatus::Leaving {
            on: "2028-02-29".into(),
        },
    )
    .unwrap();
}

/// When the review asks for a code in Keystep and one that looks like the service's is already there,
/// it offers that code to link instead of sending the person to find it; once linked, the finding goes.
#[test]
fn the_review_offers_a_code_already_in_keystep_and_forgets_the_finding_once_linked() {
    use keystep_core::services::review::{CodeChoice, Fix};
    let (_d, _kc, mut k) = open();
    let mobile = k
        .add_phone("2025550143", "US", "mobile", PhoneKind::Mobile, NOW)
        .unwrap();
    let idme = k.add_service(catalog("idme"), NOW).unwrap();
    k.update_service(&idme.id, std::slice::from_ref(&mobile.id), &[], None, false)
        .unwrap();
    let before = k.review(T).unwrap();
    let finding = before
        .iter()
        .find(|i| i.code.as_str() == "only_one_phone")
        .unwrap();
    assert!(
        !matches!(finding.fix, Fix::LinkCode { .. }),
        "no code in Keystep yet: {:?}",
        finding.fix
    );

    let code = k
        .add_uri(
            "otpauth://totp/ID.me:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ID.me",
            T,
        )
        .unwrap();
    let items = k.review(T).unwrap();
    let finding = items
        .iter()
        .find(|i| i.code.as_str() == "only_one_phone")
        .unwrap();
    assert_eq!(
        finding.fix,
        Fix::LinkCode {
            codes: vec![CodeChoice {
                id: code.id.clone(),
                label: code.label.clone()
            }]
        }
    );
    assert!(
        finding
            .action
            .contains("Keystep already has a code that looks like it is for ID.me"),
        "{}",
        finding.action
    );
    assert!(finding.action.contains(&code.label), "{}", finding.action);
    // Other findings of the same service keep their own fix.
    let codes_item = items
        .iter()
        .find(|i| i.code.as_str() == "no_backup_codes")
        .unwrap();
    assert!(!matches!(codes_item.fix, Fix::LinkCode { .. }));

    k.update_service(
        &idme.id,
        std::slice::from_ref(&mobile.id),
        &[],
        Some(&code.id),
        false,
    )
    .unwrap();
    assert!(
        !k.review(T)
            .unwrap()
            .iter()
            .any(|i| i.code.as_str() == "only_one_phone"),
        "a linked code is a second way in"
    );
}

/// The plan names the services it moves as "services" (the word of the phone screen; "account" is a
/// code on the codes screen) and spells its day out.
#[test]
fn the_plan_speaks_of_services_and_spells_its_day_out() {
    let (_d, _kc, mut k) = open();
    let old = k
        .add_phone("2025550143", "US", "old", PhoneKind::Mobile, NOW)
        .unwrap();
    let irs = k.add_service(catalog("irs"), NOW).unwrap();
    k.update_service(&irs.id, std::slice::from_ref(&old.id), &[], None, false)
        .unwrap();
    let (plan, _run) = k
        .plan_change(
            "202-555-0143",
            "(202) 555-0199",
            Some("2026-12-15"),
            "US",
            T,
        )
        .unwrap();
    assert_eq!(
        plan.guide.summary,
        "Move every service from (202) 555-0143 to (202) 555-0199 before December 15, 2026."
    );
    assert!(
        plan.guide.steps[0]
            .text
            .contains("Your old number stops on December 15, 2026."),
        "{}",
        plan.guide.steps[0].text
    );
    let all: String = plan
        .guide
        .steps
        .iter()
        .map(|s| format!("{} {}", s.title, s.text))
        .collect();
    assert!(!all.contains("account"), "{all}");
}

#[test]
fn in_spanish_the_review_names_the_service_the_number_and_the_day() {
    let (_d, _kc, mut k) = open();
    k.set_lang(keystep_core::Lang::Es);
    let mobile = k
        .add_phone("2025550143", "US", "celular", PhoneKind::Mobile, NOW)
        .unwrap();
    let leaving = k
        .add_phone("2025550111", "US", "viejo", PhoneKind::Mobile, NOW)
        .unwrap();
    k.edit_phone(
        &leaving.id,
        "viejo",
        PhoneKind::Mobile,
        PhoneStatus::Leaving {
            on: "2027-03-01".into(),
        },
    )
    .unwrap();
    let idme = k.add_service(catalog("idme"), NOW).unwrap();
    k.update_service(&idme.id, std::slice::from_ref(&mobile.id), &[], None, false)
        .unwrap();
    let ssa = k.add_service(catalog("ssa"), NOW).unwrap();
    assert_eq!(ssa.service_name, "my Social Security (Seguro Social)");
    k.update_service(&ssa.id, &[], std::slice::from_ref(&leaving.id), None, true)
        .unwrap();

    let items = k.review(T).unwrap();
    let find = |code: &str| {
        items
            .iter()
            .find(|i| i.code.as_str() == code)
            .unwrap_or_else(|| panic!("no {code}: {items:#?}"))
    };
    let only = find("only_one_phone");
    assert_eq!(
        only.message,
        "La única forma de entrar a ID.me después de su contraseña es un código enviado al (202) 555-0143. Si pierde ese teléfono o ese número, se quedará sin acceso."
    );
    // Its fix is the ID.me guide, titled in Spanish.
    if let keystep_core::services::review::Fix::Guide { id, title } = &only.fix {
        assert_eq!(id, "idme-authenticator");
        assert_ne!(
            title,
            "Use Keystep for ID.me codes instead of text messages"
        );
    } else {
        panic!("{:?}", only.fix);
    }
    let leaving = find("leaving_number");
    assert_eq!(
        leaving.message,
        "my Social Security (Seguro Social) usa el (202) 555-0111, que deja de funcionar el 1 de marzo de 2027."
    );
    assert!(
        leaving.action.starts_with(
            "Agregue su número nuevo a my Social Security (Seguro Social) antes del 1 de marzo de 2027"
        ),
        "{}",
        leaving.action
    );
    // Keystep's own findings and the pages they point to are in Spanish too.
    let keystep = keystep_core::services::review::access_review_in(
        keystep_core::Lang::Es,
        &keystep_core::services::review::AccessState {
            accounts: 1,
            ..Default::default()
        },
    );
    assert!(
        keystep[0]
            .message
            .starts_with("No tiene contraseña de recuperación"),
        "{keystep:?}"
    );
    if let keystep_core::services::review::Fix::Page { title, .. } = &leaving.fix {
        assert!(
            !title.is_empty() && title != "Sign in to my Social Security",
            "{title}"
        );
    }
    // Back in English, the same review reads as before.
    k.set_lang(keystep_core::Lang::En);
    let items = k.review(T).unwrap();
    let only = items
        .iter()
        .find(|i| i.code.as_str() == "only_one_phone")
        .unwrap();
    assert!(
        only.message
            .starts_with("The only way into ID.me after your password")
    );
}

#[test]
fn a_plan_made_in_spanish_is_a_spanish_guide_and_keeps_its_language() {
    let (_d, _kc, mut k) = open();
    k.set_lang(keystep_core::Lang::Es);
    let old = k
        .add_phone("2025550143", "US", "viejo", PhoneKind::Mobile, NOW)
        .unwrap();
    let google = k.add_service(catalog("google"), NOW).unwrap();
    k.update_service(&google.id, std::slice::from_ref(&old.id), &[], None, false)
        .unwrap();
    let (plan, _run) = k
        .plan_change(
            "202-555-0143",
            "(202) 555-0199",
            Some("2026-12-15"),
            "US",
            T,
        )
        .unwrap();
    assert_eq!(
        plan.guide.title,
        "Cambiar su número del (202) 555-0143 al (202) 555-0199"
    );
    assert_eq!(
        plan.guide.summary,
        "Pase todos sus servicios del (202) 555-0143 al (202) 555-0199 antes del 15 de diciembre de 2026."
    );
    let titles: Vec<&str> = plan.guide.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Mantenga su número anterior funcionando hasta el final",
            "Cambiar el número en Cuenta de Google (Gmail)",
            "Deje el número anterior",
        ]
    );
    let google_step = &plan.guide.steps[1];
    assert!(
        google_step
            .text
            .contains("- Agregue su número nuevo, (202) 555-0199."),
        "{}",
        google_step.text
    );
    let checklist = k.plan_checklist(&plan);
    assert_eq!(checklist[1].title, titles[1]);
    assert!(
        checklist[1]
            .page
            .as_deref()
            .is_some_and(|p| p.starts_with("https://"))
    );
    // The new number gets a Spanish label, and the stored plan stays Spanish in English.
    let phones = k.phones().unwrap();
    assert!(
        phones.iter().any(|p| p.label == "Número nuevo"),
        "{phones:?}"
    );
    k.set_lang(keystep_core::Lang::En);
    assert_eq!(k.plan_checklist(&plan)[0].title, titles[0]);
}
