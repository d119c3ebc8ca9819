//! wirescope: a desktop corpus explorer for news articles (GUI and CLI).
//!
//! The engine lives in [`wirescope_core`] (re-exported as [`core`]); this
//! crate adds the command line ([`cli`]) and the window ([`app`]).

pub use wirescope_core as core;

pub mod app;
pub mod cli;

pub use wirescope_core::atomic::write_atomic as atomic_write;
