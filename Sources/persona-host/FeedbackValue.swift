import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// Reading feedback values and JSON Lines files, with errors that name the line.
enum FeedbackValue {
    /// A number, a JSON object or array, or else the text itself.
    static func parse(_ text: String) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(trimmed), number.isFinite { return .number(number) }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("["),
           let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) { return parsed }
        return .string(text)
    }

    static func lines(_ text: String, file: String) throws -> [FeedbackInput] {
        var inputs: [FeedbackInput] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            func bad(_ message: String) -> CLIFailure { CLIFailure(status: .usage, message: "\(place): \(message); nothing was applied") }
            guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)), case .object(let o) = parsed else {
                throw bad("not a JSON object")
            }
            let known: Set = ["persona", "type", "value", "interaction", "target", "time", "source", "id"]
            if let extra = o.keys.sorted().first(where: { !known.contains($0) }) { throw bad("unknown field '\(extra)'") }
            guard case .string(let persona)? = o["persona"] else { throw bad("\"persona\" must be a string") }
            guard case .string(let type)? = o["type"] else { throw bad("\"type\" must be a string") }
            guard let value = o["value"], value != .null else { throw bad("\"value\" is missing") }
            var input = FeedbackInput(persona: persona, type: type, value: value, source: "import", location: place)
            switch o["interaction"] {
            case nil, .null?: break
            case .number(let n)? where n == n.rounded() && n > 0: input.interactionID = Int64(n)
            default: throw bad("\"interaction\" must be an interaction id")
            }
            if case .string(let t)? = o["target"] { input.target = t }
            if case .string(let s)? = o["source"] { input.source = s }
            switch o["id"] {
            case nil, .null?: break
            case .string(let s)?: input.externalID = s
            case .number(let n)?: input.externalID = String(n)
            default: throw bad("\"id\" must be a string or a number")
            }
            if let t = o["time"] {
                guard case .string(let s) = t, let date = try? Date(s, strategy: .iso8601) else { throw bad("\"time\" must be an ISO 8601 date") }
                input.time = date
            }
            inputs.append(input)
        }
        return inputs
    }
}
