/// Parses CSV field bytes into typed values without making Strings (the import's hot path).
///
/// - Integers: optional sign, decimal digits, within Int64; spaces and tabs around are ignored.
/// - Numbers: decimal notation with optional sign, fraction and exponent (`3`, `-0.25`, `.5`,
///   `1e-3`), finite; no `inf`, `nan`, hex or thousands separators.
/// - Text: valid UTF-8.
enum FieldParser {
    /// The integer in `bytes`, or nil.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var start = 0, end = bytes.count
        trim(bytes, &start, &end)
        guard start < end else { return nil }
        var negative = false
        if bytes[start] == minus || bytes[start] == plus {
            negative = bytes[start] == minus
            start += 1
            guard start < end else { return nil }
        }
        // Accumulate as a negative number: Int64.min has no positive counterpart.
        var value: Int64 = 0
        for index in start..<end {
            let digit = bytes[index] &- zero
            guard digit <= 9 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// The finite number in `bytes`, or nil. Correctly rounded (the same double as `strtod`).
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var start = 0, end = bytes.count
        trim(bytes, &start, &end)
        guard start < end else { return nil }
        var index = start
        var negative = false
        if bytes[index] == minus || bytes[index] == plus {
            negative = bytes[index] == minus
            index += 1
        }
        // mantissa digits (integer and fraction parts), counted while they fit exactly
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var significant = 0
        while index < end, bytes[index] &- zero <= 9 {
            accumulate(bytes[index], &mantissa, &significant)
            digits += 1
            index += 1
        }
        if index < end, bytes[index] == dot {
            index += 1
            while index < end, bytes[index] &- zero <= 9 {
                accumulate(bytes[index], &mantissa, &significant)
                digits += 1
                fractionDigits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        var hasExponent = false
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < end, bytes[index] == minus || bytes[index] == plus { index += 1 }
            let exponentStart = index
            while index < end, bytes[index] &- zero <= 9 { index += 1 }
            guard index > exponentStart else { return nil }
        }
        guard index == end else { return nil }

        // Fast path (Clinger): an exact integer mantissa below 2^53 divided by an exact power
        // of ten is one correctly rounded IEEE operation.
        if !hasExponent, significant <= 15, fractionDigits < powersOfTen.count {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// True if `bytes` is valid UTF-8 (ASCII checked eight bytes at a time).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return String(validating: bytes, as: UTF8.self) != nil
            }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return String(validating: bytes, as: UTF8.self) != nil }
            index += 1
        }
        return true
    }

    @inline(__always) private static func accumulate(_ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int) {
        // Leading zeros are not significant; past 19 digits the fast path is off anyway.
        if significant == 0 && byte == zero { return }
        significant += 1
        if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(byte &- zero) }
    }

    @inline(__always) private static func trim(_ bytes: UnsafeRawBufferPointer, _ start: inout Int, _ end: inout Int) {
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
    }

    /// 10^0 … 10^22: every one exact in a Double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

private let minus = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let dot = UInt8(ascii: ".")
private let zero = UInt8(ascii: "0")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
