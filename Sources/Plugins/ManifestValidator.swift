import Builtins
import LuaBridge

/// Reads a manifest table into the plugin's `PluginManifest` and `PluginContract`, and says
/// everything that is wrong with it at once, each problem naming its field.
struct ManifestValidator {
    private(set) var reader: ContractReader

    init(runtime: LuaRuntime) { reader = ContractReader(runtime: runtime) }

    /// The problems found, in the order they were found.
    var problems: [ContractProblem] { reader.problems }

    /// Where each function-valued field is defined.
    var functionLocations: [ContractPath: SourceLocation] { reader.functionLocations }

    /// Reads `table`; nil when there is any problem.
    mutating func validate(_ table: LuaValue) -> (PluginManifest, PluginContract)? {
        let known = ContractSchema.manifest.fieldNames
        if let keys = table.tableEntries?.keys, keys.contains(where: { if case .string = $0 { false } else { true } }) {
            reader.problem(at: ContractPath(), message: "the manifest must be a table with named fields, not a list")
        }
        for (field, _) in table.fields where !known.contains(field) {
            reader.problem(at: ContractPath(field), message: "unknown field '\(field)'\(Suggestion.phrase(for: field, among: known))")
        }
        let name = reader.string(table["name"], ContractPath("name"), maxLength: 64)
        if let name, !PluginNaming.isValid(name) {
            reader.problem(ContractPath("name"), "must use lower-case letters, digits, '_' and '-', starting with a letter, got '\(name)'")
        }
        let version = reader.string(table["version"], ContractPath("version"), maxLength: 100)
        if let version, version.isEmpty { reader.problem(ContractPath("version"), "must not be empty") }
        let api = reader.integer(table["api"], ContractPath("api"))
        let description = reader.string(table["description"], ContractPath("description"), maxLength: 500)
        var priority = ContractDefaults.priority
        if table["priority"] != .nil, let p = reader.integer(table["priority"], ContractPath("priority"), in: -1_000_000...1_000_000) {
            priority = p
        }

        var contract = PluginContract()
        if table["intents"] != .nil { contract.intents = reader.readIntents(table["intents"]) }
        if table["filters"] != .nil { contract.filters = reader.hook(table["filters"], ContractPath("filters")) }
        contract.domain = reader.readDomain(table)
        contract.formulation = reader.readFormulation(table)
        (contract.learningPersonas, contract.feedback) = reader.readLearning(table)
        if table["tagging"] != .nil { contract.tagging = reader.readTagging(table["tagging"]) }
        if table["photos"] != .nil { contract.photos = reader.readPhotos(table["photos"]) }

        let hooks = HookKind.allCases.filter { table[$0.field] != .nil }
        guard reader.problems.isEmpty, let name, let version, let api, let description else { return nil }
        return (PluginManifest(name: name, version: version, api: api, description: description, priority: priority, hooks: hooks), contract)
    }
}

/// Rules for plugin names.
enum PluginNaming {
    /// Lower-case letters, digits, `_` and `-`, starting with a letter; at most 64 characters.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
