//! # quotegraph
//!
//! Finds every quotation and reported statement in news articles, attributes
//! each to its speaker (with title and organization), and maps who stands
//! where.
//!
//! The library is a pipeline of plain functions, one module per stage:
//!
//! | stage | module | from → to |
//! |---|---|---|
//! | ingest | [`ingest`] | files, directories, JSONL, HTML pages, stdin → [`model::Document`] |
//! | segment | [`segment`] | document → paragraphs, sentences, paired quotation marks |
//! | extract | [`extract`] | segmented text → [`model::Attribution`]s with speaker mentions |
//! | resolve | [`resolve`] | mentions → people and organizations with titles |
//! | export | [`export`] | results → JSON Lines, JSON, text; reports; the annotated article (HTML) |
//! | check | [`check`] | documents and attributions → flags for journalists (anonymous sources, drift, …) |
//!
//! World knowledge (speech verbs, titles, organizations, places) is data, in
//! `data/lexicon/`, loaded once into a [`lexicon::Lexicon`].
//!
//! ```
//! let lex = quotegraph::lexicon::Lexicon::default_lexicon();
//! let doc = quotegraph::model::Document::new("d", "“Talks will resume,” said Ann Lee, a spokeswoman.");
//! let found = quotegraph::attributions(&doc, &lex);
//! assert_eq!(found[0].speaker.name.as_deref(), Some("Ann Lee"));
//! ```

#![warn(missing_docs)]

pub mod batch;
pub mod check;
pub mod code;
pub mod date;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod resolve;
pub mod segment;

/// Runs segment → extract → resolve on one document.
pub fn attributions(doc: &model::Document, lex: &lexicon::Lexicon) -> Vec<model::Attribution> {
    let seg = segment::segment(doc, lex);
    let mut found = extract::extract(&seg, lex);
    resolve::resolve(&seg, lex, &mut found);
    found
}
