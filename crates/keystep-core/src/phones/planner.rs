//! The change-number planner: from "old number, new number, date" to a guide the runner walks, in the
//! order that keeps the person able to get in. Email first (it recovers everything else), then
//! government, banks, payment, the rest; the old number stays until the very end.

use super::model::Phone;
use crate::Lang;
use crate::catalog::{Catalog, Factor, ServiceKind};
use crate::services::{Service, ServiceRef, service_name};
use serde::{Deserialize, Serialize};

use crate::guides::Run;
use crate::guides::format::{Action, Guide, Step};

/// Guide ids of plans start with this, so runs can find their plan in the vault.
pub const PLAN_ID_PREFIX: &str = "plan-";
/// Step ids of the per-account steps: this prefix, then the service's id.
pub const ACCOUNT_STEP_PREFIX: &str = "update-";
/// The last step's id; finishing the plan marks the old number gone.
pub const FINAL_STEP_ID: &str = "old-number-gone";

/// A change-number plan kept in the vault: the guide made for it and the two numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub guide: Guide,
    pub old_phone: String,
    pub new_phone: String,
    /// The day the old number stops (YYYY-MM-DD).
    pub date: String,
}

/// One step of a plan's checklist, as the command line prints it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChecklistStep {
    /// Counted from 1.
    pub number: usize,
    pub id: String,
    pub title: String,
    /// The official page of the step, after the official-site check, if it has one.
    pub page: Option<String>,
}

/// The plan's steps in order, each with its official page.
pub fn checklist(plan: &Plan, catalog: &crate::catalog::Catalog) -> Vec<ChecklistStep> {
    plan.guide
        .steps
        .iter()
        .zip(1..)
        .map(|(s, number)| ChecklistStep {
            number,
            id: s.id.clone(),
            title: s.title.clone(),
            page: s.actions.iter().find_map(|a| match a {
                crate::guides::Action::OpenPage { page, service, .. } => {
                    let service = service.as_deref().unwrap_or(&plan.guide.service);
                    crate::links::official_page_url(catalog, service, page).ok()
                }
                _ => None,
            }),
        })
        .collect()
}

/// Brings the accounts and numbers in line with a plan run: each account step done moves that account
/// from the old number to the new one; the finished run marks the old number gone. Safe to repeat.
pub fn apply_progress(plan: &Plan, run: &Run, phones: &mut [Phone], accounts: &mut [Service]) {
    for a in accounts.iter_mut() {
        let step = format!("{ACCOUNT_STEP_PREFIX}{}", a.id);
        if !run.done.contains(&step) {
            continue;
        }
        for list in [&mut a.code_phones, &mut a.recovery_phones] {
            if list.contains(&plan.old_phone) {
                list.retain(|p| *p != plan.old_phone);
                if !list.contains(&plan.new_phone) {
                    list.push(plan.new_phone.clone());
                }
            }
        }
    }
    if run.is_finished()
        && let Some(old) = phones.iter_mut().find(|p| p.id == plan.old_phone)
    {
        old.status = super::model::PhoneStatus::Gone;
    }
}

/// The order in which kinds of services are updated.
fn rank(kind: Option<ServiceKind>) -> u8 {
    match kind {
        Some(ServiceKind::Email) => 0,
        Some(ServiceKind::Government | ServiceKind::Identity) => 1,
        Some(ServiceKind::Bank) => 2,
        Some(ServiceKind::Payment) => 3,
        Some(ServiceKind::Carrier) => 5,
        _ => 4,
    }
}

/// The services that use `old` (for codes or recovery), in the order they should be updated.
pub fn accounts_to_update<'a>(
    catalog: &Catalog,
    accounts: &'a [Service],
    old: &Phone,
) -> Vec<&'a Service> {
    let mut list: Vec<&Service> = accounts
        .iter()
        .filter(|a| a.code_phones.contains(&old.id) || a.recovery_phones.contains(&old.id))
        .collect();
    let kind_of = |a: &Service| match &a.service {
        ServiceRef::Catalog { id } => catalog.service(id).map(|s| s.kind),
        ServiceRef::Custom { .. } => None,
    };
    list.sort_by_key(|a| {
        (
            rank(kind_of(a)),
            service_name(catalog, &a.service).to_lowercase(),
        )
    });
    list
}

/// Builds the plan as a guide with id `plan-<plan_id>`, in English.
pub fn plan_guide(
    catalog: &Catalog,
    accounts: &[Service],
    old: &Phone,
    new: &Phone,
    date: &str,
    plan_id: &str,
) -> Guide {
    plan_guide_in(Lang::En, catalog, accounts, old, new, date, plan_id)
}

/// The words of a plan in one language; `{...}` values are put in by [`plan_guide_in`].
struct PlanWords {
    keep_title: &'static str,
    keep_text: fn(&str, &str, &str) -> String,
    keep_warning: &'static str,
    update_text: fn(&str, &str, &str) -> String,
    custom_domain: fn(&str, &str) -> String,
    open_label: fn(&str, &str) -> String,
    offers_app: fn(&str) -> String,
    update_title: fn(&str) -> String,
    final_title: &'static str,
    final_text: fn(&str, &str) -> String,
    title: fn(&str, &str) -> String,
    summary: fn(&str, &str, &str) -> String,
    needs_old: fn(&str) -> String,
    needs_new: fn(&str) -> String,
}

const ENGLISH: PlanWords = PlanWords {
    keep_title: "Keep your old number working until the end",
    keep_text: |old_n, new_n, day| {
        format!(
            "You are moving from **{old_n}** to **{new_n}**. Your old number stops on {day}.\n\nDo not cancel or give up the old number until this list is done. Some services send a code to the old number before they let you change it."
        )
    },
    keep_warning: "Keep the phone with the old number turned on and nearby while you work through this list.",
    update_text: |name, old_n, new_n| {
        format!(
            "Update the number {name} uses. Do these in order:\n\n- Open {name}'s phone settings and sign in.\n- Add your new number, {new_n}.\n- {name} sends a code to the **new** number. Type it in to confirm.\n- Make {new_n} the main number for sign-in codes.\n- Remove the old number, {old_n}."
        )
    },
    custom_domain: |name, domain| {
        format!(
            "\n\nGo to {name} by typing **{domain}** in your browser yourself. Do not use a link from a message."
        )
    },
    open_label: |name, title| format!("Open {name}: {title}"),
    offers_app: |name| {
        format!(
            "\n\n{name} also offers an authenticator app. With it, codes come from Keystep instead of texts, so a number change never locks you out again. You can set it up while you are in the settings."
        )
    },
    update_title: |name| format!("Update {name}"),
    final_title: "Let the old number go",
    final_text: |old_n, new_n| {
        format!(
            "Every service on this list now uses {new_n}.\n\nWhen you finish, Keystep marks {old_n} as gone. Then you can let the old number go."
        )
    },
    title: |old_n, new_n| format!("Change your number from {old_n} to {new_n}"),
    summary: |old_n, new_n, day| {
        format!("Move every service from {old_n} to {new_n} before {day}.")
    },
    needs_old: |old_n| format!("The phone with the old number, {old_n}"),
    needs_new: |new_n| format!("The phone with the new number, {new_n}"),
};

const SPANISH: PlanWords = PlanWords {
    keep_title: "Mantenga su número anterior funcionando hasta el final",
    keep_text: |old_n, new_n, day| {
        format!(
            "Usted va a pasar del **{old_n}** al **{new_n}**. Su número anterior deja de funcionar el {day}.\n\nNo cancele ni deje el número anterior hasta terminar esta lista. Algunos servicios envían un código al número anterior antes de dejarle cambiarlo."
        )
    },
    keep_warning: "Mantenga encendido y cerca el teléfono con el número anterior mientras sigue esta lista.",
    update_text: |name, old_n, new_n| {
        format!(
            "Cambie el número que usa {name}. Hágalo en este orden:\n\n- Abra la configuración de teléfono de {name} e inicie sesión.\n- Agregue su número nuevo, {new_n}.\n- {name} envía un código al número **nuevo**. Escríbalo para confirmar.\n- Haga que {new_n} sea el número principal para los códigos de inicio de sesión.\n- Quite el número anterior, {old_n}."
        )
    },
    custom_domain: |name, domain| {
        format!(
            "\n\nPara ir a {name}, escriba usted mismo **{domain}** en su navegador. No use un enlace de un mensaje."
        )
    },
    open_label: |name, title| format!("Abrir {name}: {title}"),
    offers_app: |name| {
        format!(
            "\n\n{name} también ofrece una aplicación de autenticación. Con ella, los códigos salen de Keystep en lugar de llegar por mensaje de texto, así que un cambio de número no le volverá a dejar sin acceso. Puede configurarla mientras está en la configuración."
        )
    },
    update_title: |name| format!("Cambiar el número en {name}"),
    final_title: "Deje el número anterior",
    final_text: |old_n, new_n| {
        format!(
            "Todos los servicios de esta lista ya usan el {new_n}.\n\nAl terminar, Keystep marca el {old_n} como un número que usted ya no tiene. Después puede dejar el número anterior."
        )
    },
    title: |old_n, new_n| format!("Cambiar su número del {old_n} al {new_n}"),
    summary: |old_n, new_n, day| {
        format!("Pase todos sus servicios del {old_n} al {new_n} antes del {day}.")
    },
    needs_old: |old_n| format!("El teléfono con el número anterior, {old_n}"),
    needs_new: |new_n| format!("El teléfono con el número nuevo, {new_n}"),
};

/// Builds the plan as a guide with id `plan-<plan_id>`, written in `lang`. The guide is stored with
/// the plan, so it keeps the language it was made in.
pub fn plan_guide_in(
    lang: Lang,
    catalog: &Catalog,
    accounts: &[Service],
    old: &Phone,
    new: &Phone,
    date: &str,
    plan_id: &str,
) -> Guide {
    let w = match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    };
    let old_n = super::number::national_of(&old.e164);
    let new_n = super::number::national_of(&new.e164);
    let day = crate::dates::spelled_out_in(date, lang);
    let mut steps = vec![Step {
        id: "keep-old-number".into(),
        title: w.keep_title.into(),
        text: (w.keep_text)(&old_n, &new_n, &day),
        actions: vec![Action::Warning {
            text: w.keep_warning.into(),
        }],
    }];
    for a in accounts_to_update(catalog, accounts, old) {
        let name = service_name(catalog, &a.service);
        let service = match &a.service {
            ServiceRef::Catalog { id } => catalog.service(id),
            ServiceRef::Custom { .. } => None,
        };
        let mut text = (w.update_text)(&name, &old_n, &new_n);
        if let ServiceRef::Custom { domain, .. } = &a.service {
            text.push_str(&(w.custom_domain)(&name, domain));
        }
        let mut actions = Vec::new();
        if let Some(s) = service {
            if let Some(p) = crate::phones::PHONE_PAGES.iter().find_map(|p| s.page(p)) {
                actions.push(Action::OpenPage {
                    page: p.id.clone(),
                    service: Some(s.id.clone()),
                    label: (w.open_label)(&name, &p.title),
                });
            }
            if s.factors.contains(&Factor::Totp) && a.keystep_account.is_none() {
                text.push_str(&(w.offers_app)(&name));
            }
        }
        steps.push(Step {
            id: format!("{ACCOUNT_STEP_PREFIX}{}", a.id),
            title: (w.update_title)(&name),
            text,
            actions,
        });
    }
    steps.push(Step {
        id: FINAL_STEP_ID.into(),
        title: w.final_title.into(),
        text: (w.final_text)(&old_n, &new_n),
        actions: Vec::new(),
    });
    Guide {
        id: format!("{PLAN_ID_PREFIX}{plan_id}"),
        title: (w.title)(&old_n, &new_n),
        service: String::new(),
        summary: (w.summary)(&old_n, &new_n, &day),
        minutes: 5 * u32::try_from(steps.len()).unwrap_or(u32::MAX / 5),
        needs: vec![(w.needs_old)(&old_n), (w.needs_new)(&new_n)],
        sources: Vec::new(),
        steps,
        branches: Vec::new(),
    }
}
