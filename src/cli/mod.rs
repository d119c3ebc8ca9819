//! The command line: `wirescope [PATH...]` opens the window; subcommands
//! run the same engine headless, for scripts and tests.
//!
//! Every subcommand takes the same corpus arguments ([`CorpusArgs`]), and
//! output comes in a stable order (documents by path, then record number).

mod collocates;
mod keywords;
mod kwic;
mod output;
mod reprints;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use wirescope_core::freq::{STOPWORD_LANGUAGES, Stopwords};
use wirescope_core::loader::{Input, LoadOptions, LoadReport, ProblemKind};
use wirescope_core::ngrams::NgramOptions;
use wirescope_core::table::Table;
use wirescope_core::workspace::SourceIssue;
use wirescope_core::{Corpus, Filter, Overlay, Workspace, WorkspaceError};

/// Explore collections of news articles.
#[derive(Parser, Debug)]
#[command(
    name = "wirescope",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files, folders or a workspace (`*.wirescope.ron`) to open in the window.
    pub paths: Vec<PathBuf>,
}

/// Headless subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// One line per document with its fields.
    Inspect {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// JSON Lines output.
        #[arg(long)]
        json: bool,
    },
    /// Corpus size and load report.
    Stats {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Word frequency list.
    Freq {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// How many words.
        #[arg(long, default_value_t = 100)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Tsv)]
        format: Format,
        #[command(flatten)]
        stopwords: StopwordsArg,
        /// Minimum word length in characters.
        #[arg(long, default_value_t = 1)]
        min_len: usize,
    },
    /// N-grams: runs of N consecutive words and how often they recur.
    Ngrams {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Words in an n-gram (2 to 6).
        #[arg(short, long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(2..=6))]
        n: u8,
        /// Leave out n-grams seen fewer times than this.
        #[arg(long, default_value_t = 2)]
        min_freq: u32,
        /// How many n-grams.
        #[arg(long, default_value_t = 100)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Tsv)]
        format: Format,
        /// Leave out n-grams that start or end with a stopword (English, or
        /// --stopwords=fr, ru, de...).
        #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "en", value_parser = stopword_language, value_name = "LANG")]
        stopwords: Option<String>,
    },
    /// Concordance (KWIC): every hit of a query in its context.
    Kwic(kwic::KwicArgs),
    /// Collocates: the words found near a query's hits, with association
    /// scores.
    Collocates(collocates::CollocatesArgs),
    /// Keywords: the words one part of the collection uses more (or less)
    /// than another.
    Keywords(keywords::KeywordsArgs),
    /// Reprints: the same story published more than once (wire copy
    /// reprinted by several outlets).
    Reprints(reprints::ReprintsArgs),
}

/// `--stopwords[=LANG]` of the subcommands that list words.
#[derive(Args, Debug, Clone, Default)]
pub struct StopwordsArg {
    /// Hide stopwords (English, or --stopwords=fr, ru, de...).
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "en", value_parser = stopword_language, value_name = "LANG")]
    stopwords: Option<String>,
}

impl StopwordsArg {
    /// The list asked for, if any.
    pub fn list(&self) -> Option<Stopwords> {
        self.stopwords.as_deref().map(Stopwords::for_language)
    }
}

/// A `--stopwords=LANG` value: a language with a stopword list. Written
/// with `=` so that `--stopwords DIR` leaves DIR a path to load.
fn stopword_language(code: &str) -> Result<String, String> {
    if Stopwords::for_language(code).is_empty() {
        let known: Vec<&str> = STOPWORD_LANGUAGES.iter().map(|(c, _)| *c).collect();
        return Err(format!(
            "no stopword list for {code:?}; try one of {}",
            known.join(", ")
        ));
    }
    Ok(code.to_owned())
}

/// Output formats for tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Tsv,
    Csv,
    Json,
}

impl Format {
    /// Prints a result table in this format.
    pub fn print(self, table: &Table, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Format::Tsv => table.write_delimited(b'\t', out),
            Format::Csv => table.write_delimited(b',', out),
            Format::Json => table.write_json_lines(out),
        }
    }
}

/// The corpus every subcommand works on.
#[derive(Args, Debug, Clone, Default)]
pub struct CorpusArgs {
    /// Files and folders to load (the bundled sample when none are given).
    pub paths: Vec<PathBuf>,
    /// A workspace (`*.wirescope.ron`): load its sources (plus any PATHs)
    /// and apply its corrections, exclusions and filters.
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// Loader threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// A loaded corpus with everything a subcommand needs.
pub struct Loaded {
    pub corpus: Corpus,
    pub overlay: Overlay,
    pub filter: Filter,
    pub report: LoadReport,
    pub elapsed_secs: f64,
}

impl CorpusArgs {
    /// Loads the corpus these arguments name; on a bad workspace file,
    /// prints why and exits with status 1.
    pub fn load(&self) -> Loaded {
        match self.try_load() {
            Ok(loaded) => loaded,
            Err(err) => {
                eprintln!("wirescope: {err}");
                std::process::exit(1);
            }
        }
    }

    /// Loads the corpus these arguments name, applying the workspace's
    /// overlay and filter when one is given.
    pub fn try_load(&self) -> Result<Loaded, WorkspaceError> {
        let started = Instant::now();
        let workspace = match &self.workspace {
            Some(path) => Some((Workspace::open(path)?, path)),
            None => None,
        };
        let mut inputs: Vec<Input> = Vec::new();
        let (mut overlay, mut filter) = (Overlay::default(), Filter::default());
        if let Some((ws, path)) = &workspace {
            let restored = ws.restore(path);
            inputs = restored.inputs;
            overlay = restored.overlay;
            filter = restored.session.filter;
        } else if self.paths.is_empty() {
            inputs = wirescope_core::seed::inputs();
        }
        inputs.extend(self.paths.iter().cloned().map(Input::Path));
        let options = LoadOptions {
            threads: self.threads,
            ..LoadOptions::default()
        };
        let (corpus, report) = wirescope_core::load_all(&inputs, &options);
        if let Some((ws, path)) = &workspace {
            // The loader already reports files it could not read.
            let reported =
                |issue: &SourceIssue| report.problems.iter().any(|p| p.path == issue.path);
            for issue in ws.check_sources(&corpus, path) {
                if !reported(&issue) {
                    eprintln!("wirescope: workspace source {issue}");
                }
            }
        }
        Ok(Loaded {
            corpus,
            overlay,
            filter,
            report,
            elapsed_secs: started.elapsed().as_secs_f64(),
        })
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_window(cli.paths),
        Some(command) => run_command(&command),
    }
}

fn run_window(paths: Vec<PathBuf>) -> ExitCode {
    let mut start = if paths.is_empty() {
        crate::app::StartOptions::sample()
    } else {
        crate::app::StartOptions::paths(paths)
    };
    // Recovery copies of never-saved sessions live beside eframe's state.
    start.data_dir = eframe::storage_dir("wirescope");
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("wirescope")
        .with_inner_size([1280.0, 800.0])
        .with_app_id("wirescope");
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // winit delivers dropped files on X11/XWayland but not from its
        // native Wayland backend, so prefer X11 where it is available.
        event_loop_builder: Some(Box::new(|builder| {
            use winit::platform::x11::EventLoopBuilderExtX11 as _;
            if std::env::var_os("DISPLAY").is_some() {
                builder.with_x11();
            }
        })),
        ..Default::default()
    };
    let result = eframe::run_native(
        "wirescope",
        options,
        Box::new(|cc| Ok(Box::new(crate::app::WirescopeApp::new(cc, start)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wirescope: cannot open the window: {err}");
            ExitCode::from(1)
        }
    }
}

/// Writes a subcommand's output for a loaded corpus.
type Runner<'a> = &'a dyn Fn(&Loaded, &mut dyn Write) -> std::io::Result<()>;

fn run_command(command: &Command) -> ExitCode {
    // A query is checked before anything is loaded, so a typo costs nothing.
    let query;
    let sides;
    let is_stats = matches!(command, Command::Stats { .. });
    let (corpus_args, run): (&CorpusArgs, Runner<'_>) = match command {
        Command::Kwic(args) => {
            query = match kwic::parse_query(&args.query, args.case_sensitive) {
                Ok(query) => query,
                Err(code) => return code,
            };
            (&args.corpus, &|l, out| {
                kwic::write_lines(l, &query, args, out)
            })
        }
        Command::Collocates(args) => {
            query = match kwic::parse_query(&args.query, args.case_sensitive) {
                Ok(query) => query,
                Err(code) => return code,
            };
            (&args.corpus, &|l, out| {
                collocates::write(l, &query, args, out)
            })
        }
        Command::Keywords(args) => {
            sides = match keywords::Sides::parse(args) {
                Ok(sides) => sides,
                Err(code) => return code,
            };
            (&args.corpus, &|l, out| {
                keywords::write(l, &sides, args, out)
            })
        }
        Command::Reprints(args) => (&args.corpus, &|l, out| reprints::write(l, args, out)),
        Command::Inspect { corpus, json } => (corpus, &|l, out| output::inspect(l, *json, out)),
        Command::Stats { corpus, json } => (corpus, &|l, out| output::stats(l, *json, out)),
        Command::Freq {
            corpus,
            top,
            format,
            stopwords,
            min_len,
        } => (corpus, &|l, out| {
            output::freq(l, *top, *format, stopwords.list().as_ref(), *min_len, out)
        }),
        Command::Ngrams {
            corpus,
            n,
            min_freq,
            top,
            format,
            stopwords,
        } => (corpus, &|l, out| {
            let options = NgramOptions {
                n: usize::from(*n),
                min_freq: *min_freq,
            };
            output::ngrams(l, &options, *top, *format, stopwords.as_deref(), out)
        }),
    };
    let loaded = match corpus_args.try_load() {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("wirescope: {err}");
            return ExitCode::from(1);
        }
    };
    let empty = loaded.corpus.is_empty();
    // With nothing loaded, the notes say why too: which files were
    // sidecars or mailboxes.
    report_problems(&loaded.report, empty);
    if empty {
        eprintln!(
            "wirescope: {}",
            nothing_loaded(&corpus_args.paths, &loaded.report)
        );
        // `stats` still reports what was skipped and why.
        if !is_stats {
            return ExitCode::from(1);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = run(&loaded, &mut out).and_then(|()| out.flush());
    // The process ends here: freeing a corpus of millions of allocations
    // one by one costs a noticeable share of a run, the OS reclaims it all.
    std::mem::forget(loaded);
    match result {
        Ok(()) if empty => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wirescope: cannot write output: {err}");
            ExitCode::from(1)
        }
    }
}

/// Prints the load's problems on stderr, and its notes too with `notes`.
fn report_problems(report: &LoadReport, notes: bool) {
    for problem in report
        .problems
        .iter()
        .filter(|p| notes || p.kind != ProblemKind::Info)
    {
        eprintln!("wirescope: {problem}");
    }
}

/// "no document could be loaded from PATH, PATH", and why when no file
/// was even reported.
fn nothing_loaded(paths: &[PathBuf], report: &LoadReport) -> String {
    let from = if paths.is_empty() {
        String::new()
    } else {
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        format!(" from {}", paths.join(", "))
    };
    let found = if report.problems.is_empty() {
        " (no article files found)"
    } else {
        ""
    };
    format!("no document could be loaded{from}{found}")
}
