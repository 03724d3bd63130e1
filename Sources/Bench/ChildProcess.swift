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
/// to temporary files and the clock stops when the child is reaped.
///
/// The peak RSS comes from `/usr/bin/time -f %M`, which the command runs under: the `ru_maxrss`
/// that `wait4` reports for a `posix_spawn`ed child is never below this process's own high-water
/// mark (Linux carries the parent's over into the child through the shared address space of
/// `vfork`, at `exec`), so after the goal benchmark every child would read about 260 MiB.
/// `/usr/bin/time` forks the command from its own small address space. Its start adds about a
/// millisecond to the wall time. Without `/usr/bin/time` the RSS is the kernel's rusage, an upper bound.
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
        let outPath = base + ".out", errPath = base + ".err", rssPath = base + ".rss"
        defer {
            unlink(outPath)
            unlink(errPath)
            unlink(rssPath)
        }
        unlink(rssPath)
        let time = "/usr/bin/time"
        let timed = access(time, X_OK) == 0
        let program = timed ? time : binary.path
        let command = timed ? [time, "-f", "%M", "-o", rssPath, binary.path] + arguments : [binary.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var status: Int32 = 0
        var usage = rusage()
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { fail("cannot run \(binary.path): \(String(cString: strerror(spawned)))") }
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fail("wait4 for \(binary.path): \(String(cString: strerror(errno)))") }
        }
        let elapsed = (ContinuousClock.now - start).components

        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
        let signal = status & 0x7f
        // /usr/bin/time writes the command's peak RSS in KiB on the last line of its file (after a line
        // about the exit status or signal when the command failed).
        let rssKiB = timed
            ? (try? String(contentsOfFile: rssPath, encoding: .utf8))?.split(separator: "\n").last
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            : Double(usage.ru_maxrss)
        guard let rssKiB else { fail("\(time) gave no peak RSS for \(binary.path): \(stdout + stderr)") }
        return Outcome(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
                       milliseconds: Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) / 1e15,
                       peakRSSMiB: rssKiB / 1024, stdout: stdout, output: stdout + stderr)
    }
}
