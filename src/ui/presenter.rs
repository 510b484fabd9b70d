//! Presenter mode: full screen, large type, only the map, the timeline and the scene's caption.
//! F5 enters, Esc leaves; PageDown/PageUp or →/← step through the scenes (the fly itself is
//! the briefing's, `scenes_ui`). Markers and labels get a projector palette: opaque outlines
//! and label backgrounds, and everything a third larger through egui's zoom factor.

use egui::{Align2, Color32, Key, Modifiers, RichText};

use super::theme::Palette;
use crate::session::command::SceneCommand;

/// How much larger everything is drawn while presenting.
pub const PRESENTER_ZOOM: f32 = 1.35;
/// The AccessKit label of the "scene 2/5" indicator starts with this.
pub const INDICATOR_PREFIX: &str = "scene ";

/// Whether presenter mode is on, and what to restore when it ends.
#[derive(Clone, Copy, Debug, Default)]
pub struct Presenter {
    pub active: bool,
    fullscreen: bool,
    saved_zoom_factor: Option<f32>,
}

impl Presenter {
    /// Turns presenter mode on; `fullscreen` also asks the window to fill the screen (the export
    /// of every scene uses the clean layout without it).
    pub fn enter(&mut self, ctx: &egui::Context, fullscreen: bool) {
        if self.active {
            return;
        }
        self.active = true;
        self.fullscreen = fullscreen;
        self.saved_zoom_factor = Some(ctx.zoom_factor());
        ctx.set_zoom_factor(ctx.zoom_factor() * PRESENTER_ZOOM);
        if fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        ctx.request_repaint();
    }

    pub fn leave(&mut self, ctx: &egui::Context) {
        if !self.active {
            return;
        }
        self.active = false;
        if let Some(z) = self.saved_zoom_factor.take() {
            ctx.set_zoom_factor(z);
        }
        if self.fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.fullscreen = false;
        ctx.request_repaint();
    }
}

/// The presenter's keys, consumed before the timeline's own arrow keys see them. F5 enters; while
/// presenting, Esc leaves and PageDown/PageUp, →/← (and Space, as clickers send it) step.
pub fn presenter_keys(ctx: &egui::Context, active: bool) -> Vec<SceneCommand> {
    if !active && ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    ctx.input_mut(|i| {
        let mut commands = Vec::new();
        if !active {
            if i.consume_key(Modifiers::NONE, Key::F5) {
                commands.push(SceneCommand::EnterPresenter);
            }
            return commands;
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            commands.push(SceneCommand::LeavePresenter);
            return commands;
        }
        let mut count = |k: Key| i.count_and_consume_key(Modifiers::NONE, k) as i32;
        let forward = count(Key::PageDown) + count(Key::ArrowRight) + count(Key::Space);
        let back = count(Key::PageUp) + count(Key::ArrowLeft);
        // F5 again is harmless while presenting.
        count(Key::F5);
        if forward != back {
            commands.push(SceneCommand::Step(forward - back));
        }
        commands
    })
}

/// The palette for a projector: opaque outlines and label backgrounds, stronger faded markers.
pub fn palette(mut p: Palette) -> Palette {
    let opaque = |c: Color32, alpha: u8| {
        let [red, green, blue, old] = c.to_srgba_unmultiplied();
        Color32::from_rgba_unmultiplied(red, green, blue, old.max(alpha))
    };
    p.outline = opaque(p.outline, 255);
    p.label_bg = opaque(p.label_bg, 235);
    p.faded = opaque(p.faded, 150);
    p
}

/// The caption and "scene 2/5" over the top of the map.
pub fn overlay_ui(
    ctx: &egui::Context,
    caption: Option<(&str, &str)>,
    index: Option<usize>,
    count: usize,
) {
    let frame = egui::Frame::popup(&ctx.global_style())
        .fill(ctx.global_style().visuals.panel_fill.gamma_multiply(0.92))
        .inner_margin(egui::Margin::symmetric(18, 10));
    if let Some((name, text)) = caption {
        egui::Area::new(egui::Id::unique("presenter caption"))
            .anchor(Align2::CENTER_TOP, [0.0, 12.0])
            .interactable(false)
            .show(ctx, |ui| {
                frame.show(ui, |ui| {
                    ui.set_max_width(ctx.content_rect().width() * 0.7);
                    let name = crate::session::scenes::shown(
                        name,
                        crate::session::scenes::MAX_SHOWN_NAME_CHARS,
                    );
                    ui.label(RichText::new(name).size(30.0).strong());
                    if !text.trim().is_empty() {
                        let text = crate::session::scenes::shown(
                            text,
                            crate::session::scenes::MAX_SHOWN_CAPTION_CHARS,
                        );
                        ui.label(RichText::new(text).size(24.0));
                    }
                });
            });
    }
    let indicator = match index {
        Some(i) => format!("{INDICATOR_PREFIX}{}/{count}", i + 1),
        None if count == 0 => "no scenes: save some first (Esc leaves)".to_owned(),
        None => format!("{count} scenes: PageDown starts"),
    };
    egui::Area::new(egui::Id::unique("presenter indicator"))
        .anchor(Align2::LEFT_TOP, [12.0, 12.0])
        .interactable(false)
        .show(ctx, |ui| {
            frame.show(ui, |ui| {
                ui.label(RichText::new(indicator).size(18.0));
            });
        });
}
