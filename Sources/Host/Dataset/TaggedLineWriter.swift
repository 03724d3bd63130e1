import Builtins

/// Writes a tagged example: every field as it was written, in its order, except `instruction`
/// (its `<persona:…>` line replaced or removed) and `_persona`/`_traits` (written anew at the
/// end). Numbers, nested values and escapes of the other fields are copied byte for byte.
enum TaggedLineWriter {
    /// Appends the tagged form of `line` (scanned into `scanned`) and a newline to `out`.
    static func append(_ line: UnsafeBufferPointer<UInt8>, scanned: ExampleLine, decision: TagDecision, prefix: Bool,
                       repeatIndex: Int = 0, to out: inout [UInt8]) {
        out.append(0x7B)
        var first = true
        for field in scanned.fields {
            if field.name == "_persona" || field.name == "_traits" || field.name == "_repeat" { continue }
            if !first { out.append(0x2C) }
            first = false
            if field.name == "instruction", let instruction = scanned.strings["instruction"] {
                JSONStringWriter.appendKey("instruction", to: &out)
                let plain = PersonaPrefix.strip(instruction)
                JSONStringWriter.append(prefix ? PersonaPrefix.line(for: decision.persona) + plain : plain, to: &out)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[field.range]))
            }
        }
        if !first { out.append(0x2C) }
        JSONStringWriter.appendKey("_persona", to: &out)
        JSONStringWriter.append(decision.persona, to: &out)
        out.append(0x2C)
        JSONStringWriter.appendKey("_traits", to: &out)
        out.append(0x5B)
        for (i, trait) in decision.traits.enumerated() {
            if i > 0 { out.append(0x2C) }
            JSONStringWriter.append(trait, to: &out)
        }
        out.append(0x5D)
        if repeatIndex > 0 {
            out.append(0x2C)
            JSONStringWriter.appendKey("_repeat", to: &out)
            out.append(contentsOf: Array(String(repeatIndex).utf8))
        }
        out.append(0x7D)
        out.append(0x0A)
    }
}
