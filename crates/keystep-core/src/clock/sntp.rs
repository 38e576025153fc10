//! One SNTP exchange (RFC 4330 / RFC 5905, client mode), with every check a reply must pass before its
//! time is believed. Written here rather than taken from the `rsntp` crate: rsntp 4.1 reads a zero
//! timestamp on the wire as a time in 2036 (its era handling), so its "zero transmit timestamp" check
//! never fires, and a reply with no time in it would pass as a clock nine years off.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

/// Seconds from 1900-01-01 (NTP's era 0) to 1970-01-01.
const NTP_TO_UNIX_S: i128 = 2_208_988_800;
const PACKET_LEN: usize = 48;
const MODE_CLIENT: u8 = 3;
const MODE_SERVER: u8 = 4;
const VERSION: u8 = 4;

/// Why a reply was not believed, in words for the message.
pub(super) enum Failure {
    /// Nothing usable came back in time (or the network refused).
    NoAnswer(String),
    /// A reply came and failed a check.
    BadAnswer(&'static str),
}

/// Asks `server` once; the offset (server time minus this computer's time) in milliseconds.
pub(super) fn offset_ms(
    server: SocketAddr,
    timeout: Duration,
    now_ms: impl Fn() -> i128,
) -> Result<i64, Failure> {
    let bind: SocketAddr = if server.is_ipv6() {
        SocketAddr::from(([0u16; 8], 0))
    } else {
        SocketAddr::from(([0u8; 4], 0))
    };
    let io = |e: std::io::Error| Failure::NoAnswer(e.to_string());
    let socket = UdpSocket::bind(bind).map_err(io)?;
    // Connected: datagrams from any other address are not delivered.
    socket.connect(server).map_err(io)?;
    socket.set_read_timeout(Some(timeout)).map_err(io)?;

    let sent_ms = now_ms();
    let mut request = [0u8; PACKET_LEN];
    request[0] = (VERSION << 3) | MODE_CLIENT;
    let transmit = to_ntp(sent_ms);
    request[40..48].copy_from_slice(&transmit);
    socket.send(&request).map_err(io)?;

    let mut reply = [0u8; 512];
    let n = socket.recv(&mut reply).map_err(|e| match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            Failure::NoAnswer("no answer in time".into())
        }
        _ => io(e),
    })?;
    let received_ms = now_ms();
    let reply = &reply[..n];
    if reply.len() < PACKET_LEN {
        return Err(Failure::BadAnswer("the reply is too short to be a time"));
    }
    let leap = reply[0] >> 6;
    let version = (reply[0] >> 3) & 0b111;
    let mode = reply[0] & 0b111;
    let stratum = reply[1];
    if !(1..=4).contains(&version) {
        return Err(Failure::BadAnswer("the reply is of an unknown version"));
    }
    if mode != MODE_SERVER {
        return Err(Failure::BadAnswer(
            "the reply is not from a server (wrong mode)",
        ));
    }
    if stratum == 0 {
        return Err(Failure::BadAnswer(
            "the server refused to answer (kiss-o'-death)",
        ));
    }
    if leap == 3 || stratum >= 16 {
        return Err(Failure::BadAnswer(
            "the server says its own clock is not set",
        ));
    }
    if reply[24..32] != transmit {
        return Err(Failure::BadAnswer(
            "the reply does not answer Keystep's request",
        ));
    }
    let (Some(receive), Some(transmit)) = (
        from_ntp(&reply[32..40], sent_ms),
        from_ntp(&reply[40..48], sent_ms),
    ) else {
        return Err(Failure::BadAnswer("the reply holds a zero timestamp"));
    };
    // RFC 5905's offset: ((T2 - T1) + (T3 - T4)) / 2.
    let offset = ((receive - sent_ms) + (transmit - received_ms)) / 2;
    i64::try_from(offset).map_err(|_| Failure::BadAnswer("the reply's time is out of range"))
}

/// Unix milliseconds as an NTP timestamp (seconds since 1900 and a binary fraction).
fn to_ntp(unix_ms: i128) -> [u8; 8] {
    let ms = unix_ms + NTP_TO_UNIX_S * 1000;
    let seconds = (ms.div_euclid(1000) & 0xFFFF_FFFF) as u32;
    let fraction = ((ms.rem_euclid(1000) << 32) / 1000) as u32;
    let mut out = [0u8; 8];
    out[..4].copy_from_slice(&seconds.to_be_bytes());
    out[4..].copy_from_slice(&fraction.to_be_bytes());
    out
}

/// An NTP timestamp as Unix milliseconds, in the 136-year era nearest to `near_ms`; `None` for zero
/// (a server that has no time to give).
fn from_ntp(bytes: &[u8], near_ms: i128) -> Option<i128> {
    let raw = u64::from_be_bytes(bytes.try_into().ok()?);
    if raw == 0 {
        return None;
    }
    let seconds = i128::from(raw >> 32);
    let fraction_ms = (i128::from(raw & 0xFFFF_FFFF) * 1000) >> 32;
    let era_s: i128 = 1 << 32;
    let near_ntp_s = near_ms.div_euclid(1000) + NTP_TO_UNIX_S;
    let era = (near_ntp_s - seconds + era_s / 2).div_euclid(era_s);
    Some((seconds + era * era_s - NTP_TO_UNIX_S) * 1000 + fraction_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_to_the_millisecond_in_this_era_and_the_next() {
        for ms in [0i128, 1_767_225_600_123, 2_085_978_496_000 + 5_000, 1] {
            let back = from_ntp(&to_ntp(ms), ms).unwrap();
            assert!((back - ms).abs() <= 1, "{ms} came back as {back}");
        }
        assert_eq!(from_ntp(&[0; 8], 1_767_225_600_000), None);
    }
}
