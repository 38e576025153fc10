//! The clock check in the window: a background task that asks the time servers at start and every few
//! hours (never in the way of a code), the correction the codes use while the clock is off, and the
//! commands of the banner and of Settings.

use std::sync::Mutex;

use keystep_core::ErrorDto;
use keystep_core::app::unix_now_ms;
use keystep_core::clock::{
    self, ClockCheck, ClockRecord, ClockStatus, Correction, DEFAULT_SERVERS,
};
use keystep_core::settings::Settings;
use tauri::{AppHandle, Manager, State};

use crate::commands::CmdResult;
use crate::recovery_commands::blocking;
use crate::state::AppState;

/// How long after start the first check waits (a kept check that still holds applies at once).
const FIRST_CHECK_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// The clock check's state, shared by the background task and the commands.
#[derive(Default)]
pub struct ClockWatch {
    inner: Mutex<Inner>,
    /// Wakes the background task: Settings changed, or the clock was set.
    wake: tokio::sync::Notify,
}

#[derive(Default)]
struct Inner {
    last: Option<ClockCheck>,
    problem: Option<ErrorDto>,
    correction: Option<Correction>,
    checking: bool,
}

impl ClockWatch {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The time codes are made for: this computer's clock, moved by the correction while it holds.
    /// A correction that stopped holding (the person set the clock) is dropped, and a new check is
    /// asked for.
    pub fn code_now_ms(&self) -> u64 {
        let wall_ms = unix_now_ms();
        let mut inner = self.inner();
        let Some(correction) = inner.correction else {
            return wall_ms;
        };
        match correction.offset_now(wall_ms, clock::boot_clock_ms()) {
            Some(offset) => wall_ms.saturating_add_signed(offset),
            None => {
                inner.correction = None;
                drop(inner);
                self.wake.notify_one();
                wall_ms
            }
        }
    }

    fn status(&self, settings: &Settings) -> ClockStatus {
        let wall_ms = unix_now_ms();
        let inner = self.inner();
        ClockStatus {
            check: settings.clock.check,
            servers: settings.clock.servers.clone(),
            default_servers: DEFAULT_SERVERS.iter().map(|s| s.to_string()).collect(),
            last: inner.last.clone(),
            problem: inner.problem.clone(),
            correction_ms: inner
                .correction
                .and_then(|c| c.offset_now(wall_ms, clock::boot_clock_ms())),
            checking: inner.checking,
        }
    }

    /// Takes a check's result: the correction it allows (or none), and the record on disk (written
    /// after the state is updated, outside its lock: codes are asked for while it is held).
    fn take_result(
        &self,
        result: keystep_core::Result<ClockCheck>,
        wall_ms: u64,
        data_dir: Option<&std::path::Path>,
    ) {
        let record = match result {
            Ok(check) => ClockRecord::new(check, wall_ms, clock::boot_clock_ms()),
            // No usable answer: the codes go on with what they had (a correction holds only while
            // the clock runs on undisturbed, which `code_now_ms` watches).
            Err(e) => {
                let mut inner = self.inner();
                inner.checking = false;
                inner.problem = Some(e.to_dto());
                return;
            }
        };
        {
            let mut inner = self.inner();
            inner.checking = false;
            inner.correction = record.correction();
            inner.last = Some(record.check.clone());
            inner.problem = None;
        }
        if let Some(dir) = data_dir {
            // Only for `keystep code` and the next start; the window goes on without it.
            let _ = clock::save_record(dir, &record);
        }
    }

    fn clear(&self) {
        let mut inner = self.inner();
        inner.correction = None;
        inner.last = None;
        inner.problem = None;
    }
}

fn settings_of(state: &AppState) -> (Settings, Option<std::path::PathBuf>) {
    match state.data_dir() {
        Ok(dir) => (Settings::load(dir.root()), Some(dir.root().to_path_buf())),
        Err(_) => (Settings::default(), None),
    }
}

/// Runs one check on a worker thread and tells the page when it is done.
async fn run_check(app: &AppHandle) {
    let state = app.state::<AppState>();
    let (settings, data_dir) = settings_of(&state);
    let Ok(servers) = settings.clock.addresses() else {
        return;
    };
    {
        let mut inner = state.clock.inner();
        if inner.checking {
            return;
        }
        inner.checking = true;
    }
    let wall_ms = unix_now_ms();
    let result = tauri::async_runtime::spawn_blocking(move || {
        clock::check(&servers, clock::DEFAULT_TIMEOUT, wall_ms / 1000)
    })
    .await
    .unwrap_or_else(|e| {
        Err(keystep_core::Error::ClockNoAnswer {
            servers: e.to_string(),
        })
    });
    // Turned off while the servers were asked: the answer is not used.
    if settings_of(&state).0.clock.check {
        state
            .clock
            .take_result(result, wall_ms, data_dir.as_deref());
    } else {
        state.clock.clear();
        state.clock.inner().checking = false;
    }
    tell_page(app);
}

/// The page listens for this and asks for the status and the codes again.
fn tell_page(app: &AppHandle) {
    if let Some(webview) = app.get_webview_window("main") {
        let _ = webview.eval("window.dispatchEvent(new CustomEvent('keystep:clock'))");
    }
}

/// Starts the background task: the kept check first (a restart keeps a correction that still holds),
/// then a check now and every few hours, or at once when woken.
pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let (settings, data_dir) = settings_of(&state);
        if settings.clock.check
            && let Some(record) = data_dir.as_deref().and_then(clock::load_record)
        {
            let mut inner = state.clock.inner();
            inner.correction = record.correction();
            inner.last = Some(record.check);
        }
        // The first check waits until the window has painted its codes, so that its name lookups
        // and threads never compete with WebKit's start (bench/launch.sh showed no difference either
        // way within its noise; the wait costs nothing).
        tokio::time::sleep(FIRST_CHECK_AFTER).await;
        loop {
            let (settings, _) = settings_of(&state);
            if settings.clock.check {
                run_check(&app).await;
            }
            let woken =
                tokio::time::timeout(clock::RECHECK_EVERY, state.clock.wake.notified()).await;
            if woken.is_ok() {
                // A clock being set moves in steps; let it settle before asking.
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    });
}

/// The clock check as the banner and Settings show it.
#[tauri::command]
pub async fn clock_status(state: State<'_, AppState>) -> CmdResult<ClockStatus> {
    let (settings, _) = settings_of(&state);
    Ok(state.clock.status(&settings))
}

/// "Check now" in Settings: asks the servers (when the check is on) and answers when they did.
#[tauri::command]
pub async fn check_clock_now(app: AppHandle, state: State<'_, AppState>) -> CmdResult<ClockStatus> {
    run_check(&app).await;
    let (settings, _) = settings_of(&state);
    Ok(state.clock.status(&settings))
}

/// Turns the check on or off and chooses the servers (an empty list: the defaults). Turning it off
/// drops the correction at once: the codes use the computer's clock as it is.
#[tauri::command]
pub async fn set_clock_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    check: bool,
    servers: Vec<String>,
) -> CmdResult<ClockStatus> {
    let servers: Vec<String> = servers
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    // Refused before anything is saved: each server is read as the checker will read it.
    clock::parse_servers(&servers).map_err(|e| e.to_dto())?;
    let dir = state.data_dir()?;
    let settings = blocking(move || {
        let mut settings = Settings::load(dir.root());
        settings.clock.check = check;
        settings.clock.servers = servers;
        dir.ensure_exists().map_err(|e| e.to_dto())?;
        settings.save(dir.root()).map_err(|e| e.to_dto())?;
        Ok(settings)
    })
    .await?;
    if check {
        state.clock.wake.notify_one();
    } else {
        state.clock.clear();
        // The codes on screen were made with the correction: the page asks for them again.
        tell_page(&app);
    }
    Ok(state.clock.status(&settings))
}
