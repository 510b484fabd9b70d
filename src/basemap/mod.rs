//! Offline basemap: Natural Earth land, coasts and borders rasterized into map tiles (GUI-free).
