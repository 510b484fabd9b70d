//! Articles: loading the bundled seeds (described by `data/articles.toml`) and any folder of
//! `.txt`/`.md` files, with header lines, datelines and the basis of each publication date.
//!
//! INTERFACE DRAFT.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::problem::Problem;

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
    /// No date could be found. Shown as undated, never given today's date.
    Undated,
}

impl DateBasis {
    /// Short machine name: `header`, `dateline`, `inferred`, `user`, `undated`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateBasis::Header => "header",
            DateBasis::Dateline { .. } => "dateline",
            DateBasis::Inferred { .. } => "inferred",
            DateBasis::UserOverride => "user",
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
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_basis: DateBasis,
    pub body: String,
    /// Byte offset of `body` in the file, to turn body offsets into file lines.
    pub body_offset: usize,
}

/// Loaded articles plus the problems met on the way.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

impl Corpus {
    /// The bundled seeds: `data/articles.toml` describing the files in `seeds/`.
    pub fn load_bundled(root: &Path) -> (Corpus, Vec<Problem>) {
        let _ = root;
        todo!("corpus helper")
    }

    /// Any folder of `.txt`/`.md` files.
    pub fn load_dir(dir: &Path) -> (Corpus, Vec<Problem>) {
        let _ = dir;
        todo!("corpus helper")
    }
}
