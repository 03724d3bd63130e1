/// The `<persona:NAME>` control line seed 003 puts before every instruction, so a model learns
/// to switch persona on demand. Tagging removes one already there (rules see the instruction
/// as written, and a re-tag never stacks prefixes) and adds the new one when the plugin asks.
public enum PersonaPrefix {
    /// `<persona:NAME>\n`.
    public static func line(for persona: String) -> String { "<persona:\(persona)>\n" }

    /// `instruction` without a leading `<persona:…>` line.
    public static func strip(_ instruction: String) -> String {
        guard instruction.hasPrefix("<persona:"), let close = instruction.utf8.firstIndex(of: UInt8(ascii: ">")) else { return instruction }
        let utf8 = instruction.utf8
        let afterClose = utf8.index(after: close)
        let name = utf8[utf8.index(utf8.startIndex, offsetBy: 9)..<close]
        guard !name.isEmpty, name.count <= 100, name.allSatisfy({ $0 != 0x0A && $0 != 0x3C }) else { return instruction }
        var rest = afterClose
        if rest < utf8.endIndex, utf8[rest] == 0x0A { rest = utf8.index(after: rest) }
        return String(instruction[rest...])
    }
}
