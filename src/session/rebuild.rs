//! Loading the data with the user's own (gazetteer additions, date overrides) and rebuilding it
//! after a change: what the app does on start, after an import, a date set or a place added, and
//! what the command line (`extract`, `check`, `render`) does, so both see the same data.
//!
//! Every change of data is one [`Rebuild`]: it reads new files, applies date overrides, reloads the
//! gazetteer when asked, extracts only what changed (all articles after a gazetteer change) and
//! indexes. It runs on the caller's thread; the app runs it as a background job.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{Article, Corpus, LoadOptions};
use crate::extract::{ArticleExtraction, ArticleIdx, Source, extract_article, list_problems};
use crate::gazetteer::Gazetteer;
use crate::index::Index;
use crate::problem::Problem;
use crate::session::dataset::Dataset;
use crate::session::userdata::{DateOverrides, UserDataDir};

use super::derived::Model;

/// Where the data comes from: what `newsatlas` (the app or a command) was started with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// The project root: the folder with `data/` and `seeds/`.
    pub root: PathBuf,
    /// Articles to open instead of the bundled seeds: a folder of .txt/.md files or a .csv file.
    pub corpus: Option<PathBuf>,
    /// A gazetteer file to use instead of `data/gazetteer.toml`.
    pub gazetteer: Option<PathBuf>,
    /// How folders of articles are read (`--follow-outside-links`).
    pub corpus_options: LoadOptions,
    /// Events to open instead of articles (`--events`): a `GeoParquet` file or a folder of them
    /// (see [`super::events_file`]).
    pub events: Option<PathBuf>,
    /// An event dataset (ACLED CSV, GDELT events) the app opens as a layer beside the data
    /// (`--layer`, see [`super::recorded`]).
    pub layer: Option<PathBuf>,
}

impl RunOptions {
    /// The gazetteer files these options name.
    pub fn gazetteer_files(&self) -> GazetteerFiles {
        GazetteerFiles::from_options(&self.root, self.gazetteer.as_deref())
    }
}

/// The curated gazetteer file in `data/`, which `--gazetteer FILE` replaces.
pub const CURATED_FILE: &str = "gazetteer.toml";

/// The curated and broad gazetteer files the app was started with (the user layer is separate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerFiles {
    pub curated: PathBuf,
    pub broad: Option<PathBuf>,
}

impl GazetteerFiles {
    /// `data/gazetteer.toml` (or the file given with `--gazetteer`) and `data/places_broad.tsv`
    /// (or `.tsv.gz`), as the command line uses them.
    pub fn from_options(root: &Path, gazetteer: Option<&Path>) -> GazetteerFiles {
        let data = root.join("data");
        GazetteerFiles {
            curated: gazetteer.map_or_else(|| data.join(CURATED_FILE), Path::to_path_buf),
            broad: Some(crate::gazetteer::broad_layer_in(&data)),
        }
    }

    /// Loads the layers, with the user's additions from `user` when given, through the
    /// gazetteer index cache ([`crate::gazetteer::default_cache_dir`]).
    pub fn load(&self, user: Option<&UserDataDir>) -> (Gazetteer, Vec<Problem>) {
        let user_file = user.map(UserDataDir::gazetteer);
        Gazetteer::load_cached(
            &self.curated,
            self.broad.as_deref(),
            user_file.as_deref(),
            crate::gazetteer::default_cache_dir().as_deref(),
        )
    }
}

/// The options' articles with the user's date overrides applied; the problems of the corpus,
/// then those of the overrides file.
pub fn load_corpus(options: &RunOptions, user: Option<&UserDataDir>) -> (Corpus, Vec<Problem>) {
    let (mut corpus, mut problems) = match &options.corpus {
        Some(path) => Corpus::load_path_with(path, options.corpus_options),
        None => Corpus::load_bundled(&options.root),
    };
    if let Some(user) = user {
        let (dates, p) = DateOverrides::load(&user.dates());
        problems.extend(p);
        dates.apply(&mut corpus.articles);
    }
    (corpus, problems)
}

/// The options' gazetteer with the user's additions.
pub fn load_gazetteer(
    options: &RunOptions,
    user: Option<&UserDataDir>,
) -> (Gazetteer, Vec<Problem>) {
    options.gazetteer_files().load(user)
}

/// The dataset as the app starts with it (and as `newsatlas render` draws it): the options'
/// corpus and gazetteer, with the user's gazetteer additions and date overrides applied.
/// Problems come in this order: the gazetteer's, the corpus', the date overrides'.
/// `progress` hears how far the reading of events (`--events`) is.
pub fn load_with_user_data(
    options: &RunOptions,
    user: Option<&UserDataDir>,
    progress: &dyn Fn(Progress),
) -> Dataset {
    if let Some(events) = &options.events {
        let read = |p: super::events_file::ReadProgress| {
            progress(Progress {
                stage: Stage::Events,
                done: p.rows,
                total: p.total,
            });
        };
        return open_events_or_nothing(events, &read, &|| false);
    }
    let (gazetteer, mut problems) = load_gazetteer(options, user);
    let (corpus, corpus_problems) = load_corpus(options, user);
    problems.extend(corpus_problems);
    Dataset::build(corpus, Arc::new(gazetteer), problems)
}

/// The events of `path` as a dataset ([`super::events_file::load_events`]); when they cannot be
/// opened, an empty dataset whose one problem says why (the app shows it).
pub fn open_events_or_nothing(
    path: &Path,
    progress: &dyn Fn(super::events_file::ReadProgress),
    cancelled: &dyn Fn() -> bool,
) -> Dataset {
    super::events_file::load_events(path, progress, cancelled).unwrap_or_else(|message| {
        let problems = vec![Problem::error(path, None, message)];
        Dataset {
            articles: Arc::default(),
            gazetteer: Arc::new(Gazetteer::from_places(Vec::new())),
            extractions: Arc::default(),
            index: Index::build(&[], &[]),
            problems,
        }
    })
}

/// Which gazetteer a rebuild uses.
pub enum GazetteerChoice {
    /// The current one (imports, date changes).
    Keep(Arc<Gazetteer>),
    /// Load it again with the user layer (after an addition): every article is re-extracted.
    Reload(GazetteerFiles, Option<UserDataDir>),
}

/// What a rebuild starts from.
pub struct Rebuild {
    /// The current articles, shared with the dataset shown; the rebuild copies them on its own
    /// thread.
    pub articles: Arc<Vec<Article>>,
    /// One per article, shared likewise.
    pub extractions: Arc<Vec<ArticleExtraction>>,
    /// Folders, CSV files and text files to add.
    pub add: Vec<PathBuf>,
    /// How the folders in `add` are read.
    pub add_options: LoadOptions,
    /// Events to open instead of the data (a `GeoParquet` file or folder, see
    /// [`super::events_file`]): the rebuild then reads only them; when they cannot be opened
    /// the current data stays, with the reason.
    pub events: Option<PathBuf>,
    pub gazetteer: GazetteerChoice,
    pub dates: DateOverrides,
    pub problems: Vec<Problem>,
}

impl Rebuild {
    /// A rebuild of the current data (or of nothing), extracting nothing again by default.
    pub fn from_model(
        model: Option<&Model>,
        gazetteer: GazetteerChoice,
        dates: DateOverrides,
    ) -> Rebuild {
        match model {
            Some(m) => Rebuild {
                articles: Arc::clone(&m.dataset.articles),
                extractions: Arc::clone(&m.dataset.extractions),
                add: Vec::new(),
                add_options: LoadOptions::default(),
                events: None,
                gazetteer,
                dates,
                problems: m.dataset.problems.clone(),
            },
            None => Rebuild {
                articles: Arc::default(),
                extractions: Arc::default(),
                add: Vec::new(),
                add_options: LoadOptions::default(),
                events: None,
                gazetteer,
                dates,
                problems: Vec::new(),
            },
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Starting,
    Reading,
    Gazetteer,
    Extracting,
    Indexing,
    /// Reading events from `GeoParquet`: `done` rows of `total`.
    Events,
}

/// How far a rebuild is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// "Extracting 37/120…".
    pub fn text(&self) -> String {
        match self.stage {
            Stage::Starting => "Starting…".to_owned(),
            Stage::Reading => format!("Reading {}/{}…", self.done, self.total),
            Stage::Gazetteer => "Loading the gazetteer…".to_owned(),
            Stage::Extracting => format!("Extracting {}/{}…", self.done, self.total),
            Stage::Indexing => "Indexing…".to_owned(),
            Stage::Events => format!("Reading events {}/{}…", self.done, self.total),
        }
    }

    pub fn fraction(&self) -> f32 {
        match self.stage {
            Stage::Starting | Stage::Reading | Stage::Gazetteer => 0.0,
            Stage::Extracting | Stage::Events if self.total > 0 => {
                self.done as f32 / self.total as f32
            }
            Stage::Extracting | Stage::Indexing | Stage::Events => 1.0,
        }
    }
}

/// Runs a rebuild (on the caller's thread); `progress` is called from worker threads.
#[cfg(test)]
pub fn rebuild(input: Rebuild, progress: &(dyn Fn(Progress) + Sync)) -> (Dataset, String) {
    rebuild_cancellable(input, progress, &|| false)
}

/// [`rebuild`], extracting nothing more once `cancelled` says so (the articles left are then
/// empty: the caller drops such a result).
pub fn rebuild_cancellable(
    input: Rebuild,
    progress: &(dyn Fn(Progress) + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> (Dataset, String) {
    let Rebuild {
        articles,
        extractions,
        add,
        add_options,
        events,
        gazetteer,
        dates,
        mut problems,
    } = input;
    let mut failed = None;
    if let Some(path) = events {
        let read = |p: super::events_file::ReadProgress| {
            progress(Progress {
                stage: Stage::Events,
                done: p.rows,
                total: p.total,
            });
        };
        match super::events_file::load_events(&path, &read, &|| cancelled()) {
            Ok(dataset) => {
                let summary = format!(
                    "Opened {} event(s) of {} article(s) from {}",
                    dataset.index.events.len(),
                    dataset.articles.len(),
                    path.display()
                );
                return (dataset, summary);
            }
            Err(message) => {
                // The current data stays; the reason is listed with its problems.
                failed = Some(format!("Cannot open {}: {message}", path.display()));
                problems.push(Problem::error(&path, None, message));
            }
        }
    }
    // The copies are made here, off the UI thread (which still shows the current dataset).
    let mut articles = Arc::unwrap_or_clone(articles);
    // One per article; `None` means "extract again".
    let mut extractions: Vec<Option<ArticleExtraction>> = Arc::unwrap_or_clone(extractions)
        .into_iter()
        .map(Some)
        .collect();
    extractions.resize(articles.len(), None);
    let mut added = 0;
    let mut known: HashSet<(PathBuf, String)> = articles
        .iter()
        .map(|a| (a.file.clone(), a.id.clone()))
        .collect();
    for (i, path) in add.iter().enumerate() {
        progress(Progress {
            stage: Stage::Reading,
            done: i,
            total: add.len(),
        });
        let (corpus, p) = Corpus::load_path_with(path, add_options);
        problems.extend(p);
        for article in corpus.articles {
            if !known.insert((article.file.clone(), article.id.clone())) {
                problems.push(Problem::warning(
                    &article.file,
                    None,
                    "this article is already open; it is not added twice",
                ));
                continue;
            }
            articles.push(article);
            extractions.push(None);
            added += 1;
        }
    }
    for i in dates.apply(&mut articles) {
        extractions[i] = None;
    }
    let gazetteer = match gazetteer {
        GazetteerChoice::Keep(g) => g,
        GazetteerChoice::Reload(files, user) => {
            progress(Progress {
                stage: Stage::Gazetteer,
                done: 0,
                total: 0,
            });
            let (g, p) = files.load(user.as_ref());
            problems.extend(p);
            extractions.fill(None);
            Arc::new(g)
        }
    };
    let todo: Vec<usize> = (0..articles.len())
        .filter(|&i| extractions[i].is_none())
        .collect();
    let total = todo.len();
    progress(Progress {
        stage: Stage::Extracting,
        done: 0,
        total,
    });
    let done = AtomicUsize::new(0);
    let fresh: Vec<(usize, ArticleExtraction)> = todo
        .par_iter()
        .map(|&i| {
            if cancelled() {
                return (i, ArticleExtraction::default());
            }
            let a = &articles[i];
            let idx = ArticleIdx(u32::try_from(i).unwrap_or(u32::MAX));
            let x = extract_article(idx, &a.body.text(), a.published, Source::of(a), &gazetteer);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress {
                stage: Stage::Extracting,
                done: n,
                total,
            });
            (i, x)
        })
        .collect();
    for (i, x) in fresh {
        extractions[i] = Some(x);
    }
    progress(Progress {
        stage: Stage::Indexing,
        done: total,
        total,
    });
    let extractions: Vec<ArticleExtraction> = extractions
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    for (article, x) in articles.iter().zip(&extractions) {
        problems.extend(list_problems(article, x));
    }
    let published: Vec<_> = articles.iter().map(|a| a.published).collect();
    let index = Index::build(&extractions, &published);
    // Problems met again (the gazetteer's, on a reload) are listed once.
    let mut seen = HashSet::new();
    problems.retain(|p| seen.insert(p.to_string()));
    let summary = if let Some(failed) = failed {
        failed
    } else if add.is_empty() {
        format!("Updated: {total} article(s) extracted again")
    } else {
        format!("Added {added} article(s)")
    };
    let dataset = Dataset {
        articles: Arc::new(articles),
        gazetteer,
        extractions: Arc::new(extractions),
        index,
        problems,
    };
    (dataset, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_stage_and_count() {
        let p = Progress {
            stage: Stage::Extracting,
            done: 37,
            total: 120,
        };
        assert_eq!(p.text(), "Extracting 37/120…");
        assert!((p.fraction() - 37.0 / 120.0).abs() < 1e-6);
    }

    #[test]
    fn a_rebuild_adds_files_reports_progress_and_skips_repeats() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("a.txt"),
            "date 2019-04-05\n\nClashes in Tripoli.",
        )
        .expect("w");
        std::fs::write(
            dir.path().join("b.md"),
            "Fighting near Misrata was reported.",
        )
        .expect("w");
        let g = Arc::new(Gazetteer::from_toml_str(
            "[[place]]\nid = \"tripoli-ly\"\nname = \"Tripoli\"\nkind = \"city\"\nlat = 32.9\nlon = 13.2\n",
            Path::new("g.toml"),
        ).0);
        let input = Rebuild {
            articles: Arc::default(),
            extractions: Arc::default(),
            add: vec![dir.path().to_path_buf(), dir.path().join("a.txt")],
            add_options: LoadOptions::default(),
            events: None,
            gazetteer: GazetteerChoice::Keep(g),
            dates: DateOverrides::default(),
            problems: Vec::new(),
        };
        let seen = std::sync::Mutex::new(Vec::new());
        let (ds, summary) = rebuild(input, &|p| seen.lock().expect("lock").push(p));
        assert_eq!(ds.articles.len(), 2, "{:?}", ds.problems);
        assert_eq!(summary, "Added 2 article(s)");
        assert!(
            ds.problems
                .iter()
                .any(|p| p.message.contains("already open"))
        );
        let seen = seen.into_inner().expect("lock");
        assert!(seen.contains(&Progress {
            stage: Stage::Extracting,
            done: 2,
            total: 2
        }));
        assert_eq!(ds.extraction(ArticleIdx(0)).events.len(), 1);
    }
}
