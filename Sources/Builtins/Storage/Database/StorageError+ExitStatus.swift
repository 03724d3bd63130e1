/// Storage failures are runtime failures (exit 1), except those caused by what the user asked
/// for: an unknown column or a value of the wrong type in a filter, a bad argument, a run that
/// does not exist, generating into a table that is not empty.
extension StorageError: UserFacingError {
    public var exitStatus: ExitStatus {
        switch self {
        case .unknownColumn, .typeMismatch, .invalidCondition, .invalidArgument, .usersNotEmpty, .runNotFound: .usage
        case .cannotOpen, .corruptMembers, .database: .failure
        }
    }
}

/// A CSV that cannot be imported is the user's input: exit 2.
extension ImportError: UserFacingError {
    public var exitStatus: ExitStatus { .usage }
}
