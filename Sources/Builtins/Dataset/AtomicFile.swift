import Foundation

/// A file written in full or not at all: the bytes go to a hidden temporary file beside the
/// destination (`.NAME.XXXXXX`), which ``commit()`` renames into place. A failure, or an
/// interrupt (SIGINT, SIGTERM while ``removesOnInterrupt()`` is armed), removes the temporary
/// file and never leaves a half-written destination.
public final class AtomicFile {
    /// Where the file ends up.
    public let destination: URL
    /// The temporary file being written.
    public let temporaryPath: String
    /// The open descriptor of the temporary file (owned by this object).
    public let fileDescriptor: Int32
    private var done = false

    /// Creates the temporary file beside `destination` (mode 0666 less the umask).
    public init(destination: URL) throws(AtomicFileError) {
        self.destination = destination
        let template = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).XXXXXX").path
        var path = Array(template.utf8CString)
        let fd = mkstemp(&path)
        guard fd >= 0 else { throw AtomicFileError(path: destination.path, action: "cannot create a temporary file", errno: errno) }
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        fileDescriptor = fd
        temporaryPath = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { discard() }

    /// Writes all of `bytes` to the temporary file (retrying short writes and interruptions).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(AtomicFileError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fileDescriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: destination.path, action: "cannot write the file", errno: errno)
            }
            offset += written
        }
    }

    /// Flushes the temporary file to disk and renames it over the destination.
    public func commit() throws(AtomicFileError) {
        guard !done else { return }
        guard fsync(fileDescriptor) == 0 else { throw failure("cannot write the file") }
        guard close(fileDescriptor) == 0 else { throw failure("cannot write the file") }
        done = true
        guard rename(temporaryPath, destination.path) == 0 else {
            let error = AtomicFileError(path: destination.path, action: "cannot put the file in place", errno: errno)
            unlink(temporaryPath)
            AtomicFile.disarm()
            throw error
        }
        AtomicFile.disarm()
    }

    /// Closes and removes the temporary file (nothing is put in place). Safe to call twice.
    public func discard() {
        guard !done else { return }
        done = true
        close(fileDescriptor)
        unlink(temporaryPath)
        AtomicFile.disarm()
    }

    private func failure(_ action: String) -> AtomicFileError {
        let error = AtomicFileError(path: destination.path, action: action, errno: errno)
        discard()
        return error
    }

    // MARK: interrupts

    /// The temporary path an interrupt removes (a C string, readable from a signal handler).
    nonisolated(unsafe) private static var armedPath: UnsafeMutablePointer<CChar>?

    /// Until ``commit()`` or ``discard()``, SIGINT and SIGTERM remove the temporary file before
    /// the process ends (with the signal's usual status, 128 + signal). For one file at a time:
    /// a command line writing one output.
    public func removesOnInterrupt() {
        AtomicFile.disarm()
        AtomicFile.armedPath = strdup(temporaryPath)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in
                if let path = AtomicFile.armedPath { unlink(path) }
                _exit(128 + received)
            }
        }
    }

    private static func disarm() {
        guard let path = armedPath else { return }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        armedPath = nil
        free(path)
    }
}

/// A file that could not be written: which file, what failed, and the system's reason.
public struct AtomicFileError: UserFacingError, Sendable, Equatable {
    public var path: String
    public var action: String
    public var code: Int32

    public init(path: String, action: String, errno code: Int32) {
        self.path = path
        self.action = action
        self.code = code
    }

    public var description: String {
        "\(path): \(action): \(String(cString: strerror(code)))"
    }

    public var exitStatus: ExitStatus { .failure }
}
