import Builtins
import Foundation

/// Cold start of `persona-host plugins list`: spawn the release binary, wait for it to exit.
///
/// Each run is a new process (dynamic loading, Swift runtime start-up, argument parsing, loading
/// and validating the checkout's plugins, printing). The same spawn-and-wait of `/bin/true` is
/// measured alongside as the floor of what `Process` itself costs on this machine.
struct ColdStartBenchmark {
    /// A run must finish in under this many milliseconds.
    static let targetMilliseconds = 50.0

    /// Timed runs (the figure is their median).
    var repetitions = 11

    func run() -> BenchmarkResult {
        let binary = RepositoryPaths.personaHost
        let arguments = ["plugins", "list", "--plugins", RepositoryPaths.root.appendingPathComponent("plugins").path]
        let command = "persona-host " + arguments.joined(separator: " ")

        // One run with its output kept: the command must work before it is timed (and this warms the page cache).
        let check = spawn(binary, arguments, captureOutput: true)
        guard check.status == 0 else {
            fail("`\(command)` exited with status \(check.status):\n\(check.output)")
        }
        guard check.output.contains(" ok") else {
            fail("`\(command)` listed no loaded plugin:\n\(check.output)")
        }
        let trueBinary = URL(fileURLWithPath: "/bin/true")
        _ = spawn(trueBinary, [], captureOutput: false)

        var samples: [Double] = []
        var floorSamples: [Double] = []
        for _ in 0..<repetitions {
            let run = spawn(binary, arguments, captureOutput: false)
            guard run.status == 0 else { fail("`\(command)` exited with status \(run.status)") }
            samples.append(run.milliseconds)
            floorSamples.append(spawn(trueBinary, [], captureOutput: false).milliseconds)
        }
        let reps = "median of \(repetitions) runs"
        return BenchmarkResult(figures: [
            Figure(name: "cold start, `persona-host plugins list`", value: Timing.median(samples), unit: "ms",
                   target: ColdStartBenchmark.targetMilliseconds, repetitions: reps),
            Figure(name: "spawn and wait for `/bin/true` (the `Process` floor)", value: Timing.median(floorSamples),
                   unit: "ms", target: nil, repetitions: reps),
        ], notes: [
            "Cold start: `\(command.replacingOccurrences(of: RepositoryPaths.root.path + "/", with: ""))` from the release build, "
                + "spawned with Foundation `Process`, stdout to /dev/null, timed from launch to exit; one untimed run first "
                + "checks the output, so the binary and plugins are in the page cache.",
        ])
    }

    /// Runs `binary` to completion; its exit status, wall time and (when captured) stdout and stderr.
    private func spawn(_ binary: URL, _ arguments: [String], captureOutput: Bool) -> (status: Int32, milliseconds: Double, output: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        if captureOutput {
            process.standardOutput = pipe
            process.standardError = pipe
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        // Not `waitUntilExit()`: on Linux it polls its run loop every 50 ms, which would swamp the figure.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let (nanoseconds, _) = Timing.measure { () -> Void in
            do {
                try process.run()
            } catch {
                fail("cannot start \(binary.path): \(error)")
            }
            exited.wait()
        }
        var output = ""
        if captureOutput {
            output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        return (process.terminationStatus, nanoseconds / 1e6, output)
    }
}
