/// Storage failures carry their exit status: 2 when the caller's input is wrong (a missing
/// explicit database, an unknown column, a bad filter, an unknown run…), 1 when the file, the
/// disk or another process is the problem (cannot open, damaged, busy, SQLite refused).
extension StorageError: UserFacingError {
    public var exitStatus: ExitStatus { isUsageError ? .usage : .failure }
}

/// A CSV that cannot be imported is the user's input: exit 2.
extension ImportError: UserFacingError {
    public var exitStatus: ExitStatus { .usage }
}
