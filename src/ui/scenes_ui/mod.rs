//! The scenes panel and the briefing controller: saved scenes (save, show, rename, caption,
//! reorder, delete), stepping with an eased fly, and PNG export of the view or of every scene.
//!
//! The panel returns [`SceneCommand`]s (in `session::command`), which the app applies with every
//! other command: it queues them here, and [`Briefing::frame`] runs them at the start of the next
//! frame (before the map draws), turning them into the app's ordinary commands (seek, window,
//! selection, and the map's view for each step of the fly: the map itself is its one writer).
//! The file format, loading and stepping rule live in the GUI-free [`crate::session::scenes`].
//!
//! Here: [`Briefing`] and the running of its commands. Beside it: the panel and the presenter's
//! caption overlay (`panel`), the eased fly (`flight`), PNG export with its writer jobs
//! (`png_export`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;

use crate::coord::LatLon;
use crate::problem::Problem;
use crate::session::scenes::{self, Scene, SceneMode, Transition, View};

use super::map::MapView;
use super::presenter::{self, Presenter};
use crate::session::command::{Command, SceneCommand};
use crate::session::derived::Model;
use crate::session::state::{AppState, Intent, WindowMode};

mod flight;
mod panel;
mod png_export;

use self::flight::Flight;
use self::png_export::scenes_folder;
use self::png_export::{Export, Slide};
use crate::ui::import::expand_home;

/// AccessKit labels of the panel's controls (tests and screen readers find them by these).
pub const SCENES_BUTTON: &str = "Scenes";
pub const SCENE_NAME_LABEL: &str = "Scene name";
pub const SCENE_CAPTION_LABEL: &str = "Scene caption";
pub const SAVE_SCENE_BUTTON: &str = "Save scene";
pub const PRESENT_BUTTON: &str = "Present (F5)";
pub const EXPORT_PATH_LABEL: &str = "PNG file";
pub const EXPORT_PNG_BUTTON: &str = "Export PNG…";
pub const EXPORT_ALL_BUTTON: &str = "Export every scene";
pub const EXPORT_WIDTH_LABEL: &str = "Slide width";
pub const EXPORT_HEIGHT_LABEL: &str = "Slide height";

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
            export: Export::new(),
        }
    }
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
        model: &Arc<Model>,
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
        self.export_tick();
        intents.into_iter().map(Command::State).collect()
    }

    fn apply(
        &mut self,
        command: SceneCommand,
        ctx: &egui::Context,
        model: &Arc<Model>,
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
                // A briefing starts at its beginning, whichever scene was shown last.
                if !self.scenes.is_empty() {
                    self.show(0, true, ctx, model, cursor_now, map, intents);
                }
            }
            SceneCommand::LeavePresenter => {
                self.presenter.leave(ctx);
            }
            SceneCommand::ExportCurrent => {
                // The view as it is, drawn as a slide that shows all of the map's area.
                let mut scene = capture(String::new(), String::new(), model, state, map);
                if let Some(size) = map.size() {
                    scene.zoom = crate::outputs::render::slide_zoom_for_view(
                        scene.zoom,
                        (size.x, size.y),
                        self.export.options(),
                    );
                }
                let path = expand_home(&self.export.path_text);
                self.start_export(ctx, model, vec![Slide { path, scene }]);
            }
            SceneCommand::ExportAll => {
                if self.scenes.is_empty() {
                    self.notice = Some("No scenes to export yet.".to_owned());
                    return;
                }
                let folder = scenes_folder(&expand_home(&self.export.path_text));
                let slides = self
                    .scenes
                    .iter()
                    .enumerate()
                    .map(|(i, scene)| Slide {
                        path: folder.join(scenes::export_file_name(i, scene)),
                        scene: scene.clone(),
                    })
                    .collect();
                self.start_export(ctx, model, slides);
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
