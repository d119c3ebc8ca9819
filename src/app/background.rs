//! One computation on a worker thread, for a key (what it was computed
//! from). Replacing or dropping the job cancels it, so only the result for
//! the latest key is ever installed; the UI keeps showing the previous
//! result meanwhile. Used by the search and the trend chart over large
//! corpora; [`Cached`] wraps the pattern for the dispersion strips and the
//! analysis tabs.

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

/// A value computed for a key, on the UI thread or on a worker: the last
/// value stays shown while the next one is computed. The dispersion strips
/// and the analysis tabs (collocates, n-grams, keywords, reprints) keep
/// theirs in one.
pub struct Cached<K, V> {
    shown: Option<(K, Arc<V>)>,
    job: Option<Job<K, Arc<V>>>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Self {
            shown: None,
            job: None,
        }
    }
}

impl<K: Clone + PartialEq, V: Send + Sync + 'static> Cached<K, V> {
    /// True while a value is computed on a worker.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The value shown, if one was computed yet.
    pub fn shown(&self) -> Option<&V> {
        self.shown.as_ref().map(|(_, v)| &**v)
    }

    /// The value shown, shared (to draw it while the app is borrowed).
    pub fn shown_arc(&self) -> Option<Arc<V>> {
        self.shown.as_ref().map(|(_, v)| Arc::clone(v))
    }

    /// Installs a finished worker's value; true when neither the value
    /// shown nor the running job is for `key`, so that the caller must
    /// [`Self::install`] or [`Self::spawn`] one.
    pub fn wants(&mut self, key: &K) -> bool {
        if let Some(job) = &self.job {
            match job.poll() {
                Poll::Done(value) => {
                    self.shown = Some((job.key().clone(), value));
                    self.job = None;
                }
                Poll::Lost => self.job = None,
                Poll::Pending => {}
            }
        }
        let shown = self.shown.as_ref().is_some_and(|(k, _)| k == key);
        let running = self.job.as_ref().is_some_and(|j| j.key() == key);
        !shown && !running
    }

    /// Shows a value computed on the UI thread (a running job is dropped,
    /// which cancels it).
    pub fn install(&mut self, key: K, value: V) {
        self.job = None;
        self.shown = Some((key, Arc::new(value)));
    }

    /// Computes the value for `key` on a worker; see [`Job::spawn`].
    pub fn spawn(
        &mut self,
        name: &str,
        key: K,
        waker: Option<Waker>,
        work: impl FnOnce(&AtomicBool) -> Option<V> + Send + 'static,
    ) {
        self.job = Job::spawn(name, key, waker, move |cancel| work(cancel).map(Arc::new));
    }
}
