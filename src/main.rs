//! The `wirescope` binary: the window, or a headless subcommand.

/// jemalloc rather than glibc's allocator. The loader's workers take turns
/// adding batches to the index, so a postings list one worker allocated is
/// often grown by the other: glibc then locks the first worker's arena
/// while that worker allocates in it, and the two wait on each other
/// (20,000 futex calls in a load of 12,000 files). jemalloc made
/// `wirescope stats` 10 to 25% faster for about 10% more peak memory
/// (docs/PERFORMANCE.md, "Seventh round").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    wirescope::cli::main()
}
