//! One computation on a worker thread, for a key (what it was computed
//! from). Replacing or dropping the job cancels it, so only the result for
//! the latest key is ever installed; the UI keeps showing the previous
//! result meanwhile. Used by the search and the trend chart over large
//! corpora.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Called when a job finishes, to wake the UI.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What polling a job gives.
pub enum Poll<V> {
    Pending,
    Done(V),
    /// The worker ended without a result (cancelled or panicked).
    Lost,
}

/// A running computation of a `V` for a key `K`.
pub struct Job<K, V> {
    key: K,
    result: Receiver<V>,
    cancel: Arc<AtomicBool>,
}

impl<K, V: Send + 'static> Job<K, V> {
    /// Runs `work` on a named thread; `work` returns `None` once it sees
    /// the cancel flag set. `None` if the thread cannot start.
    pub fn spawn(
        name: &str,
        key: K,
        waker: Option<Waker>,
        work: impl FnOnce(&AtomicBool) -> Option<V> + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // Behind the window (see `workers_behind_the_window`).
                wirescope_core::loader::lower_thread_priority();
                if let Some(value) = work(&flag)
                    && tx.send(value).is_ok()
                    && let Some(wake) = waker
                {
                    wake();
                }
            })
            .ok()?;
        Some(Self {
            key,
            result: rx,
            cancel,
        })
    }

    /// What the job computes for.
    pub fn key(&self) -> &K {
        &self.key
    }

    /// The result, if the job has finished.
    pub fn poll(&self) -> Poll<V> {
        match self.result.try_recv() {
            Ok(value) => Poll::Done(value),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}

impl<K, V> Drop for Job<K, V> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
