//! One command type for every change the views ask for, applied by the app in one function
//! (`ui::app`, `NewsAtlasApp::apply`): changes of the shared state ([`Intent`], applied by
//! `AppState::apply`), scenes and the presenter ([`SceneCommand`], run by the briefing before
//! the next frame's views draw), an article's date and a missing place fixed (saved in the
//! user's files, then a rebuild), and a date typed into the timeline's "Go to date" field.
//! No egui here: views build these, and the commands are tested without a window.

use chrono::NaiveDate;

use crate::extract::ArticleIdx;

use super::edits::MissingFix;
use super::state::Intent;

/// Every change a view, a key or the briefing asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A change of the shared state (cursor, window, selection, search, the map's next move).
    State(Intent),
    /// Scenes, the presenter and PNG export.
    Scene(SceneCommand),
    /// Set an article's publication date: saved in the user's date sidecar, applied by a rebuild.
    SetArticleDate {
        article: ArticleIdx,
        date: NaiveDate,
    },
    /// Fix a missing place: saved in the user gazetteer, applied by a rebuild.
    FixPlace(MissingFix),
    /// Open the timeline's "Go to date" field with this text typed (digits typed on the map).
    TypeDate(String),
}

impl From<Intent> for Command {
    fn from(intent: Intent) -> Command {
        Command::State(intent)
    }
}

impl From<SceneCommand> for Command {
    fn from(command: SceneCommand) -> Command {
        Command::Scene(command)
    }
}

/// What the scenes panel and the presenter keys ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum SceneCommand {
    /// Save the current view as a new scene.
    SaveCurrent {
        name: String,
        caption: String,
    },
    /// Show a scene, flying to it (`animate`) or jumping.
    Show {
        index: usize,
        animate: bool,
    },
    /// Show the scene `delta` steps away from the current one.
    Step(i32),
    /// Replace a scene's view with the current one, keeping its name and caption.
    Update(usize),
    Rename(usize, String),
    SetCaption(usize, String),
    Delete(usize),
    Move {
        index: usize,
        up: bool,
    },
    EnterPresenter,
    LeavePresenter,
    ExportCurrent,
    ExportAll,
}
