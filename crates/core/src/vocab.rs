//! The interned vocabulary: surface forms and their case-folded forms.
//!
//! Token streams store [`SurfaceId`]s (the word as written, case kept), and
//! every surface maps to a [`FoldedId`] (the case-folded type). Counting and
//! case-insensitive search work on folded ids; case-sensitive search filters
//! on surface ids, so neither needs to rescan any text.

use rustc_hash::FxHashMap;

use crate::tokenize::fold;

/// Index of a surface form (case as written).
pub type SurfaceId = u32;
/// Index of a case-folded word type.
pub type FoldedId = u32;

/// Interned word forms. Ids are dense and only ever appended.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    surfaces: Vec<Box<str>>,
    surface_ids: FxHashMap<Box<str>, SurfaceId>,
    surface_to_folded: Vec<FoldedId>,
    folded: Vec<Box<str>>,
    folded_ids: FxHashMap<Box<str>, FoldedId>,
    folded_to_surfaces: Vec<Vec<SurfaceId>>,
}

impl Vocabulary {
    /// Interns a surface form, returning its id.
    pub fn intern(&mut self, surface: &str) -> SurfaceId {
        if let Some(&id) = self.surface_ids.get(surface) {
            return id;
        }
        let folded_id = self.intern_folded(&fold(surface));
        let id = SurfaceId::try_from(self.surfaces.len()).unwrap_or(SurfaceId::MAX);
        self.surfaces.push(surface.into());
        self.surface_ids.insert(surface.into(), id);
        self.surface_to_folded.push(folded_id);
        self.folded_to_surfaces[folded_id as usize].push(id);
        id
    }

    fn intern_folded(&mut self, folded: &str) -> FoldedId {
        if let Some(&id) = self.folded_ids.get(folded) {
            return id;
        }
        let id = FoldedId::try_from(self.folded.len()).unwrap_or(FoldedId::MAX);
        self.folded.push(folded.into());
        self.folded_ids.insert(folded.into(), id);
        self.folded_to_surfaces.push(Vec::new());
        id
    }

    /// The surface form of an id.
    pub fn surface(&self, id: SurfaceId) -> &str {
        &self.surfaces[id as usize]
    }

    /// The folded form of a folded id.
    pub fn folded(&self, id: FoldedId) -> &str {
        &self.folded[id as usize]
    }

    /// The folded id of a surface id.
    pub fn fold_id(&self, id: SurfaceId) -> FoldedId {
        self.surface_to_folded[id as usize]
    }

    /// The folded-id table, indexed by surface id (for hot loops).
    pub fn fold_table(&self) -> &[FoldedId] {
        &self.surface_to_folded
    }

    /// Looks up a surface form exactly as written.
    pub fn surface_id(&self, surface: &str) -> Option<SurfaceId> {
        self.surface_ids.get(surface).copied()
    }

    /// Looks up a word case-insensitively.
    pub fn folded_id(&self, word: &str) -> Option<FoldedId> {
        self.folded_ids.get(fold(word).as_ref()).copied()
    }

    /// All surface forms of a folded type.
    pub fn surfaces_of(&self, id: FoldedId) -> &[SurfaceId] {
        &self.folded_to_surfaces[id as usize]
    }

    /// Number of distinct surface forms.
    pub fn surface_count(&self) -> usize {
        self.surfaces.len()
    }

    /// Number of distinct folded word types.
    pub fn folded_count(&self) -> usize {
        self.folded.len()
    }

    /// Iterates over all folded types with their ids.
    pub fn folded_iter(&self) -> impl Iterator<Item = (FoldedId, &str)> {
        self.folded
            .iter()
            .enumerate()
            .map(|(i, w)| (i as FoldedId, &**w))
    }

    /// Iterates over all surface forms with their ids.
    pub fn surface_iter(&self) -> impl Iterator<Item = (SurfaceId, &str)> {
        self.surfaces
            .iter()
            .enumerate()
            .map(|(i, w)| (i as SurfaceId, &**w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surfaces_share_a_folded_type() {
        let mut vocab = Vocabulary::default();
        let a = vocab.intern("Putin");
        let b = vocab.intern("PUTIN");
        let c = vocab.intern("Putin");
        assert_eq!(a, c);
        assert_ne!(a, b);
        assert_eq!(vocab.fold_id(a), vocab.fold_id(b));
        assert_eq!(vocab.folded(vocab.fold_id(a)), "putin");
        assert_eq!(vocab.surfaces_of(vocab.fold_id(a)), &[a, b]);
        assert_eq!(vocab.folded_id("pUtIn"), Some(vocab.fold_id(a)));
        assert_eq!(vocab.surface_id("putin"), None);
    }
}
