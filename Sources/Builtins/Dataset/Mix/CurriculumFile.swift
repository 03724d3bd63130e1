/// The curriculum file `dataset mix` writes beside the mix: the plugin's training phases as a
/// small YAML document a trainer reads (data file, seed, and per phase its learning rate,
/// shuffling, personas and example count).
///
/// The text is deterministic: phases in order, personas in the phase's order (`all` expanded to
/// every persona in declaration order), strings YAML could misread double-quoted, learning
/// rates always written as YAML floats (`2.0e-05`, never `2e-05`, which YAML 1.1 reads as a string).
public enum CurriculumFile {
    /// The YAML document for `phases`, with `counts` the examples per persona in the mix,
    /// `allPersonas` every persona in declaration order, `data` the mix's file name and `seed`
    /// the sampling seed. A phase's `examples` is the sum of its personas' counts.
    public static func yaml(phases: [DatasetTargets.Phase], counts: [String: Int], allPersonas: [String],
                            data: String, seed: UInt64) -> String {
        var out = "# Training curriculum written by persona-host dataset mix.\n"
        out += "data: \(scalar(data))\n"
        out += "seed: \(seed)\n"
        guard !phases.isEmpty else { return out + "phases: []\n" }
        out += "phases:\n"
        for phase in phases {
            let personas = phase.personas ?? allPersonas
            let examples = personas.reduce(0) { $0 + max(0, counts[$1] ?? 0) }
            out += "  - name: \(scalar(phase.name))\n"
            if let purpose = phase.purpose {
                let line = purpose.split(whereSeparator: \.isNewline).joined(separator: " ")
                    .trimmingWhitespace()
                if !line.isEmpty { out += "    # \(line)\n" }
            }
            out += "    learning_rate: \(float(phase.learningRate))\n"
            out += "    shuffle: \(phase.shuffle)\n"
            out += "    examples: \(examples)\n"
            out += "    personas: [\(personas.map(scalar).joined(separator: ", "))]\n"
        }
        return out
    }

    /// `text` as a YAML scalar: bare when it matches `^[A-Za-z_][A-Za-z0-9_./-]*$` and is not a
    /// word YAML reads as a boolean or null, double-quoted with escapes otherwise.
    public static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
        if isPlain(text) && !reserved.contains(text.lowercased()) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A learning rate as a YAML float: a `.` in the mantissa and a signed exponent (`2.0e-05`,
    /// `0.001`, `1.0`); `.nan` and `.inf` for the values that are not numbers.
    public static func float(_ x: Double) -> String {
        if x.isNaN { return ".nan" }
        if x.isInfinite { return x < 0 ? "-.inf" : ".inf" }
        let text = "\(x)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.contains(".") ? text : text + ".0"
        }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }

    /// Whether `text` matches `^[A-Za-z_][A-Za-z0-9_./-]*$` (checked on bytes, no regex engine).
    private static func isPlain(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            let letter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
            let digit = byte >= 48 && byte <= 57
            if first {
                guard letter else { return false }
                first = false
            } else {
                guard letter || digit || byte == 46 || byte == 47 || byte == 45 else { return false }
            }
        }
        return !first
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
