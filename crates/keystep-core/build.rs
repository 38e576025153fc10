//! Bundles every guide translation: each `data/guides/<lang>/*.toml` (a folder per language code, such
//! as `es`) becomes an entry of `BUNDLED_TRANSLATIONS` (see src/guides/mod.rs), so a translation added
//! to a folder is compiled in and checked by the tests without editing a list.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let guides = Path::new(&manifest).join("data").join("guides");
    // A new language folder changes the guides folder; a new file changes its language folder.
    println!("cargo:rerun-if-changed={}", guides.display());
    let mut entries = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&guides)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    for folder in folders {
        println!("cargo:rerun-if-changed={}", folder.display());
        let lang = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for file in files {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            entries.push(format!(
                "    ({lang:?}, {:?}, include_str!({:?})),\n",
                format!("{lang}/{name}"),
                file.display().to_string()
            ));
        }
    }
    let code = format!("&[\n{}]\n", entries.concat());
    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("translations.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
