import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host test [PATH…]`: runs the tests plugins ship (`PLUGIN/tests/*_test.lua`).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests plugins ship in their tests/ folders.",
        discussion: """
            PATH is a plugins folder (every plugin in it), one plugin's folder, or one test file \
            (PLUGIN/tests/NAME_test.lua); by default the plugins folder. Each test file runs in a sandbox \
            built as its plugin's, with the `test` API (docs/PLUGINS.md, 'Testing a plugin'); goals are read \
            with every plugin of the plugin's folder, as a run reads them.
            Exit codes: 0 all passed, 1 a test failed (or, with --require-tests, a plugin has no tests), \
            2 a PATH is not a plugin, plugins folder or test file, 3 a plugin does not load.
            """
    )

    @Argument(help: ArgumentHelp("Plugins folders, plugin folders or test files.", valueName: "path")) var paths: [String] = []
    @OptionGroup var plugins: PluginOptions
    @Flag(help: "Print the report as JSON on stdout.") var json = false
    @Flag(name: .customLong("require-tests"), help: "Fail (exit 1) when a plugin in scope ships no tests.") var requireTests = false

    func run() throws {
        let urls = paths.isEmpty ? [try plugins.resolve().folder] : paths.map { URL(fileURLWithPath: $0) }
        let found = try PluginTestTarget.find(urls)
        var runner = PluginTestRunner(loader: PluginLoader(limits: try PluginSession.limits(), logger: Output.pluginLogger))
        runner.progress = { ProgressLine.stage("testing \($0)") }
        let report = try runner.run(found.targets, untested: found.untested)
        ProgressLine.stage("")
        if json {
            try Output.json(report)
        } else {
            Output.lines(PluginTestText(report: report, requireTests: requireTests).lines)
        }
        if report.failed > 0 || (requireTests && !report.untested.isEmpty) {
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }
}

/// The text of a test report: one line per test, failures with where and what, then the summary.
struct PluginTestText {
    let report: PluginTestReport
    var requireTests = false

    var lines: [String] {
        var lines: [String] = []
        for test in report.cases {
            let name = test.name.isEmpty ? "(the file)" : test.name
            lines.append("\(test.passed ? "ok  " : "FAIL") \(test.file): \(name)")
            guard let failure = test.failure else { continue }
            lines.append("     \(failure.location.map { "\($0): " } ?? "")\(failure.message)")
            if let expected = failure.expected { lines.append("       expected: \(expected)") }
            if let actual = failure.actual { lines.append("       actual:   \(actual)") }
        }
        if !report.untested.isEmpty {
            lines.append("\(requireTests ? "FAIL" : "note") no tests: \(report.untested.joined(separator: ", ")) (add PLUGIN/tests/NAME_test.lua)")
        }
        lines.append(report.summary)
        return lines
    }
}
