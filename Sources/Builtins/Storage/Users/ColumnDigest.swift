/// A streaming digest of one `users` column, row by row in `user_id` order: the building block
/// of ``UsersFingerprint``'s content hash.
///
/// Each row is one 64-bit word (``integer(_:)``, ``real(_:)``, ``text(_:)``; 0 for NULL) plus one
/// bit of a NULL bitmap, so a NULL and a value whose word is 0 differ. Words and bitmap are
/// hashed in chunks of ``chunkRows`` with ``BlobChecksum`` (XXH64), each chunk seeded with the
/// hash so far; the chunking depends only on the row count, so the same column gives the same
/// digest whichever way its values arrive (a bulk writer's values in memory, or a scan of the
/// table). Not cryptographic: it tells whether the data changed, not whether someone forged it.
struct ColumnDigest {
    /// Rows per hashed chunk (a multiple of 64, for the bitmap).
    static let chunkRows = 4096

    private var words: [UInt64] = []
    private var nullBits = [UInt64](repeating: 0, count: ColumnDigest.chunkRows / 64)
    private var valuesHash: UInt64 = 0
    private var nullsHash: UInt64 = 0
    private(set) var rows = 0
    private(set) var nulls = 0

    init() {
        words.reserveCapacity(Self.chunkRows)
    }

    /// Adds a row with a value.
    @inline(__always) mutating func append(_ word: UInt64) {
        words.append(word)
        rows += 1
        if words.count == Self.chunkRows { flush() }
    }

    /// Adds a NULL row.
    @inline(__always) mutating func appendNull() {
        let position = words.count
        nullBits[position >> 6] |= 1 << UInt64(position & 63)
        nulls += 1
        append(0)
    }

    /// The digest of the rows so far (the digest itself is not changed).
    func finish() -> UInt64 {
        var copy = self
        copy.flush()
        return BlobChecksum.hash([copy.valuesHash, copy.nullsHash, UInt64(copy.rows), UInt64(copy.nulls)])
    }

    private mutating func flush() {
        guard !words.isEmpty else { return }
        valuesHash = BlobChecksum.hash(words, seed: valuesHash)
        nullsHash = BlobChecksum.hash(nullBits, seed: nullsHash)
        words.removeAll(keepingCapacity: true)
        for index in nullBits.indices { nullBits[index] = 0 }
    }

    // MARK: Words

    /// An INTEGER value.
    @inline(__always) static func integer(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) }

    /// A REAL value (-0.0 as 0.0: SQLite may store an integral REAL as an integer, losing the sign).
    @inline(__always) static func real(_ value: Double) -> UInt64 { (value + 0.0).bitPattern }

    /// A TEXT value, by its UTF-8 bytes.
    @inline(__always) static func text(_ bytes: UnsafeRawBufferPointer) -> UInt64 { BlobChecksum.hash(bytes, seed: textSeed) }

    /// A TEXT value given as a String.
    static func text(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { text(UnsafeRawBufferPointer($0)) }
    }

    /// A value whose type its column forbids (only a damaged file has one): hashed with its
    /// SQLite type, so the digest still changes when it does.
    static func other(type: Int32, bytes: UnsafeRawBufferPointer) -> UInt64 {
        BlobChecksum.hash(bytes, seed: 0x5EED_0000 &+ UInt64(UInt32(bitPattern: type)))
    }

    private static let textSeed: UInt64 = 0x7E47
}
