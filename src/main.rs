//! The `quotegraph` binary: a thin layer over the library (see `cli.rs`).

mod cli;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    quiet_panics();
    // a panic is a bug: the hook has said where; unwinding removed any temporary output file
    let run = std::panic::catch_unwind(cli::run).unwrap_or(Ok(2));
    let code = match run {
        Ok(code) => code,
        Err(quotegraph::error::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("quotegraph: {e}");
            2
        }
    };
    std::process::exit(code);
}

/// A panic prints one line naming the bug's place, not Rust's report for developers
/// (which `RUST_BACKTRACE=1` brings back, with the backtrace).
fn quiet_panics() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let p = info.payload();
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("quotegraph: internal error{at}: {msg} (a bug: please report it with the input)");
    }));
}
