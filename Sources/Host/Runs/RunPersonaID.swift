/// The id of a persona a goal run produced, as every `persona` command takes it: `run:RUN/N`,
/// persona N (1-based, largest first, as in the run's table, `--members` and `runs export`) of
/// saved run RUN. `run:3/2` is the second persona of run 3.
///
/// Skincare and learning personas have plain ids (`anti_aging`, `echo`); a goal-run persona's
/// id always starts with `run:`, so the two never collide.
public struct RunPersonaID: Sendable, Hashable, CustomStringConvertible {
    public let run: Int64
    /// 1-based position in the run: ``GoalRun/Persona/index``.
    public let number: Int

    public init(run: Int64, number: Int) {
        self.run = run
        self.number = number
    }

    /// The prefix that marks a goal-run persona id.
    public static let prefix = "run:"

    /// Whether `text` is meant as a goal-run persona id (it starts with `run:`), well formed or not.
    public static func isRunPersona(_ text: String) -> Bool {
        text.lowercased().hasPrefix(prefix)
    }

    /// Parses `run:RUN/N`.
    ///
    /// - Throws: ``RunLookupError/malformedID(_:)`` when `text` is not of that form.
    public init(parsing text: String) throws(RunLookupError) {
        guard Self.isRunPersona(text) else { throw .malformedID(text) }
        let parts = text.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let run = Int64(parts[0]), run > 0, let number = Int(parts[1]), number > 0 else {
            throw .malformedID(text)
        }
        self.init(run: run, number: number)
    }

    public var description: String { "\(Self.prefix)\(run)/\(number)" }
}
