/// A dataset file that cannot be read (missing, unreadable, damaged gzip, a line too long).
/// The caller adds the file's path.
public struct DatasetReadError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
