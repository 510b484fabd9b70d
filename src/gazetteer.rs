//! Places: the curated gazetteer, the broad GeoNames/airports layer and the user's additions,
//! validated into [`Place`]s, with the name automaton used by `extract::places`.
//!
//! INTERFACE DRAFT: the types and signatures below are what the rest of the crate uses.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::coord::LatLon;
use crate::problem::Problem;

/// Index of a place inside one [`Gazetteer`]; stable for the life of that gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PlaceIdx(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    /// A named area that is not an administrative unit: "eastern Libya", "North Africa".
    Region,
    /// A province, governorate, district of a country.
    AdminArea,
    City,
    /// A part of a city: "Ain Zara", "Tajoura" as a Tripoli district.
    District,
    Airport,
    AirBase,
    /// Plants, ports, embassies, military academies and other sites.
    Facility,
}

/// How a marker of this kind is drawn: by its broad class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KindClass {
    Settlement,
    Facility,
    Area,
}

impl PlaceKind {
    pub fn class(self) -> KindClass {
        match self {
            PlaceKind::City | PlaceKind::District => KindClass::Settlement,
            PlaceKind::Airport | PlaceKind::AirBase | PlaceKind::Facility => KindClass::Facility,
            PlaceKind::Country | PlaceKind::Region | PlaceKind::AdminArea => KindClass::Area,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::AdminArea => "admin_area",
            PlaceKind::City => "city",
            PlaceKind::District => "district",
            PlaceKind::Airport => "airport",
            PlaceKind::AirBase => "air_base",
            PlaceKind::Facility => "facility",
        }
    }
}

/// Which layer a place came from. Curated wins over broad; the user's additions win over both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceSource {
    Broad,
    Curated,
    User,
}

/// A validated place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Stable id, unique in the gazetteer: e.g. `tripoli-ly`, `gn:2210247`, `icao:HLLM`.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: PlaceKind,
    pub coord: LatLon,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<String>,
    pub geonames_id: Option<u64>,
    pub population: Option<u64>,
    pub source: PlaceSource,
    /// Where the coordinates come from, for curated and user entries.
    pub note: Option<String>,
}

/// All places, their ids and the automaton that finds their names in text.
pub struct Gazetteer {
    places: Vec<Place>,
}

impl Gazetteer {
    /// Loads `data/gazetteer.toml` and the broad layer from a data directory.
    pub fn load_bundled(data_dir: &Path) -> (Gazetteer, Vec<Problem>) {
        let _ = data_dir;
        todo!("gazetteer helper")
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn get(&self, idx: PlaceIdx) -> &Place {
        &self.places[idx.0 as usize]
    }

    pub fn by_id(&self, id: &str) -> Option<PlaceIdx> {
        let _ = id;
        todo!("gazetteer helper")
    }
}
