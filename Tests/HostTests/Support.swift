import Foundation
@testable import Host

/// Shared helpers for the host tests.
enum Support {
    /// The repository root (tests find fixtures and plugins relative to it).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    static func fixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// A fresh temporary folder, removed when the process ends is not guaranteed: callers clean up.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → contents) under `folder`.
    static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A sandbox over a temporary plugin folder holding `files`, with small budgets so tests are quick.
    static func sandbox(_ files: [String: String] = [:], limits: LuaRuntime.Limits = .init(instructions: 2_000_000, memoryBytes: 32 << 20)) throws -> Sandbox {
        let folder = try temporaryFolder()
        try write(files, in: folder)
        return try Sandbox(spec: .init(root: folder, displayRoot: "plugins/test"), limits: limits)
    }
}

extension Sandbox {
    /// Runs `source` as if it were the plugin's main file and returns its first result.
    func evaluate(_ source: String) throws -> LuaValue {
        let name = "eval-\(UUID().uuidString).lua"
        try source.write(to: spec.root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try runFile(name).first ?? .nil
    }
}
