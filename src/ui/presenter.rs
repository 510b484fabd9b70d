//! Presenter mode: full screen, large type, only the map, the timeline and the scene's caption.
//! F5 enters, Esc leaves; PageDown/PageUp or →/← step through the scenes (the fly itself is
//! the briefing's, `scenes_ui`). Markers and labels get a projector palette: opaque outlines
//! and label backgrounds, and everything a third larger through egui's zoom factor.

use egui::{Align2, Color32, Key, Modifiers, Pos2, Rect, RichText, pos2};

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

/// The caption and "scene 2/5" over the map: the indicator top left, the caption at the top
/// in the middle unless that covers more of the markers, their labels, the legend or the
/// buttons than another spot ([`caption_spot`]); `busy` is the map's rect and those areas.
pub fn overlay_ui(
    ctx: &egui::Context,
    caption: Option<(&str, &str)>,
    (index, count): (Option<usize>, usize),
    busy: Option<(Rect, Vec<Rect>)>,
) {
    let frame = egui::Frame::popup(&ctx.global_style())
        .fill(ctx.global_style().visuals.panel_fill.gamma_multiply(0.92))
        .inner_margin(egui::Margin::symmetric(18, 10));
    if let Some((name, text)) = caption {
        let id = egui::Id::unique("presenter caption");
        // The caption's size is last frame's (the first frame puts it at the top).
        let spot = ctx
            .memory(|m| m.area_rect(id))
            .zip(busy)
            .map(|(last, (map, busy))| caption_spot(map, last.size(), &busy));
        let area = egui::Area::new(id).interactable(false);
        let area = match spot {
            Some(at) => area.fixed_pos(at),
            None => area.anchor(Align2::CENTER_TOP, [0.0, 12.0]),
        };
        area.show(ctx, |ui| {
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

/// Where the caption's box of `size` goes on the `map`: of the top middle, the bottom middle,
/// the top right (left of the buttons) and below the indicator at the top left, the spot whose
/// box covers the least area of `busy`; ties go to the first (the top middle, where a reader
/// looks first). The spot is the box's top-left corner, kept inside the map.
pub fn caption_spot(map: Rect, size: egui::Vec2, busy: &[Rect]) -> Pos2 {
    const INSET: f32 = 12.0;
    let mid = map.center().x - size.x / 2.0;
    let spots = [
        pos2(mid, map.top() + INSET),
        pos2(mid, map.bottom() - INSET - size.y),
        pos2(map.right() - 80.0 - size.x, map.top() + INSET),
        pos2(map.left() + INSET, map.top() + 64.0),
    ];
    let covered = |at: Pos2| -> f32 {
        let area = Rect::from_min_size(at, size);
        busy.iter()
            .map(|b| {
                let i = area.intersect(*b);
                if i.is_positive() { i.area() } else { 0.0 }
            })
            .sum()
    };
    let mut best = spots[0];
    let mut least = covered(best);
    for at in &spots[1..] {
        let c = covered(*at);
        if c < least {
            (best, least) = (*at, c);
        }
    }
    let max = (map.max - size).max(map.min);
    best.clamp(map.min, max)
}

#[cfg(test)]
mod tests {
    use egui::{Rect, pos2, vec2};

    use super::caption_spot;

    const MAP: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 600.0));
    const SIZE: egui::Vec2 = vec2(400.0, 100.0);

    #[test]
    fn the_caption_sits_at_the_top_in_the_middle_when_nothing_is_there() {
        let far = [Rect::from_center_size(pos2(500.0, 400.0), vec2(20.0, 20.0))];
        assert_eq!(caption_spot(MAP, SIZE, &far), pos2(300.0, 12.0));
        assert_eq!(caption_spot(MAP, SIZE, &[]), pos2(300.0, 12.0));
    }

    #[test]
    fn the_caption_moves_off_markers_at_the_top_then_off_markers_at_the_bottom() {
        let top = Rect::from_center_size(pos2(500.0, 60.0), vec2(30.0, 30.0));
        assert_eq!(caption_spot(MAP, SIZE, &[top]), pos2(300.0, 488.0));
        let bottom = Rect::from_center_size(pos2(500.0, 540.0), vec2(30.0, 30.0));
        let at = caption_spot(MAP, SIZE, &[top, bottom]);
        assert_eq!(at, pos2(520.0, 12.0), "top right, left of the buttons");
        let covered = Rect::from_min_size(at, SIZE);
        assert!(!covered.intersects(top) && !covered.intersects(bottom));
    }

    #[test]
    fn the_caption_stays_inside_a_map_smaller_than_itself() {
        let small = Rect::from_min_size(pos2(10.0, 20.0), vec2(300.0, 80.0));
        let at = caption_spot(small, SIZE, &[]);
        assert!(small.contains(at), "{at:?}");
    }
}
