import Foundation
import Testing
@testable import Plugins
import TestSupport

/// `PluginScaffold`: what each kind's files declare, how names become Lua, and the atomic writer.
@Suite struct PluginScaffoldTests {
    /// Writes `scaffold` into a fresh folder and loads that folder.
    func load(_ scaffold: PluginScaffold) throws -> (folder: URL, set: PluginSet) {
        let folder = try Support.temporaryFolder()
        try scaffold.write(into: folder, display: "plugins")
        return (folder, try PluginLoader().loadAll(from: folder))
    }

    @Test func eachKindLoadsAsWhatItSaysItIs() throws {
        for kind in PluginScaffold.Kind.allCases {
            let scaffold = try PluginScaffold(name: "new_\(kind.rawValue)", kind: kind)
            let (folder, set) = try load(scaffold)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(set.failures.isEmpty, "\(kind): \(set.failures.map(\.error.description))")
            let contract = try #require(set.plugins.first).contract
            switch kind {
            case .goal:
                #expect(contract.intents.map(\.category) == ["new_goal"])
                #expect(contract.intents.first?.terms == ["new goal"])
                #expect(contract.domain?.selectedBy == ["new_goal"])
                #expect(contract.domain?.features.map(\.name).sorted() == ["price_focus", "privacy_concern", "tech_affinity"])
                #expect(scaffold.files.map(\.path) == ["init.lua", "tests/new_goal_test.lua", "tests/users.csv"])
            case .formulation:
                #expect(contract.formulation?.ingredients.count == 5)
                #expect(contract.formulation?.personas.map(\.id) == ["everyday", "sensitive"])
                #expect(contract.domain == nil)
            case .learning:
                #expect(contract.learningPersonas.map(\.id) == ["new_learning"])
                #expect(contract.learningPersonas.first?.traits.map(\.name) == ["detail", "formality"])
                #expect(contract.feedback.keys.sorted() == ["categorical"])
            case .tagging:
                #expect(contract.tagging?.rules != nil && contract.tagging?.targets != nil)
            case .photos:
                #expect(contract.photos?.scores.map(\.name) == ["face", "resolution"])
                #expect(contract.photos?.reject != nil)
            }
        }
    }

    @Test func namesBecomeTermsNounsAndLuaKeys() throws {
        let hyphen = try PluginScaffold(name: "pet-owners", kind: .goal)
        let source = try #require(hyphen.files.first).contents
        #expect(source.contains(#"local TERM = "pet owners""#))
        #expect(source.contains(#"local NOUN = "Pet Owner""#))
        #expect(source.contains(#"["pet-owners"] = {"#))
        #expect(hyphen.goal == "pet owners")
        // A Lua keyword is a valid plugin name: it must be written as a quoted key.
        let keyword = try PluginScaffold(name: "end", kind: .learning)
        #expect(try #require(keyword.files.first).contents.contains(#"["end"] = {"#))
        let (folder, set) = try load(keyword)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(set.failures.isEmpty)
    }

    @Test func refusesInvalidNames() {
        for name in ["", "Pets", "9lives", "_x", "pet owners", "pets!", String(repeating: "a", count: 65)] {
            #expect(throws: ScaffoldError.self, "\(name)") { try PluginScaffold(name: name, kind: .tagging) }
        }
        #expect(throws: Never.self) { try PluginScaffold(name: String(repeating: "a", count: 64), kind: .tagging) }
    }

    @Test func writesAllOrNothingAndNeverOverwrites() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scaffold = try PluginScaffold(name: "tone", kind: .tagging)
        let written = try scaffold.write(into: folder, display: "dir")
        #expect(written.lastPathComponent == "tone")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tone"])  // no temporary folder left
        let first = try String(contentsOf: written.appendingPathComponent("init.lua"), encoding: .utf8)
        #expect(first == scaffold.files[0].contents)

        try "-- mine\n".write(to: written.appendingPathComponent("init.lua"), atomically: true, encoding: .utf8)
        #expect {
            try scaffold.write(into: folder, display: "dir")
        } throws: { error in
            (error as? ScaffoldError)?.description == "dir/tone already exists; plugins new never overwrites: choose another NAME, or move it away"
        }
        #expect(try String(contentsOf: written.appendingPathComponent("init.lua"), encoding: .utf8) == "-- mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tone"])

        #expect(throws: ScaffoldError.self) { try scaffold.write(into: folder.appendingPathComponent("missing"), display: "missing") }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
    }
}
