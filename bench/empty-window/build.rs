fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["first_code_painted"])),
    )
    .unwrap_or_else(|e| panic!("tauri build failed: {e:#}"));
}
