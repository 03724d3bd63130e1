import Testing
@testable import persona_host

/// ``CommandSuggestion``: the closest subcommand for a mistyped one, and silence when the words
/// are not a mistyped subcommand.
@Suite struct CommandSuggestionTests {
    let suggestion = CommandSuggestion(root: PersonaHost.self)

    func message(_ arguments: [String]) -> String? { suggestion.failure(for: arguments)?.message }

    @Test func aMistypedSubcommandGetsTheClosestWithWhatFollows() {
        #expect(message(["plugin", "list"]) == "unknown command 'plugin' for 'persona-host' (did you mean 'persona-host plugins list'?)")
        #expect(message(["run", "gaol", "Gen Z Moms"]) == "unknown command 'gaol' for 'persona-host run' (did you mean 'persona-host run goal'?)")
        #expect(message(["plugins", "lst"]) == "unknown command 'lst' for 'persona-host plugins' (did you mean 'persona-host plugins list'?)")
        #expect(message(["--quiet", "plugin", "list"])?.contains("'persona-host plugins list'") == true)
        #expect(message(["--config", "team.toml", "plugin", "list"])?.contains("'persona-host plugins list'") == true)
        #expect(suggestion.failure(for: ["plugin", "list"])?.status == .usage)
    }

    @Test func anUnknownWordWithNothingCloseListsTheCommands() {
        #expect(message(["run", "nonsense"]) == "unknown command 'nonsense' for 'persona-host run'; the commands are goal, formulate (see 'persona-host run --help')")
    }

    @Test func argumentsOfALeafAndUnknownOptionsAreLeftToTheParser() {
        #expect(message(["run", "goal", "Gen Z Moms", "--k", "99"]) == nil)
        #expect(message(["runs", "show", "abc"]) == nil)
        #expect(message(["--colr", "always", "run", "goal", "x"]) == nil)   // '--colr' might take 'always' as its value
        #expect(message(["help", "plugin"]) == nil)
        #expect(message(["--", "plugin"]) == nil)
    }
}
