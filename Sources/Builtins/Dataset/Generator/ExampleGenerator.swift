/// A deterministic stream of synthetic instruction examples (JSONL), so `dataset` tests and
/// benchmarks need no download: `persona-host dataset generate` writes it to a file.
///
/// Each line is `{"id":N,"source":"…","instruction":"…","input":"…","output":"…"}` (ids from 1),
/// and about 5% carry one more field (`"meta":{"lang":"en","turns":3}` or `"score":0.87`) that a
/// pipeline must keep. Sources, personas and reply styles follow `plugins/dataset_personas`:
/// half the lines come from the seed datasets its `sources.lua` claims, half from general
/// collections its rules must place (a few percent match no rule), and replies are formal,
/// casual, brief, detailed, supportive or numbered steps in realistic proportions.
///
/// The same seed gives a byte-identical stream on every run and machine (its own xoshiro256**
/// generator; nothing from `Hasher` or the system). Lines are assembled from texts encoded and
/// JSON-escaped once, so writing a line is copying bytes.
public struct ExampleGenerator: Sendable {
    private var random: ExampleRandom
    private var nextID: Int64 = 1

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        random = ExampleRandom(seed: seed)
    }

    /// How many lines `appendLine` has produced so far.
    public var linesWritten: Int64 { nextID - 1 }

    /// Appends the next example to `buffer` as one JSON object followed by `"\n"`.
    public mutating func appendLine(to buffer: inout [UInt8]) {
        let source = ExampleSources.all[random.pick(ExampleSources.table)]
        let kindID = source.kinds[random.pick(source.kindTable)]
        let kind = ExampleKind.all[kindID.rawValue]

        buffer.append(contentsOf: Bytes.id)
        buffer.appendExampleDigits(nextID)
        nextID += 1
        buffer.append(contentsOf: Bytes.source)
        buffer.append(contentsOf: source.name.bytes)
        buffer.append(contentsOf: Bytes.instruction)
        _ = append(random.pick(kind.instructions), kind, to: &buffer)
        buffer.append(contentsOf: Bytes.input)
        var turns = 1
        if source.multiTurn && random.chance(per1000: 250) {
            turns = random.inRange(2...6)
            buffer.append(contentsOf: Bytes.user)
            _ = append(random.pick(kind.instructions), kind, to: &buffer)
            buffer.append(contentsOf: Bytes.assistant)
            _ = append(random.pick(kind.bodies), kind, to: &buffer)
        } else if random.chance(per1000: kind.inputPer1000) {
            _ = append(random.pick(kind.inputs), kind, to: &buffer)
        }
        buffer.append(contentsOf: Bytes.output)
        appendReply(kind, to: &buffer)
        buffer.append(0x22)
        if random.chance(per1000: 50) {
            if source.multiTurn || random.chance(per1000: 500) {
                buffer.append(contentsOf: Bytes.meta)
                buffer.appendExampleDigits(Int64(max(turns, 1) * 2))
                buffer.append(0x7D)
            } else {
                buffer.append(contentsOf: Bytes.score)
                buffer.appendExampleDigits(Int64(random.inRange(50...99)))
            }
        }
        buffer.append(0x7D)
        buffer.append(0x0A)
    }

    /// The reply: an opener, the kind's sentences mixed with the register's, perhaps numbered
    /// steps or a code block, a closer, until the drawn length class is reached.
    private mutating func appendReply(_ kind: ExampleKind, to buffer: inout [UInt8]) {
        let voice = ExampleStyle.voices[random.pick(ExampleStyle.registers)]
        let lengthClass = random.pick(ExampleStyle.lengthClasses)
        let bounds = ExampleStyle.lengths[lengthClass]
        let target = random.inRange(bounds)
        var words = 0
        var started = false
        if random.chance(per1000: 650) {
            words += append(random.pick(voice.openers), kind, to: &buffer)
            started = true
        }
        if lengthClass > 0 && kind.stepwise && random.chance(per1000: 400) {
            let count = lengthClass == 1 ? random.inRange(3...4) : random.inRange(4...7)
            for step in 1...count {
                if started { buffer.append(contentsOf: Bytes.newline) }
                buffer.appendExampleDigits(Int64(step))
                buffer.append(contentsOf: Bytes.stepDot)
                words += 1 + append(random.pick(kind.bodies), kind, to: &buffer)
                started = true
            }
        }
        if lengthClass > 0 && !kind.blocks.isEmpty && random.chance(per1000: 450) {
            if started { buffer.append(contentsOf: Bytes.paragraph) }
            words += append(random.pick(kind.blocks), kind, to: &buffer)
            buffer.append(contentsOf: Bytes.paragraph)
            started = false
        }
        // Sentences are not repeated within a reply while the pools last (bit i: sentence i used).
        var usedBodies: UInt64 = 0, usedFillers: UInt64 = 0
        while words < target {
            let fromKind = random.chance(per1000: 650)
            let pool = fromKind ? kind.bodies : voice.fillers
            var index = random.below(pool.count)
            let used = fromKind ? usedBodies : usedFillers
            var tries = 0
            while used & (1 << UInt64(index & 63)) != 0 && tries < pool.count {
                index = index + 1 == pool.count ? 0 : index + 1
                tries += 1
            }
            if tries == pool.count {
                // This pool is used up: stop when the other one is too.
                let other = fromKind ? (usedFillers, voice.fillers.count) : (usedBodies, kind.bodies.count)
                if other.0.nonzeroBitCount >= other.1 { break }
                continue
            }
            if fromKind { usedBodies |= 1 << UInt64(index & 63) } else { usedFillers |= 1 << UInt64(index & 63) }
            let sentence = pool[index]
            if words > 0 && words + sentence.words > bounds.upperBound { break }
            if started { buffer.append(0x20) }
            words += append(sentence, kind, to: &buffer)
            started = true
        }
        if random.chance(per1000: 550) {
            let closer = random.pick(voice.closers)
            if lengthClass > 0 || words + closer.words <= bounds.upperBound {
                if started { buffer.append(0x20) }
                words += append(closer, kind, to: &buffer)
                started = true
            }
        }
        if random.chance(per1000: 20) {
            if started { buffer.append(0x20) }
            _ = append(random.pick(ExampleStyle.unicode), kind, to: &buffer)
        }
    }

    /// Appends `template` with its slots filled; returns its word count.
    @discardableResult
    private mutating func append(_ template: Template, _ kind: ExampleKind, to buffer: inout [UInt8]) -> Int {
        for piece in template.pieces {
            switch piece {
            case .text(let bytes):
                buffer.append(contentsOf: bytes)
            case .slot(let slot):
                switch slot {
                case .topic: buffer.append(contentsOf: random.pick(kind.topics).bytes)
                case .lang: buffer.append(contentsOf: random.pick(SlotValues.langs).bytes)
                case .name: buffer.append(contentsOf: random.pick(SlotValues.names).bytes)
                case .place: buffer.append(contentsOf: random.pick(SlotValues.places).bytes)
                case .thing: buffer.append(contentsOf: random.pick(SlotValues.things).bytes)
                case .food: buffer.append(contentsOf: random.pick(SlotValues.foods).bytes)
                case .n: buffer.appendExampleDigits(Int64(random.inRange(2...99)))
                case .big: buffer.appendExampleDigits(Int64(random.inRange(100...9999)))
                case .year: buffer.appendExampleDigits(Int64(random.inRange(1820...2023)))
                }
            }
        }
        return template.words
    }

    /// The fixed parts of a line, as bytes.
    private enum Bytes {
        static let id = Array(#"{"id":"#.utf8)
        static let source = Array(#","source":""#.utf8)
        static let instruction = Array(#"","instruction":""#.utf8)
        static let input = Array(#"","input":""#.utf8)
        static let output = Array(#"","output":""#.utf8)
        static let meta = Array(#","meta":{"lang":"en","turns":"#.utf8)
        static let score = Array(#","score":0."#.utf8)
        static let user = Array(#"User: "#.utf8)
        static let assistant = Array(#"\nAssistant: "#.utf8)
        static let newline = Array(#"\n"#.utf8)
        static let paragraph = Array(#"\n\n"#.utf8)
        static let stepDot = Array(". ".utf8)
    }
}

extension Array where Element == UInt8 {
    /// Appends a non-negative `value` in decimal ASCII (no `String` on the way).
    @inline(__always)
    mutating func appendExampleDigits(_ value: Int64) {
        var rest = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= rest / 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: rest / divisor) + 48)
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
