import Foundation
import Testing
import TestSupport

/// `persona-host dataset generate` as a user types it: the file, gzip, refusals and `--json`.
@Suite struct DatasetGenerateCommandTests {
    static func gunzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func gzipFileHasEveryRowAndAnExistingFileIsRefusedUntouched() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.jsonl.gz").path
        let result = try CLIRunner.run(["dataset", "generate", "--rows", "500", "--out", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote 500 examples ("))
        #expect(result.stdout.contains("to \(path)"))
        let lines = try Self.gunzip(path).split(separator: "\n")
        #expect(lines.count == 500)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try CLIRunner.run(["dataset", "generate", "--rows", "20", "--out", path, "--seed", "9"])
        #expect(again.status == 2)
        #expect(again.stderr.contains(path))
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.jsonl.gz"])

        let forced = try CLIRunner.run(["dataset", "generate", "--rows", "20", "--out", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.gunzip(path).split(separator: "\n").count == 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.jsonl.gz"])
    }

    @Test func jsonOutputIsPureJSONAndTheSameSeedGivesTheSameFile() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.jsonl").path
        let second = folder.appendingPathComponent("b.jsonl").path
        let result = try CLIRunner.run(["dataset", "generate", "--rows", "300", "--out", first, "--seed", "7", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let size = try FileManager.default.attributesOfItem(atPath: first)[.size] as? Int
        #expect(json["rows"] as? Int == 300)
        #expect(json["bytes"] as? Int == size)
        #expect(json["path"] as? String == first)
        #expect(json["seed"] as? Int == 7)
        #expect(try CLIRunner.run(["dataset", "generate", "--rows", "300", "--out", second, "--seed", "7"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func badArgumentsAreUsageErrorsAndWriteNothing() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zero = try CLIRunner.run(["dataset", "generate", "--rows", "0", "--out", folder.appendingPathComponent("z.jsonl").path])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("--rows must be 1 or more"))
        let missing = folder.appendingPathComponent("nope/z.jsonl").path
        let noFolder = try CLIRunner.run(["dataset", "generate", "--rows", "5", "--out", missing])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains(missing))
        #expect(noFolder.stderr.contains("does not exist"))
        let isFolder = try CLIRunner.run(["dataset", "generate", "--rows", "5", "--out", folder.path])
        #expect(isFolder.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
