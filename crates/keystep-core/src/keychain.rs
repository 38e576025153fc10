//! The vault key in the OS keychain, through `keyring-core` and the platform's store. This is the only
//! module that talks to the keychain.
//!
//! A keychain call can block for as long as an unlock prompt is open, so front ends call it through
//! [`with_timeout`] on a worker thread and never on the UI thread.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use data_encoding::BASE64;
use keyring_core::{CredentialStore, Entry};
use zeroize::Zeroizing;

use crate::error::{Error, KeychainProblem, Result};
use crate::vault::VaultKey;

/// The keychain service name under which vault keys are stored; the account is the vault id.
pub const SERVICE: &str = "keystep";
/// How long front ends wait for the keychain before saying it does not answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// Environment variable that sets that wait in whole seconds (for slow keychains, and for tests).
pub const TIMEOUT_ENV: &str = "KEYSTEP_KEYCHAIN_TIMEOUT_SECS";

/// The longest keychain wait a person can ask for, in seconds.
pub const MAX_TIMEOUT_SECS: u64 = 300;

/// The keychain wait: `KEYSTEP_KEYCHAIN_TIMEOUT_SECS` if it holds a whole number of seconds from 1 to
/// 300, else 20 s. Any other value is named on stderr (once), rather than silently replaced.
pub fn timeout() -> Duration {
    let (wait, warning) = timeout_from(std::env::var(TIMEOUT_ENV).ok().as_deref());
    if let Some(warning) = warning {
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| eprintln!("keystep: {warning}"));
    }
    wait
}

/// The wait for a value of `KEYSTEP_KEYCHAIN_TIMEOUT_SECS`, and a warning when the value is not used.
pub fn timeout_from(value: Option<&str>) -> (Duration, Option<String>) {
    let Some(raw) = value.filter(|v| !v.trim().is_empty()) else {
        return (DEFAULT_TIMEOUT, None);
    };
    match raw.trim().parse::<u64>() {
        Ok(secs) if (1..=MAX_TIMEOUT_SECS).contains(&secs) => (Duration::from_secs(secs), None),
        _ => (
            DEFAULT_TIMEOUT,
            Some(format!(
                "{TIMEOUT_ENV}={raw:?} is not a whole number of seconds from 1 to {MAX_TIMEOUT_SECS}; waiting {} seconds for the keychain instead.",
                DEFAULT_TIMEOUT.as_secs()
            )),
        ),
    }
}

/// A handle on one credential store: the platform's, or keyring-core's mock in tests.
#[derive(Clone)]
pub struct Keychain {
    store: Arc<CredentialStore>,
}

impl std::fmt::Debug for Keychain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keychain")
            .field("store", &self.store.vendor())
            .finish()
    }
}

impl Keychain {
    /// Connects to the platform's store: Secret Service on Linux, Keychain on macOS, Credential Manager on
    /// Windows.
    pub fn platform() -> Result<Self> {
        #[cfg(target_os = "linux")]
        let store: Result<Arc<CredentialStore>, keyring_core::Error> =
            zbus_secret_service_keyring_store::Store::new().map(|s| s as Arc<CredentialStore>);
        #[cfg(target_os = "macos")]
        let store: Result<Arc<CredentialStore>, keyring_core::Error> =
            apple_native_keyring_store::keychain::Store::new().map(|s| s as Arc<CredentialStore>);
        #[cfg(target_os = "windows")]
        let store: Result<Arc<CredentialStore>, keyring_core::Error> =
            windows_native_keyring_store::Store::new().map(|s| s as Arc<CredentialStore>);
        #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
        let store: Result<Arc<CredentialStore>, keyring_core::Error> = Err(
            keyring_core::Error::NotSupportedByStore("this operating system".into()),
        );
        store.map(|store| Self { store }).map_err(|e| diagnose(&e))
    }

    /// A keychain over any keyring-core store (the mock store in tests).
    pub fn with_store(store: Arc<CredentialStore>) -> Self {
        Self { store }
    }

    fn entry(&self, vault_id: &str) -> Result<Entry> {
        self.store
            .build(SERVICE, vault_id, None)
            .map_err(|e| diagnose(&e))
    }

    /// Reads the key of vault `vault_id`.
    pub fn read_key(&self, vault_id: &str) -> Result<VaultKey> {
        let text = Zeroizing::new(
            self.entry(vault_id)?
                .get_password()
                .map_err(|e| diagnose(&e))?,
        );
        let bytes = BASE64.decode(text.trim().as_bytes()).ok();
        bytes
            .and_then(VaultKey::from_bytes)
            .ok_or_else(|| Error::Keychain {
                problem: KeychainProblem::Failed,
                detail: "the keychain item for this vault does not hold a valid Keystep key".into(),
            })
    }

    /// Stores the key of vault `vault_id` (base64, so `secret-tool lookup` shows it as text).
    pub fn store_key(&self, vault_id: &str, key: &VaultKey) -> Result<()> {
        let text = Zeroizing::new(BASE64.encode(key.expose()));
        self.entry(vault_id)?
            .set_password(&text)
            .map_err(|e| diagnose(&e))
    }

    /// Removes the key of vault `vault_id`; used to undo a vault creation that failed half-way.
    pub fn delete_key(&self, vault_id: &str) -> Result<()> {
        match self.entry(vault_id)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(diagnose(&e)),
        }
    }
}

/// Turns a keyring error into one of the causes a person can act on. The generic error hides the cause,
/// so the store's own words are read to tell "no service" from "locked" from "refused".
pub fn diagnose(error: &keyring_core::Error) -> Error {
    use keyring_core::Error as K;
    let detail = error.to_string();
    let lower = detail.to_ascii_lowercase();
    let problem = match error {
        K::NoEntry => KeychainProblem::KeyMissing,
        // "Prompt dismissed" is also what a locked keyring says when no unlock window can be shown:
        // ask the keychain itself whether it is locked.
        K::NoStorageAccess(_) if lower.contains("prompt") => match default_collection_locked() {
            Some(true) => KeychainProblem::Locked,
            _ => KeychainProblem::Denied,
        },
        K::NoStorageAccess(_) => KeychainProblem::Locked,
        K::PlatformFailure(_) | K::NoDefaultStore if is_no_service(&lower) => {
            KeychainProblem::NoService
        }
        _ => KeychainProblem::Failed,
    };
    Error::Keychain { problem, detail }
}

/// Whether the Secret Service's default collection (where Keystep's key lives) is locked; `None` when
/// that cannot be asked. Reading the property shows no prompt.
#[cfg(target_os = "linux")]
fn default_collection_locked() -> Option<bool> {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;
    let service = SecretService::connect(EncryptionType::Plain).ok()?;
    let collection = service.get_default_collection().ok()?;
    collection.is_locked().ok()
}

#[cfg(not(target_os = "linux"))]
fn default_collection_locked() -> Option<bool> {
    None
}

fn is_no_service(lower: &str) -> bool {
    [
        "org.freedesktop.secrets",
        "serviceunknown",
        "no secret service",
        "dbus session",
        "session bus",
        "dbus_session_bus_address",
        "no such file or directory",
        "connection refused",
        "address",
        "no default store",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

/// Runs `work` (which talks to the keychain) on its own thread and gives up after `timeout` with
/// [`KeychainProblem::Timeout`]. The thread is left to finish on its own: an unlock prompt cannot be
/// cancelled, but the caller is free again.
pub fn with_timeout<T, F>(timeout: Duration, work: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            let _ = tx.send(work());
        });
    if let Err(e) = spawned {
        return Err(Error::Keychain {
            problem: KeychainProblem::Failed,
            detail: e.to_string(),
        });
    }
    match rx.recv_timeout(timeout) {
        Ok(result) => result,
        // A locked keyring whose unlock window cannot be shown never answers: when the keychain says
        // it is locked, that is the cause to name, not the wait.
        Err(_) => Err(Error::Keychain {
            problem: if locked_within(LOCK_CHECK_WAIT) == Some(true) {
                KeychainProblem::Locked
            } else {
                KeychainProblem::Timeout
            },
            detail: format!("no answer within {} seconds", timeout.as_secs()),
        }),
    }
}

/// How long to wait for the answer to "is the keychain locked?" after a keychain call timed out.
const LOCK_CHECK_WAIT: Duration = Duration::from_secs(3);

/// [`default_collection_locked`] on its own thread, given up after `wait`.
fn locked_within(wait: Duration) -> Option<bool> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("keychain-lock-check".into())
        .spawn(move || {
            let _ = tx.send(default_collection_locked());
        })
        .ok()?;
    rx.recv_timeout(wait).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyring_core::mock;

    fn mock_keychain() -> Keychain {
        Keychain::with_store(mock::Store::new().unwrap())
    }

    #[test]
    fn stores_and_reads_back_a_key() {
        let kc = mock_keychain();
        let key = VaultKey::generate().unwrap();
        kc.store_key("v1", &key).unwrap();
        assert_eq!(kc.read_key("v1").unwrap(), key);
    }

    #[test]
    fn missing_key_is_reported_as_key_missing() {
        assert_eq!(
            mock_keychain().read_key("nope").unwrap_err().code(),
            "keychain.key_missing"
        );
    }

    #[test]
    fn store_errors_map_to_plain_causes() {
        let no_service = keyring_core::Error::PlatformFailure(Box::new(std::io::Error::other(
            "zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files",
        )));
        assert_eq!(diagnose(&no_service).code(), "keychain.no_service");
        let locked = keyring_core::Error::NoStorageAccess(Box::new(std::io::Error::other(
            "SS Error: object locked",
        )));
        assert_eq!(diagnose(&locked).code(), "keychain.locked");
        let dismissed = keyring_core::Error::NoStorageAccess(Box::new(std::io::Error::other(
            "SS error: prompt dismissed",
        )));
        assert_eq!(diagnose(&dismissed).code(), "keychain.denied");
        let other = keyring_core::Error::PlatformFailure(Box::new(std::io::Error::other("boom")));
        assert_eq!(diagnose(&other).code(), "keychain.failed");
    }

    #[test]
    fn the_keychain_wait_takes_1_to_300_seconds_and_names_any_other_value() {
        assert_eq!(timeout_from(None), (DEFAULT_TIMEOUT, None));
        assert_eq!(timeout_from(Some("")), (DEFAULT_TIMEOUT, None));
        assert_eq!(timeout_from(Some("3")).0, Duration::from_secs(3));
        assert_eq!(timeout_from(Some(" 300 ")).0, Duration::from_secs(300));
        for bad in [
            "0",
            "-1",
            "abc",
            "1.5",
            "1e20",
            "301",
            "18446744073709551615",
        ] {
            let (wait, warning) = timeout_from(Some(bad));
            assert_eq!(wait, DEFAULT_TIMEOUT, "{bad}");
            let warning = warning.unwrap_or_default();
            assert!(
                warning.contains(bad) && warning.contains("from 1 to 300"),
                "{bad}: {warning}"
            );
        }
    }

    #[test]
    fn a_keychain_that_hangs_times_out_instead_of_blocking() {
        let err = with_timeout(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5));
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.code(), "keychain.timeout");
    }

    #[test]
    fn a_garbled_keychain_item_is_not_taken_for_a_key() {
        let kc = mock_keychain();
        kc.entry("v").unwrap().set_password("not a key").unwrap();
        assert_eq!(kc.read_key("v").unwrap_err().code(), "keychain.failed");
    }
}
