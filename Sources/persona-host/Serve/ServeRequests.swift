import Foundation

/// The JSON bodies the service reads (snake_case keys, as its answers).
enum ServeRequests {
    /// `POST /v1/goals`: `run goal`'s goal and options.
    struct Goal: Decodable, Sendable {
        var goal: String
        var algo: String?
        /// A number (4) or a range ("2-6").
        var k: KValue?
        var seed: UInt64?
        var strict: Bool?
        var explain: Bool?
    }

    /// `k` as a number or a string.
    enum KValue: Decodable, Sendable {
        case number(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }

        var text: String {
            switch self {
            case .number(let n): String(n)
            case .text(let t): t
            }
        }
    }

    /// `POST /v1/formulate`: `run formulate`'s request.
    struct Formulate: Decodable, Sendable {
        var persona: String
        /// A list, or a comma-separated string as `--concerns` takes it.
        var concerns: ListValue
        var budget: Double?
        var exclude: ListValue?
        var skinType: String?
    }

    /// A list of words given as an array or as one comma-separated string.
    struct ListValue: Decodable, Sendable {
        var items: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let raw: [String]
            if let list = try? container.decode([String].self) { raw = list } else { raw = try container.decode(String.self).split(separator: ",").map(String.init) }
            items = raw.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
    }

    /// `POST /v1/interactions`: `interactions add`.
    struct Interaction: Decodable, Sendable {
        var persona: String
        var input: String
        var output: String
    }

    /// `POST /v1/personas/{id}/rollback`.
    struct Rollback: Decodable, Sendable {
        var to: String
    }
}
