//! The services a person signs in to: which numbers each sends codes to, their backup codes, and the
//! risk review of how the person gets into each.

pub mod backup_codes;
pub mod model;
pub mod review;
pub mod views;

pub use model::{BackupCode, Service, ServiceRef, service_name};
