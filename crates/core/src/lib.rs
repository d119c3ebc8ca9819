//! wirescope-core: the corpus model, loading, parsing and analyses behind
//! wirescope. Nothing here knows about windows: the GUI, the CLI, tests and
//! benchmarks all drive this crate.
//!
//! ```
//! use wirescope_core::{Corpus, load_all, loader::Input};
//! let seed = include_bytes!("../../../seeds/000_da033187e5627a53.txt");
//! let input = Input::Embedded { name: "seeds/000_da033187e5627a53.txt".into(), bytes: seed[..].into() };
//! let (corpus, report) = load_all(&[input], &Default::default());
//! assert!(report.problems.is_empty());
//! let ix = corpus.find(&"seeds/000_da033187e5627a53.txt".into()).unwrap();
//! assert_eq!(corpus.doc(ix).title(), "Putin proposes election non-interference pact with US");
//! ```

pub mod article;
pub mod atomic;
pub mod chart;
pub mod corpus;
pub mod document;
pub mod fields;
pub mod filter;
pub mod freq;
pub mod index;
pub mod keyness;
pub mod loader;
pub mod ngrams;
pub mod overlay;
pub mod query;
pub mod reprints;
pub mod seed;
pub mod session;
pub mod stream;
pub mod table;
pub mod text;
pub mod tokenize;
pub mod tokenized;
pub mod vocab;
pub mod workspace;

pub use corpus::{BatchBuilder, Corpus, Effective, TokenizedBatch};
pub use document::{DocKey, Document, SourceStamp};
pub use filter::{Filter, select};
pub use index::DocIx;
pub use overlay::{Correction, Overlay};
pub use workspace::{Workspace, WorkspaceError};

use std::sync::atomic::AtomicBool;

/// Loads inputs into a fresh corpus on the calling thread (plus the loader
/// pool): the simple entry point for the CLI, tests and benchmarks.
pub fn load_all(
    inputs: &[loader::Input],
    options: &loader::LoadOptions,
) -> (Corpus, loader::LoadReport) {
    let progress = loader::Progress::default();
    let cancel = AtomicBool::new(false);
    let control = loader::Control::without_waker(&progress, &cancel);
    let mut corpus = Corpus::default();
    let report = loader::load(
        inputs,
        &Default::default(),
        options,
        &control,
        &mut |batch| {
            corpus.append(batch);
        },
    );
    (corpus, report)
}

impl From<&str> for DocKey {
    fn from(path: &str) -> Self {
        Self {
            path: path.into(),
            record: None,
        }
    }
}
