//! Keystep's generator agrees with totp-rs (an independent implementation) on random secrets, times,
//! algorithms, digit counts and periods, and on Steam Guard codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use keystep_core::Algorithm;
use keystep_core::otp::generate::{hotp, steam, time_step};
use proptest::prelude::*;
use totp_rs::{Algorithm as TotpAlgorithm, Builder};

fn theirs(algorithm: Algorithm) -> TotpAlgorithm {
    match algorithm {
        Algorithm::Sha1 => TotpAlgorithm::SHA1,
        Algorithm::Sha256 => TotpAlgorithm::SHA256,
        Algorithm::Sha512 => TotpAlgorithm::SHA512,
    }
}

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop_oneof![
        Just(Algorithm::Sha1),
        Just(Algorithm::Sha256),
        Just(Algorithm::Sha512)
    ]
}

proptest! {
    #[test]
    fn totp_codes_match_totp_rs(
        secret in proptest::collection::vec(any::<u8>(), 10..64),
        time in 0u64..4_000_000_000,
        algorithm in algorithm(),
        digits in 6u8..=8,
        period in prop_oneof![Just(30u64), Just(60), 1u64..600],
    ) {
        let reference = Builder::new()
            .with_algorithm(theirs(algorithm))
            .with_digits(digits)
            .with_step_duration(period)
            .with_secret(secret.clone())
            .with_account_name("test")
            .build_noncompliant();
        let ours = hotp(algorithm, &secret, time_step(time, period), digits);
        prop_assert_eq!(ours, reference.generate(time).to_string());
    }

    #[test]
    fn steam_codes_match_totp_rs(secret in proptest::collection::vec(any::<u8>(), 10..64), time in 0u64..4_000_000_000) {
        let reference = Builder::new_steam().with_secret(secret.clone()).with_account_name("test").build_noncompliant();
        prop_assert_eq!(steam(&secret, time_step(time, 30)), reference.generate(time).to_string());
    }
}
