import ArgumentParser
import Builtins

/// "Did you mean" for a mistyped subcommand: `persona-host plugin list` → `plugins list`,
/// `persona-host run gaol` → `run goal`.
///
/// ArgumentParser reports a word that names no subcommand as an unexpected argument, without a
/// suggestion. This walks the command tree along the words of the command line; at the first
/// word that names no subcommand of a command that has subcommands, it names the closest one
/// (by edit distance, ``Suggestion``), with the next word when that is one of the suggested
/// command's own subcommands. It only speaks when the words are unambiguous: an option it does
/// not know (which might take the next word as its value), `help` or `--` end the walk.
struct CommandSuggestion {
    let root: any ParsableCommand.Type

    /// The global flags that take no value; ``GlobalOptions/valueOptions`` take one.
    static let flags: Set<String> = ["--quiet", "--verbose", "--help", "-h", "--version"]

    /// A usage failure (exit 2) for a command line whose words name an unknown subcommand, or
    /// nil when they do not (the parser's own message then stands).
    func failure(for arguments: [String]) -> CLIFailure? {
        var command = root
        var path = [root._commandName]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word.hasPrefix("-") {
                if word == "--" { return nil }
                if GlobalOptions.valueOptions.contains(word) { index += 1; continue }
                if word.contains("=") || Self.flags.contains(word) { continue }
                return nil
            }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, word != "help" else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let here = path.joined(separator: " ")
            guard let closest = Suggestion.closest(to: word, among: names),
                  let suggested = subcommands.first(where: { $0._commandName == closest }) else {
                return CLIFailure(status: .usage, message: "unknown command '\(word)' for '\(here)'; the commands are \(names.joined(separator: ", ")) (see '\(here) --help')")
            }
            var phrase = closest
            if let following = arguments[index...].first(where: { !$0.hasPrefix("-") }),
               suggested.configuration.subcommands.contains(where: { $0._commandName == following }) {
                phrase += " " + following
            }
            return CLIFailure(status: .usage, message: "unknown command '\(word)' for '\(here)' (did you mean '\(here) \(phrase)'?)")
        }
        return nil
    }
}
