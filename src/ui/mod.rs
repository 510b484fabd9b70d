//! The desktop app (feature `gui`): map, timeline and article pane over the core.
