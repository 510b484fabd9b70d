//! What the core writes for the world outside the app: exports of the extracted events
//! (`export`) and scenes rendered to PNG (`render`).

pub mod export;
pub mod render;
