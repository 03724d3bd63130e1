import Builtins
import ArgumentParser
import Foundation
import Logging

// The persona-host command line. Parsing and printing only: the work is in Host and Builtins.
LoggingSystem.bootstrap { label in StderrLogHandler(label: label) }
exit(CommandLineEntry.run(CommandLine.arguments.dropFirst().map { $0 }))
