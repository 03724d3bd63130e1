import Foundation
import LuaBridge

/// Shared helpers for the test targets: where the repository and its fixtures are, temporary
/// folders, and sandboxes over throwaway plugin folders.
public enum Support {
    /// The repository root (tests find fixtures and plugins relative to it).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL {
        repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The repository's shipped `plugins/` folder.
    public static var plugins: URL { repository.appendingPathComponent("plugins") }

    /// A fresh temporary folder; callers remove it.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → contents) under `folder`.
    public static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A sandbox over a temporary plugin folder holding `files`, with small budgets so tests are quick.
    public static func sandbox(_ files: [String: String] = [:],
                               limits: LuaRuntime.Limits = .init(instructions: 2_000_000, memoryBytes: 32 << 20)) throws -> Sandbox {
        let folder = try temporaryFolder()
        try write(files, in: folder)
        return try Sandbox(spec: .init(root: folder, displayRoot: "plugins/test"), limits: limits)
    }
}

extension Sandbox {
    /// Runs `source` as if it were the plugin's main file and returns its first result.
    public func evaluate(_ source: String) throws -> LuaValue {
        let name = "eval-\(UUID().uuidString).lua"
        try source.write(to: spec.root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try runFile(name).first ?? .nil
    }
}

extension Support {
    /// Runs blocking work (waiting for a child process, a browser) on a Dispatch thread, not on
    /// the cooperative pool: an async test that blocked a pool thread while the thing it waits
    /// for needs the pool (an in-process server answering that browser) could deadlock the suite.
    public static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
