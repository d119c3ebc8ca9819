//! Token streams, three bytes a token.
//!
//! A document's words are kept as the sequence of their surface ids (see
//! [`crate::index`]). Ids are dense, so while the vocabulary has fewer than
//! 2^24 (16.7 million) surface forms every id fits in three bytes: streams
//! take a quarter less memory than as `u32`s (20 MB of 80 on a 128 MB
//! corpus) and are read with one more shift and mask per token, not the
//! bit-unpacking that made scans slower. A stream holding a larger id is
//! stored four bytes a token.

use std::sync::Arc;

use crate::vocab::SurfaceId;

/// Ids below this fit a narrow (three-byte) stream.
pub const NARROW_IDS: u32 = 1 << 24;

/// A document's token stream as the index stores it.
#[derive(Clone, Debug)]
pub struct PackedStream {
    bytes: Arc<[u8]>,
    wide: bool,
}

impl PackedStream {
    /// Packs `ids`, narrow unless some id needs four bytes.
    pub fn from_ids(ids: &[SurfaceId]) -> Self {
        let wide = ids.iter().any(|&id| id >= NARROW_IDS);
        let width = if wide { 4 } else { 3 };
        let mut bytes = Vec::with_capacity(ids.len() * width + 1);
        for &id in ids {
            bytes.extend_from_slice(&id.to_le_bytes()[..width]);
        }
        if !wide {
            // Every id is read as four bytes and masked: the last one needs
            // one byte past it.
            bytes.push(0);
        }
        Self {
            bytes: bytes.into(),
            wide,
        }
    }

    /// The stream for reading.
    pub fn view(&self) -> Stream<'_> {
        Stream::new(&self.bytes, self.wide)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.view().len()
    }

    /// True when the stream has no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces every id by `map[id]`, in place when the stream is not
    /// shared and every new id stays narrow (`narrow`), else in a copy.
    pub fn remap(self, map: &[SurfaceId], narrow: bool) -> Self {
        let Self { mut bytes, wide } = self;
        if !wide
            && narrow
            && let Some(all) = Arc::get_mut(&mut bytes)
        {
            let slots = all.len().saturating_sub(1);
            for slot in all[..slots].as_chunks_mut::<3>().0 {
                let id = map[u32::from_le_bytes([slot[0], slot[1], slot[2], 0]) as usize];
                slot.copy_from_slice(&id.to_le_bytes()[..3]);
            }
            return Self { bytes, wide };
        }
        let ids: Vec<SurfaceId> = Stream::new(&bytes, wide)
            .iter()
            .map(|id| map[id as usize])
            .collect();
        Self::from_ids(&ids)
    }
}

/// A borrowed token stream: surface ids by position.
///
/// Narrow and wide streams are read the same way, four bytes at a time
/// masked to the width, so loops over a stream have no branch on it.
#[derive(Clone, Copy, Debug)]
pub struct Stream<'a> {
    bytes: &'a [u8],
    width: usize,
    mask: u32,
    len: usize,
}

impl Default for Stream<'_> {
    fn default() -> Self {
        Self::new(&[], false)
    }
}

impl<'a> Stream<'a> {
    fn new(bytes: &'a [u8], wide: bool) -> Self {
        let (width, mask, len) = if wide {
            (4, u32::MAX, bytes.len() / 4)
        } else {
            (3, 0x00ff_ffff, bytes.len().saturating_sub(1) / 3)
        };
        Self {
            bytes,
            width,
            mask,
            len,
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(self) -> usize {
        self.len
    }

    /// True when the stream has no token.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The surface id at token `i`.
    #[inline]
    pub fn get(self, i: usize) -> Option<SurfaceId> {
        if i >= self.len {
            return None;
        }
        let at = i * self.width;
        let b = self.bytes.get(at..at + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) & self.mask)
    }

    /// The surface ids in order.
    #[inline]
    pub fn iter(self) -> StreamIter<'a> {
        StreamIter {
            stream: self,
            next: 0,
        }
    }

    /// Calls `f` with each position and surface id, in order: the loop for
    /// scans, specialised to the stream's width.
    #[inline]
    pub fn for_each(self, mut f: impl FnMut(usize, SurfaceId)) {
        if self.width == 4 {
            let ids = self.bytes[..self.len * 4].as_chunks::<4>().0;
            for (i, b) in ids.iter().enumerate() {
                f(i, u32::from_le_bytes(*b));
            }
        } else {
            // Four ids from one 12-byte group: two loads and shifts.
            let (groups, rest) = self.bytes[..self.len * 3].as_chunks::<12>();
            for (g, b) in groups.iter().enumerate() {
                let lo = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                let hi = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
                let i = g * 4;
                f(i, (lo & 0x00ff_ffff) as u32);
                f(i + 1, ((lo >> 24) & 0x00ff_ffff) as u32);
                f(i + 2, ((lo >> 48) as u32) | ((hi & 0xff) << 16));
                f(i + 3, hi >> 8);
            }
            let done = groups.len() * 4;
            for (k, b) in rest.as_chunks::<3>().0.iter().enumerate() {
                f(done + k, u32::from_le_bytes([b[0], b[1], b[2], 0]));
            }
        }
    }

    /// The surface ids as a vector.
    pub fn to_vec(self) -> Vec<SurfaceId> {
        self.iter().collect()
    }
}

/// Iterator over a [`Stream`]'s surface ids.
#[derive(Clone, Debug)]
pub struct StreamIter<'a> {
    stream: Stream<'a>,
    next: usize,
}

impl Iterator for StreamIter<'_> {
    type Item = SurfaceId;

    #[inline]
    fn next(&mut self) -> Option<SurfaceId> {
        let id = self.stream.get(self.next)?;
        self.next += 1;
        Some(id)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.stream.len - self.next.min(self.stream.len);
        (left, Some(left))
    }
}

impl ExactSizeIterator for StreamIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_and_wide_streams_round_trip() {
        let narrow = [0, 1, 255, 256, 65_535, 65_536, NARROW_IDS - 1];
        let packed = PackedStream::from_ids(&narrow);
        assert_eq!(packed.bytes.len(), narrow.len() * 3 + 1);
        assert_eq!(packed.view().to_vec(), narrow);
        assert_eq!(packed.view().get(6), Some(NARROW_IDS - 1));
        let mut seen = Vec::new();
        packed.view().for_each(|i, id| seen.push((i, id)));
        assert_eq!(seen, narrow.iter().copied().enumerate().collect::<Vec<_>>());
        assert_eq!(packed.view().get(7), None);
        let wide = [3, NARROW_IDS, u32::MAX];
        let packed = PackedStream::from_ids(&wide);
        assert_eq!(packed.bytes.len(), wide.len() * 4);
        assert_eq!(packed.view().to_vec(), wide);
        let mut seen = Vec::new();
        packed.view().for_each(|_, id| seen.push(id));
        assert_eq!(seen, wide);
        assert_eq!(packed.len(), 3);
        assert!(PackedStream::from_ids(&[]).is_empty());
        assert_eq!(Stream::default().len(), 0);
        assert_eq!(Stream::default().get(0), None);
    }

    #[test]
    fn for_each_reads_every_length() {
        for len in 0..30u32 {
            let ids: Vec<u32> = (0..len).map(|i| (i * 2_654_435_761) % NARROW_IDS).collect();
            let packed = PackedStream::from_ids(&ids);
            let mut seen = Vec::new();
            packed.view().for_each(|i, id| seen.push((i, id)));
            assert_eq!(seen, ids.iter().copied().enumerate().collect::<Vec<_>>());
            assert_eq!(packed.view().to_vec(), ids);
        }
    }

    #[test]
    fn remap_in_place_or_widened() {
        let map = [7, 8, NARROW_IDS + 5];
        let stream = PackedStream::from_ids(&[0, 1, 0]).remap(&map, true);
        assert!(!stream.wide);
        assert_eq!(stream.view().to_vec(), [7, 8, 7]);
        // A shared stream is copied, not changed under its other owner.
        let shared = PackedStream::from_ids(&[1, 0]);
        let other = shared.clone();
        assert_eq!(shared.remap(&map, true).view().to_vec(), [8, 7]);
        assert_eq!(other.view().to_vec(), [1, 0]);
        // An id past the narrow range widens the stream.
        let widened = PackedStream::from_ids(&[2, 0]).remap(&map, false);
        assert!(widened.wide);
        assert_eq!(widened.view().to_vec(), [NARROW_IDS + 5, 7]);
    }
}
