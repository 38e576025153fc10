//! Phone numbers and the accounts that use them: which service sends codes to which number, backup
//! codes, the risk review, and the change-number planner.

pub mod backup_codes;
pub mod model;
pub mod number;
pub mod planner;
pub mod review;
pub mod views;

pub use model::{BackupCode, MyAccount, Phone, PhoneKind, PhoneStatus, ServiceRef};
pub use number::{ParsedNumber, default_region, parse_number};

/// Catalog page ids to open for changing a service's phone number, best first.
pub const PHONE_PAGES: &[&str] = &["phone", "change_phone", "security", "sign_in"];
