//! PNG export of the view or of every scene: a queue of screenshots, each taken once the fly
//! has ended and the tiles have arrived, then encoded and written on a background job.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::problem::Problem;

use super::Briefing;
use crate::session::derived::Model;
use crate::session::job::{Job, JobPoll};
use crate::session::state::{AppState, Intent};
use crate::ui::map::MapView;

/// One screenshot to take: of the view as it is (`scene: None`) or after showing a scene.
#[derive(Clone, Debug)]
pub(super) struct ShotJob {
    pub(super) path: PathBuf,
    pub(super) scene: Option<usize>,
}

/// What the screenshot callback hands over: the pixels of a job's screenshot.
struct Taken {
    path: PathBuf,
    image: std::sync::Arc<egui::ColorImage>,
}

#[derive(Clone, Copy, Debug)]
enum ShotPhase {
    /// Waiting for the fly to end and the tiles to arrive.
    Settling { until: f64 },
    /// Screenshot requested; waiting for the pixels.
    Requested,
}

/// The PNG export's queue and writers, held by the [`Briefing`].
pub(super) struct Export {
    pub(super) path_text: String,
    pub(super) queue: VecDeque<ShotJob>,
    current: Option<(ShotJob, ShotPhase)>,
    /// The export of every scene runs in the presenter's clean layout; leave it afterwards.
    pub(super) leave_presenter_after: bool,
    tx: SyncSender<Taken>,
    rx: Receiver<Taken>,
    /// PNGs being encoded and written, one background job each.
    writers: Vec<Job<Result<PathBuf, String>>>,
}

impl Export {
    pub(super) fn new() -> Export {
        let (tx, rx) = sync_channel(64);
        Export {
            path_text: default_export_path().display().to_string(),
            queue: VecDeque::new(),
            current: None,
            leave_presenter_after: false,
            tx,
            rx,
            writers: Vec::new(),
        }
    }
}

/// `~/newsatlas-<today>.png`.
pub fn default_export_path() -> PathBuf {
    let home = directories::UserDirs::new()
        .map_or_else(|| PathBuf::from("."), |u| u.home_dir().to_path_buf());
    home.join(format!(
        "newsatlas-{}.png",
        chrono::Local::now().date_naive().format("%Y-%m-%d")
    ))
}

/// The folder the export of every scene writes to: the PNG path without its extension.
pub(super) fn scenes_folder(png: &Path) -> PathBuf {
    png.with_extension("")
}

impl Briefing {
    /// Runs the screenshot queue: show the job's scene, wait for the fly and the tiles, take
    /// the screenshot (the callback hands the pixels to a writer thread), then the next job.
    pub(super) fn export_tick(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        state: &AppState,
        map: &MapView,
        intents: &mut Vec<Intent>,
    ) {
        while let Ok(Taken { path, image }) = self.export.rx.try_recv() {
            self.export.current = None;
            let wake = ctx.clone();
            self.export.writers.push(Job::spawn(
                "png-export",
                move || wake.request_repaint(),
                move |_| write_png(&path, &image),
            ));
        }
        let mut written = Vec::new();
        self.export.writers.retain_mut(|job| match job.poll() {
            JobPoll::Running => true,
            JobPoll::Done(result) => {
                written.push(result);
                false
            }
            JobPoll::Failed(why) => {
                written.push(Err(why));
                false
            }
        });
        for result in written {
            match result {
                Ok(path) => self.notice = Some(format!("Wrote {}", path.display())),
                Err(message) => {
                    self.notice = Some(message.clone());
                    self.problems
                        .push(Problem::error("PNG export", None, message));
                }
            }
        }
        if !self.export.writers.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let now = ctx.input(|i| i.time);
        if self.export.current.is_none() {
            let Some(job) = self.export.queue.pop_front() else {
                if self.export.leave_presenter_after {
                    self.export.leave_presenter_after = false;
                    self.presenter.leave(ctx);
                }
                return;
            };
            // Offline tiles render on background threads: give them a moment after the jump.
            let settle = if let Some(i) = job.scene {
                self.show(i, false, ctx, model, state.cursor_day(), map, intents);
                1.5
            } else {
                0.1
            };
            self.export.current = Some((
                job,
                ShotPhase::Settling {
                    until: now + settle,
                },
            ));
        }
        let Some((job, phase)) = &mut self.export.current else {
            return;
        };
        match *phase {
            ShotPhase::Settling { until } if now >= until && self.flight.is_none() => {
                *phase = ShotPhase::Requested;
                let path = job.path.clone();
                let tx = self.export.tx.clone();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = tx.send(Taken { path, image });
                    repaint.request_repaint();
                });
                ctx.request_repaint();
            }
            ShotPhase::Settling { .. } | ShotPhase::Requested => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }

    /// Whether screenshots are queued or being taken.
    pub fn exporting(&self) -> bool {
        self.export.current.is_some() || !self.export.queue.is_empty()
    }
}

/// Encodes a screenshot as PNG and writes it atomically.
fn write_png(path: &Path, image: &egui::ColorImage) -> Result<PathBuf, String> {
    let [w, h] = image.size;
    // egui colours are premultiplied RGBA, which is what a tiny-skia pixmap holds.
    let data: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let size = tiny_skia::IntSize::from_wh(w as u32, h as u32)
        .ok_or_else(|| format!("{}: the screenshot is empty", path.display()))?;
    let pixmap = tiny_skia::Pixmap::from_vec(data, size)
        .ok_or_else(|| format!("{}: the screenshot has the wrong size", path.display()))?;
    let png = pixmap
        .encode_png()
        .map_err(|e| format!("{}: cannot encode the PNG: {e}", path.display()))?;
    crate::atomic::write_output(path, &png)
        .map_err(|e| format!("{}: cannot write the PNG: {e}", path.display()))?;
    Ok(path.to_path_buf())
}
