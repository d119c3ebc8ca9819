pub use wirescope_core as core;
