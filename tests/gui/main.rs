//! The real app driven by `egui_kittest`: one test binary for every GUI test, so CI links the
//! GUI stack once instead of once per file.
#![cfg(feature = "gui")]

mod briefing;
mod dating;
mod events;
mod explore;
mod hostile;
mod import;
mod layer;
mod pixels;
mod present;
mod view_layout;
