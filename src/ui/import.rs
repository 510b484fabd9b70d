//! Bringing data in and changing it: File > Open folder (an in-app path field with a folder
//! listing and recent paths; no native dialog), drag and drop, the pane's "Set date" field, and
//! the background job that runs a [`Rebuild`] (`session::rebuild`) for all of them.
//!
//! Progress and the result arrive on a bounded channel that the frame polls with `try_recv`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::extract::ArticleIdx;
use crate::session::command::Command;
use crate::session::dataset::Dataset;
use crate::session::derived::Model;
use crate::session::edits::{self, MissingFix};
use crate::session::job::{Job, JobPoll};
use crate::session::rebuild::{
    GazetteerChoice, GazetteerFiles, Progress, Rebuild, rebuild_cancellable,
};
use crate::session::state::parse_date_input;
use crate::session::userdata::{DateOverrides, UserDataDir};

/// Starts a rebuild as a background job: progress shown in the strip, a Cancel button, a panic
/// reported in the status line.
pub fn spawn_rebuild(input: Rebuild, ctx: &egui::Context) -> Job<(Dataset, String), Progress> {
    let wake = ctx.clone();
    Job::spawn(
        "import-loader",
        move || wake.request_repaint(),
        move |cx| rebuild_cancellable(input, &|p| cx.progress(p), &|| cx.is_cancelled()),
    )
}

/// A running rebuild.
struct Running {
    job: Job<(Dataset, String), Progress>,
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
        self.job.as_ref().map(|j| j.job.progress())
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
            job: spawn_rebuild(input, ctx),
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
        let (text, warning) = edits::set_article_date(&mut self.dates, self.user.as_ref(), a, date);
        self.message = Some((text, warning));
        let gazetteer = GazetteerChoice::Keep(Arc::clone(&model.dataset.gazetteer));
        let input = Rebuild::from_model(Some(model), gazetteer, self.dates.clone());
        self.start(input, "Re-dating", true, ctx);
    }

    /// Saves a missing-place fix in the user gazetteer, then reloads the gazetteer with it and
    /// extracts every article again in the background.
    pub fn fix_place(&mut self, model: &Model, fix: &MissingFix, ctx: &egui::Context) {
        let (Some(user), Some(files)) = (self.user.clone(), self.files.clone()) else {
            self.message = Some((
                "No user data folder: places cannot be saved".to_owned(),
                true,
            ));
            return;
        };
        let what = match edits::save_place_fix(&user, &model.dataset.gazetteer, fix) {
            Ok(what) => what,
            Err(why) => {
                self.message = Some((why, true));
                return;
            }
        };
        let input = Rebuild::from_model(
            Some(model),
            GazetteerChoice::Reload(files, Some(user)),
            self.dates.clone(),
        );
        if self.start(input, "Placing", true, ctx) {
            self.message = Some((what, false));
        }
    }

    /// Polls the running rebuild; returns its dataset when it is done.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<Finished> {
        let running = self.job.as_mut()?;
        match running.job.poll() {
            JobPoll::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                None
            }
            JobPoll::Done(_) if running.job.is_cancelled() => {
                self.job = None;
                self.message = Some((
                    "Cancelled: the articles shown are unchanged (a saved date or place applies \
                     at the next update)"
                        .to_owned(),
                    true,
                ));
                ctx.request_repaint();
                None
            }
            JobPoll::Done((dataset, summary)) => {
                let keep_view = running.keep_view;
                self.job = None;
                if !keep_view {
                    self.message = Some((summary, false));
                }
                ctx.request_repaint();
                Some(Finished { dataset, keep_view })
            }
            JobPoll::Failed(why) => {
                self.job = None;
                self.message = Some((format!("The update failed: {why}"), true));
                ctx.request_repaint();
                None
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
        let Some(running) = &self.job else { return };
        let progress = running.job.progress();
        egui::Panel::top("import progress").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("{}: {}", running.what, progress.text()));
                ui.add(
                    egui::ProgressBar::new(progress.fraction())
                        .desired_width(280.0)
                        .show_percentage(),
                );
                if ui
                    .add_enabled(!running.job.is_cancelled(), egui::Button::new("Cancel"))
                    .clicked()
                {
                    running.job.cancel();
                }
            });
        });
    }

    /// The status line: the last message (errors in orange).
    pub fn status_ui(&mut self, ui: &mut Ui) {
        if let Some((text, error)) = &self.message {
            let color = if *error {
                super::theme::WARNING
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

/// The pane's "Set date" row for an article: a date field and a button. Returns the command.
pub fn date_field_ui(
    ui: &mut Ui,
    field: &mut DateField,
    article: ArticleIdx,
    current: Option<NaiveDate>,
) -> Option<Command> {
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
            ui.colored_label(super::theme::WARNING, "undated");
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
                    intent = Some(Command::SetArticleDate { article, date });
                }
                None => field.error = true,
            }
        }
        if field.error {
            ui.colored_label(
                super::theme::INVALID_INPUT,
                "expected a date like 2019-04-04",
            );
        }
    });
    intent
}
