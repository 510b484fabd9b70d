//! The scenes panel (save the view; show, rename, caption, reorder and delete scenes; present;
//! export) and the presenter's caption overlay.

use egui::{RichText, Ui};

use super::png_export;
use super::{
    Briefing, EXPORT_ALL_BUTTON, EXPORT_HEIGHT_LABEL, EXPORT_PATH_LABEL, EXPORT_PNG_BUTTON,
    EXPORT_WIDTH_LABEL, PRESENT_BUTTON, SAVE_SCENE_BUTTON, SCENE_CAPTION_LABEL, SCENE_NAME_LABEL,
    expand_home, scenes_folder,
};
use crate::basemap::Style;
use crate::session::command::SceneCommand;
use crate::session::scenes;
use crate::ui::presenter;

impl Briefing {
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
            let max = png_export::MAX_SLIDE_SIDE;
            ui.add(
                egui::DragValue::new(&mut self.export.width)
                    .range(16..=max)
                    .suffix(" px"),
            )
            .on_hover_text(EXPORT_WIDTH_LABEL)
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::SpinButton, true, EXPORT_WIDTH_LABEL)
            });
            ui.label("×");
            ui.add(
                egui::DragValue::new(&mut self.export.height)
                    .range(16..=max)
                    .suffix(" px"),
            )
            .on_hover_text(EXPORT_HEIGHT_LABEL)
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::SpinButton, true, EXPORT_HEIGHT_LABEL)
            });
            ui.selectable_value(&mut self.export.style, Style::Light, "Light")
                .on_hover_text("Slides on the light basemap");
            ui.selectable_value(&mut self.export.style, Style::Dark, "Dark")
                .on_hover_text("Slides on the dark basemap");
        });
        ui.horizontal_wrapped(|ui| {
            let busy = self.exporting();
            if ui
                .add_enabled(!busy, egui::Button::new(EXPORT_PNG_BUTTON))
                .on_hover_text(
                    "Save the map as it is now as a slide (no buttons; the size above) to this file",
                )
                .clicked()
            {
                commands.push(SceneCommand::ExportCurrent);
            }
            let folder = scenes_folder(&expand_home(&self.export.path_text));
            if ui
                .add_enabled(!busy && n > 0, egui::Button::new(EXPORT_ALL_BUTTON))
                .on_hover_text(format!(
                    "Save each scene as a slide, {}/01-<name>.png …, as `newsatlas render` \
                     draws it; your view stays as it is",
                    folder.display()
                ))
                .clicked()
            {
                commands.push(SceneCommand::ExportAll);
            }
            if let Some(p) = self.export.progress() {
                ui.spinner();
                if p.of > 1 {
                    ui.label(format!("{}/{}", p.done, p.of));
                }
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

impl Briefing {
    /// The presenter's caption and "scene 2/5" over the map, the caption where it covers the
    /// least of what the map shows (`busy`: the map's rect and what is drawn on it).
    pub fn overlay_ui(&self, ctx: &egui::Context, busy: Option<(egui::Rect, Vec<egui::Rect>)>) {
        let caption = self
            .current
            .and_then(|i| self.scenes.get(i))
            .map(|s| (s.name.as_str(), s.caption.as_str()));
        presenter::overlay_ui(ctx, caption, (self.current, self.scenes.len()), busy);
    }
}
