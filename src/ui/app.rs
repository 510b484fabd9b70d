//! The eframe app: polls the loader, lays out the panels, collects the views' commands and applies
//! them in one place at the end of the frame.

use std::sync::Arc;

use egui::{Key, Modifiers, RichText, Ui};

use crate::index::EventFilter;
use crate::session::dataset::Dataset;

use super::ViewData;
use super::basemap_labels::MapLabels;
use super::basemap_tiles::Basemap;
use super::export_ui::{ExportDialog, export_window};
use super::import::ImportState;
use super::map::{MapView, map_ui};
use super::missing::{MissingView, missing_window};
use super::pane::{PaneView, article_pane_ui};
use super::prefs::Prefs;
use super::presenter;
use super::scenes_ui::Briefing;
use super::theme::{self, Palette};
use super::timeline::{TimelineView, timeline_ui};
use crate::session::command::Command;
use crate::session::derived::{DerivedCache, Model};
use crate::session::job::{Job, JobPoll};
use crate::session::rebuild::{GazetteerFiles, RunOptions};
use crate::session::state::{AppState, Intent, WindowMode};

/// The View menu's switch that shows or folds the article pane (its AccessKit label).
pub const ARTICLE_PANE_TOGGLE: &str = "Article pane";
/// The status bar's button that shows or folds the timeline (its AccessKit label; View >
/// Timeline does the same).
pub const TIMELINE_TOGGLE: &str = "Timeline panel";
/// The View menu's switch that shows or folds the scenes panel (the "Scenes" button does the
/// same).
pub const SCENES_PANEL_TOGGLE: &str = "Scenes panel";

/// The desktop app. Construct with [`NewsAtlasApp::new`] (loads on a thread) or, in tests,
/// [`NewsAtlasApp::with_dataset`] (synchronous).
pub struct NewsAtlasApp {
    loader: Option<Job<Dataset, crate::session::rebuild::Progress>>,
    load_error: Option<String>,
    model: Option<std::sync::Arc<Model>>,
    generation: u64,
    state: AppState,
    derived: DerivedCache,
    map: MapView,
    timeline: TimelineView,
    pane: PaneView,
    prefs: Prefs,
    search_input: String,
    show_problems: bool,
    /// `None` in tests: no render threads, a plain sea under the markers.
    basemap: Option<Basemap>,
    labels: Option<MapLabels>,
    /// Scenes, presenter mode and PNG export.
    briefing: Briefing,
    /// Import, drops, date overrides and the background rebuild (`import.rs`).
    import: ImportState,
    missing: MissingView,
    export: ExportDialog,
    /// Ask for the keyboard focus once, a few frames in (when the window is shown), so Space,
    /// arrows and typed dates work at once, also where no window manager hands focus over
    /// (a kiosk session, Xvfb).
    ask_focus_at_frame: Option<u64>,
    /// The window was fitted to the screen once (or needed no fitting).
    fitted_to_screen: bool,
    x11_window: Option<u32>,
    /// An event dataset (ACLED, GDELT) shown beside the articles.
    layer: Option<crate::session::recorded::LayerView>,
}

impl NewsAtlasApp {
    /// The app as `run` starts it: preferences from eframe storage, data loaded on a thread, the
    /// user's data from the platform's data folder.
    pub fn new(cc: &eframe::CreationContext<'_>, options: RunOptions) -> NewsAtlasApp {
        NewsAtlasApp::new_with_user(
            cc,
            options,
            crate::session::userdata::UserDataDir::platform(),
        )
    }

    /// [`NewsAtlasApp::new`] with the user's data in `user` (`None`: nothing is read or saved).
    pub fn new_with_user(
        cc: &eframe::CreationContext<'_>,
        options: RunOptions,
        user: Option<crate::session::userdata::UserDataDir>,
    ) -> NewsAtlasApp {
        let prefs = Prefs::load(cc.storage);
        let mut app = NewsAtlasApp::empty(&cc.egui_ctx, prefs).with_basemap(&cc.egui_ctx);
        app.import = ImportState::new(user, Some(options.gazetteer_files()));
        app.import.follow_outside_links = options.corpus_options.follow_outside_links;
        app.import.allow_online = app.prefs.allow_online;
        if let Some(path) = options.layer.clone() {
            app.import.open_layer(path, &cc.egui_ctx);
        }
        app.loader = Some(spawn_loader(
            options,
            app.import.user.clone(),
            cc.egui_ctx.clone(),
        ));
        app.briefing = Briefing::load(crate::session::scenes::default_path());
        app.briefing.show_panel |= app.prefs.show_scenes;
        app.x11_window = super::focus::x11_window(cc);
        app.ask_focus_at_frame = Some(2);
        app
    }

    /// Saves date overrides and gazetteer additions in `user` (instead of the platform's data
    /// folder, or nothing) and reloads the gazetteer from `files` after an addition (for tests).
    #[must_use]
    pub fn with_user_data(
        mut self,
        user: crate::session::userdata::UserDataDir,
        files: GazetteerFiles,
    ) -> NewsAtlasApp {
        self.import = ImportState::new(Some(user), Some(files));
        self
    }

    /// The "Missing places" window's state (for tests).
    pub fn missing_view(&self) -> &MissingView {
        &self.missing
    }

    /// Import, date overrides and the rebuild job (for tests).
    pub fn import_state(&self) -> &ImportState {
        &self.import
    }

    /// Draws the offline basemap (rendered on background threads) and its country labels under
    /// the markers. Without it the markers sit on a plain sea, which is what the tests use.
    #[must_use]
    pub fn with_basemap(mut self, ctx: &egui::Context) -> NewsAtlasApp {
        self.basemap = Some(Basemap::new(
            ctx,
            self.prefs.basemap.source(self.prefs.theme),
        ));
        self.labels = Some(MapLabels::for_model(self.model.as_deref()));
        self
    }

    /// An app over an already loaded dataset, with default preferences (for tests and tools).
    pub fn with_dataset(ctx: &egui::Context, dataset: Dataset) -> NewsAtlasApp {
        NewsAtlasApp::with_dataset_and_prefs(ctx, dataset, Prefs::default())
    }

    /// An app over an already loaded dataset with these preferences, as a restart would restore
    /// them (for tests and tools).
    pub fn with_dataset_and_prefs(
        ctx: &egui::Context,
        dataset: Dataset,
        prefs: Prefs,
    ) -> NewsAtlasApp {
        let mut app = NewsAtlasApp::empty(ctx, prefs);
        app.install(dataset);
        app
    }

    /// The preferences as they would be saved now (for tests).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    fn empty(ctx: &egui::Context, prefs: Prefs) -> NewsAtlasApp {
        theme::install_fonts(ctx);
        theme::apply(ctx, prefs.theme);
        NewsAtlasApp {
            loader: None,
            load_error: None,
            model: None,
            generation: 0,
            state: AppState::new(fallback_range()),
            derived: DerivedCache::default(),
            map: MapView::new(prefs.map_center, prefs.map_zoom),
            timeline: TimelineView::default(),
            pane: PaneView::default(),
            search_input: String::new(),
            show_problems: false,
            basemap: None,
            labels: None,
            briefing: Briefing::default(),
            import: ImportState::default(),
            missing: MissingView::default(),
            export: ExportDialog::default(),
            ask_focus_at_frame: None,
            fitted_to_screen: false,
            x11_window: None,
            layer: None,
            prefs,
        }
    }

    fn install(&mut self, dataset: Dataset) {
        self.generation += 1;
        let range = dataset
            .index
            .timeline_range()
            .unwrap_or_else(fallback_range);
        let mut state = AppState::new(range);
        let key = super::prefs::corpus_key(&dataset.articles);
        let p = self.prefs.clone();
        if p.corpus.as_deref() == Some(key.as_str()) {
            state.restore(p.cursor, p.half_window_days, p.mode, p.speed_days_per_sec);
        } else {
            // Another corpus than the saved view's (or none): its opening view, every event up
            // to its last day, fitted; the window width and the speed are the user's still.
            state.restore(
                None,
                p.half_window_days,
                WindowMode::Cumulative,
                p.speed_days_per_sec,
            );
            state.apply(Intent::SeekEnd);
            self.map = MapView::new(None, None);
            self.prefs.corpus = Some(key);
        }
        state.event_filter = if p.show_publication_dated {
            EventFilter::All
        } else {
            EventFilter::DatedByText
        };
        self.state = state;
        self.model = Some(std::sync::Arc::new(Model::new(dataset, self.generation)));
        if self.labels.is_some() {
            self.labels = Some(MapLabels::for_model(self.model.as_deref()));
        }
    }

    /// Keeps the scenes in `path` instead of the user's data folder (for tests and tools).
    #[must_use]
    pub fn with_scenes_file(mut self, path: std::path::PathBuf) -> NewsAtlasApp {
        self.briefing = Briefing::load(Some(path));
        self.briefing.show_panel |= self.prefs.show_scenes;
        self
    }

    /// Scenes, presenter mode and exports.
    pub fn briefing(&self) -> &Briefing {
        &self.briefing
    }

    pub fn briefing_mut(&mut self) -> &mut Briefing {
        &mut self.briefing
    }

    /// The article pane's own state (for tests).
    pub fn pane_view(&self) -> &PaneView {
        &self.pane
    }

    /// The shared state (for tests).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_deref()
    }

    /// The data the views drew last frame (for tests).
    pub fn derived(&self) -> Option<&crate::session::derived::Derived> {
        self.derived.current()
    }

    pub fn derived_rebuilds(&self) -> u64 {
        self.derived.rebuilds()
    }

    pub fn map_view(&self) -> &MapView {
        &self.map
    }

    /// The map view, to put it somewhere (for tests).
    pub fn map_view_mut(&mut self) -> &mut MapView {
        &mut self.map
    }

    /// The attribution drawn on the map, when a basemap is shown.
    pub fn basemap_attribution(&self) -> Option<String> {
        self.basemap.as_ref().map(Basemap::attribution)
    }

    fn poll_loader(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.loader else { return };
        match job.poll() {
            JobPoll::Done(dataset) => {
                self.loader = None;
                self.install(dataset);
                ctx.request_repaint();
            }
            JobPoll::Failed(message) => {
                self.loader = None;
                self.load_error = Some(message);
            }
            JobPoll::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }

    /// Installs the result of a finished import or update.
    fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(done) = self.import.poll(ctx) else {
            return;
        };
        let old = self.state.clone();
        let same_places = self
            .model
            .as_ref()
            .is_some_and(|m| Arc::ptr_eq(&m.dataset.gazetteer, &done.dataset.gazetteer));
        self.install(done.dataset);
        if done.keep_view {
            crate::session::state::carry_view(&old, &mut self.state, same_places);
        } else {
            self.state.apply(Intent::FitAll);
        }
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(RichText::new("newsatlas").strong());
            ui.menu_button("File", |ui| {
                // "Missing places (N)" is counted in the background once the menu is looked at
                // (once per data change), without opening that window first.
                if let Some(model) = &self.model {
                    self.missing.refresh(model, ui.ctx());
                }
                if ui.button("Open folder…").clicked() {
                    self.import.open_dialog();
                    ui.close();
                }
                if ui
                    .button("Open URL…")
                    .on_hover_text("A page, feed or PDF by its address (asks before going online)")
                    .clicked()
                {
                    self.import.open_url_dialog(None);
                    ui.close();
                }
                let has_data = self.model.is_some();
                if ui
                    .add_enabled(has_data, egui::Button::new("Export events…"))
                    .clicked()
                {
                    self.export.open = true;
                    ui.close();
                }
                let text = super::missing::menu_text(
                    &self.missing,
                    self.model.as_ref().map(|m| m.generation),
                );
                if ui.add_enabled(has_data, egui::Button::new(text)).clicked() {
                    self.missing.open = true;
                    ui.close();
                }
            });
            ui.separator();
            let label = ui.label("Search");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search_input)
                        .hint_text("Haftar, Tripoli…")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                commands.push(Intent::SetSearch(self.search_input.clone()).into());
            }
            // Enter / Shift+Enter: the next / previous article with a hit, selected and shown.
            let (enter, back) = ui.input(|i| (i.key_pressed(Key::Enter), i.modifiers.shift));
            if enter
                && (response.lost_focus() || response.has_focus())
                && !self.state.search.trim().is_empty()
                && let (Some(model), Some(d)) = (&self.model, self.derived.current())
            {
                commands.extend(
                    step_search_hits(
                        model,
                        &d.search_hits(model),
                        self.state.selected_article,
                        back,
                    )
                    .into_iter()
                    .map(Command::State),
                );
                response.request_focus();
            }
            if !self.state.search.trim().is_empty() {
                if let Some(d) = self.derived.current() {
                    ui.label(format!(
                        "{} article(s) · {} place(s)",
                        d.search_article_count, d.search_place_count
                    ));
                }
                if ui.button("×").on_hover_text("Clear the search").clicked() {
                    self.search_input.clear();
                    commands.push(Intent::SetSearch(String::new()).into());
                }
            }
            ui.separator();
            self.briefing.toggle_button_ui(ui);
            if ui
                .button("Fit map")
                .on_hover_text("Show every place with events")
                .clicked()
            {
                commands.push(Intent::FitAll.into());
            }
            // Theme and basemap in one menu, so the bar holds on one line at 1024 points.
            ui.menu_button("View", |ui| {
                let theme_label = match self.prefs.theme {
                    theme::ThemeChoice::Dark => "Light theme",
                    theme::ThemeChoice::Light => "Dark theme",
                };
                if ui.button(theme_label).clicked() {
                    self.prefs.theme = self.prefs.theme.toggled();
                    theme::apply(ui.ctx(), self.prefs.theme);
                    self.sync_basemap();
                    ui.close();
                }
                ui.checkbox(&mut self.prefs.show_articles, ARTICLE_PANE_TOGGLE)
                    .on_hover_text("Fold the article pane away for more map");
                ui.checkbox(&mut self.prefs.show_timeline, "Timeline")
                    .on_hover_text("Fold the timeline away for more map");
                ui.checkbox(&mut self.briefing.show_panel, SCENES_PANEL_TOGGLE)
                    .on_hover_text("Saved views for a briefing; F5 presents them");
                if self.basemap.is_some() {
                    ui.separator();
                    ui.weak("Basemap");
                    let before = self.prefs.basemap;
                    for choice in theme::BasemapChoice::ALL {
                        ui.radio_value(&mut self.prefs.basemap, choice, choice.name());
                    }
                    if self.prefs.basemap != before {
                        self.sync_basemap();
                    }
                }
            });
            if let Some(model) = &self.model {
                let n = model.dataset.problems.len()
                    + self.layer.as_ref().map_or(0, |l| l.layer.problems.len());
                if n > 0 {
                    let text = RichText::new(format!("{n} problems")).color(super::theme::WARNING);
                    if ui
                        .button(text)
                        .on_hover_text("Problems met while loading the data")
                        .clicked()
                    {
                        self.show_problems = !self.show_problems;
                    }
                }
            }
        });
    }

    /// Applies one command: the one place where what the views, the keys and the briefing ask
    /// for changes the app. Returns whether a frame should follow to show the change.
    fn apply(&mut self, command: Command, ctx: &egui::Context) -> bool {
        match command {
            Command::State(intent) => return self.state.apply(intent),
            Command::Scene(command) => self.briefing.push(command),
            Command::SetArticleDate { article, date } => {
                if let Some(model) = &self.model {
                    self.import.set_date(model, article, date, ctx);
                }
            }
            Command::FixPlace(fix) => {
                if let Some(model) = &self.model {
                    self.import.fix_place(model, &fix, ctx);
                }
            }
            Command::TypeDate(text) => self.timeline.open_goto(text),
        }
        true
    }

    /// Points the basemap at the chosen source (after a change of choice or theme).
    fn sync_basemap(&mut self) {
        if let Some(b) = &mut self.basemap {
            b.set_source(self.prefs.basemap.source(self.prefs.theme));
        }
    }

    fn problems_window(&mut self, ctx: &egui::Context) {
        let Some(model) = &self.model else { return };
        if !self.show_problems {
            return;
        }
        let layer = self
            .layer
            .as_ref()
            .map_or(&[][..], |l| l.layer.problems.as_slice());
        let problems: Vec<&crate::problem::Problem> =
            model.dataset.problems.iter().chain(layer).collect();
        egui::Window::new(format!("{} problems", problems.len()))
            .open(&mut self.show_problems)
            .default_size([720.0, 400.0])
            .show(ctx, |ui| {
                egui::ScrollArea::both().show(ui, |ui| {
                    for p in problems {
                        ui.label(RichText::new(p.to_string()).monospace());
                    }
                });
            });
    }
}

/// The keyboard shortcuts, unless a text field has the keyboard. Keys are consumed here, before
/// any widget sees them (so Space does not also press a focused button).
/// Esc folds fanned-out markers back when `spread_open`, else clears the selection.
fn keyboard_commands(ctx: &egui::Context, spread_open: bool) -> Vec<Command> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    ctx.input_mut(|i| {
        let mut intents = Vec::new();
        let mut count = |m: Modifiers, k: Key| i.count_and_consume_key(m, k) as i32;
        let week_back = count(Modifiers::SHIFT, Key::ArrowLeft);
        let week_fwd = count(Modifiers::SHIFT, Key::ArrowRight);
        let back = count(Modifiers::NONE, Key::ArrowLeft);
        let fwd = count(Modifiers::NONE, Key::ArrowRight);
        let days = 7 * (week_fwd - week_back) + fwd - back;
        if days != 0 {
            intents.push(Intent::StepDays(days));
        }
        if count(Modifiers::NONE, Key::Space) % 2 == 1 {
            intents.push(Intent::TogglePlay);
        }
        if count(Modifiers::NONE, Key::Home) > 0 {
            intents.push(Intent::SeekStart);
        }
        if count(Modifiers::NONE, Key::End) > 0 {
            intents.push(Intent::SeekEnd);
        }
        if count(Modifiers::NONE, Key::Escape) > 0 {
            if spread_open {
                intents.push(Intent::CloseSpread);
            } else {
                intents.push(Intent::SelectPlace(None));
                intents.push(Intent::ClearArticle);
            }
        }
        // Typing a digit opens "Go to date" with it.
        let typed: String = i
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let mut commands: Vec<Command> = intents.into_iter().map(Command::State).collect();
        if typed.starts_with(|c: char| c.is_ascii_digit()) {
            commands.push(Command::TypeDate(typed));
        }
        commands
    })
}

/// Fills the screen with the window when it opened neither maximized nor fitting the screen: with
/// no window manager the maximize request is lost and the window keeps its default size, a black
/// border around it on a large screen or cut off on a small one. A window the user or the window
/// manager sized (maximized, or within a tenth of the screen) is left alone. Returns whether it
/// asked for a new size.
fn fit_window_to_screen(ctx: &egui::Context) -> bool {
    let (monitor, inner, maximized, fullscreen) = ctx.input(|i| {
        let v = i.viewport();
        (
            v.monitor_size,
            v.inner_rect.map(|r| r.size()),
            v.maximized,
            v.fullscreen,
        )
    });
    let (Some(monitor), Some(inner)) = (monitor, inner) else {
        return false;
    };
    if maximized == Some(true) || fullscreen == Some(true) {
        return false;
    }
    let Some(size) = screen_fitting_size(monitor, inner) else {
        return false;
    };
    log::info!(
        "the window was not maximized: fitting it to the screen, {:.0}x{:.0}",
        size.x,
        size.y
    );
    ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(0.0, 0.0)));
    ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
    true
}

/// The size to give a window of `inner` points on a screen of `monitor` points, when it needs one:
/// larger than the screen, or more than a tenth smaller in both directions.
fn screen_fitting_size(monitor: egui::Vec2, inner: egui::Vec2) -> Option<egui::Vec2> {
    let usable = monitor.x > 0.0 && monitor.y > 0.0;
    let too_big = inner.x > monitor.x + 1.0 || inner.y > monitor.y + 1.0;
    let too_small = inner.x < monitor.x * 0.9 && inner.y < monitor.y * 0.9;
    (usable && (too_big || too_small)).then_some(monitor)
}

impl eframe::App for NewsAtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self
            .ask_focus_at_frame
            .is_some_and(|n| ctx.cumulative_frame_nr() >= n)
        {
            self.ask_focus_at_frame = None;
            if !self.fitted_to_screen {
                // First fit, then take the focus a few frames later: the X server may hand the
                // focus back to the root while an unmanaged window is moved and resized.
                self.fitted_to_screen = true;
                if fit_window_to_screen(&ctx) {
                    self.ask_focus_at_frame = Some(ctx.cumulative_frame_nr() + 5);
                }
            }
            if self.ask_focus_at_frame.is_none()
                && let Some(window) = self.x11_window
            {
                super::focus::take_focus_if_unmanaged(window);
            }
        } else if self.ask_focus_at_frame.is_some() {
            ctx.request_repaint();
        }
        self.poll_loader(&ctx);
        self.poll_import(&ctx);
        if let Some(layer) = self.import.poll_layer() {
            self.layer = Some(crate::session::recorded::LayerView::new(layer));
        }
        let mut commands: Vec<Command> = Vec::new();
        // Scenes first: the presenter's keys are consumed before the timeline's arrows, and a
        // frame that enters or leaves presenter mode already draws the new layout.
        if let Some(model) = &self.model {
            commands.extend(self.briefing.frame(&ctx, model, &self.state, &self.map));
        }

        if !self.briefing.presenting() {
            egui::Panel::top("top bar").show(ui, |ui| self.top_bar_ui(ui, &mut commands));
        }
        self.import.drops_ui(&ctx, self.model.as_deref());
        self.import.paste_ui(&ctx, self.model.as_deref());
        self.import.dialog_ui(&ctx, self.model.as_deref());
        self.import.url_dialog_ui(&ctx);
        self.import.poll_fetch(&ctx, self.model.as_deref());
        self.prefs.allow_online = self.import.allow_online;
        self.import.progress_ui(ui);

        let Some(model) = &self.model else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.centered_and_justified(|ui| {
                    if let Some(e) = &self.load_error {
                        ui.label(RichText::new(format!("Loading failed: {e}")).size(24.0));
                        return;
                    }
                    // Reading a large events file takes seconds: say how far it is.
                    let progress = self.loader.as_ref().map(Job::progress).unwrap_or_default();
                    if progress.total > 0 {
                        ui.vertical_centered(|ui| {
                            ui.label(RichText::new(progress.text()).size(28.0));
                            ui.add(
                                egui::ProgressBar::new(progress.fraction())
                                    .desired_width(360.0)
                                    .show_percentage(),
                            );
                        });
                    } else {
                        ui.label(RichText::new("Loading…").size(28.0));
                    }
                });
            });
            return;
        };

        let presenting = self.briefing.presenting();
        let palette = if presenting {
            presenter::palette(Palette::of(self.prefs.theme))
        } else {
            Palette::of(self.prefs.theme)
        };
        commands.extend(keyboard_commands(&ctx, self.state.spread.is_some()));
        if self.state.playing {
            let dt = ctx.input(|i| i.stable_dt).min(0.1);
            commands.push(Intent::Advance { dt_secs: dt }.into());
            ctx.request_repaint();
        }

        let request = self.state.map_request.take();
        let derived = self.derived.get(model, &self.state);
        if let Some(layer) = &mut self.layer {
            let near = self.state.selected_place.and_then(|p| model.place_coord(p));
            layer.update(&self.state.search, near);
        }
        let data = ViewData {
            model,
            derived,
            state: &self.state,
            palette: &palette,
            layer: self.layer.as_ref(),
        };

        // The presenter's timeline is the strip under one line of dates: no controls, more map.
        // A small window starts with a lower timeline, so the map and the article keep room.
        let timeline_panel = if presenting {
            egui::Panel::bottom("timeline presenting")
                .resizable(false)
                .exact_size(150.0)
        } else {
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size((ctx.content_rect().height() * 0.3).clamp(170.0, 230.0))
                .min_size(170.0)
        };
        if !presenting {
            // One line for messages under everything, always there: a message that comes or
            // goes moves no control and no panel.
            egui::Panel::bottom("status bar")
                .resizable(false)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        // The timeline's switch, right; with the timeline folded, the time
                        // window it would show.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let open = self.prefs.show_timeline;
                            let response = ui
                                .selectable_label(
                                    open,
                                    if open { "▾ Timeline" } else { "▸ Timeline" },
                                )
                                .on_hover_text(if open {
                                    "Fold the timeline away for more map"
                                } else {
                                    "Show the timeline"
                                });
                            response.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::Button,
                                    true,
                                    open,
                                    TIMELINE_TOGGLE,
                                )
                            });
                            if response.clicked() {
                                self.prefs.show_timeline = !open;
                            }
                            if !open {
                                ui.strong(super::timeline::window_text(&self.state));
                            }
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    if !self.import.status_ui(ui) {
                                        match &self.briefing.notice {
                                            Some(notice) => ui.weak(notice),
                                            None => ui.weak("Ready"),
                                        };
                                    }
                                },
                            );
                        });
                    });
                });
        }
        if presenting || self.prefs.show_timeline {
            timeline_panel.show(ui, |ui| {
                let intents = timeline_ui(ui, &mut self.timeline, data, presenting);
                commands.extend(intents.into_iter().map(Command::State));
            });
        }
        if !presenting && self.prefs.show_articles {
            egui::Panel::right("articles")
                .resizable(true)
                .default_size(480.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    commands.extend(article_pane_ui(ui, &mut self.pane, data));
                });
        }
        if !presenting && self.briefing.show_panel {
            egui::Panel::left("scenes")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    let scene_commands = self.briefing.panel_ui(ui);
                    commands.extend(scene_commands.into_iter().map(Command::Scene));
                });
        }
        if !presenting {
            egui::Panel::top("filters").show(ui, |ui| {
                let intents = super::filters::filter_chips_ui(ui, data);
                commands.extend(intents.into_iter().map(Command::State));
            });
        }
        let mut map_click = None;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let map_rect = ui.max_rect();
            if self.missing.placing {
                map_click = super::missing::map_click(ui, map_rect, &self.map);
            }
            let basemap = self.basemap.as_mut();
            let intents = map_ui(
                ui,
                &mut self.map,
                data,
                request,
                basemap,
                self.labels.as_ref(),
            );
            commands.extend(intents.into_iter().map(Command::State));
        });

        if let Some(at) = map_click {
            self.missing.map_clicked(at, model);
        }
        export_window(&ctx, &mut self.export, model, derived, &self.state);
        let busy = self.import.is_busy();
        if let Some(fix) = missing_window(&ctx, &mut self.missing, model, busy) {
            commands.push(Command::FixPlace(fix));
        }
        if presenting {
            self.briefing.overlay_ui(&ctx, self.map.busy_areas());
        }

        self.problems_window(&ctx);
        let mut changed = false;
        for command in commands {
            changed |= self.apply(command, &ctx);
        }
        // The switch is a preference: kept at once, so a rebuild (an import, a date override)
        // installs the new data with it, and the next start too.
        self.prefs.show_publication_dated = self.state.event_filter == EventFilter::All;
        self.prefs.show_scenes = self.briefing.show_panel;
        if changed {
            // The views drew the old state this frame; draw the new one next.
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.model.is_some() {
            self.prefs.map_center = self.map.center();
            self.prefs.map_zoom = Some(self.map.zoom());
            self.prefs.cursor = Some(self.state.cursor());
            self.prefs.half_window_days = self.state.half_window_days;
            self.prefs.mode = self.state.mode;
            self.prefs.speed_days_per_sec = self.state.speed_days_per_sec;
        }
        self.prefs.save(storage);
    }
}

/// The intents that select the article after (or, `back`, before) `selected` among `listed`
/// (the articles with a search hit), wrapping around, and bring its places into view.
fn step_search_hits(
    model: &Model,
    listed: &[crate::extract::ArticleIdx],
    selected: Option<crate::extract::ArticleIdx>,
    back: bool,
) -> Vec<Intent> {
    let n = listed.len();
    if n == 0 {
        return Vec::new();
    }
    let at = selected.and_then(|a| listed.iter().position(|&x| x == a));
    let next = match (at, back) {
        (None, false) => 0,
        (None, true) => n - 1,
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
    };
    let article = listed[next];
    let mut intents = vec![Intent::SelectArticle {
        article,
        date: model.article_date(article),
    }];
    if let Some((sw, ne)) = model.article_bounds(article) {
        intents.push(Intent::RevealArea { sw, ne });
    }
    intents
}

/// The timeline of a dataset with no dates at all: today.
fn fallback_range() -> (chrono::NaiveDate, chrono::NaiveDate) {
    let today = chrono::Local::now().date_naive();
    (today, today)
}

/// Loads the dataset as a background job; a panic in the loader becomes an error message, so
/// the app never hangs on "Loading…".
fn spawn_loader(
    options: RunOptions,
    user: Option<crate::session::userdata::UserDataDir>,
    ctx: egui::Context,
) -> Job<Dataset, crate::session::rebuild::Progress> {
    Job::spawn(
        "dataset-loader",
        move || ctx.request_repaint(),
        move |job| {
            crate::session::rebuild::load_with_user_data(&options, user.as_ref(), &|p| {
                job.progress(p);
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::screen_fitting_size;
    use egui::vec2;

    #[test]
    fn a_window_is_fitted_to_a_screen_it_overflows_or_leaves_mostly_empty() {
        let big = vec2(1920.0, 1080.0);
        assert_eq!(
            screen_fitting_size(big, vec2(1440.0, 900.0)),
            Some(big),
            "the default size on a projector's screen"
        );
        let small = vec2(1024.0, 640.0);
        assert_eq!(
            screen_fitting_size(small, vec2(1440.0, 900.0)),
            Some(small),
            "cut off"
        );
        assert_eq!(
            screen_fitting_size(big, vec2(1900.0, 1040.0)),
            None,
            "maximized by a panel-holding window manager"
        );
        assert_eq!(
            screen_fitting_size(big, vec2(1000.0, 1060.0)),
            None,
            "tiled to half the screen"
        );
        assert_eq!(
            screen_fitting_size(vec2(0.0, 0.0), vec2(1440.0, 900.0)),
            None,
            "no monitor known"
        );
    }
}
