import Foundation
import Testing
@testable import persona_host

/// The config file's `token` for `persona-host serve`.
@Suite struct ServeConfigTests {
    @Test func theConfigFileGivesServeItsToken() throws {
        #expect(try ConfigFile(text: "token = \"s3cret\"\n", path: "team.toml").token == "s3cret")
        #expect(try ConfigFile(text: "seed = 3\n", path: "team.toml").token == nil)
        #expect(throws: ConfigError.self) { try ConfigFile(text: "token = \"\"\n", path: "team.toml") }
        #expect(throws: ConfigError.self) { try ConfigFile(text: "token = 5\n", path: "team.toml") }
    }
}
