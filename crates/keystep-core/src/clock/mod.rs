//! The computer's clock against network time. A code is refused most often because the computer's clock
//! is a minute or two off; Keystep asks public time servers (SNTP) what time it is, says so when the
//! clock is off, and makes its codes with the corrected time meanwhile.
//!
//! One forged or broken answer must never move the codes: a correction needs two servers that agree
//! within a second, and it stays under an hour ([`decide`]). An answer that is malformed, from a server
//! in the wrong mode, with a zero timestamp or from a server that says it is not synchronized is no
//! answer at all (the checks of `sntp`, RFC 5905).

mod record;
mod servers;
mod sntp;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub use record::{ClockRecord, Correction, RECORD_FILE, boot_clock_ms, load_record, save_record};
pub use servers::{DEFAULT_SERVERS, ServerAddress, parse_server, parse_servers};

/// Off by more than this, Keystep says so and corrects its codes (a site accepts a code for about one
/// 30-second step either side; 15 seconds leaves room for the person to type it).
pub const SHOW_AFTER_MS: i64 = 15_000;
/// Two answers agree when they are this close.
pub const AGREE_WITHIN_MS: i64 = 1_000;
/// A correction is never this large: a clock an hour off is a wrong time zone or date, which the
/// person must fix, and a forged answer must not move the codes far.
pub const MAX_CORRECTION_MS: i64 = 60 * 60 * 1000;
/// How long Keystep waits for each server.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3);
/// How often the desktop app checks again while it runs.
pub const RECHECK_EVERY: Duration = Duration::from_secs(4 * 60 * 60);

/// One server's answer: how far its time is ahead of this computer's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServerOffset {
    /// The server as it was asked (`HOST` or `HOST:PORT`).
    pub server: String,
    /// Network time minus this computer's time, in milliseconds (positive: the computer is slow).
    #[ts(type = "number")]
    pub offset_ms: i64,
}

/// The result of a check: what `keystep clock --json` prints (field names in snake_case, as the CLI
/// contract has them) and what the window shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClockCheck {
    /// How far network time is ahead of this computer's clock, in milliseconds (the agreeing servers'
    /// mean; one server's answer when only one answered).
    #[ts(type = "number")]
    pub offset_ms: i64,
    /// Every server that answered.
    pub servers: Vec<ServerOffset>,
    /// True when Keystep corrects its codes by `offset_ms`: two servers agree within a second, and the
    /// clock is off by more than 15 seconds and less than an hour.
    pub applied: bool,
    /// When the check ran, in Unix seconds (this computer's clock).
    #[ts(type = "number")]
    pub checked_at: u64,
}

impl ClockCheck {
    /// Whether the clock is far enough off to tell the person (a banner, a warning on stderr).
    pub fn clock_is_off(&self) -> bool {
        self.offset_ms.unsigned_abs() > SHOW_AFTER_MS.unsigned_abs()
    }
}

/// What the window shows of the clock check: the choice in Settings, the last result, and the
/// correction its codes use now (the banner shows while there is one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClockStatus {
    /// Whether Keystep checks the clock (Settings).
    pub check: bool,
    /// The servers chosen in Settings; empty means `default_servers`.
    pub servers: Vec<String>,
    pub default_servers: Vec<String>,
    /// The last check that gave an answer, if any.
    pub last: Option<ClockCheck>,
    /// Why the last check gave no usable answer, if it did not.
    pub problem: Option<crate::ErrorDto>,
    /// The offset Keystep's codes use now, in milliseconds; `None` while codes use the computer's
    /// clock as it is.
    #[ts(type = "number | null")]
    pub correction_ms: Option<i64>,
    /// A check is under way.
    pub checking: bool,
}

/// The correction of the check kept in `data_dir`, if it still holds at `wall_ms` (this computer's
/// clock now): the check and its offset.
pub fn standing_correction(data_dir: &std::path::Path, wall_ms: u64) -> Option<(ClockCheck, i64)> {
    let record = load_record(data_dir)?;
    let offset = record.correction()?.offset_now(wall_ms, boot_clock_ms())?;
    Some((record.check, offset))
}

/// Why one server gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerFailure {
    /// No reply in time, the name did not resolve, or the network is down.
    NoAnswer { server: String, reason: String },
    /// A reply came, and it failed the checks (malformed, wrong mode, zero timestamp, not
    /// synchronized, "kiss of death").
    BadAnswer { server: String, reason: String },
}

/// Asks every server at once (each within `timeout`) and decides with [`decide`]. Never sends more
/// than one small packet per server; nothing about the person is in it.
pub fn check(servers: &[ServerAddress], timeout: Duration, checked_at: u64) -> Result<ClockCheck> {
    let (send, receive) = mpsc::channel();
    for server in servers {
        let send = send.clone();
        let server = server.clone();
        // One thread per server: name lookups block, and a slow one must not hold up the rest.
        std::thread::spawn(move || {
            let _ = send.send(ask(&server, timeout));
        });
    }
    drop(send);
    // Name lookups are not bounded by the socket timeout: stop waiting a second after it.
    let deadline = Instant::now() + timeout + Duration::from_secs(1);
    let mut answers = Vec::new();
    let mut failures = Vec::new();
    for _ in servers {
        let left = deadline.saturating_duration_since(Instant::now());
        match receive.recv_timeout(left) {
            Ok(Ok(answer)) => answers.push(answer),
            Ok(Err(failure)) => failures.push(failure),
            Err(_) => break,
        }
    }
    let unanswered: Vec<ServerFailure> = servers
        .iter()
        .filter(|s| {
            let name = s.to_string();
            !answers.iter().any(|a: &ServerOffset| a.server == name)
                && !failures.iter().any(|f| failure_server(f) == name)
        })
        .map(|s| ServerFailure::NoAnswer {
            server: s.to_string(),
            reason: "no answer in time".into(),
        })
        .collect();
    failures.extend(unanswered);
    decide(answers, &failures, checked_at)
}

fn failure_server(f: &ServerFailure) -> &str {
    match f {
        ServerFailure::NoAnswer { server, .. } | ServerFailure::BadAnswer { server, .. } => server,
    }
}

/// One SNTP request to one server.
fn ask(
    server: &ServerAddress,
    timeout: Duration,
) -> std::result::Result<ServerOffset, ServerFailure> {
    let name = server.to_string();
    let address = server.resolve().map_err(|reason| ServerFailure::NoAnswer {
        server: name.clone(),
        reason,
    })?;
    let now = || i128::from(crate::app::unix_now_ms());
    match sntp::offset_ms(address, timeout, now) {
        Ok(offset_ms) => Ok(ServerOffset {
            server: name,
            offset_ms,
        }),
        Err(sntp::Failure::NoAnswer(reason)) => Err(ServerFailure::NoAnswer {
            server: name,
            reason,
        }),
        Err(sntp::Failure::BadAnswer(reason)) => Err(ServerFailure::BadAnswer {
            server: name,
            reason: reason.into(),
        }),
    }
}

/// What a set of answers means:
/// - no answer: `clock.bad_answer` when a server replied with something unusable, else
///   `clock.no_answer`;
/// - one answer: its offset, never applied (one server alone could be forged or wrong);
/// - two or more: the closest two must agree within [`AGREE_WITHIN_MS`] (else `clock.disagree`); their
///   mean is the offset, applied when the clock is off by more than [`SHOW_AFTER_MS`] and less than
///   [`MAX_CORRECTION_MS`].
pub fn decide(
    mut answers: Vec<ServerOffset>,
    failures: &[ServerFailure],
    checked_at: u64,
) -> Result<ClockCheck> {
    if answers.is_empty() {
        let bad: Vec<String> = failures
            .iter()
            .filter_map(|f| match f {
                ServerFailure::BadAnswer { server, reason } => Some(format!("{server}: {reason}")),
                ServerFailure::NoAnswer { .. } => None,
            })
            .collect();
        let all: Vec<&str> = failures.iter().map(failure_server).collect();
        return Err(if bad.is_empty() {
            Error::ClockNoAnswer {
                servers: all.join(", "),
            }
        } else {
            Error::ClockBadAnswer {
                answers: bad.join("; "),
            }
        });
    }
    answers.sort_by_key(|a| a.offset_ms);
    if answers.len() == 1 {
        let offset_ms = answers[0].offset_ms;
        return Ok(ClockCheck {
            offset_ms,
            servers: answers,
            applied: false,
            checked_at,
        });
    }
    let closest = answers
        .windows(2)
        .min_by_key(|pair| pair[1].offset_ms.saturating_sub(pair[0].offset_ms))
        .map(|pair| (pair[0].offset_ms, pair[1].offset_ms));
    let Some((low, high)) =
        closest.filter(|(low, high)| high.saturating_sub(*low) <= AGREE_WITHIN_MS)
    else {
        return Err(Error::ClockDisagree {
            answers: answers
                .iter()
                .map(|a| format!("{} says {}", a.server, describe_offset(a.offset_ms)))
                .collect::<Vec<_>>()
                .join("; "),
        });
    };
    let offset_ms = low / 2 + high / 2 + (low % 2 + high % 2) / 2;
    let off_by = offset_ms.unsigned_abs();
    let applied =
        off_by > SHOW_AFTER_MS.unsigned_abs() && off_by < MAX_CORRECTION_MS.unsigned_abs();
    Ok(ClockCheck {
        offset_ms,
        servers: answers,
        applied,
        checked_at,
    })
}

/// "2 minutes slow", "40 seconds fast", "right": how a person reads an offset.
pub fn describe_offset(offset_ms: i64) -> String {
    let seconds = (offset_ms.unsigned_abs() + 500) / 1000;
    if seconds == 0 {
        return "the right time".into();
    }
    let minutes = (seconds + 30) / 60;
    let amount = if seconds < 90 {
        plural(seconds, "second")
    } else if minutes < 60 {
        plural(minutes, "minute")
    } else {
        plural((seconds + 1800) / 3600, "hour")
    };
    let way = if offset_ms > 0 { "slow" } else { "fast" };
    format!("{amount} {way}")
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(server: &str, offset_ms: i64) -> ServerOffset {
        ServerOffset {
            server: server.into(),
            offset_ms,
        }
    }

    #[test]
    fn two_servers_that_agree_give_their_mean_and_a_correction_beyond_15_seconds() {
        let c = decide(vec![answer("a", 120_300), answer("b", 119_900)], &[], 7).unwrap();
        assert_eq!(c.offset_ms, 120_100);
        assert!(c.applied);
        assert!(c.clock_is_off());
        assert_eq!(c.checked_at, 7);
        let small = decide(vec![answer("a", 300), answer("b", -200)], &[], 7).unwrap();
        assert_eq!(small.offset_ms, 50);
        assert!(!small.applied, "a right clock is not corrected");
    }

    #[test]
    fn one_answer_alone_or_an_hour_off_is_never_applied() {
        let one = decide(vec![answer("a", 120_000)], &[], 0).unwrap();
        assert_eq!(one.offset_ms, 120_000);
        assert!(!one.applied);
        let hours = decide(vec![answer("a", 7_200_000), answer("b", 7_200_100)], &[], 0).unwrap();
        assert!(!hours.applied);
        assert!(hours.clock_is_off());
    }

    #[test]
    fn a_forged_answer_is_outvoted_and_servers_that_disagree_are_an_error() {
        let c = decide(
            vec![
                answer("forged", 3_000_000),
                answer("a", 40),
                answer("b", 60),
            ],
            &[],
            0,
        )
        .unwrap();
        assert_eq!(c.offset_ms, 50);
        assert!(!c.applied);
        let e = decide(vec![answer("a", 0), answer("b", 120_000)], &[], 0).unwrap_err();
        assert_eq!(e.code(), "clock.disagree");
        assert!(e.to_string().contains("b says 2 minutes slow"), "{e}");
    }

    #[test]
    fn no_answer_is_told_apart_from_a_bad_answer() {
        let quiet = [ServerFailure::NoAnswer {
            server: "a".into(),
            reason: "timed out".into(),
        }];
        assert_eq!(
            decide(vec![], &quiet, 0).unwrap_err().code(),
            "clock.no_answer"
        );
        let bad = [
            quiet[0].clone(),
            ServerFailure::BadAnswer {
                server: "b".into(),
                reason: "invalid mode".into(),
            },
        ];
        let e = decide(vec![], &bad, 0).unwrap_err();
        assert_eq!(e.code(), "clock.bad_answer");
        assert!(e.to_string().contains("b: invalid mode"), "{e}");
    }

    #[test]
    fn offsets_read_as_people_say_them() {
        assert_eq!(describe_offset(120_000), "2 minutes slow");
        assert_eq!(describe_offset(-40_400), "40 seconds fast");
        assert_eq!(describe_offset(-1_000), "1 second fast");
        assert_eq!(describe_offset(200), "the right time");
        assert_eq!(describe_offset(3_600_000), "1 hour slow");
        assert_eq!(describe_offset(i64::MIN), describe_offset(i64::MIN));
    }

    #[test]
    fn the_mean_never_overflows() {
        let c = decide(vec![answer("a", i64::MAX), answer("b", i64::MAX)], &[], 0).unwrap();
        assert_eq!(c.offset_ms, i64::MAX);
        assert!(!c.applied);
    }
}
