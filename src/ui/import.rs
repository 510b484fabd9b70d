//! Bringing data in and changing it: File > Open folder (an in-app path field with a folder
//! listing and recent paths; no native dialog), drag and drop, the pane's "Set date" field, and
//! the background rebuild behind all of them.
//!
//! Every change of data (an import, a date override, a gazetteer addition) is one [`Rebuild`]
//! run on a named thread: it reads new files, applies date overrides, reloads the gazetteer when
//! asked, extracts only what changed (all articles after a gazetteer change) and indexes. Progress
//! and the result arrive on a bounded channel that the frame polls with `try_recv`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};

use chrono::NaiveDate;
use egui::{RichText, Ui};
use rayon::prelude::*;

use crate::corpus::{Article, Corpus};
use crate::dataset::Dataset;
use crate::extract::{ArticleExtraction, ArticleIdx, extract_article};
use crate::gazetteer::Gazetteer;
use crate::index::Index;
use crate::problem::Problem;
use crate::userdata::{DateOverrides, UserDataDir, UserGazetteer};

use super::RunOptions;
use super::derived::Model;
use super::state::{AppState, Intent, parse_date_input};

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
        let plain = data.join("places_broad.tsv");
        let broad = if plain.exists() {
            plain
        } else {
            data.join("places_broad.tsv.gz")
        };
        GazetteerFiles {
            curated: gazetteer.map_or_else(|| data.join("gazetteer.toml"), Path::to_path_buf),
            broad: Some(broad),
        }
    }

    fn load(&self, user: Option<&UserDataDir>) -> (Gazetteer, Vec<Problem>) {
        let user_file = user.map(UserDataDir::gazetteer);
        Gazetteer::load(&self.curated, self.broad.as_deref(), user_file.as_deref())
    }
}

/// The dataset as the app starts with it: the options' corpus and gazetteer, with the user's
/// gazetteer additions and date overrides applied.
pub fn load_with_user_data(options: &RunOptions, user: Option<&UserDataDir>) -> Dataset {
    let files = GazetteerFiles::from_options(&options.root, options.gazetteer.as_deref());
    let (gazetteer, mut problems) = files.load(user);
    let (mut corpus, corpus_problems) = match &options.corpus {
        Some(path) => Corpus::load_path(path),
        None => Corpus::load_bundled(&options.root),
    };
    problems.extend(corpus_problems);
    if let Some(user) = user {
        let (dates, p) = DateOverrides::load(&user.dates());
        problems.extend(p);
        dates.apply(&mut corpus.articles);
    }
    Dataset::build(corpus, Arc::new(gazetteer), problems)
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
                gazetteer,
                dates,
                problems: m.dataset.problems.clone(),
            },
            None => Rebuild {
                articles: Arc::default(),
                extractions: Arc::default(),
                add: Vec::new(),
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
        }
    }

    pub fn fraction(&self) -> f32 {
        match self.stage {
            Stage::Starting | Stage::Reading | Stage::Gazetteer => 0.0,
            Stage::Extracting if self.total > 0 => self.done as f32 / self.total as f32,
            Stage::Extracting | Stage::Indexing => 1.0,
        }
    }
}

/// What a rebuild sends.
pub enum JobMsg {
    Progress(Progress),
    Done(Box<Dataset>, String),
}

/// Runs a rebuild (on the caller's thread); `progress` is called from worker threads.
pub fn rebuild(input: Rebuild, progress: &(dyn Fn(Progress) + Sync)) -> (Dataset, String) {
    let Rebuild {
        articles,
        extractions,
        add,
        gazetteer,
        dates,
        mut problems,
    } = input;
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
        let (corpus, p) = Corpus::load_path(path);
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
            let a = &articles[i];
            let idx = ArticleIdx(u32::try_from(i).unwrap_or(u32::MAX));
            let x = extract_article(idx, &a.body, a.published, &gazetteer);
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
    let published: Vec<_> = articles.iter().map(|a| a.published).collect();
    let index = Index::build(&extractions, &published);
    // Problems met again (the gazetteer's, on a reload) are listed once.
    let mut seen = HashSet::new();
    problems.retain(|p| seen.insert(p.to_string()));
    let summary = if add.is_empty() {
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

/// Starts a rebuild on a named thread. Progress is sent with `try_send` (a full channel drops a
/// progress message, never blocks extraction); the result is sent with `send`.
pub fn spawn_rebuild(input: Rebuild, ctx: &egui::Context) -> Receiver<JobMsg> {
    let (tx, rx) = sync_channel::<JobMsg>(16);
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("import-loader".to_owned())
        .spawn({
            let tx: SyncSender<JobMsg> = tx.clone();
            move || {
                let progress = |p: Progress| {
                    if tx.try_send(JobMsg::Progress(p)).is_ok() {
                        ctx.request_repaint();
                    }
                };
                let (dataset, summary) = rebuild(input, &progress);
                let _ = tx.send(JobMsg::Done(Box::new(dataset), summary));
                ctx.request_repaint();
            }
        });
    if spawned.is_err() {
        // The receiver then reports "stopped without a result".
        drop(tx);
    }
    rx
}

/// A running rebuild.
struct Running {
    rx: Receiver<JobMsg>,
    progress: Progress,
    what: String,
    /// Keep the cursor, window and selection when the result is installed.
    keep_view: bool,
}

/// What the frame hands back to the app when a rebuild is done.
pub struct Finished {
    pub dataset: Dataset,
    pub keep_view: bool,
}

/// The "set date" field of the article pane.
#[derive(Default)]
pub struct DateField {
    text: String,
    article: Option<ArticleIdx>,
    error: bool,
}

/// The AccessKit label of the pane's date field.
pub const DATE_FIELD_LABEL: &str = "Article date";
/// The AccessKit label of the import dialog's path field.
pub const PATH_FIELD_LABEL: &str = "Folder or file";

/// Import, drops, date overrides and the rebuild job.
#[derive(Default)]
pub struct ImportState {
    /// Where `dates.toml` and the user gazetteer live; `None`: nothing is saved.
    pub user: Option<UserDataDir>,
    /// The curated and broad files, for reloading the gazetteer with the user layer.
    pub files: Option<GazetteerFiles>,
    pub dates: DateOverrides,
    dialog_open: bool,
    path_text: String,
    add_to_corpus: bool,
    /// The listing of the typed folder, cached per path text.
    listing: Option<(String, Result<Vec<String>, String>)>,
    recent: Vec<PathBuf>,
    job: Option<Running>,
    /// The last outcome, shown in the status line: (text, `is_error`).
    pub message: Option<(String, bool)>,
}

impl ImportState {
    /// With a user data folder (its date overrides are loaded) and the gazetteer files.
    pub fn new(user: Option<UserDataDir>, files: Option<GazetteerFiles>) -> ImportState {
        let dates = user
            .as_ref()
            .map(|u| DateOverrides::load(&u.dates()).0)
            .unwrap_or_default();
        ImportState {
            user,
            files,
            dates,
            ..ImportState::default()
        }
    }

    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    pub fn progress(&self) -> Option<Progress> {
        self.job.as_ref().map(|j| j.progress)
    }

    pub fn open_dialog(&mut self) {
        self.dialog_open = true;
    }

    /// Starts a rebuild unless one is running (then says so).
    pub fn start(
        &mut self,
        input: Rebuild,
        what: &str,
        keep_view: bool,
        ctx: &egui::Context,
    ) -> bool {
        if self.job.is_some() {
            self.message = Some((
                "Busy: wait for the current update to finish".to_owned(),
                true,
            ));
            return false;
        }
        self.job = Some(Running {
            rx: spawn_rebuild(input, ctx),
            progress: Progress::default(),
            what: what.to_owned(),
            keep_view,
        });
        ctx.request_repaint();
        true
    }

    /// Adds (or, with `replace`, opens instead) folders and files in the background.
    pub fn import(
        &mut self,
        model: Option<&Model>,
        paths: Vec<PathBuf>,
        replace: bool,
        ctx: &egui::Context,
    ) {
        let gazetteer = match (model, &self.files) {
            (Some(m), _) => GazetteerChoice::Keep(Arc::clone(&m.dataset.gazetteer)),
            (None, Some(files)) => GazetteerChoice::Reload(files.clone(), self.user.clone()),
            (None, None) => {
                self.message = Some(("Nothing to import into yet".to_owned(), true));
                return;
            }
        };
        let mut input = Rebuild::from_model(
            if replace { None } else { model },
            gazetteer,
            self.dates.clone(),
        );
        for p in &paths {
            self.recent.retain(|r| r != p);
            self.recent.insert(0, p.clone());
        }
        self.recent.truncate(8);
        input.add = paths;
        self.start(input, "Importing", false, ctx);
    }

    /// Sets the publication date of an article: saved in `dates.toml`, applied in the background.
    pub fn set_date(
        &mut self,
        model: &Model,
        article: ArticleIdx,
        date: NaiveDate,
        ctx: &egui::Context,
    ) {
        let Some(a) = model.dataset.articles.get(article.0 as usize) else {
            return;
        };
        self.dates.set(a, date);
        self.message = match &self.user {
            Some(user) => match self.dates.save(&user.dates()) {
                Ok(()) => Some((format!("Date saved in {}", user.dates().display()), false)),
                Err(e) => Some((format!("Date used for this session only: {e}"), true)),
            },
            None => Some((
                "Date used for this session only (no user data folder)".to_owned(),
                true,
            )),
        };
        let gazetteer = GazetteerChoice::Keep(Arc::clone(&model.dataset.gazetteer));
        let input = Rebuild::from_model(Some(model), gazetteer, self.dates.clone());
        self.start(input, "Re-dating", true, ctx);
    }

    /// Saves a missing-place fix in the user gazetteer, then reloads the gazetteer with it and
    /// extracts every article again in the background.
    pub fn fix_place(
        &mut self,
        model: &Model,
        fix: &super::missing::MissingFix,
        ctx: &egui::Context,
    ) {
        let (Some(user), Some(files)) = (self.user.clone(), self.files.clone()) else {
            self.message = Some((
                "No user data folder: places cannot be saved".to_owned(),
                true,
            ));
            return;
        };
        let path = user.gazetteer();
        let (mut ug, problems) = UserGazetteer::load(&path);
        if let Some(p) = problems.first() {
            self.message = Some((format!("Not saved: {p}"), true));
            return;
        }
        let g = &model.dataset.gazetteer;
        let what = match fix {
            super::missing::MissingFix::AddAlias { place, surface } => {
                let Some(p) = g.places().get(place.0 as usize) else {
                    return;
                };
                ug.add_alias(p, g.demonyms(*place), surface);
                format!("“{surface}” is now a spelling of {}", p.name)
            }
            super::missing::MissingFix::AddPlace(new) => {
                let id = ug.add_place(new, g);
                format!("Added {} ({id})", new.name)
            }
        };
        if let Err(e) = ug.save(&path) {
            self.message = Some((format!("Not saved: {e}"), true));
            return;
        }
        let input = Rebuild::from_model(
            Some(model),
            GazetteerChoice::Reload(files, Some(user)),
            self.dates.clone(),
        );
        if self.start(input, "Placing", true, ctx) {
            self.message = Some((format!("{what}; saved in {}", path.display()), false));
        }
    }

    /// Polls the running rebuild; returns its dataset when it is done.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Finished> {
        let job = self.job.as_mut()?;
        loop {
            match job.rx.try_recv() {
                Ok(JobMsg::Progress(p)) => job.progress = p,
                Ok(JobMsg::Done(dataset, summary)) => {
                    let keep_view = job.keep_view;
                    self.job = None;
                    if !keep_view {
                        self.message = Some((summary, false));
                    }
                    ctx.request_repaint();
                    return Some(Finished {
                        dataset: *dataset,
                        keep_view,
                    });
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    return None;
                }
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    self.message = Some(("The update stopped without a result".to_owned(), true));
                    return None;
                }
            }
        }
    }

    /// Files dropped on the window are added to the corpus; files hovering show a hint.
    pub fn drops_ui(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        let (hovered, dropped) = ctx.input(|i| {
            (
                i.raw.hovered_files.len(),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect::<Vec<PathBuf>>(),
            )
        });
        if hovered > 0 {
            egui::Area::new(egui::Id::unique("drop hint"))
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .order(egui::Order::Foreground)
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.heading(format!("Drop to add {hovered} item(s) to the articles"));
                        ui.label(".txt and .md files, folders of them, or a CSV with title, date and text columns");
                    });
                });
        }
        let (wanted, ignored): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| importable(p));
        if !ignored.is_empty() {
            let names: Vec<String> = ignored.iter().map(|p| p.display().to_string()).collect();
            self.message = Some((
                format!(
                    "Not articles (expected .txt, .md, .csv or a folder): {}",
                    names.join(", ")
                ),
                true,
            ));
        }
        if !wanted.is_empty() {
            self.import(model, wanted, false, ctx);
        }
    }

    /// A strip under the top bar with the progress bar while a rebuild runs ("Importing:
    /// Extracting 3/12…"). A panel, not a window (windows skip their first frame to measure
    /// themselves): drawn after the dialogs, it shows in the very frame a job starts.
    pub fn progress_ui(&self, ui: &mut Ui) {
        let Some(job) = &self.job else { return };
        egui::Panel::top("import progress").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("{}: {}", job.what, job.progress.text()));
                ui.add(
                    egui::ProgressBar::new(job.progress.fraction())
                        .desired_width(280.0)
                        .show_percentage(),
                );
            });
        });
    }

    /// The status line: the last message (errors in orange).
    pub fn status_ui(&mut self, ui: &mut Ui) {
        if let Some((text, error)) = &self.message {
            let color = if *error {
                egui::Color32::from_rgb(255, 170, 0)
            } else {
                ui.visuals().weak_text_color()
            };
            ui.label(RichText::new(text).color(color));
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                self.message = None;
            }
        }
    }

    /// The File > Open folder dialog.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        if !self.dialog_open {
            return;
        }
        let mut open = true;
        let mut chosen: Option<PathBuf> = None;
        egui::Window::new("Open articles")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("A folder of .txt/.md articles, a CSV file (title, date, text columns) or one text file.");
                ui.horizontal(|ui| {
                    let label = ui.label(PATH_FIELD_LABEL);
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.path_text)
                                .hint_text("/home/me/articles")
                                .desired_width(380.0),
                        )
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("Open").clicked() || enter {
                        chosen = Some(expand_home(self.path_text.trim()));
                    }
                });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.add_to_corpus, false, "Replace the articles");
                    ui.radio_value(&mut self.add_to_corpus, true, "Add to the articles");
                });
                if !self.recent.is_empty() {
                    ui.separator();
                    ui.weak("Recent");
                    for r in self.recent.clone() {
                        if ui.link(r.display().to_string()).clicked() {
                            self.path_text = r.display().to_string();
                        }
                    }
                }
                ui.separator();
                self.listing_ui(ui);
            });
        if let Some(path) = chosen {
            if path.as_os_str().is_empty() || !path.exists() {
                self.message = Some((format!("{} does not exist", path.display()), true));
            } else {
                self.dialog_open = false;
                self.import(model, vec![path], !self.add_to_corpus, ctx);
                return;
            }
        }
        self.dialog_open = open;
    }

    /// The typed folder's subfolders and article files, read once per typed path.
    fn listing_ui(&mut self, ui: &mut Ui) {
        let text = self.path_text.trim().to_owned();
        if self.listing.as_ref().is_none_or(|(t, _)| *t != text) {
            self.listing = Some((text.clone(), list_folder(&expand_home(&text))));
        }
        let Some((_, listing)) = &self.listing else {
            return;
        };
        let mut go_to = None;
        match listing {
            Err(e) => {
                ui.weak(e);
            }
            Ok(entries) => {
                let base = expand_home(&text);
                if let Some(parent) = base.parent()
                    && ui.link(".. (up)").clicked()
                {
                    go_to = Some(parent.to_path_buf());
                }
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for name in entries {
                            if ui.link(name).clicked() {
                                go_to = Some(base.join(name.trim_end_matches('/')));
                            }
                        }
                    });
            }
        }
        if let Some(p) = go_to {
            self.path_text = p.display().to_string();
        }
    }
}

/// Whether a dropped path is something the corpus loader reads.
pub fn importable(path: &Path) -> bool {
    path.is_dir()
        || path.extension().is_some_and(|e| {
            ["txt", "md", "csv"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
}

fn expand_home(text: &str) -> PathBuf {
    match text.strip_prefix("~/").zip(std::env::var_os("HOME")) {
        Some((rest, home)) => PathBuf::from(home).join(rest),
        None => PathBuf::from(text),
    }
}

/// Subfolders (with a trailing `/`) and importable files of `dir`, sorted; at most 500.
fn list_folder(dir: &Path) -> Result<Vec<String>, String> {
    if dir.as_os_str().is_empty() {
        return Err("Type a folder to see what is in it".to_owned());
    }
    if !dir.is_dir() {
        return Err(if dir.exists() {
            "A file: press Open to read it".to_owned()
        } else {
            "No such folder".to_owned()
        });
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("Cannot read the folder: {e}"))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                None
            } else if path.is_dir() {
                Some(format!("{name}/"))
            } else {
                importable(&path).then_some(name)
            }
        })
        .collect();
    names.sort();
    names.truncate(500);
    Ok(names)
}

/// The pane's "Set date" row for an article: a date field and a button. Returns the intent.
pub fn date_field_ui(
    ui: &mut Ui,
    field: &mut DateField,
    article: ArticleIdx,
    current: Option<NaiveDate>,
) -> Option<Intent> {
    if field.article != Some(article) {
        field.article = Some(article);
        field.text = current
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        field.error = false;
    }
    let mut intent = None;
    ui.horizontal(|ui| {
        if current.is_none() {
            ui.colored_label(egui::Color32::from_rgb(255, 170, 0), "undated");
        }
        let label = ui.label(DATE_FIELD_LABEL);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut field.text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button("Set date")
            .on_hover_text("Saved in your dates.toml; the article file is not changed")
            .clicked()
            || enter
        {
            match parse_date_input(&field.text) {
                Some(date) => {
                    field.error = false;
                    intent = Some(Intent::SetArticleDate { article, date });
                }
                None => field.error = true,
            }
        }
        if field.error {
            ui.colored_label(
                egui::Color32::from_rgb(255, 120, 80),
                "expected a date like 2019-04-04",
            );
        }
    });
    intent
}

/// After a rebuild that should not disturb the user (a date set, a place added): the cursor,
/// window and article selection carry over. Places are deselected when the gazetteer changed.
pub fn carry_view(old: &AppState, new: &mut AppState, same_places: bool) {
    new.apply(Intent::SetHalfWindow(old.half_window_days));
    new.apply(Intent::SetMode(old.mode));
    new.apply(Intent::Seek(old.cursor()));
    new.selected_article = old.selected_article;
    if same_places {
        new.selected_place = old.selected_place;
    }
    new.search.clone_from(&old.search);
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
