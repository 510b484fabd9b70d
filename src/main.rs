//! The `newsatlas` binary: a thin shell over the library's command line (`newsatlas::cli`).

fn main() -> std::process::ExitCode {
    newsatlas::main()
}
