//! `keystep clock`: this computer's clock against network time; and the warning `keystep code` prints
//! while the last check says the clock is off.

use keystep_core::app::unix_now_ms;
use keystep_core::clock::{self, ClockCheck, ClockRecord};
use keystep_core::paths::DataDir;
use keystep_core::settings::Settings;

use crate::{Failure, to_json};

/// Asks `servers` (or the ones chosen in Settings), prints the result and keeps it for `keystep code`
/// and the window.
pub fn run_clock(dir: &DataDir, servers: &[String], json: bool) -> Result<(), Failure> {
    let addresses = if servers.is_empty() {
        Settings::load(dir.root()).clock.addresses()?
    } else {
        clock::parse_servers(servers)?
    };
    let wall_ms = unix_now_ms();
    let check = clock::check(&addresses, clock::DEFAULT_TIMEOUT, wall_ms / 1000)?;
    let record = ClockRecord::new(check.clone(), wall_ms, clock::boot_clock_ms());
    if let Err(e) = clock::save_record(dir.root(), &record) {
        eprintln!("keystep: the result could not be kept for your codes: {e}");
    }
    if json {
        println!("{}", to_json(&check));
    } else {
        print_check(&check);
    }
    Ok(())
}

fn print_check(check: &ClockCheck) {
    let answers: Vec<String> = check
        .servers
        .iter()
        .map(|s| format!("{} {:+} ms", s.server, s.offset_ms))
        .collect();
    let off = clock::describe_offset(check.offset_ms);
    if check.clock_is_off() {
        println!("Your computer's clock is {off} ({}).", answers.join(", "));
        if check.applied {
            println!(
                "Sites may refuse your codes. Keystep makes its codes with the network time until the clock is set. Turn on \"Set time automatically\" in your system settings."
            );
        } else if check.servers.len() == 1 {
            println!(
                "Only one time server answered, so Keystep does not change its codes on its word alone. Check your system settings' time."
            );
        } else {
            println!(
                "That is more than an hour: Keystep does not correct its codes by so much. Check the date, time and time zone in your system settings."
            );
        }
    } else if check.offset_ms == 0 || off == "the right time" {
        println!("Your computer's clock is right ({}).", answers.join(", "));
    } else {
        println!(
            "Your computer's clock is right: {off}, well within what sites accept ({}).",
            answers.join(", ")
        );
    }
}

/// How far `keystep code` moves this computer's clock: the last check's correction while it holds (with
/// a warning on stderr then), else 0.
pub fn code_offset_ms(dir: &DataDir) -> i64 {
    match clock::standing_correction(dir.root(), unix_now_ms()) {
        Some((check, offset)) => {
            eprintln!(
                "keystep: warning: your computer's clock is {} (checked with time servers). Sites may refuse codes made with it, so this code uses the network time. Turn on \"Set time automatically\" in your system settings. [clock.off]",
                clock::describe_offset(check.offset_ms)
            );
            offset
        }
        None => 0,
    }
}
