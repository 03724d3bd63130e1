import Foundation
import Testing
@testable import Builtins

@Suite struct LineBatchReaderTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func lines(of path: String, batchSize: Int) throws -> [(Int, String)] {
        let reader = try LineBatchReader(path: path, batchSize: batchSize)
        var out: [(Int, String)] = []
        while let batch = try reader.next() {
            let text = String(decoding: batch.bytes, as: UTF8.self)
            var number = batch.firstLine
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                out.append((number, String(line)))
                number += 1
            }
        }
        return out
    }

    func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-kf", path]
        try process.run()
        process.waitUntilExit()
    }

    @Test func batchesHoldWholeLinesNumberedAsInTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = (1...5_000).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "x", count: $0 % 97))\"}" }
        let path = folder.appendingPathComponent("a.jsonl").path
        try (expected.joined(separator: "\n")).write(toFile: path, atomically: true, encoding: .utf8)  // no final newline
        for size in [1, 100, 4_096, 1 << 20] {
            let got = try lines(of: path, batchSize: size)
            #expect(got.map(\.1) == expected, "batch size \(size)")
            #expect(got.map(\.0) == Array(1...5_000), "batch size \(size)")
        }
        try gzip(path)
        let unzipped = try lines(of: path + ".gz", batchSize: 1_000)
        #expect(unzipped.map(\.1) == expected)
    }

    @Test func concatenatedGzipMembersAreOneStream() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.jsonl"), b = folder.appendingPathComponent("b.jsonl")
        try "{\"x\":1}\n".write(to: a, atomically: true, encoding: .utf8)
        try "{\"x\":2}\n".write(to: b, atomically: true, encoding: .utf8)
        try gzip(a.path)
        try gzip(b.path)
        let both = try Data(contentsOf: URL(fileURLWithPath: a.path + ".gz")) + Data(contentsOf: URL(fileURLWithPath: b.path + ".gz"))
        let joined = folder.appendingPathComponent("both.jsonl.gz")
        try both.write(to: joined)
        #expect(try lines(of: joined.path, batchSize: 64).map(\.1) == ["{\"x\":1}", "{\"x\":2}"])
    }

    @Test func aTruncatedGzipFileIsAnErrorNotAShortRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.jsonl").path
        try String(repeating: "{\"text\":\"some words here\"}\n", count: 20_000).write(toFile: path, atomically: true, encoding: .utf8)
        try gzip(path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path + ".gz"))
        #expect {
            _ = try lines(of: path + ".gz", batchSize: 4_096)
        } throws: { ($0 as? DatasetReadError)?.message.contains("truncated") == true }
    }

    @Test func missingFilesAndFoldersAreNamedAsSuch() throws {
        #expect { _ = try LineBatchReader(path: "/nonexistent/x.jsonl") } throws: { ($0 as? DatasetReadError)?.message == "does not exist" }
        #expect { _ = try LineBatchReader(path: "/tmp") } throws: { ($0 as? DatasetReadError)?.message.contains("folder") == true }
    }

    @Test func partsSplitAtLineEndsAndWalkersSkipBlankLines() {
        let text = Array("{\"a\":1}\n\n  \n{\"a\":2}\n{\"a\":3}".utf8)
        let results = LineParts.run(text, firstLine: 10, workers: 3) { _, part, first -> [Int] in
            var walker = LineWalker(part, firstLine: first)
            var numbers: [Int] = []
            while let line = walker.next() { numbers.append(line.number) }
            return numbers
        }
        #expect(results.flatMap { $0 } == [10, 13, 14])
    }
}
