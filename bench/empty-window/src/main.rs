//! An empty Tauri window built with Keystep's settings and profile: the floor of this stack, against
//! which bench/launch.py compares Keystep's launch time and memory.
//!
//! With `KEYSTEP_BENCH_PAGE_DIR` set, the same window shows the page in that folder instead of its own
//! empty one. bench/launch.py puts there a copy of Keystep's first screen as plain markup, with its
//! style sheet and no script but the paint report: the least that screen can cost on this stack, whatever
//! draws it.

use std::borrow::Cow;
use std::path::PathBuf;

use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{Assets, Runtime};

#[tauri::command]
fn first_code_painted() {
    let at_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    if let Some(path) = std::env::var_os("KEYSTEP_BENCH_PAINT_FILE") {
        let _ = std::fs::write(path, at_ms.to_string());
    }
}

/// Serves the window's page from a folder on disk (read on each request, as the embedded page is
/// unpacked on each request).
struct PageDir(PathBuf);

impl<R: Runtime> Assets<R> for PageDir {
    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        let relative = key.as_ref().trim_start_matches('/');
        if relative.split('/').any(|part| part == "..") {
            return None;
        }
        std::fs::read(self.0.join(relative)).ok().map(Cow::Owned)
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

fn main() {
    let mut context = tauri::generate_context!();
    if let Some(dir) = std::env::var_os("KEYSTEP_BENCH_PAGE_DIR") {
        context.set_assets(Box::new(PageDir(PathBuf::from(dir))));
    }
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_code_painted])
        .run(context);
    if let Err(e) = result {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
