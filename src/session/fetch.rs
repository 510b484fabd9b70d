//! Fetching a web page or a feed the user asked for (File > Open URL…, a pasted link), only after
//! they allowed the app to go online; nothing else in newsatlas uses the network except the
//! online basemap tiles, which are opt-in too.
//!
//! A fetch is HTTPS (plain HTTP only to this machine, for a local server), with a user agent
//! naming the app, a connect and a whole-request timeout and a size limit read as the bytes come.
//! What arrives is kept in a cache folder as an ordinary article file (`.html`, `.rss`, `.atom`,
//! `.json`, `.pdf`, `.txt`, by the server's content type or the bytes), so the import reads it
//! like a dropped file and it is still there at the next start. The cache's index
//! (`index.json`) remembers each address's file, when it was fetched and the server's validators:
//! a fetch within [`FRESH_SECS`] uses the copy without going online; a later one asks the server
//! whether it changed (`If-None-Match`, `If-Modified-Since`); offline or failing, the last copy is
//! used and the note says so.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The user agent sent with every fetch.
pub const USER_AGENT: &str = concat!(
    "newsatlas/",
    env!("CARGO_PKG_VERSION"),
    " (desktop news mapper; fetches only what its user opens)"
);

/// The most a fetch reads (the readers' own limits apply after).
pub const MAX_FETCH_BYTES: u64 = 32 * 1024 * 1024;

/// A copy younger than this is used without going online.
pub const FRESH_SECS: i64 = 10 * 60;

/// Connect and whole-request timeouts.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A fetched address, saved as an article file.
#[derive(Debug)]
pub struct Fetched {
    /// The file to import.
    pub path: PathBuf,
    /// One line for the status bar: what was fetched, or why a kept copy is used.
    pub note: String,
}

/// An address the app may fetch: `https://`, or `http://` to this machine. Returns it trimmed, or
/// why not.
pub fn check_url(text: &str) -> Result<reqwest::Url, String> {
    let text = text.trim();
    let url =
        reqwest::Url::parse(text).map_err(|e| format!("\"{text}\" is no web address: {e}"))?;
    let local = matches!(
        url.host_str(),
        Some("localhost" | "127.0.0.1" | "[::1]" | "::1")
    );
    match url.scheme() {
        "https" => Ok(url),
        "http" if local => Ok(url),
        "http" => Err(format!(
            "{url} is not encrypted: newsatlas fetches https:// addresses only"
        )),
        other => Err(format!(
            "{url}: newsatlas fetches https:// addresses only, not {other}:"
        )),
    }
}

/// One address in the cache's index.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
struct Entry {
    /// The file's name in the cache folder.
    file: String,
    fetched: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// The cache folder's index: address -> entry. An unreadable index is started afresh (the files
/// stay; they are only copies).
#[derive(Debug, Default)]
struct Index {
    path: PathBuf,
    entries: BTreeMap<String, Entry>,
}

impl Index {
    fn load(dir: &Path) -> Index {
        let path = dir.join("index.json");
        let entries = crate::read::read_file(
            &path,
            crate::read::Limit {
                bytes: 4 * 1024 * 1024,
                what: "the fetch cache's index",
            },
        )
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
        Index { path, entries }
    }

    fn save(&self) -> Result<(), String> {
        let json = serde_json::to_vec_pretty(&self.entries).map_err(|e| e.to_string())?;
        crate::atomic::write_output(&self.path, &json)
            .map_err(|e| format!("{} ({e})", self.path.display()))
    }

    /// The entry of `url` whose file is still there.
    fn kept(&self, dir: &Path, url: &str) -> Option<(&Entry, PathBuf)> {
        let entry = self.entries.get(url)?;
        let path = dir.join(&entry.file);
        path.is_file().then_some((entry, path))
    }
}

/// An address fetched before, with its copy.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptCopy {
    pub url: String,
    pub path: PathBuf,
    pub fetched: DateTime<Utc>,
}

impl KeptCopy {
    /// A feed (RSS, Atom, JSON Feed): what "Refresh feeds" fetches again.
    pub fn is_feed(&self) -> bool {
        self.path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "rss" | "atom" | "json"))
    }
}

/// The addresses fetched into `cache_dir` whose copies are still there, the latest first.
pub fn kept_copies(cache_dir: &Path) -> Vec<KeptCopy> {
    let index = Index::load(cache_dir);
    let mut kept: Vec<KeptCopy> = index
        .entries
        .keys()
        .filter_map(|url| {
            let (entry, path) = index.kept(cache_dir, url)?;
            Some(KeptCopy {
                url: url.clone(),
                path,
                fetched: entry.fetched,
            })
        })
        .collect();
    kept.sort_by_key(|k| std::cmp::Reverse(k.fetched));
    kept
}

/// Fetches `url` into `cache_dir` (created if needed), or takes the copy kept there (see the
/// module's text). `now` is the clock (a parameter for the tests).
pub fn fetch(url: &reqwest::Url, cache_dir: &Path, now: DateTime<Utc>) -> Result<Fetched, String> {
    std::fs::create_dir_all(cache_dir)
        .map_err(|e| format!("cannot make the folder {} ({e})", cache_dir.display()))?;
    let mut index = Index::load(cache_dir);
    let key = url.as_str().to_owned();
    if let Some((entry, path)) = index.kept(cache_dir, &key)
        && (now - entry.fetched).num_seconds() < FRESH_SECS
    {
        return Ok(Fetched {
            path,
            note: format!(
                "{url}: the copy fetched at {} (less than 10 minutes ago)",
                clock(entry.fetched)
            ),
        });
    }
    let validators = index.kept(cache_dir, &key).map(|(e, _)| e.clone());
    match download(url, validators.as_ref()) {
        Ok(Download::NotModified) => {
            let (entry, path) = index.kept(cache_dir, &key).ok_or_else(|| {
                format!("{url}: the server said nothing changed, but no copy is kept")
            })?;
            let mut entry = entry.clone();
            entry.fetched = now;
            index.entries.insert(key, entry);
            index.save()?;
            Ok(Fetched {
                path,
                note: format!("{url}: unchanged since the copy kept"),
            })
        }
        Ok(Download::Body {
            bytes,
            content_type,
            etag,
            last_modified,
        }) => {
            let ext =
                extension_for(content_type.as_deref(), url.path(), &bytes).ok_or_else(|| {
                    format!(
                        "{url}: the server sent {}, which newsatlas cannot read as an article",
                        content_type
                            .as_deref()
                            .unwrap_or("something without a content type")
                    )
                })?;
            let file = format!("{}.{ext}", file_stem(url));
            let path = cache_dir.join(&file);
            crate::atomic::write_output(&path, &bytes)
                .map_err(|e| format!("cannot save {} ({e})", path.display()))?;
            index.entries.insert(
                key,
                Entry {
                    file,
                    fetched: now,
                    etag,
                    last_modified,
                },
            );
            index.save()?;
            Ok(Fetched {
                path,
                note: format!("{url}: fetched, {} KB", bytes.len().div_ceil(1024)),
            })
        }
        Err(why) => match index.kept(cache_dir, &key) {
            Some((entry, path)) => Ok(Fetched {
                path,
                note: format!(
                    "{url}: {why}; using the copy fetched on {}",
                    entry.fetched.format("%Y-%m-%d %H:%M UTC")
                ),
            }),
            None => Err(format!("{url}: {why}")),
        },
    }
}

fn clock(t: DateTime<Utc>) -> String {
    t.format("%H:%M UTC").to_string()
}

enum Download {
    NotModified,
    Body {
        bytes: Vec<u8>,
        content_type: Option<String>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// One GET with the limits; a reason in words when it fails.
fn download(url: &reqwest::Url, kept: Option<&Entry>) -> Result<Download, String> {
    let client = reqwest::blocking::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .map_err(|e| format!("cannot start the web client ({e})"))?;
    let mut request = client.get(url.clone()).header(
        reqwest::header::ACCEPT,
        "text/html, application/rss+xml, application/atom+xml, application/feed+json, \
         application/pdf, text/plain;q=0.8, */*;q=0.1",
    );
    if let Some(e) = kept {
        if let Some(etag) = &e.etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &e.last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
    }
    let response = request.send().map_err(|e| reason_of(&e))?;
    let status = response.status();
    if status == reqwest::StatusCode::NOT_MODIFIED && kept.is_some() {
        return Ok(Download::NotModified);
    }
    if !status.is_success() {
        return Err(format!("the server answered {status}"));
    }
    if let Some(len) = response.content_length()
        && len > MAX_FETCH_BYTES
    {
        return Err(too_big());
    }
    let header = |name: reqwest::header::HeaderName| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header(reqwest::header::CONTENT_TYPE);
    let etag = header(reqwest::header::ETAG);
    let last_modified = header(reqwest::header::LAST_MODIFIED);
    let mut bytes = Vec::new();
    response
        .take(MAX_FETCH_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the download broke off ({e})"))?;
    if bytes.len() as u64 > MAX_FETCH_BYTES {
        return Err(too_big());
    }
    Ok(Download::Body {
        bytes,
        content_type,
        etag,
        last_modified,
    })
}

fn too_big() -> String {
    format!(
        "larger than the limit of {} MB, not fetched",
        MAX_FETCH_BYTES / (1024 * 1024)
    )
}

/// A failed request in a few words: offline, timed out, refused, or reqwest's own words.
fn reason_of(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer in time (timed out)".to_owned()
    } else if e.is_connect() {
        let mut inner: &dyn std::error::Error = e;
        while let Some(next) = inner.source() {
            inner = next;
        }
        format!("cannot connect: offline, or the server is unreachable ({inner})")
    } else if e.is_redirect() {
        "too many redirects".to_owned()
    } else {
        e.to_string()
    }
}

/// The article file extension for a fetched body: by the content type, else by the address's
/// extension, else by the first bytes; `None` for what no reader takes (an image, an archive).
fn extension_for(content_type: Option<&str>, url_path: &str, bytes: &[u8]) -> Option<&'static str> {
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let by_type = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some("html"),
        "application/rss+xml" => Some("rss"),
        "application/atom+xml" => Some("atom"),
        "application/feed+json" | "application/json" => Some("json"),
        "application/pdf" => Some("pdf"),
        "text/plain" | "text/markdown" => Some("txt"),
        _ => None,
    };
    if by_type.is_some() {
        return by_type;
    }
    let by_name = url_path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .and_then(|e| {
            Some(match e.as_str() {
                "html" | "htm" | "xhtml" => "html",
                "rss" | "xml" => "rss",
                "atom" => "atom",
                "json" => "json",
                "pdf" => "pdf",
                "txt" | "md" => "txt",
                _ => return None,
            })
        });
    by_name.or_else(|| sniff(&mime, bytes))
}

/// The kind of a body by its first bytes: a PDF, a feed, a page.
fn sniff(mime: &str, bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        return Some("pdf");
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if head.contains("<rss") || head.contains("<rdf:rdf") {
        Some("rss")
    } else if head.contains("<feed") {
        Some("atom")
    } else if head.contains("<html") || head.contains("<!doctype html") {
        Some("html")
    } else if mime.ends_with("+xml") || mime.ends_with("/xml") {
        Some("rss")
    } else {
        None
    }
}

/// A file name for `url`'s copy: its host and path in safe characters (at most 80), and a hash of
/// the whole address so two addresses never share a file.
fn file_stem(url: &reqwest::Url) -> String {
    let mut readable = String::new();
    let host = url.host_str().unwrap_or("page");
    for c in host.chars().chain(url.path().chars()) {
        if readable.len() >= 80 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            readable.push(c);
        } else if !readable.ends_with('_') {
            readable.push('_');
        }
    }
    let readable = readable.trim_matches(['_', '.']);
    // FNV-1a: stable across runs and builds, as a file name must be.
    let hash = url
        .as_str()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{readable}-{:08x}", hash >> 32)
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use super::*;

    #[test]
    fn only_https_or_this_machine_is_fetched() {
        assert!(check_url(" https://news.example/a ").is_ok());
        assert!(check_url("http://127.0.0.1:8080/feed.xml").is_ok());
        assert!(check_url("http://localhost/x").is_ok());
        let plain = check_url("http://news.example/a").expect_err("plain http");
        assert!(plain.contains("https://"), "{plain}");
        assert!(check_url("file:///etc/passwd").is_err());
        assert!(check_url("Tripoli").is_err());
    }

    #[test]
    fn a_body_is_named_by_its_type_then_its_address_then_its_bytes() {
        assert_eq!(
            extension_for(Some("text/html; charset=utf-8"), "/a", b""),
            Some("html")
        );
        assert_eq!(
            extension_for(Some("application/rss+xml"), "/", b""),
            Some("rss")
        );
        assert_eq!(
            extension_for(Some("application/octet-stream"), "/r.pdf", b""),
            Some("pdf")
        );
        assert_eq!(extension_for(None, "/news", b"%PDF-1.7 ..."), Some("pdf"));
        assert_eq!(
            extension_for(
                Some("text/xml"),
                "/feed",
                b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            Some("atom")
        );
        assert_eq!(extension_for(Some("image/png"), "/logo", b"\x89PNG"), None);
    }

    #[test]
    fn file_names_are_safe_and_distinct() {
        let a = check_url("https://news.example/2020/01/a-story?id=1").expect("url");
        let b = check_url("https://news.example/2020/01/a-story?id=2").expect("url");
        let (fa, fb) = (file_stem(&a), file_stem(&b));
        assert_ne!(fa, fb);
        assert!(fa.starts_with("news.example_2020_01_a-story-"), "{fa}");
        assert!(
            fa.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        );
    }

    /// A one-shot HTTP server on this machine's loopback: answers each of `answers` to one
    /// connection in turn and returns the request heads it saw.
    fn serve(answers: Vec<Vec<u8>>) -> (String, std::thread::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("addr");
        let handle = std::thread::spawn(move || {
            let mut heads = Vec::new();
            for answer in answers {
                let (mut stream, _) = listener.accept().expect("accept");
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut head = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(&line);
                }
                heads.push(head);
                stream.write_all(&answer).expect("answer");
            }
            heads
        });
        (format!("http://127.0.0.1:{}", addr.port()), handle)
    }

    fn answer(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut a = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        a.extend_from_slice(body);
        a
    }

    #[test]
    fn a_page_is_fetched_once_kept_and_revalidated() {
        let page =
            b"<html><head><title>Floods</title></head><body><p>Rain in Sindh.</p></body></html>";
        let (base, server) = serve(vec![
            answer(
                "200 OK",
                "Content-Type: text/html\r\nETag: \"v1\"\r\n",
                page,
            ),
            answer("304 Not Modified", "ETag: \"v1\"\r\n", b""),
        ]);
        let dir = tempfile::tempdir().expect("tempdir");
        let url = check_url(&format!("{base}/story")).expect("url");
        let t0 = DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z")
            .expect("t")
            .to_utc();
        let first = fetch(&url, dir.path(), t0).expect("fetched");
        assert!(first.path.extension().is_some_and(|e| e == "html"));
        assert_eq!(std::fs::read(&first.path).expect("saved"), page);
        // Within ten minutes: the copy, no request.
        let again = fetch(&url, dir.path(), t0 + chrono::Duration::minutes(5)).expect("kept");
        assert_eq!(again.path, first.path);
        assert!(again.note.contains("the copy"), "{}", again.note);
        // Later: asked with the validator, unchanged.
        let later = fetch(&url, dir.path(), t0 + chrono::Duration::hours(2)).expect("revalidated");
        assert_eq!(later.path, first.path);
        assert!(later.note.contains("unchanged"), "{}", later.note);
        let kept = kept_copies(dir.path());
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].url, url.as_str());
        assert!(!kept[0].is_feed());
        let heads = server.join().expect("server");
        assert_eq!(heads.len(), 2, "one request per fetch that went online");
        assert!(
            heads[0]
                .to_ascii_lowercase()
                .contains("user-agent: newsatlas/"),
            "{}",
            heads[0]
        );
        assert!(
            heads[1]
                .to_ascii_lowercase()
                .contains("if-none-match: \"v1\""),
            "{}",
            heads[1]
        );
    }

    #[test]
    fn a_failing_server_gives_a_reason_or_the_kept_copy() {
        let (base, server) = serve(vec![
            answer(
                "200 OK",
                "Content-Type: text/plain\r\n",
                b"Talks in Rome.\n",
            ),
            answer("503 Service Unavailable", "", b""),
            answer("404 Not Found", "", b""),
        ]);
        let dir = tempfile::tempdir().expect("tempdir");
        let kept = check_url(&format!("{base}/kept.txt")).expect("url");
        let t0 = DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z")
            .expect("t")
            .to_utc();
        fetch(&kept, dir.path(), t0).expect("fetched");
        let stale = fetch(&kept, dir.path(), t0 + chrono::Duration::hours(1)).expect("the copy");
        assert!(
            stale.note.contains("503") && stale.note.contains("using the copy"),
            "{}",
            stale.note
        );
        let missing = check_url(&format!("{base}/missing")).expect("url");
        let err = fetch(&missing, dir.path(), t0).expect_err("404");
        assert!(err.contains("404"), "{err}");
        server.join().expect("server");
    }

    #[test]
    fn nothing_listening_is_said_in_words() {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir = tempfile::tempdir().expect("tempdir");
        let url = check_url(&format!("http://127.0.0.1:{port}/x")).expect("url");
        let err = fetch(&url, dir.path(), Utc::now()).expect_err("refused");
        assert!(err.contains("cannot connect"), "{err}");
    }

    #[test]
    fn an_oversized_body_is_refused() {
        let (base, server) = serve(vec![format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            MAX_FETCH_BYTES + 1
        )
        .into_bytes()]);
        let dir = tempfile::tempdir().expect("tempdir");
        let url = check_url(&format!("{base}/huge.txt")).expect("url");
        let err = fetch(&url, dir.path(), Utc::now()).expect_err("too big");
        assert!(err.contains("larger than the limit"), "{err}");
        server.join().expect("server");
    }
}
