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

    /// `self.distance_km(other) < km`, for `km` from a metre up to a few thousand kilometres:
    /// the haversine's sines, cosines and arcsine are asked only where bounds computed
    /// without them leave the answer open, a pair within about 0.1% of `km`. (The extractor
    /// asks this of thousands of pairs an article, and libm's trigonometry was most of the
    /// cost.) The bounds, with h = sin²(dlat/2) + cos lat1 cos lat2 sin²(dlon/2) and
    /// d = 2R asin(√h), so that d < km exactly when h < sin²(km / 2R):
    /// x² - x⁴/3 <= sin² x <= x² for 0 <= x <= π/2, and 1 - x²/2 <= cos x <= 1 - x²/2 + x⁴/24
    /// for |x| <= π/2; t - t³/6 <= sin t <= t. A relative margin of 1e-6, far above the
    /// rounding of either computation, sends a pair on the edge to the exact formula.
    pub fn closer_than_km(self, other: LatLon, km: f64) -> bool {
        /// The radius `distance_km` measures with (geo's GRS80 mean radius).
        const RADIUS_KM: f64 = 6_371.008_8;
        const MARGIN: f64 = 1e-6;
        let half_dlat = ((other.lat - self.lat).abs() / 2.0).to_radians();
        // (sin² of half the gap in longitude is the same for 360° less the gap: the smaller
        // keeps the bounds within their range.)
        let mut dlon = (other.lon - self.lon).abs();
        if dlon > 180.0 {
            dlon = 360.0 - dlon;
        }
        let half_dlon = (dlon / 2.0).to_radians();
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let cos_upper = |x: f64| 1.0 - x * x / 2.0 + x * x * x * x / 24.0;
        let cos_lower = |x: f64| (1.0 - x * x / 2.0).max(0.0);
        let sin_sq_lower = |x: f64| (x * x - x * x * x * x / 3.0).max(0.0);
        let h_upper =
            half_dlat * half_dlat + cos_upper(lat1) * cos_upper(lat2) * half_dlon * half_dlon;
        let h_lower =
            sin_sq_lower(half_dlat) + cos_lower(lat1) * cos_lower(lat2) * sin_sq_lower(half_dlon);
        let t = km / (2.0 * RADIUS_KM);
        let sin_t_lower = t - t * t * t / 6.0;
        // (The cosine bounds hold, and the cosines are not negative, for latitudes within
        // ±90°: anything else, and a NaN, is left to the exact formula.)
        let in_range =
            lat1.abs() <= std::f64::consts::FRAC_PI_2 && lat2.abs() <= std::f64::consts::FRAC_PI_2;
        if in_range && km.is_finite() && t <= 1.0 {
            if h_upper < sin_t_lower * sin_t_lower * (1.0 - MARGIN) {
                return true;
            }
            if h_lower > t * t * (1.0 + MARGIN) {
                return false;
            }
        }
        self.exactly_closer_than_km(other, km)
    }

    /// `closer_than_km`'s answer by the haversine itself, for the few pairs the bounds leave
    /// open. Kept out of line: inlined, the compiler hoisted the cosine of a point's latitude
    /// out of the callers' loops over anchors and paid it on every call.
    #[cold]
    #[inline(never)]
    fn exactly_closer_than_km(self, other: LatLon, km: f64) -> bool {
        self.distance_km(other) < km
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

    /// The bounds of `closer_than_km` decide as the haversine does, on pairs near and far,
    /// across the date line and near the poles, at the thresholds the extractor asks.
    #[test]
    fn closer_than_km_answers_as_the_distance_does() {
        // A small generator of its own: the test needs spread, not quality.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for round in 0..200_000 {
            let a = LatLon::new(next() * 180.0 - 90.0, next() * 360.0 - 180.0);
            // Most pairs close by, as in an article, some anywhere.
            let spread = [0.01, 0.5, 3.0, 10.0, 180.0][round % 5];
            let b = LatLon::new(
                (a.lat + (next() - 0.5) * spread).clamp(-90.0, 90.0),
                (a.lon + (next() - 0.5) * 2.0 * spread + 180.0).rem_euclid(360.0) - 180.0,
            );
            let d = a.distance_km(b);
            for km in [
                0.5,
                25.0,
                60.0,
                150.0,
                250.0,
                800.0,
                2500.0,
                d,
                d * (1.0 + 1e-12),
            ] {
                assert_eq!(
                    a.closer_than_km(b, km),
                    d < km,
                    "{a:?} {b:?} {km} (distance {d})"
                );
            }
        }
    }

    #[test]
    fn out_of_range_and_nan_are_invalid() {
        assert!(!LatLon::new(999.0, 0.0).is_valid());
        assert!(!LatLon::new(f64::NAN, 0.0).is_valid());
        assert!(LatLon::new(-90.0, 180.0).is_valid());
    }
}
