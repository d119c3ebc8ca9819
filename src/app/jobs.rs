//! Background loading: a named thread runs the engine's loader, publishes
//! snapshots of the growing corpus, and stops when asked.
//!
//! The UI keeps drawing the corpus it has; the job works on its own clone
//! (copy-on-write) and sends a snapshot about once a second and when done.
//! After Cancel the job sends nothing more, so the corpus the user sees
//! never grows after they pressed Cancel.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use wirescope_core::Corpus;
use wirescope_core::loader::{
    self, Control, Input, LoadOptions, LoadReport, Progress, ProgressSnapshot,
};

/// A message from the job to the UI.
pub enum JobMessage {
    /// The corpus so far (the job continues).
    Snapshot(Corpus),
    /// The job ended; `corpus` is `None` when it was cancelled.
    Finished {
        corpus: Option<Corpus>,
        report: LoadReport,
    },
}

/// A running load.
pub struct LoadJob {
    pub progress: Arc<Progress>,
    cancel: Arc<AtomicBool>,
    receiver: Receiver<JobMessage>,
    pub started: Instant,
    pub label: String,
}

/// How often the job publishes the corpus while loading.
const SNAPSHOT_EVERY: Duration = Duration::from_millis(1000);

impl LoadJob {
    /// Starts loading `inputs` on top of `base` (cloned, never mutated).
    pub fn start(
        base: Corpus,
        inputs: Vec<Input>,
        label: String,
        waker: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = sync_channel(4);
        let job_progress = Arc::clone(&progress);
        let job_cancel = Arc::clone(&cancel);
        std::thread::Builder::new()
            .name("wirescope-load-job".to_owned())
            .spawn(move || run(base, &inputs, &job_progress, &job_cancel, &sender, &*waker))?;
        Ok(Self {
            progress,
            cancel,
            receiver,
            started: Instant::now(),
            label,
        })
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once Cancel was pressed.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The counters now.
    pub fn snapshot(&self) -> ProgressSnapshot {
        self.progress.snapshot()
    }

    /// The next message, if one is waiting.
    pub fn poll(&self) -> Option<JobMessage> {
        self.receiver.try_recv().ok()
    }

    /// True when the job thread is gone without a final message.
    pub fn is_disconnected(&self) -> bool {
        matches!(
            self.receiver.try_recv(),
            Err(std::sync::mpsc::TryRecvError::Disconnected)
        )
    }
}

fn run(
    mut corpus: Corpus,
    inputs: &[Input],
    progress: &Progress,
    cancel: &AtomicBool,
    sender: &SyncSender<JobMessage>,
    waker: &(dyn Fn() + Send + Sync),
) {
    // Behind the window: the walk and the snapshots run on this thread,
    // and the load's workers, started from it, inherit its priority.
    loader::lower_thread_priority();
    let skip: HashSet<String> = corpus
        .docs()
        .iter()
        .map(|d| d.key.path.to_string())
        .collect();
    // One core is left to the window, but never fewer than two workers: the
    // workers also intern (one at a time), and a single one would parse
    // nothing while it does.
    let threads =
        std::thread::available_parallelism().map_or(2, |n| n.get().saturating_sub(1).max(2));
    let options = LoadOptions {
        threads: Some(threads),
        ..LoadOptions::default()
    };
    let control = Control {
        progress,
        cancel,
        waker,
    };
    let mut last_snapshot = Instant::now();
    let mut changed = false;
    let report = loader::load(inputs, &skip, &options, &control, &mut |batch| {
        changed |= corpus.append(batch) > 0;
        if changed && last_snapshot.elapsed() >= SNAPSHOT_EVERY && !cancel.load(Ordering::Relaxed) {
            let _ = sender.try_send(JobMessage::Snapshot(corpus.clone()));
            last_snapshot = Instant::now();
            changed = false;
            waker();
        }
    });
    let cancelled = cancel.load(Ordering::Relaxed);
    let corpus = (!cancelled).then_some(corpus);
    let _ = sender.send(JobMessage::Finished { corpus, report });
    waker();
}
