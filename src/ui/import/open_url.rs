//! File > Open URL…: a web page, a feed or a PDF fetched by its address (`session::fetch`) and
//! imported like a dropped file. The app stays offline until the user ticks the dialog's
//! "go online" box (remembered in the preferences); a link pasted on the window opens this dialog
//! with the address filled in, or fetches at once when going online is allowed. The dialog lists
//! the addresses fetched before; "Refresh feeds" fetches every feed among them again (a
//! subscription), adding only the items not open yet.
//!
//! The fetch runs as a background job; its copy lands in the data folder's `fetched/` (the temp
//! folder without one), so the article is there at the next start and a date set for it sticks.

use std::path::PathBuf;

use chrono::Utc;

use super::ImportState;
use crate::session::derived::Model;
use crate::session::fetch::{self, Fetched, KeptCopy};
use crate::session::job::{Job, JobPoll};

/// The dialog's address field, for tests and AccessKit.
pub const URL_FIELD_LABEL: &str = "Address";
/// The dialog's consent box.
pub const ONLINE_BOX_LABEL: &str = "Let newsatlas go online to fetch the addresses I open";

/// The Open URL dialog and its running fetch.
#[derive(Default)]
pub struct OpenUrl {
    pub open: bool,
    pub text: String,
    job: Option<Job<Vec<Result<Fetched, String>>, ()>>,
    /// The addresses fetched before (read from the cache when the dialog opens).
    kept: Vec<KeptCopy>,
}

impl ImportState {
    /// A fetch is running.
    pub fn is_fetching(&self) -> bool {
        self.url.job.is_some()
    }

    pub fn open_url_dialog(&mut self, url: Option<&str>) {
        self.url.open = true;
        self.url.kept = fetch::kept_copies(&fetch_dir(self.user.as_ref().map(|u| u.dir.clone())));
        if let Some(u) = url {
            u.clone_into(&mut self.url.text);
        }
    }

    /// Fetches `text` in the background when going online is allowed; otherwise opens the dialog
    /// with it, where the user can allow it.
    pub fn fetch_or_ask(&mut self, text: &str, ctx: &egui::Context) {
        if self.allow_online {
            self.start_fetch(text, ctx);
        } else {
            self.open_url_dialog(Some(text));
        }
    }

    fn start_fetch(&mut self, text: &str, ctx: &egui::Context) {
        match fetch::check_url(text) {
            Ok(url) => self.start_fetches(vec![url], ctx),
            Err(why) => self.message = Some((why, true)),
        }
    }

    /// Fetches `urls` one after the other in the background (one job), then imports them all.
    fn start_fetches(&mut self, urls: Vec<reqwest::Url>, ctx: &egui::Context) {
        if self.url.job.is_some() {
            self.message = Some(("Busy: a fetch is running".to_owned(), true));
            return;
        }
        if urls.is_empty() {
            return;
        }
        let dir = fetch_dir(self.user.as_ref().map(|u| u.dir.clone()));
        let wake = ctx.clone();
        self.message = Some((
            match urls.as_slice() {
                [one] => format!("Fetching {one}…"),
                many => format!("Fetching {} feeds…", many.len()),
            },
            false,
        ));
        self.url.job = Some(Job::spawn(
            "fetch",
            move || wake.request_repaint(),
            move |cx| {
                urls.iter()
                    .take_while(|_| !cx.is_cancelled())
                    .map(|url| fetch::fetch(url, &dir, Utc::now()))
                    .collect()
            },
        ));
    }

    /// Polls the running fetch; imports its file when it is done.
    pub fn poll_fetch(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        let Some(job) = &mut self.url.job else { return };
        match job.poll() {
            JobPoll::Running => {}
            JobPoll::Done(results) => {
                self.url.job = None;
                let mut paths = Vec::new();
                let mut notes = Vec::new();
                let mut failed = false;
                for r in results {
                    match r {
                        Ok(f) => {
                            paths.push(f.path);
                            notes.push(f.note);
                        }
                        Err(why) => {
                            failed = true;
                            notes.push(why);
                        }
                    }
                }
                if !paths.is_empty() {
                    self.import(model, paths, false, ctx);
                }
                // Unless the import could not start (its reason stays), say what was fetched;
                // the import's own line replaces it once done.
                if self.message.as_ref().is_none_or(|(_, err)| !err) || failed {
                    self.message = Some((notes.join("; "), failed));
                }
            }
            JobPoll::Failed(why) => {
                self.url.job = None;
                self.message = Some((why, true));
            }
        }
    }

    /// The File > Open URL dialog.
    pub fn url_dialog_ui(&mut self, ctx: &egui::Context) {
        if !self.url.open {
            return;
        }
        let mut open = true;
        let mut go = false;
        let mut refresh_all: Vec<reqwest::Url> = Vec::new();
        egui::Window::new("Open URL")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label(
                    "A news page, an RSS, Atom or JSON feed, or a PDF report, by its https:// \
                     address. The copy is kept in the data folder, so the article stays after a \
                     restart and offline.",
                );
                ui.horizontal(|ui| {
                    let label = ui.label(URL_FIELD_LABEL);
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.url.text)
                                .hint_text("https://news.example/2020/01/story.html")
                                .desired_width(400.0),
                        )
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let button = ui.add_enabled(
                        self.allow_online && self.url.job.is_none(),
                        egui::Button::new("Fetch"),
                    );
                    go = (button.clicked() || enter) && self.allow_online;
                });
                ui.checkbox(&mut self.allow_online, ONLINE_BOX_LABEL)
                    .on_hover_text(
                        "Off by default: newsatlas works offline. Ticked, it fetches only what \
                         you open here or paste as a link, over HTTPS, with a user agent naming \
                         the app, 30 s and 32 MB at most.",
                    );
                if !self.allow_online {
                    ui.weak("Tick the box to fetch: the app does not go online without it.");
                }
                let feeds: Vec<&KeptCopy> = self.url.kept.iter().filter(|k| k.is_feed()).collect();
                if !self.url.kept.is_empty() {
                    ui.separator();
                    ui.horizontal(|ui| {
                        ui.weak("Fetched before (click to fill in)");
                        let refresh = ui
                            .add_enabled(
                                self.allow_online && self.url.job.is_none() && !feeds.is_empty(),
                                egui::Button::new(format!("Refresh {} feed(s)", feeds.len())),
                            )
                            .on_hover_text(
                                "Fetches every feed opened before again and adds its new items",
                            );
                        if refresh.clicked() {
                            refresh_all = feeds
                                .iter()
                                .filter_map(|k| fetch::check_url(&k.url).ok())
                                .collect();
                        }
                    });
                    egui::ScrollArea::vertical()
                        .max_height(180.0)
                        .show(ui, |ui| {
                            for k in &self.url.kept {
                                let when = k.fetched.format("%Y-%m-%d %H:%M");
                                if ui.link(format!("{}  ({when})", k.url)).clicked() {
                                    self.url.text.clone_from(&k.url);
                                }
                            }
                        });
                }
                if self.url.job.is_some() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Fetching…");
                    });
                }
            });
        if !refresh_all.is_empty() {
            self.start_fetches(refresh_all, ctx);
            open = false;
        } else if go {
            let text = self.url.text.clone();
            self.start_fetch(&text, ctx);
            if self.url.job.is_some() {
                open = false;
            }
        }
        self.url.open = open;
    }
}

/// Where fetched copies go: `<data>/fetched`, or the temp folder's without a data folder.
fn fetch_dir(data: Option<PathBuf>) -> PathBuf {
    data.map_or_else(
        || std::env::temp_dir().join("newsatlas-fetched"),
        |d| d.join("fetched"),
    )
}
