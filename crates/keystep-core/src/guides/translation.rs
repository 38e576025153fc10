//! Translations of guides (docs/guide-format.md, "Translations"). A translation is a whole guide file
//! in a language folder (`data/guides/es/<id>.toml`): it is parsed and validated like any guide, then
//! held against its English guide. Only the texts may differ: the id, service, minutes, the number of
//! needs, the steps (ids, order) and branches (ids, `returns`, steps), and every action's type and
//! non-text fields (pages, services, endings, wait minutes, answers' `goto`) must be the same, because
//! a run is stored by guide id and step positions and continues in either language.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::format::{Action, Guide, Step};
use super::validate::{GuideProblem, line_column, load_guide, unknown_guide_names};
use crate::Lang;
use crate::catalog::Catalog;

/// Parses and validates a translation `file` (its `text`) and holds it against `english`: the
/// translated guide, or every problem found, each with its line and column in the translation.
/// Guide names in its texts are checked separately ([`unknown_guide_names`]): they need the titles
/// of every guide of the language.
pub fn check_translation(
    file: &str,
    text: &str,
    english: &Guide,
    catalog: &Catalog,
) -> Result<Guide, Vec<GuideProblem>> {
    let translated = load_guide(file, text, catalog)?;
    let problems = differences(file, text, english, &translated);
    if problems.is_empty() {
        Ok(translated)
    } else {
        Err(problems)
    }
}

/// Loads the translations of one language, `(file, text)` each, against the `english` guides: every
/// file is checked ([`check_translation`]); a file whose id no English guide has, or whose id an
/// earlier file already translates, is a problem; and every guide name in a translation must be the
/// exact title of a translation of the same language. Files with problems are left out.
pub fn load_translations(
    files: &[(&str, &str)],
    english: &[Guide],
    catalog: &Catalog,
) -> (Vec<Guide>, Vec<GuideProblem>) {
    let mut loaded: Vec<(Guide, &str, &str)> = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in files {
        match translation_of(file, text, english, catalog) {
            Ok(g) => match loaded.iter().find(|(o, _, _)| o.id == g.id) {
                Some((_, first, _)) => problems.push(problem_at(
                    file,
                    text,
                    toml::from_str::<IdOnly>(text).map_or(0, |only| only.id.span().start),
                    format!(
                        "guide \"{}\" is already translated by {first}; each guide has one translation per language",
                        g.id
                    ),
                )),
                None => loaded.push((g, file, text)),
            },
            Err(p) => problems.extend(p),
        }
    }
    let titles: Vec<&str> = loaded.iter().map(|(g, _, _)| g.title.as_str()).collect();
    let mut kept = Vec::new();
    let mut named = Vec::new();
    for (g, file, text) in &loaded {
        let found = unknown_guide_names(file, text, g, &titles);
        if found.is_empty() {
            kept.push(g.clone());
        } else {
            named.extend(found);
        }
    }
    problems.extend(named);
    (kept, problems)
}

/// [`check_translation`] against the English guide with the same id as the file's guide.
pub fn translation_of(
    file: &str,
    text: &str,
    english: &[Guide],
    catalog: &Catalog,
) -> Result<Guide, Vec<GuideProblem>> {
    let id = match toml::from_str::<IdOnly>(text) {
        Ok(only) => only.id,
        // Not a guide at all: the full check says what is wrong, where.
        Err(_) => return load_guide(file, text, catalog),
    };
    match english.iter().find(|g| g.id == *id.get_ref()) {
        Some(en) => check_translation(file, text, en, catalog),
        None => {
            // Report the guide's own problems first, then the missing original.
            let mut problems = load_guide(file, text, catalog).err().unwrap_or_default();
            problems.push(problem_at(
                file,
                text,
                id.span().start,
                format!(
                    "this translates guide \"{}\", but there is no English guide with that id: a translation keeps the id of the guide it translates",
                    id.get_ref()
                ),
            ));
            Err(problems)
        }
    }
}

/// The file name of a translation of guide `id` in `lang`, as the bundled ones are named.
pub fn translation_file_name(id: &str, lang: Lang) -> String {
    format!("{}/{id}.toml", lang.code())
}

#[derive(Deserialize)]
struct IdOnly {
    id: Spanned<String>,
}

// Where each field is in the translation file (only what the comparison needs; everything else is
// checked by the full parse).
#[derive(Deserialize)]
struct GuideShape {
    id: Spanned<String>,
    service: Option<Spanned<String>>,
    minutes: Option<Spanned<toml::Value>>,
    needs: Option<Spanned<Vec<toml::Value>>>,
    #[serde(default)]
    steps: Vec<StepShape>,
    #[serde(default)]
    branches: Vec<BranchShape>,
}

#[derive(Deserialize)]
struct StepShape {
    id: Spanned<String>,
    #[serde(default)]
    actions: Vec<ActionShape>,
}

#[derive(Deserialize)]
struct BranchShape {
    id: Spanned<String>,
    returns: Option<Spanned<bool>>,
    #[serde(default)]
    steps: Vec<StepShape>,
}

#[derive(Deserialize)]
struct ActionShape {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    page: Option<Spanned<String>>,
    service: Option<Spanned<String>>,
    ending: Option<Spanned<String>>,
    minutes: Option<Spanned<toml::Value>>,
    answers: Option<Spanned<Vec<AnswerShape>>>,
}

#[derive(Deserialize)]
struct AnswerShape {
    goto: Spanned<String>,
}

fn problem_at(file: &str, text: &str, offset: usize, message: String) -> GuideProblem {
    let (line, column) = line_column(text, offset);
    GuideProblem {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// Every way `es` (parsed from `text`) differs from `en` in what must stay the same.
fn differences(file: &str, text: &str, en: &Guide, es: &Guide) -> Vec<GuideProblem> {
    let Ok(shape) = toml::from_str::<GuideShape>(text) else {
        // The full parse succeeded, so this cannot fail; if it ever does, the places are the start.
        return Vec::new();
    };
    let mut d = Diff {
        file,
        text,
        problems: Vec::new(),
    };
    let top = shape.id.span();
    if es.id != en.id {
        d.at(
            &top,
            format!(
                "id \"{}\": a translation keeps the id of the guide it translates (\"{}\")",
                es.id, en.id
            ),
        );
    }
    if es.service != en.service {
        let at = shape.service.as_ref().map_or(top.clone(), Spanned::span);
        d.at(
            &at,
            format!(
                "service \"{}\": the English guide's service is \"{}\"",
                es.service, en.service
            ),
        );
    }
    if es.minutes != en.minutes {
        let at = shape.minutes.as_ref().map_or(top.clone(), Spanned::span);
        d.at(
            &at,
            format!(
                "minutes = {}: the English guide says {}",
                es.minutes, en.minutes
            ),
        );
    }
    if es.needs.len() != en.needs.len() {
        let at = shape.needs.as_ref().map_or(top.clone(), Spanned::span);
        d.at(
            &at,
            format!(
                "{} needs: the English guide lists {} (translate each one, add none)",
                es.needs.len(),
                en.needs.len()
            ),
        );
    }
    let first_step = shape.steps.first().map_or(top.clone(), |s| s.id.span());
    d.path(
        "the main steps",
        &en.steps,
        &es.steps,
        &shape.steps,
        first_step,
    );
    for en_branch in &en.branches {
        let found = es
            .branches
            .iter()
            .zip(&shape.branches)
            .find(|(b, _)| b.id == en_branch.id);
        let Some((es_branch, branch_shape)) = found else {
            let at = shape.branches.last().map_or(top.clone(), |b| b.id.span());
            d.at(
                &at,
                format!(
                    "branch \"{}\" of the English guide is missing (a translation has every branch)",
                    en_branch.id
                ),
            );
            continue;
        };
        let header = branch_shape.id.span();
        if es_branch.returns != en_branch.returns {
            let at = branch_shape
                .returns
                .as_ref()
                .map_or(header.clone(), Spanned::span);
            d.at(
                &at,
                format!(
                    "branch \"{}\": returns = {}, the English guide has {}",
                    en_branch.id, es_branch.returns, en_branch.returns
                ),
            );
        }
        d.path(
            &format!("branch \"{}\"", en_branch.id),
            &en_branch.steps,
            &es_branch.steps,
            &branch_shape.steps,
            header,
        );
    }
    for (es_branch, branch_shape) in es.branches.iter().zip(&shape.branches) {
        if en.branch(&es_branch.id).is_none() {
            d.at(
                &branch_shape.id.span(),
                format!(
                    "branch \"{}\" is not in the English guide: a translation has the same branches",
                    es_branch.id
                ),
            );
        }
    }
    d.problems
}

struct Diff<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<GuideProblem>,
}

impl Diff<'_> {
    fn at(&mut self, span: &Range<usize>, message: String) {
        self.problems
            .push(problem_at(self.file, self.text, span.start, message));
    }

    /// One path (the main steps or a branch's): missing, extra and reordered steps, then each step's
    /// actions. `header` is where a step missing at the start of the path is reported.
    fn path(
        &mut self,
        name: &str,
        en: &[Step],
        es: &[Step],
        shapes: &[StepShape],
        header: Range<usize>,
    ) {
        let has = |steps: &[Step], id: &str| steps.iter().any(|s| s.id == id);
        for (s, shape) in es.iter().zip(shapes) {
            if !has(en, &s.id) {
                self.at(
                    &shape.id.span(),
                    format!(
                        "step \"{}\" is not in {name} of the English guide: a translation has the same steps",
                        s.id
                    ),
                );
            }
        }
        for (i, s) in en.iter().enumerate() {
            if has(es, &s.id) {
                continue;
            }
            // Where it belongs: after the nearest English step before it that the translation has.
            let before = en[..i]
                .iter()
                .rev()
                .find_map(|p| es.iter().zip(shapes).find(|(e, _)| e.id == p.id));
            let (at, place) = match before {
                Some((e, shape)) => (shape.id.span(), format!("after step \"{}\"", e.id)),
                None => (header.clone(), "at the start".to_string()),
            };
            self.at(
                &at,
                format!(
                    "step \"{}\" of {name} of the English guide is missing here ({place})",
                    s.id
                ),
            );
        }
        let en_order: Vec<&str> = en
            .iter()
            .filter(|s| has(es, &s.id))
            .map(|s| s.id.as_str())
            .collect();
        let es_order: Vec<(&str, &StepShape)> = es
            .iter()
            .zip(shapes)
            .filter(|(s, _)| has(en, &s.id))
            .map(|(s, shape)| (s.id.as_str(), shape))
            .collect();
        if let Some(((id, shape), expected)) = es_order
            .iter()
            .zip(&en_order)
            .find(|((id, _), expected)| id != *expected)
        {
            self.at(
                &shape.id.span(),
                format!(
                    "step \"{id}\" is out of order in {name}: the English guide has step \"{expected}\" here"
                ),
            );
        }
        for (s, shape) in es.iter().zip(shapes) {
            if let Some(original) = en.iter().find(|e| e.id == s.id) {
                self.actions(original, s, shape);
            }
        }
    }

    fn actions(&mut self, en: &Step, es: &Step, shape: &StepShape) {
        if en.actions.len() != es.actions.len() {
            self.at(
                &shape.id.span(),
                format!(
                    "step \"{}\" has {} actions, the English guide has {}: a translation keeps every action, in order",
                    es.id,
                    es.actions.len(),
                    en.actions.len()
                ),
            );
            return;
        }
        for (n, ((a, b), place)) in en
            .actions
            .iter()
            .zip(&es.actions)
            .zip(&shape.actions)
            .enumerate()
        {
            let which = format!("action {} of step \"{}\"", n + 1, es.id);
            let kind = place.kind.span();
            if action_type(a) != action_type(b) {
                self.at(
                    &kind,
                    format!(
                        "{which} is {}, the English guide has {} here",
                        action_type(b),
                        action_type(a)
                    ),
                );
                continue;
            }
            let field =
                |f: &Option<Spanned<String>>| f.as_ref().map_or(kind.clone(), Spanned::span);
            let same = |this: &mut Self,
                        name: &str,
                        en_v: String,
                        es_v: String,
                        at: Range<usize>| {
                if en_v != es_v {
                    this.at(
                        &at,
                        format!("{which}: {name} is {es_v}, the English guide has {en_v} (only texts are translated)"),
                    );
                }
            };
            let shown =
                |v: &Option<String>| v.as_deref().map_or("none".into(), |s| format!("\"{s}\""));
            match (a, b) {
                (
                    Action::OpenPage {
                        page: p1,
                        service: s1,
                        ..
                    },
                    Action::OpenPage {
                        page: p2,
                        service: s2,
                        ..
                    },
                ) => {
                    same(
                        self,
                        "page",
                        format!("\"{p1}\""),
                        format!("\"{p2}\""),
                        field(&place.page),
                    );
                    same(self, "service", shown(s1), shown(s2), field(&place.service));
                }
                (Action::ShowCode { service: s1 }, Action::ShowCode { service: s2 })
                | (Action::ShowPhone { service: s1 }, Action::ShowPhone { service: s2 }) => {
                    same(
                        self,
                        "service",
                        format!("\"{s1}\""),
                        format!("\"{s2}\""),
                        field(&place.service),
                    );
                }
                (
                    Action::CheckAddress {
                        ending: e1,
                        service: s1,
                    },
                    Action::CheckAddress {
                        ending: e2,
                        service: s2,
                    },
                ) => {
                    same(
                        self,
                        "ending",
                        format!("\"{e1}\""),
                        format!("\"{e2}\""),
                        field(&place.ending),
                    );
                    same(self, "service", shown(s1), shown(s2), field(&place.service));
                }
                (Action::Wait { minutes: m1, .. }, Action::Wait { minutes: m2, .. }) => {
                    let at = place.minutes.as_ref().map_or(kind.clone(), Spanned::span);
                    same(self, "minutes", m1.to_string(), m2.to_string(), at);
                }
                (Action::Question { answers: a1, .. }, Action::Question { answers: a2, .. }) => {
                    let gotos: Vec<Range<usize>> = place
                        .answers
                        .as_ref()
                        .map(|a| a.get_ref().iter().map(|x| x.goto.span()).collect())
                        .unwrap_or_default();
                    if a1.len() != a2.len() {
                        let at = place.answers.as_ref().map_or(kind.clone(), Spanned::span);
                        same(
                            self,
                            "the number of answers",
                            a1.len().to_string(),
                            a2.len().to_string(),
                            at,
                        );
                        continue;
                    }
                    for (i, (x, y)) in a1.iter().zip(a2).enumerate() {
                        let at = gotos.get(i).cloned().unwrap_or(kind.clone());
                        same(
                            self,
                            &format!("answer {}'s goto", i + 1),
                            format!("\"{}\"", x.goto),
                            format!("\"{}\"", y.goto),
                            at,
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// An action's `type`, as written in guide files.
pub fn action_type(action: &Action) -> &'static str {
    match action {
        Action::OpenPage { .. } => "open_page",
        Action::ShowCode { .. } => "show_code",
        Action::ShowPhone { .. } => "show_phone",
        Action::Warning { .. } => "warning",
        Action::CheckAddress { .. } => "check_address",
        Action::Wait { .. } => "wait",
        Action::Question { .. } => "question",
    }
}
