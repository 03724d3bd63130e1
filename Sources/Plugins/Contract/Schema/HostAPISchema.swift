import Builtins

/// The globals a plugin file sees: `host` (built by `HostAPIBuilder`, plus `host.modules` from the
/// sandbox prelude) and the Lua globals `Sources/LuaBridge/Lua/sandbox.lua` keeps; and the extra
/// globals of plugin test files (`plugins/*/tests/*.lua`).
///
/// The luacheck std (`LuacheckStd`) and the LuaLS definitions of `host` (`LuaLSDefinitions`)
/// are generated from these lists; a test compares them with what a loaded plugin actually sees.
public enum HostAPISchema {
    /// `host`.
    public static let host = HostAPIEntry(
        name: "host", doc: "The host API every plugin sees (docs/PLUGINS.md, \"The host API\").",
        kind: .table(className: "HostAPI", entries: [
            .init(name: "api_version", doc: "The API version the host speaks (\(HostAPI.version)).", kind: .value(.integer)),
            .init(name: "plugin", doc: "This plugin's folder or file name.", kind: .value(.string)),
            .init(name: "log", doc: "Writes to the host's log on stderr.", kind: .function(FunctionShape(
                name: nil, signature: "host.log(level, message)", doc: "Writes to the host's log on stderr.",
                parameters: [.required("level", .literals(["debug", "info", "warn", "error"]), "The log level."),
                             .required("message", .any, "What to log (a string, number or boolean is written as is).")],
                results: []))),
            .init(name: "modules", doc: "The Lua modules directly inside a folder of this plugin, sorted, as names for require.",
                  kind: .function(FunctionShape(
                    name: nil, signature: "host.modules(folder)",
                    doc: "The Lua modules directly inside `folder` of this plugin, sorted, as names for require (not for single-file plugins).",
                    parameters: [.required("folder", .string, "A folder of this plugin.")],
                    results: [.required("modules", .list(.string), "Module names ({ \"personas.acne_prone\", … }).")]))),
            .init(name: "names", doc: "Deterministic person names.", kind: .table(className: "HostNames", entries: [
                .init(name: "person", doc: "A deterministic \"First Last\" name for persona `index`.", kind: .function(FunctionShape(
                    name: nil, signature: "host.names.person(index, gender)",
                    doc: "A deterministic \"First Last\" name for persona `index`; different indices give different people.",
                    parameters: [.required("index", .integer, "The persona's index."),
                                 .optional("gender", .literals(PersonNames.Gender.allCases.map(\.rawValue)), "Default neutral.")],
                    results: [.required("name", .string, "\"First Last\".")]))),
            ])),
            .init(name: "reject", doc: "Says the user's input is wrong (exit 2), not the plugin.", kind: .function(FunctionShape(
                name: nil, signature: "host.reject(message)",
                doc: "Raises an error that says the user's input is wrong (the command exits 2 with the message), not the plugin.",
                parameters: [.required("message", .string, "What is wrong with the input, for the user.")], results: []))),
            .init(name: "suggest", doc: "The candidate closest to a word when it is a plausible typo.", kind: .function(FunctionShape(
                name: nil, signature: "host.suggest(word, candidates)",
                doc: "The candidate closest to `word` by edit distance when it is a plausible typo, else nil.",
                parameters: [.required("word", .string, "What the user wrote."), .required("candidates", .list(.string), "The known words.")],
                results: [.optional("closest", .string, "The closest candidate, or nil.")]))),
        ]))

    /// The Lua globals the sandbox keeps (Sources/LuaBridge/Lua/sandbox.lua), with the fields it
    /// leaves in each library table. Editors know what they do; luacheck needs to know which exist.
    public static let sandboxGlobals: [HostAPIEntry] = [
        HostAPIEntry(name: "_G", doc: "The plugin's own global environment.", kind: .environment),
    ] + [
        "_VERSION", "assert", "collectgarbage", "error", "getmetatable", "ipairs", "load", "next", "pairs", "pcall",
        "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable", "tonumber", "tostring",
        "type", "xpcall",
    ].map { HostAPIEntry(name: $0, doc: "Lua's \($0), as the sandbox keeps it.", kind: .standard(fields: nil)) } + [
        library("coroutine", ["close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield"]),
        // math.atan2 … math.tanh: Lua 5.4 built with LUA_COMPAT_MATHLIB, as Debian's liblua5.4 is.
        library("math", ["abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod", "frexp",
                         "huge", "ldexp", "log", "log10", "max", "maxinteger", "min", "mininteger", "modf", "pi", "pow", "rad",
                         "random", "randomseed", "sin", "sinh", "sqrt", "tan", "tanh", "tointeger", "type", "ult"]),
        library("os", ["clock", "date", "difftime", "time"]),
        library("string", ["byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack", "packsize",
                           "rep", "reverse", "sub", "unpack", "upper"]),
        library("table", ["concat", "insert", "move", "pack", "remove", "sort", "unpack"]),
        library("utf8", ["char", "charpattern", "codepoint", "codes", "len", "offset"]),
    ]

    /// Every global of a plugin file: the sandbox's and `host`, by name.
    public static var pluginGlobals: [HostAPIEntry] { (sandboxGlobals + [host]).sorted { $0.name < $1.name } }

    /// The globals plugin test files (`plugins/*/tests/*.lua`) see besides a plugin's: `test`
    /// (HostAPISchema+Tests.swift).
    public static var testGlobals: [HostAPIEntry] { [test] }

    private static func library(_ name: String, _ fields: [String]) -> HostAPIEntry {
        HostAPIEntry(name: name, doc: "Lua's \(name) library, as the sandbox keeps it.", kind: .standard(fields: fields))
    }
}
