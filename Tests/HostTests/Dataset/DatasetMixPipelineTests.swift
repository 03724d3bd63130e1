import Foundation
import Testing
import TestSupport
@testable import Builtins
@testable import Host

@Suite struct DatasetMixPipelineTests {
    func mix(_ inputs: [String], size: Int, out: URL, seed: UInt64 = 3, workers: Int = 2, strict: Bool = false) throws -> MixManifest {
        let (rules, loader) = try DatasetFixture.rules()
        return try DatasetMixPipeline(rules: rules, loader: loader)
            .run(.init(inputs: inputs, size: size, output: out.path, seed: seed, workers: workers, strict: strict))
    }

    func rows(_ folder: URL) throws -> [[String: Any]] {
        try String(contentsOf: folder.appendingPathComponent("data.jsonl"), encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Size 50 from the fixture (coder 40, fixer 10, carer 20, chat 25, rare 5): minimums
    /// coder/fixer/carer 10, chat/rare 2.5 (35); the other 15 go by range width to coder, carer,
    /// chat and rare (fixer has no more): 3.75 each → coder 14, fixer 10, carer 14, chat 6, rare 6.
    /// rare has 5 examples and 2× upsampling: one is written twice.
    @Test func capsTargetsAndUpsamplingGiveExactCounts() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let out = folder.appendingPathComponent("mix")
        let manifest = try mix([input], size: 50, out: out)
        let written = Dictionary(uniqueKeysWithValues: manifest.personas.map { ($0.name, $0.written) })
        #expect(written == ["coder": 14, "fixer": 10, "carer": 14, "chat": 6, "rare": 6])
        #expect(manifest.written == 50 && manifest.repeats == 1)
        #expect(manifest.personas.first { $0.name == "rare" }?.repeats == 1)
        #expect(manifest.categories.map(\.status) == ["within", "within", "within"])
        let data = try rows(out)
        #expect(data.count == 50)
        var counted: [String: Int] = [:]
        for row in data { counted[row["_persona"] as! String, default: 0] += 1 }
        #expect(counted == written)
        let repeats = data.filter { $0["_repeat"] != nil }
        #expect(repeats.count == 1)
        #expect(repeats.first?["_persona"] as? String == "rare" && repeats.first?["_repeat"] as? Int == 1)
        // The repeat follows its original, which is written unmarked.
        let at = try #require(data.firstIndex { $0["_repeat"] != nil })
        #expect(data[at - 1]["id"] as? Int == repeats.first?["id"] as? Int && data[at - 1]["_repeat"] == nil)
        #expect(manifest.inputs.first?.sha256.count == 64)
        #expect(manifest.inputs.first?.examples == 100)
    }

    /// Traits within coder (20 brief, 20 long) meet the brief target of 50%: 7 of its 14. Those
    /// of personas whose examples are all brief (or none) cannot, and say so.
    @Test func traitsAreBalancedWithinPersonasAndShortfallsNamed() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let out = folder.appendingPathComponent("mix")
        let manifest = try mix([input], size: 50, out: out)
        let coder = try #require(manifest.personas.first { $0.name == "coder" })
        #expect(coder.traits.first?.name == "brief" && coder.traits.first?.written == 7)
        let brief = try rows(out).filter { $0["_persona"] as? String == "coder" && ($0["_traits"] as? [String])?.contains("brief") == true }
        #expect(brief.count == 7)
        #expect(manifest.unmet.map(\.subject).sorted() == ["brief in carer", "brief in chat", "brief in fixer", "brief in rare"])
        #expect(manifest.unmet.first { $0.subject == "brief in carer" }?.message.contains("none of its examples are brief") == true)
    }

    @Test func sameSeedSameBytesOtherSeedOtherChoiceSameCounts() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let a = try mix([input], size: 50, out: folder.appendingPathComponent("a"), workers: 1)
        let b = try mix([input], size: 50, out: folder.appendingPathComponent("b"), workers: 3)
        let c = try mix([input], size: 50, out: folder.appendingPathComponent("c"), seed: 99)
        for file in ["data.jsonl", "manifest.json", "curriculum.yaml"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("a/\(file)")) == Data(contentsOf: folder.appendingPathComponent("b/\(file)")), "\(file)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("a/data.jsonl")) != Data(contentsOf: folder.appendingPathComponent("c/data.jsonl")))
        #expect(a.personas.map(\.written) == c.personas.map(\.written))
        #expect(a.personas.map(\.written) == b.personas.map(\.written))
    }

    @Test func theCurriculumListsPhasesWithTheirExamples() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        _ = try mix([input], size: 50, out: folder.appendingPathComponent("mix"))
        let yaml = try String(contentsOf: folder.appendingPathComponent("mix/curriculum.yaml"), encoding: .utf8)
        #expect(yaml.contains("  - name: tech\n    learning_rate: 2.0e-05\n    shuffle: false\n    examples: 24\n    personas: [coder, fixer]"))
        #expect(yaml.contains("examples: 50\n    personas: [coder, fixer, carer, chat, rare]"))
    }

    @Test func strictRefusesUnmetTargetsAndWritesNothing() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let out = folder.appendingPathComponent("mix")
        #expect {
            _ = try mix([input], size: 50, out: out, strict: true)
        } throws: { error in
            guard case .unmet(let messages) = error as? DatasetError else { return false }
            return messages.count == 4 && (error as? DatasetError)?.exitStatus == .failure
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aSizeBeyondWhatTheDataAllowsIsReported() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        // Every example once (coder's 30% cap of 1,000 is above its 40), rare's twice: 40 + 10 +
        // 20 + 25 + 5×2 = 105.
        let manifest = try mix([input], size: 1_000, out: folder.appendingPathComponent("mix"))
        #expect(manifest.written == 105)
        #expect(manifest.repeats == 5)
        #expect(manifest.unmet.first?.kind == "size")
        #expect(manifest.unmet.first?.message == "size: 105 of 1,000 examples: caps and available examples (with upsampling) allow no more")
    }
}
