//! Handing tokenized batches from the loader's workers to the caller's sink.
//!
//! There is no interning thread. A worker that has tokenized a batch queues
//! it and, when no other worker is feeding the sink, feeds it the whole
//! queue itself; otherwise it goes back to parsing. So the load keeps as
//! many busy threads as there are workers, and a batch is often interned on
//! the core whose cache still holds it.
//!
//! With a dedicated interning thread, a 2-core machine ran three busy
//! threads, and while that thread interned one 40 MB document (160 ms on
//! `data/bench`) both workers stopped on the full queue. A longer queue
//! kept them going, but left the batches cold in cache by the time they
//! were interned and cost more than it saved (docs/PERFORMANCE.md).

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};

use super::{Control, Problem, deliver};
use crate::corpus::TokenizedBatch;

/// What receives the batches: the caller's sink, called on whichever
/// thread holds the hand-off's lock.
pub type Sink<'s> = dyn FnMut(TokenizedBatch) + Send + 's;

/// Batches waiting for the sink, and the sink behind a lock.
pub(super) struct Handoff<'a, 's> {
    queue: Mutex<VecDeque<TokenizedBatch>>,
    problems: Mutex<Vec<Problem>>,
    sink: Mutex<&'a mut Sink<'s>>,
    control: &'a Control<'a>,
    /// Past this many queued batches a worker waits for the sink instead of
    /// parsing on: parsed documents are what a load's memory is made of.
    max_queued: usize,
}

/// Locks, taking over a lock whose holder panicked: the panic reaches the
/// caller through the pool anyway, and the queue itself stays consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<'a, 's> Handoff<'a, 's> {
    pub(super) fn new(sink: &'a mut Sink<'s>, control: &'a Control<'a>, max_queued: usize) -> Self {
        Self {
            queue: Mutex::default(),
            problems: Mutex::default(),
            sink: Mutex::new(sink),
            control,
            max_queued,
        }
    }

    /// Queues a batch and its problems, then feeds the sink unless another
    /// worker is at it.
    pub(super) fn submit(&self, batch: TokenizedBatch, problems: Vec<Problem>) {
        if !problems.is_empty() {
            lock(&self.problems).extend(problems);
        }
        if batch.is_empty() {
            return;
        }
        let queued = {
            let mut queue = lock(&self.queue);
            queue.push_back(batch);
            queue.len()
        };
        if queued > self.max_queued {
            self.drain(lock(&self.sink));
        }
        self.feed();
    }

    /// Feeds the sink while the queue has batches and no one else holds it.
    /// A batch queued while another worker fed the sink is not stranded:
    /// that worker looks at the queue again after letting go of the sink.
    fn feed(&self) {
        loop {
            let sink = match self.sink.try_lock() {
                Ok(sink) => sink,
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            };
            self.drain(sink);
            if lock(&self.queue).is_empty() {
                return;
            }
        }
    }

    fn drain(&self, mut sink: MutexGuard<'_, &'a mut Sink<'s>>) {
        loop {
            let next = lock(&self.queue).pop_front();
            let Some(batch) = next else { return };
            deliver(batch, self.control, &mut **sink);
        }
    }

    /// Feeds what is still queued once every worker is done, and returns
    /// the problems reported.
    pub(super) fn finish(self) -> Vec<Problem> {
        self.feed();
        self.problems
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Progress;
    use std::sync::atomic::AtomicBool;

    fn batch(words: usize) -> TokenizedBatch {
        crate::loader::load_embedded("a.txt", "word ".repeat(words).as_bytes()).0
    }

    #[test]
    fn every_batch_reaches_the_sink_once_from_many_threads() {
        let progress = Progress::default();
        let cancel = AtomicBool::new(false);
        let control = Control::without_waker(&progress, &cancel);
        let mut seen: Vec<usize> = Vec::new();
        let mut sink = |b: TokenizedBatch| seen.push(b.token_count());
        let handoff = Handoff::new(&mut sink, &control, 3);
        std::thread::scope(|scope| {
            for t in 0..4 {
                let handoff = &handoff;
                scope.spawn(move || {
                    for i in 0..200 {
                        let words = 1 + (t * 200 + i) % 7;
                        handoff.submit(batch(words), Vec::new());
                    }
                });
            }
        });
        let problems = handoff.finish();
        assert!(problems.is_empty());
        assert_eq!(seen.len(), 800);
        let expected: usize = (0..800).map(|n| 1 + n % 7).sum();
        assert_eq!(seen.iter().sum::<usize>(), expected);
    }
}
