//! Articles: loading the bundled seeds (described by `data/articles.toml`), any folder of
//! `.txt`/`.md` files and CSV files, with header lines, datelines and the basis of each
//! publication date.
//!
//! Key decisions:
//! - **Body rule.** When the text, after leading whitespace, begins with `date YYYY-MM-DD`, that
//!   token is the header and the body is the rest with leading whitespace trimmed. A block of
//!   `title:`/`date:`/`source:` lines ended by a blank line is a header too. Otherwise the body is
//!   the whole file. `body` is a verbatim slice of the decoded file (CRLF kept), so
//!   `body_offset` plus a body offset is a byte offset in the file; every offset in the crate
//!   points into `body`.
//! - **Never dropped, never today.** An article without a date loads as
//!   [`DateBasis::Undated`]; an empty file loads as an empty undated article with a warning.
//!   Binary files, files above [`MAX_ARTICLE_BYTES`] and unreadable files are reported and
//!   skipped. One bad file never stops a load.
//! - **Folders are not recursive**: article files (any case: `.txt`, `.md`, saved pages `.html`,
//!   `.htm`, `.xhtml`, feeds `.rss`, `.atom`, `.xml`, PDF reports `.pdf`) directly in the
//!   folder, sorted by name.
//!   Other files are ignored; a subfolder named like an article (`x.txt/`) is reported.
//! - **One dispatcher**: [`Format::of`] picks the reader by the file's extension, for a folder's
//!   files, a dropped file and `--corpus FILE` alike. Each format's reader is its own module
//!   (`html`, `feed`, `pdf`) and returns articles and problems, never panics out.

mod body;
mod bundled;
mod feed;
mod feed_items;
mod from_csv;
pub mod html;
mod pdf;
pub mod text;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::problem::Problem;

pub use self::body::{Body, LastText};
pub use self::feed::{MAX_FEED_BYTES, SUMMARY_ONLY_NOTE, articles_from_feed};
pub use self::html::{MAX_HTML_ELEMENTS, article_from_html};
pub use self::pdf::{MAX_PDF_BYTES, MAX_PDF_PAGES, article_from_pdf};
pub use crate::read::{
    Limit, MAX_ARTICLE_BYTES, ReadError, TextFile, decode, open_regular, read_file, read_text_file,
};

/// The kinds of article file, by extension (any case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: the text rules ([`text`]).
    Text,
    /// `.html`, `.htm`, `.xhtml`: a page saved from a browser ([`html`]).
    Html,
    /// `.rss`, `.atom`, `.xml`, `.json`: an RSS, Atom or JSON feed, one article per item.
    Feed,
    /// `.pdf`: a report with a text layer ([`pdf`]).
    Pdf,
    /// `.csv`: one article per row.
    Csv,
}

impl Format {
    /// The format of `path` by its extension; `None` for other files.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "rss" | "atom" | "xml" | "json" => Format::Feed,
            "pdf" => Format::Pdf,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// Whether a folder load reads files of this format (a CSV or a `.json` file is read only
    /// when given by itself: a folder's may be anything).
    fn in_folders(path: &Path) -> bool {
        match Format::of(path) {
            Some(Format::Text | Format::Html | Format::Pdf) => true,
            Some(Format::Feed) => !path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json")),
            Some(Format::Csv) | None => false,
        }
    }
}

/// How an article's publication date was obtained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum DateBasis {
    /// A `date: YYYY-MM-DD` header or a leading `date YYYY-MM-DD` line.
    Header,
    /// A dateline such as "ROME, April 19 (Xinhua)"; `year_inferred` when the year was not written.
    Dateline { year_inferred: bool },
    /// Worked out from what the text says; `reason` records how.
    Inferred { reason: String },
    /// Set by the user in the app (kept in a sidecar file, never in the source text).
    UserOverride,
    /// Written in the file's metadata: a web page's `article:published_time`, JSON-LD
    /// `datePublished` or `<time datetime>`, a feed item's date, a PDF's creation date; `field`
    /// names which.
    Metadata { field: String },
    /// No date could be found. Shown as undated, never given today's date.
    Undated,
}

impl DateBasis {
    /// Short machine name: `header`, `dateline`, `inferred`, `user`, `metadata`, `undated`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateBasis::Header => "header",
            DateBasis::Dateline { .. } => "dateline",
            DateBasis::Inferred { .. } => "inferred",
            DateBasis::UserOverride => "user",
            DateBasis::Metadata { .. } => "metadata",
            DateBasis::Undated => "undated",
        }
    }
}

/// One loaded article. `body` is the text as loaded with header lines removed; every byte offset
/// in the crate points into `body`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: the file stem (e.g. `000_7d2449e987ad4fa5`).
    pub id: String,
    /// The file it came from, as given to the loader.
    pub file: PathBuf,
    pub title: String,
    // The optional texts are boxed (16 bytes, not 24): a million-event corpus holds ~80,000
    // articles, and peak memory is within 1% of its budget (README, "Performance").
    pub outlet: Option<Box<str>>,
    pub byline: Option<Box<str>>,
    pub published: Option<NaiveDate>,
    pub date_basis: DateBasis,
    /// Packed by the loader ([`Body::pack`]); read through [`Body::text`].
    pub body: Body,
    /// Byte offset of `body` in the file, to turn body offsets into file lines.
    pub body_offset: usize,
    /// A remark for the reader: a descriptive title, how a year was inferred, cited sources.
    pub note: Option<Box<str>>,
    /// Where the article was published on the web, when its file says (a saved page's
    /// `og:url` or canonical link, a feed item's link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
}

impl Article {
    /// Builds an article from a decoded text with the folder rules (header block, `date` token,
    /// dateline, first-line title). Problems name `file` and lines of `text`.
    pub fn from_text(id: &str, file: &Path, text: &str) -> (Article, Vec<Problem>) {
        let parsed = text::parse(text);
        let mut problems: Vec<Problem> = parsed
            .notes
            .iter()
            .map(|n| Problem {
                severity: n.severity,
                file: file.to_path_buf(),
                line: Some(n.line),
                message: n.message.clone(),
            })
            .collect();
        let body = text[parsed.body_start..].to_string();
        if body.trim().is_empty() {
            problems.push(Problem::warning(
                file,
                None,
                "the article is empty; it is loaded as an empty undated article",
            ));
        }
        let article = Article {
            id: id.to_string(),
            file: file.to_path_buf(),
            title: parsed.title.unwrap_or_else(|| id.to_string()),
            outlet: parsed.outlet.map(Into::into),
            byline: parsed.byline.map(Into::into),
            published: parsed.published,
            date_basis: parsed.basis,
            body: body.into(),
            body_offset: parsed.body_start,
            note: None,
            url: None,
        };
        (article, problems)
    }
}

/// How a folder is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read the folder's symbolic links that lead outside it (`--follow-outside-links`, the
    /// "Open articles" dialog's checkbox). Off by default: a link in a shared folder to
    /// `/etc/passwd` is not an article the user chose. Links into `/proc`, `/sys` and `/dev` are
    /// never read, and a link to anything but a regular file is refused by [`read_file`].
    pub follow_outside_links: bool,
}

/// Loaded articles.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    /// The bundled seeds: `data/articles.toml` describing the files in `seeds/`, under `root`.
    /// Seeds the manifest does not describe are loaded with the folder rules and reported.
    pub fn load_bundled(root: &Path) -> (Corpus, Vec<Problem>) {
        bundled::load(root)
    }

    /// Any folder of article files (not recursive), sorted by file name; links that lead outside
    /// the folder are skipped with a warning.
    pub fn load_dir(dir: &Path) -> (Corpus, Vec<Problem>) {
        Corpus::load_dir_with(dir, LoadOptions::default())
    }

    /// [`Corpus::load_dir`] with `options` (whether links leading outside the folder are read).
    pub fn load_dir_with(dir: &Path, options: LoadOptions) -> (Corpus, Vec<Problem>) {
        let mut problems = Vec::new();
        let files = match article_files_in(dir, &mut problems) {
            Ok(files) => files,
            Err(err) => {
                problems.push(Problem::error(
                    dir,
                    None,
                    format!(
                        "cannot read the folder ({err}), expected a folder of article files \
                         (.txt, .md, .html, .rss, .atom, .xml, .pdf)"
                    ),
                ));
                return (Corpus::default(), problems);
            }
        };
        if files.is_empty() {
            problems.push(Problem::warning(
                dir,
                None,
                "no article files (.txt, .md, .html, .rss, .atom, .xml, .pdf) in this folder \
                 (subfolders are not read)",
            ));
        }
        let files = files
            .into_iter()
            .filter(|file| match link_outside(dir, file) {
                Some(target) if options.follow_outside_links && !in_system_folder(&target) => true,
                Some(target) => {
                    let why = if options.follow_outside_links {
                        "a system folder, which is never read"
                    } else {
                        "outside the folder (copy the file into the folder, or pass \
                         --follow-outside-links, to load it)"
                    };
                    problems.push(Problem::warning(
                        file,
                        None,
                        format!("skipped: a link to {}, {why}", target.display()),
                    ));
                    false
                }
                None => true,
            })
            .collect::<Vec<_>>();
        let (corpus, file_problems) = Corpus::load_files(&files);
        problems.extend(file_problems);
        (corpus, problems)
    }

    /// Listed article files, each by its format, in the order given: a file that cannot be
    /// read (one that vanished since the folder was listed, say) is reported and skipped; two
    /// files with one stem get distinct ids.
    pub fn load_files(files: &[PathBuf]) -> (Corpus, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut corpus = Corpus::default();
        let mut ids = HashSet::new();
        for path in files {
            let path = path.as_path();
            for mut article in load_any(path, &mut problems) {
                if ids.contains(&article.id) {
                    let name = path
                        .file_name()
                        .map_or_else(|| article.id.clone(), |n| n.to_string_lossy().into_owned());
                    let unique = claim_id(&mut ids, &name);
                    problems.push(Problem::warning(
                        path,
                        None,
                        format!(
                            "another file has the id `{}`; this one is `{unique}`",
                            article.id
                        ),
                    ));
                    article.id = unique;
                } else {
                    ids.insert(article.id.clone());
                }
                corpus.articles.push(article);
            }
        }
        (corpus, problems)
    }

    /// A CSV file with a header row naming at least `title`, `date` and `text` (any case), and
    /// optionally `source` and `id`. One article per row; bad rows are reported by line.
    pub fn load_csv(path: &Path) -> (Corpus, Vec<Problem>) {
        from_csv::load(path)
    }

    /// Like [`Corpus::load_csv`], reading the CSV from `reader`; problems name `path`.
    pub fn csv_from_reader(path: &Path, reader: impl std::io::Read) -> (Corpus, Vec<Problem>) {
        from_csv::load_reader(path, reader)
    }

    /// One article file by its format (a file of no known format with the text rules).
    pub fn load_file(path: &Path) -> (Corpus, Vec<Problem>) {
        let mut problems = Vec::new();
        let articles = load_any(path, &mut problems);
        (Corpus { articles }, problems)
    }

    /// A folder, a `.csv` file or a single article file, by what `path` is.
    pub fn load_path(path: &Path) -> (Corpus, Vec<Problem>) {
        Corpus::load_path_with(path, LoadOptions::default())
    }

    /// [`Corpus::load_path`] with `options` for a folder's links.
    pub fn load_path_with(path: &Path, options: LoadOptions) -> (Corpus, Vec<Problem>) {
        if path.is_dir() {
            Corpus::load_dir_with(path, options)
        } else if Format::of(path) == Some(Format::Csv) {
            Corpus::load_csv(path)
        } else {
            Corpus::load_file(path)
        }
    }
}

/// `wanted` when `ids` does not have it yet, else the first of `wanted-2`, `wanted-3`, ... that
/// it does not have; the result is added to `ids`. (A renamed duplicate may itself be taken: a
/// CSV row's explicit id `a-3` and a second `a` on row 3.)
fn claim_id(ids: &mut HashSet<String>, wanted: &str) -> String {
    let mut id = wanted.to_owned();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

/// The most characters of an article's title, outlet or id that are kept: each is repeated in
/// every exported event and drawn in the app, and a CSV cell or header line can hold megabytes.
pub const MAX_LABEL_CHARS: usize = 500;

/// `value` cut to [`MAX_LABEL_CHARS`] characters, and a warning naming `what` when it was cut.
pub(crate) fn capped_label<'v>(value: &'v str, what: &str) -> (&'v str, Option<String>) {
    match value.char_indices().nth(MAX_LABEL_CHARS) {
        None => (value, None),
        Some((at, _)) => (
            &value[..at],
            Some(format!(
                "the {what} is {} characters, above the limit of {MAX_LABEL_CHARS}; only its start is kept",
                value.chars().count()
            )),
        ),
    }
}

/// A `YYYY-MM-DD` date from outside data (headers, CSV cells, the user's files): years 1 to 9999
/// only, the range every export format and spreadsheet reads; anything else is no date.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()))
}

/// The article files directly in `dir`, sorted by name; a folder named like one (`x.txt/`) is
/// reported, not read.
fn article_files_in(dir: &Path, problems: &mut Vec<Problem>) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if !Format::in_folders(&path) {
            continue;
        }
        // `is_dir` follows symlinks; a broken symlink is kept so that it is reported as unreadable.
        if path.is_dir() {
            folders.push(path);
        } else {
            files.push(path);
        }
    }
    files.sort();
    folders.sort();
    for folder in folders {
        problems.push(Problem::warning(
            &folder,
            None,
            "skipped: a folder named like an article file (folders inside a folder are not \
             read; open it by itself to load its articles)",
        ));
    }
    Ok(files)
}

/// The articles of one file by its format, their bodies packed ([`Body::pack`]); problems
/// pushed (nothing returned) when it cannot be used.
fn load_any(path: &Path, problems: &mut Vec<Problem>) -> Vec<Article> {
    let mut articles = read_any(path, problems);
    for article in &mut articles {
        article.body.pack();
    }
    articles
}

fn read_any(path: &Path, problems: &mut Vec<Problem>) -> Vec<Article> {
    let stem = path.file_stem().map_or_else(
        || "article".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    match Format::of(path) {
        Some(Format::Html) => {
            let Some(bytes) = read_or_report(path, MAX_ARTICLE_BYTES, problems) else {
                return Vec::new();
            };
            let (article, p) = html::article_from_html(&stem, path, &bytes);
            problems.extend(p);
            article.into_iter().collect()
        }
        Some(Format::Feed) => {
            let Some(bytes) = read_or_report(path, MAX_FEED_BYTES, problems) else {
                return Vec::new();
            };
            let (articles, p) = feed::articles_from_feed(&stem, path, &bytes);
            problems.extend(p);
            articles
        }
        Some(Format::Pdf) => {
            let Some(bytes) = read_or_report(path, MAX_PDF_BYTES, problems) else {
                return Vec::new();
            };
            let (article, p) = pdf::article_from_pdf(&stem, path, &bytes);
            problems.extend(p);
            article.into_iter().collect()
        }
        Some(Format::Csv) => {
            let (corpus, p) = from_csv::load(path);
            problems.extend(p);
            corpus.articles
        }
        Some(Format::Text) | None => match load_file(path, problems) {
            Some((article, p)) => {
                problems.extend(p);
                vec![article]
            }
            None => Vec::new(),
        },
    }
}

/// Runs a third-party reader (HTML, feed, PDF) that may panic on hostile input: its error, or
/// its panic, becomes a problem naming `path` ("the {reader} reader failed on this file").
fn read_guarded<T>(
    path: &Path,
    reader: &str,
    read: impl FnOnce() -> Result<T, String>,
) -> Result<T, Problem> {
    let why = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(Ok(value)) => return Ok(value),
        Ok(Err(why)) => why,
        Err(_) => format!("the {reader} reader failed on this file"),
    };
    Err(Problem::error(
        path,
        None,
        format!("{why}; the file is skipped"),
    ))
}

/// The bytes of `path` (at most `limit`), or `None` with the problem pushed.
fn read_or_report(path: &Path, limit: u64, problems: &mut Vec<Problem>) -> Option<Vec<u8>> {
    read_file(
        path,
        Limit {
            bytes: limit,
            what: "this file",
        },
    )
    .map_err(|err| {
        problems.push(Problem::error(
            path,
            None,
            format!("{err}; the file is skipped"),
        ));
    })
    .ok()
}

/// Where `file`, a symbolic link in `dir`, leads when that is outside `dir` (a link in a shared
/// folder to `/etc/passwd` or `/proc` is not an article the user chose). `None` for plain files,
/// links within the folder and broken links (reported as unreadable when read).
fn link_outside(dir: &Path, file: &Path) -> Option<PathBuf> {
    let is_link = fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    let target = fs::canonicalize(file).ok()?;
    let root = fs::canonicalize(dir).ok()?;
    (!target.starts_with(&root)).then_some(target)
}

/// Whether `target` (a canonical path) lies in a folder of the system's pseudo files (`/proc`,
/// `/sys`, `/dev`): their "regular" files are views of the running system, never articles, and
/// some block or never end when read.
fn in_system_folder(target: &Path) -> bool {
    ["/proc", "/sys", "/dev"]
        .iter()
        .any(|root| target.starts_with(root))
}

/// Reads one article file; `None` (with a problem pushed) when it cannot be used.
fn load_file(path: &Path, problems: &mut Vec<Problem>) -> Option<(Article, Vec<Problem>)> {
    let file = usable_text(path, read_text_file(path, MAX_ARTICLE_BYTES), problems)?;
    Some(article_from_text_file(path, &file, problems))
}

/// The text read from `path`, or `None` with the problem pushed (the file is skipped).
fn usable_text(
    path: &Path,
    read: Result<TextFile, ReadError>,
    problems: &mut Vec<Problem>,
) -> Option<TextFile> {
    read.map_err(|err| {
        problems.push(Problem::error(
            path,
            None,
            format!("{err}; the file is skipped"),
        ));
    })
    .ok()
}

/// An article from the bytes of the file at `path` with the folder rules, as a folder load reads
/// it (without the size check, which happens before reading): `None`, with the problem pushed,
/// when the bytes are not text.
pub fn article_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    problems: &mut Vec<Problem>,
) -> Option<(Article, Vec<Problem>)> {
    let file = usable_text(path, decode(bytes), problems)?;
    Some(article_from_text_file(path, &file, problems))
}

fn article_from_text_file(
    path: &Path,
    file: &TextFile,
    problems: &mut Vec<Problem>,
) -> (Article, Vec<Problem>) {
    if file.lossy {
        problems.push(Problem::warning(
            path,
            file.first_invalid_line,
            "the file is not valid UTF-8; invalid bytes were replaced by U+FFFD",
        ));
    }
    let id = path.file_stem().map_or_else(
        || "article".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let (mut article, file_problems) = Article::from_text(&id, path, &file.text);
    article.body_offset += file.bom_len;
    (article, file_problems)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write test file");
        path
    }

    #[test]
    fn a_folder_loads_txt_and_md_files_sorted_by_name_and_ignores_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "b.md", b"# B\n\ntext");
        write(dir.path(), "a.TXT", b"A title\n\ntext");
        write(dir.path(), "notes.json", b"{}");
        fs::create_dir(dir.path().join("sub")).expect("mkdir");
        write(&dir.path().join("sub"), "c.txt", b"nested");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        let ids: Vec<_> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(corpus.articles[0].title, "A title");
        assert_eq!(corpus.articles[1].title, "B");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_undated_file_is_loaded_undated_never_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "x.txt", b"Fighting went on near Gharyan.");
        let (corpus, _) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].published, None);
        assert_eq!(corpus.articles[0].date_basis, DateBasis::Undated);
        assert_eq!(corpus.articles[0].title, "Fighting went on near Gharyan.");
    }

    #[test]
    fn a_binary_file_is_reported_and_skipped_and_the_others_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = write(dir.path(), "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        write(dir.path(), "b.txt", b"date 2019-04-09 Tripoli");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, bad);
        assert!(problems[0].message.contains("binary"), "{}", problems[0]);
    }

    #[test]
    fn non_utf8_is_decoded_lossily_with_a_warning_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(
            dir.path(),
            "latin1.txt",
            b"date 2019-04-09 Caf\xE9 in Tripoli",
        );
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles[0].body, "Caf\u{FFFD} in Tripoli");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, path);
        assert!(problems[0].to_string().contains("latin1.txt"));
    }

    #[test]
    fn a_byte_order_mark_is_stripped_and_counted_in_the_body_offset() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "bom.txt",
            b"\xEF\xBB\xBFdate 2019-04-09 Tripoli",
        );
        let (corpus, problems) = Corpus::load_dir(dir.path());
        let article = &corpus.articles[0];
        assert_eq!(article.body, "Tripoli");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2019, 4, 9));
        assert_eq!(article.body_offset, 3 + "date 2019-04-09 ".len());
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn crlf_files_load_with_their_header() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "crlf.txt",
            b"Title: Misrata\r\nDate: 2019-04-10\r\n\r\nLine one.\r\nLine two.\r\n",
        );
        let (corpus, problems) = Corpus::load_dir(dir.path());
        let article = &corpus.articles[0];
        assert_eq!(article.title, "Misrata");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2019, 4, 10));
        assert_eq!(article.body, "Line one.\r\nLine two.\r\n");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_empty_file_loads_as_an_empty_undated_article_with_a_warning() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "empty.txt", b"");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].body, "");
        assert_eq!(corpus.articles[0].title, "empty");
        assert_eq!(corpus.articles[0].date_basis, DateBasis::Undated);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("empty"), "{}", problems[0]);
    }

    #[test]
    fn a_ten_megabyte_one_line_file_loads_without_trouble() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut file = fs::File::create(dir.path().join("big.txt")).expect("create");
        let line = "Tripoli, April 4 fighting near the airport ".repeat(10 * 1024 * 1024 / 43 + 1);
        file.write_all(line.as_bytes()).expect("write");
        drop(file);
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles.len(), 1);
        assert!(corpus.articles[0].body.len() >= 10 * 1024 * 1024);
        assert_eq!(
            corpus.articles[0].title, "big",
            "a 10 MB line is not a title"
        );
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_article_above_twenty_megabytes_is_refused_with_a_message() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.txt");
        let file = fs::File::create(&path).expect("create");
        // A sparse file: the size is what matters, the reader must refuse it before reading.
        file.set_len(MAX_ARTICLE_BYTES + 1).expect("set_len");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert!(corpus.articles.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("above the limit"),
            "{}",
            problems[0]
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_file_is_reported_and_the_others_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("a.txt"))
            .expect("symlink");
        write(dir.path(), "b.txt", b"text");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("cannot read"),
            "{}",
            problems[0]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_skipped_with_a_message_and_one_inside_is_read() {
        let outside = tempfile::tempdir().expect("tempdir");
        let secret = write(
            outside.path(),
            "secret.txt",
            b"date 2019-04-09\nTripoli secret",
        );
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "a.txt", b"date 2019-04-09\nTripoli");
        std::os::unix::fs::symlink(&secret, dir.path().join("b.txt")).expect("symlink");
        std::os::unix::fs::symlink("a.txt", dir.path().join("c.txt")).expect("symlink");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].file.ends_with("b.txt"));
        assert!(problems[0].message.contains("outside the folder"));
    }

    #[cfg(unix)]
    #[test]
    fn with_follow_outside_links_a_link_out_of_the_folder_is_read_but_never_one_into_proc() {
        let outside = tempfile::tempdir().expect("tempdir");
        let other = write(outside.path(), "other.txt", b"date 2019-04-09\nTripoli");
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(&other, dir.path().join("b.txt")).expect("symlink");
        std::os::unix::fs::symlink("/proc/self/status", dir.path().join("p.txt")).expect("symlink");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.txt")).expect("symlink");
        let follow = LoadOptions {
            follow_outside_links: true,
        };
        let (corpus, problems) = Corpus::load_dir_with(dir.path(), follow);
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert_eq!(corpus.articles[0].body, "Tripoli");
        assert_eq!(problems.len(), 2, "{problems:?}");
        for (p, name) in problems.iter().zip(["p.txt", "z.txt"]) {
            assert!(p.file.ends_with(name), "{p}");
            assert!(p.message.contains("a system folder"), "{p}");
        }
        // The default still skips it, and says how to load it.
        let (corpus, problems) = Corpus::load_path(dir.path());
        assert!(corpus.articles.is_empty());
        assert!(
            problems[0].message.contains("--follow-outside-links"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn dates_outside_years_1_to_9999_are_no_dates() {
        assert_eq!(
            parse_iso_date("2019-04-04"),
            NaiveDate::from_ymd_opt(2019, 4, 4)
        );
        assert_eq!(parse_iso_date("10000-01-01"), None);
        assert_eq!(parse_iso_date("+12019-04-04"), None);
        assert_eq!(parse_iso_date("0000-01-01"), None);
        assert_eq!(parse_iso_date("2019-02-30"), None);
    }

    #[test]
    fn a_missing_folder_is_one_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (corpus, problems) = Corpus::load_dir(&dir.path().join("nope"));
        assert!(corpus.articles.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, crate::problem::Severity::Error);
    }

    #[test]
    fn two_files_with_one_stem_get_distinct_ids() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "a.md", b"one");
        write(dir.path(), "a.txt", b"two");
        let (corpus, problems) = Corpus::load_dir(dir.path());
        let ids: Vec<_> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a.txt"]);
        assert_eq!(problems.len(), 1);
    }
}
