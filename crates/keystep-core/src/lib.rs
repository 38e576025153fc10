//! Keystep's core: everything the desktop app and the `keystep` command do, without any UI.
//!
//! The front ends call [`Keystep`], the facade over the encrypted [`vault`], the OS [`keychain`] and the
//! [`otp`] code generators. Secrets stay inside this crate: what leaves it are views ([`AccountView`],
//! [`CodeView`]) that hold names and codes, never seeds or keys.

pub mod account;
pub mod app;
pub mod catalog;
pub mod dates;
pub mod error;
pub mod files;
pub mod guides;
pub mod keychain;
pub mod links;
pub mod names;
pub mod otp;
pub mod paths;
pub mod phones;
pub mod sensitive;
pub mod vault;

pub use account::{AccountView, NewAccount};
pub use app::{CopyInfo, Keystep, OpenInfo, OpenOutcome};
pub use error::{Error, ErrorDto, Result};
pub use otp::{Algorithm, CodeView, OtpKind};
