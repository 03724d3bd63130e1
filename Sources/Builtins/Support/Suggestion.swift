/// "Did you mean …?" for a misspelt name: the closest known name by edit distance.
public enum Suggestion {
    /// The known name closest to `word`, if one is close enough to be a plausible typo.
    public static func closest(to word: String, among known: some Collection<String>) -> String? {
        let best = known.min { (distance(word, $0), $0) < (distance(word, $1), $1) }
        guard let best, distance(word, best) <= max(2, word.count / 3) else { return nil }
        return best
    }

    /// `" (did you mean 'x'?)"`, or nothing when no name is close.
    public static func phrase(for word: String, among known: some Collection<String>) -> String {
        closest(to: word, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
