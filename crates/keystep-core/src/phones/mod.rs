//! The person's phone numbers (parsed, labelled, in use or leaving) and the change-number planner,
//! which turns "I am changing my number" into an ordered checklist over the services that use it.

pub mod model;
pub mod number;
pub mod planner;
pub mod views;

pub use model::{Phone, PhoneKind, PhoneStatus};
pub use number::{ParsedNumber, default_region, parse_number};

/// Catalog page ids to open for changing a service's phone number, best first.
pub const PHONE_PAGES: &[&str] = &["phone", "change_phone", "security", "sign_in"];
