//! File > Export events: the events in the current filter (time window, selected place, search)
//! as `GeoJSON`, KML or CSV, with the schemas of `newsatlas extract` ([`export::write_events`]),
//! to a typed path. The chosen events are copied in the frame; a named thread streams their
//! encoding to the file (replaced whole, see [`crate::atomic::write_with`]), so an export is never
//! held whole in memory.

use std::path::PathBuf;
use std::sync::Arc;

use egui::RichText;

use crate::corpus::Article;
use crate::extract::{ArticleExtraction, Event};
use crate::gazetteer::Gazetteer;
use crate::outputs::export::{self, ExportSource, Format};

use crate::session::derived::{Derived, Model};
use crate::session::job::{Job, JobPoll};
use crate::session::state::AppState;

/// AccessKit label of the path field.
pub const EXPORT_PATH_LABEL: &str = "Export to";

/// The export window's state.
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub path: String,
    status: Option<(String, bool)>,
    writing: Option<Job<Result<String, String>>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let dir = std::env::current_dir().unwrap_or_default();
        ExportDialog {
            open: false,
            format: Format::Geojson,
            path: dir.join("newsatlas-events.geojson").display().to_string(),
            status: None,
            writing: None,
        }
    }
}

/// The events of the current filter: dated events overlapping the window that the filters in
/// force let through ([`Derived::admits`]: the date basis, the search, the selected place), in
/// time order. The same test as the map's counts and the timeline's bars, so an export holds
/// what is on screen.
pub fn filtered_events<'m>(
    model: &'m Model,
    derived: &Derived,
    state: &AppState,
) -> Vec<&'m Event> {
    let ds = &model.dataset;
    ds.index
        .events_matching(state.window(), state.event_filter)
        .filter_map(|i| ds.index.events.get(i))
        .filter(|e| derived.admits(e))
        .filter_map(|e| e.event(&ds.extractions))
        .collect()
}

/// What the export thread needs: the dataset's shared parts and the chosen events (copied: an
/// event is a few dozen bytes, while its encoded text can be a hundred times that).
struct ExportJob {
    articles: Arc<Vec<Article>>,
    gazetteer: Arc<Gazetteer>,
    extractions: Arc<Vec<ArticleExtraction>>,
    events: Vec<Event>,
    format: Format,
}

impl ExportJob {
    fn new(model: &Model, events: &[&Event], format: Format) -> ExportJob {
        let ds = &model.dataset;
        ExportJob {
            articles: Arc::clone(&ds.articles),
            gazetteer: Arc::clone(&ds.gazetteer),
            extractions: Arc::clone(&ds.extractions),
            events: events.iter().map(|e| (*e).clone()).collect(),
            format,
        }
    }

    /// Streams the export into `out`; nothing of it is held whole in memory.
    fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let source = ExportSource {
            articles: &self.articles,
            gazetteer: &self.gazetteer,
            extractions: &self.extractions,
            base_dir: None,
        };
        export::write_events(self.format, &source, &self.events, out).map_err(|e| match e {
            export::ExportError::Io(err) => err,
            other => std::io::Error::other(other.to_string()),
        })
    }
}

fn with_extension(path: &str, format: Format) -> String {
    let p = PathBuf::from(path.trim());
    let known = ["geojson", "kml", "csv", "jsonl", "json"];
    if p.extension()
        .is_none_or(|e| known.iter().any(|k| e.eq_ignore_ascii_case(k)))
    {
        p.with_extension(format.extension()).display().to_string()
    } else {
        path.to_owned()
    }
}

/// The export window.
pub fn export_window(
    ctx: &egui::Context,
    dialog: &mut ExportDialog,
    model: &Model,
    derived: &Derived,
    state: &AppState,
) {
    if let Some(job) = &mut dialog.writing {
        match job.poll() {
            JobPoll::Done(Ok(text)) => {
                dialog.status = Some((text, false));
                dialog.writing = None;
            }
            JobPoll::Done(Err(text)) | JobPoll::Failed(text) => {
                dialog.status = Some((text, true));
                dialog.writing = None;
            }
            JobPoll::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }
    if !dialog.open {
        return;
    }
    let events = filtered_events(model, derived, state);
    let mut open = true;
    egui::Window::new("Export events")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            let mut filter = vec![super::timeline::window_text(state)];
            if let Some(p) = state.selected_place {
                filter.push(format!("at {}", model.place_name(p)));
            }
            if !state.search.trim().is_empty() {
                filter.push(format!("matching “{}”", state.search.trim()));
            }
            if state.event_filter == crate::index::EventFilter::DatedByText {
                filter.push("dated by the text only".to_owned());
            }
            ui.label(format!(
                "{} event(s) in the current filter: {}",
                events.len(),
                filter.join(" · ")
            ));
            ui.horizontal(|ui| {
                for (format, name) in [
                    (Format::Geojson, "GeoJSON"),
                    (Format::Kml, "KML"),
                    (Format::Csv, "CSV"),
                ] {
                    if ui.radio_value(&mut dialog.format, format, name).changed() {
                        dialog.path = with_extension(&dialog.path, format);
                    }
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(EXPORT_PATH_LABEL);
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(360.0))
                    .labelled_by(label.id);
            });
            let ready = dialog.writing.is_none() && !dialog.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                dialog.writing = Some(spawn_write(
                    PathBuf::from(dialog.path.trim()),
                    ExportJob::new(model, &events, dialog.format),
                    ctx,
                ));
            }
            if let Some((text, error)) = &dialog.status {
                let color = if *error {
                    super::theme::WARNING
                } else {
                    ui.visuals().text_color()
                };
                ui.label(RichText::new(text).color(color));
            }
        });
    dialog.open = open;
}

/// Writes the export as a background job (a panic is reported in the dialog).
fn spawn_write(path: PathBuf, job: ExportJob, ctx: &egui::Context) -> Job<Result<String, String>> {
    let wake = ctx.clone();
    Job::spawn(
        "export-writer",
        move || wake.request_repaint(),
        move |_| {
            let n = job.events.len();
            crate::atomic::write_with(&path, crate::atomic::Backup::None, |out| job.write(out))
                .map(|()| format!("Wrote {n} event(s) to {}", path.display()))
                .map_err(|e| format!("Cannot write {}: {e}", path.display()))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_the_format_changes_a_known_extension_only() {
        assert_eq!(with_extension("/tmp/a.geojson", Format::Kml), "/tmp/a.kml");
        assert_eq!(with_extension("/tmp/a", Format::Csv), "/tmp/a.csv");
        assert_eq!(with_extension("/tmp/a.txt", Format::Csv), "/tmp/a.txt");
    }
}
