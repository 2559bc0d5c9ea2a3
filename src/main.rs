//! The `quotegraph` binary: a thin layer over the library (see `cli.rs`).

mod cli;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = match cli::run() {
        Ok(code) => code,
        Err(quotegraph::error::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("quotegraph: {e}");
            2
        }
    };
    std::process::exit(code);
}
