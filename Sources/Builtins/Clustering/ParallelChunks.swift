import Dispatch

/// Runs work over fixed-size row chunks on all cores, with results that never depend on thread timing.
///
/// Chunk boundaries depend only on the row count and the chunk size (never on the number of cores), each chunk
/// writes only its own output slot, and callers reduce the per-chunk partial results in chunk order afterwards,
/// so floating-point sums are bit-identical on every run and machine.
enum ParallelChunks {
    /// Rows per chunk used by the clustering kernels.
    static let defaultChunkSize = 8_192

    /// Number of chunks `count` rows split into.
    static func chunkCount(_ count: Int, chunkSize: Int = defaultChunkSize) -> Int {
        count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize
    }

    /// Calls `body(chunkIndex, rowRange)` for every chunk, concurrently when there is more than one.
    ///
    /// `body` must only write memory owned by its chunk (or read shared, unchanging memory).
    static func forEach(count: Int, chunkSize: Int = defaultChunkSize, _ body: (Int, Range<Int>) -> Void) {
        let chunks = chunkCount(count, chunkSize: chunkSize)
        if chunks == 0 { return }
        if chunks == 1 {
            body(0, 0..<count)
            return
        }
        withoutActuallyEscaping(body) { escaping in
            let box = Box(escaping)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunkSize
                box.value(c, start..<min(count, start + chunkSize))
            }
        }
    }

    /// Calls `body(i)` for i in 0..<iterations concurrently (each call must write only its own outputs).
    static func forEachIndex(_ iterations: Int, _ body: (Int) -> Void) {
        if iterations <= 0 { return }
        if iterations == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { escaping in
            let box = Box(escaping)
            DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
        }
    }

    /// Carries a non-Sendable closure into `concurrentPerform`; the callers guarantee disjoint writes.
    struct Box<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
