import Builtins
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command to completion with `posix_spawn` and `wait4`, for wall times in milliseconds.
///
/// Foundation's `Process` is not used here: after reading a child's output through pipes, its
/// `waitUntilExit` polls the run loop and adds up to about 50 ms to a short process (measured on
/// this machine: 95 ms instead of 48 ms for the same `run formulate`). Here stdout and stderr go
/// to temporary files, the clock stops when the child is reaped, and its peak RSS comes from the
/// kernel's rusage, so no `/usr/bin/time` sits in between.
enum ChildProcess {
    /// How the child ended.
    struct Outcome {
        /// The exit status; 128 + the signal when it was killed.
        var status: Int32
        var milliseconds: Double
        var peakRSSMiB: Double
        var stdout: String
        /// stdout then stderr, for error messages.
        var output: String
    }

    static func run(_ binary: URL, _ arguments: [String]) -> Outcome {
        let base = NSTemporaryDirectory() + "persona-bench-child-\(getpid())"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv: [UnsafeMutablePointer<CChar>?] = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var status: Int32 = 0
        var usage = rusage()
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else { fail("cannot run \(binary.path): \(String(cString: strerror(spawned)))") }
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fail("wait4 for \(binary.path): \(String(cString: strerror(errno)))") }
        }
        let elapsed = (ContinuousClock.now - start).components

        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        return Outcome(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
                       milliseconds: Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) / 1e15,
                       peakRSSMiB: Double(usage.ru_maxrss) / 1024, stdout: stdout, output: stdout + stderr)
    }
}
