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

/// Where the person was before a move: the position and the branches to return from, so "Previous
/// step" puts both back as they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub at: Position,
    #[serde(default)]
    pub returns: Vec<Position>,
}

/// Most moves a run remembers for "Previous step": a guide whose questions loop back could otherwise
/// grow the vault without end. The oldest are forgotten first.
pub const MAX_HISTORY: usize = 200;

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
    /// Where the person was before each move, oldest first, for "Previous step". Runs saved before it
    /// was kept have none: going back then steps back along the path (see [`Run::back`]).
    #[serde(default)]
    pub history: Vec<Visit>,
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
            history: Vec::new(),
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
        let before = Visit {
            at: self.at.clone(),
            returns: self.returns.clone(),
        };
        self.move_to(guide, target, now_ms);
        let moved = self.at != before.at || self.returns != before.returns;
        if moved && !self.is_finished() {
            if self.history.len() >= MAX_HISTORY {
                self.history.remove(0);
            }
            self.history.push(before);
        }
    }

    fn move_to(&mut self, guide: &Guide, target: Goto, now_ms: u64) {
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

    /// True when "Previous step" can go somewhere: never on the first step, and never once the run is
    /// finished (a finished run is the dated record "Done: …"; "Start over" begins a new one).
    pub fn can_go_back(&self, guide: &Guide) -> bool {
        !self.is_finished() && self.back_target(guide).is_some()
    }

    /// "Previous step": back to where the person was before the last move, with the branches they were
    /// in. What they checked stays checked. Returns false (and changes nothing) when there is no way back.
    pub fn back(&mut self, guide: &Guide) -> bool {
        if self.is_finished() {
            return false;
        }
        let Some(target) = self.back_target(guide) else {
            return false;
        };
        if !self.history.is_empty() {
            self.history.pop();
        }
        self.at = target.at;
        self.returns = target.returns;
        true
    }

    /// Where "Previous step" leads: the last remembered position, or, for a run saved before positions
    /// were remembered, the step before on the same path (out of a returning branch at its first step).
    fn back_target(&self, guide: &Guide) -> Option<Visit> {
        if let Some(last) = self.history.last() {
            return Some(last.clone());
        }
        if self.at.step > 0 {
            let at = Position {
                branch: self.at.branch.clone(),
                step: self.at.step - 1,
            };
            return Some(Visit {
                at,
                returns: self.returns.clone(),
            });
        }
        self.returning_branch_origin(guide)
    }

    /// The step a returning branch goes back to (its entry in `returns`), when the run is at a branch.
    fn returning_branch_origin(&self, guide: &Guide) -> Option<Visit> {
        let branch = guide.branch(self.at.branch.as_deref()?)?;
        if !branch.returns {
            return None;
        }
        let mut returns = self.returns.clone();
        let at = returns.pop()?;
        Some(Visit { at, returns })
    }

    /// Where the person was just before they entered the branch they are in: the last remembered
    /// position outside it, with its index in the history. `None` on the main path.
    fn branch_entry(&self) -> Option<(usize, &Visit)> {
        let branch = self.at.branch.as_ref()?;
        self.history
            .iter()
            .enumerate()
            .rev()
            .find(|(_, v)| v.at.branch.as_ref() != Some(branch))
    }

    /// The step the branch the person is in was entered from: where "Back to step 3" leads.
    pub fn branch_origin(&self, guide: &Guide) -> Option<Position> {
        if self.is_finished() {
            return None;
        }
        match self.branch_entry() {
            Some((_, visit)) => Some(visit.at.clone()),
            None => self.returning_branch_origin(guide).map(|v| v.at),
        }
    }

    /// Leaves the help branch the person is in, back to the step it was entered from, as it was then.
    /// What they checked stays checked. Returns false (and changes nothing) on the main path.
    pub fn leave_branch(&mut self, guide: &Guide) -> bool {
        if self.is_finished() {
            return false;
        }
        if let Some((index, visit)) = self.branch_entry() {
            let visit = visit.clone();
            self.history.truncate(index);
            self.at = visit.at;
            self.returns = visit.returns;
            return true;
        }
        match self.returning_branch_origin(guide) {
            Some(visit) => {
                self.at = visit.at;
                self.returns = visit.returns;
                true
            }
            None => false,
        }
    }

    /// The main step the person is on, or the one they left for the help branch they are in (0-based):
    /// "Step 3 of 7" follows where they are, also after going back.
    pub fn main_step(&self, guide: &Guide) -> usize {
        if self.at.branch.is_none() {
            return self.at.step;
        }
        self.history
            .iter()
            .rev()
            .find(|v| v.at.branch.is_none())
            .map(|v| v.at.step)
            .or_else(|| self.returns.first().map(|p| p.step))
            .unwrap_or_else(|| self.progress(guide).0)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn irs() -> Guide {
        crate::guides::bundled(Catalog::bundled())
            .unwrap()
            .into_iter()
            .find(|g| g.id == "irs-sign-in")
            .unwrap()
    }

    fn step_id(run: &Run, guide: &Guide) -> String {
        run.current(guide).map(|s| s.id.clone()).unwrap_or_default()
    }

    /// A run of the IRS guide at "Wait for the text or the call" (main step 5).
    fn at_watch_for_text(guide: &Guide) -> Run {
        let mut run = Run::start(guide, "r".into(), 0);
        for _ in 0..3 {
            run.advance(guide, 1);
        }
        run.answer(guide, "next", 2);
        assert_eq!(step_id(&run, guide), "watch-for-text");
        run
    }

    #[test]
    fn back_is_not_offered_on_the_first_step() {
        let g = irs();
        let mut run = Run::start(&g, "r".into(), 0);
        assert!(!run.can_go_back(&g));
        assert!(!run.back(&g));
        assert_eq!((step_id(&run, &g).as_str(), run.at.step), ("open-irs", 0));
    }

    #[test]
    fn back_after_next_returns_to_the_step_and_keeps_what_was_checked() {
        let g = irs();
        let mut run = Run::start(&g, "r".into(), 0);
        run.advance(&g, 1);
        run.advance(&g, 2);
        assert!(run.can_go_back(&g));
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "check-idme-page");
        assert_eq!(run.done, ["open-irs", "check-idme-page"]);
        assert_eq!(run.main_step(&g), 1);
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "open-irs");
        assert!(!run.can_go_back(&g));
        // Going forward again moves on as before.
        run.advance(&g, 3);
        assert_eq!(step_id(&run, &g), "check-idme-page");
    }

    #[test]
    fn back_after_a_jump_returns_to_the_step_the_answer_was_given_on() {
        let g = irs();
        let mut run = at_watch_for_text(&g);
        run.answer(&g, "enter-keystep-code", 3);
        assert_eq!(step_id(&run, &g), "enter-keystep-code");
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "watch-for-text");
    }

    #[test]
    fn back_out_of_a_branch_goes_to_the_step_it_came_from_with_the_returns_restored() {
        let g = irs();
        let mut run = at_watch_for_text(&g);
        let origin = run.at.clone();
        run.answer(&g, "branch:no-text", 3);
        assert_eq!(step_id(&run, &g), "no-text-phone");
        assert_eq!(run.returns, std::slice::from_ref(&origin));
        assert_eq!(run.branch_origin(&g), Some(origin.clone()));
        assert_eq!(run.main_step(&g), origin.step);
        // "Previous step" on the branch's first step goes back out of it.
        assert!(run.back(&g));
        assert_eq!(run.at, origin);
        assert!(run.returns.is_empty());
        assert_eq!(run.branch_origin(&g), None);
        // And back into it again: the branch ends where it should.
        run.answer(&g, "branch:no-text", 4);
        run.advance(&g, 5);
        run.advance(&g, 6);
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "no-text-number");
        assert_eq!(run.returns, std::slice::from_ref(&origin));
        run.advance(&g, 7);
        run.advance(&g, 8);
        run.advance(&g, 9);
        assert_eq!(
            run.at, origin,
            "the branch returns to the step it came from"
        );
        assert!(run.returns.is_empty());
        // Back from there goes into the branch's last step, with its way home.
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "no-text-other-way");
        assert_eq!(run.returns, [origin]);
    }

    #[test]
    fn leaving_a_branch_from_any_of_its_steps_goes_to_the_step_it_came_from() {
        let g = irs();
        let mut run = at_watch_for_text(&g);
        let origin = run.at.clone();
        let history_before = run.history.len();
        run.answer(&g, "branch:no-text", 3);
        run.advance(&g, 4);
        run.advance(&g, 5);
        assert_eq!(step_id(&run, &g), "no-text-resend");
        assert!(run.leave_branch(&g));
        assert_eq!(run.at, origin);
        assert!(run.returns.is_empty());
        assert_eq!(run.history.len(), history_before);
        // What was checked in the branch stays checked.
        assert!(run.done.iter().any(|d| d == "no-text-number"));
        // On the main path there is no branch to leave.
        assert!(!run.leave_branch(&g));
        assert_eq!(run.at, origin);
    }

    #[test]
    fn a_run_saved_before_history_was_kept_still_goes_back_along_its_path() {
        let g = irs();
        let mut run = at_watch_for_text(&g);
        let origin = run.at.clone();
        run.answer(&g, "branch:no-text", 3);
        run.advance(&g, 4);
        run.history.clear();
        assert!(run.back(&g));
        assert_eq!(step_id(&run, &g), "no-text-phone");
        assert_eq!(run.branch_origin(&g), Some(origin.clone()));
        assert!(run.back(&g));
        assert_eq!(run.at, origin);
        assert!(run.returns.is_empty());
    }

    #[test]
    fn back_is_not_offered_after_the_run_is_finished() {
        let g = irs();
        let mut run = Run::start(&g, "r".into(), 0);
        run.advance(&g, 1);
        run.answer(&g, "end", 2);
        assert!(run.is_finished());
        assert!(!run.can_go_back(&g));
        assert!(!run.back(&g));
        assert!(!run.leave_branch(&g));
        assert!(run.current(&g).is_none());
    }

    #[test]
    fn the_history_is_bounded() {
        let g = irs();
        let mut run = at_watch_for_text(&g);
        for i in 0..(MAX_HISTORY as u64 + 10) {
            run.answer(&g, "branch:no-text", i);
            run.leave_branch(&g);
            run.answer(&g, "enter-keystep-code", i);
            run.answer(&g, "branch:code-rejected", i);
            run.answer(&g, "watch-for-text", i);
        }
        assert!(run.history.len() <= MAX_HISTORY);
    }

    #[test]
    fn a_stored_run_without_history_reads_with_none() {
        let json = serde_json::json!({
            "id": "r", "guide_id": "irs-sign-in", "started_at_ms": 1, "finished_at_ms": null,
            "at": {"branch": null, "step": 2}, "returns": [], "done": [], "branches_taken": [], "waits": []
        });
        let run: Run = serde_json::from_value(json).unwrap();
        assert!(run.history.is_empty());
        assert!(run.can_go_back(&irs()));
    }
}
