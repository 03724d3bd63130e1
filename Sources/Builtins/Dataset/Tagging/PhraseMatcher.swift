/// Finds which of many phrases occur in a text in one pass (an Aho–Corasick automaton built
/// into a full byte-transition table), ignoring case, each as a whole word.
///
/// A phrase matches where it is not glued to a word: if its first character is a letter or
/// digit, the character before the match must not be one; the same for its last character and
/// the character after. Letters and digits are ASCII ones and every non-ASCII character (so
/// `café` is one word). Case: ASCII letters fold in the table; a text with non-ASCII bytes is
/// lowercased whole (Unicode rules) before the scan, and so are the phrases.
///
/// Built once per rule set, read-only afterwards: safe to share between threads.
public struct PhraseMatcher: Sendable {
    /// The phrases as given (index = phrase id).
    public let phrases: [String]
    private let lowered: [[UInt8]]
    /// transitions[state * 256 + byte]
    private let transitions: [Int32]
    /// Phrase ids ending at each state (its own and those of its suffix states).
    private let outputs: [[Int32]]
    private let wordAtStart: [Bool]
    private let wordAtEnd: [Bool]

    public init(phrases: [String]) {
        self.phrases = phrases
        lowered = phrases.map { Array($0.lowercased().utf8) }
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var out: [[Int32]] = [[]]
        for (id, phrase) in lowered.enumerated() where !phrase.isEmpty {
            var state = 0
            for b in phrase {
                let next = goto[state][Int(b)]
                if next >= 0 { state = Int(next); continue }
                goto.append([Int32](repeating: -1, count: 256))
                out.append([])
                goto[state][Int(b)] = Int32(goto.count - 1)
                state = goto.count - 1
            }
            out[state].append(Int32(id))
        }
        // Breadth-first: failure links, and the full transition table.
        var fail = [Int](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * 256)
        var queue: [Int] = []
        for b in 0..<256 {
            let next = goto[0][b]
            if next >= 0 { queue.append(Int(next)); table[b] = next } else { table[b] = 0 }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].append(contentsOf: out[fail[state]])
            for b in 0..<256 {
                let next = goto[state][b]
                if next >= 0 {
                    fail[Int(next)] = Int(table[fail[state] * 256 + b])
                    table[state * 256 + b] = next
                    queue.append(Int(next))
                } else {
                    table[state * 256 + b] = table[fail[state] * 256 + b]
                }
            }
        }
        // Fold ASCII capitals onto lowercase transitions.
        for state in 0..<goto.count {
            for b in 0x41...0x5A { table[state * 256 + b] = table[state * 256 + b + 0x20] }
        }
        transitions = table
        outputs = out
        wordAtStart = lowered.map { $0.first.map(Self.isWordByte) ?? false }
        wordAtEnd = lowered.map { $0.last.map(Self.isWordByte) ?? false }
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// Marks in `found` (one bit per phrase id) every phrase occurring in `text` (UTF-8).
    public func scan(_ text: UnsafeBufferPointer<UInt8>, into found: inout PhraseSet) {
        if phrases.isEmpty || text.isEmpty { return }
        var any: UInt8 = 0
        for b in text { any |= b }
        if any & 0x80 != 0 {
            var lower = String(decoding: text, as: UTF8.self).lowercased()
            lower.withUTF8 { scanFolded($0, into: &found) }
        } else {
            scanFolded(text, into: &found)
        }
    }

    private func scanFolded(_ text: UnsafeBufferPointer<UInt8>, into found: inout PhraseSet) {
        transitions.withUnsafeBufferPointer { table in
            var state = 0
            for i in 0..<text.count {
                state = Int(table[state &* 256 &+ Int(text[i])])
                guard state != 0 else { continue }
                let ids = outputs[state]
                if ids.isEmpty { continue }
                for id in ids {
                    let phrase = Int(id)
                    let end = i + 1
                    let start = end - lowered[phrase].count
                    if wordAtStart[phrase], start > 0, Self.isWordByte(text[start - 1]) { continue }
                    if wordAtEnd[phrase], end < text.count, Self.isWordByte(text[end]) { continue }
                    found.insert(phrase)
                }
            }
        }
    }
}

/// A set of phrase ids (bits), reused from example to example without allocating.
public struct PhraseSet: Sendable, Equatable {
    private var words: [UInt64]

    public init(capacity: Int) { words = [UInt64](repeating: 0, count: max(1, (capacity + 63) / 64)) }

    @inline(__always) public mutating func insert(_ id: Int) { words[id >> 6] |= 1 << UInt64(id & 63) }
    @inline(__always) public func contains(_ id: Int) -> Bool { words[id >> 6] & (1 << UInt64(id & 63)) != 0 }
    public mutating func removeAll() { for i in words.indices { words[i] = 0 } }
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
