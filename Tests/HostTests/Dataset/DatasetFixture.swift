import Foundation
import Host
import Plugins
import TestSupport

/// The dataset tests' fixture: the `fixture_tags` plugin and 100 examples whose tags are
/// known by construction (interleaved, so every batch and part mixes them):
///
/// | persona | examples | how | traits |
/// |---|---|---|---|
/// | fixer | 10 | source toolbench | brief |
/// | coder | 40 | "python" | 20 brief, 20 long |
/// | carer | 20 | "anxious" | long, casual |
/// | rare | 5 | "tarot", 5-word reply | brief |
/// | chat | 25 | nothing (fallback) | brief, casual |
enum DatasetFixture {
    static let plugins = Support.fixture("dataset-plugins")

    static func rules() throws -> (DatasetRules, PluginLoader) {
        let loader = PluginLoader()
        let set = try loader.loadAll(from: plugins)
        guard set.failures.isEmpty else { throw FixtureError(description: set.failures.map(\.error.description).joined(separator: "\n")) }
        return (try DatasetRules(from: set, named: nil), loader)
    }

    struct FixtureError: Error, CustomStringConvertible { var description: String }

    /// The 100 example lines, in file order.
    static var lines: [String] {
        var kinds: [String] = []
        kinds += Array(repeating: "fixer", count: 10)
        kinds += Array(repeating: "coder-brief", count: 20)
        kinds += Array(repeating: "coder-long", count: 20)
        kinds += Array(repeating: "carer", count: 20)
        kinds += Array(repeating: "rare", count: 5)
        kinds += Array(repeating: "chat", count: 25)
        // A fixed interleaving: position i takes kinds[(i * 37) % 100] (37 is prime to 100).
        return (0..<100).map { i in line(id: i + 1, kind: kinds[(i * 37) % 100]) }
    }

    static func line(id: Int, kind: String) -> String {
        let (source, instruction, output): (String, String, String) = switch kind {
        case "fixer": ("toolbench", "call it", "ok done")
        case "coder-brief": ("alpaca", "Write python code #\(id)", "Sure, here it is.")
        case "coder-long": ("alpaca", "Write python code #\(id)", "Here is a longer answer with many words in it")
        case "carer": ("dolly", "I feel anxious today", "It's okay, I'm here with you now")
        case "rare": ("dolly", "read my tarot", "The tower card means change")
        default: ("dolly", "hello there", "yeah hi")
        }
        return #"{"id":\#(id),"source":"\#(source)","instruction":"\#(instruction)","input":"","output":"\#(output)","score":0.\#(id % 10)}"#
    }

    /// Writes the examples (plus `extra` lines) to `name` in `folder`, gzip-compressed when
    /// `name` ends in `.gz`.
    @discardableResult
    static func write(to folder: URL, name: String = "examples.jsonl", extra: [String] = []) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let text = (lines + extra).joined(separator: "\n") + "\n"
        if name.hasSuffix(".gz") {
            let plain = String(path.dropLast(3))
            try text.write(toFile: plain, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-f", plain]
            try process.run()
            process.waitUntilExit()
        } else {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return path
    }
}
