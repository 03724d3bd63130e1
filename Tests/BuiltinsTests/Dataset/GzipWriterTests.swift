import Foundation
import Testing
import Builtins

/// Gzip output: what `GzipWriter` writes is exactly what `gzip -dc` reads back.
@Suite struct GzipWriterTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gzip-writer-\(UUID().uuidString).gz")
    }

    static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    @Test func roundTripThroughSystemGzipInManyWrites() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var generator = ExampleGenerator(seed: 1)
        var expected: [UInt8] = []
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let writer = try GzipWriter(fileHandle: handle)
        var chunk: [UInt8] = []
        for row in 0..<6000 {
            generator.appendLine(to: &chunk)
            if row % 97 == 0 || chunk.count > 300_000 {
                try writer.write(chunk)
                expected += chunk
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try writer.write(chunk)
        expected += chunk
        try writer.write([])
        try writer.finish()
        try writer.finish()  // a second finish does nothing
        try handle.close()
        let written = try Data(contentsOf: url)
        #expect(Int64(written.count) == writer.compressedBytes)
        #expect(written.count < expected.count / 3)
        #expect(try Self.gunzip(url) == Data(expected))
    }

    @Test func emptyStreamIsAValidGzipFile() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let writer = try GzipWriter(fileHandle: handle, level: 9)
        try writer.finish()
        try handle.close()
        #expect(try Self.gunzip(url).isEmpty)
    }

    @Test func errorsSayWhatWentWrong() throws {
        #expect(throws: GzipError.invalidLevel(12)) { try GzipWriter(fileDescriptor: 1, level: 12) }
        #expect(GzipError.invalidLevel(12).description == "gzip: compression level must be 0 to 9, got 12")
        // A descriptor that is not open: the write fails with the system's reason.
        let writer = try GzipWriter(fileDescriptor: -1)
        var error: GzipError?
        do {
            try writer.write(Array(repeating: 65, count: 10))
            try writer.finish()
        } catch let caught {
            error = caught
        }
        #expect(error == .write(errno: EBADF))
        #expect(error?.description.hasPrefix("gzip: cannot write the compressed output: ") == true)
        let devNull = try #require(FileHandle(forWritingAtPath: "/dev/null"))
        defer { try? devNull.close() }
        let done = try GzipWriter(fileHandle: devNull, level: 0)
        try done.finish()
        #expect(throws: GzipError.finished) { try done.write([1, 2, 3]) }
    }
}
