//! WebKitGTK tuning on Linux. With software GL (no GPU, or a virtual display) accelerated compositing
//! delays the first frame by ~150-400 ms and costs ~60 MiB; a list of codes gains nothing from it.
//! bench/launch.sh measured three ways (medians of 5, Xvfb + llvmpipe, 2 cores):
//!   compositing on (WebKit's default)                        510 ms to first code, 286 MiB PSS
//!   hardware-acceleration-policy = Never set from Rust        366 ms,              226 MiB
//!   WEBKIT_DISABLE_COMPOSITING_MODE=1 before GTK starts       349 ms,              216 MiB
//! The policy set through `with_webview` arrives after the page has started in compositing mode, so the
//! environment variable, set before any thread exists, wins on both counts.

/// Set this (to anything) to keep WebKit's default compositing, e.g. to compare in the benchmark.
pub const KEEP_COMPOSITING_ENV: &str = "KEYSTEP_WEBKIT_COMPOSITING";
#[cfg(target_os = "linux")]
const WEBKIT_DISABLE_COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// JavaScriptCore's optimizing (DFG) tier. The page's script is forms and a list: it never runs hot
/// enough to gain from it. Without it the web process holds 4.4 MiB less (bench/launch.py, medians of 9:
/// 110.0 vs 114.4 MiB) and the first code is painted no later. Set it to 1 yourself to keep the tier.
#[cfg(target_os = "linux")]
const JSC_DFG_ENV: &str = "JSC_useDFGJIT";

/// The variables Keystep set for its own WebKit, so they can be kept from the programs it starts (a
/// WebKit browser such as Epiphany would otherwise run with Keystep's tuning). Set once, before threads.
#[cfg(target_os = "linux")]
static SET_BY_KEYSTEP: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Turns WebKit's accelerated compositing and JavaScriptCore's optimizing tier off, unless the person
/// asked otherwise. Must run first thing in `main`, before any thread is started.
pub fn configure_before_threads() {
    #[cfg(target_os = "linux")]
    {
        let tuning = [
            (
                WEBKIT_DISABLE_COMPOSITING_ENV,
                "1",
                std::env::var_os(KEEP_COMPOSITING_ENV).is_none(),
            ),
            (JSC_DFG_ENV, "0", true),
        ];
        let mut set = Vec::new();
        for (name, value, apply) in tuning {
            if apply && std::env::var_os(name).is_none() {
                // SAFETY: called at the top of `main`, before Tauri, GTK or any other thread exists, so
                // nothing can read the environment concurrently.
                #[allow(unsafe_code)]
                unsafe {
                    std::env::set_var(name, value);
                }
                set.push(name);
            }
        }
        let _ = SET_BY_KEYSTEP.set(set);
    }
}

/// Removes from `command`'s environment what [`configure_before_threads`] set, so a program Keystep
/// starts sees the environment Keystep itself was started with.
#[cfg(target_os = "linux")]
pub fn without_keystep_tuning(command: &mut std::process::Command) -> &mut std::process::Command {
    for name in SET_BY_KEYSTEP.get().map(Vec::as_slice).unwrap_or_default() {
        command.env_remove(name);
    }
    command
}
