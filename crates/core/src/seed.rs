//! The sample corpus built into the program, so it opens from any folder.
//!
//! Its documents keep the stable source name `seeds/<file>` so a workspace
//! can refer to them.

use crate::loader::Input;

/// Name and bytes of every bundled sample article.
pub const SEED_FILES: &[(&str, &[u8])] = &[(
    "seeds/000_da033187e5627a53.txt",
    include_bytes!("../../../seeds/000_da033187e5627a53.txt"),
)];

/// The sample as loader inputs.
pub fn inputs() -> Vec<Input> {
    SEED_FILES
        .iter()
        .map(|&(name, bytes)| Input::Embedded {
            name: name.to_owned(),
            bytes: bytes.into(),
        })
        .collect()
}

/// True when `path` names a bundled sample article.
pub fn is_seed(path: &str) -> bool {
    SEED_FILES.iter().any(|(name, _)| *name == path)
}
