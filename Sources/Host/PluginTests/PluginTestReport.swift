import Builtins

/// What `persona-host test` found: every test case in run order with its outcome, and the
/// plugins that ship no tests. The `--json` document is this value.
public struct PluginTestReport: Sendable, Codable {
    /// Why a test failed: where, what was asserted, and the two values when an assertion compared them.
    public struct Failure: Sendable, Codable, Equatable {
        /// `plugins/parenting/tests/goal_test.lua:14`, when known.
        public var location: String?
        public var message: String
        /// The expected and actual values, rendered as Lua (`"Budget"`, `{ 1, 2 }`).
        public var expected: String?
        public var actual: String?

        public init(location: String?, message: String, expected: String? = nil, actual: String? = nil) {
            self.location = location
            self.message = message
            self.expected = expected
            self.actual = actual
        }
    }

    /// One test case (or a test file that could not be run, with `name` empty).
    public struct Case: Sendable, Codable {
        public var plugin: String
        /// The test file, as paths are shown (`plugins/parenting/tests/goal_test.lua`).
        public var file: String
        public var name: String
        public var passed: Bool
        public var failure: Failure?
    }

    public var cases: [Case] = []
    /// Plugins that were in scope and ship no `tests/*_test.lua`.
    public var untested: [String] = []

    public var passed: Int { cases.filter(\.passed).count }
    public var failed: Int { cases.count - passed }

    /// `12 passed, 1 failed`.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    enum CodingKeys: String, CodingKey { case cases, untested, passed, failed, summary }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cases = try c.decode([Case].self, forKey: .cases)
        untested = try c.decode([String].self, forKey: .untested)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cases, forKey: .cases)
        try c.encode(untested, forKey: .untested)
        try c.encode(passed, forKey: .passed)
        try c.encode(failed, forKey: .failed)
        try c.encode(summary, forKey: .summary)
    }
}
