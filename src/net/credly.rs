//! A public Credly profile fetched page by page:
//! `https://www.credly.com/users/NAME/badges.json?page=N` from page 1 until the last page
//! its `metadata` announces (`total_pages`; each page's `current_page` must be the one
//! asked for). Every request has a timeout; the pages are returned only when every one
//! arrived whole as Credly's JSON, so a failure part way imports nothing.
//!
//! Settings from the environment (read by [`Fetcher::from_env`]): `SUKIMA_CREDLY_URL`
//! replaces the base address `https://www.credly.com` (a mirror, or a test server), and
//! `SUKIMA_CREDLY_TIMEOUT_MS` the time one page may take (default 30 s). Proxies follow
//! the usual `HTTPS_PROXY`/`ALL_PROXY` variables.
//!
//! Choices where the contract is silent: a page must arrive within the limit from the
//! request to its last byte (a server that starts answering and then stalls is a
//! timeout, not a hang); redirects are followed (Credly moves profiles); 401 and 403 mean
//! a private profile, 404 an unknown one; a profile that announces more than
//! [`MAX_PAGES`] pages, or a page over [`MAX_PAGE_BYTES`], is refused rather than fetched
//! without end.

use serde_json::Value;
use std::fmt;
use std::time::Duration;

/// Where Credly is.
pub const DEFAULT_BASE: &str = "https://www.credly.com";
/// The variable that replaces [`DEFAULT_BASE`].
pub const BASE_VAR: &str = "SUKIMA_CREDLY_URL";
/// The variable that replaces [`DEFAULT_TIMEOUT`], in milliseconds.
pub const TIMEOUT_VAR: &str = "SUKIMA_CREDLY_TIMEOUT_MS";
/// How long one page may take, from the request to its last byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// At most this many pages (48 badges each on Credly): a bound, not a real profile.
pub const MAX_PAGES: u64 = 500;
/// At most this many bytes in one page (a real page of 48 badges is well under 1 MB).
pub const MAX_PAGE_BYTES: u64 = 32 << 20;

/// Why a profile could not be fetched. Nothing is imported in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The text given is neither a user name nor a Credly profile address.
    #[error(
        "'{text}' is not a Credly user name or profile address ({why}): give the NAME of \
         https://www.credly.com/users/NAME, or that address"
    )]
    BadProfile { text: String, why: &'static str },
    /// A setting from the environment that cannot be used.
    #[error("{var}='{value}' {why}")]
    BadSetting {
        var: &'static str,
        value: String,
        why: &'static str,
    },
    /// 404: no such profile.
    #[error(
        "no public Credly profile '{user}' ({url} answered 404): check the name in the \
         profile's address, and that the profile is public"
    )]
    NotFound { user: String, url: String },
    /// 401 or 403: the profile exists but is not public.
    #[error(
        "Credly profile '{user}' is private ({url} answered {status}): make it public in \
         Credly's privacy settings, or save its pages from a browser and import the files"
    )]
    Private {
        user: String,
        url: String,
        status: u16,
    },
    /// Any other answer than success.
    #[error("{url} answered {status} ({}): nothing was imported; try again later", status_words(*status))]
    Status { url: String, status: u16 },
    /// The page did not arrive whole within the limit.
    #[error(
        "no complete answer from {url} within {}: nothing was imported; check the network \
         and try again",
        seconds(*limit)
    )]
    Timeout { url: String, limit: Duration },
    /// No connection could be made.
    #[error("cannot reach {host}: {why}; check the network (nothing was imported)")]
    Unreachable { host: String, why: String },
    /// The answer broke off or ended in the middle.
    #[error("the answer from {url} broke off ({why}): nothing was imported; try again")]
    Broken { url: String, why: String },
    /// Something that is not Credly's badges JSON.
    #[error(
        "{url} sent {found}, not Credly's badges JSON: nothing was imported; is the \
         address Credly's?"
    )]
    NotCredly { url: String, found: String },
    /// A page bigger than [`MAX_PAGE_BYTES`].
    #[error("{url} sent more than {} MB for one page: not a Credly page; nothing was imported", MAX_PAGE_BYTES >> 20)]
    TooLarge { url: String },
    /// Pagination that does not add up.
    #[error("{url} {what}: not Credly's pagination; nothing was imported")]
    BadPages { url: String, what: String },
}

fn status_words(status: u16) -> &'static str {
    match status {
        429 => "too many requests: wait a few minutes",
        500..=599 => "a server error at Credly",
        300..=399 => "a redirect that could not be followed",
        _ => "an unexpected answer",
    }
}

fn seconds(d: Duration) -> String {
    if d.as_millis().is_multiple_of(1000) {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// The Credly user name in `text`: the name itself (`jane-doe`), or a profile address
/// (`https://www.credly.com/users/jane-doe`, with `/badges`, `/badges.json`, a query or
/// without the scheme).
///
/// # Errors
///
/// [`FetchError::BadProfile`] saying what is wrong with it.
pub fn user_name(text: &str) -> Result<String, FetchError> {
    let t = text.trim();
    let bad = |why| FetchError::BadProfile {
        text: t.to_string(),
        why,
    };
    let lower = t.to_ascii_lowercase();
    let looks_like_address = lower.contains("://")
        || lower.starts_with("www.")
        || lower.starts_with("credly.com")
        || t.contains('/');
    let name = if looks_like_address {
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .map_or(t, |r| &t[t.len() - r.len()..]);
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let mut parts = rest.split('/');
        let host = parts.next().unwrap_or_default().to_ascii_lowercase();
        if host != "credly.com" && !host.ends_with(".credly.com") {
            return Err(bad("not an address at credly.com"));
        }
        let path: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
        match path.as_slice() {
            ["users", name] | ["users", name, "badges" | "badges.json"] => *name,
            ["badges" | "earner", ..] => return Err(bad("one badge's page, not a profile")),
            _ => return Err(bad("not a profile address")),
        }
    } else {
        t
    };
    if name.is_empty() {
        return Err(bad("empty"));
    }
    if name.len() > 100 {
        return Err(bad("too long"));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(bad(
            "a user name has only letters, digits, '-', '_' and '.'",
        ));
    }
    Ok(name.to_string())
}

/// Pages as the import reads them: `(address, bytes)`, in page order.
pub type Pages = Vec<(String, Vec<u8>)>;

/// How far a fetch has come: page `page` is being asked for; `total` is the number of
/// pages once the first has said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub page: u64,
    pub total: Option<u64>,
}

/// Fetches profiles from one base address with one timeout per request.
pub struct Fetcher {
    base: String,
    timeout: Duration,
    agent: ureq::Agent,
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher")
            .field("base", &self.base)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl Fetcher {
    /// A fetcher of `base` (like [`DEFAULT_BASE`]; a trailing `/` is ignored).
    pub fn new(base: &str, timeout: Duration) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            // Statuses are answers to explain (404: no such profile), not transport errors.
            .http_status_as_error(false)
            .user_agent(concat!("sukima/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Fetcher {
            base: base.trim_end_matches('/').to_string(),
            timeout,
            agent,
        }
    }

    /// The fetcher the environment asks for: [`BASE_VAR`] and [`TIMEOUT_VAR`], else the
    /// defaults.
    ///
    /// # Errors
    ///
    /// [`FetchError::BadSetting`] for a base that is not an http(s) address or a timeout
    /// that is not a positive number of milliseconds.
    pub fn from_env() -> Result<Fetcher, FetchError> {
        let var = |name| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let base = match var(BASE_VAR) {
            Some(b) if b.starts_with("https://") || b.starts_with("http://") => b,
            Some(b) => {
                return Err(FetchError::BadSetting {
                    var: BASE_VAR,
                    value: b,
                    why: "is not an http(s) address: set it like https://www.credly.com, or unset it",
                });
            }
            None => DEFAULT_BASE.to_string(),
        };
        let timeout = match var(TIMEOUT_VAR) {
            Some(t) => match t.trim().parse::<u64>() {
                Ok(ms) if ms > 0 => Duration::from_millis(ms),
                _ => {
                    return Err(FetchError::BadSetting {
                        var: TIMEOUT_VAR,
                        value: t,
                        why: "is not a number of milliseconds: set it like 30000, or unset it",
                    });
                }
            },
            None => DEFAULT_TIMEOUT,
        };
        Ok(Fetcher::new(&base, timeout))
    }

    /// The address of page `page` of `user`'s badges.
    pub fn page_url(&self, user: &str, page: u64) -> String {
        format!("{}/users/{user}/badges.json?page={page}", self.base)
    }

    /// Every page of `user`'s public badges, as `(address, bytes)` in page order, ready
    /// for [`crate::io::credly::parse`]. `progress` hears of each page as it is asked for.
    ///
    /// # Errors
    ///
    /// The first page that does not arrive whole as Credly's JSON; no page is returned
    /// then.
    pub fn fetch_all(
        &self,
        user: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Pages, FetchError> {
        let mut pages = Vec::new();
        let mut total = 1;
        let mut page = 1;
        while page <= total {
            progress(Progress {
                page,
                total: (page > 1).then_some(total),
            });
            let url = self.page_url(user, page);
            let (bytes, html) = self.get(user, &url)?;
            let meta = page_metadata(&url, &bytes, html)?;
            if let Some(current) = meta.current_page.filter(|&c| c != page) {
                return Err(FetchError::BadPages {
                    url,
                    what: format!("sent page {current} when asked for page {page}"),
                });
            }
            if let Some(t) = meta.total_pages {
                if t > MAX_PAGES {
                    return Err(FetchError::BadPages {
                        url,
                        what: format!(
                            "says the profile has {t} pages, more than the {MAX_PAGES} sukima fetches"
                        ),
                    });
                }
                total = total.max(t);
            }
            pages.push((url, bytes));
            page += 1;
        }
        Ok(pages)
    }

    /// The body of a successful answer and whether it says it is HTML.
    fn get(&self, user: &str, url: &str) -> Result<(Vec<u8>, bool), FetchError> {
        let mut response = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| self.error(url, e))?;
        let status = response.status().as_u16();
        match status {
            200..=299 => {}
            404 => {
                return Err(FetchError::NotFound {
                    user: user.to_string(),
                    url: url.to_string(),
                });
            }
            401 | 403 => {
                return Err(FetchError::Private {
                    user: user.to_string(),
                    url: url.to_string(),
                    status,
                });
            }
            _ => {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status,
                });
            }
        }
        let html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("html"));
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_PAGE_BYTES)
            .read_to_vec()
            .map_err(|e| self.error(url, e))?;
        Ok((bytes, html))
    }

    fn error(&self, url: &str, e: ureq::Error) -> FetchError {
        use std::io::ErrorKind;
        let url = url.to_string();
        let host = || {
            url.split("://")
                .nth(1)
                .and_then(|r| r.split(['/', '?']).next())
                .unwrap_or(&url)
                .to_string()
        };
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                limit: self.timeout,
            },
            ureq::Error::HostNotFound => FetchError::Unreachable {
                host: host(),
                why: "the host name is not known (no network?)".into(),
            },
            ureq::Error::ConnectionFailed => FetchError::Unreachable {
                host: host(),
                why: "no connection could be made".into(),
            },
            ureq::Error::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
                FetchError::Unreachable {
                    host: host(),
                    why: "the connection was refused".into(),
                }
            }
            ureq::Error::Io(io) if io.kind() == ErrorKind::TimedOut => FetchError::Timeout {
                url,
                limit: self.timeout,
            },
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
                FetchError::Unreachable {
                    host: host(),
                    why: format!("the secure connection failed: {e}"),
                }
            }
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url },
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => FetchError::Broken {
                url,
                why: "the redirects lead nowhere".into(),
            },
            other => FetchError::Broken {
                url,
                why: other.to_string(),
            },
        }
    }
}

/// What a page says of the pagination.
#[derive(Debug, Default, PartialEq, Eq)]
struct PageMeta {
    current_page: Option<u64>,
    total_pages: Option<u64>,
}

/// Checks that `bytes` are a Credly badges page (JSON with `data`) and reads its
/// pagination. The records themselves are read by the import, as for files.
fn page_metadata(url: &str, bytes: &[u8], html: bool) -> Result<PageMeta, FetchError> {
    #[derive(serde::Deserialize)]
    struct Head {
        #[allow(dead_code)]
        data: serde::de::IgnoredAny,
        #[serde(default)]
        metadata: Option<Value>,
    }
    let not_credly = |found: &str| FetchError::NotCredly {
        url: url.to_string(),
        found: found.to_string(),
    };
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    if html || first == Some(&b'<') {
        return Err(not_credly("a web page (HTML)"));
    }
    match first {
        None => return Err(not_credly("an empty answer")),
        Some(b'{') => {}
        Some(b'[') => return Err(not_credly("JSON without a list of badges (\"data\")")),
        Some(_) => return Err(not_credly("text that is not JSON")),
    }
    let head: Head = serde_json::from_slice(text).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Eof => FetchError::Broken {
                url: url.to_string(),
                why: format!("the JSON ends in the middle, after {} bytes", bytes.len()),
            },
            Category::Data => not_credly("JSON without a list of badges (\"data\")"),
            Category::Syntax | Category::Io => not_credly("text that is not JSON"),
        }
    })?;
    let number = |k: &str| {
        head.metadata
            .as_ref()
            .and_then(|m| m.get(k))
            .and_then(Value::as_u64)
    };
    Ok(PageMeta {
        current_page: number("current_page"),
        total_pages: number("total_pages"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_and_profile_addresses() {
        for (text, name) in [
            ("jane-doe", "jane-doe"),
            ("  jane-doe  ", "jane-doe"),
            ("jane_doe.1a2b3c4d", "jane_doe.1a2b3c4d"),
            ("https://www.credly.com/users/jane-doe", "jane-doe"),
            ("https://www.credly.com/users/jane-doe/", "jane-doe"),
            ("https://www.credly.com/users/jane-doe/badges", "jane-doe"),
            (
                "https://www.credly.com/users/jane-doe/badges#credly",
                "jane-doe",
            ),
            (
                "https://www.credly.com/users/jane-doe/badges.json?page=2",
                "jane-doe",
            ),
            ("HTTPS://WWW.CREDLY.COM/users/Jane-Doe", "Jane-Doe"),
            ("http://credly.com/users/jane-doe", "jane-doe"),
            ("www.credly.com/users/jane-doe/badges", "jane-doe"),
            ("credly.com/users/jane-doe", "jane-doe"),
        ] {
            assert_eq!(user_name(text).as_deref(), Ok(name), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_profile_says_why() {
        for (text, why) in [
            ("", "empty"),
            ("jane doe", "a user name has only"),
            ("jane/../../x", "not an address at credly.com"),
            (
                "https://example.com/users/jane",
                "not an address at credly.com",
            ),
            (
                "https://www.credly.com.evil.example/users/jane",
                "not an address at credly.com",
            ),
            (
                "https://www.credly.com/badges/5f7c1e2a-0000-4000-8000-000000000000",
                "one badge's page",
            ),
            ("https://www.credly.com/users/", "not a profile address"),
            (
                "https://www.credly.com/users/jane/badges/extra",
                "not a profile address",
            ),
            (
                "https://www.credly.com/users/ja%2Fne",
                "a user name has only",
            ),
            ("ジェーン", "a user name has only"),
        ] {
            let err = user_name(text).unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(why), "{text}: {msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
        assert!(user_name(&"a".repeat(101)).is_err());
    }

    #[test]
    fn pages_are_checked_for_credly_json_and_their_pagination_read() {
        let url = "http://127.0.0.1/users/x/badges.json?page=1";
        let meta = |body: &str| page_metadata(url, body.as_bytes(), false);
        assert_eq!(
            meta(r#"{"data": [], "metadata": {"current_page": 2, "total_pages": 3}}"#),
            Ok(PageMeta {
                current_page: Some(2),
                total_pages: Some(3)
            })
        );
        assert_eq!(meta("\u{feff}{\"data\": []}"), Ok(PageMeta::default()));
        assert_eq!(
            meta(r#"{"data": [], "metadata": {"total_pages": null}}"#),
            Ok(PageMeta::default())
        );
        for (body, found) in [
            ("<!DOCTYPE html><html>", "a web page (HTML)"),
            ("  ", "an empty answer"),
            ("Service Unavailable", "text that is not JSON"),
            (r#"{"error": "nope"}"#, "JSON without a list of badges"),
            ("[1, 2]", "JSON without a list of badges"),
        ] {
            let err = meta(body).unwrap_err();
            assert!(
                matches!(&err, FetchError::NotCredly { found: f, .. } if f.contains(found)),
                "{body}: {err}"
            );
        }
        let cut = meta(r#"{"data": [{"id": "1", "badge_te"#).unwrap_err();
        assert!(
            matches!(cut, FetchError::Broken { ref why, .. } if why.contains("ends in the middle")),
            "{cut}"
        );
        // JSON sent as text/html is still a web page.
        assert!(page_metadata(url, b"{\"data\": []}", true).is_err());
    }

    #[test]
    fn every_error_is_one_line_that_says_what_to_do() {
        let url = "https://www.credly.com/users/x/badges.json?page=1".to_string();
        for e in [
            FetchError::NotFound {
                user: "x".into(),
                url: url.clone(),
            },
            FetchError::Private {
                user: "x".into(),
                url: url.clone(),
                status: 403,
            },
            FetchError::Status {
                url: url.clone(),
                status: 500,
            },
            FetchError::Timeout {
                url: url.clone(),
                limit: Duration::from_millis(1500),
            },
            FetchError::Unreachable {
                host: "www.credly.com".into(),
                why: "the connection was refused".into(),
            },
            FetchError::TooLarge { url: url.clone() },
        ] {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            assert!(msg.contains(';') || msg.contains(':'), "{msg}");
        }
        assert!(
            FetchError::Timeout {
                url,
                limit: Duration::from_millis(1500)
            }
            .to_string()
            .contains("within 1.5 s")
        );
    }

    #[test]
    fn page_addresses() {
        let f = Fetcher::new("http://127.0.0.1:8080/", Duration::from_secs(1));
        assert_eq!(
            f.page_url("jane-doe", 3),
            "http://127.0.0.1:8080/users/jane-doe/badges.json?page=3"
        );
    }
}
