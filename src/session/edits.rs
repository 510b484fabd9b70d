//! The user's own data edits, saved before the data is rebuilt with them: an article's date
//! (the date overrides sidecar, `dates.toml`) and a missing place fixed (the user gazetteer).
//! Nothing here draws; the app and its tests call these, then start a rebuild.

use chrono::NaiveDate;

use crate::corpus::Article;
use crate::gazetteer::{Gazetteer, PlaceIdx};
use crate::session::userdata::{DateOverrides, NewPlace, UserDataDir, UserGazetteer};

/// What the user chose to do about a missing name.
#[derive(Clone, Debug, PartialEq)]
pub enum MissingFix {
    /// `surface` becomes an alias of `place`.
    AddAlias {
        place: PlaceIdx,
        surface: String,
    },
    AddPlace(NewPlace),
}

/// Sets `article`'s publication date in `dates` and saves it in the user's sidecar. Returns what
/// to tell the user and whether it is a warning (the date then holds for this session only).
pub fn set_article_date(
    dates: &mut DateOverrides,
    user: Option<&UserDataDir>,
    article: &Article,
    date: NaiveDate,
) -> (String, bool) {
    dates.set(article, date);
    match user {
        Some(user) => match dates.save(&user.dates()) {
            Ok(()) => (format!("Date saved in {}", user.dates().display()), false),
            Err(e) => (format!("Date used for this session only: {e}"), true),
        },
        None => (
            "Date used for this session only (no user data folder)".to_owned(),
            true,
        ),
    }
}

/// Saves a missing-place fix in the user gazetteer of `user`. Returns what was done ("Added …;
/// saved in …"), or why nothing was saved.
pub fn save_place_fix(
    user: &UserDataDir,
    gazetteer: &Gazetteer,
    fix: &MissingFix,
) -> Result<String, String> {
    let path = user.gazetteer();
    let (mut ug, problems) = UserGazetteer::load(&path);
    if let Some(p) = problems.first() {
        return Err(format!("Not saved: {p}"));
    }
    let what = match fix {
        MissingFix::AddAlias { place, surface } => {
            let Some(p) = gazetteer.places().get(place.0 as usize) else {
                return Err(format!("Not saved: no place #{}", place.0));
            };
            let common = gazetteer.name_is_common(*place);
            ug.add_alias(p, gazetteer.demonyms(*place), common, surface);
            format!("“{surface}” is now a spelling of {}", p.name)
        }
        MissingFix::AddPlace(new) => {
            let id = ug.add_place(new, gazetteer);
            format!("Added {} ({id})", new.name)
        }
    };
    ug.save(&path).map_err(|e| format!("Not saved: {e}"))?;
    Ok(format!("{what}; saved in {}", path.display()))
}
