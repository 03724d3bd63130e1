import Builtins

/// The words a scaffold derives from a plugin name, and how to write them in Lua source.
///
/// `pet_owners` gives the goal term `pet owners` (the host reads `_` and `-` as spaces and
/// matches inflections, so "pet owner" reads the same), the persona noun `Pet Owner` and the
/// title `Pet Owners`.
struct ScaffoldWords: Sendable {
    let name: String
    /// The name's words, lower case (`["pet", "owners"]`).
    let words: [String]

    init(name: String) {
        self.name = name
        words = TextNormalizer.tokens(name)
    }

    /// The goal term: the words, space-separated.
    var term: String { words.joined(separator: " ") }

    /// Each word capitalised: `Pet Owners`.
    var title: String { words.map(Self.capitalised).joined(separator: " ") }

    /// The title with its last word in its dictionary form: `Pet Owner`.
    var noun: String {
        guard let last = words.last else { return title }
        return (words.dropLast() + [TextNormalizer.lemma(last)]).map(Self.capitalised).joined(separator: " ")
    }

    /// `name` as a table key: `pet_owners`, or `["pet-owners"]` when it is not a Lua identifier.
    var key: String { Self.key(name) }

    static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// A Lua table key for `text`: bare when it is an identifier, else `["text"]`.
    static func key(_ text: String) -> String {
        isIdentifier(text) ? text : "[\(quoted(text))]"
    }

    /// `text` as a Lua string literal (plugin names need no escapes; the rest are escaped anyway).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              !reserved.contains(text) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Lua 5.4's reserved words.
    static let reserved: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]
}
