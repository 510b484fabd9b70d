//! A saved scene as the app's state: the intents that show it (window, cursor, selection), and the
//! whole state a slide is drawn from (`newsatlas render`). The map position is the scene's view.

use crate::extract::ArticleIdx;
use crate::gazetteer::PlaceIdx;
use crate::session::scenes::{Scene, SceneMode};

use super::derived::Model;
use super::state::{AppState, Intent, WindowMode};

/// The intents that show `scene` over `model`'s data, and the scene's ids this data does not
/// know ("place x", "article y").
pub fn scene_intents(scene: &Scene, model: &Model) -> (Vec<Intent>, Vec<String>) {
    let ds = &model.dataset;
    let mut unknown = Vec::new();
    let place = scene.place.as_ref().and_then(|id| {
        let found = ds
            .gazetteer
            .places()
            .iter()
            .position(|p| p.id == id.as_str());
        if found.is_none() {
            unknown.push(format!("place {id}"));
        }
        found.map(|i| PlaceIdx(i as u32))
    });
    let article = scene.article.as_ref().and_then(|id| {
        let found = ds.articles.iter().position(|a| &a.id == id);
        if found.is_none() {
            unknown.push(format!("article {id}"));
        }
        found.map(|i| ArticleIdx(i as u32))
    });
    let mut intents = vec![
        Intent::SetMode(match scene.mode {
            SceneMode::Window => WindowMode::Window,
            SceneMode::Cumulative => WindowMode::Cumulative,
        }),
        Intent::SetHalfWindow(scene.half_window_days),
        Intent::SelectPlace(place),
    ];
    intents.push(match article {
        Some(article) => Intent::SelectArticle {
            article,
            date: None,
        },
        None => Intent::ClearArticle,
    });
    intents.push(Intent::Seek(scene.cursor));
    (intents, unknown)
}

/// The state a slide of `scene` is drawn from: a fresh state over the data's timeline with the
/// scene's intents applied (the cursor clamped to the timeline, as in the app), and the ids this
/// data does not know.
pub fn state_for_scene(model: &Model, scene: &Scene) -> (AppState, Vec<String>) {
    let range = model
        .dataset
        .index
        .timeline_range()
        .unwrap_or((scene.cursor, scene.cursor));
    let mut state = AppState::new(range);
    let (intents, unknown) = scene_intents(scene, model);
    for intent in intents {
        state.apply(intent);
    }
    (state, unknown)
}
