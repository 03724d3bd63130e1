/// One example (a JSONL line) after scanning: where each top-level field sits in the line's
/// bytes, and the string fields the pipeline asked for, decoded. Every other field stays bytes,
/// copied to the output exactly as written.
public struct ExampleLine: Sendable {
    /// One top-level field.
    public struct Field: Sendable {
        public var name: String
        /// The bytes of `"name": value`.
        public var range: Range<Int>
        /// The bytes of the value alone.
        public var valueRange: Range<Int>
        /// What the value is ("a string", "a number", …), for messages.
        public var kind: String
    }

    /// The fields in the order written.
    public var fields: [Field] = []
    /// Decoded values of the string fields asked for (absent when missing or not a string).
    public var strings: [String: String] = [:]
    /// `_traits`, when asked for and present as a list of strings.
    public var traits: [String]?

    public init() {}

    /// The field called `name`.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}

/// What is wrong with one line: where (a 1-based character column), what, and the field when
/// the problem is a field's.
public struct LineProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: Int?
    public var field: String?
    public var message: String

    public init(column: Int? = nil, field: String? = nil, message: String) {
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = column.map { "column \($0): " } ?? ""
        if let field { text += "field \"\(field)\": " }
        return text + message
    }
}
