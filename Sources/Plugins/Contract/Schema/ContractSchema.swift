import Builtins

/// The plugin contract as one schema: every manifest field, every table the validator reads
/// field by field, every hook with what it is given and what it returns.
///
/// It is the single source of three things that must agree: the validator's lists of known
/// fields (`ContractReader.onlyKnownFields` takes a `TableShape` from here, the manifest's
/// top-level fields are `manifest.fieldNames`), the LuaLS definitions (`LuaLSDefinitions`) and,
/// with `HostAPISchema`, the luacheck std (`LuacheckStd`). A field added here is accepted and
/// typed; a field the validator knows cannot be missing from the editor's types.
/// docs/PLUGINS.md describes the same contract for people.
public enum ContractSchema {
    /// What a plugin's main file returns.
    public static let manifest = TableShape(
        name: "Manifest",
        doc: "A plugin's manifest: what its main file returns (docs/PLUGINS.md, \"The manifest\" and \"Hooks\").",
        fields: [
            .required("name", .string, "Unique plugin name: a-z, 0-9, _ and -, starting with a letter; at most 64 characters."),
            .required("version", .string, "The plugin's own version, recorded with every run."),
            .required("api", .integer, "The host API version the plugin targets (this host speaks \(HostAPI.version))."),
            .required("description", .string, "One line for listings."),
            .optional("priority", .integer, "Load order, lower first (default \(ContractDefaults.priority))."),
        ] + HookKind.allCases.map(field(for:))
    )

    /// The manifest field that declares `hook`, typed. A switch, so a new hook kind cannot be
    /// left untyped.
    static func field(for hook: HookKind) -> SchemaField {
        switch hook {
        case .intents: .optional(hook.field, .map(.shape(intent)), "Intent taxonomy: category → terms, synonyms and threshold.")
        case .selectedBy: .optional(hook.field, .list(.string), "The intent categories that make this plugin the goal's domain.")
        case .defaultDomain: .optional(hook.field, .boolean, "Whether this plugin is the domain when no other is selected.")
        case .columns: .optional(hook.field, .list(.string), "The users-table columns the feature formulas read.")
        case .optionalColumns:
            .optional(hook.field, .map(.union([.number, .string])), "Columns the plugin can do without: column → the value that stands in for it.")
        case .filters: .optional(hook.field, .function(filtersHook), "filters(goal): conditions on the users table for the goal.")
        case .features: .optional(hook.field, .map(.function(featureFormula)), "Feature name → formula of one user row.")
        case .clustering: .optional(hook.field, .shape(clustering), "How to cluster: feature weights, algorithm, k range, smallest share, profile.")
        case .persona: .optional(hook.field, .function(personaHook), "persona(cluster): a name and traits for one cluster.")
        case .ingredients: .optional(hook.field, .list(.shape(ingredient)), "The ingredient catalogue of a formulation domain.")
        case .personas:
            .optional(hook.field, .map(.union([.shape(skincarePersona), .shape(learningPersona)])),
                      "Persona id → persona table: formulation profiles, and personas that learn (with traits).")
        case .multipliers: .optional(hook.field, .shape(multipliers), "The formulation rules the host calls with a persona.")
        case .feedback: .optional(hook.field, .map(.function(feedbackMapping)), "Feedback type → mapping from one feedback to trait signals.")
        case .tagging:
            .optional(hook.field, .union([.shape(tagging), .function(taggingFunction)]),
                      "Training-data tagging: a table of rules and targets, or a function of one example.")
        case .photos: .optional(hook.field, .shape(photos), "Face-persona photo rules: scores, weights, rejection, gates and training configuration.")
        }
    }

    /// Every table shape of the contract, from the manifest down (each once, in the order first
    /// met): what the validator reads and what hooks are given and return.
    public static var shapes: [TableShape] {
        var seen: Set<String> = []
        var out: [TableShape] = []
        func visit(_ shape: TableShape) {
            guard seen.insert(shape.name).inserted else { return }
            out.append(shape)
            for field in shape.positional + shape.fields { field.type.innerShapes.forEach(visit) }
        }
        visit(manifest)
        return out
    }

    /// Every named function type of the contract (hooks, rules, mappings), each once, in the
    /// order first met.
    public static var functions: [FunctionShape] {
        var seen: Set<String> = []
        var out: [FunctionShape] = []
        for shape in shapes {
            for field in shape.positional + shape.fields {
                for function in field.type.innerFunctions {
                    guard let name = function.name, seen.insert(name).inserted else { continue }
                    out.append(function)
                }
            }
        }
        return out
    }
}
