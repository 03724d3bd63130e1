/// Assigns each distinct UTF-8 byte string a dense code (0, 1, 2, … in order of first
/// appearance), looking values up by their bytes, so encoding a fetched row makes no `String`.
///
/// An open-addressing hash table (word-wise hash, linear probing, grown at half full) over one byte
/// arena. Used by the columnar fetch to dictionary-encode TEXT columns, and by stats.
struct TextDictionaryEncoder {
    /// All distinct values' bytes, back to back.
    private var arena: [UInt8] = []
    /// Start of each code's bytes in `arena`, plus one final end offset.
    private var bounds: [Int] = [0]
    /// Each code's hash (to grow the table without rehashing bytes).
    private var hashes: [UInt64] = []
    /// Hash slots: a code, or -1 when empty.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of distinct values seen.
    var count: Int { hashes.count }

    /// The code of `bytes`, adding it if new.
    mutating func code(for bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash && equals(Int(code), bytes) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        bounds.append(arena.count)
        slots[slot] = code
        if hashes.count * 2 > slots.count { grow() }
        return code
    }

    /// The distinct values as strings, indexed by code.
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { buffer in
            (0..<hashes.count).map { code in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[bounds[code]..<bounds[code + 1]]), as: UTF8.self)
            }
        }
    }

    private func equals(_ code: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = bounds[code], end = bounds[code + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBytes { stored in
            bytes.count == 0 || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }

    /// A 64-bit hash of the bytes, eight at a time (multiply-xorshift mixing per word).
    @inline(__always) private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
