//! File > Open folder (an in-app path field with a folder listing and recent paths; no native
//! dialog) and files dropped on the window: both start an import of what the corpus loader reads.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::ImportState;
use crate::session::derived::Model;

/// The AccessKit label of the import dialog's path field.
pub const PATH_FIELD_LABEL: &str = "Folder or file";

/// The import dialog's checkbox for reading links that lead outside the folder.
pub const FOLLOW_LINKS_LABEL: &str = "Read links that lead outside the folder";

impl ImportState {
    /// Files dropped on the window are added (articles to the corpus, an events file opened, an
    /// event dataset as a layer); files hovering show a hint.
    pub fn drops_ui(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        let (hovered, dropped) = ctx.input(|i| {
            (
                i.raw.hovered_files.len(),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect::<Vec<PathBuf>>(),
            )
        });
        if hovered > 0 {
            egui::Area::new(egui::Id::unique("drop hint"))
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .order(egui::Order::Foreground)
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.heading(format!("Drop to add {hovered} item(s)"));
                        ui.label(FORMATS_HINT);
                    });
                });
        }
        let (wanted, ignored): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| importable(p));
        if !ignored.is_empty() {
            let names: Vec<String> = ignored.iter().map(|p| p.display().to_string()).collect();
            self.message = Some((
                format!(
                    "Not articles (expected .txt, .md, .html, .rss, .atom, .xml, .json, .pdf, .csv, \
                     GeoParquet events (.parquet), ACLED or GDELT events, or a folder): {}",
                    names.join(", ")
                ),
                true,
            ));
        }
        if !wanted.is_empty() {
            self.import(model, wanted, false, ctx);
        }
    }

    /// The File > Open folder dialog.
    pub fn dialog_ui(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        if !self.dialog_open {
            return;
        }
        let mut open = true;
        let mut chosen: Option<PathBuf> = None;
        egui::Window::new("Open articles")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(FORMATS_HINT);
                ui.horizontal(|ui| {
                    let label = ui.label(PATH_FIELD_LABEL);
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.path_text)
                                .hint_text("/home/me/articles")
                                .desired_width(380.0),
                        )
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("Open").clicked() || enter {
                        chosen = Some(expand_home(self.path_text.trim()));
                    }
                });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.add_to_corpus, false, "Replace the articles");
                    ui.radio_value(&mut self.add_to_corpus, true, "Add to the articles");
                });
                ui.checkbox(&mut self.follow_outside_links, FOLLOW_LINKS_LABEL)
                    .on_hover_text(
                        "A folder's links to files elsewhere are skipped unless this is ticked \
                         (--follow-outside-links). Links into /proc, /sys and /dev are never read.",
                    );
                if !self.recent.is_empty() {
                    ui.separator();
                    ui.weak("Recent");
                    for r in self.recent.clone() {
                        if ui.link(r.display().to_string()).clicked() {
                            self.path_text = r.display().to_string();
                        }
                    }
                }
                ui.separator();
                self.listing_ui(ui);
            });
        if let Some(path) = chosen {
            if path.as_os_str().is_empty() || !path.exists() {
                self.message = Some((format!("{} does not exist", path.display()), true));
            } else {
                self.dialog_open = false;
                self.import(model, vec![path], !self.add_to_corpus, ctx);
                return;
            }
        }
        self.dialog_open = open;
    }

    /// The typed folder's subfolders and article files, read once per typed path.
    fn listing_ui(&mut self, ui: &mut Ui) {
        let text = self.path_text.trim().to_owned();
        if self.listing.as_ref().is_none_or(|(t, _)| *t != text) {
            self.listing = Some((text.clone(), list_folder(&expand_home(&text))));
        }
        let Some((_, listing)) = &self.listing else {
            return;
        };
        let mut go_to = None;
        match listing {
            Err(e) => {
                ui.weak(e);
            }
            Ok(entries) => {
                let base = expand_home(&text);
                if let Some(parent) = base.parent()
                    && ui.link(".. (up)").clicked()
                {
                    go_to = Some(parent.to_path_buf());
                }
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for name in entries {
                            if ui.link(name).clicked() {
                                go_to = Some(base.join(name.trim_end_matches('/')));
                            }
                        }
                    });
            }
        }
        if let Some(p) = go_to {
            self.path_text = p.display().to_string();
        }
    }
}

/// What can be opened or dropped, in one line.
const FORMATS_HINT: &str = "Text (.txt, .md), saved web pages (.html), feeds (.rss, .atom, .xml, \
                            .json), PDF reports, a CSV with title, date and text columns, or a folder of them; \
                            or GeoParquet events (.parquet, or a folder of them) to open instead; \
                            an ACLED CSV export or a GDELT events file opens as a layer beside the articles";

/// Whether a dropped path is something the corpus loader reads.
pub fn importable(path: &Path) -> bool {
    path.is_dir()
        || crate::corpus::Format::of(path).is_some()
        || crate::session::events_file::is_events_path(path)
        || super::layer::is_layer_file(path)
}

/// A path typed by the user, with a leading `~/` meaning the home folder.
pub(crate) fn expand_home(text: &str) -> PathBuf {
    let text = text.trim();
    match (text.strip_prefix("~/"), directories::UserDirs::new()) {
        (Some(rest), Some(u)) => u.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
}

/// Subfolders (with a trailing `/`) and importable files of `dir`, sorted; at most 500.
fn list_folder(dir: &Path) -> Result<Vec<String>, String> {
    if dir.as_os_str().is_empty() {
        return Err("Type a folder to see what is in it".to_owned());
    }
    if !dir.is_dir() {
        return Err(if dir.exists() {
            "A file: press Open to read it".to_owned()
        } else {
            "No such folder".to_owned()
        });
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("Cannot read the folder: {e}"))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                None
            } else if path.is_dir() {
                Some(format!("{name}/"))
            } else {
                importable(&path).then_some(name)
            }
        })
        .collect();
    names.sort();
    names.truncate(500);
    Ok(names)
}
