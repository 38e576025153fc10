//! The guide file format (see docs/guide-format.md): what a guide, a step, an action and a branch are.

use serde::{Deserialize, Serialize};

/// A whole guide, as written in its TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: String,
    pub title: String,
    /// Catalog id of the service the guide is for.
    pub service: String,
    pub summary: String,
    /// About how long it takes, in minutes.
    pub minutes: u32,
    #[serde(default)]
    pub needs: Vec<String>,
    pub sources: Vec<GuideSource>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub branches: Vec<Branch>,
}

/// An official page the guide was written from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuideSource {
    pub url: String,
    pub checked: String,
}

/// One step: one instruction, with optional actions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// Plain text in the safe Markdown subset.
    pub text: String,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// Something a step offers besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// A button that opens an official page of a catalog service (never a raw URL).
    OpenPage {
        page: String,
        #[serde(default)]
        service: Option<String>,
        label: String,
    },
    /// The live code of the person's Keystep account for the service.
    ShowCode {
        service: String,
    },
    /// The phone number the person keeps for the service.
    ShowPhone {
        service: String,
    },
    Warning {
        text: String,
    },
    /// Where to look in the address bar: the exact ending a real address of the service has (`id.me`,
    /// `secure.login.gov`), with a button that checks the copied address in Keystep. Naming the whole
    /// ending matters: "ends in .me" is passed by any `.me` name a scammer registers (the window says
    /// it as [`super::view::ending_as_said`] does).
    CheckAddress {
        ending: String,
        #[serde(default)]
        service: Option<String>,
    },
    /// A countdown that survives closing the app.
    Wait {
        minutes: u32,
        text: String,
    },
    /// A question whose answers lead on.
    Question {
        text: String,
        answers: Vec<Answer>,
    },
}

/// One answer to a question and where it leads: `next`, `end`, a step id, or `branch:<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub label: String,
    pub goto: String,
}

/// A troubleshooting branch: a short guide of its own.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub id: String,
    pub title: String,
    /// At its end, go back to the step the branch was entered from.
    #[serde(default)]
    pub returns: bool,
    pub steps: Vec<Step>,
}

/// Where an answer leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goto {
    Next,
    End,
    Step(String),
    Branch(String),
}

impl Goto {
    /// Reads `next`, `end`, `branch:<id>` or a step id.
    pub fn parse(text: &str) -> Self {
        match text {
            "next" => Goto::Next,
            "end" => Goto::End,
            other => match other.strip_prefix("branch:") {
                Some(id) => Goto::Branch(id.to_string()),
                None => Goto::Step(other.to_string()),
            },
        }
    }
}

impl Guide {
    /// The day every source of the guide had been checked: the oldest `checked` date (ISO dates sort
    /// as text). Saying the newest would claim more than was done.
    pub fn checked_on(&self) -> Option<&str> {
        self.sources.iter().map(|s| s.checked.as_str()).min()
    }

    /// The guide's service, then every other service its actions name, each once.
    pub fn services(&self) -> Vec<String> {
        let mut ids = vec![self.service.clone()];
        for (_, step) in self.all_steps() {
            for action in &step.actions {
                let named = match action {
                    Action::OpenPage { service, .. } | Action::CheckAddress { service, .. } => {
                        service.as_deref()
                    }
                    Action::ShowCode { service } | Action::ShowPhone { service } => {
                        Some(service.as_str())
                    }
                    Action::Warning { .. } | Action::Wait { .. } | Action::Question { .. } => None,
                };
                if let Some(id) = named
                    && !ids.iter().any(|known| known == id)
                {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    }

    /// Every step with the branch it belongs to (`None` for the main path).
    pub fn all_steps(&self) -> impl Iterator<Item = (Option<&Branch>, &Step)> {
        self.steps.iter().map(|s| (None, s)).chain(
            self.branches
                .iter()
                .flat_map(|b| b.steps.iter().map(move |s| (Some(b), s))),
        )
    }

    pub fn branch(&self, id: &str) -> Option<&Branch> {
        self.branches.iter().find(|b| b.id == id)
    }

    /// The steps of a path: the main steps, or a branch's.
    pub fn path(&self, branch: Option<&str>) -> Option<&[Step]> {
        match branch {
            None => Some(&self.steps),
            Some(id) => self.branch(id).map(|b| b.steps.as_slice()),
        }
    }

    /// Where a step id is: its path and index.
    pub fn locate(&self, step_id: &str) -> Option<(Option<String>, usize)> {
        if let Some(i) = self.steps.iter().position(|s| s.id == step_id) {
            return Some((None, i));
        }
        self.branches.iter().find_map(|b| {
            b.steps
                .iter()
                .position(|s| s.id == step_id)
                .map(|i| (Some(b.id.clone()), i))
        })
    }
}
