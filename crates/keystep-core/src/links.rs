//! The official-site check: for each link in a URL or a pasted message, whether it goes to a known
//! service's official site, to some other site, or looks like a trick (a lookalike of a known service, an
//! international-letter imitation, a user name before `@`, a bare IP address, a link shortener, plain
//! http where the service uses https).

use serde::Serialize;
use ts_rs::TS;

use crate::catalog::{Catalog, KnownService};

/// Link shorteners hide where a link goes; official messages from the services in the catalog do not
/// use them.
pub const SHORTENERS: &[&str] = &[
    "bit.ly",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "rebrand.ly",
    "cutt.ly",
    "tiny.cc",
    "shorturl.at",
    "t.ly",
    "rb.gy",
    "s.id",
    "v.gd",
    "bl.ink",
    "short.io",
    "tr.im",
    "lnkd.in",
];
/// Longest text checked at once (a long pasted message is fine; a whole mailbox is not).
pub const MAX_TEXT_CHARS: usize = 100_000;

/// What the check concludes about one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Verdict {
    /// On an official domain of a known service, over https, with no tricks.
    Official,
    /// Not a site of any service Keystep knows, and no sign of a trick.
    NotOfficial,
    /// Something about it imitates or hides; the reasons say what.
    Suspicious,
}

/// Why a link is suspicious: a stable code and a plain message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reason {
    pub code: String,
    pub message: String,
}

/// The result for one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LinkCheck {
    /// The link as it appeared in the text.
    pub url: String,
    /// The host it really goes to (international letters shown as `xn--` punycode).
    pub host: String,
    /// The registrable domain of that host (`irs.gov` for `sa.www4.irs.gov`), if it has one.
    pub registrable_domain: Option<String>,
    pub verdict: Verdict,
    /// The catalog id of the service: the one it belongs to if official, the one it imitates if suspicious.
    pub service: Option<String>,
    /// That service's name, as people know it ("ID.me").
    pub service_name: Option<String>,
    /// The verdict in one plain sentence, decided here so that every front end says the same.
    pub summary: String,
    pub reasons: Vec<Reason>,
}

pub use crate::domain::registrable_domain;
use crate::domain::without_public_suffix;

/// Every link in `text`: `http(s)://` URLs, `www.` addresses and bare domains with a known suffix.
/// Email addresses are not links.
pub fn find_links(text: &str) -> Vec<String> {
    let text: String = text.chars().take(MAX_TEXT_CHARS).collect();
    let mut found = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || "<>\"'`()[]{}|\\^".contains(c)) {
        let token = raw
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '*'])
            .trim_start_matches(['*', '-']);
        if token.is_empty() {
            continue;
        }
        let lower = token.to_ascii_lowercase();
        let has_scheme = lower.starts_with("http://") || lower.starts_with("https://");
        if has_scheme || lower.starts_with("www.") || looks_like_bare_domain(token) {
            found.push(token.to_string());
        }
    }
    found
}

fn looks_like_bare_domain(token: &str) -> bool {
    if token.contains('@') || !token.contains('.') {
        return false;
    }
    let host = token.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let valid_chars = host
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let tld = host.rsplit('.').next().unwrap_or_default();
    valid_chars
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && url::Url::parse(&format!("http://{host}"))
            .ok()
            .and_then(|u| u.host_str().map(|h| registrable_domain(h).is_some()))
            .unwrap_or(false)
}

/// Checks every link in a URL or a message. An empty result means no link was found.
pub fn check_text(catalog: &Catalog, text: &str) -> Vec<LinkCheck> {
    find_links(text)
        .iter()
        .map(|link| check_link(catalog, link))
        .collect()
}

/// The address of an official page of a catalog service, handed out only after the official-site check
/// passes it (a bad catalog edit is refused here at the last moment too).
pub fn official_page_url(
    catalog: &Catalog,
    service_id: &str,
    page_id: &str,
) -> crate::error::Result<String> {
    let not_official = |reason: String| crate::error::Error::NotOfficial { reason };
    let service = catalog
        .service(service_id)
        .ok_or_else(|| not_official(format!("no service \"{service_id}\" is in the catalog.")))?;
    let page = service.page(page_id).ok_or_else(|| {
        not_official(format!(
            "{} has no page \"{page_id}\" in the catalog.",
            service.name
        ))
    })?;
    let check = check_link(catalog, &page.url);
    if check.verdict == Verdict::Official && check.service.as_deref() == Some(service_id) {
        Ok(page.url.clone())
    } else {
        Err(not_official(format!(
            "{} is not an official {} address.",
            page.url, service.name
        )))
    }
}

/// Checks one link.
pub fn check_link(catalog: &Catalog, link: &str) -> LinkCheck {
    let lower = link.to_ascii_lowercase();
    let has_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let to_parse = if has_scheme {
        link.to_string()
    } else {
        format!("https://{link}")
    };
    let mut reasons = Vec::new();
    let Ok(parsed) = url::Url::parse(&to_parse) else {
        reasons.push(reason(
            "link.unreadable",
            "This link is malformed, so it is not safe to follow.".into(),
        ));
        return LinkCheck {
            url: link.to_string(),
            host: String::new(),
            registrable_domain: None,
            verdict: Verdict::Suspicious,
            service: None,
            service_name: None,
            summary: "Warning: this link is not safe.".into(),
            reasons,
        };
    };
    let host = parsed
        .host_str()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_string();
    let registrable = match parsed.host() {
        Some(url::Host::Domain(d)) => registrable_domain(d),
        _ => None,
    };
    let mut service: Option<&KnownService> = None;

    if matches!(parsed.host(), Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))) {
        reasons.push(reason(
            "link.ip_address",
            format!("The link goes to a bare number address ({host}) instead of a named site. Official sites use their names."),
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        let shown = parsed.username();
        reasons.push(reason(
            "link.userinfo",
            format!("The part before \"@\" ({shown}) is only decoration: this link really goes to {host}."),
        ));
    }
    if host.split('.').any(|label| label.starts_with("xn--")) {
        let (unicode, _) = idna::domain_to_unicode(&host);
        reasons.push(reason(
            "link.international_letters",
            format!("The address {unicode} uses letters from other alphabets that can look like ordinary ones. Its real name is {host}."),
        ));
    }
    if let Some(reg) = &registrable
        && SHORTENERS.contains(&reg.as_str())
    {
        reasons.push(reason(
            "link.shortener",
            format!("{reg} is a link shortener: it hides where the link really goes. Government agencies do not send shortened links."),
        ));
    }

    let owner = registrable
        .as_deref()
        .and_then(|r| catalog.service_for_domain(r));
    if let Some(owner) = owner {
        service = Some(owner);
        if parsed.scheme() == "http" {
            reasons.push(reason(
                "link.not_https",
                format!("{} uses secure (https) links; this one starts with http, which anyone on the network can change.", owner.name),
            ));
        }
    } else if let Some((imitated, r)) = registrable
        .as_deref()
        .and_then(|reg| imitation(catalog, &host, reg))
    {
        service = Some(imitated);
        reasons.push(r);
    }

    let verdict = if !reasons.is_empty() {
        Verdict::Suspicious
    } else if owner.is_some() {
        Verdict::Official
    } else {
        Verdict::NotOfficial
    };
    let summary = match (verdict, owner, service) {
        (Verdict::Official, Some(o), _) => format!("Official {} site.", o.name),
        (Verdict::Suspicious, Some(o), _) => {
            format!("This goes to the real {} site, but not in a safe way. Go to the site yourself instead.", o.name)
        }
        (Verdict::Suspicious, None, Some(imitated)) => format!("Warning: this is not a real {} link.", imitated.name),
        (Verdict::Suspicious, _, _) => "Warning: this link is not safe.".into(),
        _ => "Not an official site of a service Keystep knows. Be careful before you sign in or pay there.".into(),
    };
    LinkCheck {
        url: link.to_string(),
        host,
        registrable_domain: registrable,
        verdict,
        service: service.map(|s| s.id.clone()),
        service_name: service.map(|s| s.name.clone()),
        summary,
        reasons,
    }
}

/// Whether a non-official host imitates a known service, and how.
fn imitation<'a>(
    catalog: &'a Catalog,
    host: &str,
    registrable: &str,
) -> Option<(&'a KnownService, Reason)> {
    if let Some(found) = homograph(catalog, host) {
        return Some(found);
    }
    let host_labels: Vec<&str> = host.split('.').collect();
    for s in &catalog.services {
        for official in &s.domains {
            let official_labels: Vec<&str> = official.split('.').collect();
            // Only the part before the registrable domain can hold a borrowed name: citibank.com.au is
            // a real site of its own, irs.gov.refund-help.com is not.
            let own_labels = registrable.split('.').count();
            let subdomain = &host_labels[..host_labels.len().saturating_sub(own_labels)];
            let embedded = subdomain
                .windows(official_labels.len())
                .any(|w| w == official_labels.as_slice());
            if embedded {
                return Some((
                    s,
                    reason(
                        "link.official_name_as_subdomain",
                        format!(
                            "The address starts with {official}, but it really belongs to {registrable}, which is not a {} site.",
                            s.name
                        ),
                    ),
                ));
            }
        }
    }
    let name = without_public_suffix(registrable);
    let name_part_labels: Vec<&str> = without_public_suffix(host).split('.').collect();
    if let Some(found) = glued_official_name(catalog, registrable, &name_part_labels) {
        return Some(found);
    }
    for s in &catalog.services {
        for official in &s.domains {
            // Only verified U.S. government bodies can register .gov names (CISA), so two .gov names that
            // look alike (usa.gov, ssa.gov) are both real; the tricks live under other suffixes.
            let both_gov = registrable.ends_with(".gov") && official.ends_with(".gov");
            let official_name = without_public_suffix(official);
            let same_looking_name =
                name != official_name && skeleton(name) == skeleton(official_name);
            if !both_gov && (is_lookalike(registrable, official) || same_looking_name) {
                return Some((
                    s,
                    reason(
                        "link.lookalike",
                        format!(
                            "{registrable} looks like {official}, {}'s real address, but it is a different site.",
                            s.name
                        ),
                    ),
                ));
            }
        }
        // The brand's own name under another country's ending (google.co.uk, citibank.com.au) is most
        // likely the brand's site abroad: not one Keystep knows, but no lookalike. Not for .gov names:
        // irs.com is not the IRS.
        let same_name_abroad = s.domains.iter().any(|d| {
            !d.ends_with(".gov")
                && without_public_suffix(d) == name
                && psl::suffix(registrable.as_bytes()).is_some_and(|x| x.is_known())
        });
        if same_name_abroad {
            continue;
        }
        // Compared in skeleton form on both sides, so `1rs` and `logln` count as `irs` and `login`.
        let whole = skeleton(&name_part_labels.concat());
        let mentions_brand = s.brands.iter().map(|b| skeleton(b)).any(|brand| {
            let in_a_label = name_part_labels.iter().any(|label| {
                label.split('-').any(|token| skeleton(token) == brand) || skeleton(label) == brand
            });
            in_a_label || (brand.len() >= 5 && whole.contains(&brand))
        });
        if mentions_brand {
            let official = s.domains.join(" or ");
            return Some((
                s,
                reason(
                    "link.brand_in_other_domain",
                    format!(
                        "The address uses the name {} but belongs to {registrable}. {}'s real sites end in {official}.",
                        s.name, s.name
                    ),
                ),
            ));
        }
    }
    None
}

/// The plain Latin letter a letter of another alphabet (or an accented one) is easily taken for:
/// Cyrillic "а" for "a", Greek "ο" for "o", "é" for "e".
fn plain_letter(c: char) -> Option<char> {
    Some(match c {
        'а' | 'ɑ' | 'α' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'Ь' | 'ь' | 'ƅ' => 'b',
        'с' | 'ϲ' | 'ç' | 'ć' | 'č' => 'c',
        'ԁ' | 'ď' | 'đ' => 'd',
        'е' | 'ε' | 'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ɡ' | 'ğ' | 'ģ' => 'g',
        'һ' => 'h',
        'і' | 'ı' | 'ι' | 'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ӏ' => 'i',
        'ј' | 'ϳ' | 'ȷ' => 'j',
        'κ' | 'к' => 'k',
        'ł' | 'ľ' => 'l',
        'ո' | 'ñ' | 'ń' | 'ň' => 'n',
        'о' | 'ο' | 'օ' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' | 'ś' | 'š' | 'ş' => 's',
        'τ' | 'ť' => 't',
        'υ' | 'ս' | 'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ѡ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}

/// An international address written with letters of other alphabets so that it reads as a known
/// service's address (`pаypal.com` with a Cyrillic "а"): read with plain letters, it is that address or
/// a lookalike of it.
fn homograph<'a>(catalog: &'a Catalog, host: &str) -> Option<(&'a KnownService, Reason)> {
    if !host.split('.').any(|label| label.starts_with("xn--")) {
        return None;
    }
    let (unicode, _) = idna::domain_to_unicode(host);
    let plain: String = unicode
        .chars()
        .map(|c| {
            if c.is_ascii() {
                Some(c)
            } else {
                plain_letter(c)
            }
        })
        .collect::<Option<String>>()?;
    let plain_registrable = registrable_domain(&plain)?;
    catalog.services.iter().find_map(|s| {
        s.domains.iter().find_map(|official| {
            let same = plain_registrable == *official
                || is_lookalike(&plain_registrable, official)
                || skeleton(without_public_suffix(&plain_registrable))
                    == skeleton(without_public_suffix(official));
            same.then(|| {
                (
                    s,
                    reason(
                        "link.lookalike",
                        format!(
                            "{unicode} is written with letters of other alphabets to look like {official}, {}'s real address, but it is a different site ({host}).",
                            s.name
                        ),
                    ),
                )
            })
        })
    })
}

/// A domain without its public suffix: `www.irs` for `www.irs.gov`, `id` for `id.me`.
/// Shortest glued name checked ("vagov" and up): shorter ones sit inside too many real names.
const MIN_GLUED_NAME: usize = 5;

/// A government name with its dot taken out and used inside another site's name (`irsgov.com`,
/// `my-ssagov.info`, `irsgov.co.uk`). ".gov" is the mark only the government can hold, so gluing it
/// to the name is made to read as the real address at a glance: a trick, not just another site.
/// Other endings are left to the brand check: "livecom" (live.com) is inside "livecomedy".
fn glued_official_name<'a>(
    catalog: &'a Catalog,
    registrable: &str,
    name_part_labels: &[&str],
) -> Option<(&'a KnownService, Reason)> {
    if registrable.ends_with(".gov") {
        return None;
    }
    let tokens: Vec<String> = name_part_labels
        .iter()
        .flat_map(|l| l.split('-'))
        .map(skeleton)
        .collect();
    catalog.services.iter().find_map(|s| {
        s.domains
            .iter()
            .filter(|official| official.ends_with(".gov"))
            .find_map(|official| {
                let glued = skeleton(&official.replace('.', ""));
                let tricks =
                    glued.len() >= MIN_GLUED_NAME && tokens.iter().any(|t| t.contains(&glued));
                tricks.then(|| {
                    (
                        s,
                        reason(
                            "link.official_name_glued",
                            format!(
                                "{registrable} hides the name {official} inside a different address, without its dot. {}'s real address is {official}.",
                                s.name
                            ),
                        ),
                    )
                })
            })
    })
}

fn is_lookalike(candidate: &str, official: &str) -> bool {
    if candidate == official {
        return false;
    }
    // Short names are one letter away from many real sites (ups.com and usps.com, live.com and
    // life.com): spelling distance counts in the name only for names of five letters or more. Confusable letters
    // (1rs.gov) are caught by the skeleton comparison whatever the length.
    let name = without_public_suffix(official);
    if name.chars().count() < 5 {
        // Still caught for short names: the same name under a mistyped ending (id.mee, irs.gob).
        return without_public_suffix(candidate) == name && edit_distance(candidate, official) <= 1;
    }
    let allowed = if official.len() <= 8 { 1 } else { 2 };
    edit_distance(candidate, official) <= allowed
}

/// Maps characters that are easy to mistake for each other onto one, so `1rs.gov` and `irs.gov` match.
fn skeleton(text: &str) -> String {
    text.replace("rn", "m")
        .replace("vv", "w")
        .replace("-", "")
        .chars()
        .map(|c| match c {
            '1' | 'l' | '!' | '|' => 'i',
            '0' => 'o',
            '5' => 's',
            '3' => 'e',
            other => other,
        })
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn reason(code: &str, message: String) -> Reason {
    Reason {
        code: code.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str) -> LinkCheck {
        check_link(Catalog::bundled(), url)
    }

    fn codes(c: &LinkCheck) -> Vec<&str> {
        c.reasons.iter().map(|r| r.code.as_str()).collect()
    }

    #[test]
    fn official_sites_of_the_catalog_are_official() {
        for (url, service) in [
            ("https://www.irs.gov/payments", "irs"),
            ("https://sa.www4.irs.gov/ola/", "irs"),
            ("https://account.id.me/", "idme"),
            ("https://secure.login.gov/", "logingov"),
            ("https://www.ssa.gov/myaccount/", "ssa"),
            ("irs.gov", "irs"),
        ] {
            let c = check(url);
            assert_eq!(c.verdict, Verdict::Official, "{url}: {:?}", c.reasons);
            assert_eq!(c.service.as_deref(), Some(service), "{url}");
            assert!(c.summary.starts_with("Official"), "{}", c.summary);
        }
        let insecure = check("http://www.irs.gov/");
        assert_eq!(
            insecure.summary,
            "This goes to the real IRS site, but not in a safe way. Go to the site yourself instead."
        );
        assert_eq!(
            check("https://irs-gov-refund.com").summary,
            "Warning: this is not a real IRS link."
        );
    }

    #[test]
    fn lookalikes_and_tricks_are_suspicious_with_the_right_reason() {
        let table = [
            (
                "https://irs-gov-refund.com/claim",
                "link.brand_in_other_domain",
                Some("irs"),
            ),
            (
                "https://irs-gov-return-tax.com",
                "link.brand_in_other_domain",
                Some("irs"),
            ),
            (
                "https://id-me.help/verify",
                "link.brand_in_other_domain",
                Some("idme"),
            ),
            (
                "https://www.idme.com/login",
                "link.brand_in_other_domain",
                Some("idme"),
            ),
            ("https://1rs.com/refund", "link.lookalike", Some("irs")),
            (
                "https://logln.gov.us-verify.net",
                "link.brand_in_other_domain",
                Some("logingov"),
            ),
            ("https://id.mee/", "link.lookalike", Some("idme")),
            (
                "https://irs.gov.refund-help.com/",
                "link.official_name_as_subdomain",
                Some("irs"),
            ),
            ("https://irs.gov@evil.example/", "link.userinfo", None),
            ("http://www.irs.gov/", "link.not_https", Some("irs")),
            ("http://192.168.4.20/irs", "link.ip_address", None),
            ("https://bit.ly/3xYz", "link.shortener", None),
            (
                "https://xn--rs-3ia.gov/",
                "link.international_letters",
                None,
            ),
            (
                "https://login-gov.account-check.com",
                "link.brand_in_other_domain",
                Some("logingov"),
            ),
            // The official name glued to its ending, on any ending.
            (
                "https://irsgov.com/refund",
                "link.official_name_glued",
                Some("irs"),
            ),
            (
                "https://www.irsgov.info",
                "link.official_name_glued",
                Some("irs"),
            ),
            ("irsgov.co.uk", "link.official_name_glued", Some("irs")),
            (
                "https://ssagov.us/benefits",
                "link.official_name_glued",
                Some("ssa"),
            ),
            (
                "https://my-ssagov.net",
                "link.official_name_glued",
                Some("ssa"),
            ),
            (
                "https://secure.logingov.org/",
                "link.official_name_glued",
                Some("logingov"),
            ),
        ];
        for (url, code, service) in table {
            let c = check(url);
            assert_eq!(c.verdict, Verdict::Suspicious, "{url}");
            assert!(codes(&c).contains(&code), "{url}: {:?}", codes(&c));
            if service.is_some() {
                assert_eq!(c.service.as_deref(), service, "{url}");
            }
            assert!(c.reasons.iter().all(|r| !r.message.is_empty()));
            assert!(
                c.summary.starts_with("Warning") || c.summary.contains("not in a safe way"),
                "{url}: {}",
                c.summary
            );
        }
    }

    #[test]
    fn ordinary_other_sites_are_not_official_but_not_suspicious() {
        for url in [
            "https://example.com",
            "https://www.wikipedia.org/wiki/IRS",
            "https://classaction.com",
            "https://usa.gov",
            // Real sites one letter away from short official names (usps.com, live.com, att.com,
            // x.com, aol.com, citi.com), and a bank's own site in another country.
            "https://www.ups.com",
            "https://life.com",
            "https://art.com",
            "https://a.com",
            "https://ao.com",
            "https://city.com",
            "https://www.citibank.com.au",
        ] {
            let c = check(url);
            assert_eq!(c.verdict, Verdict::NotOfficial, "{url}: {:?}", c.reasons);
            assert_eq!(c.service, None, "{url}");
        }
    }

    #[test]
    fn addresses_in_other_alphabets_that_read_as_a_known_one_name_what_they_imitate() {
        for (url, service) in [
            ("p\u{0430}ypal.com", "paypal"),
            ("https://xn--pypal-4ve.com/signin", "paypal"),
            ("https://www.\u{0456}rs.gov", "irs"),
            ("https://g\u{03BF}\u{03BF}gle.com", "google"),
            ("https://amaz\u{00F3}n.com", "amazon"),
        ] {
            let c = check(url);
            assert_eq!(c.verdict, Verdict::Suspicious, "{url}: {:?}", c.reasons);
            assert_eq!(
                c.service.as_deref(),
                Some(service),
                "{url}: {:?}",
                c.reasons
            );
            assert!(
                codes(&c).contains(&"link.lookalike"),
                "{url}: {:?}",
                codes(&c)
            );
            assert!(codes(&c).contains(&"link.international_letters"), "{url}");
        }
        // International addresses that read as nothing Keystep knows are flagged for their letters only.
        let c = check("https://xn--mnchen-3ya.de");
        assert_eq!(c.service, None);
        assert_eq!(codes(&c), ["link.international_letters"]);
    }

    #[test]
    fn lookalikes_of_services_added_with_the_phone_catalog_are_caught() {
        for (url, service) in [
            ("https://paypa1.com/login", "paypal"),
            ("https://www.arnazon.com", "amazon"),
            ("https://wellsfargo-alerts.com", "wellsfargo"),
            ("https://chase.com.account-verify.net", "chase"),
            ("https://gooogle.com", "google"),
        ] {
            let c = check(url);
            assert_eq!(c.verdict, Verdict::Suspicious, "{url}: {:?}", c.reasons);
            assert!(
                c.summary
                    .contains(&Catalog::bundled().service(service).unwrap().name),
                "{url}: {}",
                c.summary
            );
        }
    }

    #[test]
    fn finds_every_link_in_a_text_message_but_not_email_addresses() {
        let sms = "IRS: Your refund of $1,284 is on hold. Verify at irs-gov-refund.com/claim now, \
                   or visit https://www.irs.gov. Questions? phishing@irs.gov (www.id.me).";
        let links = find_links(sms);
        assert_eq!(
            links,
            [
                "irs-gov-refund.com/claim",
                "https://www.irs.gov",
                "www.id.me"
            ]
        );
        let checks = check_text(Catalog::bundled(), sms);
        assert_eq!(checks[0].verdict, Verdict::Suspicious);
        assert_eq!(checks[1].verdict, Verdict::Official);
        assert_eq!(checks[2].verdict, Verdict::Official);
        assert!(
            check_text(
                Catalog::bundled(),
                "no links here, just $1,284.00 and 3.5 stars"
            )
            .is_empty()
        );
    }

    #[test]
    fn registrable_domain_uses_the_public_suffix_list() {
        assert_eq!(
            registrable_domain("sa.www4.irs.gov").as_deref(),
            Some("irs.gov")
        );
        assert_eq!(
            registrable_domain("account.id.me").as_deref(),
            Some("id.me")
        );
        assert_eq!(
            registrable_domain("foo.bar.co.uk").as_deref(),
            Some("bar.co.uk")
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_is_checked_without_panic(s in "\\PC{0,300}") {
                let _ = check_text(Catalog::bundled(), &s);
                let _ = check_link(Catalog::bundled(), &s);
            }
        }
    }

    #[test]
    fn only_checked_official_pages_are_handed_out() {
        let catalog = Catalog::bundled();
        let url = official_page_url(catalog, "logingov", "sign_in").unwrap();
        assert!(url.starts_with("https://secure.login.gov"), "{url}");
        assert_eq!(
            official_page_url(catalog, "logingov", "nope")
                .unwrap_err()
                .code(),
            "link.not_official"
        );
        assert_eq!(
            official_page_url(catalog, "nasa", "sign_in")
                .unwrap_err()
                .code(),
            "link.not_official"
        );
        // A catalog entry that points off its own domains (a bad edit) is refused at the last moment too.
        let mut tampered = catalog.clone();
        if let Some(s) = tampered.services.iter_mut().find(|s| s.id == "irs") {
            s.pages[0].url = "https://irs.gov.refund-help.com/".into();
        }
        let err = official_page_url(&tampered, "irs", "sign_in").unwrap_err();
        assert!(
            err.to_string().contains("not an official IRS address"),
            "{err}"
        );
    }
}
