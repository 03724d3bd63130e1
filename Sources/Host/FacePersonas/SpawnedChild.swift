import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `/bin/sh -c` child (run in `directory`) in its own process group with its stdin, stdout and stderr on pipes,
/// driven by ``poll(stdout:stderr:milliseconds:)`` from one thread: the request is written to
/// stdin as the child reads it (non-blocking), so a child that reads nothing, or a huge request,
/// never blocks the host. Used by ``TrainerRunner``.
final class SpawnedChild {
    let pid: pid_t
    private var stdinFD: Int32
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private var input = Data()
    private var written = 0
    private var status: Int32?

    /// Why the child could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    init(command: String, directory: String) throws(SpawnError) {
        func pipePair() throws(SpawnError) -> (read: Int32, write: Int32) {
            var fds: [Int32] = [-1, -1]
            // Close-on-exec from the start: a trainer another thread starts meanwhile must not
            // inherit this one's pipes (it would hold its stdout open).
            guard linuxPipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
            return (fds[0], fds[1])
        }
        let stdin = try pipePair(), stdout = try pipePair(), stderr = try pipePair()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // The shell changes to the model folder, then becomes the trainer's shell (same pid, same group).
        let words: [String] = ["/bin/sh", "-c", "cd -- \"$0\" && exec /bin/sh -c \"$1\"", directory, command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        for fd in [stdin.read, stdout.write, stderr.write] { close(fd) }
        guard result == 0 else {
            for fd in [stdin.write, stdout.read, stderr.read] { close(fd) }
            throw SpawnError(description: "/bin/sh in \(directory): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        stdinFD = stdin.write
        stdoutFD = stdout.read
        stderrFD = stderr.read
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if status == nil { stop(grace: 0) }
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
    }

    /// Queues `data` for the child's stdin, which is closed once it is all written.
    func send(_ data: Data) {
        input = data
        written = 0
        if data.isEmpty { closeStdin() }
    }

    /// Waits up to `milliseconds` for output, writing queued input meanwhile. Each result is nil
    /// when nothing was read from that stream, empty at its end, else the bytes read.
    func poll(stdout: Bool, stderr: Bool, milliseconds: Int) -> (stdout: Data?, stderr: Data?) {
        var fds: [pollfd] = []
        if stdout { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderr { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        guard !fds.isEmpty else {
            usleep(useconds_t(milliseconds * 1000))
            return (nil, nil)
        }
        guard Glibc.poll(&fds, nfds_t(fds.count), Int32(milliseconds)) > 0 else { return (nil, nil) }
        var out: Data?, err: Data?
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdinFD { writeInput(); continue }
            let data = readAvailable(entry.fd)
            if entry.fd == stdoutFD { out = data } else { err = data }
        }
        return (out, err)
    }

    /// The exit status once the child has ended (128 + the signal when killed); nil while it runs.
    func exitStatus() -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid { status = Self.decode(raw) }
        else if result < 0 && errno == ECHILD { status = -1 }
        return status
    }

    /// Stops the child's whole process group: SIGTERM, SIGKILL after `grace` seconds when the
    /// leader has not ended (and for any straggler of the group), then reaps the leader.
    func stop(grace: TimeInterval) {
        guard status == nil else { return }
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while !hasEnded() && Date() < deadline { usleep(20_000) }
        // The leader is at worst a zombie here, so its pid (the group id) cannot have been reused.
        kill(-pid, SIGKILL)
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        status = Self.decode(raw)
        closeStdin()
    }

    /// Whether the leader has ended, without reaping it.
    private func hasEnded() -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD
    }

    private func writeInput() {
        guard stdinFD >= 0 else { return }
        let count = input.withUnsafeBytes { bytes in
            Glibc.write(stdinFD, bytes.baseAddress! + written, bytes.count - written)
        }
        if count > 0 { written += count }
        if count < 0 && errno != EAGAIN && errno != EINTR { closeStdin(); return }  // EPIPE: the child stopped reading
        if written >= input.count { closeStdin() }
    }

    private func closeStdin() {
        if stdinFD >= 0 { close(stdinFD) }
        stdinFD = -1
    }

    private func readAvailable(_ fd: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(fd, &buffer, buffer.count)
        if count > 0 { return Data(buffer[0..<count]) }
        if count == 0 { return Data() }
        return errno == EAGAIN || errno == EINTR ? nil : Data()
    }

    /// WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}

/// glibc's `pipe2(2)`, which the Glibc module only declares under `_GNU_SOURCE`.
@_silgen_name("pipe2")
private func linuxPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
