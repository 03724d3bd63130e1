import ArgumentParser
import Builtins
import Foundation

/// Runs a command line and maps every outcome to a documented exit status, in one place.
///
/// Every error a command can end with is either a `CLIFailure` (the CLI's own) or a
/// `UserFacingError` (it carries its status); anything else is a host bug reported as a runtime
/// failure. ArgumentParser's own codes (64 for usage errors) are folded into ours, so scripts
/// can rely on `ExitStatus` alone. A usage error is printed once; a mistyped subcommand gets a
/// suggestion (``CommandSuggestion``). The config file is read (``Settings``) after the command
/// line parses and before the command runs.
enum CommandLineEntry {
    static func run(_ arguments: [String]) -> Int32 {
        var command: any ParsableCommand
        do {
            command = try PersonaHost.parseAsRoot(arguments)
        } catch {
            if PersonaHost.exitCode(for: error) == .validationFailure,
               let failure = CommandSuggestion(root: PersonaHost.self).failure(for: arguments) {
                Output.error(failure.message)
                return failure.status.rawValue
            }
            return report(error, of: PersonaHost.self)
        }
        do {
            try Settings.establish()
            try command.run()
            return ExitStatus.success.rawValue
        } catch let failure as CLIFailure {
            Output.error(failure.message)
            return failure.status.rawValue
        } catch let error as any UserFacingError {
            Output.error(error.description)
            return error.exitStatus.rawValue
        } catch {
            return report(error, of: PersonaHost.self)
        }
    }

    /// Prints an ArgumentParser outcome (help, version, usage error) the way it intends, with our code.
    static func report(_ error: Error, of command: any ParsableCommand.Type) -> Int32 {
        let code = command.exitCode(for: error)
        let message = command.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            return ExitStatus.success.rawValue
        }
        if !message.isEmpty { FileHandle.standardError.write(Data((TerminalText.escapedLines(message) + "\n").utf8)) }
        if code == .validationFailure { return ExitStatus.usage.rawValue }
        // Not ArgumentParser's own error: a failure nothing above classified (a host bug).
        if !(error is ExitCode) && message.isEmpty { Output.error("\(error)") }
        return ExitStatus.failure.rawValue
    }
}

/// An error the CLI reports with a message and an exit status.
struct CLIFailure: Error, UserFacingError {
    var status: ExitStatus
    var message: String

    var exitStatus: ExitStatus { status }
    var description: String { message }
}
