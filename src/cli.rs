//! The command line: `newsatlas extract`, `check` and `render`, and (with the `gui` feature) the app
//! when no subcommand is given.
//!
//! Key decisions: problems go to stderr as `file:line: ...`, data to stdout or `--out`; exit codes
//! are 0 (fine), 1 (problems were reported: warnings count) and 2 (unusable input: the project
//! root, the corpus or the gazetteer cannot be read at all); `--out` is written through a temp file
//! renamed into place, so a failed export never leaves half a file. The project root (the folder
//! with `data/` and `seeds/`) is `--root`, else `$NEWSATLAS_ROOT`, else the folder the binary was
//! built from. Every command loads through the session layer (`session::rebuild`), as the app
//! does: the user's gazetteer additions and date overrides (the user data folder, `--user-data`,
//! else `$NEWSATLAS_USER_DATA`, else the platform's) apply to `extract`, `check` and `render` too.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::corpus::{Article, Corpus};
use crate::extract::{extract_corpus, list_problems, places::unknown_place_names};
use crate::gazetteer::Gazetteer;
use crate::outputs::export::{self, ExportError, Format};
use crate::problem::{Problem, Severity};
use crate::session::RunOptions;
use crate::session::rebuild::CURATED_FILE;
use crate::session::userdata::UserDataDir;

/// The environment variable that names the project root.
pub const ROOT_ENV: &str = "NEWSATLAS_ROOT";

/// The environment variable that names the user data folder.
pub const USER_DATA_ENV: &str = "NEWSATLAS_USER_DATA";

#[derive(Debug, Parser)]
#[command(
    name = "newsatlas",
    version,
    about = "Turn news articles into places and times on a map and a timeline.",
    long_about = "Turn news articles into places and times on a map and a timeline.\n\n\
                  Without a subcommand, opens the app (when built with the `gui` feature).",
    after_help = "Exit codes: 0 fine, 1 problems were reported, 2 unusable input."
)]
pub struct Args {
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "The project root, the folder with data/ and seeds/ [env: NEWSATLAS_ROOT; default: \
                the folder newsatlas was built from]"
    )]
    pub root: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "The user data folder (gazetteer additions, date overrides) [env: NEWSATLAS_USER_DATA; \
                default: the platform's, e.g. ~/.local/share/newsatlas]"
    )]
    pub user_data: Option<PathBuf>,
    /// Use no user data folder: neither your gazetteer additions nor your date overrides
    #[arg(long, global = true, conflicts_with = "user_data")]
    pub no_user_data: bool,
    /// Read the links in a corpus folder that lead outside it (skipped by default, with a
    /// message); links into /proc, /sys and /dev and links to anything but a regular file are
    /// never read. In the app, this ticks the same box of File > Open folder
    #[arg(long, global = true)]
    pub follow_outside_links: bool,
    /// The app: open these articles (a folder of .txt/.md files or a .csv) instead of the seeds
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// The app: use this gazetteer file instead of data/gazetteer.toml
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    // Help text, where backticks would show.
    #[allow(clippy::doc_markdown)]
    /// The app: open these events instead of articles: a GeoParquet file (as `extract --format
    /// parquet` writes) or a folder of them (partitioned output of an engine)
    #[arg(long, value_name = "PATH", conflicts_with = "corpus")]
    pub events: Option<PathBuf>,
    /// The app: open this event dataset as a layer beside the articles: an ACLED CSV export or
    /// a GDELT events file (`*.export.CSV`); File > Open folder and a drop do the same
    #[arg(long, value_name = "FILE")]
    pub layer: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract place mentions, date mentions and events, and write them out
    Extract(ExtractArgs),
    /// Validate the data files and list names that look like places but are not in the gazetteer
    Check(CheckArgs),
    /// Render every scene of a scenes file to PNG (01-<name>.png, …), without a window
    Render(RenderArgs),
    /// Measure extraction, index, scrub, launch and memory; print one JSON line of figures
    Bench(BenchArgs),
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The scenes file (as saved by the app's Scenes panel)
    #[arg(long, value_name = "FILE")]
    pub scenes: PathBuf,
    /// The folder to write the PNGs to (created when missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Width of each PNG in pixels (the app's export uses the same default)
    #[arg(long, default_value_t = crate::outputs::render::DEFAULT_SLIDE_SIZE.0, value_parser = clap::value_parser!(u32).range(16..=8192))]
    pub width: u32,
    /// Height of each PNG in pixels; a slide shows the same area at any size, sharper when larger
    #[arg(long, default_value_t = crate::outputs::render::DEFAULT_SLIDE_SIZE.1, value_parser = clap::value_parser!(u32).range(16..=8192))]
    pub height: u32,
    /// The basemap's style: light (default, as the app's export) or dark
    #[arg(long, value_enum, default_value_t = SlideStyle::Light)]
    pub style: SlideStyle,
    /// Articles to count events in instead of the bundled seeds: a folder or a .csv file
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// A gazetteer file to use instead of data/gazetteer.toml
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

/// The style of a rendered slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SlideStyle {
    Light,
    Dark,
}

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Event counts for the index build and scrub step (repeatable) [default: 10k, 100k, 1M]
    #[arg(long, value_name = "N")]
    pub events: Vec<usize>,
    /// Bytes of text (the seeds repeated) for extraction throughput
    #[arg(long, value_name = "BYTES", default_value_t = 4_000_000)]
    pub extract_bytes: usize,
    /// Only build the largest size and report peak memory (run in a fresh process)
    #[arg(long)]
    pub memory_only: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles to read: a folder of .txt/.md files (not recursive) or a .csv file [default: the
    /// bundled seeds described by data/articles.toml]
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// A gazetteer file to use instead of data/gazetteer.toml
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to this file (replaced whole, or written through when it is a device or FIFO); `-`
    /// means stdout. With `--format parquet`, the folder to write the four files to
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A gazetteer file to check instead of data/gazetteer.toml
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// Articles to check: a folder of .txt/.md files or a .csv file [default: the bundled seeds]
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
}

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report.
    Fine,
    /// Problems were reported (the output, if any, was still written).
    Problems,
}

/// Exit code of an unusable input (the root, the corpus or the gazetteer cannot be read at all),
/// and of a usage error.
pub const EXIT_UNUSABLE: u8 = 2;

/// Parses the process arguments and runs; what `main` calls.
pub fn main() -> ExitCode {
    main_with(std::env::args_os())
}

/// Parses `args` (the first is the program name) and runs.
pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args = Args::parse_from(args);
    match run(args) {
        Ok(Outcome::Fine) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

/// Runs parsed arguments. `Err` means unusable input (exit code 2).
pub fn run(args: Args) -> Result<Outcome> {
    let user = user_data(args.user_data.as_deref(), args.no_user_data);
    let options = |corpus: &Option<PathBuf>, gazetteer: &Option<PathBuf>| -> Result<RunOptions> {
        Ok(RunOptions {
            root: resolve_root(args.root.as_deref())?,
            corpus: corpus.clone(),
            gazetteer: gazetteer.clone(),
            corpus_options: crate::corpus::LoadOptions {
                follow_outside_links: args.follow_outside_links,
            },
            events: None,
            layer: None,
        })
    };
    match args.command {
        Some(Command::Extract(extract)) => run_extract(
            &options(&extract.corpus, &extract.gazetteer)?,
            user.as_ref(),
            &extract,
        ),
        Some(Command::Check(check)) => {
            run_check(&options(&check.corpus, &check.gazetteer)?, user.as_ref())
        }
        Some(Command::Render(render)) => run_render(
            &options(&render.corpus, &render.gazetteer)?,
            user.as_ref(),
            &render,
        ),
        Some(Command::Bench(bench)) => {
            let root = resolve_root(args.root.as_deref())?;
            Ok(run_bench(&root, &bench))
        }
        None => {
            let mut options = options(&args.corpus, &args.gazetteer)?;
            options.events.clone_from(&args.events);
            options.layer.clone_from(&args.layer);
            run_app(&options, user)
        }
    }
}

/// The user data folder: `flag`, else `$NEWSATLAS_USER_DATA`, else the platform's; none with
/// `--no-user-data`.
fn user_data(flag: Option<&Path>, none: bool) -> Option<UserDataDir> {
    if none {
        return None;
    }
    let env = std::env::var_os(USER_DATA_ENV).filter(|v| !v.is_empty());
    match (flag, env) {
        (Some(flag), _) => Some(UserDataDir::at(flag)),
        (None, Some(env)) => Some(UserDataDir::at(env)),
        (None, None) => UserDataDir::platform(),
    }
}

/// The corpus and gazetteer of `options` with the user's data, as the app loads them, checked as
/// the command line needs: an unusable corpus or gazetteer is an error (exit code 2). Problems
/// come as the app lists them: the gazetteer's, then the corpus' (and the date overrides').
fn load_inputs(
    options: &RunOptions,
    user: Option<&UserDataDir>,
) -> Result<(Corpus, Gazetteer, Vec<Problem>)> {
    // The corpus first: a missing corpus is found before the gazetteer is built.
    let (corpus, corpus_problems) = load_corpus(options, user)?;
    let (gazetteer, mut problems) = load_gazetteer(options, user)?;
    problems.extend(corpus_problems);
    Ok((corpus, gazetteer, problems))
}

fn run_render(
    options: &RunOptions,
    user: Option<&UserDataDir>,
    args: &RenderArgs,
) -> Result<Outcome> {
    let (corpus, gazetteer, problems) = load_inputs(options, user)?;
    let dataset =
        crate::session::dataset::Dataset::build(corpus, std::sync::Arc::new(gazetteer), problems);
    let model = crate::session::derived::Model::new(dataset, 1);
    let options = crate::outputs::render::RenderOptions {
        width: args.width,
        height: args.height,
        style: match args.style {
            SlideStyle::Light => crate::basemap::Style::Light,
            SlideStyle::Dark => crate::basemap::Style::Dark,
        },
    };
    let rendered =
        crate::outputs::render::render_scenes_file(&model, &args.scenes, &args.out, options)?;
    let mut all = model.dataset.problems;
    all.extend(rendered.problems);
    eprintln!(
        "wrote {} PNG(s) to {}",
        rendered.written.len(),
        args.out.display()
    );
    Ok(report(&all))
}

#[cfg(feature = "gui")]
fn run_app(options: &RunOptions, user: Option<UserDataDir>) -> Result<Outcome> {
    crate::ui::run(options.clone(), user)?;
    Ok(Outcome::Fine)
}

#[cfg(not(feature = "gui"))]
fn run_app(_options: &RunOptions, _user: Option<UserDataDir>) -> Result<Outcome> {
    use clap::CommandFactory;
    let mut help = Args::command();
    help.print_help().context("cannot print the help")?;
    bail!(
        "no subcommand given, and the GUI is not compiled in (this build has no `gui` feature); use a subcommand"
    )
}

/// The project root: `flag`, else `$NEWSATLAS_ROOT`, else the folder the crate was built from.
/// It must hold a `data/` folder.
pub fn resolve_root(flag: Option<&Path>) -> Result<PathBuf> {
    let env = std::env::var_os(ROOT_ENV).filter(|v| !v.is_empty());
    let (root, from) = match (flag, env) {
        (Some(flag), _) => (flag.to_path_buf(), "--root".to_string()),
        (None, Some(env)) => (PathBuf::from(env), format!("${ROOT_ENV}")),
        (None, None) => (
            PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            "the folder newsatlas was built from".to_string(),
        ),
    };
    let data = root.join("data");
    if !data.is_dir() {
        bail!(
            "no data/ folder at {} (the project root from {from}); expected the folder with data/ and seeds/, \
             set with --root DIR or ${ROOT_ENV}",
            data.display()
        );
    }
    Ok(root)
}

/// The bundled seeds, or the folder or CSV file the options name, with the user's date overrides.
fn load_corpus(options: &RunOptions, user: Option<&UserDataDir>) -> Result<(Corpus, Vec<Problem>)> {
    if let Some(path) = &options.corpus
        && !path.exists()
    {
        bail!(
            "the corpus {} does not exist, expected a folder of .txt/.md files or a .csv file",
            path.display()
        );
    }
    let (corpus, problems) = crate::session::rebuild::load_corpus(options, user);
    let Some(path) = options.corpus.as_deref() else {
        return Ok((corpus, problems));
    };
    // A folder or file that cannot be opened at all is unusable, not a problem in the data.
    if corpus.articles.is_empty()
        && let Some(fatal) = problems
            .iter()
            .find(|p| p.severity == Severity::Error && p.file == path)
    {
        bail!("{}", shown(fatal));
    }
    Ok((corpus, problems))
}

/// The bundled gazetteer (its curated file replaced by the options' when given) with the user's
/// additions.
fn load_gazetteer(
    options: &RunOptions,
    user: Option<&UserDataDir>,
) -> Result<(Gazetteer, Vec<Problem>)> {
    let data = options.root.join("data");
    let curated = options.gazetteer.as_deref();
    if let Some(curated) = curated {
        // Only opened here, so that an unreadable file is unusable input (exit 2).
        crate::corpus::open_regular(curated)
            .with_context(|| format!("cannot read the gazetteer {}", curated.display()))?;
    }
    let (gazetteer, problems) = crate::session::rebuild::load_gazetteer(options, user);
    if gazetteer.places().is_empty() {
        for problem in &problems {
            eprintln!("{}", shown(problem));
        }
        bail!(
            "the gazetteer has no usable place, expected places in {}",
            curated
                .map_or_else(|| data.join(CURATED_FILE), Path::to_path_buf)
                .display()
        );
    }
    Ok((gazetteer, problems))
}

/// A problem with its file shown relative to the current folder when it is inside it.
fn shown(problem: &Problem) -> String {
    let mut problem = problem.clone();
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(relative) = problem.file.strip_prefix(&cwd)
    {
        problem.file = relative.to_path_buf();
    }
    problem.to_string()
}

fn report(problems: &[Problem]) -> Outcome {
    let mut stderr = io::stderr().lock();
    for problem in problems {
        // Nothing sensible is left to do when stderr itself is gone.
        let _ = writeln!(stderr, "{}", shown(problem));
    }
    if problems.is_empty() {
        Outcome::Fine
    } else {
        Outcome::Problems
    }
}

fn run_extract(
    options: &RunOptions,
    user: Option<&UserDataDir>,
    args: &ExtractArgs,
) -> Result<Outcome> {
    let (corpus, gazetteer, problems) = load_inputs(options, user)?;
    let root = options.root.as_path();
    let mut outcome = report(&problems);
    // Lists cut to their first places are reported as their chunk is extracted.
    let lists = AtomicBool::new(false);
    let extract = |part: &[Article]| {
        let extractions = extract_corpus(part, &gazetteer);
        let found: Vec<Problem> = part
            .iter()
            .zip(&extractions)
            .flat_map(|(article, x)| list_problems(article, x))
            .collect();
        if !found.is_empty() {
            report(&found);
            lists.store(true, Ordering::Relaxed);
        }
        extractions
    };

    if args.format == Format::Parquet {
        let Some(dir) = args.out.as_deref().filter(|out| *out != Path::new("-")) else {
            anyhow::bail!("--format parquet writes a folder of files: give it with --out DIR");
        };
        let events = export::parquet::write_parquet_in_chunks(
            dir,
            &corpus.articles,
            &gazetteer,
            Some(root),
            EXTRACT_CHUNK_ARTICLES,
            extract,
        )
        .with_context(|| format!("cannot write {}", dir.display()))?;
        eprintln!(
            "wrote {events} events from {} articles to {} (GeoParquet events, Parquet articles, \
             place and date mentions)",
            corpus.articles.len(),
            dir.display()
        );
        if lists.load(Ordering::Relaxed) {
            outcome = Outcome::Problems;
        }
        return Ok(outcome);
    }

    // Extracted and written a chunk of articles at a time: a corpus of millions of rows never
    // holds every article's mentions and events at once.
    let write = |out: &mut dyn Write| {
        export::write_in_chunks(
            args.format,
            &corpus.articles,
            &gazetteer,
            Some(root),
            EXTRACT_CHUNK_ARTICLES,
            extract,
            out,
        )
    };
    match args.out.as_deref().filter(|out| *out != Path::new("-")) {
        Some(out) => {
            let mut events = 0;
            write_atomically(out, |file| {
                events = write(file)?;
                Ok(())
            })?;
            eprintln!(
                "wrote {events} events from {} articles to {}",
                corpus.articles.len(),
                out.display()
            );
        }
        // No `--out`, or `--out -`: standard output.
        None => match write(&mut io::stdout().lock()) {
            // `newsatlas extract | head` closes the pipe early; that is not an error.
            Err(ExportError::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => {}
            other => {
                other.context("cannot write to stdout")?;
            }
        },
    }
    if lists.load(Ordering::Relaxed) {
        outcome = Outcome::Problems;
    }
    Ok(outcome)
}

/// How many articles `extract` extracts and writes at a time: enough to keep every core busy,
/// few enough that their mentions and events take little memory beside the corpus.
const EXTRACT_CHUNK_ARTICLES: usize = 2048;

/// Writes the export to what `path` names (see [`crate::atomic::write_with`]): a regular file is
/// replaced whole through a synced temporary file, keeping its permissions; a symbolic link's
/// target is replaced, not the link; a device or FIFO is written through. A failure leaves the
/// old file as it was.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<()> {
    let mut failure = None;
    let written = crate::atomic::write_with(path, crate::atomic::Backup::None, |out| {
        write(out).map_err(|e| match e {
            ExportError::Io(err) => err,
            other => {
                let message = other.to_string();
                failure = Some(other);
                io::Error::other(message)
            }
        })
    });
    match (written, failure) {
        (Ok(()), _) => Ok(()),
        (Err(_), Some(export)) => {
            Err(export).with_context(|| format!("cannot write {}", path.display()))
        }
        (Err(err), None) => Err(err).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// A name that looks like a place but is not in the gazetteer, over the whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnknownNameCount {
    pub count: usize,
    /// Ids of the articles it appears in, in corpus order.
    pub articles: Vec<String>,
}

/// Counts the unknown place-like names of every article.
pub fn unknown_names(corpus: &Corpus, gazetteer: &Gazetteer) -> BTreeMap<String, UnknownNameCount> {
    let mut names: BTreeMap<String, UnknownNameCount> = BTreeMap::new();
    for article in &corpus.articles {
        for unknown in unknown_place_names(&article.body.text(), gazetteer) {
            let entry = names.entry(unknown.name).or_default();
            entry.count += 1;
            if entry.articles.last() != Some(&article.id) {
                entry.articles.push(article.id.clone());
            }
        }
    }
    names
}

fn run_check(options: &RunOptions, user: Option<&UserDataDir>) -> Result<Outcome> {
    let (corpus, gazetteer, problems) = load_inputs(options, user)?;
    let outcome = report(&problems);

    let names = unknown_names(&corpus, &gazetteer);
    let mut rows: Vec<_> = names.into_iter().collect();
    rows.sort_by(|(a_name, a), (b_name, b)| b.count.cmp(&a.count).then_with(|| a_name.cmp(b_name)));
    let mut stdout = io::stdout().lock();
    let written = (|| -> io::Result<()> {
        if rows.is_empty() {
            writeln!(stdout, "Every place-like name is in the gazetteer.")?;
        } else {
            writeln!(
                stdout,
                "{} names look like places but are not in the gazetteer:",
                rows.len()
            )?;
            writeln!(stdout, "{:>6}  {:<32}  articles", "count", "name")?;
            for (name, row) in &rows {
                writeln!(
                    stdout,
                    "{:>6}  {name:<32}  {}",
                    row.count,
                    row.articles.join(", ")
                )?;
            }
        }
        Ok(())
    })();
    match written {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            return Err(err).context("cannot write to stdout");
        }
        _ => {}
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    eprintln!(
        "checked {} articles and {} places: {errors} errors, {} warnings",
        corpus.articles.len(),
        gazetteer.places().len(),
        problems.len() - errors
    );
    Ok(outcome)
}

/// `newsatlas bench` in a build without the `bench` feature: says how to get it.
#[cfg(not(feature = "bench"))]
fn run_bench(_root: &Path, _args: &BenchArgs) -> Outcome {
    eprintln!(
        "error: this newsatlas was built without the `bench` feature; build it with \
         `cargo build --release --no-default-features --features bench` (or the default features)"
    );
    Outcome::Problems
}

/// `newsatlas bench`: every figure in this process, then peak memory at the largest size from a
/// fresh process of this same binary (earlier phases would inflate it here).
#[cfg(feature = "bench")]
fn run_bench(root: &Path, args: &BenchArgs) -> Outcome {
    let mut options = crate::tools::perf::BenchOptions {
        root: root.to_path_buf(),
        extract_bytes: args.extract_bytes,
        memory_only: args.memory_only,
        ..Default::default()
    };
    if !args.events.is_empty() {
        options.event_sizes.clone_from(&args.events);
    }
    let mut report = crate::tools::perf::run_all(&options);
    if !args.memory_only
        && let Ok(exe) = std::env::current_exe()
    {
        let largest = options.event_sizes.iter().max().copied().unwrap_or(0);
        let mut child = std::process::Command::new(exe);
        child
            .arg("--root")
            .arg(root)
            .args(["bench", "--memory-only", "--events"]);
        child.arg(largest.to_string());
        report.memory = crate::tools::perf::memory_in_fresh_process(&mut child);
    }
    println!("{}", report.to_json_line());
    Outcome::Fine
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use std::fs;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn extract_defaults_to_jsonl_on_stdout() {
        let args = Args::try_parse_from(["newsatlas", "extract"]).expect("parses");
        let Some(Command::Extract(extract)) = args.command else {
            panic!("not extract: {args:?}")
        };
        assert_eq!(extract.format, Format::Jsonl);
        assert_eq!(extract.out, None);
        assert_eq!(extract.corpus, None);
    }

    #[test]
    fn root_is_accepted_after_the_subcommand() {
        let args = Args::try_parse_from(["newsatlas", "check", "--root", "/x"]).expect("parses");
        assert_eq!(args.root, Some(PathBuf::from("/x")));
    }

    #[test]
    fn an_unknown_format_is_a_usage_error() {
        assert!(Args::try_parse_from(["newsatlas", "extract", "--format", "xml"]).is_err());
    }

    #[test]
    fn a_root_without_data_is_refused_naming_what_was_looked_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = resolve_root(Some(dir.path())).expect_err("no data/");
        let message = format!("{err:#}");
        assert!(message.contains("data"), "{message}");
        assert!(message.contains("--root"), "{message}");
    }

    #[test]
    fn the_build_folder_is_a_valid_root() {
        assert!(resolve_root(Some(Path::new(env!("CARGO_MANIFEST_DIR")))).is_ok());
    }

    #[test]
    fn an_export_written_atomically_replaces_the_file_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.jsonl");
        fs::write(&path, "old").expect("write");
        let failed = write_atomically(&path, |file| {
            file.write_all(b"half")?;
            Err(ExportError::Inconsistent("boom".into()))
        });
        assert!(failed.is_err());
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "old",
            "a failed export leaves the old file"
        );
        write_atomically(&path, |file| Ok(file.write_all(b"new")?)).expect("write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            1,
            "no temporary file left behind"
        );
    }
}
