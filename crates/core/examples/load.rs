//! Loads paths into a corpus and prints its size and where the time went:
//! the core of `wirescope stats`, for profiling the loader without the GUI
//! crates.
//!
//! `cargo run -p wirescope-core --release --example load -- DIR...`

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use wirescope_core::Corpus;
use wirescope_core::loader::{self, Control, Input, LoadOptions, Progress};

/// The allocator of the `wirescope` binary (see its `main.rs`), so that
/// profiles of this example are profiles of `wirescope stats`.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let inputs: Vec<Input> = std::env::args_os()
        .skip(1)
        .map(|p| Input::Path(p.into()))
        .collect();
    let started = Instant::now();
    let progress = Progress::default();
    let cancel = AtomicBool::new(false);
    let control = Control::without_waker(&progress, &cancel);
    let mut corpus = Corpus::default();
    let mut append_time = Duration::ZERO;
    let report = loader::load(
        &inputs,
        &HashSet::new(),
        &LoadOptions::default(),
        &control,
        &mut |batch| {
            let t = Instant::now();
            corpus.append(batch);
            append_time += t.elapsed();
        },
    );
    let load_secs = started.elapsed().as_secs_f64();
    let heap_mb = heap_in_use() as f64 / 1e6;
    let main_cpu_secs = thread_cpu_secs();
    let skipped = report.problems.iter().filter(|p| p.is_skip()).count();
    println!(
        "documents {} tokens {} types {} skipped {skipped} load {load_secs:.3} s (append {:.3} s, main thread cpu {main_cpu_secs:.3} s) heap {heap_mb:.1} MB",
        corpus.len(),
        corpus.index().total_tokens(),
        corpus.vocab().folded_count(),
        append_time.as_secs_f64(),
    );
    if std::env::var_os("LOAD_SIZES").is_some() {
        print_rss();
        print_sizes(&corpus);
        // glibc's arena statistics: live bytes against bytes taken from
        // the system.
        unsafe extern "C" {
            fn malloc_stats();
        }
        // SAFETY: glibc's malloc_stats takes no arguments and only prints.
        unsafe { malloc_stats() };
    }
    if std::env::var_os("LOAD_TOKENIZER").is_some() {
        compare_tokenizers(&corpus);
    }
    let t = Instant::now();
    drop(corpus);
    println!("drop {:.3} s", t.elapsed().as_secs_f64());
}

/// Heap bytes in use (glibc's `mallinfo2`): what the corpus holds, without
/// the allocator's free pages.
fn heap_in_use() -> usize {
    #[repr(C)]
    struct MallInfo2 {
        arena: usize,
        ordblks: usize,
        smblks: usize,
        hblks: usize,
        hblkhd: usize,
        usmblks: usize,
        fsmblks: usize,
        uordblks: usize,
        fordblks: usize,
        keepcost: usize,
    }
    unsafe extern "C" {
        fn mallinfo2() -> MallInfo2;
    }
    // SAFETY: glibc's mallinfo2 takes no arguments and returns a struct.
    let info = unsafe { mallinfo2() };
    info.uordblks + info.hblkhd
}

/// CPU time of the calling thread (Linux), to tell work from waiting when
/// the machine is shared.
fn thread_cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// Resident memory now and at its peak (Linux), to tell whether the peak
/// is the loaded corpus or a transient during the load.
fn print_rss() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status.lines() {
        if line.starts_with("VmRSS") || line.starts_with("VmHWM") {
            println!("{line}");
        }
    }
}

/// Rough heap use of the corpus parts, in MB.
fn print_sizes(corpus: &Corpus) {
    let mb = |b: usize| b as f64 / 1e6;
    let text: usize = corpus.docs().iter().map(|d| d.text.capacity()).sum();
    // Records of one file share their path.
    let mut paths = HashSet::new();
    let keys: usize = corpus
        .docs()
        .iter()
        .filter(|d| paths.insert(std::sync::Arc::as_ptr(&d.key.path).cast::<u8>() as usize))
        .map(|d| d.key.path.len())
        .sum();
    let postings: usize = corpus
        .vocab()
        .folded_iter()
        .map(|(id, _)| corpus.index().doc_freq(id))
        .sum();
    let single = corpus
        .vocab()
        .folded_iter()
        .filter(|&(id, _)| corpus.index().doc_freq(id) == 1)
        .count();
    println!("folded types with one posting: {single}");
    let surface_bytes: usize = corpus.vocab().surface_iter().map(|(_, s)| s.len()).sum();
    println!(
        "text {:.1} MB, keys {:.1} MB, streams {:.1} MB, postings {} ({:.1} MB), surfaces {} ({:.1} MB of strings), docs {}",
        mb(text),
        mb(keys),
        mb(corpus.index().total_tokens() as usize * 3),
        postings,
        mb(corpus.index().postings_heap_bytes()),
        corpus.vocab().surface_count(),
        mb(surface_bytes),
        corpus.len(),
    );
    let (field_len, field_cap) = corpus
        .docs()
        .iter()
        .flat_map(|d| {
            let f = &d.fields;
            [
                &f.title,
                &f.byline,
                &f.agency,
                &f.outlet,
                &f.dateline,
                &f.subtitle,
                &f.url,
            ]
            .map(|field| field.get().map_or((0, 0), |s| (s.len(), s.capacity())))
        })
        .fold((0, 0), |(l, c), (a, b)| (l + a, c + b));
    println!(
        "field strings {:.1} MB (capacity {:.1} MB)",
        mb(field_len),
        mb(field_cap)
    );
    println!(
        "size_of Document {} ArticleFields {} Field<String> {}",
        std::mem::size_of::<wirescope_core::Document>(),
        std::mem::size_of::<wirescope_core::fields::ArticleFields>(),
        std::mem::size_of::<wirescope_core::fields::Field<String>>(),
    );
}

/// Times the tokenizer's fast path against plain UAX #29 on the loaded text.
fn compare_tokenizers(corpus: &Corpus) {
    use wirescope_core::tokenize::{tokenize, tokenize_uax29};
    let bytes: usize = corpus.docs().iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let fast: usize = corpus
        .docs()
        .iter()
        .map(|d| tokenize(&d.text).count())
        .sum();
    let fast_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let slow: usize = corpus
        .docs()
        .iter()
        .map(|d| tokenize_uax29(&d.text).count())
        .sum();
    let slow_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut each = 0;
    for d in corpus.docs() {
        wirescope_core::tokenize::for_each_word(&d.text, |_| each += 1);
    }
    let each_secs = t.elapsed().as_secs_f64();
    let differing = corpus
        .docs()
        .iter()
        .filter(|d| {
            let mut words = Vec::new();
            wirescope_core::tokenize::for_each_word(&d.text, |w| words.push(w.to_owned()));
            !tokenize(&d.text).eq(tokenize_uax29(&d.text))
                || !words
                    .into_iter()
                    .eq(tokenize(&d.text).map(|t| t.surface.into_owned()))
        })
        .count();
    println!("for_each_word: {each} tokens in {each_secs:.3} s");
    println!("documents where the two disagree: {differing}");
    println!(
        "tokenize {} MB: fast path {fast} tokens in {fast_secs:.3} s ({:.0} MB/s), UAX #29 {slow} tokens in {slow_secs:.3} s ({:.0} MB/s)",
        bytes / 1_000_000,
        bytes as f64 / 1e6 / fast_secs,
        bytes as f64 / 1e6 / slow_secs,
    );
}
