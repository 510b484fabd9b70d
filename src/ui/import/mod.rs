//! Bringing data in and changing it: the background job that runs a [`Rebuild`]
//! (`session::rebuild`) for an import, a date set or a place added, its progress strip and the
//! status line. Where the changes come from lives beside it: File > Open folder and files
//! dropped on the window (`open_folder`), the pane's "Set date" field (`date_field`).
//!
//! Progress and the result arrive on a bounded channel that the frame polls with `try_recv`.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::extract::ArticleIdx;
use crate::session::dataset::Dataset;
use crate::session::derived::Model;
use crate::session::edits::{self, MissingFix};
use crate::session::job::{Job, JobPoll};
use crate::session::rebuild::{
    GazetteerChoice, GazetteerFiles, Progress, Rebuild, rebuild_cancellable,
};
use crate::session::userdata::{DateOverrides, UserDataDir};

mod date_field;
mod layer;
mod open_folder;
mod open_url;
mod paste;

pub use date_field::{DATE_FIELD_LABEL, DateField, date_field_ui};
pub(crate) use open_folder::expand_home;
pub use open_folder::{FOLLOW_LINKS_LABEL, PATH_FIELD_LABEL};
pub use open_url::{ONLINE_BOX_LABEL, URL_FIELD_LABEL};

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

/// Import, drops, date overrides and the rebuild job.
// The dialogs' switches are independent yes/no answers the user sets one by one.
#[allow(clippy::struct_excessive_bools)]
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
    /// The dialog's "Read links that lead outside the folder" box (`--follow-outside-links`).
    pub follow_outside_links: bool,
    /// The user allowed fetching the addresses they open (File > Open URL, a pasted link);
    /// off by default, kept in the preferences.
    pub allow_online: bool,
    url: open_url::OpenUrl,
    /// The listing of the typed folder, cached per path text.
    listing: Option<(String, Result<Vec<String>, String>)>,
    recent: Vec<PathBuf>,
    job: Option<Running>,
    /// The last outcome, shown in the status line: (text, `is_error`).
    pub message: Option<(String, bool)>,
    /// An event dataset being read as a layer.
    layer: layer::LayerLoad,
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
        // Event datasets (ACLED, GDELT) open as a layer beside the articles, not as articles.
        let (layers, paths): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| layer::is_layer_file(p));
        if let Some(path) = layers.into_iter().last() {
            self.open_layer(path, ctx);
        }
        if paths.is_empty() {
            return;
        }
        // GeoParquet events (a file, or a folder of them) are opened instead of the data.
        if let [path] = paths.as_slice()
            && crate::session::events_file::is_events_path(path)
        {
            input.events = Some(path.clone());
            self.start(input, "Opening events", false, ctx);
            return;
        }
        input.add = paths;
        input.add_options.follow_outside_links = self.follow_outside_links;
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
    /// The last import message (and a button to dismiss it), if there is one; says whether
    /// it drew one.
    pub fn status_ui(&mut self, ui: &mut Ui) -> bool {
        let Some((text, error)) = &self.message else {
            return false;
        };
        {
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
        true
    }
}
