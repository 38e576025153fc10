//! Opens an address in the person's browser. On Linux the launchers (`xdg-open`, `gio`, …) are started
//! here rather than by `open::that_detached`, so that the browser does not inherit the WebKit tuning
//! Keystep set for its own window (see [`crate::webkit`]).

use std::io;

/// How long a launcher may take to fail before it counts as started, as in `open::that_detached`.
#[cfg(target_os = "linux")]
const FAILURE_CHECK: std::time::Duration = std::time::Duration::from_millis(250);

/// Opens `url` with the first launcher that starts and does not fail at once.
#[cfg(target_os = "linux")]
pub fn open_url(url: &str) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;

    let mut last_error = None;
    for mut command in open::commands(url) {
        crate::webkit::without_keystep_tuning(&mut command)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: a Ctrl+C meant for Keystep's terminal does not close the browser.
            .process_group(0);
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                last_error = Some(e);
                continue;
            }
        };
        let started = std::time::Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                Ok(Some(status)) => {
                    last_error = Some(io::Error::other(format!(
                        "{:?} ended with {status}",
                        command.get_program()
                    )));
                    break;
                }
                Ok(None) if started.elapsed() >= FAILURE_CHECK => {
                    // Still running: it has the address. Reap it whenever it ends.
                    std::thread::spawn(move || child.wait());
                    return Ok(());
                }
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(10)),
                Err(e) => return Err(e),
            }
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no program to open addresses was found")))
}

/// Opens `url` in the default browser.
#[cfg(not(target_os = "linux"))]
pub fn open_url(url: &str) -> io::Result<()> {
    open::that_detached(url)
}
