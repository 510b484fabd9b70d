//! Hostile text in the real app: a 20 MB one-line article body is drawn clamped to its first
//! `MAX_SHOWN_TEXT_BYTES`, rendered with wgpu (a galley of millions of glyphs would need a vertex buffer above wgpu's
//! limit and seconds per frame).

use std::path::Path;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::corpus::{Article, Corpus, MAX_ARTICLE_BYTES};
use newsatlas::gazetteer::Gazetteer;
use newsatlas::gui::{NewsAtlasApp, mention_label};

#[test]
fn a_20_mb_one_line_article_is_drawn_clamped_with_a_note_and_its_mentions_clickable() {
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
    assert!(article.body.len() > 20_000_000 && !article.body.text().contains('\n'));
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
            .query_by_label_contains("Showing the first")
            .is_some(),
        "the pane says the long text is cut"
    );
    assert!(
        harness.query_by_label(&mention_label("Tripoli")).is_some(),
        "the shown part's mentions are highlighted and clickable"
    );
}
