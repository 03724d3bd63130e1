import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// Reading feedback values and JSON Lines files, with errors that name the line, the column
/// and the field.
///
/// Numbers are read exactly (``ExactJSON``): an `"interaction"` must be a whole number from 1 to
/// 2^63 − 1, an `"id"` given as a number keeps every digit, and an integer in a `"value"` that a
/// `Double` cannot hold exactly (beyond 2^53) is refused rather than rounded.
enum FeedbackValue {
    /// The fields a feedback line may have.
    static let fields = ["persona", "type", "value", "interaction", "target", "time", "source", "id"]

    /// `--value`: a JSON number, a JSON object or array (which must then be valid JSON), or else
    /// the text itself.
    static func parse(_ text: String, option: String = "--value") throws(CLIFailure) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let looksLikeNumber = trimmed.first.map { $0 == "-" || $0.isASCII && $0.isNumber } ?? false
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || looksLikeNumber else { return .string(text) }
        let parsed: ExactJSON
        do {
            parsed = try ExactJSON.parse(trimmed)
        } catch {
            // A number-looking text that is not a JSON number ("3rd", "1-2") is text.
            if looksLikeNumber, ExactJSON.Number(literal: trimmed) == nil, !error.message.contains("out of range") { return .string(text) }
            let hint = looksLikeNumber ? "" : " (text that starts with '{' or '[' can only be given in a JSON Lines file, as a JSON string)"
            throw CLIFailure(status: .usage, message: "\(option): column \(error.column): \(error.message)\(hint)")
        }
        do {
            return try parsed.jsonValue(path: option)
        } catch {
            throw CLIFailure(status: .usage, message: error.description)
        }
    }

    /// `--context`: a JSON object.
    static func object(_ text: String, option: String) throws(CLIFailure) -> JSONValue {
        let parsed: ExactJSON
        do {
            parsed = try ExactJSON.parse(text)
        } catch {
            throw CLIFailure(status: .usage, message: "\(option): line \(error.line), column \(error.column): \(error.message)")
        }
        guard case .object = parsed else {
            throw CLIFailure(status: .usage, message: "\(option) must be a JSON object ({\"ingredients\": [...]}), got \(parsed.kindName)")
        }
        do {
            return try parsed.jsonValue(path: option)
        } catch {
            throw CLIFailure(status: .usage, message: error.description)
        }
    }

    /// Every feedback of a JSON Lines file (UTF-8; CRLF line ends and a byte order mark are
    /// fine), each line checked. Every problem is reported (the first ten, and how many in all),
    /// and nothing is returned unless every line is right.
    static func lines(_ bytes: [UInt8], file: String) throws(CLIFailure) -> [FeedbackInput] {
        var inputs: [FeedbackInput] = []
        var problems: [String] = []
        var total = 0
        for line in JSONLines(bytes).lines {
            let place = "\(file):\(line.number)"
            switch line.value {
            case .failure(let error):
                total += 1
                if problems.count < LearningError.shownProblems { problems.append("\(place):\(error.column): \(error.message)") }
            case .success(let value):
                do {
                    inputs.append(try input(value, place: place))
                } catch {
                    total += 1
                    if problems.count < LearningError.shownProblems { problems.append("\(place): \(error.message)") }
                }
            }
        }
        guard total == 0 else { throw failure(problems, total: total, file: file) }
        return inputs
    }

    /// The usage failure for `problems` found in `file`, saying that nothing was applied.
    static func failure(_ problems: [String], total: Int, file: String) -> CLIFailure {
        if total == 1 { return CLIFailure(status: .usage, message: "\(problems[0]); nothing was applied") }
        let more = total - problems.count
        let lines = problems + (more > 0 ? ["… and \(more) more problem\(more == 1 ? "" : "s")"] : [])
        return CLIFailure(status: .usage, message: (lines + ["\(file): \(total) problems; nothing was applied"]).joined(separator: "\n"))
    }

    struct LineProblem: Error { var message: String }

    /// One line's feedback.
    static func input(_ line: ExactJSON, place: String) throws(LineProblem) -> FeedbackInput {
        func bad(_ message: String) -> LineProblem { LineProblem(message: message) }
        guard case .object(let fields) = line else {
            throw bad("a line must be a JSON object such as {\"persona\": \"echo\", \"type\": \"categorical\", \"value\": \"too_formal\"}, "
                      + "got \(line.kindName)")
        }
        for field in fields where !Self.fields.contains(field.name) {
            throw bad("unknown field \"\(field.name)\"\(Suggestion.phrase(for: field.name, among: Self.fields)); "
                      + "a feedback line has: \(Self.fields.joined(separator: ", "))")
        }
        let missing = ["persona", "type", "value"].filter { line[$0] == nil }
        if !missing.isEmpty {
            throw bad(missing.map { "\"\($0)\"" }.joined(separator: ", ") + (missing.count == 1 ? " is" : " are") + " missing")
        }
        func string(_ name: String, optional: Bool) throws(LineProblem) -> String? {
            switch line[name] {
            case nil:
                guard optional else { throw bad("\"\(name)\" is missing") }
                return nil
            case .null? where optional: return nil
            case .string(let s)? where !s.isEmpty || optional: return s
            case let other?: throw bad("\"\(name)\" must be a\(optional ? "" : " non-empty") string\(optional ? " or null" : ""), got \(other.excerpt())")
            }
        }
        let persona = try string("persona", optional: false)!
        let type = try string("type", optional: false)!
        guard let raw = line["value"], raw != .null else { throw bad("\"value\" must not be null") }
        let value: JSONValue
        do {
            value = try raw.jsonValue(path: "value")
        } catch {
            throw bad(error.description)
        }
        var input = FeedbackInput(persona: persona, type: type, value: value, source: "import", location: place)
        switch line["interaction"] {
        case nil, .null?: break
        case .number(let n)? where n.int64.map { $0 >= 1 } == true: input.interactionID = n.int64
        case let other?: throw bad("\"interaction\" must be a whole number from 1 to \(Int64.max), got \(other.excerpt())")
        }
        input.target = try string("target", optional: true)
        if let source = try string("source", optional: true) { input.source = source }
        switch line["id"] {
        case nil, .null?: break
        case .string(let s)?: input.externalID = s
        case .number(let n)?:
            input.externalID = n.literal
            input.legacyExternalID = String(n.double)
        case let other?: throw bad("\"id\" must be a string or a number, got \(other.excerpt())")
        }
        if let text = try string("time", optional: true) {
            guard let date = date(text) else {
                throw bad("\"time\" must be an ISO 8601 date and time such as \"2026-01-31T09:30:00Z\" or \"2026-01-31T10:30:00.250+01:00\", got \"\(text.prefix(40))\"")
            }
            input.time = date
        }
        return input
    }

    /// An ISO 8601 date and time, with or without fractional seconds.
    /// nil when it is neither (the caller reports it, naming the field and the text).
    static func date(_ text: String) -> Date? {
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            do { return try Date(text, strategy: style) } catch { continue }
        }
        return nil
    }
}
