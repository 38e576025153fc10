//! A run of a guide: where the person is, what they checked, which branches they took, and their waits.
//! A `Run` holds no secret and serializes into the vault, so progress survives restarts.

use serde::{Deserialize, Serialize};

use super::format::{Action, Goto, Guide};

/// A position in a guide: the path (main steps or a branch) and the index of the step in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub branch: Option<String>,
    pub step: usize,
}

/// A countdown started from a step, stored as a deadline so it survives closing the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wait {
    pub step_id: String,
    pub until_ms: u64,
}

/// One run of a guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub id: String,
    pub guide_id: String,
    pub started_at_ms: u64,
    pub finished_at_ms: Option<u64>,
    /// Set when the person started the guide over: this run is kept for the record but never resumed.
    #[serde(default)]
    pub stopped_at_ms: Option<u64>,
    pub at: Position,
    /// Where to go back to when a returning branch ends (innermost last).
    pub returns: Vec<Position>,
    /// Ids of steps the person has done, in order.
    pub done: Vec<String>,
    /// Ids of branches taken, in order.
    pub branches_taken: Vec<String>,
    pub waits: Vec<Wait>,
}

impl Run {
    /// A new run at the guide's first step.
    pub fn start(guide: &Guide, id: String, now_ms: u64) -> Self {
        Run {
            id,
            guide_id: guide.id.clone(),
            started_at_ms: now_ms,
            finished_at_ms: None,
            stopped_at_ms: None,
            at: Position {
                branch: None,
                step: 0,
            },
            returns: Vec::new(),
            done: Vec::new(),
            branches_taken: Vec::new(),
            waits: Vec::new(),
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at_ms.is_some()
    }

    /// Neither finished nor stopped: the run "Continue" resumes.
    pub fn is_open(&self) -> bool {
        self.finished_at_ms.is_none() && self.stopped_at_ms.is_none()
    }

    /// The step the person is on, unless the run is finished.
    pub fn current<'g>(&self, guide: &'g Guide) -> Option<&'g super::format::Step> {
        if self.is_finished() {
            return None;
        }
        guide.path(self.at.branch.as_deref())?.get(self.at.step)
    }

    /// "Done, next step": marks the current step done and moves on (out of a branch at its end).
    pub fn advance(&mut self, guide: &Guide, now_ms: u64) {
        self.mark_current_done(guide);
        self.go(guide, Goto::Next, now_ms);
    }

    /// Follows an answer to a question on the current step.
    pub fn answer(&mut self, guide: &Guide, goto: &str, now_ms: u64) {
        let target = Goto::parse(goto);
        if !matches!(target, Goto::Branch(_)) {
            self.mark_current_done(guide);
        }
        self.go(guide, target, now_ms);
    }

    fn mark_current_done(&mut self, guide: &Guide) {
        if let Some(step) = self.current(guide)
            && !self.done.contains(&step.id)
        {
            self.done.push(step.id.clone());
        }
    }

    fn go(&mut self, guide: &Guide, target: Goto, now_ms: u64) {
        if self.is_finished() {
            return;
        }
        match target {
            Goto::End => self.finished_at_ms = Some(now_ms),
            Goto::Next => {
                let len = guide.path(self.at.branch.as_deref()).map_or(0, <[_]>::len);
                if self.at.step + 1 < len {
                    self.at.step += 1;
                } else {
                    self.leave_path(guide, now_ms);
                }
            }
            Goto::Branch(id) => {
                if let Some(branch) = guide.branch(&id) {
                    if branch.returns {
                        self.returns.push(self.at.clone());
                    }
                    self.branches_taken.push(id.clone());
                    self.at = Position {
                        branch: Some(id),
                        step: 0,
                    };
                }
            }
            Goto::Step(id) => {
                if let Some((branch, step)) = guide.locate(&id) {
                    self.at = Position { branch, step };
                }
            }
        }
    }

    /// At the end of a path: a returning branch goes back to the step it came from; the main path (or a
    /// branch that does not return) finishes the run.
    fn leave_path(&mut self, guide: &Guide, now_ms: u64) {
        let returns = self
            .at
            .branch
            .as_deref()
            .and_then(|id| guide.branch(id))
            .is_some_and(|b| b.returns);
        match (returns, self.returns.pop()) {
            (true, Some(back)) => self.at = back,
            _ => self.finished_at_ms = Some(now_ms),
        }
    }

    /// Starts (or restarts) the wait of the current step; returns its deadline.
    pub fn start_wait(&mut self, guide: &Guide, now_ms: u64) -> Option<u64> {
        let step = self.current(guide)?;
        let minutes = step.actions.iter().find_map(|a| match a {
            Action::Wait { minutes, .. } => Some(*minutes),
            _ => None,
        })?;
        let until_ms = now_ms.saturating_add(u64::from(minutes) * 60_000);
        let step_id = step.id.clone();
        self.waits.retain(|w| w.step_id != step_id);
        self.waits.push(Wait { step_id, until_ms });
        Some(until_ms)
    }

    /// Milliseconds left on a step's wait (0 once it is over), or `None` if it was never started.
    pub fn wait_left_ms(&self, step_id: &str, now_ms: u64) -> Option<u64> {
        self.waits
            .iter()
            .find(|w| w.step_id == step_id)
            .map(|w| w.until_ms.saturating_sub(now_ms))
    }

    /// (main steps done, main steps in all), for the progress bar.
    pub fn progress(&self, guide: &Guide) -> (usize, usize) {
        let total = guide.steps.len();
        let done = guide
            .steps
            .iter()
            .filter(|s| self.done.contains(&s.id))
            .count();
        (if self.is_finished() { total } else { done }, total)
    }
}
