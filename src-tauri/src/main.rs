// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    keystep_desktop::configure_before_threads();
    keystep_desktop::run();
}
