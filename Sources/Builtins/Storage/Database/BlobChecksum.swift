/// The checksum stored beside every BLOB persona-host reads back as numbers (column-cache
/// columns, run member lists): XXH64 (xxHash, 64-bit, seed 0 unless given) over the bytes.
///
/// Why: SQLite keeps no checksum of its pages, so bytes damaged inside a BLOB are read back
/// without complaint, and a damaged column would give wrong figures with exit 0. Each BLOB's
/// checksum is computed when it is written and verified on every load.
///
/// Why XXH64: it reads 32 bytes a step in four independent lanes, so a pass over a column is
/// limited by memory bandwidth, not by a dependency chain as byte-wise FNV-1a or table CRC32
/// would be (measured in a release build: a million Float64s, 8 MB, in 0.55 ms, ~15 GB/s, where
/// copying them takes 0.40 ms). It is a published algorithm with test vectors (checked by the
/// tests), so a stored value can be verified by any other xxHash implementation. Not a
/// cryptographic hash: it detects damage, not tampering.
enum BlobChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of `bytes` with `seed`.
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return finish(seed &+ prime5, tail: bytes, from: 0, length: 0) }
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            let limit = count - 32
            while offset <= limit {
                v1 = round(v1, load(base, offset))
                v2 = round(v2, load(base, offset + 8))
                v3 = round(v3, load(base, offset + 16))
                v4 = round(v4, load(base, offset + 24))
                offset += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        return finish(hash, tail: bytes, from: offset, length: count)
    }

    /// XXH64 of the bytes of `values` (their in-memory, here little-endian, representation).
    static func hash<T>(_ values: [T], seed: UInt64 = 0) -> UInt64 {
        values.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// XXH64 of a string's UTF-8 bytes.
    static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The last (< 32) bytes and the avalanche.
    @inline(__always)
    private static func finish(_ start: UInt64, tail bytes: UnsafeRawBufferPointer, from offset: Int, length: Int) -> UInt64 {
        var hash = start &+ UInt64(length)
        var offset = offset
        if let base = bytes.baseAddress {
            while offset + 8 <= length {
                hash ^= round(0, load(base, offset))
                hash = rotate(hash, 27) &* prime1 &+ prime4
                offset += 8
            }
            if offset + 4 <= length {
                let word = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                hash ^= UInt64(word) &* prime1
                hash = rotate(hash, 23) &* prime2 &+ prime3
                offset += 4
            }
            while offset < length {
                hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
                hash = rotate(hash, 11) &* prime1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }

    @inline(__always) private static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func merge(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

extension UInt64 {
    /// The checksum as SQLite stores it (an INTEGER is a signed 64-bit value).
    var storedChecksum: Int64 { Int64(bitPattern: self) }
}
