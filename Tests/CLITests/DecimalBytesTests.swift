import Testing
@testable import persona_host

/// Integers written as ASCII digits into the members files' byte buffers.
@Suite struct DecimalBytesTests {
    @Test(arguments: [Int64(0), 7, 10, 99, 100, 1_042, -5, -100, Int64.max, Int64.min])
    func digitsMatchSwiftsOwn(n: Int64) {
        var bytes: [UInt8] = [65]
        bytes.appendDecimal(n)
        #expect(String(decoding: bytes, as: UTF8.self) == "A\(n)")
    }
}
