//! Loading files and folders into documents, in parallel, with progress,
//! cancellation and a report of everything that could not be read.
//!
//! [`load`] walks the inputs ([`walk`]), sorts record files into article
//! exports and sidecars ([`records`]), then parses every file on a rayon
//! pool. Tokenized documents reach the caller's sink in batches, fed by
//! whichever worker finds it free ([`handoff`]), so the caller can intern
//! them into a [`crate::Corpus`] while the other workers go on.
//! Cancellation is checked per file and per chunk of records: once the flag
//! is set no further batch reaches the sink. Partial failure is a result:
//! every skipped or partly read file becomes a [`Problem`] with its path.

mod columns;
mod dialect;
mod file;
mod front_matter;
mod handoff;
mod json;
mod mail;
mod mbox;
mod records;
mod walk;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{BatchBuilder, TokenizedBatch};
pub use columns::{ColumnMap, host_of};
pub use dialect::CsvDialect;
use handoff::Handoff;
pub use handoff::Sink;
use records::{Role, SidecarEntry};
use walk::Candidate;
pub use walk::{EXTENSIONS, FileKind};

/// Something to load: a path on disk or bytes built into the program.
#[derive(Clone, Debug)]
pub enum Input {
    Path(PathBuf),
    Embedded {
        name: String,
        bytes: Cow<'static, [u8]>,
    },
}

/// How to load.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Largest single-article file read (CSV/JSON Lines stream regardless).
    pub max_article_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            threads: None,
            max_article_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Lowers the calling thread's scheduling priority (nice 10), so that when
/// it and a window's thread both want a core, the window is served first.
/// A loader's workers keep every core busy for the whole load; at the same
/// priority the window's frames waited their turn behind them. Threads the
/// calling thread starts afterwards (a load's workers) inherit the lower
/// priority. Best effort: Linux only, and a failure leaves the priority as
/// it was.
pub fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `setpriority` takes no pointers and only changes this
    // thread's nice value (on Linux, `PRIO_PROCESS` with id 0 is the
    // calling thread); lowering it needs no privilege.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// What kind of trouble a file gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ProblemKind {
    /// Could not be opened or read (missing, permissions, vanished, link
    /// loop).
    Unreadable,
    /// Not a format we read.
    Unsupported,
    /// Read, but deliberately not loaded (empty, binary, too large, no text
    /// column).
    Skipped,
    /// Loaded, but part of it was bad (bad records, replaced bytes).
    PartlyRead,
    /// Informational: how a record file's columns were mapped.
    Info,
}

impl ProblemKind {
    /// A short lowercase label for reports ("skipped", "partly read").
    pub fn label(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable",
            Self::Unsupported => "unsupported",
            Self::Skipped => "skipped",
            Self::PartlyRead => "partly read",
            Self::Info => "note",
        }
    }
}

/// A file that could not be (fully) loaded, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    pub reason: String,
}

impl Problem {
    /// A problem about `path`.
    pub fn new(path: &Path, kind: ProblemKind, reason: String) -> Self {
        Self {
            path: path.to_string_lossy().into_owned(),
            kind,
            reason,
        }
    }

    /// True for problems that mean a whole file was not loaded.
    pub fn is_skip(&self) -> bool {
        matches!(
            self.kind,
            ProblemKind::Unreadable | ProblemKind::Unsupported | ProblemKind::Skipped
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Shared counters a UI can read while a load runs.
#[derive(Debug, Default)]
pub struct Progress {
    pub files_total: AtomicU64,
    pub files_done: AtomicU64,
    pub bytes_total: AtomicU64,
    pub bytes_done: AtomicU64,
    pub docs_done: AtomicU64,
}

/// A copy of the counters at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProgressSnapshot {
    pub files_total: u64,
    pub files_done: u64,
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub docs_done: u64,
}

impl Progress {
    /// Reads all counters.
    pub fn snapshot(&self) -> ProgressSnapshot {
        ProgressSnapshot {
            files_total: self.files_total.load(Ordering::Relaxed),
            files_done: self.files_done.load(Ordering::Relaxed),
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
            bytes_done: self.bytes_done.load(Ordering::Relaxed),
            docs_done: self.docs_done.load(Ordering::Relaxed),
        }
    }
}

/// Ties progress, cancellation and the caller's wake-up callback together.
pub struct Control<'a> {
    pub progress: &'a Progress,
    pub cancel: &'a AtomicBool,
    /// Called after each file; a GUI passes `ctx.request_repaint()`.
    pub waker: &'a (dyn Fn() + Sync),
}

impl<'a> Control<'a> {
    /// Progress and cancellation for a caller with nothing to wake (the
    /// CLI, tests, benchmarks).
    pub fn without_waker(progress: &'a Progress, cancel: &'a AtomicBool) -> Self {
        Self {
            progress,
            cancel,
            waker: &|| {},
        }
    }
}

impl Control<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn file_done(&self, bytes: u64) {
        self.progress.files_done.fetch_add(1, Ordering::Relaxed);
        self.progress.bytes_done.fetch_add(bytes, Ordering::Relaxed);
        (self.waker)();
    }
}

/// The result of a load besides the documents.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub problems: Vec<Problem>,
    pub cancelled: bool,
}

/// A batch of documents and the problems found with them.
type Batch = (TokenizedBatch, Vec<Problem>);

/// Loads `inputs`, skipping paths listed in `skip` (already loaded), and
/// passes tokenized documents to `sink` in batches.
pub fn load(
    inputs: &[Input],
    skip: &HashSet<String>,
    options: &LoadOptions,
    control: &Control<'_>,
    sink: &mut Sink<'_>,
) -> LoadReport {
    let mut report = LoadReport::default();
    let roots: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Path(p) => Some(p.clone()),
            Input::Embedded { .. } => None,
        })
        .collect();
    let (candidates, walk_problems) = walk::collect(&roots, skip);
    report.problems.extend(walk_problems);
    let plan = plan(candidates, &mut report.problems);
    let embedded: Vec<&Input> = inputs
        .iter()
        .filter(|i| matches!(i, Input::Embedded { name, .. } if !skip.contains(name)))
        .collect();
    control
        .progress
        .files_total
        .fetch_add((plan.jobs.len() + embedded.len()) as u64, Ordering::Relaxed);
    let bytes: u64 = plan.jobs.iter().map(|j| j.candidate.size_bytes).sum();
    control
        .progress
        .bytes_total
        .fetch_add(bytes, Ordering::Relaxed);

    for input in embedded {
        if let Input::Embedded { name, bytes } = input {
            let (batch, problems) = load_embedded(name, bytes);
            report.problems.extend(problems);
            control.file_done(bytes.len() as u64);
            deliver(batch, control, sink);
        }
    }
    run_pool(&plan, options, control, &mut report, sink);
    report.cancelled = control.cancelled();
    report
        .problems
        .sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.reason.cmp(&b.reason)));
    report
}

fn deliver(batch: TokenizedBatch, control: &Control<'_>, sink: &mut Sink<'_>) {
    if !batch.is_empty() && !control.cancelled() {
        control
            .progress
            .docs_done
            .fetch_add(batch.len() as u64, Ordering::Relaxed);
        sink(batch);
    }
}

fn load_embedded(name: &str, bytes: &[u8]) -> Batch {
    let kind = FileKind::of(Path::new(name)).unwrap_or(FileKind::Text);
    let stamp = Arc::new(file::stamp(bytes, None));
    match file::article_from_bytes(name, kind, Cow::Borrowed(bytes), stamp, None) {
        Ok((mut doc, warning)) => {
            doc.kind = crate::document::SourceKind::Embedded;
            let batch = TokenizedBatch::from_docs([doc]);
            (batch, warning.into_iter().collect())
        }
        Err(problem) => (TokenizedBatch::default(), vec![problem]),
    }
}

/// One unit of work for the pool.
struct Job {
    candidate: Candidate,
    records: Option<ColumnMap>,
}

struct Plan {
    jobs: Vec<Job>,
    sidecars: HashMap<PathBuf, SidecarEntry>,
}

/// What the plan makes of a walked file.
enum Use {
    /// Read as one article, or a mailbox's messages.
    Text,
    /// Read record by record, by these columns.
    Records(Box<ColumnMap>),
    /// Not read as articles: a sidecar (already read), or a record file
    /// refused (reported).
    Nothing,
}

/// Classifies record files and reads sidecars before the parallel phase,
/// so that every text file can look up its sidecar metadata.
fn plan(candidates: Vec<Candidate>, problems: &mut Vec<Problem>) -> Plan {
    let mut sidecars = HashMap::new();
    // The load's files by name, for sidecar rows that name a file below
    // their folder by its bare name: built at the first such row.
    let by_name = std::cell::OnceCell::new();
    let files = || {
        by_name
            .get_or_init(|| records::FilesByName::new(candidates.iter().map(|c| c.path.as_path())))
    };
    let uses: Vec<Use> = candidates
        .iter()
        .map(|candidate| match candidate.kind {
            FileKind::Csv | FileKind::JsonLines | FileKind::Json => {
                record_file_use(candidate, &files, &mut sidecars, problems)
            }
            kind => {
                if kind == FileKind::Mbox {
                    let reason = "read as a mailbox, one article per message".to_owned();
                    problems.push(Problem::new(&candidate.path, ProblemKind::Info, reason));
                }
                Use::Text
            }
        })
        .collect();
    let mut jobs: Vec<Job> = candidates
        .into_iter()
        .zip(uses)
        .filter_map(|(candidate, used)| {
            let records = match used {
                Use::Text => None,
                Use::Records(map) => Some(*map),
                Use::Nothing => return None,
            };
            Some(Job { candidate, records })
        })
        .collect();
    // Big files first, so one large export does not start last and run alone.
    jobs.sort_by_key(|j| std::cmp::Reverse(j.candidate.size_bytes));
    Plan { jobs, sidecars }
}

/// Classifies a CSV or JSON file: its records are articles, or it is a
/// sidecar (read into `sidecars` now), or neither; the load report says
/// which.
fn record_file_use<'f>(
    candidate: &Candidate,
    files: &dyn Fn() -> &'f records::FilesByName,
    sidecars: &mut HashMap<PathBuf, SidecarEntry>,
    problems: &mut Vec<Problem>,
) -> Use {
    let path = &candidate.path;
    let read_as = |what: &str, map: &ColumnMap| {
        let reason = format!(
            "read as {what}{}; columns used: {}",
            dialect_note(map),
            map.describe()
        );
        Problem::new(path, ProblemKind::Info, reason)
    };
    match records::classify(path, candidate.kind) {
        Ok(Role::Articles(map)) => {
            problems.push(read_as("one article per record", &map));
            Use::Records(Box::new(map))
        }
        Ok(Role::Sidecar(map)) => {
            problems.push(read_as("a sidecar (metadata for files beside it)", &map));
            records::read_sidecar(path, candidate.kind, &map, files, sidecars, problems);
            Use::Nothing
        }
        Err(problem) => {
            problems.push(problem);
            Use::Nothing
        }
    }
}

/// " (semicolon-separated, windows-1252)" for a CSV file not written as
/// comma-separated UTF-8, for the load report; empty otherwise.
fn dialect_note(map: &ColumnMap) -> String {
    let note = map.dialect.describe();
    note.map_or_else(String::new, |d| format!(" ({d})"))
}

fn run_pool(
    plan: &Plan,
    options: &LoadOptions,
    control: &Control<'_>,
    report: &mut LoadReport,
    sink: &mut Sink<'_>,
) {
    let threads = options.threads.unwrap_or(0);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("wirescope-load-{i}"))
        .build()
    {
        Ok(pool) => pool,
        Err(err) => {
            report.problems.push(Problem::new(
                Path::new("."),
                ProblemKind::Unreadable,
                format!("cannot start loader threads: {err}"),
            ));
            return;
        }
    };
    // Every worker takes the next job in the plan's order (largest files
    // first), so the files that are costly to parse (one 40 MB dictionary)
    // overlap with those that are costly to intern (records with many rare
    // words). Splitting the job list the rayon way ran the large files
    // late, one worker parsing alone at the end.
    let handoff = Handoff::new(sink, control, 4 * pool.current_num_threads());
    let next = AtomicUsize::new(0);
    pool.broadcast(|_| {
        let mut pending = Pending::default();
        while let Some(job) = plan.jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
            run_job(job, plan, options, control, &handoff, &mut pending);
        }
        pending.flush(&handoff);
    });
    report.problems.extend(handoff.finish());
}

fn run_job(
    job: &Job,
    plan: &Plan,
    options: &LoadOptions,
    control: &Control<'_>,
    handoff: &Handoff<'_, '_>,
    pending: &mut Pending,
) {
    if control.cancelled() {
        return;
    }
    let path = &job.candidate.path;
    if let Some(map) = &job.records {
        run_records(job, map, control, handoff);
        return;
    }
    if job.candidate.kind == FileKind::Mbox {
        run_mbox(job, control, handoff);
        return;
    }
    match file::read_article(
        path,
        job.candidate.kind,
        options.max_article_bytes,
        &plan.sidecars,
    ) {
        Ok((doc, warning)) => {
            pending.docs.push(doc);
            pending.problems.extend(warning);
        }
        Err(problem) => pending.problems.push(problem),
    }
    control.file_done(job.candidate.size_bytes);
    if pending.docs.text_bytes() >= Pending::MAX_BYTES || pending.docs.len() >= Pending::MAX_DOCS {
        pending.flush(handoff);
    }
}

/// A worker's documents from single-article files not yet handed off to be
/// interned, tokenized as they come. Handing off each file's document alone
/// cost a lock or a thread wake-up per file (thousands of small files), and
/// interning words per batch rather than per document saves most vocabulary
/// lookups (see [`crate::tokenized`]). Four megabytes or a thousand
/// documents: batches of one megabyte or 256 documents repeated more
/// lookups in the shared vocabulary, most of them cache misses, and cost 3%
/// more of a load's CPU; eight megabytes saved nothing more and held 10 MB
/// more at the peak.
#[derive(Default)]
struct Pending {
    docs: BatchBuilder,
    problems: Vec<Problem>,
}

impl Pending {
    const MAX_BYTES: usize = 4 << 20;
    const MAX_DOCS: usize = 1024;

    fn flush(&mut self, handoff: &Handoff<'_, '_>) {
        if self.docs.is_empty() && self.problems.is_empty() {
            return;
        }
        handoff.submit(self.docs.finish(), std::mem::take(&mut self.problems));
    }
}

/// The documents of one record file on their way to the corpus: gathered
/// in chunks, each chunk tokenized in parallel and handed off as one batch,
/// so that a cancel never lands inside a chunk.
struct Chunks<'j, 'c, 'a, 's> {
    control: &'j Control<'c>,
    handoff: &'j Handoff<'a, 's>,
    docs: Vec<crate::Document>,
    /// Bytes read for the documents not yet handed off...
    pending_bytes: u64,
    /// ...and for those handed off, reported as progress.
    reported_bytes: u64,
}

impl<'j, 'c, 'a, 's> Chunks<'j, 'c, 'a, 's> {
    const DOCS: usize = 512;
    const BYTES: u64 = 2 * 1024 * 1024;

    fn new(control: &'j Control<'c>, handoff: &'j Handoff<'a, 's>) -> Self {
        Self {
            control,
            handoff,
            docs: Vec::with_capacity(Self::DOCS),
            pending_bytes: 0,
            reported_bytes: 0,
        }
    }

    /// Adds a record of `bytes` bytes and its document, if it made one.
    /// False when the load was cancelled: the caller stops reading.
    fn push(&mut self, doc: Option<crate::Document>, bytes: u64) -> bool {
        self.pending_bytes += bytes;
        self.docs.extend(doc);
        if self.docs.len() >= Self::DOCS || self.pending_bytes >= Self::BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        let batches = std::mem::take(&mut self.docs)
            .into_par_iter()
            .fold(BatchBuilder::default, |mut builder, doc| {
                builder.push(doc);
                builder
            })
            .map(|mut builder| builder.finish())
            .collect::<Vec<_>>();
        let batch = TokenizedBatch::merge(batches);
        let bytes = std::mem::take(&mut self.pending_bytes);
        self.reported_bytes += bytes;
        let control = self.control;
        control
            .progress
            .bytes_done
            .fetch_add(bytes, Ordering::Relaxed);
        (control.waker)();
        // Checked again here: a waker may cancel, and then this chunk must
        // not be sent either.
        if control.cancelled() {
            return false;
        }
        self.handoff.submit(batch, Vec::new());
        true
    }

    /// Hands off the last chunk and the file's problems, and counts the
    /// file as done.
    fn finish(mut self, file_bytes: u64, problems: Vec<Problem>) {
        if !self.control.cancelled() && !self.docs.is_empty() {
            self.flush();
        }
        self.control
            .file_done(file_bytes.saturating_sub(self.reported_bytes));
        self.handoff.submit(TokenizedBatch::default(), problems);
    }
}

/// Streams a record file in chunks; each chunk is tokenized in parallel.
fn run_records(job: &Job, map: &ColumnMap, control: &Control<'_>, handoff: &Handoff<'_, '_>) {
    let path = &job.candidate.path;
    // One path for all the records of the file.
    let display: Arc<str> = path.to_string_lossy().into();
    let stamp = Arc::new(record_stamp(path));
    let mut problems = Vec::new();
    let mut counts = RecordCounts::default();
    let mut chunks = Chunks::new(control, handoff);
    records::stream(
        path,
        job.candidate.kind,
        map,
        &mut problems,
        &mut |number, row| {
            if control.cancelled() {
                return false;
            }
            counts.records += 1;
            let bytes = row.iter().map(|c| c.len() as u64).sum::<u64>();
            let doc =
                file::record_document(&display, job.candidate.kind, number, map, &row, &stamp);
            match &doc {
                Some(doc) if doc.body().is_empty() => counts.without_text += 1,
                Some(_) => {}
                None => counts.empty += 1,
            }

            chunks.push(doc, bytes)
        },
    );
    problems.extend(counts.problems(path, control.cancelled()));
    chunks.finish(job.candidate.size_bytes, problems);
}

/// Streams the messages of a mailbox in chunks, as records.
fn run_mbox(job: &Job, control: &Control<'_>, handoff: &Handoff<'_, '_>) {
    let path = &job.candidate.path;
    let display: Arc<str> = path.to_string_lossy().into();
    let stamp = Arc::new(record_stamp(path));
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    let mut chunks = Chunks::new(control, handoff);
    mbox::stream(path, &mut problems, &mut |number, bytes| {
        if control.cancelled() {
            return false;
        }
        let size = bytes.len() as u64;
        let doc = match file::message_document(&display, number, bytes, &stamp) {
            Ok((doc, warning)) => {
                unread.extend(warning);
                Some(doc)
            }
            Err(problem) => {
                unread.push(problem);
                None
            }
        };
        chunks.push(doc, size)
    });
    problems.extend(unread);
    chunks.finish(job.candidate.size_bytes, problems);
}

/// What the records of one file held, for the load report.
#[derive(Default)]
struct RecordCounts {
    records: u32,
    without_text: u32,
    empty: u32,
}

impl RecordCounts {
    fn problems(&self, path: &Path, cancelled: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.records == 0 && !cancelled {
            let reason = "no records (only a header, or nothing readable)".to_owned();
            problems.push(Problem::new(path, ProblemKind::Skipped, reason));
        }
        if self.without_text > 0 {
            let reason = format!(
                "{} record(s) have no text; loaded with their headline and other columns",
                self.without_text
            );
            problems.push(Problem::new(path, ProblemKind::Info, reason));
        }
        if self.empty > 0 {
            let reason = format!("{} empty record(s) were skipped", self.empty);
            problems.push(Problem::new(path, ProblemKind::PartlyRead, reason));
        }

        problems
    }
}

/// Stamps a record file by streaming its bytes through the hash, so a huge
/// export is never held in memory.
fn record_stamp(path: &Path) -> crate::document::SourceStamp {
    use std::io::Read;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut size = 0u64;
    if let Ok(mut f) = std::fs::File::open(path) {
        let mut buf = vec![0u8; 1 << 20];
        while let Ok(n) = f.read(&mut buf) {
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            size += n as u64;
        }
    }
    crate::document::SourceStamp {
        size_bytes: size,
        modified_secs: file::modified_secs(path),
        hash: format!("{:016x}", hasher.digest()),
    }
}
