import Foundation
import Testing
@testable import Builtins

@Suite struct BlobChecksumTests {
    /// Reference values from the xxHash library itself (libxxhash 0.8.1, `XXH64`).
    @Test func matchesTheReferenceXXH64() {
        func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 { bytes.withUnsafeBytes { BlobChecksum.hash($0, seed: seed) } }
        #expect(hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(hash(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
        #expect(hash((0..<4).flatMap { _ in (0...255).map(UInt8.init) } + Array("xyz".utf8)) == 0xE146_CB31_B65B_C21A)
        #expect(hash((0..<100).map(UInt8.init), seed: 12_345) == 0x028B_A1AE_2DE4_DE27)
        #expect(BlobChecksum.hash("abc") == 0x44BC_2CF5_AD77_0999)
    }

    @Test func everySingleByteChangeIsDetected() {
        var bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let original = bytes.withUnsafeBytes { BlobChecksum.hash($0) }
        for index in bytes.indices {
            bytes[index] ^= 0x40
            #expect(bytes.withUnsafeBytes { BlobChecksum.hash($0) } != original, "byte \(index)")
            bytes[index] ^= 0x40
        }
    }
}
