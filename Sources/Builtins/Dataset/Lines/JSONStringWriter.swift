/// Appends JSON text to a byte buffer: strings quoted and escaped as RFC 8259 requires
/// (`"`, `\`, control characters), everything else as UTF-8, so the output of the dataset
/// commands is valid JSON whatever the plugin or the input put in a string.
public enum JSONStringWriter {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string literal.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &out) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal.
    public static func append(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            runStart = i + 1
            out.append(0x5C)
            switch b {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x0A: out.append(0x6E)
            case 0x0D: out.append(0x72)
            case 0x09: out.append(0x74)
            case 0x08: out.append(0x62)
            case 0x0C: out.append(0x66)
            default:
                out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        out.append(0x22)
    }

    /// Appends `"name":` (the name escaped).
    public static func appendKey(_ name: String, to out: inout [UInt8]) {
        append(name, to: &out)
        out.append(0x3A)
    }
}
