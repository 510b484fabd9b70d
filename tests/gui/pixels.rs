//! A look at the default view as pixels, rendered with wgpu (Mesa's software Vulkan in CI, which
//! `.ci/run` installs): the offline basemap draws land and sea with no network, and markers sit
//! on top of it.

use std::path::Path;
use std::time::Duration;

use egui_kittest::Harness;
use newsatlas::Dataset;
use newsatlas::Style;
use newsatlas::gui::NewsAtlasApp;

type Rgba = [u8; 4];

fn near(a: Rgba, b: Rgba) -> bool {
    a.iter().zip(b).take(3).all(|(x, y)| x.abs_diff(y) <= 6)
}

#[test]
fn the_default_view_shows_land_sea_and_markers_offline() {
    let seeds = Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(|cc| {
            NewsAtlasApp::with_dataset(&cc.egui_ctx, seeds).with_basemap(&cc.egui_ctx)
        });

    // Tiles come from render threads at their own pace: step frames (bounded) until the map
    // shows both land and sea, which is what the assertions below check in the end anyway.
    let palette = Style::Dark.palette(); // the default theme
    let (mut sea, mut land, mut total) = (0usize, 0usize, 0usize);
    for _ in 0..100 {
        harness.step();
        let image = harness
            .render()
            .expect("a wgpu adapter (Mesa lavapipe or llvmpipe)");
        // The map is the upper left of the window: left of the article pane, above the timeline.
        let (w, h) = (image.width() * 55 / 100, image.height() * 65 / 100);
        (sea, land, total) = (0, 0, 0);
        for y in (h / 10..h).step_by(3) {
            for x in (0..w).step_by(3) {
                let p = image.get_pixel(x, y).0;
                total += 1;
                sea += usize::from(near(p, palette.sea));
                land += usize::from(near(p, palette.land));
            }
        }
        if sea * 10 > total && land * 10 > total {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        sea * 10 > total,
        "sea covers {sea} of {total} sampled map pixels"
    );
    assert!(
        land * 10 > total,
        "land covers {land} of {total} sampled map pixels"
    );
    assert!(
        harness
            .state()
            .derived()
            .is_some_and(|d| !d.markers.is_empty()),
        "markers are laid out over the basemap"
    );
}
