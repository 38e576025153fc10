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
const WEBKIT_DISABLE_COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Turns WebKit's accelerated compositing off unless the person asked otherwise. Must run first thing in
/// `main`, before any thread is started.
pub fn configure_before_threads() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(KEEP_COMPOSITING_ENV).is_none()
        && std::env::var_os(WEBKIT_DISABLE_COMPOSITING_ENV).is_none()
    {
        // SAFETY: called at the top of `main`, before Tauri, GTK or any other thread exists, so nothing can
        // read the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(WEBKIT_DISABLE_COMPOSITING_ENV, "1");
        }
    }
}
