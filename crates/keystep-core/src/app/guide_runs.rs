//! Runs of guides, saved in the vault: start or resume, step on, answer, wait, start over. Every call
//! re-reads the newest vault and saves under the write lock, like account changes.

use super::Keystep;
use crate::Lang;
use crate::account::Account;
use crate::error::{Error, Result};
use crate::guides::format::Action;
use crate::guides::view::{Person, RunView, run_view_in};
use crate::guides::{Guide, GuideList, Library, LocalGuide, Run};
use crate::phones::number::national_of;
use crate::phones::planner::{Plan, apply_progress};
use crate::services::ServiceRef;
use crate::vault::Contents;

impl Keystep {
    /// Every run, oldest first ("Signed in to IRS on 2026-03-02" comes from the finished ones).
    pub fn runs(&mut self) -> Result<Vec<Run>> {
        self.refresh()?;
        Ok(self.contents.runs.clone())
    }

    /// Starts a new run of a guide and saves it.
    pub fn start_run(&mut self, guide: &Guide, now_ms: u64) -> Result<Run> {
        let run = Run::start(guide, uuid::Uuid::new_v4().to_string(), now_ms);
        self.update(|contents| {
            contents.runs.push(run.clone());
            Ok(run)
        })
    }

    /// Changes one run (advance, answer, start a wait) and saves it.
    pub fn update_run(&mut self, run_id: &str, change: impl FnOnce(&mut Run)) -> Result<Run> {
        self.update(|contents| {
            let run = contents
                .runs
                .iter_mut()
                .find(|r| r.id == run_id)
                .ok_or(Error::RunNotFound)?;
            change(run);
            Ok(run.clone())
        })
    }

    /// The guides screen, in [`Keystep::lang`]: every guide with its open run, and past runs.
    pub fn guide_list(&mut self, library: &Library) -> Result<GuideList> {
        let catalog = self.catalog;
        let lang = self.lang;
        let runs = self.runs()?;
        let plans: Vec<(Guide, bool)> = self
            .contents
            .plans
            .iter()
            .map(|p| plan_guide_in(p, lang))
            .collect();
        let plans: Vec<LocalGuide<'_>> = plans
            .iter()
            .map(|(guide, translated)| LocalGuide {
                guide,
                translated: *translated,
            })
            .collect();
        Ok(library.list_in(catalog, &runs, &plans, lang))
    }

    /// The open run of a guide, or a new one: "Start" and "Continue" are the same button.
    pub fn open_guide(&mut self, library: &Library, guide_id: &str, now_ms: u64) -> Result<Run> {
        let guide = library.guide(guide_id)?;
        let open = self
            .runs()?
            .into_iter()
            .rev()
            .find(|r| r.guide_id == guide_id && r.is_open());
        match open {
            Some(run) => Ok(run),
            None => self.start_run(guide, now_ms),
        }
    }

    /// Starts a guide over: its open runs are stopped (kept for the record) and a new run begins, in
    /// one save.
    pub fn restart_guide(&mut self, library: &Library, guide_id: &str, now_ms: u64) -> Result<Run> {
        let guide = library.guide(guide_id)?;
        let run = Run::start(guide, uuid::Uuid::new_v4().to_string(), now_ms);
        self.update(|contents| {
            for r in contents
                .runs
                .iter_mut()
                .filter(|r| r.guide_id == guide_id && r.is_open())
            {
                r.stopped_at_ms = Some(now_ms);
            }
            contents.runs.push(run.clone());
            Ok(run)
        })
    }

    /// What the window shows of a run, in [`Keystep::lang`] (the guide's translation, or its English
    /// text marked `translated: false`), with the matching Keystep account for code steps. A run
    /// started in one language continues in another: runs keep step positions, which translations
    /// share.
    pub fn run_view(&mut self, library: &Library, run_id: &str) -> Result<RunView> {
        self.refresh()?;
        let lang = self.lang;
        let c = &self.contents;
        let run = c
            .runs
            .iter()
            .find(|r| r.id == run_id)
            .ok_or(Error::RunNotFound)?;
        let plan = c.plans.iter().find(|p| p.guide.id == run.guide_id);
        let (guide, translated) = match plan {
            Some(p) => plan_guide_in(p, lang),
            None => {
                let local = library.guide_in(&run.guide_id, lang)?;
                (local.guide.clone(), local.translated)
            }
        };
        let accounts: Vec<_> = c.accounts.iter().map(Account::view).collect();
        let mut phones = Vec::new();
        let mut code_links = Vec::new();
        for a in &c.services {
            let ServiceRef::Catalog { id } = &a.service else {
                continue;
            };
            let first = a
                .code_phones
                .first()
                .and_then(|p| c.phones.iter().find(|x| &x.id == p));
            if let Some(phone) = first {
                phones.push((id.clone(), national_of(&phone.e164)));
            }
            if let Some(k) = &a.keystep_account {
                code_links.push((id.clone(), k.clone()));
            }
        }
        let person = Person {
            accounts: &accounts,
            phones: &phones,
            code_links: &code_links,
        };
        Ok(run_view_in(
            LocalGuide {
                guide: &guide,
                translated,
            },
            run,
            self.catalog,
            &person,
            &library.texts_in(lang),
        ))
    }

    /// "Done, next step".
    pub fn run_next(&mut self, library: &Library, run_id: &str, now_ms: u64) -> Result<Run> {
        self.change_run(library, run_id, |run, guide| {
            run.advance(guide, now_ms);
            Ok(())
        })
    }

    /// Follows one of the current step's answers. Only an answer the step offers is accepted, so the
    /// window cannot jump anywhere else in the guide.
    pub fn run_answer(
        &mut self,
        library: &Library,
        run_id: &str,
        goto: &str,
        now_ms: u64,
    ) -> Result<Run> {
        self.change_run(library, run_id, |run, guide| {
            let offered = run.current(guide).is_some_and(|step| {
                step.actions.iter().any(|a| match a {
                    Action::Question { answers, .. } => answers.iter().any(|x| x.goto == goto),
                    _ => false,
                })
            });
            if !offered {
                return Err(Error::GuideBadAnswer);
            }
            run.answer(guide, goto, now_ms);
            Ok(())
        })
    }

    /// "Previous step": back to where the person was before the last move. Refused like a stale
    /// answer (`guide.bad_answer`) when there is none: the first step, or a finished run.
    pub fn run_back(&mut self, library: &Library, run_id: &str) -> Result<Run> {
        self.change_run(library, run_id, |run, guide| {
            if run.back(guide) {
                Ok(())
            } else {
                Err(Error::GuideBadAnswer)
            }
        })
    }

    /// Leaves the help branch the run is in, back to the step it was entered from. Refused like a stale
    /// answer (`guide.bad_answer`) on the main path.
    pub fn run_leave_branch(&mut self, library: &Library, run_id: &str) -> Result<Run> {
        self.change_run(library, run_id, |run, guide| {
            if run.leave_branch(guide) {
                Ok(())
            } else {
                Err(Error::GuideBadAnswer)
            }
        })
    }

    /// Starts (or restarts) the countdown of the current step.
    pub fn run_start_wait(&mut self, library: &Library, run_id: &str, now_ms: u64) -> Result<Run> {
        self.change_run(library, run_id, |run, guide| {
            run.start_wait(guide, now_ms);
            Ok(())
        })
    }

    fn change_run(
        &mut self,
        library: &Library,
        run_id: &str,
        change: impl FnOnce(&mut Run, &Guide) -> Result<()>,
    ) -> Result<Run> {
        self.update(|contents| {
            let Contents {
                runs,
                plans,
                phones,
                services,
                ..
            } = contents;
            let run = runs
                .iter_mut()
                .find(|r| r.id == run_id)
                .ok_or(Error::RunNotFound)?;
            let guide = find_guide(library, plans, &run.guide_id)?;
            change(run, guide)?;
            // A change-number plan moves each account to the new number as its step is done.
            if let Some(plan) = plans.iter().find(|p| p.guide.id == run.guide_id) {
                apply_progress(plan, run, phones, services);
            }
            Ok(run.clone())
        })
    }
}

/// The guide of a change-number plan in `lang`, and whether it is in that language. Today a plan's
/// guide is made once, in English, when the plan is made (phones/planner.rs `plan_guide`), and stored
/// with it; a plan guide made per language plugs in here (its steps keep their ids and order, so the
/// run continues).
pub fn plan_guide_in(plan: &Plan, lang: Lang) -> (Guide, bool) {
    (plan.guide.clone(), lang == Lang::En)
}

/// A bundled or user guide (in English: the runner follows its structure, which every translation
/// shares), or the guide of a change-number plan.
fn find_guide<'a>(library: &'a Library, plans: &'a [Plan], id: &str) -> Result<&'a Guide> {
    plans
        .iter()
        .find(|p| p.guide.id == id)
        .map(|p| &p.guide)
        .map_or_else(|| library.guide(id), Ok)
}
