import Foundation

extension PersonaDatabase {
    /// Whether opening may create the database.
    ///
    /// Why a choice: a typo in `--db` must not produce a fresh file full of synthetic users, and
    /// a command that only reads must not leave a file behind. Commands that create data
    /// (`data generate`, `data import`) and the default database use ``createIfMissing``;
    /// everything else uses ``mustExist``.
    public enum OpenMode: Sendable, Hashable {
        /// Create the file (and its folders) when it does not exist.
        case createIfMissing
        /// Refuse a missing or empty file with ``StorageError/noDatabase(path:)``, creating
        /// nothing (no database, no `-wal` or `-shm` file).
        case mustExist

        /// Checks what is at `path` before SQLite touches it: a directory, a special file, or a
        /// file that does not start with SQLite's header is refused, naming the path; a missing
        /// file is refused in ``mustExist`` mode and gets its folders in ``createIfMissing`` mode.
        func check(_ path: String) throws {
            var status = stat()
            guard stat(path, &status) == 0 else {
                guard errno == ENOENT else {
                    throw StorageError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
                }
                guard self == .createIfMissing else { throw StorageError.noDatabase(path: path) }
                let directory = (path as NSString).deletingLastPathComponent
                if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                    do {
                        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    } catch {
                        throw StorageError.cannotOpen(path: path, reason: "cannot create the folder \(directory): \(error.localizedDescription)")
                    }
                }
                return
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw StorageError.cannotOpen(path: path, reason: "it is a directory, not a database file")
            case S_IFREG:
                break
            default:
                throw StorageError.cannotOpen(path: path, reason: "it is not a regular file")
            }
            if status.st_size == 0 {
                // SQLite treats an empty file as a new database: only a creating mode may fill it.
                if self == .mustExist { throw StorageError.noDatabase(path: path) }
                return
            }
            try Self.checkHeader(path)
        }

        /// SQLite's 16-byte magic string, which every database file starts with.
        static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

        private static func checkHeader(_ path: String) throws {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw StorageError.cannotOpen(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            defer { try? handle.close() }  // closing a file opened for reading cannot lose data
            let first: Data
            do {
                first = try handle.read(upToCount: sqliteHeader.count) ?? Data()
            } catch {
                throw StorageError.cannotOpen(path: path, reason: "cannot read the file (\(error.localizedDescription))")
            }
            guard Array(first) == sqliteHeader else {
                throw StorageError.cannotOpen(
                    path: path,
                    reason: "it is not a SQLite database (it does not start with SQLite's header); "
                        + "check the path, or, if it is a damaged persona-host database, restore it from a backup")
            }
        }
    }
}
