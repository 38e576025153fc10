//! Host names and their registrable part, from the public suffix list: the one rule for "which site is
//! this address on" that the catalog, the link check and service adding share. A leaf: it uses nothing
//! else of Keystep.

/// The registrable domain ("eTLD+1") of a host: `www.irs.gov` → `irs.gov`, `a.b.co.uk` → `b.co.uk`.
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    psl::domain_str(&host).map(str::to_string)
}

/// A domain without its public suffix: `irs.gov` → `irs`, `citibank.com.au` → `citibank`.
pub fn without_public_suffix(domain: &str) -> &str {
    let suffix = psl::suffix_str(domain).unwrap_or_default();
    domain
        .strip_suffix(suffix)
        .unwrap_or(domain)
        .trim_end_matches('.')
}

/// Checks that `url` is an `https` address, without a user name, on one of `domains` (registrable
/// domains) or a name under one; the reason otherwise.
pub fn https_on(url: &str, domains: &[String]) -> Result<(), String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("{url} is not a valid URL ({e})"))?;
    if parsed.scheme() != "https" {
        return Err(format!("{url} is not https"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!("{url} has a user name in it"));
    }
    let host = parsed.host_str().unwrap_or_default();
    match registrable_domain(host) {
        Some(reg) if domains.iter().any(|d| d.eq_ignore_ascii_case(&reg)) => Ok(()),
        _ => Err(format!("{url} is not on {}", domains.join(" or "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_parts_and_names_come_from_the_public_suffix_list() {
        assert_eq!(
            registrable_domain("WWW.IRS.GOV.").as_deref(),
            Some("irs.gov")
        );
        assert_eq!(registrable_domain("a.b.co.uk").as_deref(), Some("b.co.uk"));
        assert_eq!(without_public_suffix("citibank.com.au"), "citibank");
        assert_eq!(without_public_suffix("irs.gov"), "irs");
    }

    #[test]
    fn an_official_address_is_https_on_its_own_domains_without_a_user_name() {
        let irs = ["irs.gov".to_string()];
        assert!(https_on("https://www.irs.gov/refunds", &irs).is_ok());
        for (bad, says) in [
            ("http://www.irs.gov/", "not https"),
            ("https://irs.gov@evil.example/", "user name"),
            ("https://irs.gov.refund-help.com/", "not on irs.gov"),
            ("not a url", "not a valid URL"),
        ] {
            let why = https_on(bad, &irs).unwrap_err();
            assert!(why.contains(says), "{bad}: {why}");
        }
    }
}
