//! The `wirescope` binary: the window, or a headless subcommand.

fn main() -> std::process::ExitCode {
    wirescope::cli::main()
}
