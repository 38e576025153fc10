//! The guides a person can run: the bundled ones (parsed once) plus those in their own guides folder,
//! and the lists the window shows of them and of past runs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

use super::format::Guide;
use super::runner::Run;
use super::validate::GuideProblem;
use crate::Lang;
use crate::catalog::Catalog;
use crate::error::{Error, Result};

/// The bundled guides, parsed and validated once by [`super::load_bundled`], the loader the tests use
/// too. A bundled guide with a problem (a second guide with the same id included) is a bug the tests
/// catch; at run time such a guide is simply left out.
pub fn bundled_cached() -> &'static [Guide] {
    static BUNDLED: OnceLock<Vec<Guide>> = OnceLock::new();
    BUNDLED.get_or_init(|| super::load_bundled(super::BUNDLED_GUIDES, Catalog::bundled()).0)
}

/// The bundled translations into `lang`, checked against the bundled guides and loaded once; none for
/// English (its guides are the originals). A translation with a problem is a bug the tests catch; at
/// run time it is left out and its guide shows in English.
pub fn translations_cached(lang: Lang) -> &'static [Guide] {
    static CACHE: [OnceLock<Vec<Guide>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CACHE[i]
        .get_or_init(|| super::bundled_translations(lang, bundled_cached(), Catalog::bundled()).0)
}

/// A guide as shown in a language: its translation, or the English guide when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalGuide<'a> {
    pub guide: &'a Guide,
    /// True when the guide's text is in the language asked for (always for English); false when the
    /// English guide stands in for a missing translation.
    pub translated: bool,
}

/// Every guide that can be run, and the problems of user guide files that were left out.
#[derive(Debug, Clone)]
pub struct Library {
    guides: Vec<Guide>,
    user_ids: Vec<String>,
    problems: Vec<GuideProblem>,
    user_dir: Option<PathBuf>,
    /// The translations of each language but English: the bundled ones, and those of the guides
    /// folder's language subfolder (`es/`).
    translations: Vec<(Lang, Vec<Guide>)>,
}

impl Library {
    /// The bundled guides plus the valid guides in `user_dir` (a missing folder is not a problem: most
    /// people never make one), with their translations: the bundled ones and those in a language
    /// subfolder of `user_dir` (`es/`).
    pub fn load(catalog: &Catalog, user_dir: Option<&Path>) -> Self {
        let mut guides = bundled_cached().to_vec();
        let mut user_ids = Vec::new();
        let mut problems = Vec::new();
        let dir = user_dir.filter(|d| d.is_dir());
        if let Some(dir) = dir {
            let taken: Vec<String> = guides.iter().map(|g| g.id.clone()).collect();
            let (extra, found) = super::load_folder(dir, catalog, &taken);
            user_ids = extra.iter().map(|g| g.id.clone()).collect();
            guides.extend(extra);
            problems = found;
        }
        let mut translations = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let folder = dir.map(|d| d.join(lang.code())).filter(|d| d.is_dir());
            let Some(folder) = folder else {
                translations.push((lang, translations_cached(lang).to_vec()));
                continue;
            };
            // The person's translations are checked with the bundled ones, so guide names in either
            // may name a title of the other.
            let (own, mut found) = super::read_folder_files(&folder);
            let mut files: Vec<(&str, &str)> = super::BUNDLED_TRANSLATIONS
                .iter()
                .filter(|(code, _, _)| *code == lang.code())
                .map(|(_, file, text)| (*file, *text))
                .collect();
            files.extend(own.iter().map(|(f, t)| (f.as_str(), t.as_str())));
            let (loaded, more) = super::translation::load_translations(&files, &guides, catalog);
            found.extend(more);
            // Problems of bundled translations are the tests' business, not the person's.
            problems.extend(found.into_iter().filter(|p| {
                !super::BUNDLED_TRANSLATIONS
                    .iter()
                    .any(|(_, f, _)| *f == p.file)
            }));
            translations.push((lang, loaded));
        }
        Library {
            guides,
            user_ids,
            problems,
            user_dir: user_dir.map(Path::to_path_buf),
            translations,
        }
    }

    /// The guide with this id (in English).
    pub fn guide(&self, id: &str) -> Result<&Guide> {
        self.guides
            .iter()
            .find(|g| g.id == id)
            .ok_or_else(|| Error::GuideNotFound { id: id.to_string() })
    }

    /// The guide with this id in `lang`: its translation, or the English guide marked untranslated.
    pub fn guide_in(&self, id: &str, lang: Lang) -> Result<LocalGuide<'_>> {
        let english = self.guide(id)?;
        Ok(self.localize(english, lang))
    }

    /// The translation of a guide into `lang`, if there is one (English guides are their own).
    pub fn translation(&self, id: &str, lang: Lang) -> Option<&Guide> {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, guides)| guides.iter().find(|g| g.id == id))
    }

    fn localize<'a>(&'a self, english: &'a Guide, lang: Lang) -> LocalGuide<'a> {
        if lang == Lang::En {
            return LocalGuide {
                guide: english,
                translated: true,
            };
        }
        match self.translation(&english.id, lang) {
            Some(guide) => LocalGuide {
                guide,
                translated: true,
            },
            None => LocalGuide {
                guide: english,
                translated: false,
            },
        }
    }

    /// The English guides.
    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }

    /// Every guide in `lang`, in the order of [`Library::guides`].
    pub fn guides_in(&self, lang: Lang) -> Vec<LocalGuide<'_>> {
        self.guides.iter().map(|g| self.localize(g, lang)).collect()
    }

    /// Every guide's text in `lang` (translations, and English guides where there is none): the guides
    /// a text may name as links.
    pub fn texts_in(&self, lang: Lang) -> Vec<Guide> {
        self.guides_in(lang)
            .into_iter()
            .map(|l| l.guide.clone())
            .collect()
    }

    /// Problems of user guide files that were left out.
    pub fn problems(&self) -> &[GuideProblem] {
        &self.problems
    }

    /// Checks a translation file into `lang` (for `keystep guide validate`): its English guide is the
    /// guide of this library with the same id, and the guides it names must be titles of `lang`
    /// (the translations of this library, other than one of the same guide, and its own).
    pub fn check_translation(
        &self,
        file: &str,
        text: &str,
        lang: Lang,
        catalog: &Catalog,
    ) -> std::result::Result<Guide, Vec<GuideProblem>> {
        let guide = super::translation::translation_of(file, text, &self.guides, catalog)?;
        let mut titles: Vec<&str> = self
            .translations
            .iter()
            .filter(|(l, _)| *l == lang)
            .flat_map(|(_, guides)| guides.iter().filter(|g| g.id != guide.id))
            .map(|g| g.title.as_str())
            .collect();
        titles.push(&guide.title);
        let problems = super::validate::unknown_guide_names(file, text, &guide, &titles);
        if problems.is_empty() {
            Ok(guide)
        } else {
            Err(problems)
        }
    }

    /// One line per guide for `keystep guide list`: bundled first, then the person's own.
    pub fn entries(&self) -> Vec<GuideEntry> {
        self.entries_in(Lang::En)
    }

    /// [`Library::entries`] with titles and summaries in `lang` (`keystep guide list --lang es`).
    pub fn entries_in(&self, lang: Lang) -> Vec<GuideEntry> {
        self.guides_in(lang)
            .into_iter()
            .map(
                |LocalGuide {
                     guide: g,
                     translated,
                 }| GuideEntry {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    summary: g.summary.clone(),
                    services: g.services(),
                    steps: g.steps.len(),
                    own: self.user_ids.contains(&g.id),
                    checked: g.checked_on().map(str::to_string),
                    translated,
                },
            )
            .collect()
    }

    /// The list the window shows, in English (see [`Library::list_in`]).
    pub fn list(&self, catalog: &Catalog, runs: &[Run], plans: &[Guide]) -> GuideList {
        let plans: Vec<LocalGuide<'_>> = plans
            .iter()
            .map(|guide| LocalGuide {
                guide,
                translated: true,
            })
            .collect();
        self.list_in(catalog, runs, &plans, Lang::En)
    }

    /// The list the window shows: every guide in `lang` (with its open run, if any), past runs newest
    /// first, the user guides folder and the problems found in it.
    ///
    /// `plans` are guides made for the person (change-number plans), already in `lang` where they can
    /// be: listed while a run of them is open, and named in past runs.
    pub fn list_in(
        &self,
        catalog: &Catalog,
        runs: &[Run],
        plans: &[LocalGuide<'_>],
        lang: Lang,
    ) -> GuideList {
        let all: Vec<LocalGuide<'_>> = plans.iter().copied().chain(self.guides_in(lang)).collect();
        let is_plan = |id: &str| plans.iter().any(|p| p.guide.id == id);
        let guides = all
            .iter()
            .filter(|l| {
                !is_plan(&l.guide.id)
                    || runs.iter().any(|r| r.guide_id == l.guide.id && r.is_open())
            })
            .map(
                |&LocalGuide {
                     guide: g,
                     translated,
                 }| GuideSummary {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    service: g.service.clone(),
                    service_name: if is_plan(&g.id) {
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
                    translated,
                    open_run: runs
                        .iter()
                        .rev()
                        .find(|r| r.guide_id == g.id && r.is_open())
                        .map(|r| run_summary(r, &all)),
                },
            )
            .collect();
        let past_runs = runs
            .iter()
            .rev()
            .filter(|r| !r.is_open())
            .take(MAX_PAST_RUNS_SHOWN)
            .map(|r| run_summary(r, &all))
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

fn run_summary(run: &Run, guides: &[LocalGuide<'_>]) -> RunSummary {
    let guide = guides
        .iter()
        .find(|l| l.guide.id == run.guide_id)
        .map(|l| l.guide);
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
    /// True when the title, summary and steps are in the window's language; false when the guide has
    /// no translation and is shown in English (the window says so in the person's language).
    pub translated: bool,
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
    /// True when title and summary are in the language asked for (`--lang`; always for English);
    /// false when the guide has no translation and is listed in English.
    pub translated: bool,
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
