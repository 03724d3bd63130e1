/// The rules of a face persona's trigger word (its name, and the word a prompt uses to call the
/// trained face): 2–50 ASCII letters, digits, `_` or `-`, starting with a letter. ASCII only, so
/// the word means the same to every trainer's tokenizer and compares case-insensitively in SQLite.
public enum TriggerWord {
    public static let lengths = 2...50

    /// Throws ``FacePersonaError/invalidTriggerWord(_:rule:)`` naming the rule `word` breaks.
    public static func validate(_ word: String) throws(FacePersonaError) {
        let scalars = Array(word.unicodeScalars)
        guard lengths.contains(scalars.count) else {
            throw .invalidTriggerWord(word, rule: "it must be 2–50 characters long (it has \(scalars.count))")
        }
        guard let first = scalars.first, isLetter(first) else {
            throw .invalidTriggerWord(word, rule: "it must start with a letter (a–z, A–Z)")
        }
        if let bad = scalars.first(where: { !(isLetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }) {
            throw .invalidTriggerWord(word, rule: "it may hold only letters, digits, _ and - (not \"\(bad.escaped(asASCII: true))\")")
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
