//! PNG export of the view or of every scene. Both go through the slide renderer that
//! `newsatlas render` uses (`outputs::render::write_scene_png`) on one background job: the
//! picture is drawn from the scene, not taken from the screen, so it carries none of the app's
//! controls, has the size chosen here (1920×1080 by default), looks the same as the command
//! line's slide of the same scene, and the user's view (scene, map, time) is never moved.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::basemap::{BasemapData, Style};
use crate::outputs::render::{self, DEFAULT_SLIDE_SIZE, RenderOptions, Text};
use crate::problem::Problem;
use crate::session::derived::Model;
use crate::session::job::{Job, JobPoll};
use crate::session::scenes::Scene;

use super::Briefing;

/// One slide to write: a scene (a saved one, or the view as it is) and its file.
#[derive(Clone, Debug)]
pub(super) struct Slide {
    pub(super) path: PathBuf,
    pub(super) scene: Scene,
}

/// What the export job reports: slides written so far, of how many.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Progress {
    pub(super) done: usize,
    pub(super) of: usize,
}

/// Each slide's outcome: the file written and the scene's ids this data lacks, or why not.
type Outcomes = Vec<Result<(PathBuf, Vec<String>), String>>;

/// The PNG export's settings and its running job, held by the [`Briefing`].
pub(super) struct Export {
    pub(super) path_text: String,
    /// The slides' size in pixels and basemap style.
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) style: Style,
    job: Option<Job<Outcomes, Progress>>,
}

impl Export {
    pub(super) fn new() -> Export {
        Export {
            path_text: default_export_path().display().to_string(),
            width: DEFAULT_SLIDE_SIZE.0,
            height: DEFAULT_SLIDE_SIZE.1,
            style: Style::Light,
            job: None,
        }
    }

    pub(super) fn options(&self) -> RenderOptions {
        RenderOptions {
            width: self.width.clamp(16, MAX_SLIDE_SIDE),
            height: self.height.clamp(16, MAX_SLIDE_SIDE),
            style: self.style,
        }
    }

    /// Where the job is, while one runs.
    pub(super) fn progress(&self) -> Option<Progress> {
        self.job.as_ref().map(Job::progress)
    }
}

/// The largest side of a slide, as `newsatlas render --width/--height` allow.
pub(super) const MAX_SLIDE_SIDE: u32 = 8192;

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
    /// Starts writing `slides` on a background job (one at a time: the buttons are disabled
    /// while it runs).
    pub(super) fn start_export(
        &mut self,
        ctx: &egui::Context,
        model: &Arc<Model>,
        slides: Vec<Slide>,
    ) {
        if self.export.job.is_some() || slides.is_empty() {
            return;
        }
        let model = Arc::clone(model);
        let options = self.export.options();
        let wake = ctx.clone();
        self.notice = Some(format!("Writing {} PNG(s)…", slides.len()));
        self.export.job = Some(Job::spawn(
            "png-export",
            move || wake.request_repaint(),
            move |job| write_slides(&model, &slides, options, job),
        ));
    }

    /// Polls the export job: when it is over, says what was written and lists what failed.
    pub(super) fn export_tick(&mut self) {
        let Some(job) = &mut self.export.job else {
            return;
        };
        let outcomes = match job.poll() {
            JobPoll::Running => return,
            JobPoll::Done(outcomes) => outcomes,
            JobPoll::Failed(why) => vec![Err(why)],
        };
        self.export.job = None;
        let mut written = Vec::new();
        for outcome in outcomes {
            match outcome {
                Ok((path, unknown)) => {
                    if !unknown.is_empty() {
                        self.problems.push(Problem::warning(
                            &path,
                            None,
                            format!("drawn without {}: not in this data", unknown.join(", ")),
                        ));
                    }
                    written.push(path);
                }
                Err(message) => {
                    self.problems
                        .push(Problem::error("PNG export", None, message));
                }
            }
        }
        self.notice = Some(match written.as_slice() {
            [] => "No PNG written: see the problems below.".to_owned(),
            [one] => format!("Wrote {}", one.display()),
            [first, ..] => format!(
                "Wrote {} PNGs to {}",
                written.len(),
                first.parent().unwrap_or(first).display()
            ),
        });
    }

    /// Whether an export is being written.
    pub fn exporting(&self) -> bool {
        self.export.job.is_some()
    }
}

/// Renders and writes each slide in turn (the basemap's layers and the font loaded once).
fn write_slides(
    model: &Model,
    slides: &[Slide],
    options: RenderOptions,
    job: &crate::session::job::JobContext<Progress>,
) -> Outcomes {
    let basemap = BasemapData::embedded();
    let text = match Text::new() {
        Ok(text) => text,
        Err(e) => return vec![Err(e)],
    };
    let mut outcomes = Vec::with_capacity(slides.len());
    for (i, slide) in slides.iter().enumerate() {
        if job.is_cancelled() {
            break;
        }
        if let Some(dir) = slide.path.parent()
            && !dir.as_os_str().is_empty()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            outcomes.push(Err(format!(
                "{}: cannot create the folder: {e}",
                dir.display()
            )));
            continue;
        }
        let outcome =
            render::write_scene_png(model, &basemap, &text, &slide.scene, options, &slide.path)
                .map(|unknown| (slide.path.clone(), unknown))
                .map_err(|e| format!("{}: {e}", slide.path.display()));
        outcomes.push(outcome);
        job.progress(Progress {
            done: i + 1,
            of: slides.len(),
        });
    }
    outcomes
}
