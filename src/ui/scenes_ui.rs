//! The scenes panel and the briefing controller: saved scenes (save, show, rename, caption,
//! reorder, delete), stepping with an eased fly, and PNG export of the view or of every scene.
//!
//! The panel returns [`SceneCommand`]s (in `session::command`), which the app applies with every
//! other command: it queues them here, and [`Briefing::frame`] runs them at the start of the next
//! frame (before the map draws), turning them into the app's ordinary commands (seek, window,
//! selection, and the map's view for each step of the fly: the map itself is its one writer).
//! The file format, loading and stepping rule live in the GUI-free [`crate::session::scenes`].

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use egui::{RichText, Ui};

use crate::coord::LatLon;
use crate::problem::Problem;
use crate::session::scenes::{self, Scene, SceneMode, Transition, View};

use super::map::MapView;
use super::presenter::{self, Presenter};
use crate::session::command::{Command, SceneCommand};
use crate::session::derived::Model;
use crate::session::job::{Job, JobPoll};
use crate::session::state::{AppState, Intent, WindowMode};

/// AccessKit labels of the panel's controls (tests and screen readers find them by these).
pub const SCENES_BUTTON: &str = "Scenes";
pub const SCENE_NAME_LABEL: &str = "Scene name";
pub const SCENE_CAPTION_LABEL: &str = "Scene caption";
pub const SAVE_SCENE_BUTTON: &str = "Save scene";
pub const PRESENT_BUTTON: &str = "Present (F5)";
pub const EXPORT_PATH_LABEL: &str = "PNG file";
pub const EXPORT_PNG_BUTTON: &str = "Export PNG…";
pub const EXPORT_ALL_BUTTON: &str = "Export every scene";

/// One screenshot to take: of the view as it is (`scene: None`) or after showing a scene.
#[derive(Clone, Debug)]
struct ShotJob {
    path: PathBuf,
    scene: Option<usize>,
}

/// What the screenshot callback hands over: the pixels of a job's screenshot.
struct Taken {
    path: PathBuf,
    image: std::sync::Arc<egui::ColorImage>,
}

#[derive(Clone, Copy, Debug)]
enum ShotPhase {
    /// Waiting for the fly to end and the tiles to arrive.
    Settling { until: f64 },
    /// Screenshot requested; waiting for the pixels.
    Requested,
}

struct Export {
    path_text: String,
    queue: VecDeque<ShotJob>,
    current: Option<(ShotJob, ShotPhase)>,
    /// The export of every scene runs in the presenter's clean layout; leave it afterwards.
    leave_presenter_after: bool,
    tx: SyncSender<Taken>,
    rx: Receiver<Taken>,
    /// PNGs being encoded and written, one background job each.
    writers: Vec<Job<Result<PathBuf, String>>>,
}

/// A fly in progress, driven by [`Briefing::frame`].
#[derive(Clone, Copy, Debug)]
struct Flight {
    transition: Transition,
    start_time: f64,
}

/// Scenes, the presenter and exports: the app holds one and calls [`Briefing::frame`] each frame.
pub struct Briefing {
    pub scenes: Vec<Scene>,
    /// The scenes as last loaded from or saved to the file: what a save merges against, so that
    /// another window's scenes in the same file are kept (`scenes::save_merged`).
    base: Vec<Scene>,
    /// The scenes file; `None` keeps scenes in memory only (tests, no home folder).
    path: Option<PathBuf>,
    /// False when saving would overwrite a file that could not be read or kept aside.
    writable: bool,
    /// Problems met loading or saving the scenes file, shown in the panel.
    pub problems: Vec<Problem>,
    /// The last thing that happened (saved, exported…), shown in the panel.
    pub notice: Option<String>,
    pub show_panel: bool,
    /// The scene last shown, for stepping and for "scene 2/5".
    pub current: Option<usize>,
    pub presenter: Presenter,
    pending: Vec<SceneCommand>,
    flight: Option<Flight>,
    new_name: String,
    new_caption: String,
    editing: Option<usize>,
    export: Export,
}

impl Default for Briefing {
    fn default() -> Self {
        let (tx, rx) = sync_channel(64);
        Briefing {
            scenes: Vec::new(),
            base: Vec::new(),
            path: None,
            writable: true,
            problems: Vec::new(),
            notice: None,
            show_panel: false,
            current: None,
            presenter: Presenter::default(),
            pending: Vec::new(),
            flight: None,
            new_name: String::new(),
            new_caption: String::new(),
            editing: None,
            export: Export {
                path_text: default_export_path().display().to_string(),
                queue: VecDeque::new(),
                current: None,
                leave_presenter_after: false,
                tx,
                rx,
                writers: Vec::new(),
            },
        }
    }
}

/// `~/newsatlas-<today>.png`.
pub fn default_export_path() -> PathBuf {
    let home = directories::UserDirs::new()
        .map_or_else(|| PathBuf::from("."), |u| u.home_dir().to_path_buf());
    home.join(format!(
        "newsatlas-{}.png",
        chrono::Local::now().date_naive().format("%Y-%m-%d")
    ))
}

/// A path typed by the user, with a leading `~/` meaning the home folder.
fn expand_home(text: &str) -> PathBuf {
    let text = text.trim();
    match (text.strip_prefix("~/"), directories::UserDirs::new()) {
        (Some(rest), Some(u)) => u.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
}

/// The folder the export of every scene writes to: the PNG path without its extension.
fn scenes_folder(png: &Path) -> PathBuf {
    png.with_extension("")
}

impl Briefing {
    /// Scenes from `path` (a missing file is no scenes). A damaged file is reported and kept
    /// aside; the panel opens to say so.
    pub fn load(path: Option<PathBuf>) -> Briefing {
        let mut b = Briefing::default();
        let Some(path) = path else {
            b.problems.push(Problem::warning(
                "scenes.toml",
                None,
                "no data folder found: scenes are kept for this session only",
            ));
            b.writable = false;
            return b;
        };
        let outcome = scenes::load(&path);
        b.scenes = outcome.scenes;
        b.base.clone_from(&b.scenes);
        b.writable = outcome.writable;
        b.show_panel = !outcome.problems.is_empty();
        if !outcome.problems.is_empty() {
            b.notice = Some(if b.scenes.is_empty() {
                "The scenes file was damaged: starting with no scenes.".to_owned()
            } else {
                "Some scenes could not be read: see below.".to_owned()
            });
        }
        b.problems = outcome.problems;
        b.path = Some(path);
        b
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn presenting(&self) -> bool {
        self.presenter.active
    }

    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// Queues a command, as a click would (for tools and tests).
    pub fn push(&mut self, command: SceneCommand) {
        self.pending.push(command);
    }

    /// The "Scenes" button of the top bar.
    pub fn toggle_button_ui(&mut self, ui: &mut Ui) {
        let response = ui
            .selectable_label(self.show_panel, SCENES_BUTTON)
            .on_hover_text("Saved views for a briefing; F5 presents them");
        if response.clicked() {
            self.show_panel = !self.show_panel;
        }
    }

    /// Everything the briefing does in a frame, before the views draw: the presenter keys, the
    /// commands queued last frame, the fly and the exports. Returns intents for the app to apply.
    pub fn frame(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        state: &AppState,
        map: &MapView,
    ) -> Vec<Command> {
        let keys = presenter::presenter_keys(ctx, self.presenter.active);
        self.pending.extend(keys);
        let mut intents = Vec::new();
        for command in std::mem::take(&mut self.pending) {
            self.apply(command, ctx, model, state, map, &mut intents);
        }
        self.fly(ctx, &mut intents);
        self.export_tick(ctx, model, state, map, &mut intents);
        intents.into_iter().map(Command::State).collect()
    }

    fn apply(
        &mut self,
        command: SceneCommand,
        ctx: &egui::Context,
        model: &Model,
        state: &AppState,
        map: &MapView,
        intents: &mut Vec<Intent>,
    ) {
        let cursor_now = state.cursor_day();
        match command {
            SceneCommand::SaveCurrent { name, caption } => {
                let name = scenes::unique_name(&self.scenes, &name);
                let scene = capture(name.clone(), caption, model, state, map);
                self.scenes.push(scene);
                self.current = Some(self.scenes.len() - 1);
                self.save(format!("Saved “{name}”."));
            }
            SceneCommand::Update(i) => {
                if let Some(old) = self.scenes.get(i) {
                    let scene = capture(old.name.clone(), old.caption.clone(), model, state, map);
                    self.scenes[i] = scene;
                    self.save(format!("Updated “{}” to this view.", self.scenes[i].name));
                }
            }
            SceneCommand::Show { index, animate } => {
                self.show(index, animate, ctx, model, cursor_now, map, intents);
            }
            SceneCommand::Step(delta) => {
                if let Some(i) = scenes::step_index(self.current, self.scenes.len(), delta)
                    && (Some(i) != self.current || self.flight.is_none())
                {
                    self.show(i, true, ctx, model, cursor_now, map, intents);
                }
            }
            SceneCommand::Rename(i, name) => {
                if let Some(s) = self.scenes.get_mut(i)
                    && !name.trim().is_empty()
                    && s.name != name
                {
                    s.name = name;
                    self.save("Renamed.".to_owned());
                }
            }
            SceneCommand::SetCaption(i, caption) => {
                if let Some(s) = self.scenes.get_mut(i)
                    && s.caption != caption
                {
                    s.caption = caption;
                    self.save("Caption saved.".to_owned());
                }
            }
            SceneCommand::Delete(i) => {
                if i < self.scenes.len() {
                    let gone = self.scenes.remove(i);
                    self.current = match self.current {
                        Some(c) if c == i => None,
                        Some(c) if c > i => Some(c - 1),
                        other => other,
                    };
                    self.editing = None;
                    self.save(format!("Deleted “{}”.", gone.name));
                }
            }
            SceneCommand::Move { index, up } => {
                let to = scenes::move_scene(&mut self.scenes, index, up);
                if to != index {
                    if self.current == Some(index) {
                        self.current = Some(to);
                    } else if self.current == Some(to) {
                        self.current = Some(index);
                    }
                    if self.editing == Some(index) {
                        self.editing = Some(to);
                    }
                    self.save("Moved.".to_owned());
                }
            }
            SceneCommand::EnterPresenter => {
                self.presenter.enter(ctx, true);
                // Open on the scene last shown, else the first.
                let start = self.current.or((!self.scenes.is_empty()).then_some(0));
                if let Some(i) = start {
                    self.show(i, true, ctx, model, cursor_now, map, intents);
                }
            }
            SceneCommand::LeavePresenter => {
                self.presenter.leave(ctx);
                self.export.queue.clear();
            }
            SceneCommand::ExportCurrent => {
                let path = expand_home(&self.export.path_text);
                self.export.queue.push_back(ShotJob { path, scene: None });
            }
            SceneCommand::ExportAll => {
                if self.scenes.is_empty() {
                    self.notice = Some("No scenes to export yet.".to_owned());
                    return;
                }
                let folder = scenes_folder(&expand_home(&self.export.path_text));
                for (i, s) in self.scenes.iter().enumerate() {
                    self.export.queue.push_back(ShotJob {
                        path: folder.join(scenes::export_file_name(i, s)),
                        scene: Some(i),
                    });
                }
                // The scenes are shot in the presenter's clean layout (map, timeline, caption).
                if !self.presenter.active {
                    self.presenter.enter(ctx, false);
                    self.export.leave_presenter_after = true;
                }
            }
        }
    }

    /// Shows scene `index`: window, cursor and selection through intents; the map flies there.
    #[allow(clippy::too_many_arguments)] // the frame's parts, borrowed apart from `self`
    fn show(
        &mut self,
        index: usize,
        animate: bool,
        ctx: &egui::Context,
        model: &Model,
        cursor_now: crate::index::DayNum,
        map: &MapView,
        intents: &mut Vec<Intent>,
    ) {
        let Some(scene) = self.scenes.get(index) else {
            return;
        };
        self.current = Some(index);
        let (scene_intents, unknown) = crate::session::scene::scene_intents(scene, model);
        intents.extend(scene_intents);
        self.notice = (!unknown.is_empty())
            .then(|| format!("“{}”: not in this data: {}", scene.name, unknown.join(", ")));
        let to = scene.view();
        if animate {
            // The cursor flies from where it is now; the scene's own seek comes at the end.
            intents.retain(|i| !matches!(i, Intent::Seek(_)));
            let from = View {
                center: map.center().unwrap_or(to.center),
                zoom: map.zoom(),
                cursor_day: cursor_now,
            };
            self.flight = Some(Flight {
                transition: Transition::new(from, to),
                start_time: ctx.input(|i| i.time),
            });
        } else {
            self.flight = None;
            intents.push(Intent::SetMapView {
                center: to.center,
                zoom: to.zoom,
            });
        }
        ctx.request_repaint();
    }

    /// Advances the fly: the map's view and the cursor, as intents.
    fn fly(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        let Some(flight) = self.flight else { return };
        let now = ctx.input(|i| i.time);
        let (view, done) = flight.transition.at(now - flight.start_time);
        intents.push(Intent::SetMapView {
            center: view.center,
            zoom: view.zoom,
        });
        intents.push(Intent::Seek(scenes::view_date(view)));
        if done {
            self.flight = None;
        } else {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, done: String) {
        let Some(path) = &self.path else {
            self.notice = Some(format!("{done} (not saved to a file)"));
            return;
        };
        if !self.writable {
            self.notice = Some(format!(
                "{done} Not saved: the scenes file on disk could not be read or kept aside \
                 (see the problems), so it is not overwritten."
            ));
            return;
        }
        match scenes::save_merged(path, &self.base, &self.scenes) {
            Ok(merged) => {
                let others = merged.len().saturating_sub(self.scenes.len());
                self.notice = Some(if others > 0 {
                    format!("{done} {others} scene(s) saved by another window were added.")
                } else {
                    done
                });
                if merged != self.scenes {
                    self.scenes.clone_from(&merged);
                    self.current = self.current.filter(|&i| i < self.scenes.len());
                    self.editing = self.editing.filter(|&i| i < self.scenes.len());
                }
                self.base = merged;
            }
            Err(e) => {
                let problem = Problem::error(path, None, format!("cannot save the scenes: {e}"));
                self.notice = Some(problem.to_string());
                self.problems.push(problem);
            }
        }
    }
}

impl Briefing {
    /// Runs the screenshot queue: show the job's scene, wait for the fly and the tiles, take
    /// the screenshot (the callback hands the pixels to a writer thread), then the next job.
    fn export_tick(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        state: &AppState,
        map: &MapView,
        intents: &mut Vec<Intent>,
    ) {
        while let Ok(Taken { path, image }) = self.export.rx.try_recv() {
            self.export.current = None;
            let wake = ctx.clone();
            self.export.writers.push(Job::spawn(
                "png-export",
                move || wake.request_repaint(),
                move |_| write_png(&path, &image),
            ));
        }
        let mut written = Vec::new();
        self.export.writers.retain_mut(|job| match job.poll() {
            JobPoll::Running => true,
            JobPoll::Done(result) => {
                written.push(result);
                false
            }
            JobPoll::Failed(why) => {
                written.push(Err(why));
                false
            }
        });
        for result in written {
            match result {
                Ok(path) => self.notice = Some(format!("Wrote {}", path.display())),
                Err(message) => {
                    self.notice = Some(message.clone());
                    self.problems
                        .push(Problem::error("PNG export", None, message));
                }
            }
        }
        if !self.export.writers.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let now = ctx.input(|i| i.time);
        if self.export.current.is_none() {
            let Some(job) = self.export.queue.pop_front() else {
                if self.export.leave_presenter_after {
                    self.export.leave_presenter_after = false;
                    self.presenter.leave(ctx);
                }
                return;
            };
            // Offline tiles render on background threads: give them a moment after the jump.
            let settle = if let Some(i) = job.scene {
                self.show(i, false, ctx, model, state.cursor_day(), map, intents);
                1.5
            } else {
                0.1
            };
            self.export.current = Some((
                job,
                ShotPhase::Settling {
                    until: now + settle,
                },
            ));
        }
        let Some((job, phase)) = &mut self.export.current else {
            return;
        };
        match *phase {
            ShotPhase::Settling { until } if now >= until && self.flight.is_none() => {
                *phase = ShotPhase::Requested;
                let path = job.path.clone();
                let tx = self.export.tx.clone();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = tx.send(Taken { path, image });
                    repaint.request_repaint();
                });
                ctx.request_repaint();
            }
            ShotPhase::Settling { .. } | ShotPhase::Requested => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }

    /// Whether screenshots are queued or being taken.
    pub fn exporting(&self) -> bool {
        self.export.current.is_some() || !self.export.queue.is_empty()
    }

    /// The scenes panel: save the view, the list (show, rename, caption, reorder, delete),
    /// present, export. Returns its commands (the app queues them for [`Self::frame`]).
    pub fn panel_ui(&mut self, ui: &mut Ui) -> Vec<SceneCommand> {
        let mut commands = Vec::new();
        ui.heading("Scenes");
        ui.weak("Save views to step through in a briefing. F5 presents, Esc leaves.");
        ui.add_space(6.0);

        let label = ui.label(SCENE_NAME_LABEL);
        ui.add(
            egui::TextEdit::singleline(&mut self.new_name)
                .hint_text("Tripoli, April 2019")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let label = ui.label(SCENE_CAPTION_LABEL);
        ui.add(
            egui::TextEdit::multiline(&mut self.new_caption)
                .hint_text("What the room should see")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if ui
                .button(SAVE_SCENE_BUTTON)
                .on_hover_text("Save the map view, the time window and the selection")
                .clicked()
            {
                commands.push(SceneCommand::SaveCurrent {
                    name: std::mem::take(&mut self.new_name),
                    caption: std::mem::take(&mut self.new_caption),
                });
            }
            let can_present = !self.scenes.is_empty();
            if ui
                .add_enabled(can_present, egui::Button::new(PRESENT_BUTTON))
                .on_hover_text("Full screen, large type; PageDown/PageUp or Right/Left step")
                .clicked()
            {
                commands.push(SceneCommand::EnterPresenter);
            }
        });
        if let Some(notice) = &self.notice {
            ui.label(RichText::new(notice).italics());
        }
        ui.separator();

        let n = self.scenes.len();
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 150.0)
            .show(ui, |ui| {
                if n == 0 {
                    ui.weak("No scenes yet.");
                }
                for i in 0..n {
                    self.scene_row_ui(ui, i, n, &mut commands);
                }
            });

        ui.separator();
        ui.strong("Export");
        let label = ui.label(EXPORT_PATH_LABEL);
        ui.add(egui::TextEdit::singleline(&mut self.export.path_text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        ui.horizontal_wrapped(|ui| {
            let busy = self.exporting();
            if ui
                .add_enabled(!busy, egui::Button::new(EXPORT_PNG_BUTTON))
                .on_hover_text("Save a screenshot of the window to this file")
                .clicked()
            {
                commands.push(SceneCommand::ExportCurrent);
            }
            let folder = scenes_folder(&expand_home(&self.export.path_text));
            if ui
                .add_enabled(!busy && n > 0, egui::Button::new(EXPORT_ALL_BUTTON))
                .on_hover_text(format!(
                    "Show each scene and save it as {}/01-<name>.png …",
                    folder.display()
                ))
                .clicked()
            {
                commands.push(SceneCommand::ExportAll);
            }
            if busy {
                ui.spinner();
            }
        });
        if !self.problems.is_empty() {
            ui.separator();
            for p in &self.problems {
                ui.label(RichText::new(p.to_string()).monospace().small());
            }
        }
        if !commands.is_empty() {
            // The commands are applied at the start of the next frame: make sure there is one.
            ui.ctx().request_repaint();
        }
        commands
    }

    fn scene_row_ui(&mut self, ui: &mut Ui, i: usize, n: usize, commands: &mut Vec<SceneCommand>) {
        let current = self.current == Some(i);
        let name = scenes::shown(&self.scenes[i].name, scenes::MAX_SHOWN_NAME_CHARS).into_owned();
        ui.horizontal(|ui| {
            let caption = scenes::shown(&self.scenes[i].caption, scenes::MAX_SHOWN_CAPTION_CHARS);
            let show = ui
                .selectable_label(current, format!("{}. {name}", i + 1))
                .on_hover_text(caption.as_ref());
            show.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    current,
                    format!("Show scene {name}"),
                )
            });
            if show.clicked() {
                commands.push(SceneCommand::Show {
                    index: i,
                    animate: true,
                });
            }
        });
        ui.horizontal(|ui| {
            let small = |ui: &mut Ui, enabled: bool, text: &str, label: String| {
                let r = ui.add_enabled(enabled, egui::Button::new(text).small());
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
                r.on_hover_text(label).clicked()
            };
            if small(ui, i > 0, "Up", format!("Move {name} up")) {
                commands.push(SceneCommand::Move { index: i, up: true });
            }
            if small(ui, i + 1 < n, "Down", format!("Move {name} down")) {
                commands.push(SceneCommand::Move {
                    index: i,
                    up: false,
                });
            }
            if small(ui, true, "Edit", format!("Edit {name}")) {
                self.editing = if self.editing == Some(i) {
                    None
                } else {
                    Some(i)
                };
            }
            if small(ui, true, "Update", format!("Update {name} to this view")) {
                commands.push(SceneCommand::Update(i));
            }
            if small(ui, true, "Delete", format!("Delete {name}")) {
                commands.push(SceneCommand::Delete(i));
            }
        });
        if self.editing == Some(i) {
            let mut new_name = self.scenes[i].name.clone();
            let label = ui.label("Rename");
            let r = ui
                .add(egui::TextEdit::singleline(&mut new_name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if r.changed() {
                commands.push(SceneCommand::Rename(i, new_name));
            }
            let mut caption = self.scenes[i].caption.clone();
            let label = ui.label("Caption");
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut caption)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if r.changed() {
                commands.push(SceneCommand::SetCaption(i, caption));
            }
        }
        ui.add_space(4.0);
    }
}

/// The current view as a scene named `name`: map centre and zoom, window, selection as ids.
fn capture(name: String, caption: String, model: &Model, state: &AppState, map: &MapView) -> Scene {
    let fallback = model.bounds.map_or(LatLon::new(27.0, 17.0), |(sw, ne)| {
        LatLon::new(f64::midpoint(sw.lat, ne.lat), f64::midpoint(sw.lon, ne.lon))
    });
    let ds = &model.dataset;
    Scene {
        name,
        caption,
        center: map.center().filter(|c| c.is_valid()).unwrap_or(fallback),
        zoom: map
            .zoom()
            .clamp(*scenes::ZOOM_RANGE.start(), *scenes::ZOOM_RANGE.end()),
        cursor: state.cursor(),
        half_window_days: state.half_window_days,
        mode: match state.mode {
            WindowMode::Window => SceneMode::Window,
            WindowMode::Cumulative => SceneMode::Cumulative,
        },
        place: state
            .selected_place
            .and_then(|p| ds.gazetteer.places().get(p.0 as usize))
            .map(|p| p.id.to_owned()),
        article: state
            .selected_article
            .and_then(|a| ds.articles.get(a.0 as usize))
            .map(|a| a.id.clone()),
    }
}

/// Encodes a screenshot as PNG and writes it atomically.
fn write_png(path: &Path, image: &egui::ColorImage) -> Result<PathBuf, String> {
    let [w, h] = image.size;
    // egui colours are premultiplied RGBA, which is what a tiny-skia pixmap holds.
    let data: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let size = tiny_skia::IntSize::from_wh(w as u32, h as u32)
        .ok_or_else(|| format!("{}: the screenshot is empty", path.display()))?;
    let pixmap = tiny_skia::Pixmap::from_vec(data, size)
        .ok_or_else(|| format!("{}: the screenshot has the wrong size", path.display()))?;
    let png = pixmap
        .encode_png()
        .map_err(|e| format!("{}: cannot encode the PNG: {e}", path.display()))?;
    crate::atomic::write_output(path, &png)
        .map_err(|e| format!("{}: cannot write the PNG: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

impl Briefing {
    /// The presenter's caption and "scene 2/5" over the map.
    pub fn overlay_ui(&self, ctx: &egui::Context) {
        let caption = self
            .current
            .and_then(|i| self.scenes.get(i))
            .map(|s| (s.name.as_str(), s.caption.as_str()));
        presenter::overlay_ui(ctx, caption, self.current, self.scenes.len());
    }
}
