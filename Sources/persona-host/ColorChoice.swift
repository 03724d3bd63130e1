import ArgumentParser

/// When text output may be coloured: `--color`, or `color` in the config file.
///
/// `auto` colours only when stdout is a terminal, `NO_COLOR` is unset or empty (no-color.org)
/// and `TERM` is not `dumb`; `always` and `never` are explicit and win over `NO_COLOR`, as
/// no-color.org asks of a flag or a configuration file. JSON output is never coloured.
enum ColorChoice: String, CaseIterable, Sendable, ExpressibleByArgument {
    case auto
    case always
    case never
}
