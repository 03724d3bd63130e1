import ArgumentParser
import Builtins
import Foundation
import Plugins

/// `persona-host plugins types [--out DIR] [--db PATH]`: writes the editor definitions of the
/// plugin API (LuaLS `---@meta`) and a luacheck std, both generated from the plugin contract's
/// schema, so the editor, the linter and `plugins check` cannot disagree.
///
/// `u`'s fields are the users-table columns of the database (`--db`, `$PERSONA_HOST_DB`, else
/// `persona-host.sqlite` here); with no database, the default generator's columns, said on
/// stderr. Each file is written to a temporary file in DIR and renamed into place, so an editor
/// or luacheck never reads half a file.
struct PluginsTypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "Write LuaLS definitions and a luacheck std for plugins, from the plugin contract's schema.",
        discussion: """
            Writes \(LuaLSDefinitions.fileName) (LuaLS ---@meta: the manifest, every hook's arguments and results, \
            host.*, and u with the users-table columns) and \(LuacheckStd.fileName) (a luacheck std: the sandbox's \
            globals and host) into DIR (default \(defaultFolder)). Point LuaLS's Lua.workspace.library at DIR; \
            see docs/PLUGINS.md, "Editor support".
            """
    )

    /// Where the files go without `--out`: a folder in the working directory.
    static let defaultFolder = "lua-types"

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write to (created if missing).", valueName: "dir"))
    var out: String = PluginsTypesCommand.defaultFolder
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON on stdout.") var json = false

    /// What was written, as `--json` prints it.
    struct Report: Encodable {
        struct File: Encodable {
            var path: String
            /// `luals` or `luacheck`.
            var kind: String
            var bytes: Int
        }
        var files: [File]
        /// `database`, or `default generator` when there was no database.
        var columnsFrom: String
        var database: String?
        /// The columns `u` has, in table order.
        var columns: [String]
    }

    func run() throws {
        let (schema, database) = try usersSchema()
        let source = database.map { "the database \($0)" } ?? "the default generator (data generate)"
        let files: [(name: String, kind: String, text: String)] = [
            (LuaLSDefinitions.fileName, "luals", LuaLSDefinitions(users: schema, columnsSource: source).text),
            (LuacheckStd.fileName, "luacheck", LuacheckStd().text),
        ]
        let folder = URL(fileURLWithPath: out)
        try Self.makeFolder(folder, shown: out)
        var written: [Report.File] = []
        for file in files {
            let data = Data(file.text.utf8)
            let path = (out as NSString).appendingPathComponent(file.name)
            try Self.writeAtomically(data, to: folder.appendingPathComponent(file.name), shown: path)
            written.append(.init(path: path, kind: file.kind, bytes: data.count))
        }
        let report = Report(files: written, columnsFrom: database == nil ? "default generator" : "database", database: database,
                            columns: schema.names)
        if json {
            try Output.json(report)
        } else {
            Output.lines([
                "wrote \(written[0].path)  (LuaLS definitions: \(ContractSchema.shapes.count + 1) classes, "
                    + "\(ContractSchema.functions.count) hook types, host.*; u has the \(schema.names.count) columns of \(source))",
                "wrote \(written[1].path)  (luacheck std: \(HostAPISchema.pluginGlobals.count) globals, "
                    + "\(HostAPISchema.testGlobals.count) more in plugin test files)",
            ])
        }
    }

    /// The users table's columns and the database they were read from; without a database, the
    /// generator's columns (and a warning saying so).
    private func usersSchema() throws -> (UsersSchema, database: String?) {
        guard let opened = try database.open(.read) else {
            Output.warning("no database at \(database.resolvedPath): u's fields are the default generator's columns; "
                           + "pass --db to use your users table")
            return (.generated, nil)
        }
        return (try UserStore(database: opened).schema(), database.resolvedPath)
    }

    /// Creates `folder` (and its parents) unless it is already a folder.
    private static func makeFolder(_ folder: URL, shown: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CLIFailure(status: .usage, message: "--out \(shown) is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(status: .usage, message: "--out \(shown): cannot create the folder (\(Self.reason(error)))")
        }
    }

    /// Writes `data` to a temporary file next to `url`, then renames it over `url`.
    private static func writeAtomically(_ data: Data, to url: URL, shown: String) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw CLIFailure(status: .usage, message: "cannot write \(shown) (\(Self.reason(error)))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)  // cleanup only: the rename error is what is reported
            throw CLIFailure(status: .usage, message: "cannot write \(shown) (\(why))")
        }
    }

    /// The system's reason for a file error (`Permission denied`), else the error itself.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
