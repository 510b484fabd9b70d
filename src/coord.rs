//! A WGS84 position with named fields, so latitude and longitude are never swapped.

use serde::{Deserialize, Serialize};

/// A point on the earth in degrees (WGS84). Always construct with named fields or [`LatLon::new`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub const fn new(lat: f64, lon: f64) -> Self {
        Self { lat, lon }
    }

    /// True when both values are finite and inside [-90, 90] x [-180, 180].
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }

    /// Great-circle distance in kilometres (haversine, mean earth radius).
    pub fn distance_km(self, other: LatLon) -> f64 {
        use geo::{Distance, Haversine, Point};
        Haversine.distance(
            Point::new(self.lon, self.lat),
            Point::new(other.lon, other.lat),
        ) / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tripoli_to_misrata_is_about_190_km() {
        let tripoli = LatLon::new(32.8872, 13.1913);
        let misrata = LatLon::new(32.3754, 15.0925);
        let d = tripoli.distance_km(misrata);
        assert!((180.0..200.0).contains(&d), "{d}");
    }

    #[test]
    fn out_of_range_and_nan_are_invalid() {
        assert!(!LatLon::new(999.0, 0.0).is_valid());
        assert!(!LatLon::new(f64::NAN, 0.0).is_valid());
        assert!(LatLon::new(-90.0, 180.0).is_valid());
    }
}
