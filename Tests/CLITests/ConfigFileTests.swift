import Foundation
import Testing
import Builtins
import TestSupport
@testable import persona_host

/// ``ConfigFile``: every key read with its type, relative paths joined to the file's folder, and
/// every mistake named by file, line and key.
@Suite struct ConfigFileTests {
    func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        do {
            _ = try ConfigFile(text: text, path: "team.toml")
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigFile(text: """
            # the team's defaults
            database = "data/team.sqlite"
            plugins = "/opt/plugins"
            seed = 7
            json = true
            wide = false
            color = "never"
            log = "quiet"
            """, path: "conf/team.toml", folder: "conf")
        #expect(config.database == "conf/data/team.sqlite")   // relative to the file's folder
        #expect(config.plugins == "/opt/plugins")
        #expect(config.seed == 7)
        #expect(config.json == true && config.wide == false)
        #expect(config.color == .never && config.log == .quiet)
        let empty = try ConfigFile(text: "", path: "persona-host.toml")
        #expect(empty.database == nil && empty.plugins == nil && empty.seed == nil && empty.json == nil
                && empty.wide == nil && empty.color == nil && empty.log == nil)
    }

    @Test func anUnknownKeyNamesFileLineAndTheClosestKey() {
        let unknown = error("seed = 1\n\n# comment\ndatabse = \"x.sqlite\"\nzzz_unrelated = 1\n")
        #expect(unknown?.description == "team.toml:4: unknown key 'databse' (did you mean 'database'?); the keys are database, plugins, seed, json, wide, color, log, token")
        #expect(unknown?.exitStatus == .usage)
        // Tables and dotted keys are keys too.
        #expect(error("seed = 1\n[output]\njson = true\n")?.description.hasPrefix("team.toml:2: unknown key 'output'") == true)
        #expect(error("output.json = true\n")?.description.hasPrefix("team.toml:1: unknown key 'output'") == true)
        #expect(error("\"sede\" = 3\n")?.description.hasPrefix("team.toml:1: unknown key 'sede' (did you mean 'seed'?)") == true)
    }

    @Test func aWrongTypeOrValueNamesTheLineAndWhatWasExpected() {
        #expect(error("json = true\nseed = \"seven\"\n")?.description == "team.toml:2: seed must be a whole number, got a string (\"seven\")")
        #expect(error("seed = -1\n")?.description == "team.toml:1: seed must be a whole number ≥ 0, got -1")
        #expect(error("wide = \"yes\"\n")?.description == "team.toml:1: wide must be true or false, got a string (\"yes\")")
        #expect(error("color = \"alwys\"\n")?.description == "team.toml:1: color must be auto, always or never, got 'alwys' (did you mean 'always'?)")
        #expect(error("log = 2\n")?.description == "team.toml:1: log must be a string (quiet, normal or verbose), got an integer (2)")
        #expect(error("database = \"\"\n")?.description == "team.toml:1: database must be a path, got an empty string")
    }

    @Test func aTOMLSyntaxErrorNamesItsLine() {
        let bad = error("seed = 1\njson = tru\n")
        #expect(bad?.line == 2)
        #expect(bad?.description.hasPrefix("team.toml:2: not valid TOML") == true)
    }

    @Test func keysInsideMultilineStringsAreNotMistakenForKeys() {
        let locator = ConfigKeyLocator(text: "note = \"\"\"\ndatabse = 1\n\"\"\"\ndatabse = 2\n")
        #expect(locator.line(of: "databse") == 4)
    }

    @Test func loadingFindsTheDefaultFileAndRequiresANamedOne() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConfigFile.load(explicit: nil, workingDirectory: folder) == nil)
        #expect(throws: ConfigError(file: "nope.toml", message: "no such file (--config names a file that must exist)")) {
            try ConfigFile.load(explicit: "nope.toml", workingDirectory: folder)
        }
        try "seed = 3\n".write(to: folder.appendingPathComponent("persona-host.toml"), atomically: true, encoding: .utf8)
        #expect(try ConfigFile.load(explicit: nil, workingDirectory: folder)?.seed == 3)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.toml"), withIntermediateDirectories: true)
        #expect(throws: ConfigError.self) { try ConfigFile.load(explicit: "dir.toml", workingDirectory: folder) }
    }
}
