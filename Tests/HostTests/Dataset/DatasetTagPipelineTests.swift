import Foundation
import Testing
import TestSupport
@testable import Builtins
@testable import Host

@Suite struct DatasetTagPipelineTests {
    func tag(_ inputs: [String], out: URL, maxErrors: Int = 0, workers: Int = 2) throws -> DatasetTagPipeline.Report {
        let (rules, loader) = try DatasetFixture.rules()
        return try DatasetTagPipeline(rules: rules, loader: loader)
            .run(.init(inputs: inputs, output: out.path, maxErrors: maxErrors, workers: workers))
    }

    func objects(_ path: URL) throws -> [[String: Any]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func everyExampleGetsItsPersonaTraitsAndPrefixOtherFieldsKept() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let report = try tag([input], out: folder.appendingPathComponent("out"))
        let counts = Dictionary(uniqueKeysWithValues: report.summary.personas.map { ($0.name, $0.count) })
        #expect(counts == ["coder": 40, "fixer": 10, "carer": 20, "chat": 25, "rare": 5])
        let traits = Dictionary(uniqueKeysWithValues: report.summary.traits.map { ($0.name, $0.count) })
        #expect(traits == ["brief": 60, "long": 40, "casual": 45])
        #expect(report.summary.fallback == 25)
        let rows = try objects(folder.appendingPathComponent("out/examples.jsonl"))
        #expect(rows.count == 100)
        #expect(rows.map { $0["id"] as? Int } == (1...100).map { $0 })
        for row in rows {
            let persona = try #require(row["_persona"] as? String)
            #expect((row["instruction"] as? String)?.hasPrefix("<persona:\(persona)>\n") == true)
            #expect(row["score"] != nil && row["source"] != nil && row["input"] as? String == "")
        }
        let carer = try #require(rows.first { $0["_persona"] as? String == "carer" })
        #expect(carer["_traits"] as? [String] == ["casual", "long"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/tagging.json").path))
    }

    @Test func sameOutputForAnyNumberOfWorkersAndBatchBoundaries() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        var outputs: [Data] = []
        for workers in [1, 2, 5] {
            let out = folder.appendingPathComponent("out\(workers)")
            _ = try tag([input], out: out, workers: workers)
            outputs.append(try Data(contentsOf: out.appendingPathComponent("examples.jsonl")))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }

    @Test func retaggingATaggedFileGivesTheSameFile() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        _ = try tag([input], out: folder.appendingPathComponent("once"))
        _ = try tag([folder.appendingPathComponent("once/examples.jsonl").path], out: folder.appendingPathComponent("twice"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("once/examples.jsonl"))
                == Data(contentsOf: folder.appendingPathComponent("twice/examples.jsonl")))
    }

    @Test func gzipInputReadsTheSameAsPlain() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try DatasetFixture.write(to: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("gz"), withIntermediateDirectories: true)
        let zipped = try DatasetFixture.write(to: folder.appendingPathComponent("gz"), name: "examples.jsonl.gz")
        _ = try tag([plain], out: folder.appendingPathComponent("a"))
        let report = try tag([zipped], out: folder.appendingPathComponent("b"))
        #expect(report.files[0].output.hasSuffix("/b/examples.jsonl"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("a/examples.jsonl")) == Data(contentsOf: folder.appendingPathComponent("b/examples.jsonl")))
    }

    @Test func aMalformedLineFailsTheRunNamingFileLineAndFieldAndLeavesNoOutput() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder, extra: [#"{"instruction":"x","output":5}"#])
        let out = folder.appendingPathComponent("out")
        #expect {
            _ = try tag([input], out: out)
        } throws: { error in
            guard case .input(let file, let line, let problem) = error as? DatasetError else { return false }
            return file == input && line == 101 && problem.contains("field \"output\": must be a string, found a number")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out") }
        #expect(leftovers.isEmpty)
    }

    @Test func maxErrorsSkipsAndReportsUpToTheLimit() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder, extra: [#"{"instruction":"x""#, "", #"{"output":"y"}"#])
        let report = try tag([input], out: folder.appendingPathComponent("out"), maxErrors: 2)
        #expect(report.summary.examples == 100)
        #expect(report.summary.skippedLines == 2)
        #expect(report.summary.blankLines == 1)
        #expect(report.summary.problems.map(\.line) == [101, 103])
        #expect(report.summary.problems[1].field == "instruction")
        #expect(throws: DatasetError.self) { _ = try tag([input], out: folder.appendingPathComponent("out2"), maxErrors: 1) }
    }

    @Test func anExistingOutputIsRefusedAndTwoInputsWithOneNameToo() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("gz"), withIntermediateDirectories: true)
        let zipped = try DatasetFixture.write(to: folder.appendingPathComponent("gz"), name: "examples.jsonl.gz")
        _ = try tag([input], out: folder.appendingPathComponent("out"))
        #expect { _ = try tag([input], out: folder.appendingPathComponent("out")) } throws: { "\($0)".contains("already exists") }
        #expect { _ = try tag([input, zipped], out: folder.appendingPathComponent("o2")) } throws: { "\($0)".contains("would both be written") }
    }
}
