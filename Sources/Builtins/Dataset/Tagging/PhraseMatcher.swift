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
    /// transitions[state × classCount + classes[byte]]: the next state's row offset
    /// (next × classCount), negated (as -1 - offset) when phrases end there. Bytes that no phrase holds share one class (as do a letter's two
    /// cases), so the table stays small enough for the cache.
    private let transitions: [Int32]
    private let classes: [UInt8]
    private let classCount: Int
    /// Phrase ids ending at each state (its own and those of its suffix states), flattened:
    /// state s's are outputIDs[outputStart[s]..<outputStart[s + 1]].
    private let outputIDs: [Int32]
    private let outputStart: [Int32]
    private let lengths: [Int]
    /// The longest phrase, in bytes.
    private let longest: Int
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
        var ids: [Int32] = []
        var starts: [Int32] = [0]
        for state in out.indices {
            ids += out[state]
            starts.append(Int32(ids.count))
        }
        // Byte classes: one per byte some phrase holds (capitals with their lowercase), one for the rest.
        var byteClass = [UInt8](repeating: 0, count: 256)
        var count = 1
        for b in 0..<256 where lowered.contains(where: { $0.contains(UInt8(b)) }) && !(0x41...0x5A).contains(b) {
            byteClass[b] = UInt8(count)
            count += 1
        }
        for b in 0x41...0x5A { byteClass[b] = byteClass[b + 0x20] }
        var representative = [Int](repeating: 0, count: count)
        for b in (0..<256).reversed() { representative[Int(byteClass[b])] = b }
        // Class 0 stands for bytes no phrase holds: any of them leads where the first such byte does.
        representative[0] = (0..<256).first { byteClass[$0] == 0 } ?? 0
        var compact = [Int32](repeating: 0, count: goto.count * count)
        for state in 0..<goto.count {
            for c in 0..<count { compact[state * count + c] = table[state * 256 + representative[c]] }
        }
        // Entries hold the next state's row offset (state × classes), so a step is one add and one
        // load; negated (as -1 - offset) when phrases end there.
        for i in compact.indices {
            let next = Int(compact[i])
            compact[i] = Int32(next * count)
            if !out[next].isEmpty { compact[i] = -1 - compact[i] }
        }
        transitions = compact
        classes = byteClass
        classCount = count
        outputIDs = ids
        outputStart = starts
        lengths = lowered.map(\.count)
        longest = max(1, lowered.map(\.count).max() ?? 1)
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

    /// Runs the automaton over `text`. A long text is scanned as two halves at once, two
    /// independent chains of table lookups the processor overlaps: the second starts the longest
    /// phrase's length before the middle (so it knows every phrase that ends past the middle)
    /// and reports only those; the first reports the ones ending up to the middle.
    private func scanFolded(_ text: UnsafeBufferPointer<UInt8>, into found: inout PhraseSet) {
        transitions.withUnsafeBufferPointer { table in
          classes.withUnsafeBufferPointer { classes in
            let width = classCount
            let n = text.count
            let mid = n >= 128 ? n / 2 : n
            var rowA = 0, rowB = 0
            var i = 0
            var j = max(0, mid - (longest - 1))
            // Both halves while the first lasts; then the rest of the second.
            while i < mid {
                let nextA = Int(table[rowA &+ Int(classes[Int(text[i])])])
                let nextB = j < n ? Int(table[rowB &+ Int(classes[Int(text[j])])]) : 0
                if nextA >= 0 { rowA = nextA } else {
                    rowA = -1 - nextA
                    report(rowA / width, endingAt: i + 1, in: text, into: &found)
                }
                if j < n {
                    if nextB >= 0 { rowB = nextB } else {
                        rowB = -1 - nextB
                        if j + 1 > mid { report(rowB / width, endingAt: j + 1, in: text, into: &found) }
                    }
                    j += 1
                }
                i += 1
            }
            while j < n {
                let next = Int(table[rowB &+ Int(classes[Int(text[j])])])
                if next >= 0 { rowB = next } else {
                    rowB = -1 - next
                    if j + 1 > mid { report(rowB / width, endingAt: j + 1, in: text, into: &found) }
                }
                j += 1
            }
          }
        }
    }

    /// Marks the phrases that end in `state` at `end`, when they are whole words there.
    @inline(__always) private func report(_ state: Int, endingAt end: Int, in text: UnsafeBufferPointer<UInt8>, into found: inout PhraseSet) {
        for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let phrase = Int(outputIDs[k])
            let start = end - lengths[phrase]
            if wordAtStart[phrase], start > 0, Self.isWordByte(text[start - 1]) { continue }
            if wordAtEnd[phrase], end < text.count, Self.isWordByte(text[end]) { continue }
            found.insert(phrase)
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
