//! WebKitGTK tuning on Linux. With software GL (no GPU, or a virtual display) accelerated compositing
//! delays the first frame by ~400 ms and costs ~60 MiB; the benchmark in bench/launch.sh measures it.

use tauri::{Runtime, WebviewWindow};

/// Environment variable that keeps WebKit's default policy, for measuring the difference.
pub const KEEP_COMPOSITING_ENV: &str = "KEYSTEP_WEBKIT_COMPOSITING";

/// Applies Keystep's WebKit settings to the main window.
pub fn tune<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        if std::env::var_os(KEEP_COMPOSITING_ENV).is_some() {
            return;
        }
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
