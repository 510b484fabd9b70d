//! The "Missing places" window: capitalised names the gazetteer could not place, over all
//! articles (name, count, articles), with suggestions from the gazetteer, and two fixes: use a
//! suggestion (the name becomes an alias of that place) or add a new place (typed coordinates or
//! "Place on map": the next map click sets them).
//!
//! The list is computed by a background job (`session::job`) once per dataset; a job that fails
//! says so in the window. A fix is returned as a
//! [`MissingFix`]; the app saves it in the user gazetteer and rebuilds in the background, so it
//! applies to every occurrence in every article at once.

use std::sync::Arc;

use egui::{Pos2, Rect, RichText, Ui};

use crate::coord::LatLon;
use crate::extract::ArticleIdx;
use crate::gazetteer::PlaceKind;
use crate::session::userdata::{
    MissingName, NewPlace, Suggestion, articles_text, missing_names, suggest_places,
};

use crate::session::derived::Model;
use crate::session::job::{Job, JobPoll};

use super::theme::WARNING;
use crate::session::edits::MissingFix;

/// AccessKit labels of the form's fields.
pub const LAT_LABEL: &str = "Latitude";
pub const LON_LABEL: &str = "Longitude";
pub const COUNTRY_LABEL: &str = "Country code";
pub const ALIASES_LABEL: &str = "Other spellings";

/// The add-a-place form for the chosen name.
#[derive(Clone, Debug)]
struct Form {
    name: String,
    lat: String,
    lon: String,
    kind: PlaceKind,
    country: String,
    aliases: String,
    suggestions: Vec<Suggestion>,
}

/// State of the window.
#[derive(Default)]
pub struct MissingView {
    pub open: bool,
    /// Waiting for a map click to set the form's coordinates.
    pub placing: bool,
    /// (dataset generation, names).
    names: Option<(u64, Vec<MissingName>)>,
    pending: Option<(u64, Job<Vec<MissingName>>)>,
    /// (dataset generation, why the count failed).
    failed: Option<(u64, String)>,
    filter: String,
    form: Option<Form>,
}

impl MissingView {
    /// The names for this dataset, when computed.
    pub fn names(&self, generation: u64) -> Option<&[MissingName]> {
        self.names
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, n)| n.as_slice())
    }

    /// Starts computing the list for `model` if it is not there yet; polls a running computation.
    pub fn refresh(&mut self, model: &Model, ctx: &egui::Context) {
        let generation = model.generation;
        if let Some((g, job)) = &mut self.pending {
            match job.poll() {
                JobPoll::Done(names) => {
                    self.names = Some((*g, names));
                    self.pending = None;
                }
                JobPoll::Running => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                }
                JobPoll::Failed(why) => {
                    self.failed = Some((*g, why));
                    self.pending = None;
                }
            }
        }
        let have = self.names.as_ref().is_some_and(|(g, _)| *g == generation);
        let computing = self.pending.as_ref().is_some_and(|(g, _)| *g == generation);
        let failed = self.failed.as_ref().is_some_and(|(g, _)| *g == generation);
        if have || computing || failed {
            return;
        }
        let articles = Arc::clone(&model.dataset.articles);
        let gazetteer = Arc::clone(&model.dataset.gazetteer);
        let wake = ctx.clone();
        let job = Job::spawn(
            "missing-places",
            move || wake.request_repaint(),
            move |_| missing_names(&articles, &gazetteer),
        );
        self.pending = Some((generation, job));
    }

    /// Opens the form for `name`, which `articles` use (used by the list, and by tests).
    pub fn choose(&mut self, model: &Model, name: &str, articles: &[ArticleIdx]) {
        let suggestions = suggest_places(name, &model.dataset.gazetteer, 8);
        self.form = Some(Form {
            name: name.to_owned(),
            lat: String::new(),
            lon: String::new(),
            kind: PlaceKind::District,
            country: focus_country(model, articles).unwrap_or_default(),
            aliases: String::new(),
            suggestions,
        });
        self.placing = false;
    }

    /// A map click while placing: fills the coordinates, and the country from the nearest
    /// place the gazetteer knows there.
    pub fn map_clicked(&mut self, at: LatLon, model: &Model) {
        if let Some(form) = &mut self.form {
            form.lat = format!("{:.5}", at.lat);
            form.lon = format!("{:.5}", at.lon);
            if let Some(country) = country_near(model, at) {
                form.country = country;
            }
        }
        self.placing = false;
    }
}

/// The country most of the events are in, in `articles` (those that use a name): the likeliest
/// country of a place they name and the gazetteer does not know. (From the missing name's own
/// list of articles: no text is read, on a click at a million events either.)
fn focus_country(model: &Model, articles: &[ArticleIdx]) -> Option<String> {
    let ds = &model.dataset;
    let places = ds.gazetteer.places();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for x in articles
        .iter()
        .filter_map(|a| ds.extractions.get(a.0 as usize))
    {
        for e in &x.events {
            if let Some(c) = places.get(e.place.0 as usize).and_then(|p| p.country) {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
        .map(|(c, _)| c.to_owned())
}

/// The country of the gazetteer's place nearest to `at` (within about 3 degrees).
fn country_near(model: &Model, at: LatLon) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for p in model.dataset.gazetteer.places() {
        let Some(country) = p.country else { continue };
        let (dlat, dlon) = (
            p.coord.lat - at.lat,
            (p.coord.lon - at.lon) * at.lat.to_radians().cos(),
        );
        let d = dlat * dlat + dlon * dlon;
        if d < 9.0 && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, country));
        }
    }
    best.map(|(_, c)| c.to_owned())
}

/// The window. Returns a fix when the user made one.
pub fn missing_window(
    ctx: &egui::Context,
    view: &mut MissingView,
    model: &Model,
    busy: bool,
) -> Option<MissingFix> {
    if !view.open {
        view.placing = false;
        return None;
    }
    view.refresh(model, ctx);
    let mut open = true;
    let mut fix = None;
    egui::Window::new("Missing places")
        .open(&mut open)
        .default_size([460.0, 560.0])
        .show(ctx, |ui| {
            if let Some(form) = view.form.clone() {
                fix = form_ui(ui, view, form, model, busy);
                ui.separator();
            }
            list_ui(ui, view, model);
        });
    view.open = open;
    fix
}

fn list_ui(ui: &mut Ui, view: &mut MissingView, model: &Model) {
    let Some(names) = view.names(model.generation).map(<[MissingName]>::to_vec) else {
        if let Some((_, why)) = view.failed.as_ref().filter(|(g, _)| *g == model.generation) {
            ui.colored_label(WARNING, format!("The names could not be counted: {why}"));
            return;
        }
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for names the gazetteer does not know…");
        });
        return;
    };
    ui.label(format!(
        "{} capitalised name(s) that look like places but match nothing. Pick one to place it.",
        names.len()
    ));
    ui.add(egui::TextEdit::singleline(&mut view.filter).hint_text("Filter"));
    let filter = view.filter.trim().to_lowercase();
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .id_salt("missing list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("missing grid")
                .striped(true)
                .show(ui, |ui| {
                    for m in names
                        .iter()
                        .filter(|m| filter.is_empty() || m.name.to_lowercase().contains(&filter))
                    {
                        if ui
                            .button(&m.name)
                            .on_hover_text("Place this name")
                            .clicked()
                        {
                            chosen = Some((m.name.clone(), m.articles.clone()));
                        }
                        ui.label(format!("{}×", m.count))
                            .on_hover_text(articles_text(&model.dataset.articles, &m.articles, 12));
                        ui.weak(format!("{} article(s)", m.articles.len()));
                        ui.end_row();
                    }
                });
        });
    if let Some((name, articles)) = chosen {
        view.choose(model, &name, &articles);
    }
}

fn form_ui(
    ui: &mut Ui,
    view: &mut MissingView,
    mut form: Form,
    model: &Model,
    busy: bool,
) -> Option<MissingFix> {
    let g = &model.dataset.gazetteer;
    let mut fix = None;
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(format!("Place “{}”", form.name));
        if ui
            .small_button("×")
            .on_hover_text("Close the form")
            .clicked()
        {
            close = true;
        }
    });
    if form.suggestions.is_empty() {
        ui.weak("No similar name in the gazetteer.");
    } else {
        ui.label("Is it one of these? (the name becomes another spelling of it)");
        for s in &form.suggestions {
            let p = g.get(s.place);
            let text = format!(
                "{} · {} · {} ({:.3}, {:.3})",
                p.name,
                p.kind.as_str(),
                p.country.unwrap_or("—"),
                p.coord.lat,
                p.coord.lon
            );
            let via = if s.spelling == p.name {
                String::new()
            } else {
                format!(" via “{}”", s.spelling)
            };
            if ui
                .add_enabled(!busy, egui::Button::new(text))
                .on_hover_text(format!("Use this place{via}"))
                .clicked()
            {
                fix = Some(MissingFix::AddAlias {
                    place: s.place,
                    surface: form.name.clone(),
                });
            }
        }
    }
    ui.separator();
    ui.label("Or add a new place:");
    egui::Grid::new("new place").num_columns(2).show(ui, |ui| {
        labelled_field(ui, "Name", &mut form.name, "");
        labelled_field(ui, LAT_LABEL, &mut form.lat, "32.8");
        labelled_field(ui, LON_LABEL, &mut form.lon, "13.2");
        ui.label("");
        egui::ComboBox::from_label("Kind")
            .selected_text(form.kind.as_str())
            .show_ui(ui, |ui| {
                for k in PlaceKind::ALL {
                    ui.selectable_value(&mut form.kind, k, k.as_str());
                }
            });
        ui.end_row();
        labelled_field(ui, COUNTRY_LABEL, &mut form.country, "e.g. FR");
        labelled_field(ui, ALIASES_LABEL, &mut form.aliases, "comma-separated");
    });
    let coords = parse_coords(&form.lat, &form.lon);
    ui.horizontal(|ui| {
        let placing_text = if view.placing {
            "Click the map…"
        } else {
            "Place on map"
        };
        if ui
            .add(egui::Button::selectable(view.placing, placing_text))
            .on_hover_text("The next click on the map sets the coordinates")
            .clicked()
        {
            view.placing = !view.placing;
        }
        let ok = coords.is_some() && !form.name.trim().is_empty() && !busy;
        if ui.add_enabled(ok, egui::Button::new("Add place")).clicked()
            && let Some(at) = coords
        {
            fix = Some(MissingFix::AddPlace(NewPlace {
                name: form.name.trim().to_owned(),
                lat: at.lat,
                lon: at.lon,
                kind: form.kind,
                country: form.country.clone(),
                aliases: form
                    .aliases
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
            }));
        }
        if coords.is_none() && !(form.lat.is_empty() && form.lon.is_empty()) {
            ui.colored_label(
                super::theme::INVALID_INPUT,
                "latitude -90..90, longitude -180..180",
            );
        }
    });
    if busy {
        ui.weak("Updating the articles…");
    }
    view.form = if close || fix.is_some() {
        None
    } else {
        Some(form)
    };
    if fix.is_some() {
        view.placing = false;
    }
    fix
}

fn labelled_field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(200.0),
    )
    .labelled_by(l.id);
    ui.end_row();
}

/// Typed coordinates, when both parse and are in range.
pub fn parse_coords(lat: &str, lon: &str) -> Option<LatLon> {
    let at = LatLon::new(lat.trim().parse().ok()?, lon.trim().parse().ok()?);
    at.is_valid().then_some(at)
}

/// The geographic position under a screen point of a web-mercator map of 256-pixel tiles (as
/// walkers draws it) centred on `center` at `zoom`, drawn in `rect`.
pub fn geo_from_screen(center: LatLon, zoom: f64, rect: Rect, pos: Pos2) -> LatLon {
    let world = 256.0 * 2f64.powf(zoom);
    let x0 = (center.lon + 180.0) / 360.0 * world;
    let lat = center.lat.clamp(-85.05, 85.05).to_radians();
    let y0 = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * world;
    let x = x0 + f64::from(pos.x - rect.center().x);
    let y = y0 + f64::from(pos.y - rect.center().y);
    let lon = x / world * 360.0 - 180.0;
    let n = std::f64::consts::PI * (1.0 - 2.0 * y / world);
    LatLon::new(n.sinh().atan().to_degrees(), lon)
}

/// While placing: the geographic position of a primary click on the map (not on a window above
/// it), and a hint over the map.
pub fn map_click(ui: &Ui, map_rect: Rect, map: &super::map::MapView) -> Option<LatLon> {
    placing_hint_ui(ui, map_rect);
    ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
    let pos = ui.input(|i| {
        i.pointer
            .primary_clicked()
            .then(|| i.pointer.interact_pos())
            .flatten()
    })?;
    if !ui.rect_contains_pointer(map_rect) {
        return None;
    }
    let center = map.center()?;
    Some(geo_from_screen(center, map.zoom(), map_rect, pos))
}

/// A hint over the map while placing.
pub fn placing_hint_ui(ui: &Ui, rect: Rect) {
    ui.painter().text(
        rect.center_top() + egui::vec2(0.0, 24.0),
        egui::Align2::CENTER_TOP,
        "Click the map to place the name",
        egui::FontId::proportional(20.0),
        ui.visuals().strong_text_color(),
    );
}

/// "Missing places (N)" for the menu.
pub fn menu_text(view: &MissingView, generation: Option<u64>) -> RichText {
    match generation.and_then(|g| view.names(g)) {
        Some(n) => RichText::new(format!("Missing places ({})", n.len())),
        None => RichText::new("Missing places"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_place_takes_its_country_from_the_articles_or_the_map_click() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let model = Model::new(crate::session::dataset::Dataset::load_bundled(root), 1);
        // The articles a name is listed with: here, those whose text has it.
        let using = |name: &str| -> Vec<ArticleIdx> {
            (0..model.dataset.articles.len())
                .map(|i| ArticleIdx(i as u32))
                .filter(|&a| model.dataset.article(a).body.text().contains(name))
                .collect()
        };
        assert_eq!(
            focus_country(&model, &using("Haftar")).as_deref(),
            Some("LY")
        );
        assert_eq!(focus_country(&model, &using("no such name anywhere")), None);
        let near_paris = LatLon::new(48.86, 2.35);
        assert_eq!(country_near(&model, near_paris).as_deref(), Some("FR"));
        let mid_pacific = LatLon::new(-30.0, -140.0);
        assert_eq!(country_near(&model, mid_pacific), None);
    }

    #[test]
    fn the_centre_of_the_map_is_its_centre_and_east_is_right() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let c = LatLon::new(32.0, 13.0);
        let at = geo_from_screen(c, 8.0, rect, rect.center());
        assert!(
            (at.lat - 32.0).abs() < 1e-9 && (at.lon - 13.0).abs() < 1e-9,
            "{at:?}"
        );
        let right = geo_from_screen(c, 8.0, rect, rect.center() + egui::vec2(256.0, 0.0));
        assert!(
            (right.lon - (13.0 + 360.0 / 256.0)).abs() < 1e-9,
            "one tile at zoom 8: {right:?}"
        );
        let below = geo_from_screen(c, 8.0, rect, rect.center() + egui::vec2(0.0, 100.0));
        assert!(below.lat < 32.0);
    }

    #[test]
    fn typed_coordinates_must_parse_and_be_in_range() {
        assert_eq!(
            parse_coords(" 32.7 ", "13.3"),
            Some(LatLon::new(32.7, 13.3))
        );
        assert_eq!(parse_coords("95", "13"), None);
        assert_eq!(parse_coords("north", "13"), None);
    }
}
