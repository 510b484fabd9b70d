//! The article pane's "Set date" field: a date typed for an article becomes a
//! [`Command::SetArticleDate`], saved in the user's `dates.toml` by the app.

use chrono::NaiveDate;
use egui::Ui;

use crate::extract::ArticleIdx;
use crate::session::command::Command;
use crate::session::state::parse_date_input;

/// The "set date" field of the article pane.
#[derive(Default)]
pub struct DateField {
    text: String,
    article: Option<ArticleIdx>,
    error: bool,
}

/// The AccessKit label of the pane's date field.
pub const DATE_FIELD_LABEL: &str = "Article date";

/// The pane's "Set date" row for an article: a date field and a button. Returns the command.
pub fn date_field_ui(
    ui: &mut Ui,
    field: &mut DateField,
    article: ArticleIdx,
    current: Option<NaiveDate>,
) -> Option<Command> {
    if field.article != Some(article) {
        field.article = Some(article);
        field.text = current
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        field.error = false;
    }
    let mut intent = None;
    ui.horizontal(|ui| {
        if current.is_none() {
            ui.colored_label(crate::ui::theme::WARNING, "undated");
        }
        let label = ui.label(DATE_FIELD_LABEL);
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut field.text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button("Set date")
            .on_hover_text("Saved in your dates.toml; the article file is not changed")
            .clicked()
            || enter
        {
            match parse_date_input(&field.text) {
                Some(date) => {
                    field.error = false;
                    intent = Some(Command::SetArticleDate { article, date });
                }
                None => field.error = true,
            }
        }
        if field.error {
            ui.colored_label(
                crate::ui::theme::INVALID_INPUT,
                "expected a date like 2019-04-04",
            );
        }
    });
    intent
}
