//! An event dataset (ACLED, GDELT) opened as a layer beside the articles: a file dropped, typed
//! in File > Open folder, or given with `--layer`, is read on a thread (`session::recorded`);
//! the layer replaces the one before and stays over imports of articles.

use std::path::PathBuf;
use std::sync::Arc;

use crate::session::job::{Job, JobPoll};
use crate::session::recorded::{self, Layer};

use super::ImportState;

/// The layer being read, and the one the app shows.
#[derive(Default)]
pub struct LayerLoad {
    job: Option<(Job<Result<Layer, crate::problem::Problem>>, PathBuf)>,
}

impl LayerLoad {
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Whether `path` is an event dataset to open as a layer rather than articles.
pub fn is_layer_file(path: &std::path::Path) -> bool {
    path.is_file() && recorded::sniff(path).is_some()
}

impl ImportState {
    /// Whether an event dataset is being read (for tests and the progress strip).
    pub fn is_reading_layer(&self) -> bool {
        self.layer.is_busy()
    }

    /// Starts reading `path` as a layer (one at a time).
    pub fn open_layer(&mut self, path: PathBuf, ctx: &egui::Context) {
        if self.layer.is_busy() {
            self.message = Some(("Busy: an event dataset is being read".to_owned(), true));
            return;
        }
        let wake = ctx.clone();
        let read = path.clone();
        let job = Job::spawn(
            "layer-loader",
            move || wake.request_repaint(),
            move |_| recorded::load(&read),
        );
        self.layer.job = Some((job, path));
        ctx.request_repaint();
    }

    /// The layer read since the last frame, if one is done; a failure goes to the status line.
    pub fn poll_layer(&mut self) -> Option<Arc<Layer>> {
        let (job, path) = self.layer.job.as_mut()?;
        match job.poll() {
            JobPoll::Running => None,
            JobPoll::Failed(why) => {
                self.message = Some((format!("Reading {} failed: {why}", path.display()), true));
                self.layer.job = None;
                None
            }
            JobPoll::Done(Err(problem)) => {
                self.message = Some((problem.to_string(), true));
                self.layer.job = None;
                None
            }
            JobPoll::Done(Ok(layer)) => {
                let skipped = layer.problems.len();
                let span = layer.span().map_or_else(String::new, |(a, b)| {
                    format!(", {} to {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
                });
                self.message = Some((
                    format!(
                        "{} layer: {} records from {}{span}{}",
                        layer.source.name(),
                        layer.len(),
                        layer.file_name(),
                        if skipped > 0 {
                            format!(" ({skipped} problems, see Problems)")
                        } else {
                            String::new()
                        }
                    ),
                    skipped > 0,
                ));
                self.layer.job = None;
                Some(Arc::new(layer))
            }
        }
    }
}
