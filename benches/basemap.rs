//! Render time of one offline basemap tile around Libya at zooms 4, 7 and 10 (256 px), plus one
//! `HiDPI` (512 px) tile at zoom 7. Assets are parsed before timing starts.

use criterion::{Criterion, criterion_group, criterion_main};
use newsatlas::LatLon;
use newsatlas::tile_pixel_at;
use newsatlas::{BasemapData, Detail, Style, render_tile};
use std::hint::black_box;

fn render(c: &mut Criterion) {
    let data = BasemapData::embedded();
    for detail in Detail::ALL {
        if let Err(e) = data.layer(detail) {
            panic!("{e}");
        }
    }
    let tripoli = LatLon::new(32.8872, 13.1913);
    let mut group = c.benchmark_group("basemap_tile");
    for (z, scale) in [(4u8, 1u32), (7, 1), (10, 1), (7, 2)] {
        let (tile, _) = tile_pixel_at(tripoli, z, 1);
        group.bench_function(format!("z{z}_tripoli_{}px", 256 * scale), |b| {
            b.iter(|| render_tile(&data, black_box(tile), Style::Light, scale));
        });
    }
    group.finish();

    c.bench_function("basemap_parse_10m", |b| {
        b.iter(|| {
            let fresh = BasemapData::embedded();
            fresh.layer(Detail::Fine).map(|l| l.land.len()).ok()
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = render
}
criterion_main!(benches);
