//! The eased fly from one scene to the next: each frame turns the transition's point into the
//! map's view and the cursor, as intents (the map itself stays the one writer of its view).

use crate::session::scenes::{self, Transition};
use crate::session::state::Intent;

use super::Briefing;

/// A fly in progress, driven by [`Briefing::frame`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Flight {
    pub(super) transition: Transition,
    pub(super) start_time: f64,
}

impl Briefing {
    /// Advances the fly: the map's view and the cursor, as intents.
    pub(super) fn fly(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
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
}
