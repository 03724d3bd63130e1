import Foundation

/// Finds the line a top-level key of a TOML document is written on, for messages: TOMLKit
/// gives values without their positions.
///
/// It reads the document line by line, outside multi-line strings: a key is the text before
/// `=` (or before the first `.` of a dotted key), bare or quoted, on a line before any table
/// header; a table header `[key]`, `[key.sub]` or `[[key]]` places `key` at its line.
struct ConfigKeyLocator {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line where `key` is first given at the top level, or nil.
    func line(of key: String) -> Int? {
        var inMultiline: String?
        var topLevel = true
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let delimiter = inMultiline {
                if line.components(separatedBy: delimiter).count % 2 == 0 { inMultiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                if Self.firstKey(of: String(inner)) == key { return offset + 1 }
                topLevel = false
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            if topLevel, Self.firstKey(of: String(line[..<equals])) == key { return offset + 1 }
            let value = line[line.index(after: equals)...]
            for delimiter in ["\"\"\"", "'''"] where value.components(separatedBy: delimiter).count == 2 {
                inMultiline = delimiter
            }
        }
        return nil
    }

    /// The first part of a (possibly dotted, possibly quoted) key: `a`, `"a b"`, `a.b` → `a`.
    static func firstKey(of text: String) -> String {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let quote = text.first, quote == "\"" || quote == "'" {
            return String(text.dropFirst().prefix { $0 != quote })
        }
        return String(text.prefix { $0 != "." && $0 != " " && $0 != "\t" })
    }
}
