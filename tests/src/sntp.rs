//! A small SNTP server on 127.0.0.1, written for the tests: it answers with a chosen offset from this
//! computer's clock, or with the kinds of broken answer Keystep must ignore.

use std::net::UdpSocket;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the responder sends back to each request.
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    /// A correct server reply whose time is this computer's clock plus this many milliseconds.
    Offset(i64),
    /// Twelve bytes of noise.
    Garbage,
    /// A well-formed reply with the offset, in client mode (3) instead of server mode (4).
    WrongMode(i64),
    /// A server reply whose transmit timestamp is zero.
    ZeroTimestamp,
    /// A reply that says its clock is not synchronized (leap indicator 3).
    Unsynchronized(i64),
    /// Nothing at all: the request is read and dropped.
    Silent,
}

/// A running responder; stops when dropped.
pub struct SntpResponder {
    /// `127.0.0.1:PORT`, as Keystep's settings and `keystep clock --server` take it.
    pub address: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Seconds from 1900 (NTP's era) to 1970.
const NTP_UNIX_OFFSET_S: u64 = 2_208_988_800;

fn ntp_timestamp(unix_ms: i128) -> [u8; 8] {
    let unix_ms = u64::try_from(unix_ms).unwrap_or(0);
    let seconds = (unix_ms / 1000 + NTP_UNIX_OFFSET_S) as u32;
    let fraction = (((unix_ms % 1000) << 32) / 1000) as u32;
    let mut out = [0u8; 8];
    out[..4].copy_from_slice(&seconds.to_be_bytes());
    out[4..].copy_from_slice(&fraction.to_be_bytes());
    out
}

fn now_ms() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i128)
        .unwrap_or(0)
}

/// The reply to `request` (a 48-byte SNTP client packet).
fn reply(request: &[u8], answer: Answer) -> Option<Vec<u8>> {
    let (mode, leap, offset, zero) = match answer {
        Answer::Silent => return None,
        Answer::Garbage => return Some(b"not a time!!".to_vec()),
        Answer::Offset(ms) => (4u8, 0u8, ms, false),
        Answer::WrongMode(ms) => (3, 0, ms, false),
        Answer::ZeroTimestamp => (4, 0, 0, true),
        Answer::Unsynchronized(ms) => (4, 3, ms, false),
    };
    if request.len() < 48 {
        return None;
    }
    let mut packet = vec![0u8; 48];
    packet[0] = (leap << 6) | (4 << 3) | mode;
    packet[1] = 2; // stratum: a secondary server
    packet[2] = 6; // poll
    packet[3] = 0xEC; // precision, 2^-20 s
    packet[12..16].copy_from_slice(b"TEST");
    let server_time = now_ms() + i128::from(offset);
    packet[16..24].copy_from_slice(&ntp_timestamp(server_time - 60_000));
    // The originate timestamp is the request's transmit timestamp: the client checks it.
    packet[24..32].copy_from_slice(&request[40..48]);
    packet[32..40].copy_from_slice(&ntp_timestamp(server_time));
    if !zero {
        packet[40..48].copy_from_slice(&ntp_timestamp(server_time));
    }
    Some(packet)
}

impl SntpResponder {
    /// Starts a responder on a free port of 127.0.0.1.
    pub fn start(answer: Answer) -> Self {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let address = socket.local_addr().unwrap().to_string();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut buffer = [0u8; 512];
            while !stopped.load(Ordering::Relaxed) {
                let Ok((n, from)) = socket.recv_from(&mut buffer) else {
                    continue;
                };
                if let Some(packet) = reply(&buffer[..n], answer) {
                    let _ = socket.send_to(&packet, from);
                }
            }
        });
        Self {
            address,
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for SntpResponder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
