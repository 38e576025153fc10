//! Which time servers Keystep asks, as the person wrote them (`HOST` or `HOST:PORT`).

use std::fmt;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use crate::error::{Error, Field, ReasonKey, Result};

/// Asked when the person chose none: large public pools run by three different groups, so that one
/// operator alone cannot move the codes.
pub const DEFAULT_SERVERS: [&str; 3] = ["pool.ntp.org", "time.cloudflare.com", "time.google.com"];

/// The port of SNTP.
const NTP_PORT: u16 = 123;
/// More servers than anyone needs; each is one thread and one packet.
const MAX_SERVERS: usize = 8;

/// A time server: a host name or IP address, and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    host: String,
    port: u16,
}

impl ServerAddress {
    /// The first address the name resolves to.
    pub(crate) fn resolve(&self) -> std::result::Result<SocketAddr, String> {
        (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(|e| format!("the name was not found ({e})"))?
            .next()
            .ok_or_else(|| "the name has no address".to_string())
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == NTP_PORT {
            write!(f, "{host}")
        } else {
            write!(f, "{host}:{}", self.port)
        }
    }
}

/// Reads `HOST`, `HOST:PORT`, an IPv4 address, or an IPv6 address (in brackets when a port follows).
pub fn parse_server(text: &str) -> Result<ServerAddress> {
    let text = text.trim();
    let bad = |why: ReasonKey| Error::bad(Field::Server, why.with("server", text));
    if text.is_empty() {
        return Err(bad(ReasonKey::ServerEmpty));
    }
    if text.contains('/') {
        return Err(bad(ReasonKey::ServerHasPath));
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(ServerAddress {
            host: ip.to_string(),
            port: NTP_PORT,
        });
    }
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (ip, after) = rest
            .split_once(']')
            .ok_or_else(|| bad(ReasonKey::ServerBracket))?;
        let ip: IpAddr = ip.parse().map_err(|_| bad(ReasonKey::ServerNotIp))?;
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err(bad(ReasonKey::ServerAfterAddress)),
        };
        (ip.to_string(), port)
    } else {
        match text.rsplit_once(':') {
            Some((host, port)) => (host.to_string(), Some(port)),
            None => (text.to_string(), None),
        }
    };
    let port = match port {
        None => NTP_PORT,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| bad(ReasonKey::ServerPort))?,
    };
    let is_ip = host.parse::<IpAddr>().is_ok();
    let name_ok = host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !is_ip && !name_ok {
        return Err(bad(ReasonKey::ServerNameChars));
    }
    Ok(ServerAddress {
        host: host.to_ascii_lowercase(),
        port,
    })
}

/// Reads a list of servers (the defaults when empty); refuses more than eight.
pub fn parse_servers(list: &[String]) -> Result<Vec<ServerAddress>> {
    if list.len() > MAX_SERVERS {
        return Err(Error::bad(
            Field::Server,
            ReasonKey::ServerTooMany
                .with("max", MAX_SERVERS)
                .with("count", list.len()),
        ));
    }
    if list.is_empty() {
        return DEFAULT_SERVERS.iter().map(|s| parse_server(s)).collect();
    }
    list.iter().map(|s| parse_server(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_addresses_and_ports_are_read_and_written_back() {
        for (text, shown) in [
            ("pool.ntp.org", "pool.ntp.org"),
            (" Time.Cloudflare.com ", "time.cloudflare.com"),
            ("127.0.0.1:12345", "127.0.0.1:12345"),
            ("127.0.0.1", "127.0.0.1"),
            ("localhost:123", "localhost"),
            ("::1", "[::1]"),
            ("[::1]:9000", "[::1]:9000"),
        ] {
            assert_eq!(parse_server(text).unwrap().to_string(), shown, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_server_is_refused_with_the_reason() {
        for (text, why) in [
            ("", "empty"),
            ("pool.ntp.org:0", "port"),
            ("pool.ntp.org:99999", "port"),
            ("pool..ntp.org", "letters, digits"),
            ("http://pool.ntp.org", "only the server's name"),
            ("ntp pool", "letters, digits"),
            ("[::1", "bracket"),
            ("[::1]x", "only :port"),
        ] {
            let e = parse_server(text).unwrap_err();
            assert_eq!(e.code(), "input.bad_server");
            assert!(e.to_string().contains(why), "{text}: {e}");
        }
        let many: Vec<String> = (0..9).map(|i| format!("s{i}.example")).collect();
        assert_eq!(parse_servers(&many).unwrap_err().code(), "input.bad_server");
    }

    #[test]
    fn no_choice_means_the_default_pools() {
        let list = parse_servers(&[]).unwrap();
        let names: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(names, DEFAULT_SERVERS);
    }
}
