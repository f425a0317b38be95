import CPolkuHeap

/// The process's memory, readied before a large journey is read.
///
/// A journey of 100,000 steps (26 MB) takes about 110 MB of memory to check, in many arrays
/// that grow and are freed. Faulting that memory in, 4 KB at a time, took a fifth of the
/// time of `polku check` (perf, on the benchmark machine). On Linux, the heap is grown
/// once and the kernel asked to back it with huge pages (2 MB), and freed memory is kept for
/// the next array rather than handed back: `check --format short` of that journey takes
/// 0.26 s rather than 0.29 s, and 128 MB at the peak rather than 122 (memory is counted in
/// huge pages). Small files, which are nearly all journeys, are left as they are.
package enum Heap {
    /// Files from this size up get the heap readied before they are read.
    package static let largeFile = 8 << 20

    /// How many bytes of memory the work on a file takes for each byte of it: the heap is
    /// readied for that much (a checklist takes about eight, `check` about four; past it,
    /// the heap grows as it would have).
    static let bytesPerFileByte = 8

    /// Readies the heap for a file of `size` bytes, when it is a large one (once a process).
    package static func prepare(forFileOf size: Int) {
        guard size >= largeFile else { return }
        _ = prepare(about: size * bytesPerFileByte)
    }

    /// What readying the heap for work that allocates about `bytes` came to.
    package enum Outcome: Equatable {
        /// This call did it, or an earlier one did.
        case ready
        /// It cannot be done here (not Linux with glibc), or the kernel refused.
        case unavailable
    }

    /// Readies the heap for work that allocates about `bytes`, once a process.
    package static func prepare(about bytes: Int) -> Outcome {
        polku_heap_prepare(max(0, bytes)) > 0 ? .ready : .unavailable
    }
}
