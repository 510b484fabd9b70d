//! A dataset: the articles, the gazetteer, their extractions and the index, built together.
//!
//! Everything derived is computed here once per change of data (off the UI thread in the app);
//! views only read it.

use std::path::Path;
use std::sync::Arc;

use crate::corpus::{Article, Corpus};
use crate::extract::{ArticleExtraction, ArticleIdx, Event, extract_corpus, list_problems};
use crate::gazetteer::Gazetteer;
use crate::index::Index;
use crate::problem::Problem;

/// Articles and extractions are shared (`Arc`): a rebuild or a background count takes them to
/// another thread without copying them on the UI thread (at a million events they are hundreds
/// of MB); whoever needs to change them copies them there.
pub struct Dataset {
    pub articles: Arc<Vec<Article>>,
    pub gazetteer: Arc<Gazetteer>,
    /// One per article, same order.
    pub extractions: Arc<Vec<ArticleExtraction>>,
    pub index: Index,
    /// Problems met while loading the data files and articles.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Extracts every article and indexes the result.
    pub fn build(corpus: Corpus, gazetteer: Arc<Gazetteer>, mut problems: Vec<Problem>) -> Dataset {
        let extractions = extract_corpus(&corpus.articles, &gazetteer);
        for (article, x) in corpus.articles.iter().zip(&extractions) {
            problems.extend(list_problems(article, x));
        }
        let published: Vec<_> = corpus.articles.iter().map(|a| a.published).collect();
        let index = Index::build(&extractions, &published);
        Dataset {
            articles: Arc::new(corpus.articles),
            gazetteer,
            extractions: Arc::new(extractions),
            index,
            problems,
        }
    }

    /// The bundled seeds and gazetteer, from the project root (the folder with `data/`).
    pub fn load_bundled(root: &Path) -> Dataset {
        let (gazetteer, mut problems) = Gazetteer::load_bundled(&root.join("data"));
        let (corpus, corpus_problems) = Corpus::load_bundled(root);
        problems.extend(corpus_problems);
        Dataset::build(corpus, Arc::new(gazetteer), problems)
    }

    pub fn article(&self, idx: ArticleIdx) -> &Article {
        &self.articles[idx.0 as usize]
    }

    pub fn extraction(&self, idx: ArticleIdx) -> &ArticleExtraction {
        &self.extractions[idx.0 as usize]
    }

    /// The full event of `index.events[i]`.
    pub fn event(&self, i: usize) -> Option<&Event> {
        self.index.event(i, &self.extractions)
    }
}
