//! The command line: parses arguments, calls the library, writes files.
//! Nothing here knows how quotes are found.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use quotegraph::error::Error;
use quotegraph::export::quotes;
use quotegraph::lexicon::Lexicon;
use quotegraph::model::WindowSize;

/// Find who said what in news articles.
#[derive(Debug, Parser)]
#[command(name = "quotegraph", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every quotation and reported statement with its speaker.
    Extract(ExtractArgs),
    /// Code statements, build the stance graph and write it (JSON, DOT, SVG, HTML, GraphML, GEXF, CSV).
    Report(ReportArgs),
    /// Merge report JSON files built separately (per shard) into the report of all their inputs.
    Merge(MergeArgs),
    /// Write an article as one HTML page with every attribution highlighted by speaker.
    View(ViewArgs),
    /// Check attributions: unattributed quotations, anonymous and vague sources, data sources,
    /// changing titles, the same words given to different speakers, drifting quotations.
    /// Exit status 0 when nothing is flagged, 1 when something is, 2 on error.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct ViewArgs {
    /// An article (.txt, .md), a corpus (.jsonl: the first document, or --id), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write here instead of stdout (HTML).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The document to show (its JSONL id, or a file's name without extension); repeatable.
    #[arg(long, value_name = "ID")]
    id: Vec<String>,
    /// Every document of the inputs, one section each.
    #[arg(long, conflicts_with = "id")]
    all: bool,
    /// An extra lexicon file merged over the defaults.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// One flag per line: doc:line:col  kind  what is wrong.
    Text,
    /// A pretty JSON array of flags.
    Json,
    /// CSV (RFC 4180), one row per flag.
    Csv,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files (.txt, .md, .jsonl), directories (read recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format [default: from the -o extension, else text].
    #[arg(short, long, value_enum)]
    format: Option<CheckFormat>,
    /// Write here instead of stdout (written to a temporary file, then renamed into place).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// People with their titles and dates (TOML; see README): flags speakers it does not list
    /// and titles it contradicts.
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// An extra lexicon file (TOML, same sections as data/lexicon/*.toml), merged over the defaults.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Skip documents that cannot be read, with a warning, instead of stopping.
    #[arg(long)]
    keep_going: bool,
    /// No progress on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Threads [default: every core]; the output is the same whatever the number.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Debug, clap::Args)]
struct MergeArgs {
    /// Report JSON files written by `quotegraph report`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write here instead of stdout (JSON).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The codebook the reports were coded with (its polarity rules derive the divergence).
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
    /// Actors are people, or the organizations they speak for (as in the reports).
    #[arg(long, value_enum, default_value = "person")]
    level: LevelArg,
    /// How statements are counted (as in the reports).
    #[arg(long, value_enum, default_value = "document")]
    count: CountArg,
    /// Time windows [default: the reports' own, if they have any].
    #[arg(long, value_enum)]
    window: Option<WindowArg>,
    /// An extra lexicon file the reports were built with (it decides who is merged across documents).
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// The whole model (design.md contract).
    Json,
    /// Graphviz DOT.
    Dot,
    /// An SVG drawing (no Graphviz needed).
    Svg,
    /// One self-contained HTML report.
    Html,
    /// GraphML (Gephi, networkx, R igraph).
    Graphml,
    /// GEXF (Gephi, networkx).
    Gexf,
    /// CSV: statements in OUT, nodes and edges in OUT's .nodes.csv and .edges.csv siblings
    /// (and windows in .windows.csv with --window).
    Csv,
    /// Each speaker's statements by concept, date and outlet, stance changes marked (plain text).
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NetworkArg {
    Stance,
    Conflict,
    Congruence,
    Affiliation,
    Quotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LevelArg {
    Person,
    Organization,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum WindowArg {
    /// ISO 8601 weeks ("2015-W46").
    Week,
    /// Calendar months ("2015-11").
    Month,
    /// Calendar years ("2015").
    Year,
}

impl From<WindowArg> for WindowSize {
    fn from(w: WindowArg) -> WindowSize {
        match w {
            WindowArg::Week => WindowSize::Week,
            WindowArg::Month => WindowSize::Month,
            WindowArg::Year => WindowSize::Year,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CountArg {
    /// An actor's stance on a concept counts once per document.
    Document,
    /// Every statement counts.
    All,
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// Files (.txt, .md, .html, .jsonl), directories (read recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write here instead of stdout; the format follows the extension unless --format is given.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format [default: from the -o extension, else json].
    #[arg(short, long, value_enum)]
    format: Option<ReportFormat>,
    /// A codebook (TOML, see data/codebooks/) instead of the default topic list.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
    /// Which network the graph formats draw.
    #[arg(long, value_enum, default_value = "stance")]
    network: NetworkArg,
    /// Actors are people, or the organizations they speak for.
    #[arg(long, value_enum, default_value = "person")]
    level: LevelArg,
    /// How statements are counted.
    #[arg(long, value_enum, default_value = "document")]
    count: CountArg,
    /// An extra lexicon file merged over the defaults.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Skip documents that cannot be read, with a warning, instead of stopping.
    #[arg(long)]
    keep_going: bool,
    /// Threads [default: every core]; the output is the same whatever the number.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Only documents dated on or after this ISO date.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only documents dated on or before this ISO date ("2015-11" is the whole month).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only documents from this source (outlet); repeatable.
    #[arg(long, value_name = "NAME")]
    source: Vec<String>,
    /// Only statements by this person or organization (a name, part of one, or an id); repeatable.
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,
    /// Only statements on this concept (an id or part of its label); repeatable.
    #[arg(long, value_name = "CONCEPT")]
    concept: Vec<String>,
    /// Add every speaker's timeline to the HTML report (shown anyway when --person leaves one speaker).
    #[arg(long)]
    timeline: bool,
    /// Slice the report into time windows by document date: a `windows` list in JSON,
    /// OUT's .windows.csv sibling with CSV.
    #[arg(long, value_enum)]
    window: Option<WindowArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per document per line (the extract contract).
    Jsonl,
    /// A pretty JSON array of documents, with their url and text (what the spans refer to).
    Json,
    /// A listing for people: line:column, kind, speaker (title, organization): “content”.
    Text,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files (.txt, .md, .html, .jsonl), directories (read recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format [default: from the -o extension, else text].
    #[arg(short, long, value_enum)]
    format: Option<ExtractFormat>,
    /// Write here instead of stdout (written to a temporary file, then renamed into place).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// An extra lexicon file (TOML, same sections as data/lexicon/*.toml), merged over the defaults.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Skip documents that cannot be read, with a warning, instead of stopping.
    #[arg(long)]
    keep_going: bool,
    /// Include each document's text in JSON Lines output.
    #[arg(long)]
    with_text: bool,
    /// No progress on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Threads [default: every core]; the output is the same whatever the number.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

/// Progress on stderr for long runs: documents, MB, rate and time left, redrawn twice a
/// second once a run has taken two seconds, and only when stderr is a terminal.
struct Progress {
    on: bool,
    start: std::time::Instant,
    last: std::time::Instant,
    docs: usize,
    bytes: u64,
    total: u64,
    shown: bool,
}

impl Progress {
    fn new(inputs: &[PathBuf], quiet: bool) -> Progress {
        let total = inputs.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
        let now = std::time::Instant::now();
        Progress { on: !quiet && std::io::stderr().is_terminal(), start: now, last: now, docs: 0, bytes: 0, total, shown: false }
    }

    fn add(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes as u64;
        if !self.on || self.last.elapsed().as_millis() < 500 || self.start.elapsed().as_secs() < 2 {
            return;
        }
        self.last = std::time::Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / secs.max(1e-9);
        let left = if self.total > self.bytes && rate > 0.0 {
            format!(", about {:.0} s left", (self.total - self.bytes) as f64 / 1e6 / rate)
        } else {
            String::new()
        };
        eprint!("\rquotegraph: {} documents, {mb:.1} MB, {rate:.1} MB/s{left}   ", self.docs);
        self.shown = true;
    }

    fn done(&self) {
        if self.shown {
            eprintln!();
        }
    }
}

/// A destination that is either stdout or a temporary file renamed into place on success.
struct Sink {
    w: Box<dyn Write>,
    tmp: Option<(PathBuf, PathBuf)>,
    /// What error messages call this destination.
    name: PathBuf,
}

impl Sink {
    fn open(output: Option<&Path>) -> Result<Sink, Error> {
        match output {
            None => Ok(Sink { w: Box::new(BufWriter::new(std::io::stdout().lock())), tmp: None, name: PathBuf::from("<stdout>") }),
            // A device or pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written in place:
            // renaming a temporary file over it would replace the device with a file.
            Some(path) if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                let f = std::fs::OpenOptions::new().write(true).open(path).map_err(|e| Error::io(path, e))?;
                Ok(Sink { w: Box::new(BufWriter::new(f)), tmp: None, name: path.to_path_buf() })
            }
            Some(path) => {
                let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let name = path.file_name().ok_or_else(|| Error::Usage(format!("{}: not a file name", path.display())))?;
                let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
                // name the file the user asked for, not the temporary one
                let f = File::create(&tmp).map_err(|e| Error::io(path, e))?;
                Ok(Sink { w: Box::new(BufWriter::new(f)), tmp: Some((tmp, path.to_path_buf())), name: path.to_path_buf() })
            }
        }
    }

    fn path(&self) -> PathBuf {
        self.name.clone()
    }

    fn finish(mut self) -> Result<(), Error> {
        let path = self.path();
        self.w.flush().map_err(|e| Error::io(&path, e))?;
        drop(std::mem::replace(&mut self.w, Box::new(std::io::sink())));
        if let Some((tmp, dest)) = self.tmp.take() {
            std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, e))?;
        }
        Ok(())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // never leave a half-written file behind
        if let Some((tmp, _)) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

fn format_for(path: Option<&Path>) -> ExtractFormat {
    match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("jsonl") | Some("ndjson") => ExtractFormat::Jsonl,
        Some("json") => ExtractFormat::Json,
        _ => ExtractFormat::Text,
    }
}

fn extract(a: ExtractArgs) -> Result<i32, Error> {
    let lex = Lexicon::load(&a.lexicon)?;
    let docs = quotegraph::ingest::read_inputs(&a.inputs)?;
    let format = a.format.unwrap_or_else(|| format_for(a.output.as_deref()));
    refuse_overwrite(&a.inputs, a.output.as_deref())?;
    let mut sink = Sink::open(a.output.as_deref())?;
    let out_path = sink.path();
    let io = |e: std::io::Error| Error::io(&out_path, e);
    if format == ExtractFormat::Json {
        sink.w.write_all(b"[\n").map_err(io)?;
    }
    let mut first = true;
    let mut skipped = 0;
    let jobs = a.jobs.unwrap_or_else(quotegraph::batch::default_jobs);
    let mut progress = Progress::new(&a.inputs, a.quiet);
    // each worker also writes its document's output into memory, so the one thread that
    // writes in input order only copies bytes
    let render = |d: &quotegraph::model::Document| -> Vec<u8> {
        let found = quotegraph::attributions(d, &lex);
        let mut out = Vec::new();
        // writing into memory cannot fail
        let _ = match format {
            ExtractFormat::Jsonl => quotes::write_jsonl(&mut out, d, &found, a.with_text),
            ExtractFormat::Json => quotes::write_json(&mut out, d, &found, true),
            ExtractFormat::Text => quotes::write_text(&mut out, d, &found),
        };
        out
    };
    quotegraph::batch::process_ordered(docs, jobs, render, |r| {
        let (doc, bytes) = match r {
            Ok(x) => x,
            Err(e) if a.keep_going => {
                eprintln!("quotegraph: warning: {e} (skipped)");
                skipped += 1;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        progress.add(doc.text.len());
        if format == ExtractFormat::Json && !first {
            sink.w.write_all(b",\n").map_err(io)?;
        }
        sink.w.write_all(&bytes).map_err(io)?;
        first = false;
        Ok(())
    })?;
    progress.done();
    if format == ExtractFormat::Json {
        sink.w.write_all(b"\n]\n").map_err(io)?;
    }
    sink.finish()?;
    if skipped > 0 && std::io::stderr().is_terminal() {
        eprintln!("quotegraph: {skipped} document(s) skipped");
    }
    Ok(0)
}

fn report_format_for(path: Option<&Path>) -> Result<ReportFormat, Error> {
    let ext = path.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        None => ReportFormat::Json,
        Some("json") => ReportFormat::Json,
        Some("dot") | Some("gv") => ReportFormat::Dot,
        Some("svg") => ReportFormat::Svg,
        Some("html") | Some("htm") => ReportFormat::Html,
        Some("graphml") => ReportFormat::Graphml,
        Some("gexf") => ReportFormat::Gexf,
        Some("csv") => ReportFormat::Csv,
        Some("txt") | Some("text") => ReportFormat::Text,
        Some(other) => {
            return Err(Error::Usage(format!(
                "{}: cannot tell the format from \".{other}\"; use --format (json, dot, svg, html, graphml, gexf, csv, text)",
                path.map(|p| p.display().to_string()).unwrap_or_default()
            )))
        }
    })
}

/// A sibling of `path` with `suffix` in place of its extension: out.csv → out.nodes.csv.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{stem}.{suffix}"))
}

fn report(a: ReportArgs) -> Result<i32, Error> {
    use quotegraph::graph::{assemble, GraphOptions, Level, Network};
    let lex = Lexicon::load(&a.lexicon)?;
    let codebook = match &a.codebook {
        Some(p) => quotegraph::code::Codebook::load(p)?,
        None => quotegraph::code::Codebook::default_codebook(),
    };
    let format = match a.format {
        Some(f) => f,
        None => report_format_for(a.output.as_deref())?,
    };
    refuse_overwrite(&a.inputs, a.output.as_deref())?;
    let level = match a.level {
        LevelArg::Person => Level::Person,
        LevelArg::Organization => Level::Organization,
    };
    let network = match a.network {
        NetworkArg::Stance => Network::Stance,
        NetworkArg::Conflict => Network::Conflict,
        NetworkArg::Congruence => Network::Congruence,
        NetworkArg::Affiliation => Network::Affiliation,
        NetworkArg::Quotes => Network::Quotes,
    };
    let count = match a.count {
        CountArg::Document => assemble::Count::Document,
        CountArg::All => assemble::Count::All,
    };
    let mut builder = assemble::ReportBuilder::new(&lex, &codebook);
    let jobs = a.jobs.unwrap_or_else(quotegraph::batch::default_jobs);
    let docs = quotegraph::ingest::read_inputs(&a.inputs)?;
    let work = |d: &quotegraph::model::Document| {
        let found = quotegraph::attributions(d, &lex);
        let codes = assemble::code_all(d, &found, &codebook);
        (found, codes)
    };
    let filter = assemble::Filter {
        from: a.from.clone(),
        to: a.to.clone(),
        sources: a.source.clone(),
        speakers: a.person.clone(),
        concepts: a.concept.clone(),
    };
    // the HTML report of a few documents shows each annotated; the text is not kept
    // past this loop, so the articles are rendered as the documents go by, and given
    // up once there are too many
    let mut articles: Option<Vec<quotegraph::export::view::Article>> = (format == ReportFormat::Html).then(Vec::new);
    let mut progress = Progress::new(&a.inputs, a.quiet);
    quotegraph::batch::process_ordered(docs, jobs, work, |r| {
        match r {
            Ok((doc, (found, codes))) => {
                progress.add(doc.text.len());
                if let Some(list) = articles.as_mut() {
                    let info =
                        quotegraph::model::DocInfo { id: doc.id.clone(), title: None, source: doc.source.clone(), date: doc.date.clone() };
                    if filter.keeps_document(&info) && !list.iter().any(|x| x.id == doc.id) {
                        if list.len() == quotegraph::export::view::REPORT_ARTICLE_LIMIT {
                            articles = None;
                        } else {
                            list.push(quotegraph::export::view::article(&doc, &found, &lex, 0));
                        }
                    }
                }
                builder.add_coded(&doc, &found, codes)
            }
            Err(e) if a.keep_going => eprintln!("quotegraph: warning: {e} (skipped)"),
            Err(e) => return Err(e),
        }
        Ok(())
    })?;
    progress.done();
    let window = a.window.map(WindowSize::from);
    let r = builder.finish(&assemble::ReportOptions { level, count, filter, window });
    let mut articles = articles.unwrap_or_default();
    articles.sort_by(|x, y| x.id.cmp(&y.id));
    for (i, x) in articles.iter_mut().enumerate() {
        x.anchor = format!("article-{}", i + 1);
    }
    let timeline = a.timeline || (!a.person.is_empty() && quotegraph::export::timeline::single_speaker(&r));
    let gopts = GraphOptions { network, level };
    use quotegraph::export;
    let write = |path: Option<&Path>, f: &dyn Fn(&mut dyn Write) -> std::io::Result<()>| -> Result<(), Error> {
        let mut sink = Sink::open(path)?;
        let p = sink.path();
        f(&mut sink.w).map_err(|e| Error::io(&p, e))?;
        sink.finish()
    };
    let out = a.output.as_deref();
    match format {
        ReportFormat::Json => write(out, &|w| export::json::write_json(w, &r))?,
        ReportFormat::Dot => write(out, &|w| export::dot::write_dot(w, &r, &gopts))?,
        ReportFormat::Svg => write(out, &|w| export::svg::write_svg(w, &r, &gopts))?,
        ReportFormat::Html => {
            let extras = export::html::Extras { timeline, articles: std::mem::take(&mut articles) };
            write(out, &|w| export::html::write_html_with(w, &r, &gopts, &extras))?
        }
        ReportFormat::Text => write(out, &|w| export::timeline::write_text(w, &export::timeline::timelines(&r)))?,
        ReportFormat::Graphml => write(out, &|w| export::graphml::write_graphml(w, &r, &gopts))?,
        ReportFormat::Gexf => write(out, &|w| export::gexf::write_gexf(w, &r, &gopts))?,
        ReportFormat::Csv => {
            write(out, &|w| export::csv::write_statements(w, &r, level))?;
            if let Some(o) = out {
                write(Some(&sibling(o, "nodes.csv")), &|w| export::csv::write_nodes(w, &r, &gopts))?;
                write(Some(&sibling(o, "edges.csv")), &|w| export::csv::write_edges(w, &r, &gopts))?;
                if r.windows.is_some() {
                    write(Some(&sibling(o, "windows.csv")), &|w| export::csv::write_windows(w, &r))?;
                }
            }
        }
    }
    Ok(0)
}

fn merge(a: MergeArgs) -> Result<i32, Error> {
    use quotegraph::graph::{assemble, Level};
    let lex = Lexicon::load(&a.lexicon)?;
    let codebook = match &a.codebook {
        Some(p) => quotegraph::code::Codebook::load(p)?,
        None => quotegraph::code::Codebook::default_codebook(),
    };
    let mut reports = Vec::with_capacity(a.inputs.len());
    refuse_overwrite(&a.inputs, a.output.as_deref())?;
    for p in &a.inputs {
        let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
        let r = quotegraph::export::json::read_json(&text).map_err(|m| Error::input(p, format!("not a quotegraph report: {m}")))?;
        reports.push(r);
    }
    let level = if a.level == LevelArg::Organization { Level::Organization } else { Level::Person };
    let count = if a.count == CountArg::All { assemble::Count::All } else { assemble::Count::Document };
    // the windows are derived anew from the documents; their size is the one asked for, else the reports' own
    let window = match a.window {
        Some(w) => Some(WindowSize::from(w)),
        None => {
            let sizes: std::collections::BTreeSet<WindowSize> = reports.iter().filter_map(|r| r.window).collect();
            if sizes.len() > 1 {
                let names: Vec<&str> = sizes.iter().map(|s| s.as_str()).collect();
                return Err(Error::Usage(format!(
                    "the reports have windows of different sizes ({}); choose one with --window",
                    names.join(", ")
                )));
            }
            sizes.into_iter().next()
        }
    };
    let opts = assemble::ReportOptions { level, count, filter: assemble::Filter::default(), window };
    let r = assemble::merge(reports, &lex, &codebook, &opts);
    let mut sink = Sink::open(a.output.as_deref())?;
    let p = sink.path();
    quotegraph::export::json::write_json(&mut sink.w, &r).map_err(|e| Error::io(&p, e))?;
    sink.finish()?;
    Ok(0)
}

fn view(a: ViewArgs) -> Result<i32, Error> {
    let lex = Lexicon::load(&a.lexicon)?;
    refuse_overwrite(&a.inputs, a.output.as_deref())?;
    let mut articles = Vec::new();
    let mut wanted: Vec<&str> = a.id.iter().map(String::as_str).collect();
    for doc in quotegraph::ingest::read_inputs(&a.inputs)? {
        let doc = doc?;
        let take = a.all || (wanted.is_empty() && a.id.is_empty()) || wanted.contains(&doc.id.as_str());
        if !take {
            continue;
        }
        wanted.retain(|w| *w != doc.id);
        articles.push(quotegraph::export::view::analyse(&doc, &lex, articles.len() + 1));
        if !a.all && wanted.is_empty() {
            break;
        }
    }
    if let Some(missing) = wanted.first() {
        return Err(Error::Usage(format!("no document with id \"{missing}\" in the inputs")));
    }
    let mut sink = Sink::open(a.output.as_deref())?;
    let p = sink.path();
    quotegraph::export::view::write_view(&mut sink.w, &articles).map_err(|e| Error::io(&p, e))?;
    sink.finish()?;
    Ok(0)
}

fn check(a: CheckArgs) -> Result<i32, Error> {
    use quotegraph::check::{combine, examine_document, Roster, Rules};
    use quotegraph::export::flags;
    let lex = Lexicon::load(&a.lexicon)?;
    let roster = a.roster.as_deref().map(Roster::load).transpose()?;
    let format = a.format.unwrap_or_else(|| match a.output.as_deref().and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("json") => CheckFormat::Json,
        Some("csv") => CheckFormat::Csv,
        _ => CheckFormat::Text,
    });
    refuse_overwrite(&a.inputs, a.output.as_deref())?;
    let rules = Rules { lex: &lex, roster: roster.as_ref() };
    let docs = quotegraph::ingest::read_inputs(&a.inputs)?;
    let jobs = a.jobs.unwrap_or_else(quotegraph::batch::default_jobs);
    let mut progress = Progress::new(&a.inputs, a.quiet);
    let mut examined = Vec::new();
    quotegraph::batch::process_ordered(
        docs,
        jobs,
        |d| examine_document(d, &rules),
        |r| {
            match r {
                Ok((doc, checks)) => {
                    progress.add(doc.text.len());
                    examined.push(checks);
                }
                Err(e) if a.keep_going => eprintln!("quotegraph: warning: {e} (skipped)"),
                Err(e) => return Err(e),
            }
            Ok(())
        },
    )?;
    progress.done();
    let found = combine(examined, &rules);
    let mut sink = Sink::open(a.output.as_deref())?;
    let p = sink.path();
    match format {
        CheckFormat::Text => flags::write_text(&mut sink.w, &found),
        CheckFormat::Json => flags::write_json(&mut sink.w, &found),
        CheckFormat::Csv => flags::write_csv(&mut sink.w, &found),
    }
    .map_err(|e| Error::io(&p, e))?;
    sink.finish()?;
    Ok(if found.is_empty() { 0 } else { 1 })
}

/// An error when the output file is one of the inputs (it would be overwritten).
fn refuse_overwrite(inputs: &[PathBuf], output: Option<&Path>) -> Result<(), Error> {
    match inputs.iter().find(|i| Some(i.as_path()) == output) {
        Some(i) => Err(Error::Usage(format!("{}: the output would overwrite an input", i.display()))),
        None => Ok(()),
    }
}

/// Runs the command line; returns the exit status.
pub fn run() -> Result<i32, Error> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Report(a) => report(a),
        Command::Merge(a) => merge(a),
        Command::View(a) => view(a),
        Command::Check(a) => check(a),
    }
}
