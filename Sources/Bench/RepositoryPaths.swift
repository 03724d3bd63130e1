import Builtins
import Foundation

/// Where the checkout and the release binaries are, found from this binary rather than the working directory.
enum RepositoryPaths {
    /// The folder this benchmark binary is in (`.build/release`, symlinks resolved).
    static var binaryFolder: URL {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The checkout: the first folder above the binary holding `Package.swift` and `plugins/`,
    /// else the source tree this file was compiled from.
    static var root: URL {
        var folder = binaryFolder
        while folder.path != "/" {
            if isCheckout(folder) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Sources/Bench
            .deletingLastPathComponent().deletingLastPathComponent()
        if isCheckout(source) { return source }
        fail("cannot find the checkout (a folder with Package.swift and plugins/) above \(binaryFolder.path)")
    }

    /// The `persona-host` binary built next to this one.
    static var personaHost: URL {
        let binary = binaryFolder.appendingPathComponent("persona-host")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            fail("no persona-host binary at \(binary.path): run `swift build -c release --product persona-host` first")
        }
        return binary
    }

    /// `docs/BENCHMARKS.md` of the checkout.
    static var benchmarksFile: URL { root.appendingPathComponent("docs/BENCHMARKS.md") }

    private static func isCheckout(_ folder: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
            && fm.fileExists(atPath: folder.appendingPathComponent("plugins").path)
    }
}
