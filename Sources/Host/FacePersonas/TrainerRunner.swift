import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one trainer command under the trainer protocol: `/bin/sh -c command` in the model folder,
/// the request written to its stdin, its stdout read line by line, the last lines of its stderr
/// kept for the error message, and an optional time limit.
///
/// `posix_spawn`, not Foundation's `Process`: the trainer is started in its own process group, so
/// a timeout or a protocol error stops the whole group (a shell script's `python train.py` too,
/// not only the shell), and stdout and stderr are read with `poll` on this thread, so nothing
/// waits forever on a pipe a grandchild keeps open. SIGPIPE is ignored in this process (a
/// trainer that exits without reading its request must not kill the host) and reset to the
/// default in the trainer.
struct TrainerRunner {
    var command: String
    var workingDirectory: String
    var request: Data
    /// Seconds before the trainer is stopped; nil for no limit.
    var timeout: TimeInterval?
    /// How long a trainer has to end after SIGTERM before SIGKILL.
    var killGrace: TimeInterval = 5
    /// How many stderr lines an error message quotes.
    static let stderrLines = 20
    /// The longest stdout line read (a protocol line is short; this stops a runaway output).
    static let longestLine = 1 << 20

    /// How a run ended.
    enum Outcome: Equatable {
        case trained(model: String)
        case failed(String)
        /// The host got SIGINT, SIGTERM or SIGHUP: the trainer's group was stopped.
        case interrupted(signal: Int32)
    }

    /// The signal that interrupted the host while a trainer ran (0: none). Written only by the
    /// signal handler, read by the run loop between polls.
    nonisolated(unsafe) static var interruption: Int32 = 0

    /// While a trainer runs, SIGINT (Ctrl-C), SIGTERM and SIGHUP stop it instead of ending the
    /// host: its own process group does not get the terminal's signals, so without this it
    /// would train on, orphaned, with the version left `training`.
    private static func forwardInterrupts() {
        interruption = 0
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in TrainerRunner.interruption = received }
            sigaddset(&set, sig)
        }
        // A parent may have started the host with them blocked (they would wait until the end).
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    private static func restoreInterrupts() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }

    /// Runs the trainer; `progress` is called for each `training` line (its errors stop the
    /// trainer and are rethrown). `started` gets the trainer's pid.
    func run(started: (Int32) throws -> Void, progress: (Int, String?, String?) throws -> Void) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        Self.forwardInterrupts()
        defer { Self.restoreInterrupts() }
        let child: SpawnedChild
        do { child = try SpawnedChild(command: command, directory: workingDirectory) } catch {
            return .failed("cannot start the trainer: \(error)")
        }
        child.send(request)
        do { try started(child.pid) } catch {
            child.stop(grace: killGrace)
            throw error
        }

        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var stdout = LineBuffer(), stderr = TailBuffer(limit: Self.stderrLines)
        var lineNumber = 0
        var final: TrainerLine?
        var stopReason: String?
        var stdoutOpen = true, stderrOpen = true
        do {
            while stdoutOpen && stopReason == nil {
                if Self.interruption != 0 {
                    child.stop(grace: killGrace)
                    return .interrupted(signal: Self.interruption)
                }
                if let deadline, Date() >= deadline {
                    stopReason = "no result after \(Self.seconds(timeout ?? 0)) s"
                    break
                }
                let wait = deadline.map { max(0, min(200, Int($0.timeIntervalSinceNow * 1000) + 1)) } ?? 200
                let (outData, errData) = child.poll(stdout: stdoutOpen, stderr: stderrOpen, milliseconds: wait)
                if let errData { if errData.isEmpty { stderrOpen = false } else { stderr.append(errData) } }
                guard let outData else { continue }
                if outData.isEmpty { stdoutOpen = false; stdout.finish() } else { stdout.append(outData) }
                if stdout.pendingBytes > Self.longestLine {
                    stopReason = "trainer line \(lineNumber + 1): longer than \(Self.longestLine / 1024) KiB"
                    break
                }
                while let line = stdout.nextLine() {
                    lineNumber += 1
                    guard final == nil else { continue }  // the result is in; later lines are not read
                    if line.allSatisfy(\.isWhitespace) { continue }
                    switch TrainerLine.parse(line, number: lineNumber) {
                    case .failure(let error): stopReason = error.description
                    case .success(.training(let percent, let message, let externalID)): try progress(percent, message, externalID)
                    case .success(let result): final = result
                    }
                    if stopReason != nil { break }
                }
            }
        } catch {
            child.stop(grace: killGrace)
            throw error
        }
        if let stopReason {
            child.stop(grace: killGrace)
            return .failed(stopReason)
        }
        // stdout is closed: wait for the exit (within the time limit), keeping stderr's tail.
        var status: Int32?
        while status == nil {
            status = child.exitStatus()
            if status != nil { break }
            if Self.interruption != 0 {
                child.stop(grace: killGrace)
                return .interrupted(signal: Self.interruption)
            }
            if let deadline, Date() >= deadline {
                child.stop(grace: killGrace)
                return .failed("no result after \(Self.seconds(timeout ?? 0)) s")
            }
            let (_, errData) = child.poll(stdout: false, stderr: stderrOpen, milliseconds: 20)
            if let errData { if errData.isEmpty { stderrOpen = false } else { stderr.append(errData) } }
        }
        // A last look at stderr (a grandchild may hold it open: do not wait for it).
        while stderrOpen, case (_, let errData?) = child.poll(stdout: false, stderr: true, milliseconds: 50) {
            if errData.isEmpty { stderrOpen = false } else { stderr.append(errData) }
        }
        let exit = status ?? -1
        let ended = exit >= 128 ? "was killed by signal \(exit - 128)" : "exited with status \(exit)"
        let tail = stderr.text.isEmpty ? "" : "; last stderr: " + stderr.text
        switch final {
        case .failed(let error): return .failed(error)
        case .trained(let model) where exit == 0: return .trained(model: model)
        case .trained: return .failed("trainer reported a model but \(ended)" + tail)
        case .training, nil: return .failed("trainer \(ended) before reporting a result" + tail)
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// Bytes split into lines (`\n`, a trailing `\r` dropped).
struct LineBuffer {
    private var pending = Data()
    private var finished = false

    mutating func append(_ data: Data) { pending.append(data) }
    /// Bytes read but not yet returned as a line.
    var pendingBytes: Int { pending.count }
    mutating func finish() { finished = true }

    mutating func nextLine() -> String? {
        if let newline = pending.firstIndex(of: 0x0A) {
            var line = pending[pending.startIndex..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            pending = Data(pending[(newline + 1)...])
            return String(decoding: line, as: UTF8.self)
        }
        guard finished, !pending.isEmpty else { return nil }
        defer { pending = Data() }
        return String(decoding: pending, as: UTF8.self)
    }
}

/// The last `limit` lines of a stream.
struct TailBuffer {
    let limit: Int
    private var data = Data()

    init(limit: Int) { self.limit = limit }

    mutating func append(_ more: Data) {
        data.append(more)
        if data.count > 64 * 1024 { data = Data(data.suffix(32 * 1024)) }
    }

    var text: String {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .suffix(limit).joined(separator: "\n")
    }
}
