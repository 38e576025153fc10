//! The guides a person can run: the bundled ones (parsed once) plus those in their own guides folder,
//! and the lists the window shows of them and of past runs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

use super::format::Guide;
use super::runner::Run;
use super::validate::GuideProblem;
use crate::catalog::Catalog;
use crate::error::{Error, Result};

/// The bundled guides, parsed and validated once by [`super::load_bundled`], the loader the tests use
/// too. A bundled guide with a problem (a second guide with the same id included) is a bug the tests
/// catch; at run time such a guide is simply left out.
pub fn bundled_cached() -> &'static [Guide] {
    static BUNDLED: OnceLock<Vec<Guide>> = OnceLock::new();
    BUNDLED.get_or_init(|| super::load_bundled(super::BUNDLED_GUIDES, Catalog::bundled()).0)
}

/// Every guide that can be run, and the problems of user guide files that were left out.
#[derive(Debug, Clone)]
pub struct Library {
    guides: Vec<Guide>,
    user_ids: Vec<String>,
    problems: Vec<GuideProblem>,
    user_dir: Option<PathBuf>,
}

impl Library {
    /// The bundled guides plus the valid guides in `user_dir` (a missing folder is not a problem: most
    /// people never make one).
    pub fn load(catalog: &Catalog, user_dir: Option<&Path>) -> Self {
        let mut guides = bundled_cached().to_vec();
        let mut user_ids = Vec::new();
        let mut problems = Vec::new();
        if let Some(dir) = user_dir.filter(|d| d.is_dir()) {
            let taken: Vec<String> = guides.iter().map(|g| g.id.clone()).collect();
            let (extra, found) = super::load_folder(dir, catalog, &taken);
            user_ids = extra.iter().map(|g| g.id.clone()).collect();
            guides.extend(extra);
            problems = found;
        }
        Library {
            guides,
            user_ids,
            problems,
            user_dir: user_dir.map(Path::to_path_buf),
        }
    }

    /// The guide with this id.
    pub fn guide(&self, id: &str) -> Result<&Guide> {
        self.guides
            .iter()
            .find(|g| g.id == id)
            .ok_or_else(|| Error::GuideNotFound { id: id.to_string() })
    }

    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }

    /// Problems of user guide files that were left out.
    pub fn problems(&self) -> &[GuideProblem] {
        &self.problems
    }

    /// One line per guide for `keystep guide list`: bundled first, then the person's own.
    pub fn entries(&self) -> Vec<GuideEntry> {
        self.guides
            .iter()
            .map(|g| GuideEntry {
                id: g.id.clone(),
                title: g.title.clone(),
                summary: g.summary.clone(),
                services: g.services(),
                steps: g.steps.len(),
                own: self.user_ids.contains(&g.id),
                checked: g.checked_on().map(str::to_string),
            })
            .collect()
    }

    /// The list the window shows: every guide (with its open run, if any), past runs newest first, the
    /// user guides folder and the problems found in it.
    ///
    /// `plans` are guides made for the person (change-number plans): listed while a run of them is
    /// open, and named in past runs.
    pub fn list(&self, catalog: &Catalog, runs: &[Run], plans: &[Guide]) -> GuideList {
        let open_plans = plans
            .iter()
            .filter(|p| runs.iter().any(|r| r.guide_id == p.id && r.is_open()));
        let guides = open_plans
            .chain(&self.guides)
            .map(|g| GuideSummary {
                id: g.id.clone(),
                title: g.title.clone(),
                service: g.service.clone(),
                service_name: if plans.iter().any(|p| p.id == g.id) {
                    PLAN_SERVICE_NAME.to_string()
                } else {
                    catalog
                        .service(&g.service)
                        .map_or_else(|| g.service.clone(), |s| s.name.clone())
                },
                summary: g.summary.clone(),
                minutes: g.minutes,
                needs: g.needs.clone(),
                checked: g.checked_on().map(str::to_string),
                from_user_folder: self.user_ids.contains(&g.id),
                open_run: runs
                    .iter()
                    .rev()
                    .find(|r| r.guide_id == g.id && r.is_open())
                    .map(|r| run_summary(r, self.guides.iter().chain(plans))),
            })
            .collect();
        let past_runs = runs
            .iter()
            .rev()
            .filter(|r| !r.is_open())
            .take(MAX_PAST_RUNS_SHOWN)
            .map(|r| run_summary(r, self.guides.iter().chain(plans)))
            .collect();
        GuideList {
            guides,
            past_runs,
            user_folder: self
                .user_dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            problems: self.problems.iter().map(ToString::to_string).collect(),
        }
    }
}

fn run_summary<'a>(run: &Run, mut guides: impl Iterator<Item = &'a Guide>) -> RunSummary {
    let guide = guides.find(|g| g.id == run.guide_id);
    let (done, total) = guide.map_or((run.done.len(), 0), |g| run.progress(g));
    RunSummary {
        run_id: run.id.clone(),
        guide_id: run.guide_id.clone(),
        guide_title: guide.map_or_else(
            || format!("A guide that is no longer installed ({})", run.guide_id),
            |g| g.title.clone(),
        ),
        started_at_ms: run.started_at_ms,
        finished_at_ms: run.finished_at_ms,
        stopped_at_ms: run.stopped_at_ms,
        done,
        total,
    }
}

/// What the list says a change-number plan is for.
pub const PLAN_SERVICE_NAME: &str = "Your phone numbers";

/// How many past runs the list shows.
pub const MAX_PAST_RUNS_SHOWN: usize = 20;

/// A guide in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct GuideSummary {
    pub id: String,
    pub title: String,
    pub service: String,
    pub service_name: String,
    pub summary: String,
    pub minutes: u32,
    pub needs: Vec<String>,
    /// The day its official pages were last checked (YYYY-MM-DD), for "Checked against the official
    /// pages on …".
    pub checked: Option<String>,
    /// True for a guide from the person's own guides folder.
    pub from_user_folder: bool,
    /// The run to continue, if one is under way.
    pub open_run: Option<RunSummary>,
}

/// A guide as `keystep guide list --json` prints it (a contract: fields are only ever added).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuideEntry {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The guide's service first, then every other service its steps show or open.
    pub services: Vec<String>,
    /// Main steps (troubleshooting branches not counted).
    pub steps: usize,
    /// True for a guide from the person's own guides folder.
    pub own: bool,
    /// The day its official pages were last checked (YYYY-MM-DD).
    pub checked: Option<String>,
}

/// A run, in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    pub run_id: String,
    pub guide_id: String,
    pub guide_title: String,
    #[ts(type = "number")]
    pub started_at_ms: u64,
    #[ts(type = "number | null")]
    pub finished_at_ms: Option<u64>,
    #[ts(type = "number | null")]
    pub stopped_at_ms: Option<u64>,
    pub done: usize,
    pub total: usize,
}

/// The guides screen's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct GuideList {
    pub guides: Vec<GuideSummary>,
    /// Finished or stopped runs, newest first.
    pub past_runs: Vec<RunSummary>,
    /// Where a person may put guides of their own (empty if unknown).
    pub user_folder: String,
    /// "file:line:column: message" for each user guide file that was left out.
    pub problems: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_guides_are_all_loaded_once() {
        let a = bundled_cached();
        assert_eq!(a.len(), super::super::BUNDLED_GUIDES.len());
        assert!(std::ptr::eq(a, bundled_cached()));
        // The guides the tests check are the ones the app runs.
        let tested = super::super::bundled(Catalog::bundled()).unwrap();
        assert_eq!(tested.as_slice(), a);
    }

    #[test]
    fn a_second_bundled_guide_with_the_same_id_is_left_out_and_named() {
        let (file, text) = super::super::BUNDLED_GUIDES[0];
        let (guides, problems) =
            super::super::load_bundled(&[(file, text), ("copy.toml", text)], Catalog::bundled());
        assert_eq!(guides.len(), 1, "the copy is left out at run time");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file, "copy.toml");
        assert!(problems[0].message.contains(file), "{}", problems[0]);
    }

    #[test]
    fn a_user_folder_adds_guides_and_reports_broken_files() {
        let dir = tempfile::tempdir().unwrap();
        let own = super::super::BUNDLED_GUIDES[0].1.replacen(
            "id = \"irs-sign-in\"",
            "id = \"my-irs\"",
            1,
        );
        std::fs::write(dir.path().join("mine.toml"), own).unwrap();
        std::fs::write(dir.path().join("broken.toml"), "id = 3").unwrap();
        let lib = Library::load(Catalog::bundled(), Some(dir.path()));
        assert!(lib.guide("my-irs").is_ok());
        assert_eq!(lib.problems().len(), 1, "{:?}", lib.problems());
        let list = lib.list(Catalog::bundled(), &[], &[]);
        let mine = list.guides.iter().find(|g| g.id == "my-irs").unwrap();
        assert!(mine.from_user_folder);
        assert!(
            list.problems[0].contains("broken.toml"),
            "{:?}",
            list.problems
        );
        assert_eq!(list.user_folder, dir.path().display().to_string());
    }

    #[test]
    fn a_missing_folder_is_no_problem_and_unknown_guides_are_named() {
        let lib = Library::load(Catalog::bundled(), Some(Path::new("/no/such/folder")));
        assert!(lib.problems().is_empty());
        let err = lib.guide("nope").unwrap_err();
        assert_eq!(err.code(), "guide.not_found");
    }

    #[test]
    fn the_list_shows_open_runs_on_their_guide_and_the_rest_as_past() {
        let lib = Library::load(Catalog::bundled(), None);
        let guide = lib.guide("irs-sign-in").unwrap();
        let mut finished = Run::start(guide, "a".into(), 1_000);
        finished.answer(guide, "end", 2_000);
        let open = Run::start(guide, "b".into(), 3_000);
        let list = lib.list(Catalog::bundled(), &[finished, open], &[]);
        let irs = list.guides.iter().find(|g| g.id == "irs-sign-in").unwrap();
        assert_eq!(irs.open_run.as_ref().unwrap().run_id, "b");
        assert_eq!(irs.service_name, "IRS");
        assert_eq!(list.past_runs.len(), 1);
        assert_eq!(list.past_runs[0].finished_at_ms, Some(2_000));
        assert_eq!(list.past_runs[0].done, list.past_runs[0].total);
    }
}
