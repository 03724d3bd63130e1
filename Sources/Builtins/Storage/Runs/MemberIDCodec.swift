/// The storage format of a persona's member list: the user ids as little-endian Int64s, back
/// to back, ascending, in one BLOB (`persona_members.user_ids`).
///
/// Why a BLOB and not one row per member: a run over 570,000 users would otherwise insert
/// 570,000 index entries (seconds, and ~20 MB of b-tree); as a BLOB it is one 4.5 MB write
/// (milliseconds), read back with one copy. Membership questions ("which persona is user 42
/// in?") are answered in Swift after loading, which is what `--members` needs anyway.
/// On little-endian machines (x86-64, arm64) encoding and decoding are plain memory copies.
/// Each list is stored with its ``checksum(_:count:)``, verified when it is loaded.
enum MemberIDCodec {
    /// Runs `body` with the little-endian bytes of `ids` (no copy on little-endian machines).
    static func withEncodedBytes<R>(_ ids: [Int64], _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if 1.littleEndian == 1 {
            return try ids.withUnsafeBytes(body)
        }
        return try ids.map(\.littleEndian).withUnsafeBytes(body)
    }

    /// Decodes a BLOB into ids; nil if its length is not `count` × 8 bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Int64]? {
        guard count >= 0, bytes.count == count * 8 else { return nil }
        var ids = [Int64](repeating: 0, count: count)
        ids.withUnsafeMutableBytes { target in
            if count > 0 { target.copyMemory(from: bytes) }
        }
        if 1.littleEndian != 1 {
            for index in ids.indices { ids[index] = Int64(littleEndian: ids[index]) }
        }
        return ids
    }

    /// The checksum stored beside a member list (`persona_members.checksum`): the
    /// ``BlobChecksum`` of its bytes, seeded with the member count.
    static func checksum(_ bytes: UnsafeRawBufferPointer, count: Int) -> UInt64 {
        BlobChecksum.hash(bytes, seed: UInt64(truncatingIfNeeded: count))
    }

    /// `ids` sorted ascending (returned as is when already sorted: the common case).
    static func sorted(_ ids: [Int64]) -> [Int64] {
        var previous = Int64.min
        for id in ids {
            if id < previous { return ids.sorted() }
            previous = id
        }
        return ids
    }
}
