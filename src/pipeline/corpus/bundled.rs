//! The bundled seeds: `data/articles.toml` says what each file in `seeds/` is (title, outlet,
//! byline, publication date and its basis); the text rules give the body.
//!
//! The manifest is read leniently: a bad entry is reported on its line and the rest load; a
//! missing or unparsable manifest is reported and the seeds load with the folder rules.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::{Spanned, Value};

use super::text;
use super::{Article, Corpus, DateBasis, MAX_ARTICLE_BYTES, article_files_in, read_text_file};
use crate::problem::{Problem, line_of_offset};

/// The manifest, relative to the project root.
pub const MANIFEST: &str = "data/articles.toml";
/// The seed folder, relative to the project root.
pub const SEEDS: &str = "seeds";

const KEYS: [&str; 10] = [
    "id",
    "file",
    "title",
    "title_descriptive",
    "outlet",
    "byline",
    "published",
    "basis",
    "reason",
    "note",
];

type RawEntry = BTreeMap<String, Spanned<Value>>;

#[derive(Deserialize)]
struct RawManifest {
    #[serde(default)]
    article: Vec<Spanned<RawEntry>>,
}

pub fn load(root: &Path) -> (Corpus, Vec<Problem>) {
    let manifest_path = root.join(MANIFEST);
    let seeds_dir = root.join(SEEDS);
    let mut problems = Vec::new();
    let mut corpus = Corpus::default();
    let mut described = HashSet::new();

    let manifest_limit = super::Limit {
        bytes: 16 * 1024 * 1024,
        what: "the article list",
    };
    let read = super::read_file(&manifest_path, manifest_limit)
        .map_err(|e| (None, e.to_string()))
        .and_then(|bytes| crate::problem::utf8_text(bytes).map_err(|(line, e)| (Some(line), e)));
    match read {
        Ok(source) => match toml::from_str::<RawManifest>(&source) {
            Ok(manifest) => {
                let mut ids = HashSet::new();
                let mut ctx = Ctx { root, source: &source, path: &manifest_path, problems: &mut problems };
                for entry in &manifest.article {
                    if let Some(mut article) = ctx.entry(entry, &mut ids) {
                        article.body.pack();
                        described.insert(article.file.clone());
                        corpus.articles.push(article);
                    }
                }
            }
            Err(err) => {
                let line = err.span().map(|s| line_of_offset(&source, s.start));
                let message = err.message().trim().to_string();
                problems.push(Problem::error(
                    &manifest_path,
                    line,
                    format!("{message}; the seeds are loaded without their descriptions"),
                ));
            }
        },
        Err((line, err)) => problems.push(Problem::error(
            &manifest_path,
            line,
            format!("cannot read the article list: {err}; the seeds are loaded without their descriptions"),
        )),
    }

    // Seeds the manifest does not describe still load, with the folder rules.
    match article_files_in(&seeds_dir, &mut problems) {
        Ok(files) => {
            for path in files.into_iter().filter(|p| !described.contains(p)) {
                let (
                    Corpus {
                        articles: mut extra,
                    },
                    file_problems,
                ) = Corpus::load_file(&path);
                if !extra.is_empty() {
                    problems.push(Problem::warning(
                        &path,
                        None,
                        format!("not described in {MANIFEST}; loaded with the folder rules"),
                    ));
                }
                problems.extend(file_problems);
                corpus.articles.append(&mut extra);
            }
        }
        Err(err) => problems.push(Problem::error(
            &seeds_dir,
            None,
            format!("cannot read the seed folder ({err})"),
        )),
    }
    (corpus, problems)
}

struct Ctx<'a> {
    root: &'a Path,
    source: &'a str,
    path: &'a Path,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        line_of_offset(self.source, span.start)
    }

    fn error(&mut self, span: std::ops::Range<usize>, message: String) {
        let line = self.line(span);
        self.problems
            .push(Problem::error(self.path, Some(line), message));
    }

    fn warning(&mut self, span: std::ops::Range<usize>, message: String) {
        let line = self.line(span);
        self.problems
            .push(Problem::warning(self.path, Some(line), message));
    }

    /// A string field; `None` when absent, reported when of another type.
    fn string(&mut self, entry: &RawEntry, key: &str) -> Option<(String, std::ops::Range<usize>)> {
        let value = entry.get(key)?;
        if let Some(s) = value.get_ref().as_str() {
            Some((s.trim().to_string(), value.span()))
        } else {
            self.error(
                value.span(),
                format!(
                    "`{key}` must be a string, found {}",
                    value.get_ref().type_str()
                ),
            );
            None
        }
    }

    fn required(
        &mut self,
        entry: &Spanned<RawEntry>,
        key: &str,
    ) -> Option<(String, std::ops::Range<usize>)> {
        let found = self
            .string(entry.get_ref(), key)
            .filter(|(s, _)| !s.is_empty());
        if found.is_none()
            && entry
                .get_ref()
                .get(key)
                .is_none_or(|v| v.get_ref().is_str())
        {
            self.error(
                entry.span(),
                format!("this article has no `{key}`, expected `{key} = \"...\"`"),
            );
        }
        found
    }

    fn entry(&mut self, entry: &Spanned<RawEntry>, ids: &mut HashSet<String>) -> Option<Article> {
        let raw = entry.get_ref();
        for (key, value) in raw {
            if !KEYS.contains(&key.as_str()) {
                self.warning(
                    value.span(),
                    format!("unknown key `{key}`, expected one of {}", KEYS.join(", ")),
                );
            }
        }
        let (id, id_span) = self.required(entry, "id")?;
        let (file, file_span) = self.required(entry, "file")?;
        if !ids.insert(id.clone()) {
            self.error(
                id_span,
                format!("the id `{id}` is used twice; this entry is skipped"),
            );
            return None;
        }
        let path: PathBuf = self.root.join(&file);
        if Path::new(&file)
            .file_stem()
            .is_none_or(|stem| stem.to_string_lossy() != id)
        {
            self.warning(
                id_span,
                format!("the id `{id}` is not the stem of `{file}`, expected ids to be file stems"),
            );
        }
        let text_file = match read_text_file(&path, MAX_ARTICLE_BYTES) {
            Ok(text_file) => text_file,
            Err(err) => {
                self.error(
                    file_span,
                    format!("`{file}`: {err}; this article is skipped"),
                );
                return None;
            }
        };
        if text_file.lossy {
            self.problems.push(Problem::warning(
                &path,
                text_file.first_invalid_line,
                "the file is not valid UTF-8; invalid bytes were replaced by U+FFFD",
            ));
        }
        let parsed = text::parse(&text_file.text);
        let title = self
            .required(entry, "title")
            .map_or_else(|| id.clone(), |(t, _)| t);
        let descriptive = match raw.get("title_descriptive") {
            None => false,
            Some(v) => v.get_ref().as_bool().unwrap_or_else(|| {
                self.error(
                    v.span(),
                    "`title_descriptive` must be true or false".to_string(),
                );
                false
            }),
        };
        let outlet = self
            .string(raw, "outlet")
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty());
        let byline = self
            .string(raw, "byline")
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty());
        let note = self
            .string(raw, "note")
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty());
        let note = match (descriptive, note) {
            (true, Some(note)) => Some(format!(
                "Descriptive title: the article has no headline. {note}"
            )),
            (true, None) => Some("Descriptive title: the article has no headline.".to_string()),
            (false, note) => note,
        };
        let (published, date_basis) = self.date(entry, &parsed, &file);
        Some(Article {
            id,
            file: path,
            title,
            outlet: outlet.map(Into::into),
            byline: byline.map(Into::into),
            published,
            date_basis,
            body: text_file.text[parsed.body_start..].into(),
            body_offset: text_file.bom_len + parsed.body_start,
            note: note.map(Into::into),
            url: None,
        })
    }

    /// `published` and `basis`, checked against what the file itself says.
    fn date(
        &mut self,
        entry: &Spanned<RawEntry>,
        parsed: &text::Parsed,
        file: &str,
    ) -> (Option<NaiveDate>, DateBasis) {
        let raw = entry.get_ref();
        let Some((basis, basis_span)) = self.required(entry, "basis") else {
            return (None, DateBasis::Undated);
        };
        let published = match raw.get("published") {
            None => None,
            Some(value) => {
                let written = match value.get_ref() {
                    Value::String(s) => s.trim().to_string(),
                    Value::Datetime(d) => d.to_string(),
                    other => other.to_string(),
                };
                let Ok(date) = NaiveDate::parse_from_str(&written, "%Y-%m-%d") else {
                    self.error(
                        value.span(),
                        format!(
                            "`published = {written}` is not a date, expected \"YYYY-MM-DD\"; \
                             the article is left undated"
                        ),
                    );
                    return (None, DateBasis::Undated);
                };
                Some((date, value.span()))
            }
        };
        if basis == "undated" {
            if let Some((_, span)) = published {
                self.warning(
                    span,
                    "`basis = \"undated\"` but `published` is given; the date is ignored"
                        .to_string(),
                );
            }
            return (None, DateBasis::Undated);
        }
        let known = ["header", "dateline", "inferred"];
        if !known.contains(&basis.as_str()) {
            self.error(basis_span, format!("unknown basis `{basis}`, expected header, dateline, inferred or undated; the article is left undated"));
            return (None, DateBasis::Undated);
        }
        let Some((date, date_span)) = published else {
            self.error(entry.span(), format!("`basis = \"{basis}\"` needs `published = \"YYYY-MM-DD\"`; the article is left undated"));
            return (None, DateBasis::Undated);
        };
        let date_basis = match basis.as_str() {
            "header" => {
                let in_file = parsed.token_date.or(if parsed.basis == DateBasis::Header {
                    parsed.published
                } else {
                    None
                });
                if in_file != Some(date) {
                    let found = in_file.map_or_else(
                        || "no `date YYYY-MM-DD` header".to_string(),
                        |d| format!("the header date {d}"),
                    );
                    self.warning(
                        date_span,
                        format!("`{file}` has {found}, expected the header to say {date}"),
                    );
                }
                DateBasis::Header
            }
            "dateline" => match &parsed.dateline {
                Some(d)
                    if (d.month, d.day)
                        == (chrono::Datelike::month(&date), chrono::Datelike::day(&date)) =>
                {
                    DateBasis::Dateline {
                        year_inferred: d.year.is_none(),
                    }
                }
                Some(d) => {
                    self.warning(date_span, format!("the dateline of `{file}` says month {} day {}, expected it to agree with {date}", d.month, d.day));
                    DateBasis::Dateline {
                        year_inferred: d.year.is_none(),
                    }
                }
                None => {
                    self.warning(basis_span, format!("`{file}` has no dateline at its start, expected one like \"ROME, April 19 (Xinhua)\""));
                    DateBasis::Dateline {
                        year_inferred: true,
                    }
                }
            },
            _ => {
                let reason = self
                    .string(raw, "reason")
                    .map(|(r, _)| r)
                    .filter(|r| !r.is_empty());
                let reason = reason.unwrap_or_else(|| {
                    self.error(basis_span, "`basis = \"inferred\"` needs a `reason` saying how the date was worked out".to_string());
                    "no reason recorded".to_string()
                });
                DateBasis::Inferred { reason }
            }
        };
        (Some(date), date_basis)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::problem::Severity;

    fn project(manifest: &str, seeds: &[(&str, &str)]) -> tempfile::TempDir {
        let root = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(root.path().join("data")).expect("mkdir data");
        fs::create_dir_all(root.path().join(SEEDS)).expect("mkdir seeds");
        fs::write(root.path().join(MANIFEST), manifest).expect("write manifest");
        for (name, text) in seeds {
            fs::write(root.path().join(SEEDS).join(name), text).expect("write seed");
        }
        root
    }

    #[test]
    fn a_described_seed_takes_its_title_date_and_basis_from_the_manifest() {
        let root = project(
            "[[article]]\nid = \"a\"\nfile = \"seeds/a.txt\"\ntitle = \"Talks in Rome\"\ntitle_descriptive = true\noutlet = \"Xinhua\"\nbyline = \"\"\npublished = \"2019-04-19\"\nbasis = \"dateline\"\nnote = \"Year inferred.\"\n",
            &[("a.txt", "by Someone\nROME, April 19 (Xinhua) -- Talks.")],
        );
        let (corpus, problems) = load(root.path());
        assert!(problems.is_empty(), "{problems:?}");
        let a = &corpus.articles[0];
        assert_eq!(a.title, "Talks in Rome");
        assert_eq!(a.outlet.as_deref(), Some("Xinhua"));
        assert_eq!(a.byline, None);
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 4, 19));
        assert_eq!(
            a.date_basis,
            DateBasis::Dateline {
                year_inferred: true
            }
        );
        assert_eq!(a.body_offset, 0);
        assert!(
            a.note.as_deref().is_some_and(
                |n| n.starts_with("Descriptive title") && n.ends_with("Year inferred.")
            )
        );
    }

    #[test]
    fn a_header_seed_has_its_body_after_the_date_token() {
        let root = project(
            "[[article]]\nid = \"a\"\nfile = \"seeds/a.txt\"\ntitle = \"T\"\npublished = \"2019-04-28\"\nbasis = \"header\"\n",
            &[("a.txt", " date 2019-04-28 ROME – text")],
        );
        let (corpus, problems) = load(root.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(corpus.articles[0].body, "ROME – text");
        assert_eq!(corpus.articles[0].body_offset, 17);
    }

    #[test]
    fn manifest_problems_are_reported_on_their_lines_and_the_good_entries_load() {
        let manifest = "\
[[article]]
id = \"gone\"
file = \"seeds/gone.txt\"
title = \"Missing\"
published = \"2019-04-01\"
basis = \"header\"

[[article]]
id = \"a\"
file = \"seeds/a.txt\"
title = \"Bad date\"
published = \"2019-13-01\"
basis = \"header\"

[[article]]
id = \"b\"
file = \"seeds/b.txt\"
title = \"Odd basis\"
published = \"2019-04-01\"
basis = \"rumour\"
";
        let root = project(manifest, &[("a.txt", "date 2019-04-01 x"), ("b.txt", "y")]);
        let (corpus, problems) = load(root.path());
        let lines: Vec<_> = problems.iter().map(|p| (p.severity, p.line)).collect();
        assert_eq!(
            lines,
            [
                (Severity::Error, Some(3)),
                (Severity::Error, Some(12)),
                (Severity::Error, Some(20))
            ],
            "{problems:?}"
        );
        assert!(
            problems[0].to_string().contains("articles.toml:3: error:"),
            "{}",
            problems[0]
        );
        assert_eq!(corpus.articles.len(), 2);
        assert!(
            corpus
                .articles
                .iter()
                .all(|a| a.date_basis == DateBasis::Undated)
        );
    }

    #[test]
    fn an_inferred_date_needs_a_reason() {
        let root = project(
            "[[article]]\nid = \"a\"\nfile = \"seeds/a.txt\"\ntitle = \"T\"\npublished = \"2019-04-09\"\nbasis = \"inferred\"\n",
            &[("a.txt", "text")],
        );
        let (corpus, problems) = load(root.path());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("reason"));
        assert!(matches!(
            corpus.articles[0].date_basis,
            DateBasis::Inferred { .. }
        ));
    }

    #[test]
    fn a_header_date_that_disagrees_with_the_file_is_a_warning() {
        let root = project(
            "[[article]]\nid = \"a\"\nfile = \"seeds/a.txt\"\ntitle = \"T\"\npublished = \"2019-04-09\"\nbasis = \"header\"\n",
            &[("a.txt", "date 2019-04-10 text")],
        );
        let (_, problems) = load(root.path());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(5));
    }

    #[test]
    fn a_broken_manifest_is_reported_and_the_seeds_still_load() {
        let root = project("[[article]\nid = ", &[("a.txt", "date 2019-04-10 text")]);
        let (corpus, problems) = load(root.path());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(
            corpus.articles[0].published,
            NaiveDate::from_ymd_opt(2019, 4, 10)
        );
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(problems[0].line, Some(1));
        assert!(problems.iter().any(|p| p.message.contains("not described")));
    }

    #[test]
    fn the_bundled_manifest_describes_every_seed_without_problems() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (corpus, problems) = load(root);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(corpus.articles.len(), 5);
        let dates: Vec<_> = corpus
            .articles
            .iter()
            .map(|a| (a.published.map(|d| d.to_string()), a.date_basis.as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                (Some("2019-04-28".to_string()), "header"),
                (Some("2020-02-19".to_string()), "header"),
                (Some("2019-04-19".to_string()), "dateline"),
                (Some("2019-05-08".to_string()), "dateline"),
                (Some("2019-04-09".to_string()), "inferred"),
            ]
        );
        assert!(
            corpus.articles[0]
                .body
                .text()
                .starts_with("ROME – Italian Prime Minister")
        );
        assert_eq!(corpus.articles[4].body_offset, 0);
    }
}
