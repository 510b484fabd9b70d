//! Text pasted on the window (Ctrl+V where no text field has the keyboard) becomes an article:
//! saved as a `.txt` file in the data folder's `pasted/` (so it is there at the next start, and a
//! date set for it sticks) and added like a dropped file. The text rules apply: the first short
//! line is the title; a `date:` header, a `date YYYY-MM-DD` line or a dateline dates it, else it
//! loads undated and the pane's "Article date" field asks for a date. A pasted web address is
//! fetched (`open_url`) when the user allowed going online, else the Open URL dialog asks.

use std::path::PathBuf;

use super::ImportState;
use crate::corpus::MAX_ARTICLE_BYTES;
use crate::session::derived::Model;

impl ImportState {
    /// Imports pasted text as a new article.
    pub fn paste_ui(&mut self, ctx: &egui::Context, model: Option<&Model>) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
        });
        let Some(text) = pasted else { return };
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if is_web_address(text) {
            // Fetched when the user allowed going online; else File > Open URL asks.
            let text = text.to_owned();
            self.fetch_or_ask(&text, ctx);
            return;
        }
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            self.message = Some((
                format!(
                    "The pasted text is {} bytes, above the limit of {MAX_ARTICLE_BYTES} for one \
                     article",
                    text.len()
                ),
                true,
            ));
            return;
        }
        let path = match save_pasted(self.user.as_ref().map(|u| u.dir.clone()), text) {
            Ok(path) => path,
            Err(why) => {
                self.message = Some((format!("The pasted text could not be saved: {why}"), true));
                return;
            }
        };
        self.import(model, vec![path], false, ctx);
    }
}

/// One line starting with `http://` or `https://`.
fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    !text.contains(char::is_whitespace)
        && (lower.starts_with("https://") || lower.starts_with("http://"))
}

/// Writes `text` to a new `pasted-<time>.txt` in `<data>/pasted/` (the temp folder without a data
/// folder).
fn save_pasted(data: Option<PathBuf>, text: &str) -> Result<PathBuf, String> {
    let dir = data.map_or_else(
        || std::env::temp_dir().join("newsatlas-pasted"),
        |d| d.join("pasted"),
    );
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut path = dir.join(format!("pasted-{stamp}.txt"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("pasted-{stamp}-{n}.txt"));
        n += 1;
    }
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(b'\n');
    crate::atomic::write_output(&path, &bytes).map_err(|e| format!("{} ({e})", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_is_one_line_starting_with_http() {
        assert!(is_web_address("https://news.example/a"));
        assert!(!is_web_address("https://news.example/a said the minister"));
        assert!(!is_web_address("Tripoli"));
    }

    #[test]
    fn pasted_text_is_saved_in_the_data_folder_without_overwriting() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = save_pasted(Some(dir.path().to_path_buf()), "One").expect("saved");
        let b = save_pasted(Some(dir.path().to_path_buf()), "Two").expect("saved");
        assert_ne!(a, b);
        assert!(a.starts_with(dir.path().join("pasted")));
        assert_eq!(std::fs::read_to_string(&b).expect("read"), "Two\n");
    }
}
