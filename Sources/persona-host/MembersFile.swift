import Builtins
import Foundation
import Host

/// `run goal --members PATH`: user_id → persona as CSV, written so that nothing is lost or
/// clobbered.
///
/// The path is checked before any work: it may not be the database (or its -wal/-shm files), a
/// directory, a symbolic link, a device or anything but a regular file, and an existing file is
/// only replaced with `--force`. The file is written to a temporary file beside it and renamed
/// into place only after the run is saved, so a run and its members file land together: if
/// saving fails the temporary file is removed; if the rename fails the saved run is removed.
/// `-` writes to stdout. `runs export --out` writes its file the same way.
struct MembersFile {
    enum Destination {
        case stdout
        case file(URL)
    }

    let destination: Destination

    /// How messages name the file (`--members PATH`, `--out PATH`).
    let flag: String

    /// Checks `path` (see the type's documentation); `flag` names the option in messages and
    /// `refused` says what a refusal prevented ("nothing was run").
    init(path: String, force: Bool, database: String, flag: String = "--members", refused: String = "nothing was run") throws {
        self.flag = flag
        if path == "-" {
            destination = .stdout
            return
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        func refuse(_ why: String) -> CLIFailure { CLIFailure(status: .usage, message: "\(flag) \(path): \(why); \(refused)") }
        var info = stat()
        if lstat(url.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK: throw refuse("is a symbolic link; give the path of a regular file")
            case S_IFDIR: throw refuse("is a directory")
            default: throw refuse("is not a regular file (a device, a pipe or a socket)")
            }
            for suffix in ["", "-wal", "-shm", "-journal"] {
                var db = stat()
                if stat(database + suffix, &db) == 0, db.st_dev == info.st_dev, db.st_ino == info.st_ino {
                    throw refuse("is the database\(suffix.isEmpty ? "" : " (\(suffix))") file")
                }
            }
            if !force { throw refuse("already exists; pass --force to replace it") }
        } else if errno != ENOENT {
            throw refuse(String(cString: strerror(errno)))
        }
        let parent = url.deletingLastPathComponent().path
        var folder = stat()
        guard stat(parent, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR else { throw refuse("its folder \(parent) does not exist") }
        guard access(parent, W_OK) == 0 else { throw refuse("its folder \(parent) is not writable") }
        destination = .file(url)
    }

    /// Whether the members go to stdout.
    var isStdout: Bool { if case .stdout = destination { true } else { false } }

    /// The CSV, written to a temporary file beside the destination (or held for stdout).
    func prepare(_ run: GoalRun) throws -> Prepared {
        try prepare(bytes: Self.csv(run))
    }

    /// `bytes`, written to a temporary file beside the destination (or held for stdout).
    func prepare(bytes: [UInt8]) throws -> Prepared {
        guard case .file(let url) = destination else { return Prepared(bytes: bytes, temporary: nil, destination: nil) }
        let template = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path
        var path = Array(template.utf8CString)
        let fd = mkstemp(&path)
        guard fd >= 0 else { throw CLIFailure(status: .failure, message: "\(url.path): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = URL(fileURLWithPath: String(cString: path))
        // mkstemp makes the file 0600; the file written is an ordinary one (0666 less the umask).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)  // best effort: the write error is what we report
            throw CLIFailure(status: .failure, message: "\(url.path): cannot write the file: \(error)")
        }
        return Prepared(bytes: bytes, temporary: temporary, destination: url)
    }

    /// A members file ready to be put in place.
    struct Prepared {
        let bytes: [UInt8]
        let temporary: URL?
        let destination: URL?

        /// Renames the temporary file into place (or writes the CSV to stdout).
        func commit() throws {
            guard let temporary, let destination else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            guard rename(temporary.path, destination.path) == 0 else {
                let why = String(cString: strerror(errno))
                discard()
                throw CLIFailure(status: .failure, message: "\(destination.path): cannot write the file: \(why)")
            }
        }

        /// Removes the temporary file (the run was not saved).
        func discard() {
            guard let temporary else { return }
            unlink(temporary.path)
        }
    }

    /// `user_id,persona_index,persona`, ordered by user_id; built as bytes (a million lines in well
    /// under a second).
    static func csv(_ run: GoalRun) -> [UInt8] {
        var pairs: [(id: Int64, persona: Int32)] = []
        pairs.reserveCapacity(run.memberIDs.reduce(0) { $0 + $1.count })
        for (index, ids) in run.memberIDs.enumerated() { pairs += ids.map { ($0, Int32(index)) } }
        pairs.sort { $0.id < $1.id }
        let suffixes = run.personas.enumerated().map { index, persona in
            Array(",\(index + 1),\"\(persona.name.replacingOccurrences(of: "\"", with: "\"\""))\"\n".utf8)
        }
        var bytes = Array("user_id,persona_index,persona\n".utf8)
        bytes.reserveCapacity(pairs.count * 40)
        for (id, persona) in pairs {
            bytes.appendDecimal(id)
            bytes.append(contentsOf: suffixes[Int(persona)])
        }
        return bytes
    }
}
