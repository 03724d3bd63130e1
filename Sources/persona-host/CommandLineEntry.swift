import Builtins
import ArgumentParser
import Foundation

/// Runs a command line and maps every outcome to a documented exit code.
///
/// ArgumentParser's own codes (64 for usage errors) are folded into ours, so scripts can rely on
/// `ExitStatus` alone.
enum CommandLineEntry {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try PersonaHost.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success.rawValue
        } catch let failure as CLIFailure {
            Output.error(failure.message)
            return failure.status.rawValue
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
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        return code == .validationFailure ? ExitStatus.usage.rawValue : ExitStatus.failure.rawValue
    }
}

/// persona-host's exit codes. Stable: scripts depend on them.
enum ExitStatus: Int32 {
    /// Everything worked.
    case success = 0
    /// The run failed for a reason outside the user's input (I/O, database, a host bug).
    case failure = 1
    /// The command line or an input file is wrong.
    case usage = 2
    /// A plugin is broken: it does not load, validate, or its hook failed.
    case plugin = 3
}

/// An error the CLI reports with a message and an exit status.
struct CLIFailure: Error {
    var status: ExitStatus
    var message: String
}
