import Foundation

/// Turns free text into comparable word tokens: NFKC, case folding, word boundaries, and
/// folding of plurals and simple inflections.
///
/// Words are runs of letters and digits; everything else (spaces, hyphens, underscores,
/// punctuation) separates them, so "gen-z", "gen z" and "gen_z" all read as `gen z`, and
/// "momentum" is never "mom".
public enum TextNormalizer {
    /// The words of `text`, normalised (NFKC) and case-folded, in order.
    public static func tokens(_ text: String) -> [String] {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var tokens: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.properties.generalCategory != .nonspacingMark
                || scalar.properties.generalCategory == .nonspacingMark && !current.isEmpty {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Irregular plurals and forms that the suffix rules would get wrong.
    static let irregular: [String: String] = [
        "children": "child", "kids": "kid", "women": "woman", "men": "man", "people": "person",
        "wives": "wife", "lives": "life", "retirees": "retiree", "mommies": "mommy", "daddies": "daddy",
        "babies": "baby", "families": "family", "parents": "parent", "parenting": "parent",
        "mothers": "mother", "fathers": "father", "moms": "mom", "dads": "dad", "mums": "mum",
    ]

    /// The dictionary form of one token: irregulars, then `-ies → -y`, `-ches/-shes/-xes/-sses → drop -es`,
    /// then a final `-s` dropped (not after `ss`, `us`, `is`), for words longer than three letters.
    public static func lemma(_ token: String) -> String {
        if let form = irregular[token] { return form }
        let count = token.count
        if count > 4, token.hasSuffix("ies") { return String(token.dropLast(3)) + "y" }
        if count > 4, ["ches", "shes", "xes", "sses", "zes"].contains(where: token.hasSuffix) { return String(token.dropLast(2)) }
        if count > 3, token.hasSuffix("s"), !["ss", "us", "is"].contains(where: token.hasSuffix) {
            return String(token.dropLast())
        }
        return token
    }
}
