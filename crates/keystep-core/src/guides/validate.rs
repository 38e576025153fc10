//! Reading a guide file and finding every problem in it, with file, line and column.

use std::collections::HashSet;
use std::fmt;

use super::format::{Action, Goto, Guide, Step};
use crate::catalog::Catalog;

/// Largest guide file accepted (the longest bundled one is a few KB).
pub const MAX_GUIDE_BYTES: usize = 256 * 1024;
/// The longest wait a guide may set: 30 days, in minutes.
pub const MAX_WAIT_MINUTES: u32 = 30 * 24 * 60;

/// One problem in a guide file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideProblem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for GuideProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Parses and validates a guide. Either a guide with no problems, or every problem found.
pub fn load_guide(file: &str, text: &str, catalog: &Catalog) -> Result<Guide, Vec<GuideProblem>> {
    if text.len() > MAX_GUIDE_BYTES {
        return Err(vec![GuideProblem {
            file: file.into(),
            line: 1,
            column: 1,
            message: format!(
                "the file is larger than {} KB; a guide is much shorter",
                MAX_GUIDE_BYTES / 1024
            ),
        }]);
    }
    let guide: Guide = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        vec![GuideProblem {
            file: file.into(),
            line,
            column,
            message: e.message().trim().to_string(),
        }]
    })?;
    let problems = Checker {
        file,
        text,
        catalog,
        guide: &guide,
        problems: Vec::new(),
    }
    .run();
    if problems.is_empty() {
        Ok(guide)
    } else {
        Err(problems)
    }
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    catalog: &'a Catalog,
    guide: &'a Guide,
    problems: Vec<GuideProblem>,
}

impl Checker<'_> {
    /// Reports a problem at the `nth` (0-based) occurrence of `needle` in the file, or at its start.
    fn at(&mut self, needle: &str, nth: usize, message: String) {
        let offset = self
            .text
            .match_indices(needle)
            .nth(nth)
            .map_or(0, |(i, _)| i);
        let (line, column) = line_column(self.text, offset);
        self.problems.push(GuideProblem {
            file: self.file.into(),
            line,
            column,
            message,
        });
    }

    fn run(mut self) -> Vec<GuideProblem> {
        let g = self.guide;
        if !is_id(&g.id) {
            self.at(
                &quoted(&g.id),
                0,
                format!(
                    "id \"{}\" must use only lower-case letters, digits and dashes",
                    g.id
                ),
            );
        }
        if self.catalog.service(&g.service).is_none() {
            self.at(
                &quoted(&g.service),
                0,
                format!("service \"{}\" is not in the catalog", g.service),
            );
        }
        self.check_text(&g.summary, "the summary");
        if g.sources.is_empty() {
            self.at("id =", 0, "the guide lists no source: add [[sources]] with the official page it was written from".into());
        }
        for s in &g.sources {
            if !s.url.starts_with("https://") {
                self.at(
                    &quoted(&s.url),
                    0,
                    format!("source {} must be an https address", s.url),
                );
            }
            if !crate::catalog::is_iso_date(&s.checked) {
                self.at(
                    &quoted(&s.checked),
                    0,
                    format!(
                        "checked = \"{}\" must be a date such as 2026-11-25",
                        s.checked
                    ),
                );
            }
        }
        if g.steps.is_empty() {
            self.at("id =", 0, "the guide has no steps".into());
        }
        self.check_ids();
        for (_, step) in g.all_steps() {
            self.check_step(step);
        }
        for b in &g.branches {
            if b.steps.is_empty() {
                self.at(
                    &quoted(&b.id),
                    0,
                    format!("branch \"{}\" has no steps", b.id),
                );
            }
        }
        self.problems
    }

    fn check_ids(&mut self) {
        let g = self.guide;
        let mut seen = HashSet::new();
        for (_, step) in g.all_steps() {
            if !is_id(&step.id) {
                self.at(
                    &quoted(&step.id),
                    0,
                    format!(
                        "step id \"{}\" must use only lower-case letters, digits and dashes",
                        step.id
                    ),
                );
            }
            if !seen.insert(step.id.clone()) {
                self.at(
                    &quoted(&step.id),
                    1,
                    format!("step id \"{}\" is used twice", step.id),
                );
            }
        }
        let mut branches = HashSet::new();
        for b in &g.branches {
            if !branches.insert(b.id.clone()) {
                self.at(
                    &quoted(&b.id),
                    1,
                    format!("branch id \"{}\" is used twice", b.id),
                );
            }
        }
    }

    fn check_step(&mut self, step: &Step) {
        if step.title.trim().is_empty() {
            self.at(
                &quoted(&step.id),
                0,
                format!("step \"{}\" has no title", step.id),
            );
        }
        self.check_text(&step.text, &format!("step \"{}\"", step.id));
        for action in &step.actions {
            match action {
                Action::OpenPage { page, service, .. } => {
                    let service_id = service.as_deref().unwrap_or(&self.guide.service);
                    match self.catalog.service(service_id) {
                        None => self.at(
                            &quoted(service_id),
                            0,
                            format!("service \"{service_id}\" is not in the catalog"),
                        ),
                        Some(s) if s.page(page).is_none() => {
                            let known: Vec<&str> = s.pages.iter().map(|p| p.id.as_str()).collect();
                            self.at(
                                &quoted(page),
                                0,
                                format!(
                                    "{} has no page \"{page}\" in the catalog (it has: {})",
                                    s.name,
                                    known.join(", ")
                                ),
                            );
                        }
                        Some(_) => {}
                    }
                }
                Action::ShowCode { service } | Action::ShowPhone { service } => {
                    if self.catalog.service(service).is_none() {
                        self.at(
                            &quoted(service),
                            0,
                            format!("service \"{service}\" is not in the catalog"),
                        );
                    }
                }
                Action::Warning { text } => {
                    self.check_text(text, &format!("a warning in step \"{}\"", step.id))
                }
                Action::CheckAddress { ending, service } => {
                    let service_id = service.as_deref().unwrap_or(&self.guide.service);
                    match self.catalog.service(service_id) {
                        None => self.at(
                            &quoted(service_id),
                            0,
                            format!("service \"{service_id}\" is not in the catalog"),
                        ),
                        Some(s) if !ending_is_official(ending, s) => self.at(
                            &quoted(ending),
                            0,
                            format!(
                                "\"{ending}\" is not an address of {}: use one of its official names ({}) or a name under one",
                                s.name,
                                s.domains.join(", ")
                            ),
                        ),
                        Some(_) => {}
                    }
                }
                Action::Wait { minutes, text } => {
                    if *minutes == 0 || *minutes > MAX_WAIT_MINUTES {
                        self.at(&format!("minutes = {minutes}"), 0, format!("a wait of {minutes} minutes is not possible: use 1 to {MAX_WAIT_MINUTES}"));
                    }
                    self.check_text(text, &format!("a wait in step \"{}\"", step.id));
                }
                Action::Question { text, answers } => {
                    self.check_text(text, &format!("a question in step \"{}\"", step.id));
                    if answers.is_empty() {
                        self.at(
                            &quoted(text),
                            0,
                            format!("the question in step \"{}\" has no answers", step.id),
                        );
                    }
                    for answer in answers {
                        self.check_goto(&answer.goto);
                    }
                }
            }
        }
    }

    fn check_goto(&mut self, goto: &str) {
        match Goto::parse(goto) {
            Goto::Next | Goto::End => {}
            Goto::Branch(id) if self.guide.branch(&id).is_none() => {
                self.at(
                    &quoted(goto),
                    0,
                    format!("goto \"{goto}\": there is no branch \"{id}\""),
                );
            }
            Goto::Step(id) if self.guide.locate(&id).is_none() => {
                self.at(&quoted(goto), 0, format!("goto \"{goto}\": there is no step \"{id}\" (use next, end, a step id or branch:<id>)"));
            }
            _ => {}
        }
    }

    fn check_text(&mut self, text: &str, whose: &str) {
        if let Some(problem) = unsafe_markup(text) {
            let needle = text
                .lines()
                .find(|l| unsafe_markup(l).is_some())
                .unwrap_or(text)
                .trim()
                .to_string();
            self.at(&needle, 0, format!("{whose}: {problem}"));
        }
    }
}

/// A problem for every guide a guide's text names (`the guide *Title*`, see [`super::text`]) that is
/// not the exact title of one of `titles`: a name that opens nothing is a broken promise to the reader.
/// `text` is the file's text, to place each problem at its line.
pub fn unknown_guide_names(
    file: &str,
    text: &str,
    guide: &Guide,
    titles: &[&str],
) -> Vec<GuideProblem> {
    let mut problems = Vec::new();
    for (_, step) in guide.all_steps() {
        let mut texts = vec![step.text.as_str()];
        for action in &step.actions {
            if let Action::Warning { text } | Action::Wait { text, .. } = action {
                texts.push(text);
            }
        }
        for name in texts.into_iter().flat_map(super::text::guide_names) {
            if titles.contains(&name.as_str()) {
                continue;
            }
            let offset = text.find(&format!("*{name}*")).unwrap_or(0);
            let (line, column) = line_column(text, offset);
            problems.push(GuideProblem {
                file: file.into(),
                line,
                column,
                message: format!(
                    "step \"{}\" names the guide \"{name}\", but no guide has that title: write a guide's exact title in *emphasis* after the word \"guide\" (\"guía\" in Spanish)",
                    step.id
                ),
            });
        }
    }
    problems
}

/// Why a text leaves the safe Markdown subset (paragraphs, *emphasis*, **strong**, "- " lists), if it does.
pub fn unsafe_markup(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let html = bytes.windows(2).any(|w| {
        w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!' || w[1] == b'?')
    });
    if html {
        return Some("raw HTML is not allowed; write plain text");
    }
    if lower.contains("![") {
        return Some("images are not allowed");
    }
    if lower.contains("](") {
        return Some(
            "links are not allowed; use an open_page action to send people to an official page",
        );
    }
    if ["http://", "https://", "www.", "javascript:", "data:"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Some("web addresses are not allowed in text; use an open_page action");
    }
    None
}

fn quoted(value: &str) -> String {
    format!("\"{value}\"")
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// True if `ending` is one of the service's official domains or a name under one (`secure.login.gov`
/// under `login.gov`). A bare suffix such as `.me` or `gov` is refused: it is the unsafe test this
/// action exists to replace.
fn ending_is_official(ending: &str, service: &crate::catalog::KnownService) -> bool {
    let ending = ending.trim();
    if ending.is_empty() || ending.starts_with('.') || ending != ending.to_ascii_lowercase() {
        return false;
    }
    service
        .domains
        .iter()
        .any(|d| ending == d || ending.ends_with(&format!(".{d}")))
}
