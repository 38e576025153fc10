//! What the window shows of a run: the current step as text blocks and actions, progress, and the
//! Keystep account whose code belongs in a `show_code` step. No secret is in any of it.

use serde::Serialize;
use ts_rs::TS;

use super::format::{Action, Guide};
use super::library::LocalGuide;
use super::runner::Run;
use super::text::{Block, blocks, link_guides};
use crate::account::AccountView;
use crate::catalog::{Catalog, KnownService, squash};

/// One answer button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AnswerView {
    pub label: String,
    pub goto: String,
}

/// An action of the current step, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum ActionView {
    /// A button that asks Rust to open an official page (by ids, never by URL).
    OpenPage {
        service: String,
        page: String,
        label: String,
        /// The page's official address, to read or copy when the browser does not open (it passed
        /// the official-site check; `None` if it did not, and then the page cannot be opened either).
        address: Option<String>,
    },
    /// The live code of the matching Keystep account, if the person has one.
    ShowCode {
        service: String,
        service_name: String,
        account_id: Option<String>,
    },
    /// The phone number kept for the service: the first number it sends codes to, if the person said so.
    ShowPhone {
        service: String,
        service_name: String,
        phone: Option<String>,
    },
    Warning {
        blocks: Vec<Block>,
    },
    /// The exact ending a real address of the service has, and a button to check the copied address.
    CheckAddress {
        service: String,
        service_name: String,
        ending: String,
    },
    /// A countdown; `until_ms` is set once started and survives restarts.
    Wait {
        minutes: u32,
        blocks: Vec<Block>,
        #[ts(type = "number | null")]
        until_ms: Option<u64>,
    },
    Question {
        text: String,
        answers: Vec<AnswerView>,
    },
}

/// The current step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StepView {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
    pub actions: Vec<ActionView>,
}

/// A run as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RunView {
    pub run_id: String,
    pub guide_id: String,
    pub guide_title: String,
    /// True when the guide's text is in the window's language; false when it has no translation and
    /// is shown in English (the window says so in the person's language).
    pub translated: bool,
    /// The day the guide's official pages were last checked (YYYY-MM-DD).
    pub checked: Option<String>,
    /// Main steps done and in all, for the progress bar.
    pub done: usize,
    pub total: usize,
    #[ts(type = "number | null")]
    pub finished_at_ms: Option<u64>,
    /// The main step the person is on, or left for the help branch they are in, counted from 1:
    /// "Step 3 of 7" follows them, also after "Previous step".
    pub step_number: usize,
    /// True when "Previous step" can go somewhere (not on the first step, not once finished).
    pub can_go_back: bool,
    /// The troubleshooting branch the person is in, if any.
    pub branch_title: Option<String>,
    /// The step the branch was entered from, for "Back to step 3: Enter the code".
    pub branch_origin: Option<OriginView>,
    /// The step to show; none once the run is finished.
    pub step: Option<StepView>,
}

/// The step a help branch was entered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OriginView {
    pub title: String,
    /// Its number among the main steps (from 1), when it is one; none for a step of another branch.
    pub step_number: Option<usize>,
}

/// The Keystep account whose codes belong to `service`: its service name matches the catalog's name or
/// one of its brand words, ignoring case, spaces and punctuation ("ID.me", "id me", "IDME").
pub fn account_for_service<'a>(
    service: &KnownService,
    accounts: &'a [AccountView],
) -> Option<&'a AccountView> {
    let names = service.name_keys();
    accounts.iter().find(|a| names.contains(&squash(&a.issuer)))
}

/// What Keystep knows of the person that a step may show: their code accounts, the number they keep
/// for each catalog service, and the code accounts they linked to services.
#[derive(Debug, Clone, Copy, Default)]
pub struct Person<'a> {
    pub accounts: &'a [AccountView],
    /// (catalog service id, number in national format)
    pub phones: &'a [(String, String)],
    /// (catalog service id, Keystep account id), as the person confirmed them
    pub code_links: &'a [(String, String)],
}

/// Builds the view of `run` for the window. `guides` are the guides its text may name (they become
/// links).
pub fn run_view(
    guide: &Guide,
    run: &Run,
    catalog: &Catalog,
    person: &Person<'_>,
    guides: &[Guide],
) -> RunView {
    let local = LocalGuide {
        guide,
        translated: true,
    };
    run_view_in(local, run, catalog, person, guides)
}

/// [`run_view`] of a guide in a language: its translation or its English text (`local.translated`
/// says which). A run's positions are the same in every language, so any run of the guide fits.
/// `guides` are the guides, in the same language, that its text may name.
pub fn run_view_in(
    local: LocalGuide<'_>,
    run: &Run,
    catalog: &Catalog,
    person: &Person<'_>,
    guides: &[Guide],
) -> RunView {
    let guide = local.guide;
    let (done, total) = run.progress(guide);
    let branch_title = run
        .at
        .branch
        .as_deref()
        .and_then(|id| guide.branch(id))
        .map(|b| b.title.clone());
    let step = run.current(guide).map(|s| StepView {
        id: s.id.clone(),
        title: s.title.clone(),
        blocks: linked(&s.text, guides),
        actions: s
            .actions
            .iter()
            .map(|a| action_view(guide, run, &s.id, a, catalog, person, guides))
            .collect(),
    });
    let branch_origin = run.branch_origin(guide).and_then(|at| {
        let step = guide.path(at.branch.as_deref())?.get(at.step)?;
        Some(OriginView {
            title: step.title.clone(),
            step_number: at.branch.is_none().then_some(at.step + 1),
        })
    });
    RunView {
        run_id: run.id.clone(),
        guide_id: guide.id.clone(),
        guide_title: guide.title.clone(),
        translated: local.translated,
        checked: guide.checked_on().map(str::to_string),
        done,
        total,
        finished_at_ms: run.finished_at_ms,
        step_number: (run.main_step(guide) + 1).min(total.max(1)),
        can_go_back: run.can_go_back(guide),
        branch_title,
        branch_origin,
        step,
    }
}

/// Guide text as blocks, with the guides it names made links.
fn linked(text: &str, guides: &[Guide]) -> Vec<Block> {
    let mut b = blocks(text);
    link_guides(&mut b, guides);
    b
}

/// The ending as the window says it. Only the government can register names under .gov, so "ends in
/// irs.gov" is safe as plain words. Under other endings anyone can buy a name that ends in the same
/// letters (`irs-id.me` ends in "id.me"), so a bare official name is said with its dot: ".id.me".
/// Names under it (`account.id.me`) belong to the service whatever comes before them.
pub fn ending_as_said(ending: &str) -> String {
    let bare = crate::links::registrable_domain(ending).is_some_and(|r| r == ending);
    if bare && !ending.ends_with(".gov") {
        format!(".{ending}")
    } else {
        ending.to_string()
    }
}

fn action_view(
    guide: &Guide,
    run: &Run,
    step_id: &str,
    action: &Action,
    catalog: &Catalog,
    person: &Person<'_>,
    guides: &[Guide],
) -> ActionView {
    let name_of = |id: &str| {
        catalog
            .service(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    match action {
        Action::OpenPage {
            page,
            service,
            label,
        } => {
            let service = service.clone().unwrap_or_else(|| guide.service.clone());
            ActionView::OpenPage {
                address: crate::links::official_page_url(catalog, &service, page).ok(),
                service,
                page: page.clone(),
                label: label.clone(),
            }
        }
        Action::ShowCode { service } => ActionView::ShowCode {
            service: service.clone(),
            service_name: name_of(service),
            account_id: catalog
                .service(service)
                .and_then(|s| {
                    // A link the person confirmed wins over a match by name.
                    let linked = person
                        .code_links
                        .iter()
                        .find(|(id, _)| *id == s.id)
                        .and_then(|(_, account)| person.accounts.iter().find(|a| &a.id == account));
                    linked.or_else(|| account_for_service(s, person.accounts))
                })
                .map(|a| a.id.clone()),
        },
        Action::ShowPhone { service } => ActionView::ShowPhone {
            service: service.clone(),
            service_name: name_of(service),
            phone: person
                .phones
                .iter()
                .find(|(id, _)| id == service)
                .map(|(_, number)| number.clone()),
        },
        Action::Warning { text } => ActionView::Warning {
            blocks: linked(text, guides),
        },
        Action::CheckAddress { ending, service } => {
            let service = service.clone().unwrap_or_else(|| guide.service.clone());
            ActionView::CheckAddress {
                service_name: name_of(&service),
                service,
                ending: ending_as_said(ending),
            }
        }
        Action::Wait { minutes, text } => ActionView::Wait {
            minutes: *minutes,
            blocks: linked(text, guides),
            until_ms: run
                .waits
                .iter()
                .find(|w| w.step_id == step_id)
                .map(|w| w.until_ms),
        },
        Action::Question { text, answers } => ActionView::Question {
            text: text.clone(),
            answers: answers
                .iter()
                .map(|a| AnswerView {
                    label: a.label.clone(),
                    goto: a.goto.clone(),
                })
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::{Algorithm, OtpKind};

    fn account(id: &str, issuer: &str) -> AccountView {
        AccountView {
            id: id.into(),
            issuer: issuer.into(),
            name: "me".into(),
            label: format!("{issuer} (me)"),
            kind: OtpKind::Totp,
            algorithm: Algorithm::Sha1,
            digits: 6,
            period: 30,
            counter: None,
        }
    }

    #[test]
    fn the_irs_guide_shows_the_idme_code_of_the_matching_account() {
        let catalog = Catalog::bundled();
        let guides = crate::guides::bundled(catalog).unwrap();
        let irs = guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
        let accounts = [account("a-gh", "GitHub"), account("a-idme", "id.me")];
        let step = irs
            .all_steps()
            .map(|(_, s)| s)
            .find(|s| {
                s.actions
                    .iter()
                    .any(|a| matches!(a, Action::ShowCode { .. }))
            })
            .unwrap();
        let (branch, index) = irs.locate(&step.id).unwrap();
        let mut run = Run::start(irs, "r".into(), 0);
        run.at = super::super::runner::Position {
            branch,
            step: index,
        };
        let view = run_view(
            irs,
            &run,
            catalog,
            &Person {
                accounts: &accounts,
                ..Person::default()
            },
            &guides,
        );
        let shown = view.step.clone().unwrap();
        assert!(shown.actions.iter().any(|a| matches!(
            a,
            ActionView::ShowCode { account_id: Some(id), service_name, .. } if id == "a-idme" && service_name == "ID.me"
        )));
        assert_eq!(view.total, irs.steps.len());
        let json = serde_json::to_value(&view).unwrap();
        assert!(
            json.get("runId").is_some() && json.get("guideTitle").is_some(),
            "{json}"
        );
        let code = serde_json::to_value(ActionView::ShowCode {
            service: "idme".into(),
            service_name: "ID.me".into(),
            account_id: None,
        })
        .unwrap();
        assert_eq!(
            code,
            serde_json::json!({"type": "show_code", "service": "idme", "serviceName": "ID.me", "accountId": null})
        );
    }

    #[test]
    fn no_matching_account_means_no_code_and_a_finished_run_has_no_step() {
        let catalog = Catalog::bundled();
        let idme = catalog.service("idme").unwrap();
        assert!(account_for_service(idme, &[account("x", "IRS")]).is_none());
        assert_eq!(
            account_for_service(idme, &[account("y", "ID.me")]).map(|a| a.id.as_str()),
            Some("y")
        );
        let guides = crate::guides::bundled(catalog).unwrap();
        let g = &guides[0];
        let mut run = Run::start(g, "r".into(), 0);
        run.answer(g, "end", 5);
        let view = run_view(g, &run, catalog, &Person::default(), &guides);
        assert_eq!(
            (view.step, view.finished_at_ms, view.done),
            (None, Some(5), view.total)
        );
    }
}
