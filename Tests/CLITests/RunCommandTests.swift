import Foundation
import Testing
import TestSupport

/// `persona-host run goal|formulate` are real subcommands: help, usage lines, completion, usage
/// errors printed once, and a suggestion for a mistyped subcommand.
@Suite struct RunCommandTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(arguments: [["help", "run", "goal"], ["run", "goal", "--help"]])
    func helpShowsGoalsOptionsAndUsage(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("USAGE: persona-host run goal <goal>"))
        for option in ["--seed <n>", "--members <file>", "--wide", "--json/--no-json", "--algo <name>", "--db <path>"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }

    @Test func formulateHasItsOwnHelp() throws {
        let result = try CLIRunner.run(["help", "run", "formulate"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: persona-host run formulate --persona <persona> --concerns <list>"))
        #expect(result.stdout.contains("--skin-type"))
    }

    @Test(arguments: [(["run", "goal"], "Missing expected argument '<goal>'"),
                      (["run", "goal", "x", "--k", "99"], "--k must be a number from 2 to 50"),
                      (["run", "formulate", "--concerns", "acne"], "Missing expected argument '--persona <persona>'")])
    func aUsageErrorIsPrintedOnceWithExitTwo(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(count(message, in: result.stderr) == 1, "\(result.stderr)")
        #expect(count("Error:", in: result.stderr) == 1, "\(result.stderr)")
        #expect(count("Usage: persona-host run", in: result.stderr) == 1, "\(result.stderr)")
    }

    @Test func runWithoutAPipelineIsAUsageError() throws {
        let result = try CLIRunner.run(["run"])
        #expect(result.status == 2)
        #expect(result.stderr == "persona-host: error: run needs a pipeline: goal or formulate (see 'persona-host help run')\n")
    }

    @Test func aMistypedSubcommandGetsASuggestion() throws {
        let plugin = try CLIRunner.run(["plugin", "list"])
        #expect(plugin.status == 2)
        #expect(plugin.stderr == "persona-host: error: unknown command 'plugin' for 'persona-host' (did you mean 'persona-host plugins list'?)\n")
        let gaol = try CLIRunner.run(["run", "gaol", "Gen Z Moms"])
        #expect(gaol.status == 2)
        #expect(gaol.stderr.contains("did you mean 'persona-host run goal'?"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverRunsOptions(shell: String) throws {
        let result = try CLIRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for option in ["members", "seed", "wide", "concerns", "quiet", "config"] {
            // bash and zsh write options as --name, fish as -l 'name'.
            #expect(result.stdout.contains(shell == "fish" ? "-l '\(option)'" : "--\(option)"), "\(shell): \(option)")
        }
    }

    @Test func globalOptionsGoBeforeOrAfterTheCommandButNotQuietWithVerbose() throws {
        let both = try CLIRunner.run(["plugins", "list", "--quiet", "--verbose"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--quiet and --verbose cannot be used together"))
        #expect(try CLIRunner.run(["--quiet", "plugins", "list"]).status == 0)
        #expect(try CLIRunner.run(["plugins", "list", "--color", "never", "--verbose"]).status == 0)
        let colour = try CLIRunner.run(["plugins", "list", "--color", "sometimes"])
        #expect(colour.status == 2)
    }
}
