import Builtins
import Foundation

/// Everything the photo benchmark measured.
struct PhotosOutcome {
    var loadAtStart: String?
    var loadAtEnd: String?
    /// The photo set, as ``PhotoSetFixture/summary`` says it.
    var summary = ""
    /// The CPU the in-process steps were pinned to (nil: unpinned).
    var cpu: Int?
    /// Process CPU time over wall time, per in-process run (about 1 when single-threaded).
    var cpuPerWall: [Double] = []
    var photosWithFaces = 0
    var datesRead = 0
    /// The child command as typed in the checkout (WORK: the temporary folder).
    var command = ""
    /// (a)–(c) in this process, then the command on one CPU and on all.
    var steps: [PhotoStep] = []

    let photos = PhotoSetFixture.count

    var result: BenchmarkResult {
        var figures: [Figure] = []
        for step in steps {
            guard let seconds = step.median else { continue }
            let label = step.name.prefix { $0 != ":" && $0 != "`" }.trimmingCharacters(in: .whitespaces)
            figures.append(Figure(name: "photos/s, \(label)", value: Double(photos) / seconds, unit: "photos/s", target: nil,
                                  repetitions: "\(photos) photos, median of \(step.seconds.count)"))
        }
        return BenchmarkResult(figures: figures, notes: steps.compactMap { step in step.error.map { "ERROR \(step.name): \($0)" } })
    }
}

/// The "Photo checks" section of docs/BENCHMARKS.md: photos per second for each step of
/// `photos check` and for the command, then what the photos are and how it was measured.
struct PhotosReport {
    static let title = "Photo checks"

    var date: Date
    var machine: MachineInfo
    var outcome: PhotosOutcome

    var markdown: String {
        let o = outcome
        let stamp = ISO8601DateFormatter().string(from: date)
        var lines = [
            "## \(Self.title)", "",
            "Command: `make bench` (release build; `.build/release/persona-bench photos` runs this section alone). Date: \(stamp).", "",
            "Machine: `\(machine.uname)`, \(machine.processors) processor(s), \(machine.cpuModel)" + (machine.swiftVersion.map { ", \($0)" } ?? "")
                + "; 1-minute load average \(o.loadAtStart ?? "?") when this section started, \(o.loadAtEnd ?? "?") when it ended.", "",
            "Photos: \(o.summary) (`PhotoSetFixture`: seeded crops of Tests/Fixtures/photos/astronaut.png scaled up, brightness 0.6–1.3, "
                + "half mirrored, a fifth slightly blurred).", "",
            "| Step | Median s, \(o.photos) photos | Photos/s | ms/photo | Peak RSS MiB | Runs |",
            "|---|---:|---:|---:|---:|---|",
        ]
        let inProcess = o.steps.prefix(3).compactMap(\.median), sum = inProcess.reduce(0, +)
        let sumRow = inProcess.count < 3 ? "| (a) + (b) + (c) | — | — | — | — | a step is missing |"
            : "| (a) + (b) + (c) | \(Format.fixed(sum, 3)) | \(Format.fixed(Double(o.photos) / sum, 1)) "
                + "| \(Format.fixed(sum * 1000 / Double(o.photos), 2)) | — | sum of the medians |"
        for (index, step) in o.steps.enumerated() {
            if index == 3 { lines.append(sumRow) }
            if let error = step.error {
                lines.append("| \(step.name) | **error** | — | — | — | \(error.replacingOccurrences(of: "|", with: "\\|")) |")
                continue
            }
            guard let seconds = step.median else { continue }
            lines.append("| \(step.name) | \(Format.fixed(seconds, 3)) | \(Format.fixed(Double(o.photos) / seconds, 1)) "
                         + "| \(Format.fixed(seconds * 1000 / Double(o.photos), 2)) | \(step.rssMiB.map { Format.fixed($0, 0) } ?? "—") "
                         + "| median of \(step.seconds.count): \(step.seconds.map { Format.fixed($0, 3) }.joined(separator: ", ")) s |")
        }
        let ratio = o.cpuPerWall.isEmpty ? "?" : Format.fixed(Timing.median(o.cpuPerWall), 2)
        lines += [
            "",
            "- (a)–(c) run in `persona-bench` itself, one photo at a time through all three steps (so one decoded photo is in memory), "
                + "each step timed on the monotonic clock and summed over the set; three runs after a 4-photo warm-up, medians. "
                + (o.cpu.map { "Single thread: pinned to CPU \($0) with `sched_setaffinity` before OpenCV started its TBB workers" }
                   ?? "**Not pinned** (`sched_setaffinity` failed)")
                + "; process CPU time / wall time over a run: \(ratio) (1.00 = one core busy).",
            "- (a) is `PhotoFile(path:)`: reading the file, libjpeg-turbo or libpng decoding to RGB, and the EXIF date (\(o.datesRead) of "
                + "\(o.photos) photos have one; all were read back). (b) is `PhotoMeasures(image)`: luminance, Laplacian sharpness, exposure, dHash. "
                + "(c) is OpenCV's frontal-face Haar cascade on the photo in gray, at most 640 pixels across: a face in \(o.photosWithFaces) of \(o.photos).",
            "- (d) is `\(o.command)` (WORK is a temporary folder, removed afterwards), a fresh process per run, timed from spawn to exit, "
                + "its peak RSS from `/usr/bin/time -f %M`; its stdout must parse as JSON. First pinned to the same single CPU, then with all CPUs. "
                + "It includes the process start and whatever the command does beyond (a)–(c).",
        ]
        return lines.joined(separator: "\n")
    }
}
