//! The filters in force, as removable chips above the map: the time window, the selected place,
//! the search and the date basis. They are the one filter of the derived data
//! ([`crate::session::derived::Derived::admits`]) that the map, the timeline, the article list
//! and the export all read; this strip only says which are on and takes them off.

use egui::{RichText, Ui};

use super::ViewData;
use crate::index::EventFilter;
use crate::session::state::{Intent, WindowMode};

/// The AccessKit label of a chip's remove button: "Remove filter: <what it filters>".
pub fn chip_label(text: &str) -> String {
    format!("Remove filter: {text}")
}

/// One filter in force: what it reads as, and the intents that take it off.
struct Chip {
    text: String,
    hover: &'static str,
    remove: Vec<Intent>,
}

fn chips(data: ViewData<'_>) -> Vec<Chip> {
    let ViewData { model, state, .. } = data;
    let mut out = Vec::new();
    let (_, last) = state.range();
    match state.mode {
        WindowMode::Window => out.push(Chip {
            text: super::timeline::window_text(state),
            hover: "The time window: remove to show everything up to the last day",
            remove: vec![Intent::SetMode(WindowMode::Cumulative), Intent::SeekEnd],
        }),
        WindowMode::Cumulative if state.cursor() < last => out.push(Chip {
            text: format!("up to {}", state.cursor().format("%-d %b %Y")),
            hover: "Everything up to the cursor: remove to show up to the last day",
            remove: vec![Intent::SeekEnd],
        }),
        WindowMode::Cumulative => {}
    }
    if let Some(place) = state.selected_place {
        out.push(Chip {
            text: model.place_name(place),
            hover: "The selected place: remove to show every place",
            remove: vec![Intent::SelectPlace(None)],
        });
    }
    let search = state.search.trim();
    if !search.is_empty() {
        out.push(Chip {
            text: format!("“{search}”"),
            hover: "The search: only the events of articles that contain it",
            remove: vec![Intent::SetSearch(String::new())],
        });
    }
    if state.event_filter == EventFilter::DatedByText {
        out.push(Chip {
            text: "dated by the text only".to_owned(),
            hover: "Events dated only by their article's publication are hidden",
            remove: vec![Intent::SetEventFilter(EventFilter::All)],
        });
    }
    out
}

/// The strip of chips. Returns the intents of the chips removed this frame.
pub fn filter_chips_ui(ui: &mut Ui, data: ViewData<'_>) -> Vec<Intent> {
    let mut intents = Vec::new();
    // Wrapped: in a narrow window (1024 wide beside the article pane) the strip takes a second
    // line rather than running under the pane.
    ui.horizontal_wrapped(|ui| {
        let n = data.derived.shown_events;
        ui.label(RichText::new(format!("{n} event{}", if n == 1 { "" } else { "s" })).strong())
            .on_hover_text(
                "The events the filters let through, in the window: on the map, in the \
                 timeline's bars and in File > Export events",
            );
        if let Some(layer) = data.layer.filter(|_| !data.state.hide_layer) {
            let n = layer.count_in(data.state.window());
            ui.label(
                RichText::new(format!(
                    "· {n} {} record{}",
                    layer.layer.source.name(),
                    if n == 1 { "" } else { "s" }
                ))
                .color(data.palette.recorded),
            )
            .on_hover_text(format!(
                "The records of {} the same filters let through: the window, the search and the \
                 selected place",
                layer.layer.file_name()
            ));
        }
        // Events of undated articles whose sentence gives no date have no time: no window
        // holds them, so the map and the timeline never show them. Say so, and how to date them.
        let undated = data.model.dataset.index.undated_events().len();
        if undated > 0 {
            ui.label(
                RichText::new(format!(
                    "· {undated} undated event{} not on the map",
                    if undated == 1 { "" } else { "s" }
                ))
                .color(crate::ui::theme::WARNING),
            )
            .on_hover_text(
                "Events of articles without a date, in sentences that give none: they have no \
                 time, so no window shows them. Give an article its date in the article pane \
                 (\"Article date\") to put its events on the map and the timeline.",
            );
        }
        let chips = chips(data);
        if chips.is_empty() {
            ui.weak("· no filter: every event up to the last day");
        }
        for chip in chips {
            let label = chip_label(&chip.text);
            let response = ui
                .add(egui::Button::new(format!("{}  ×", chip.text)).corner_radius(10.0))
                .on_hover_text(chip.hover);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if response.clicked() {
                intents.extend(chip.remove);
            }
        }
    });
    intents
}
