//! An empty Tauri window built with Keystep's settings and profile: the floor of this stack, against
//! which bench/launch.py compares Keystep's launch time and memory.

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

fn main() {
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_code_painted])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
