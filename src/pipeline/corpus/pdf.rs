//! PDF reports with a text layer (`.pdf`), read with `lopdf`: the text of every page in the order
//! its content stream draws it (reading order for the reports word processors and publishing
//! tools write), pages apart by a blank line.
//!
//! Key decisions:
//! - **Title**: the document's `/Title`, else the first short line of the first page.
//! - **Date**: the document's `/CreationDate` (`DateBasis::Metadata`), else a full date written
//!   on the first page ("Issued 14 October 2022", `DateBasis::Inferred` with the words), else the
//!   text rules of a plain file (a dateline); else undated. The outlet is the `/Author`.
//! - **No text** (a scanned PDF: pages that are pictures) is one clear error: the file needs OCR.
//! - **Bounds**: files up to [`MAX_PDF_BYTES`], the first [`MAX_PDF_PAGES`] pages, each page's
//!   decompressed content up to [`MAX_PAGE_CONTENT_BYTES`] (a compression bomb fails on its page,
//!   the others are kept), the text up to the article limit. A PDF locked with a password is
//!   refused with that reason; one only restricted (empty user password) is read. Any panic
//!   inside the PDF library is caught and reported as a failure on that file.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use lopdf::{Document, Object};

use super::{Article, DateBasis, MAX_ARTICLE_BYTES, text};
use crate::problem::Problem;

/// PDFs above this size are refused: a long report with pictures is a few megabytes.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;

/// Only the first pages are read: the story of a report is at its front.
pub const MAX_PDF_PAGES: u32 = 500;

/// One page's content, decompressed, at most this many bytes.
pub const MAX_PAGE_CONTENT_BYTES: usize = 8 * 1024 * 1024;

/// How much of the first page is searched for the report's date.
const FIRST_PAGE_DATE_CHARS: usize = 600;

/// Reads a PDF. `None` (with the reason in the problems) when it holds no text.
pub fn article_from_pdf(id: &str, path: &Path, bytes: &[u8]) -> (Option<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let pdf = match super::read_guarded(path, "PDF", || read_pdf(bytes)) {
        Ok(pdf) => pdf,
        Err(problem) => {
            problems.push(problem);
            return (None, problems);
        }
    };
    for note in &pdf.notes {
        problems.push(Problem::warning(path, None, note.clone()));
    }
    let body = pdf.text;
    let rules = text::parse(&body);
    let first_page: String = pdf.first_page.chars().take(FIRST_PAGE_DATE_CHARS).collect();
    let (published, date_basis) = if let Some(date) = pdf.created {
        (
            Some(date),
            DateBasis::Metadata {
                field: "the PDF's creation date".to_owned(),
            },
        )
    } else if let Some((date, words)) = first_page_date(&first_page) {
        (
            Some(date),
            DateBasis::Inferred {
                reason: format!("a date on the first page: \"{words}\""),
            },
        )
    } else {
        (rules.published, rules.basis)
    };
    if published.is_none() {
        problems.push(Problem::warning(
            path,
            None,
            "no publication date in the PDF (no creation date, no date on its first page); it \
             loads undated",
        ));
    }
    let title = pdf
        .title
        .or_else(|| {
            body.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .filter(|l| l.chars().count() < text::MAX_TITLE_CHARS)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| id.to_owned());
    let article = Article {
        id: id.to_owned(),
        file: path.to_path_buf(),
        title,
        outlet: pdf.author.or(rules.outlet).map(Into::into),
        byline: rules.byline.map(Into::into),
        published,
        date_basis,
        body: body.into(),
        body_offset: 0,
        note: None,
        url: None,
    };
    (Some(article), problems)
}

struct Pdf {
    text: String,
    first_page: String,
    title: Option<String>,
    author: Option<String>,
    created: Option<NaiveDate>,
    notes: Vec<String>,
}

fn read_pdf(bytes: &[u8]) -> Result<Pdf, String> {
    if !bytes.starts_with(b"%PDF")
        && memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF").is_none()
    {
        return Err("not a PDF (no %PDF header)".to_owned());
    }
    let doc = Document::load_mem(bytes).map_err(|e| {
        let e = e.to_string();
        if e.to_ascii_lowercase().contains("password") || e.to_ascii_lowercase().contains("decrypt")
        {
            "the PDF is locked with a password; save an unlocked copy to load it".to_owned()
        } else {
            format!("not a readable PDF ({e})")
        }
    })?;
    if doc.is_encrypted() {
        return Err(
            "the PDF is locked with a password; save an unlocked copy to load it".to_owned(),
        );
    }
    let mut notes = Vec::new();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err("the PDF has no pages".to_owned());
    }
    if pages.len() > MAX_PDF_PAGES as usize {
        notes.push(format!(
            "the PDF has {} pages; only the first {MAX_PDF_PAGES} are read",
            pages.len()
        ));
    }
    let mut text = String::new();
    let mut first_page = String::new();
    let mut failed = Vec::new();
    for &n in pages.iter().take(MAX_PDF_PAGES as usize) {
        let mut page = String::new();
        for chunk in doc.extract_text_chunks_with_limit(&[n], MAX_PAGE_CONTENT_BYTES) {
            match chunk {
                Ok(t) => page.push_str(&t),
                Err(_) => {
                    if failed.last() != Some(&n) {
                        failed.push(n);
                    }
                }
            }
        }
        let page = super::html::tidy_text(&page);
        if first_page.is_empty() {
            first_page.clone_from(&page);
        }
        if page.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&page);
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            notes.push(format!(
                "the text passes {MAX_ARTICLE_BYTES} bytes at page {n}; the rest is not read"
            ));
            break;
        }
    }
    if !failed.is_empty() {
        let mut list = String::new();
        for (i, n) in failed.iter().take(10).enumerate() {
            let _ = write!(list, "{}{n}", if i > 0 { ", " } else { "" });
        }
        notes.push(format!(
            "the text of page(s) {list}{} could not be read (damaged, or content above \
             {MAX_PAGE_CONTENT_BYTES} bytes); the other pages are kept",
            if failed.len() > 10 { ", ..." } else { "" }
        ));
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(
            "the PDF has no text layer (a scanned document: its pages are pictures); run OCR on \
             it, or save its text, to load it"
                .to_owned(),
        );
    }
    let info = info_dict(&doc);
    let field = |key: &[u8]| {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| o.as_str().ok())
            .map(pdf_string)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    Ok(Pdf {
        text,
        first_page,
        title: field(b"Title").filter(|t| t.chars().count() < 300),
        author: field(b"Author").filter(|t| t.chars().count() < 200),
        created: field(b"CreationDate").and_then(|d| pdf_date(&d)),
        notes,
    })
}

fn info_dict(doc: &Document) -> Option<&lopdf::Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    match doc.dereference(info).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// A PDF text string: UTF-16BE after a byte order mark, else `PDFDocEncoding` (read as Latin-1,
/// which it matches for letters).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// A PDF date `D:YYYYMMDDHHmmSS...`: its calendar day as written.
fn pdf_date(text: &str) -> Option<NaiveDate> {
    let digits = text.trim().strip_prefix("D:").unwrap_or(text.trim());
    let y: i32 = digits.get(0..4)?.parse().ok()?;
    let m: u32 = digits.get(4..6).map_or(Some(1), |s| s.parse().ok())?;
    let d: u32 = digits.get(6..8).map_or(Some(1), |s| s.parse().ok())?;
    NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1..=9999).contains(&y))
}

/// The first full date written on the first page, with the line it is on.
fn first_page_date(first_page: &str) -> Option<(NaiveDate, String)> {
    first_page.lines().find_map(|line| {
        super::html::loose_date(line).map(|d| (d, line.trim().chars().take(120).collect()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats")
            .join(name);
        std::fs::read(path).expect("fixture")
    }

    #[test]
    fn a_text_pdf_gives_its_text_title_author_and_creation_date() {
        let (a, problems) =
            article_from_pdf("r", Path::new("r.pdf"), &fixture("niger_delta_sitrep.pdf"));
        let a = a.expect("article");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            a.title,
            "Situation Report No. 12: Flooding in the Niger delta"
        );
        assert_eq!(a.outlet.as_deref(), Some("Relief Coordination Office"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2022, 10, 14));
        assert_eq!(a.date_basis.as_str(), "metadata");
        assert!(
            a.body
                .text()
                .contains("In Yenagoa, the state capital of Bayelsa"),
            "{}",
            a.body
        );
        // Page two follows page one.
        let one = a.body.text().find("Lokoja reported").expect("page one");
        let two = a
            .body
            .text()
            .find("The bridge at Patani")
            .expect("page two");
        assert!(one < two);
    }

    #[test]
    fn without_metadata_the_first_page_gives_the_date_and_title() {
        let (a, _) = article_from_pdf("n", Path::new("n.pdf"), &fixture("no_metadata_report.pdf"));
        let a = a.expect("article");
        assert_eq!(a.title, "Field note: the road to Goma");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 3, 3));
        assert!(
            matches!(&a.date_basis, DateBasis::Inferred { reason } if reason.contains("3 March 2023"))
        );
    }

    #[test]
    fn a_scanned_pdf_is_one_clear_error() {
        let (a, problems) =
            article_from_pdf("s", Path::new("s.pdf"), &fixture("scanned_letter.pdf"));
        assert!(a.is_none());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("no text layer"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn garbage_truncated_and_renamed_files_are_errors_not_panics() {
        let good = fixture("niger_delta_sitrep.pdf");
        for bad in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n\x00\x00",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
            &good[..good.len() / 2],
        ] {
            let (a, problems) = article_from_pdf("b", Path::new("b.pdf"), bad);
            if a.is_none() {
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert!(problems[0].to_string().contains("b.pdf"));
            }
        }
    }

    #[test]
    fn pdf_dates() {
        assert_eq!(
            pdf_date("D:20221014093000+01'00'"),
            NaiveDate::from_ymd_opt(2022, 10, 14)
        );
        assert_eq!(pdf_date("D:2019"), NaiveDate::from_ymd_opt(2019, 1, 1));
        assert_eq!(pdf_date("D:20191341"), None);
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(pdf_string(b"\xFE\xFF\x00T\x00r"), "Tr");
    }
}
