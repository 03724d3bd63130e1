import ArgumentParser

/// The options every command takes, before or after the subcommand's name:
/// `persona-host --verbose run goal …` and `persona-host run goal … --verbose` are the same.
///
/// They belong to the root command (so they are listed in `persona-host --help`); the root's
/// `validate()` hands them to ``Settings`` before any command runs.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("Read defaults from this TOML file (default: ./persona-host.toml when it exists).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("quiet"), help: "Log warnings and errors only: no info lines, no plugin print output.")
    var quiet = false

    @Flag(name: .customLong("verbose"), help: "Log debug lines too (host.log(\"debug\", …) from plugins, stage timings).")
    var verbose = false

    @Option(name: .customLong("color"),
            help: ArgumentHelp("Colour text output: auto (on a terminal, unless NO_COLOR is set or TERM is dumb), always or never.",
                               valueName: "when"))
    var color: ColorChoice?

    /// The options above that take a value (so a command-line walk can skip their values).
    static let valueOptions: Set<String> = ["--config", "--color"]

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// The parsed values, as plain data ``Settings`` can keep.
    struct Values: Sendable, Equatable {
        var config: String?
        var logLevel: LogLevel?
        var color: ColorChoice?
    }

    var values: Values {
        Values(config: config, logLevel: quiet ? .quiet : verbose ? .verbose : nil, color: color)
    }
}
