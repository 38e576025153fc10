//! The risk review: what could lock the person out, most serious first, each with what to do.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Service, ServiceRef, service_name};
use crate::Lang;
use crate::catalog::{Catalog, Factor, KnownService, ServiceKind, VoipPolicy};
use crate::phones::{Phone, PhoneKind, PhoneStatus};

/// The sentence in `lang`: both are written out side by side, so a change to one is seen next to the
/// other.
fn say(lang: Lang, en: String, es: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Es => es,
    }
}

/// How serious a finding is; the review lists the most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// Codes go to a number that no longer reaches you.
    Urgent,
    High,
    Medium,
    Low,
}

/// Which rule a finding comes from: a stable code the window and scripts can rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskCode {
    /// Codes go to a number the person no longer has.
    GoneNumber,
    /// Codes go to a number that stops working on a date.
    LeavingNumber,
    /// The only second step is a code sent to one number.
    OnlyOnePhone,
    /// Codes go to an internet number the service does not text.
    VoipRefused,
    /// An email account that resets the others, with no strong second step.
    WeakEmailRecovery,
    /// The service offers backup codes and none are saved.
    NoBackupCodes,
    /// No recovery password: if this computer's keychain is lost, every code is lost.
    NoRecoveryPassword,
    /// No backup leaves this computer (no backup folder, or no password to seal one).
    NoBackupOutside,
    /// The last backup did not reach the backup folder (or the data folder).
    BackupFailed,
}

impl RiskCode {
    /// The code as it is written in JSON (`only_one_phone`).
    pub fn as_str(self) -> &'static str {
        match self {
            RiskCode::GoneNumber => "gone_number",
            RiskCode::LeavingNumber => "leaving_number",
            RiskCode::OnlyOnePhone => "only_one_phone",
            RiskCode::VoipRefused => "voip_refused",
            RiskCode::WeakEmailRecovery => "weak_email_recovery",
            RiskCode::NoBackupCodes => "no_backup_codes",
            RiskCode::NoRecoveryPassword => "no_recovery_password",
            RiskCode::NoBackupOutside => "no_backup_outside",
            RiskCode::BackupFailed => "backup_failed",
        }
    }
}

/// Where to go to fix a finding: a Keystep guide, or an official page of the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum Fix {
    Guide {
        id: String,
        title: String,
    },
    Page {
        service: String,
        page: String,
        title: String,
    },
    /// Something to do in Keystep itself (add a number, a code, backup codes).
    InKeystep,
    /// Something to do in Keystep's Settings (the recovery password, the backup folder).
    Settings,
    /// Codes already in Keystep look like this service's: the person links one (it is not linked
    /// until they press), which gives the service a way in that no phone number can take away.
    LinkCode {
        codes: Vec<CodeChoice>,
    },
}

/// A code account in Keystep that may be a service's, offered by the review to link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CodeChoice {
    /// The code account's id.
    pub id: String,
    /// How Keystep names it ("ID.me (me@example.com)").
    pub label: String,
}

impl RiskCode {
    /// True for findings whose fix is an authenticator code in Keystep (among other ways in): those
    /// offer to link a code that is already there.
    pub fn wants_a_code(self) -> bool {
        matches!(self, RiskCode::OnlyOnePhone | RiskCode::WeakEmailRecovery)
    }
}

/// Turns the findings that ask for a code in Keystep into an offer to link `codes`, which already look
/// like the service's; findings of other rules, or without codes, are left as they are.
pub fn offer_codes(item: &mut RiskItem, codes: Vec<CodeChoice>) {
    offer_codes_in(Lang::En, item, codes);
}

/// [`offer_codes`], with the sentence in `lang`.
pub fn offer_codes_in(lang: Lang, item: &mut RiskItem, codes: Vec<CodeChoice>) {
    if !item.code.wants_a_code() || codes.is_empty() {
        return;
    }
    let name = &item.service_name;
    let n = codes.len();
    item.action = match codes.as_slice() {
        [one] => say(
            lang,
            format!(
                "Keystep already has a code that looks like it is for {name}: {}. If you use it to sign in to {name}, link it here, so Keystep knows you have a way in that does not need your phone.",
                one.label
            ),
            format!(
                "Keystep ya tiene un código que parece ser de {name}: {}. Si lo usa para entrar a {name}, vincúlelo aquí, para que Keystep sepa que usted tiene una forma de entrar que no necesita su teléfono.",
                one.label
            ),
        ),
        _ => say(
            lang,
            format!(
                "Keystep already has {n} codes that look like they are for {name}. If you use it to sign in to {name}, link it here, so Keystep knows you have a way in that does not need your phone."
            ),
            format!(
                "Keystep ya tiene {n} códigos que parecen ser de {name}. Si usa uno de ellos para entrar a {name}, vincúlelo aquí, para que Keystep sepa que usted tiene una forma de entrar que no necesita su teléfono."
            ),
        ),
    };
    item.fix = Fix::LinkCode { codes };
}

/// One finding of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RiskItem {
    pub severity: Severity,
    /// The rule it comes from.
    pub code: RiskCode,
    /// The service it is about (its id); `None` for findings about Keystep itself (backups).
    pub service_id: Option<String>,
    pub service_name: String,
    /// The number it is about, in national format, if any.
    pub phone: Option<String>,
    /// What is wrong, in one or two plain sentences.
    pub message: String,
    /// What to do about it.
    pub action: String,
    pub fix: Fix,
}

/// Reviews every service against the numbers it uses. `today` is YYYY-MM-DD. Each rule is a function
/// of its own over one service; the findings are listed most serious first.
pub fn review(
    catalog: &Catalog,
    phones: &[Phone],
    services: &[Service],
    today: &str,
) -> Vec<RiskItem> {
    review_in(Lang::En, catalog, phones, services, today)
}

/// [`review`], with every sentence in `lang` (the catalog's names and page titles are the ones
/// `catalog` holds: give it in the same language, [`Catalog::bundled_in`]).
pub fn review_in(
    lang: Lang,
    catalog: &Catalog,
    phones: &[Phone],
    services: &[Service],
    today: &str,
) -> Vec<RiskItem> {
    let mut items = Vec::new();
    for a in services {
        let subject = Subject::new(catalog, phones, a, services.len(), lang);
        items.extend(numbers_gone_or_leaving(&subject, today));
        items.extend(only_one_phone(&subject));
        items.extend(voip_refused(&subject));
        items.extend(weak_email_recovery(&subject));
        items.extend(no_backup_codes(&subject));
    }
    items.sort_by_key(|a| a.severity);
    items
}

/// One service under review, with what every rule needs to know about it.
struct Subject<'a> {
    service: &'a Service,
    name: String,
    /// What the catalog knows of it (none for a service the person named).
    known: Option<&'a KnownService>,
    /// Every number it uses (codes and recovery), each once.
    numbers: Vec<&'a Phone>,
    /// The numbers it sends sign-in codes to.
    code_numbers: Vec<&'a Phone>,
    unused_backup_codes: usize,
    /// A way in that no phone number can take away.
    other_ways: bool,
    /// How many services the person uses in all.
    services_in_all: usize,
    /// The language of the sentences.
    lang: Lang,
}

impl<'a> Subject<'a> {
    fn new(
        catalog: &'a Catalog,
        phones: &'a [Phone],
        service: &'a Service,
        services_in_all: usize,
        lang: Lang,
    ) -> Self {
        let phone = |id: &String| phones.iter().find(|p| &p.id == id);
        let mut numbers: Vec<&Phone> = Vec::new();
        for p in service
            .code_phones
            .iter()
            .chain(&service.recovery_phones)
            .filter_map(phone)
        {
            if !numbers.iter().any(|n| n.id == p.id) {
                numbers.push(p);
            }
        }
        let unused_backup_codes = service.backup_codes.iter().filter(|b| !b.used).count();
        Subject {
            service,
            name: service_name(catalog, &service.service),
            known: match &service.service {
                ServiceRef::Catalog { id } => catalog.service(id),
                ServiceRef::Custom { .. } => None,
            },
            numbers,
            code_numbers: service.code_phones.iter().filter_map(phone).collect(),
            unused_backup_codes,
            other_ways: service.keystep_account.is_some()
                || service.security_key
                || unused_backup_codes > 0,
            services_in_all,
            lang,
        }
    }

    /// The first of `preferred` pages the service has, else "in Keystep".
    fn page(&self, preferred: &[&str]) -> Fix {
        self.known
            .and_then(|s| {
                preferred.iter().find_map(|p| s.page(p)).map(|p| Fix::Page {
                    service: s.id.clone(),
                    page: p.id.clone(),
                    title: p.title.clone(),
                })
            })
            .unwrap_or(Fix::InKeystep)
    }

    fn finding(
        &self,
        severity: Severity,
        code: RiskCode,
        phone: Option<&Phone>,
        message: String,
        action: String,
        fix: Fix,
    ) -> RiskItem {
        RiskItem {
            severity,
            code,
            service_id: Some(self.service.id.clone()),
            service_name: self.name.clone(),
            phone: phone.map(|p| crate::phones::number::national_of(&p.e164)),
            message,
            action,
            fix,
        }
    }
}

/// `gone_number` (urgent) and `leaving_number` (high; urgent on or after its date).
fn numbers_gone_or_leaving(s: &Subject<'_>, today: &str) -> Vec<RiskItem> {
    let name = &s.name;
    let lang = s.lang;
    s.numbers
        .iter()
        .filter_map(|p| {
            let number = crate::phones::number::national_of(&p.e164);
            match &p.status {
                PhoneStatus::Gone => Some(s.finding(
                    Severity::Urgent,
                    RiskCode::GoneNumber,
                    Some(p),
                    say(
                        lang,
                        format!(
                            "{name} still has {number}, a number you no longer have. Codes sent there will not reach you."
                        ),
                        format!(
                            "{name} todavía tiene el {number}, un número que usted ya no tiene. Los códigos que se envíen allí no le llegarán."
                        ),
                    ),
                    say(
                        lang,
                        format!(
                            "Sign in to {name} now, while you still can, and replace {number} with a number you have."
                        ),
                        format!(
                            "Inicie sesión en {name} ahora, mientras todavía puede, y cambie el {number} por un número que sí tenga."
                        ),
                    ),
                    s.page(crate::phones::PHONE_PAGES),
                )),
                PhoneStatus::Leaving { on } => Some(s.finding(
                    if on.as_str() <= today {
                        Severity::Urgent
                    } else {
                        Severity::High
                    },
                    RiskCode::LeavingNumber,
                    Some(p),
                    say(
                        lang,
                        format!("{name} uses {number}, which stops working on {on}."),
                        format!(
                            "{name} usa el {number}, que deja de funcionar el {}.",
                            crate::dates::spelled_out_in(on, lang)
                        ),
                    ),
                    say(
                        lang,
                        format!(
                            "Add your new number to {name} before {on}, then remove {number}. The change-number planner makes a checklist."
                        ),
                        format!(
                            "Agregue su número nuevo a {name} antes del {}, y después quite el {number}. El planificador de cambio de número le prepara una lista de pasos.",
                            crate::dates::spelled_out_in(on, lang)
                        ),
                    ),
                    s.page(crate::phones::PHONE_PAGES),
                )),
                PhoneStatus::InUse => None,
            }
        })
        .collect()
}

/// `only_one_phone` (high): the only second step is a code to one number.
fn only_one_phone(s: &Subject<'_>) -> Option<RiskItem> {
    let [only] = s.code_numbers.as_slice() else {
        return None;
    };
    if s.other_ways {
        return None;
    }
    let name = &s.name;
    let lang = s.lang;
    let number = crate::phones::number::national_of(&only.e164);
    let offers_app = s.known.is_some_and(|x| x.factors.contains(&Factor::Totp));
    Some(s.finding(
        Severity::High,
        RiskCode::OnlyOnePhone,
        Some(only),
        say(
            lang,
            format!(
                "The only way into {name} after your password is a code sent to {number}. If you lose that phone or number, you are locked out."
            ),
            format!(
                "La única forma de entrar a {name} después de su contraseña es un código enviado al {number}. Si pierde ese teléfono o ese número, se quedará sin acceso."
            ),
        ),
        if offers_app {
            say(
                lang,
                format!(
                    "Set up an authenticator app for {name} and add it to Keystep, or save backup codes."
                ),
                format!(
                    "Configure una aplicación de autenticación para {name} y agréguela a Keystep, o guarde códigos de respaldo."
                ),
            )
        } else {
            say(
                lang,
                format!(
                    "Add a second way in to {name}: another number, backup codes, or a security key."
                ),
                format!(
                    "Agregue a {name} una segunda forma de entrar: otro número, códigos de respaldo o una llave de seguridad."
                ),
            )
        },
        s.known
            .filter(|x| x.id == "idme")
            .and_then(|_| bundled_guide_fix("idme-authenticator", lang))
            .unwrap_or_else(|| s.page(&["security", "phone", "sign_in"])),
    ))
}

/// `voip_refused` (medium): codes go to an internet number the service does not text.
fn voip_refused(s: &Subject<'_>) -> Vec<RiskItem> {
    let Some(service) = s.known.filter(|x| x.voip == VoipPolicy::NotAccepted) else {
        return Vec::new();
    };
    s.code_numbers
        .iter()
        .filter(|p| p.kind == PhoneKind::Voip)
        .map(|p| {
            s.finding(
                Severity::Medium,
                RiskCode::VoipRefused,
                Some(p),
                say(
                    s.lang,
                    format!(
                        "{} does not send codes to internet numbers such as {}. Your codes may never arrive.",
                        service.name,
                        crate::phones::number::national_of(&p.e164)
                    ),
                    format!(
                        "{} no envía códigos a números por internet como el {}. Puede que sus códigos nunca lleguen.",
                        service.name,
                        crate::phones::number::national_of(&p.e164)
                    ),
                ),
                say(
                    s.lang,
                    format!("Give {} a mobile number, or set up another way in.", service.name),
                    format!(
                        "Dé a {} un número de celular, o configure otra forma de entrar.",
                        service.name
                    ),
                ),
                s.page(crate::phones::PHONE_PAGES),
            )
        })
        .collect()
}

/// `weak_email_recovery` (medium): an email account that resets the others, with no strong second step.
fn weak_email_recovery(s: &Subject<'_>) -> Option<RiskItem> {
    let is_email = s.known.is_some_and(|x| x.kind == ServiceKind::Email);
    if !is_email || s.services_in_all < 2 || s.other_ways {
        return None;
    }
    let name = &s.name;
    Some(s.finding(
        Severity::Medium,
        RiskCode::WeakEmailRecovery,
        None,
        say(
            s.lang,
            format!(
                "Your {name} email can reset the passwords of the other services you use, but it is protected only by a password{}.",
                if s.service.code_phones.is_empty() {
                    ""
                } else {
                    " and a text message"
                }
            ),
            format!(
                "Su correo electrónico de {name} puede restablecer las contraseñas de los demás servicios que usa, pero solo lo protege una contraseña{}.",
                if s.service.code_phones.is_empty() {
                    ""
                } else {
                    " y un mensaje de texto"
                }
            ),
        ),
        say(
            s.lang,
            format!(
                "Give {name} a stronger second step: an authenticator app in Keystep, a security key, or backup codes."
            ),
            format!(
                "Dé a {name} un segundo paso más seguro: una aplicación de autenticación en Keystep, una llave de seguridad o códigos de respaldo."
            ),
        ),
        s.page(&["security", "sign_in"]),
    ))
}

/// `no_backup_codes` (low): the service offers backup codes and none are saved.
fn no_backup_codes(s: &Subject<'_>) -> Option<RiskItem> {
    let offers = s
        .known
        .is_some_and(|x| x.factors.contains(&Factor::BackupCodes));
    if !offers || s.unused_backup_codes > 0 {
        return None;
    }
    let name = &s.name;
    Some(s.finding(
        Severity::Low,
        RiskCode::NoBackupCodes,
        None,
        say(
            s.lang,
            format!("{name} offers backup codes, and none are saved in Keystep."),
            format!("{name} ofrece códigos de respaldo, y no hay ninguno guardado en Keystep."),
        ),
        say(
            s.lang,
            format!(
                "Make backup codes on {name} and paste them into Keystep. They get you in when no code arrives."
            ),
            format!(
                "Cree códigos de respaldo en {name} y péguelos en Keystep. Le permiten entrar cuando no llega ningún código."
            ),
        ),
        s.page(&["security", "help", "sign_in"]),
    ))
}

/// A fix that opens a bundled guide, titled as the guide is today (in `lang` if translated) (a title written here would go stale
/// when the guide is renamed).
fn bundled_guide_fix(id: &str, lang: Lang) -> Option<Fix> {
    let translated = crate::guides::library::translations_cached(lang)
        .iter()
        .find(|g| g.id == id);
    crate::guides::library::bundled_cached()
        .iter()
        .find(|g| g.id == id)
        .map(|g| Fix::Guide {
            id: g.id.clone(),
            // In the window's language when the guide is translated, else as the guide is.
            title: translated.unwrap_or(g).title.clone(),
        })
}

/// What the review needs to know about how Keystep itself is kept safe.
#[derive(Debug, Clone, Default)]
pub struct AccessState {
    /// Code accounts in the vault.
    pub accounts: usize,
    pub has_password: bool,
    /// A backup folder is chosen.
    pub backup_folder: bool,
    /// The last backup that failed, if it failed after the last one that worked: where, and why.
    pub failure: Option<(String, String)>,
}

/// Findings about Keystep itself: a failed backup (urgent), no recovery password (high), no backup
/// outside this computer (high once there are accounts). Nothing while the vault is empty and nothing
/// failed.
pub fn access_review(state: &AccessState) -> Vec<RiskItem> {
    access_review_in(Lang::En, state)
}

/// [`access_review`], with every sentence in `lang`. Why a backup failed is kept as it was recorded
/// (in English).
pub fn access_review_in(lang: Lang, state: &AccessState) -> Vec<RiskItem> {
    let item = |severity, code, message: String, action: String| RiskItem {
        severity,
        code,
        service_id: None,
        service_name: "Keystep".into(),
        phone: None,
        message,
        action,
        fix: Fix::Settings,
    };
    let mut items = Vec::new();
    if let Some((folder, reason)) = &state.failure {
        items.push(item(
            Severity::Urgent,
            RiskCode::BackupFailed,
            say(
                lang,
                format!("The last backup did not reach {folder}: {reason}"),
                format!("La última copia de seguridad no llegó a {folder}: {reason}"),
            ),
            say(
                lang,
                "Check that the folder is there (plug in the USB stick), then press Try again in Settings.".into(),
                "Compruebe que la carpeta esté disponible (conecte la memoria USB) y vuelva a intentarlo en Configuración.".into(),
            ),
        ));
    }
    if state.accounts == 0 {
        return items;
    }
    if !state.has_password {
        items.push(item(
            Severity::High,
            RiskCode::NoRecoveryPassword,
            say(
                lang,
                "No recovery password: if this computer's keychain is lost, every code is lost.".into(),
                "No tiene contraseña de recuperación: si se pierde el llavero de claves de esta computadora, se pierden todos los códigos.".into(),
            ),
            say(
                lang,
                "Set a recovery password in Settings, and write it down.".into(),
                "Cree una contraseña de recuperación en Configuración y anótela.".into(),
            ),
        ));
    }
    if !(state.has_password && state.backup_folder) {
        items.push(item(
            Severity::High,
            RiskCode::NoBackupOutside,
            say(
                lang,
                "No backup outside this computer: if it breaks or is lost, your codes go with it.".into(),
                "No hay copia de seguridad fuera de esta computadora: si se daña o se pierde, sus códigos se pierden con ella.".into(),
            ),
            say(
                lang,
                "In Settings, choose a backup folder on a USB stick or in a folder your cloud service keeps in sync.".into(),
                "En Configuración, elija una carpeta para las copias de seguridad en una memoria USB o en una carpeta que su servicio en la nube mantiene sincronizada.".into(),
            ),
        ));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_risk_code_is_written_as_its_name() {
        for code in [
            RiskCode::GoneNumber,
            RiskCode::LeavingNumber,
            RiskCode::OnlyOnePhone,
            RiskCode::VoipRefused,
            RiskCode::WeakEmailRecovery,
            RiskCode::NoBackupCodes,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
    use crate::sensitive::SecretString;
    use crate::services::BackupCode;

    /// A small catalog with one service of each relevant shape, so every rule can be reached.
    fn catalog() -> Catalog {
        Catalog::parse(
            r#"
            [[service]]
            id = "mail"
            name = "Mail"
            kind = "email"
            domains = ["mail.example"]
            brands = ["mail"]
            factors = ["sms", "totp", "backup_codes"]
            [[service.pages]]
            id = "sign_in"
            title = "Sign in"
            url = "https://mail.example/"
            [[service.sources]]
            url = "https://mail.example/help"
            checked = "2026-11-26"

            [[service]]
            id = "bank"
            name = "Bank"
            kind = "bank"
            domains = ["bank.example"]
            brands = ["bank"]
            factors = ["sms"]
            voip = "not_accepted"
            [[service.pages]]
            id = "sign_in"
            title = "Sign in"
            url = "https://bank.example/"
            [[service.pages]]
            id = "phone"
            title = "Phone settings"
            url = "https://bank.example/phone"
            [[service.sources]]
            url = "https://bank.example/help"
            checked = "2026-11-26"
            "#,
        )
        .unwrap()
    }

    fn phone(id: &str, kind: PhoneKind, status: PhoneStatus) -> Phone {
        let last = 10 + id.len();
        Phone {
            id: id.into(),
            e164: format!("+120255501{last:02}"),
            label: id.into(),
            kind,
            status,
            added_at_ms: 0,
        }
    }

    fn service(id: &str, service: &str, code: &[&str], recovery: &[&str]) -> Service {
        Service {
            id: id.into(),
            service: ServiceRef::Catalog { id: service.into() },
            code_phones: code.iter().map(|s| s.to_string()).collect(),
            recovery_phones: recovery.iter().map(|s| s.to_string()).collect(),
            keystep_account: None,
            security_key: false,
            backup_codes: Vec::new(),
            added_at_ms: 0,
        }
    }

    fn codes(items: &[RiskItem]) -> Vec<(&str, &str)> {
        items
            .iter()
            .map(|i| (i.service_id.as_deref().unwrap_or_default(), i.code.as_str()))
            .collect()
    }

    #[test]
    fn each_scenario_gives_exactly_its_findings_in_order_of_seriousness() {
        let cat = catalog();
        let mobile = || phone("m", PhoneKind::Mobile, PhoneStatus::InUse);
        let today = "2026-11-26";
        let with_app = |mut a: Service| {
            a.keystep_account = Some("k".into());
            a
        };
        let with_codes = |mut a: Service, used: bool| {
            a.backup_codes = vec![BackupCode {
                code: SecretString::new("1234-5678"),
                used,
            }];
            a
        };
        type Case = (
            &'static str,
            Vec<Phone>,
            Vec<Service>,
            Vec<(&'static str, &'static str)>,
        );
        let cases: Vec<Case> = vec![
            (
                "a bank that texts one number only",
                vec![mobile()],
                vec![service("b", "bank", &["m"], &[])],
                vec![("b", "only_one_phone")],
            ),
            (
                "the same bank with a security key is fine",
                vec![mobile()],
                vec![{
                    let mut a = service("b", "bank", &["m"], &[]);
                    a.security_key = true;
                    a
                }],
                vec![],
            ),
            (
                "a number that is gone comes first, before everything else",
                vec![mobile(), phone("old", PhoneKind::Mobile, PhoneStatus::Gone)],
                vec![service("b", "bank", &["m"], &["old"])],
                vec![("b", "gone_number"), ("b", "only_one_phone")],
            ),
            (
                "a number leaving later is high, on its day urgent",
                vec![phone(
                    "m",
                    PhoneKind::Mobile,
                    PhoneStatus::Leaving {
                        on: "2026-11-26".into(),
                    },
                )],
                vec![with_app(service("b", "bank", &["m"], &[]))],
                vec![("b", "leaving_number")],
            ),
            (
                "an internet number on a service that refuses them",
                vec![phone("v", PhoneKind::Voip, PhoneStatus::InUse), mobile()],
                vec![service("b", "bank", &["v", "m"], &[])],
                vec![("b", "voip_refused")],
            ),
            (
                "email that recovers others, protected by a text only, without backup codes",
                vec![mobile()],
                vec![
                    with_app(service("b", "bank", &[], &[])),
                    service("e", "mail", &["m"], &[]),
                ],
                vec![
                    ("e", "only_one_phone"),
                    ("e", "weak_email_recovery"),
                    ("e", "no_backup_codes"),
                ],
            ),
            (
                "email with an authenticator and unused backup codes is fine",
                vec![mobile()],
                vec![
                    with_app(service("b", "bank", &[], &[])),
                    with_codes(with_app(service("e", "mail", &["m"], &[])), false),
                ],
                vec![],
            ),
            (
                "backup codes that are all used count as none",
                vec![mobile()],
                vec![with_codes(
                    with_app(service("e", "mail", &["m"], &[])),
                    true,
                )],
                vec![("e", "no_backup_codes")],
            ),
        ];
        for (name, phones, services, expected) in cases {
            let items = review(&cat, &phones, &services, today);
            assert_eq!(codes(&items), expected, "{name}");
            assert!(
                items
                    .iter()
                    .all(|i| !i.message.is_empty() && !i.action.is_empty()),
                "{name}: every finding says what is wrong and what to do"
            );
            if let Some(leaving) = items.iter().find(|i| i.code == RiskCode::LeavingNumber) {
                assert_eq!(leaving.severity, Severity::Urgent, "{name}");
            }
            if let Some(voip) = items.iter().find(|i| i.code == RiskCode::VoipRefused) {
                assert_eq!(
                    voip.fix,
                    Fix::Page {
                        service: "bank".into(),
                        page: "phone".into(),
                        title: "Phone settings".into()
                    },
                    "{name}: the fix opens the phone settings page"
                );
            }
        }
    }
}
