//! Hostile text in the real app: a 20 MB one-line article body is drawn one part at a time,
//! rendered with wgpu (a galley of millions of glyphs would need a vertex buffer above wgpu's
//! limit and seconds per frame).

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::corpus::{Article, Corpus, MAX_ARTICLE_BYTES};
use newsatlas::gazetteer::Gazetteer;
use newsatlas::gui::{NewsAtlasApp, TEXT_PART_BYTES, mention_label};

#[test]
fn a_20_mb_one_line_article_is_drawn_one_part_at_a_time_and_every_part_is_reachable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (gazetteer, problems) = Gazetteer::load(&root.join("data/gazetteer.toml"), None, None);
    assert!(problems.is_empty(), "{problems:?}");
    let mut text = String::from("title: A wall of text\ndate: 2019-04-09\n\nClashes near Tripoli ");
    let filler = "and more words without end ";
    while text.len() + filler.len() < MAX_ARTICLE_BYTES as usize - 64 {
        text.push_str(filler);
    }
    text.push_str("then Misrata.");
    let (article, _) = Article::from_text("wall", Path::new("wall.txt"), &text);
    assert!(article.body.len() > 20_000_000 && !article.body.contains('\n'));
    let parts = article.body.len().div_ceil(TEXT_PART_BYTES);
    let corpus = Corpus {
        articles: vec![article],
    };
    let dataset = Dataset::build(corpus, Arc::new(gazetteer), Vec::new());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .wgpu()
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    harness.run_steps(4);
    harness.get_by_label("Cumulative").click();
    harness.run_steps(2);
    harness.get_by_label_contains("A wall of text").click();
    harness.run_steps(3);
    harness
        .render()
        .expect("a wgpu adapter (Mesa lavapipe or llvmpipe)");
    assert!(
        harness
            .query_by_label_contains(&format!("part 1 of {parts} is shown"))
            .is_some(),
        "the pane says which part of the long text is shown"
    );
    assert!(
        harness.query_by_label(&mention_label("Tripoli")).is_some(),
        "the first part's mentions are highlighted and clickable"
    );
    harness.get_by_label("Next part ▶").click();
    harness.run_steps(2);
    harness
        .render()
        .expect("a wgpu adapter (Mesa lavapipe or llvmpipe)");
    assert!(
        harness
            .query_by_label_contains(&format!("part 2 of {parts} is shown"))
            .is_some()
    );
    harness.get_by_label("◀ Previous part").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("part 1 of ").is_some());
}
